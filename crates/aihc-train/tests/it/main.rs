//! Integration tests of `aihc-train`, built as one test binary: one
//! wiremock test per operation, service errors, bad input, and the
//! paginators, job waiter and log follower.

mod invalid_input;
mod operations;
mod streams_waiters;

/// A wiremock server and a client pointed at it (test keys, no retries).
pub async fn setup() -> (wiremock::MockServer, aihc_train::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, aihc_train::Client::new(config).unwrap())
}
