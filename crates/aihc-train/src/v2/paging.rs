//! Paging of the v2 lists, written once: the paging trait impls of the list
//! requests and answers, the search-and-page request of the pool and queue
//! lists, and the owned (`'static`) stream every `*_stream` returns.

use bce_core::paginate::PageNumberRequest;
use bce_core::Operation;

use super::de;
use super::job::DescribeJobsRequest;
use super::job_model::{DescribeJobsResponse, Job};
use super::pool_model::{DescribeResourcePoolsResponse, ResourcePool};
use super::queue_model::{DescribeQueuesResponse, Queue};

// `DescribeJobs` always sends a page, 0 as the default size (see
// `de::page_size`), so its stream pages by that size.
impl PageNumberRequest for DescribeJobsRequest {
    fn page_number(&self) -> u32 {
        self.page_number
    }
    fn set_page_number(&mut self, page: u32) {
        self.page_number = page;
    }
    fn page_size(&self) -> u32 {
        de::sent_page_size(self.page_size)
    }
}

bce_core::page_number_response!(
    DescribeJobsResponse: jobs => Job, total_count;
    DescribeResourcePoolsResponse: resource_pools => ResourcePool, total_count;
    DescribeQueuesResponse: queues => Queue, total_count;
);

/// Declares a pool or queue list request: its own fields, then the search,
/// sort and page fields the two lists share; implements
/// [`PageNumberRequest`] for it and `search_query`, which sends
/// `keywordType`, `keyword`, `orderBy`, `order` when not empty and
/// `pageNumber`, `pageSize` when not 0 (0: the service default).
macro_rules! search_request {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            /// What `keyword` matches (see the type's documentation).
            #[serde(deserialize_with = "crate::v2::de::string")]
            pub keyword_type: String,
            /// Keyword.
            #[serde(deserialize_with = "crate::v2::de::string")]
            pub keyword: String,
            /// Sort field (see the type's documentation).
            #[serde(deserialize_with = "crate::v2::de::string")]
            pub order_by: String,
            /// Sort order: ascending or descending.
            #[serde(deserialize_with = "crate::v2::de::string")]
            pub order: String,
            /// Page, from 1 (0: not sent, the service default 1).
            #[serde(deserialize_with = "crate::v2::de::uint")]
            pub page_number: u32,
            /// Items per page (0: not sent, the service default 10).
            #[serde(deserialize_with = "crate::v2::de::uint")]
            pub page_size: u32,
        }

        bce_core::page_number_request!($name: page_number, page_size);

        impl $name {
            /// Adds the search, sort and page of this request to `op`.
            pub(crate) fn search_query(&self, op: bce_core::Operation) -> bce_core::Operation {
                let op = op
                    .query_if_not_empty("keywordType", &self.keyword_type)
                    .query_if_not_empty("keyword", &self.keyword)
                    .query_if_not_empty("orderBy", &self.order_by)
                    .query_if_not_empty("order", &self.order);
                let op = $crate::v2::paging::query_if_not_zero(op, "pageNumber", self.page_number);
                $crate::v2::paging::query_if_not_zero(op, "pageSize", self.page_size)
            }
        }
    };
}
pub(crate) use search_request;

/// Adds `name=value` when `value` is not 0.
pub(crate) fn query_if_not_zero(op: Operation, name: &str, value: u32) -> Operation {
    if value == 0 {
        op
    } else {
        op.query(name, value)
    }
}
