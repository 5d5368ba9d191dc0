//! Regression tests for the defects found by the fault-and-abuse run
//! (issue 12 §6) and for the pluggable authorizer / error decoder.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bce_core::{
    AuthRequest, Authorizer, BoxFuture, CallContext, Client, Config, Credentials, Error,
    ErrorDecoder, FixedClock, HttpResponse, Method, NoAuth, Operation, RetryPolicy, Secret,
    ServiceError, TransportErrorKind,
};
use bce_testkit::{RecordingTransport, VerifySignature};
use common::{config_with, TickingClock};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn get() -> Operation {
    Operation::new("svc", "GetThing", Method::Get).path("/thing")
}

fn recording(t: &RecordingTransport) -> Client {
    Client::new(
        config_with(t, RetryPolicy::default(), Arc::new(TickingClock::default())),
        "x",
    )
    .unwrap()
}

/// The host that is signed is the host that is sent, whatever the endpoint's spelling.
#[tokio::test]
async fn signed_host_is_the_sent_host() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(VerifySignature::test())
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .expect(3)
        .mount(&server)
        .await;
    let port = server.address().port();
    for endpoint in [
        format!("HTTP://127.0.0.1:{port}"),
        format!("http://127.1:{port}"),
        format!("http://LOCALHOST:{port}/"),
    ] {
        let config = bce_testkit::test_config(&endpoint);
        let client = Client::new(config, "x").unwrap();
        let v: serde_json::Value = client.send(get()).await.unwrap();
        assert_eq!(v, serde_json::json!({}), "{endpoint}");
    }
}

#[tokio::test]
async fn empty_success_bodies_and_redirects_are_not_success() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(200, "")));
    t.push(Ok(HttpResponse::new(302, "").with_header(
        "location",
        "https://user:pw-unique@elsewhere.example/login?token=tok-unique",
    )));
    t.push(Ok(HttpResponse::new(200, "")));
    let client = recording(&t);
    let err = client.send::<serde_json::Value>(get()).await.unwrap_err();
    assert!(err.is_decode(), "{err:?}");
    assert!(
        err.to_string().starts_with("svc GetThing: cannot decode"),
        "{err}"
    );

    let err = client.send_no_content(get()).await.unwrap_err();
    assert_eq!(err.status(), Some(302));
    assert_eq!(err.code(), Some("UnexpectedRedirect"));
    let text = format!("{err} {err:?}");
    assert!(text.contains("elsewhere.example"), "{text}");
    assert!(
        !text.contains("pw-unique") && !text.contains("tok-unique"),
        "{text}"
    );
    assert_eq!(t.requests().len(), 2, "a redirect is not retried");

    // An operation documented to answer nothing accepts an empty body.
    client.send_no_content(get()).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn local_failures_are_invalid_input_and_never_sent() {
    let t = RecordingTransport::new();
    let client = recording(&t);
    let op = get().header("X-Region", "bj\r\nX-Injected: 1");
    let err = client.send_no_content(op).await.unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains("X-Region"), "{err}");

    let long = "a".repeat(1_000_000);
    let op = Operation::new("svc", "GetThing", Method::Get)
        .path("/thing")
        .segment("id", &long);
    let err = client.send_no_content(op).await.unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
    assert!(
        err.to_string().len() < 400,
        "the message does not quote the id"
    );
    assert!(t.requests().is_empty());
}

#[tokio::test(start_paused = true)]
async fn an_absurd_server_date_does_not_set_the_clock() {
    let t = RecordingTransport::new();
    let expired = |date: &str| {
        Ok(
            HttpResponse::new(400, r#"{"code":"RequestExpired","message":"expired"}"#)
                .with_header("date", date),
        )
    };
    t.push(expired("Fri, 01 Jan 2100 00:00:00 GMT"));
    let client = recording(&t);
    let err = client.send_no_content(get()).await.unwrap_err();
    assert!(err.is_request_expired());
    assert_eq!(client.clock_skew(), 0, "an implausible date is ignored");
    assert_eq!(t.requests().len(), 1);

    // A plausible one (under two hours ahead) is learnt and the call is signed again.
    let t = RecordingTransport::new();
    t.push(expired("Wed, 15 Nov 2023 00:00:00 GMT"));
    t.push(Ok(HttpResponse::new(200, "{}")));
    let client = recording(&t);
    client.send_no_content(get()).await.unwrap();
    assert!(client.clock_skew() > 0 && client.clock_skew() < 7200);
}

#[tokio::test]
async fn oversized_answers_are_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(10_000)))
        .mount(&server)
        .await;
    let config = bce_testkit::test_config(&server.uri())
        .to_builder()
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let client = Client::new(config, "x").unwrap();
    let err = client.send_no_content(get()).await.unwrap_err();
    assert_eq!(
        err.transport_error().map(|t| t.kind()),
        Some(TransportErrorKind::BodyTooLarge),
        "{err:?}"
    );
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn echoed_secrets_are_masked_in_errors() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        403,
        r#"{"code":"SignatureDoesNotMatch","message":"canonical: x-bce-security-token:TOKEN-echo-42 sk=SECRET-echo-42"}"#,
    )));
    let config = Config::builder()
        .credentials(
            Credentials::with_session_token("ak", "SECRET-echo-42", "TOKEN-echo-42").unwrap(),
        )
        .endpoint("http://127.0.0.1:1")
        .retry(RetryPolicy::none())
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    let err = Client::new(config, "x")
        .unwrap()
        .send_no_content(get())
        .await
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        !text.contains("SECRET-echo-42") && !text.contains("TOKEN-echo-42"),
        "{text}"
    );
    assert!(text.contains("SignatureDoesNotMatch"));
}

