//! The one error type of the SDK.

use std::fmt;
use std::time::Duration;

/// Result alias used across the SDK.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error returned by the service (HTTP status ≥ 400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// HTTP status code.
    pub status: u16,
    /// Service error code, e.g. `NoSuchJob`, or a code derived from the status.
    pub code: String,
    /// Human-readable message from the service.
    pub message: String,
    /// Request id from the body or the `x-bce-request-id` response header.
    pub request_id: String,
    /// Value of the `Retry-After` response header in seconds, if any.
    pub retry_after: Option<Duration>,
    /// Value of the `Date` response header as Unix seconds, if any.
    pub server_date: Option<i64>,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[Code: {}; Message: {}; RequestId: {}] (HTTP {})",
            self.code, self.message, self.request_id, self.status
        )
    }
}

/// What went wrong in the transport layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Connecting failed; nothing reached the server.
    Connect,
    /// The attempt did not finish within its time limit.
    Timeout,
    /// The connection broke or another I/O error happened after sending.
    Io,
    /// Anything else (e.g. a malformed URL).
    Other,
}

/// A transport failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    /// The class of failure.
    pub kind: TransportErrorKind,
    /// A short description (never contains credentials).
    pub message: String,
    /// Whether the request may have reached the server.
    pub maybe_sent: bool,
}

impl TransportError {
    /// Builds a transport error.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>, maybe_sent: bool) -> Self {
        TransportError {
            kind,
            message: message.into(),
            maybe_sent,
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            TransportErrorKind::Connect => "connect",
            TransportErrorKind::Timeout => "timeout",
            TransportErrorKind::Io => "i/o",
            TransportErrorKind::Other => "other",
        };
        write!(f, "{kind}: {}", self.message)
    }
}

/// The SDK's error type.
///
/// Tell the classes apart by matching or with the predicates:
/// [`Error::is_invalid_input`], [`Error::is_retryable`],
/// [`Error::is_throttling`], [`Error::is_not_found`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Bad input caught before anything was sent.
    #[error("invalid input: {field}: {message}")]
    InvalidInput {
        /// The offending field or argument.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The service answered with an error status.
    #[error("service error: {0}")]
    Service(Box<ServiceError>),
    /// The request could not be sent or the response not received.
    #[error("transport error: {0}")]
    Transport(TransportError),
    /// The response body could not be decoded.
    #[error("decode error: {message} (HTTP {status}; body starts: {snippet:?})")]
    Decode {
        /// Why decoding failed.
        message: String,
        /// HTTP status of the response.
        status: u16,
        /// The first characters of the body.
        snippet: String,
    },
    /// The retry budget ran out; `last` is the final attempt's error.
    #[error("gave up after {attempts} attempts in {elapsed:?}: {last}")]
    RetriesExhausted {
        /// Number of attempts made.
        attempts: u32,
        /// Time spent on all attempts.
        elapsed: Duration,
        /// The error of the last attempt.
        last: Box<Error>,
    },
    /// A waiter saw a terminal failure state.
    #[error("waiting failed: resource reached state {state:?}: {message}")]
    WaitFailed {
        /// The state that ended the wait.
        state: String,
        /// Details.
        message: String,
    },
    /// A waiter's deadline passed.
    #[error("waiting timed out after {elapsed:?}; last state {last_state:?}")]
    WaitTimeout {
        /// How long the wait lasted.
        elapsed: Duration,
        /// The last state seen.
        last_state: String,
    },
    /// Credentials could not be obtained from the provider.
    #[error("credentials error: {0}")]
    Credentials(String),
}

impl Error {
    /// Builds an [`Error::InvalidInput`].
    pub fn invalid_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Builds an [`Error::Decode`] keeping at most 200 characters of `body`.
    pub fn decode(message: impl Into<String>, status: u16, body: &[u8]) -> Self {
        Error::Decode {
            message: message.into(),
            status,
            snippet: snippet(body),
        }
    }

    /// The innermost error (looks through [`Error::RetriesExhausted`]).
    pub fn root(&self) -> &Error {
        match self {
            Error::RetriesExhausted { last, .. } => last.root(),
            other => other,
        }
    }

