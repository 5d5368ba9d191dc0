//! The AIHC OpenAPI v2 online-service API: the current deployment API and
//! this crate's main surface.
//!
//! Every operation is `METHOD /?action=<Action>&…` with the header
//! `version: v2` (reads `GET`, writes `POST`), one method per action in
//! snake_case:
//!
//! | Action | Method |
//! |---|---|
//! | DescribeServices | [`Client::describe_services`] (+ [`Client::describe_services_stream`]) |
//! | DescribeService | [`Client::describe_service`] |
//! | DescribeServiceStatus | [`Client::describe_service_status`] |
//! | DescribeServicePods | [`Client::describe_service_pods`] |
//! | DescribeServicePodGroups | [`Client::describe_service_pod_groups`] |
//! | DescribeServiceChangelogs | [`Client::describe_service_changelogs`] (+ [`Client::describe_service_changelogs_stream`]) |
//! | DescribeServiceChangelog | [`Client::describe_service_changelog`] |
//! | CreateService | [`Client::create_service`] |
//! | ModifyService | [`Client::modify_service`] |
//! | UpgradeService | [`Client::upgrade_service`] |
//! | DeleteService | [`Client::delete_service`] |
//! | ModifyServiceReplicas | [`Client::modify_service_replicas`] |
//! | DeleteServicePod | [`Client::delete_service_pod`] |
//! | DisableServicePod | [`Client::disable_service_pod`] |
//! | ModifyServiceNetConfig | [`Client::modify_service_net_config`] |
//!
//! Beyond the official SDKs: ids and required values are checked before
//! anything is sent; `create_service` always carries a client token (a
//! UUID v4 generated once per call when none is given) and is therefore
//! retried safely; streams page through services and change records;
//! [`Client::wait_for_service`], [`Client::wait_for_replicas`] and
//! [`Client::wait_for_update`] wait for a rollout and fail fast on pods
//! that cannot start; the answers print as tables ([`Table`]).
//!
//! ```no_run
//! use std::time::Duration;
//! use aihc_deploy::v2::{Client, ContainerConf, ResourcePoolConf, ServiceConf};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let conf = ServiceConf::new("llama3-chat")
//!     .with_resource_pool(ResourcePoolConf::new("cce-e0isdmib", "default"))
//!     .with_instance_count(1)
//!     .with_container(ContainerConf::new("main", "registry.baidubce.com/aihc/vllm:0.8").with_resources(8, 64, 1));
//! let id = client.create_service(&conf, None).await?.service_id;
//! let waiter = bce_core::Waiter::new(Duration::from_secs(1800));
//! let ready = client.wait_for_service(&id, &waiter).await?;
//! print!("{}", ready.pod_table());
//! client.modify_service_replicas(&id, 3).await?;
//! client.wait_for_replicas(&id, 3, &waiter).await?;
//! client.delete_service(&id).await?;
//! # Ok(()) }
//! ```

mod changelog;
mod client;
mod model;
mod paging;
mod pods;
mod service;
mod view;
mod wait;

// Every request, answer, configuration and enum type by name (no glob: a
// new type is exported on purpose).
pub use changelog::{
    ChangeRecord, ChangeType, DescribeServiceChangelogsRequest, DescribeServiceChangelogsResponse,
};
pub use client::{Ack, Client, SERVICE};
pub use model::{
    AccessConf, AiGatewayConf, BosConfig, CanaryStrategy, CdsConfig, CfsConfig, ContainerConf,
    DatasetConfig, DeployConf, ExecAction, HostPathConfig, HpaConf, HttpGetAction, ImageConf,
    LifecycleHandler, LogConf, MetricBasedScaling, MiscConf, NetworkType, PfsConfig, PortConf,
    PortProtocol, ProbeConf, ProbeHandler, ResourcePoolConf, ResourcePoolType, ScaleIndicators,
    ScaleScheduleKind, ScheduleConf, SchedulePriority, SecretRef, ServiceConf, StorageConf,
    TcpSocketAction, TimeBasedScaleItem, TimeBasedScaling, VolumeMountConf, VolumeType, VolumnConf,
    WorkloadType,
};
pub use pods::{
    ContainerInfo, ContainerState, ContainerStatus, DescribeServicePodGroupsResponse,
    DescribeServicePodsResponse, Instance, InstanceStatus, PodGroup, PodPhase, FAILURE_REASONS,
};
pub use service::{
    AccessIps, AccessPort, CreateServiceResponse, DescribeServiceStatusResponse,
    DescribeServicesRequest, DescribeServicesResponse, ModifyServiceNetConfigRequest,
    ModifyServiceRequest, ModifyServiceResponse, ResourceSpec, ServiceBrief, ServiceBriefStat,
    ServiceDetail, ServiceStatus, UpgradeServiceRequest, DEFAULT_STREAM_PAGE_SIZE,
};
pub use view::{Table, POD_COLUMNS};
