//! Clusters and their resources.

use std::collections::BTreeMap;

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{marker_list, nd, ClusterStatus, Resource};

/// A cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Cluster {
    /// Cluster id.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub cluster_name: String,
    /// Description.
    #[serde(deserialize_with = "nd")]
    pub description: String,
    /// API server address.
    #[serde(deserialize_with = "nd")]
    pub endpoint: String,
    /// Source, e.g. `OnPremise`.
    #[serde(deserialize_with = "nd")]
    pub source: String,
    /// Type, e.g. `Kubernetes`.
    #[serde(deserialize_with = "nd")]
    pub cluster_type: String,
    /// Version.
    #[serde(deserialize_with = "nd")]
    pub version: String,
    /// State.
    pub status: ClusterStatus,
    /// The kubeconfig, base64-encoded as the server sends it (never shown
    /// in `Debug`).
    #[serde(deserialize_with = "nd")]
    pub credential: Option<Secret>,
    /// Extra settings (free text, often JSON).
    #[serde(deserialize_with = "nd")]
    pub setting: String,
    /// Namespaces PaddleFlow may use.
    #[serde(deserialize_with = "nd")]
    pub namespace_list: Vec<String>,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

/// Body of [`Client::create_cluster`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateClusterRequest {
    /// Name (required).
    pub cluster_name: String,
    /// API server address (required).
    pub endpoint: String,
    /// Type (required), e.g. `Kubernetes`.
    pub cluster_type: String,
    /// The kubeconfig text (sent base64-encoded; never shown in `Debug`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::base64_secret_opt::serialize"
    )]
    pub credential: Option<Secret>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Source, e.g. `OnPremise`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Extra settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// State (server default `online`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterStatus>,
    /// Version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Namespaces PaddleFlow may use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_list: Option<Vec<String>>,
    /// Id to give the cluster (the seed's `clusterid`; the Python SDK cannot send it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
}

/// Body of [`Client::update_cluster`]: only what is set changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateClusterRequest {
    /// New API server address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// New kubeconfig text (sent base64-encoded).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::model::base64_secret_opt::serialize"
    )]
    pub credential: Option<Secret>,
    /// New type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<String>,
    /// New source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// New settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// New state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterStatus>,
    /// New namespaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_list: Option<Vec<String>>,
    /// New description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
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

/// Total and idle resources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResourceSummary {
    /// Total.
    #[serde(deserialize_with = "nd")]
    pub total: Resource,
    /// Idle.
    #[serde(deserialize_with = "nd")]
    pub idle: Resource,
}

/// Resources of one node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NodeResource {
    /// Node name.
    #[serde(deserialize_with = "nd")]
    pub node_name: String,
    /// Whether pods may be scheduled on it.
    #[serde(deserialize_with = "nd")]
    pub schedulable: bool,
    /// Total.
    #[serde(deserialize_with = "nd")]
    pub total: Resource,
    /// Idle.
    #[serde(deserialize_with = "nd")]
    pub idle: Resource,
}

/// Resources of one cluster ([`Client::list_cluster_resource`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ClusterResource {
    /// Per node.
    #[serde(deserialize_with = "nd")]
    pub node_list: Vec<NodeResource>,
    /// Sum over the nodes.
    #[serde(deserialize_with = "nd")]
    pub summary: ResourceSummary,
    /// Why the cluster could not be read, if it could not.
    #[serde(deserialize_with = "nd")]
    pub err_msg: String,
}

/// Resources of one cluster per node ([`Client::list_cluster_resource_v2`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ClusterResourceV2 {
    /// Node → resource → allocatable amount.
    #[serde(deserialize_with = "nd")]
    pub allocatable: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    /// Node → resource → capacity.
    #[serde(deserialize_with = "nd")]
    pub capacity: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    /// Node → labels.
    #[serde(deserialize_with = "nd")]
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    /// Cluster name.
    #[serde(deserialize_with = "nd")]
    pub cluster_name: String,
    /// Cluster source.
    #[serde(deserialize_with = "nd")]
    pub cluster_source: String,
    /// Queue, when filtered by one.
    #[serde(deserialize_with = "nd")]
    pub queue_name: String,
}

/// Body of [`Client::list_cluster_resource_v2`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListClusterResourceV2Request {
    /// Page number (sent as `null` when unset: the server then uses 1).
    pub page_no: Option<i64>,
    /// Page size (sent as `null` when unset: the server then uses 1000).
    pub page_size: Option<i64>,
    /// Only these clusters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_names: Option<Vec<String>>,
    /// Only nodes of this queue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_name: Option<String>,
    /// Only nodes with this label (`key=value`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<String>,
    /// Only nodes in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_status: Option<String>,
}

impl Client {
    /// Registers a cluster (`POST /api/paddleflow/v1/cluster`; root only).
    pub async fn create_cluster(&self, request: &CreateClusterRequest) -> Result<Cluster, Error> {
        let op = Client::op("create_cluster", Method::Post, "/cluster")
            .required("clustername", &request.cluster_name)
            .required("endpoint", &request.endpoint)
            .required("clustertype", &request.cluster_type)
            .json_plain(request);
        self.send(op).await
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
        self.send(op).await
    }

    /// Every cluster matching `request`, page after page.
    pub fn list_cluster_stream(
        &self,
        request: ListClusterRequest,
    ) -> impl Stream<Item = Result<Cluster, Error>> + '_ {
        marker_stream(request, move |req: ListClusterRequest| async move {
            self.list_cluster(&req).await
        })
    }

    /// One cluster (`GET /api/paddleflow/v1/cluster/{clusterName}`).
    pub async fn show_cluster(&self, cluster_name: &str) -> Result<Cluster, Error> {
        let op =
            Client::op("show_cluster", Method::Get, "/cluster").id("clustername", cluster_name);
        self.send(op).await
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
        self.send(op).await
    }

    /// Deletes a cluster (`DELETE /api/paddleflow/v1/cluster/{clusterName}`).
    pub async fn delete_cluster(&self, cluster_name: &str) -> Result<(), Error> {
        let op = Client::op("delete_cluster", Method::Delete, "/cluster")
            .id("clustername", cluster_name);
        self.send_empty(op).await
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
        self.send(op).await
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
        self.send(op).await
    }
}
