//! Models of the v2 queue reads.

use serde::{Deserialize, Serialize};

use super::de;

use crate::queue::QueueType;

/// Accelerators of a quota.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AcceleratorCard {
    /// How many (as text).
    #[serde(deserialize_with = "de::string")]
    pub accelerator_count: String,
    /// Type, e.g. `baidu.com/a800_80g_cgpu`.
    #[serde(deserialize_with = "de::string")]
    pub accelerator_type: String,
}

/// A quota of a queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ResourceAmount {
    /// CPU in thousandths of a core (as text).
    #[serde(rename = "milliCPUcores", deserialize_with = "de::string")]
    pub milli_cpu_cores: String,
    /// Memory in GiB (as text).
    #[serde(deserialize_with = "de::string")]
    pub memory_gi: String,
    /// Accelerators.
    #[serde(deserialize_with = "de::list")]
    pub accelerator_card_list: Vec<AcceleratorCard>,
}

/// Nodes bound to a physical queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BindingNodeInfo {
    /// Machine specification.
    #[serde(deserialize_with = "de::string")]
    pub machine_spec: String,
    /// Node names.
    #[serde(deserialize_with = "de::strings")]
    pub node_name_list: Vec<String>,
    /// Number of nodes.
    #[serde(deserialize_with = "de::int")]
    pub count: i64,
    /// Accelerator type.
    #[serde(deserialize_with = "de::string")]
    pub accelerator_type: String,
}

/// A queue (`DescribeQueues` items and the answer of `DescribeQueue`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Queue {
    /// Queue id.
    #[serde(alias = "queueID", deserialize_with = "de::string")]
    pub queue_id: String,
    /// Name.
    #[serde(deserialize_with = "de::string")]
    pub queue_name: String,
    /// Description.
    #[serde(deserialize_with = "de::string")]
    pub description: String,
    /// Kind of queue.
    pub queue_type: QueueType,
    /// Pool id.
    #[serde(deserialize_with = "de::string")]
    pub resource_pool_id: String,
    /// Creation time (RFC 3339).
    #[serde(deserialize_with = "de::string")]
    pub created_at: String,
    /// Last change (RFC 3339).
    #[serde(deserialize_with = "de::string")]
    pub updated_at: String,
    /// Parent queue (`root` by default).
    #[serde(deserialize_with = "de::string")]
    pub parent_queue: String,
    /// Child queues.
    #[serde(deserialize_with = "de::list")]
    pub children: Vec<Queue>,
    /// Open for jobs.
    #[serde(deserialize_with = "de::boolean")]
    pub opened: bool,
    /// Lent resources can be taken back.
    #[serde(deserialize_with = "de::boolean")]
    pub reclaimable: bool,
    /// Priority preemption inside the queue.
    #[serde(deserialize_with = "de::boolean")]
    pub preemptable: bool,
    /// No overselling.
    #[serde(deserialize_with = "de::boolean")]
    pub disable_oversell: bool,
    /// Scheduling strategy.
    #[serde(deserialize_with = "de::string")]
    pub queueing_strategy: String,
    /// vGPU enabled.
    #[serde(rename = "enableVGPU", deserialize_with = "de::boolean")]
    pub enable_vgpu: bool,
    /// Upper limit.
    #[serde(deserialize_with = "de::opt")]
    pub capability: Option<ResourceAmount>,
    /// Requested quota.
    #[serde(deserialize_with = "de::opt")]
    pub deserved: Option<ResourceAmount>,
    /// Reserved quota.
    #[serde(deserialize_with = "de::opt")]
    pub guarantee: Option<ResourceAmount>,
    /// Allocated now.
    #[serde(deserialize_with = "de::opt")]
    pub allocated: Option<ResourceAmount>,
    /// Running jobs.
    #[serde(deserialize_with = "de::int")]
    pub running_jobs: i64,
    /// Jobs admitted, waiting for pods.
    #[serde(deserialize_with = "de::int")]
    pub inqueue_jobs: i64,
    /// Waiting jobs.
    #[serde(deserialize_with = "de::int")]
    pub pending_jobs: i64,
    /// Largest quota a child may request.
    #[serde(deserialize_with = "de::opt")]
    pub max_deserved_for_subqueue: Option<ResourceAmount>,
    /// Largest reservation a child may have.
    #[serde(deserialize_with = "de::opt")]
    pub max_guarantee_for_subqueue: Option<ResourceAmount>,
    /// Bound nodes.
    #[serde(deserialize_with = "de::list")]
    pub binding_nodes: Vec<BindingNodeInfo>,
}

/// Answer of `DescribeQueues`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeQueuesResponse {
    /// Page size.
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// Page number.
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Keyword echoed.
    #[serde(deserialize_with = "de::string")]
    pub keyword: String,
    /// Keyword type echoed.
    #[serde(deserialize_with = "de::string")]
    pub keyword_type: String,
    /// Queues over all pages.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// This page's queues.
    #[serde(deserialize_with = "de::list")]
    pub queues: Vec<Queue>,
}
