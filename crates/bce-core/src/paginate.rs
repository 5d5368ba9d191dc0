//! Streams over paged list operations.
//!
//! Two styles exist in BCE APIs: page numbers (`pageNo`/`pageSize`) and
//! markers (`marker`/`maxKeys`, with `isTruncated`/`nextMarker` in the
//! answer). Service crates describe one page fetch; these helpers turn it
//! into a [`Stream`] of items that stops on the last page.

use std::future::Future;

use futures::stream::{self, Stream, StreamExt};

use crate::error::Error;

/// One fetched page: its items and the cursor of the next page, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<C>,
}

impl<T, C> Page<T, C> {
    /// A page and the cursor of the next one.
    pub fn new(items: Vec<T>, next: Option<C>) -> Self {
        Page { items, next }
    }
}

/// The next page number of a `pageNo`/`pageSize` list, or `None` when
/// `page_no` was the last page. `total` is the item count the service
/// reported, if it did.
pub fn next_page_number(
    page_no: u32,
    page_size: u32,
    items_on_page: usize,
    total: Option<u64>,
) -> Option<u32> {
    if items_on_page == 0 {
        return None;
    }
    match total {
        Some(total) => {
            (u64::from(page_no) * u64::from(page_size) < total).then(|| page_no.saturating_add(1))
        }
        None => (items_on_page >= page_size as usize).then(|| page_no.saturating_add(1)),
    }
}

/// The next marker of a marker-style list, or `None` on the last page.
pub fn next_marker(is_truncated: bool, next_marker: Option<String>) -> Option<String> {
    if is_truncated {
        next_marker.filter(|m| !m.is_empty())
    } else {
        None
    }
}

/// Streams the pages produced by `fetch`, starting at cursor `first`.
/// The stream ends after a page with no next cursor or after an error.
pub fn pages<T, C, F, Fut>(first: C, fetch: F) -> impl Stream<Item = Result<Page<T, C>, Error>>
where
    C: Clone,
    F: FnMut(C) -> Fut,
    Fut: Future<Output = Result<Page<T, C>, Error>>,
{
    stream::unfold((Some(first), fetch), |(cursor, mut fetch)| async move {
        let cursor = cursor?;
        match fetch(cursor).await {
            Ok(page) => {
                let next = page.next.clone();
                Some((Ok(page), (next, fetch)))
            }
            Err(e) => Some((Err(e), (None, fetch))),
        }
    })
}

/// Streams the items of every page produced by `fetch`.
///
/// ```
/// # use bce_core::paginate::{items, Page};
/// # use futures::StreamExt;
/// # tokio_test_block_on(async {
/// let all: Vec<u32> = items(1u32, |page| async move {
///     let next = (page < 3).then_some(page + 1);
///     Ok(Page::new(vec![page * 10, page * 10 + 1], next))
/// })
/// .map(|r| r.unwrap())
/// .collect()
/// .await;
/// assert_eq!(all, [10, 11, 20, 21, 30, 31]);
/// # });
/// # fn tokio_test_block_on<F: std::future::Future>(f: F) -> F::Output { futures::executor::block_on(f) }
/// ```
pub fn items<T, C, F, Fut>(first: C, fetch: F) -> impl Stream<Item = Result<T, Error>>
where
    C: Clone,
    F: FnMut(C) -> Fut,
    Fut: Future<Output = Result<Page<T, C>, Error>>,
{
    pages(first, fetch).flat_map(|page| match page {
        Ok(page) => stream::iter(page.items.into_iter().map(Ok).collect::<Vec<_>>()),
        Err(e) => stream::iter(vec![Err(e)]),
    })
}

