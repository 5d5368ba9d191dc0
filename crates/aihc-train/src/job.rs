//! Training jobs: list, create, get, update, stop, delete.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{queue_rule, ApiResponse, Client, QUEUE_REQUIRED_POOLS};
use crate::paging::list_page;

/// Declares the job-state enum of the v1 or the v2 API: the states both
/// APIs report, then the extra ones only one of them lists, and
/// `is_terminal` (succeeded, failed or stopped), on which both waiters
/// decide. Written once so the two cannot drift apart.
macro_rules! job_states {
    ($(#[$meta:meta])* pub enum $name:ident { $($extra:tt)* }) => {
        bce_core::string_enum! {
            $(#[$meta])*
            pub enum $name {
                /// Waiting for resources.
                Pending = "Pending",
                /// Being created.
                Creating = "Creating",
                /// Running.
                Running = "Running",
                /// Finished successfully.
                Succeeded = "Succeeded",
                /// Failed.
                Failed = "Failed",
                /// Being stopped.
                Stopping = "Stopping",
                /// Stopped by a user.
                Stopped = "Stopped",
                /// Being torn down.
                Terminating = "Terminating",
                /// State not known.
                Unknown = "Unknown",
                $($extra)*
            }
        }

        impl $name {
            /// Whether the job will not change state any more.
            pub fn is_terminal(&self) -> bool {
                matches!(self, $name::Succeeded | $name::Failed | $name::Stopped)
            }
        }
    };
}
pub(crate) use job_states;

job_states! {
    /// State of a training job.
    pub enum JobStatus {}
}

bce_core::string_enum! {
    /// Distributed training framework.
    pub enum JobFramework {
        /// PyTorch.
        PyTorchJob = "PyTorchJob",
        /// TensorFlow.
        TfJob = "TFJob",
        /// MPI.
        MpiJob = "MPIJob",
        /// PaddlePaddle.
        PaddleJob = "PaddleJob",
    }
}

bce_core::string_enum! {
    /// Scheduling priority.
    pub enum Priority {
        /// High.
        High = "high",
        /// Normal.
        Normal = "normal",
        /// Low.
        Low = "low",
    }
}

/// Addresses one job: its id, its pool and (for the `aihc-serverless` and
/// `aihc-bhcmp` pools, required) its queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobOptions {
    /// Job id.
    #[serde(alias = "JobID")]
    pub job_id: String,
    /// Resource pool id.
    #[serde(alias = "ResourcePoolID")]
    pub resource_pool_id: String,
    /// Queue id.
    #[serde(alias = "QueueID")]
    pub queue_id: String,
}

impl CreateJobOptions {
    /// Creates the job in this pool.
    pub fn new(resource_pool_id: impl Into<String>) -> Self {
        CreateJobOptions {
            resource_pool_id: resource_pool_id.into(),
            username: String::new(),
        }
    }
}

impl JobOptions {
    /// A job in a pool.
    pub fn new(job_id: impl Into<String>, resource_pool_id: impl Into<String>) -> Self {
        JobOptions {
            job_id: job_id.into(),
            resource_pool_id: resource_pool_id.into(),
            queue_id: String::new(),
        }
    }

    /// Sets the queue.
    pub fn with_queue(mut self, queue_id: impl Into<String>) -> Self {
        self.queue_id = queue_id.into();
        self
    }
}

/// Where [`Client::create_job`] creates the job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateJobOptions {
    /// Resource pool id.
    #[serde(alias = "ResourcePoolID")]
    pub resource_pool_id: String,
    /// Creator shown for the job (`aihc-bhcmp` pools; query `username`,
    /// sent when set).
    #[serde(alias = "Username")]
    pub username: String,
}

/// Filter and paging of [`Client::list_jobs`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListJobsRequest {
    /// Resource pool id (required).
    pub resource_pool_id: String,
    /// Queue (required for the special pools).
    pub queue: String,
    /// Sort field.
    pub order_by: String,
    /// Sort order.
    pub order: String,
    /// Page number (sent as given).
    pub page_no: u32,
    /// Page size (sent as given).
    pub page_size: u32,
}

/// A `key`/`value` label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Label {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// An environment variable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Env {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

/// A resource request, e.g. `nvidia.com/gpu` × 8 or `cpu` × 2.5.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    /// Resource name.
    pub name: String,
    /// Amount.
    #[serde(serialize_with = "bce_core::json::serialize_go_f64")]
    pub quantity: f64,
}

/// Registry credentials of the image. The password is a [`Secret`]:
/// serialized as is, masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageConfig {
    /// Registry user.
    pub username: String,
    /// Registry password.
    pub password: Secret,
}

