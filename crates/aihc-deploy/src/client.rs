//! The custom deployment client.

use bce_core::{Config, Error, Method, Operation};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-deploy";

/// The answer envelope: the service's `code`, `message` and `requestId`
/// next to the payload in `data`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeployResponse<T> {
    /// Business code (empty on success).
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
    /// user is used exactly as given.
    pub fn new(config: Config) -> Result<Self, Error> {
        let region = config.region().to_owned();
        let host = bce_core::config::regional_host("aihc", &region);
        Ok(Client {
            inner: bce_core::Client::new(config, &host)?,
            region,
        })
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

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    pub(crate) fn op(&self, name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method)
            .path(path)
            .header("X-Region", self.region.clone())
    }

    pub(crate) async fn call<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        self.inner.send(op).await
    }
}

pub(crate) fn is_zero(v: &i32) -> bool {
    *v == 0
}

pub(crate) fn is_false(v: &bool) -> bool {
    !*v
}
