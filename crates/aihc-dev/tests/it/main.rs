//! Integration tests of `aihc-dev`, built as one test binary: one wiremock
//! test per operation (method, path, query, `version: v2`, body,
//! server-side signature, typed answer), service errors and bad input.

mod operations;

use serde_json::Value;

/// Mounts one expected action-style call (`/` with the `version: v2`
/// header): exactly `query`, the JSON `body` (`None`: no body), answered
/// `200 reply`.
pub async fn expect(
    server: &wiremock::MockServer,
    verb: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    reply: Value,
) {
    bce_testkit::Expect::new(verb, "/")
        .query(query)
        .header("version", "v2")
        .body(body)
        .reply(reply)
        .mount(server)
        .await;
}

/// A wiremock server and a client pointed at it (test keys, no retries).
pub async fn client() -> (wiremock::MockServer, aihc_dev::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, aihc_dev::Client::new(config).unwrap())
}
