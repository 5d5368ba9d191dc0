//! Test helpers shared by the bce-sdk-rust crates.
//!
//! * [`VerifySignature`]: a wiremock matcher that checks the bce-auth-v1
//!   signature of a received request from the server's side: it rebuilds the
//!   canonical request from what arrived (decoded path and query, the listed
//!   signed headers) and compares the signature.
//! * [`RecordingTransport`]: an in-process transport that records requests
//!   and answers with canned responses (no sockets).
//! * [`test_config`]: a config pointed at a wiremock server with fixed keys.
#![deny(missing_docs)]

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
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    let path = decode(raw_path);
    let query: Vec<(String, String)> = raw_query
        .unwrap_or("")
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|item| match item.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(item), String::new()),
        })
        .collect();
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

/// Verifies a request received by wiremock.
pub fn verify_wiremock_request(
    request: &wiremock::Request,
    credentials: &Credentials,
) -> Result<(), String> {
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
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

/// A wiremock matcher on the exact multiset of query pairs (decoded).
#[derive(Debug, Clone)]
pub struct ExactQuery(pub Vec<(String, String)>);

impl ExactQuery {
    /// Builds the matcher from string pairs.
    pub fn new(pairs: &[(&str, &str)]) -> Self {
        ExactQuery(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
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
