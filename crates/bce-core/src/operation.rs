//! Declarative description of one service operation.
//!
//! Service crates describe *what* to send; [`crate::Client`] does the
//! encoding, signing, sending, retrying and decoding.

use serde::Serialize;

use crate::error::Error;
use crate::transport::Method;

/// One operation: method, path, query, service headers and optional JSON body.
///
/// Validation errors found while building (an empty id, a bad body) are kept
/// and returned by the client before anything is sent, so builders chain.
///
/// ```
/// use bce_core::{Method, Operation};
/// let op = Operation::new("aihc", "GetJob", Method::Get)
///     .path("/api/v1/aijobs")
///     .segment("jobId", "job-1")
///     .query("resourcePoolId", "cce-1")
///     .query_if_not_empty("queueID", "");
/// assert_eq!(op.raw_path(), "/api/v1/aijobs/job-1");
/// assert!(op.validation_error().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Operation {
    pub(crate) service: &'static str,
    pub(crate) name: &'static str,
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) idempotent: Option<bool>,
    pub(crate) signed_headers: Option<&'static [&'static str]>,
    pub(crate) error: Option<ErrorSlot>,
}

/// A deferred validation error (kept cloneable).
#[derive(Debug, Clone)]
pub(crate) struct ErrorSlot {
    field: String,
    message: String,
}

impl Operation {
    /// Starts an operation of `service` named `name` (the Go SDK method name).
    pub fn new(service: &'static str, name: &'static str, method: Method) -> Self {
        Operation {
            service,
            name,
            method,
            path: String::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            idempotent: None,
            signed_headers: None,
            error: None,
        }
    }

    /// Appends a literal piece of path, e.g. `/api/v1/aijobs`.
    pub fn path(mut self, literal: &str) -> Self {
        if self.path.capacity() == 0 {
            // Room for the ids usually appended after the first literal,
            // so building a path is one allocation.
            self.path.reserve(literal.len() + 64);
        }
        self.path.push_str(literal);
        self
    }

    /// An action-style call (AIHC OpenAPI v2 and other newer BCE APIs):
    /// the path `/` and `action=<action>` first in the query.
    pub fn action(self, action: &str) -> Self {
        self.path("/").query("action", action)
    }

    /// A call of BCE's OpenAPI v2 style: `METHOD /?action=<action>` with the
    /// API version in the (unsigned) `version` header, named after its
    /// action.
    pub fn versioned_action(
        service: &'static str,
        action: &'static str,
        method: Method,
        version: &str,
    ) -> Self {
        Operation::new(service, action, method)
            .action(action)
            .header("version", version)
    }

    /// Appends `/` and an id as one path segment. The id must be non-empty
    /// and must not contain `/`; otherwise the operation fails before sending
    /// with an invalid-input error naming `field`.
    pub fn segment(mut self, field: &str, value: &str) -> Self {
        if value.is_empty() {
            self.fail(field, "must not be empty");
        } else if value.contains('/') {
            self.fail(field, "must not contain '/'");
        } else if value == "." || value == ".." {
            self.fail(field, "must not be a dot segment");
        }
        self.path.push('/');
        self.path.push_str(value);
        self
    }

    /// Appends `/` and a value without validation (for segments that the
    /// service allows to be empty; use sparingly).
    pub fn segment_unchecked(mut self, value: &str) -> Self {
        self.path.push('/');
        self.path.push_str(value);
        self
    }

    /// Adds a query parameter; an empty value is sent as a bare name.
    pub fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    /// Adds a query parameter only when the value is not empty.
    pub fn query_if_not_empty(self, name: &str, value: &str) -> Self {
        if value.is_empty() {
            self
        } else {
            self.query(name, value)
        }
    }

