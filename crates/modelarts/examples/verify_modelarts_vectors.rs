//! Checks a file of SDK-HMAC-SHA256 signing vectors (one JSON object per
//! line) against this crate's signer and prints `N passed, M failed`.
//!
//! ```text
//! cargo run -p modelarts --example verify_modelarts_vectors -- path/to/vectors.jsonl
//! ```
//!
//! Without an argument it reads `MODELARTS_SIGNING_VECTORS`, else the copy
//! kept in the repository (`crates/modelarts/tests/data/modelarts-signing-public.jsonl`).
//! Each line gives `method`, `host`, `path`, `query` (list of `[name, value]`
//! with string, boolean, integer or list values), `headers`, `body`, the
//! credentials (`access_key`, `secret_key`, optional `security_token` and
//! `project_id`) and the expected signed headers, canonical request, string
//! to sign, Authorization, headers after signing and request URI.

use std::collections::BTreeMap;
use std::process::ExitCode;

use bce_testkit::vectors;
use modelarts::sign::{sign, ListItem, QueryValue, SignableRequest, SigningKey};
use serde_json::Value;

/// The default vectors file (the in-repo copy).
pub fn default_path() -> String {
    std::env::var("MODELARTS_SIGNING_VECTORS").unwrap_or_else(|_| {
        format!(
            "{}/tests/data/modelarts-signing-public.jsonl",
            env!("CARGO_MANIFEST_DIR")
        )
    })
}

fn query_value(v: &Value) -> Result<QueryValue, String> {
    Ok(match v {
        Value::String(s) => QueryValue::Text(s.clone()),
        Value::Bool(b) => QueryValue::Bool(*b),
        Value::Number(n) => QueryValue::Int(n.as_i64().ok_or("non-integer number")?),
        Value::Array(items) => QueryValue::List(
            items
                .iter()
                .map(|i| match i {
                    Value::String(s) => Ok(ListItem::Text(s.clone())),
                    Value::Number(n) => n
                        .as_i64()
                        .map(ListItem::Int)
                        .ok_or_else(|| "non-integer list item".to_string()),
                    other => Err(format!("unsupported list item {other}")),
                })
                .collect::<Result<_, _>>()?,
        ),
        other => return Err(format!("unsupported query value {other}")),
    })
}

/// Signs one vector line and compares every expected field.
pub fn check(line: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let text = |key: &str| vectors::text(&v, key);
    let mut key =
        SigningKey::new(text("access_key"), text("secret_key")).map_err(|e| e.to_string())?;
    if let Some(token) = v.get("security_token").and_then(Value::as_str) {
        key = key.with_security_token(token);
    }
    if let Some(project) = v.get("project_id").and_then(Value::as_str) {
        key = key.with_project_id(project);
    }
    let mut query = Vec::new();
    for pair in v
        .get("query")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = pair
            .get(0)
            .and_then(Value::as_str)
            .ok_or("bad query pair")?;
        let value = query_value(pair.get(1).ok_or("bad query pair")?)?;
        query.push((name.to_owned(), value));
    }
    let headers = vectors::string_map(&v, "headers");
    let (method, host, path, body) = (text("method"), text("host"), text("path"), text("body"));
    let request = SignableRequest {
        method: &method,
        host: &host,
        path: &path,
        query: &query,
        headers: &headers,
        body: body.as_bytes(),
    };
    // The clock is irrelevant: every vector carries its X-Sdk-Date.
    let signed = sign(&key, &request, 0).map_err(|e| e.to_string())?;
    let differs = |what: &str, got: &str, want: &str| {
        format!("{what} differs:\n--- got\n{got}\n--- want\n{want}")
    };
    if signed.signed_headers != text("expected_signed_headers") {
        return Err(differs(
            "signed headers",
            &signed.signed_headers,
            &text("expected_signed_headers"),
        ));
    }
    if signed.canonical_request != text("expected_canonical_request") {
        return Err(differs(
            "canonical request",
            &signed.canonical_request,
            &text("expected_canonical_request"),
        ));
    }
    if signed.string_to_sign != text("expected_string_to_sign") {
        return Err(differs(
            "string to sign",
            &signed.string_to_sign,
            &text("expected_string_to_sign"),
        ));
    }
    if signed.authorization != text("expected_authorization") {
        return Err(differs(
            "authorization",
            &signed.authorization,
            &text("expected_authorization"),
        ));
    }
    if let Some(want) = v.get("expected_headers").and_then(Value::as_object) {
        let want: BTreeMap<&str, &str> = want
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
            .collect();
        let got: BTreeMap<&str, &str> = signed
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if got != want {
            return Err(format!(
                "headers differ:\n--- got\n{got:?}\n--- want\n{want:?}"
            ));
        }
    }
    if v.get("expected_request_uri").is_some() && signed.request_uri != text("expected_request_uri")
    {
        return Err(differs(
            "request URI",
            &signed.request_uri,
            &text("expected_request_uri"),
        ));
    }
    Ok(())
}

/// Checks every line of `content`; returns (passed, failures).
pub fn check_all(content: &str) -> (usize, Vec<String>) {
    vectors::check_lines(content, check)
}

#[allow(dead_code)]
fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(default_path);
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let (passed, failures) = check_all(&content);
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    println!("{passed} passed, {} failed", failures.len());
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
