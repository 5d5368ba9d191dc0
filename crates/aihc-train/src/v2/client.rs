//! The AIHC OpenAPI v2 training client.

use bce_core::{Config, Error, Method, Operation};
use serde::de::DeserializeOwned;

use crate::client::SERVICE;

/// The API version the v2 actions are sent with (`X-API-Version` for jobs,
/// `version` for resource pools and queues).
pub const API_VERSION: &str = "v2";

/// Client of the AIHC OpenAPI v2 training actions. Cheap to clone.
///
/// Built from the same [`Config`] as the v1 [`crate::Client`] (or from one
/// with [`crate::Client::v2`]); without an endpoint it talks to
/// `aihc.{region}.baidubce.com` over HTTPS.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: bce_core::Client,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS.
    pub fn new(config: Config) -> Result<Self, Error> {
        let host = bce_core::config::regional_host("aihc", config.region());
        Ok(Client {
            inner: bce_core::Client::new(config, &host)?,
        })
    }

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    /// A job action: `POST /?action=…` with `X-API-Version: v2`.
    pub(crate) fn job_action(action: &'static str) -> Operation {
        Operation::new(SERVICE, action, Method::Post)
            .path("/")
            .query("action", action)
            .header("X-API-Version", API_VERSION)
    }

    /// A resource-pool or queue read: `GET /?action=…` with `version: v2`,
    /// signed over `host` only.
    pub(crate) fn pool_action(action: &'static str) -> Operation {
        Operation::new(SERVICE, action, Method::Get)
            .path("/")
            .query("action", action)
            .header("version", API_VERSION)
            .signed_headers(&["host"])
    }

    pub(crate) async fn call<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        self.inner.send(op).await
    }
}

impl crate::Client {
    /// The v2 (action API) client over the same connection pool and
    /// configuration.
    pub fn v2(&self) -> Client {
        Client {
            inner: self.inner.clone(),
        }
    }
}
