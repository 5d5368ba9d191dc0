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
}
