//! The default transport: hyper's HTTP/1.1 client with rustls, no proxy.
//!
//! Measured against reqwest on the same requests (see `benches/`), going to
//! hyper directly saves a URL parse, a header-map rebuild and reqwest's own
//! per-request machinery on every call. reqwest stays for configurations
//! with a proxy (explicit or from the environment), which hyper's client
//! does not handle by itself.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::header::{HeaderName, HeaderValue};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::credentials::BoxFuture;
use crate::error::{Error, TransportError, TransportErrorKind};
use crate::transport::{HttpRequest, HttpResponse, HttpTransport, Method};

/// Sends requests with hyper (HTTP/1.1, rustls with the webpki roots,
/// pooled keep-alive connections, redirects never followed).
#[derive(Clone)]
pub struct HyperTransport {
    client: HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>,
    max_response_bytes: u64,
}

impl std::fmt::Debug for HyperTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HyperTransport")
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl HyperTransport {
    /// A transport with a connect timeout and a cap on answer bodies.
    pub fn new(connect_timeout: Duration, max_response_bytes: u64) -> Result<Self, Error> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(connect_timeout));
        http.set_nodelay(true);
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots =
            rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid_input("transport", format!("TLS setup failed: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = HyperClient::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .build(https);
        Ok(HyperTransport {
            client,
            max_response_bytes,
        })
    }
}

fn method(m: Method) -> hyper::Method {
    match m {
        Method::Get => hyper::Method::GET,
        Method::Post => hyper::Method::POST,
        Method::Put => hyper::Method::PUT,
        Method::Delete => hyper::Method::DELETE,
        Method::Head => hyper::Method::HEAD,
    }
}

fn local(message: String) -> TransportError {
    TransportError::new(TransportErrorKind::Other, message, false)
}

fn build(request: HttpRequest) -> Result<hyper::Request<Full<Bytes>>, TransportError> {
    let uri: hyper::Uri = request
        .url
        .parse()
        .map_err(|e| local(format!("the request URL cannot be sent: {e}")))?;
    let mut builder = hyper::Request::builder()
        .method(method(request.method))
        .uri(uri);
    if let Some(headers) = builder.headers_mut() {
        headers.reserve(request.headers.len());
        for (name, value) in &request.headers {
            if name.eq_ignore_ascii_case("host") || name.eq_ignore_ascii_case("content-length") {
                // Written by the HTTP stack from the URL and the body.
                continue;
            }
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| local(format!("header name {name:?} cannot be sent")))?;
            // Values go out as bytes, so UTF-8 text (e.g. a region name)
            // is sent as the official SDKs send it.
            let value = HeaderValue::from_bytes(value.as_bytes())
                .map_err(|_| local(format!("header {name} has a value that cannot be sent")))?;
            headers.append(name, value);
        }
    }
    builder
        .body(Full::new(Bytes::from(request.body)))
        .map_err(|e| local(format!("the request cannot be built: {e}")))
}

impl HttpTransport for HyperTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let request = build(request)?;
            let response = self.client.request(request).await.map_err(|e| {
                let (kind, maybe_sent) = if e.is_connect() {
                    (TransportErrorKind::Connect, false)
                } else {
                    (TransportErrorKind::Io, true)
                };
                TransportError::new(kind, error_text(&e), maybe_sent).with_source(e)
            })?;
            let status = response.status().as_u16();
            let limit = self.max_response_bytes;
            let too_large = || {
                TransportError::new(
                    TransportErrorKind::BodyTooLarge,
                    format!("the answer is larger than the {limit}-byte limit"),
                    true,
                )
            };
            let (parts, body) = response.into_parts();
            let declared = parts
                .headers
                .get(hyper::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            if declared.is_some_and(|n| n > limit) {
                return Err(too_large());
            }
            let headers = parts
                .headers
                .iter()
                .map(|(k, v)| {
                    (
                        k.as_str().to_owned(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect();
            let cap = usize::try_from(limit).unwrap_or(usize::MAX);
            let body = Limited::new(body, cap).collect().await.map_err(|e| {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    too_large()
                } else {
                    TransportError::new(
                        TransportErrorKind::Io,
                        format!("reading the answer failed: {e}"),
                        true,
                    )
                }
            })?;
            Ok(HttpResponse {
                status,
                headers,
                body: body.to_bytes().to_vec(),
            })
        })
    }
}

/// The error's text with its causes, without the URL.
fn error_text(e: &hyper_util::client::legacy::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Whether the environment names a proxy (then reqwest, which honours it,
/// carries the requests).
pub(crate) fn environment_has_proxy() -> bool {
    [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ]
    .iter()
    .any(|k| std::env::var_os(k).is_some_and(|v| !v.is_empty()))
}
