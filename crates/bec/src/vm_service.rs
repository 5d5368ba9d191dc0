//! VM services: groups of edge VMs deployed from one template.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::size_or_default;

omit_empty! {
    /// Body of [`Client::create_vm_service`] (and, later, of adding instances
    /// to a service).
    /// Empty fields are left out, except `directPay`, which is always sent.
    pub struct CreateVmServiceRequest {
        /// Service name.
        pub service_name: String,
        /// Service id (when adding instances).
        pub service_id: String,
        /// VM name.
        pub vm_name: String,
        /// Public IPv4.
        pub need_public_ip: bool,
        /// Bandwidth in Mbps.
        pub bandwidth: i64,
        /// Placement.
        pub deploy_instances: Vec<DeploymentInstance>,
        /// DNS.
        pub dns_config: Option<DnsConfig>,
        /// Spec, e.g. `bec.g4.c4m8`.
        pub spec: String,
        /// CPU cores.
        pub cpu: i64,
        /// Memory in GB.
        pub memory: i64,
        /// Image id.
        pub image_id: String,
        /// Image type.
        pub image_type: ImageType,
        /// Public IPv6.
        pub need_ipv6_public_ip: bool,
        /// System disk.
        pub system_volume: Option<SystemVolumeConfig>,
        /// Data disks.
        pub data_volume_list: Vec<VolumeConfig>,
        /// Login settings.
        pub key_config: Option<KeyConfig>,
        /// No internal network.
        pub disable_intranet: bool,
        /// No cloud-init.
        pub disable_cloud_init: bool,
        /// Network interfaces.
        pub network_config_list: Vec<NetworkConfig>,
        /// Security groups.
        pub security_group_ids: Vec<String>,
        /// Host name.
        pub hostname: String,
        /// Deploy sets.
        pub deployset_id_list: Vec<String>,
        /// `postpay` or `prepay`.
        pub payment_method: String,
        /// GPUs.
        pub gpu: Option<GpuRequest>,
        /// Administrator password.
        pub admin_pass: Secret,
        /// Template id.
        pub template_id: String,
        /// `random` or `custom`.
        pub hostname_gen_method: String,
        /// `NEW`, `UPGRADE`, `UPDATE`, `RENEW`.
        pub action_type: String,
        /// Direct debit of prepaid orders (always sent).
        always pub direct_pay: bool,
        /// Prepaid period.
        pub reservation: Option<Period>,
        /// Return URL of an order.
        pub back_url: String,
        /// Auto-renewal.
        pub auto_renew: Option<Period>,
        /// CUDA version.
        pub cuda_version: String,
        /// cuDNN version.
        pub cudnn_version: String,
        /// Driver version.
        pub driver_version: String,
        /// User data (base64).
        pub user_data: String,
        /// Tags.
        pub tags: Vec<Tag>,
    }
}

/// The official SDK's name of [`CreateVmServiceRequest`].
pub type CreateVmServiceArgs = CreateVmServiceRequest;

omit_empty! {
    /// Replica template of an update.
    pub struct ReplicaTemplate {
        /// Template type, e.g. `template`.
        #[serde(rename = "type")]
        pub kind: String,
        /// Template id.
        pub template_id: String,
    }
}

