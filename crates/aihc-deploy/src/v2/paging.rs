//! Paging shared by the service and change-record lists: both send the
//! same page and sort parameters and stream with the same default page
//! size.

use bce_core::paginate::PageNumberRequest;
use bce_core::Operation;

use crate::v2::service::DEFAULT_STREAM_PAGE_SIZE;

/// `pageNumber` and `pageSize` (each when not 0), then `orderBy` and
/// `order` (each when not empty).
pub(crate) fn page_and_order(
    op: Operation,
    request: &impl PageNumberRequest,
    order_by: &str,
    order: &str,
) -> Operation {
    let (number, size) = (request.page_number(), request.page_size());
    op.query_opt("pageNumber", (number != 0).then_some(number))
        .query_opt("pageSize", (size != 0).then_some(size))
        .query_if_not_empty("orderBy", order_by)
        .query_if_not_empty("order", order)
}

/// `size`, or [`DEFAULT_STREAM_PAGE_SIZE`] when it is unset (0): the
/// streams always page explicitly.
pub(crate) fn stream_page_size(size: u32) -> u32 {
    if size == 0 {
        DEFAULT_STREAM_PAGE_SIZE
    } else {
        size
    }
}
