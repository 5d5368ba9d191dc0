//! Operation input: `--input @file|-|JSON` and `--set a.b=v`.

use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};

use crate::failure::Failure;

/// Reads a JSON document from a file, or stdin for `-`.
pub fn read_json_file(spec: &str) -> Result<Value, Failure> {
    let (text, origin) = if spec == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::usage(format!("cannot read the input from stdin: {e}")))?;
        (text, "stdin".to_owned())
    } else {
        let path = Path::new(spec);
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
        (text, path.display().to_string())
    };
    serde_json::from_str(&text)
        .map_err(|e| Failure::usage(format!("{origin} is not valid JSON: {e}")))
}

/// The `--input` value: `@file`, `-` (stdin) or JSON text; `{}` without one.
pub fn read_input(spec: Option<&str>) -> Result<Value, Failure> {
    match spec {
        None => Ok(Value::Object(Map::new())),
        Some("-") => read_json_file("-"),
        Some(s) if s.starts_with('@') => read_json_file(&s[1..]),
        Some(s) => serde_json::from_str(s)
            .map_err(|e| Failure::usage(format!("--input is neither @FILE, - nor JSON text: {e}"))),
    }
}

/// One step of a `--set` path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Splits `a.b[0].c` (or `a.b.0.c`) into steps.
fn parse_path(path: &str) -> Result<Vec<Step>, Failure> {
    let bad = || {
        Failure::usage(format!(
            "--set: {path:?} is not a field path (e.g. jobSpec.replicas or envs[0].name)"
        ))
    };
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if name.is_empty() && rest.is_empty() {
            return Err(bad());
        }
        if !name.is_empty() {
            match name.parse::<usize>() {
                Ok(i) if !steps.is_empty() => steps.push(Step::Index(i)),
                _ => steps.push(Step::Key(name.to_owned())),
            }
        }
        while !rest.is_empty() {
            let close = rest.find(']').ok_or_else(bad)?;
            let index = rest[1..close].parse::<usize>().map_err(|_| bad())?;
            steps.push(Step::Index(index));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return Err(bad());
            }
        }
    }
    if steps.is_empty() {
        return Err(bad());
    }
    Ok(steps)
}

/// The value of `template` at `steps` (lists: their first element).
fn template_at<'t>(template: &'t Value, steps: &[Step]) -> Option<&'t Value> {
    let mut at = template;
    for step in steps {
        at = match (step, at) {
            (Step::Key(k), Value::Object(map)) => map.get(k).or_else(|| {
                map.iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v)
            })?,
            (Step::Index(_), Value::Array(items)) => items.first()?,
            _ => return None,
        };
    }
    Some(at)
}

/// Turns the text of a `--set` into JSON, guided by the template's value at
/// that place: text stays text where a string goes, numbers and booleans are
/// parsed where they go, JSON is parsed where lists and objects go; where the
/// template does not know the place, JSON values are parsed and anything
/// else is text.
fn convert(text: &str, template: Option<&Value>, path: &str) -> Result<Value, Failure> {
    let parse = |what: &str| {
        serde_json::from_str::<Value>(text)
            .map_err(|_| Failure::usage(format!("--set {path}: expected {what}, got {text:?}")))
    };
    match template {
        Some(Value::String(_)) => Ok(Value::String(text.to_owned())),
        Some(Value::Number(_)) => match parse("a number")? {
            v @ Value::Number(_) => Ok(v),
            _ => Err(Failure::usage(format!(
                "--set {path}: expected a number, got {text:?}"
            ))),
        },
        Some(Value::Bool(_)) => match text {
            "true" | "True" | "1" | "yes" => Ok(Value::Bool(true)),
            "false" | "False" | "0" | "no" => Ok(Value::Bool(false)),
            _ => Err(Failure::usage(format!(
                "--set {path}: expected true or false, got {text:?}"
            ))),
        },
        Some(Value::Array(_)) => match parse("a JSON list")? {
            v @ Value::Array(_) => Ok(v),
            // A single item where a list goes.
            other => Ok(Value::Array(vec![other])),
        },
        Some(Value::Object(_)) => parse("a JSON object"),
        Some(Value::Null) | None => Ok(serde_json::from_str::<Value>(text)
            .ok()
            .filter(|v| !v.is_string())
            .unwrap_or_else(|| Value::String(text.to_owned()))),
    }
}

