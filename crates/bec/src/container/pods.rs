//! Deployments (workloads of a container service in one place) and pods.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::ContainerDetails;
use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

omit_empty! {
    /// Body of [`Client::update_pod_deployment_replicas`].
    pub struct UpdateDeploymentReplicasRequest {
        /// Wanted replicas (0 is not sent).
        pub replicas: i64,
    }
}

/// The official SDK's name of [`UpdateDeploymentReplicasRequest`].
pub type UpdateDeploymentReplicasArgs = UpdateDeploymentReplicasRequest;

/// Filter and paging of [`Client::get_pod_list`]; zero and empty values
/// are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListPodRequest {
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
    /// Search text.
    pub keyword: String,
    /// Sort order.
    pub order: String,
    /// Sort field.
    pub order_by: String,
    /// Service filter.
    pub service_id: String,
    /// Deployment filter.
    pub deployment_id: String,
}

/// The official SDK's name of [`ListPodRequest`].
pub type ListPodArgs = ListPodRequest;

bce_core::page_number_request!(ListPodRequest: page_no, page_size);

/// A pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodBriefVo {
    /// Service id.
    pub service_id: String,
    /// Deployment name.
    pub deployment_name: String,
    /// Deployment id.
    pub deployment_id: String,
    /// Pod name (its id).
    pub pod_name: String,
    /// Region.
    pub region: String,
    /// City.
    pub city: String,
    /// Region name.
    pub region_name: String,
    /// City name.
    pub city_name: String,
    /// Country.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Node id.
    pub region_id: String,
    /// Labels.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Status, e.g. `RUNNING`.
    pub status: String,
    /// CPU cores.
    pub cpu: i64,
    /// Memory.
    pub mem: i64,
    /// Ingress bandwidth.
    pub ingress_bandwidth: String,
    /// Public IPv4.
    pub public_ip: String,
    /// Public IPv6.
    pub ipv6_public_ip: String,
    /// Internal address.
    pub internal_ip: String,
    /// Images.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub image_list: Vec<String>,
    /// Containers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub containers: Vec<ContainerDetails>,
}

/// A deployment with its pods.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DeploymentResourceBriefVo {
    /// Service id.
    pub service_id: String,
    /// Service name.
    pub service_name: String,
    /// Deployment id.
    pub resource_id: String,
    /// Deployment name.
    pub resource_name: String,
    /// Pods.
    pub total_pods: i64,
    /// Running pods.
    pub running_pods: i64,
    /// Placement.
    pub deploy_instance: Option<DeploymentInstance>,
    /// Containers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub containers: Vec<ContainerDetails>,
    /// The pods.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub pod_brief_vos: Vec<PodBriefVo>,
    /// Created.
    pub create_time: String,
    /// Last updated.
    pub last_update_time: String,
}

/// An event of a pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodEventDetail {
    /// Event name.
    pub event_name: String,
    /// Event type.
    pub event_type: String,
    /// Message.
    pub event_message: String,
}

/// A running container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ContainerStateRunning {
    /// Started (Unix time).
    pub started_at: i64,
}

/// A container that ended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ContainerStateTerminated {
    /// Container id.
    #[serde(rename = "containerID")]
    pub container_id: String,
    /// Exit code.
    pub exit_code: i64,
    /// Signal.
    pub signal: i64,
    /// Started.
    pub started_at: i64,
    /// Finished.
    pub finished_at: i64,
    /// Message.
    pub message: String,
    /// Reason.
    pub reason: String,
}

/// A container that waits to start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ContainerStateWaiting {
    /// Message.
    pub message: String,
    /// Reason.
    pub reason: String,
}

/// State of a container; one of the three is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct V1ContainerState {
    /// Running.
    pub running: Option<ContainerStateRunning>,
    /// Ended.
    pub terminated: Option<ContainerStateTerminated>,
    /// Waiting.
    pub waiting: Option<ContainerStateWaiting>,
}

/// Status of a container of a pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct V1ContainerStatus {
    /// Container id.
    #[serde(rename = "containerID")]
    pub container_id: String,
    /// Image.
    pub image: String,
    /// Image id.
    #[serde(rename = "imageID")]
    pub image_id: String,
    /// Name.
    pub name: String,
    /// Ready.
    pub ready: bool,
    /// Restarts.
    pub restart_count: i64,
    /// Previous state.
    pub last_state: Option<V1ContainerState>,
    /// Current state.
    pub state: Option<V1ContainerState>,
}

