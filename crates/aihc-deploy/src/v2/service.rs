//! Services: list, describe, status, create, modify, upgrade, scale,
//! network access, delete.

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::v2::client::{id, response, Ack, Client};
use crate::v2::model::{
    CanaryStrategy, HpaConf, NetworkType, ResourcePoolType, ServiceConf, WorkloadType,
};
use crate::v2::paging::{page_and_order, stream_page_size};
use crate::v2::pods::Instance;

/// Page size of [`Client::describe_services_stream`] when none is set.
pub const DEFAULT_STREAM_PAGE_SIZE: u32 = 20;

/// Paging and order of [`Client::describe_services`]. Zero and empty values
/// are not sent (the service then uses page 1, 10 per page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeServicesRequest {
    /// Page (1-based).
    pub page_number: u32,
    /// Services per page.
    pub page_size: u32,
    /// Sort field, e.g. `createdAt`.
    pub order_by: String,
    /// `asc` or `desc`.
    pub order: String,
}

bce_core::page_number_request!(DescribeServicesRequest: page_number, page_size);

response! {
    /// Resources of one replica.
    pub struct ResourceSpec {
        /// CPU cores.
        pub cpus: i32,
        /// Memory (GiB).
        pub memory: i32,
        /// Accelerators.
        pub accelerator_count: i32,
        /// Accelerator model.
        pub accelerator_type: String,
    }
}

response! {
    /// A service in a list.
    pub struct ServiceBrief {
        /// Service id, e.g. `s-r7d45dcffa0a`.
        pub id: String,
        /// Name.
        pub name: String,
        /// Resource pool id.
        pub resource_pool_id: String,
        /// Resource pool name.
        pub resource_pool_name: String,
        /// Queue.
        pub queue_name: String,
        /// Region.
        pub region: String,
        /// Reachable from the internet.
        pub public_access: bool,
        /// Network.
        pub network_type: NetworkType,
        /// Creator.
        pub creator: String,
        /// Created (Unix seconds).
        pub created_at: i64,
        /// Last changed (Unix seconds).
        pub updated_at: i64,
        /// Kind of pool.
        pub resource_pool_type: ResourcePoolType,
        /// Autoscaling.
        pub hpa: Option<HpaConf>,
        /// Resources of one replica.
        pub resource_spec: Option<ResourceSpec>,
        /// Workload type.
        pub workload_type: WorkloadType,
    }
}

response! {
    /// A page of services.
    pub struct DescribeServicesResponse {
        /// Services of this page.
        pub services: Vec<ServiceBrief>,
        /// Services in all pages.
        pub total_count: i64,
        /// This page.
        pub page_number: i64,
        /// Page size.
        pub page_size: i64,
        /// Sort field.
        pub order_by: String,
        /// Sort order.
        pub order: String,
        /// Request id.
        pub request_id: String,
    }
}

bce_core::page_number_response!(DescribeServicesResponse: services => ServiceBrief, total_count);

response! {
    /// Replica counts and state of a service.
    ///
    /// `status` is a number whose meanings the API does not document (the
    /// reference example shows `2` for a service with 1 of 1 replicas
    /// ready); judge readiness by `available_ins` / `total_ins`.
    pub struct ServiceBriefStat {
        /// State code (undocumented meanings).
        pub status: i32,
        /// Replicas ready.
        pub available_ins: i32,
        /// Replicas in total (more than wanted while an update surges).
        pub total_ins: i32,
        /// The service flags a risk.
        pub hazard: bool,
        /// Why the service is in this state.
        pub reason: String,
    }
}

impl ServiceBriefStat {
    /// Whether every replica is ready and there is at least one.
    pub fn all_ready(&self) -> bool {
        self.total_ins > 0 && self.available_ins >= self.total_ins
    }
}

response! {
    /// State of services by id (`DescribeServiceStatus`).
    pub struct DescribeServiceStatusResponse {
        /// Service id → state.
        pub service: BTreeMap<String, ServiceBriefStat>,
        /// Request id.
        pub request_id: String,
    }
}

