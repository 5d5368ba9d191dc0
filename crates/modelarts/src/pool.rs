//! Resource pools and their nodes (v2, Kubernetes-style objects).

use std::collections::BTreeMap;

use bce_core::paginate::{items, Page};
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::Client;
use crate::json::{lenient_i64, null_default, one_or_many, string_map};

bce_core::string_enum! {
    /// State of a pool node.
    pub enum NodePhase {
        /// The node can run work.
        Available = "Available",
        /// The node is being created.
        Creating = "Creating",
        /// The node is being deleted.
        Deleting = "Deleting",
        /// The node is unhealthy.
        Abnormal = "Abnormal",
    }
}

/// Input of [`Client::list_pool_nodes`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListPoolNodesRequest {
    /// The pool's `metadata.name` (path parameter `pool_name`).
    pub pool_name: String,
    /// Query `continue`: the previous page's `metadata.continue`.
    pub continue_token: Option<String>,
    /// Query `limit`: nodes per page (the service allows 0–500, default 500).
    pub limit: Option<i64>,
}

impl ListPoolNodesRequest {
    /// The first page of the nodes of `pool_name`.
    pub fn new(pool_name: impl Into<String>) -> Self {
        ListPoolNodesRequest {
            pool_name: pool_name.into(),
            ..Default::default()
        }
    }
}

/// Input of [`Client::show_pool`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowPoolRequest {
    /// The pool's `metadata.name` (path parameter `pool_name`).
    pub pool_name: String,
    /// Header `X-ModelArts-User-ID`: the tenant id used for authorisation
    /// (trimmed; signed when present).
    pub x_model_arts_user_id: Option<String>,
}

impl ShowPoolRequest {
    /// Names the pool `pool_name`.
    pub fn new(pool_name: impl Into<String>) -> Self {
        ShowPoolRequest {
            pool_name: pool_name.into(),
            ..Default::default()
        }
    }
}

/// Paging data of a [`NodeList`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeListMetadata {
    /// Where the next page starts (`continue`); absent or empty on the last page.
    #[serde(rename = "continue")]
    pub continue_token: Option<String>,
    /// How many nodes are left after this page, when the service says.
    #[serde(deserialize_with = "lenient_i64")]
    pub remaining_item_count: Option<i64>,
}

/// Reply of [`Client::list_pool_nodes`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeList {
    /// `NodeList`.
    pub kind: Option<String>,
    /// `v2`.
    pub api_version: Option<String>,
    /// Paging data.
    #[serde(deserialize_with = "null_default")]
    pub metadata: NodeListMetadata,
    /// The nodes of this page.
    #[serde(deserialize_with = "null_default")]
    pub items: Vec<Node>,
}

/// Metadata of a node or pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ObjectMeta {
    /// Name.
    pub name: Option<String>,
    /// Creation time (RFC 3339).
    pub creation_timestamp: Option<String>,
    /// Labels, e.g. `os.modelarts/name`.
    #[serde(deserialize_with = "string_map")]
    pub labels: BTreeMap<String, String>,
    /// Annotations, e.g. `os.modelarts/description`.
    #[serde(deserialize_with = "string_map")]
    pub annotations: BTreeMap<String, String>,
}

/// A node of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Node {
    /// `Node`.
    pub kind: Option<String>,
    /// `v2`.
    pub api_version: Option<String>,
    /// Name, creation time, labels (e.g. `os.modelarts.node/cluster`), annotations.
    #[serde(deserialize_with = "null_default")]
    pub metadata: ObjectMeta,
    /// Wanted state.
    #[serde(deserialize_with = "null_default")]
    pub spec: NodeSpec,
    /// Observed state.
    #[serde(deserialize_with = "null_default")]
    pub status: NodeStatus,
}

/// A disk of a node.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeVolume {
    /// Disk type.
    pub volume_type: Option<String>,
    /// Size (a quantity string, e.g. `100Gi`, or a number as text).
    #[serde(deserialize_with = "crate::json::lenient_string")]
    pub size: Option<String>,
    /// Number of disks.
    #[serde(deserialize_with = "lenient_i64")]
    pub count: Option<i64>,
}

