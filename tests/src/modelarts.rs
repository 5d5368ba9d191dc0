//! ModelArts conformance: replays `modelarts.jsonl`, recorded from Huawei's
//! official Python SDK (`huaweicloudsdkmodelarts` 3.1.219), through
//! `modelarts::Client`.
//!
//! The shared comparison ([`crate::compare`]) is built for bce-auth-v1, so
//! this module has its own, [`compare`]:
//!
//! * exact: method, body bytes, and the headers `content-type`,
//!   `x-project-id`, `x-sdk-date`, `x-security-token`,
//!   `x-modelarts-user-id`, `host`, `content-length`; no header the SDK
//!   does not send;
//! * path and query: exact, or equal once percent-decoded (then counted as
//!   a difference of form: bce-core writes a query key with an empty value
//!   bare, `?workspace_id`, where the SDK writes `workspace_id=`);
//! * `Authorization`: the User-Agent is signed and ours differs, so our
//!   signature is verified over our own request (as the gateway would), our
//!   signed-header list must equal the recorded one, and re-signing our
//!   request with the recorded User-Agent must give the recorded
//!   `Authorization` byte for byte.
//!
//! Inputs are the SDK's keyword arguments (Python attribute names:
//! `_continue` is `continue`, `x_model_arts_user_id` the header). Lines are
//! parsed a second time with object keys in document order, because a
//! schedule's free-form `content` is sent in the caller's order.

use std::collections::BTreeMap;
use std::fmt;

use bce_core::{Config, Credentials, Error, HttpRequest};
use bce_testkit::RecordingTransport;
use modelarts::sign::{self, QueryValue, ReceivedRequest, SignableRequest, SigningKey};
use modelarts::*;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    boxed, deviations, fixture_dir, recorded, recording_config, CallFuture, Case, Driver, Summary,
};

/// The endpoint of the recordings.
pub const ENDPOINT: &str = "http://127.0.0.1:18472";
/// The project id of the recordings.
pub const PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";
/// The security token of the `sts` lines.
pub const TOKEN: &str = "token-test";

/// JSON that keeps object keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Ordered {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Ordered>),
    /// An object, keys in order.
    Object(Vec<(String, Ordered)>),
}

