//! The retry matrix, with tokio's paused clock (no real sleeping).

mod common;

use std::sync::Arc;
use std::time::Duration;

use bce_core::{
    BoxFuture, Client, Config, Credentials, Error, FixedClock, FixedJitter, HttpRequest,
    HttpResponse, HttpTransport, Method, Operation, RetryPolicy, TransportError,
    TransportErrorKind,
};
use bce_testkit::RecordingTransport;
use common::{config_with, TickingClock};
use tokio::time::Instant;

fn client(t: &RecordingTransport) -> Client {
    Client::new(
        config_with(t, RetryPolicy::default(), Arc::new(TickingClock::default())),
        "x",
    )
    .unwrap()
}

fn status(code: u16) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse::new(
        code,
        format!(r#"{{"code":"C{code}","message":"m","requestId":"r"}}"#),
    ))
}

fn ok() -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse::new(200, "{}"))
}

fn get() -> Operation {
    Operation::new("s", "Get", Method::Get).path("/x")
}

fn post() -> Operation {
    Operation::new("s", "Create", Method::Post)
        .path("/x")
        .json(&serde_json::json!({}))
}

#[tokio::test(start_paused = true)]
async fn server_errors_are_retried_for_idempotent_calls_with_backoff() {
    for code in [429, 500, 502, 503, 504] {
        let t = RecordingTransport::new();
        t.push(status(code)).push(status(code)).push(ok());
        let start = Instant::now();
        client(&t).send_no_content(get()).await.unwrap();
        assert_eq!(t.requests().len(), 3, "status {code}");
        // Jitter fixed at 1.0: 300 ms + 600 ms.
        assert_eq!(start.elapsed(), Duration::from_millis(900), "status {code}");
    }
}

#[tokio::test(start_paused = true)]
async fn every_attempt_is_signed_again_with_the_same_request_id() {
    let t = RecordingTransport::new();
    t.push(status(500)).push(ok());
    client(&t).send_no_content(get()).await.unwrap();
    let r = t.requests();
    assert_ne!(r[0].header("authorization"), r[1].header("authorization"));
    assert_ne!(r[0].header("x-bce-date"), r[1].header("x-bce-date"));
    assert_eq!(
        r[0].header("x-bce-request-id"),
        r[1].header("x-bce-request-id")
    );
}

