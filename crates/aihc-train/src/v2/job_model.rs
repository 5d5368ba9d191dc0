//! Models of the v2 job actions: job specs (sent and received), jobs, pods,
//! events and the answers of the 12 job actions.

use std::collections::BTreeMap;

use bce_core::Secret;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::de;
use crate::job::Priority;

crate::job::job_states! {
    /// State of a training job. The reference lists no values; these are
    /// the ones seen in its examples and in the v1 API. Unknown states are
    /// kept as [`JobState::Other`].
    pub enum JobState {
        /// Accepted, not scheduled yet.
        Created = "Created",
        /// Resources assigned.
        Scheduled = "Scheduled",
        /// Restarting after a fault.
        Restarting = "Restarting",
    }
}

impl JobState {
    /// Whether the job ended without succeeding (failed or stopped).
    pub fn is_failure(&self) -> bool {
        matches!(self, JobState::Failed | JobState::Stopped)
    }
}

bce_core::string_enum! {
    /// Kind of distributed job. The service answers lower-case names
    /// (e.g. `pytorch`, `pytorchjob`) in some places; they are kept as
    /// [`JobType::Other`].
    pub enum JobType {
        /// PyTorch (the service default).
        PyTorchJob = "PyTorchJob",
        /// TensorFlow: one [`JobSpec`] per role ([`JobSpecs::Roles`]).
        TfJob = "TFJob",
        /// MPI.
        MpiJob = "MPIJob",
        /// Ray.
        RayJob = "RayJob",
    }
}

bce_core::string_enum! {
    /// Metric of [`super::Client::describe_job_metrics`].
    pub enum MetricType {
        /// GPU utilisation.
        GpuUsage = "GpuUsage",
        /// GPU memory utilisation.
        GpuMemoryUsage = "GpuMemoryUsage",
        /// CPU utilisation.
        CpuUsage = "CpuUsage",
        /// Memory utilisation.
        MemoryUsage = "MemoryUsage",
        /// Disk read rate.
        DiskReadRate = "DiskReadRate",
        /// Disk write rate.
        DiskWriteRate = "DiskWriteRate",
        /// RDMA send rate.
        RdmaSendDataRate = "RDMASendDataRate",
        /// RDMA receive rate.
        RdmaRecvDataRate = "RDMARecvDataRate",
        /// PCIe send rate.
        PcieSendDataRate = "PCIESendDataRate",
        /// PCIe receive rate.
        PcieRecvDataRate = "PCIERecvDataRate",
        /// NVLink send rate.
        NvLinkSendDataRate = "NVLinkSendDataRate",
        /// NVLink receive rate.
        NvLinkRecvDataRate = "NVLinkRecvDataRate",
        /// GPU temperature.
        GpuTemperature = "GpuTemperature",
        /// GPU power.
        GpuPowerUsage = "GpuPowerUsage",
        /// GPU tensor pipe utilisation.
        GpuPipeTensorUsage = "GpuPipeTensorUsage",
        /// RDMA health.
        RdmaHealth = "RDMAHealth",
        /// RDMA send error rate.
        RdmaSendErrorRate = "RDMASendErrorRate",
        /// RDMA receive error rate.
        RdmaRecvErrorRate = "RDMARecvErrorRate",
        /// RDMA send packet rate.
        RdmaSendPacketsRate = "RDMASendPacketsRate",
        /// RDMA receive packet rate.
        RdmaRecvPacketsRate = "RDMARecvPacketsRate",
        /// CPU time.
        CpuTime = "CpuTime",
        /// Memory allocation.
        MemoryAllocation = "MemoryAllocation",
    }
}

/// Registry credentials of the image. `Debug` hides the password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageConfig {
    /// Registry user.
    #[serde(deserialize_with = "de::string")]
    pub username: String,
    /// Registry password.
    pub password: Secret,
}

