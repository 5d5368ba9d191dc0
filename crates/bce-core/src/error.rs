//! The one error type of the SDK.
//!
//! Every error returned by a call names the service and the operation it
//! came from (`aihc-train GetJob: service error NoSuchJob (HTTP 404): …`),
//! keeps its cause reachable through [`std::error::Error::source`], and
//! falls in one of a few classes that can be told apart by matching or with
//! the predicates on [`Error`].

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::redact;
use crate::transport::HttpResponse;

/// Result alias used across the SDK.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The call an error came from: service and operation name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CallContext {
    /// Service name, e.g. `aihc-train`.
    pub service: &'static str,
    /// Operation name, e.g. `GetJob`.
    pub operation: &'static str,
}

impl fmt::Display for CallContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.service, self.operation)
    }
}

/// An error answer of the service (HTTP status ≥ 300, or a failure that the
/// service reported inside a successful answer).
///
/// Read it through the accessors; fields may be added in minor releases.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServiceError {
    status: u16,
    code: String,
    message: String,
    request_id: String,
    retry_after: Option<Duration>,
    server_date: Option<i64>,
    context: Option<CallContext>,
}

impl ServiceError {
    /// A service error with a status, a code and a message.
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        ServiceError {
            status,
            code: code.into(),
            message: message.into(),
            request_id: String::new(),
            retry_after: None,
            server_date: None,
            context: None,
        }
    }

    /// Sets the request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = request_id.into();
        self
    }

    /// Sets the `Retry-After` delay.
    pub fn with_retry_after(mut self, delay: Option<Duration>) -> Self {
        self.retry_after = delay;
        self
    }

    /// Sets the server's `Date` (Unix seconds).
    pub fn with_server_date(mut self, date: Option<i64>) -> Self {
        self.server_date = date;
        self
    }

    /// HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Service error code, e.g. `NoSuchJob`, or a code derived from the status.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Human-readable message from the service.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Request id from the body or a response header (may be empty).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The `Retry-After` delay the service asked for, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The server's `Date` header as Unix seconds, if any.
    pub fn server_date(&self) -> Option<i64> {
        self.server_date
    }

    /// The call this error came from.
    pub fn context(&self) -> Option<CallContext> {
        self.context
    }

    pub(crate) fn scrub(&mut self, secrets: &[&str]) {
        self.message = redact::scrub(&self.message, secrets);
        self.code = redact::scrub(&self.code, secrets);
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {}): {}", self.code, self.status, self.message)?;
        if !self.request_id.is_empty() {
            write!(f, " (request id {})", self.request_id)?;
        }
        Ok(())
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
    /// The answer was larger than the configured limit.
    BodyTooLarge,
    /// Anything else.
    Other,
}

impl TransportErrorKind {
    fn as_str(self) -> &'static str {
        match self {
            TransportErrorKind::Connect => "connect",
            TransportErrorKind::Timeout => "timeout",
            TransportErrorKind::Io => "i/o",
            TransportErrorKind::BodyTooLarge => "body too large",
            TransportErrorKind::Other => "other",
        }
    }
}

/// A transport failure. Read it through the accessors.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    maybe_sent: bool,
    source: Option<Arc<dyn StdError + Send + Sync>>,
    context: Option<CallContext>,
}

impl PartialEq for TransportError {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.message == other.message
            && self.maybe_sent == other.maybe_sent
    }
}

impl TransportError {
    /// Builds a transport error. `maybe_sent` says whether the request may
    /// have reached the server (which decides whether a retry is safe).
    pub fn new(kind: TransportErrorKind, message: impl Into<String>, maybe_sent: bool) -> Self {
        TransportError {
            kind,
            message: message.into(),
            maybe_sent,
            source: None,
            context: None,
        }
    }

