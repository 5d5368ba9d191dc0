//! The request pipeline: build → authorize → send → classify → retry → decode.

use std::borrow::Cow;
use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument;

use crate::auth::AuthRequest;
use crate::config::{Config, Endpoint, Scheme};
use crate::credentials::Secret;
use crate::error::{
    BceErrorDecoder, CallContext, Error, ErrorDecoder, ServiceError, TransportError,
    TransportErrorKind,
};
use crate::operation::Operation;
use crate::redact;
use crate::retry::{classify, Retry};
use crate::sign::{self, REQUEST_ID_HEADER};
use crate::transport::{HttpRequest, HttpResponse};

/// Content type sent on every request unless the client or the operation
/// says otherwise.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// The longest URL the HTTP layer can carry; longer ones are refused as
/// invalid input before anything is sent.
pub const MAX_URL_LEN: usize = 65_534;

/// The largest clock correction accepted from a server's `Date` header.
pub const MAX_CLOCK_SKEW: Duration = Duration::from_secs(24 * 3600);

/// Response headers that may be logged.
const LOGGED_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "x-bce-request-id",
    "x-bce-debug-id",
    "x-request-id",
    "x-pf-request-id",
    "date",
    "retry-after",
    "location",
];

/// The shared HTTP client of every service crate. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    endpoint: Endpoint,
    base_path: String,
    error_decoder: Arc<dyn ErrorDecoder>,
    request_id_header: Option<&'static str>,
    content_type: String,
    /// Seconds to add to the local clock, learnt from a `RequestExpired` answer.
    skew: AtomicI64,
}

/// Builder of a [`Client`] for a service with its own defaults.
///
/// ```
/// use std::sync::Arc;
/// use bce_core::{Client, Config, NoAuth, Scheme};
/// let config = Config::builder().authorizer(Arc::new(NoAuth)).build()?;
/// let client = Client::builder(config)
///     .default_host("127.0.0.1:8999")
///     .default_scheme(Scheme::Http)
///     .base_path("/api/paddleflow/v1")
///     .request_id_header(Some("x-pf-request-id"))
///     .content_type("application/json")
///     .build()?;
/// assert_eq!(client.endpoint().base_url(), "http://127.0.0.1:8999");
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Debug)]
pub struct ClientBuilder {
    config: Config,
    default_host: Option<String>,
    default_scheme: Scheme,
    base_path: String,
    error_decoder: Arc<dyn ErrorDecoder>,
    request_id_header: Option<&'static str>,
    content_type: String,
}

impl ClientBuilder {
    /// The host used when the config has no endpoint.
    pub fn default_host(mut self, host: impl Into<String>) -> Self {
        self.default_host = Some(host.into());
        self
    }

    /// The scheme of an endpoint written without one (HTTPS unless set).
    pub fn default_scheme(mut self, scheme: Scheme) -> Self {
        self.default_scheme = scheme;
        self
    }

    /// A prefix of every operation's path, e.g. `/api/paddleflow/v1`.
    pub fn base_path(mut self, prefix: impl Into<String>) -> Self {
        self.base_path = prefix.into().trim_end_matches('/').to_owned();
        self
    }

    /// How error answers are decoded (BCE's shape unless set).
    pub fn error_decoder(mut self, decoder: Arc<dyn ErrorDecoder>) -> Self {
        self.error_decoder = decoder;
        self
    }

    /// The header carrying a per-call request id (a UUID v4 reused across
    /// attempts); `None` sends none. Default `x-bce-request-id`.
    pub fn request_id_header(mut self, name: Option<&'static str>) -> Self {
        self.request_id_header = name;
        self
    }

    /// The `Content-Type` sent on every request.
    pub fn content_type(mut self, value: impl Into<String>) -> Self {
        self.content_type = value.into();
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = match self.config.endpoint_text.as_deref() {
            Some(text) => Endpoint::parse_with_default_scheme(text, self.default_scheme)?,
            None => match self.default_host.as_deref() {
                Some(host) => Endpoint::parse_with_default_scheme(host, self.default_scheme)?,
                None => {
                    return Err(Error::invalid_input(
                        "endpoint",
                        "no endpoint was configured and the service has no default host",
                    ))
                }
            },
        };
        check_header_value("Content-Type", &self.content_type)?;
        Ok(Client {
            inner: Arc::new(Inner {
                config: self.config,
                endpoint,
                base_path: self.base_path,
                error_decoder: self.error_decoder,
                request_id_header: self.request_id_header,
                content_type: self.content_type,
                skew: AtomicI64::new(0),
            }),
        })
    }
}

