//! Backends of a v1 load balancer (bound deployments and pods) and its metrics.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::listener::BlbPageRequest;
use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

omit_empty! {
    /// A backend pod and its weight.
    pub struct Backends {
        /// Pod name.
        pub name: String,
        /// Pod address.
        pub ip: String,
        /// Weight.
        pub weight: i64,
    }
}

omit_empty! {
    /// One deployment to bind, with optional per-pod weights.
    pub struct BlbBindingForm {
        /// Deployment id.
        pub deployment_id: String,
        /// Weight of pods not listed.
        pub default_weight: i64,
        /// Weights of single pods.
        pub pod_weight: Vec<Backends>,
    }
}

omit_empty! {
    /// Body of [`Client::create_blb_binding`].
    pub struct CreateBlbBindingRequest {
        /// Deployments to bind.
        pub binding_forms: Vec<BlbBindingForm>,
    }
}

/// The official SDK's name of [`CreateBlbBindingRequest`].
pub type CreateBlbBindingArgs = CreateBlbBindingRequest;

omit_empty! {
    /// Body of [`Client::delete_blb_bind_pod`] and
    /// [`Client::update_blb_bind_pod_weight`].
    pub struct BlbPodWeightRequest {
        /// Pods and weights.
        pub pod_weight_list: Vec<Backends>,
        /// Deployments.
        pub deployment_ids: Vec<String>,
    }
}

/// The official SDK's name of [`BlbPodWeightRequest`].
pub type BlbPodWeightArgs = BlbPodWeightRequest;

/// The official SDK's name for the body of [`Client::delete_blb_bind_pod`].
pub type DeleteBlbBindPodArgs = BlbPodWeightRequest;
/// The official SDK's name for the body of [`Client::update_blb_bind_pod_weight`].
pub type UpdateBindPodWeightArgs = BlbPodWeightRequest;

/// Filter and paging of [`Client::get_blb_backend_binding_sts_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BlbBindingListRequest {
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
    /// Field to search, e.g. `deploymentName`.
    pub keyword_type: String,
    /// Search text.
    pub keyword: String,
}

/// The official SDK's name of [`BlbBindingListRequest`].
pub type BlbBindingListArgs = BlbBindingListRequest;

bce_core::page_number_request!(BlbBindingListRequest: page_no, page_size);

/// Metrics filter of [`Client::get_blb_metrics`]: the generic
/// [`MetricsRequest`], of which `port` and `ipType` are sent first, then
/// the common filter; zero and empty values are not sent.
pub type BlbMetricsRequest = MetricsRequest;

/// The official SDK's name of [`BlbMetricsRequest`].
pub type BlbMetricsQuery = BlbMetricsRequest;

/// Health of one backend port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BackendPortHealth {
    /// Healthy.
    pub health: bool,
    /// Port.
    pub port: i64,
    /// Protocol.
    pub protocol: String,
}

/// A bound backend pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BlbBackendPodBriefVo {
    /// Pod name.
    pub pod_name: String,
    /// Pod status.
    pub pod_status: String,
    /// Pod address.
    pub pod_ip: String,
    /// Ports and their health.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub backend_port: Vec<BackendPortHealth>,
    /// Weight.
    pub weight: i64,
}

/// A bound deployment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct LbDeployPo {
    /// Service name.
    pub service_name: String,
    /// Deployment name.
    pub deployment_name: String,
    /// Original name.
    pub custom_orig_name: String,
    /// Service id.
    pub service_id: String,
    /// Deployment kind.
    pub deployment_type: String,
    /// Region.
    pub region: String,
    /// Provider.
    pub service_provider: String,
    /// City.
    pub city: String,
    /// Replicas.
    pub replicas: i64,
    /// CPU per pod.
    pub pod_cpu: i64,
    /// Memory per pod.
    pub pod_memory: i64,
    /// GPUs per pod.
    pub pod_gpu: i64,
    /// Storage per pod.
    pub pod_data_storage: String,
    /// SATA disks.
    pub sata: i64,
    /// NVMe disks.
    pub nvme: i64,
    /// Data disks.
    pub data_disk_num: i64,
    /// Pods need addresses.
    pub pod_ip_required: bool,
    /// Backends.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub backends: Vec<Backends>,
}