/// A pod in detail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodDetailVo {
    /// Pod id.
    pub pod_id: String,
    /// Region.
    pub region: String,
    /// City.
    pub city: String,
    /// Region name.
    pub region_name: String,
    /// City name.
    pub city_name: String,
    /// Country.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Node id.
    pub region_id: String,
    /// Labels.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Status.
    pub status: String,
    /// CPU cores.
    pub cpu: i64,
    /// Memory.
    pub mem: i64,
    /// Ingress bandwidth.
    pub ingress_bandwidth: String,
    /// Public IPv4.
    pub public_ip: String,
    /// Pod address.
    pub pod_ip: String,
    /// Public IPv6.
    pub ipv6_public_ip: String,
    /// Internal address.
    pub internal_ip: String,
    /// Images.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub image_list: Vec<String>,
    /// Data storage.
    pub pod_data_storage: i64,
    /// Events.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub pod_event_details: Vec<PodEventDetail>,
    /// Containers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub containers: Vec<ContainerDetails>,
    /// Container states.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub container_statuses: Vec<V1ContainerStatus>,
    /// Created.
    pub create_time: String,
}

/// Page of [`Client::get_pod_list`].
pub type ListPodResult = PageResult<PodBriefVo>;

impl Client {
    /// One deployment with its pods (`GET /v1/deployment/{deploymentId}`).
    pub async fn get_pod_deployment(
        &self,
        deployment_id: &str,
    ) -> Result<DeploymentResourceBriefVo, Error> {
        self.call(
            Client::op("GetPodDeployment", Method::Get, "/v1/deployment")
                .segment("deploymentId", deployment_id),
        )
        .await
    }

    /// Metrics of a deployment (`GET /v1/monitor/deployment/{deploymentId}`).
    pub async fn get_pod_deployment_metrics(
        &self,
        deployment_id: &str,
        query: &MetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op(
            "GetPodDeploymentMetrics",
            Method::Get,
            "/v1/monitor/deployment",
        )
        .segment("deploymentId", deployment_id)
        .query("deploymentId", deployment_id);
        self.call(query.apply(op)).await
    }

    /// Scales a deployment (`PUT /v1/deployment/{deploymentId}`).
    pub async fn update_pod_deployment_replicas(
        &self,
        deployment_id: &str,
        args: &UpdateDeploymentReplicasRequest,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        let op = Client::op("UpdatePodDeploymentReplicas", Method::Put, "/v1/deployment")
            .segment("deploymentId", deployment_id)
            .json(args);
        self.call(op).await
    }

    /// Deletes deployments (`DELETE /v1/deployment` with the ids as a JSON
    /// array body).
    pub async fn delete_pod_deployment(
        &self,
        deployment_ids: &[String],
    ) -> Result<ActionResult<BTreeMap<String, Vec<String>>>, Error> {
        let op = Client::op("DeletePodDeployment", Method::Delete, "/v1/deployment");
        self.call(ids_body(op, "deploymentIds", deployment_ids))
            .await
    }

    /// Lists pods (`GET /v1/pod`).
    pub async fn get_pod_list(&self, args: &ListPodRequest) -> Result<ListPodResult, Error> {
        let op = Client::op("GetPodList", Method::Get, "/v1/pod");
        let op = page_query(op, args.page_no, args.page_size)
            .query_if_not_empty("keyword", &args.keyword)
            .query_if_not_empty("order", &args.order)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("serviceId", &args.service_id)
            .query_if_not_empty("deploymentId", &args.deployment_id);
        self.call(op).await
    }

    /// All pods, page after page (20 per page unless set).
    pub fn get_pod_list_stream(
        &self,
        args: ListPodRequest,
    ) -> impl futures::Stream<Item = Result<PodBriefVo, Error>> + '_ {
        let first = ListPodRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.get_pod_list(&r).await })
    }

    /// Metrics of a pod (`GET /v1/monitor/pod/{podId}`).
    pub async fn get_pod_metrics(
        &self,
        pod_id: &str,
        query: &MetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op("GetPodMetrics", Method::Get, "/v1/monitor/pod")
            .segment("podId", pod_id)
            .query("podId", pod_id);
        self.call(query.apply(op)).await
    }

    /// One pod (`GET /v1/pod/{podId}`).
    pub async fn get_pod_detail(&self, pod_id: &str) -> Result<PodDetailVo, Error> {
        self.call(Client::op("GetPodDetail", Method::Get, "/v1/pod").segment("podId", pod_id))
            .await
    }

    /// Restarts a pod (`PUT /v1/pod/{podId}/restart`).
    pub async fn restart_pod(&self, pod_id: &str) -> Result<(), Error> {
        let op = Client::op("RestartPod", Method::Put, "/v1/pod")
            .segment("podId", pod_id)
            .path("/restart");
        self.call_no_content(op).await
    }
}