/// What every replica runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobSpec {
    /// Start command.
    pub command: String,
    /// Image address.
    pub image: String,
    /// Registry credentials.
    pub image_config: ImageConfig,
    /// Number of replicas.
    pub replicas: i32,
    /// Resources per replica (`null` when `None`).
    pub resources: Option<Vec<Resource>>,
    /// Environment (`null` when `None`).
    pub envs: Option<Vec<Env>>,
    /// RDMA networking.
    #[serde(rename = "enableRDMA")]
    pub enable_rdma: bool,
    /// Host networking (omitted when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_network: Option<bool>,
    /// Privileged containers (omitted when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privileged: Option<bool>,
}

/// Fault tolerance settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FaultToleranceConfig {
    /// Detect hung jobs.
    pub enabled_hang_detection: bool,
    /// Minutes without progress that count as a hang.
    pub hang_detection_timeout_minutes: i64,
    /// How many restarts are allowed.
    pub fault_tolerance_limit: i64,
    /// Log patterns that trigger a restart (`null` when `None`).
    pub custom_fault_tolerance_pattern: Option<Vec<String>>,
}

/// Code uploaded for the job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CodeSource {
    /// Local file path.
    pub file_path: String,
    /// Mount path in the container.
    pub mount_path: String,
    /// Code id.
    pub id: String,
    /// BOS object name.
    pub bos_object_name: String,
    /// Temporary BOS token (masked in `Debug`).
    pub bos_temporary_token: Secret,
    /// BOS endpoint.
    pub bos_endpoint: String,
    /// BOS bucket.
    pub bos_bucket: String,
}

fn is_empty(s: &str) -> bool {
    s.is_empty()
}

fn is_none_or_empty<T>(v: &Option<Vec<T>>) -> bool {
    v.as_ref().map_or(true, Vec::is_empty)
}

/// Mount options of a data source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasourceOptions {
    /// Size limit (emptydir).
    pub size_limit: i64,
    /// Storage medium: empty, `Memory`, `HugePages`, …
    pub medium: String,
    /// Host path (hostpath).
    #[serde(skip_serializing_if = "is_empty")]
    pub host_path: String,
    /// Host path type, e.g. `DirectoryOrCreate`.
    #[serde(skip_serializing_if = "is_empty")]
    pub host_path_type: String,
    /// Mount read-only.
    pub read_only: bool,
    /// PFS L1 cluster IP.
    #[serde(rename = "pfsL1ClusterIp", skip_serializing_if = "is_empty")]
    pub pfs_l1_cluster_ip: String,
    /// PFS L1 cluster port.
    #[serde(rename = "pfsL1ClusterPort", skip_serializing_if = "is_empty")]
    pub pfs_l1_cluster_port: String,
    /// PFS L1 parent directory.
    #[serde(rename = "pfsL1ParentDir", skip_serializing_if = "is_empty")]
    pub pfs_l1_parent_dir: String,
    /// PFS path.
    #[serde(skip_serializing_if = "is_empty")]
    pub pfs_path: String,
    /// PFS L2 mount targets.
    #[serde(
        rename = "pfsL2MountTargetId",
        skip_serializing_if = "is_none_or_empty"
    )]
    pub pfs_l2_mount_target_id: Option<Vec<String>>,
    /// PFS L2 host mount path.
    #[serde(rename = "pfsL2HostMountPath", skip_serializing_if = "is_empty")]
    pub pfs_l2_host_mount_path: String,
    /// CFS instance id (`cfs` sources; sent when set).
    #[serde(skip_serializing_if = "is_empty")]
    pub cfs_instance_id: String,
    /// CFS mount point (`cfs` sources; sent when set).
    #[serde(skip_serializing_if = "is_empty")]
    pub cfs_mount_point: String,
}

/// A data source mounted into the job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Datasource {
    /// Dataset id (`dataset` sources; sent when set).
    #[serde(skip_serializing_if = "is_empty")]
    pub id: String,
    /// `dataset`, `pfsl1`, `pfsl2`, `emptydir`, `hostpath` or `cfs`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Source path.
    #[serde(skip_serializing_if = "is_empty")]
    pub source_path: String,
    /// Mount path.
    pub mount_path: String,
    /// Name (the PFS id for PFS sources).
    pub name: String,
    /// Options.
    pub options: DatasourceOptions,
}

/// Alert rule created with the job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AlertRuleReq {
    /// Alert ids (`null` when `None`).
    pub alert_ids: Option<Vec<String>>,
    /// CProm instance id.
    pub instance_id: String,
    /// Alert name.
    pub alert_name: String,
    /// Alert items (`null` when `None`).
    pub alert_items: Option<Vec<String>>,
    /// Duration before firing, e.g. `5m`.
    #[serde(rename = "for")]
    pub for_duration: String,
    /// Description.
    pub description: String,
    /// Notification rule id.
    pub notify_rule_id: String,
    /// Severity (omitted when empty).
    #[serde(skip_serializing_if = "is_empty")]
    pub severity: String,
}