/// One attempt's request plus the values that must never be printed.
#[derive(Debug)]
pub struct PreparedRequest {
    /// The request as it would go on the wire.
    pub request: HttpRequest,
    /// Secret values used to authorize it (masked wherever shown).
    pub secrets: Vec<Secret>,
}

impl Client {
    /// Builds a BCE client; `default_host` is used when the config has no endpoint.
    pub fn new(config: Config, default_host: &str) -> Result<Self, Error> {
        Client::builder(config).default_host(default_host).build()
    }

    /// A builder for a regional BCE service: without an endpoint in
    /// `config` it talks to `{service}.{region}.baidubce.com` over HTTPS
    /// (see [`crate::config::regional_host`]).
    pub fn regional(config: Config, service: &str) -> ClientBuilder {
        let host = crate::config::regional_host(service, config.region());
        Client::builder(config).default_host(host)
    }

    /// Starts a builder for a service with its own defaults.
    pub fn builder(config: Config) -> ClientBuilder {
        ClientBuilder {
            config,
            default_host: None,
            default_scheme: Scheme::Https,
            base_path: String::new(),
            error_decoder: Arc::new(BceErrorDecoder),
            request_id_header: Some(REQUEST_ID_HEADER),
            content_type: JSON_CONTENT_TYPE.to_owned(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// The current clock correction in seconds.
    pub fn clock_skew(&self) -> i64 {
        self.inner.skew.load(Ordering::Relaxed)
    }

    /// The full raw path of an operation (base path + operation path);
    /// borrowed in the usual case of no base path.
    fn full_path<'a>(&self, op: &'a Operation) -> Cow<'a, str> {
        let base = &self.inner.base_path;
        if base.is_empty() && op.path.starts_with('/') {
            return Cow::Borrowed(&op.path);
        }
        let mut path = String::with_capacity(base.len() + op.path.len() + 1);
        path.push_str(base);
        if !op.path.starts_with('/') {
            path.push('/');
        }
        path.push_str(&op.path);
        Cow::Owned(path)
    }

    /// Builds and authorizes the request of one attempt at `unix_seconds`,
    /// without sending it. Public so tests, benchmarks and tools (a dry run)
    /// can see exactly what would be sent.
    pub async fn prepare(
        &self,
        op: &Operation,
        unix_seconds: i64,
        request_id: &str,
    ) -> Result<PreparedRequest, Error> {
        if let Some(err) = op.validation_error() {
            return Err(err);
        }
        let config = &self.inner.config;
        let endpoint = &self.inner.endpoint;
        let path = self.full_path(op);
        let url = self.url(&path, &op.query)?;
        let mut headers: Vec<(Cow<'static, str>, String)> =
            Vec::with_capacity(10 + op.headers.len());
        headers.push(("Host".into(), endpoint.host().to_owned()));
        headers.push(("User-Agent".into(), config.user_agent.clone()));
        if !op
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            headers.push(("Content-Type".into(), self.inner.content_type.clone()));
        }
        let body = op.body.clone().unwrap_or_default();
        if !body.is_empty() {
            headers.push(("Content-Length".into(), body.len().to_string()));
        }
        if let Some(name) = self.inner.request_id_header {
            headers.push((name.into(), request_id.to_owned()));
        }
        headers.extend(
            op.headers
                .iter()
                .map(|(k, v)| (Cow::Owned(k.clone()), v.clone())),
        );

        let mut secrets = Vec::new();
        let mut auth = AuthRequest::new(
            op.method,
            &path,
            &op.query,
            &body,
            unix_seconds,
            op.signed_headers,
            &mut headers,
            &mut secrets,
        );
        config.authorizer.authorize(&mut auth).await?;
        for (name, value) in &headers {
            check_header_value(name, value)?;
        }
        Ok(PreparedRequest {
            request: HttpRequest {
                method: op.method,
                url,
                headers,
                body,
            },
            secrets,
        })
    }

    fn url(&self, path: &str, query: &[(String, String)]) -> Result<String, Error> {
        let endpoint = &self.inner.endpoint;
        let query_len: usize = query.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
        let mut url = String::with_capacity(16 + endpoint.host().len() + path.len() + query_len);
        url.push_str(endpoint.scheme().as_str());
        url.push_str("://");
        url.push_str(endpoint.host());
        sign::push_wire_path(&mut url, if path.is_empty() { "/" } else { path });
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            sign::push_uri_encoded(&mut url, k);
            if !v.is_empty() {
                url.push('=');
                sign::push_uri_encoded(&mut url, v);
            }
        }
        if url.len() > MAX_URL_LEN {
            return Err(Error::invalid_input(
                "request",
                format!(
                    "the request URL would be {} bytes, more than the {MAX_URL_LEN} an HTTP request line can carry",
                    url.len()
                ),
            ));
        }
        Ok(url)
    }

