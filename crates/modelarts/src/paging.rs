//! Offset/limit paging shared by the list streams.
//!
//! ModelArts lists take `offset` and `limit` query parameters, but `offset`
//! means two things: a page index from 0 in the v1 app and cluster lists
//! ("from which page"), an item count in `list_workflows` (records 20–29:
//! offset 20, limit 10). A request says how its `offset` and `limit` are
//! read and set ([`OffsetLimitRequest`]), its answer implements bce-core's
//! [`PageNumberResponse`] ([`offset_limit_response!`]), and
//! [`offset_limit_stream`] walks the pages with bce-core's
//! [`items`](bce_core::paginate::items).

use std::future::Future;

use bce_core::paginate::{items, Page};
use bce_core::{Error, PageNumberResponse};
use futures::Stream;

/// Page size of the streams when the request sets no `limit`.
pub(crate) const DEFAULT_PAGE_SIZE: i64 = 100;

/// What a list's `offset` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offset {
    /// Pages from 0 (the v1 app and cluster lists).
    PageIndex,
    /// Items to skip (`list_workflows`).
    ItemCount,
}

impl Offset {
    /// The `offset` of the page after one at `offset` that brought
    /// `received` items, or `None` when that page was the last.
    fn next(self, offset: i64, received: usize, limit: i64, total: Option<i64>) -> Option<i64> {
        match self {
            Offset::PageIndex => next_page_index(offset, received, limit, total),
            Offset::ItemCount => next_item_offset(offset, received, limit, total),
        }
    }
}

/// A list request paged by `offset` and `limit`.
pub(crate) trait OffsetLimitRequest: Clone {
    /// The `offset` asked for, if set (and readable).
    fn offset(&self) -> Option<i64>;
    /// The `limit` asked for, if set (and readable).
    fn limit(&self) -> Option<i64>;
    /// Asks for the page at `offset` with `limit` items.
    fn set_page(&mut self, offset: i64, limit: i64);
}

/// Implements [`OffsetLimitRequest`] for requests whose `offset` and
/// `limit` fields are `Option<i64>`.
macro_rules! offset_limit_request {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::paging::OffsetLimitRequest for $ty {
            fn offset(&self) -> Option<i64> {
                self.offset
            }
            fn limit(&self) -> Option<i64> {
                self.limit
            }
            fn set_page(&mut self, offset: i64, limit: i64) {
                self.offset = Some(offset);
                self.limit = Some(limit);
            }
        }
    )+};
}
pub(crate) use offset_limit_request;

/// Implements bce-core's [`PageNumberResponse`] for list answers with
/// their items in a `Vec` field and the reported count in an
/// `Option<i64>` field: `offset_limit_response!(Type: items => Item, total; …)`.
macro_rules! offset_limit_response {
    ($($ty:ty: $items:ident => $item:ty, $total:ident);+ $(;)?) => {$(
        impl bce_core::PageNumberResponse for $ty {
            type Item = $item;
            fn total(&self) -> Option<u64> {
                $crate::paging::reported_count(self.$total)
            }
            fn into_items(self) -> Vec<$item> {
                self.$items
            }
        }
    )+};
}
pub(crate) use offset_limit_response;

/// Declares the answer of a v1 offset/limit list (apps, APIs, clusters):
/// its items under their own key (`null` read as empty), `count` (entries
/// in this reply) and `total_count` (all matching entries, not always
/// sent), numbers accepted as text; and its [`PageNumberResponse`] impl
/// for the streams. Attributes given (docs, extra derives) go on the struct.
macro_rules! list_response {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(#[$items_meta:meta])*
            pub $items:ident: Vec<$item:ty>,
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            $(#[$items_meta])*
            #[serde(deserialize_with = "crate::json::null_default")]
            pub $items: Vec<$item>,
            /// Entries in this reply.
            #[serde(deserialize_with = "crate::json::lenient_i64")]
            pub count: Option<i64>,
            /// All matching entries (not always sent).
            #[serde(deserialize_with = "crate::json::lenient_i64")]
            pub total_count: Option<i64>,
        }

        $crate::paging::offset_limit_response!($name: $items => $item, total_count);
    };
}
pub(crate) use list_response;

