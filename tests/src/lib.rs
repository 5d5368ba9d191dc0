//! Conformance harness: replays the requests recorded from the official Go
//! SDK (`tests/fixtures/wire/<service>.jsonl`) through our clients and compares what
//! would go on the wire.
//!
//! Each service provides a [`Driver`] that maps a fixture line (Go method
//! name and Go input JSON) to a call of our client. The harness builds the
//! client with the recording settings (keys `ak-test`/`sk-test`, endpoint
//! `http://127.0.0.1:18471`, clock fixed at 1700000000, expiry 1800, no
//! retries) and an in-process recording transport, then compares method,
//! path, query pairs, body, signed headers and `Authorization`.
#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use bce_core::{Config, Credentials, Error, FixedClock, HttpRequest, RetryPolicy, SignOptions};
use bce_testkit::RecordingTransport;
use serde::Deserialize;
use serde_json::Value;

/// The future a driver returns for one call.
pub type CallFuture = Pin<Box<dyn Future<Output = Result<(), Error>> + Send>>;

/// Maps fixture lines of one service to calls of our client.
pub trait Driver: Sync {
    /// Service name, as in the fixture file name (`aihc-train`, …).
    fn service(&self) -> &'static str;
    /// Calls our client for Go method `op` with the Go `input`; `None` when
    /// the driver does not know the operation.
    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture>;
    /// Whether the driver implements `op` yet. Lines of operations it does
    /// not cover are counted and reported, not run (for services that land
    /// in parts); by default every operation is covered.
    fn covers(&self, _op: &str) -> bool {
        true
    }
    /// How recorded requests are compared (byte-exact by default).
    fn compare_mode(&self) -> Compare {
        Compare::Exact
    }
    /// Calls our client for one fixture line. The default passes the line's
    /// `op` and `input` to [`Driver::call`]; drivers of files recorded from
    /// several SDKs (field `sdk`) override it to map each SDK's input.
    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        self.call(config, &case.op, &case.input)
    }
}

/// How a recorded request is compared with ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Byte for byte: body, every signed header, `Authorization` (one
    /// official SDK, reproduced exactly).
    Exact,
    /// By meaning (files recorded from two SDKs that differ, e.g. AIHC
    /// OpenAPI v2): method, path, query multiset (booleans compared without
    /// case), the version header, the body as parsed JSON (an absent key and
    /// `null` are equal), and a signature that verifies over what our request
    /// signs; `Authorization` byte equality only where both sign the same
    /// header set with the same values.
    Meaning,
}

/// One fixture line.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Service name.
    pub service: String,
    /// Go method name.
    pub op: String,
    /// Case name.
    pub case: String,
    /// Go arguments.
    #[serde(default)]
    pub input: Value,
    /// The recorded request, if one was sent.
    #[serde(default)]
    pub request: Option<Value>,
    /// The Go SDK's client-side error, if it refused the input.
    #[serde(default)]
    pub client_error: Option<String>,
    /// The Go SDK's panic message, if it crashed.
    #[serde(default)]
    pub panic: Option<String>,
    /// Which SDK recorded the line (`python-0.9.79`, `go-0.9.273`), for
    /// files recorded from several.
    #[serde(default)]
    pub sdk: Option<String>,
}

impl Case {
    /// Whether the line was recorded from the official Python SDK.
    pub fn is_python(&self) -> bool {
        self.sdk.as_deref().is_some_and(|s| s.starts_with("python"))
    }
}