    /// Runs an operation and decodes its JSON answer into `T`. An empty
    /// body is a decode error: use [`Client::send_no_content`] for
    /// operations documented to answer nothing.
    pub async fn send<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        let context = op.context();
        let response = self.start(op)?.await?;
        decode_json(&response).map_err(|e| e.with_context(context))
    }

    /// Runs an operation whose answer carries nothing of interest (any
    /// successful body, including none, is accepted).
    pub async fn send_no_content(&self, op: Operation) -> Result<(), Error> {
        self.start(op)?.await.map(|_| ())
    }

    /// Runs an operation and returns the successful raw response.
    pub async fn send_raw(&self, op: Operation) -> Result<HttpResponse, Error> {
        self.start(op)?.await
    }

    /// Checks `op` and returns the future of its attempts (inside its
    /// tracing span, errors naming the call), for the `send` methods to
    /// await directly rather than through one more `async` layer.
    fn start(
        &self,
        op: Operation,
    ) -> Result<impl Future<Output = Result<HttpResponse, Error>> + '_, Error> {
        let context = op.context();
        if let Some(err) = op.validation_error() {
            return Err(err.with_context(context));
        }
        let request_id = random_uuid_v4();
        let span = tracing::debug_span!(
            "bce_request",
            service = op.service,
            operation = op.name,
            request_id = %request_id,
            attempt = tracing::field::Empty,
            status = tracing::field::Empty,
            service_request_id = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let attempts = self.run(op, request_id, span.clone()).instrument(span);
        Ok(async move { attempts.await.map_err(|e| e.with_context(context)) })
    }

    async fn run(
        &self,
        op: Operation,
        request_id: String,
        span: tracing::Span,
    ) -> Result<HttpResponse, Error> {
        let config = &self.inner.config;
        let policy = &config.retry;
        let idempotent = op.is_idempotent();
        let started = Instant::now();
        let deadline = started + config.timeouts.operation;
        let mut attempts: u32 = 0;
        let mut retries: u32 = 0;
        let mut skew_corrected = false;
        let mut reauthorized = false;
        loop {
            attempts += 1;
            span.record("attempt", attempts);
            let now = config.clock.now_unix().saturating_add(self.clock_skew());
            let PreparedRequest { request, secrets } = self.prepare(&op, now, &request_id).await?;
            let sent_at = Instant::now();
            let limit = config
                .timeouts
                .attempt
                .min(deadline.saturating_duration_since(sent_at));
            tracing::debug!(
                method = %request.method,
                host = %self.inner.endpoint.host(),
                path = %op.path,
                body_len = request.body.len(),
                "sending request"
            );
            let result =
                tokio::time::timeout_at(sent_at + limit, config.transport.send(request)).await;
            if !span.is_disabled() {
                span.record("latency_ms", sent_at.elapsed().as_millis() as u64);
            }
            let err = match result {
                Ok(Ok(response)) => match self.check_response(response, &span, &secrets) {
                    Ok(response) => return Ok(response),
                    Err(err) => err,
                },
                Ok(Err(transport)) => Error::Transport(transport),
                Err(_) => Error::Transport(TransportError::new(
                    TransportErrorKind::Timeout,
                    format!("attempt timed out after {limit:?}"),
                    true,
                )),
            };
            tracing::debug!(error = %err, attempt = attempts, "attempt failed");

            if err.is_request_expired() && !skew_corrected {
                skew_corrected = true;
                if self.learn_skew(&err) {
                    continue;
                }
            }
            if let Some(service) = err.service_error() {
                if !reauthorized && config.authorizer.on_rejected(service).await {
                    reauthorized = true;
                    tracing::debug!("authorization refreshed; trying again");
                    continue;
                }
            }
            let may_retry = classify(&err, idempotent) != Retry::No;
            let give_up = |err: Error| {
                if attempts > 1 && may_retry {
                    Error::RetriesExhausted {
                        attempts,
                        elapsed: started.elapsed(),
                        last: Box::new(err),
                    }
                } else {
                    err
                }
            };
            if !may_retry || retries >= policy.max_retries {
                return Err(give_up(err));
            }
            let retry_after = err.service_error().and_then(|e| e.retry_after());
            let delay = policy.delay(retries, config.jitter.as_ref(), retry_after);
            let elapsed = started.elapsed();
            if elapsed + delay >= policy.budget || Instant::now() + delay >= deadline {
                return Err(give_up(err));
            }
            tracing::debug!(delay_ms = delay.as_millis() as u64, "retrying");
            tokio::time::sleep(delay).await;
            retries += 1;
        }
    }

    /// Learns the clock skew from a `RequestExpired` answer's `Date` header,
    /// within [`MAX_CLOCK_SKEW`]; returns whether a correction was made.
    fn learn_skew(&self, err: &Error) -> bool {
        let Some(server) = err.service_error().and_then(|e| e.server_date()) else {
            return false;
        };
        let skew = server.saturating_sub(self.inner.config.clock.now_unix());
        if skew.unsigned_abs() > MAX_CLOCK_SKEW.as_secs() {
            tracing::debug!(
                skew_seconds = skew,
                "ignoring an implausible server date; not correcting the clock"
            );
            return false;
        }
        self.inner.skew.store(skew, Ordering::Relaxed);
        tracing::debug!(skew_seconds = skew, "corrected clock skew; signing again");
        true
    }

    /// Turns an answer into success or a service error: 2xx is success
    /// unless the decoder finds a failure inside; 3xx (redirects are not
    /// followed) and ≥ 400 are errors; oversized bodies are refused.
    fn check_response(
        &self,
        response: HttpResponse,
        span: &tracing::Span,
        secrets: &[Secret],
    ) -> Result<HttpResponse, Error> {
        span.record("status", response.status);
        let decoder = &self.inner.error_decoder;
        let limit = self.inner.config.max_response_bytes;
        if response.body.len() as u64 > limit {
            return Err(Error::Transport(TransportError::new(
                TransportErrorKind::BodyTooLarge,
                format!("the answer is larger than the {limit}-byte limit"),
                true,
            )));
        }
        if tracing::enabled!(tracing::Level::DEBUG) {
            let logged: Vec<(&str, String)> = response
                .headers
                .iter()
                .filter(|(k, _)| LOGGED_RESPONSE_HEADERS.contains(&k.as_str()))
                .map(|(k, v)| {
                    (
                        k.as_str(),
                        redact::url(&String::from_utf8_lossy(v.as_bytes())),
                    )
                })
                .collect();
            tracing::debug!(status = response.status, headers = ?logged, "response received");
        }
        let mut error = match response.status {
            200..=299 => match decoder.business_error(&response) {
                None => return Ok(response),
                Some(e) => e,
            },
            300..=399 => redirect_error(&response),
            _ => decoder.decode(&response),
        };
        if error.request_id().is_empty() {
            if let Some(rid) = self
                .inner
                .request_id_header
                .and_then(|h| response.header(h))
            {
                error = error.with_request_id(rid);
            }
        }
        span.record("service_request_id", error.request_id());
        error = error
            .with_retry_after(
                response
                    .header("retry-after")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs),
            )
            .with_server_date(response.header("date").and_then(parse_http_date));
        let exposed: Vec<&str> = secrets.iter().map(Secret::expose).collect();
        error.scrub(&exposed);
        Err(Error::Service(Box::new(error)))
    }
}

