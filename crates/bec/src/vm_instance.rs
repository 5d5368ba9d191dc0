//! VM instances: the single VMs of a VM service.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::size_or_default;
use crate::vm_service::{CreateVmServiceRequest, ImageDetail, VmServiceBriefVo};

bce_core::string_enum! {
    /// What [`Client::operate_vm_deployment`] does to a VM.
    pub enum VmInstanceAction {
        /// Power on.
        Start = "start",
        /// Power off.
        Stop = "stop",
        /// Reboot.
        Restart = "restart",
    }
}

bce_core::string_enum! {
    /// Whether [`Client::bind_security_group`] binds or unbinds.
    pub enum SecurityGroupAction {
        /// Attach the security groups.
        Bind = "bind",
        /// Detach the security groups.
        Unbind = "unbind",
    }
}

omit_empty! {
    /// Network switches of [`UpdateVmInstanceRequest`]; both flags are always sent.
    pub struct NetworkConfigUpdateVmInstance {
        /// Keep an internal network (always sent).
        always pub need_private_network: bool,
        /// Keep a public network (always sent).
        always pub need_public_network: bool,
        /// Internal network name.
        pub private_network_name: String,
        /// Public network name.
        pub public_network_name: String,
        /// China Mobile public network name.
        pub public_network_china_mobile_name: String,
        /// China Unicom public network name.
        pub public_network_china_unicom_name: String,
        /// China Telecom public network name.
        pub public_network_china_telecom_name: String,
    }
}

omit_empty! {
    /// Body of [`Client::update_vm_instance`]; `kind` says what changes.
    /// Empty fields are left out, except `needIpv6PublicIp`.
    pub struct UpdateVmInstanceRequest {
        /// VM id.
        pub vm_id: String,
        /// What changes.
        #[serde(rename = "type")]
        pub kind: UpdateVmType,
        /// Spec, e.g. `bec.g4.c4m8`.
        pub spec: String,
        /// CPU cores.
        pub cpu: i64,
        /// Memory in GB.
        pub memory: i64,
        /// Restart to apply.
        pub need_restart: bool,
        /// New administrator password.
        pub admin_pass: Secret,
        /// Image id.
        pub image_id: String,
        /// Host name.
        pub hostname: String,
        /// Bandwidth in Mbps.
        pub bandwidth: i64,
        /// Image type.
        pub image_type: ImageType,
        /// VM name.
        pub vm_name: String,
        /// Data disks.
        pub data_volume_list: Vec<VolumeConfig>,
        /// System disk.
        pub system_volume: Option<SystemVolumeConfig>,
        /// Login settings.
        pub key_config: Option<KeyConfig>,
        /// DNS.
        pub dns_config: Option<DnsConfig>,
        /// Public IPv6 (always sent).
        always pub need_ipv6_public_ip: bool,
        /// Network switches.
        pub network_config: Option<NetworkConfigUpdateVmInstance>,
        /// Security groups.
        pub security_group_ids: Vec<String>,
    }
}

/// The official SDK's name of [`UpdateVmInstanceRequest`].
pub type UpdateVmInstanceArgs = UpdateVmInstanceRequest;

/// The name the product documentation uses for [`UpdateVmInstanceRequest`].
pub type UpdateVmDeploymentArgs = UpdateVmInstanceRequest;

/// One VM and the security groups it should have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SecurityGroupInstance {
    /// VM id (always sent).
    pub instance_id: String,
    /// Security groups (always sent; `null` when empty, as the official SDK).
    #[serde(
        serialize_with = "vec_or_null",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub security_group_ids: Vec<String>,
}

/// Body of [`Client::bind_security_group`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BindSecurityGroupInstances {
    /// The VMs (always sent; `null` when empty, as the official SDK).
    #[serde(
        serialize_with = "vec_or_null",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub instances: Vec<SecurityGroupInstance>,
}

omit_empty! {
    /// Body of [`Client::reinstall_vm_instance`].
    pub struct ReinstallVmInstanceRequest {
        /// New administrator password.
        pub admin_pass: Secret,
        /// Image id.
        pub image_id: String,
        /// Image type.
        pub image_type: ImageType,
        /// Also wipe the data disks.
        pub reset_data_disk: bool,
        /// Login settings.
        pub key_config: Option<KeyConfig>,
        /// CUDA version.
        pub cuda_version: String,
        /// cuDNN version.
        pub cudnn_version: String,
        /// GPU driver version.
        pub driver_version: String,
        /// User data (base64).
        pub user_data: String,
    }
}

