//! Queues of a resource pool.

use std::collections::BTreeMap;

use bce_core::paginate::{items, next_page_number, Page};
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{ApiResponse, Client};

bce_core::string_enum! {
    /// Kind of queue.
    pub enum QueueType {
        /// Regular queue.
        Regular = "Regular",
        /// Elastic queue.
        Elastic = "Elastic",
        /// Physical queue.
        Physical = "Physical",
    }
}

/// Filter and paging of [`Client::list_queue`]. Page numbers below 1 are
/// replaced by page 1 of 10 items, as the official SDK does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQueueRequest {
    /// Sort field.
    pub order_by: String,
    /// `asc` or `desc`.
    pub order: String,
    /// Search text.
    pub keyword: String,
    /// What the keyword matches, e.g. `queueName`.
    pub keyword_type: String,
    /// Page number, from 1.
    pub page_no: i64,
    /// Page size.
    pub page_size: i64,
}

/// A page of queues.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QueuePage {
    /// Total number of queues.
    pub total: i64,
    /// The queues.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub queues: Vec<Queue>,
    /// Sort field.
    pub order_by: String,
    /// Sort order.
    pub order: String,
    /// Page number.
    pub page_no: i64,
    /// Page size.
    pub page_size: i64,
}

/// Machines of one spec bound to a queue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
        let page_no = if args.page_no <= 0 { 1 } else { args.page_no };
        let page_size = if args.page_size <= 0 {
            10
        } else {
            args.page_size
        };
        let op = Client::op("ListQueue", Method::Get, "/api/v1/resourcepools")
            .segment("resourcePoolId", resource_pool_id)
            .path("/queue")
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("keyword", &args.keyword)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("order", &args.order)
            .query("pageNo", page_no)
            .query("pageSize", page_size);
        self.call(op).await
    }

    /// All queues of a pool, page after page.
    pub fn list_queue_stream<'a>(
        &'a self,
        resource_pool_id: &'a str,
        args: ListQueueRequest,
    ) -> impl Stream<Item = Result<Queue, Error>> + 'a {
        items(args.page_no.max(1), move |page_no| {
            let req = ListQueueRequest {
                page_no,
                ..args.clone()
            };
            async move {
                let page = self.list_queue(resource_pool_id, &req).await?.result;
                let size = if req.page_size <= 0 {
                    10
                } else {
                    req.page_size
                };
                let next = next_page_number(
                    page_no as u32,
                    size as u32,
                    page.queues.len(),
                    Some(page.total as u64),
                );
                Ok(Page::new(page.queues, next.map(i64::from)))
            }
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
