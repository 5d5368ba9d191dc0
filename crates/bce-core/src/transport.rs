//! The HTTP transport: a small trait with a hyper (rustls) default
//! ([`crate::hyper_transport`]), so the SDK can be driven without a server
//! in tests or through another HTTP client.

use std::borrow::Cow;
use std::fmt;

pub use bytes::Bytes;
pub use hyper::header::HeaderMap;
use hyper::header::{HeaderName, HeaderValue};

use crate::credentials::BoxFuture;
use crate::error::TransportError;

/// HTTP methods used by BCE services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
    /// HEAD
    Head,
}

impl Method {
    /// The method name in upper case.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }

    /// Whether repeating the method is safe by HTTP semantics.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fully built, signed request ready to be sent.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// Absolute URL (scheme, host, encoded path and query).
    pub url: String,
    /// Header names and values in the order they were set. Names the SDK
    /// sets itself are borrowed from static text (no allocation per call).
    pub headers: Vec<(Cow<'static, str>, String)>,
    /// The body bytes (empty for body-less requests).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_ref(), redact_header(k, v)))
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// Returns the value to show for a header in logs: credentials are masked.
pub fn redact_header<'a>(name: &str, value: &'a str) -> &'a str {
    if name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case(crate::sign::SECURITY_TOKEN_HEADER)
    {
        "***redacted***"
    } else {
        value
    }
}

/// A response as received: the header map and the body as the HTTP layer
/// produced them, without a copy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// The headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl HttpResponse {
    /// A response with a status and a body.
    pub fn new(status: u16, body: impl Into<Bytes>) -> Self {
        HttpResponse {
            status,
            headers: HeaderMap::new(),
            body: body.into(),
        }
    }

    /// Adds a header (builder style, for tests and other transports). A
    /// name or value HTTP cannot carry is left out.
    pub fn with_header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_ref().as_bytes()),
            HeaderValue::from_str(value.as_ref()),
        ) {
            self.headers.append(name, value);
        }
        self
    }

    /// First header with this name (case-insensitive), when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The headers of an HTTP header map as `(name, value)` pairs in the map's
/// order, names lower case, values read as UTF-8 (any other byte replaced).
pub fn header_pairs(headers: &hyper::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// Sends requests. Implement it to mock the SDK or to plug in another client.
pub trait HttpTransport: Send + Sync + fmt::Debug {
    /// Sends one attempt. Time limits are applied by the caller.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}
