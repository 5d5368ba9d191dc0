#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

pub mod app;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod model;
mod paging;
pub mod pod;
pub mod respool;
pub mod v2;
pub mod wait;

// The root exports the client, its envelope and error decoder and every
// request, answer and state type by name (no glob: a new type is exported
// on purpose).
pub use app::{
    AccessIps, AccessPort, AppBriefInfo, AppBriefStat, AppChangeRecord, AppDetails, AppIdArgs,
    AppIdData, AppIdRequest, AppList, AppStats, AppStatus, AppStatusCode, ChangeDetailArgs,
    ChangeDetailRequest, ChangeList, EmptyResponse, ExtraInfo, ListAppArgs, ListAppRequest,
    ListAppStatsArgs, ListAppStatsRequest, ListChangeArgs, ListChangeRequest, PubAccessArgs,
    PubAccessRequest, ScaleAppArgs, ScaleAppRequest, UpdateAppArgs, UpdateAppRequest,
};
pub use client::{Client, DeployErrorDecoder, DeployResponse, SERVICE};
pub use model::{
    AccessConf, CanaryStrategy, ContainerConf, CreateAppArgs, CreateAppRequest, DeployConf,
    ExecAction, HttpGetAction, ImageConf, LogConf, Misc, PortConf, ProbeConf, ProbeHandlerConf,
    ResPoolConf, SrcPath, StorageConf, TcpSocketAction, VolumnConf, VolumnMountConf,
};
pub use pod::{ContainerInfo, ContainerStatus, InsInfo, InsStatus, PodArgs, PodList, PodRequest};
pub use respool::{
    Count, ListBriefResPoolArgs, ListBriefResPoolRequest, ResPoolBriefInfo, ResPoolDetail,
    ResPoolDetailArgs, ResPoolDetailRequest, ResPoolInfo, ResPoolList, ResPoolMeta, ResPoolSpec,
    ResPoolStatus, ResQueueInfo,
};
