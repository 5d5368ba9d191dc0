//! Offset/limit paging rules shared by the list streams.

/// Page size of the streams when the request sets no `limit`.
pub const DEFAULT_PAGE_SIZE: i64 = 100;

/// The next item offset of an offset/limit list whose `offset` counts items
/// (`list_workflows`), or `None` when this page was the last: an empty page,
/// the reported `total` reached, or (without a total) a short page.
pub fn next_item_offset(
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
pub fn next_page_index(page: i64, received: usize, limit: i64, total: Option<i64>) -> Option<i64> {
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
}
