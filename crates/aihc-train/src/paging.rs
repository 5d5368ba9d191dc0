//! Paging shared by the training lists: the keyword-and-page request of the
//! pool and queue lists, and the [`bce_core::paginate`] trait impls behind
//! every `*_stream` method.

use bce_core::paginate::PageNumberRequest;
use bce_core::Operation;
use serde::{Deserialize, Serialize};

use crate::job::ListJobsRequest;
use crate::pool::ListNodeRequest;

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

/// Declares the page a v1 list answers inside its `{requestId, result}`
/// envelope (`total`, the items, and the sort and page echoed back), and
/// implements [`PageNumberResponse`] for `ApiResponse<page>` so the list's
/// stream reads the total and items from it. Used by every v1 list, so
/// their answers cannot drift apart.
macro_rules! list_page {
    (
        $(#[$meta:meta])*
        pub struct $page:ident {
            $(#[$items_meta:meta])*
            $items:ident: $item:ty
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        #[non_exhaustive]
        pub struct $page {
            /// Items over all pages.
            pub total: i64,
            $(#[$items_meta])*
            #[serde(deserialize_with = "bce_core::json::null_as_default")]
            pub $items: Vec<$item>,
            /// Sort field.
            pub order_by: String,
            /// Sort order.
            pub order: String,
            /// Page number.
            pub page_no: i64,
            /// Page size.
            pub page_size: i64,
        }

        impl bce_core::paginate::PageNumberResponse for $crate::client::ApiResponse<$page> {
            type Item = $item;
            fn total(&self) -> Option<u64> {
                bce_core::paginate::reported_total(self.result.total, self.result.$items.len())
            }
            fn into_items(self) -> Vec<$item> {
                self.result.$items
            }
        }
    };
}
pub(crate) use list_page;
