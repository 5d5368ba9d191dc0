//! Shared helpers: a client pointed at a wiremock server and a matcher that
//! verifies SDK-HMAC-SHA256 signatures the way Huawei's gateway does.

use bce_core::{Credentials, RetryPolicy};
use modelarts::sign::{verify, ReceivedRequest};
use modelarts::Client;
use wiremock::MockServer;

pub const AK: &str = "ak-test";
pub const SK: &str = "sk-test";
pub const TOKEN: &str = "token-test";
pub const PROJECT: &str = "0123456789abcdef0123456789abcdef";

/// `/{version}/{PROJECT}{rest}`.
pub fn route(version: &str, rest: &str) -> String {
    format!("/{version}/{PROJECT}{rest}")
}

pub fn client(server: &MockServer) -> Client {
    Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::new(AK, SK).unwrap())
        .project_id(PROJECT)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

pub fn sts_client(server: &MockServer) -> Client {
    Client::builder()
        .endpoint(server.uri())
        .credentials(Credentials::with_session_token(AK, SK, TOKEN).unwrap())
        .project_id(PROJECT)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn received_headers(request: &wiremock::Request) -> Vec<(String, String)> {
    request
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// Why a received request is not correctly signed for ModelArts.
pub fn check_signed(request: &wiremock::Request, token: Option<&str>) -> Result<(), String> {
    let headers = received_headers(request);
    let parts = verify(
        SK,
        &ReceivedRequest {
            method: request.method.as_str(),
            path: request.url.path(),
            query: request.url.query().unwrap_or(""),
            headers: &headers,
            body: &request.body,
        },
    )
    .map_err(|e| e.to_string())?;
    if parts.access_key != AK {
        return Err(format!("access key {}", parts.access_key));
    }
    let signed = |h: &str| parts.signed_headers.iter().any(|s| s == h);
    let value = |h: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(h))
            .map(|(_, v)| v.as_str())
    };
    for must in [
        "host",
        "user-agent",
        "content-type",
        "x-project-id",
        "x-sdk-date",
    ] {
        if !signed(must) {
            return Err(format!("{must} is not signed: {:?}", parts.signed_headers));
        }
    }
    if signed("content-length") {
        return Err("content-length is signed (the official SDK does not)".into());
    }
    if value("x-project-id") != Some(PROJECT) {
        return Err(format!("x-project-id {:?}", value("x-project-id")));
    }
    match token {
        Some(t) if value("x-security-token") != Some(t) || !signed("x-security-token") => {
            Err("security token not sent as a signed header".into())
        }
        None if value("x-security-token").is_some() => Err("unexpected security token".into()),
        _ => Ok(()),
    }
}

/// Matches only requests correctly signed with the test keys.
pub struct Signed(pub Option<&'static str>);

impl Signed {
    pub fn plain() -> Self {
        Signed(None)
    }
}

impl wiremock::Match for Signed {
    fn matches(&self, request: &wiremock::Request) -> bool {
        match check_signed(request, self.0) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("signature check failed: {e}");
                false
            }
        }
    }
}

/// Matches the exact raw query string (order and encoding included).
pub struct RawQuery(pub &'static str);

impl wiremock::Match for RawQuery {
    fn matches(&self, request: &wiremock::Request) -> bool {
        request.url.query().unwrap_or("") == self.0
    }
}
