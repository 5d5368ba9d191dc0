//! The answer a service handler returns, and the paging every list answer shares.

use serde::Serialize;
use serde_json::{json, Value};

/// An answer: status and JSON body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reply {
    /// HTTP status.
    pub status: u16,
    /// JSON body (errors get `requestId` filled in by the server).
    pub body: Value,
}

impl Reply {
    /// 200 with a serialized body.
    pub fn ok(body: impl Serialize) -> Reply {
        Reply {
            status: 200,
            body: serde_json::to_value(body).unwrap_or(Value::Null),
        }
    }

    /// An error answer in the service's shape.
    pub fn error(status: u16, code: &str, message: impl Into<String>) -> Reply {
        Reply {
            status,
            body: json!({"code": code, "message": message.into()}),
        }
    }

    /// 404 for a missing resource.
    pub fn not_found(kind: &str, id: &str) -> Reply {
        Reply::error(
            404,
            "NotFound",
            format!("The {kind} '{id}' does not exist."),
        )
    }

    /// 400 for a bad argument.
    pub fn bad_request(message: impl Into<String>) -> Reply {
        Reply::error(400, "InvalidParameter", message)
    }
}

/// One page (1-based `page_no`) of `items`.
pub(crate) fn page<T: Clone>(items: &[T], page_no: i64, page_size: i64) -> Vec<T> {
    let size = usize::try_from(page_size.max(1)).unwrap_or(10);
    let start = usize::try_from(page_no.max(1) - 1)
        .unwrap_or(0)
        .saturating_mul(size);
    items.iter().skip(start).take(size).cloned().collect()
}
