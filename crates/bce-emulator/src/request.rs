//! The request context every service handler receives.

use serde::de::DeserializeOwned;

use crate::reply::Reply;

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