    /// The service error, if this is (or ended in) one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self.root() {
            Error::Service(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this is bad input that was caught before sending.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self.root(), Error::InvalidInput { .. })
    }

    /// HTTP status of a service or decode error.
    pub fn status(&self) -> Option<u16> {
        match self.root() {
            Error::Service(e) => Some(e.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Service error code.
    pub fn code(&self) -> Option<&str> {
        self.service_error().map(|e| e.code.as_str())
    }

    /// Service error message.
    pub fn message(&self) -> Option<&str> {
        self.service_error().map(|e| e.message.as_str())
    }

    /// Request id reported by the service.
    pub fn request_id(&self) -> Option<&str> {
        self.service_error()
            .map(|e| e.request_id.as_str())
            .filter(|s| !s.is_empty())
    }

    /// Whether the service throttled the request.
    pub fn is_throttling(&self) -> bool {
        self.service_error().is_some_and(|e| {
            e.status == 429
                || matches!(
                    e.code.as_str(),
                    "Throttling"
                        | "ThrottlingException"
                        | "RequestLimitExceeded"
                        | "TooManyRequests"
                )
        })
    }

    /// Whether the resource does not exist.
    pub fn is_not_found(&self) -> bool {
        self.service_error().is_some_and(|e| {
            e.status == 404 || e.code.contains("NotFound") || e.code.starts_with("NoSuch")
        })
    }

    /// Whether the signature had expired (clock skew).
    pub fn is_request_expired(&self) -> bool {
        self.service_error()
            .is_some_and(|e| e.code == "RequestExpired")
    }

    /// Whether trying again may succeed (throttling, server errors,
    /// transport failures). Whether the SDK actually retries also depends on
    /// the operation being idempotent.
    pub fn is_retryable(&self) -> bool {
        match self.root() {
            Error::Service(e) => {
                matches!(e.status, 429 | 500 | 502 | 503 | 504)
                    || e.code == "RequestExpired"
                    || self.is_throttling()
            }
            Error::Transport(_) => true,
            _ => false,
        }
    }
}

/// First characters of a body, lossily decoded, for error messages.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out
}

fn status_text(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    }
}

fn code_for_status(status: u16) -> String {
    match status {
        400 => "InvalidHTTPRequest".into(),
        403 => "AccessDenied".into(),
        412 => "PreconditionFailed".into(),
        500 => "InternalError".into(),
        _ => status_text(status).replace(' ', ""),
    }
}

fn json_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Builds the service error for a response with status ≥ 400.
///
/// Accepts the usual `{"code","message","requestId"}` body in any key case,
/// numeric codes, and falls back to status-derived values for empty, HTML or
/// otherwise malformed bodies; it never fails.
pub fn parse_service_error(
    status: u16,
    header_request_id: Option<&str>,
    body: &[u8],
) -> ServiceError {
    let mut err = ServiceError {
        status,
        code: String::new(),
        message: format!("{status} {}", status_text(status)),
        request_id: header_request_id.unwrap_or_default().to_owned(),
        retry_after: None,
        server_date: None,
    };
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        err.code = code_for_status(status);
        return err;
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(map)) => {
            for (key, value) in &map {
                let Some(text) = json_text(value) else {
                    continue;
                };
                match key.to_ascii_lowercase().as_str() {
                    "code" | "errorcode" => err.code = text,
                    "message" | "msg" | "errormessage" => err.message = text,
                    "requestid" => err.request_id = text,
                    _ => {}
                }
            }
            if err.code.is_empty() {
                err.code = code_for_status(status);
            }
        }
        _ => {
            err.code = "MalformedJSON".into();
            err.message = format!(
                "{status} {}: error body is not JSON: {}",
                status_text(status),
                snippet(body)
            );
        }
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_regular_body() {
        let e = parse_service_error(
            404,
            Some("hdr"),
            br#"{"code":"NoSuchJob","message":"job not found","requestId":"rid-1"}"#,
        );
        assert_eq!(
            (e.code.as_str(), e.message.as_str(), e.request_id.as_str()),
            ("NoSuchJob", "job not found", "rid-1")
        );
        let err = Error::Service(Box::new(e));
        assert!(err.is_not_found());
        let text = err.to_string();
        assert!(
            text.contains("NoSuchJob") && text.contains("job not found") && text.contains("rid-1")
        );
    }

    #[test]
    fn tolerates_odd_bodies() {
        let e = parse_service_error(
            400,
            Some("h"),
            br#"{"code":400,"message":"bad","RequestID":"r"}"#,
        );
        assert_eq!((e.code.as_str(), e.request_id.as_str()), ("400", "r"));
        let e = parse_service_error(502, Some("h"), b"<html><body>Bad gateway</body></html>");
        assert_eq!(e.code, "MalformedJSON");
        assert_eq!(e.status, 502);
        assert_eq!(e.request_id, "h");
        let e = parse_service_error(503, None, b"");
        assert_eq!(e.code, "ServiceUnavailable");
        let e = parse_service_error(404, None, b"  ");
        assert_eq!(e.code, "NotFound");
        let e = parse_service_error(500, None, b"{\"code\":\"Internal");
        assert_eq!(e.code, "MalformedJSON");
        let e = parse_service_error(409, None, b"[1,2]");
        assert_eq!(e.code, "MalformedJSON");
        let e = parse_service_error(403, None, b"{}");
        assert_eq!(e.code, "AccessDenied");
    }

    #[test]
    fn predicates() {
        let e = Error::Service(Box::new(parse_service_error(429, None, b"")));
        assert!(e.is_throttling() && e.is_retryable());
        assert_eq!(e.status(), Some(429));
        let e = Error::invalid_input("jobId", "must not be empty");
        assert!(e.is_invalid_input() && !e.is_retryable());
        assert_eq!(e.to_string(), "invalid input: jobId: must not be empty");
    }
}
