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
use bce_testkit::{test_config, ExactQuery, JsonBody, NoBody, VerifySignature};
use serde_json::Value;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client pointed at `server` with the test keys and no retries.
pub fn client(server: &MockServer) -> Client {
    Client::new(test_config(&server.uri())).unwrap()
}

/// Expects exactly one signed request `verb /?{query}` with `version: v2`
/// and the JSON `body` (or none), and answers `reply`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    reply: Value,
) {
    let mock = Mock::given(method(verb))
        .and(path("/"))
        .and(ExactQuery::new(query))
        .and(header("version", "v2"))
        .and(VerifySignature::test());
    let mock = match body {
        Some(b) => mock.and(JsonBody(b)),
        None => mock.and(NoBody),
    };
    mock.respond_with(ResponseTemplate::new(200).set_body_json(reply))
        .expect(1)
        .mount(server)
        .await;
}
