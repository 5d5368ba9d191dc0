//! The dev machine client.

use bce_core::{Config, Error, Method, Operation};

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-dev";

/// Client of the AIHC dev machine API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: bce_core::Client,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS (the official SDK refuses an
    /// empty endpoint instead).
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

    /// An action-style operation: `/` with `action=…` and `version: v2`.
    pub(crate) fn action(name: &'static str, method: Method, action: &str) -> Operation {
        Operation::new(SERVICE, name, method)
            .path("/")
            .query("action", action)
            .header("version", "v2")
    }
}
