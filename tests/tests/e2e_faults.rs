//! The SDK's retry, clock-skew and error handling driven end to end through
//! a real socket by the emulator's fault injection, and the emulator's
//! signature check refusing tampered requests.

use std::sync::Arc;
use std::time::Duration;

use aihc_train::{Client, CreateJobOptions, CreateJobRequest, ListResourcePoolRequest};
use bce_core::{FixedClock, Method, Operation, RetryPolicy};
use bce_emulator::Emulator;
use serde_json::Value;

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_base_delay(Duration::from_millis(5))
        .with_max_delay(Duration::from_millis(20))
}

async fn client(emu: &Emulator) -> Client {
    let config = emu
        .config_builder()
        .unwrap()
        .retry(fast_retries())
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

const POOLS: &str = "/api/v1/resourcepools";

#[tokio::test]
async fn get_succeeds_after_two_injected_503s() {
    let emu = Emulator::start().await.unwrap();
    let client = client(&emu).await;
    emu.faults().fail_next(2, 503);
    let pools = client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap();
    assert_eq!(pools.result.resource_pools.len(), 2);
    let statuses: Vec<u16> = emu.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, vec![503, 503, 200]);
}

#[tokio::test]
async fn retries_give_up_after_the_policy_limit() {
    let emu = Emulator::start().await.unwrap();
    let client = client(&emu).await;
    emu.faults().fail_next(10, 500);
    let err = client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, bce_core::Error::RetriesExhausted { attempts: 4, .. }),
        "{err:?}"
    );
    assert_eq!(err.status(), Some(500));
    assert_eq!(emu.requests_to("GET", POOLS), 4);
}

#[tokio::test]
async fn a_dropped_connection_on_a_get_is_retried() {
    let emu = Emulator::start().await.unwrap();
    let client = client(&emu).await;
    emu.faults().close_next(1);
    client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap();
    assert_eq!(emu.requests_to("GET", POOLS), 2);
}

#[tokio::test]
async fn a_429_on_a_post_is_not_retried() {
    let emu = Emulator::start().await.unwrap();
    let client = client(&emu).await;
    emu.faults().fail_next(1, 429);
    let err = client
        .create_job(
            &CreateJobRequest {
                name: "throttled".into(),
                ..Default::default()
            },
            &CreateJobOptions::new("cce-emu00a800"),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert!(err.is_throttling());
    assert_eq!(emu.requests_to("POST", "/api/v1/aijobs"), 1);
}

#[tokio::test]
async fn latency_beyond_the_attempt_timeout_is_a_timeout() {
    let emu = Emulator::start().await.unwrap();
    let config = emu
        .config_builder()
        .unwrap()
        .retry(RetryPolicy::none())
        .attempt_timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    emu.faults().latency(Duration::from_millis(300));
    let err = client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err.root(), bce_core::Error::Transport(_)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_skewed_client_clock_is_corrected_once() {
    let emu = Emulator::start().await.unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    // Two hours behind: the signature has expired when it arrives.
    let config = emu
        .config_builder()
        .unwrap()
        .retry(RetryPolicy::none())
        .clock(Arc::new(FixedClock(now - 7200)))
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap();
    let statuses: Vec<u16> = emu.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, vec![403, 200]);
    assert!((client.core().clock_skew() - 7200).abs() <= 5);

    // An injected RequestExpired is also retried once, and only once.
    emu.faults().expire_next(2);
    let err = client
        .list_resource_pool(&ListResourcePoolRequest::default())
        .await
        .unwrap_err();
    assert!(err.is_request_expired(), "{err:?}");
    assert_eq!(emu.requests_to("GET", POOLS), 4);
}

/// A correctly signed request for `op`, as raw parts.
async fn signed(emu: &Emulator, op: &Operation, secret: &str) -> bce_core::HttpRequest {
    let creds = bce_core::Credentials::new(bce_emulator::DEFAULT_ACCESS_KEY_ID, secret).unwrap();
    let config = emu
        .config()
        .unwrap()
        .to_builder()
        .credentials(creds)
        .build()
        .unwrap();
    let core = bce_core::Client::new(config, "unused").unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    core.prepare(op, now, "00000000-0000-4000-8000-000000000000")
        .await
        .unwrap()
        .request
}

async fn send(req: &bce_core::HttpRequest, url: &str, body: Vec<u8>) -> (u16, Value) {
    let method = reqwest::Method::from_bytes(req.method.as_str().as_bytes()).unwrap();
    let mut builder = reqwest::Client::new().request(method, url);
    for (k, v) in &req.headers {
        if !k.eq_ignore_ascii_case("host") && !k.eq_ignore_ascii_case("content-length") {
            builder = builder.header(k.as_ref(), v);
        }
    }
    let resp = builder.body(body).send().await.unwrap();
    let status = resp.status().as_u16();
    let body: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap();
    (status, body)
}

fn assert_service_error(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(body["requestId"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn tampered_requests_are_refused() {
    let emu = Emulator::start().await.unwrap();
    let op = Operation::new("aihc-train", "GetResourcePool", Method::Get)
        .path("/api/v1/resourcepools/cce-emu00a800");

    // Untouched: accepted.
    let good = signed(&emu, &op, bce_emulator::DEFAULT_SECRET_ACCESS_KEY).await;
    let (status, _) = send(&good, &good.url, Vec::new()).await;
    assert_eq!(status, 200);

    // Another path under the same signature.
    let url = good.url.replace("cce-emu00a800", "cce-emu00h800");
    let (status, body) = send(&good, &url, Vec::new()).await;
    assert_eq!(status, 403);
    assert_service_error(&body, "SignatureDoesNotMatch");

    // An added query parameter.
    let (status, body) = send(&good, &format!("{}?pageNo=2", good.url), Vec::new()).await;
    assert_eq!(status, 403);
    assert_service_error(&body, "SignatureDoesNotMatch");

    // Signed with the wrong secret.
    let wrong = signed(&emu, &op, "not-the-secret").await;
    let (status, body) = send(&wrong, &wrong.url, Vec::new()).await;
    assert_eq!(status, 403);
    assert_service_error(&body, "SignatureDoesNotMatch");

    // A body that does not match the signed Content-Md5.
    let create = Operation::new("aihc-train", "CreateJob", Method::Post)
        .path("/api/v1/aijobs")
        .query("resourcePoolId", "cce-emu00a800")
        .json(&serde_json::json!({"name": "x"}));
    let req = signed(&emu, &create, bce_emulator::DEFAULT_SECRET_ACCESS_KEY).await;
    let (status, body) = send(&req, &req.url, br#"{"name":"y"}"#.to_vec()).await;
    assert_eq!(status, 400);
    assert_service_error(&body, "BadDigest");
    let (status, _) = send(&req, &req.url, req.body.clone()).await;
    assert_eq!(status, 200);
}
