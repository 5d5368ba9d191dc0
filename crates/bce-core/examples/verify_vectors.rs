//! Checks a file of bce-auth-v1 signing vectors (one JSON object per line)
//! against this crate's signer and prints `N passed, M failed`.
//!
//! ```text
//! cargo run -p bce-core --example verify_vectors -- crates/bce-core/tests/data/signing-public.jsonl
//! ```
//!
//! Each line gives `method`, `path`, `query` (list of pairs), `headers`,
//! `headers_to_sign` (null = default set), `timestamp`, `expiration_seconds`,
//! the credentials (and `session_token` for STS), and the expected signing
//! key, canonical request and Authorization value.

use std::process::ExitCode;

use bce_core::sign::{parse_timestamp, sign, SignOptions, SignableRequest};
use bce_core::Credentials;
use bce_testkit::vectors;
use serde_json::Value;

/// Signs one vector line and compares every expected field.
pub fn check(line: &str) -> Result<(), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let text = |key: &str| vectors::text(&v, key);
    let creds = match v.get("session_token").and_then(Value::as_str) {
        Some(token) => {
            Credentials::with_session_token(text("access_key_id"), text("secret_access_key"), token)
        }
        None => Credentials::new(text("access_key_id"), text("secret_access_key")),
    }
    .map_err(|e| e.to_string())?;
    let query: Vec<(String, String)> = v
        .get("query")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            let pair = pair.as_array()?;
            Some((
                pair.first()?.as_str()?.to_owned(),
                pair.get(1)?.as_str()?.to_owned(),
            ))
        })
        .collect();
    let headers = vectors::string_map(&v, "headers");
    let mut options = SignOptions::default().with_expiration_seconds(
        v.get("expiration_seconds")
            .and_then(Value::as_u64)
            .unwrap_or(1800) as u32,
    );
    if let Some(list) = v.get("headers_to_sign").and_then(Value::as_array) {
        options = options.with_headers_to_sign(list.iter().filter_map(Value::as_str));
    }
    let ts = parse_timestamp(&text("timestamp")).map_err(|e| e.to_string())?;
    let method = text("method");
    let path = text("path");
    let request = SignableRequest {
        method: &method,
        path: &path,
        query: &query,
        headers: &headers,
    };
    let sig = sign(&creds, &request, &options, ts).map_err(|e| e.to_string())?;
    if sig.signing_key != text("expected_signing_key") {
        return Err("signing key differs".into());
    }
    if sig.canonical_request != text("expected_canonical_request") {
        return Err(format!(
            "canonical request differs:\n--- got\n{}\n--- want\n{}",
            sig.canonical_request,
            text("expected_canonical_request")
        ));
    }
    if sig.authorization != text("expected_authorization") {
        return Err("authorization differs".into());
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: verify_vectors <vectors.jsonl>");
        return ExitCode::from(2);
    };
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let (passed, failures) = vectors::check_lines(&content, check);
    for failure in &failures {
        eprintln!("FAIL {failure}");
    }
    println!("{passed} passed, {} failed", failures.len());
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
