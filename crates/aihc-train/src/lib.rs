#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod follow;
pub mod job;
pub mod observe;
mod paging;
pub mod pool;
pub mod queue;
pub mod upload;
pub mod v2;
pub mod wait;

// The root exports the client, its envelope and every request, answer and
// enum type by name (no glob: a new type is exported on purpose).
pub use client::{ApiResponse, Client, SERVICE};
pub use job::{
    AlertRuleReq, CodeSource, CreateJobOptions, CreateJobRequest, Datasource, DatasourceOptions,
    Env, FaultToleranceConfig, ImageConfig, JobDetail, JobFramework, JobOptions, JobPage, JobRef,
    JobSpec, JobStatus, JobSummary, Label, ListJobsRequest, ObjectMeta, Pod, PodList, PodStatus,
    Priority, Resource, UpdateJobRequest,
};
pub use observe::{
    Event, EventList, EventsResponse, GetJobNodesListOptions, GetJobNodesListRequest,
    GetPodEventsRequest, GetPodLogsRequest, GetTaskEventRequest, GetTaskMetricsRequest,
    GetWebSshUrlRequest, JobNodes, MetricPoint, PodLogs, PodMetrics, TaskMetrics, WebTerminal,
};
pub use paging::KeywordPageRequest;
pub use pool::{
    GpuDetail, Intervention, ListNodeRequest, ListResourcePoolRequest, Metadata, Node, NodePage,
    ResourcePool, ResourcePoolPage, ResourcePoolResult, ResourcePoolSpec, ResourcePoolStatus,
    UsageCount,
};
pub use queue::{ListQueueRequest, Queue, QueuePage, QueueResult, QueueType, SpecInfo};
pub use upload::{FileUploadRequest, UploadCredentials};
