//! Queues and grants.

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, QueueStatus, QuotaType, Resource, ResourceSpec};
use crate::paging::{marker_list, marker_streams};

answer! {
    /// A queue.
    #[derive(Eq)]
    pub struct Queue {
        /// Queue id.
        pub id: String,
        /// Queue name.
        pub name: String,
        /// Kubernetes namespace.
        pub namespace: String,
        /// Cluster.
        pub cluster_name: String,
        /// Quota type.
        pub quota_type: QuotaType,
        /// State.
        pub status: QueueStatus,
        /// Creation time (`YYYY-MM-DD HH:MM:SS`).
        pub create_time: String,
        /// Last update (`YYYY-MM-DD HH:MM:SS`).
        pub update_time: String,
        /// Guaranteed resources.
        pub min_resources: Option<Resource>,
        /// Resource limit.
        pub max_resources: Option<Resource>,
        /// Location labels.
        pub location: BTreeMap<String, String>,
        /// Scheduling policies, e.g. `priority`, `preemptible`.
        pub scheduling_policy: Vec<String>,
        /// Resources in use ([`Client::show_queue`] only).
        pub used_resources: Option<Resource>,
        /// Resources free ([`Client::show_queue`] only).
        pub idle_resources: Option<Resource>,
    }
}

body! {
    /// Body of [`Client::add_queue`].
    #[derive(Eq)]
    pub struct AddQueueRequest {
        /// Queue name (required; DNS-like, checked by the server).
        pub name: String,
        /// Kubernetes namespace (required).
        pub namespace: String,
        /// Cluster; sent as `null` when unset, as the Python SDK does.
        pub cluster_name: Option<String>,
        /// Resource limit (required: `cpu` and `mem`).
        pub max_resources: ResourceSpec,
    }
    optional {
        /// Guaranteed resources.
        pub min_resources: Option<ResourceSpec>,
        /// Scheduling policies, e.g. `priority`, `preemptible`.
        pub scheduling_policy: Option<Vec<String>>,
        /// Location labels.
        pub location: Option<BTreeMap<String, String>>,
        /// Quota type.
        pub quota_type: Option<QuotaType>,
    }
}

body! {
    /// Body of [`Client::update_queue`]: only what is set changes.
    #[derive(Eq)]
    pub struct UpdateQueueRequest {}
    optional {
        /// New resource limit.
        pub max_resources: Option<ResourceSpec>,
        /// New guaranteed resources.
        pub min_resources: Option<ResourceSpec>,
        /// New scheduling policies.
        pub scheduling_policy: Option<Vec<String>>,
        /// New location labels.
        pub location: Option<BTreeMap<String, String>>,
    }
}

answer! {
    /// Answer of [`Client::add_queue`].
    #[derive(Eq)]
    pub struct AddQueueResponse {
        /// The queue's name.
        pub name: String,
    }
}

marker_list! {
    /// A page of queues.
    ListQueueResponse, Queue, queue_list, "queueList"
}

/// Paging and filter of [`Client::list_queue`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQueueRequest {
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Only queues whose name matches.
    pub name: Option<String>,
}

answer! {
    /// A grant of a resource to a user.
    #[derive(Eq)]
    pub struct Grant {
        /// Grant id.
        #[serde(rename = "grantID")]
        pub grant_id: String,
        /// Grantee.
        pub user_name: String,
        /// Resource type, e.g. `queue`.
        pub resource_type: String,
        /// Resource id (the queue name).
        #[serde(rename = "resourceID")]
        pub resource_id: String,
        /// Creation time (RFC 3339).
        pub create_time: String,
        /// Last update (RFC 3339).
        pub update_time: String,
    }
}

answer! {
    /// Answer of [`Client::grant_queue`].
    #[derive(Eq)]
    pub struct GrantResponse {
        /// The new grant's id.
        #[serde(rename = "grantID")]
        pub grant_id: String,
    }
}

marker_list! {
    /// A page of grants.
    ListGrantResponse, Grant, grant_list, "grantList"
}

/// Paging and filter of [`Client::show_queue_grant`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShowQueueGrantRequest {
    /// Only this user's grants.
    pub user_name: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GrantBody<'a> {
    user_name: &'a str,
    resource_type: &'a str,
    #[serde(rename = "resourceID")]
    resource_id: &'a str,
}