impl Ordered {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Ordered> {
        match self {
            Ordered::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Ordered::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of an integer.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Ordered::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// Deserializes into `T` through JSON text (so key order reaches `T`).
    pub fn to<T: DeserializeOwned>(&self) -> Result<T, Error> {
        let text = serde_json::to_string(self)
            .map_err(|e| Error::invalid_input("input", e.to_string()))?;
        serde_json::from_str(&text)
            .map_err(|e| Error::invalid_input("input", format!("cannot map the SDK input: {e}")))
    }
}

impl From<&Value> for Ordered {
    fn from(v: &Value) -> Self {
        match v {
            Value::Null => Ordered::Null,
            Value::Bool(b) => Ordered::Bool(*b),
            Value::Number(n) => Ordered::Number(n.clone()),
            Value::String(s) => Ordered::String(s.clone()),
            Value::Array(items) => Ordered::Array(items.iter().map(Ordered::from).collect()),
            Value::Object(map) => {
                Ordered::Object(map.iter().map(|(k, v)| (k.clone(), v.into())).collect())
            }
        }
    }
}

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Ordered::Null => s.serialize_unit(),
            Ordered::Bool(b) => s.serialize_bool(*b),
            Ordered::Number(n) => n.serialize(s),
            Ordered::String(t) => s.serialize_str(t),
            Ordered::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Ordered::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Null)
            }
            fn visit_none<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Ordered, E> {
                Ok(Ordered::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Ordered, E> {
                Ok(Ordered::Number(n.into()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Ordered, E> {
                Ok(Ordered::Number(n.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Ordered, E> {
                serde_json::Number::from_f64(n)
                    .map(Ordered::Number)
                    .ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Ordered, E> {
                Ok(Ordered::String(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Ordered, E> {
                Ok(Ordered::String(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(i) = a.next_element()? {
                    items.push(i);
                }
                Ok(Ordered::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some((k, v)) = a.next_entry::<String, Ordered>()? {
                    members.push((k, v));
                }
                Ok(Ordered::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

/// The parts of a line this module reads besides [`Case`].
#[derive(Debug, Deserialize)]
struct Extra {
    #[serde(default = "null")]
    input: Ordered,
    #[serde(default)]
    credentials: Option<String>,
}

fn null() -> Ordered {
    Ordered::Null
}

/// The credentials a line was recorded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Creds {
    /// `ak-test` / `sk-test` and the project id.
    Fixed,
    /// With the security token `token-test`.
    Sts,
    /// Without a project id.
    NoProjectId,
    /// An empty access key.
    EmptyAk,
    /// An empty secret key.
    EmptySk,
}

impl Creds {
    /// From the line's case name and `credentials` field.
    pub fn of(case: &str, credentials: Option<&str>) -> Creds {
        match (case, credentials) {
            ("invalid_empty_ak", _) => Creds::EmptyAk,
            ("invalid_empty_sk", _) => Creds::EmptySk,
            (_, Some("sts")) | ("sts", _) => Creds::Sts,
            (_, Some("no_project_id")) => Creds::NoProjectId,
            (c, _) if c.starts_with("no_project_id") => Creds::NoProjectId,
            _ => Creds::Fixed,
        }
    }
}

/// Our client for a line: the recording's endpoint, keys and project id
/// over `base` (transport, pinned clock, no retries).
pub fn client(base: Config, creds: Creds) -> Result<Client, Error> {
    let credentials = match creds {
        Creds::Sts => Credentials::with_session_token("ak-test", "sk-test", TOKEN)?,
        Creds::EmptyAk => Credentials::new("", "sk-test")?,
        Creds::EmptySk => Credentials::new("ak-test", "")?,
        Creds::Fixed | Creds::NoProjectId => Credentials::new("ak-test", "sk-test")?,
    };
    let mut builder = Client::builder()
        .config(base)
        .endpoint(ENDPOINT)
        .credentials(credentials);
    if creds != Creds::NoProjectId {
        builder = builder.project_id(PROJECT_ID);
    }
    builder.build()
}

fn failing(e: Error) -> Option<CallFuture> {
    boxed(async move { Err(e) })
}

fn body<T: DeserializeOwned>(input: &Ordered) -> Result<Option<T>, Error> {
    match input.get("body") {
        None | Some(Ordered::Null) => Ok(None),
        Some(b) => b.to().map(Some),
    }
}

/// Calls our client for SDK method `op` with the SDK's keyword arguments.
pub fn call(client: Client, op: &str, input: &Ordered) -> Option<CallFuture> {
    let s = |k: &str| input.get(k).and_then(Ordered::as_str).map(str::to_owned);
    let id = |k: &str| s(k).unwrap_or_default();
    macro_rules! body_or_fail {
        () => {
            match body(input) {
                Ok(b) => b,
                Err(e) => return failing(e),
            }
        };
    }
    match op {
        "show_auto_search_yaml_templates_info" => boxed(async move {
            client
                .show_auto_search_yaml_templates_info()
                .await
                .map(drop)
        }),
        "create_notebook_tags" => {
            let request = CreateNotebookTagsRequest {
                resource_id: id("resource_id"),
                workspace_id: s("workspace_id"),
                body: body_or_fail!(),
            };
            boxed(async move { client.create_notebook_tags(&request).await })
        }
        "list_pool_nodes" => {
            let request = ListPoolNodesRequest {
                pool_name: id("pool_name"),
                continue_token: s("_continue"),
                limit: input.get("limit").and_then(Ordered::as_i64),
            };
            boxed(async move { client.list_pool_nodes(&request).await.map(drop) })
        }
        "show_pool" => {
            let request = ShowPoolRequest {
                pool_name: id("pool_name"),
                x_model_arts_user_id: s("x_model_arts_user_id"),
            };
            boxed(async move { client.show_pool(&request).await.map(drop) })
        }
        "create_workflow_service_auth" => {
            let request = CreateWorkflowServiceAuthRequest {
                body: body_or_fail!(),
            };
            boxed(async move {
                client
                    .create_workflow_service_auth(&request)
                    .await
                    .map(drop)
            })
        }
        "create_workflow_schedule" => {
            let request = CreateWorkflowScheduleRequest {
                workflow_id: id("workflow_id"),
                body: body_or_fail!(),
            };
            boxed(async move { client.create_workflow_schedule(&request).await.map(drop) })
        }
        "show_workflow_schedule" => {
            let request = ShowWorkflowScheduleRequest::new(id("workflow_id"), id("schedule_id"));
            boxed(async move { client.show_workflow_schedule(&request).await.map(drop) })
        }
        "update_workflow_schedule" => {
            let request = UpdateWorkflowScheduleRequest {
                workflow_id: id("workflow_id"),
                schedule_id: id("schedule_id"),
                body: body_or_fail!(),
            };
            boxed(async move { client.update_workflow_schedule(&request).await.map(drop) })
        }
        "show_workflows_todolist" => {
            let request = ShowWorkflowsTodolistRequest {
                workspace_id: s("workspace_id"),
            };
            boxed(async move { client.show_workflows_todolist(&request).await.map(drop) })
        }
        "list_workflows" => {
            let request = ListWorkflowsRequest {
                name: s("name"),
                description: s("description"),
                status: s("status"),
                labels: s("labels"),
                template_id: s("template_id"),
                limit: s("limit"),
                offset: s("offset"),
                sort_by: s("sort_by"),
                search_type: s("search_type"),
            };
            boxed(async move { client.list_workflows(&request).await.map(drop) })
        }
        _ => None,
    }
}

/// The ModelArts driver (see the module docs for why it also has its own
/// [`run`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct ModelArtsDriver;

impl Driver for ModelArtsDriver {
    fn service(&self) -> &'static str {
        "modelarts"
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        match client(config, Creds::Fixed) {
            Ok(c) => call(c, op, &Ordered::from(input)),
            Err(e) => failing(e),
        }
    }

    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        match client(config, Creds::of(&case.case, None)) {
            Ok(c) => call(c, &case.op, &Ordered::from(&case.input)),
            Err(e) => failing(e),
        }
    }
}

fn decoded_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (k, v) = item.split_once('=').unwrap_or((item, ""));
            (
                sign::percent_decode_lenient(k),
                sign::percent_decode_lenient(v),
            )
        })
        .collect()
}

/// What [`compare`] found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Differences that matter.
    pub problems: Vec<String>,
    /// Differences of form only (same meaning once decoded).
    pub form: Vec<String>,
}

/// Headers our request may carry (the SDK's, plus nothing else).
const EXPECTED_HEADERS: &[&str] = &[
    "host",
    "user-agent",
    "content-type",
    "content-length",
    "x-project-id",
    "x-sdk-date",
    "x-security-token",
    "x-modelarts-user-id",
    "authorization",
];

/// Compares our request with a recorded one (see the module docs).
pub fn compare(ours: &HttpRequest, recorded: &Value) -> Comparison {
    let mut c = Comparison {
        problems: recorded::method_mismatch(ours, recorded)
            .into_iter()
            .collect(),
        form: Vec::new(),
    };
    let text = |key: &str| crate::text(recorded, key);
    let (path, query) = recorded::url_parts(&ours.url);
    let (want_path, want_query) = (text("path"), text("query"));
    if path != want_path {
        if sign::percent_decode_lenient(&path) == sign::percent_decode_lenient(&want_path) {
            c.form.push(format!("path {path} (SDK: {want_path})"));
        } else {
            c.problems.push(format!("path {path} != {want_path}"));
        }
    }
    if query != want_query {
        if decoded_pairs(&query) == decoded_pairs(&want_query) {
            c.form.push(format!("query {query} (SDK: {want_query})"));
        } else {
            c.problems.push(format!("query {query} != {want_query}"));
        }
    }
    let body_raw = text("body_raw");
    if ours.body != body_raw.as_bytes() {
        c.problems.push(format!(
            "body {} != {body_raw}",
            String::from_utf8_lossy(&ours.body)
        ));
    }
    let headers = recorded::headers(recorded);
    for name in [
        "content-type",
        "x-project-id",
        "x-sdk-date",
        "x-security-token",
        "x-modelarts-user-id",
        "host",
    ] {
        let want = headers.get(name).map(String::as_str);
        let got = ours.header(name);
        if want != got {
            c.problems
                .push(format!("header {name}: {got:?} != {want:?}"));
        }
    }
    // The HTTP stack writes Content-Length for every POST/PUT (0 without a body).
    let sends_length = !ours.body.is_empty()
        || matches!(ours.method, bce_core::Method::Post | bce_core::Method::Put);
    let length = ours
        .header("content-length")
        .map(str::to_owned)
        .or_else(|| sends_length.then(|| ours.body.len().to_string()));
    if headers.get("content-length") != length.as_ref() {
        c.problems.push(format!(
            "content-length {length:?} != {:?}",
            headers.get("content-length")
        ));
    }
    for (name, _) in &ours.headers {
        if !EXPECTED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            c.problems
                .push(format!("header {name} is not sent by the SDK"));
        }
    }
    check_authorization(ours, &path, &query, &headers, &mut c.problems);
    c
}

fn check_authorization(
    ours: &HttpRequest,
    path: &str,
    query: &str,
    recorded_headers: &BTreeMap<String, String>,
    problems: &mut Vec<String>,
) {
    let ours_auth = ours.header("authorization").unwrap_or_default();
    let recorded_auth = recorded_headers
        .get("authorization")
        .cloned()
        .unwrap_or_default();
    if let Err(e) = sign::verify(
        "sk-test",
        &ReceivedRequest {
            method: ours.method.as_str(),
            path,
            query,
            headers: &ours
                .headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect::<Vec<_>>(),
            body: &ours.body,
        },
    ) {
        problems.push(format!("our signature does not verify: {e}"));
    }
    let (Some(got), Some(want)) = (
        sign::parse_authorization(ours_auth),
        sign::parse_authorization(&recorded_auth),
    ) else {
        problems.push(format!(
            "unparsable Authorization: {ours_auth} / {recorded_auth}"
        ));
        return;
    };
    if got.signed_headers != want.signed_headers {
        problems.push(format!(
            "signed headers {:?} != {:?}",
            got.signed_headers, want.signed_headers
        ));
        return;
    }
    // Re-sign our request with the recorded User-Agent: the result must be
    // the recorded Authorization.
    let recorded_ua = recorded_headers
        .get("user-agent")
        .cloned()
        .unwrap_or_default();
    let signed: Vec<(String, String)> = got
        .signed_headers
        .iter()
        .map(|name| {
            let value = if name == "user-agent" {
                recorded_ua.clone()
            } else {
                ours.header(name).unwrap_or_default().to_owned()
            };
            (name.clone(), value)
        })
        .collect();
    let pairs: Vec<(String, QueryValue)> = decoded_pairs(query)
        .into_iter()
        .map(|(k, v)| (k, QueryValue::Text(v)))
        .collect();
    let key = match SigningKey::new("ak-test", "sk-test") {
        Ok(k) => k,
        Err(e) => {
            problems.push(e.to_string());
            return;
        }
    };
    match sign::sign(
        &key,
        &SignableRequest {
            method: ours.method.as_str(),
            host: "",
            path,
            query: &pairs,
            headers: &signed,
            body: &ours.body,
        },
        0,
    ) {
        Ok(s) if s.authorization == recorded_auth => {}
        Ok(s) => problems.push(format!(
            "with the recorded User-Agent our request signs as {} != {recorded_auth}\n{}",
            s.authorization, s.canonical_request
        )),
        Err(e) => problems.push(e.to_string()),
    }
}

/// Replays `modelarts.jsonl` (recorded for the project) and, when present,
/// `modelarts-extra.jsonl` (recorded the same way with other inputs, see
/// `crates/modelarts/tools/record_wire.py`), printing one line per file:
/// `wire fixtures modelarts: N compared, D deviations, F failed`. The
/// returned summary adds both up.
pub fn run() -> Summary {
    let mut total = run_file("modelarts");
    if fixture_dir().join("modelarts-extra.jsonl").is_file() {
        let extra = run_file("modelarts-extra");
        total.compared += extra.compared;
        total.deviations += extra.deviations;
        total.failed += extra.failed;
        total.failures.extend(extra.failures);
    }
    total
}

/// Replays `<fixtures>/<name>.jsonl` (see [`run`]).
pub fn run_file(name: &str) -> Summary {
    let path = fixture_dir().join(format!("{name}.jsonl"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let deviations = deviations();
    let runtime = crate::runtime();
    let mut summary = Summary::default();
    let mut form_only = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("bad line in {}: {e}", path.display()));
        let extra: Extra = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("bad line in {}: {e}", path.display()));
        let id = format!("{}/{}", case.op, case.case);
        let transport = RecordingTransport::new();
        let creds = Creds::of(&case.case, extra.credentials.as_deref());
        let future = match client(recording_config(&transport, None), creds) {
            Ok(c) => call(c, &case.op, &extra.input),
            Err(e) => failing(e),
        };
        let Some(future) = future else {
            summary.fail(&id, "operation not implemented by the driver");
            continue;
        };
        let result = runtime.block_on(future);
        let requests = transport.requests();
        let refused = matches!(&result, Err(e) if e.is_invalid_input()) && requests.is_empty();
        let deviation = deviations
            .iter()
            .find(|d| d.service == "modelarts" && d.op == case.op && d.case == case.case);
        if let Some(d) = deviation {
            if d.expect == "invalid_input" && refused {
                summary.deviations += 1;
                continue;
            }
            // A listed refusal that did not happen (another input set may
            // hold, e.g., an id without '/') is fine when the request we
            // sent matches the recording: it is compared like any line.
            if d.expect != "invalid_input" || case.request.is_none() {
                summary.deviations += 1;
                summary.fail(
                    &id,
                    &format!("listed deviation ({}) did not happen: {result:?}", d.expect),
                );
                continue;
            }
        }
        summary.compared += 1;
        let problems = match (&case.request, &case.client_error) {
            (Some(recorded), _) => match requests.as_slice() {
                [one] => {
                    let c = compare(one, recorded);
                    if c.problems.is_empty() && !c.form.is_empty() {
                        form_only.push(format!("{id}: {}", c.form.join("; ")));
                    }
                    c.problems
                }
                other => vec![format!(
                    "expected one request, got {} (result {result:?})",
                    other.len()
                )],
            },
            (None, Some(_)) if refused => Vec::new(),
            (None, Some(_)) => vec![format!(
                "expected an invalid-input error and no request, got {result:?} and {} request(s)",
                requests.len()
            )],
            (None, None) => vec!["fixture line has neither request nor error".into()],
        };
        summary.check(&id, &problems);
    }
    summary.print_counts(name);
    if !form_only.is_empty() {
        println!(
            "  ({} {name} lines differ in form only, same once decoded)",
            form_only.len()
        );
        for f in &form_only {
            println!("    {f}");
        }
    }
    summary.print_failures();
    summary
}