    /// Adds a query parameter when `value` is `Some`.
    pub fn query_opt<T: ToString>(self, name: &str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Adds a service header (unsigned unless it starts with `x-bce-`).
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Serializes `body` as the compact JSON body, escaping `<`, `>`, `&`,
    /// U+2028 and U+2029 as `\u` sequences the way the official SDK does, so
    /// the bytes (and so `Content-MD5` and the signature) are identical.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match serde_json::to_string(body) {
            Ok(text) => self.body = Some(escape_like_go(&text).into_bytes()),
            Err(e) => self.fail("body", &format!("cannot be serialized: {e}")),
        }
        self
    }

    /// Serializes `body` as compact JSON without Go's HTML escaping (for
    /// services whose official SDKs are not written in Go).
    pub fn json_plain<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(bytes),
            Err(e) => self.fail("body", &format!("cannot be serialized: {e}")),
        }
        self
    }

    /// Signs exactly these (lower-case) headers instead of the default set,
    /// for operations whose service checks a narrower signature (AIHC
    /// OpenAPI v2 resource-pool and queue reads sign `host` only).
    pub fn signed_headers(mut self, names: &'static [&'static str]) -> Self {
        self.signed_headers = Some(names);
        self
    }

    /// Uses pre-serialized JSON bytes as the body.
    pub fn raw_body(mut self, bytes: Vec<u8>) -> Self {
        self.body = Some(bytes);
        self
    }

    /// Marks the operation as safe to repeat (e.g. a POST with a client token).
    pub fn idempotent(mut self, yes: bool) -> Self {
        self.idempotent = Some(yes);
        self
    }

    /// Fails with an invalid-input error when `value` is empty.
    pub fn require(mut self, field: &str, value: &str) -> Self {
        if value.is_empty() {
            self.fail(field, "must not be empty");
        }
        self
    }

    /// Fails with an invalid-input error when `ok` is false.
    pub fn check(mut self, ok: bool, field: &str, message: &str) -> Self {
        if !ok {
            self.fail(field, message);
        }
        self
    }

    /// Fails with an error computed earlier (keeps the first error).
    pub fn with_error(mut self, error: Option<Error>) -> Self {
        if let Some(Error::InvalidInput { field, message, .. }) = error {
            self.fail(&field, &message);
        } else if let Some(other) = error {
            self.fail("input", &other.to_string());
        }
        self
    }

    fn fail(&mut self, field: &str, message: &str) {
        if self.error.is_none() {
            self.error = Some(ErrorSlot {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    }

    /// The first validation error, if any.
    pub fn validation_error(&self) -> Option<Error> {
        self.error
            .as_ref()
            .map(|e| Error::invalid_input(e.field.clone(), e.message.clone()))
    }

    /// The raw (unencoded) path.
    pub fn raw_path(&self) -> &str {
        &self.path
    }

    /// The query pairs in insertion order.
    pub fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The service name.
    pub fn service(&self) -> &'static str {
        self.service
    }

    /// The operation name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The JSON body, if any.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// Whether the retry layer may repeat this operation after it was sent.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
            .unwrap_or_else(|| self.method.is_idempotent())
    }
}

/// Escapes the characters Go's JSON encoder escapes in HTML-safe mode. They
/// can only occur inside JSON strings, so the result decodes to the same value.
fn escape_like_go(text: &str) -> String {
    if !text.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_like_go() {
        let op = Operation::new("s", "Op", Method::Post)
            .json(&serde_json::json!({"a": "<b> & \u{2028}"}));
        assert_eq!(
            op.body().unwrap(),
            br#"{"a":"\u003cb\u003e \u0026 \u2028"}"#
        );
        let back: serde_json::Value = serde_json::from_slice(op.body().unwrap()).unwrap();
        assert_eq!(back["a"], "<b> & \u{2028}");
    }

    #[test]
    fn segment_validation() {
        let op = Operation::new("s", "Op", Method::Get)
            .path("/a")
            .segment("jobId", "");
        assert!(op.validation_error().unwrap().to_string().contains("jobId"));
        let op = Operation::new("s", "Op", Method::Get)
            .segment("id", "a/b")
            .segment("x", "");
        let err = op.validation_error().unwrap().to_string();
        assert!(err.contains("id") && err.contains('/'), "{err}");
        assert!(Operation::new("s", "Op", Method::Post)
            .path("/x")
            .segment("id", "ok")
            .validation_error()
            .is_none());
        assert!(!Operation::new("s", "Op", Method::Post).is_idempotent());
        assert!(Operation::new("s", "Op", Method::Post)
            .idempotent(true)
            .is_idempotent());
        assert!(Operation::new("s", "Op", Method::Delete).is_idempotent());
    }
}
