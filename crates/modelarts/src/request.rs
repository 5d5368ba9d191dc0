//! One ModelArts call, described before anything is sent.
//!
//! Input checks (empty or unsafe path ids, header values with line breaks,
//! bodies that cannot be serialized) are kept and reported by the client
//! before signing, so the builders chain.

use bce_core::{Error, Method, Operation};

use crate::client::SERVICE;
use serde::Serialize;

use crate::json::to_python_json;
use crate::sign::trim;

/// Content type of calls without a body (the SDK's choice for GETs).
pub const CONTENT_TYPE_PLAIN: &str = "application/json";
/// Content type of calls with a JSON body (the SDK lower-cases the charset).
pub const CONTENT_TYPE_BODY: &str = "application/json;charset=utf-8";

/// A described call.
#[derive(Debug)]
pub(crate) struct Request {
    /// Operation name, e.g. `ShowPool`.
    pub(crate) name: &'static str,
    pub(crate) method: Method,
    /// Raw (unencoded) path.
    pub(crate) path: String,
    /// Raw query pairs.
    pub(crate) query: Vec<(String, String)>,
    /// Operation headers (values already trimmed).
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) content_type: &'static str,
    pub(crate) error: Option<Error>,
}

impl Request {
    pub(crate) fn new(name: &'static str, method: Method) -> Self {
        Request {
            name,
            method,
            path: String::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            content_type: CONTENT_TYPE_PLAIN,
            error: None,
        }
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(Error::invalid_input(field, message));
        }
    }

    /// Appends a literal piece of path.
    pub(crate) fn path(mut self, literal: &str) -> Self {
        self.path.push_str(literal);
        self
    }

    /// Appends `/` and an id as one path segment; the id must be non-empty,
    /// without `/` and not a dot segment.
    pub(crate) fn segment(mut self, field: &str, value: &str) -> Self {
        if let Some(problem) = segment_problem(value) {
            self.fail(field, problem);
        }
        self.path.push('/');
        self.path.push_str(value);
        self
    }

    /// Adds a query parameter (an empty string is sent as `name=`).
    pub(crate) fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    /// Adds a query parameter when `value` is `Some`.
    pub(crate) fn query_opt<T: ToString>(self, name: &str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Adds one `name=item` pair per item (nothing for an empty list).
    pub(crate) fn query_list(mut self, name: &str, items: &[String]) -> Self {
        for item in items {
            self.query.push((name.to_owned(), item.clone()));
        }
        self
    }

    /// Adds a header when `value` is `Some`: trimmed like the official SDK
    /// does; line breaks and other control characters are refused.
    pub(crate) fn header_opt(mut self, name: &str, field: &str, value: Option<&str>) -> Self {
        if let Some(value) = value {
            let value = trim(value);
            if value.chars().any(|c| c.is_control() && c != '\t') {
                self.fail(field, "must not contain line breaks or control characters");
            } else {
                self.headers.push((name.to_owned(), value.to_owned()));
            }
        }
        self
    }

    /// Sets the JSON body (Python SDK layout) when `body` is `Some`; a call
    /// with a body model always declares the JSON-with-charset content type.
    pub(crate) fn json_body<T: Serialize>(mut self, body: Option<&T>) -> Self {
        self.content_type = CONTENT_TYPE_BODY;
        if let Some(body) = body {
            match to_python_json(body) {
                Ok(bytes) => self.body = Some(bytes),
                Err(e) => self.fail("body", e.to_string()),
            }
        }
        self
    }

    /// Fails with an invalid-input error when `ok` is false.
    pub(crate) fn check(mut self, ok: bool, field: &str, message: &str) -> Self {
        if !ok {
            self.fail(field, message);
        }
        self
    }

    /// The bce-core operation: the raw path, the query sorted (the order
    /// the official SDK sends), the content type and operation headers, the
    /// body, and the first input error.
    pub(crate) fn into_operation(self) -> Operation {
        let mut op = Operation::new(SERVICE, self.name, self.method).path(&self.path);
        for (name, value) in self.sorted_query() {
            op = op.query(&name, value);
        }
        op = op.header("Content-Type", self.content_type);
        for (name, value) in self.headers {
            op = op.header(&name, value);
        }
        if let Some(body) = self.body {
            op = op.raw_body(body);
        }
        op.with_error(self.error)
    }

    /// Query pairs sorted by name then value: the order the official SDK
    /// sends them in (its wire query is the canonical query).
    pub(crate) fn sorted_query(&self) -> Vec<(String, String)> {
        let mut q = self.query.clone();
        q.sort();
        q
    }
}

/// Why `value` cannot be a path segment, if it cannot.
pub(crate) fn segment_problem(value: &str) -> Option<&'static str> {
    if value.is_empty() {
        Some("must not be empty")
    } else if value.contains('/') {
        Some("must not contain '/'")
    } else if value == "." || value == ".." {
        Some("must not be a dot segment")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        let r = Request::new("X", Method::Get).segment("pool_name", "");
        assert!(r.error.unwrap().to_string().contains("pool_name"));
        let r = Request::new("X", Method::Get).segment("id", "a/b");
        assert!(r.error.is_some());
        let r = Request::new("X", Method::Get).header_opt("X-H", "h", Some("a\r\nX-Evil: 1"));
        assert!(r.error.unwrap().is_invalid_input());
        let r = Request::new("X", Method::Get).header_opt("X-H", "h", Some("\u{3000} v \u{1f}"));
        assert_eq!(r.headers, [("X-H".to_string(), "v".to_string())]);
        let r = Request::new("X", Method::Get)
            .query("b", "")
            .query_list("a", &["z".into(), "y".into()])
            .query_opt::<i32>("c", None);
        assert_eq!(
            r.sorted_query(),
            [
                ("a".into(), "y".into()),
                ("a".into(), "z".into()),
                ("b".into(), String::new())
            ]
        );
    }
}
