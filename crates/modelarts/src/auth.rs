//! SDK-HMAC-SHA256 as a bce-core [`Authorizer`]: every attempt of every
//! call is signed afresh by [`crate::sign::sign`] inside bce-core's
//! pipeline (timeouts, retries, tracing and error decoding stay shared).

use std::sync::Arc;

use bce_core::{AuthRequest, Authorizer, BoxFuture, CredentialsProvider, Error};

use crate::sign::{self, QueryValue, SignableRequest, SigningKey};

/// Signs requests with Huawei's SDK-HMAC-SHA256, with credentials from a
/// provider (AK/SK, the session token sent as `X-Security-Token`) and an
/// optional project id (sent as `X-Project-Id`).
///
/// What it signs is what the official SDK signs: every header the pipeline
/// set (`Host`, `User-Agent`, `Content-Type`, the operation's headers) whose
/// name has no `_`, except `Content-Length`, which the SDK's HTTP layer adds
/// after signing. Header values are trimmed the SDK's way, for signing and
/// for sending. The canonical URI comes from the raw path encoded segment
/// by segment, which is what the service decodes from any valid encoding.
#[derive(Debug, Clone)]
pub struct SdkHmacAuthorizer {
    credentials: Arc<dyn CredentialsProvider>,
    project_id: Option<String>,
}

impl SdkHmacAuthorizer {
    /// Signs with credentials from `credentials`.
    pub fn new(credentials: Arc<dyn CredentialsProvider>) -> Self {
        SdkHmacAuthorizer {
            credentials,
            project_id: None,
        }
    }

    /// Adds `X-Project-Id: {project_id}` (signed) to every request.
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        let id = project_id.into();
        self.project_id = (!id.is_empty()).then_some(id);
        self
    }

    /// The key that signs this attempt: the provider's current credentials
    /// (their secrets registered for redaction) and the project id.
    async fn signing_key(&self, request: &mut AuthRequest<'_>) -> Result<SigningKey, Error> {
        let credentials = request.credentials_from(self.credentials.as_ref()).await?;
        let key = SigningKey::from_credentials(&credentials);
        Ok(match &self.project_id {
            Some(project) => key.with_project_id(project.clone()),
            None => key,
        })
    }
}

impl Authorizer for SdkHmacAuthorizer {
    fn authorize<'a>(
        &'a self,
        request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let key = self.signing_key(request).await?;
            let path = sign::encode_path(request.path);
            let query: Vec<(String, QueryValue)> = request
                .query
                .iter()
                .map(|(k, v)| (k.clone(), QueryValue::Text(v.clone())))
                .collect();
            let headers: Vec<(String, String)> = request
                .headers()
                .iter()
                .filter(|(k, _)| !k.eq_ignore_ascii_case("content-length"))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            let host = request.header("host").unwrap_or_default().to_owned();
            let signed = sign::sign(
                &key,
                &SignableRequest {
                    method: request.method.as_str(),
                    host: &host,
                    path: &path,
                    query: &query,
                    headers: &headers,
                    body: request.body,
                },
                request.unix_seconds,
            )?;
            for (name, value) in signed.headers {
                if request.header(&name) != Some(value.as_str()) {
                    request.set_header(name, value);
                }
            }
            Ok(())
        })
    }
}
