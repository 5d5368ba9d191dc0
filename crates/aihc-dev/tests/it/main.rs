//! Integration tests of `aihc-dev`, built as one test binary: one wiremock
//! test per operation (method, path, query, `version: v2`, body,
//! server-side signature, typed answer), service errors and bad input.

mod operations;

pub use bce_testkit::expect_action as expect;

/// A wiremock server and a client pointed at it (test keys, no retries).
pub async fn client() -> (wiremock::MockServer, aihc_dev::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, aihc_dev::Client::new(config).unwrap())
}
