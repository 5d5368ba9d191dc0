//! The 12 job actions: `POST /?action=…` with a JSON body, the header
//! `X-API-Version: v2`, the query `resourcePoolId` and (except
//! `DescribeJobs`) `queueID`.
//!
//! Each request type serializes to exactly the body it sends; the pool and
//! queue travel in the query and are not part of it.

use bce_core::{Error, Operation};
use futures::Stream;
use serde::{Deserialize, Serialize};

use super::client::Client;
use super::de;
use super::job_model::*;
use crate::job::Priority;

/// Declares a v2 request type whose JSON is exactly the body it sends
/// (fields marked `#[serde(skip)]` travel in the query). A field written
/// `pub name: optional String,` is optional text: sent only when not empty
/// and decoded leniently (numbers as text, `null` as empty), the common
/// case of these bodies; other fields are written as usual.
macro_rules! request_body {
    ($(#[$meta:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        request_body!(@fields [$(#[$meta])* $name] [] $($fields)*);
    };
    // Optional text.
    (@fields $head:tt [$($done:tt)*]
        $(#[doc = $doc:literal])* pub $field:ident: optional String, $($rest:tt)*) => {
        request_body!(@fields $head [$($done)*
            $(#[doc = $doc])*
            #[serde(skip_serializing_if = "String::is_empty", deserialize_with = "de::string")]
            pub $field: String,
        ] $($rest)*);
    };
    // Any other field, as written.
    (@fields $head:tt [$($done:tt)*]
        $(#[$field_meta:meta])* pub $field:ident: $ty:ty, $($rest:tt)*) => {
        request_body!(@fields $head [$($done)* $(#[$field_meta])* pub $field: $ty,] $($rest)*);
    };
    (@fields [$(#[$meta:meta])* $name:ident] [$($done:tt)*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct $name {
            $($done)*
        }
    };
}

/// Addresses one job: its pool, its queue and its id. All three are
/// required by every job action but `DescribeJobs` and `CreateJob`.
///
/// For managed pools the pool id is `aihc-serverless` and the queue a queue
/// id; for common pools the queue is its name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct JobKey {
    /// Resource pool id (query `resourcePoolId`).
    #[serde(skip)]
    pub resource_pool_id: String,
    /// Queue id or name (query `queueID`).
    #[serde(skip)]
    pub queue_id: String,
    /// Job id (body `jobId`).
    #[serde(rename = "jobId", deserialize_with = "de::string")]
    pub job_id: String,
}

impl JobKey {
    /// A job in a pool and queue.
    pub fn new(
        resource_pool_id: impl Into<String>,
        queue_id: impl Into<String>,
        job_id: impl Into<String>,
    ) -> Self {
        JobKey {
            resource_pool_id: resource_pool_id.into(),
            queue_id: queue_id.into(),
            job_id: job_id.into(),
        }
    }
}

request_body! {
    /// Filter and page of [`Client::describe_jobs`]. Unset filters are not
    /// sent; the page is always sent (0 as page 1 of 10).
    pub struct DescribeJobsRequest {
        /// Resource pool id (required; query `resourcePoolId`).
        #[serde(skip)]
        pub resource_pool_id: String,
        /// Queue id for managed pools (query `queueID`, sent when set).
        #[serde(skip)]
        pub queue_id: String,
        /// Only jobs of this queue (a name for common pools, an id for managed ones).
        pub queue: optional String,
        /// Only jobs in this state.
        #[serde(skip_serializing_if = "JobState::is_empty")]
        pub status: JobState,
        /// What `keyword` matches: `name` or `queueName`.
        pub keyword_type: optional String,
        /// Keyword.
        pub keyword: optional String,
        /// Sort field: `createdAt` (default) or `finishedAt`.
        pub order_by: optional String,
        /// `asc` or `desc` (default).
        pub order: optional String,
        /// Page, from 1 (0: 1).
        #[serde(serialize_with = "de::page_number", deserialize_with = "de::uint")]
        pub page_number: u32,
        /// Jobs per page (0: the service default, 10).
        #[serde(serialize_with = "de::page_size", deserialize_with = "de::uint")]
        pub page_size: u32,
    }
}

impl DescribeJobsRequest {
    /// All jobs of a pool, first page.
    pub fn new(resource_pool_id: impl Into<String>) -> Self {
        DescribeJobsRequest {
            resource_pool_id: resource_pool_id.into(),
            ..Default::default()
        }
    }
}

request_body! {
    /// Arguments of [`Client::describe_job`].
    pub struct DescribeJobRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// Also answer the pods (`pods`, `historyPods`).
        #[serde(
            skip_serializing_if = "Option::is_none",
            deserialize_with = "de::opt_boolean"
        )]
        pub need_detail: Option<bool>,
    }
}

impl DescribeJobRequest {
    /// The job without pod details.
    pub fn new(job: JobKey) -> Self {
        DescribeJobRequest {
            job,
            need_detail: None,
        }
    }
}

request_body! {
    /// Body of [`Client::create_job`]. Unset optional values are not sent.
    pub struct CreateJobRequest {
        /// Resource pool id (required; query `resourcePoolId`).
        #[serde(skip)]
        pub resource_pool_id: String,
        /// Queue (required; query `queueID`): a name for common pools, an id
        /// for managed ones.
        #[serde(skip)]
        pub queue_id: String,
        /// Job name (required).
        #[serde(deserialize_with = "de::string")]
        pub name: String,
        /// Start command (required).
        #[serde(deserialize_with = "de::string")]
        pub command: String,
        /// What the replicas run (required: image and at least one replica).
        pub job_spec: JobSpecs,
        /// Inject BCCL.
        #[serde(
            skip_serializing_if = "Option::is_none",
            deserialize_with = "de::opt_boolean"
        )]
        pub enable_bccl: Option<bool>,
        /// Fault tolerance (PyTorchJob only).
        #[serde(
            skip_serializing_if = "Option::is_none",
            deserialize_with = "de::opt_boolean"
        )]
        pub fault_tolerance: Option<bool>,
        /// Kind of job (service default `PyTorchJob`).
        #[serde(skip_serializing_if = "JobType::is_empty")]
        pub job_type: JobType,
        /// Priority.
        #[serde(skip_serializing_if = "Priority::is_empty")]
        pub priority: Priority,
        /// Labels.
        #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "de::list")]
        pub labels: Vec<Label>,
        /// Data sources (body key `datasources`).
        #[serde(
            rename = "datasources",
            alias = "dataSources",
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "de::list"
        )]
        pub data_sources: Vec<DataSource>,
        /// Fault tolerance arguments, e.g. `--max-num-of-unconditional-retry=2`.
        pub fault_tolerance_args: optional String,
        /// TensorBoard.
        #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de::opt")]
        pub tensorboard_config: Option<TensorboardConfig>,
        /// Alerting.
        #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de::opt")]
        pub alert_config: Option<AlertConfig>,
        /// How long the finished job is kept: `1m`, `1h`, `1d` (not for RayJob).
        pub retention_period: optional String,
        /// Body `queue`. The reference lists it (same value as `queueID`); the
        /// official SDK never sends it. Sent when set.
        pub queue: optional String,
        /// Advanced settings.
        #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "de::opt")]
        pub advanced_settings: Option<AdvancedSettings>,
    }
}