/// Applies one `--set path=value` to `input`, creating objects and list
/// elements on the way.
pub fn apply_set(input: &mut Value, expr: &str, template: &Value) -> Result<(), Failure> {
    let (path, text) = expr
        .split_once('=')
        .ok_or_else(|| Failure::usage(format!("--set {expr:?}: expected PATH=VALUE")))?;
    let steps = parse_path(path.trim())?;
    let value = convert(text, template_at(template, &steps), path)?;
    let mut at = input;
    for (i, step) in steps.iter().enumerate() {
        let last = i + 1 == steps.len();
        match step {
            Step::Key(k) => {
                if !at.is_object() {
                    if at.is_null() {
                        *at = Value::Object(Map::new());
                    } else {
                        return Err(Failure::usage(format!(
                            "--set {path}: {k:?} is inside a value that is not an object"
                        )));
                    }
                }
                let map = match at {
                    Value::Object(map) => map,
                    _ => return Err(Failure::usage(format!("--set {path}: not an object"))),
                };
                if last {
                    map.insert(k.clone(), value);
                    return Ok(());
                }
                at = map.entry(k.clone()).or_insert(Value::Null);
            }
            Step::Index(index) => {
                if at.is_null() {
                    *at = Value::Array(Vec::new());
                }
                let items = match at {
                    Value::Array(items) => items,
                    _ => {
                        return Err(Failure::usage(format!(
                            "--set {path}: [{index}] is inside a value that is not a list"
                        )))
                    }
                };
                if *index > items.len() {
                    return Err(Failure::usage(format!(
                        "--set {path}: element {index} would leave a gap (the list has {})",
                        items.len()
                    )));
                }
                if *index == items.len() {
                    items.push(Value::Null);
                }
                if last {
                    items[*index] = value;
                    return Ok(());
                }
                at = &mut items[*index];
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("a.b[0].c").unwrap(),
            vec![
                Step::Key("a".into()),
                Step::Key("b".into()),
                Step::Index(0),
                Step::Key("c".into())
            ]
        );
        assert_eq!(parse_path("a.1").unwrap()[1], Step::Index(1));
        assert!(
            parse_path("").is_err() && parse_path("a..b").is_err() && parse_path("a[x]").is_err()
        );
    }

    #[test]
    fn sets_follow_the_template() {
        let template = json!({
            "jobId": "", "replicas": 0, "enable": false, "tags": {},
            "spec": {"envs": [{"name": "", "value": ""}], "command": ""}, "ids": [""]
        });
        let mut v = json!({});
        for e in [
            "jobId=123",
            "replicas=2",
            "enable=true",
            "spec.envs[0].name=A",
            "spec.envs.0.value=1",
            "spec.envs[1].name=B",
            "spec.command=echo a=b",
            "tags.team=ml",
            "ids=[\"x\",\"y\"]",
            "free=7",
        ] {
            apply_set(&mut v, e, &template).unwrap();
        }
        assert_eq!(
            v,
            json!({
                "jobId": "123", "replicas": 2, "enable": true,
                "spec": {"envs": [{"name": "A", "value": "1"}, {"name": "B"}], "command": "echo a=b"},
                "tags": {"team": "ml"}, "ids": ["x", "y"], "free": 7
            })
        );
        assert!(apply_set(&mut v, "replicas=two", &template).is_err());
        assert!(apply_set(&mut v, "spec.envs[5].name=x", &template).is_err());
        assert!(apply_set(&mut v, "noequals", &template).is_err());
        assert!(apply_set(&mut v, "jobId.x=1", &template).is_err());
    }

    #[test]
    fn inputs() {
        assert_eq!(read_input(None).unwrap(), json!({}));
        assert_eq!(read_input(Some("{\"a\":1}")).unwrap(), json!({"a": 1}));
        assert!(read_input(Some("@/nonexistent/file.json")).is_err());
        assert!(read_input(Some("{")).is_err());
    }
}
