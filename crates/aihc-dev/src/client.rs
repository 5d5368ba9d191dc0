//! The dev machine client: how an operation is built, sent and decoded.

use std::sync::Arc;

use bce_core::{
    BceErrorDecoder, Config, Error, ErrorDecoder, HttpResponse, Method, Operation, ServiceError,
};

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-dev";

bce_core::service_client! {
    /// Client of the AIHC dev machine API. Cheap to clone.
    pub struct Client;
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `aihc.{region}.baidubce.com` over HTTPS (the official SDK refuses an
    /// empty endpoint instead).
    pub fn new(config: Config) -> Result<Self, Error> {
        let inner = bce_core::Client::regional(config, "aihc")
            .error_decoder(Arc::new(DevErrorDecoder))
            .build()?;
        Ok(Client { inner })
    }

    /// An operation of this service named `name` (the Go SDK method name):
    /// the action-style call `/?action={action}` with the unsigned
    /// `version: v2` header.
    pub(crate) fn op(name: &'static str, method: Method, action: &str) -> Operation {
        Operation::new(SERVICE, name, method)
            .action(action)
            .header("version", "v2")
    }
}

/// Error decoding of the dev machine API: BCE's shape for error statuses,
/// and the business error the service reports inside a 200 answer (every
/// result carries `code` and `message`; the official SDKs leave them to the
/// caller). A 200 answer is a failure when its `code` is set and is not a
/// success marker (`0`, `200`, `success`, `ok`).
#[derive(Debug, Clone, Copy, Default)]
pub struct DevErrorDecoder;

impl ErrorDecoder for DevErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        BceErrorDecoder.decode(response)
    }

    fn business_error(&self, response: &HttpResponse) -> Option<ServiceError> {
        bce_core::error::envelope_business_error(response)
    }
}
