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
