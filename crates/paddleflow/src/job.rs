//! Jobs: single, distributed and workflow jobs submitted directly to a queue.

use std::collections::BTreeMap;
use std::fmt;

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{lenient_string, marker_list, nd, JobStatus};

/// Kind of job; it selects the route `POST /job/{single|distributed|workflow}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobType {
    /// One pod.
    #[default]
    Single,
    /// Several roles, e.g. parameter servers and workers.
    Distributed,
    /// An Argo workflow.
    Workflow,
}

impl JobType {
    /// The route segment.
    pub fn as_str(self) -> &'static str {
        match self {
            JobType::Single => "single",
            JobType::Distributed => "distributed",
            JobType::Workflow => "workflow",
        }
    }

    /// Parses `single`, `distributed` or `workflow` (exactly).
    pub fn parse(text: &str) -> Result<JobType, Error> {
        match text {
            "single" => Ok(JobType::Single),
            "distributed" => Ok(JobType::Distributed),
            "workflow" => Ok(JobType::Workflow),
            other => Err(Error::invalid_input(
                "job_type",
                format!("must be single, distributed or workflow, not {other:?}"),
            )),
        }
    }
}

impl fmt::Display for JobType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Queue and priority of a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchedulingPolicy {
    /// Queue (required for a job).
    #[serde(deserialize_with = "nd")]
    pub queue: String,
    /// Priority, e.g. `high`, `normal`, `low`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
}

/// Queue and priority of a member of a distributed job; the queue is sent
/// as `null` when unset (the member then uses the job's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberSchedulingPolicy {
    /// Queue.
    pub queue: Option<String>,
    /// Priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
}

/// Resources of a job, by flavour name or explicitly.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FlavourSpec {
    /// Flavour name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// CPU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// Memory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mem: Option<String>,
    /// Other resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scalar_resources: Option<BTreeMap<String, String>>,
}

/// A file system mounted into a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobFs {
    /// File system name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Mount path in the container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mount_path: Option<String>,
    /// Sub path of the file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_path: Option<String>,
    /// Mount read-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// Storage type (server only; the Python SDK cannot send it).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub fs_type: Option<String>,
    /// Host path (server only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_path: Option<String>,
}

/// What a job or a member runs. Only what is set is sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobSpec {
    /// Image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Id to give the job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// Annotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    /// Resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flavour: Option<FlavourSpec>,
    /// Resource limits (server only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_flavour: Option<FlavourSpec>,
    /// Main file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fs: Option<JobFs>,
    /// Extra file systems.
    #[serde(rename = "extraFS", skip_serializing_if = "Option::is_none")]
    pub extra_fs: Option<Vec<JobFs>>,
    /// Environment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<BTreeMap<String, String>>,
    /// Command (a shell line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Arguments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
    /// Port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i64>,
    /// A Kubernetes object to use as the template (free-form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_template: Option<serde_json::Value>,
}

/// A role of a distributed job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JobMember {
    /// Role, e.g. `pserver`, `pworker`, `master`, `worker` (required).
    pub role: String,
    /// Number of pods.
    pub replicas: i64,
    /// Queue and priority.
    pub scheduling_policy: MemberSchedulingPolicy,
    /// What it runs.
    #[serde(flatten)]
    pub spec: JobSpec,
}

/// Body of [`Client::create_job`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateJobRequest {
    /// Queue (required) and priority.
    pub scheduling_policy: SchedulingPolicy,
    /// What it runs.
    #[serde(flatten)]
    pub spec: JobSpec,
    /// Framework of a distributed job, e.g. `paddle`, `pytorch`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Roles of a distributed job.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<JobMember>>,
}

/// Answer of [`Client::create_job`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CreateJobResponse {
    /// Job id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
}

