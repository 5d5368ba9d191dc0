//! Test helpers shared by the bce-sdk-rust crates.
//!
//! * [`VerifySignature`]: a wiremock matcher that checks the bce-auth-v1
//!   signature of a received request from the server's side: it rebuilds the
//!   canonical request from what arrived (decoded path and query, the listed
//!   signed headers) and compares the signature.
//! * [`RecordingTransport`]: an in-process transport that records requests
//!   and answers with canned responses (no sockets).
//! * [`test_config`]: a config pointed at a wiremock server with fixed keys.
//! * [`Expect`] / [`expect`]: one expected, signature-checked call on a
//!   wiremock server and its JSON answer; [`mock_server`] starts a server
//!   with a config pointed at it; [`fail_every_call`] answers every signed
//!   request with a service error.
//! * [`invalid_field`]: the field named by an invalid-input error.
//! * [`string_pairs`]: owned name/value pairs from string literals.
//! * [`bench`](mod@bench): the plain harness of the crates' benchmarks; [`vectors`]:
//!   reading signing-vector files.
//! * [`CapturedOutput`]: a writer that keeps what a tracing subscriber
//!   prints, for tests that check no secret is ever logged.

pub mod bench;
pub mod vectors;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use bce_core::sign::{self, SignOptions, SignableRequest};
use bce_core::{
    BoxFuture, Config, Credentials, HttpRequest, HttpResponse, HttpTransport, TransportError,
};
use percent_encoding::percent_decode_str;

/// Access key id used by tests.
pub const TEST_AK: &str = "ak-test";
/// Secret access key used by tests.
pub const TEST_SK: &str = "sk-test";

/// Test credentials.
pub fn test_credentials() -> Credentials {
    match Credentials::new(TEST_AK, TEST_SK) {
        Ok(c) => c,
        Err(e) => unreachable!("constant credentials are valid: {e}"),
    }
}

/// A config for `endpoint` (e.g. a wiremock `uri()`), test keys, no retries.
pub fn test_config(endpoint: &str) -> Config {
    match Config::builder()
        .credentials(test_credentials())
        .endpoint(endpoint)
        .retry(bce_core::RetryPolicy::none())
        .build()
    {
        Ok(c) => c,
        Err(e) => unreachable!("test config is valid: {e}"),
    }
}

/// Why a signature did not verify.
pub fn verify_parts(
    method: &str,
    raw_path: &str,
    raw_query: Option<&str>,
    headers: &[(String, String)],
    credentials: &Credentials,
) -> Result<(), String> {
    let auth = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.clone())
        .ok_or("no Authorization header")?;
    let parts: Vec<&str> = auth.split('/').collect();
    if parts.len() != 6 || parts[0] != "bce-auth-v1" {
        return Err(format!("malformed Authorization header: {auth}"));
    }
    if parts[1] != credentials.access_key_id() {
        return Err(format!("unexpected access key id {}", parts[1]));
    }
    let ts = sign::parse_timestamp(parts[2]).map_err(|e| e.to_string())?;
    let expiry: u32 = parts[3].parse().map_err(|_| "bad expiry")?;
    let signed: Vec<&str> = if parts[4].is_empty() {
        Vec::new()
    } else {
        parts[4].split(';').collect()
    };
    let path = percent_decode_str(raw_path)
        .decode_utf8_lossy()
        .into_owned();
    let query = decode_query(raw_query.unwrap_or(""));
    let mut chosen = Vec::new();
    for name in &signed {
        let value = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("signed header {name} is missing"))?;
        chosen.push((name.to_string(), value));
    }
    // Sign exactly the listed headers; a session token is signed as a header
    // already, so sign with plain credentials.
    let plain = Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key().expose(),
    )
    .map_err(|e| e.to_string())?;
    let options = SignOptions::default()
        .with_headers_to_sign(signed.iter().copied())
        .with_expiration_seconds(expiry);
    let sig = sign::sign(
        &plain,
        &SignableRequest {
            method,
            path: &path,
            query: &query,
            headers: &chosen,
        },
        &options,
        ts,
    )
    .map_err(|e| e.to_string())?;
    if sig.authorization != auth {
        return Err(format!(
            "signature mismatch\n canonical request:\n{}\n expected {}\n got      {}",
            sig.canonical_request, sig.authorization, auth
        ));
    }
    if let Some(token) = credentials.session_token() {
        let sent = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(sign::SECURITY_TOKEN_HEADER));
        if sent.map(|(_, v)| v.as_str()) != Some(token.expose())
            || !signed.contains(&sign::SECURITY_TOKEN_HEADER)
        {
            return Err("session token not sent as a signed header".into());
        }
    }
    Ok(())
}

/// The decoded `(name, value)` pairs of a raw query string, in order; a
/// name without `=` has an empty value.
pub fn decode_query(raw: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    raw.split('&')
        .filter(|s| !s.is_empty())
        .map(|item| match item.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(item), String::new()),
        })
        .collect()
}