#[tokio::test(start_paused = true)]
async fn non_idempotent_posts_are_not_retried_after_sending() {
    for code in [500, 503, 429] {
        let t = RecordingTransport::new();
        t.push(status(code)).push(ok());
        let err = client(&t).send_no_content(post()).await.unwrap_err();
        assert_eq!(err.status(), Some(code));
        assert_eq!(t.requests().len(), 1);
    }
    let t = RecordingTransport::new();
    t.push(Err(TransportError::new(
        TransportErrorKind::Io,
        "connection reset",
        true,
    )))
    .push(ok());
    assert!(client(&t).send_no_content(post()).await.is_err());
    assert_eq!(t.requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn idempotent_posts_and_unsent_requests_are_retried() {
    let t = RecordingTransport::new();
    t.push(status(503)).push(ok());
    client(&t)
        .send_no_content(post().idempotent(true))
        .await
        .unwrap();
    assert_eq!(t.requests().len(), 2);

    let t = RecordingTransport::new();
    t.push(Err(TransportError::new(
        TransportErrorKind::Connect,
        "refused",
        false,
    )))
    .push(ok());
    client(&t).send_no_content(post()).await.unwrap();
    assert_eq!(t.requests().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn client_errors_are_not_retried() {
    for code in [400, 401, 403, 404, 409] {
        let t = RecordingTransport::new();
        t.push(status(code)).push(ok());
        let err = client(&t).send_no_content(get()).await.unwrap_err();
        assert_eq!(err.status(), Some(code));
        assert!(matches!(err, Error::Service(_)));
        assert_eq!(t.requests().len(), 1);
    }
}

#[tokio::test(start_paused = true)]
async fn retries_run_out() {
    let t = RecordingTransport::new();
    t.push(status(500));
    let start = Instant::now();
    let err = client(&t).send_no_content(get()).await.unwrap_err();
    assert_eq!(t.requests().len(), 4);
    match &err {
        Error::RetriesExhausted {
            attempts,
            elapsed,
            last,
        } => {
            assert_eq!(*attempts, 4);
            assert_eq!(*elapsed, Duration::from_millis(300 + 600 + 1200));
            assert_eq!(last.status(), Some(500));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(start.elapsed(), Duration::from_millis(2100));
    assert_eq!(err.code(), Some("C500"));
    assert!(err.is_retryable());
}

#[tokio::test(start_paused = true)]
async fn the_time_budget_stops_retrying() {
    let t = RecordingTransport::new();
    t.push(status(503));
    let policy = RetryPolicy::default()
        .with_max_retries(100)
        .with_budget(Duration::from_secs(5));
    let c = Client::new(
        config_with(&t, policy, Arc::new(FixedClock(1_700_000_000))),
        "x",
    )
    .unwrap();
    let start = Instant::now();
    let err = c.send_no_content(get()).await.unwrap_err();
    assert!(matches!(err, Error::RetriesExhausted { .. }));
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(t.requests().len() < 10);
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_honoured() {
    let t = RecordingTransport::new();
    t.push(Ok(
        HttpResponse::new(429, "{}").with_header("Retry-After", "7")
    ))
    .push(ok());
    let start = Instant::now();
    client(&t).send_no_content(get()).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(7));
}

#[tokio::test(start_paused = true)]
async fn request_expired_corrects_the_clock_and_signs_again_once() {
    let t = RecordingTransport::new();
    let expired = HttpResponse::new(
        400,
        r#"{"code":"RequestExpired","message":"expired","requestId":"r"}"#,
    )
    .with_header("Date", "Tue, 14 Nov 2023 23:13:20 GMT");
    t.push(Ok(expired.clone())).push(ok());
    // A POST: a request rejected for its signature was not executed, so it is safe.
    let c = Client::new(
        config_with(&t, RetryPolicy::none(), Arc::new(FixedClock(1_700_000_000))),
        "x",
    )
    .unwrap();
    c.send_no_content(post()).await.unwrap();
    let r = t.requests();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].header("x-bce-date"), Some("2023-11-14T22:13:20Z"));
    assert_eq!(r[1].header("x-bce-date"), Some("2023-11-14T23:13:20Z"));
    assert!(r[1]
        .header("authorization")
        .unwrap()
        .contains("/2023-11-14T23:13:20Z/"));
    assert_eq!(c.clock_skew(), 3600);

    let t = RecordingTransport::new();
    t.push(Ok(expired));
    let c = Client::new(
        config_with(&t, RetryPolicy::none(), Arc::new(FixedClock(1_700_000_000))),
        "x",
    )
    .unwrap();
    let err = c.send_no_content(get()).await.unwrap_err();
    assert!(err.is_request_expired());
    assert_eq!(t.requests().len(), 2, "only one corrective retry");
}

/// A transport that never answers.
#[derive(Debug)]
struct Hang;

impl HttpTransport for Hang {
    fn send(&self, _request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(futures::future::pending())
    }
}

#[tokio::test(start_paused = true)]
async fn attempts_and_operations_time_out() {
    let config = Config::builder()
        .credentials(Credentials::new("ak", "sk").unwrap())
        .transport(Arc::new(Hang))
        .attempt_timeout(Duration::from_secs(2))
        .operation_timeout(Duration::from_secs(5))
        .jitter(Arc::new(FixedJitter(0.0)))
        .build()
        .unwrap();
    let c = Client::new(config, "example.com").unwrap();
    let start = Instant::now();
    let err = c.send_no_content(get()).await.unwrap_err();
    assert!(
        start.elapsed() <= Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert!(
        matches!(err.root(), Error::Transport(t) if t.kind() == TransportErrorKind::Timeout),
        "{err:?}"
    );
    let start = Instant::now();
    let err = c.send_no_content(post()).await.unwrap_err();
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "a sent POST is not retried"
    );
    assert!(matches!(err, Error::Transport(_)));
}
