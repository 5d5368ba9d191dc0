//! `cargo xtask release <crate> <major|minor|patch>`: bumps one crate.
//!
//! Before changing anything it checks, when `cargo-semver-checks` is
//! installed and the crate has an earlier release, that the public API did
//! not change more than the bump allows (it never installs the tool). It
//! prints the order in which the crate and the workspace crates that depend
//! on it must be published.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use toml_edit::{DocumentMut, Item, Value};

/// Which part of the version to raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bump {
    /// `x.0.0`
    Major,
    /// `x.y.0`
    Minor,
    /// `x.y.z`
    Patch,
}

impl Bump {
    /// Parses `major`, `minor` or `patch`.
    pub fn parse(text: &str) -> Option<Bump> {
        match text {
            "major" => Some(Bump::Major),
            "minor" => Some(Bump::Minor),
            "patch" => Some(Bump::Patch),
            _ => None,
        }
    }

    /// The release type `cargo semver-checks --release-type` must accept
    /// for this bump of `version`: before 1.0 a minor bump (0.1 → 0.2) is
    /// the breaking one and a patch bump may add API, as Cargo reads them.
    pub fn semver_release_type(self, version: &str) -> &'static str {
        let pre_1_0 = version.starts_with("0.");
        match (self, pre_1_0) {
            (Bump::Major, _) | (Bump::Minor, true) => "major",
            (Bump::Minor, false) | (Bump::Patch, true) => "minor",
            (Bump::Patch, false) => "patch",
        }
    }

    /// The version after this bump.
    pub fn apply(self, version: &str) -> Result<String, String> {
        let parts: Vec<u64> = version
            .split('.')
            .map(|p| p.parse::<u64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("unsupported version {version:?} (expected X.Y.Z)"))?;
        let [major, minor, patch] = parts[..] else {
            return Err(format!("unsupported version {version:?} (expected X.Y.Z)"));
        };
        Ok(match self {
            Bump::Major => format!("{}.0.0", major + 1),
            Bump::Minor => format!("{major}.{}.0", minor + 1),
            Bump::Patch => format!("{major}.{minor}.{}", patch + 1),
        })
    }
}

/// Flags of a release.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Print the plan, change nothing.
    pub dry_run: bool,
    /// Do not insist on a clean git tree.
    pub allow_dirty: bool,
}

/// What a release changes.
#[derive(Debug)]
pub struct Plan {
    crate_name: String,
    old: String,
    new: String,
    date: String,
    files: Vec<PathBuf>,
    dry_run: bool,
    semver: String,
    publish_order: Vec<String>,
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.dry_run {
            "would release"
        } else {
            "released"
        };
        writeln!(
            f,
            "{verb} {} {} -> {} ({})",
            self.crate_name, self.old, self.new, self.date
        )?;
        for file in &self.files {
            writeln!(f, "  {}", file.display())?;
        }
        writeln!(f, "{}", self.semver)?;
        writeln!(f, "publish order: {}", self.publish_order.join(", "))?;
        if self.publish_order.len() > 1 {
            writeln!(
                f,
                "  (the crates after {} depend on it: release them too, in this order)",
                self.crate_name
            )?;
        }
        Ok(())
    }
}

