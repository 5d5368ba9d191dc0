//! The HTTP transport: a small trait with a reqwest (rustls) default, so the
//! SDK can be driven without a server in tests.

use std::fmt;
use std::time::Duration;

use crate::credentials::BoxFuture;
use crate::error::{TransportError, TransportErrorKind};

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
    /// Header names and values in the order they were set.
    pub headers: Vec<(String, String)>,
    /// The body bytes (empty for body-less requests).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), redact_header(k, v)))
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

/// A response as received.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header names (lowercase) and values.
    pub headers: Vec<(String, String)>,
    /// The whole body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with a status and a body.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        HttpResponse {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers
            .push((name.into().to_ascii_lowercase(), value.into()));
        self
    }

    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Sends requests. Implement it to mock the SDK or to plug in another client.
pub trait HttpTransport: Send + Sync + fmt::Debug {
    /// Sends one attempt. Time limits are applied by the caller.
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>>;
}

/// The default transport, built on reqwest with rustls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_response_bytes: u64,
}

impl ReqwestTransport {
    /// Builds a transport with a connect timeout and an optional proxy URL.
    pub fn new(
        connect_timeout: Duration,
        proxy: Option<&str>,
    ) -> Result<Self, crate::error::Error> {
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60));
        if let Some(proxy) = proxy {
            let proxy = reqwest::Proxy::all(proxy)
                .map_err(|e| crate::error::Error::invalid_input("proxy", e.to_string()))?;
            builder = builder.proxy(proxy);
        }
        let client = builder.build().map_err(|e| {
            crate::error::Error::invalid_input(
                "transport",
                format!("cannot build HTTP client: {e}"),
            )
        })?;
        Ok(ReqwestTransport {
            client,
            max_response_bytes: crate::config::DEFAULT_MAX_RESPONSE_BYTES,
        })
    }

    /// Stops reading an answer once its body passes `limit` bytes.
    pub fn with_max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Wraps an existing reqwest client.
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport {
            client,
            max_response_bytes: crate::config::DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

fn classify(err: reqwest::Error) -> TransportError {
    // Never include the URL's query or headers: use the plain error text
    // without the URL.
    let text = err.without_url_ref();
    let error = if err.is_connect() {
        TransportError::new(TransportErrorKind::Connect, text, false)
    } else if err.is_timeout() {
        TransportError::new(TransportErrorKind::Timeout, text, true)
    } else if err.is_builder() {
        // The request could not be built: local, and the same every time.
        TransportError::new(TransportErrorKind::Other, text, false)
    } else {
        TransportError::new(TransportErrorKind::Io, text, true)
    };
    error.with_source(err.without_url())
}

trait WithoutUrl {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    fn without_url_ref(&self) -> String {
        let mut text = self.to_string();
        if let Some(url) = self.url() {
            text = text.replace(url.as_str(), "<url>");
        }
        let mut source = std::error::Error::source(self);
        while let Some(s) = source {
            text.push_str(": ");
            text.push_str(&s.to_string());
            source = s.source();
        }
        text
    }
}

impl HttpTransport for ReqwestTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let method = match request.method {
                Method::Get => reqwest::Method::GET,
                Method::Post => reqwest::Method::POST,
                Method::Put => reqwest::Method::PUT,
                Method::Delete => reqwest::Method::DELETE,
                Method::Head => reqwest::Method::HEAD,
            };
            let mut builder = self.client.request(method, &request.url);
            for (name, value) in &request.headers {
                if name.eq_ignore_ascii_case("host") || name.eq_ignore_ascii_case("content-length")
                {
                    // Both are written by the HTTP stack from the URL and the body.
                    continue;
                }
                // Values are sent as bytes, so UTF-8 text (e.g. a region
                // name) goes out as the official SDK sends it.
                let value =
                    reqwest::header::HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
                        TransportError::new(
                            TransportErrorKind::Other,
                            format!("header {name} has a value that cannot be sent"),
                            false,
                        )
                    })?;
                builder = builder.header(name.as_str(), value);
            }
            let needs_empty_body = matches!(request.method, Method::Post | Method::Put);
            if !request.body.is_empty() || needs_empty_body {
                builder = builder.body(request.body);
            }
            let mut response = builder.send().await.map_err(classify)?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_owned(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect();
            let limit = self.max_response_bytes;
            let too_large = || {
                TransportError::new(
                    TransportErrorKind::BodyTooLarge,
                    format!("the answer is larger than the {limit}-byte limit"),
                    true,
                )
            };
            if response.content_length().is_some_and(|n| n > limit) {
                return Err(too_large());
            }
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(classify)? {
                if body.len() as u64 + chunk.len() as u64 > limit {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }
}
