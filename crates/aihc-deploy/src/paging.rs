//! Paging plumbing shared by the app and resource pool lists: the query
//! parameters, the default page size of the streams, and the
//! [`bce_core::paginate`] trait impls behind every `*_stream` method.

use bce_core::paginate::PageNumberResponse;
use bce_core::Operation;

use crate::app::{AppBriefInfo, AppChangeRecord, AppList, ChangeList};
use crate::client::DeployResponse;
use crate::respool::{ResPoolBriefInfo, ResPoolList};
use crate::{ListAppRequest, ListBriefResPoolRequest, ListChangeRequest};

/// `size`, or the streams' page size of 20 when it is unset (0).
pub(crate) fn size_or_default(size: u32) -> u32 {
    Some(size).filter(|s| *s != 0).unwrap_or(20)
}

/// `pageNo` and `pageSize`, each sent when not 0.
pub(crate) fn page_query(op: Operation, page_no: u32, page_size: u32) -> Operation {
    op.query_opt("pageNo", (page_no != 0).then_some(page_no))
        .query_opt("pageSize", (page_size != 0).then_some(page_size))
}

bce_core::page_number_request!(
    ListAppRequest: page_no, page_size;
    ListChangeRequest: page_no, page_size;
    ListBriefResPoolRequest: page_no, page_size;
);

/// Implements [`PageNumberResponse`] for an envelope whose `data` has a
/// list; `$count` reads the total the service reports, if any.
macro_rules! page_number_response {
    ($($data:ty => $list:ident: $item:ty, $count:expr);* $(;)?) => {$(
        impl PageNumberResponse for DeployResponse<$data> {
            type Item = $item;
            fn total(&self) -> Option<u64> {
                let count: fn(&$data) -> Option<i64> = $count;
                count(&self.data).map(|c| u64::try_from(c).unwrap_or(0))
            }
            fn into_items(self) -> Vec<$item> {
                self.data.$list
            }
        }
    )*};
}

page_number_response!(
    AppList => list: AppBriefInfo, |d| Some(d.count);
    ChangeList => list: AppChangeRecord, |d| Some(d.count);
    // The pool list reports no total: a short page ends the stream.
    ResPoolList => res_pools: ResPoolBriefInfo, |_| None;
);
