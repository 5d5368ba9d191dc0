//! Request authorization, behind a trait so that services which do not use
//! bce-auth-v1 (a PaddleFlow token, Huawei's SDK-HMAC-SHA256) run on the same
//! pipeline: timeouts, retries, tracing and error decoding stay shared, and
//! every attempt is authorized afresh.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use md5::{Digest, Md5};

use crate::credentials::{BoxFuture, Credentials, CredentialsProvider, Secret};
use crate::error::{Error, ServiceError};
use crate::sign::{self, SignOptions, SignableRequest, DATE_HEADER, SECURITY_TOKEN_HEADER};
use crate::transport::Method;

/// The request of one attempt as an authorizer sees it.
///
/// The pipeline has already set `Host` (exactly as it goes on the wire),
/// `User-Agent`, `Content-Type`, `Content-Length` (when there is a body),
/// the request-id header and the operation's own headers.
pub struct AuthRequest<'a> {
    /// The method.
    pub method: Method,
    /// The raw, unencoded path.
    pub path: &'a str,
    /// The raw query pairs.
    pub query: &'a [(String, String)],
    /// The body bytes (empty when there is none).
    pub body: &'a [u8],
    /// This attempt's time (the local clock, corrected for a learnt skew).
    pub unix_seconds: i64,
    /// The headers the operation asks to sign instead of the default set
    /// (see [`crate::Operation::signed_headers`]).
    pub signed_headers: Option<&'static [&'static str]>,
    headers: &'a mut Vec<(Cow<'static, str>, String)>,
    secrets: &'a mut Vec<Secret>,
}

impl<'a> AuthRequest<'a> {
    /// A request over `headers`; `secrets` collects values that must never
    /// be printed.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        method: Method,
        path: &'a str,
        query: &'a [(String, String)],
        body: &'a [u8],
        unix_seconds: i64,
        signed_headers: Option<&'static [&'static str]>,
        headers: &'a mut Vec<(Cow<'static, str>, String)>,
        secrets: &'a mut Vec<Secret>,
    ) -> Self {
        AuthRequest {
            method,
            path,
            query,
            body,
            unix_seconds,
            signed_headers,
            headers,
            secrets,
        }
    }

    /// The headers set so far.
    pub fn headers(&self) -> &[(Cow<'static, str>, String)] {
        self.headers
    }

    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Sets a header, replacing any of the same name. A `&'static str`
    /// name is kept borrowed.
    pub fn set_header(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        let name = name.into();
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(&name));
        self.headers.push((name, value.into()));
    }

    /// This attempt's credentials from `provider`, with their secret key
    /// and session token registered for redaction: every signing
    /// authorizer starts with this, so none can forget to mask a secret.
    pub async fn credentials_from(
        &mut self,
        provider: &dyn CredentialsProvider,
    ) -> Result<Credentials, Error> {
        let credentials = provider
            .credentials()
            .await
            .map_err(|e| Error::credentials("the credentials provider failed", Some(e)))?;
        self.redact_credentials(&credentials);
        Ok(credentials)
    }

    /// Registers the secret key and session token of `credentials` for
    /// redaction (what [`AuthRequest::credentials_from`] does for the
    /// credentials it returns).
    pub fn redact_credentials(&mut self, credentials: &Credentials) {
        self.redact(credentials.secret_access_key());
        if let Some(token) = credentials.session_token() {
            self.redact(token);
        }
    }

    /// Registers a value that the SDK must never print (it is masked in
    /// error messages the server echoes it in).
    pub fn redact(&mut self, secret: &Secret) {
        if !secret.is_empty() {
            self.secrets.push(secret.clone());
        }
    }
}

/// Authorizes requests: signs them or adds a token.
pub trait Authorizer: Send + Sync + fmt::Debug {
    /// Adds whatever authorizes this attempt. Called again on every retry,
    /// so a signature is always fresh.
    fn authorize<'a>(
        &'a self,
        request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>>;

    /// Called when the service rejected an attempt. Return `true` when the
    /// authorization was refreshed (e.g. a cached token dropped) and the
    /// attempt should be repeated, once.
    fn on_rejected<'a>(&'a self, _error: &'a ServiceError) -> BoxFuture<'a, bool> {
        Box::pin(async { false })
    }
}

/// bce-auth-v1: dates the request (`x-bce-date`), adds `Content-MD5` for a
/// body, the STS token header, and the `Authorization` signature.
#[derive(Debug, Clone)]
pub struct BceAuthorizer {
    credentials: Arc<dyn CredentialsProvider>,
    options: SignOptions,
}

impl BceAuthorizer {
    /// Signs with credentials from `credentials` and the given options.
    pub fn new(credentials: Arc<dyn CredentialsProvider>, options: SignOptions) -> Self {
        BceAuthorizer {
            credentials,
            options,
        }
    }
}

impl Authorizer for BceAuthorizer {
    fn authorize<'a>(
        &'a self,
        request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            // Fixed credentials are borrowed: no copy and no provider call.
            let fetched;
            let credentials = match self.credentials.fixed() {
                Some(fixed) => {
                    request.redact_credentials(fixed);
                    fixed
                }
                None => {
                    fetched = request.credentials_from(self.credentials.as_ref()).await?;
                    &fetched
                }
            };
            if !request.body.is_empty() {
                let md5 = Md5::digest(request.body);
                request.set_header(
                    "Content-Md5",
                    base64::engine::general_purpose::STANDARD.encode(md5),
                );
            }
            let timestamp = sign::format_timestamp(request.unix_seconds)?;
            let only;
            let options = match request.signed_headers {
                Some(names) => {
                    only = self.options.clone().with_only_headers(names.iter());
                    &only
                }
                None => &self.options,
            };
            request.set_header(DATE_HEADER, timestamp);
            let timestamp = request.header(DATE_HEADER).unwrap_or_default();
            let (authorization, security_token) = sign::authorization_at(
                credentials,
                &SignableRequest {
                    method: request.method.as_str(),
                    path: request.path,
                    query: request.query,
                    headers: request.headers,
                },
                options,
                timestamp,
            );
            if let Some(token) = security_token {
                request.set_header(SECURITY_TOKEN_HEADER, token);
            }
            request.set_header("Authorization", authorization);
            Ok(())
        })
    }
}

/// Sends requests without any authorization (e.g. a login call).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAuth;

impl Authorizer for NoAuth {
    fn authorize<'a>(
        &'a self,
        _request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async { Ok(()) })
    }
}
