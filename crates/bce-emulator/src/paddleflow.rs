//! PaddleFlow mode: the PaddleFlow server's REST API under
//! `/api/paddleflow/v1` on the same port.
//!
//! * `POST /login` with `{"username","password"}` answers a token; every
//!   other route needs it in `x-pf-authorization`, else 400
//!   `AuthWithoutToken` / `AuthInvalidToken` (`AuthFailed` after the user's
//!   password changed or the user was deleted). The built-in admin is
//!   `root` / [`ROOT_PASSWORD`]; only root manages users, queues, grants,
//!   flavours and clusters (403 `OnlyRootAllowed`).
//! * Errors are `{"requestID","code","message"}` with PaddleFlow's statuses,
//!   every answer carries `x-pf-request-id`, lists page with `maxKeys`
//!   (1..=1000, else 400 `InvalidURI`) and an opaque `marker`.
//! * Resources: users, queues (seeded `default-queue` on `default-cluster`),
//!   grants, flavours, clusters, file systems with links and cache
//!   configuration, runs, pipelines with versions, schedules, and run logs.
//! * A run goes `initiating` → `pending` → `running` and then runs its
//!   steps one after the other, each for [`STEP_MS`] of simulated time; it
//!   ends `succeeded`, or `failed` when a step's command contains `exit 1`
//!   or `fail`. Stopping makes it `terminating` for [`STOP_MS`], then
//!   `terminated`. Steps come from the run YAML's `entry_points` (a small
//!   reader of the `name:` / `entry_points:` / `command:` / `docker_env:`
//!   lines; a run from a file-system path gets one `main` step). Each step
//!   logs a start line, the text of its `echo` commands and its exit code,
//!   the lines appearing while it runs; `GET /log/run/{id}` pages them like
//!   the server (`pageSize` ≤ 100 lines, `pageNo`, `logFilePosition`).
//! * Schedules are kept and listed but start no runs.

use std::collections::{BTreeMap, HashMap};

use base64::Engine as _;
use bce_core::Secret;
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::Response;
use serde_json::{json, Map, Value};

use crate::clock::http_date;
use crate::server::{lock, SeenRequest, Shared};

/// Prefix of every PaddleFlow route.
pub const PREFIX: &str = "/api/paddleflow/v1";
/// Password of the built-in `root` user.
pub const ROOT_PASSWORD: &str = "paddleflow";
/// Simulated time from creation to `pending`, and from there to `running`.
pub const PHASE_MS: i64 = 500;
/// Simulated time one step of a run takes.
pub const STEP_MS: i64 = 2_000;
/// Simulated time a stopped run stays `terminating`.
pub const STOP_MS: i64 = 1_000;

const ROOT: &str = "root";

/// An error answer in PaddleFlow's shape.
#[derive(Debug)]
struct PfError {
    status: u16,
    code: &'static str,
    message: String,
}

type Answer = Result<Option<Value>, PfError>;

fn err(status: u16, code: &'static str, message: impl Into<String>) -> PfError {
    PfError {
        status,
        code,
        message: message.into(),
    }
}

fn not_found(code: &'static str, what: &str, id: &str) -> PfError {
    err(404, code, format!("{what}[{id}] not found"))
}

fn bad(message: impl Into<String>) -> PfError {
    err(400, "InvalidArguments", message)
}

/// One PaddleFlow request.
struct Req<'a> {
    method: &'a str,
    /// Path segments after the prefix, percent-decoded.
    segs: Vec<String>,
    query: &'a [(String, String)],
    body: &'a [u8],
    now: i64,
}

impl Req<'_> {
    fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    fn json(&self) -> Result<Value, PfError> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(json!({}));
        }
        match serde_json::from_slice::<Value>(self.body) {
            Ok(v @ Value::Object(_)) => Ok(v),
            Ok(_) => Err(err(400, "MalformedJSON", "the body must be a JSON object")),
            Err(e) => Err(err(400, "MalformedJSON", format!("malformed json: {e}"))),
        }
    }
}

/// A JSON field matched case-insensitively, as Go's decoder does.
fn field<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .filter(|v| !v.is_null())
}

fn text(body: &Value, name: &str) -> String {
    match field(body, name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn time_text(ms: i64) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_default()
}

fn rfc3339(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// One page of `items` by `maxKeys` and `marker`: (items, truncated, next marker).
fn page(items: Vec<Value>, req: &Req<'_>) -> Result<(Vec<Value>, bool, String), PfError> {
    let max = match req.q("maxKeys") {
        None => 50,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=1000).contains(&n) => n,
            _ => {
                return Err(err(
                    400,
                    "InvalidURI",
                    format!("maxKeys[{v}] is invalid, must be between 1 and 1000"),
                ))
            }
        },
    };
    let start = match req.q("marker") {
        None => 0,
        Some(m) => m
            .strip_prefix("pf")
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .ok_or_else(|| err(400, "InvalidURI", format!("marker[{m}] is invalid")))?,
    };
    let total = items.len();
    let chunk: Vec<Value> = items.into_iter().skip(start).take(max).collect();
    let end = start.saturating_add(chunk.len());
    let truncated = end < total;
    let next = if truncated {
        format!("pf{end:08x}")
    } else {
        String::new()
    };
    Ok((chunk, truncated, next))
}

/// The usual list envelope.
fn envelope(list: &str, items: Vec<Value>, req: &Req<'_>) -> Answer {
    let max = req
        .q("maxKeys")
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(50);
    let (chunk, truncated, next) = page(items, req)?;
    let mut body = json!({"maxKeys": max, "isTruncated": truncated});
    if !next.is_empty() {
        body["nextMarker"] = json!(next);
    }
    body[list] = Value::Array(chunk);
    Ok(Some(body))
}

fn filter_match(filter: Option<&str>, value: &str) -> bool {
    filter.map_or(true, |f| f.split(',').any(|x| x == value))
}

// ------------------------------------------------------------------ model

#[derive(Debug, Clone)]
struct User {
    /// Masked in `Debug`, like every secret of the emulator.
    password: Secret,
    created_ms: i64,
    /// Bumped when the password changes: older tokens fail.
    generation: u64,
}

#[derive(Debug, Clone)]
struct Token {
    user: String,
    generation: u64,
}

#[derive(Debug, Clone)]
struct Fs {
    owner: String,
    name: String,
    url: String,
    properties: Value,
    independent: bool,
}

impl Fs {
    fn id(&self) -> String {
        format!("fs-{}-{}", self.owner, self.name)
    }

    fn view(&self) -> Value {
        let (kind, rest) = self.url.split_once("://").unwrap_or(("local", &self.url));
        let (server, sub) = rest.split_once('/').unwrap_or((rest, ""));
        json!({"id": self.id(), "name": self.name, "serverAddress": server, "type": kind,
            "subPath": format!("/{sub}"), "username": self.owner, "properties": self.properties,
            "independentMountProcess": self.independent})
    }
}

#[derive(Debug, Clone)]
struct Step {
    name: String,
    command: String,
    docker_env: String,
    fails: bool,
    lines: Vec<String>,
}

#[derive(Debug, Clone)]
struct Run {
    id: String,
    name: String,
    owner: String,
    fs_name: String,
    desc: String,
    source: String,
    yaml: String,
    parameters: Value,
    docker_env: String,
    disabled: String,
    strategy: String,
    schedule_id: String,
    created_ms: i64,
    stopped_ms: Option<i64>,
    steps: Vec<Step>,
}

