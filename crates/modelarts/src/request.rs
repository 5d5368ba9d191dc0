//! One ModelArts call, described before anything is sent.
//!
//! Input checks (empty or unsafe path ids, header values with line breaks,
//! bodies that cannot be serialized) are kept in the bce-core operation and
//! reported by the pipeline before signing, so the builders chain.

use bce_core::{Method, Operation};

use crate::client::SERVICE;
use serde::Serialize;

use crate::json::to_python_json;
use crate::sign::trim;

/// Content type of calls without a body (the SDK's choice for GETs).
pub const CONTENT_TYPE_PLAIN: &str = "application/json";
/// Content type of calls with a JSON body (the SDK lower-cases the charset).
pub const CONTENT_TYPE_BODY: &str = "application/json;charset=utf-8";

/// A described call: a bce-core [`Operation`] (name, method, path with
/// checked segments, body, the first input error) plus what ModelArts sends
/// differently: the query in sorted order, the content type before the
/// operation's own headers.
#[derive(Debug)]
pub(crate) struct Request {
    operation: Operation,
    /// Raw query pairs, sorted when the call is sent.
    query: Vec<(String, String)>,
    /// Operation headers (values already trimmed).
    headers: Vec<(String, String)>,
    content_type: &'static str,
}

impl Request {
    pub(crate) fn new(name: &'static str, method: Method) -> Self {
        Request {
            operation: Operation::new(SERVICE, name, method),
            query: Vec::new(),
            headers: Vec::new(),
            content_type: CONTENT_TYPE_PLAIN,
        }
    }

    /// Appends a literal piece of path.
    pub(crate) fn path(mut self, literal: &str) -> Self {
        self.operation = self.operation.path(literal);
        self
    }

    /// Appends `/` and an id as one path segment; the id must be non-empty,
    /// without `/` and not a dot segment ([`Operation::segment`]).
    pub(crate) fn segment(mut self, field: &str, value: &str) -> Self {
        self.operation = self.operation.segment(field, value);
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

    /// Adds the `offset` and `limit` query parameters when set; negative
    /// values are refused (every ModelArts list counts from 0).
    pub(crate) fn offset_limit(self, offset: Option<i64>, limit: Option<i64>) -> Self {
        self.query_opt("offset", offset)
            .query_opt("limit", limit)
            .check(
                offset.map_or(true, |o| o >= 0),
                "offset",
                "must not be negative",
            )
            .check(
                limit.map_or(true, |l| l >= 0),
                "limit",
                "must not be negative",
            )
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
            let clean = !value.chars().any(|c| c.is_control() && c != '\t');
            if clean {
                self.headers.push((name.to_owned(), value.to_owned()));
            }
            self = self.check(
                clean,
                field,
                "must not contain line breaks or control characters",
            );
        }
        self
    }

    /// Sets the JSON body (Python SDK layout) when `body` is `Some`; a call
    /// with a body model always declares the JSON-with-charset content type.
    pub(crate) fn json_body<T: Serialize>(mut self, body: Option<&T>) -> Self {
        self.content_type = CONTENT_TYPE_BODY;
        if let Some(body) = body {
            self.operation = match to_python_json(body) {
                Ok(bytes) => self.operation.raw_body(bytes),
                Err(e) => self.operation.with_error(Some(e)),
            };
        }
        self
    }

    /// Fails with an invalid-input error when `ok` is false.
    pub(crate) fn check(mut self, ok: bool, field: &str, message: &str) -> Self {
        self.operation = self.operation.check(ok, field, message);
        self
    }

    /// The bce-core operation: the query sorted (the order the official
    /// SDK sends), the content type, then the operation headers.
    pub(crate) fn into_operation(self) -> Operation {
        let query = self.sorted_query();
        let mut op = self.operation;
        for (name, value) in query {
            op = op.query(&name, value);
        }
        op = op.header("Content-Type", self.content_type);
        for (name, value) in self.headers {
            op = op.header(&name, value);
        }
        op
    }

    /// Query pairs sorted by name then value: the order the official SDK
    /// sends them in (its wire query is the canonical query).
    pub(crate) fn sorted_query(&self) -> Vec<(String, String)> {
        let mut q = self.query.clone();
        q.sort();
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        let r = Request::new("X", Method::Get).segment("pool_name", "");
        assert!(r
            .operation
            .validation_error()
            .unwrap()
            .to_string()
            .contains("pool_name"));
        let r = Request::new("X", Method::Get).segment("id", "a/b");
        assert!(r.operation.validation_error().is_some());
        let r = Request::new("X", Method::Get).header_opt("X-H", "h", Some("a\r\nX-Evil: 1"));
        assert!(r.operation.validation_error().unwrap().is_invalid_input());
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
