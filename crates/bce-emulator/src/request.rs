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

    /// The AIHC OpenAPI v2 action (`?action=…` on `/`) this request names,
    /// when it is one of `actions`; `None` leaves the request to other
    /// services. `Err` holds the answer when the action is called wrongly:
    /// without the `version: v2` header (404 `InvalidVersion`), or with the
    /// wrong method (405: `Describe…` actions read with GET, the others
    /// write with POST).
    pub fn v2_action(&self, actions: &[&str]) -> Option<Result<&str, Reply>> {
        if self.path != "/" {
            return None;
        }
        let action = self.q("action")?;
        if !actions.contains(&action) {
            return None;
        }
        if self.header("version").map(str::trim) != Some("v2") {
            return Some(Err(Reply::error(
                404,
                "InvalidVersion",
                format!("{action} needs the header `version: v2`."),
            )));
        }
        let method = if action.starts_with("Describe") {
            "GET"
        } else {
            "POST"
        };
        if self.method != method {
            return Some(Err(Reply::error(
                405,
                "MethodNotAllowed",
                format!("{action} is not answered for {}.", self.method),
            )));
        }
        Some(Ok(action))
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

#[cfg(test)]
impl Ctx {
    /// A v2 action request on `/` (header `version: v2`) for unit tests of
    /// the service modules; a `null` body is sent as no body.
    pub fn v2_test(
        method: &str,
        query: &[(&str, &str)],
        body: &serde_json::Value,
        now_ms: i64,
    ) -> Ctx {
        Ctx {
            method: method.into(),
            path: "/".into(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: vec![("version".into(), "v2".into())],
            body: if body.is_null() {
                Vec::new()
            } else {
                body.to_string().into_bytes()
            },
            now_ms,
            request_id: "rid".into(),
        }
    }
}