/// A resource per replica, e.g. `baidu.com/a800_80g_cgpu` × `"8"`, `cpu`,
/// `memory`, `sharedMemory`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    /// Resource name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// Amount, as text.
    #[serde(deserialize_with = "de::string")]
    pub quantity: String,
}

impl Resource {
    /// A resource amount.
    pub fn new(name: impl Into<String>, quantity: impl Into<String>) -> Self {
        Resource {
            name: name.into(),
            quantity: quantity.into(),
        }
    }
}

/// An environment variable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Env {
    /// Name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// Value.
    #[serde(deserialize_with = "de::string")]
    pub value: String,
}

/// A `key`/`value` label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Label {
    /// Key.
    #[serde(deserialize_with = "de::string")]
    pub key: String,
    /// Value.
    #[serde(deserialize_with = "de::string")]
    pub value: String,
}

/// What every replica of a job (or of one role) runs. Unset optional values
/// are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobSpec {
    /// Image address (required).
    #[serde(deserialize_with = "de::string")]
    pub image: String,
    /// Number of replicas (required, at least 1).
    #[serde(deserialize_with = "de::uint")]
    pub replicas: u32,
    /// Registry credentials.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de::opt")]
    pub image_config: Option<ImageConfig>,
    /// Resources per replica.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "de::list")]
    pub resources: Vec<Resource>,
    /// Environment.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "de::list")]
    pub envs: Vec<Env>,
    /// RDMA networking.
    #[serde(
        rename = "enableRDMA",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub enable_rdma: Option<bool>,
    /// Host networking.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub host_network: Option<bool>,
}

/// The `jobSpec` of a job: one spec for every replica (PyTorchJob, MPIJob,
/// RayJob) or one per role (TFJob: `Chief`, `Worker`, `PS`, `Evaluator`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum JobSpecs {
    /// One spec for every replica.
    Single(JobSpec),
    /// One spec per role.
    Roles(BTreeMap<String, JobSpec>),
}

impl Default for JobSpecs {
    fn default() -> Self {
        JobSpecs::Single(JobSpec::default())
    }
}

impl From<JobSpec> for JobSpecs {
    fn from(spec: JobSpec) -> Self {
        JobSpecs::Single(spec)
    }
}

impl JobSpecs {
    /// The specs with their role (`""` for a single spec).
    pub fn iter(&self) -> Vec<(&str, &JobSpec)> {
        match self {
            JobSpecs::Single(spec) => vec![("", spec)],
            JobSpecs::Roles(roles) => roles.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        }
    }

    /// The single spec, or the first role's.
    pub fn first(&self) -> Option<&JobSpec> {
        match self {
            JobSpecs::Single(spec) => Some(spec),
            JobSpecs::Roles(roles) => roles.values().next(),
        }
    }
}

/// Keys of a [`JobSpec`]: an object with one of them is a single spec.
const SPEC_KEYS: [&str; 7] = [
    "image",
    "replicas",
    "imageConfig",
    "resources",
    "envs",
    "enableRDMA",
    "hostNetwork",
];

impl<'de> Deserialize<'de> for JobSpecs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Object(map)
                if !map.is_empty()
                    && map.values().all(Value::is_object)
                    && !map.keys().any(|k| SPEC_KEYS.contains(&k.as_str())) =>
            {
                JobSpecs::Roles(
                    map.into_iter()
                        .map(|(role, v)| (role, serde_json::from_value(v).unwrap_or_default()))
                        .collect(),
                )
            }
            v @ Value::Object(_) => JobSpecs::Single(serde_json::from_value(v).unwrap_or_default()),
            _ => JobSpecs::default(),
        })
    }
}

/// Mount options of a data source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DataSourceOptions {
    /// Mount read-only.
    #[serde(deserialize_with = "de::boolean")]
    pub read_only: bool,
}