/// Network of a node.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeHostNetwork {
    /// VPC id.
    pub vpc: Option<String>,
    /// Subnet id.
    pub subnet: Option<String>,
    /// Security group ids.
    #[serde(deserialize_with = "null_default")]
    pub security_groups: Vec<String>,
}

/// Wanted state of a node.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeSpec {
    /// Flavor, e.g. `modelarts.vm.cpu.4ud`.
    pub flavor: Option<String>,
    /// Operating system (`name`, `imageId`, `imageType`, `autoMatch`).
    pub os: Option<Value>,
    /// Network.
    pub host_network: Option<NodeHostNetwork>,
    /// System disk.
    pub root_volume: Option<NodeVolume>,
    /// Data disks.
    #[serde(deserialize_with = "null_default")]
    pub data_volumes: Vec<NodeVolume>,
    /// Extra parameters (`dockerBaseSize`, `postInstall`, `runtime`, …).
    pub extend_params: Option<Value>,
}

/// Observed state of a node.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct NodeStatus {
    /// State.
    pub phase: Option<NodePhase>,
    /// Availability zone.
    pub az: Option<String>,
    /// IP address.
    pub private_ip: Option<String>,
    /// Capacity as Kubernetes quantities: `cpu` (`3920m`), `memory`
    /// (`6270Mi`), `nvidia.com/gpu`, `huawei.com/ascend-snt3`, `huawei.com/ascend-snt9`.
    #[serde(deserialize_with = "string_map")]
    pub resources: BTreeMap<String, String>,
    /// What is still free, same keys.
    #[serde(deserialize_with = "string_map")]
    pub available_resources: BTreeMap<String, String>,
}

/// Reply of [`Client::show_pool`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Pool {
    /// `Pool`.
    pub kind: Option<String>,
    /// `v2`.
    pub api_version: Option<String>,
    /// Name, creation time, labels (`os.modelarts/name`,
    /// `os.modelarts/workspace.id`, …), annotations (`os.modelarts/description`, …).
    #[serde(deserialize_with = "null_default")]
    pub metadata: ObjectMeta,
    /// Wanted state.
    #[serde(deserialize_with = "null_default")]
    pub spec: PoolSpec,
    /// Observed state.
    #[serde(deserialize_with = "null_default")]
    pub status: PoolStatus,
}

/// Flavor count per availability zone.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzCount {
    /// Availability zone.
    pub az: Option<String>,
    /// Nodes in it.
    #[serde(deserialize_with = "lenient_i64")]
    pub count: Option<i64>,
}

/// Nodes of one flavor: an entry of a pool's wanted resources
/// (`spec.resources`) and of its nodes by state (`status.resources`), which
/// the service describes with the same fields; the configuration fields
/// (`extend_params`, `os`, volumes) come with wanted resources only.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PoolSpecResource {
    /// Flavor.
    pub flavor: Option<String>,
    /// Nodes (wanted, or in this state).
    #[serde(deserialize_with = "lenient_i64")]
    pub count: Option<i64>,
    /// Upper bound for elastic pools.
    #[serde(deserialize_with = "lenient_i64")]
    pub max_count: Option<i64>,
    /// Nodes per availability zone.
    #[serde(deserialize_with = "null_default")]
    pub azs: Vec<AzCount>,
    /// Node pool name.
    pub node_pool: Option<String>,
    /// Extra parameters (`dockerBaseSize`, `volumeGroup`, `runtime`).
    pub extend_params: Option<Value>,
    /// Operating system.
    pub os: Option<Value>,
    /// Data disks.
    pub data_volumes: Option<Value>,
    /// Volume group configuration.
    pub volume_group_configs: Option<Value>,
}

/// Nodes of one flavor in one state (`status.resources`): the same shape
/// as a wanted resource.
pub type PoolResourceCount = PoolSpecResource;

/// Named network of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolNetwork {
    /// Network name.
    pub name: Option<String>,
}

/// Container network of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerNetwork {
    /// Mode, e.g. `overlay_l2`.
    pub mode: Option<String>,
}