    /// Keeps the underlying error as this error's source.
    pub fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.source = Some(Arc::new(source));
        self
    }

    /// [`TransportError::with_source`] for a boxed error.
    pub(crate) fn with_boxed_source(mut self, source: Box<dyn StdError + Send + Sync>) -> Self {
        self.source = Some(Arc::from(source));
        self
    }

    /// The class of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// A short description (never contains credentials).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether the request may have reached the server.
    pub fn maybe_sent(&self) -> bool {
        self.maybe_sent
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// A response that could not be decoded.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeError {
    message: String,
    status: u16,
    snippet: String,
    source: Option<Arc<serde_json::Error>>,
    context: Option<CallContext>,
}

impl DecodeError {
    /// Why decoding failed (with the position for JSON errors).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The first characters of the body, with secret-looking JSON values masked.
    pub fn snippet(&self) -> &str {
        &self.snippet
    }
}

/// The SDK's error type.
///
/// Tell the classes apart by matching or with the predicates:
/// [`Error::is_invalid_input`], [`Error::is_retryable`],
/// [`Error::is_throttling`], [`Error::is_not_found`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Bad input caught before anything was sent.
    InvalidInput {
        /// The offending field or argument.
        field: String,
        /// What is wrong with it.
        message: String,
        /// The call, once known.
        context: Option<CallContext>,
    },
    /// The service answered with an error.
    Service(Box<ServiceError>),
    /// The request could not be sent or the response not received.
    Transport(TransportError),
    /// The response body could not be decoded.
    Decode(Box<DecodeError>),
    /// The retry budget ran out; `last` is the final attempt's error (and
    /// this error's source).
    RetriesExhausted {
        /// Number of attempts made.
        attempts: u32,
        /// Time spent on all attempts.
        elapsed: Duration,
        /// The error of the last attempt.
        last: Box<Error>,
    },
    /// A waiter saw a terminal failure state.
    WaitFailed {
        /// The state that ended the wait.
        state: String,
        /// Details.
        message: String,
    },
    /// A waiter's deadline passed.
    WaitTimeout {
        /// How long the wait lasted.
        elapsed: Duration,
        /// The last state seen.
        last_state: String,
    },
    /// Credentials could not be obtained; `source` is the provider's error.
    Credentials {
        /// What failed.
        message: String,
        /// The provider's error, if any.
        source: Option<Box<Error>>,
        /// The call, once known.
        context: Option<CallContext>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(context) = self.context() {
            write!(f, "{context}: ")?;
        }
        self.fmt_without_context(f)
    }
}

