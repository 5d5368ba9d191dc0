//! The BEC client.

use bce_core::{Config, Error, Method, Operation};
use serde::de::DeserializeOwned;

/// Service name used in operations and logs.
pub const SERVICE: &str = "bec";
/// The one global BEC host.
pub const DEFAULT_ENDPOINT: &str = "bec.baidubce.com";

/// Client of the BEC API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: bce_core::Client,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `bec.baidubce.com` over HTTPS (BEC has no regional hosts).
    pub fn new(config: Config) -> Result<Self, Error> {
        Ok(Client {
            inner: bce_core::Client::new(config, DEFAULT_ENDPOINT)?,
        })
    }

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    pub(crate) fn op(name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method).path(path)
    }

    pub(crate) async fn call<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        self.inner.send(op).await
    }
}

pub(crate) fn is_zero(v: &i64) -> bool {
    *v == 0
}

pub(crate) fn is_false(v: &bool) -> bool {
    !*v
}
