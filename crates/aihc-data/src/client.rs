//! The dataset and model client.

use bce_core::{Config, Error, Method, Operation};
use serde::de::DeserializeOwned;

/// Service name used in operations, errors and logs.
pub const SERVICE: &str = "aihc-data";

/// Client of the AIHC OpenAPI v2 dataset and model operations. Cheap to
/// clone (the connection pool is shared).
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
            inner: bce_core::Client::builder(config)
                .default_host(host)
                .build()?,
        })
    }

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    /// An action-style operation: `/` with `action=…` and the `version: v2`
    /// header. Reads are GET (retried), writes POST (not retried unless
    /// marked).
    pub(crate) fn action(action: &'static str, method: Method) -> Operation {
        Operation::new(SERVICE, action, method)
            .path("/")
            .query("action", action)
            .header("version", "v2")
    }

    /// Runs an operation whose answer is `{requestId}` at most; an empty
    /// body is accepted, the request id then comes from the response header.
    pub(crate) async fn send_ack<T: DeserializeOwned + Default + AckRequestId>(
        &self,
        op: Operation,
    ) -> Result<T, Error> {
        let context = bce_core::CallContext {
            service: op.service(),
            operation: op.name(),
        };
        let response = self.inner.send_raw(op).await?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            let mut answer = T::default();
            if let Some(id) = response.header(bce_core::sign::REQUEST_ID_HEADER) {
                answer.set_request_id(id);
            }
            return Ok(answer);
        }
        bce_core::client::decode_json(&response).map_err(|e| e.with_context(context))
    }
}

/// Answers that carry a request id (filled from the response header when the
/// body is empty).
pub(crate) trait AckRequestId {
    fn set_request_id(&mut self, id: &str);
}
