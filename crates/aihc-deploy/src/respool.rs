//! Resource pools available for deployment.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, DeployResponse};
use crate::paging::{page_query, size_or_default};

/// Paging of [`Client::list_brief_res_pool`]; zero values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListBriefResPoolRequest {
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
}

/// The official SDK's name of [`ListBriefResPoolRequest`].
pub type ListBriefResPoolArgs = ListBriefResPoolRequest;

/// Names one resource pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResPoolDetailRequest {
    /// Resource pool id.
    pub res_pool_id: String,
}

/// The official SDK's name of [`ResPoolDetailRequest`].
pub type ResPoolDetailArgs = ResPoolDetailRequest;

/// A pool in a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResPoolBriefInfo {
    /// Pool id.
    pub res_pool_id: String,
    /// Pool name.
    pub res_pool_name: String,
    /// Associated PFS.
    #[serde(rename = "associatedPfsID", alias = "associatedPfsId")]
    pub associated_pfs_id: String,
    /// Cluster type.
    pub cluster_type: String,
    /// Description.
    pub description: String,
    /// Deletion forbidden.
    pub forbid_delete: bool,
    /// Kubernetes version.
    pub k8s_version: String,
    /// Created.
    pub created_at: String,
    /// Updated.
    pub updated_at: String,
    /// Phase.
    pub phase: String,
}

/// Pools of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResPoolList {
    /// Pools.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub res_pools: Vec<ResPoolBriefInfo>,
}

/// Identity of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResPoolMeta {
    /// Pool id.
    pub res_pool_id: String,
    /// Pool name.
    pub res_pool_name: String,
    /// Created.
    pub created_at: String,
    /// Updated.
    pub updated_at: String,
}

/// Configuration of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResPoolSpec {
    /// Kubernetes version.
    pub k8s_version: String,
    /// Associated PFS.
    #[serde(rename = "associatedPfsID", alias = "associatedPfsId")]
    pub associated_pfs_id: String,
    /// Region.
    pub region: String,
    /// Associated CProm instances.
    #[serde(
        rename = "associatedCpromIDs",
        alias = "associatedCpromIds",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub associated_cprom_ids: Vec<String>,
    /// Creator.
    pub created_by: String,
    /// Description.
    pub description: String,
    /// Deletion forbidden.
    pub forbid_delete: bool,
}

/// Used and total counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Count {
    /// Total.
    pub total: i64,
    /// In use.
    pub used: i64,
}

/// State of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResPoolStatus {
    /// GPUs.
    #[serde(rename = "GPUCount", alias = "gpuCount")]
    pub gpu_count: Option<Count>,
    /// Nodes.
    #[serde(rename = "NodeCount", alias = "nodeCount")]
    pub node_count: Option<Count>,
    /// Phase.
    pub phase: String,
}

/// A pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ResPoolInfo {
    /// Identity.
    pub meta: Option<ResPoolMeta>,
    /// Configuration.
    pub spec: Option<ResPoolSpec>,
    /// State.
    pub status: Option<ResPoolStatus>,
}

/// A queue of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResQueueInfo {
    /// Name.
    pub name: String,
    /// Namespace.
    pub name_space: String,
    /// Parent queue.
    pub parent_queue: String,
    /// Queue type.
    pub queue_type: String,
    /// State.
    pub state: String,
    /// Reclaimable.
    pub reclaimable: bool,
    /// Preemptable.
    pub preemptable: bool,
    /// Capability per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub capability: BTreeMap<String, String>,
    /// Allocated per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub allocated: BTreeMap<String, String>,
    /// Overselling disabled.
    pub disable_oversell: bool,
    /// Created.
    pub created_time: String,
}

/// A pool with its queues.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResPoolDetail {
    /// The pool.
    pub res_pool: ResPoolInfo,
    /// Its queues.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub res_queue: Vec<ResQueueInfo>,
}

impl Client {
    /// Lists resource pools (`GET /api/v1/aihcpom/respool/listbrief`).
    pub async fn list_brief_res_pool(
        &self,
        args: &ListBriefResPoolRequest,
    ) -> Result<DeployResponse<ResPoolList>, Error> {
        let op = Client::op(
            "ListBriefResPool",
            Method::Get,
            "/api/v1/aihcpom/respool/listbrief",
        );
        self.call(page_query(op, args.page_no, args.page_size))
            .await
    }

    /// All resource pools, page after page (the answer has no total, so a
    /// short page ends the stream).
    pub fn list_brief_res_pool_stream(
        &self,
        args: ListBriefResPoolRequest,
    ) -> impl Stream<Item = Result<ResPoolBriefInfo, Error>> + '_ {
        let first = ListBriefResPoolRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(
            first,
            move |r| async move { self.list_brief_res_pool(&r).await },
        )
    }

    /// One resource pool with its queues (`GET /api/v1/aihcpom/respool/detail`).
    pub async fn res_pool_detail(
        &self,
        args: &ResPoolDetailRequest,
    ) -> Result<DeployResponse<ResPoolDetail>, Error> {
        let op = Client::op(
            "ResPoolDetail",
            Method::Get,
            "/api/v1/aihcpom/respool/detail",
        )
        .require("resPoolId", &args.res_pool_id)
        .query("resPoolId", &args.res_pool_id);
        self.call(op).await
    }
}
