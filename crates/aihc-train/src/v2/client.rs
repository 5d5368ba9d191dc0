//! The AIHC OpenAPI v2 training client.

use bce_core::{Config, Error, Method, Operation};

use crate::client::SERVICE;

/// The API version the v2 actions are sent with (`X-API-Version` for jobs,
/// `version` for resource pools and queues).
pub const API_VERSION: &str = "v2";

bce_core::service_client! {
    /// Client of the AIHC OpenAPI v2 training actions. Cheap to clone.
    ///
    /// Built from the same [`Config`] as the v1 [`crate::Client`] (or from one
    /// with [`crate::Client::v2`]); without an endpoint it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS.
    pub struct Client;
}

impl Client {
    /// Builds a client; the endpoint rules are those of
    /// [`crate::Client::new`] (both APIs live on the same host).
    pub fn new(config: Config) -> Result<Self, Error> {
        crate::Client::new(config).map(|v1| v1.v2())
    }

    /// A job action: `POST /?action=…` with `X-API-Version: v2`.
    pub(crate) fn job_action(action: &'static str) -> Operation {
        Operation::new(SERVICE, action, Method::Post)
            .action(action)
            .header("X-API-Version", API_VERSION)
    }

    /// A resource-pool or queue read: `GET /?action=…` with `version: v2`,
    /// signed over `host` only.
    pub(crate) fn pool_action(action: &'static str) -> Operation {
        Operation::versioned_action(SERVICE, action, Method::Get, API_VERSION)
            .signed_headers(&["host"])
    }
}

impl crate::Client {
    /// The v2 (action API) client over the same connection pool and
    /// configuration.
    pub fn v2(&self) -> Client {
        Client {
            inner: self.core().clone(),
        }
    }
}
