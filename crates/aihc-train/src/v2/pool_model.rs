//! Models of the v2 resource-pool reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::de;

bce_core::string_enum! {
    /// Kind of resource pool.
    pub enum ResourcePoolType {
        /// Common (self-managed) pool.
        Common = "common",
        /// Managed pool, v2.
        DedicatedV2 = "dedicatedV2",
        /// BHCMP pool.
        Bhcmp = "bhcmp",
    }
}

bce_core::string_enum! {
    /// Lifecycle phase of a resource pool.
    pub enum ResourcePoolPhase {
        /// Being created.
        Creating = "creating",
        /// Running normally.
        Running = "running",
        /// Being deleted.
        Deleting = "deleting",
        /// Scaling.
        Scaling = "scaling",
        /// Creation failed.
        CreatedFailed = "created_failed",
        /// Deletion failed.
        DeletedFailed = "deleted_failed",
        /// Deleted.
        Deleted = "deleted",
        /// Unknown.
        Unknown = "unknown",
    }
}

/// Switches of a resource pool (absent: not reported).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PoolConfiguration {
    /// Exposed to the public network.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub exposed_public: Option<bool>,
    /// Protected against deletion.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub forbid_delete: Option<bool>,
    /// Descheduler on.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub descheduler_enabled: Option<bool>,
    /// Unified scheduler on.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub unified_scheduler_enabled: Option<bool>,
    /// Dataset permissions enforced.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub dataset_permission_enabled: Option<bool>,
    /// Volume permissions enforced.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub volume_permission_enabled: Option<bool>,
    /// Images pulled without credentials.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub image_no_auth_pull_enabled: Option<bool>,
    /// Public inference services allowed.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_boolean"
    )]
    pub public_net_inference_service_enable: Option<bool>,
}

/// A cloud resource a pool is built on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AssociatedResource {
    /// Provider, e.g. `cce`.
    #[serde(deserialize_with = "de::string")]
    pub provider: String,
    /// Id.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// UUID.
    #[serde(deserialize_with = "de::string")]
    pub uuid: String,
    /// Region.
    #[serde(deserialize_with = "de::string")]
    pub region: String,
    /// Zone.
    #[serde(deserialize_with = "de::string")]
    pub zone: String,
}

/// A subnet of a pool network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Subnet {
    /// Subnet id.
    #[serde(deserialize_with = "de::string")]
    pub subnet_id: String,
    /// CIDR.
    #[serde(rename = "subnetCIDR", deserialize_with = "de::string")]
    pub subnet_cidr: String,
    /// Zone.
    #[serde(deserialize_with = "de::string")]
    pub zone: String,
}

/// A security group of a pool network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SecurityGroup {
    /// `common` or `enterprise`.
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
    /// Id.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
}

/// One network (master, nodes, pods, load balancers) of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NetworkInfo {
    /// Region.
    #[serde(deserialize_with = "de::string")]
    pub region: String,
    /// VPC id.
    #[serde(deserialize_with = "de::string")]
    pub vpc_id: String,
    /// VPC UUID.
    #[serde(deserialize_with = "de::string")]
    pub vpc_uuid: String,
    /// VPC CIDR.
    #[serde(deserialize_with = "de::string")]
    pub vpc_cidr: String,
    /// Subnet ids.
    #[serde(deserialize_with = "de::strings")]
    pub subnet_ids: Vec<String>,
    /// Subnets.
    #[serde(deserialize_with = "de::list")]
    pub subnets: Vec<Subnet>,
    /// Subnet CIDR.
    #[serde(deserialize_with = "de::string")]
    pub subnet_cidr: String,
    /// Security groups.
    #[serde(deserialize_with = "de::list")]
    pub security_groups: Vec<SecurityGroup>,
}

