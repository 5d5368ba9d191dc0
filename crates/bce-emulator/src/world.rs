//! Shared request/answer types and the in-memory world of all services.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::{bec, data, deploy, deploy_v2, dev, paddleflow, train, train_v2};

/// One request as the service handlers see it (already authenticated).
#[derive(Debug)]
pub(crate) struct Ctx {
    /// HTTP method, upper case.
    pub method: String,
    /// Decoded path.
    pub path: String,
    /// Decoded query parameters.
    pub query: Vec<(String, String)>,
    /// Headers as received.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
    /// Simulated time, milliseconds since the epoch.
    pub now_ms: i64,
    /// Request id of this answer.
    pub request_id: String,
}

impl Ctx {
    /// A query parameter (exact name).
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter, empty when absent.
    pub fn qs(&self, name: &str) -> &str {
        self.q(name).unwrap_or_default()
    }

    /// A numeric query parameter, `default` when absent, zero or invalid.
    pub fn qn(&self, name: &str, default: i64) -> i64 {
        match self.q(name).and_then(|v| v.trim().parse::<i64>().ok()) {
            Some(n) if n > 0 => n,
            _ => default,
        }
    }

    /// A header value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Path segments after the leading `/`.
    pub fn segments(&self) -> Vec<&str> {
        self.path.trim_start_matches('/').split('/').collect()
    }

    /// Decodes the JSON body (an empty body decodes as `{}`).
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Reply> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|e| {
            Reply::error(
                400,
                "MalformedJSON",
                format!("The JSON body cannot be read: {}", unquoted(&e.to_string())),
            )
        })
    }
}

/// A serde message without the text values it quotes (`invalid type:
/// string "…"`): a value of the caller's body may be a secret, and the
/// emulator never echoes one. Field names (in backticks) stay.
fn unquoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = false;
    let mut escaped = false;
    for c in message.chars() {
        if inside {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                inside = false;
                out.push_str("\"…\"");
            }
            continue;
        }
        if c == '"' {
            inside = true;
        } else {
            out.push(c);
        }
    }
    if inside {
        out.push_str("\"…");
    }
    out
}

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

/// Everything the emulator knows.
#[derive(Debug)]
pub(crate) struct World {
    pub train: train::Train,
    pub deploy: deploy::Deploy,
    pub deploy_v2: deploy_v2::DeployV2,
    pub dev: dev::Dev,
    pub data: data::Data,
    pub bec: bec::Bec,
    pub paddleflow: paddleflow::PaddleFlow,
}

impl World {
    /// A world seeded with a couple of pools and queues at time `now_ms`.
    pub fn new(now_ms: i64) -> Self {
        World {
            train: train::Train::seeded(now_ms),
            deploy: deploy::Deploy::default(),
            deploy_v2: deploy_v2::DeployV2::default(),
            dev: dev::Dev::default(),
            data: data::Data::default(),
            bec: bec::Bec::default(),
            paddleflow: paddleflow::PaddleFlow::seeded(now_ms),
        }
    }

    /// Answers an authenticated request.
    pub fn handle(&mut self, ctx: &Ctx) -> Reply {
        if let Some(r) = train::route(&mut self.train, ctx) {
            return r;
        }
        if let Some(r) = train_v2::route(&mut self.train, ctx) {
            return r;
        }
        if let Some(r) = deploy::route(&mut self.deploy, ctx) {
            return r;
        }
        // Before dev: these answer `/?action=…` too, and dev claims every action.
        if let Some(r) = data::route(&mut self.data, ctx) {
            return r;
        }
        if let Some(r) = deploy_v2::route(&mut self.deploy_v2, ctx) {
            return r;
        }
        if let Some(r) = dev::route(&mut self.dev, ctx) {
            return r;
        }
        if let Some(r) = bec::route(&mut self.bec, ctx) {
            return r;
        }
        Reply::error(
            404,
            "NotFound",
            format!("The emulator has no operation {} {}.", ctx.method, ctx.path),
        )
    }
}

/// Most replicas/instances one resource may have in the emulator.
pub(crate) const MAX_REPLICAS: i64 = 100;

/// A short random id: `prefix` + `len` lowercase letters and digits.
pub(crate) fn new_id(prefix: &str, len: usize) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut id = String::with_capacity(prefix.len() + len);
    id.push_str(prefix);
    for _ in 0..len {
        id.push(char::from(CHARS[fastrand::usize(..CHARS.len())]));
    }
    id
}

/// One page (1-based `page_no`) of `items`.
pub(crate) fn page<T: Clone>(items: &[T], page_no: i64, page_size: i64) -> Vec<T> {
    let size = usize::try_from(page_size.max(1)).unwrap_or(10);
    let start = usize::try_from(page_no.max(1) - 1)
        .unwrap_or(0)
        .saturating_mul(size);
    items.iter().skip(start).take(size).cloned().collect()
}