request_body! {
    /// Arguments of [`Client::modify_job`] (only the priority can change).
    pub struct ModifyJobRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// New priority (required).
        pub priority: Priority,
    }
}

request_body! {
    /// Arguments of [`Client::describe_job_events`].
    pub struct DescribeJobEventsRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// From (default: the job's creation).
        pub start_time: optional String,
        /// Until (default: now).
        pub end_time: optional String,
    }
}

request_body! {
    /// Arguments of [`Client::describe_job_logs`]. Numbers travel as JSON text,
    /// as the reference types them.
    pub struct DescribeJobLogsRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// Pod name (required).
        #[serde(deserialize_with = "de::string")]
        pub pod_name: String,
        /// Only lines with these keywords.
        pub keywords: optional String,
        /// From (Unix seconds as text).
        pub start_time: optional String,
        /// Until (Unix seconds as text).
        pub end_time: optional String,
        /// Most lines in the answer.
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "de::opt_u32_text",
            deserialize_with = "de::opt_uint"
        )]
        pub max_lines: Option<u32>,
        /// Lines per record (default 1).
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "de::opt_u32_text",
            deserialize_with = "de::opt_uint"
        )]
        pub chunk_size: Option<u32>,
        /// Where to continue: the `nextMarker` of the previous answer.
        pub marker: optional String,
    }
}

impl DescribeJobLogsRequest {
    /// The log of one pod of a job, from the start.
    pub fn new(job: JobKey, pod_name: impl Into<String>) -> Self {
        DescribeJobLogsRequest {
            job,
            pod_name: pod_name.into(),
            ..Default::default()
        }
    }
}

