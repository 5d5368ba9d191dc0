//! Queues of a resource pool.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{ApiResponse, Client};
use crate::paging::{list_page, KeywordPageRequest};

bce_core::string_enum! {
    /// Kind of queue (v1 and v2 answer the same values).
    pub enum QueueType {
        /// Regular.
        Regular = "Regular",
        /// Elastic: may borrow idle resources.
        Elastic = "Elastic",
        /// Physical: bound to nodes.
        Physical = "Physical",
    }
}

/// Filter and paging of [`Client::list_queue`].
pub type ListQueueRequest = KeywordPageRequest;

list_page! {
    /// A page of queues.
    pub struct QueuePage {
        /// The queues.
        queues: Queue
    }
}

/// Machines of one spec bound to a queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SpecInfo {
    /// Machine spec.
    pub machine_spec: String,
    /// Kubernetes node names.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub k8s_node_names: Vec<String>,
    /// Count.
    pub count: i64,
}

/// A queue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Queue {
    /// Child queues.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub children: Vec<Queue>,
    /// Creation time (RFC 3339).
    pub created_time: String,
    /// Description.
    pub description: String,
    /// Name (the queue id).
    pub name: String,
    /// Nodes.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub node_list: Vec<String>,
    /// Users.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub users: Vec<String>,
    /// Groups.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub groups: Vec<String>,
    /// Managing users.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub manager_users: Vec<String>,
    /// Managing groups.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub manager_groups: Vec<String>,
    /// Parent queue.
    pub parent_queue: String,
    /// Queue type.
    pub queue_type: QueueType,
    /// `Open` or `Close`.
    pub state: String,
    /// Whether resources can be reclaimed.
    pub reclaimable: Option<bool>,
    /// Whether jobs can be preempted.
    pub preemptable: Option<bool>,
    /// Queueing strategy.
    pub queueing_strategy: String,
    /// Capability per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub capability: BTreeMap<String, String>,
    /// Deserved share per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deserved: BTreeMap<String, String>,
    /// Guaranteed share per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub guarantee: BTreeMap<String, String>,
    /// Allocated per resource.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub allocated: BTreeMap<String, String>,
    /// Whether overselling is disabled.
    pub disable_oversell: bool,
    /// Running jobs.
    pub running: i32,
    /// Jobs in queue.
    pub inqueue: i32,
    /// Pending jobs.
    pub pending: i32,
    /// Machines per spec.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub nodes: BTreeMap<String, Vec<SpecInfo>>,
    /// Whether the queue is open.
    pub opened: Option<bool>,
}

/// The `result` of [`Client::get_queue`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct QueueResult {
    /// The queue.
    pub queue: Queue,
}

impl Client {
    /// Queues of a pool (`GET /api/v1/resourcepools/{id}/queue`).
    pub async fn list_queue(
        &self,
        resource_pool_id: &str,
        args: &ListQueueRequest,
    ) -> Result<ApiResponse<QueuePage>, Error> {
        let op = Client::op("ListQueue", Method::Get, "/api/v1/resourcepools")
            .segment("resourcePoolId", resource_pool_id)
            .path("/queue");
        self.call(args.query(op)).await
    }

    /// All queues of a pool, page after page.
    pub fn list_queue_stream<'a>(
        &'a self,
        resource_pool_id: &'a str,
        args: ListQueueRequest,
    ) -> impl Stream<Item = Result<Queue, Error>> + 'a {
        page_number_stream(args, move |r| async move {
            self.list_queue(resource_pool_id, &r).await
        })
    }

    /// One queue (`GET /api/v1/resourcepools/{id}/queue/{name}`).
    pub async fn get_queue(
        &self,
        resource_pool_id: &str,
        queue_name: &str,
    ) -> Result<ApiResponse<QueueResult>, Error> {
        let op = Client::op("GetQueue", Method::Get, "/api/v1/resourcepools")
            .segment("resourcePoolId", resource_pool_id)
            .path("/queue")
            .segment("queueName", queue_name);
        self.call(op).await
    }
}
