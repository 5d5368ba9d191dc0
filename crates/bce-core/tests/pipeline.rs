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

/// Reads a request head from `stream`, up to and with its blank line (less
/// when the connection ends first).
async fn read_head(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && matches!(stream.read(&mut byte).await, Ok(1)) {
        head.push(byte[0]);
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A one-connection HTTP proxy on 127.0.0.1: hands back what it was sent
/// (up to the end of the head) and answers with `reply`.
async fn one_shot_proxy(reply: &'static str) -> (String, tokio::sync::oneshot::Receiver<String>) {
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (seen_tx, seen_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let _ = seen_tx.send(read_head(&mut stream).await);
        stream.write_all(reply.as_bytes()).await.unwrap();
        stream.shutdown().await.unwrap();
    });
    (format!("http://proxy-user:proxy-pw@{address}"), seen_rx)
}

fn proxied_client(endpoint: &str, proxy: &str) -> Client {
    let config = Config::builder()
        .credentials(Credentials::new("ak-test", "sk-test").unwrap())
        .endpoint(endpoint)
        .proxy(proxy)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    Client::new(config, "unused.example.com").unwrap()
}

fn get_job() -> Operation {
    Operation::new("aihc", "GetJob", Method::Get)
        .path("/api/v1/aijobs")
        .segment("jobId", "job-1")
}

#[tokio::test]
async fn plain_http_goes_to_the_proxy_with_the_absolute_url_and_its_credentials() {
    let (proxy, seen) = one_shot_proxy(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}",
    )
    .await;
    let client = proxied_client("http://service.invalid:8080", &proxy);
    let answer: serde_json::Value = client.send(get_job()).await.unwrap();
    assert_eq!(answer["ok"], true);
    let head = seen.await.unwrap();
    assert!(
        head.starts_with("GET http://service.invalid:8080/api/v1/aijobs/job-1 HTTP/1.1\r\n"),
        "{head}"
    );
    // "proxy-user:proxy-pw", base64.
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic chjvehktdxnlcjpwcm94es1wdw=="),
        "{head}"
    );
}

#[tokio::test]
async fn https_is_tunnelled_through_connect() {
    // The fake proxy accepts the tunnel and then hangs up, so the TLS
    // handshake fails: what matters is what the proxy was asked.
    let (proxy, seen) = one_shot_proxy("HTTP/1.1 200 Connection established\r\n\r\n").await;
    let client = proxied_client("https://aihc.bj.baidubce.com", &proxy);
    let err = client
        .send::<serde_json::Value>(get_job())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let head = seen.await.unwrap();
    assert!(
        head.starts_with("CONNECT aihc.bj.baidubce.com:443 HTTP/1.1\r\n"),
        "{head}"
    );
    assert!(
        head.to_ascii_lowercase()
            .contains("proxy-authorization: basic chjvehktdxnlcjpwcm94es1wdw=="),
        "{head}"
    );
    assert!(
        !head.contains("/api/v1/aijobs"),
        "the path stays inside TLS: {head}"
    );
    assert!(!err.to_string().contains("proxy-pw"), "{err}");
}

#[test]
fn unusable_proxy_urls_are_refused_when_the_client_is_built() {
    for proxy in [
        "socks5://127.0.0.1:1080",
        "https://127.0.0.1:3128",
        "http://",
    ] {
        let err = Config::builder()
            .credentials(Credentials::new("ak-test", "sk-test").unwrap())
            .proxy(proxy)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field, .. } if field == "proxy"),
            "{proxy}: {err:?}"
        );
    }
}

/// An answer without `Content-Length` (chunked) is counted while it is
/// read, and refused once it passes the limit.
#[tokio::test]
async fn oversized_chunked_answers_are_refused() {
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        read_head(&mut stream).await;
        let chunk = "x".repeat(0x800);
        let reply = format!(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n800\r\n{chunk}\r\n0\r\n\r\n"
        );
        let _ = stream.write_all(reply.as_bytes()).await;
        let _ = stream.shutdown().await;
    });
    let config = Config::builder()
        .credentials(Credentials::new("ak-test", "sk-test").unwrap())
        .endpoint(format!("http://{address}"))
        .max_response_bytes(1024)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let client = Client::new(config, "unused").unwrap();
    let err = client.send_no_content(get_job()).await.unwrap_err();
    assert_eq!(
        err.transport_error().map(|t| t.kind()),
        Some(bce_core::TransportErrorKind::BodyTooLarge),
        "{err:?}"
    );
}

/// A local HTTP/1.1 server answering `{}` to every request on every
/// connection; returns its URL and the number of connections it accepted.
/// With `close`, each answer says `Connection: close` and ends its
/// connection.
async fn counting_server(close: bool) -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::Ordering;
    use tokio::io::AsyncWriteExt;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let connection = if close { "close" } else { "keep-alive" };
                let reply = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: {connection}\r\ncontent-length: 2\r\n\r\n{{}}"
                );
                loop {
                    if !read_head(&mut stream).await.ends_with("\r\n\r\n") {
                        return;
                    }
                    if stream.write_all(reply.as_bytes()).await.is_err() || close {
                        let _ = stream.shutdown().await;
                        return;
                    }
                }
            });
        }
    });
    (format!("http://{address}"), accepted)
}

fn plain_client(endpoint: &str) -> Client {
    let config = Config::builder()
        .credentials(Credentials::new("ak-test", "sk-test").unwrap())
        .endpoint(endpoint)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    Client::new(config, "unused").unwrap()
}

#[tokio::test]
async fn keep_alive_connections_are_reused() {
    let (endpoint, accepted) = counting_server(false).await;
    let client = plain_client(&endpoint);
    for _ in 0..5 {
        client.send_no_content(get_job()).await.unwrap();
    }
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
}

/// A connection the server ends (`Connection: close`) is not used again:
/// the next call, without any retry allowed, goes out on a new one.
#[tokio::test]
async fn closed_connections_are_replaced_without_an_error() {
    let (endpoint, accepted) = counting_server(true).await;
    let client = plain_client(&endpoint);
    for _ in 0..3 {
        client.send_no_content(get_job()).await.unwrap();
    }
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 3);
}

/// Concurrent calls each get a connection of their own, and give it back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_share_the_pool() {
    let (endpoint, accepted) = counting_server(false).await;
    let client = plain_client(&endpoint);
    for _ in 0..3 {
        let calls: Vec<_> = (0..8)
            .map(|_| {
                let client = client.clone();
                tokio::spawn(async move { client.send_no_content(get_job()).await })
            })
            .collect();
        for call in calls {
            call.await.unwrap().unwrap();
        }
    }
    let connections = accepted.load(std::sync::atomic::Ordering::SeqCst);
    assert!((1..=8).contains(&connections), "{connections} connections");
}
