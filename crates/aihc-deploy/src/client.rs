//! The custom deployment client: how an operation is built, sent and
//! decoded, and how failures inside 200 answers become errors.

use bce_core::{
    BceErrorDecoder, Config, Error, ErrorDecoder, HttpResponse, Method, Operation, ServiceError,
};
use serde::{Deserialize, Serialize};

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-deploy";

/// The answer envelope: the service's `code`, `message` and `requestId`
/// next to the payload in `data`. An answer the client returns always has a
/// success code: failures reported here become errors (see
/// [`DeployErrorDecoder`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DeployResponse<T> {
    /// Business code (empty, or a success word, on success).
    pub code: String,
    /// Business message.
    pub message: String,
    /// Request id.
    #[serde(rename = "requestId", alias = "requestID")]
    pub request_id: String,
    /// The payload.
    pub data: T,
}

/// Client of the AIHC custom deployment API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    inner: bce_core::Client,
    region: String,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS. An endpoint given by the
    /// user is used exactly as given. Business failures inside 200 answers
    /// become service errors, see [`DeployErrorDecoder`].
    pub fn new(config: Config) -> Result<Self, Error> {
        let region = config.region().to_owned();
        let host = bce_core::config::regional_host("aihc", &region);
        let inner = bce_core::Client::builder(config)
            .default_host(host)
            .error_decoder(std::sync::Arc::new(DeployErrorDecoder))
            .build()?;
        Ok(Client { inner, region })
    }

    /// The same client sending `region` in the `X-Region` header.
    pub fn with_region(&self, region: impl Into<String>) -> Client {
        Client {
            inner: self.inner.clone(),
            region: region.into(),
        }
    }

    /// The region sent with every call.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// An operation of this service named `name` (the Go SDK method name)
    /// on `path`; `call` adds the `X-Region` header.
    pub(crate) fn op(name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method).path(path)
    }
}

// Every operation is sent in the client's region: the unsigned `X-Region`
// header, sent even when empty.
bce_core::service_client!(Client, |client, op| op
    .header("X-Region", client.region.clone()));

/// BCE's error shape for answers with an error status, plus the business
/// failures the deployment API reports inside 200 answers: a `code` that is
/// not empty is a failure (the contract's rule; the official SDK ignores
/// it), except the success words some deployments send (`0`, `200`,
/// `success`, `ok`, in any case). Such an answer becomes a
/// [`ServiceError`] with that code, the `message` and the `requestId` of
/// the envelope, and HTTP status 200.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeployErrorDecoder;

impl ErrorDecoder for DeployErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        BceErrorDecoder.decode(response)
    }

    fn business_error(&self, response: &HttpResponse) -> Option<ServiceError> {
        bce_core::error::envelope_business_error(response)
    }
}

pub(crate) fn is_zero(v: &i32) -> bool {
    *v == 0
}

pub(crate) fn is_false(v: &bool) -> bool {
    !*v
}
