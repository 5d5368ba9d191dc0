//! Dedicated clusters, legacy v1 list (from the API reference; the official
//! SDK has no method for it).

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::json::{lenient_i64, null_default};
use crate::paging::{list_response, offset_limit_request, offset_limit_stream, Offset};

bce_core::string_enum! {
    /// State of a dedicated cluster.
    pub enum ClusterStatus {
        /// Being deployed.
        Deploying = "deploying",
        /// Running.
        Running = "running",
        /// Running with alarms.
        Concerning = "concerning",
        /// Unhealthy.
        Abnormal = "abnormal",
    }
}

/// Input of [`Client::list_clusters`]; every field is an optional query parameter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListClustersRequest {
    /// Query `cluster_name` (no filter by default).
    pub cluster_name: Option<String>,
    /// Query `status` (no filter by default).
    pub status: Option<String>,
    /// Query `offset`: the page to start from (default 0).
    pub offset: Option<i64>,
    /// Query `limit`: clusters per page (default 1000).
    pub limit: Option<i64>,
    /// Query `sort_by`: `created_at` (default) or `cluster_name`.
    pub sort_by: Option<String>,
    /// Query `order`: `asc` or `desc` (default).
    pub order: Option<String>,
}

/// Nodes of a cluster.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterNode {
    /// Node flavor, e.g. `modelarts.vm.cpu.8ud`.
    pub specification: Option<String>,
    /// Nodes.
    #[serde(deserialize_with = "lenient_i64")]
    pub count: Option<i64>,
    /// Available nodes.
    #[serde(deserialize_with = "lenient_i64")]
    pub available_count: Option<i64>,
}

/// A dedicated cluster.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cluster {
    /// Id.
    pub cluster_id: Option<String>,
    /// Name.
    pub cluster_name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Owning tenant.
    pub tenant: Option<String>,
    /// Owning project.
    pub project: Option<String>,
    /// Owning user.
    pub owner: Option<String>,
    /// Creation time, **milliseconds** since the Unix epoch.
    #[serde(deserialize_with = "lenient_i64")]
    pub created_at: Option<i64>,
    /// State.
    pub status: Option<ClusterStatus>,
    /// Nodes.
    #[serde(deserialize_with = "null_default")]
    pub nodes: ClusterNode,
    /// Usable CPU cores.
    pub allocatable_cpu_cores: Option<f64>,
    /// Usable memory.
    #[serde(deserialize_with = "lenient_i64")]
    pub allocatable_memory: Option<i64>,
    /// Usable GPUs.
    pub allocatable_gpus: Option<f64>,
    /// `year` or `month` (yearly/monthly clusters only).
    pub period_type: Option<String>,
    /// Number of periods (yearly/monthly clusters only).
    #[serde(deserialize_with = "lenient_i64")]
    pub period_num: Option<i64>,
    /// Order id (yearly/monthly clusters only).
    pub order_id: Option<String>,
    /// Product id (yearly/monthly clusters only).
    pub product_id: Option<String>,
}

list_response! {
    /// Reply of [`Client::list_clusters`].
    #[derive(PartialEq)]
    pub struct ListClustersResponse {
        /// The clusters.
        pub clusters: Vec<Cluster>,
    }
}

offset_limit_request!(ListClustersRequest);

impl Client {
    /// Lists dedicated clusters, one page (`GET /v1/{project_id}/clusters`).
    pub async fn list_clusters(
        &self,
        request: &ListClustersRequest,
    ) -> Result<ListClustersResponse, Error> {
        let op = self
            .request("ListClusters", Method::Get, "v1")
            .path("/clusters")
            .query_opt("cluster_name", request.cluster_name.as_deref())
            .query_opt("status", request.status.as_deref())
            .offset_limit(request.offset, request.limit)
            .query_opt("sort_by", request.sort_by.as_deref())
            .query_opt("order", request.order.as_deref());
        self.call(op).await
    }

    /// Every matching cluster, page after page (`offset` is a page number:
    /// from `request.offset`, default 0, with `request.limit` per page,
    /// default 100); stops on a short page or at `total_count`.
    pub fn list_clusters_stream(
        &self,
        request: ListClustersRequest,
    ) -> impl Stream<Item = Result<Cluster, Error>> + '_ {
        offset_limit_stream(request, Offset::PageIndex, move |r| async move {
            self.list_clusters(&r).await
        })
    }
}
