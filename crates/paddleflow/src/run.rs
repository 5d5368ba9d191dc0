//! Runs (with their runtime DAG), run caches and artifacts.

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize, Serializer};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, FailureStrategy, JobStatus, RunStatus};
use crate::paging::{marker_list, marker_streams};

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

body! {
    /// Body of [`Client::create_run`]. The server takes the workflow from, in
    /// this order: `run_yaml_raw`, `pipeline_id` + `pipeline_version_id`,
    /// `run_yaml_path` (default `./run.yaml` in the file system).
    pub struct CreateRunRequest {}
    optional {
        /// File system the run works in (`fsName`; the Python SDK writes `fsname`).
        pub fs_name: Option<String>,
        /// Run name (the SDK's `run_name`).
        pub name: Option<String>,
        /// Description.
        pub desc: Option<String>,
        /// Path of the workflow YAML in the file system.
        pub run_yaml_path: Option<String>,
        /// The workflow YAML itself (sent base64-encoded).
        #[serde(serialize_with = "crate::model::base64_opt::serialize")]
        pub run_yaml_raw: Option<Vec<u8>>,
        /// Pipeline to run.
        #[serde(rename = "pipelineID")]
        pub pipeline_id: Option<String>,
        /// Version of that pipeline.
        #[serde(rename = "pipelineVersionID")]
        pub pipeline_version_id: Option<String>,
        /// Parameters overriding the workflow's (the SDK's `param`).
        pub parameters: Option<BTreeMap<String, serde_json::Value>>,
        /// Run as this user (root only).
        pub username: Option<String>,
        /// Steps to skip (sent comma-separated).
        #[serde(serialize_with = "comma_list")]
        pub disabled: Option<Vec<String>>,
        /// Default image of the steps.
        pub docker_env: Option<String>,
        /// Failure handling.
        pub failure_options: Option<FailureOptions>,
        /// Schedule that started the run (set by the server's scheduler).
        #[serde(rename = "scheduleID")]
        pub schedule_id: Option<String>,
        /// Time the schedule planned the run for.
        pub scheduled_at: Option<String>,
    }
}

answer! {
    /// Answer naming a run.
    #[derive(Eq)]
    pub struct RunIdResponse {
        /// Run id.
        #[serde(rename = "runID")]
        pub run_id: String,
    }
}

answer! {
    /// A run as listed.
    #[derive(Eq)]
    pub struct RunBrief {
        /// Run id.
        #[serde(rename = "runID")]
        pub run_id: String,
        /// Name.
        pub name: String,
        /// Where the workflow came from.
        pub source: String,
        /// Owner.
        pub username: String,
        /// File system.
        pub fs_name: String,
        /// Description.
        pub description: String,
        /// Schedule that started it.
        #[serde(rename = "scheduleID")]
        pub schedule_id: String,
        /// Status message.
        pub run_msg: String,
        /// State.
        pub status: RunStatus,
        /// Planned time (scheduled runs).
        pub scheduled_time: String,
        /// Creation time.
        pub create_time: String,
        /// Start time.
        pub activate_time: String,
        /// Last update.
        pub update_time: String,
    }
}

answer! {
    /// A file system mounted into a run or step.
    #[derive(Eq)]
    pub struct FsMount {
        /// File system id.
        pub id: String,
        /// File system name.
        pub name: String,
        /// Mount path in the container.
        pub mount_path: String,
        /// Sub path of the file system.
        pub sub_path: String,
        /// Mounted read-only.
        pub read_only: bool,
    }
}

answer! {
    /// File systems of a run.
    #[derive(Eq)]
    pub struct FsOptions {
        /// The main file system.
        #[serde(rename = "mainFS")]
        pub main_fs: FsMount,
        /// Extra file systems.
        #[serde(rename = "extraFS")]
        pub extra_fs: Vec<FsMount>,
    }
}

answer! {
    /// Input and output artifacts of a step (name → path).
    #[derive(Eq)]
    pub struct Artifacts {
        /// Inputs.
        pub input: BTreeMap<String, String>,
        /// Outputs.
        pub output: BTreeMap<String, String>,
    }
}

