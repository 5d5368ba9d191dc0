//! Integration tests of `bec`, built as one test binary (one link instead
//! of one per file): one module per area of the API. Every operation has a
//! wiremock test (method, path, query, body, server-side signature check,
//! typed answer) and every area a service-error test.

mod app_blb;
mod blb;
mod container;
mod image_deploy_set;
mod vm_instance;
mod vm_service;
mod vpc;

pub use bce_testkit::expect;

/// A wiremock server and a client pointed at it (test keys, no retries).
pub async fn client() -> (wiremock::MockServer, bec::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, bec::Client::new(config).unwrap())
}
