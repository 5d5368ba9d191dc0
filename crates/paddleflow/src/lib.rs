#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

mod auth;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod cluster;
pub mod flavour;
pub mod fs;
pub mod job;
pub mod log;
pub mod model;
mod paging;
pub mod pipeline;
pub mod queue;
pub mod run;
pub mod user;
pub mod wait;

pub use auth::{LoginResponse, PaddleFlowErrorDecoder, TokenAuthorizer, RELOGIN_CODES};
pub use client::{
    Client, ClientBuilder, BASE_PATH, DEFAULT_PORT, REQUEST_ID_HEADER, SERVICE, TOKEN_HEADER,
};
pub use cluster::{
    Cluster, ClusterResource, ClusterResourceV2, CreateClusterRequest, ListClusterRequest,
    ListClusterResourceV2Request, ListClusterResponse, NodeResource, ResourceSummary,
    UpdateClusterRequest,
};
pub use flavour::{
    AddFlavourRequest, AddFlavourResponse, Flavour, ListFlavourRequest, ListFlavourResponse,
    UpdateFlavourRequest,
};
pub use fs::{
    AddFsRequest, AddFsResponse, AddLinkRequest, CacheResource, CreateCacheRequest, FileSystem,
    FsCacheConfig, FsCacheOptions, Link, ListFsRequest, ListFsResponse, ListLinkRequest,
    ListLinkResponse, MountCommand,
};
pub use job::{
    CreateJobRequest, CreateJobResponse, DistributedRuntime, FlavourSpec, Job, JobFs, JobMember,
    JobSpec, JobType, ListJobRequest, ListJobResponse, MemberSchedulingPolicy, SchedulingPolicy,
    TaskRuntime, UpdateJobRequest, WorkflowRuntime,
};
pub use log::{
    CardTimeResponse, JobCardTime, JobLog, JobStatistics, JobStatisticsDetail, LogInfo,
    MetricSeries, QueueCardTime, RunLog, ShowLogByLimitRequest, ShowLogRequest,
    StatisticsDetailRequest, TaskLog, TaskStatistics, UserCardTime,
};
pub use model::{
    ClusterStatus, ConcurrencyPolicy, FailureStrategy, JobStatus, LogFilePosition, Paging,
    Properties, QueueStatus, QuotaType, Resource, ResourceSpec, RunStatus, ScheduleStatus,
    MAX_KEYS_LIMIT,
};
pub use pipeline::{
    CreatePipelineRequest, CreatePipelineResponse, CreateScheduleRequest, CreateScheduleResponse,
    ListPipelineRequest, ListPipelineResponse, ListPipelineVersionResponse, ListScheduleRequest,
    ListScheduleResponse, PipelineBrief, PipelineVersionBrief, ScheduleBrief, ScheduleFsConfig,
    ScheduleOptions, ShowPipelineRequest, ShowPipelineResponse, ShowPipelineVersionResponse,
    ShowScheduleRequest, ShowScheduleResponse, UpdatePipelineRequest,
};
pub use queue::{
    AddQueueRequest, AddQueueResponse, Grant, GrantResponse, ListGrantResponse, ListQueueRequest,
    ListQueueResponse, Queue, ShowQueueGrantRequest, UpdateQueueRequest,
};
pub use run::{
    ArtifactEvent, Artifacts, CreateRunRequest, FailureOptions, FsMount, FsOptions,
    ListArtifactRequest, ListArtifactResponse, ListCacheRequest, ListRunCacheResponse,
    ListRunRequest, ListRunResponse, Run, RunBrief, RunCache, RunIdResponse, RuntimeNode,
    StepCache,
};
pub use user::{AddUserResponse, ListUserRequest, ListUserResponse, User, Version};
pub use wait::LogLine;