/// A random UUID v4, for request ids and generated client tokens. Both only
/// have to be unique, not secret, so it comes from the thread-local fast
/// generator (seeded from the OS) rather than a system call per call.
pub fn random_uuid_v4() -> String {
    let bits = (fastrand::u128(..) & !(0xf << 76) & !(0x3 << 62)) | (0x4 << 76) | (0x2 << 62);
    let bytes = bits.to_be_bytes();
    let mut out = String::with_capacity(36);
    for (i, group) in [0..4, 4..6, 6..8, 8..10, 10..16].into_iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        sign::push_hex(&mut out, &bytes[group]);
    }
    out
}

fn redirect_error(response: &HttpResponse) -> ServiceError {
    let location = response
        .header("location")
        .map(redact::url)
        .unwrap_or_else(|| "no Location".to_owned());
    ServiceError::new(
        response.status,
        "UnexpectedRedirect",
        format!("the service answered with a redirect to {location}; redirects are not followed"),
    )
}

/// Refuses a header value that cannot be sent (CR, LF, NUL and other
/// control characters but tab), as invalid input found before sending.
fn check_header_value(name: &str, value: &str) -> Result<(), Error> {
    // Without an early exit the compiler can check many bytes at a time.
    let bad = value.bytes().fold(false, |bad, b| {
        bad | ((b < 0x20) & (b != b'\t')) | (b == 0x7f)
    });
    if bad {
        return Err(Error::invalid_input(
            name,
            "a header value must not contain control characters (CR, LF, NUL, …)",
        ));
    }
    Ok(())
}

