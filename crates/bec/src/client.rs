//! The BEC client: how an operation is built, sent and decoded.

use bce_core::{
    BceErrorDecoder, Config, Error, ErrorDecoder, HttpResponse, Method, Operation, ServiceError,
};

/// Service name used in operations and logs.
pub const SERVICE: &str = "bec";
/// The one global BEC host.
pub const DEFAULT_ENDPOINT: &str = "bec.baidubce.com";

/// Client of the BEC API. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    inner: bce_core::Client,
}

impl Client {
    /// Builds a client; without an endpoint in `config` it talks to
    /// `bec.baidubce.com` over HTTPS (BEC has no regional hosts). Refused
    /// actions (`{"result": false, …}` in a 200 answer) become service
    /// errors, see [`BecErrorDecoder`].
    pub fn new(config: Config) -> Result<Self, Error> {
        let inner = bce_core::Client::builder(config)
            .default_host(DEFAULT_ENDPOINT)
            .error_decoder(std::sync::Arc::new(BecErrorDecoder))
            .build()?;
        Ok(Client { inner })
    }

    /// An operation of this service named `name` (the Go SDK method name)
    /// on `path`.
    pub(crate) fn op(name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method).path(path)
    }
}

bce_core::service_client!(Client);

/// Turns a client token argument into the `clientToken` query parameter:
/// `None` generates a UUID v4 (once per call; every retry of the call
/// sends the same one), `Some("")` sends none (as the official SDK does
/// for an empty string), anything else is sent as given. A call that
/// carries a token is safe to repeat, so the retry layer may send it again
/// after a network fault.
pub(crate) fn with_client_token(op: Operation, token: Option<&str>) -> Operation {
    let token = match token {
        Some(given) => given.to_owned(),
        None => bce_core::client::random_uuid_v4(),
    };
    if token.is_empty() {
        op
    } else {
        op.query("clientToken", token).idempotent(true)
    }
}

/// BCE's error shape for answers with an error status, plus BEC's refused
/// actions: a 200 answer whose body is the action envelope with
/// `"result": false` (`{"result": false, "action": "...", "details": ...}`)
/// is a [`ServiceError`] with code `ActionRefused`, the HTTP status, and a
/// message naming the action and the details the service gave.
///
/// Other flags inside successful answers (`success` of the node VM list and
/// of private IP changes, per-resource `success`/`error` of batch results)
/// are not documented as failures of the whole call; they stay fields of
/// the answer for the caller to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct BecErrorDecoder;

/// The code of a refused action.
pub const ACTION_REFUSED: &str = "ActionRefused";

impl ErrorDecoder for BecErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        BceErrorDecoder.decode(response)
    }

    fn business_error(&self, response: &HttpResponse) -> Option<ServiceError> {
        // Only bodies that look like an action envelope are inspected: an
        // object with a boolean `result` (page envelopes carry a list there).
        let body: serde_json::Value = serde_json::from_slice(&response.body).ok()?;
        let map = body.as_object()?;
        if map.get("result")? != &serde_json::Value::Bool(false) || !map.contains_key("action") {
            return None;
        }
        let action = map
            .get("action")
            .and_then(bce_core::error::json_text)
            .unwrap_or_default();
        let details = match map.get("details") {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(d) => format!(": {}", bce_core::redact::snippet(d.to_string().as_bytes())),
        };
        // The pipeline adds the request id of the answer's header.
        Some(ServiceError::new(
            response.status,
            ACTION_REFUSED,
            format!("the service refused the action {action:?}{details}"),
        ))
    }
}
