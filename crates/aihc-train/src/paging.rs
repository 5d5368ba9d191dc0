//! Paging shared by the training lists: the keyword-and-page request of the
//! pool and queue lists, and the [`bce_core::paginate`] trait impls behind
//! every `*_stream` method.

use bce_core::paginate::{PageNumberRequest, PageNumberResponse};
use bce_core::Operation;
use serde::{Deserialize, Serialize};

use crate::client::ApiResponse;
use crate::job::{JobPage, JobSummary, ListJobsRequest};
use crate::pool::{ListNodeRequest, Node, NodePage, ResourcePool, ResourcePoolPage};
use crate::queue::{Queue, QueuePage};

/// Search, sort and paging of [`crate::Client::list_resource_pool`] and
/// [`crate::Client::list_queue`] (the two lists take the same parameters).
/// A page number or size of 0 is replaced by page 1 of 10 items, as the
/// official SDK does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeywordPageRequest {
    /// Sort field, e.g. `createdAt`.
    pub order_by: String,
    /// `asc` or `desc`.
    pub order: String,
    /// Search text.
    pub keyword: String,
    /// What the keyword matches, e.g. `resourcePoolName` or `queueName`.
    pub keyword_type: String,
    /// Page number, from 1 (0: 1).
    pub page_no: u32,
    /// Page size (0: 10).
    pub page_size: u32,
}

impl KeywordPageRequest {
    /// The page number actually sent.
    fn sent_page_no(&self) -> u32 {
        self.page_no.max(1)
    }

    /// The page size actually sent.
    fn sent_page_size(&self) -> u32 {
        if self.page_size == 0 {
            10
        } else {
            self.page_size
        }
    }

    /// Adds `keywordType`, `keyword`, `orderBy`, `order` (when not empty)
    /// and `pageNo`, `pageSize` (always, with the defaults applied).
    pub(crate) fn query(&self, op: Operation) -> Operation {
        op.query_if_not_empty("keywordType", &self.keyword_type)
            .query_if_not_empty("keyword", &self.keyword)
            .query_if_not_empty("orderBy", &self.order_by)
            .query_if_not_empty("order", &self.order)
            .query("pageNo", self.sent_page_no())
            .query("pageSize", self.sent_page_size())
    }
}

impl PageNumberRequest for KeywordPageRequest {
    fn page_number(&self) -> u32 {
        self.page_no
    }
    fn set_page_number(&mut self, page: u32) {
        self.page_no = page;
    }
    fn page_size(&self) -> u32 {
        self.sent_page_size()
    }
}

bce_core::page_number_request!(
    ListNodeRequest: page_no, page_size;
    ListJobsRequest: page_no, page_size;
);

/// Implements [`PageNumberResponse`] for `{requestId, result: {total, <list>}}`.
macro_rules! page_number_response {
    ($($page:ty => $list:ident: $item:ty),* $(,)?) => {$(
        impl PageNumberResponse for ApiResponse<$page> {
            type Item = $item;
            fn total(&self) -> Option<u64> {
                Some(u64::try_from(self.result.total).unwrap_or(0))
            }
            fn into_items(self) -> Vec<$item> {
                self.result.$list
            }
        }
    )*};
}

page_number_response!(
    ResourcePoolPage => resource_pools: ResourcePool,
    NodePage => nodes: Node,
    QueuePage => queues: Queue,
    JobPage => jobs: JobSummary,
);
