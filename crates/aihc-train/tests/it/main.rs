//! Integration tests of `aihc-train`, one test binary (link time matters).
//!
//! * `v1_*`: the v1 REST API (`/api/v1/...`).
//! * `v2_*`: the OpenAPI v2 action API (`/?action=...`).

mod v1_additions;
mod v1_helpers;
mod v1_invalid_input;
mod v1_operations;
mod v2_common;
mod v2_errors;
mod v2_invalid_input;
mod v2_jobs;
mod v2_pools;
mod v2_streams;

/// A wiremock server and a v1 client pointed at it (test keys, no
/// retries).
pub async fn setup() -> (wiremock::MockServer, aihc_train::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, aihc_train::Client::new(config).unwrap())
}

/// A waiter of `secs` seconds polling at fixed (jitter-free) intervals, for
/// the v1 and v2 waiter tests on paused time.
pub fn waiter(secs: u64) -> bce_core::Waiter {
    bce_core::Waiter::new(std::time::Duration::from_secs(secs))
        .with_jitter(std::sync::Arc::new(bce_core::FixedJitter(1.0)))
}

/// Asserts that a waiter started at `start` gave up after exactly `secs`
/// seconds (paused time), reporting `last_state`.
pub fn assert_gave_up(
    err: bce_core::Error,
    start: tokio::time::Instant,
    secs: u64,
    last_state: &str,
) {
    assert!(
        matches!(err, bce_core::Error::WaitTimeout { last_state: ref s, .. } if s == last_state),
        "{err:?}"
    );
    let waited = start.elapsed();
    assert!(waited >= std::time::Duration::from_secs(secs), "{waited:?}");
    assert!(
        waited < std::time::Duration::from_secs(secs + 1),
        "{waited:?}"
    );
}

/// The jobs of page `page` of the three-page, five-job list the v1 and v2
/// stream tests serve (2, 2 and 1 jobs).
pub fn page_of_jobs(page: u32) -> Vec<serde_json::Value> {
    let count = if page < 3 { 2 } else { 1 };
    (0..count)
        .map(|i| serde_json::json!({"jobId": format!("job-{page}-{i}")}))
        .collect()
}

/// The ids of the five jobs of [`page_of_jobs`], in order.
pub const FIVE_JOB_IDS: [&str; 5] = ["job-1-0", "job-1-1", "job-2-0", "job-2-1", "job-3-0"];

/// The ids of every item of `stream` (each item must be `Ok`).
pub async fn ids_of<T>(
    stream: impl futures::Stream<Item = Result<T, bce_core::Error>>,
    id: fn(T) -> String,
) -> Vec<String> {
    use futures::StreamExt;
    stream.map(|item| id(item.unwrap())).collect().await
}

/// A v1 answer: `result` in the `{requestId, result}` envelope.
pub fn ok(result: serde_json::Value) -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(200)
        .set_body_json(serde_json::json!({"requestId": "req-1", "result": result}))
}

/// Expects one signed v1 `POST /api/v1/aijobs` with exactly `query` and
/// the JSON `body`, and answers that job `job-9` was created.
pub async fn expect_create_job(
    server: &wiremock::MockServer,
    query: &[(&str, &str)],
    body: serde_json::Value,
) {
    use wiremock::matchers::{method, path};
    wiremock::Mock::given(method("POST"))
        .and(path("/api/v1/aijobs"))
        .and(bce_testkit::ExactQuery::new(query))
        .and(bce_testkit::JsonBody(body))
        .and(bce_testkit::VerifySignature::test())
        .respond_with(ok(serde_json::json!({"jobId": "job-9", "jobName": "j"})))
        .expect(1)
        .mount(server)
        .await;
}

/// One call of the client, its answer dropped, ready to be awaited.
pub type Call =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), bce_core::Error>> + Send>>;

/// A table of `(label, call)` rows for tests that walk many operations:
/// `calls![client; "DescribeQueue" => |c| c.describe_queue("q"), …]`; each
/// call runs on its own clone of `client`.
macro_rules! calls {
    ($client:expr; $($label:expr => |$c:ident| $call:expr),+ $(,)?) => {
        vec![$({
            let $c = $client.clone();
            let call: $crate::Call = Box::pin(async move { $call.await.map(|_| ()) });
            ($label, call)
        }),+]
    };
}
pub(crate) use calls;
