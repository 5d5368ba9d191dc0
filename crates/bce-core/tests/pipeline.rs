//! The request pipeline against a recording transport and a wiremock server.

mod common;

use std::sync::Arc;

use bce_core::{
    Client, Config, Credentials, Error, FixedClock, HttpResponse, Method, Operation, RetryPolicy,
};
use bce_testkit::{test_config, JsonBody, NoBody, RecordingTransport, VerifySignature};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn golden_client(transport: &RecordingTransport, token: Option<&str>) -> Client {
    let creds = match token {
        Some(t) => Credentials::with_session_token("ak-test", "sk-test", t).unwrap(),
        None => Credentials::new("ak-test", "sk-test").unwrap(),
    };
    let config = Config::builder()
        .credentials(creds)
        .endpoint("http://127.0.0.1:18471")
        .clock(Arc::new(FixedClock(1_700_000_000)))
        .retry(RetryPolicy::none())
        .transport(Arc::new(transport.clone()))
        .build()
        .unwrap();
    Client::new(config, "unused.example.com").unwrap()
}

#[tokio::test]
async fn get_matches_the_official_sdk_byte_for_byte() {
    // Recorded from the official Go SDK (aihc-train GetJob, case "full").
    let t = RecordingTransport::new();
    let client = golden_client(&t, None);
    let op = Operation::new("aihc", "GetJob", Method::Get)
        .path("/api/v1/aijobs")
        .segment("jobId", "pytorchjob-a1b2c3d4")
        .query("resourcePoolId", "cce-e0isdmib")
        .query_if_not_empty("queueID", "q-llm-train");
    let _: serde_json::Value = client.send(op).await.unwrap();
    let req = &t.requests()[0];
    assert_eq!(req.url, "http://127.0.0.1:18471/api/v1/aijobs/pytorchjob-a1b2c3d4?resourcePoolId=cce-e0isdmib&queueID=q-llm-train");
    assert_eq!(req.header("authorization"), Some("bce-auth-v1/ak-test/2023-11-14T22:13:20Z/1800/content-type;host;x-bce-date/db2e4a6cc256d0e55378927a680ff0225e0e45c8e5bfd326a1511c444f437036"));
    assert_eq!(
        req.header("content-type"),
        Some("application/json;charset=utf-8")
    );
    assert_eq!(req.header("x-bce-date"), Some("2023-11-14T22:13:20Z"));
    let rid = req.header("x-bce-request-id").unwrap();
    assert_eq!(rid.len(), 36);
    assert_eq!(&rid[14..15], "4", "UUID v4: {rid}");
    assert!(req.body.is_empty());
}

#[tokio::test]
async fn sts_token_is_signed_and_sent() {
    let t = RecordingTransport::new();
    let client = golden_client(&t, Some("token-test"));
    let op = Operation::new("aihc", "GetJob", Method::Get)
        .path("/api/v1/aijobs")
        .segment("jobId", "pytorchjob-a1b2c3d4")
        .query("resourcePoolId", "cce-e0isdmib");
    client.send_no_content(op).await.unwrap();
    let req = &t.requests()[0];
    assert_eq!(req.header("x-bce-security-token"), Some("token-test"));
    assert_eq!(req.header("authorization"), Some("bce-auth-v1/ak-test/2023-11-14T22:13:20Z/1800/content-type;host;x-bce-date;x-bce-security-token/fd468c416ad93c7d3e40fb90ccd75f12a22ac8afc8834ce0fb7c366dbfc6ce17"));
}

