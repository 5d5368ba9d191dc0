//! The request pipeline: build → date → sign → send → classify → retry → decode.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use md5::{Digest, Md5};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument;

use crate::config::{Config, Endpoint};
use crate::credentials::Credentials;
use crate::error::{parse_service_error, Error, TransportError, TransportErrorKind};
use crate::operation::Operation;
use crate::sign::{self, SignableRequest, DATE_HEADER, REQUEST_ID_HEADER, SECURITY_TOKEN_HEADER};
use crate::transport::{HttpRequest, HttpResponse};

/// Content type sent on every request.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";

/// Response headers that may be logged.
const LOGGED_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "x-bce-request-id",
    "x-bce-debug-id",
    "date",
    "retry-after",
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
    /// Seconds to add to the local clock, learnt from a `RequestExpired` answer.
    skew: AtomicI64,
}

impl Client {
    /// Builds a client; `default_host` is used when the config has no endpoint.
    pub fn new(config: Config, default_host: &str) -> Result<Self, Error> {
        let endpoint = match config.endpoint.clone() {
            Some(e) => e,
            None => Endpoint::parse(default_host)?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                endpoint,
                skew: AtomicI64::new(0),
            }),
        })
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

    /// Builds the signed request of one attempt (no I/O). Public so tests,
    /// benchmarks and tools can see exactly what would be sent.
    pub fn build_request(
        &self,
        op: &Operation,
        credentials: &Credentials,
        unix_seconds: i64,
        request_id: &str,
    ) -> Result<HttpRequest, Error> {
        if let Some(err) = op.validation_error() {
            return Err(err);
        }
        let config = &self.inner.config;
        let endpoint = &self.inner.endpoint;
        let mut headers: Vec<(String, String)> = Vec::with_capacity(10 + op.headers.len());
        headers.push(("Host".into(), endpoint.host().to_owned()));
        headers.push(("User-Agent".into(), config.user_agent.clone()));
        if !op
            .headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            headers.push(("Content-Type".into(), JSON_CONTENT_TYPE.into()));
        }
        let body = op.body.clone().unwrap_or_default();
        if !body.is_empty() {
            headers.push(("Content-Length".into(), body.len().to_string()));
            let md5 = Md5::digest(&body);
            headers.push((
                "Content-Md5".into(),
                base64::engine::general_purpose::STANDARD.encode(md5),
            ));
        }
        headers.push((DATE_HEADER.into(), sign::format_timestamp(unix_seconds)?));
        headers.push((REQUEST_ID_HEADER.into(), request_id.to_owned()));
        headers.extend(op.headers.iter().cloned());

        let signature = sign::sign(
            credentials,
            &SignableRequest {
                method: op.method.as_str(),
                path: &op.path,
                query: &op.query,
                headers: &headers,
            },
            &config.sign_options,
            unix_seconds,
        )?;
        if let Some(token) = signature.security_token_header {
            headers.push((SECURITY_TOKEN_HEADER.into(), token));
        }
        headers.push(("Authorization".into(), signature.authorization));

        let mut url = endpoint.base_url();
        let path = if op.path.is_empty() {
            "/"
        } else {
            op.path.as_str()
        };
        if !path.starts_with('/') {
            url.push('/');
        }
        url.push_str(&sign::wire_path(path));
        for (i, (k, v)) in op.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&sign::uri_encode(k));
            if !v.is_empty() {
                url.push('=');
                url.push_str(&sign::uri_encode(v));
            }
        }
        Ok(HttpRequest {
            method: op.method,
            url,
            headers,
            body,
        })
    }

    /// Runs an operation and decodes its JSON answer into `T`. An empty
    /// body decodes as `{}`.
    pub async fn send<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        let response = self.send_raw(op).await?;
        decode_json(&response)
    }

    /// Runs an operation whose answer carries nothing of interest.
    pub async fn send_no_content(&self, op: Operation) -> Result<(), Error> {
        self.send_raw(op).await.map(|_| ())
    }

    /// Runs an operation and returns the successful raw response.
    pub async fn send_raw(&self, op: Operation) -> Result<HttpResponse, Error> {
        if let Some(err) = op.validation_error() {
            return Err(err);
        }
        let request_id = uuid::Uuid::new_v4().to_string();
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
        self.run(op, request_id, span.clone())
            .instrument(span)
            .await
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
        loop {
            attempts += 1;
            span.record("attempt", attempts);
            let credentials = config
                .credentials
                .credentials()
                .await
                .map_err(|e| match e {
                    Error::Credentials(m) => Error::Credentials(m),
                    other => Error::Credentials(other.to_string()),
                })?;
            let now = config.clock.now_unix().saturating_add(self.clock_skew());
            let request = self.build_request(&op, &credentials, now, &request_id)?;
            let remaining = deadline.saturating_duration_since(Instant::now());
            let limit = config.timeouts.attempt.min(remaining);
            tracing::debug!(
                method = %request.method,
                host = %self.inner.endpoint.host(),
                path = %op.path,
                body_len = request.body.len(),
                "sending request"
            );
            let t0 = Instant::now();
            let result = tokio::time::timeout(limit, config.transport.send(request)).await;
            let latency = t0.elapsed();
            span.record("latency_ms", latency.as_millis() as u64);
            let err = match result {
                Ok(Ok(response)) => {
                    span.record("status", response.status);
                    let rid = response
                        .header(REQUEST_ID_HEADER)
                        .unwrap_or_default()
                        .to_owned();
                    span.record("service_request_id", rid.as_str());
                    let logged: Vec<(&str, &str)> = response
                        .headers
                        .iter()
                        .filter(|(k, _)| {
                            LOGGED_RESPONSE_HEADERS.contains(&k.to_ascii_lowercase().as_str())
                        })
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    tracing::debug!(status = response.status, headers = ?logged, "response received");
                    if response.status < 400 {
                        return Ok(response);
                    }
                    Error::Service(Box::new(service_error(&response)))
                }
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
                if let Some(server) = err.service_error().and_then(|e| e.server_date) {
                    let skew = server.saturating_sub(config.clock.now_unix());
                    self.inner.skew.store(skew, Ordering::Relaxed);
                    tracing::debug!(skew_seconds = skew, "corrected clock skew; signing again");
                }
                continue;
            }
            let may_retry = match &err {
                Error::Transport(t) => !t.maybe_sent || idempotent,
                Error::Service(s) => idempotent && matches!(s.status, 429 | 500 | 502 | 503 | 504),
                _ => false,
            };
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
            let retry_after = err.service_error().and_then(|e| e.retry_after);
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
}

/// Builds a [`crate::ServiceError`] from an error response.
pub fn service_error(response: &HttpResponse) -> crate::error::ServiceError {
    let mut err = parse_service_error(
        response.status,
        response.header(REQUEST_ID_HEADER),
        &response.body,
    );
    err.retry_after = response
        .header("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    err.server_date = response.header("date").and_then(parse_http_date);
    err
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix seconds.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::PrimitiveDateTime::parse(text.trim(), &fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

/// Decodes a JSON body; an empty body decodes as `{}`.
pub fn decode_json<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, Error> {
    let body: &[u8] = if response.body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &response.body
    };
    serde_json::from_slice(body).map_err(|e| {
        Error::decode(
            format!("cannot decode the response: {e}"),
            response.status,
            &response.body,
        )
    })
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
}
