//! `--dry-run`: a transport that records the fully built, signed request
//! instead of sending it, and the masked rendering of what it recorded.

use std::sync::{Arc, Mutex};

use bce_core::{
    BoxFuture, HttpRequest, HttpResponse, HttpTransport, TransportError, TransportErrorKind,
};
use serde_json::{json, Value};

use crate::args::Format;
use crate::output::{self, MASK};

/// The message of the error that stops a dry run at its first request.
pub const NOT_SENT: &str = "dry run: the request was not sent";

/// Refuses to send; keeps each request it was given.
#[derive(Debug, Clone, Default)]
pub struct DryRunTransport {
    captured: Arc<Mutex<Vec<HttpRequest>>>,
}

impl DryRunTransport {
    /// The requests recorded so far.
    pub fn captured(&self) -> Vec<HttpRequest> {
        self.captured.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

impl HttpTransport for DryRunTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        if let Ok(mut c) = self.captured.lock() {
            c.push(request);
        }
        // `Other` is never retried: the pipeline stops at once.
        Box::pin(async {
            Err(TransportError::new(
                TransportErrorKind::Other,
                NOT_SENT,
                false,
            ))
        })
    }
}

/// A header value as shown: the signature of an `Authorization` and every
/// secret-looking header are masked.
fn shown_header(name: &str, value: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower == "authorization" {
        let parts: Vec<&str> = value.split('/').collect();
        if parts.len() == 6 && parts[0] == "bce-auth-v1" {
            return format!("{}/{MASK}", parts[..5].join("/"));
        }
        return MASK.to_owned();
    }
    if bce_core::redact::is_secret_key(&lower) {
        return MASK.to_owned();
    }
    value.to_owned()
}

/// The body as shown: JSON pretty-printed with secret-looking values masked.
fn shown_body(body: &[u8]) -> Option<Value> {
    if body.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(body);
    let masked = bce_core::redact::mask_json_secrets(&text);
    Some(serde_json::from_str(&masked).unwrap_or(Value::String(masked)))
}

/// Prints the recorded requests (`-o json`: one JSON object each).
pub fn print(requests: &[HttpRequest], format: Option<Format>) {
    for request in requests {
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), shown_header(k, v)))
            .collect();
        let body = shown_body(&request.body);
        if format == Some(Format::Json) {
            let headers: serde_json::Map<String, Value> = headers
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect();
            output::json(&json!({
                "method": request.method.as_str(),
                "url": request.url,
                "headers": headers,
                "body": body,
            }));
            continue;
        }
        let mut text = format!("{} {}\n", request.method, request.url);
        for (k, v) in headers {
            text.push_str(&format!("{k}: {v}\n"));
        }
        if let Some(body) = body {
            text.push('\n');
            match &body {
                Value::String(s) => text.push_str(s),
                other => text.push_str(&serde_json::to_string_pretty(other).unwrap_or_default()),
            }
            text.push('\n');
        }
        output::out(text.trim_end());
    }
    output::err("dry run: nothing was sent");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_secrets_are_masked() {
        let auth = "bce-auth-v1/AKID/2023-11-14T22:13:20Z/1800/host;x-bce-date/abcdef0123";
        assert_eq!(
            shown_header("Authorization", auth),
            "bce-auth-v1/AKID/2023-11-14T22:13:20Z/1800/host;x-bce-date/***"
        );
        assert_eq!(shown_header("authorization", "Bearer x"), MASK);
        assert_eq!(shown_header("x-bce-security-token", "tok"), MASK);
        assert_eq!(shown_header("x-bce-date", "d"), "d");
        let body = shown_body(br#"{"name":"a","password":"hunter2"}"#).unwrap();
        assert_eq!(body["name"], "a");
        assert_ne!(body["password"], "hunter2");
        assert!(shown_body(b"").is_none());
    }
}