/// Bumps `crate_name` under `root`, updates requirements on it and its changelog.
pub fn run(root: &Path, crate_name: &str, bump: Bump, options: Options) -> Result<Plan, String> {
    let today = time::OffsetDateTime::now_utc().date();
    let date = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    release(root, crate_name, bump, options, &date)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn parse(path: &Path) -> Result<DocumentMut, String> {
    read(path)?
        .parse::<DocumentMut>()
        .map_err(|e| format!("cannot parse {}: {e}", path.display()))
}

/// Sets `version` of the dependency `name` in one dependency table, if the
/// entry has a version requirement. Returns whether anything changed.
fn update_requirement(table: Option<&mut Item>, name: &str, new: &str) -> bool {
    let Some(entry) = table.and_then(|t| t.get_mut(name)) else {
        return false;
    };
    match entry {
        Item::Value(Value::InlineTable(inline)) if inline.contains_key("version") => {
            if let Some(v) = inline.get_mut("version") {
                set_keeping_decor(v, new);
            }
            true
        }
        Item::Table(table) if table.contains_key("version") => {
            table.insert("version", toml_edit::value(new));
            true
        }
        Item::Value(v @ Value::String(_)) => {
            set_keeping_decor(v, new);
            true
        }
        _ => false,
    }
}

/// Replaces a value, keeping its surrounding spaces and comments.
fn set_keeping_decor(value: &mut Value, new: &str) {
    let decor = value.decor().clone();
    *value = Value::from(new);
    *value.decor_mut() = decor;
}

/// The changelog with `## [Unreleased]` turned into the release section.
fn rewrite_changelog(text: &str, version: &str, date: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "## [Unreleased]")
        .ok_or("CHANGELOG.md has no '## [Unreleased]' section")?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with("## "))
        .map_or(lines.len(), |p| start + 1 + p);
    if lines[start + 1..end].iter().all(|l| l.trim().is_empty()) {
        return Err("the Unreleased section of CHANGELOG.md is empty: nothing to release".into());
    }
    let mut out: Vec<String> = lines[..start].iter().map(|s| s.to_string()).collect();
    out.push("## [Unreleased]".into());
    out.push(String::new());
    out.push(format!("## [{version}] - {date}"));
    out.extend(lines[start + 1..].iter().map(|s| s.to_string()));
    let mut text = out.join("\n");
    text.push('\n');
    Ok(text)
}

fn release(
    root: &Path,
    crate_name: &str,
    bump: Bump,
    options: Options,
    date: &str,
) -> Result<Plan, String> {
    let crate_dir = root.join("crates").join(crate_name);
    let manifest_path = crate_dir.join("Cargo.toml");
    if !manifest_path.is_file() {
        return Err(format!("no crate named {crate_name:?} under crates/"));
    }
    if !options.allow_dirty {
        let out = Command::new("git")
            .args(["status", "--porcelain"])
            .current_dir(root)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err("git status failed: is this a git checkout?".into());
        }
        if !out.stdout.is_empty() {
            return Err(
                "the working tree is dirty; commit or stash first (or pass --allow-dirty)".into(),
            );
        }
    }
    let mut manifest = parse(&manifest_path)?;
    let package_name = manifest["package"]["name"]
        .as_str()
        .unwrap_or(crate_name)
        .to_owned();
    let old = manifest["package"]["version"]
        .as_str()
        .ok_or_else(|| format!("{} has no literal package.version", manifest_path.display()))?
        .to_owned();
    let new = bump.apply(&old)?;
    let changelog_path = crate_dir.join("CHANGELOG.md");
    let changelog_text = read(&changelog_path)?;
    let changelog = rewrite_changelog(&changelog_text, &new, date)?;
    let semver = semver_check(root, &crate_dir, &package_name, &old, bump, &changelog_text)?;
    let publish_order = publish_order(root, &package_name)?;
    if let Some(v) = manifest["package"]["version"].as_value_mut() {
        set_keeping_decor(v, &new);
    }

    let mut edits: Vec<(PathBuf, String)> = vec![
        (manifest_path, manifest.to_string()),
        (changelog_path, changelog),
    ];
    let root_manifest = root.join("Cargo.toml");
    let mut root_doc = parse(&root_manifest)?;
    let deps = root_doc
        .get_mut("workspace")
        .and_then(|w| w.get_mut("dependencies"));
    if update_requirement(deps, &package_name, &new) {
        edits.push((root_manifest, root_doc.to_string()));
    }
    if let Ok(entries) = fs::read_dir(root.join("crates")) {
        let mut others: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("Cargo.toml"))
            .collect();
        others.sort();
        for path in others
            .into_iter()
            .filter(|p| p.is_file() && p.parent() != Some(crate_dir.as_path()))
        {
            let mut doc = parse(&path)?;
            let mut changed = false;
            for table in ["dependencies", "dev-dependencies", "build-dependencies"] {
                changed |= update_requirement(doc.get_mut(table), &package_name, &new);
            }
            if changed {
                edits.push((path, doc.to_string()));
            }
        }
    }
    if !options.dry_run {
        for (path, text) in &edits {
            write(path, text)?;
        }
    }
    Ok(Plan {
        crate_name: package_name,
        old,
        new,
        date: date.to_owned(),
        files: edits
            .into_iter()
            .map(|(p, _)| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p))
            .collect(),
        dry_run: options.dry_run,
        semver,
        publish_order,
    })
}

