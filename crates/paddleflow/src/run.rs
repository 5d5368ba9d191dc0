//! Runs (with their runtime DAG), run caches and artifacts.

use std::collections::BTreeMap;

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize, Serializer};

use crate::client::{Client, OpExt};
use crate::model::{marker_list, nd, FailureStrategy, JobStatus, RunStatus};

/// Serializes a list as one comma-separated string.
pub(crate) fn comma_list<S: Serializer>(
    value: &Option<Vec<String>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&v.join(",")),
        None => s.serialize_none(),
    }
}

/// What a run does when a step fails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FailureOptions {
    /// `fail_fast` or `continue`.
    pub strategy: FailureStrategy,
}

/// Body of [`Client::create_run`]. The server takes the workflow from, in
/// this order: `run_yaml_raw`, `pipeline_id` + `pipeline_version_id`,
/// `run_yaml_path` (default `./run.yaml` in the file system).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateRunRequest {
    /// File system the run works in (`fsName`; the Python SDK writes `fsname`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fs_name: Option<String>,
    /// Run name (the SDK's `run_name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// Path of the workflow YAML in the file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_yaml_path: Option<String>,
    /// The workflow YAML itself (sent base64-encoded).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::base64_opt::serialize"
    )]
    pub run_yaml_raw: Option<Vec<u8>>,
    /// Pipeline to run.
    #[serde(rename = "pipelineID", skip_serializing_if = "Option::is_none")]
    pub pipeline_id: Option<String>,
    /// Version of that pipeline.
    #[serde(rename = "pipelineVersionID", skip_serializing_if = "Option::is_none")]
    pub pipeline_version_id: Option<String>,
    /// Parameters overriding the workflow's (the SDK's `param`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<BTreeMap<String, serde_json::Value>>,
    /// Run as this user (root only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Steps to skip (sent comma-separated).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "comma_list")]
    pub disabled: Option<Vec<String>>,
    /// Default image of the steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docker_env: Option<String>,
    /// Failure handling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_options: Option<FailureOptions>,
    /// Schedule that started the run (set by the server's scheduler).
    #[serde(rename = "scheduleID", skip_serializing_if = "Option::is_none")]
    pub schedule_id: Option<String>,
    /// Time the schedule planned the run for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<String>,
}

/// Answer naming a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct RunIdResponse {
    /// Run id.
    #[serde(rename = "runID", deserialize_with = "nd")]
    pub run_id: String,
}

/// A run as listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RunBrief {
    /// Run id.
    #[serde(rename = "runID", deserialize_with = "nd")]
    pub run_id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Where the workflow came from.
    #[serde(deserialize_with = "nd")]
    pub source: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// File system.
    #[serde(deserialize_with = "nd")]
    pub fs_name: String,
    /// Description.
    #[serde(deserialize_with = "nd")]
    pub description: String,
    /// Schedule that started it.
    #[serde(rename = "scheduleID", deserialize_with = "nd")]
    pub schedule_id: String,
    /// Status message.
    #[serde(deserialize_with = "nd")]
    pub run_msg: String,
    /// State.
    pub status: RunStatus,
    /// Planned time (scheduled runs).
    #[serde(deserialize_with = "nd")]
    pub scheduled_time: String,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Start time.
    #[serde(deserialize_with = "nd")]
    pub activate_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

/// A file system mounted into a run or step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FsMount {
    /// File system id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// File system name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Mount path in the container.
    #[serde(deserialize_with = "nd")]
    pub mount_path: String,
    /// Sub path of the file system.
    #[serde(deserialize_with = "nd")]
    pub sub_path: String,
    /// Mounted read-only.
    #[serde(deserialize_with = "nd")]
    pub read_only: bool,
}

/// File systems of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct FsOptions {
    /// The main file system.
    #[serde(rename = "mainFS", deserialize_with = "nd")]
    pub main_fs: FsMount,
    /// Extra file systems.
    #[serde(rename = "extraFS", deserialize_with = "nd")]
    pub extra_fs: Vec<FsMount>,
}

