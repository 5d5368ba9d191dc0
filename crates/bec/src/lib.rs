#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

pub mod app_blb;
pub mod blb;
mod body;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod common;
pub mod container;
pub mod deploy_set;
pub mod image;
pub mod node;
mod paging;
pub mod vm_instance;
pub mod vm_service;
pub mod vpc;
pub mod wait;

// The root exports the client, its error decoder and every request,
// answer and enum type by name (no glob: a new type is exported on
// purpose). Modules stay public for their documentation.
pub use app_blb::{
    AppBlbDetails, AppBlbListResponse, AppBlbListenerBrief, AppBlbListenerQuery,
    AppBlbListenerRequest, AppBlbProtocol, AppBlbScheduler, AppBlbTcpListener, AppBlbUdpListener,
    AppIpGroup, AppPolicyVo, BackendPolicy, BlbListenerPolicy, CreateAppBlbRequest,
    CreateAppBlbResponse, CreateAppBlbTcpListenerRequest, CreateAppBlbUdpListenerRequest,
    CreateBlbIpGroupBackendPolicyRequest, CreateBlbIpGroupBackendPolicyResponse,
    CreateBlbIpGroupMemberRequest, CreateBlbIpGroupMemberResponse, CreateBlbIpGroupRequest,
    CreateBlbIpGroupResponse, CreateListenerPolicyRequest, DeleteAppBlbListenerRequest,
    DeleteBlbIpGroupBackendPolicyRequest, DeleteBlbIpGroupMemberRequest, DeleteBlbIpGroupRequest,
    DeleteListenerPolicyRequest, GetBecAppBlbTcpListenerResponse, GetBecAppBlbUdpListenerResponse,
    GetBlbIpGroupListRequest, GetBlbIpGroupListResponse, GetBlbIpGroupMemberListResponse,
    GetBlbIpGroupPolicyListResponse, GetBlbListenerPolicyResponse, GetListenerPolicyRequest,
    IpGroupListQuery, IpGroupListRequest, IpGroupMember, IpGroupMemberSpec, IpGroupMemberUpdate,
    IpGroupProbe, ListenerPolicyRule, MarkerInfo, MarkerRequest, PortTypeItem, UpdateAppBlbRequest,
    UpdateAppBlbTcpListenerRequest, UpdateAppBlbUdpListenerRequest,
    UpdateBlbIpGroupBackendPolicyRequest, UpdateBlbIpGroupMemberRequest, UpdateBlbIpGroupRequest,
};
pub use blb::{
    BackendPortHealth, Backends, BatchCreateBlbArgs, BatchCreateBlbMonitorArg,
    BatchCreateBlbMonitorRequest, BatchCreateBlbRequest, BlbBackendPodBriefVo, BlbBindingForm,
    BlbBindingListArgs, BlbBindingListRequest, BlbBindingResult, BlbInstanceVo, BlbMetricsQuery,
    BlbMetricsRequest, BlbMonitorArgs, BlbMonitorListResult, BlbMonitorRequest, BlbMonitorResult,
    BlbPageArgs, BlbPageRequest, BlbPodWeightArgs, BlbPodWeightRequest, CreateBlbArgs,
    CreateBlbBindingArgs, CreateBlbBindingRequest, CreateBlbRequest, DeleteBlbBindPodArgs,
    GetBlbBackendBindingStsListResult, GetBlbBackendPodListResult, GetBlbListResult, HealthCheck,
    HealthCheckType, LbDeployPo, LbMode, ListBlbArgs, ListBlbRequest, Listeners, Port, PortGroup,
    Protocol, UpdateBindPodWeightArgs, UpdateBlbArgs, UpdateBlbRequest,
};
pub use client::{BecErrorDecoder, Client, ACTION_REFUSED, DEFAULT_ENDPOINT, SERVICE};
pub use common::{
    ActionResult, BatchActionRequest, DeploymentInstance, DiskType, DnsConfig, GpuRequest,
    ImageType, IpAddress, KeyConfig, ListRequest, MetricPoint, MetricsQuery, MetricsRequest,
    MetricsType, NetworkConfig, Networks, OperationVo, PageResult, Period, Region, ResourceStatus,
    ServiceAction, ServiceMetricsResult, ServiceProvider, SystemVolumeConfig, Tag, UpdateVmType,
    VolumeConfig,
};
pub use container::{
    ContainerDetails, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
    CreateServiceArgs, CreateServiceRequest, DeploymentResourceBriefVo, ImageRegistrySecret,
    ListPodArgs, ListPodRequest, ListPodResult, ListServiceArgs, ListServiceRequest,
    ListServiceResult, LogCollectDetail, NamedVolume, PodBriefVo, PodDetailVo, PodEventDetail,
    ResourceBriefVo, ServiceBatchOperateArgs, ServiceBatchOperateRequest, ServiceBriefVo,
    ServiceDetailsVo, UpdateDeploymentReplicasArgs, UpdateDeploymentReplicasRequest,
    UpdateServiceArgs, UpdateServiceRequest, UpdateServiceType, V1ConfigMapKeySelector,
    V1ContainerPort, V1ContainerState, V1ContainerStatus, V1EnvVar, V1EnvVarSource,
    V1ObjectFieldSelector, V1ResourceFieldSelector, V1SecretKeySelector, V1VolumeMount, Volume,
    VolumeClaimTemplate,
};
pub use deploy_set::{
    CreateDeploySetResult, DeleteVmInstanceFromDeploySetArgs, DeleteVmInstanceFromDeploySetRequest,
    DeploySetArgs, DeploySetDetails, DeploySetNodeStats, DeploySetRequest,
    LogicPageDeploySetResult, UpdateVmInstanceDeploySetArgs, UpdateVmInstanceDeploySetRequest,
};
pub use image::{
    CreateVmImageArgs, CreateVmImageRequest, CreateVmImageResult, ImportImageArgs,
    ImportImageRequest, ListVmImageArgs, ListVmImageRequest, ListVmImageResult, UpdateVmImageArgs,
    UpdateVmImageRequest, VmImageDisk, VmImageOperateResult, VmImageVo,
};
pub use node::{GetBecAvailableNodeInfoVoResult, NodeCity, NodeRegion, NodeServiceProvider};
pub use vm_instance::{
    BccKeyPair, BindSecurityGroupInstances, CreateVmPrivateIpForm, CreateVmPrivateIpRequest,
    DeleteVmPrivateIpForm, DeleteVmPrivateIpRequest, DeploySetBrief, GetNodeVmInstanceListResult,
    LogicPageVmInstanceResult, MultiplePublicIp, NetworkConfigUpdateVmInstance,
    ReinstallVmInstanceArg, ReinstallVmInstanceRequest, SecurityGroupAction, SecurityGroupBrief,
    SecurityGroupInstance, UpdateVmDeploymentArgs, UpdateVmInstanceArgs, UpdateVmInstanceRequest,
    VmConfigResult, VmInstanceAction, VmInstanceBriefVo, VmInstanceDetailsVo, VmPrivateIpOutcome,
    VmPrivateIpResult, VmSubnetBrief, VmVpcBrief,
};
pub use vm_service::{
    CreateVmServiceArgs, CreateVmServiceRequest, ImageDetail, ListVmServiceArgs,
    ListVmServiceRequest, ReplicaTemplate, UpdateVmServiceArgs, UpdateVmServiceRequest, VmRef,
    VmServiceBatchActionArgs, VmServiceBatchActionRequest, VmServiceBriefVo, VmServiceDetailsVo,
};
pub use vpc::{
    CreateRouteRuleRequest, CreateSubnetRequest, CreateVpcRequest, GetSubnetDetailResult,
    GetVpcDetailResult, LogicPageRouteRuleResult, LogicPageRouteTableResult, LogicPageSubnetResult,
    LogicPageVpcResult, NetworkCommonResult, RouteRuleView, RouteTableDetailHolder,
    RouteTableDetailView, SubnetDetail, UpdateRouteTableRequest, UpdateSubnetRequest,
    UpdateVpcRequest, UpdatedRouteTable, VpcDetail,
};