impl Client {
    /// Creates a queue (`POST /api/paddleflow/v1/queue`; root only). The
    /// seed's `create_queue(name, namespace, cpu, mem, clustername)` is this
    /// call with `max_resources: ResourceSpec::new(cpu, mem)`.
    pub async fn add_queue(&self, request: &AddQueueRequest) -> Result<AddQueueResponse, Error> {
        let op = Client::op("add_queue", Method::Post, "/queue")
            .required("namespace", &request.namespace)
            .required("name", &request.name)
            .required("max_resources.cpu", &request.max_resources.cpu)
            .required("max_resources.mem", &request.max_resources.mem)
            .json_plain(request);
        self.call(op).await
    }

    /// Changes a queue (`PUT /api/paddleflow/v1/queue/{name}`; root only).
    /// The seed's `stop_queue` no longer exists (closing a queue was removed
    /// from the server); this is the call that replaced its route.
    pub async fn update_queue(
        &self,
        queue_name: &str,
        request: &UpdateQueueRequest,
    ) -> Result<Queue, Error> {
        let op = Client::op("update_queue", Method::Put, "/queue")
            .id("queue_name", queue_name)
            .json_plain(request);
        self.call(op).await
    }

    /// Deletes a queue (`DELETE /api/paddleflow/v1/queue/{name}`; root only).
    pub async fn del_queue(&self, queue_name: &str) -> Result<(), Error> {
        let op = Client::op("del_queue", Method::Delete, "/queue").id("queue_name", queue_name);
        self.call_no_content(op).await
    }

    /// One page of queues (`GET /api/paddleflow/v1/queue`).
    pub async fn list_queue(&self, request: &ListQueueRequest) -> Result<ListQueueResponse, Error> {
        let op = Client::op("list_queue", Method::Get, "/queue")
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref())
            .filter("name", request.name.as_deref());
        self.call(op).await
    }

    /// One queue with its used and idle resources
    /// (`GET /api/paddleflow/v1/queue/{name}`).
    pub async fn show_queue(&self, queue_name: &str) -> Result<Queue, Error> {
        let op = Client::op("show_queue", Method::Get, "/queue").id("queue_name", queue_name);
        self.call(op).await
    }

    /// Lets a user submit to a queue (`POST /api/paddleflow/v1/grant`; root
    /// only). The body names the user `userName` (the Python SDK writes
    /// `username`; the server matches JSON names case-insensitively).
    pub async fn grant_queue(
        &self,
        user_name: &str,
        queue_name: &str,
    ) -> Result<GrantResponse, Error> {
        let op = Client::op("grant_queue", Method::Post, "/grant")
            .required("user_name", user_name)
            .required("queue_name", queue_name)
            .json_plain(&GrantBody {
                user_name,
                resource_type: "queue",
                resource_id: queue_name,
            });
        self.call(op).await
    }

    /// Withdraws a grant (`DELETE /api/paddleflow/v1/grant` with query
    /// `username`, `resourceType=queue`, `resourceID`; root only).
    pub async fn ungrant_queue(&self, user_name: &str, queue_name: &str) -> Result<(), Error> {
        let op = Client::op("ungrant_queue", Method::Delete, "/grant")
            .required("user_name", user_name)
            .required("queue_name", queue_name)
            .query("username", user_name)
            .query("resourceType", "queue")
            .query("resourceID", queue_name);
        self.call_no_content(op).await
    }

    /// One page of grants (`GET /api/paddleflow/v1/grant`; root only). Unlike
    /// the Python SDK, grants of every resource type are returned, with the
    /// paging marker.
    pub async fn show_queue_grant(
        &self,
        request: &ShowQueueGrantRequest,
    ) -> Result<ListGrantResponse, Error> {
        let op = Client::op("show_queue_grant", Method::Get, "/grant")
            .max_keys(request.max_keys)
            .filter("username", request.user_name.as_deref())
            .filter("marker", request.marker.as_deref());
        self.call(op).await
    }
}

marker_streams! {
    /// Every queue, page after page.
    list_queue_stream(ListQueueRequest) -> Queue = list_queue;
    /// Every grant, page after page.
    show_queue_grant_stream(ShowQueueGrantRequest) -> Grant = show_queue_grant;
}
