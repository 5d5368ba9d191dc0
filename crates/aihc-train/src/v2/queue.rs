//! The queue reads: `GET /?action=…` with `version: v2`, signed over `host`
//! only.

use bce_core::paginate::{page_number_stream, PageNumberRequest, PageNumberResponse};
use bce_core::Error;
use futures::Stream;
use serde::{Deserialize, Serialize};

use super::client::Client;
use super::de;
use super::pool::query_page;
use super::queue_model::*;

/// Filter and page of [`Client::describe_queues`]. Unset values are not
/// sent (page 0 and size 0: the service defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeQueuesRequest {
    /// Pool id (required).
    #[serde(deserialize_with = "de::string")]
    pub resource_pool_id: String,
    /// What `keyword` matches, e.g. `queueName`.
    #[serde(deserialize_with = "de::string")]
    pub keyword_type: String,
    /// Keyword.
    #[serde(deserialize_with = "de::string")]
    pub keyword: String,
    /// Sort field.
    #[serde(deserialize_with = "de::string")]
    pub order_by: String,
    /// `asc` or `desc`.
    #[serde(deserialize_with = "de::string")]
    pub order: String,
    /// Page, from 1 (self-managed pools answer the whole tree).
    #[serde(deserialize_with = "de::uint")]
    pub page_number: u32,
    /// Queues per page.
    #[serde(deserialize_with = "de::uint")]
    pub page_size: u32,
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

impl PageNumberRequest for DescribeQueuesRequest {
    fn page_number(&self) -> u32 {
        self.page_number
    }
    fn set_page_number(&mut self, page: u32) {
        self.page_number = page;
    }
    fn page_size(&self) -> u32 {
        self.page_size
    }
}

impl PageNumberResponse for DescribeQueuesResponse {
    type Item = Queue;
    fn total(&self) -> Option<u64> {
        u64::try_from(self.total_count).ok()
    }
    fn into_items(self) -> Vec<Queue> {
        self.queues
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
            .query("resourcePoolId", &request.resource_pool_id)
            .query_if_not_empty("keywordType", &request.keyword_type)
            .query_if_not_empty("keyword", &request.keyword)
            .query_if_not_empty("orderBy", &request.order_by)
            .query_if_not_empty("order", &request.order);
        let op = query_page(op, "pageNumber", request.page_number);
        let op = query_page(op, "pageSize", request.page_size);
        self.call(op).await
    }

    /// Every queue matching `request`, page after page.
    pub fn describe_queues_stream(
        &self,
        request: DescribeQueuesRequest,
    ) -> impl Stream<Item = Result<Queue, Error>> + Send + 'static {
        let client = self.clone();
        page_number_stream(request, move |r: DescribeQueuesRequest| {
            let c = client.clone();
            async move { c.describe_queues(&r).await }
        })
    }

    /// One queue (`GET /?action=DescribeQueue&queueId=…`).
    pub async fn describe_queue(&self, queue_id: &str) -> Result<Queue, Error> {
        let op = Client::pool_action("DescribeQueue")
            .require("queueId", queue_id)
            .query("queueId", queue_id);
        self.call(op).await
    }
}