/// Body of [`Client::create_job`]. Fields the service always expects are
/// always sent (`None` lists as `null`), optional ones only when set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateJobRequest {
    /// Job name (required).
    pub name: String,
    /// Queue.
    pub queue: String,
    /// Framework, e.g. `PyTorchJob`.
    pub job_framework: String,
    /// What to run.
    pub job_spec: JobSpec,
    /// Enable fault tolerance.
    pub fault_tolerance: bool,
    /// Labels.
    pub labels: Option<Vec<Label>>,
    /// Priority, e.g. `high`.
    pub priority: String,
    /// Data sources.
    pub datasources: Option<Vec<Datasource>>,
    /// Fault tolerance settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault_tolerance_config: Option<FaultToleranceConfig>,
    /// Raw fault tolerance arguments (alternative to the config).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault_tolerance_args: Option<String>,
    /// Code source.
    pub code_source: CodeSource,
    /// Alert rule.
    pub alert_config: Option<AlertRuleReq>,
    /// Enable BCCL.
    pub enable_bccl: bool,
    /// Log files to collect.
    pub log_collection_file_patterns: Option<Vec<String>>,
    /// Node labels the job must run on (sent when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_node_affinity: Option<Vec<String>>,
    /// Node labels the job prefers (sent when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_node_affinity: Option<Vec<String>>,
    /// Longest running time before the job is stopped: `1m`, `1h`, `1d`
    /// (sent when set).
    #[serde(skip_serializing_if = "is_empty")]
    pub running_timeout_stop_time_unit: String,
    /// How long the finished job is kept: `1m`, `1h`, `1d` (sent when set).
    #[serde(skip_serializing_if = "is_empty")]
    pub retention_period: String,
}

/// Body of [`Client::update_job`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateJobRequest {
    /// New priority (required).
    pub priority: String,
}

/// A job in a list, and the base of [`JobDetail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobSummary {
    /// Job id.
    pub job_id: String,
    /// Name.
    pub name: String,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Command.
    pub command: String,
    /// Creation time.
    pub created_at: String,
    /// Finish time.
    pub finished_at: String,
    /// Start time.
    pub running_at: String,
    /// Scheduling time.
    pub scheduled_at: String,
    /// Data sources.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub datasources: Vec<Datasource>,
    /// Fault tolerance enabled.
    pub enable_fault_tolerance: bool,
    /// Fault patterns.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub custom_fault_tolerance_pattern: Vec<String>,
    /// Labels.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub labels: Vec<Label>,
    /// Priority.
    pub priority: Priority,
    /// Queue.
    pub queue: String,
    /// Status.
    pub status: JobStatus,
    /// Image.
    pub image: String,
    /// Resources.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub resources: Vec<Resource>,
    /// RDMA.
    #[serde(rename = "enableRDMA")]
    pub enable_rdma: bool,
    /// Host networking.
    pub host_network: bool,
    /// Privileged.
    pub privileged: Option<bool>,
    /// Replicas.
    pub replicas: i32,
    /// Environment.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub envs: Vec<Env>,
    /// Framework.
    pub job_framework: JobFramework,
    /// Position in the queue.
    pub queueing_sequence: Option<i64>,
    /// BCCL enabled.
    pub enable_bccl: bool,
    /// BCCL status.
    pub enable_bccl_status: String,
    /// Why BCCL failed.
    pub enable_bccl_error_reason: String,
    /// Kubernetes UID.
    #[serde(rename = "k8sUID")]
    pub k8s_uid: String,
    /// Kubernetes namespace.
    pub k8s_namespace: String,
    /// Fault tolerance arguments.
    pub fault_tolerance_args: String,
    /// Collected log files.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub log_collection_file_patterns: Vec<String>,
}

/// Kubernetes object metadata of a pod.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ObjectMeta {
    /// Annotations.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub annotations: BTreeMap<String, String>,
    /// Creation time.
    pub creation_timestamp: String,
    /// Labels.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Name.
    pub name: String,
    /// Namespace.
    pub namespace: String,
    /// Owners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub owner_references: Vec<serde_json::Value>,
}

/// Phase of a pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodStatus {
    /// `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`.
    pub pod_phase: String,
    /// Status text.
    pub status: String,
}

/// A pod of a job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Pod {
    /// Pod IP.
    #[serde(rename = "PodIP", alias = "podIP", alias = "podIp")]
    pub pod_ip: String,
    /// Node.
    pub node_name: String,
    /// Metadata.
    pub object_meta: ObjectMeta,
    /// Phase.
    pub pod_status: PodStatus,
    /// Replica type, e.g. `master`.
    pub replica_type: String,
    /// Restarts.
    pub restart_count: i32,
    /// Environment.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub envs: Vec<Env>,
    /// Finish time.
    pub finished_at: String,
    /// Reason.
    pub reason: String,
}