/// Builds the BCE service error of a response (kept for callers of 0.1).
pub fn service_error(response: &HttpResponse) -> ServiceError {
    BceErrorDecoder
        .decode(response)
        .with_retry_after(
            response
                .header("retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs),
        )
        .with_server_date(response.header("date").and_then(parse_http_date))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix seconds.
pub fn parse_http_date(text: &str) -> Option<i64> {
    crate::date::DateTime::parse_http(text).map(crate::date::DateTime::unix)
}

/// Decodes a JSON body. An empty (or blank) body is a decode error.
pub fn decode_json<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, Error> {
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::decode(
            "the answer has no body, but this operation returns data",
            response.status,
            &response.body,
        ));
    }
    serde_json::from_slice(&response.body)
        .map_err(|e| Error::decode_json(e, response.status, &response.body))
}

impl Operation {
    fn context(&self) -> CallContext {
        CallContext {
            service: self.service,
            operation: self.name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_date() {
        assert_eq!(
            parse_http_date("Tue, 14 Nov 2023 22:13:20 GMT"),
            Some(1700000000)
        );
        assert_eq!(parse_http_date("garbage"), None);
    }

    #[test]
    fn request_ids_are_uuid_v4() {
        let a = random_uuid_v4();
        assert_eq!(a.len(), 36);
        for (i, c) in a.bytes().enumerate() {
            match i {
                8 | 13 | 18 | 23 => assert_eq!(c, b'-', "{a}"),
                _ => assert!(c.is_ascii_digit() || (b'a'..=b'f').contains(&c), "{a}"),
            }
        }
        assert_eq!(a.as_bytes()[14], b'4');
        assert!(matches!(a.as_bytes()[19], b'8' | b'9' | b'a' | b'b'), "{a}");
        assert_ne!(a, random_uuid_v4());
    }

    #[test]
    fn header_values_are_checked() {
        assert!(check_header_value("X-Region", "bj").is_ok());
        assert!(check_header_value("X-Region", "北京\t").is_ok());
        let err = check_header_value("X-Region", "bj\r\nX-Evil: 1").unwrap_err();
        assert!(err.is_invalid_input() && err.to_string().contains("X-Region"));
    }
}