/// A count the service reported, as [`PageNumberResponse::total`] wants
/// it; a negative count reads as 0, which ends the list like before.
pub(crate) fn reported_count(count: Option<i64>) -> Option<u64> {
    count.map(|c| u64::try_from(c).unwrap_or(0))
}

/// Every item of an offset/limit list, from `first`'s `offset` (default
/// 0) with `first`'s `limit` per page (default [`DEFAULT_PAGE_SIZE`]);
/// `fetch` sends one page request. Stops after the last page (see
/// [`next_page_index`] and [`next_item_offset`]) or after an error.
pub(crate) fn offset_limit_stream<Req, Resp, F, Fut>(
    first: Req,
    counting: Offset,
    mut fetch: F,
) -> impl Stream<Item = Result<Resp::Item, Error>>
where
    Req: OffsetLimitRequest,
    Resp: PageNumberResponse,
    F: FnMut(Req) -> Fut,
    Fut: Future<Output = Result<Resp, Error>>,
{
    let limit = first
        .limit()
        .filter(|l| *l > 0)
        .unwrap_or(DEFAULT_PAGE_SIZE);
    let start = first.offset().unwrap_or(0).max(0);
    items(start, move |offset: i64| {
        let mut request = first.clone();
        request.set_page(offset, limit);
        let answer = fetch(request);
        async move {
            let answer = answer.await?;
            let total = answer.total().map(|t| i64::try_from(t).unwrap_or(i64::MAX));
            let items = answer.into_items();
            let next = counting.next(offset, items.len(), limit, total);
            Ok(Page::new(items, next))
        }
    })
}

/// The next item offset of an offset/limit list whose `offset` counts items
/// (`list_workflows`), or `None` when this page was the last: an empty page,
/// the reported `total` reached, or (without a total) a short page.
pub(crate) fn next_item_offset(
    offset: i64,
    received: usize,
    limit: i64,
    total: Option<i64>,
) -> Option<i64> {
    let received = i64::try_from(received).unwrap_or(i64::MAX);
    if received == 0 {
        return None;
    }
    let next = offset.saturating_add(received);
    match total {
        Some(total) => (next < total).then_some(next),
        None => (received >= limit).then_some(next),
    }
}

/// The next page index of an offset/limit list whose `offset` is a page
/// number from 0 (the v1 app and cluster lists: "from which page"), or
/// `None` when this page was the last: an empty or short page, or the
/// reported `total_count` reached.
pub(crate) fn next_page_index(
    page: i64,
    received: usize,
    limit: i64,
    total: Option<i64>,
) -> Option<i64> {
    let received = i64::try_from(received).unwrap_or(i64::MAX);
    if received == 0 || received < limit {
        return None;
    }
    let seen = page.saturating_add(1).saturating_mul(limit);
    match total {
        Some(total) if seen >= total => None,
        _ => Some(page.saturating_add(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(next_item_offset(0, 10, 10, Some(25)), Some(10));
        assert_eq!(next_item_offset(20, 5, 10, Some(25)), None);
        assert_eq!(next_item_offset(0, 10, 10, None), Some(10));
        assert_eq!(next_item_offset(0, 3, 10, None), None);
        assert_eq!(next_item_offset(0, 0, 10, Some(100)), None);
        // A service that caps the page below the limit still advances.
        assert_eq!(next_item_offset(0, 5, 10, Some(100)), Some(5));
    }

    #[test]
    fn pages() {
        assert_eq!(next_page_index(0, 10, 10, Some(25)), Some(1));
        assert_eq!(next_page_index(2, 5, 10, Some(25)), None);
        assert_eq!(next_page_index(1, 10, 10, Some(20)), None);
        assert_eq!(next_page_index(0, 10, 10, None), Some(1));
        assert_eq!(next_page_index(0, 0, 10, None), None);
    }

    #[test]
    fn reported_counts() {
        assert_eq!(reported_count(Some(5)), Some(5));
        // A negative count ends the list, as the raw count did before.
        assert_eq!(reported_count(Some(-1)), Some(0));
        assert_eq!(reported_count(None), None);
    }
}
