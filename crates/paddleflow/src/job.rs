//! Jobs: single, distributed and workflow jobs submitted directly to a queue.

use std::collections::BTreeMap;
use std::fmt;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, nd, JobStatus};
use crate::paging::{marker_list, marker_streams};

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

body! {
    /// Resources of a job, by flavour name or explicitly.
    #[derive(Eq)]
    pub struct FlavourSpec {}
    optional {
        /// Flavour name.
        pub name: Option<String>,
        /// CPU.
        pub cpu: Option<String>,
        /// Memory.
        pub mem: Option<String>,
        /// Other resources.
        pub scalar_resources: Option<BTreeMap<String, String>>,
    }
}

body! {
    /// A file system mounted into a job.
    #[derive(Eq)]
    pub struct JobFs {}
    optional {
        /// File system name.
        pub name: Option<String>,
        /// Mount path in the container.
        pub mount_path: Option<String>,
        /// Sub path of the file system.
        pub sub_path: Option<String>,
        /// Mount read-only.
        pub read_only: Option<bool>,
        /// Storage type (server only; the Python SDK cannot send it).
        #[serde(rename = "type")]
        pub fs_type: Option<String>,
        /// Host path (server only).
        pub host_path: Option<String>,
    }
}

body! {
    /// What a job or a member runs. Only what is set is sent.
    pub struct JobSpec {}
    optional {
        /// Image.
        pub image: Option<String>,
        /// Id to give the job.
        pub id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Labels.
        pub labels: Option<BTreeMap<String, String>>,
        /// Annotations.
        pub annotations: Option<BTreeMap<String, String>>,
        /// Resources.
        pub flavour: Option<FlavourSpec>,
        /// Resource limits (server only).
        pub limit_flavour: Option<FlavourSpec>,
        /// Main file system.
        pub fs: Option<JobFs>,
        /// Extra file systems.
        #[serde(rename = "extraFS")]
        pub extra_fs: Option<Vec<JobFs>>,
        /// Environment.
        pub env: Option<BTreeMap<String, String>>,
        /// Command (a shell line).
        pub command: Option<String>,
        /// Arguments.
        pub args: Option<Vec<String>>,
        /// Port.
        pub port: Option<i64>,
        /// A Kubernetes object to use as the template (free-form).
        pub extension_template: Option<serde_json::Value>,
    }
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

body! {
    /// Body of [`Client::create_job`].
    pub struct CreateJobRequest {
        /// Queue (required) and priority.
        pub scheduling_policy: SchedulingPolicy,
        /// What it runs.
        #[serde(flatten)]
        pub spec: JobSpec,
    }
    optional {
        /// Framework of a distributed job, e.g. `paddle`, `pytorch`.
        pub framework: Option<String>,
        /// Roles of a distributed job.
        pub members: Option<Vec<JobMember>>,
    }
}

answer! {
    /// Answer of [`Client::create_job`].
    #[derive(Eq)]
    pub struct CreateJobResponse {
        /// Job id.
        pub id: String,
    }
}

answer! {
    /// Where a task of a job runs.
    #[derive(Eq)]
    pub struct TaskRuntime {
        /// Name.
        pub name: String,
        /// Namespace.
        pub namespace: String,
        /// Id.
        pub id: String,
        /// State.
        pub status: String,
        /// Node.
        pub node_name: String,
        /// Role.
        pub role: String,
        /// Index.
        pub index: i64,
        /// Accelerator cards.
        pub accelerator_cards: String,
        /// Log address.
        #[serde(rename = "logURL")]
        pub log_url: String,
    }
}

answer! {
    /// Runtime of a distributed job.
    #[derive(Eq)]
    pub struct DistributedRuntime {
        /// Name.
        pub name: String,
        /// Namespace.
        pub namespace: String,
        /// Id.
        pub id: String,
        /// State.
        pub status: String,
        /// Its tasks.
        pub runtimes: Vec<TaskRuntime>,
    }
}

answer! {
    /// Runtime of a workflow job.
    #[derive(Eq)]
    pub struct WorkflowRuntime {
        /// Name.
        pub name: String,
        /// Namespace.
        pub namespace: String,
        /// Id.
        pub id: String,
        /// State.
        pub status: String,
        /// Its nodes.
        pub nodes: Vec<DistributedRuntime>,
    }
}

answer! {
    /// A job.
    pub struct Job {
        /// Job id.
        pub id: String,
        /// Name.
        pub name: String,
        /// Labels.
        pub labels: BTreeMap<String, String>,
        /// Annotations.
        pub annotations: BTreeMap<String, String>,
        /// Queue and priority.
        pub scheduling_policy: SchedulingPolicy,
        /// Resources.
        pub flavour: FlavourSpec,
        /// Resource limits.
        pub limit_flavour: FlavourSpec,
        /// Main file system.
        pub fs: JobFs,
        /// Extra file systems.
        #[serde(rename = "extraFS")]
        pub extra_fs: Vec<JobFs>,
        /// Image.
        pub image: String,
        /// Command.
        pub command: String,
        /// Environment.
        pub env: BTreeMap<String, String>,
        /// Arguments.
        pub args: Vec<String>,
        /// Port.
        pub port: i64,
        /// Template.
        pub extension_template: Option<serde_json::Value>,
        /// Framework.
        pub framework: String,
        /// Roles of a distributed job.
        pub members: Vec<JobMember>,
        /// State.
        pub status: JobStatus,
        /// Status message of the job (not an error).
        pub message: String,
        /// When the server accepted it.
        pub accept_time: String,
        /// Start.
        pub start_time: String,
        /// Finish.
        pub finish_time: String,
        /// Runtime of a single job.
        pub runtime: Option<TaskRuntime>,
        /// Runtime of a distributed job.
        pub distributed_runtime: Option<DistributedRuntime>,
        /// Runtime of a workflow job.
        pub workflow_runtime: Option<WorkflowRuntime>,
    }
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

body! {
    /// Body of [`Client::update_job`]: only what is set changes.
    #[derive(Eq)]
    pub struct UpdateJobRequest {}
    optional {
        /// New priority.
        pub priority: Option<String>,
        /// New labels.
        pub labels: Option<BTreeMap<String, String>>,
        /// New annotations.
        pub annotations: Option<BTreeMap<String, String>>,
    }
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
        self.call(op).await
    }

    /// One job (`GET /api/paddleflow/v1/job/{jobID}`).
    pub async fn show_job(&self, job_id: &str) -> Result<Job, Error> {
        let op = Client::op("show_job", Method::Get, "/job").id("jobid", job_id);
        self.call(op).await
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
        self.call(op).await
    }

    /// Changes a job's priority, labels or annotations
    /// (`PUT /api/paddleflow/v1/job/{jobID}?action=modify`).
    pub async fn update_job(&self, job_id: &str, request: &UpdateJobRequest) -> Result<(), Error> {
        let op = Client::op("update_job", Method::Put, "/job")
            .id("jobid", job_id)
            .query("action", "modify")
            .json_plain(request);
        self.call_no_content(op).await
    }

    /// Stops a job (`PUT /api/paddleflow/v1/job/{jobID}?action=stop`, no body).
    pub async fn stop_job(&self, job_id: &str) -> Result<(), Error> {
        let op = Client::op("stop_job", Method::Put, "/job")
            .id("jobid", job_id)
            .query("action", "stop");
        self.call_no_content(op).await
    }

    /// Deletes a job (`DELETE /api/paddleflow/v1/job/{jobID}`).
    pub async fn delete_job(&self, job_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_job", Method::Delete, "/job").id("jobid", job_id);
        self.call_no_content(op).await
    }
}

marker_streams! {
    /// Every job matching `request`, page after page.
    list_job_stream(ListJobRequest) -> Job = list_job;
}
