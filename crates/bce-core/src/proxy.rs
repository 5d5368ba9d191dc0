//! HTTP proxies for the hyper transport.
//!
//! An `https://` service is reached through an HTTP `CONNECT` tunnel (TLS
//! then runs end to end, the proxy sees only the host name); an `http://`
//! service is reached by sending the request itself to the proxy, with the
//! absolute URL on the request line. Which proxy, if any, comes from
//! [`crate::ConfigBuilder::proxy`] (every request) or, without it, from the
//! environment the way curl reads it (`HTTPS_PROXY`, `HTTP_PROXY`,
//! `ALL_PROXY`, `NO_PROXY`, upper or lower case).
//!
//! Only `http://` proxy URLs are supported; anything else is refused when
//! the client is built rather than silently bypassed.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use hyper::header::HeaderValue;
use hyper::rt::{Read, ReadBufCursor, Write};
use hyper::Uri;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector};
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tower_service::Service;

use crate::error::Error;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The variables that name a proxy (curl's set, both cases).
const PROXY_VARIABLES: [&str; 6] = [
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// Which proxy carries a request to a given destination, if any.
#[derive(Clone, Default)]
pub(crate) struct Proxies {
    matcher: Option<Arc<Matcher>>,
}

/// The proxy chosen for one destination.
pub(crate) struct Route {
    /// Where to connect: the proxy's `http://host:port`.
    pub(crate) proxy: Uri,
    /// `Proxy-Authorization` from the proxy URL's user info, if any.
    pub(crate) authorization: Option<HeaderValue>,
}

impl Proxies {
    /// Every request through `url` (an `http://` proxy URL, user info allowed).
    pub(crate) fn all(url: &str) -> Result<Self, Error> {
        check_proxy_url("proxy", url)?;
        let matcher = Matcher::builder().all(url.to_owned()).build();
        Ok(Proxies {
            matcher: Some(Arc::new(matcher)),
        })
    }

    /// The proxies the environment names; none when it names none.
    pub(crate) fn from_env() -> Result<Self, Error> {
        let mut named = false;
        for name in PROXY_VARIABLES {
            if let Some(value) = std::env::var_os(name).filter(|v| !v.is_empty()) {
                check_proxy_url(name, &value.to_string_lossy())?;
                named = true;
            }
        }
        Ok(Proxies {
            matcher: named.then(|| Arc::new(Matcher::from_env())),
        })
    }

    /// Whether any proxy is configured.
    pub(crate) fn is_empty(&self) -> bool {
        self.matcher.is_none()
    }

    /// The proxy for `destination`, or `None` to connect directly.
    pub(crate) fn route(&self, destination: &Uri) -> Option<Route> {
        let intercept = self.matcher.as_ref()?.intercept(destination)?;
        Some(Route {
            proxy: intercept.uri().clone(),
            authorization: intercept.basic_auth().cloned(),
        })
    }
}

/// Refuses a proxy URL the transport cannot use, naming where it came from
/// but never echoing its user info.
fn check_proxy_url(source: &str, url: &str) -> Result<(), Error> {
    let shown = crate::redact::url(url);
    let url = url.trim();
    // curl reads a bare `host:port` as an HTTP proxy; so does the matcher.
    let with_scheme = if url.contains("://") {
        url.to_owned()
    } else {
        format!("http://{url}")
    };
    let uri: Uri = with_scheme
        .parse()
        .map_err(|_| Error::invalid_input(source, format!("not a proxy URL: {shown:?}")))?;
    if !uri
        .scheme_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("http"))
    {
        return Err(Error::invalid_input(
            source,
            format!("only http:// proxies are supported (TLS to the service still runs end to end): {shown:?}"),
        ));
    }
    if uri.host().map_or(true, str::is_empty) {
        return Err(Error::invalid_input(
            source,
            format!("the proxy URL has no host: {shown:?}"),
        ));
    }
    Ok(())
}

/// Connects directly, through a `CONNECT` tunnel (for `https://`
/// destinations) or to the proxy itself (for `http://` ones).
#[derive(Clone)]
pub(crate) struct ProxyConnector {
    http: HttpConnector,
    proxies: Proxies,
}

impl ProxyConnector {
    pub(crate) fn new(http: HttpConnector, proxies: Proxies) -> Self {
        ProxyConnector { http, proxies }
    }
}

async fn dial<S>(connector: &mut S, destination: Uri) -> Result<S::Response, BoxError>
where
    S: Service<Uri>,
    S::Error: Into<BoxError>,
{
    poll_fn(|cx| connector.poll_ready(cx))
        .await
        .map_err(Into::into)?;
    connector.call(destination).await.map_err(Into::into)
}

impl Service<Uri> for ProxyConnector {
    type Response = ProxyStream;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<ProxyStream, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.http.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, destination: Uri) -> Self::Future {
        let route = self.proxies.route(&destination);
        let mut http = self.http.clone();
        Box::pin(async move {
            let Some(route) = route else {
                let io = dial(&mut http, destination).await?;
                return Ok(ProxyStream::direct(io));
            };
            if destination.scheme_str() == Some("https") {
                let mut tunnel = Tunnel::new(route.proxy, http);
                if let Some(authorization) = route.authorization {
                    tunnel = tunnel.with_auth(authorization);
                }
                let io = dial(&mut tunnel, destination).await?;
                Ok(ProxyStream::direct(io))
            } else {
                let io = dial(&mut http, route.proxy).await?;
                Ok(ProxyStream { io, to_proxy: true })
            }
        })
    }
}

/// A connection, marked when requests on it go to a proxy (so they are
/// written with the absolute URL).
pub(crate) struct ProxyStream {
    io: TokioIo<TcpStream>,
    to_proxy: bool,
}

impl ProxyStream {
    fn direct(io: TokioIo<TcpStream>) -> Self {
        ProxyStream {
            io,
            to_proxy: false,
        }
    }
}

impl Connection for ProxyStream {
    fn connected(&self) -> Connected {
        self.io.connected().proxy(self.to_proxy)
    }
}

impl Read for ProxyStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl Write for ProxyStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
}