/// A deliberate difference from the Go SDK.
#[derive(Debug, Clone, Deserialize)]
pub struct Deviation {
    /// Service name.
    pub service: String,
    /// Go method name.
    pub op: String,
    /// Case name.
    pub case: String,
    /// Why we differ.
    pub reason: String,
    /// The SDK whose line this is (prefix of the line's `sdk`, e.g.
    /// `python` or `go`); `None` matches every SDK.
    #[serde(default)]
    pub sdk: Option<String>,
    /// What we do instead: `invalid_input` (we refuse the input, nothing is
    /// sent) or `differs` (we send a different request).
    #[serde(default = "default_expect")]
    pub expect: String,
    /// For `differs`: query names we send instead of the recorded ones
    /// (recorded name → ours). The query is then checked with the names
    /// swapped; everything signed depends on the query, so nothing else is.
    #[serde(default)]
    pub rename_query: BTreeMap<String, String>,
    /// For `differs`: top-level body keys we send as JSON text where the
    /// recorded line has numbers (e.g. fields the API reference types as
    /// String). The line is then compared as usual, with those recorded
    /// numbers written as text.
    #[serde(default)]
    pub body_as_strings: Vec<String>,
}

fn default_expect() -> String {
    "invalid_input".into()
}

/// Counts of one service's run.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Lines compared.
    pub compared: usize,
    /// Lines covered by a listed deviation.
    pub deviations: usize,
    /// Lines that failed.
    pub failed: usize,
    /// One message per failed line.
    pub failures: Vec<String>,
}

/// The fixture directory: `BCE_WIRE_FIXTURES`, else the copies kept in the
/// repository (`tests/fixtures/wire`).
pub fn fixture_dir() -> PathBuf {
    match std::env::var_os("BCE_WIRE_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/wire"),
    }
}

/// The deviations listed in `tests/deviations.json` and in every
/// `tests/deviations.d/*.json` (one file per area, so that parts of a
/// service can list theirs without touching one shared file).
pub fn deviations() -> Vec<Deviation> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("deviations.json")];
    if let Ok(dir) = std::fs::read_dir(root.join("deviations.d")) {
        let mut extra: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        extra.sort();
        files.extend(extra);
    }
    let mut all = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let list: Vec<Deviation> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad {}: {e}", path.display()));
        all.extend(list);
    }
    all
}

/// Loads the cases of one service.
pub fn load(service: &str) -> Vec<Case> {
    let path = fixture_dir().join(format!("{service}.jsonl"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("bad line in {}: {e}", path.display()))
        })
        .collect()
}

/// The recording configuration for one case.
pub fn recording_config(transport: &RecordingTransport, token: Option<&str>) -> Config {
    let creds = match token {
        Some(t) => Credentials::with_session_token("ak-test", "sk-test", t),
        None => Credentials::new("ak-test", "sk-test"),
    }
    .unwrap_or_else(|e| panic!("{e}"));
    Config::builder()
        .credentials(creds)
        .endpoint("http://127.0.0.1:18471")
        .clock(Arc::new(FixedClock(1_700_000_000)))
        .sign_options(SignOptions::default().with_expiration_seconds(1800))
        .retry(RetryPolicy::none())
        .transport(Arc::new(transport.clone()))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn url_parts(url: &str) -> (String, String) {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let path_and_query = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    match path_and_query.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (path_and_query.to_owned(), String::new()),
    }
}

fn query_pairs(query: &str) -> Vec<(String, String)> {
    let mut pairs = bce_testkit::decode_query(query);
    pairs.sort();
    pairs
}

