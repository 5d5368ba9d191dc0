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
use recorded::url_parts;
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
    ///
    /// Drivers that override [`Driver::call_case`] need not implement it.
    fn call(&self, _config: Config, _op: &str, _input: &Value) -> Option<CallFuture> {
        None
    }
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

impl Summary {
    /// Counts line `id` as failed with `problem`.
    pub fn fail(&mut self, id: &str, problem: &str) {
        self.failed += 1;
        self.failures.push(format!("{id}: {problem}"));
    }

    /// Counts line `id` as failed when its comparison found `problems`.
    pub fn check(&mut self, id: &str, problems: &[String]) {
        if !problems.is_empty() {
            self.fail(id, &problems.join("; "));
        }
    }

    /// Prints the counts line the fixture test's readers grep for:
    /// `wire fixtures <name>: N compared, D deviations, F failed`.
    pub fn print_counts(&self, name: &str) {
        println!(
            "wire fixtures {name}: {} compared, {} deviations, {} failed",
            self.compared, self.deviations, self.failed
        );
    }

    /// Prints one `FAIL` line per failed line.
    pub fn print_failures(&self) {
        for f in &self.failures {
            println!("  FAIL {f}");
        }
    }
}

/// The single-threaded runtime the runners replay calls on.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
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

fn query_pairs(query: &str) -> Vec<(String, String)> {
    let mut pairs = bce_testkit::decode_query(query);
    pairs.sort();
    pairs
}

/// Compares our request with the recorded one; returns what differs.
pub fn compare(ours: &HttpRequest, recorded: &Value) -> Vec<String> {
    let (mut diffs, _path, query) = method_and_path(ours, recorded);
    let want_pairs: Vec<(String, String)> = {
        let mut v = recorded::query_pairs(recorded);
        v.sort();
        v
    };
    let got_pairs = query_pairs(&query);
    if got_pairs != want_pairs {
        diffs.push(format!("query {got_pairs:?} != {want_pairs:?}"));
    }
    let body_raw = text(recorded, "body_raw");
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
    let headers = recorded::headers(recorded);
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
    let (mut diffs, path, query) = method_and_path(ours, recorded);
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
    let want_pairs = fold(recorded::query_pairs(recorded));
    let got_pairs = fold(query_pairs(&query));
    if got_pairs != want_pairs {
        diffs.push(format!("query {got_pairs:?} != {want_pairs:?}"));
    }
    let headers = recorded::headers(recorded);
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
    let want_body: Option<Value> = match text(recorded, "body_raw").as_str() {
        "" => None,
        raw => serde_json::from_str(raw).ok(),
    };
    if ours_body.map(without_nulls) != want_body.map(without_nulls) {
        diffs.push(format!(
            "body (as JSON) {} != {}",
            String::from_utf8_lossy(&ours.body),
            text(recorded, "body_raw")
        ));
    }
    // Our signature must verify over the headers it lists.
    let our_headers: Vec<(String, String)> = ours
        .headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
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

/// The differences in method and path between ours and the recorded
/// request (both services compare these exactly), with our path and raw
/// query for the checks that follow.
fn method_and_path(ours: &HttpRequest, recorded: &Value) -> (Vec<String>, String, String) {
    let mut diffs: Vec<String> = recorded::method_mismatch(ours, recorded)
        .into_iter()
        .collect();
    let (path, query) = url_parts(&ours.url);
    let want_path = text(recorded, "path");
    if path != want_path {
        diffs.push(format!("path {path} != {want_path}"));
    }
    (diffs, path, query)
}

/// Runs every line of `<dir>/<service>.jsonl` through `driver`.
pub fn run_service(driver: &dyn Driver) -> Summary {
    let service = driver.service();
    let cases = load(service);
    let deviations = deviations();
    let runtime = runtime();
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
            summary.fail(&id, "operation not implemented by the driver");
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
                        let mut want = recorded::query_pairs(recorded);
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
                summary.fail(
                    &id,
                    &format!(
                        "listed deviation ({}) did not happen: {result:?} {}",
                        d.expect,
                        detail.join("; ")
                    ),
                );
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
        summary.check(&id, &problems);
    }
    summary.print_counts(service);
    if !skipped_ops.is_empty() {
        let all: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.op.as_str()).collect();
        println!(
            "  ({} of {} {service} operations covered so far; not yet covered: {})",
            all.len() - skipped_ops.len(),
            all.len(),
            skipped_ops.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    summary.print_failures();
    summary
}

/// Deserializes a Go argument, treating a missing key as `null`.
pub fn arg<T: serde::de::DeserializeOwned>(input: &Value, name: &str) -> Result<T, Error> {
    serde_json::from_value(input.get(name).cloned().unwrap_or(Value::Null))
        .map_err(|e| Error::invalid_input(name, format!("cannot map the Go argument: {e}")))
}

/// A text member of a JSON object (a recorded request or a call's
/// arguments), empty when absent or not text.
pub fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The call future of a driver arm: builds a `$client` from `$config`, runs
/// `$body` (a future using the client bound to `$c`) and drops its answer.
///
/// ```ignore
/// with_client!(aihc_dev::Client, config, |c| c.describe_dev_instances(&request))
/// ```
#[macro_export]
macro_rules! with_client {
    ($client:ty, $config:expr, |$c:ident| $body:expr) => {
        $crate::boxed(async move {
            let $c = <$client>::new($config)?;
            $body.await.map(|_| ())
        })
    };
}

/// The drivers of every bce-auth-v1 service, in the order the fixture test
/// reports them: the table of calls the wire fixtures and the redaction
/// test walk (PaddleFlow and ModelArts sign differently and run apart).
pub fn bce_drivers() -> Vec<Box<dyn Driver>> {
    vec![
        Box::new(aihc_train::TrainDriver),
        Box::new(aihc_deploy::DeployDriver),
        Box::new(aihc_dev::DevDriver),
        Box::new(aihc_v2_data::DataDriver),
        Box::new(aihc_v2_dev::DevV2Driver),
        Box::new(bec::BecDriver),
        Box::new(aihc_v2_train::TrainV2Driver),
        Box::new(aihc_v2_deploy::DeployV2Driver),
    ]
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
mod recorded;