/// Networking of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Network {
    /// `vpc-route` or `vpc-eni`.
    #[serde(deserialize_with = "de::string")]
    pub mode: String,
    /// Master network.
    #[serde(deserialize_with = "de::opt")]
    pub master: Option<NetworkInfo>,
    /// Node network.
    #[serde(deserialize_with = "de::opt")]
    pub nodes: Option<NetworkInfo>,
    /// Pod network.
    #[serde(deserialize_with = "de::opt")]
    pub pods: Option<NetworkInfo>,
    /// Service cluster-IP CIDR.
    #[serde(rename = "clusterIPCidr", deserialize_with = "de::string")]
    pub cluster_ip_cidr: String,
    /// Load balancer network.
    #[serde(deserialize_with = "de::opt")]
    pub load_balance_service: Option<NetworkInfo>,
    /// Most pods per node.
    #[serde(deserialize_with = "de::int")]
    pub max_pods_per_node: i64,
}

/// A storage or monitoring service bound to a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ProviderInfo {
    /// Provider, e.g. `pfs`, `cprom`.
    #[serde(deserialize_with = "de::string")]
    pub provider: String,
    /// Type.
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
    /// Id.
    #[serde(deserialize_with = "de::string")]
    pub id: String,
    /// Options.
    #[serde(deserialize_with = "de::object")]
    pub options: BTreeMap<String, String>,
    /// Region.
    #[serde(deserialize_with = "de::string")]
    pub region: String,
    /// Zone.
    #[serde(deserialize_with = "de::string")]
    pub zone: String,
}

/// A resource pool (`DescribeResourcePools` items and the answer of
/// `DescribeResourcePool`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePool {
    /// Creator.
    #[serde(deserialize_with = "de::string")]
    pub created_by: String,
    /// Pool id.
    #[serde(deserialize_with = "de::string")]
    pub resource_pool_id: String,
    /// Kind of pool.
    #[serde(rename = "type")]
    pub kind: ResourcePoolType,
    /// Name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// Region.
    #[serde(deserialize_with = "de::string")]
    pub region: String,
    /// Description.
    #[serde(deserialize_with = "de::string")]
    pub description: String,
    /// Switches.
    #[serde(deserialize_with = "de::opt")]
    pub configuration: Option<PoolConfiguration>,
    /// Creation time (RFC 3339).
    #[serde(deserialize_with = "de::string")]
    pub created_at: String,
    /// Last change (RFC 3339).
    #[serde(deserialize_with = "de::string")]
    pub updated_at: String,
    /// Phase.
    pub phase: ResourcePoolPhase,
    /// Kubernetes version.
    #[serde(rename = "k8sVersion", deserialize_with = "de::string")]
    pub k8s_version: String,
    /// `docker` or `containerd`.
    #[serde(deserialize_with = "de::string")]
    pub runtime_type: String,
    /// Runtime version.
    #[serde(deserialize_with = "de::string")]
    pub runtime_version: String,
    /// Underlying cloud resources.
    #[serde(deserialize_with = "de::list")]
    pub associated_resources: Vec<AssociatedResource>,
    /// Networking.
    #[serde(deserialize_with = "de::opt")]
    pub network: Option<Network>,
    /// Installed plugins.
    #[serde(deserialize_with = "de::strings")]
    pub plugin_names: Vec<String>,
    /// Bound storages.
    #[serde(deserialize_with = "de::list")]
    pub binding_storages: Vec<ProviderInfo>,
    /// Bound monitoring.
    #[serde(deserialize_with = "de::list")]
    pub binding_monitor: Vec<ProviderInfo>,
    /// Number of nodes.
    #[serde(deserialize_with = "de::int")]
    pub node_num: i64,
    /// Upgrade workflow under way.
    #[serde(rename = "upgradeWorkflowID", deserialize_with = "de::string")]
    pub upgrade_workflow_id: String,
}

/// Answer of `DescribeResourcePools`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeResourcePoolsResponse {
    /// Keyword type echoed.
    #[serde(deserialize_with = "de::string")]
    pub keyword_type: String,
    /// Keyword echoed.
    #[serde(deserialize_with = "de::string")]
    pub keyword: String,
    /// Sort field echoed.
    #[serde(deserialize_with = "de::string")]
    pub order_by: String,
    /// Sort order echoed.
    #[serde(deserialize_with = "de::string")]
    pub order: String,
    /// Page size.
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// Page number.
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Pools over all pages.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// This page's pools.
    #[serde(deserialize_with = "de::list")]
    pub resource_pools: Vec<ResourcePool>,
}