/// Compares our request with the recorded one; returns what differs.
pub fn compare(ours: &HttpRequest, recorded: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let text = |key: &str| {
        recorded
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if ours.method.as_str() != text("method") {
        diffs.push(format!("method {} != {}", ours.method, text("method")));
    }
    let (path, query) = url_parts(&ours.url);
    if path != text("path") {
        diffs.push(format!("path {path} != {}", text("path")));
    }
    let want_pairs: Vec<(String, String)> = {
        let mut v = recorded_query(recorded);
        v.sort();
        v
    };
    let got_pairs = query_pairs(&query);
    if got_pairs != want_pairs {
        diffs.push(format!("query {got_pairs:?} != {want_pairs:?}"));
    }
    let body_raw = text("body_raw");
    let ours_body = String::from_utf8_lossy(&ours.body).into_owned();
    if body_raw.contains(['<', '>', '&']) {
        let a: Option<Value> = serde_json::from_str(&ours_body).ok();
        let b: Option<Value> = serde_json::from_str(&body_raw).ok();
        if a != b || a.is_none() {
            diffs.push(format!("body (as JSON) {ours_body} != {body_raw}"));
        }
    } else if ours_body != body_raw {
        diffs.push(format!("body {ours_body} != {body_raw}"));
    }
    let headers: BTreeMap<String, String> = recorded
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
        .collect();
    let auth = headers.get("authorization").cloned().unwrap_or_default();
    let signed: Vec<String> = auth
        .split('/')
        .nth(4)
        .unwrap_or_default()
        .split(';')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut checked: Vec<String> = signed.clone();
    checked.extend(["authorization", "x-region", "version"].map(String::from));
    for name in checked {
        let want = headers.get(&name);
        let got = ours.header(&name).map(str::to_owned);
        let got_effective = match (&name[..], &got) {
            // The HTTP stack writes a body-less POST/PUT's `Content-Length: 0`.
            ("content-length", None) if ours.body.is_empty() => Some("0".to_owned()),
            _ => got,
        };
        if want.cloned() != got_effective
            && !(want.is_none() && got_effective.as_deref() == Some("0"))
        {
            diffs.push(format!("header {name}: {got_effective:?} != {want:?}"));
        }
    }
    if let Some(rid) = ours.header("x-bce-request-id") {
        if rid.len() != 36 || rid.as_bytes().get(14) != Some(&b'4') {
            diffs.push(format!("x-bce-request-id is not a UUID v4: {rid}"));
        }
    }
    diffs
}

/// Compares our request with one recorded from either of two SDKs that
/// differ in form (see [`Compare::Meaning`]); returns what differs.
pub fn compare_by_meaning(ours: &HttpRequest, recorded: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let text = |key: &str| {
        recorded
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if ours.method.as_str() != text("method") {
        diffs.push(format!("method {} != {}", ours.method, text("method")));
    }
    let (path, query) = url_parts(&ours.url);
    if path != text("path") {
        diffs.push(format!("path {path} != {}", text("path")));
    }
    let fold = |pairs: Vec<(String, String)>| {
        let mut v: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| match v.as_str() {
                "True" | "False" => (k, v.to_ascii_lowercase()),
                _ => (k, v),
            })
            .collect();
        v.sort();
        v
    };
    let want_pairs = fold(recorded_query(recorded));
    let got_pairs = fold(query_pairs(&query));
    if got_pairs != want_pairs {
        diffs.push(format!("query {got_pairs:?} != {want_pairs:?}"));
    }
    let headers: BTreeMap<String, String> = recorded
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
        .collect();
    for name in ["version", "x-api-version", "x-region"] {
        let want = headers.get(name).cloned();
        let got = ours.header(name).map(str::to_owned);
        if want != got {
            diffs.push(format!("header {name}: {got:?} != {want:?}"));
        }
    }
    let ours_body: Option<Value> = if ours.body.is_empty() {
        None
    } else {
        match serde_json::from_slice(&ours.body) {
            Ok(v) => Some(v),
            Err(e) => {
                diffs.push(format!("our body is not JSON: {e}"));
                None
            }
        }
    };
    let want_body: Option<Value> = match text("body_raw").as_str() {
        "" => None,
        raw => serde_json::from_str(raw).ok(),
    };
    if ours_body.map(without_nulls) != want_body.map(without_nulls) {
        diffs.push(format!(
            "body (as JSON) {} != {}",
            String::from_utf8_lossy(&ours.body),
            text("body_raw")
        ));
    }
    // Our signature must verify over the headers it lists.
    let our_headers: Vec<(String, String)> = ours.headers.clone();
    let creds = match ours.header("x-bce-security-token") {
        Some(t) => Credentials::with_session_token("ak-test", "sk-test", t),
        None => Credentials::new("ak-test", "sk-test"),
    }
    .unwrap_or_else(|e| panic!("{e}"));
    let raw_query = (!query.is_empty()).then_some(query.as_str());
    if let Err(e) =
        bce_testkit::verify_parts(ours.method.as_str(), &path, raw_query, &our_headers, &creds)
    {
        diffs.push(format!("our signature does not verify: {e}"));
    }
    // Byte equality only where both sign the same headers with the same values.
    let recorded_auth = headers.get("authorization").cloned().unwrap_or_default();
    let ours_auth = ours.header("authorization").unwrap_or_default();
    let signed_of = |auth: &str| auth.split('/').nth(4).unwrap_or_default().to_owned();
    let same_set = !signed_of(&recorded_auth).is_empty()
        && signed_of(&recorded_auth) == signed_of(ours_auth)
        && signed_of(ours_auth)
            .split(';')
            .all(|h| headers.get(h).map(String::as_str) == ours.header(h));
    if same_set && recorded_auth != ours_auth {
        diffs.push(format!(
            "authorization differs over the same signed headers: {ours_auth} != {recorded_auth}"
        ));
    }
    diffs
}

/// Drops `null` members of objects (recursively): an absent key and `null`
/// mean the same to the services.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// The recorded request with the numbers at these top-level body keys
/// written as JSON text (`body` and `body_raw`).
fn stringify_body(recorded: &Value, keys: &[String]) -> Value {
    let mut adjusted = recorded.clone();
    let raw = recorded
        .get("body_raw")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if let Ok(Value::Object(mut body)) = serde_json::from_str::<Value>(raw) {
        for key in keys {
            if let Some(Value::Number(n)) = body.get(key) {
                let text = Value::String(n.to_string());
                body.insert(key.clone(), text);
            }
        }
        let body = Value::Object(body);
        adjusted["body_raw"] = Value::String(body.to_string());
        adjusted["body"] = body;
    }
    adjusted
}

/// The recorded query pairs, in recorded order.
fn recorded_query(recorded: &Value) -> Vec<(String, String)> {
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

/// Runs every line of `<dir>/<service>.jsonl` through `driver`.
pub fn run_service(driver: &dyn Driver) -> Summary {
    let service = driver.service();
    let cases = load(service);
    let deviations = deviations();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut summary = Summary::default();
    let mut skipped_ops = std::collections::BTreeSet::new();
    for case in &cases {
        if !driver.covers(&case.op) {
            skipped_ops.insert(case.op.clone());
            continue;
        }
        let id = match &case.sdk {
            Some(sdk) => format!("{}/{} [{sdk}]", case.op, case.case),
            None => format!("{}/{}", case.op, case.case),
        };
        let token = case
            .request
            .as_ref()
            .and_then(|r| r.get("headers"))
            .and_then(|h| h.get("x-bce-security-token"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let transport = RecordingTransport::new();
        let config = recording_config(&transport, token.as_deref());
        let Some(call) = driver.call_case(config, case) else {
            summary.failed += 1;
            summary
                .failures
                .push(format!("{id}: operation not implemented by the driver"));
            continue;
        };
        let result = runtime.block_on(call);
        let requests = transport.requests();
        let deviation = deviations.iter().find(|d| {
            d.service == service
                && d.op == case.op
                && d.case == case.case
                && d.sdk.as_deref().map_or(true, |p| {
                    case.sdk.as_deref().is_some_and(|s| s.starts_with(p))
                })
        });
        if let Some(d) = deviation {
            summary.deviations += 1;
            let mut detail: Vec<String> = Vec::new();
            let ok = match d.expect.as_str() {
                "invalid_input" => {
                    matches!(&result, Err(e) if e.is_invalid_input()) && requests.is_empty()
                }
                _ if !d.body_as_strings.is_empty() => match (requests.as_slice(), &case.request) {
                    ([one], Some(recorded)) => {
                        let adjusted = stringify_body(recorded, &d.body_as_strings);
                        let problems = match driver.compare_mode() {
                            Compare::Exact => compare(one, &adjusted),
                            Compare::Meaning => compare_by_meaning(one, &adjusted),
                        };
                        detail = problems;
                        detail.is_empty()
                    }
                    _ => false,
                },
                _ if !d.rename_query.is_empty() => match (requests.as_slice(), &case.request) {
                    ([one], Some(recorded)) => {
                        let mut want = recorded_query(recorded);
                        for pair in &mut want {
                            if let Some(ours) = d.rename_query.get(&pair.0) {
                                pair.0.clone_from(ours);
                            }
                        }
                        want.sort();
                        query_pairs(&url_parts(&one.url).1) == want
                    }
                    _ => false,
                },
                _ => true,
            };
            if !ok {
                summary.failed += 1;
                summary.failures.push(format!(
                    "{id}: listed deviation ({}) did not happen: {result:?} {}",
                    d.expect,
                    detail.join("; ")
                ));
            }
            continue;
        }
        summary.compared += 1;
        let problems: Vec<String> = match (&case.request, &case.client_error, &case.panic) {
            (Some(recorded), _, _) => match requests.as_slice() {
                [one] => match driver.compare_mode() {
                    Compare::Exact => compare(one, recorded),
                    Compare::Meaning => compare_by_meaning(one, recorded),
                },
                other => vec![format!(
                    "expected one request, got {} (result {result:?})",
                    other.len()
                )],
            },
            (None, Some(_), _) | (None, None, Some(_)) => {
                let mut p = Vec::new();
                if !matches!(&result, Err(e) if e.is_invalid_input()) {
                    p.push(format!("expected an invalid-input error, got {result:?}"));
                }
                if !requests.is_empty() {
                    p.push(format!("{} request(s) sent for bad input", requests.len()));
                }
                p
            }
            (None, None, None) => vec!["fixture line has neither request nor error".into()],
        };
        if !problems.is_empty() {
            summary.failed += 1;
            summary
                .failures
                .push(format!("{id}: {}", problems.join("; ")));
        }
    }
    println!(
        "wire fixtures {service}: {} compared, {} deviations, {} failed",
        summary.compared, summary.deviations, summary.failed
    );
    if !skipped_ops.is_empty() {
        let all: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.op.as_str()).collect();
        println!(
            "  ({} of {} {service} operations covered so far; not yet covered: {})",
            all.len() - skipped_ops.len(),
            all.len(),
            skipped_ops.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    for f in &summary.failures {
        println!("  FAIL {f}");
    }
    summary
}

/// Deserializes a Go argument, treating a missing key as `null`.
pub fn arg<T: serde::de::DeserializeOwned>(input: &Value, name: &str) -> Result<T, Error> {
    serde_json::from_value(input.get(name).cloned().unwrap_or(Value::Null))
        .map_err(|e| Error::invalid_input(name, format!("cannot map the Go argument: {e}")))
}

/// Boxes a call future.
pub fn boxed<F>(f: F) -> Option<CallFuture>
where
    F: Future<Output = Result<(), Error>> + Send + 'static,
{
    Some(Box::pin(f))
}

/// Deserializes a required Go argument: `null` (a nil pointer in Go, which
/// our typed API cannot express) becomes an invalid-input error.
pub fn required<T: serde::de::DeserializeOwned>(input: &Value, name: &str) -> Result<T, Error> {
    match input.get(name) {
        None | Some(Value::Null) => Err(Error::invalid_input(name, "is required")),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| Error::invalid_input(name, format!("cannot map the Go argument: {e}"))),
    }
}

pub mod aihc_deploy;
pub mod aihc_dev;
pub mod aihc_train;
pub mod aihc_v2_data;
pub mod aihc_v2_deploy;
pub mod aihc_v2_dev;
pub mod aihc_v2_train;
pub mod bec;
pub mod modelarts;
pub mod paddleflow;
