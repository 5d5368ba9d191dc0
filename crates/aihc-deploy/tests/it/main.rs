//! Integration tests of `aihc-deploy`, built as one test binary: one
//! wiremock test per operation (method, path, query, `X-Region`, body,
//! server-side signature, typed answer), service errors, business errors
//! inside 200 answers and bad input.

mod operations;

use serde_json::{json, Value};

/// Mounts one expected call in region `gz`: `verb` on `path` with exactly
/// `query` and the JSON `body` (`None`: no body), answered `200` with the
/// success envelope around `data`.
pub async fn expect(
    server: &wiremock::MockServer,
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

/// Mounts one expected bodyless `POST` (the id-in-the-query actions) in
/// region `gz`, answered with an empty success envelope.
pub async fn expect_post(server: &wiremock::MockServer, path: &str, query: &[(&str, &str)]) {
    expect(server, "POST", path, query, None, json!({})).await;
}

/// A wiremock server and a client in region `gz` pointed at it.
pub async fn setup() -> (wiremock::MockServer, aihc_deploy::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    let client = aihc_deploy::Client::new(config).unwrap().with_region("gz");
    (server, client)
}