/// A list request paged by page number (`pageNo`/`pageSize`,
/// `pageNumber`/`pageSize`, …). Implement it once per request type and the
/// stream is [`page_number_stream`]. Page numbers and sizes are `u32`
/// everywhere; `0` means "the service default" where a request allows it.
pub trait PageNumberRequest: Clone + Send {
    /// The page this request asks for (1-based; `0` is read as 1).
    fn page_number(&self) -> u32;
    /// Asks for page `page`.
    fn set_page_number(&mut self, page: u32);
    /// Items per page (`0`: the service default).
    fn page_size(&self) -> u32;
}

/// One page of a page-number list answer.
pub trait PageNumberResponse {
    /// The item type.
    type Item;
    /// The total item count, when the service reports it.
    fn total(&self) -> Option<u64>;
    /// The items of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

/// A list request paged by an opaque marker (`marker`/`maxKeys`, a
/// Kubernetes-style `continue`, …).
pub trait MarkerRequest: Clone + Send {
    /// Starts the next page at `marker`.
    fn set_marker(&mut self, marker: String);
}

/// One page of a marker list answer.
pub trait MarkerResponse {
    /// The item type.
    type Item;
    /// Where the next page starts; `None` (or an empty marker) on the last page.
    fn next_marker(&self) -> Option<String>;
    /// The items of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Streams every item of a page-number list, from `first`'s page on.
/// `fetch` sends one request (usually the list method itself). The stream
/// stops after the last page (from the reported total, or a short or empty
/// page) or after an error.
pub fn page_number_stream<Req, Resp, F, Fut>(
    first: Req,
    mut fetch: F,
) -> impl Stream<Item = Result<Resp::Item, Error>>
where
    Req: PageNumberRequest,
    Resp: PageNumberResponse,
    F: FnMut(Req) -> Fut,
    Fut: Future<Output = Result<Resp, Error>>,
{
    let start = first.page_number().max(1);
    items(start, move |page| {
        let mut request = first.clone();
        request.set_page_number(page);
        let size = request.page_size();
        let answer = fetch(request);
        async move {
            let answer = answer.await?;
            let total = answer.total();
            let items = answer.into_items();
            let next = if size == 0 {
                // Unknown page size: only a reported total can say more.
                total.and_then(|t| {
                    (!items.is_empty() && (items.len() as u64) < t).then(|| page.saturating_add(1))
                })
            } else {
                next_page_number(page, size, items.len(), total)
            };
            Ok(Page::new(items, next))
        }
    })
}

/// Streams every item of a marker list, from `first` on; stops when the
/// answer gives no next marker, or after an error.
pub fn marker_stream<Req, Resp, F, Fut>(
    first: Req,
    mut fetch: F,
) -> impl Stream<Item = Result<Resp::Item, Error>>
where
    Req: MarkerRequest,
    Resp: MarkerResponse,
    F: FnMut(Req) -> Fut,
    Fut: Future<Output = Result<Resp, Error>>,
{
    items(None::<String>, move |marker| {
        let mut request = first.clone();
        if let Some(marker) = marker {
            request.set_marker(marker);
        }
        let answer = fetch(request);
        async move {
            let answer = answer.await?;
            let next = answer.next_marker().filter(|m| !m.is_empty()).map(Some);
            Ok(Page::new(answer.into_items(), next))
        }
    })
}

/// Implements [`PageNumberRequest`] for request types whose page number
/// and page size are `u32` fields: `page_number_request!(Type: page_field,
/// size_field; …)`.
///
/// ```
/// #[derive(Clone, Default)]
/// struct ListThings {
///     page_no: u32,
///     page_size: u32,
/// }
/// bce_core::page_number_request!(ListThings: page_no, page_size);
/// use bce_core::PageNumberRequest;
/// let mut r = ListThings::default();
/// r.set_page_number(3);
/// assert_eq!(r.page_number(), 3);
/// ```
#[macro_export]
macro_rules! page_number_request {
    ($($ty:ty: $page:ident, $size:ident);+ $(;)?) => {$(
        impl $crate::paginate::PageNumberRequest for $ty {
            fn page_number(&self) -> u32 {
                self.$page
            }
            fn set_page_number(&mut self, page: u32) {
                self.$page = page;
            }
            fn page_size(&self) -> u32 {
                self.$size
            }
        }
    )+};
}

/// Implements [`MarkerRequest`] for request types whose marker is a
/// `String` field: `marker_request!(Type: marker_field; …)`.
#[macro_export]
macro_rules! marker_request {
    ($($ty:ty: $marker:ident);+ $(;)?) => {$(
        impl $crate::paginate::MarkerRequest for $ty {
            fn set_marker(&mut self, marker: String) {
                self.$marker = marker;
            }
        }
    )+};
}

/// The item count a list answer reports, as [`PageNumberResponse::total`]
/// wants it: `None` when the value does not fit (a negative count) or when
/// it is `0` next to items, which services send when they do not count.
pub fn reported_total<T: TryInto<u64>>(total: T, items_on_page: usize) -> Option<u64> {
    let total = total.try_into().ok()?;
    (total > 0 || items_on_page == 0).then_some(total)
}

/// Implements [`PageNumberResponse`] for answer types that carry their
/// items in a `Vec` field and, optionally, a reported total in an integer
/// field (read through [`reported_total`]):
/// `page_number_response!(Type: items_field => Item, total_field; …)` or
/// `page_number_response!(Type: items_field => Item; …)`.
///
/// ```
/// #[derive(Default)]
/// struct ListThingsResponse {
///     things: Vec<String>,
///     total_count: i64,
/// }
/// bce_core::page_number_response!(ListThingsResponse: things => String, total_count);
/// use bce_core::PageNumberResponse;
/// let answer = ListThingsResponse { things: vec!["a".into()], total_count: 3 };
/// assert_eq!(answer.total(), Some(3));
/// ```
#[macro_export]
macro_rules! page_number_response {
    ($($ty:ty: $items:ident => $item:ty $(, $total:ident)?);+ $(;)?) => {$(
        impl $crate::paginate::PageNumberResponse for $ty {
            type Item = $item;
            fn total(&self) -> Option<u64> {
                $crate::__page_total!(self, $items $(, $total)?)
            }
            fn into_items(self) -> Vec<$item> {
                self.$items
            }
        }
    )+};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __page_total {
    ($self:ident, $items:ident) => {
        None
    };
    ($self:ident, $items:ident, $total:ident) => {
        $crate::paginate::reported_total($self.$total, $self.$items.len())
    };
}

/// Implements [`MarkerResponse`] for answer types that carry their items
/// in a `Vec` field and the next marker in an `Option<String>` or `String`
/// field (an empty marker ends the list), optionally gated by a `bool`
/// "is truncated" field:
/// `marker_response!(Type: items_field => Item, next_marker_field $(, truncated_field)?; …)`.
#[macro_export]
macro_rules! marker_response {
    ($($ty:ty: $items:ident => $item:ty, $next:ident $(, $truncated:ident)?);+ $(;)?) => {$(
        impl $crate::paginate::MarkerResponse for $ty {
            type Item = $item;
            fn next_marker(&self) -> Option<String> {
                $( if !self.$truncated { return None; } )?
                $crate::paginate::MarkerValue::marker(&self.$next)
            }
            fn into_items(self) -> Vec<$item> {
                self.$items
            }
        }
    )+};
}

/// A next-marker field as [`marker_response!`](crate::marker_response)
/// reads it: empty means "no next page".
pub trait MarkerValue {
    /// The marker, `None` when absent or empty.
    fn marker(&self) -> Option<String>;
}

impl MarkerValue for String {
    fn marker(&self) -> Option<String> {
        (!self.is_empty()).then(|| self.clone())
    }
}

impl MarkerValue for Option<String> {
    fn marker(&self) -> Option<String> {
        self.as_deref()
            .and_then(|m| (!m.is_empty()).then(|| m.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(next_page_number(1, 10, 10, Some(25)), Some(2));
        assert_eq!(next_page_number(3, 10, 5, Some(25)), None);
        assert_eq!(next_page_number(1, 10, 10, None), Some(2));
        assert_eq!(next_page_number(1, 10, 3, None), None);
        assert_eq!(next_page_number(1, 10, 0, Some(100)), None);
        assert_eq!(next_marker(true, Some("m".into())), Some("m".into()));
        assert_eq!(next_marker(true, Some(String::new())), None);
        assert_eq!(next_marker(false, Some("m".into())), None);
    }

    #[test]
    fn reported_totals() {
        assert_eq!(reported_total(5u64, 2), Some(5));
        assert_eq!(reported_total(-1i64, 2), None);
        assert_eq!(reported_total(0i32, 2), None);
        assert_eq!(reported_total(0u32, 0), Some(0));
    }

    struct Listing {
        items: Vec<u8>,
        next: Option<String>,
        truncated: bool,
    }
    crate::marker_response!(Listing: items => u8, next, truncated);

    #[test]
    fn marker_responses() {
        let page = |next: Option<&str>, truncated| Listing {
            items: vec![1],
            next: next.map(str::to_owned),
            truncated,
        };
        assert_eq!(page(Some("m"), true).next_marker(), Some("m".into()));
        assert_eq!(page(Some("m"), false).next_marker(), None);
        assert_eq!(page(Some(""), true).next_marker(), None);
        assert_eq!(page(None, true).into_items(), vec![1]);
    }

    #[tokio::test]
    async fn stops_after_error() {
        let got: Vec<Result<u32, Error>> = items(1u32, |p| async move {
            if p == 2 {
                Err(Error::invalid_input("x", "boom"))
            } else {
                Ok(Page::new(vec![p], Some(p + 1)))
            }
        })
        .collect()
        .await;
        assert_eq!(got.len(), 2);
        assert!(got[1].is_err());
    }

    #[derive(Clone)]
    struct Req {
        page: u32,
        size: u32,
        marker: String,
    }
    impl PageNumberRequest for Req {
        fn page_number(&self) -> u32 {
            self.page
        }
        fn set_page_number(&mut self, page: u32) {
            self.page = page;
        }
        fn page_size(&self) -> u32 {
            self.size
        }
    }
    impl MarkerRequest for Req {
        fn set_marker(&mut self, marker: String) {
            self.marker = marker;
        }
    }
    struct Resp(Vec<u32>, Option<u64>, Option<String>);
    impl PageNumberResponse for Resp {
        type Item = u32;
        fn total(&self) -> Option<u64> {
            self.1
        }
        fn into_items(self) -> Vec<u32> {
            self.0
        }
    }
    impl MarkerResponse for Resp {
        type Item = u32;
        fn next_marker(&self) -> Option<String> {
            self.2.clone()
        }
        fn into_items(self) -> Vec<u32> {
            self.0
        }
    }

    #[tokio::test]
    async fn declarative_streams() {
        let first = Req {
            page: 0,
            size: 2,
            marker: String::new(),
        };
        let seen = std::sync::Mutex::new(Vec::new());
        let all: Vec<u32> = page_number_stream(first.clone(), |r: Req| {
            seen.lock().unwrap().push(r.page);
            async move {
                let base = r.page * 10;
                Ok(Resp(vec![base, base + 1], Some(5), None))
            }
        })
        .map(|r| r.unwrap())
        .collect()
        .await;
        assert_eq!(all, [10, 11, 20, 21, 30, 31]);
        assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);

        let all: Vec<u32> = marker_stream(first, |r: Req| async move {
            Ok(match r.marker.as_str() {
                "" => Resp(vec![1], None, Some("b".into())),
                "b" => Resp(vec![2], None, Some(String::new())),
                _ => Resp(vec![99], None, None),
            })
        })
        .map(|r| r.unwrap())
        .collect()
        .await;
        assert_eq!(all, [1, 2]);
    }
}