/// A data source mounted into every replica.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DataSource {
    /// `pfs`, `hostpath`, `bos`, `cfs`, `rapidfs` or `dataset`.
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
    /// Name (the PFS/CFS instance or dataset id).
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub name: String,
    /// Mount path in the container.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub mount_path: String,
    /// Path in the source.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub source_path: String,
    /// Options.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de::opt")]
    pub options: Option<DataSourceOptions>,
}

/// TensorBoard of a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TensorboardConfig {
    /// Start TensorBoard.
    #[serde(deserialize_with = "de::boolean")]
    pub enable: bool,
    /// Event log directory.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub log_path: String,
}

/// Alerting for a job (the reference requires `instanceId`, `alertItems`
/// and `notifyRuleId`; items are `jobRunning`, `jobFT`, `nodeFT`,
/// `jobFailed`, `jobSucceed`, `jobHang`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlertConfig {
    /// Alert ids.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de::strings"
    )]
    pub alert_ids: Vec<String>,
    /// CProm instance id.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub instance_id: String,
    /// Alert name.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub alert_name: String,
    /// What to alert on.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de::strings"
    )]
    pub alert_items: Vec<String>,
    /// How long a condition holds before it fires, e.g. `5m` (default `0m`).
    #[serde(
        rename = "for",
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub for_duration: String,
    /// Description.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub description: String,
    /// Notification rule id.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub notify_rule_id: String,
    /// Severity.
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub severity: String,
}

/// Advanced settings of a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AdvancedSettings {
    /// Runtime environment (Ray).
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub runtime_env: String,
    /// How often the submitter may be retried.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_uint"
    )]
    pub submitter_backoff_limit: Option<u32>,
}

/// A pod of a job (from `DescribeJob` with `needDetail`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Pod {
    /// Pod IP.
    #[serde(
        rename = "PodIP",
        alias = "podIP",
        alias = "podIp",
        deserialize_with = "de::string"
    )]
    pub pod_ip: String,
    /// Node.
    #[serde(deserialize_with = "de::string")]
    pub node_name: String,
    /// Creation time.
    #[serde(deserialize_with = "de::string")]
    pub creation_at: String,
    /// Kubernetes UID.
    #[serde(deserialize_with = "de::string")]
    pub uid: String,
    /// Pod name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// Status.
    #[serde(deserialize_with = "de::string")]
    pub status: String,
    /// Replica type, e.g. `master`, `worker`.
    #[serde(deserialize_with = "de::string")]
    pub replica_type: String,
    /// Restarts.
    #[serde(deserialize_with = "de::int")]
    pub restart_count: i64,
    /// Environment.
    #[serde(deserialize_with = "de::list")]
    pub envs: Vec<Env>,
    /// Finish time.
    #[serde(deserialize_with = "de::string")]
    pub finished_at: String,
    /// Why the pod is in its state.
    #[serde(deserialize_with = "de::string")]
    pub reason: String,
}

/// One step of a job's history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobCondition {
    /// Condition, e.g. `Created`, `Running`, `Succeeded`.
    #[serde(deserialize_with = "de::string")]
    pub condition_type: String,
    /// Text for the condition.
    #[serde(deserialize_with = "de::string")]
    pub condition_message: String,
    /// When (RFC 3339).
    #[serde(deserialize_with = "de::string")]
    pub time: String,
}