/// Input and output artifacts of a step (name → path).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Artifacts {
    /// Inputs.
    #[serde(deserialize_with = "nd")]
    pub input: BTreeMap<String, String>,
    /// Outputs.
    #[serde(deserialize_with = "nd")]
    pub output: BTreeMap<String, String>,
}

/// Cache settings of a step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct StepCache {
    /// Whether cached results are reused.
    #[serde(deserialize_with = "nd")]
    pub enable: bool,
    /// How long a cache entry lives.
    #[serde(deserialize_with = "crate::model::lenient_string")]
    pub max_expired_time: String,
    /// Paths whose content keys the cache.
    #[serde(deserialize_with = "nd")]
    pub fs_scope: Vec<serde_json::Value>,
}

/// One node of a run's runtime: a step (job) or a DAG of nodes. The server
/// sends either shape; this type holds the fields of both, tolerates
/// unknown ones, and is a tree through [`RuntimeNode::entry_points`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RuntimeNode {
    /// Job id (steps).
    #[serde(rename = "jobID", deserialize_with = "nd")]
    pub job_id: String,
    /// DAG id (DAGs).
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Node type.
    #[serde(rename = "type", deserialize_with = "nd")]
    pub node_type: String,
    /// Step name (steps).
    #[serde(deserialize_with = "nd")]
    pub step_name: String,
    /// DAG name (DAGs).
    #[serde(deserialize_with = "nd")]
    pub dag_name: String,
    /// Enclosing DAG.
    #[serde(rename = "parentDagID", deserialize_with = "nd")]
    pub parent_dag_id: String,
    /// Command (steps).
    #[serde(deserialize_with = "nd")]
    pub command: String,
    /// State.
    pub status: JobStatus,
    /// Upstream nodes (comma-separated).
    #[serde(deserialize_with = "nd")]
    pub deps: String,
    /// Image (steps).
    #[serde(deserialize_with = "nd")]
    pub docker_env: String,
    /// Start time.
    #[serde(deserialize_with = "nd")]
    pub start_time: String,
    /// End time.
    #[serde(deserialize_with = "nd")]
    pub end_time: String,
    /// Status message of a step.
    #[serde(deserialize_with = "nd")]
    pub job_message: String,
    /// Status message of a DAG.
    #[serde(deserialize_with = "nd")]
    pub message: String,
    /// Run whose cache the step reused.
    #[serde(rename = "cacheRunID", deserialize_with = "nd")]
    pub cache_run_id: String,
    /// Job whose cache the step reused.
    #[serde(rename = "cacheJobID", deserialize_with = "nd")]
    pub cache_job_id: String,
    /// Parameters.
    #[serde(deserialize_with = "nd")]
    pub parameters: BTreeMap<String, serde_json::Value>,
    /// Environment (steps).
    #[serde(deserialize_with = "nd")]
    pub env: BTreeMap<String, String>,
    /// Extra file systems (steps).
    #[serde(rename = "extraFS", deserialize_with = "nd")]
    pub extra_fs: Vec<FsMount>,
    /// Artifacts.
    #[serde(deserialize_with = "nd")]
    pub artifacts: Artifacts,
    /// Cache settings (steps).
    #[serde(deserialize_with = "nd")]
    pub cache: StepCache,
    /// Child nodes by name (DAGs; empty for steps).
    #[serde(deserialize_with = "nd")]
    pub entry_points: BTreeMap<String, Vec<RuntimeNode>>,
}

impl RuntimeNode {
    /// Whether this node is a DAG (it has children or a DAG name).
    pub fn is_dag(&self) -> bool {
        !self.entry_points.is_empty() || !self.dag_name.is_empty()
    }

    /// This node and every node below it, depth first.
    pub fn walk(&self) -> Vec<&RuntimeNode> {
        let mut out = vec![self];
        for children in self.entry_points.values() {
            for child in children {
                out.extend(child.walk());
            }
        }
        out
    }
}

