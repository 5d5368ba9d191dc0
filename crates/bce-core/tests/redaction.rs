//! No secret or session token in Debug, Display, errors or tracing output.

use std::sync::Arc;

use bce_core::{Client, Config, Credentials, HttpResponse, Method, Operation, RetryPolicy};
use bce_testkit::{CapturedOutput, RecordingTransport};

const SECRET: &str = "SK-UNIQUE-8f41c2d9";
const TOKEN: &str = "TOKEN-UNIQUE-77ab31";

#[tokio::test]
async fn secrets_never_leak() {
    let capture = CapturedOutput::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        403,
        r#"{"code":"AccessDenied","message":"no","requestId":"r"}"#,
    )
    .with_header("x-bce-request-id", "r")));
    let creds = Credentials::with_session_token("AK-VISIBLE", SECRET, TOKEN).unwrap();
    let config = Config::builder()
        .credentials(creds.clone())
        .endpoint("http://127.0.0.1:9")
        .proxy("http://127.0.0.1:3128")
        .retry(RetryPolicy::none())
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    let client = Client::new(config.clone(), "x").unwrap();
    let err = client
        .send_no_content(
            Operation::new("s", "Op", Method::Get)
                .path("/x")
                .query("q", "1"),
        )
        .await
        .unwrap_err();
    let request = t.requests().remove(0);
    assert_eq!(
        request.header("x-bce-security-token"),
        Some(TOKEN),
        "the token is sent"
    );

    let logs = capture.text();
    assert!(logs.contains("bce_request"), "spans are logged: {logs}");
    let texts = [
        format!("{creds:?}"),
        format!("{creds}"),
        format!("{config:?}"),
        format!("{client:?}"),
        format!("{err}"),
        format!("{err:?}"),
        format!("{request:?}"),
        logs,
    ];
    for text in &texts {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(!text.contains(TOKEN), "token leaked: {text}");
        assert!(
            !text.contains("bce-auth-v1/AK-VISIBLE/"),
            "authorization leaked: {text}"
        );
    }
}
