//! App load balancers (v2): listeners, IP groups, policies.

use bce_core::Config;
use serde_json::Value;

use crate::CallFuture;

/// Operations this part maps.
pub const OPS: &[&str] = &[];

/// Maps one Go call of this part.
pub fn call(_config: Config, _op: &str, _input: &Value) -> Option<CallFuture> {
    None
}