/// Where a task of a job runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskRuntime {
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Namespace.
    #[serde(deserialize_with = "nd")]
    pub namespace: String,
    /// Id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// State.
    #[serde(deserialize_with = "nd")]
    pub status: String,
    /// Node.
    #[serde(deserialize_with = "nd")]
    pub node_name: String,
    /// Role.
    #[serde(deserialize_with = "nd")]
    pub role: String,
    /// Index.
    #[serde(deserialize_with = "nd")]
    pub index: i64,
    /// Accelerator cards.
    #[serde(deserialize_with = "lenient_string")]
    pub accelerator_cards: String,
    /// Log address.
    #[serde(rename = "logURL", deserialize_with = "nd")]
    pub log_url: String,
}

/// Runtime of a distributed job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DistributedRuntime {
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Namespace.
    #[serde(deserialize_with = "nd")]
    pub namespace: String,
    /// Id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// State.
    #[serde(deserialize_with = "nd")]
    pub status: String,
    /// Its tasks.
    #[serde(deserialize_with = "nd")]
    pub runtimes: Vec<TaskRuntime>,
}

/// Runtime of a workflow job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct WorkflowRuntime {
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Namespace.
    #[serde(deserialize_with = "nd")]
    pub namespace: String,
    /// Id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// State.
    #[serde(deserialize_with = "nd")]
    pub status: String,
    /// Its nodes.
    #[serde(deserialize_with = "nd")]
    pub nodes: Vec<DistributedRuntime>,
}

/// A job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Job {
    /// Job id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Labels.
    #[serde(deserialize_with = "nd")]
    pub labels: BTreeMap<String, String>,
    /// Annotations.
    #[serde(deserialize_with = "nd")]
    pub annotations: BTreeMap<String, String>,
    /// Queue and priority.
    #[serde(deserialize_with = "nd")]
    pub scheduling_policy: SchedulingPolicy,
    /// Resources.
    #[serde(deserialize_with = "nd")]
    pub flavour: FlavourSpec,
    /// Resource limits.
    #[serde(deserialize_with = "nd")]
    pub limit_flavour: FlavourSpec,
    /// Main file system.
    #[serde(deserialize_with = "nd")]
    pub fs: JobFs,
    /// Extra file systems.
    #[serde(rename = "extraFS", deserialize_with = "nd")]
    pub extra_fs: Vec<JobFs>,
    /// Image.
    #[serde(deserialize_with = "nd")]
    pub image: String,
    /// Command.
    #[serde(deserialize_with = "nd")]
    pub command: String,
    /// Environment.
    #[serde(deserialize_with = "nd")]
    pub env: BTreeMap<String, String>,
    /// Arguments.
    #[serde(deserialize_with = "nd")]
    pub args: Vec<String>,
    /// Port.
    #[serde(deserialize_with = "nd")]
    pub port: i64,
    /// Template.
    pub extension_template: Option<serde_json::Value>,
    /// Framework.
    #[serde(deserialize_with = "nd")]
    pub framework: String,
    /// Roles of a distributed job.
    #[serde(deserialize_with = "nd")]
    pub members: Vec<JobMember>,
    /// State.
    pub status: JobStatus,
    /// Status message of the job (not an error).
    #[serde(deserialize_with = "nd")]
    pub message: String,
    /// When the server accepted it.
    #[serde(deserialize_with = "nd")]
    pub accept_time: String,
    /// Start.
    #[serde(deserialize_with = "nd")]
    pub start_time: String,
    /// Finish.
    #[serde(deserialize_with = "nd")]
    pub finish_time: String,
    /// Runtime of a single job.
    #[serde(deserialize_with = "nd")]
    pub runtime: Option<TaskRuntime>,
    /// Runtime of a distributed job.
    #[serde(deserialize_with = "nd")]
    pub distributed_runtime: Option<DistributedRuntime>,
    /// Runtime of a workflow job.
    #[serde(deserialize_with = "nd")]
    pub workflow_runtime: Option<WorkflowRuntime>,
}