/// The official SDK's name of [`ReinstallVmInstanceRequest`].
pub type ReinstallVmInstanceArg = ReinstallVmInstanceRequest;

omit_empty! {
    /// Body of [`Client::create_vm_private_ip`].
    pub struct CreateVmPrivateIpRequest {
        /// How many addresses to assign automatically.
        pub secondary_private_ip_address_count: i64,
        /// Addresses to assign.
        pub private_ips: Vec<String>,
    }
}

/// The official SDK's name of [`CreateVmPrivateIpRequest`].
pub type CreateVmPrivateIpForm = CreateVmPrivateIpRequest;

omit_empty! {
    /// Body of [`Client::delete_vm_private_ip`].
    pub struct DeleteVmPrivateIpRequest {
        /// Addresses to release.
        pub private_ips: Vec<String>,
    }
}

/// The official SDK's name of [`DeleteVmPrivateIpRequest`].
pub type DeleteVmPrivateIpForm = DeleteVmPrivateIpRequest;

/// A public address of one provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct MultiplePublicIp {
    /// Provider.
    pub service_provider: String,
    /// IPv4 address.
    pub ip: String,
    /// IPv6 address.
    pub ipv6: String,
}

/// A security group of a VM.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SecurityGroupBrief {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub desc: String,
}

/// The subnet a VM is in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmSubnetBrief {
    /// Subnet id.
    pub subnet_id: String,
    /// Name.
    pub name: String,
    /// CIDR.
    pub cidr: String,
    /// Description.
    pub description: String,
}

/// The VPC a VM is in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmVpcBrief {
    /// VPC id.
    pub vpc_id: String,
    /// Name.
    pub name: String,
    /// CIDR.
    pub cidr: String,
    /// Description.
    pub description: String,
    /// Subnet.
    pub subnet: Option<VmSubnetBrief>,
}

/// A deploy set a VM belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DeploySetBrief {
    /// Deploy set id.
    pub deployset_id: String,
    /// Name.
    pub name: String,
}

/// A VM instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmInstanceBriefVo {
    /// Public IPv4.
    pub public_ip: String,
    /// Public IPv6.
    pub ipv6_public_ip: String,
    /// Internal address.
    pub internal_ip: String,
    /// Public addresses per provider.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub multiple_public_ip: Vec<MultiplePublicIp>,
    /// Provider.
    pub service_provider: String,
    /// VM id.
    pub vm_id: String,
    /// UUID.
    pub uuid: String,
    /// Name.
    pub vm_name: String,
    /// Status, e.g. `RUNNING`, `STOPPED`, `RESTARTING`, `REINSTALLING`.
    pub status: ResourceStatus,
    /// Spec.
    pub spec: String,
    /// CPU cores.
    pub cpu: i64,
    /// Memory in GB.
    pub mem: i64,
    /// GPUs.
    pub gpu: i64,
    /// Region.
    pub region: String,
    /// City.
    pub city: String,
    /// Node id, e.g. `cn-hangzhou-cm`.
    pub region_id: String,
    /// Has a public IPv4.
    pub need_public_ip: bool,
    /// Has a public IPv6.
    pub need_ipv6_public_ip: bool,
    /// Bandwidth.
    pub bandwidth: String,
    /// Image.
    pub os_image: Option<ImageDetail>,
    /// Service id.
    pub service_id: String,
    /// Created.
    pub create_time: String,
    /// Security groups.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub security_groups: Vec<SecurityGroupBrief>,
    /// VPC.
    pub vpc: Option<VmVpcBrief>,
    /// Deploy sets.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deployset_list: Vec<DeploySetBrief>,
    /// Host name.
    pub hostname: String,
    /// DNS.
    pub dns: String,
    /// User data.
    pub user_data: String,
    /// Tags.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub tags: Vec<Tag>,
}

/// A key pair of a VM.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BccKeyPair {
    /// Key pair id.
    pub key_pair_id: String,
    /// Name.
    pub name: String,
}

/// A VM instance in detail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmInstanceDetailsVo {
    /// The instance.
    #[serde(flatten)]
    pub brief: VmInstanceBriefVo,
    /// Root disk in GB.
    pub root_disk_size: i64,
    /// Data storage in GB.
    pub data_storage: i64,
    /// Data disks.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub data_volume_list: Vec<VolumeConfig>,
    /// System disk.
    pub system_volume: Option<SystemVolumeConfig>,
    /// Network interfaces.
    pub network_config: Option<NetworkConfig>,
    /// Key pairs.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub bcc_key_pair_list: Vec<BccKeyPair>,
    /// Rack.
    pub rack_id: String,
    /// Host.
    pub host_id: String,
    /// Switch.
    pub switch_id: String,
    /// Secondary private addresses.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub private_ips: Vec<String>,
}

