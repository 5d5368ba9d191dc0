//! Reading a recorded request (a fixture line's `request` object) and
//! splitting our request's URL the same way, shared by every runner so that
//! all services compare the same fields by the same rules.

use std::collections::BTreeMap;

use serde_json::Value;

/// The recorded headers, names lower-cased (values that are not text read
/// as empty).
pub(crate) fn headers(recorded: &Value) -> BTreeMap<String, String> {
    recorded
        .get("headers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            (
                k.to_ascii_lowercase(),
                v.as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The recorded query pairs (`query_params`, already decoded), in recorded
/// order.
pub(crate) fn query_pairs(recorded: &Value) -> Vec<(String, String)> {
    recorded
        .get("query_params")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some((
                p.get(0)?.as_str()?.to_owned(),
                p.get(1)?.as_str()?.to_owned(),
            ))
        })
        .collect()
}

/// The path and the raw query (without `?`) of a URL.
pub(crate) fn url_parts(url: &str) -> (String, String) {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let path_and_query = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    match path_and_query.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (path_and_query.to_owned(), String::new()),
    }
}

/// The difference in method, if ours is not the recorded one.
pub(crate) fn method_mismatch(ours: &bce_core::HttpRequest, recorded: &Value) -> Option<String> {
    let want = crate::text(recorded, "method");
    (ours.method.as_str() != want).then(|| format!("method {} != {want}", ours.method))
}