/// State of a step at a time: (status, start, end).
#[derive(Debug, Clone, PartialEq)]
struct StepState {
    status: &'static str,
    start_ms: Option<i64>,
    end_ms: Option<i64>,
}

impl Run {
    fn start_ms(&self) -> i64 {
        self.created_ms + 2 * PHASE_MS
    }

    fn step_state(&self, index: usize, now: i64) -> StepState {
        let start = self.start_ms() + STEP_MS * index as i64;
        let end = start + STEP_MS;
        let failed_before = self.steps.iter().take(index).any(|s| s.fails);
        let none = StepState {
            status: "init",
            start_ms: None,
            end_ms: None,
        };
        if failed_before {
            let status = if now >= start { "cancelled" } else { "pending" };
            return StepState { status, ..none };
        }
        let stop = self.stopped_ms.unwrap_or(i64::MAX);
        if stop <= start && now >= stop {
            return StepState {
                status: "cancelled",
                ..none
            };
        }
        if now < start {
            return StepState {
                status: "pending",
                ..none
            };
        }
        if stop < end && now >= stop {
            return StepState {
                status: "terminated",
                start_ms: Some(start),
                end_ms: Some(stop),
            };
        }
        if now < end {
            return StepState {
                status: "running",
                start_ms: Some(start),
                end_ms: None,
            };
        }
        StepState {
            status: if self.steps[index].fails {
                "failed"
            } else {
                "succeeded"
            },
            start_ms: Some(start),
            end_ms: Some(end),
        }
    }

    fn status(&self, now: i64) -> &'static str {
        if let Some(stop) = self.stopped_ms {
            if now >= stop {
                return if now < stop + STOP_MS {
                    "terminating"
                } else {
                    "terminated"
                };
            }
        }
        if now < self.created_ms + PHASE_MS {
            return "initiating";
        }
        if now < self.start_ms() {
            return "pending";
        }
        let states: Vec<StepState> = (0..self.steps.len())
            .map(|i| self.step_state(i, now))
            .collect();
        if states.iter().any(|s| s.status == "failed") {
            return "failed";
        }
        if states.iter().all(|s| s.status == "succeeded") {
            return "succeeded";
        }
        "running"
    }

    fn end_ms(&self) -> i64 {
        self.start_ms() + STEP_MS * self.steps.len() as i64
    }

    fn job_id(&self, step: &Step) -> String {
        format!("job-{}-{}-0001", self.id, step.name)
    }

    /// The lines of a step visible at `now`.
    fn visible_lines(&self, index: usize, now: i64) -> Vec<String> {
        let state = self.step_state(index, now);
        let Some(start) = state.start_ms else {
            return Vec::new();
        };
        let step = &self.steps[index];
        let upto = state.end_ms.unwrap_or(now).min(now);
        let n = step.lines.len() as i64;
        if n == 0 {
            return Vec::new();
        }
        // Line k appears at start + (k + 1) * STEP_MS / (n + 1); all by the end.
        let shown = if state.end_ms.is_some() && upto >= start + STEP_MS {
            n
        } else {
            ((upto - start).max(0) * (n + 1) / STEP_MS).min(n)
        };
        step.lines.iter().take(shown as usize).cloned().collect()
    }

    fn brief(&self, now: i64) -> Value {
        json!({"runID": self.id, "name": self.name, "source": self.source, "username": self.owner,
            "fsName": self.fs_name, "description": self.desc, "scheduleID": self.schedule_id,
            "runMsg": self.message(now), "status": self.status(now), "scheduledTime": "",
            "createTime": time_text(self.created_ms), "activateTime": time_text(self.start_ms()),
            "updateTime": time_text(now.min(self.end_ms()))})
    }

    fn message(&self, now: i64) -> String {
        match self.status(now) {
            "failed" => self
                .steps
                .iter()
                .find(|s| s.fails)
                .map(|s| format!("step [{}] failed", s.name))
                .unwrap_or_default(),
            "terminated" => "run terminated by user".into(),
            _ => String::new(),
        }
    }

    fn detail(&self, now: i64) -> Value {
        let mut runtime = Map::new();
        let mut previous = String::new();
        for (i, step) in self.steps.iter().enumerate() {
            let state = self.step_state(i, now);
            runtime.insert(
                step.name.clone(),
                json!([{"jobID": self.job_id(step), "name": step.name, "type": "step",
                    "stepName": step.name, "parentDagID": "", "command": step.command,
                    "status": state.status, "deps": previous, "dockerEnv": step.docker_env,
                    "startTime": state.start_ms.map(time_text).unwrap_or_default(),
                    "endTime": state.end_ms.map(time_text).unwrap_or_default(),
                    "jobMessage": if state.status == "failed" { "exit code 1" } else { "" },
                    "cacheRunID": "", "cacheJobID": "", "parameters": {}, "env": {},
                    "extraFS": [], "artifacts": {"input": {}, "output": {}},
                    "cache": {"enable": false, "maxExpiredTime": "-1", "fsScope": []}}]),
            );
            previous = step.name.clone();
        }
        let mut body = self.brief(now);
        if let Value::Object(map) = &mut body {
            map.remove("scheduledTime");
            map.insert("fsOptions".into(), json!({"mainFS": {"id": format!("fs-{}-{}", self.owner, self.fs_name),
                "name": self.fs_name, "mountPath": "/home/paddleflow/storage/mnt", "subPath": "", "readOnly": false}}));
            map.insert("parameters".into(), self.parameters.clone());
            map.insert("runYaml".into(), json!(self.yaml));
            map.insert("runtime".into(), Value::Object(runtime));
            map.insert("postProcess".into(), json!({}));
            map.insert("failureOptions".into(), json!({"strategy": self.strategy}));
            map.insert("dockerEnv".into(), json!(self.docker_env));
            map.insert("disabled".into(), json!(self.disabled));
            map.insert("runCachedIDs".into(), json!(""));
        }
        body
    }
}

/// Steps of a run YAML: `entry_points:` then one `  name:` per step with
/// `    command:` and `    docker_env:` lines.
fn parse_yaml(yaml: &str) -> (String, Vec<(String, String, String)>) {
    let mut name = String::new();
    let mut steps: Vec<(String, String, String)> = Vec::new();
    let mut in_entry = false;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (key, value) = match trimmed.split_once(':') {
            Some((k, v)) => (k.trim(), unquote(v.trim())),
            None => continue,
        };
        if indent == 0 {
            in_entry = key == "entry_points";
            if key == "name" {
                name = value.to_owned();
            }
            continue;
        }
        if !in_entry {
            continue;
        }
        if indent == 2 && value.is_empty() {
            steps.push((key.to_owned(), String::new(), String::new()));
        } else if let Some(last) = steps.last_mut() {
            match key {
                "command" => last.1 = value.to_owned(),
                "docker_env" => last.2 = value.to_owned(),
                _ => {}
            }
        }
    }
    (name, steps)
}

/// `text` without one pair of enclosing quotes.
fn unquote(text: &str) -> &str {
    for q in ['"', '\''] {
        if text.len() >= 2 && text.starts_with(q) && text.ends_with(q) {
            return &text[1..text.len() - 1];
        }
    }
    text
}