omit_empty! {
    /// Body of [`Client::update_vm_service`]; `kind` says what changes.
    /// Empty fields are left out, except `needIpv6PublicIp`.
    pub struct UpdateVmServiceRequest {
        /// What changes.
        #[serde(rename = "type")]
        pub kind: UpdateVmType,
        /// CPU cores.
        pub cpu: i64,
        /// Memory in GB.
        pub memory: i64,
        /// Restart to apply.
        pub need_restart: bool,
        /// New password.
        pub admin_pass: Secret,
        /// Image id.
        pub image_id: String,
        /// Bandwidth.
        pub bandwidth: i64,
        /// Image type.
        pub image_type: ImageType,
        /// VM name.
        pub vm_name: String,
        /// Host name.
        pub hostname: String,
        /// VM id.
        pub vm_id: String,
        /// Data disks.
        pub data_volume_list: Vec<VolumeConfig>,
        /// Security groups.
        pub security_group_ids: Vec<String>,
        /// System disk.
        pub system_volume: Option<SystemVolumeConfig>,
        /// Login settings.
        pub key_config: Option<KeyConfig>,
        /// DNS.
        pub dns_config: Option<DnsConfig>,
        /// Public IPv6 (always sent).
        always pub need_ipv6_public_ip: bool,
        /// Network interfaces.
        pub network_config_list: Vec<NetworkConfig>,
        /// Service name.
        pub service_name: String,
        /// Placement.
        pub deploy_instances: Vec<DeploymentInstance>,
        /// Replica template.
        pub replica_template: Option<ReplicaTemplate>,
    }
}

/// The official SDK's name of [`UpdateVmServiceRequest`].
pub type UpdateVmServiceArgs = UpdateVmServiceRequest;

/// Filter and paging of [`Client::get_vm_service_list`]: the generic
/// [`ListRequest`], of which paging, sort, keyword, status, region, OS and
/// service filters are sent (zero and empty values are not).
pub type ListVmServiceRequest = ListRequest;

/// The official SDK's name of [`ListVmServiceRequest`].
pub type ListVmServiceArgs = ListVmServiceRequest;

/// Body of [`Client::batch_operate_vm_service`].
pub type VmServiceBatchActionRequest = BatchActionRequest;
/// The official SDK's name of [`VmServiceBatchActionRequest`].
pub type VmServiceBatchActionArgs = BatchActionRequest;

/// An image as reported with a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ImageDetail {
    /// Id.
    pub id: String,
    /// Image id.
    pub image_id: String,
    /// Name.
    pub name: String,
    /// Image type.
    pub image_type: String,
    /// OS type.
    pub os_type: String,
    /// OS name.
    pub os_name: String,
    /// OS version.
    pub os_version: String,
    /// Status.
    pub status: String,
    /// Fields this SDK version does not model.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A VM of a service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmRef {
    /// VM id.
    pub vm_id: String,
    /// VM name.
    pub vm_name: String,
    /// Region.
    pub region: String,
    /// Node id.
    pub region_id: String,
    /// City.
    pub city: String,
    /// Provider.
    pub service_provider: String,
}

/// A VM service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmServiceBriefVo {
    /// Service id.
    pub service_id: String,
    /// Name.
    pub service_name: String,
    /// Status, e.g. `RUNNING`, `CREATING`, `FAILED`.
    pub status: ResourceStatus,
    /// CPU cores.
    pub total_cpu: i64,
    /// Memory.
    pub total_mem: i64,
    /// Disk.
    pub total_disk: i64,
    /// Root disk.
    pub total_root_disk: i64,
    /// Regions.
    pub regions: i64,
    /// Placement.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deploy_instances: Vec<DeploymentInstance>,
    /// Instances.
    pub total_instances: i64,
    /// Running instances.
    pub running_instances: i64,
    /// Image.
    pub os_image: Option<ImageDetail>,
    /// Created.
    pub create_time: String,
    /// GPUs.
    pub total_gpu: i64,
    /// VMs.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub instances: Vec<VmRef>,
    /// Tags.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub tags: Vec<Tag>,
}

/// A VM service in detail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmServiceDetailsVo {
    /// The service.
    #[serde(flatten)]
    pub brief: VmServiceBriefVo,
    /// Bandwidth.
    pub bandwidth: String,
    /// Total bandwidth.
    pub total_bandwidth: String,
    /// Data disks.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub data_volume_list: Vec<VolumeConfig>,
    /// System disks.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub system_volume_list: Vec<VolumeConfig>,
}