/// A token authorizer that counts logins and refreshes once when rejected.
#[derive(Debug, Default)]
struct TokenAuth {
    logins: AtomicUsize,
}

impl Authorizer for TokenAuth {
    fn authorize<'a>(
        &'a self,
        request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let n = self.logins.load(Ordering::SeqCst);
            let token = Secret::new(format!("token-{n}"));
            request.redact(&token);
            request.set_header("x-token", token.expose());
            Ok(())
        })
    }

    fn on_rejected<'a>(&'a self, error: &'a ServiceError) -> BoxFuture<'a, bool> {
        Box::pin(async move {
            if error.code() == "AuthInvalidToken" {
                self.logins.fetch_add(1, Ordering::SeqCst);
                true
            } else {
                false
            }
        })
    }
}

/// An error shape of another service: `{"error_code","error_msg"}` and
/// a failure reported inside 200 as `{"ok":false,"why":…}`.
#[derive(Debug)]
struct OtherShape;

impl ErrorDecoder for OtherShape {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        let v: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
        ServiceError::new(
            response.status,
            v["error_code"].as_str().unwrap_or("Unknown"),
            v["error_msg"].as_str().unwrap_or(""),
        )
        .with_request_id(response.header("x-request-id").unwrap_or_default())
    }

    fn business_error(&self, response: &HttpResponse) -> Option<ServiceError> {
        let v: serde_json::Value = serde_json::from_slice(&response.body).ok()?;
        (v["ok"] == false)
            .then(|| ServiceError::new(response.status, "Refused", v["why"].as_str().unwrap_or("")))
    }
}

#[tokio::test]
async fn authorizer_and_error_decoder_plug_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v9/things"))
        .and(header("x-token", "token-0"))
        .respond_with(
            ResponseTemplate::new(400).set_body_string(r#"{"error_code":"AuthInvalidToken"}"#),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v9/things"))
        .and(header("x-token", "token-1"))
        .and(header("content-type", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"ok":false,"why":"quota"}"#))
        .expect(1)
        .mount(&server)
        .await;
    let auth = Arc::new(TokenAuth::default());
    let config = Config::builder()
        .authorizer(auth.clone())
        .endpoint(server.address().to_string())
        .clock(Arc::new(FixedClock(1_700_000_000)))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let client = Client::builder(config)
        .default_scheme(bce_core::Scheme::Http)
        .base_path("/api/v9")
        .error_decoder(Arc::new(OtherShape))
        .request_id_header(Some("x-request-id"))
        .content_type("application/json")
        .build()
        .unwrap();
    assert_eq!(client.endpoint().scheme(), bce_core::Scheme::Http);
    let op = Operation::new("other", "CreateThing", Method::Post)
        .path("/things")
        .json_plain(&serde_json::json!({"a": "<b>"}));
    let err = client.send_no_content(op).await.unwrap_err();
    assert_eq!(auth.logins.load(Ordering::SeqCst), 1, "re-authorized once");
    assert_eq!(err.code(), Some("Refused"));
    assert_eq!(
        err.context(),
        Some(CallContext {
            service: "other",
            operation: "CreateThing"
        })
    );
    assert_eq!(
        err.to_string(),
        "other CreateThing: service error Refused (HTTP 200): quota"
    );
}

#[tokio::test]
async fn no_auth_needs_no_credentials() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(200, "{}")));
    let config = Config::builder()
        .authorizer(Arc::new(NoAuth))
        .endpoint("http://127.0.0.1:1")
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config, "x")
        .unwrap()
        .send_no_content(get())
        .await
        .unwrap();
    let sent = t.requests().remove(0);
    assert!(sent.header("authorization").is_none());
    assert!(
        Config::builder().build().is_err(),
        "BCE still needs credentials"
    );
}

#[tokio::test(start_paused = true)]
async fn one_classifier_for_pipeline_and_waiters() {
    use bce_core::retry::{classify, Retry};
    let t = RecordingTransport::new();
    t.push(Err(bce_core::TransportError::new(
        TransportErrorKind::Other,
        "cannot build",
        false,
    )));
    let err = recording(&t).send_no_content(get()).await.unwrap_err();
    assert_eq!(t.requests().len(), 1, "a local failure is not retried");
    assert_eq!(classify(&err, true), Retry::No);
    assert!(!err.is_retryable());
    let e503 = Error::Service(Box::new(ServiceError::new(503, "Busy", "")));
    assert_eq!(classify(&e503, false), Retry::No);
    assert_eq!(classify(&e503, true), Retry::IfIdempotent);
    assert!(e503.is_retryable());
    let _ = Duration::ZERO;
}
