//! The dev machine client: how an operation is built, sent and decoded.

use bce_core::{Config, Error, Method, Operation};

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
        Ok(Client {
            inner: bce_core::Client::new(config, &host)?,
        })
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
}

bce_core::service_client!(Client);