fn make_step(name: &str, command: &str, docker_env: &str) -> Step {
    let fails = command.contains("exit 1") || command.contains("fail");
    let mut lines = vec![format!("[{name}] starting in {docker_env}")];
    for part in command.split(['&', ';', '\n']) {
        let part = part.trim();
        if let Some(echo) = part.strip_prefix("echo ") {
            lines.push(unquote(echo.trim()).to_owned());
        }
    }
    lines.push(format!("[{name}] exit code {}", u8::from(fails)));
    Step {
        name: name.to_owned(),
        command: command.to_owned(),
        docker_env: docker_env.to_owned(),
        fails,
        lines,
    }
}

#[derive(Debug, Clone)]
struct PipelineVersion {
    id: String,
    fs_name: String,
    yaml_path: String,
    yaml: String,
    owner: String,
    created_ms: i64,
}

#[derive(Debug, Clone)]
struct Pipeline {
    id: String,
    name: String,
    desc: String,
    owner: String,
    created_ms: i64,
    updated_ms: i64,
    versions: Vec<PipelineVersion>,
    next_version: u64,
}

impl Pipeline {
    fn brief(&self) -> Value {
        json!({"pipelineID": self.id, "name": self.name, "desc": self.desc, "username": self.owner,
            "createTime": time_text(self.created_ms), "updateTime": time_text(self.updated_ms)})
    }

    fn version(&self, v: &PipelineVersion) -> Value {
        json!({"pipelineVersionID": v.id, "pipelineID": self.id, "fsName": v.fs_name,
            "yamlPath": v.yaml_path, "pipelineYaml": v.yaml, "username": v.owner,
            "createTime": time_text(v.created_ms), "updateTime": time_text(v.created_ms)})
    }
}

/// Everything PaddleFlow knows.
#[derive(Debug)]
pub(crate) struct PaddleFlow {
    users: BTreeMap<String, User>,
    /// Issued tokens, masked in `Debug`.
    tokens: HashMap<Secret, Token>,
    queues: BTreeMap<String, Value>,
    grants: Vec<Value>,
    flavours: BTreeMap<String, Value>,
    clusters: BTreeMap<String, Value>,
    fs: BTreeMap<(String, String), Fs>,
    links: Vec<Value>,
    caches: BTreeMap<(String, String), Value>,
    runs: Vec<Run>,
    pipelines: Vec<Pipeline>,
    schedules: Vec<Value>,
    counter: u64,
}

impl PaddleFlow {
    /// The built-in admin, a default cluster, queue and flavour.
    pub(crate) fn seeded(now: i64) -> Self {
        let t = time_text(now);
        let mut pf = PaddleFlow {
            users: BTreeMap::from([(
                ROOT.to_owned(),
                User {
                    password: Secret::new(ROOT_PASSWORD),
                    created_ms: now,
                    generation: 0,
                },
            )]),
            tokens: HashMap::new(),
            queues: BTreeMap::new(),
            grants: Vec::new(),
            flavours: BTreeMap::new(),
            clusters: BTreeMap::new(),
            fs: BTreeMap::new(),
            links: Vec::new(),
            caches: BTreeMap::new(),
            runs: Vec::new(),
            pipelines: Vec::new(),
            schedules: Vec::new(),
            counter: 0,
        };
        pf.clusters.insert(
            "default-cluster".into(),
            json!({"id": "cluster-default", "clusterName": "default-cluster", "description": "emulated",
                "endpoint": "https://127.0.0.1:6443", "source": "OnPremise", "clusterType": "Kubernetes",
                "version": "1.22", "status": "online", "credential": "", "setting": "",
                "namespaceList": ["default"], "createTime": t, "updateTime": t}),
        );
        pf.queues.insert(
            "default-queue".into(),
            json!({"id": "queue-default", "name": "default-queue", "namespace": "default",
                "clusterName": "default-cluster", "quotaType": "volcanoCapabilityQuota", "status": "open",
                "createTime": t, "updateTime": t, "minResources": null,
                "maxResources": {"cpu": "64", "memory": "256Gi", "scalarResources": {"nvidia.com/gpu": "8"}},
                "location": {}, "schedulingPolicy": ["priority"]}),
        );
        pf.flavours.insert(
            "flavour1".into(),
            json!({"id": "flavour-1", "name": "flavour1", "cpu": "1", "mem": "1Gi", "scalarResources": null,
                "createTime": t, "updateTime": t}),
        );
        pf
    }