/// A run in detail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Run {
    /// Run id.
    #[serde(rename = "runID", deserialize_with = "nd")]
    pub run_id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Where the workflow came from.
    #[serde(deserialize_with = "nd")]
    pub source: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// File system.
    #[serde(deserialize_with = "nd")]
    pub fs_name: String,
    /// File systems mounted into the steps.
    #[serde(deserialize_with = "nd")]
    pub fs_options: FsOptions,
    /// Description.
    #[serde(deserialize_with = "nd")]
    pub description: String,
    /// Parameters.
    #[serde(deserialize_with = "nd")]
    pub parameters: BTreeMap<String, serde_json::Value>,
    /// The workflow YAML.
    #[serde(deserialize_with = "nd")]
    pub run_yaml: String,
    /// Entry-point nodes by step name (each a step or a DAG tree).
    #[serde(deserialize_with = "nd")]
    pub runtime: BTreeMap<String, Vec<RuntimeNode>>,
    /// Post-process steps by name.
    #[serde(deserialize_with = "nd")]
    pub post_process: BTreeMap<String, RuntimeNode>,
    /// Failure handling.
    #[serde(deserialize_with = "nd")]
    pub failure_options: Option<FailureOptions>,
    /// Default image.
    #[serde(deserialize_with = "nd")]
    pub docker_env: String,
    /// Skipped steps (comma-separated).
    #[serde(deserialize_with = "nd")]
    pub disabled: String,
    /// Schedule that started it.
    #[serde(rename = "scheduleID", deserialize_with = "nd")]
    pub schedule_id: String,
    /// Status message.
    #[serde(deserialize_with = "nd")]
    pub run_msg: String,
    /// State.
    pub status: RunStatus,
    /// Caches the run used (comma-separated ids).
    #[serde(rename = "runCachedIDs", deserialize_with = "nd")]
    pub run_cached_ids: String,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Start time.
    #[serde(deserialize_with = "nd")]
    pub activate_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

impl Run {
    /// Every node of the runtime and the post-process steps, depth first.
    pub fn nodes(&self) -> Vec<&RuntimeNode> {
        let mut out = Vec::new();
        for nodes in self.runtime.values() {
            for node in nodes {
                out.extend(node.walk());
            }
        }
        out.extend(self.post_process.values());
        out
    }
}

marker_list! {
    /// A page of runs.
    ListRunResponse, RunBrief, run_list, "runList"
}

/// Filters and paging of [`Client::list_run`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListRunRequest {
    /// Only runs in this file system (`fsFilter`; the SDK's `fs_name`).
    pub fs_filter: Option<String>,
    /// Only this user's runs (`userFilter`; the SDK's `username`).
    pub user_filter: Option<String>,
    /// Only this run (`runFilter`; the SDK's `run_id`).
    pub run_filter: Option<String>,
    /// Only runs with this name (`nameFilter`; the SDK's `run_name`).
    pub name_filter: Option<String>,
    /// Only runs in these states (`statusFilter`, comma-separated).
    pub status_filter: Vec<RunStatus>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

/// A cache entry of a run step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RunCache {
    /// Cache id.
    #[serde(rename = "cacheID", deserialize_with = "nd")]
    pub cache_id: String,
    /// First fingerprint.
    #[serde(deserialize_with = "nd")]
    pub first_fp: String,
    /// Second fingerprint.
    #[serde(deserialize_with = "nd")]
    pub second_fp: String,
    /// Run.
    #[serde(rename = "runID", deserialize_with = "nd")]
    pub run_id: String,
    /// Source.
    #[serde(deserialize_with = "nd")]
    pub source: String,
    /// Job.
    #[serde(rename = "jobID", deserialize_with = "nd")]
    pub job_id: String,
    /// File system (spelled `fsname` in this answer).
    #[serde(rename = "fsname", alias = "fsName", deserialize_with = "nd")]
    pub fs_name: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// Expiry.
    #[serde(deserialize_with = "crate::model::lenient_string")]
    pub expired_time: String,
    /// Strategy.
    #[serde(deserialize_with = "nd")]
    pub strategy: String,
    /// Custom data.
    #[serde(deserialize_with = "nd")]
    pub custom: String,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

marker_list! {
    /// A page of run caches.
    ListRunCacheResponse, RunCache, run_cache_list, "runCacheList"
}