/// Page of [`Client::get_blb_backend_pod_list`].
pub type GetBlbBackendPodListResult = PageResult<BlbBackendPodBriefVo>;
/// Page of [`Client::get_blb_backend_binding_sts_list`].
pub type GetBlbBackendBindingStsListResult = PageResult<LbDeployPo>;
/// Answer of binding changes: free-form details.
pub type BlbBindingResult = ActionResult<BTreeMap<String, String>>;

impl Client {
    /// Bound pods (`GET /v1/blb/{blbId}/binded`).
    pub async fn get_blb_backend_pod_list(
        &self,
        blb_id: &str,
        args: &BlbPageRequest,
    ) -> Result<GetBlbBackendPodListResult, Error> {
        let op = Client::op("GetBlbBackendPodList", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/binded");
        self.call(args.query(op)).await
    }

    /// All bound pods, page after page (20 per page unless set).
    pub fn get_blb_backend_pod_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: BlbPageRequest,
    ) -> impl futures::Stream<Item = Result<BlbBackendPodBriefVo, Error>> + 'a {
        page_number_stream(args.with_default_size(), move |r| async move {
            self.get_blb_backend_pod_list(blb_id, &r).await
        })
    }

    /// Bound deployments (`GET /v1/blb/{blbId}/binding`).
    pub async fn get_blb_backend_binding_sts_list(
        &self,
        blb_id: &str,
        args: &BlbBindingListRequest,
    ) -> Result<GetBlbBackendBindingStsListResult, Error> {
        let op = Client::op("GetBlbBackendBindingStsList", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/binding");
        let op = page_query(op, args.page_no, args.page_size)
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("keyword", &args.keyword);
        self.call(op).await
    }

    /// All bound deployments, page after page (20 per page unless set).
    pub fn get_blb_backend_binding_sts_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: BlbBindingListRequest,
    ) -> impl futures::Stream<Item = Result<LbDeployPo, Error>> + 'a {
        let first = BlbBindingListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move {
            self.get_blb_backend_binding_sts_list(blb_id, &r).await
        })
    }

    /// Bound pods of one deployment (`GET /v1/blb/{blbId}/bindingpod`);
    /// the service answers with a bare JSON array.
    pub async fn get_blb_binding_pod_list_with_sts(
        &self,
        blb_id: &str,
        sts_name: &str,
    ) -> Result<Vec<Backends>, Error> {
        let op = Client::op("GetBlbBindingPodListWithSts", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/bindingpod")
            .query_if_not_empty("stsName", sts_name);
        self.call(op).await
    }

    /// Binds deployments (`POST /v1/blb/{blbId}/binding`).
    pub async fn create_blb_binding(
        &self,
        blb_id: &str,
        args: &CreateBlbBindingRequest,
    ) -> Result<BlbBindingResult, Error> {
        let op = Client::op("CreateBlbBinding", Method::Post, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/binding")
            .json(args);
        self.call(op).await
    }

    /// Unbinds pods or deployments (`DELETE /v1/blb/{blbId}/binded` with a
    /// JSON body).
    pub async fn delete_blb_bind_pod(
        &self,
        blb_id: &str,
        args: &DeleteBlbBindPodArgs,
    ) -> Result<BlbBindingResult, Error> {
        let op = Client::op("DeleteBlbBindPod", Method::Delete, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/binded")
            .json(args);
        self.call(op).await
    }

    /// Changes pod weights (`PUT /v1/blb/{blbId}/binded`).
    pub async fn update_blb_bind_pod_weight(
        &self,
        blb_id: &str,
        args: &UpdateBindPodWeightArgs,
    ) -> Result<BlbBindingResult, Error> {
        let op = Client::op("UpdateBlbBindPodWeight", Method::Put, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/binded")
            .json(args);
        self.call(op).await
    }

    /// Metrics of a load balancer (`GET /v1/monitor/lb/{blbId}`).
    pub async fn get_blb_metrics(
        &self,
        blb_id: &str,
        query: &BlbMetricsRequest,
    ) -> Result<ServiceMetricsResult, Error> {
        let op = Client::op("GetBlbMetrics", Method::Get, "/v1/monitor/lb")
            .segment("blbId", blb_id)
            .query("blbId", blb_id)
            .query_if_not_empty("port", &query.port)
            .query_if_not_empty("ipType", &query.ip_type);
        self.call(query.apply(op)).await
    }
}