marker_list! {
    /// A page of jobs.
    ListJobResponse, Job, job_list, "jobList"
}

/// Filters and paging of [`Client::list_job`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListJobRequest {
    /// Only jobs in this state.
    pub status: Option<JobStatus>,
    /// Only jobs changed since (Unix seconds).
    pub timestamp: Option<i64>,
    /// Only jobs started since (`YYYY-MM-DD HH:MM:SS`).
    pub start_time: Option<String>,
    /// Only jobs of this queue.
    pub queue: Option<String>,
    /// Only jobs with these labels (sent as one JSON object).
    pub labels: Option<BTreeMap<String, String>>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

/// Body of [`Client::update_job`]: only what is set changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateJobRequest {
    /// New priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// New labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// New annotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

impl Client {
    /// Submits a job (`POST /api/paddleflow/v1/job/{single|distributed|workflow}`).
    /// The queue and every member's role are required.
    pub async fn create_job(
        &self,
        job_type: JobType,
        request: &CreateJobRequest,
    ) -> Result<CreateJobResponse, Error> {
        let roles_ok = request
            .members
            .iter()
            .flatten()
            .all(|m| !m.role.trim().is_empty());
        let op = Client::op("create_job", Method::Post, "/job")
            .path("/")
            .path(job_type.as_str())
            .required("scheduling_policy.queue", &request.scheduling_policy.queue)
            .check(roles_ok, "members.role", "must not be empty")
            .json_plain(request);
        self.send(op).await
    }

    /// One job (`GET /api/paddleflow/v1/job/{jobID}`).
    pub async fn show_job(&self, job_id: &str) -> Result<Job, Error> {
        let op = Client::op("show_job", Method::Get, "/job").id("jobid", job_id);
        self.send(op).await
    }

    /// One page of jobs (`GET /api/paddleflow/v1/job`).
    pub async fn list_job(&self, request: &ListJobRequest) -> Result<ListJobResponse, Error> {
        let labels = match &request.labels {
            Some(map) => Some(serde_json::to_string(map).map_err(|e| {
                Error::invalid_input("labels", format!("cannot be serialized: {e}"))
            })?),
            None => None,
        };
        let op = Client::op("list_job", Method::Get, "/job")
            .filter("status", request.status.as_ref().map(|s| s.as_str()))
            .query_opt("timestamp", request.timestamp)
            .filter("startTime", request.start_time.as_deref())
            .filter("queue", request.queue.as_deref())
            .filter("labels", labels.as_deref())
            .filter("marker", request.marker.as_deref())
            .max_keys(request.max_keys);
        self.send(op).await
    }

    /// Every job matching `request`, page after page.
    pub fn list_job_stream(
        &self,
        request: ListJobRequest,
    ) -> impl Stream<Item = Result<Job, Error>> + '_ {
        marker_stream(request, move |req: ListJobRequest| async move {
            self.list_job(&req).await
        })
    }

    /// Changes a job's priority, labels or annotations
    /// (`PUT /api/paddleflow/v1/job/{jobID}?action=modify`).
    pub async fn update_job(&self, job_id: &str, request: &UpdateJobRequest) -> Result<(), Error> {
        let op = Client::op("update_job", Method::Put, "/job")
            .id("jobid", job_id)
            .query("action", "modify")
            .json_plain(request);
        self.send_empty(op).await
    }

    /// Stops a job (`PUT /api/paddleflow/v1/job/{jobID}?action=stop`, no body).
    pub async fn stop_job(&self, job_id: &str) -> Result<(), Error> {
        let op = Client::op("stop_job", Method::Put, "/job")
            .id("jobid", job_id)
            .query("action", "stop");
        self.send_empty(op).await
    }

    /// Deletes a job (`DELETE /api/paddleflow/v1/job/{jobID}`).
    pub async fn delete_job(&self, job_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_job", Method::Delete, "/job").id("jobid", job_id);
        self.send_empty(op).await
    }
}