request_body! {
    /// Arguments of [`Client::describe_pod_events`].
    pub struct DescribePodEventsRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// Pod name (required).
        #[serde(deserialize_with = "de::string")]
        pub pod_name: String,
        /// From (default: the pod's creation).
        pub start_time: optional String,
        /// Until (default: now).
        pub end_time: optional String,
    }
}

request_body! {
    /// Arguments of [`Client::describe_job_webterminal`]. Numbers travel as
    /// JSON text, as the reference types them.
    pub struct DescribeJobWebterminalRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// Pod name (required).
        #[serde(deserialize_with = "de::string")]
        pub pod_name: String,
        /// Handshake timeout in seconds (default 30, at least 1).
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "de::opt_u32_text",
            deserialize_with = "de::opt_uint"
        )]
        pub handshake_timeout_second: Option<u32>,
        /// Idle timeout in seconds (default 900, 1–3600).
        #[serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "de::opt_u32_text",
            deserialize_with = "de::opt_uint"
        )]
        pub ping_timeout_second: Option<u32>,
    }
}

request_body! {
    /// Arguments of [`Client::describe_job_metrics`].
    pub struct DescribeJobMetricsRequest {
        /// The job.
        #[serde(flatten)]
        pub job: JobKey,
        /// Metric (required).
        pub metric_type: MetricType,
        /// From (Unix seconds as text).
        pub start_time: optional String,
        /// Until (Unix seconds as text).
        pub end_time: optional String,
        /// Step, e.g. `60s` (default 5 minutes).
        pub time_step: optional String,
        /// Rate window, e.g. `5m` (default 5 minutes).
        pub rate_interval: optional String,
    }
}

/// A job action with the pool and queue in the query, all three ids checked.
fn job_op(action: &'static str, job: &JobKey) -> Operation {
    Client::job_action(action)
        .require("resourcePoolId", &job.resource_pool_id)
        .require("queueID", &job.queue_id)
        .require("jobId", &job.job_id)
        .query("resourcePoolId", &job.resource_pool_id)
        .query("queueID", &job.queue_id)
}

/// A job action that only reads, or that repeats harmlessly: `body` (which
/// carries the job id) as JSON, retried like a read.
fn idempotent_job_op(action: &'static str, job: &JobKey, body: &impl Serialize) -> Operation {
    job_op(action, job).json_plain(body).idempotent(true)
}

/// A read about one pod of a job: as [`idempotent_job_op`], `podName`
/// required too.
fn pod_read_op(
    action: &'static str,
    job: &JobKey,
    pod_name: &str,
    body: &impl Serialize,
) -> Operation {
    idempotent_job_op(action, job, body).require("podName", pod_name)
}

/// Checks one spec of a job.
fn check_spec(op: Operation, field: &str, spec: &JobSpec) -> Operation {
    op.check(
        !spec.image.is_empty(),
        &format!("{field}.image"),
        "must not be empty",
    )
    .check(
        spec.replicas > 0,
        &format!("{field}.replicas"),
        "must be at least 1",
    )
}

impl Client {
    /// Lists the jobs of a pool, one page
    /// (`POST /?action=DescribeJobs&resourcePoolId=…`).
    pub async fn describe_jobs(
        &self,
        request: &DescribeJobsRequest,
    ) -> Result<DescribeJobsResponse, Error> {
        let op = Client::job_action("DescribeJobs")
            .require("resourcePoolId", &request.resource_pool_id)
            .query("resourcePoolId", &request.resource_pool_id)
            .query_if_not_empty("queueID", &request.queue_id)
            .json_plain(request)
            .idempotent(true);
        self.call(op).await
    }

