//! Integration tests of `aihc-data`, one binary: a wiremock test per
//! operation (method, path `/`, action and query, `version: v2`, body,
//! server-side signature check, typed answer from the contract's JSON),
//! service errors for every operation, bad input that sends nothing, and
//! the paginating streams.

mod datasets;
mod errors;
mod models;
mod streams;

use aihc_data::Client;
use bce_testkit::test_config;
use wiremock::MockServer;

/// A client pointed at `server` with the test keys and no retries.
pub fn client(server: &MockServer) -> Client {
    Client::new(test_config(&server.uri())).unwrap()
}

/// Expects exactly one signed request `verb /?{query}` with `version: v2`
/// and the JSON `body` (or none), and answers `reply`.
pub use bce_testkit::expect_action as expect;