/// Wanted state of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PoolSpec {
    /// Pool type, e.g. `Dedicate`.
    #[serde(rename = "type")]
    pub pool_type: Option<String>,
    /// Job types allowed, e.g. `Train`, `Infer`.
    #[serde(deserialize_with = "null_default")]
    pub scope: Vec<String>,
    /// Flavors and counts.
    #[serde(deserialize_with = "null_default")]
    pub resources: Vec<PoolSpecResource>,
    /// Container network.
    #[serde(rename = "containernetwork")]
    pub container_network: Option<ContainerNetwork>,
    /// Network.
    pub network: Option<PoolNetwork>,
    /// Job flavors.
    #[serde(deserialize_with = "null_default")]
    pub job_flavors: Vec<String>,
    /// Driver versions (`gpuVersion`, `npuVersion`, `updateStrategy`).
    pub driver: Option<Value>,
    /// Control mode.
    #[serde(deserialize_with = "lenient_i64")]
    pub control_mode: Option<i64>,
}

/// Nodes by state. Each state is one object in the SDK's model and an
/// array in the API reference: both are accepted.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolStatusResources {
    /// Being created.
    #[serde(deserialize_with = "one_or_many")]
    pub creating: Vec<PoolResourceCount>,
    /// Available.
    #[serde(deserialize_with = "one_or_many")]
    pub available: Vec<PoolResourceCount>,
    /// Unhealthy.
    #[serde(deserialize_with = "one_or_many")]
    pub abnormal: Vec<PoolResourceCount>,
    /// Being deleted.
    #[serde(deserialize_with = "one_or_many")]
    pub deleting: Vec<PoolResourceCount>,
}

/// State of one job type of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PoolScopeStatus {
    /// Job type, e.g. `Train`.
    pub scope_type: Option<String>,
    /// State, e.g. `Enabled`.
    pub state: Option<String>,
}

/// Observed state of a pool.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolStatus {
    /// State, e.g. `Running`.
    pub phase: Option<String>,
    /// Details of the state.
    pub message: Option<String>,
    /// Nodes by state.
    #[serde(deserialize_with = "null_default")]
    pub resources: PoolStatusResources,
    /// State per job type.
    #[serde(deserialize_with = "null_default")]
    pub scope: Vec<PoolScopeStatus>,
    /// Driver state (`gpu`, `npu` with `version` and `state`).
    pub driver: Option<Value>,
    /// Parent pool.
    pub parent: Option<String>,
    /// Root pool.
    pub root: Option<String>,
    /// Clusters of the pool.
    pub clusters: Option<Value>,
}

impl Client {
    /// Lists the nodes of a pool, one page (`GET /v2/{project_id}/pools/{pool_name}/nodes`).
    pub async fn list_pool_nodes(&self, request: &ListPoolNodesRequest) -> Result<NodeList, Error> {
        let op = self
            .request("ListPoolNodes", Method::Get, "v2")
            .path("/pools")
            .segment("pool_name", &request.pool_name)
            .path("/nodes")
            .query_opt("continue", request.continue_token.as_deref())
            .query_opt("limit", request.limit);
        self.call(op).await
    }

    /// Every node of a pool, following `metadata.continue` from page to page
    /// (starting at `request.continue_token`); stops on a page without a
    /// next position or when the service repeats the current one (the
    /// guard is why this is not `bce_core::paginate::marker_stream`, whose
    /// answers cannot see the marker they were asked with).
    pub fn list_pool_nodes_stream(
        &self,
        request: ListPoolNodesRequest,
    ) -> impl Stream<Item = Result<Node, Error>> + '_ {
        let first = request.continue_token.clone();
        items(first, move |cursor: Option<String>| {
            let page_request = ListPoolNodesRequest {
                continue_token: cursor.clone(),
                ..request.clone()
            };
            async move {
                let page = self.list_pool_nodes(&page_request).await?;
                let next = page
                    .metadata
                    .continue_token
                    .filter(|c| !c.is_empty() && Some(c) != cursor.as_ref());
                Ok(Page::new(page.items, next.map(Some)))
            }
        })
    }

    /// Shows a pool (`GET /v2/{project_id}/pools/{pool_name}`).
    pub async fn show_pool(&self, request: &ShowPoolRequest) -> Result<Pool, Error> {
        let op = self
            .request("ShowPool", Method::Get, "v2")
            .path("/pools")
            .segment("pool_name", &request.pool_name)
            .header_opt(
                "X-ModelArts-User-ID",
                "x_model_arts_user_id",
                request.x_model_arts_user_id.as_deref(),
            );
        self.call(op).await
    }
}