/// Verifies a request received by wiremock.
pub fn verify_wiremock_request(
    request: &wiremock::Request,
    credentials: &Credentials,
) -> Result<(), String> {
    let headers = bce_core::transport::header_pairs(&request.headers);
    verify_parts(
        request.method.as_str(),
        request.url.path(),
        request.url.query(),
        &headers,
        credentials,
    )
}

/// A wiremock matcher that only matches correctly signed requests.
#[derive(Debug, Clone)]
pub struct VerifySignature(pub Credentials);

impl VerifySignature {
    /// Verifies with the test credentials.
    pub fn test() -> Self {
        VerifySignature(test_credentials())
    }
}

impl wiremock::Match for VerifySignature {
    fn matches(&self, request: &wiremock::Request) -> bool {
        match verify_wiremock_request(request, &self.0) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("signature check failed: {e}"); // lint: allow(print)
                false
            }
        }
    }
}

/// A wiremock matcher on the exact JSON body (compared as JSON values).
#[derive(Debug, Clone)]
pub struct JsonBody(pub serde_json::Value);

impl wiremock::Match for JsonBody {
    fn matches(&self, request: &wiremock::Request) -> bool {
        serde_json::from_slice::<serde_json::Value>(&request.body)
            .ok()
            .as_ref()
            == Some(&self.0)
    }
}

/// A wiremock matcher: the request has no body.
#[derive(Debug, Clone, Copy)]
pub struct NoBody;

impl wiremock::Match for NoBody {
    fn matches(&self, request: &wiremock::Request) -> bool {
        request.body.is_empty()
    }
}

/// Owned name/value pairs (queries, headers) from string literals.
pub fn string_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A wiremock matcher on the exact multiset of query pairs (decoded).
#[derive(Debug, Clone)]
pub struct ExactQuery(pub Vec<(String, String)>);

impl ExactQuery {
    /// Builds the matcher from string pairs.
    pub fn new(pairs: &[(&str, &str)]) -> Self {
        ExactQuery(string_pairs(pairs))
    }
}

impl wiremock::Match for ExactQuery {
    fn matches(&self, request: &wiremock::Request) -> bool {
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut want = self.0.clone();
        got.sort();
        want.sort();
        got == want
    }
}

/// One expected call on a wiremock server: exact method, path and query
/// (as a multiset of decoded pairs), a valid bce-auth-v1 signature, the
/// exact JSON body (or no body), any extra headers; answered `200` with a
/// JSON reply and mounted to be matched exactly once.
///
/// ```no_run
/// # async fn demo(server: &wiremock::MockServer) {
/// use bce_testkit::Expect;
/// Expect::new("GET", "/v1/vm/service")
///     .query(&[("pageNo", "1")])
///     .header("x-region", "gz")
///     .reply(serde_json::json!({"result": []}))
///     .mount(server)
///     .await;
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Expect {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<serde_json::Value>,
    reply: Option<serde_json::Value>,
}

