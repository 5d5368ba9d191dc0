//! Tests of the online-service API (`aihc_deploy::v2`), one binary:
//! a wiremock test per operation (method, path `/`, action and query,
//! `version: v2`, body, server-side signature check, typed answer from the
//! contract's JSON), a service error per operation, bad input that sends
//! nothing, the client token across retries, streams, waiters and tables.

mod behaviour;
mod errors;
mod pods;
mod services;

use aihc_deploy::v2::Client;
use bce_testkit::{test_config, ExactQuery, JsonBody, NoBody, RecordingTransport, VerifySignature};
use serde_json::Value;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client pointed at `server` (test keys, no retries).
pub fn client(server: &MockServer) -> Client {
    Client::new(test_config(&server.uri())).unwrap()
}

/// A client that answers from `transport`.
pub fn recorded(transport: &RecordingTransport) -> Client {
    Client::new(transport.config()).unwrap()
}

/// Expects exactly one signed `verb /?<query>` with `version: v2` and the
/// given JSON body (or none), and answers `reply`.
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