response! {
    /// Addresses of a service.
    pub struct AccessIps {
        /// Address inside the VPC.
        pub internal: String,
        /// Public address.
        pub external: String,
    }
}

response! {
    /// A port a service exposes.
    pub struct AccessPort {
        /// Port name.
        pub name: String,
        /// Port of the container.
        pub container_port: i32,
        /// Port of the service.
        pub service_port: i32,
    }
}

response! {
    /// Where a service is reached and how many replicas are ready.
    pub struct ServiceStatus {
        /// Addresses (wire name `accessIPs`).
        #[serde(rename = "accessIPs", alias = "accessIps")]
        pub access_ips: AccessIps,
        /// Ports.
        pub access_ports: Vec<AccessPort>,
        /// Load balancer short id.
        pub blb_short_id: String,
        /// Replica counts and state.
        pub brief_stat: ServiceBriefStat,
    }
}

response! {
    /// A service in detail (`DescribeService`).
    pub struct ServiceDetail {
        /// Its configuration.
        pub service: ServiceConf,
        /// Where it is reached and how many replicas are ready.
        pub status: ServiceStatus,
        /// Its pods.
        pub instances: Vec<Instance>,
        /// Creator.
        pub creator: String,
        /// Created (Unix seconds).
        pub created_at: i64,
        /// Last changed (Unix seconds).
        pub updated_at: i64,
        /// Request id.
        pub request_id: String,
    }
}

impl ServiceDetail {
    /// Replicas the configuration asks for.
    pub fn desired_replicas(&self) -> i32 {
        self.service.instance_count.unwrap_or_default()
    }
}

/// The answer of [`Client::create_service`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateServiceResponse {
    /// The new service's id.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub service_id: String,
    /// Request id.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub request_id: String,
    /// The client token the request carried (given or generated); calling
    /// again with it cannot create a second service.
    #[serde(skip)]
    pub client_token: String,
}

response! {
    /// The answer of [`Client::modify_service`].
    pub struct ModifyServiceResponse {
        /// The service's id.
        pub service_id: String,
        /// Request id.
        pub request_id: String,
    }
}

/// Arguments of [`Client::modify_service`]: the id and a change note go
/// to the query, the configuration is the body (unset parts are kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModifyServiceRequest {
    /// Service id.
    pub service_id: String,
    /// What to change (`acceleratorType`, `instanceCount`, `storage`,
    /// `containers`, `log`, `deploy`, `misc`).
    pub service_conf: ServiceConf,
    /// A note on the change (not sent when empty).
    pub description: String,
}

