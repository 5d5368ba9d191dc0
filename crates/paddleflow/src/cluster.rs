//! Clusters and their resources.

use std::collections::BTreeMap;

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, ClusterStatus, Resource};
use crate::paging::{marker_list, marker_streams};

answer! {
    /// A cluster.
    #[derive(Eq)]
    pub struct Cluster {
        /// Cluster id.
        pub id: String,
        /// Name.
        pub cluster_name: String,
        /// Description.
        pub description: String,
        /// API server address.
        pub endpoint: String,
        /// Source, e.g. `OnPremise`.
        pub source: String,
        /// Type, e.g. `Kubernetes`.
        pub cluster_type: String,
        /// Version.
        pub version: String,
        /// State.
        pub status: ClusterStatus,
        /// The kubeconfig, base64-encoded as the server sends it (never shown
        /// in `Debug`).
        pub credential: Option<Secret>,
        /// Extra settings (free text, often JSON).
        pub setting: String,
        /// Namespaces PaddleFlow may use.
        pub namespace_list: Vec<String>,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
}

body! {
    /// Body of [`Client::create_cluster`].
    #[derive(Eq)]
    pub struct CreateClusterRequest {
        /// Name (required).
        pub cluster_name: String,
        /// API server address (required).
        pub endpoint: String,
        /// Type (required), e.g. `Kubernetes`.
        pub cluster_type: String,
        /// The kubeconfig text (sent base64-encoded; never shown in `Debug`).
        #[serde(serialize_with = "crate::model::base64_secret_opt::serialize")]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub credential: Option<Secret>,
    }
    optional {
        /// Description.
        pub description: Option<String>,
        /// Source, e.g. `OnPremise`.
        pub source: Option<String>,
        /// Extra settings.
        pub setting: Option<String>,
        /// State (server default `online`).
        pub status: Option<ClusterStatus>,
        /// Version.
        pub version: Option<String>,
        /// Namespaces PaddleFlow may use.
        pub namespace_list: Option<Vec<String>>,
        /// Id to give the cluster (the seed's `clusterid`; the Python SDK cannot send it).
        pub cluster_id: Option<String>,
    }
}

body! {
    /// Body of [`Client::update_cluster`]: only what is set changes.
    #[derive(Eq)]
    pub struct UpdateClusterRequest {}
    optional {
        /// New API server address.
        pub endpoint: Option<String>,
        /// New kubeconfig text (sent base64-encoded).
        #[serde(serialize_with = "crate::model::base64_secret_opt::serialize")]
        pub credential: Option<Secret>,
        /// New type.
        pub cluster_type: Option<String>,
        /// New source.
        pub source: Option<String>,
        /// New settings.
        pub setting: Option<String>,
        /// New state.
        pub status: Option<ClusterStatus>,
        /// New namespaces.
        pub namespace_list: Option<Vec<String>>,
        /// New description.
        pub description: Option<String>,
        /// New version.
        pub version: Option<String>,
    }
}

marker_list! {
    /// A page of clusters.
    ListClusterResponse, Cluster, cluster_list, "clusterList"
}

/// Filters and paging of [`Client::list_cluster`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListClusterRequest {
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Only these clusters (sent comma-separated as `clusterNames`).
    pub cluster_names: Vec<String>,
    /// Only clusters in this state.
    pub cluster_status: Option<ClusterStatus>,
}

answer! {
    /// Total and idle resources.
    #[derive(Eq)]
    pub struct ResourceSummary {
        /// Total.
        pub total: Resource,
        /// Idle.
        pub idle: Resource,
    }
}

answer! {
    /// Resources of one node.
    #[derive(Eq)]
    pub struct NodeResource {
        /// Node name.
        pub node_name: String,
        /// Whether pods may be scheduled on it.
        pub schedulable: bool,
        /// Total.
        pub total: Resource,
        /// Idle.
        pub idle: Resource,
    }
}

answer! {
    /// Resources of one cluster ([`Client::list_cluster_resource`]).
    #[derive(Eq)]
    pub struct ClusterResource {
        /// Per node.
        pub node_list: Vec<NodeResource>,
        /// Sum over the nodes.
        pub summary: ResourceSummary,
        /// Why the cluster could not be read, if it could not.
        pub err_msg: String,
    }
}

