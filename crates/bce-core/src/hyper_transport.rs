//! The transport: hyper's HTTP/1.1 client with rustls and HTTP proxies.
//!
//! Measured against reqwest and against hyper-util's pooled client on the
//! same requests (see `benches/`), hyper's connection-level client with the
//! SDK's own small pool (`pool.rs`) does the least work per call: no
//! URL parse and header-map rebuild of reqwest, no general-purpose pool
//! lookups, boxed futures and spawned tasks of hyper-util. Connections come
//! from hyper-util's connector, through the proxies of [`crate::proxy`].

use std::future::poll_fn;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::client::conn::http1;
use hyper::header::{HeaderName, HeaderValue};
use hyper::Uri;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use tower_service::Service;

use crate::credentials::BoxFuture;
use crate::error::{Error, TransportError, TransportErrorKind};
use crate::pool::{Connection, Pool};
use crate::proxy::{Proxies, ProxyConnector};
use crate::transport::{HttpRequest, HttpResponse, HttpTransport, Method};

/// Sends requests with hyper (HTTP/1.1, rustls with the webpki roots,
/// pooled keep-alive connections, redirects never followed, HTTP proxies).
#[derive(Clone)]
pub struct HyperTransport {
    connector: HttpsConnector<ProxyConnector>,
    pool: Arc<Pool>,
    proxies: Proxies,
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
    /// A transport with a connect timeout and a cap on answer bodies that
    /// goes through the proxies the environment names (see [`crate::proxy`]).
    pub fn new(connect_timeout: Duration, max_response_bytes: u64) -> Result<Self, Error> {
        Self::with_proxies(connect_timeout, max_response_bytes, Proxies::from_env()?)
    }

    /// Like [`HyperTransport::new`], every request through the `http://`
    /// proxy at `proxy_url` (user info becomes `Proxy-Authorization`).
    pub fn with_proxy(
        connect_timeout: Duration,
        max_response_bytes: u64,
        proxy_url: &str,
    ) -> Result<Self, Error> {
        Self::with_proxies(
            connect_timeout,
            max_response_bytes,
            Proxies::all(proxy_url)?,
        )
    }

    fn with_proxies(
        connect_timeout: Duration,
        max_response_bytes: u64,
        proxies: Proxies,
    ) -> Result<Self, Error> {
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
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(ProxyConnector::new(http, proxies.clone()));
        Ok(HyperTransport {
            connector,
            pool: Arc::default(),
            proxies,
            max_response_bytes,
        })
    }

    /// A new connection to the destination of `uri` (`https`, `authority`).
    async fn connect(
        &self,
        uri: &Uri,
        https: bool,
        authority: &str,
    ) -> Result<Connection, TransportError> {
        let failed = |e: Box<dyn std::error::Error + Send + Sync>| {
            TransportError::new(TransportErrorKind::Connect, error_text(e.as_ref()), false)
                .with_boxed_source(e)
        };
        let mut connector = self.connector.clone();
        poll_fn(|cx| connector.poll_ready(cx))
            .await
            .map_err(failed)?;
        let io = connector.call(uri.clone()).await.map_err(failed)?;
        let (sender, connection) = http1::handshake(io)
            .await
            .map_err(|e| failed(Box::new(e)))?;
        // The connection's I/O runs on its own task until the server or
        // the last sender closes it.
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok(Connection {
            https,
            authority: authority.into(),
            sender,
        })
    }

