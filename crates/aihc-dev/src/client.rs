//! The dev machine client.

use std::sync::Arc;

use bce_core::{
    BceErrorDecoder, Config, Error, ErrorDecoder, HttpResponse, Method, Operation, ServiceError,
};

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
            inner: bce_core::Client::builder(config)
                .default_host(host)
                .error_decoder(Arc::new(DevErrorDecoder))
                .build()?,
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
        let serde_json::Value::Object(body) =
            serde_json::from_slice::<serde_json::Value>(&response.body).ok()?
        else {
            return None;
        };
        let code = body.get("code").and_then(bce_core::error::json_text)?;
        let code = code.trim();
        let success = ["", "0", "200", "success", "ok"]
            .iter()
            .any(|s| code.eq_ignore_ascii_case(s));
        if success {
            return None;
        }
        let message = body
            .get("message")
            .and_then(bce_core::error::json_text)
            .unwrap_or_default();
        let request_id = body
            .get("requestId")
            .and_then(bce_core::error::json_text)
            .or_else(|| {
                response
                    .header(bce_core::sign::REQUEST_ID_HEADER)
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        Some(ServiceError::new(response.status, code, message).with_request_id(request_id))
    }
}
