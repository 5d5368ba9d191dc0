//! The queue reads: `GET /?action=…` with `version: v2`, signed over `host`
//! only.

use super::client::Client;
use super::de;
use super::paging::search_request;
use super::queue_model::*;
use bce_core::Error;
use futures::Stream;

search_request! {
    /// Filter and page of [`Client::describe_queues`]. `keyword_type` is e.g.
    /// `queueName`; `order` `asc` or `desc`. Unset values are not sent (page
    /// 0 and size 0: the service defaults); self-managed pools answer the
    /// whole tree on one page.
    pub struct DescribeQueuesRequest {
        /// Pool id (required).
        #[serde(deserialize_with = "de::string")]
        pub resource_pool_id: String,
    }
}

impl DescribeQueuesRequest {
    /// Every queue of a pool.
    pub fn new(resource_pool_id: impl Into<String>) -> Self {
        DescribeQueuesRequest {
            resource_pool_id: resource_pool_id.into(),
            ..Default::default()
        }
    }
}

impl Client {
    /// Lists the queues of a pool, one page (`GET /?action=DescribeQueues`).
    pub async fn describe_queues(
        &self,
        request: &DescribeQueuesRequest,
    ) -> Result<DescribeQueuesResponse, Error> {
        let op = Client::pool_action("DescribeQueues")
            .require("resourcePoolId", &request.resource_pool_id)
            .query("resourcePoolId", &request.resource_pool_id);
        self.call(request.search_query(op)).await
    }

    /// Every queue matching `request`, page after page.
    pub fn describe_queues_stream(
        &self,
        request: DescribeQueuesRequest,
    ) -> impl Stream<Item = Result<Queue, Error>> + Send + 'static {
        self.page_stream(request, |c, r| async move { c.describe_queues(&r).await })
    }

    /// One queue (`GET /?action=DescribeQueue&queueId=…`).
    pub async fn describe_queue(&self, queue_id: &str) -> Result<Queue, Error> {
        let op = Client::pool_action("DescribeQueue")
            .require("queueId", queue_id)
            .query("queueId", queue_id);
        self.call(op).await
    }
}
