//! Login, token header, re-login on a rejected token, caller tokens.

use std::time::Duration;

use paddleflow::{Client, ListRunRequest};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{client, expect_get, login_mock, server, P, TOKEN};

fn no_retry() -> bce_core::ConfigBuilder {
    bce_core::Config::builder().retry(bce_core::RetryPolicy::none())
}

fn runs_reply() -> serde_json::Value {
    json!({"maxKeys": 50, "isTruncated": false, "runList": []})
}

#[tokio::test]
async fn lazy_login_once_then_token_on_every_call() {
    let server = MockServer::start().await;
    login_mock().expect(1).mount(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run")))
        .and(header("x-pf-authorization", TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(runs_reply()))
        .expect(2)
        .mount(&server)
        .await;
    let c = client(&server);
    assert!(c.token().await.is_none());
    c.list_run(&ListRunRequest::default()).await.unwrap();
    c.list_run(&ListRunRequest::default()).await.unwrap();
    assert_eq!(c.token().await.unwrap().expose(), TOKEN);
    let shown = format!("{c:?}");
    assert!(
        !shown.contains(TOKEN) && !shown.contains("paddleflow\""),
        "{shown}"
    );
}

#[tokio::test]
async fn explicit_login_and_blank_credentials() {
    let server = server().await;
    let c = Client::builder(server.uri())
        .config(no_retry())
        .build()
        .unwrap();
    // Without any login nothing is sent.
    let err = c.get_version().await.unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
    let answer = c.login("root", "paddleflow").await.unwrap();
    assert_eq!(answer.authorization.expose(), TOKEN);
    assert!(!format!("{answer:?}").contains(TOKEN));
    expect_get(&server, "/version", &[], json!({"gitVersion": "v0.14.7"})).await;
    assert_eq!(c.get_version().await.unwrap().git_version, "v0.14.7");
    for (user, pw) in [("", "x"), ("  ", "x"), ("root", ""), ("root", " ")] {
        assert!(c.login(user, pw).await.unwrap_err().is_invalid_input());
    }
    assert!(Client::builder(server.uri())
        .login(" ", "pw")
        .build()
        .unwrap_err()
        .is_invalid_input());
    assert!(Client::builder("").build().unwrap_err().is_invalid_input());
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "one login, one call");
}

#[tokio::test]
async fn relogin_once_when_the_token_is_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{P}/login")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"authorization": "old"})))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{P}/login")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"authorization": "new"})))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run")))
        .and(header("x-pf-authorization", "old"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"requestID": "r1", "code": "AuthInvalidToken", "message": "token expired"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run")))
        .and(header("x-pf-authorization", "new"))
        .respond_with(ResponseTemplate::new(200).set_body_json(runs_reply()))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    c.list_run(&ListRunRequest::default()).await.unwrap();
    assert_eq!(c.token().await.unwrap().expose(), "new");
}

#[tokio::test]
async fn relogin_happens_only_once() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run")))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"requestID": "r2", "code": "AuthFailed", "message": "user changed"}),
        ))
        .expect(2)
        .mount(&server)
        .await;
    let c = client(&server);
    let err = c.list_run(&ListRunRequest::default()).await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailed"));
    assert_eq!(err.status(), Some(400));
    let logins = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path().ends_with("/login"))
        .count();
    assert_eq!(logins, 2);
}

#[tokio::test]
async fn caller_token_is_used_and_not_renewed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run")))
        .and(header("x-pf-authorization", "given-token"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"requestID": "r3", "code": "AuthInvalidToken", "message": "bad token given-token"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let c = Client::builder(server.uri())
        .token("given-token")
        .config(no_retry())
        .build()
        .unwrap();
    let err = c.list_run(&ListRunRequest::default()).await.unwrap_err();
    assert_eq!(err.code(), Some("AuthInvalidToken"));
    // The token echoed by the server is masked in the error.
    assert!(!err.to_string().contains("given-token"), "{err}");
    c.set_token("other").await;
    assert_eq!(c.token().await.unwrap().expose(), "other");
}

#[tokio::test]
async fn failed_login_is_a_service_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{P}/login")))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"requestID": "r4", "code": "AuthFailed", "message": "wrong password"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let err = c.get_version().await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailed"));
    assert_eq!(err.request_id(), Some("r4"));
    assert!(!err.to_string().contains("paddleflow\""));
    // A login answer without a token is a decode error.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{P}/login")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let err = client(&server).get_version().await.unwrap_err();
    assert!(err.is_decode(), "{err}");
}

#[tokio::test]
async fn addresses_default_to_http_and_port_8999() {
    let c = Client::builder("10.1.2.3")
        .login("root", "pw")
        .build()
        .unwrap();
    assert_eq!(c.base_url(), "http://10.1.2.3:8999/api/paddleflow/v1");
    let c = Client::builder("https://pf.example.com")
        .token("t")
        .build()
        .unwrap();
    assert_eq!(
        c.base_url(),
        "https://pf.example.com:8999/api/paddleflow/v1"
    );
    let c = Client::builder("pf.example.com:443")
        .token("t")
        .build()
        .unwrap();
    assert_eq!(c.base_url(), "http://pf.example.com:443/api/paddleflow/v1");
    let _ = Duration::from_secs(1);
}
