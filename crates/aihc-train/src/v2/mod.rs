//! The AIHC OpenAPI v2 (action API) for training: jobs, resource pools and
//! queues.
//!
//! Every operation is `METHOD /?action=<Action>` on the same host as v1
//! (`aihc.{region}.baidubce.com`):
//!
//! * the 12 job actions are `POST` with a JSON body, the header
//!   `X-API-Version: v2` and the query `resourcePoolId` (and, except
//!   `DescribeJobs`, `queueID`);
//! * the 6 resource-pool and queue reads are `GET` with the header
//!   `version: v2`, signed over `host` only as the service checks them.
//!
//! Answers are flat JSON objects (no `result` envelope). Required ids and
//! values are checked before anything is sent; the reads that are `POST`s
//! are retried like any read.
//!
//! ```no_run
//! use aihc_train::v2::{Client, DescribeJobsRequest, JobKey, JobState};
//! use futures::StreamExt;
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let mut jobs = std::pin::pin!(client.describe_jobs_stream(DescribeJobsRequest::new("cce-e0isdmib")));
//! while let Some(job) = jobs.next().await {
//!     let job = job?;
//!     println!("{} {}", job.job_id, job.status);
//! }
//! let key = JobKey::new("cce-e0isdmib", "default", "job-a1b2c3");
//! let waiter = bce_core::Waiter::new(std::time::Duration::from_secs(600));
//! let job = client.wait_for_job(&key, &[JobState::Running], &waiter).await?;
//! # let _ = job; Ok(()) }
//! ```

mod client;
pub(crate) mod de;
mod follow;
mod job;
mod job_model;
mod paging;
mod pool;
mod pool_model;
mod queue;
mod queue_model;
mod wait;

// Exported by name, as at the crate root: a new type is exported on purpose.
pub use crate::job::Priority;
pub use crate::queue::QueueType;
pub use client::{Client, API_VERSION};
pub use job::{
    CreateJobRequest, DescribeJobEventsRequest, DescribeJobLogsRequest, DescribeJobMetricsRequest,
    DescribeJobRequest, DescribeJobWebterminalRequest, DescribeJobsRequest,
    DescribePodEventsRequest, JobKey, ModifyJobRequest,
};
pub use job_model::{
    AdvancedSettings, AlertConfig, DataSource, DataSourceOptions, DescribeJobLogsResponse,
    DescribeJobMetricsResponse, DescribeJobNodesResponse, DescribeJobResponse,
    DescribeJobWebterminalResponse, DescribeJobsResponse, Env, Event, EventsResponse, ImageConfig,
    Job, JobActionResponse, JobCondition, JobSpec, JobSpecs, JobState, JobType, Label, MetricType,
    Pod, Resource, TensorboardConfig,
};
pub use pool::DescribeResourcePoolsRequest;
pub use pool_model::{
    AcceleratorStatistic, AcceleratorsStatistic, AssociatedResource,
    DescribeResourcePoolConfigurationResponse, DescribeResourcePoolOverviewResponse,
    DescribeResourcePoolsResponse, Network, NetworkInfo, NodesStatistic, PoolConfiguration,
    ProviderInfo, ResourcePool, ResourcePoolPhase, ResourcePoolStatistic, ResourcePoolType,
    ResourcePoolsStatisticWithType, ResourceStatistic, SecurityGroup, Subnet,
};
pub use queue::DescribeQueuesRequest;
pub use queue_model::{
    AcceleratorCard, BindingNodeInfo, DescribeQueuesResponse, Queue, ResourceAmount,
};
