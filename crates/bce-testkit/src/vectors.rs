//! Reading signing-vector files (one JSON object per line) for the
//! crates' `verify_*vectors` examples and tests.

use serde_json::Value;

/// The string field `key` of a vector line (`""` when absent).
pub fn text(line: &Value, key: &str) -> String {
    line.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The object field `key` of a vector line as name/value pairs, in the
/// file's order (non-string values read as `""`).
pub fn string_map(line: &Value, key: &str) -> Vec<(String, String)> {
    line.get(key)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// Checks every non-empty line of `content` with `check`; returns how
/// many passed and one `"{name}: {error}"` per failure (the line's `name`
/// field, else its line number).
pub fn check_lines(
    content: &str,
    check: impl Fn(&str) -> Result<(), String>,
) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut failures = Vec::new();
    for (n, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match check(line) {
            Ok(()) => passed += 1,
            Err(e) => {
                let name = serde_json::from_str::<Value>(line)
                    .ok()
                    .and_then(|v| v.get("name").and_then(Value::as_str).map(str::to_owned))
                    .unwrap_or_else(|| format!("line {}", n + 1));
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    (passed, failures)
}