/// Answer of `DescribeResourcePoolConfiguration`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeResourcePoolConfigurationResponse {
    /// Request id.
    #[serde(deserialize_with = "de::string")]
    pub request_id: String,
    /// Pool id.
    #[serde(deserialize_with = "de::string")]
    pub resource_pool_id: String,
    /// Kind of pool.
    #[serde(rename = "type")]
    pub kind: ResourcePoolType,
    /// Switches.
    #[serde(deserialize_with = "de::object")]
    pub configuration: PoolConfiguration,
}

/// Node counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NodesStatistic {
    /// Number of nodes.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
}

/// Capacity and use of one resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourceStatistic {
    /// Resource, e.g. `cpu`, `memory`.
    #[serde(deserialize_with = "de::string")]
    pub resource_type: String,
    /// Total.
    #[serde(deserialize_with = "de::float")]
    pub capacity: f64,
    /// Allocated.
    #[serde(deserialize_with = "de::float")]
    pub allocated: f64,
    /// Free.
    #[serde(deserialize_with = "de::float")]
    pub idle: f64,
    /// Allocated / total.
    #[serde(deserialize_with = "de::float")]
    pub allocation_rate: f64,
    /// Used / total.
    #[serde(deserialize_with = "de::float")]
    pub utilization_rate: f64,
}

/// Capacity and use of one accelerator type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AcceleratorStatistic {
    /// Accelerator type.
    #[serde(deserialize_with = "de::string")]
    pub accelerator_type: String,
    /// Its numbers.
    #[serde(flatten)]
    pub statistic: ResourceStatistic,
}

/// Capacity and use of all accelerators, and per type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AcceleratorsStatistic {
    /// The totals.
    #[serde(flatten)]
    pub statistic: ResourceStatistic,
    /// Per accelerator type.
    #[serde(deserialize_with = "de::list")]
    pub accelerator_statistics: Vec<AcceleratorStatistic>,
}

/// Statistics of one pool.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePoolStatistic {
    /// Pool id.
    #[serde(deserialize_with = "de::string")]
    pub resource_pool_id: String,
    /// Kind of pool.
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
    /// Name.
    #[serde(deserialize_with = "de::string")]
    pub name: String,
    /// Nodes.
    #[serde(deserialize_with = "de::opt")]
    pub nodes_statistic: Option<NodesStatistic>,
    /// Resources.
    #[serde(deserialize_with = "de::list")]
    pub resources_statistic: Vec<ResourceStatistic>,
    /// Accelerators.
    #[serde(deserialize_with = "de::opt")]
    pub accelerators_statistic: Option<AcceleratorsStatistic>,
    /// Per node (kept as JSON: the shape is not documented in full).
    #[serde(deserialize_with = "de::object")]
    pub node_resource_statistic: BTreeMap<String, serde_json::Value>,
}

/// Statistics of all pools of one kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourcePoolsStatisticWithType {
    /// Kind of pool.
    #[serde(rename = "type", deserialize_with = "de::string")]
    pub kind: String,
    /// Nodes.
    #[serde(deserialize_with = "de::opt")]
    pub nodes_statistic: Option<NodesStatistic>,
    /// Accelerators.
    #[serde(deserialize_with = "de::opt")]
    pub accelerators_statistic: Option<AcceleratorsStatistic>,
    /// Resources.
    #[serde(deserialize_with = "de::list")]
    pub resources_statistic: Vec<ResourceStatistic>,
    /// Each pool.
    #[serde(deserialize_with = "de::list")]
    pub resource_pool_statistics: Vec<ResourcePoolStatistic>,
}

/// Answer of `DescribeResourcePoolOverview`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeResourcePoolOverviewResponse {
    /// Statistics per kind of pool.
    #[serde(deserialize_with = "de::list")]
    pub resource_pools_statistic_with_type: Vec<ResourcePoolsStatisticWithType>,
}
