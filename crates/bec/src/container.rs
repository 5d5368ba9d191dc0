//! Container services, their deployments and pods.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

mod model;
mod pods;

pub use model::*;
pub use pods::*;

bce_core::string_enum! {
    /// What [`Client::update_service`] changes.
    pub enum UpdateServiceType {
        /// The name.
        Name = "NAME",
        /// Replicas per placement.
        Replicas = "REPLICAS",
        /// Containers and resources.
        Resource = "RESOURCE",
    }
}

omit_empty! {
    /// Body of [`Client::create_service`]. Empty fields are left out.
    pub struct CreateServiceRequest {
        /// Service name.
        pub service_name: String,
        /// `postpay` or `prepay`.
        pub payment_method: String,
        /// Container group name.
        pub container_group_name: String,
        /// Containers of each pod.
        pub containers: Vec<ContainerDetails>,
        /// Pull secrets.
        pub image_registry_secrets: Vec<ImageRegistrySecret>,
        /// Volumes.
        pub volumes: Option<Volume>,
        /// Public IPv4.
        pub need_public_ip: bool,
        /// Public IPv6.
        pub need_ipv6_public_ip: bool,
        /// Bandwidth in Mbps.
        pub bandwidth: i64,
        /// Tags.
        pub tags: Vec<Tag>,
        /// Placement.
        pub deploy_instances: Vec<DeploymentInstance>,
        /// Log collection.
        pub log_collect_detail: Option<LogCollectDetail>,
    }
}

/// The official SDK's name of [`CreateServiceRequest`].
pub type CreateServiceArgs = CreateServiceRequest;

omit_empty! {
    /// Body of [`Client::update_service`]; `kind` says what changes.
    pub struct UpdateServiceRequest {
        /// What changes.
        #[serde(rename = "type")]
        pub kind: UpdateServiceType,
        /// Placement and replicas.
        pub deploy_instances: Vec<DeploymentInstance>,
        /// New name.
        pub service_name: String,
        /// Public IPv6, as the text `"true"` or `"false"` (a string on the wire).
        pub need_ipv6_public_ip: String,
        /// Containers.
        pub containers: Vec<ContainerDetails>,
        /// Pull secrets.
        pub image_registry_secrets: Vec<ImageRegistrySecret>,
        /// Bandwidth in Mbps.
        pub bandwidth: i64,
    }
}

/// The official SDK's name of [`UpdateServiceRequest`].
pub type UpdateServiceArgs = UpdateServiceRequest;

/// Filter and paging of [`Client::list_service`]: the generic
/// [`ListRequest`], of which paging, `keywordType`, `keyword`, `status`,
/// `order` and `orderBy` are sent (zero and empty values are not).
pub type ListServiceRequest = ListRequest;

/// The official SDK's name of [`ListServiceRequest`].
pub type ListServiceArgs = ListServiceRequest;

/// Body of [`Client::service_batch_operate`].
pub type ServiceBatchOperateRequest = BatchActionRequest;
/// The official SDK's name of [`ServiceBatchOperateRequest`].
pub type ServiceBatchOperateArgs = BatchActionRequest;

/// A container service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceBriefVo {
    /// Service id.
    pub service_id: String,
    /// Name.
    pub service_name: String,
    /// Level.
    pub level: String,
    /// Status, e.g. `RUNNING`, `STARTING`, `FAILED`.
    pub status: ResourceStatus,
    /// CPU cores.
    pub total_cpu: i64,
    /// Memory.
    pub total_mem: i64,
    /// GPUs.
    pub total_gpu: i64,
    /// Disk.
    pub total_disk: i64,
    /// Regions.
    pub regions: i64,
    /// Pods.
    pub total_pods: i64,
    /// Running pods.
    pub running_pods: i64,
    /// Tags.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub tag_map: Vec<Tag>,
    /// Placement.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deploy_instances: Vec<DeploymentInstance>,
    /// Created.
    pub create_time: String,
    /// Last updated.
    pub last_update_time: String,
}

/// A workload (deployment) of a container service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourceBriefVo {
    /// Service id.
    pub service_id: String,
    /// Service name.
    pub service_name: String,
    /// Deployment id.
    pub resource_id: String,
    /// Deployment name.
    pub resource_name: String,
    /// Labels.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// CPU cores.
    pub total_cpu: i64,
    /// Memory.
    pub total_mem: i64,
    /// GPUs.
    pub total_gpu: i64,
    /// Pods.
    pub total_pods: i64,
    /// Running pods.
    pub running_pods: i64,
    /// Deployments.
    pub total_deploy: i64,
    /// Ingress bandwidth.
    pub ingress_bandwidth: String,
    /// Placement.
    pub deploy_instance: Option<DeploymentInstance>,
    /// Images.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub image_list: Vec<String>,
    /// Containers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub containers: Vec<ContainerDetails>,
    /// Pull secrets.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub image_registry_secrets: Vec<ImageRegistrySecret>,
}