impl Expect {
    /// A call of `method` on `path`, with no query, no body, answered `{}`.
    pub fn new(method: &str, path: &str) -> Self {
        Expect {
            method: method.to_owned(),
            path: path.to_owned(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            reply: Some(serde_json::json!({})),
        }
    }

    /// The exact query pairs (any order).
    pub fn query(mut self, pairs: &[(&str, &str)]) -> Self {
        self.query = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self
    }

    /// A header the request must carry with this value.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The exact JSON body; `None` (the default) means no body at all.
    pub fn body(mut self, body: Option<serde_json::Value>) -> Self {
        self.body = body;
        self
    }

    /// The JSON answered with status 200.
    pub fn reply(mut self, reply: serde_json::Value) -> Self {
        self.reply = Some(reply);
        self
    }

    /// Answers status 200 with no body at all.
    pub fn empty_reply(mut self) -> Self {
        self.reply = None;
        self
    }

    /// Mounts the expectation on `server`.
    pub async fn mount(self, server: &wiremock::MockServer) {
        use wiremock::matchers::{header, method, path};
        let mut mock = wiremock::Mock::given(method(self.method.as_str()))
            .and(path(self.path.as_str()))
            .and(ExactQuery(self.query))
            .and(VerifySignature::test());
        for (name, value) in &self.headers {
            mock = mock.and(header(name.as_str(), value.as_str()));
        }
        let mock = match self.body {
            Some(b) => mock.and(JsonBody(b)),
            None => mock.and(NoBody),
        };
        let mock =
            mock.respond_with(wiremock::ResponseTemplate::new(200).set_body_json(self.reply));
        // wiremock's call count (matched exactly once), written so that the
        // project lint does not read it as `Option::expect`.
        wiremock::Mock::expect(mock, 1).mount(server).await;
    }
}

/// Mounts one expected call (see [`Expect`]): `verb` on `path` with exactly
/// the `query` pairs and `body` (`None`: no body), answered `200 reply`.
pub async fn expect(
    server: &wiremock::MockServer,
    verb: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<serde_json::Value>,
    reply: serde_json::Value,
) {
    Expect::new(verb, path)
        .query(query)
        .body(body)
        .reply(reply)
        .mount(server)
        .await;
}

/// Mounts one expected action-style call of the AIHC OpenAPI v2 (`verb /`
/// with the `version: v2` header): exactly the `query` pairs (the
/// `action` among them) and `body` (`None`: no body), answered `200 reply`.
pub async fn expect_action(
    server: &wiremock::MockServer,
    verb: &str,
    query: &[(&str, &str)],
    body: Option<serde_json::Value>,
    reply: serde_json::Value,
) {
    Expect::new(verb, "/")
        .query(query)
        .header("version", "v2")
        .body(body)
        .reply(reply)
        .mount(server)
        .await;
}

/// Starts a wiremock server and returns it with a [`test_config`] pointed
/// at it.
pub async fn mock_server() -> (wiremock::MockServer, Config) {
    let server = wiremock::MockServer::start().await;
    let config = test_config(&server.uri());
    (server, config)
}

/// Answers every correctly signed request with `status` and the BCE error
/// body `{code, message, requestId}`, for "every operation maps a service
/// error" tests.
pub async fn fail_every_call(
    server: &wiremock::MockServer,
    status: u16,
    code: &str,
    message: &str,
    request_id: &str,
) {
    wiremock::Mock::given(VerifySignature::test())
        .respond_with(wiremock::ResponseTemplate::new(status).set_body_json(
            serde_json::json!({"code": code, "message": message, "requestId": request_id}),
        ))
        .mount(server)
        .await;
}

/// Asserts that every error is the service error `status` `code`
/// `message` with `request_id` (the outcome of [`fail_every_call`]); the
/// index of a mismatch is in the failure message.
pub fn assert_service_errors(
    errors: impl IntoIterator<Item = bce_core::Error>,
    status: u16,
    code: &str,
    message: &str,
    request_id: &str,
) {
    for (i, e) in errors.into_iter().enumerate() {
        assert_eq!(
            (e.status(), e.code(), e.message(), e.request_id()),
            (Some(status), Some(code), Some(message), Some(request_id)),
            "call {i}: {e:?}"
        );
    }
}

/// Awaits each call and collects its error (a call that succeeds fails
/// the test): `errors_of![c.get_x("a"), c.delete_y("b")]`.
#[macro_export]
macro_rules! errors_of {
    ($($call:expr),* $(,)?) => {
        vec![$(match $call.await {
            Ok(_) => unreachable!("{} succeeded", stringify!($call)),
            Err(e) => e,
        }),*]
    };
}

/// The field an invalid-input error names; any other outcome is a test
/// failure (reported with the outcome).
pub fn invalid_field<T: std::fmt::Debug>(result: Result<T, bce_core::Error>) -> String {
    match result {
        Err(bce_core::Error::InvalidInput { field, .. }) => field,
        other => unreachable!("expected an invalid-input error, got {other:?}"),
    }
}

/// Records every request and answers from a queue of canned responses
/// (the last one repeats; `200 {}` when none was given).
#[derive(Debug, Default, Clone)]
pub struct RecordingTransport {
    requests: Arc<Mutex<Vec<HttpRequest>>>,
    responses: Arc<Mutex<VecDeque<Result<HttpResponse, TransportError>>>>,
}

impl RecordingTransport {
    /// A transport that answers `200 {}` to everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// A transport that answers `200` with each JSON value in turn (the
    /// last one repeats): a scripted service for waiter and paging tests.
    pub fn replying_json<I: IntoIterator<Item = serde_json::Value>>(replies: I) -> Self {
        let t = RecordingTransport::new();
        for reply in replies {
            t.push(Ok(HttpResponse::new(200, reply.to_string())));
        }
        t
    }

    /// A config that sends through this transport (keys `ak-test`/`sk-test`,
    /// default endpoint, no retries).
    pub fn config(&self) -> Config {
        match Config::builder()
            .credentials(test_credentials())
            .retry(bce_core::RetryPolicy::none())
            .transport(Arc::new(self.clone()))
            .build()
        {
            Ok(c) => c,
            Err(e) => unreachable!("test config is valid: {e}"),
        }
    }

    /// Queues an answer.
    pub fn push(&self, response: Result<HttpResponse, TransportError>) -> &Self {
        if let Ok(mut q) = self.responses.lock() {
            q.push_back(response);
        }
        self
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl HttpTransport for RecordingTransport {
    fn send(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        if let Ok(mut r) = self.requests.lock() {
            r.push(request);
        }
        let answer = match self.responses.lock() {
            Ok(mut q) if q.len() > 1 => q.pop_front(),
            Ok(q) => q.front().cloned(),
            Err(_) => None,
        };
        Box::pin(async move {
            answer.unwrap_or_else(|| {
                Ok(HttpResponse::new(200, "{}").with_header("x-bce-request-id", "recorded"))
            })
        })
    }
}

/// A `Write` sink that keeps everything written to it; clones share the
/// buffer. Hand a clone to a tracing subscriber
/// (`.with_writer(move || out.clone())`) and read [`CapturedOutput::text`]
/// afterwards.
#[derive(Debug, Clone, Default)]
pub struct CapturedOutput(Arc<Mutex<Vec<u8>>>);

impl CapturedOutput {
    /// Everything written so far (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        let bytes = self.0.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl std::io::Write for CapturedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
