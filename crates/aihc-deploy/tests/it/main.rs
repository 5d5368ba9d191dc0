//! Integration tests of `aihc-deploy`, one binary.
//!
//! The online-service API (`aihc_deploy::v2`): a wiremock test per
//! operation (method, path `/`, action and query, `version: v2`, body,
//! server-side signature check, typed answer from the contract's JSON), a
//! service error per operation, bad input that sends nothing, the client
//! token across retries, streams, waiters and tables.
//!
//! The older app API (`v1_operations`): a wiremock test per operation
//! (path, query, `X-Region`, body, signature, typed answer), service
//! errors, business errors inside 200 answers and bad input.

mod behaviour;
mod errors;
mod pods;
mod services;
mod v1_operations;

use aihc_deploy::v2::{Ack, Client};
use bce_testkit::{test_config, RecordingTransport};
use serde_json::{json, Value};
use wiremock::MockServer;

/// A client pointed at `server` (test keys, no retries).
pub fn client(server: &MockServer) -> Client {
    Client::new(test_config(&server.uri())).unwrap()
}

/// A client that answers from `transport`.
pub fn recorded(transport: &RecordingTransport) -> Client {
    Client::new(transport.config()).unwrap()
}

pub use bce_testkit::expect_action as expect;

/// A fresh server expecting exactly one action call (see [`expect`]) and a
/// client pointed at it; keep the server alive until the call is made (it
/// checks the call count when dropped).
pub async fn serving(
    verb: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    reply: Value,
) -> (MockServer, Client) {
    let server = MockServer::start().await;
    expect(&server, verb, query, body, reply).await;
    let client = client(&server);
    (server, client)
}

/// An operation answering a bare acknowledgement, called on a client.
pub type AckCall = for<'a> fn(
    &'a Client,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Ack, bce_core::Error>> + 'a>,
>;

/// Bodyless `POST` actions answered with a bare acknowledgement: each
/// `(query, call)` must send exactly `query` and return the request id of
/// the answer.
pub async fn assert_acknowledged(cases: &[(&[(&str, &str)], AckCall)]) {
    for (n, (query, call)) in cases.iter().enumerate() {
        let request_id = format!("r-{n}");
        let (_server, c) = serving("POST", query, None, json!({"requestId": request_id})).await;
        let ack = call(&c).await.unwrap();
        assert_eq!(ack.request_id, request_id, "{query:?}");
    }
}

/// The older app API: one expected call in region `gz`, `verb` on `path`
/// with exactly `query` and the JSON `body` (`None`: no body), answered
/// `200` with the success envelope around `data`.
pub async fn expect_v1(
    server: &MockServer,
    verb: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    data: Value,
) {
    bce_testkit::Expect::new(verb, path)
        .query(query)
        .header("x-region", "gz")
        .body(body)
        .reply(json!({"code": "", "message": "", "requestId": "rid", "data": data}))
        .mount(server)
        .await;
}

/// The older app API: one expected bodyless `POST` (the id-in-the-query
/// actions) in region `gz`, answered with an empty success envelope.
pub async fn expect_v1_post(server: &MockServer, path: &str, query: &[(&str, &str)]) {
    expect_v1(server, "POST", path, query, None, json!({})).await;
}

/// The older app API: a wiremock server and a client in region `gz`
/// pointed at it.
pub async fn setup_v1() -> (MockServer, aihc_deploy::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    let client = aihc_deploy::Client::new(config).unwrap().with_region("gz");
    (server, client)
}