    /// Every job matching `request`, page after page, from its page on
    /// (pages of `page_size`, default 10).
    pub fn describe_jobs_stream(
        &self,
        request: DescribeJobsRequest,
    ) -> impl Stream<Item = Result<Job, Error>> + Send + 'static {
        self.page_stream(request, |c, r| async move { c.describe_jobs(&r).await })
    }

    /// One job (`POST /?action=DescribeJob`), with its pods when
    /// `need_detail` is set.
    pub async fn describe_job(
        &self,
        request: &DescribeJobRequest,
    ) -> Result<DescribeJobResponse, Error> {
        self.call(idempotent_job_op("DescribeJob", &request.job, request))
            .await
    }

    /// Creates a job (`POST /?action=CreateJob`). Not retried once sent
    /// (a repeat would create a second job).
    pub async fn create_job(&self, request: &CreateJobRequest) -> Result<JobActionResponse, Error> {
        let mut op = Client::job_action("CreateJob")
            .require("resourcePoolId", &request.resource_pool_id)
            .require("queueID", &request.queue_id)
            .require("name", &request.name)
            .require("command", &request.command);
        match &request.job_spec {
            JobSpecs::Single(spec) => op = check_spec(op, "jobSpec", spec),
            JobSpecs::Roles(roles) => {
                op = op.check(!roles.is_empty(), "jobSpec", "needs at least one role");
                for (role, spec) in roles {
                    op = op.check(!role.is_empty(), "jobSpec", "role names must not be empty");
                    op = check_spec(op, &format!("jobSpec.{role}"), spec);
                }
            }
        }
        let op = op
            .query("resourcePoolId", &request.resource_pool_id)
            .query("queueID", &request.queue_id)
            .json_plain(request);
        self.call(op).await
    }

    /// Changes the priority of a job (`POST /?action=ModifyJob`). Setting a
    /// value twice is harmless, so it is retried like a read.
    pub async fn modify_job(&self, request: &ModifyJobRequest) -> Result<JobActionResponse, Error> {
        let op = idempotent_job_op("ModifyJob", &request.job, request)
            .require("priority", request.priority.as_str());
        self.call(op).await
    }

    /// Stops a job (`POST /?action=StopJob`; PyTorchJob and MPIJob).
    /// Stopping twice is harmless, so it is retried like a read.
    pub async fn stop_job(&self, job: &JobKey) -> Result<JobActionResponse, Error> {
        self.call(idempotent_job_op("StopJob", job, job)).await
    }

    /// Deletes a job (`POST /?action=DeleteJob`). Retried like the v1
    /// `DELETE` (a repeat after a lost answer may report the job gone).
    pub async fn delete_job(&self, job: &JobKey) -> Result<JobActionResponse, Error> {
        self.call(idempotent_job_op("DeleteJob", job, job)).await
    }

    /// Events of a job (`POST /?action=DescribeJobEvents`).
    pub async fn describe_job_events(
        &self,
        request: &DescribeJobEventsRequest,
    ) -> Result<EventsResponse, Error> {
        let op = idempotent_job_op("DescribeJobEvents", &request.job, request);
        self.call(op).await
    }

    /// One page of a pod's log (`POST /?action=DescribeJobLogs`); see
    /// [`Client::follow_job_logs`] to follow it.
    pub async fn describe_job_logs(
        &self,
        request: &DescribeJobLogsRequest,
    ) -> Result<DescribeJobLogsResponse, Error> {
        let job = &request.job;
        let op = pod_read_op("DescribeJobLogs", job, &request.pod_name, request);
        self.call(op).await
    }

    /// Events of one pod (`POST /?action=DescribePodEvents`; the Python SDK
    /// calls it `describe_job_pod_events`).
    pub async fn describe_pod_events(
        &self,
        request: &DescribePodEventsRequest,
    ) -> Result<EventsResponse, Error> {
        let job = &request.job;
        let op = pod_read_op("DescribePodEvents", job, &request.pod_name, request);
        self.call(op).await
    }

    /// The nodes a job runs on (`POST /?action=DescribeJobNodes`).
    pub async fn describe_job_nodes(
        &self,
        job: &JobKey,
    ) -> Result<DescribeJobNodesResponse, Error> {
        self.call(idempotent_job_op("DescribeJobNodes", job, job))
            .await
    }

    /// A web terminal URL into a pod (`POST /?action=DescribeJobWebterminal`).
    pub async fn describe_job_webterminal(
        &self,
        request: &DescribeJobWebterminalRequest,
    ) -> Result<DescribeJobWebterminalResponse, Error> {
        let job = &request.job;
        let op = pod_read_op("DescribeJobWebterminal", job, &request.pod_name, request);
        self.call(op).await
    }

    /// Metrics of a job (`POST /?action=DescribeJobMetrics`).
    pub async fn describe_job_metrics(
        &self,
        request: &DescribeJobMetricsRequest,
    ) -> Result<DescribeJobMetricsResponse, Error> {
        let op = idempotent_job_op("DescribeJobMetrics", &request.job, request)
            .require("metricType", request.metric_type.as_str());
        self.call(op).await
    }
}
