//! Resource pools and their nodes.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{ApiResponse, Client};
use crate::paging::{list_page, KeywordPageRequest};

bce_core::string_enum! {
    /// How a node is held back from scheduling.
    pub enum Intervention {
        /// Cordoned: no new pods.
        Cordoned = "cordoned",
        /// Tainted.
        Tainted = "tainted",
        /// Schedulable.
        Unintervened = "unintervened",
    }
}

/// Filter and paging of [`Client::list_resource_pool`].
pub type ListResourcePoolRequest = KeywordPageRequest;

/// Paging of [`Client::list_node_by_resource_pool_id`]; both values must be ≥ 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListNodeRequest {
    /// Sort field.
    pub order_by: String,
    /// `asc` or `desc`.
    pub order: String,
    /// Page number, from 1.
    pub page_no: u32,
    /// Page size, from 1.
    pub page_size: u32,
}

list_page! {
    /// A page of resource pools.
    pub struct ResourcePoolPage {
        /// The pools.
        resource_pools: ResourcePool
    }
}

/// A resource pool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResourcePool {
    /// Identity.
    pub metadata: Metadata,
    /// Configuration.
    pub spec: ResourcePoolSpec,
    /// Current state.
    pub status: ResourcePoolStatus,
}

/// Identity of a resource pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Metadata {
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// Name.
    pub name: String,
    /// Pool id (the CCE cluster id).
    pub id: String,
    /// Last update (RFC 3339).
    pub updated_at: String,
}

/// Configuration of a resource pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePoolSpec {
    /// Kubernetes version.
    pub k8s_version: String,
    /// Associated CProm instances.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub associated_cprom_ids: Vec<String>,
    /// Associated PFS instance.
    pub associated_pfs_id: String,
    /// Creator.
    pub created_by: String,
    /// Description.
    pub description: String,
    /// Whether deletion is forbidden.
    pub forbid_delete: bool,
    /// Region.
    pub region: String,
}

/// Used and total counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct UsageCount {
    /// Total.
    pub total: i64,
    /// In use.
    pub used: i64,
}

/// GPUs of one kind in a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GpuDetail {
    /// GPU model.
    pub gpu_descriptor: String,
    /// Total.
    pub total: i64,
    /// In use.
    pub used: i64,
}

/// State of a resource pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePoolStatus {
    /// GPUs per model.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub gpu_detail: Vec<GpuDetail>,
    /// GPU totals.
    #[serde(alias = "GPUCount")]
    pub gpu_count: Option<UsageCount>,
    /// Node totals.
    pub node_count: Option<UsageCount>,
    /// Phase: pending, running, deleting, …
    pub phase: String,
}

/// The `result` of [`Client::get_resource_pool`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePoolResult {
    /// The pool.
    pub resource_pool: ResourcePool,
}

list_page! {
    /// A page of nodes.
    pub struct NodePage {
        /// The nodes.
        nodes: Node
    }
}

/// A node of a resource pool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Node {
    /// Billing type.
    pub charging_type: String,
    /// GPUs allocated.
    pub gpu_allocated: i64,
    /// GPUs in total.
    pub gpu_total: i64,
    /// GPU type.
    pub gpu_type: String,
    /// Instance id.
    pub instance_id: String,
    /// Instance name.
    pub instance_name: String,
    /// Scheduling intervention.
    pub intervention: Intervention,
    /// Kubernetes node name.
    pub node_name: String,
    /// Node phase.
    pub status_phase: String,
    /// Zone.
    pub zone: String,
    /// Region.
    pub region: String,
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// GPU model.
    pub gpu_descriptor: String,
    /// CPU cores in total.
    pub cpu_total: i64,
    /// CPU cores allocated.
    pub cpu_allocated: i64,
    /// Memory in total.
    pub memory_total: i64,
    /// Memory allocated.
    pub memory_allocated: i64,
    /// Fields this SDK version does not know.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Client {
    /// Lists resource pools (`GET /api/v1/resourcepools`).
    pub async fn list_resource_pool(
        &self,
        args: &ListResourcePoolRequest,
    ) -> Result<ApiResponse<ResourcePoolPage>, Error> {
        let op = Client::op("ListResourcePool", Method::Get, "/api/v1/resourcepools");
        self.call(args.query(op)).await
    }

    /// All resource pools matching `args`, page after page.
    pub fn list_resource_pool_stream(
        &self,
        args: ListResourcePoolRequest,
    ) -> impl Stream<Item = Result<ResourcePool, Error>> + '_ {
        page_number_stream(
            args,
            move |r| async move { self.list_resource_pool(&r).await },
        )
    }

    /// One resource pool (`GET /api/v1/resourcepools/{id}`).
    pub async fn get_resource_pool(
        &self,
        resource_pool_id: &str,
    ) -> Result<ApiResponse<ResourcePoolResult>, Error> {
        let op = Client::op("GetResourcePool", Method::Get, "/api/v1/resourcepools")
            .segment("resourcePoolId", resource_pool_id);
        self.call(op).await
    }

    /// Nodes of a resource pool (`GET /api/v1/resourcepools/{id}/nodes`).
    pub async fn list_node_by_resource_pool_id(
        &self,
        resource_pool_id: &str,
        args: &ListNodeRequest,
    ) -> Result<ApiResponse<NodePage>, Error> {
        let op = Client::op(
            "ListNodeByResourcePoolID",
            Method::Get,
            "/api/v1/resourcepools",
        )
        .segment("resourcePoolId", resource_pool_id)
        .path("/nodes")
        .check(args.page_no >= 1, "pageNo", "must be at least 1")
        .check(args.page_size >= 1, "pageSize", "must be at least 1")
        .query_if_not_empty("orderBy", &args.order_by)
        .query_if_not_empty("order", &args.order)
        .query("pageNo", args.page_no)
        .query("pageSize", args.page_size);
        self.call(op).await
    }

    /// All nodes of a pool, page after page (`args.page_size` per request).
    pub fn list_node_by_resource_pool_id_stream<'a>(
        &'a self,
        resource_pool_id: &'a str,
        args: ListNodeRequest,
    ) -> impl Stream<Item = Result<Node, Error>> + 'a {
        page_number_stream(args, move |r| async move {
            self.list_node_by_resource_pool_id(resource_pool_id, &r)
                .await
        })
    }
}