#[tokio::test]
async fn body_gets_length_and_md5_and_bare_query_keys() {
    let t = RecordingTransport::new();
    let client = golden_client(&t, None);
    let op = Operation::new("bec", "X", Method::Put)
        .path("/v1/thing")
        .segment("id", "a b+c#d")
        .query("modifyAttribute", "")
        .query("k", "a b/c")
        .json(&serde_json::json!({"priority": "high"}));
    client.send_no_content(op).await.unwrap();
    let req = &t.requests()[0];
    assert_eq!(
        req.url,
        "http://127.0.0.1:18471/v1/thing/a%20b+c%23d?modifyAttribute&k=a%20b%2Fc"
    );
    assert_eq!(req.body, br#"{"priority":"high"}"#);
    assert_eq!(req.header("content-length"), Some("19"));
    assert_eq!(req.header("content-md5"), Some("+ophNaB6sYdTFipeqjZjKg=="));
    assert!(req
        .header("authorization")
        .unwrap()
        .contains("/content-length;content-md5;content-type;host;x-bce-date/"));
}

#[tokio::test]
async fn bad_input_never_sends() {
    let t = RecordingTransport::new();
    let client = golden_client(&t, None);
    for (field, id) in [("jobId", ""), ("jobId", "a/b"), ("jobId", "..")] {
        let op = Operation::new("aihc", "GetJob", Method::Get)
            .path("/api/v1/aijobs")
            .segment(field, id);
        let err = client.send_no_content(op).await.unwrap_err();
        assert!(err.is_invalid_input(), "{err}");
        assert!(err.to_string().contains(field));
    }
    assert!(t.requests().is_empty());
}

#[tokio::test]
async fn wiremock_server_verifies_the_signature() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/aijobs"))
        .and(query_param("resourcePoolId", "cce-1"))
        .and(header("content-type", "application/json;charset=utf-8"))
        .and(JsonBody(serde_json::json!({"name": "job 百舸 <&>"})))
        .and(VerifySignature::test())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"requestId": "r-1", "result": {"jobId": "j-1"}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/v1/aijobs/j%201"))
        .and(NoBody)
        .and(VerifySignature::test())
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::new(test_config(&server.uri()), "x").unwrap();
    let op = Operation::new("aihc", "CreateJob", Method::Post)
        .path("/api/v1/aijobs")
        .query("resourcePoolId", "cce-1")
        .json(&serde_json::json!({"name": "job 百舸 <&>"}));
    let v: serde_json::Value = client.send(op).await.unwrap();
    assert_eq!(v["result"]["jobId"], "j-1");
    let op = Operation::new("aihc", "DeleteJob", Method::Delete)
        .path("/api/v1/aijobs")
        .segment("jobId", "j 1");
    client.send_no_content(op).await.unwrap();
}

#[tokio::test]
async fn wrong_secret_fails_server_side_check() {
    let server = MockServer::start().await;
    Mock::given(VerifySignature::test())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(403).set_body_json(serde_json::json!({"code": "SignatureDoesNotMatch", "message": "bad sig", "requestId": "r-9"})))
        .mount(&server)
        .await;
    let config = Config::builder()
        .credentials(Credentials::new("ak-test", "wrong").unwrap())
        .endpoint(server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let client = Client::new(config, "x").unwrap();
    let err = client
        .send_no_content(Operation::new("s", "Op", Method::Get).path("/x"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.request_id(), Some("r-9"));
}

#[tokio::test]
async fn error_bodies_of_every_shape_become_service_errors() {
    let cases: Vec<(u16, ResponseTemplate, &str, &str)> = vec![
        (
            404,
            ResponseTemplate::new(404)
                .set_body_string(r#"{"code":"NoSuchJob","message":"gone","requestId":"b-1"}"#),
            "NoSuchJob",
            "b-1",
        ),
        (
            400,
            ResponseTemplate::new(400)
                .set_body_string(r#"{"code":400,"message":"numeric"}"#)
                .insert_header("x-bce-request-id", "h-2"),
            "400",
            "h-2",
        ),
        (
            502,
            ResponseTemplate::new(502)
                .set_body_string("<html>bad gateway</html>")
                .insert_header("x-bce-request-id", "h-3"),
            "MalformedJSON",
            "h-3",
        ),
        (
            500,
            ResponseTemplate::new(500).set_body_string(r#"{"code":"Internal"#),
            "MalformedJSON",
            "",
        ),
        (503, ResponseTemplate::new(503), "ServiceUnavailable", ""),
    ];
    for (status, template, code, rid) in cases {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(template)
            .mount(&server)
            .await;
        let client = Client::new(test_config(&server.uri()), "x").unwrap();
        let err = client
            .send_no_content(Operation::new("s", "Op", Method::Get).path("/x"))
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.code(), Some(code));
        assert_eq!(err.request_id().unwrap_or(""), rid);
        let text = err.to_string();
        assert!(
            text.starts_with("s Op: service error ") && text.contains(code),
            "{text}"
        );
        assert_eq!(text.contains("request id"), !rid.is_empty(), "{text}");
    }
}

#[tokio::test]
async fn decode_errors_are_typed() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(200, "not json at all")));
    let client = golden_client(&t, None);
    let err = client
        .send::<serde_json::Value>(Operation::new("s", "Op", Method::Get).path("/x"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Decode(ref d) if d.status() == 200 && d.snippet().starts_with("not json")),
        "{err:?}"
    );
}