/// Answer of [`Client::get_node_vm_instance_list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetNodeVmInstanceListResult {
    /// The VMs.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub result: Vec<VmInstanceBriefVo>,
    /// Success.
    pub success: bool,
}

/// Answer of [`Client::get_vm_config`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmConfigResult {
    /// CPU cores.
    pub cpu: i64,
    /// Memory in GB.
    pub mem: i64,
    /// Region.
    pub region: String,
    /// Provider.
    pub service_provider: String,
    /// City.
    pub city: String,
    /// Node id.
    pub region_id: String,
    /// Public IPv4.
    pub need_public_ip: bool,
    /// Bandwidth.
    pub bandwidth: String,
    /// Image.
    pub os_image: Option<ImageDetail>,
    /// Data disks.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub data_volume_list: Vec<VolumeConfig>,
    /// System disk.
    pub system_volume: Option<SystemVolumeConfig>,
}

/// Outcome of a private address change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmPrivateIpOutcome {
    /// Success.
    pub success: bool,
    /// Error code.
    pub err_code: String,
    /// Error message.
    pub err_msg: String,
    /// Addresses changed.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub ips: Vec<String>,
    /// Addresses that failed.
    #[serde(
        rename = "errIPs",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub err_ips: Vec<String>,
}

/// Answer of [`Client::create_vm_private_ip`] and [`Client::delete_vm_private_ip`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmPrivateIpResult {
    /// Outcome.
    pub result: VmPrivateIpOutcome,
    /// Success.
    pub success: bool,
}

/// Page of [`Client::get_vm_instance_list`].
pub type LogicPageVmInstanceResult = PageResult<VmInstanceDetailsVo>;

fn path_part(
    op: bce_core::Operation,
    field: &str,
    value: &str,
    message: &str,
) -> bce_core::Operation {
    // Path parts named by the caller: refuse empty ones (with the wording of
    // the official SDK) and separators that would address another resource.
    op.check(!value.is_empty(), field, message)
        .segment(field, value)
}

impl Client {
    /// Adds instances to a VM service (`POST /v1/vm/service/{serviceId}/instance`).
    pub async fn create_vm_service_instance(
        &self,
        service_id: &str,
        args: &CreateVmServiceRequest,
    ) -> Result<ActionResult<VmServiceBriefVo>, Error> {
        let op = Client::op("CreateVmServiceInstance", Method::Post, "/v1/vm/service")
            .segment("serviceId", service_id)
            .path("/instance")
            .json(args);
        self.call(op).await
    }

    /// Lists VM instances (`GET /v1/vm/instance`). Sends paging, sort,
    /// keyword, status, region, OS and service filters when set.
    pub async fn get_vm_instance_list(
        &self,
        args: &ListRequest,
    ) -> Result<LogicPageVmInstanceResult, Error> {
        let op = Client::op("GetVmInstanceList", Method::Get, "/v1/vm/instance");
        self.call(args.vm_query(op)).await
    }