/// Whether the changelog has a section for `version` (it was released).
fn was_released(changelog: &str, version: &str) -> bool {
    let heading = format!("## [{version}]");
    changelog.lines().any(|l| l.trim().starts_with(&heading))
}

/// Checks the public API change against the bump with cargo-semver-checks
/// when it is installed and there is an earlier release to compare with.
/// Returns a note for the plan; refuses (`Err`) a bump smaller than the
/// API change.
fn semver_check(
    root: &Path,
    crate_dir: &Path,
    package: &str,
    old: &str,
    bump: Bump,
    changelog: &str,
) -> Result<String, String> {
    if !was_released(changelog, old) {
        return Ok(format!(
            "semver check skipped: {package} {old} was never released (no '## [{old}]' in its changelog)"
        ));
    }
    let installed = Command::new("cargo")
        .args(["semver-checks", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        return Ok(
            "semver check skipped: cargo-semver-checks is not installed \
             (`cargo install cargo-semver-checks --locked` enables it)"
                .into(),
        );
    }
    // The release commit of `old`: the last commit that put that version
    // into the crate's manifest.
    let manifest = crate_dir.join("Cargo.toml");
    let log = Command::new("git")
        .args(["log", "-1", "--format=%H", "-S"])
        .arg(format!("version = \"{old}\""))
        .arg("--")
        .arg(&manifest)
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let rev = String::from_utf8_lossy(&log.stdout).trim().to_owned();
    if rev.is_empty() {
        return Ok(format!(
            "semver check skipped: no commit sets {package} to {old} (cannot find the baseline)"
        ));
    }
    let release_type = bump.semver_release_type(old);
    let out = Command::new("cargo")
        .args(["semver-checks", "check-release", "--package", package])
        .args(["--baseline-rev", &rev, "--release-type", release_type])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo semver-checks: {e}"))?;
    if out.status.success() {
        Ok(format!(
            "semver check passed: the API change since {old} ({}) fits a {release_type} release",
            &rev[..rev.len().min(10)]
        ))
    } else {
        let mut report = String::from_utf8_lossy(&out.stdout).into_owned();
        report.push_str(&String::from_utf8_lossy(&out.stderr));
        Err(format!(
            "the public API of {package} changed more than a {release_type} release allows \
             (cargo semver-checks against {old}); choose a larger bump:\n{report}"
        ))
    }
}

/// The publishable workspace crates under `crates/` and the workspace
/// crates each one depends on (normal and build dependencies).
fn workspace_graph(root: &Path) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut manifests: Vec<PathBuf> = fs::read_dir(root.join("crates"))
        .map_err(|e| format!("cannot read crates/: {e}"))?
        .flatten()
        .map(|e| e.path().join("Cargo.toml"))
        .filter(|p| p.is_file())
        .collect();
    manifests.sort();
    let mut packages = Vec::new();
    for path in manifests {
        let doc = parse(&path)?;
        let package = doc.get("package");
        let Some(name) = package.and_then(|p| p.get("name")).and_then(Item::as_str) else {
            continue;
        };
        if package
            .and_then(|p| p.get("publish"))
            .and_then(Item::as_bool)
            == Some(false)
        {
            continue;
        }
        let deps: Vec<String> = ["dependencies", "build-dependencies"]
            .iter()
            .filter_map(|t| doc.get(t).and_then(Item::as_table_like))
            .flat_map(|t| t.iter().map(|(k, _)| k.to_owned()).collect::<Vec<_>>())
            .collect();
        packages.push((name.to_owned(), deps));
    }
    let names: Vec<String> = packages.iter().map(|(n, _)| n.clone()).collect();
    Ok(packages
        .into_iter()
        .map(|(n, deps)| (n, deps.into_iter().filter(|d| names.contains(d)).collect()))
        .collect())
}