/// A training job as `DescribeJobs` and `DescribeJob` answer it.
///
/// The reference spells some keys two ways (`jobId`/`jobid`,
/// `jobSpec`/`Job`); both are read. The queue comes as `queueId` and/or
/// `queue`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "JobWire")]
#[non_exhaustive]
pub struct Job {
    /// Job id.
    pub job_id: String,
    /// Owner.
    pub user_id: String,
    /// Name.
    pub name: String,
    /// Start command.
    pub command: String,
    /// State.
    pub status: JobState,
    /// Kind of job.
    pub job_type: JobType,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Queue id.
    pub queue_id: String,
    /// Queue (name or id).
    pub queue: String,
    /// Priority.
    pub priority: Priority,
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// Finish time (RFC 3339; empty while unfinished).
    pub finished_at: String,
    /// What the replicas run.
    pub job_spec: JobSpecs,
    /// Data sources.
    pub datasources: Vec<DataSource>,
    /// Labels.
    pub labels: Vec<Label>,
    /// BCCL injected.
    pub enable_bccl: bool,
    /// BCCL injection result (`success`, `failed`, `unknown`).
    pub enable_bccl_status: String,
    /// Why BCCL injection failed.
    pub enable_bccl_error_reason: String,
    /// Fault tolerance enabled.
    pub enable_fault_tolerance: bool,
    /// Fault tolerance arguments.
    pub fault_tolerance_args: String,
    /// Current pods (with `needDetail`).
    pub pods: Vec<Pod>,
    /// Earlier pods (with `needDetail`).
    pub history_pods: Vec<Pod>,
    /// History of conditions (not in `DescribeJobs`).
    pub job_time_line: Vec<JobCondition>,
}

/// What the service may send for a [`Job`], both spellings included.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JobWire {
    #[serde(deserialize_with = "de::string")]
    job_id: String,
    #[serde(rename = "jobid", deserialize_with = "de::string")]
    jobid: String,
    #[serde(deserialize_with = "de::string")]
    user_id: String,
    #[serde(deserialize_with = "de::string")]
    name: String,
    #[serde(deserialize_with = "de::string")]
    command: String,
    status: JobState,
    job_type: JobType,
    #[serde(deserialize_with = "de::string")]
    resource_pool_id: String,
    #[serde(alias = "queueID", deserialize_with = "de::string")]
    queue_id: String,
    #[serde(deserialize_with = "de::string")]
    queue: String,
    priority: Priority,
    #[serde(deserialize_with = "de::string")]
    created_at: String,
    #[serde(deserialize_with = "de::string")]
    finished_at: String,
    job_spec: Option<JobSpecs>,
    #[serde(rename = "Job")]
    job_upper: Option<JobSpecs>,
    #[serde(deserialize_with = "de::list")]
    datasources: Vec<DataSource>,
    #[serde(deserialize_with = "de::list")]
    labels: Vec<Label>,
    #[serde(deserialize_with = "de::boolean")]
    enable_bccl: bool,
    #[serde(deserialize_with = "de::string")]
    enable_bccl_status: String,
    #[serde(deserialize_with = "de::string")]
    enable_bccl_error_reason: String,
    #[serde(deserialize_with = "de::boolean")]
    enable_fault_tolerance: bool,
    #[serde(deserialize_with = "de::string")]
    fault_tolerance_args: String,
    #[serde(deserialize_with = "de::list")]
    pods: Vec<Pod>,
    #[serde(deserialize_with = "de::list")]
    history_pods: Vec<Pod>,
    #[serde(alias = "jobTimeline", deserialize_with = "de::list")]
    job_time_line: Vec<JobCondition>,
}

impl From<JobWire> for Job {
    fn from(w: JobWire) -> Self {
        Job {
            job_id: if w.job_id.is_empty() {
                w.jobid
            } else {
                w.job_id
            },
            user_id: w.user_id,
            name: w.name,
            command: w.command,
            status: w.status,
            job_type: w.job_type,
            resource_pool_id: w.resource_pool_id,
            queue_id: w.queue_id,
            queue: w.queue,
            priority: w.priority,
            created_at: w.created_at,
            finished_at: w.finished_at,
            job_spec: w.job_spec.or(w.job_upper).unwrap_or_default(),
            datasources: w.datasources,
            labels: w.labels,
            enable_bccl: w.enable_bccl,
            enable_bccl_status: w.enable_bccl_status,
            enable_bccl_error_reason: w.enable_bccl_error_reason,
            enable_fault_tolerance: w.enable_fault_tolerance,
            fault_tolerance_args: w.fault_tolerance_args,
            pods: w.pods,
            history_pods: w.history_pods,
            job_time_line: w.job_time_line,
        }
    }
}

