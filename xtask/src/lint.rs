//! `cargo xtask lint`: project rules.

use std::fs;
use std::path::{Path, PathBuf};

/// Calls that library code must not contain.
const FORBIDDEN: &[&str] = &[
    ".unwrap()",
    ".expect(",
    "panic!(",
    "println!(",
    "eprintln!(",
    "dbg!(",
    "todo!(",
    "unimplemented!(",
];

/// Checks every crate under `crates/`; reports all violations at once.
pub fn run(root: &Path) -> Result<(), String> {
    let problems = check(root);
    if problems.is_empty() {
        println!("lint: ok");
        Ok(())
    } else {
        for p in &problems {
            eprintln!("{p}");
        }
        Err(format!("{} lint problem(s)", problems.len()))
    }
}

/// All violations as `path:line: message` strings.
pub fn check(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let crates_dir = root.join("crates");
    let Ok(entries) = fs::read_dir(&crates_dir) else {
        return vec![format!("{}: cannot read", crates_dir.display())];
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    dirs.sort();
    check_workspace_lints(root, &mut problems);
    for dir in dirs {
        check_crate(&dir, &mut problems);
    }
    problems
}

/// The lints every crate inherits (`[lints] workspace = true`): public
/// items documented, no unsafe code.
const WORKSPACE_LINTS: &[(&str, &str)] = &[("missing_docs", "deny"), ("unsafe_code", "forbid")];

fn check_workspace_lints(root: &Path, problems: &mut Vec<String>) {
    let manifest = root.join("Cargo.toml");
    let doc = match fs::read_to_string(&manifest).map(|t| t.parse::<toml_edit::DocumentMut>()) {
        Ok(Ok(doc)) => doc,
        _ => {
            problems.push(format!("{}: cannot parse", manifest.display()));
            return;
        }
    };
    let rust = doc
        .get("workspace")
        .and_then(|w| w.get("lints"))
        .and_then(|l| l.get("rust"));
    for (lint, level) in WORKSPACE_LINTS {
        let set = rust.and_then(|r| r.get(lint)).and_then(|v| v.as_str());
        if set != Some(level) {
            problems.push(format!(
                "{}: [workspace.lints.rust] must set {lint} = \"{level}\"",
                manifest.display()
            ));
        }
    }
}

fn check_crate(dir: &Path, problems: &mut Vec<String>) {
    let show = |p: &Path| p.display().to_string();
    if !dir.join("README.md").is_file() {
        problems.push(format!("{}: missing README.md", show(dir)));
    }
    match fs::read_to_string(dir.join("CHANGELOG.md")) {
        Ok(text) if text.lines().any(|l| l.trim() == "## [Unreleased]") => {}
        Ok(_) => problems.push(format!(
            "{}: CHANGELOG.md has no '## [Unreleased]' section",
            show(dir)
        )),
        Err(_) => problems.push(format!("{}: missing CHANGELOG.md", show(dir))),
    }
    match fs::read_to_string(dir.join("Cargo.toml")).map(|t| t.parse::<toml_edit::DocumentMut>()) {
        Ok(Ok(doc)) => {
            for key in ["version", "description"] {
                if doc.get("package").and_then(|p| p.get(key)).is_none() {
                    problems.push(format!("{}/Cargo.toml: package has no {key}", show(dir)));
                }
            }
            // `missing_docs` and `unsafe_code` come from `[workspace.lints]`.
            let uses_workspace_lints = doc
                .get("lints")
                .and_then(|l| l.get("workspace"))
                .and_then(|w| w.as_bool())
                == Some(true);
            if !uses_workspace_lints {
                problems.push(format!(
                    "{}/Cargo.toml: missing `[lints] workspace = true`",
                    show(dir)
                ));
            }
        }
        _ => problems.push(format!("{}/Cargo.toml: cannot parse", show(dir))),
    }
    let mut files = Vec::new();
    collect_rs(&dir.join("src"), &mut files);
    files.sort();
    for file in files {
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        for (line_no, message) in scan_source(&text) {
            problems.push(format!("{}:{line_no}: {message}", show(&file)));
        }
    }
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Forbidden calls in library source, skipping comments and the test module
/// at the end of a file (`#[cfg(test)]` followed by `mod`).
pub fn scan_source(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines
                .get(i + 1)
                .is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            Some(at) if !line[..at].contains('"') && !line[at..].contains("lint: allow(print)") => {
                &line[..at]
            }
            _ => line,
        };
        if code.contains("lint: allow(print)") {
            continue;
        }
        if let Some(pattern) = FORBIDDEN.iter().find(|p| code.contains(*p)) {
            found.push((i + 1, format!("library code must not use `{pattern}`")));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_skips_comments_and_tests() {
        let src = "fn a() { x.unwrap(); }\n// y.unwrap()\n/// z.expect(\"\")\nfn b() { println!(\"hi\"); }\n#[cfg(test)]\nmod tests { fn t() { q.unwrap(); } }\n";
        let found = scan_source(src);
        assert_eq!(
            found.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            vec![1, 4]
        );
    }
}
