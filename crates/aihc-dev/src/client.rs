//! The dev machine client: how an operation is built, sent and decoded.

use bce_core::{Config, Error, Method, Operation};
use serde::de::DeserializeOwned;

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-dev";

/// Client of the AIHC dev machine API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    inner: bce_core::Client,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS (the official SDK refuses an
    /// empty endpoint instead).
    pub fn new(config: Config) -> Result<Self, Error> {
        let host = bce_core::config::regional_host("aihc", config.region());
        let inner = bce_core::Client::builder(config)
            .default_host(host)
            .build()?;
        Ok(Client { inner })
    }

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    /// An operation of this service named `name` (the Go SDK method name):
    /// the action-style call `/?action={action}` with the unsigned
    /// `version: v2` header.
    pub(crate) fn op(name: &'static str, method: Method, action: &str) -> Operation {
        Operation::new(SERVICE, name, method)
            .path("/")
            .query("action", action)
            .header("version", "v2")
    }

    /// Sends `op` and decodes its JSON answer.
    pub(crate) async fn call<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        self.inner.send(op).await
    }

    /// Sends `op`, whose answer carries nothing of interest.
    #[allow(dead_code)] // every current operation answers with data
    pub(crate) async fn call_no_content(&self, op: Operation) -> Result<(), Error> {
        self.inner.send_no_content(op).await
    }
}