/// Answer of `DescribeJobs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeJobsResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Jobs matching the filter, over all pages.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// This page's jobs.
    #[serde(deserialize_with = "de::list")]
    pub jobs: Vec<Job>,
}

/// Answer of `DescribeJob`: the reference's table nests the job under
/// `job`, its example is flat; both are read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DescribeJobResponse {
    /// Request id.
    pub request_id: String,
    /// The job.
    pub job: Job,
}

impl<'de> Deserialize<'de> for DescribeJobResponse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(d)?;
        let request_id = value
            .get("requestId")
            .and_then(bce_core::error::json_text)
            .unwrap_or_default();
        let nested = match value.get_mut("job") {
            Some(job @ Value::Object(_)) => Some(job.take()),
            _ => None,
        };
        let job =
            serde_json::from_value(nested.unwrap_or(value)).map_err(serde::de::Error::custom)?;
        Ok(DescribeJobResponse { request_id, job })
    }
}

/// Answer of `CreateJob`, `DeleteJob`, `StopJob` and `ModifyJob`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobActionResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Job id.
    #[serde(alias = "jobid", deserialize_with = "de::string")]
    pub job_id: String,
    /// Job name (`CreateJob`, `DeleteJob`).
    #[serde(
        skip_serializing_if = "String::is_empty",
        deserialize_with = "de::string"
    )]
    pub job_name: String,
}

/// A Kubernetes event of a job or pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Event {
    /// Reason, e.g. `SuccessfulCreatePod`.
    #[serde(deserialize_with = "de::string")]
    pub reason: String,
    /// Message.
    #[serde(deserialize_with = "de::string")]
    pub message: String,
    /// First time (e.g. `2025-05-13 02:22:40 +0000 UTC`).
    #[serde(deserialize_with = "de::string")]
    pub first_timestamp: String,
    /// Last time.
    #[serde(deserialize_with = "de::string")]
    pub last_timestamp: String,
    /// How often it happened.
    #[serde(deserialize_with = "de::int")]
    pub count: i64,
    /// `Normal` or `Warning` (numbers are kept as text).
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
}

/// Answer of `DescribeJobEvents` and `DescribePodEvents`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct EventsResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Events.
    #[serde(deserialize_with = "de::list")]
    pub events: Vec<Event>,
    /// Number of events.
    #[serde(deserialize_with = "de::int")]
    pub total: i64,
}

/// Answer of `DescribeJobLogs`: one page of log lines. Ask again with
/// `marker` = [`DescribeJobLogsResponse::next_marker`] for the lines after
/// these; an empty marker means there is nothing after them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeJobLogsResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Job id.
    #[serde(deserialize_with = "de::string")]
    pub job_id: String,
    /// Pod name.
    #[serde(deserialize_with = "de::string")]
    pub pod_name: String,
    /// Log lines.
    #[serde(deserialize_with = "de::strings")]
    pub logs: Vec<String>,
    /// Where the next page starts (empty: no more lines).
    #[serde(deserialize_with = "de::string")]
    pub next_marker: String,
}

/// Answer of `DescribeJobNodes`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeJobNodesResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Job id.
    #[serde(deserialize_with = "de::string")]
    pub job_id: String,
    /// Node IPs the job runs on.
    #[serde(deserialize_with = "de::strings")]
    pub nodes: Vec<String>,
}

/// Answer of `DescribeJobWebterminal`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeJobWebterminalResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// `wss://` URL of the terminal.
    #[serde(alias = "webterminalUrl", deserialize_with = "de::string")]
    pub web_terminal_url: String,
}

/// Answer of `DescribeJobMetrics`. The reference does not show its reply
/// table, so the metrics are kept as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeJobMetricsResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Job id.
    #[serde(deserialize_with = "de::string")]
    pub job_id: String,
    /// The metrics, e.g. `{"time": "…", "value": …}` points.
    pub metrics: Value,
}