/// Pods of a job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodList {
    /// `{"totalItems": n}`.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub list_meta: BTreeMap<String, serde_json::Value>,
    /// Pods.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub pods: Vec<Pod>,
}

/// A job with its pods.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobDetail {
    /// The job.
    #[serde(flatten)]
    pub summary: JobSummary,
    /// Its pods.
    pub pod_list: Option<PodList>,
}

list_page! {
    /// A page of jobs.
    pub struct JobPage {
        /// The jobs.
        jobs: JobSummary
    }
}

/// Id and name of a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobRef {
    /// Job id.
    pub job_id: String,
    /// Job name.
    pub job_name: String,
}

fn job_op(
    name: &'static str,
    method: Method,
    opts: &JobOptions,
    suffix: &str,
) -> bce_core::Operation {
    let op = Client::op(name, method, "/api/v1/aijobs")
        .require("resourcePoolId", &opts.resource_pool_id)
        .segment("jobId", &opts.job_id)
        .path(suffix);
    queue_rule(op, &opts.resource_pool_id, &opts.queue_id)
        .query("resourcePoolId", &opts.resource_pool_id)
        .query_if_not_empty("queueID", &opts.queue_id)
}

impl Client {
    /// Lists jobs of a pool (`GET /api/v1/aijobs`).
    pub async fn list_jobs(&self, args: &ListJobsRequest) -> Result<ApiResponse<JobPage>, Error> {
        let op = Client::op("ListJobs", Method::Get, "/api/v1/aijobs")
            .require("resourcePoolId", &args.resource_pool_id);
        let op = queue_rule(op, &args.resource_pool_id, &args.queue)
            .query("resourcePoolId", &args.resource_pool_id)
            .query("pageNo", args.page_no)
            .query("pageSize", args.page_size)
            .query_if_not_empty("queue", &args.queue)
            .query_if_not_empty("queueID", &args.queue)
            .query_if_not_empty("order", &args.order)
            .query_if_not_empty("orderBy", &args.order_by);
        self.call(op).await
    }

    /// All jobs of a pool, page after page (page size 20 unless set).
    pub fn list_jobs_stream(
        &self,
        args: ListJobsRequest,
    ) -> impl Stream<Item = Result<JobSummary, Error>> + '_ {
        let first = ListJobsRequest {
            page_size: Some(args.page_size).filter(|s| *s != 0).unwrap_or(20),
            ..args
        };
        page_number_stream(first, move |r| async move { self.list_jobs(&r).await })
    }

    /// Creates a job (`POST /api/v1/aijobs`). For the `aihc-serverless` and
    /// `aihc-bhcmp` pools `job.queue` is required and also sent as `queueID`;
    /// `options.username` goes to the query `username` when set.
    pub async fn create_job(
        &self,
        job: &CreateJobRequest,
        options: &CreateJobOptions,
    ) -> Result<ApiResponse<JobRef>, Error> {
        let pool = options.resource_pool_id.as_str();
        let special = QUEUE_REQUIRED_POOLS.contains(&pool);
        let op = Client::op("CreateJob", Method::Post, "/api/v1/aijobs")
            .require("resourcePoolId", pool)
            .require("name", &job.name);
        let op = queue_rule(op, pool, &job.queue)
            .query("resourcePoolId", pool)
            .query_opt("queueID", special.then_some(job.queue.as_str()))
            .query_if_not_empty("username", &options.username)
            .json(job);
        self.call(op).await
    }

    /// One job with its pods (`GET /api/v1/aijobs/{jobId}`).
    pub async fn get_job(&self, options: &JobOptions) -> Result<ApiResponse<JobDetail>, Error> {
        self.call(job_op("GetJob", Method::Get, options, "")).await
    }

    /// Changes the priority of a job (`PUT /api/v1/aijobs/{jobId}`).
    pub async fn update_job(
        &self,
        job: &UpdateJobRequest,
        options: &JobOptions,
    ) -> Result<ApiResponse<JobRef>, Error> {
        let op = job_op("UpdateJob", Method::Put, options, "")
            .require("priority", &job.priority)
            .json(job);
        self.call(op).await
    }

    /// Stops a job (`POST /api/v1/aijobs/{jobId}/stop`). Stopping twice is
    /// harmless, so the call is retried like an idempotent one.
    pub async fn stop_job(&self, options: &JobOptions) -> Result<ApiResponse<JobRef>, Error> {
        let op = job_op("StopJob", Method::Post, options, "/stop").idempotent(true);
        self.call(op).await
    }

    /// Deletes a job (`DELETE /api/v1/aijobs/{jobId}`).
    pub async fn delete_job(&self, options: &JobOptions) -> Result<ApiResponse<JobRef>, Error> {
        self.call(job_op("DeleteJob", Method::Delete, options, ""))
            .await
    }
}