answer! {
    /// Cache settings of a step.
    pub struct StepCache {
        /// Whether cached results are reused.
        pub enable: bool,
        /// How long a cache entry lives.
        pub max_expired_time: String,
        /// Paths whose content keys the cache.
        pub fs_scope: Vec<serde_json::Value>,
    }
}

answer! {
    /// One node of a run's runtime: a step (job) or a DAG of nodes. The server
    /// sends either shape; this type holds the fields of both, tolerates
    /// unknown ones, and is a tree through [`RuntimeNode::entry_points`].
    pub struct RuntimeNode {
        /// Job id (steps).
        #[serde(rename = "jobID")]
        pub job_id: String,
        /// DAG id (DAGs).
        pub id: String,
        /// Name.
        pub name: String,
        /// Node type.
        #[serde(rename = "type")]
        pub node_type: String,
        /// Step name (steps).
        pub step_name: String,
        /// DAG name (DAGs).
        pub dag_name: String,
        /// Enclosing DAG.
        #[serde(rename = "parentDagID")]
        pub parent_dag_id: String,
        /// Command (steps).
        pub command: String,
        /// State.
        pub status: JobStatus,
        /// Upstream nodes (comma-separated).
        pub deps: String,
        /// Image (steps).
        pub docker_env: String,
        /// Start time.
        pub start_time: String,
        /// End time.
        pub end_time: String,
        /// Status message of a step.
        pub job_message: String,
        /// Status message of a DAG.
        pub message: String,
        /// Run whose cache the step reused.
        #[serde(rename = "cacheRunID")]
        pub cache_run_id: String,
        /// Job whose cache the step reused.
        #[serde(rename = "cacheJobID")]
        pub cache_job_id: String,
        /// Parameters.
        pub parameters: BTreeMap<String, serde_json::Value>,
        /// Environment (steps).
        pub env: BTreeMap<String, String>,
        /// Extra file systems (steps).
        #[serde(rename = "extraFS")]
        pub extra_fs: Vec<FsMount>,
        /// Artifacts.
        pub artifacts: Artifacts,
        /// Cache settings (steps).
        pub cache: StepCache,
        /// Child nodes by name (DAGs; empty for steps).
        pub entry_points: BTreeMap<String, Vec<RuntimeNode>>,
    }
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

answer! {
    /// A run in detail.
    pub struct Run {
        /// Run id.
        #[serde(rename = "runID")]
        pub run_id: String,
        /// Name.
        pub name: String,
        /// Where the workflow came from.
        pub source: String,
        /// Owner.
        pub username: String,
        /// File system.
        pub fs_name: String,
        /// File systems mounted into the steps.
        pub fs_options: FsOptions,
        /// Description.
        pub description: String,
        /// Parameters.
        pub parameters: BTreeMap<String, serde_json::Value>,
        /// The workflow YAML.
        pub run_yaml: String,
        /// Entry-point nodes by step name (each a step or a DAG tree).
        pub runtime: BTreeMap<String, Vec<RuntimeNode>>,
        /// Post-process steps by name.
        pub post_process: BTreeMap<String, RuntimeNode>,
        /// Failure handling.
        pub failure_options: Option<FailureOptions>,
        /// Default image.
        pub docker_env: String,
        /// Skipped steps (comma-separated).
        pub disabled: String,
        /// Schedule that started it.
        #[serde(rename = "scheduleID")]
        pub schedule_id: String,
        /// Status message.
        pub run_msg: String,
        /// State.
        pub status: RunStatus,
        /// Caches the run used (comma-separated ids).
        #[serde(rename = "runCachedIDs")]
        pub run_cached_ids: String,
        /// Creation time.
        pub create_time: String,
        /// Start time.
        pub activate_time: String,
        /// Last update.
        pub update_time: String,
    }
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

answer! {
    /// A cache entry of a run step.
    #[derive(Eq)]
    pub struct RunCache {
        /// Cache id.
        #[serde(rename = "cacheID")]
        pub cache_id: String,
        /// First fingerprint.
        pub first_fp: String,
        /// Second fingerprint.
        pub second_fp: String,
        /// Run.
        #[serde(rename = "runID")]
        pub run_id: String,
        /// Source.
        pub source: String,
        /// Job.
        #[serde(rename = "jobID")]
        pub job_id: String,
        /// File system (spelled `fsname` in this answer).
        #[serde(rename = "fsname", alias = "fsName")]
        pub fs_name: String,
        /// Owner.
        pub username: String,
        /// Expiry.
        pub expired_time: String,
        /// Strategy.
        pub strategy: String,
        /// Custom data.
        pub custom: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
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

answer! {
    /// An artifact a run step read or wrote.
    #[derive(Eq)]
    pub struct ArtifactEvent {
        /// Run.
        #[serde(rename = "runID")]
        pub run_id: String,
        /// File system (spelled `fsname` in this answer).
        #[serde(rename = "fsname", alias = "fsName")]
        pub fs_name: String,
        /// Owner.
        pub username: String,
        /// Path.
        pub artifact_path: String,
        /// Step.
        pub step: String,
        /// Job.
        #[serde(rename = "jobID")]
        pub job_id: String,
        /// `input` or `output`.
        #[serde(rename = "type")]
        pub artifact_type: String,
        /// Name.
        pub artifact_name: String,
        /// Metadata.
        pub meta: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
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
            .not_blank("username", request.username.as_deref())
            .not_blank("run_name", request.name.as_deref())
            .not_blank("fs_name", request.fs_name.as_deref())
            .json_plain(request);
        self.call(op).await
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
        self.call(op).await
    }

    /// One run with its runtime DAG (`GET /api/paddleflow/v1/run/{runID}`).
    pub async fn show_run(&self, run_id: &str) -> Result<Run, Error> {
        let op = Client::op("show_run", Method::Get, "/run").id("run_id", run_id);
        self.call(op).await
    }

    /// Stops a run (`PUT /api/paddleflow/v1/run/{runID}?action=stop`, body
    /// `{"stopForce": force}`; `force` also stops post-process steps and a
    /// run that is already terminating).
    pub async fn stop_run(&self, run_id: &str, force: bool) -> Result<(), Error> {
        let op = Client::op("stop_run", Method::Put, "/run")
            .id("run_id", run_id)
            .query("action", "stop")
            .json_plain(&StopRunBody { stop_force: force });
        self.call_no_content(op).await
    }

    /// Runs a failed or stopped run again
    /// (`PUT /api/paddleflow/v1/run/{runID}?action=retry`); answers the new run's id.
    pub async fn retry_run(&self, run_id: &str) -> Result<RunIdResponse, Error> {
        let op = Client::op("retry_run", Method::Put, "/run")
            .id("run_id", run_id)
            .query("action", "retry");
        self.call(op).await
    }

    /// Deletes a run (`DELETE /api/paddleflow/v1/run/{runID}`, body
    /// `{"checkCache": …}`; `None` sends `null`, which the server treats as
    /// `true`: refuse when other runs use this run's cache).
    pub async fn delete_run(&self, run_id: &str, check_cache: Option<bool>) -> Result<(), Error> {
        let op = Client::op("delete_run", Method::Delete, "/run")
            .id("run_id", run_id)
            .json_plain(&DeleteRunBody { check_cache });
        self.call_no_content(op).await
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
        self.call(op).await
    }

    /// One run cache (`GET /api/paddleflow/v1/runCache/{cacheID}`).
    pub async fn show_cache(&self, cache_id: &str) -> Result<RunCache, Error> {
        let op = Client::op("show_cache", Method::Get, "/runCache").id("cache_id", cache_id);
        self.call(op).await
    }

    /// Deletes a run cache (`DELETE /api/paddleflow/v1/runCache/{cacheID}`).
    pub async fn delete_cache(&self, cache_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_cache", Method::Delete, "/runCache").id("cache_id", cache_id);
        self.call_no_content(op).await
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
        self.call(op).await
    }
}

marker_streams! {
    /// Every run matching `request`, page after page.
    list_run_stream(ListRunRequest) -> RunBrief = list_run;
    /// Every run cache matching `request`, page after page.
    list_cache_stream(ListCacheRequest) -> RunCache = list_cache;
    /// Every artifact matching `request`, page after page.
    list_artifact_stream(ListArtifactRequest) -> ArtifactEvent = list_artifact;
}
