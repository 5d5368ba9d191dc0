//! The AIHC training client.

use bce_core::{Method, Operation};
use serde::{Deserialize, Serialize};

/// Service name used in operations and logs.
pub const SERVICE: &str = "aihc-train";

/// Pools that only work with a queue.
pub(crate) const QUEUE_REQUIRED_POOLS: [&str; 2] = ["aihc-bhcmp", "aihc-serverless"];

/// The `{requestId, result}` envelope of AIHC training answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ApiResponse<T> {
    /// Request id reported by the service.
    #[serde(rename = "requestId", alias = "requestID", alias = "RequestId")]
    pub request_id: String,
    /// The payload.
    pub result: T,
}

bce_core::service_client! {
    /// Client of the AIHC training API. Cheap to clone. The v2 client
    /// ([`crate::v2::Client::new`], [`Client::v2`]) is built the same way.
    pub struct Client;
    regional "aihc";
}

impl Client {
    /// An operation of this service named `name` (the Go SDK method name)
    /// on `path`.
    pub(crate) fn op(name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method).path(path)
    }
}

/// Refuses a special pool without a queue, as the official SDK does.
pub(crate) fn queue_rule(op: Operation, pool: &str, queue: &str) -> Operation {
    op.check(
        !(QUEUE_REQUIRED_POOLS.contains(&pool) && queue.is_empty()),
        "queueID",
        "the aihc-bhcmp and aihc-serverless pools need a queue id",
    )
}
