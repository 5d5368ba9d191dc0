//! Paging plumbing shared by every BEC list: the query parameters, the
//! default page size of the streams, and the [`bce_core::paginate`] trait
//! impls (with `bce_core::page_number_request!` and
//! `bce_core::marker_request!` for the requests) that let each `*_stream`
//! method be one call of
//! [`bce_core::paginate::page_number_stream`] or
//! [`bce_core::paginate::marker_stream`].

use bce_core::paginate::PageNumberResponse;
use bce_core::Operation;

use crate::common::PageResult;

/// Page size of the streams when the request leaves it unset (0).
pub(crate) const DEFAULT_PAGE_SIZE: u32 = 20;

/// `size`, or [`DEFAULT_PAGE_SIZE`] when it is 0.
pub(crate) fn size_or_default(size: u32) -> u32 {
    if size == 0 {
        DEFAULT_PAGE_SIZE
    } else {
        size
    }
}

/// `pageNo` and `pageSize`, each sent when not 0 (as the official SDK).
pub(crate) fn page_query(op: Operation, page_no: u32, page_size: u32) -> Operation {
    op.query_opt("pageNo", (page_no != 0).then_some(page_no))
        .query_opt("pageSize", (page_size != 0).then_some(page_size))
}

/// `marker` (when not empty) and `maxKeys` (when not 0).
pub(crate) fn marker_query(op: Operation, marker: &str, max_keys: u32) -> Operation {
    op.query_if_not_empty("marker", marker)
        .query_opt("maxKeys", (max_keys != 0).then_some(max_keys))
}

/// Implements [`bce_core::paginate::MarkerResponse`] for answers with a
/// flattened `page: MarkerInfo` and a list field.
macro_rules! marker_response {
    ($($ty:ty => $list:ident: $item:ty),* $(,)?) => {$(
        impl bce_core::paginate::MarkerResponse for $ty {
            type Item = $item;
            fn next_marker(&self) -> Option<String> {
                self.page.next()
            }
            fn into_items(self) -> Vec<$item> {
                self.$list
            }
        }
    )*};
}

pub(crate) use marker_response;

impl<T> PageNumberResponse for PageResult<T> {
    type Item = T;

    fn total(&self) -> Option<u64> {
        // A negative count is nonsense: read it as "nothing more".
        Some(u64::try_from(self.total_count).unwrap_or(0))
    }

    fn into_items(self) -> Vec<T> {
        self.result
    }
}
