//! Paging of the v2 lists, written once: the paging trait impls of the list
//! requests and answers, the `pageNumber`/`pageSize` query of the pool and
//! queue reads, and the owned (`'static`) stream every `*_stream` returns.

use std::future::Future;

use bce_core::paginate::{page_number_stream, PageNumberRequest, PageNumberResponse};
use bce_core::{Error, Operation};
use futures::Stream;

use super::client::Client;
use super::de;
use super::job::DescribeJobsRequest;
use super::job_model::{DescribeJobsResponse, Job};
use super::pool::DescribeResourcePoolsRequest;
use super::pool_model::{DescribeResourcePoolsResponse, ResourcePool};
use super::queue::DescribeQueuesRequest;
use super::queue_model::{DescribeQueuesResponse, Queue};

// The pool and queue lists send no page when it is 0 (the service default
// applies); `DescribeJobs` always sends one, 0 as the default size (see
// `de::page_size`), so its stream pages by that size.
bce_core::page_number_request!(
    DescribeResourcePoolsRequest: page_number, page_size;
    DescribeQueuesRequest: page_number, page_size;
);

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

/// Implements `search_query` for the pool and queue list requests, which
/// name their search, sort and page fields alike: `keywordType`, `keyword`,
/// `orderBy`, `order` when not empty, `pageNumber`, `pageSize` when not 0.
macro_rules! search_query {
    ($($ty:ty),+ $(,)?) => {$(
        impl $ty {
            /// Adds the search, sort and page of this request to `op`.
            pub(crate) fn search_query(&self, op: Operation) -> Operation {
                let op = op
                    .query_if_not_empty("keywordType", &self.keyword_type)
                    .query_if_not_empty("keyword", &self.keyword)
                    .query_if_not_empty("orderBy", &self.order_by)
                    .query_if_not_empty("order", &self.order);
                let op = query_if_not_zero(op, "pageNumber", self.page_number);
                query_if_not_zero(op, "pageSize", self.page_size)
            }
        }
    )+};
}

search_query!(DescribeResourcePoolsRequest, DescribeQueuesRequest);

/// Adds `name=value` when `value` is not 0.
fn query_if_not_zero(op: Operation, name: &str, value: u32) -> Operation {
    if value == 0 {
        op
    } else {
        op.query(name, value)
    }
}

impl Client {
    /// Every item of a list action, page after page from `first`'s page.
    /// The stream owns a clone of the client (it is `'static` and `Send`,
    /// so it may be moved into a task); `fetch` sends one page.
    pub(crate) fn owned_page_stream<Req, Resp, F, Fut>(
        &self,
        first: Req,
        fetch: F,
    ) -> impl Stream<Item = Result<Resp::Item, Error>> + Send + 'static
    where
        Req: PageNumberRequest + 'static,
        Resp: PageNumberResponse + Send + 'static,
        Resp::Item: Send,
        F: Fn(Client, Req) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Resp, Error>> + Send + 'static,
    {
        let client = self.clone();
        page_number_stream(first, move |request| fetch(client.clone(), request))
    }
}