/// A container service in detail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceDetailsVo {
    /// Service id.
    pub service_id: String,
    /// Name.
    pub service_name: String,
    /// Status.
    pub status: ResourceStatus,
    /// CPU cores.
    pub total_cpu: i64,
    /// Memory.
    pub total_mem: i64,
    /// GPUs.
    pub total_gpu: i64,
    /// Disk.
    pub total_disk: i64,
    /// Pods.
    pub total_pods: i64,
    /// Running pods.
    pub running_pods: i64,
    /// Regions.
    pub region_size: i64,
    /// Tags.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub tags_map: Vec<Tag>,
    /// Placement.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deploy_instances: Vec<DeploymentInstance>,
    /// Deployments.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub resource_brief_vos: Vec<ResourceBriefVo>,
    /// Pull secrets.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub image_registry_secrets: Vec<ImageRegistrySecret>,
    /// Log collection.
    pub log_collect_detail: Option<LogCollectDetail>,
    /// Created.
    pub create_time: String,
    /// Last updated.
    pub last_update_time: String,
}

/// Page of [`Client::list_service`].
pub type ListServiceResult = PageResult<ServiceBriefVo>;

impl Client {
    /// Creates a container service (`POST /v1/service/create`).
    pub async fn create_service(
        &self,
        args: &CreateServiceRequest,
    ) -> Result<ActionResult<ServiceBriefVo>, Error> {
        self.call(Client::op("CreateService", Method::Post, "/v1/service/create").json(args))
            .await
    }

    /// Lists container services (`GET /v1/service`).
    pub async fn list_service(
        &self,
        args: &ListServiceRequest,
    ) -> Result<ListServiceResult, Error> {
        let op = Client::op("ListService", Method::Get, "/v1/service");
        let op = page_query(op, args.page_no, args.page_size)
            .query_if_not_empty("keyword", &args.keyword)
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("status", args.status.as_str())
            .query_if_not_empty("order", &args.order)
            .query_if_not_empty("orderBy", &args.order_by);
        self.call(op).await
    }

    /// All container services, page after page (20 per page unless set).
    pub fn list_service_stream(
        &self,
        args: ListServiceRequest,
    ) -> impl futures::Stream<Item = Result<ServiceBriefVo, Error>> + '_ {
        let first = ListServiceRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.list_service(&r).await })
    }

    /// One container service (`GET /v1/service/{serviceId}`).
    pub async fn get_service(&self, service_id: &str) -> Result<ServiceDetailsVo, Error> {
        self.call(
            Client::op("GetService", Method::Get, "/v1/service").segment("serviceId", service_id),
        )
        .await
    }

    /// Starts or stops a container service
    /// (`PUT /v1/service/{serviceId}/{action}`).
    pub async fn service_action(
        &self,
        service_id: &str,
        action: &ServiceAction,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        let op = Client::op("ServiceAction", Method::Put, "/v1/service")
            .segment("serviceId", service_id)
            .segment("action", action.as_str());
        self.call(op).await
    }

    /// Changes a container service (`PUT /v1/service/{serviceId}`).
    pub async fn update_service(
        &self,
        service_id: &str,
        args: &UpdateServiceRequest,
    ) -> Result<ActionResult<Vec<ServiceBriefVo>>, Error> {
        let op = Client::op("UpdateService", Method::Put, "/v1/service")
            .segment("serviceId", service_id)
            .json(args);
        self.call(op).await
    }

    /// Deletes a container service (`DELETE /v1/service/{serviceId}`).
    pub async fn delete_service(
        &self,
        service_id: &str,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        self.call(
            Client::op("DeleteService", Method::Delete, "/v1/service")
                .segment("serviceId", service_id),
        )
        .await
    }

    /// Metrics of a container service
    /// (`GET /v1/monitor/service/sts/{serviceId}`).
    pub async fn get_service_metrics(
        &self,
        service_id: &str,
        query: &MetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op("GetServiceMetrics", Method::Get, "/v1/monitor/service/sts")
            .segment("serviceId", service_id)
            .query("serviceId", service_id);
        self.call(query.apply(op)).await
    }

    /// Starts or stops several container services
    /// (`PUT /v1/service/batch/operate`).
    pub async fn service_batch_operate(
        &self,
        args: &ServiceBatchOperateRequest,
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op(
            "ServiceBatchOperate",
            Method::Put,
            "/v1/service/batch/operate",
        )
        .check(
            matches!(args.action, ServiceAction::Start | ServiceAction::Stop),
            "action",
            "action is start|stop, please check",
        )
        .json(args);
        self.call(op).await
    }

    /// Deletes several container services (`POST /v1/service/batch/delete`,
    /// body: the ids).
    pub async fn service_batch_delete(
        &self,
        service_ids: &[String],
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op(
            "ServiceBatchDelete",
            Method::Post,
            "/v1/service/batch/delete",
        );
        self.call(ids_body(op, "serviceIds", service_ids)).await
    }
}