impl Error {
    fn fmt_without_context(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidInput { field, message, .. } => {
                write!(f, "invalid input: {field}: {message}")
            }
            Error::Service(e) => write!(f, "service error {e}"),
            Error::Transport(e) => write!(f, "transport error ({e})"),
            Error::Decode(e) => write!(
                f,
                "cannot decode the response (HTTP {}): {}; body starts: {:?}",
                e.status, e.message, e.snippet
            ),
            Error::RetriesExhausted {
                attempts,
                elapsed,
                last,
            } => {
                write!(f, "gave up after {attempts} attempts in {elapsed:?}: ")?;
                last.fmt_without_context(f)
            }
            Error::WaitFailed { state, message } => {
                write!(
                    f,
                    "waiting failed: resource reached state {state:?}: {message}"
                )
            }
            Error::WaitTimeout {
                elapsed,
                last_state,
            } => write!(
                f,
                "waiting timed out after {elapsed:?}; last state {last_state:?}"
            ),
            Error::Credentials {
                message, source, ..
            } => match source {
                Some(source) => {
                    write!(f, "credentials error: {message}: ")?;
                    source.fmt_without_context(f)
                }
                None => write!(f, "credentials error: {message}"),
            },
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Transport(e) => e.source(),
            Error::Decode(e) => e.source.as_deref().map(|e| e as &(dyn StdError + 'static)),
            Error::RetriesExhausted { last, .. } => Some(last.as_ref()),
            Error::Credentials {
                source: Some(s), ..
            } => Some(s.as_ref()),
            _ => None,
        }
    }
}

impl Error {
    /// Builds an [`Error::InvalidInput`].
    pub fn invalid_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
            context: None,
        }
    }

    /// Builds an [`Error::Decode`] for a JSON error, keeping at most 200
    /// characters of `body` with secret-looking JSON values masked.
    pub fn decode(message: impl Into<String>, status: u16, body: &[u8]) -> Self {
        Error::Decode(Box::new(DecodeError {
            message: message.into(),
            status,
            snippet: redact::snippet(body),
            source: None,
            context: None,
        }))
    }

    /// Builds an [`Error::Decode`] from a serde_json error (kept as the source).
    pub fn decode_json(source: serde_json::Error, status: u16, body: &[u8]) -> Self {
        Error::Decode(Box::new(DecodeError {
            message: source.to_string(),
            status,
            snippet: redact::snippet(body),
            source: Some(Arc::new(source)),
            context: None,
        }))
    }

    /// Builds an [`Error::Credentials`].
    pub fn credentials(message: impl Into<String>, source: Option<Error>) -> Self {
        Error::Credentials {
            message: message.into(),
            source: source.map(Box::new),
            context: None,
        }
    }

    /// The call this error came from, if known.
    pub fn context(&self) -> Option<CallContext> {
        match self {
            Error::InvalidInput { context, .. } | Error::Credentials { context, .. } => *context,
            Error::Service(e) => e.context,
            Error::Transport(e) => e.context,
            Error::Decode(e) => e.context,
            Error::RetriesExhausted { last, .. } => last.context(),
            Error::WaitFailed { .. } | Error::WaitTimeout { .. } => None,
        }
    }

    /// Records the call this error came from (keeps a context already set).
    pub fn with_context(mut self, call: CallContext) -> Self {
        self.set_context(call);
        self
    }

    fn set_context(&mut self, call: CallContext) {
        let slot = match self {
            Error::InvalidInput { context, .. } | Error::Credentials { context, .. } => context,
            Error::Service(e) => &mut e.context,
            Error::Transport(e) => &mut e.context,
            Error::Decode(e) => &mut e.context,
            Error::RetriesExhausted { last, .. } => return last.set_context(call),
            Error::WaitFailed { .. } | Error::WaitTimeout { .. } => return,
        };
        slot.get_or_insert(call);
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

    /// The transport error, if this is (or ended in) one.
    pub fn transport_error(&self) -> Option<&TransportError> {
        match self.root() {
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this is bad input that was caught before sending.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self.root(), Error::InvalidInput { .. })
    }

    /// Whether this is (or ended in) a transport failure.
    pub fn is_transport(&self) -> bool {
        matches!(self.root(), Error::Transport(_))
    }

    /// Whether this is (or ended in) a timeout.
    pub fn is_timeout(&self) -> bool {
        self.transport_error()
            .is_some_and(|t| t.kind == TransportErrorKind::Timeout)
    }

    /// Whether the response could not be decoded.
    pub fn is_decode(&self) -> bool {
        matches!(self.root(), Error::Decode(_))
    }

    /// Whether a waiter ended in a failure state or ran out of time.
    pub fn is_wait_failure(&self) -> bool {
        matches!(self, Error::WaitFailed { .. } | Error::WaitTimeout { .. })
    }

    /// HTTP status of a service or decode error.
    pub fn status(&self) -> Option<u16> {
        match self.root() {
            Error::Service(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
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
        self.service_error().is_some_and(is_throttling)
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

    /// Whether trying again may succeed (throttling, server errors, transport
    /// failures, an expired signature). Whether the SDK actually retries
    /// also depends on the operation being idempotent: see
    /// [`crate::retry::classify`], which this shares its rules with.
    pub fn is_retryable(&self) -> bool {
        crate::retry::classify(self, true) != crate::retry::Retry::No
    }
}

pub(crate) fn is_throttling(e: &ServiceError) -> bool {
    e.status == 429
        || matches!(
            e.code.as_str(),
            "Throttling" | "ThrottlingException" | "RequestLimitExceeded" | "TooManyRequests"
        )
}

fn status_text(status: u16) -> &'static str {
    match status {
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
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

/// The error code used when a body gives none.
pub fn code_for_status(status: u16) -> String {
    match status {
        400 => "InvalidHTTPRequest".into(),
        403 => "AccessDenied".into(),
        412 => "PreconditionFailed".into(),
        500 => "InternalError".into(),
        _ => status_text(status).replace(' ', ""),
    }
}

/// The message used when a body gives none: `404 Not Found`.
pub fn message_for_status(status: u16) -> String {
    format!("{status} {}", status_text(status))
}

/// Text of a JSON scalar (strings as they are, numbers and booleans printed).
pub fn json_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Turns error answers into [`ServiceError`]s. Services whose error body
/// differs from BCE's plug in their own (see [`crate::ClientBuilder::error_decoder`]).
pub trait ErrorDecoder: Send + Sync + fmt::Debug {
    /// The service error of an answer with status ≥ 300. Never fails: falls
    /// back on status-derived values for bodies it does not understand.
    fn decode(&self, response: &HttpResponse) -> ServiceError;

    /// A failure the service reported inside a successful (2xx) answer, for
    /// services documented to do so. The default finds none.
    fn business_error(&self, _response: &HttpResponse) -> Option<ServiceError> {
        None
    }
}

/// The failure a `{code, message, requestId, …}` envelope reports inside a
/// successful answer, for services documented to do so: the body is a JSON
/// object whose `code` is set and is not a success word (`0`, `200`,
/// `success`, `ok`, in any case). The error carries that code, the
/// `message` and the body's `requestId` (the pipeline adds the answer's
/// request-id header when the body has none). `None` for anything else.
/// Service crates call it from [`ErrorDecoder::business_error`].
pub fn envelope_business_error(response: &HttpResponse) -> Option<ServiceError> {
    /// Only the envelope's fields: the rest of the body (the result a
    /// successful call is made for) is skipped without being built, since
    /// this runs on every successful answer before the real decode.
    #[derive(serde::Deserialize)]
    struct Envelope {
        code: Option<serde_json::Value>,
        message: Option<serde_json::Value>,
        #[serde(rename = "requestId")]
        request_id: Option<serde_json::Value>,
    }
    let envelope = match serde_json::from_slice::<Envelope>(&response.body) {
        Ok(envelope) => envelope,
        // Odd but valid JSON (a repeated key, say) is read the slow way,
        // so it cannot pass for success.
        Err(_) => {
            let body: serde_json::Value = serde_json::from_slice(&response.body).ok()?;
            let map = body.as_object()?;
            Envelope {
                code: map.get("code").cloned(),
                message: map.get("message").cloned(),
                request_id: map.get("requestId").cloned(),
            }
        }
    };
    let text = |v: &Option<serde_json::Value>| v.as_ref().and_then(json_text).unwrap_or_default();
    let code = text(&envelope.code);
    let code = code.trim();
    let success = ["", "0", "200", "success", "ok"]
        .iter()
        .any(|ok| code.eq_ignore_ascii_case(ok));
    if success {
        return None;
    }
    let error = ServiceError::new(response.status, code, text(&envelope.message));
    Some(match text(&envelope.request_id) {
        id if id.is_empty() => error,
        id => error.with_request_id(id),
    })
}

/// The BCE error shape: `{"code", "message", "requestId"}` (any key case,
/// numeric codes accepted), request id also from `x-bce-request-id`.
#[derive(Debug, Clone, Copy, Default)]
pub struct BceErrorDecoder;

impl ErrorDecoder for BceErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        parse_service_error(
            response.status,
            response.header(crate::sign::REQUEST_ID_HEADER),
            &response.body,
        )
    }
}

/// Builds the BCE service error for a response with an error status.
///
/// Accepts the usual `{"code","message","requestId"}` body in any key case,
/// numeric codes, and falls back to status-derived values for empty, HTML or
/// otherwise malformed bodies; it never fails.
pub fn parse_service_error(
    status: u16,
    header_request_id: Option<&str>,
    body: &[u8],
) -> ServiceError {
    let mut err = ServiceError::new(status, String::new(), message_for_status(status))
        .with_request_id(header_request_id.unwrap_or_default());
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
                redact::snippet(body)
            );
        }
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_business_errors() {
        let answer = |body: &str| HttpResponse::new(200, body.to_owned());
        let e = envelope_business_error(&answer(
            r#"{"code":"App.NotFound","message":"gone","requestId":"r-1","data":null}"#,
        ))
        .unwrap();
        assert_eq!(
            (e.status(), e.code(), e.message(), e.request_id()),
            (200, "App.NotFound", "gone", "r-1")
        );
        let repeated = envelope_business_error(&answer(r#"{"code":0,"code":"Denied"}"#)).unwrap();
        assert_eq!(repeated.code(), "Denied");
        for ok in [
            r#"{"code":""}"#,
            r#"{"code":"Success"}"#,
            r#"{"code":0}"#,
            r#"{"data":{}}"#,
            "[]",
            "",
        ] {
            assert!(envelope_business_error(&answer(ok)).is_none(), "{ok}");
        }
    }

    #[test]
    fn parses_regular_body() {
        let e = parse_service_error(
            404,
            Some("hdr"),
            br#"{"code":"NoSuchJob","message":"job not found","requestId":"rid-1"}"#,
        );
        assert_eq!(
            (e.code(), e.message(), e.request_id()),
            ("NoSuchJob", "job not found", "rid-1")
        );
        let err = Error::Service(Box::new(e)).with_context(CallContext {
            service: "aihc-train",
            operation: "GetJob",
        });
        assert!(err.is_not_found());
        assert_eq!(
            err.to_string(),
            "aihc-train GetJob: service error NoSuchJob (HTTP 404): job not found (request id rid-1)"
        );
    }

    #[test]
    fn tolerates_odd_bodies() {
        let e = parse_service_error(
            400,
            Some("h"),
            br#"{"code":400,"message":"bad","RequestID":"r"}"#,
        );
        assert_eq!((e.code(), e.request_id()), ("400", "r"));
        let e = parse_service_error(502, Some("h"), b"<html><body>Bad gateway</body></html>");
        assert_eq!(e.code(), "MalformedJSON");
        assert_eq!(e.status(), 502);
        assert_eq!(e.request_id(), "h");
        let e = parse_service_error(503, None, b"");
        assert_eq!(e.code(), "ServiceUnavailable");
        let e = parse_service_error(404, None, b"  ");
        assert_eq!(e.code(), "NotFound");
        let e = parse_service_error(500, None, b"{\"code\":\"Internal");
        assert_eq!(e.code(), "MalformedJSON");
        let e = parse_service_error(409, None, b"[1,2]");
        assert_eq!(e.code(), "MalformedJSON");
        let e = parse_service_error(403, None, b"{}");
        assert_eq!(e.code(), "AccessDenied");
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

    #[test]
    fn sources_are_kept() {
        let last = Error::Transport(
            TransportError::new(TransportErrorKind::Io, "reset", true)
                .with_source(std::io::Error::other("peer reset")),
        );
        let err = Error::RetriesExhausted {
            attempts: 3,
            elapsed: Duration::from_secs(1),
            last: Box::new(last),
        }
        .with_context(CallContext {
            service: "bec",
            operation: "GetVmService",
        });
        let text = err.to_string();
        assert!(
            text.starts_with("bec GetVmService: gave up after 3 attempts"),
            "{text}"
        );
        assert_eq!(text.matches("bec GetVmService").count(), 1, "{text}");
        let inner = err.source().expect("last attempt");
        assert!(inner.to_string().contains("reset"));
        let io = inner.source().expect("io error");
        assert_eq!(io.to_string(), "peer reset");

        let json = serde_json::from_slice::<u32>(b"\"x\"").unwrap_err();
        let err = Error::decode_json(json, 200, br#"{"password":"hunter2-unique"}"#);
        assert!(err.source().is_some());
        assert!(!format!("{err} {err:?}").contains("hunter2-unique"));

        let err = Error::credentials(
            "the provider failed",
            Some(Error::invalid_input("BCE_ACCESS_KEY_ID", "not set")),
        );
        assert!(err
            .source()
            .unwrap()
            .to_string()
            .contains("BCE_ACCESS_KEY_ID"));
    }
}
