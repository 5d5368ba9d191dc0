//! Huawei Cloud's error shape.
//!
//! An answer with status ≥ 400 carries `{"error_code": "ModelArts.xxxx",
//! "error_msg": "…"}`; other Huawei services use `errorCode`/`errorMsg` or
//! `code`/`message`, sometimes inside a nested object. The request id is the
//! `X-Request-Id` response header. Parsing never fails: without a code the
//! HTTP status is the code, without a message the raw body is the message.

use bce_core::{ErrorDecoder, HttpResponse, ServiceError};
use serde_json::{Map, Value};

/// Response header with Huawei's request id.
pub const REQUEST_ID_HEADER: &str = "X-Request-Id";

/// The pairs of (code, message) keys, in the order the official SDK tries them.
const KEY_PAIRS: [(&str, &str); 3] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

/// What [`parse_error_body`] finds in an error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The service error code, e.g. `ModelArts.50015001`.
    pub code: Option<String>,
    /// The message.
    pub message: Option<String>,
    /// `encoded_authorization_message`, when the gateway sent one.
    pub encoded_authorization_message: Option<String>,
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn find_pair(map: &Map<String, Value>) -> Option<(String, Option<String>)> {
    for (code_key, msg_key) in KEY_PAIRS {
        if let Some(code) = map.get(code_key).and_then(text) {
            if map.contains_key(msg_key) || code_key == "error_code" {
                return Some((code, map.get(msg_key).and_then(text)));
            }
        }
    }
    None
}

fn find_nested(map: &Map<String, Value>, found: &mut Option<(String, Option<String>)>) {
    for value in map.values() {
        if let Value::Object(inner) = value {
            if let Some(pair) = find_pair(inner) {
                *found = Some(pair);
            }
            find_nested(inner, found);
        }
    }
}

/// Reads code and message from an error body (see the module docs).
pub fn parse_error_body(body: &[u8]) -> ErrorBody {
    let mut out = ErrorBody::default();
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return out;
    };
    let found = find_pair(&map).or_else(|| {
        let mut nested = None;
        find_nested(&map, &mut nested);
        nested
    });
    if let Some((code, message)) = found {
        out.code = Some(code);
        out.message = message;
    }
    out.encoded_authorization_message = map.get("encoded_authorization_message").and_then(text);
    out
}

/// The service error of an answer with status ≥ 400. Never fails.
pub fn service_error(response: &HttpResponse) -> ServiceError {
    let parsed = parse_error_body(&response.body);
    let raw = String::from_utf8_lossy(&response.body);
    let code = parsed
        .code
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| response.status.to_string());
    let mut message = parsed.message.unwrap_or_else(|| {
        let raw = raw.trim();
        let mut m: String = raw.chars().take(500).collect();
        if raw.chars().count() > 500 {
            m.push('…');
        }
        m
    });
    if let Some(encoded) = parsed.encoded_authorization_message {
        message.push_str(" (encoded authorization message: ");
        message.push_str(&encoded);
        message.push(')');
    }
    let request_id = response
        .header(REQUEST_ID_HEADER)
        .unwrap_or_default()
        .to_owned();
    ServiceError::new(response.status, code, message).with_request_id(request_id)
}

/// The [`ErrorDecoder`] of Huawei Cloud services (see the module docs).
/// A status below 400 is success whatever the body, as in the official SDK.
#[derive(Debug, Clone, Copy, Default)]
pub struct HuaweiErrorDecoder;

impl ErrorDecoder for HuaweiErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        service_error(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let p = parse_error_body(
            br#"{"error_code": "ModelArts.50015001", "error_msg": "pool not found"}"#,
        );
        assert_eq!(p.code.as_deref(), Some("ModelArts.50015001"));
        assert_eq!(p.message.as_deref(), Some("pool not found"));
        let p = parse_error_body(br#"{"errorCode": "APIGW.0301", "errorMsg": "bad sig"}"#);
        assert_eq!(p.code.as_deref(), Some("APIGW.0301"));
        let p = parse_error_body(br#"{"code": 12, "message": "m"}"#);
        assert_eq!(
            (p.code.as_deref(), p.message.as_deref()),
            (Some("12"), Some("m"))
        );
        let p = parse_error_body(
            br#"{"a": {"code": "X.1", "message": "first"}, "b": {"error_code": "Y.2", "error_msg": "last"}}"#,
        );
        assert_eq!(
            (p.code.as_deref(), p.message.as_deref()),
            (Some("Y.2"), Some("last"))
        );
        let p = parse_error_body(
            br#"{"error_code": "IAM.0001", "error_msg": "denied", "encoded_authorization_message": "enc"}"#,
        );
        assert_eq!(p.encoded_authorization_message.as_deref(), Some("enc"));
        assert_eq!(parse_error_body(b"<html>"), ErrorBody::default());
        assert_eq!(parse_error_body(b"[1]"), ErrorBody::default());
    }

    #[test]
    fn fallbacks() {
        let r = HttpResponse::new(503, "upstream down").with_header("x-request-id", "rid-1");
        let e = service_error(&r);
        assert_eq!(e.code(), "503");
        assert_eq!(e.message(), "upstream down");
        assert_eq!(e.request_id(), "rid-1");
        let r = HttpResponse::new(404, r#"{"error_code": "ModelArts.50015001"}"#);
        let e = service_error(&r);
        assert_eq!(e.code(), "ModelArts.50015001");
        assert_eq!(e.message(), r#"{"error_code": "ModelArts.50015001"}"#);
        let r = HttpResponse::new(
            401,
            r#"{"error_code": "APIGW.0101", "error_msg": "m", "encoded_authorization_message": "E"}"#,
        );
        assert!(HuaweiErrorDecoder.decode(&r).message().contains("E"));
    }
}