answer! {
    /// Resources of one cluster per node ([`Client::list_cluster_resource_v2`]).
    pub struct ClusterResourceV2 {
        /// Node → resource → allocatable amount.
        pub allocatable: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
        /// Node → resource → capacity.
        pub capacity: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
        /// Node → labels.
        pub labels: BTreeMap<String, BTreeMap<String, String>>,
        /// Cluster name.
        pub cluster_name: String,
        /// Cluster source.
        pub cluster_source: String,
        /// Queue, when filtered by one.
        pub queue_name: String,
    }
}

body! {
    /// Body of [`Client::list_cluster_resource_v2`].
    #[derive(Eq)]
    pub struct ListClusterResourceV2Request {
        /// Page number (sent as `null` when unset: the server then uses 1).
        pub page_no: Option<i64>,
        /// Page size (sent as `null` when unset: the server then uses 1000).
        pub page_size: Option<i64>,
    }
    optional {
        /// Only these clusters.
        pub cluster_names: Option<Vec<String>>,
        /// Only nodes of this queue.
        pub queue_name: Option<String>,
        /// Only nodes with this label (`key=value`).
        pub labels: Option<String>,
        /// Only nodes in this state.
        pub node_status: Option<String>,
    }
}

impl Client {
    /// Registers a cluster (`POST /api/paddleflow/v1/cluster`; root only).
    pub async fn create_cluster(&self, request: &CreateClusterRequest) -> Result<Cluster, Error> {
        let op = Client::op("create_cluster", Method::Post, "/cluster")
            .required("clustername", &request.cluster_name)
            .required("endpoint", &request.endpoint)
            .required("clustertype", &request.cluster_type)
            .json_plain(request);
        self.call(op).await
    }

    /// One page of clusters (`GET /api/paddleflow/v1/cluster`).
    pub async fn list_cluster(
        &self,
        request: &ListClusterRequest,
    ) -> Result<ListClusterResponse, Error> {
        let names = request.cluster_names.join(",");
        let op = Client::op("list_cluster", Method::Get, "/cluster")
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref())
            .filter("clusterNames", Some(&names))
            .filter(
                "clusterStatus",
                request.cluster_status.as_ref().map(|s| s.as_str()),
            );
        self.call(op).await
    }

    /// One cluster (`GET /api/paddleflow/v1/cluster/{clusterName}`).
    pub async fn show_cluster(&self, cluster_name: &str) -> Result<Cluster, Error> {
        let op =
            Client::op("show_cluster", Method::Get, "/cluster").id("clustername", cluster_name);
        self.call(op).await
    }

    /// Changes a cluster (`PUT /api/paddleflow/v1/cluster/{clusterName}`).
    pub async fn update_cluster(
        &self,
        cluster_name: &str,
        request: &UpdateClusterRequest,
    ) -> Result<Cluster, Error> {
        let op = Client::op("update_cluster", Method::Put, "/cluster")
            .id("clustername", cluster_name)
            .json_plain(request);
        self.call(op).await
    }

    /// Deletes a cluster (`DELETE /api/paddleflow/v1/cluster/{clusterName}`).
    pub async fn delete_cluster(&self, cluster_name: &str) -> Result<(), Error> {
        let op = Client::op("delete_cluster", Method::Delete, "/cluster")
            .id("clustername", cluster_name);
        self.call_no_content(op).await
    }

    /// Resources of clusters by node (`GET /api/paddleflow/v1/cluster/resource`,
    /// the names sent comma-separated as `clusterNames`; all clusters when
    /// empty). Answers cluster name → resources.
    pub async fn list_cluster_resource(
        &self,
        cluster_names: &[String],
    ) -> Result<BTreeMap<String, ClusterResource>, Error> {
        let names = cluster_names.join(",");
        let op = Client::op("list_cluster_resource", Method::Get, "/cluster/resource")
            .filter("clusterNames", Some(&names));
        self.call(op).await
    }

    /// Resources of clusters by node, paged and filtered
    /// (`POST /api/paddleflow/v1/cluster/resource`). Answers cluster name →
    /// resources.
    pub async fn list_cluster_resource_v2(
        &self,
        request: &ListClusterResourceV2Request,
    ) -> Result<BTreeMap<String, ClusterResourceV2>, Error> {
        let op = Client::op(
            "list_cluster_resource_v2",
            Method::Post,
            "/cluster/resource",
        )
        .json_plain(request);
        self.call(op).await
    }
}

marker_streams! {
    /// Every cluster matching `request`, page after page.
    list_cluster_stream(ListClusterRequest) -> Cluster = list_cluster;
}