/// Filters and paging of [`Client::list_cache`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListCacheRequest {
    /// Only this user's caches.
    pub user_filter: Option<String>,
    /// Only caches in this file system.
    pub fs_filter: Option<String>,
    /// Only this run's caches.
    pub run_filter: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

/// An artifact a run step read or wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ArtifactEvent {
    /// Run.
    #[serde(rename = "runID", deserialize_with = "nd")]
    pub run_id: String,
    /// File system (spelled `fsname` in this answer).
    #[serde(rename = "fsname", alias = "fsName", deserialize_with = "nd")]
    pub fs_name: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// Path.
    #[serde(deserialize_with = "nd")]
    pub artifact_path: String,
    /// Step.
    #[serde(deserialize_with = "nd")]
    pub step: String,
    /// Job.
    #[serde(rename = "jobID", deserialize_with = "nd")]
    pub job_id: String,
    /// `input` or `output`.
    #[serde(rename = "type", deserialize_with = "nd")]
    pub artifact_type: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub artifact_name: String,
    /// Metadata.
    #[serde(deserialize_with = "nd")]
    pub meta: String,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

marker_list! {
    /// A page of artifacts.
    ListArtifactResponse, ArtifactEvent, artifact_event_list, "artifactEventList"
}

/// Filters and paging of [`Client::list_artifact`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListArtifactRequest {
    /// Only this user's artifacts.
    pub user_filter: Option<String>,
    /// Only artifacts in this file system.
    pub fs_filter: Option<String>,
    /// Only this run's artifacts.
    pub run_filter: Option<String>,
    /// Only `input` or `output` artifacts.
    pub type_filter: Option<String>,
    /// Only artifacts at this path.
    pub path_filter: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StopRunBody {
    stop_force: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DeleteRunBody {
    check_cache: Option<bool>,
}

fn blank_ok(value: &Option<String>) -> bool {
    value
        .as_deref()
        .map_or(true, |v| v.is_empty() || !v.trim().is_empty())
}

/// A comma-separated filter of states (`None` when empty).
pub(crate) fn status_filter<T: AsRef<str>>(states: &[T]) -> Option<String> {
    (!states.is_empty()).then(|| {
        states
            .iter()
            .map(|s| s.as_ref().to_owned())
            .collect::<Vec<_>>()
            .join(",")
    })
}

impl AsRef<str> for RunStatus {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Client {
    /// Starts a run (`POST /api/paddleflow/v1/run`, answer 201 `{runID}`).
    /// Blank names are refused before sending.
    pub async fn create_run(&self, request: &CreateRunRequest) -> Result<RunIdResponse, Error> {
        let op = Client::op("create_run", Method::Post, "/run")
            .check(blank_ok(&request.username), "username", "must not be blank")
            .check(blank_ok(&request.name), "run_name", "must not be blank")
            .check(blank_ok(&request.fs_name), "fs_name", "must not be blank")
            .json_plain(request);
        self.send(op).await
    }

    /// One page of runs (`GET /api/paddleflow/v1/run`).
    pub async fn list_run(&self, request: &ListRunRequest) -> Result<ListRunResponse, Error> {
        let status = status_filter(&request.status_filter);
        let op = Client::op("list_run", Method::Get, "/run")
            .max_keys(request.max_keys)
            .filter("userFilter", request.user_filter.as_deref())
            .filter("fsFilter", request.fs_filter.as_deref())
            .filter("runFilter", request.run_filter.as_deref())
            .filter("nameFilter", request.name_filter.as_deref())
            .filter("statusFilter", status.as_deref())
            .filter("marker", request.marker.as_deref());
        self.send(op).await
    }

    /// Every run matching `request`, page after page.
    pub fn list_run_stream(
        &self,
        request: ListRunRequest,
    ) -> impl Stream<Item = Result<RunBrief, Error>> + '_ {
        marker_stream(request, move |req: ListRunRequest| async move {
            self.list_run(&req).await
        })
    }

    /// One run with its runtime DAG (`GET /api/paddleflow/v1/run/{runID}`).
    pub async fn show_run(&self, run_id: &str) -> Result<Run, Error> {
        let op = Client::op("show_run", Method::Get, "/run").id("run_id", run_id);
        self.send(op).await
    }

    /// Stops a run (`PUT /api/paddleflow/v1/run/{runID}?action=stop`, body
    /// `{"stopForce": force}`; `force` also stops post-process steps and a
    /// run that is already terminating).
    pub async fn stop_run(&self, run_id: &str, force: bool) -> Result<(), Error> {
        let op = Client::op("stop_run", Method::Put, "/run")
            .id("run_id", run_id)
            .query("action", "stop")
            .json_plain(&StopRunBody { stop_force: force });
        self.send_empty(op).await
    }

    /// Runs a failed or stopped run again
    /// (`PUT /api/paddleflow/v1/run/{runID}?action=retry`); answers the new run's id.
    pub async fn retry_run(&self, run_id: &str) -> Result<RunIdResponse, Error> {
        let op = Client::op("retry_run", Method::Put, "/run")
            .id("run_id", run_id)
            .query("action", "retry");
        self.send(op).await
    }

    /// Deletes a run (`DELETE /api/paddleflow/v1/run/{runID}`, body
    /// `{"checkCache": …}`; `None` sends `null`, which the server treats as
    /// `true`: refuse when other runs use this run's cache).
    pub async fn delete_run(&self, run_id: &str, check_cache: Option<bool>) -> Result<(), Error> {
        let op = Client::op("delete_run", Method::Delete, "/run")
            .id("run_id", run_id)
            .json_plain(&DeleteRunBody { check_cache });
        self.send_empty(op).await
    }

    /// One page of run caches (`GET /api/paddleflow/v1/runCache`).
    pub async fn list_cache(
        &self,
        request: &ListCacheRequest,
    ) -> Result<ListRunCacheResponse, Error> {
        let op = Client::op("list_cache", Method::Get, "/runCache")
            .filter("userFilter", request.user_filter.as_deref())
            .filter("fsFilter", request.fs_filter.as_deref())
            .filter("runFilter", request.run_filter.as_deref())
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref());
        self.send(op).await
    }

    /// Every run cache matching `request`, page after page.
    pub fn list_cache_stream(
        &self,
        request: ListCacheRequest,
    ) -> impl Stream<Item = Result<RunCache, Error>> + '_ {
        marker_stream(request, move |req: ListCacheRequest| async move {
            self.list_cache(&req).await
        })
    }

    /// One run cache (`GET /api/paddleflow/v1/runCache/{cacheID}`).
    pub async fn show_cache(&self, cache_id: &str) -> Result<RunCache, Error> {
        let op = Client::op("show_cache", Method::Get, "/runCache").id("cache_id", cache_id);
        self.send(op).await
    }

    /// Deletes a run cache (`DELETE /api/paddleflow/v1/runCache/{cacheID}`).
    pub async fn delete_cache(&self, cache_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_cache", Method::Delete, "/runCache").id("cache_id", cache_id);
        self.send_empty(op).await
    }

    /// One page of artifacts (`GET /api/paddleflow/v1/artifact`).
    pub async fn list_artifact(
        &self,
        request: &ListArtifactRequest,
    ) -> Result<ListArtifactResponse, Error> {
        let op = Client::op("list_artifact", Method::Get, "/artifact")
            .filter("userFilter", request.user_filter.as_deref())
            .filter("fsFilter", request.fs_filter.as_deref())
            .filter("runFilter", request.run_filter.as_deref())
            .filter("typeFilter", request.type_filter.as_deref())
            .filter("pathFilter", request.path_filter.as_deref())
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref());
        self.send(op).await
    }

    /// Every artifact matching `request`, page after page.
    pub fn list_artifact_stream(
        &self,
        request: ListArtifactRequest,
    ) -> impl Stream<Item = Result<ArtifactEvent, Error>> + '_ {
        marker_stream(request, move |req: ListArtifactRequest| async move {
            self.list_artifact(&req).await
        })
    }
}