/// Arguments of [`Client::upgrade_service`]: the id goes to the query,
/// everything else is the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpgradeServiceRequest {
    /// Service id (query).
    #[serde(skip_serializing)]
    pub service_id: String,
    /// Version to roll out.
    pub version_id: String,
    /// A note on the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Rolling-update limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canary_strategy: Option<CanaryStrategy>,
    /// Further body fields, sent as given (the operation is not in the
    /// public reference; the official Python SDK forwards extra keywords).
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Arguments of [`Client::modify_service_net_config`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModifyServiceNetConfigRequest {
    /// Service id.
    pub service_id: String,
    /// Turn public access on or off (always sent).
    pub public_access: bool,
    /// Elastic IP for public access (not sent when empty).
    pub eip: String,
}

impl Client {
    /// Lists services, one page (`GET /?action=DescribeServices`).
    pub async fn describe_services(
        &self,
        request: &DescribeServicesRequest,
    ) -> Result<DescribeServicesResponse, Error> {
        let op = Client::action("DescribeServices", Method::Get);
        let op = page_and_order(op, request, &request.order_by, &request.order);
        self.call(op).await
    }

    /// Every service, page after page, from `request`'s page on
    /// ([`DEFAULT_STREAM_PAGE_SIZE`] per page unless set).
    pub fn describe_services_stream(
        &self,
        request: DescribeServicesRequest,
    ) -> impl Stream<Item = Result<ServiceBrief, Error>> + Send + 'static {
        let first = DescribeServicesRequest {
            page_size: stream_page_size(request.page_size),
            ..request
        };
        self.page_stream(first, |client, r| async move {
            client.describe_services(&r).await
        })
    }

    /// A service in detail: configuration, access, replica counts and pods
    /// (`GET /?action=DescribeService`).
    pub async fn describe_service(&self, service_id: &str) -> Result<ServiceDetail, Error> {
        let op = id(
            Client::action("DescribeService", Method::Get),
            "serviceId",
            service_id,
        );
        self.call(op).await
    }

    /// Replica counts and state of a service
    /// (`GET /?action=DescribeServiceStatus`).
    pub async fn describe_service_status(
        &self,
        service_id: &str,
    ) -> Result<DescribeServiceStatusResponse, Error> {
        let op = id(
            Client::action("DescribeServiceStatus", Method::Get),
            "serviceId",
            service_id,
        );
        self.call(op).await
    }

    /// Creates a service (`POST /?action=CreateService`, the configuration
    /// as body). The request carries a client token: `client_token`, or a
    /// UUID v4 generated once for this call, so retries of the same call
    /// cannot create two services. The token used is returned in
    /// [`CreateServiceResponse::client_token`].
    pub async fn create_service(
        &self,
        conf: &ServiceConf,
        client_token: Option<&str>,
    ) -> Result<CreateServiceResponse, Error> {
        let token = match client_token {
            Some(t) if !t.is_empty() => t.to_owned(),
            _ => bce_core::client::random_uuid_v4(),
        };
        let op = Client::action("CreateService", Method::Post)
            .with_error(conf.check_for_create())
            .query("clientToken", &token)
            .json(conf)
            .idempotent(true);
        let mut answer: CreateServiceResponse = self.call(op).await?;
        answer.client_token = token;
        Ok(answer)
    }

    /// Changes a service's configuration (`POST /?action=ModifyService`);
    /// the service rolls its pods.
    pub async fn modify_service(
        &self,
        request: &ModifyServiceRequest,
    ) -> Result<ModifyServiceResponse, Error> {
        let op = id(
            Client::action("ModifyService", Method::Post),
            "serviceId",
            &request.service_id,
        )
        .with_error(request.service_conf.check_counts())
        .query_if_not_empty("description", &request.description)
        .json(&request.service_conf);
        self.call(op).await
    }

    /// Rolls a service to another version (`POST /?action=UpgradeService`).
    /// Not in the public API reference; the official Python SDK sends it.
    pub async fn upgrade_service(&self, request: &UpgradeServiceRequest) -> Result<Ack, Error> {
        let op = id(
            Client::action("UpgradeService", Method::Post),
            "serviceId",
            &request.service_id,
        )
        .require("versionId", &request.version_id)
        .json(request);
        self.call(op).await
    }

    /// Deletes a service (`POST /?action=DeleteService`); retried like an
    /// idempotent call.
    pub async fn delete_service(&self, service_id: &str) -> Result<Ack, Error> {
        let op = id(
            Client::action("DeleteService", Method::Post),
            "serviceId",
            service_id,
        )
        .idempotent(true);
        self.call(op).await
    }

    /// Sets the number of replicas (`POST /?action=ModifyServiceReplicas`,
    /// `instanceCount` always sent, also 0); retried like an idempotent call.
    pub async fn modify_service_replicas(
        &self,
        service_id: &str,
        instance_count: u32,
    ) -> Result<Ack, Error> {
        let op = id(
            Client::action("ModifyServiceReplicas", Method::Post),
            "serviceId",
            service_id,
        )
        .query("instanceCount", instance_count)
        .idempotent(true);
        self.call(op).await
    }

    /// Turns public access on or off
    /// (`POST /?action=ModifyServiceNetConfig`); retried like an idempotent
    /// call.
    pub async fn modify_service_net_config(
        &self,
        request: &ModifyServiceNetConfigRequest,
    ) -> Result<Ack, Error> {
        let op = id(
            Client::action("ModifyServiceNetConfig", Method::Post),
            "serviceId",
            &request.service_id,
        )
        .query("publicAccess", request.public_access)
        .query_if_not_empty("eip", &request.eip)
        .idempotent(true);
        self.call(op).await
    }
}