    /// All VM instances, page after page (20 per page unless set).
    pub fn get_vm_instance_list_stream(
        &self,
        args: ListRequest,
    ) -> impl Stream<Item = Result<VmInstanceDetailsVo, Error>> + '_ {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move {
            self.get_vm_instance_list(&r).await
        })
    }

    /// VM instances of one node
    /// (`GET /v1/vm/instance/regions/{region}/sps/{serviceProvider}/cities/{city}`).
    /// Only `keywordType` and `keyword` of `args` are sent; the service
    /// does not page this list.
    pub async fn get_node_vm_instance_list(
        &self,
        region: &Region,
        service_provider: &ServiceProvider,
        city: &str,
        args: &ListRequest,
    ) -> Result<GetNodeVmInstanceListResult, Error> {
        let op = Client::op(
            "GetNodeVmInstanceList",
            Method::Get,
            "/v1/vm/instance/regions",
        );
        let op = path_part(op, "region", region.as_str(), "please set region").path("/sps");
        let op = path_part(
            op,
            "serviceProvider",
            service_provider.as_str(),
            "please set serviceProvider",
        )
        .path("/cities");
        let op = path_part(op, "city", city, "please set city")
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("keyword", &args.keyword);
        self.call(op).await
    }

    /// One VM instance (`GET /v1/vm/instance/{vmId}`).
    pub async fn get_virtual_machine(&self, vm_id: &str) -> Result<VmInstanceDetailsVo, Error> {
        self.call(
            Client::op("GetVirtualMachine", Method::Get, "/v1/vm/instance").segment("vmId", vm_id),
        )
        .await
    }

    /// Deletes a VM instance (`DELETE /v1/vm/instance/{vmId}`).
    pub async fn delete_vm_instance(
        &self,
        vm_id: &str,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        self.call(
            Client::op("DeleteVmInstance", Method::Delete, "/v1/vm/instance")
                .segment("vmId", vm_id),
        )
        .await
    }

    /// Changes a VM instance (`PUT /v1/vm/instance/{vmId}`): name, password,
    /// resources, security groups, host name, per `args.kind`.
    pub async fn update_vm_instance(
        &self,
        vm_id: &str,
        args: &UpdateVmInstanceRequest,
    ) -> Result<ActionResult<VmInstanceBriefVo>, Error> {
        let op = Client::op("UpdateVmInstance", Method::Put, "/v1/vm/instance")
            .segment("vmId", vm_id)
            .json(args);
        self.call(op).await
    }

    /// The name the product documentation uses (`UpdateVmDeployment`) for
    /// [`Client::update_vm_instance`]; identical on the wire.
    pub async fn update_vm_deployment(
        &self,
        vm_id: &str,
        args: &UpdateVmDeploymentArgs,
    ) -> Result<ActionResult<VmInstanceBriefVo>, Error> {
        self.update_vm_instance(vm_id, args).await
    }

    /// Binds or unbinds security groups of VMs
    /// (`PUT /v1/vm/instance/securityGroup/{action}`).
    pub async fn bind_security_group(
        &self,
        action: &SecurityGroupAction,
        args: &BindSecurityGroupInstances,
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op(
            "BindSecurityGroup",
            Method::Put,
            "/v1/vm/instance/securityGroup",
        )
        .segment("action", action.as_str())
        .json(args);
        self.call(op).await
    }

    /// Reinstalls the system of a VM
    /// (`PUT /v1/vm/instance/{vmId}/system/reinstall`).
    pub async fn reinstall_vm_instance(
        &self,
        vm_id: &str,
        args: &ReinstallVmInstanceRequest,
    ) -> Result<ActionResult<VmInstanceBriefVo>, Error> {
        let op = Client::op("ReinstallVmInstance", Method::Put, "/v1/vm/instance")
            .segment("vmId", vm_id)
            .path("/system/reinstall")
            .json(args);
        self.call(op).await
    }

    /// Starts, stops or restarts a VM (`PUT /v1/vm/instance/{vmId}/{action}`).
    pub async fn operate_vm_deployment(
        &self,
        vm_id: &str,
        action: &VmInstanceAction,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        let op = Client::op("OperateVmDeployment", Method::Put, "/v1/vm/instance")
            .segment("vmId", vm_id)
            .segment("action", action.as_str());
        self.call(op).await
    }

    /// Metrics of a VM (`GET /v1/monitor/vm/{vmId}`).
    pub async fn get_vm_instance_metrics(
        &self,
        vm_id: &str,
        query: &MetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op("GetVmInstanceMetrics", Method::Get, "/v1/monitor/vm")
            .segment("vmId", vm_id);
        self.call(query.apply(op)).await
    }

    /// Configuration of a VM (`GET /v1/vm/instance/{vmId}/config`).
    pub async fn get_vm_config(&self, vm_id: &str) -> Result<VmConfigResult, Error> {
        self.call(
            Client::op("GetVmConfig", Method::Get, "/v1/vm/instance")
                .segment("vmId", vm_id)
                .path("/config"),
        )
        .await
    }

    /// Assigns secondary private addresses
    /// (`POST /v1/vm/instance/{vmId}/privateIp`).
    pub async fn create_vm_private_ip(
        &self,
        vm_id: &str,
        args: &CreateVmPrivateIpRequest,
    ) -> Result<VmPrivateIpResult, Error> {
        let op = Client::op("CreateVmPrivateIp", Method::Post, "/v1/vm/instance")
            .segment("vmId", vm_id)
            .path("/privateIp")
            .json(args);
        self.call(op).await
    }

    /// Releases secondary private addresses
    /// (`PUT /v1/vm/instance/{vmId}/privateIp/release`).
    pub async fn delete_vm_private_ip(
        &self,
        vm_id: &str,
        args: &DeleteVmPrivateIpRequest,
    ) -> Result<VmPrivateIpResult, Error> {
        let op = Client::op("DeleteVmPrivateIp", Method::Put, "/v1/vm/instance")
            .segment("vmId", vm_id)
            .path("/privateIp/release")
            .json(args);
        self.call(op).await
    }
}
