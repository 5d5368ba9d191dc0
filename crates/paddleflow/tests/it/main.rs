//! Integration tests of the paddleflow client against wiremock: one test
//! per area covering every operation (method, path, query, body, token
//! header, typed answer), service errors for every operation, login and
//! re-login, streams, waiting and log following.

mod auth;
mod errors;
mod follow;
mod fs;
mod jobs;
mod misc;
mod queues;
mod runs;

use std::time::Duration;

use bce_testkit::{ExactQuery, JsonBody, NoBody};
use paddleflow::Client;
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Prefix of every route.
pub const P: &str = "/api/paddleflow/v1";
/// The token the mock login hands out.
pub const TOKEN: &str = "tok-SECRET-1";

/// The login of `root`/`paddleflow`, answering [`TOKEN`] (not mounted:
/// tests that count logins add `.expect(n)`).
pub fn login_mock() -> Mock {
    Mock::given(method("POST"))
        .and(path(format!("{P}/login")))
        .and(body_json(
            json!({"username": "root", "password": "paddleflow"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"authorization": TOKEN})))
}

/// A server whose login answers [`TOKEN`] for `root`/`paddleflow`.
pub async fn server() -> MockServer {
    let server = MockServer::start().await;
    login_mock().mount(&server).await;
    server
}

/// A client of `server` logging in lazily as `root`, no retries.
pub fn client(server: &MockServer) -> Client {
    Client::builder(server.uri())
        .login("root", "paddleflow")
        .config(
            bce_core::Config::builder()
                .retry(bce_core::RetryPolicy::none())
                .attempt_timeout(Duration::from_secs(5)),
        )
        .build()
        .unwrap()
}

/// Expects one request: `verb` on `P + route` with exactly `query`, the
/// body `body` (`None`: no body), the token header; answers `status` with
/// `reply` (`None`: an empty body).
#[allow(clippy::too_many_arguments)]
pub async fn expect(
    server: &MockServer,
    verb: &str,
    route: &str,
    query: &[(&str, &str)],
    body: Option<Value>,
    status: u16,
    reply: Option<Value>,
) {
    let mock = Mock::given(method(verb))
        .and(path(format!("{P}{route}")))
        .and(ExactQuery::new(query))
        .and(header("x-pf-authorization", TOKEN));
    let mock = match body {
        Some(b) => mock
            .and(JsonBody(b))
            .and(header("content-type", "application/json")),
        None => mock.and(NoBody),
    };
    let template = ResponseTemplate::new(status).insert_header("x-pf-request-id", "rid-header");
    let template = match reply {
        Some(r) => template.set_body_json(r),
        None => template,
    };
    mock.respond_with(template).expect(1).mount(server).await;
}

/// Expects one `GET` of `route` with exactly `query`, answered with `reply`.
pub async fn expect_get(server: &MockServer, route: &str, query: &[(&str, &str)], reply: Value) {
    expect(server, "GET", route, query, None, 200, Some(reply)).await;
}

/// Expects one request without a body that the server answers with an
/// empty 200 (deletes, stops, closes).
pub async fn expect_ok(server: &MockServer, verb: &str, route: &str, query: &[(&str, &str)]) {
    expect(server, verb, route, query, None, 200, None).await;
}