    /// Sends `request` on a pooled connection, or a new one. A request
    /// that a reused connection could not take (the server had closed it)
    /// goes out once more on a new connection: nothing of it was sent.
    async fn exchange(
        &self,
        request: hyper::Request<Full<Bytes>>,
        destination: &Uri,
    ) -> Result<(hyper::Response<hyper::body::Incoming>, Connection), TransportError> {
        let https = destination.scheme_str() == Some("https");
        let authority = destination
            .authority()
            .map(|a| a.as_str())
            .unwrap_or_default();
        let mut request = request;
        loop {
            let (mut connection, reused) = match self.pool.checkout(https, authority) {
                Some(connection) => (connection, true),
                None => (self.connect(destination, https, authority).await?, false),
            };
            if let Err(e) = connection.sender.ready().await {
                if reused {
                    continue;
                }
                return Err(
                    TransportError::new(TransportErrorKind::Io, error_text(&e), false)
                        .with_source(e),
                );
            }
            match connection.sender.try_send_request(request).await {
                Ok(response) => return Ok((response, connection)),
                Err(mut failure) => match failure.take_message() {
                    // Nothing of it was written: once more, on another one.
                    Some(unsent) if reused => request = unsent,
                    unsent => {
                        let e = failure.into_error();
                        let text = error_text(&e);
                        return Err(TransportError::new(
                            TransportErrorKind::Io,
                            text,
                            unsent.is_none(),
                        )
                        .with_source(e));
                    }
                },
            }
        }
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

/// The header name as hyper takes it. The names the pipeline and the
/// signer set are matched exactly and cost neither a parse nor an
/// allocation; any other name is parsed.
fn header_name(name: &str) -> Result<HeaderName, TransportError> {
    use hyper::header;
    let known = match name {
        "User-Agent" => header::USER_AGENT,
        "Content-Type" => header::CONTENT_TYPE,
        "Authorization" => header::AUTHORIZATION,
        "x-bce-date" => HeaderName::from_static("x-bce-date"),
        "x-bce-request-id" => HeaderName::from_static("x-bce-request-id"),
        "x-bce-security-token" => HeaderName::from_static("x-bce-security-token"),
        "Content-Md5" => HeaderName::from_static("content-md5"),
        _ => {
            return HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| local(format!("header name {name:?} cannot be sent")))
        }
    };
    Ok(known)
}

/// The hyper request of `request` and its destination (the absolute URL,
/// which the connector dials). The request line carries the path and query
/// alone, or the absolute URL when a plain-HTTP request goes through a proxy.
fn build(
    request: HttpRequest,
    proxies: &Proxies,
) -> Result<(hyper::Request<Full<Bytes>>, Uri), TransportError> {
    // From the owned string: the URL's bytes become the URI's without a copy.
    let destination = Uri::try_from(request.url)
        .map_err(|e| local(format!("the request URL cannot be sent: {e}")))?;
    // A plain-HTTP request through a proxy carries the proxy's credentials
    // itself (an HTTPS one gives them to the CONNECT tunnel instead).
    let proxy_route = match proxies.is_empty() || destination.scheme_str() != Some("http") {
        true => None,
        false => proxies.route(&destination),
    };
    let uri = match (&proxy_route, destination.path_and_query()) {
        (None, Some(path_and_query)) => Uri::from(path_and_query.clone()),
        _ => destination.clone(),
    };
    let mut builder = hyper::Request::builder()
        .method(method(request.method))
        .uri(uri);
    if let Some(headers) = builder.headers_mut() {
        for (name, value) in request.headers {
            if name.eq_ignore_ascii_case("content-length") {
                // Written by the HTTP stack from the body.
                continue;
            }
            let name = match name.eq_ignore_ascii_case("host") {
                true => hyper::header::HOST,
                false => header_name(&name)?,
            };
            // The value's bytes move into the header as they are: UTF-8
            // text (e.g. a region name) is sent as the official SDKs send
            // it, and nothing is copied.
            let value = HeaderValue::from_maybe_shared(Bytes::from(value))
                .map_err(|_| local(format!("header {name} has a value that cannot be sent")))?;
            headers.append(name, value);
        }
        if !headers.contains_key(hyper::header::HOST) {
            if let Some(authority) = destination.authority() {
                let host = HeaderValue::from_str(authority.as_str())
                    .map_err(|_| local("the request URL has no usable host".to_owned()))?;
                headers.insert(hyper::header::HOST, host);
            }
        }
        if let Some(authorization) = proxy_route.and_then(|route| route.authorization) {
            headers.insert(hyper::header::PROXY_AUTHORIZATION, authorization);
        }
    }
    let request = builder
        .body(Full::new(Bytes::from(request.body)))
        .map_err(|e| local(format!("the request cannot be built: {e}")))?;
    Ok((request, destination))
}

impl HttpTransport for HyperTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let (request, destination) = build(request, &self.proxies)?;
            let (response, connection) = self.exchange(request, &destination).await?;
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
            let read_failed = |e: &dyn std::fmt::Display| {
                TransportError::new(
                    TransportErrorKind::Io,
                    format!("reading the answer failed: {e}"),
                    true,
                )
            };
            let body = if declared.is_some() {
                // hyper delivers exactly the declared length (checked
                // against the limit above), so no counting is needed.
                body.collect().await.map_err(|e| read_failed(&e))?
            } else {
                let cap = usize::try_from(limit).unwrap_or(usize::MAX);
                Limited::new(body, cap).collect().await.map_err(|e| {
                    if e.downcast_ref::<http_body_util::LengthLimitError>()
                        .is_some()
                    {
                        too_large()
                    } else {
                        read_failed(&e)
                    }
                })?
            };
            // The answer is read to its end: the connection can carry the
            // next call.
            self.pool.put_back(connection);
            Ok(HttpResponse {
                status,
                headers: parts.headers,
                body: body.to_bytes(),
            })
        })
    }
}

/// The error's text with its causes, without the URL.
fn error_text(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