impl Client {
    /// Creates a VM service (`POST /v1/vm/service`).
    pub async fn create_vm_service(
        &self,
        args: &CreateVmServiceRequest,
    ) -> Result<ActionResult<VmServiceBriefVo>, Error> {
        self.call(Client::op("CreateVmService", Method::Post, "/v1/vm/service").json(args))
            .await
    }

    /// Updates a VM service (`PUT /v1/vm/service/{serviceId}`).
    pub async fn update_vm_service(
        &self,
        service_id: &str,
        args: &UpdateVmServiceRequest,
    ) -> Result<ActionResult<VmServiceBriefVo>, Error> {
        let op = Client::op("UpdateVmService", Method::Put, "/v1/vm/service")
            .segment("serviceId", service_id)
            .json(args);
        self.call(op).await
    }

    /// Lists VM services (`GET /v1/vm/service`).
    pub async fn get_vm_service_list(
        &self,
        args: &ListVmServiceRequest,
    ) -> Result<PageResult<VmServiceBriefVo>, Error> {
        let op = Client::op("GetVmServiceList", Method::Get, "/v1/vm/service");
        self.call(args.vm_query(op)).await
    }

    /// All VM services, page after page (20 per page unless set).
    pub fn get_vm_service_list_stream(
        &self,
        args: ListVmServiceRequest,
    ) -> impl Stream<Item = Result<VmServiceBriefVo, Error>> + '_ {
        let first = ListVmServiceRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(
            first,
            move |r| async move { self.get_vm_service_list(&r).await },
        )
    }

    /// One VM service (`GET /v1/vm/service/{serviceId}`).
    pub async fn get_vm_service_detail(
        &self,
        service_id: &str,
    ) -> Result<VmServiceDetailsVo, Error> {
        self.call(
            Client::op("GetVmServiceDetail", Method::Get, "/v1/vm/service")
                .segment("serviceId", service_id),
        )
        .await
    }

    /// Metrics of a VM service (`GET /v1/monitor/service/vm/{serviceId}`).
    pub async fn get_vm_service_metrics(
        &self,
        service_id: &str,
        query: &MetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op("GetVmServiceMetrics", Method::Get, "/v1/monitor/service/vm")
            .segment("serviceId", service_id)
            .query("serviceId", service_id);
        self.call(query.apply(op)).await
    }

    /// Starts or stops a VM service (`PUT /v1/vm/service/{serviceId}/{action}`).
    pub async fn vm_service_action(
        &self,
        service_id: &str,
        action: &ServiceAction,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        let op = Client::op("VmServiceAction", Method::Put, "/v1/vm/service")
            .segment("serviceId", service_id)
            .check(
                matches!(action, ServiceAction::Start | ServiceAction::Stop),
                "action",
                "must be start or stop",
            )
            .segment("action", action.as_str());
        self.call(op).await
    }

    /// Deletes a VM service (`DELETE /v1/vm/service/{serviceId}`).
    pub async fn delete_vm_service(
        &self,
        service_id: &str,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        self.call(
            Client::op("DeleteVmService", Method::Delete, "/v1/vm/service")
                .segment("serviceId", service_id),
        )
        .await
    }

    /// Deletes several VM services (`POST /v1/vm/service/batch/delete`, body: the ids).
    pub async fn batch_delete_vm_service(
        &self,
        service_ids: &[String],
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op(
            "BatchDeleteVmService",
            Method::Post,
            "/v1/vm/service/batch/delete",
        );
        self.call(ids_body(op, "serviceIds", service_ids)).await
    }

    /// Starts or stops several VM services (`PUT /v1/vm/service/batch/operate`).
    pub async fn batch_operate_vm_service(
        &self,
        args: &VmServiceBatchActionRequest,
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op(
            "BatchOperateVmService",
            Method::Put,
            "/v1/vm/service/batch/operate",
        )
        .check(
            matches!(args.action, ServiceAction::Start | ServiceAction::Stop),
            "action",
            "must be start or stop",
        )
        .json(args);
        self.call(op).await
    }
}