/// `package` followed by every workspace crate that depends on it (directly
/// or not), each after all of its workspace dependencies in that set.
fn publish_order(root: &Path, package: &str) -> Result<Vec<String>, String> {
    let graph = workspace_graph(root)?;
    let mut affected = vec![package.to_owned()];
    loop {
        let more: Vec<String> = graph
            .iter()
            .filter(|(n, deps)| !affected.contains(n) && deps.iter().any(|d| affected.contains(d)))
            .map(|(n, _)| n.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        affected.extend(more);
    }
    let mut order: Vec<String> = Vec::new();
    while order.len() < affected.len() {
        let ready = affected.iter().find(|n| {
            !order.contains(n)
                && graph
                    .iter()
                    .find(|(g, _)| g == *n)
                    .map_or(true, |(_, deps)| {
                        deps.iter()
                            .all(|d| !affected.contains(d) || order.contains(d))
                    })
        });
        match ready {
            Some(n) => order.push(n.clone()),
            None => return Err("the workspace crates depend on each other in a cycle".into()),
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-release-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("crates/core")).unwrap();
        fs::create_dir_all(dir.join("crates/svc")).unwrap();
        fs::write(
            dir.join("Cargo.toml"),
            "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\ncore = { version = \"0.1.0\", path = \"crates/core\" } # keep\n",
        )
        .unwrap();
        fs::write(
            dir.join("crates/core/Cargo.toml"),
            "[package]\nname = \"core\"\nversion = \"0.1.0\" # the version\n",
        )
        .unwrap();
        fs::write(
            dir.join("crates/core/CHANGELOG.md"),
            "# Changelog\n\n## [Unreleased]\n\n### Added\n- things\n\n## [0.0.1] - 2020-01-01\n- old\n",
        )
        .unwrap();
        fs::write(
            dir.join("crates/svc/Cargo.toml"),
            "[package]\nname = \"svc\"\nversion = \"0.3.0\"\n\n[dependencies]\ncore = { version = \"0.1.0\", path = \"../core\" }\n",
        )
        .unwrap();
        fs::write(
            dir.join("crates/svc/CHANGELOG.md"),
            "# Changelog\n\n## [Unreleased]\n\n",
        )
        .unwrap();
        dir
    }

    const DIRTY_OK: Options = Options {
        dry_run: false,
        allow_dirty: true,
    };

    #[test]
    fn bumps() {
        assert_eq!(Bump::Patch.apply("0.1.0").unwrap(), "0.1.1");
        assert_eq!(Bump::Minor.apply("0.1.7").unwrap(), "0.2.0");
        assert_eq!(Bump::Major.apply("0.9.3").unwrap(), "1.0.0");
        assert!(Bump::Patch.apply("1.0").is_err());
    }

    #[test]
    fn semver_release_types() {
        assert_eq!(Bump::Minor.semver_release_type("0.1.0"), "major");
        assert_eq!(Bump::Patch.semver_release_type("0.1.0"), "minor");
        assert_eq!(Bump::Major.semver_release_type("0.1.0"), "major");
        assert_eq!(Bump::Minor.semver_release_type("1.2.0"), "minor");
        assert_eq!(Bump::Patch.semver_release_type("1.2.0"), "patch");
        assert!(was_released("## [0.1.0] - 2026-01-01\n", "0.1.0"));
        assert!(!was_released("## [Unreleased]\n## [0.0.1]\n", "0.1.0"));
    }

    #[test]
    fn publish_order_puts_dependents_after_what_they_use() {
        let root = workspace("order");
        fs::create_dir_all(root.join("crates/app")).unwrap();
        fs::write(
            root.join("crates/app/Cargo.toml"),
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\n\n[dependencies]\nsvc = { path = \"../svc\" }\ncore = { path = \"../core\" }\n",
        )
        .unwrap();
        fs::create_dir_all(root.join("crates/kit")).unwrap();
        fs::write(
            root.join("crates/kit/Cargo.toml"),
            "[package]\nname = \"kit\"\nversion = \"0.1.0\"\npublish = false\n\n[dependencies]\ncore = { path = \"../core\" }\n",
        )
        .unwrap();
        assert_eq!(
            publish_order(&root, "core").unwrap(),
            ["core", "svc", "app"]
        );
        assert_eq!(publish_order(&root, "svc").unwrap(), ["svc", "app"]);
        assert_eq!(publish_order(&root, "app").unwrap(), ["app"]);
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn release_updates_version_requirements_and_changelog() {
        let root = workspace("full");
        let plan = release(&root, "core", Bump::Minor, DIRTY_OK, "2026-11-22").unwrap();
        assert_eq!((plan.old.as_str(), plan.new.as_str()), ("0.1.0", "0.2.0"));
        let manifest = fs::read_to_string(root.join("crates/core/Cargo.toml")).unwrap();
        assert!(
            manifest.contains("version = \"0.2.0\" # the version"),
            "{manifest}"
        );
        let ws = fs::read_to_string(root.join("Cargo.toml")).unwrap();
        assert!(
            ws.contains("core = { version = \"0.2.0\", path = \"crates/core\" } # keep"),
            "{ws}"
        );
        let svc = fs::read_to_string(root.join("crates/svc/Cargo.toml")).unwrap();
        assert!(
            svc.contains("version = \"0.2.0\", path = \"../core\""),
            "{svc}"
        );
        assert!(
            svc.contains("version = \"0.3.0\"\n"),
            "the dependent keeps its own version"
        );
        let log = fs::read_to_string(root.join("crates/core/CHANGELOG.md")).unwrap();
        assert!(
            log.contains("## [Unreleased]\n\n## [0.2.0] - 2026-11-22\n\n### Added\n- things"),
            "{log}"
        );
        assert!(log.contains("## [0.0.1] - 2020-01-01"));
        let shown = plan.to_string();
        assert!(
            shown.contains("semver check skipped: core 0.1.0 was never released"),
            "{shown}"
        );
        assert!(shown.contains("publish order: core, svc"), "{shown}");
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn dry_run_changes_nothing() {
        let root = workspace("dry");
        let before = fs::read_to_string(root.join("crates/core/Cargo.toml")).unwrap();
        let plan = release(
            &root,
            "core",
            Bump::Patch,
            Options {
                dry_run: true,
                allow_dirty: true,
            },
            "2026-01-01",
        )
        .unwrap();
        assert!(plan
            .to_string()
            .contains("would release core 0.1.0 -> 0.1.1"));
        assert_eq!(
            before,
            fs::read_to_string(root.join("crates/core/Cargo.toml")).unwrap()
        );
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn refuses_empty_unreleased_and_unknown_crates() {
        let root = workspace("empty");
        let err = release(&root, "svc", Bump::Patch, DIRTY_OK, "2026-01-01").unwrap_err();
        assert!(err.contains("empty"), "{err}");
        assert!(release(&root, "nope", Bump::Patch, DIRTY_OK, "2026-01-01").is_err());
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn refuses_a_dirty_tree() {
        let root = workspace("dirty");
        let git = |args: &[&str]| {
            Command::new("git")
                .args(["-c", "user.name=t", "-c", "user.email=t@t"])
                .args(args)
                .current_dir(&root)
                .output()
                .unwrap()
        };
        git(&["init", "-q"]);
        git(&["add", "-A"]);
        git(&["commit", "-qm", "init"]);
        let clean = Options {
            dry_run: true,
            allow_dirty: false,
        };
        assert!(release(&root, "core", Bump::Patch, clean, "2026-01-01").is_ok());
        fs::write(root.join("untracked.txt"), "x").unwrap();
        let err = release(&root, "core", Bump::Patch, clean, "2026-01-01").unwrap_err();
        assert!(err.contains("dirty"), "{err}");
        fs::remove_dir_all(root).unwrap();
    }
}
