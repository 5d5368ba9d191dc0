//! Shared helpers of the v2 tests.

use aihc_train::v2::{Client, CreateJobRequest, JobSpec};
use bce_testkit::{test_config, ExactQuery, JsonBody, NoBody, VerifySignature};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockBuilder, MockServer, Request, ResponseTemplate};

pub async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::new(test_config(&server.uri())).unwrap();
    (server, client)
}

/// The request does not carry this header.
pub struct NoHeader(pub &'static str);

impl wiremock::Match for NoHeader {
    fn matches(&self, request: &Request) -> bool {
        !request.headers.contains_key(self.0)
    }
}

/// The `Authorization` value lists exactly these signed headers.
pub struct SignedHeaders(pub &'static str);

impl wiremock::Match for SignedHeaders {
    fn matches(&self, request: &Request) -> bool {
        request
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|a| a.split('/').nth(4).map(str::to_owned))
            .is_some_and(|s| s == self.0)
    }
}

fn with_action(action: &str, query: &[(&str, &str)]) -> ExactQuery {
    let mut all: Vec<(&str, &str)> = vec![("action", action)];
    all.extend_from_slice(query);
    ExactQuery::new(&all)
}

/// A job action: `POST /?action=…`, `X-API-Version: v2` (and no `version`),
/// exactly `query`, the JSON `body`, a signature that verifies.
pub fn job_mock(action: &str, query: &[(&str, &str)], body: serde_json::Value) -> MockBuilder {
    Mock::given(method("POST"))
        .and(path("/"))
        .and(with_action(action, query))
        .and(header("x-api-version", "v2"))
        .and(NoHeader("version"))
        .and(header("content-type", "application/json;charset=utf-8"))
        .and(JsonBody(body))
        .and(VerifySignature::test())
}

/// A pool or queue read: `GET /?action=…`, `version: v2`, no body, a
/// signature over `host` only that verifies.
pub fn pool_mock(action: &str, query: &[(&str, &str)]) -> MockBuilder {
    Mock::given(method("GET"))
        .and(path("/"))
        .and(with_action(action, query))
        .and(header("version", "v2"))
        .and(NoHeader("x-api-version"))
        .and(NoBody)
        .and(SignedHeaders("host"))
        .and(VerifySignature::test())
}

pub fn reply(body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

pub const POOL: &str = "cce-e0isdmib";
pub const QUEUE: &str = "default";
pub const JOB: &str = "job-oeqpsJhwqq3k";

pub fn key() -> aihc_train::v2::JobKey {
    aihc_train::v2::JobKey::new(POOL, QUEUE, JOB)
}

pub fn job_query() -> [(&'static str, &'static str); 2] {
    [("resourcePoolId", POOL), ("queueID", QUEUE)]
}

/// A create that passes every check (tests change one field of it).
pub fn valid_create() -> CreateJobRequest {
    CreateJobRequest {
        resource_pool_id: POOL.into(),
        queue_id: QUEUE.into(),
        name: "n".into(),
        command: "c".into(),
        job_spec: JobSpec {
            image: "i".into(),
            replicas: 1,
            ..Default::default()
        }
        .into(),
        ..Default::default()
    }
}