    fn next_id(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}-{:06}", self.counter)
    }

    /// Drops every token (clients must log in again).
    pub(crate) fn revoke_tokens(&mut self) {
        self.tokens.clear();
    }

    fn authenticate(&self, token: Option<&str>) -> Result<String, PfError> {
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return Err(err(
                400,
                "AuthWithoutToken",
                "request has no x-pf-authorization token",
            ));
        };
        let Some(t) = self.tokens.get(&Secret::new(token)) else {
            return Err(err(400, "AuthInvalidToken", "token is invalid or expired"));
        };
        match self.users.get(&t.user) {
            Some(u) if u.generation == t.generation => Ok(t.user.clone()),
            _ => Err(err(
                400,
                "AuthFailed",
                "user or password of the token changed",
            )),
        }
    }

    fn route(&mut self, req: &Req<'_>, token: Option<&str>) -> Answer {
        let segs: Vec<&str> = req.segs.iter().map(String::as_str).collect();
        if segs.last() == Some(&"login") && segs.len() == 1 {
            return if req.method == "POST" {
                self.login(req)
            } else {
                Err(err(405, "MethodNotAllowed", "method not allowed"))
            };
        }
        let user = self.authenticate(token)?;
        let root = user == ROOT;
        let only_root = || {
            if root {
                Ok(())
            } else {
                Err(err(
                    403,
                    "OnlyRootAllowed",
                    "only root is allowed to do this",
                ))
            }
        };
        match (req.method, segs.as_slice()) {
            ("GET", ["version"]) => Ok(Some(
                json!({"gitVersion": "v0.14.7-emulator", "gitCommit": "emulator",
                "gitBranch": "", "buildDate": "", "goVersion": "", "compiler": "rustc", "platform": "emulator"}),
            )),
            ("POST", ["user"]) => {
                only_root()?;
                self.add_user(req)
            }
            ("GET", ["user"]) => {
                only_root()?;
                let users: Vec<Value> = self
                    .users
                    .iter()
                    .map(|(n, u)| json!({"name": n, "createTime": rfc3339(u.created_ms)}))
                    .collect();
                envelope("userList", users, req)
            }
            ("DELETE", ["user", name]) => {
                only_root()?;
                if *name == ROOT {
                    return Err(err(403, "ActionNotAllowed", "root cannot be deleted"));
                }
                self.users
                    .remove(*name)
                    .map(|_| None)
                    .ok_or_else(|| not_found("UserNotExist", "user", name))
            }
            ("PUT", ["user", name]) => {
                if !root && user != *name {
                    return Err(err(
                        400,
                        "AuthIllegalUser",
                        "cannot change another user's password",
                    ));
                }
                let password = text(&req.json()?, "password");
                if password.is_empty() {
                    return Err(bad("password is empty"));
                }
                let u = self
                    .users
                    .get_mut(*name)
                    .ok_or_else(|| not_found("UserNotExist", "user", name))?;
                u.password = Secret::new(password);
                u.generation += 1;
                Ok(None)
            }
            ("POST", ["queue"]) => {
                only_root()?;
                self.add_queue(req)
            }
            ("GET", ["queue"]) => {
                let name = req.q("name");
                let list = self
                    .queues
                    .values()
                    .filter(|q| {
                        name.map_or(true, |n| q["name"].as_str().unwrap_or_default().contains(n))
                    })
                    .cloned()
                    .collect();
                envelope("queueList", list, req)
            }
            ("GET", ["queue", name]) => {
                let mut q = self
                    .queues
                    .get(*name)
                    .cloned()
                    .ok_or_else(|| not_found("QueueNotExist", "queue", name))?;
                q["usedResources"] = json!({"cpu": "0", "memory": "0"});
                q["idleResources"] = q["maxResources"].clone();
                Ok(Some(q))
            }
            ("PUT", ["queue", name]) => {
                only_root()?;
                let body = req.json()?;
                let q = self
                    .queues
                    .get_mut(*name)
                    .ok_or_else(|| not_found("QueueNotExist", "queue", name))?;
                for key in ["maxResources", "minResources"] {
                    if let Some(r) = field(&body, key) {
                        q[key] = json!({"cpu": text(r, "cpu"), "memory": text(r, "mem"),
                            "scalarResources": field(r, "scalarResources").cloned()});
                    }
                }
                if let Some(v) = field(&body, "schedulingPolicy") {
                    q["schedulingPolicy"] = v.clone();
                }
                if let Some(v) = field(&body, "location") {
                    q["location"] = v.clone();
                }
                q["updateTime"] = json!(time_text(req.now));
                Ok(Some(q.clone()))
            }
            ("DELETE", ["queue", name]) => {
                only_root()?;
                self.queues
                    .remove(*name)
                    .map(|_| None)
                    .ok_or_else(|| not_found("QueueNotExist", "queue", name))
            }
            ("POST", ["grant"]) => {
                only_root()?;
                let body = req.json()?;
                let (user, queue) = (text(&body, "userName"), text(&body, "resourceID"));
                if !self.users.contains_key(&user) {
                    return Err(not_found("UserNotExist", "user", &user));
                }
                if !self.queues.contains_key(&queue) {
                    return Err(not_found("QueueNotExist", "queue", &queue));
                }
                let id = self.next_id("grant");
                self.grants.push(json!({"grantID": id, "userName": user, "resourceType": text(&body, "resourceType"),
                    "resourceID": queue, "createTime": rfc3339(req.now), "updateTime": rfc3339(req.now)}));
                Ok(Some(json!({"grantID": id})))
            }
            ("DELETE", ["grant"]) => {
                only_root()?;
                let (user, id) = (
                    req.q("username").unwrap_or_default(),
                    req.q("resourceID").unwrap_or_default(),
                );
                let before = self.grants.len();
                self.grants
                    .retain(|g| !(g["userName"] == json!(user) && g["resourceID"] == json!(id)));
                if self.grants.len() == before {
                    return Err(not_found("GrantNotFound", "grant", id));
                }
                Ok(None)
            }
            ("GET", ["grant"]) => {
                only_root()?;
                let who = req.q("username");
                let list = self
                    .grants
                    .iter()
                    .filter(|g| who.map_or(true, |w| g["userName"] == json!(w)))
                    .cloned()
                    .collect();
                envelope("grantList", list, req)
            }
            ("GET", ["flavour"]) => {
                let name = req.q("name");
                let list = self
                    .flavours
                    .values()
                    .filter(|f| {
                        name.map_or(true, |n| f["name"].as_str().unwrap_or_default().contains(n))
                    })
                    .cloned()
                    .collect();
                envelope("flavourList", list, req)
            }
            ("GET", ["flavour", name]) => self
                .flavours
                .get(*name)
                .cloned()
                .map(Some)
                .ok_or_else(|| not_found("FlavourNotFound", "flavour", name)),
            ("POST", ["flavour"]) => {
                only_root()?;
                let body = req.json()?;
                let name = text(&body, "name");
                if name.is_empty() || self.flavours.contains_key(&name) {
                    return Err(bad(format!("flavour name [{name}] is empty or taken")));
                }
                let id = self.next_id("flavour");
                self.flavours.insert(name.clone(), json!({"id": id, "name": name, "cpu": text(&body, "cpu"),
                    "mem": text(&body, "mem"), "scalarResources": field(&body, "scalarResources").cloned(),
                    "createTime": time_text(req.now), "updateTime": time_text(req.now)}));
                Ok(Some(json!({"name": name})))
            }
            ("PUT", ["flavour", name]) => {
                only_root()?;
                let body = req.json()?;
                let f = self
                    .flavours
                    .get_mut(*name)
                    .ok_or_else(|| not_found("FlavourNotFound", "flavour", name))?;
                for key in ["cpu", "mem"] {
                    if field(&body, key).is_some() {
                        f[key] = json!(text(&body, key));
                    }
                }
                if let Some(v) = field(&body, "scalarResources") {
                    f["scalarResources"] = v.clone();
                }
                Ok(Some(f.clone()))
            }
            ("DELETE", ["flavour", name]) => {
                only_root()?;
                self.flavours
                    .remove(*name)
                    .map(|_| None)
                    .ok_or_else(|| not_found("FlavourNotFound", "flavour", name))
            }
            ("GET", ["cluster"]) => {
                let list = self.clusters.values().cloned().collect();
                envelope("clusterList", list, req)
            }
            ("GET", ["cluster", name]) if *name != "resource" => self
                .clusters
                .get(*name)
                .cloned()
                .map(Some)
                .ok_or_else(|| not_found("RecordNotFound", "cluster", name)),
            ("POST", ["fs"]) => self.add_fs(req, &user),
            ("GET", ["fs"]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                let name = req.q("fsName");
                let list: Vec<Value> = self
                    .fs
                    .values()
                    .filter(|f| f.owner == owner && name.map_or(true, |n| f.name == n))
                    .map(Fs::view)
                    .collect();
                let (chunk, truncated, next) = page(list, req)?;
                Ok(Some(
                    json!({"marker": req.q("marker").unwrap_or_default(), "truncated": truncated,
                    "nextMarker": next, "fsList": chunk}),
                ))
            }
            ("GET", ["fs", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                let fs = self.fs_of(&owner, name)?;
                let mut v = fs.view();
                if let Value::Object(m) = &mut v {
                    m.remove("independentMountProcess");
                }
                Ok(Some(v))
            }
            ("DELETE", ["fs", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                self.fs_of(&owner, name)?;
                self.fs.remove(&(owner.clone(), (*name).to_owned()));
                self.links
                    .retain(|l| !(l["fsName"] == json!(name) && l["username"] == json!(owner)));
                self.caches.remove(&(owner, (*name).to_owned()));
                Ok(None)
            }
            ("POST", ["fsCache"]) => {
                let body = req.json()?;
                let owner = non_empty(text(&body, "username"), &user);
                let name = text(&body, "fsName");
                self.fs_of(&owner, &name)?;
                let mut config = body.clone();
                config["username"] = json!(owner);
                config["createTime"] = json!(time_text(req.now));
                self.caches.insert((owner, name), config);
                Ok(None)
            }
            ("GET", ["fsCache", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                self.caches
                    .get(&(owner, (*name).to_owned()))
                    .cloned()
                    .map(Some)
                    .ok_or_else(|| not_found("RecordNotFound", "fsCache", name))
            }
            ("DELETE", ["fsCache", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                self.caches
                    .remove(&(owner, (*name).to_owned()))
                    .map(|_| None)
                    .ok_or_else(|| not_found("RecordNotFound", "fsCache", name))
            }
            ("POST", ["link"]) => {
                let body = req.json()?;
                let owner = non_empty(text(&body, "username"), &user);
                let (name, path, url) = (
                    text(&body, "fsName"),
                    text(&body, "fsPath"),
                    text(&body, "url"),
                );
                self.fs_of(&owner, &name)?;
                if path.is_empty() || url.is_empty() {
                    return Err(bad("fsPath and url are required"));
                }
                let (kind, rest) = url.split_once("://").unwrap_or(("local", url.as_str()));
                self.links.push(json!({"fsName": name, "fsPath": path, "serverAddress": rest.split('/').next().unwrap_or_default(),
                    "type": kind, "username": owner, "subPath": "", "properties": field(&body, "properties").cloned().unwrap_or(json!({}))}));
                Ok(None)
            }
            ("GET", ["link", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                self.fs_of(&owner, name)?;
                let path = req.q("fsPath");
                let list: Vec<Value> = self
                    .links
                    .iter()
                    .filter(|l| l["fsName"] == json!(name) && l["username"] == json!(owner))
                    .filter(|l| path.map_or(true, |p| l["fsPath"] == json!(p)))
                    .cloned()
                    .collect();
                let (chunk, truncated, next) = page(list, req)?;
                Ok(Some(
                    json!({"marker": req.q("marker").unwrap_or_default(), "truncated": truncated,
                    "nextMarker": next, "linkList": chunk}),
                ))
            }
            ("DELETE", ["link", name]) => {
                let owner = req.q("username").unwrap_or(&user).to_owned();
                let path = req.q("fsPath").unwrap_or_default();
                let before = self.links.len();
                self.links.retain(|l| {
                    !(l["fsName"] == json!(name)
                        && l["username"] == json!(owner)
                        && l["fsPath"] == json!(path))
                });
                if before == self.links.len() {
                    return Err(not_found("RecordNotFound", "link", path));
                }
                Ok(None)
            }
            ("POST", ["run"]) => self.create_run(req, &user),
            ("GET", ["run"]) => {
                let now = req.now;
                let list = self
                    .runs
                    .iter()
                    .rev()
                    .filter(|r| root || r.owner == user)
                    .filter(|r| filter_match(req.q("userFilter"), &r.owner))
                    .filter(|r| filter_match(req.q("fsFilter"), &r.fs_name))
                    .filter(|r| filter_match(req.q("runFilter"), &r.id))
                    .filter(|r| filter_match(req.q("nameFilter"), &r.name))
                    .filter(|r| filter_match(req.q("statusFilter"), r.status(now)))
                    .map(|r| r.brief(now))
                    .collect();
                envelope("runList", list, req)
            }
            ("GET", ["run", id]) => Ok(Some(self.run_of(id, &user, root)?.detail(req.now))),
            ("PUT", ["run", id]) => match req.q("action") {
                Some("stop") => {
                    let now = req.now;
                    let force = field(&req.json()?, "stopForce")
                        .and_then(Value::as_bool)
                        .unwrap_or(false);
                    let run = self.run_mut(id, &user, root)?;
                    let status = run.status(now);
                    if ["succeeded", "failed", "terminated", "skipped"].contains(&status)
                        || (status == "terminating" && !force)
                    {
                        return Err(err(
                            403,
                            "ActionNotAllowed",
                            format!("cannot stop run[{id}] as run is already in status[{status}]"),
                        ));
                    }
                    run.stopped_ms = Some(now);
                    Ok(None)
                }
                Some("retry") => {
                    let now = req.now;
                    let old = self.run_of(id, &user, root)?.clone();
                    if !["failed", "terminated"].contains(&old.status(now)) {
                        return Err(err(
                            403,
                            "ActionNotAllowed",
                            format!("run[{id}] can only be retried when failed or terminated"),
                        ));
                    }
                    let new_id = self.next_id("run");
                    let mut run = old;
                    run.id = new_id.clone();
                    run.created_ms = now;
                    run.stopped_ms = None;
                    self.runs.push(run);
                    Ok(Some(json!({"runID": new_id})))
                }
                _ => Err(bad("action must be stop or retry")),
            },
            ("DELETE", ["run", id]) => {
                let now = req.now;
                let status = self.run_of(id, &user, root)?.status(now);
                if !["succeeded", "failed", "terminated", "skipped"].contains(&status) {
                    return Err(err(
                        403,
                        "ActionNotAllowed",
                        format!("run[{id}] is {status}; stop it before deleting"),
                    ));
                }
                self.runs.retain(|r| r.id != *id);
                Ok(None)
            }
            ("GET", ["log", "run", id]) => self.run_log(req, id, &user, root),
            ("GET", ["runCache"]) => envelope("runCacheList", Vec::new(), req),
            ("GET", ["artifact"]) => envelope("artifactEventList", Vec::new(), req),
            ("POST", ["pipeline"]) => self.create_pipeline(req, &user),
            ("GET", ["pipeline"]) => {
                let list = self
                    .pipelines
                    .iter()
                    .filter(|p| root || p.owner == user)
                    .filter(|p| filter_match(req.q("userFilter"), &p.owner))
                    .filter(|p| filter_match(req.q("nameFilter"), &p.name))
                    .map(Pipeline::brief)
                    .collect();
                envelope("pipelineList", list, req)
            }
            ("GET", ["pipeline", id]) => {
                let p = self.pipeline_of(id)?;
                let versions = p
                    .versions
                    .iter()
                    .filter(|v| filter_match(req.q("fsFilter"), &v.fs_name))
                    .map(|v| p.version(v))
                    .collect();
                let page = envelope("pplVersionList", versions, req)?;
                Ok(Some(json!({"pipeline": p.brief(), "pplVersions": page})))
            }
            ("POST", ["pipeline", id]) => {
                let body = req.json()?;
                let (yaml, fs_name, yaml_path) = yaml_of(&body, "yamlRaw")?;
                let now = req.now;
                let pos = self.pipeline_pos(id)?;
                let p = &mut self.pipelines[pos];
                p.next_version += 1;
                let vid = p.next_version.to_string();
                p.versions.push(PipelineVersion {
                    id: vid.clone(),
                    fs_name,
                    yaml_path,
                    yaml,
                    owner: user,
                    created_ms: now,
                });
                p.updated_ms = now;
                Ok(Some(json!({"pipelineID": id, "pipelineVersionID": vid})))
            }
            ("GET", ["pipeline", id, version]) => {
                let p = self.pipeline_of(id)?;
                let v = p
                    .versions
                    .iter()
                    .find(|v| v.id == *version)
                    .ok_or_else(|| not_found("PipelineNotFound", "pipeline version", version))?;
                Ok(Some(
                    json!({"pipeline": p.brief(), "pipelineVersion": p.version(v)}),
                ))
            }
            ("DELETE", ["pipeline", id]) => {
                let pos = self.pipeline_pos(id)?;
                self.pipelines.remove(pos);
                Ok(None)
            }
            ("DELETE", ["pipeline", id, version]) => {
                let pos = self.pipeline_pos(id)?;
                let p = &mut self.pipelines[pos];
                let before = p.versions.len();
                p.versions.retain(|v| v.id != *version);
                if before == p.versions.len() {
                    return Err(not_found("PipelineNotFound", "pipeline version", version));
                }
                Ok(None)
            }
            ("POST", ["schedule"]) => self.create_schedule(req, &user),
            ("GET", ["schedule"]) => {
                let list = self
                    .schedules
                    .iter()
                    .filter(|s| root || s["username"] == json!(user))
                    .filter(|s| {
                        filter_match(
                            req.q("pplFilter"),
                            s["pipelineID"].as_str().unwrap_or_default(),
                        )
                    })
                    .filter(|s| {
                        filter_match(
                            req.q("scheduleFilter"),
                            s["scheduleID"].as_str().unwrap_or_default(),
                        )
                    })
                    .filter(|s| {
                        filter_match(req.q("nameFilter"), s["name"].as_str().unwrap_or_default())
                    })
                    .filter(|s| {
                        filter_match(
                            req.q("statusFilter"),
                            s["status"].as_str().unwrap_or_default(),
                        )
                    })
                    .cloned()
                    .collect();
                envelope("scheduleList", list, req)
            }
            ("GET", ["schedule", id]) => {
                let s = self
                    .schedules
                    .iter()
                    .find(|s| s["scheduleID"] == json!(id))
                    .cloned()
                    .ok_or_else(|| not_found("ScheduleNotFound", "schedule", id))?;
                let now = req.now;
                let runs = self
                    .runs
                    .iter()
                    .filter(|r| r.schedule_id == *id)
                    .map(|r| r.brief(now))
                    .collect();
                let mut body = s;
                body["runs"] = envelope("runList", runs, req)?.unwrap_or_default();
                Ok(Some(body))
            }
            ("PUT", ["schedule", id]) => {
                let s = self
                    .schedules
                    .iter_mut()
                    .find(|s| s["scheduleID"] == json!(id))
                    .ok_or_else(|| not_found("ScheduleNotFound", "schedule", id))?;
                s["status"] = json!("terminated");
                s["updateTime"] = json!(time_text(req.now));
                Ok(None)
            }
            ("DELETE", ["schedule", id]) => {
                let before = self.schedules.len();
                self.schedules.retain(|s| s["scheduleID"] != json!(id));
                if before == self.schedules.len() {
                    return Err(not_found("ScheduleNotFound", "schedule", id));
                }
                Ok(None)
            }
            (_, ["fsCache", _]) => Err(err(405, "MethodNotAllowed", "method not allowed")),
            _ => Err(err(
                404,
                "PathNotFound",
                format!(
                    "the emulator has no route {} {PREFIX}/{}",
                    req.method,
                    req.segs.join("/")
                ),
            )),
        }
    }

    fn login(&mut self, req: &Req<'_>) -> Answer {
        let body = req.json()?;
        let (name, password) = (text(&body, "username"), text(&body, "password"));
        match self.users.get(&name) {
            Some(u) if u.password.expose() == password && !password.is_empty() => {
                let token = format!("pf-{}", crate::resource::new_id("", 32));
                self.tokens.insert(
                    Secret::new(token.clone()),
                    Token {
                        user: name,
                        generation: u.generation,
                    },
                );
                Ok(Some(json!({"authorization": token})))
            }
            _ => Err(err(400, "AuthFailed", "user name or password is wrong")),
        }
    }

    fn add_user(&mut self, req: &Req<'_>) -> Answer {
        let body = req.json()?;
        let (name, password) = (text(&body, "username"), text(&body, "password"));
        if name.is_empty() || password.is_empty() {
            return Err(bad("username and password are required"));
        }
        if self.users.contains_key(&name) {
            return Err(err(
                403,
                "UserNameDuplicated",
                format!("user[{name}] already exists"),
            ));
        }
        self.users.insert(
            name.clone(),
            User {
                password: Secret::new(password),
                created_ms: req.now,
                generation: 0,
            },
        );
        Ok(Some(json!({"username": name})))
    }

    fn add_queue(&mut self, req: &Req<'_>) -> Answer {
        let body = req.json()?;
        let name = text(&body, "name");
        if name.is_empty() || text(&body, "namespace").is_empty() {
            return Err(bad("name and namespace are required"));
        }
        if self.queues.contains_key(&name) {
            return Err(err(
                403,
                "QueueNameDuplicated",
                format!("queue[{name}] already exists"),
            ));
        }
        let cluster = non_empty(text(&body, "clusterName"), "default-cluster");
        if !self.clusters.contains_key(&cluster) {
            return Err(not_found("ClusterNotFound", "cluster", &cluster));
        }
        let max = field(&body, "maxResources").ok_or_else(|| bad("maxResources is required"))?;
        let resource = |r: &Value| json!({"cpu": text(r, "cpu"), "memory": text(r, "mem"), "scalarResources": field(r, "scalarResources").cloned()});
        let id = self.next_id("queue");
        let t = time_text(req.now);
        self.queues.insert(name.clone(), json!({"id": id, "name": name, "namespace": text(&body, "namespace"),
            "clusterName": cluster, "quotaType": non_empty(text(&body, "quotaType"), "volcanoCapabilityQuota"),
            "status": "open", "createTime": t, "updateTime": t, "maxResources": resource(max),
            "minResources": field(&body, "minResources").map(resource),
            "location": field(&body, "location").cloned().unwrap_or(json!({})),
            "schedulingPolicy": field(&body, "schedulingPolicy").cloned()}));
        Ok(Some(json!({"name": name})))
    }

    fn fs_of(&self, owner: &str, name: &str) -> Result<&Fs, PfError> {
        self.fs
            .get(&(owner.to_owned(), name.to_owned()))
            .ok_or_else(|| {
                err(
                    403,
                    "FileSystemNotExist",
                    format!("fs[{name}] of user[{owner}] does not exist"),
                )
            })
    }

    fn add_fs(&mut self, req: &Req<'_>, user: &str) -> Answer {
        let body = req.json()?;
        let owner = non_empty(text(&body, "username"), user);
        let (name, url) = (text(&body, "name"), text(&body, "url"));
        if name.is_empty() || url.is_empty() {
            return Err(bad("name and url are required"));
        }
        if self.fs.contains_key(&(owner.clone(), name.clone())) {
            return Err(bad(format!("fs[{name}] already exists")));
        }
        let fs = Fs {
            owner: owner.clone(),
            name: name.clone(),
            url,
            properties: field(&body, "properties").cloned().unwrap_or(json!({})),
            independent: field(&body, "independentMountProcess")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        };
        let id = fs.id();
        self.fs.insert((owner, name.clone()), fs);
        Ok(Some(json!({"fsName": name, "fsID": id})))
    }

    fn run_of(&self, id: &str, user: &str, root: bool) -> Result<&Run, PfError> {
        match self.runs.iter().find(|r| r.id == id) {
            Some(r) if root || r.owner == user => Ok(r),
            Some(_) => Err(err(
                403,
                "AccessDenied",
                format!("user[{user}] has no access to run[{id}]"),
            )),
            None => Err(not_found("RunNotFound", "run", id)),
        }
    }

    fn run_mut(&mut self, id: &str, user: &str, root: bool) -> Result<&mut Run, PfError> {
        self.run_of(id, user, root)?;
        self.runs
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or_else(|| not_found("RunNotFound", "run", id))
    }

    fn create_run(&mut self, req: &Req<'_>, user: &str) -> Answer {
        let body = req.json()?;
        let owner = non_empty(text(&body, "username"), user);
        let fs_name = text(&body, "fsName");
        let (yaml, source) = if field(&body, "runYamlRaw").is_some() {
            (yaml_of(&body, "runYamlRaw")?.0, "runYamlRaw".to_owned())
        } else if !text(&body, "pipelineID").is_empty() {
            let pid = text(&body, "pipelineID");
            let p = self.pipeline_of(&pid)?;
            let vid = text(&body, "pipelineVersionID");
            let v = p
                .versions
                .iter()
                .find(|v| vid.is_empty() || v.id == vid)
                .ok_or_else(|| not_found("PipelineNotFound", "pipeline version", &vid))?;
            (v.yaml.clone(), format!("{pid}/{}", v.id))
        } else if !fs_name.is_empty() {
            self.fs_of(&owner, &fs_name)?;
            let path = non_empty(text(&body, "runYamlPath"), "./run.yaml");
            (
                format!("name: {}\nentry_points:\n  main:\n    command: echo running {path}\n    docker_env: python:3.7\n", fs_name),
                path,
            )
        } else {
            return Err(bad("one of runYamlRaw, pipelineID or fsName is required"));
        };
        let (yaml_name, steps) = parse_yaml(&yaml);
        if steps.is_empty() {
            return Err(bad("the run yaml has no entry_points"));
        }
        let docker_env = text(&body, "dockerEnv");
        let disabled = text(&body, "disabled");
        let skip: Vec<&str> = disabled.split(',').map(str::trim).collect();
        let steps: Vec<Step> = steps
            .iter()
            .filter(|(n, _, _)| !skip.contains(&n.as_str()))
            .map(|(n, c, d)| {
                make_step(
                    n,
                    c,
                    &non_empty(d.clone(), &non_empty(docker_env.clone(), "python:3.7")),
                )
            })
            .collect();
        let id = self.next_id("run");
        let strategy = field(&body, "failureOptions")
            .map(|f| text(f, "strategy"))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "fail_fast".into());
        self.runs.push(Run {
            id: id.clone(),
            name: non_empty(text(&body, "name"), &yaml_name),
            owner,
            fs_name,
            desc: text(&body, "desc"),
            source,
            yaml,
            parameters: field(&body, "parameters").cloned().unwrap_or(json!({})),
            docker_env,
            disabled,
            strategy,
            schedule_id: text(&body, "scheduleID"),
            created_ms: req.now,
            stopped_ms: None,
            steps,
        });
        Ok(Some(json!({"runID": id})))
    }

    fn run_log(&self, req: &Req<'_>, id: &str, user: &str, root: bool) -> Answer {
        let run = self.run_of(id, user, root)?;
        let size = match req.q("pageSize").map(str::parse::<usize>) {
            None => 100,
            Some(Ok(n)) if n <= 100 => n.max(1),
            _ => return Err(err(400, "InvalidArguments", "pageSize must be at most 100")),
        };
        let page_no = match req.q("pageNo").map(str::parse::<usize>) {
            None => 1,
            Some(Ok(n)) => n.max(1),
            _ => return Err(err(400, "InvalidArguments", "pageNo is invalid")),
        };
        let from_end = match req.q("logFilePosition") {
            None | Some("end") => true,
            Some("begin") => false,
            Some(_) => {
                return Err(err(
                    400,
                    "InvalidArguments",
                    "LogFilePosition has wrong value",
                ))
            }
        };
        let job = req.q("jobID");
        let mut run_log = Vec::new();
        for (i, step) in run.steps.iter().enumerate() {
            let job_id = run.job_id(step);
            if job.is_some_and(|j| j != job_id) {
                continue;
            }
            let state = run.step_state(i, req.now);
            if state.start_ms.is_none() {
                continue;
            }
            let lines = run.visible_lines(i, req.now);
            let n = lines.len();
            let (start, end) = if from_end {
                let end = n.saturating_sub((page_no - 1).saturating_mul(size));
                (end.saturating_sub(size), end)
            } else {
                let start = ((page_no - 1).saturating_mul(size)).min(n);
                (start, start.saturating_add(size).min(n))
            };
            let has_next = if from_end { start > 0 } else { end < n };
            let mut content = lines[start..end].join("\n");
            if !content.is_empty() {
                content.push('\n');
            }
            run_log.push(json!({"jobID": job_id, "name": step.name, "type": "step",
                "taskList": [{"taskID": format!("{job_id}-main-0/main"),
                    "logInfo": {"logContent": content, "hasNextPage": has_next, "truncated": false}}],
                "eventList": []}));
        }
        Ok(Some(
            json!({"runID": run.id, "submitLog": "", "runLog": run_log}),
        ))
    }

    fn pipeline_pos(&self, id: &str) -> Result<usize, PfError> {
        self.pipelines
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| not_found("PipelineNotFound", "pipeline", id))
    }

    fn pipeline_of(&self, id: &str) -> Result<&Pipeline, PfError> {
        let pos = self.pipeline_pos(id)?;
        Ok(&self.pipelines[pos])
    }

    fn create_pipeline(&mut self, req: &Req<'_>, user: &str) -> Answer {
        let body = req.json()?;
        let (yaml, fs_name, yaml_path) = yaml_of(&body, "yamlRaw")?;
        let (name, steps) = parse_yaml(&yaml);
        if name.is_empty() || steps.is_empty() {
            return Err(bad("the pipeline yaml needs a name and entry_points"));
        }
        if self.pipelines.iter().any(|p| p.name == name) {
            return Err(bad(format!("pipeline[{name}] already exists")));
        }
        let owner = non_empty(text(&body, "username"), user);
        let id = self.next_id("ppl");
        self.pipelines.push(Pipeline {
            id: id.clone(),
            name: name.clone(),
            desc: text(&body, "desc"),
            owner: owner.clone(),
            created_ms: req.now,
            updated_ms: req.now,
            versions: vec![PipelineVersion {
                id: "1".into(),
                fs_name,
                yaml_path,
                yaml,
                owner,
                created_ms: req.now,
            }],
            next_version: 1,
        });
        Ok(Some(
            json!({"pipelineID": id, "pipelineVersionID": "1", "name": name}),
        ))
    }

    fn create_schedule(&mut self, req: &Req<'_>, user: &str) -> Answer {
        let body = req.json()?;
        for key in ["name", "pipelineID", "pipelineVersionID", "crontab"] {
            if text(&body, key).is_empty() {
                return Err(bad(format!("{key} is required")));
            }
        }
        let pid = text(&body, "pipelineID");
        let vid = text(&body, "pipelineVersionID");
        if !self.pipeline_of(&pid)?.versions.iter().any(|v| v.id == vid) {
            return Err(not_found("PipelineNotFound", "pipeline version", &vid));
        }
        let owner = non_empty(text(&body, "username"), user);
        let id = self.next_id("schedule");
        let t = time_text(req.now);
        let number = |k: &str, d: i64| field(&body, k).and_then(Value::as_i64).unwrap_or(d);
        self.schedules.push(json!({"scheduleID": id, "name": text(&body, "name"), "desc": text(&body, "desc"),
            "pipelineID": pid, "pipelineVersionID": vid, "username": owner, "fsConfig": {"username": owner},
            "crontab": text(&body, "crontab"),
            "options": {"catchup": field(&body, "catchup").and_then(Value::as_bool).unwrap_or(false),
                "expireInterval": number("expireInterval", 0), "concurrency": number("concurrency", 10),
                "concurrencyPolicy": non_empty(text(&body, "concurrencyPolicy"), "suspend")},
            "startTime": text(&body, "startTime"), "endTime": text(&body, "endTime"),
            "createTime": t, "updateTime": t, "nextRunTime": "", "scheduleMsg": "", "status": "running"}));
        Ok(Some(json!({"scheduleID": id})))
    }
}

fn non_empty(value: String, default: &str) -> String {
    if value.is_empty() {
        default.to_owned()
    } else {
        value
    }
}

/// The YAML of a create body: base64 `raw_key`, else a placeholder for a
/// YAML in a file system (the emulator keeps no file contents).
fn yaml_of(body: &Value, raw_key: &str) -> Result<(String, String, String), PfError> {
    let fs_name = text(body, "fsName");
    let yaml_path = non_empty(text(body, "yamlPath"), "./run.yaml");
    if let Some(raw) = field(body, raw_key) {
        let raw = raw.as_str().unwrap_or_default();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(raw)
            .map_err(|_| bad(format!("{raw_key} is not base64")))?;
        return Ok((
            String::from_utf8_lossy(&bytes).into_owned(),
            fs_name,
            yaml_path,
        ));
    }
    if fs_name.is_empty() {
        return Err(bad(format!("{raw_key} or fsName is required")));
    }
    let yaml = format!(
        "name: {}\nentry_points:\n  main:\n    command: echo running {yaml_path}\n    docker_env: python:3.7\n",
        yaml_path.trim_start_matches("./").trim_end_matches(".yaml")
    );
    Ok((yaml, fs_name, yaml_path))
}

fn respond(status: u16, body: Option<&Value>, request_id: &str) -> Response<Full<Bytes>> {
    let bytes = body
        .map(|b| serde_json::to_vec(b).unwrap_or_default())
        .unwrap_or_default();
    let mut response = Response::new(Full::new(Bytes::from(bytes)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    for (name, value) in [
        ("content-type", "application/json".to_owned()),
        ("x-pf-request-id", request_id.to_owned()),
        ("date", http_date(crate::clock::wall_ms())),
        ("server", "bce-emulator".to_owned()),
    ] {
        if let Ok(v) = hyper::header::HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
    response
}

fn decode_segment(raw: &str) -> String {
    String::from_utf8_lossy(&crate::auth::decode(raw)).into_owned()
}

/// Whether a request is for PaddleFlow.
pub(crate) fn is_paddleflow(raw_path: &str) -> bool {
    raw_path == PREFIX || raw_path.starts_with(&format!("{PREFIX}/"))
}

/// Answers a PaddleFlow request (faults were applied by the caller).
pub(crate) fn answer(
    shared: &Shared,
    method: &str,
    raw_path: &str,
    query: &[(String, String)],
    headers: &[(String, String)],
    body: &[u8],
) -> Response<Full<Bytes>> {
    let request_id = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("x-pf-request-id"))
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let rest = raw_path.strip_prefix(PREFIX).unwrap_or_default();
    let segs: Vec<String> = rest
        .split('/')
        .filter(|s| !s.is_empty())
        .map(decode_segment)
        .collect();
    let token = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("x-pf-authorization"))
        .map(|(_, v)| v.as_str());
    let req = Req {
        method,
        segs,
        query,
        body,
        now: shared.clock.now_ms(),
    };
    let result = lock(&shared.world).paddleflow.route(&req, token);
    let (status, reply) = match result {
        Ok(body) => {
            let created = method == "POST"
                && matches!(
                    req.segs.first().map(String::as_str),
                    Some("run" | "pipeline" | "fs" | "fsCache" | "link" | "schedule")
                );
            (if created { 201 } else { 200 }, body)
        }
        Err(e) => {
            tracing::debug!(code = e.code, %method, path = raw_path, "paddleflow error");
            (
                e.status,
                Some(json!({"requestID": request_id, "code": e.code, "message": e.message})),
            )
        }
    };
    lock(&shared.seen).push(SeenRequest {
        method: method.to_owned(),
        path: decode_segment(raw_path),
        status,
    });
    respond(status, reply.as_ref(), &request_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_steps() {
        let (name, steps) = parse_yaml(
            "name: demo\n# c\nentry_points:\n  prep:\n    command: echo a && echo 'b'\n    docker_env: img:1\n  train:\n    command: \"exit 1\"\nparallelism: 2\n",
        );
        assert_eq!(name, "demo");
        assert_eq!(steps.len(), 2);
        assert_eq!(
            steps[0],
            ("prep".into(), "echo a && echo 'b'".into(), "img:1".into())
        );
        let s = make_step("prep", &steps[0].1, "img:1");
        assert_eq!(
            s.lines,
            ["[prep] starting in img:1", "a", "b", "[prep] exit code 0"]
        );
        assert!(make_step("train", "exit 1", "x").fails);
    }

    #[test]
    fn run_lifecycle() {
        let run = Run {
            id: "run-1".into(),
            name: "r".into(),
            owner: "root".into(),
            fs_name: String::new(),
            desc: String::new(),
            source: String::new(),
            yaml: String::new(),
            parameters: json!({}),
            docker_env: String::new(),
            disabled: String::new(),
            strategy: "fail_fast".into(),
            schedule_id: String::new(),
            created_ms: 0,
            stopped_ms: None,
            steps: vec![make_step("a", "echo 1", "x"), make_step("b", "fail", "x")],
        };
        assert_eq!(run.status(0), "initiating");
        assert_eq!(run.status(PHASE_MS), "pending");
        assert_eq!(run.status(2 * PHASE_MS), "running");
        assert_eq!(
            run.step_state(0, 2 * PHASE_MS + STEP_MS).status,
            "succeeded"
        );
        assert_eq!(run.status(2 * PHASE_MS + 2 * STEP_MS), "failed");
        assert_eq!(run.visible_lines(0, 2 * PHASE_MS + STEP_MS).len(), 3);
        let mut stopped = run.clone();
        stopped.stopped_ms = Some(2 * PHASE_MS + 10);
        assert_eq!(stopped.status(2 * PHASE_MS + 20), "terminating");
        assert_eq!(stopped.status(2 * PHASE_MS + 10 + STOP_MS), "terminated");
        assert_eq!(stopped.step_state(0, 10_000).status, "terminated");
        assert_eq!(stopped.step_state(1, 10_000).status, "cancelled");
    }

    #[test]
    fn paging() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let q = vec![("maxKeys".to_owned(), "2".to_owned())];
        let req = Req {
            method: "GET",
            segs: vec![],
            query: &q,
            body: b"",
            now: 0,
        };
        let (chunk, truncated, next) = page(items.clone(), &req).unwrap();
        assert_eq!((chunk.len(), truncated), (2, true));
        let q2 = vec![
            ("maxKeys".to_owned(), "2".to_owned()),
            ("marker".to_owned(), next),
        ];
        let req = Req {
            method: "GET",
            segs: vec![],
            query: &q2,
            body: b"",
            now: 0,
        };
        assert_eq!(page(items.clone(), &req).unwrap().0, [json!(2), json!(3)]);
        let bad = vec![("maxKeys".to_owned(), "0".to_owned())];
        let req = Req {
            method: "GET",
            segs: vec![],
            query: &bad,
            body: b"",
            now: 0,
        };
        assert_eq!(page(items, &req).unwrap_err().code, "InvalidURI");
    }
}
