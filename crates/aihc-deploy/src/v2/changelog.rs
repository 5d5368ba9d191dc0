//! Change records of a service: list (with a stream) and detail.

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::v2::client::{id, int_enum, response, Client};
use crate::v2::paging::{page_and_order, stream_page_size};

int_enum! {
    /// Kind of a change (`changeType`).
    pub enum ChangeType {
        /// The service was created.
        Create = 1,
        /// Its configuration was changed (or upgraded).
        Update = 2,
        /// Its replica count was changed.
        Scale = 3,
        /// Its traffic or network access was changed.
        Traffic = 4,
    }
}

/// Filter, paging and order of [`Client::describe_service_changelogs`].
/// Zero and empty values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeServiceChangelogsRequest {
    /// Service id.
    pub service_id: String,
    /// Only changes of this kind (`None`, or a code of 0: every kind).
    pub change_type: Option<ChangeType>,
    /// Page (1-based).
    pub page_number: u32,
    /// Records per page.
    pub page_size: u32,
    /// Sort field, e.g. `createdAt`.
    pub order_by: String,
    /// `asc` or `desc`.
    pub order: String,
}

impl DescribeServiceChangelogsRequest {
    /// Every change of service `service_id`.
    pub fn new(service_id: impl Into<String>) -> Self {
        DescribeServiceChangelogsRequest {
            service_id: service_id.into(),
            ..Default::default()
        }
    }
}

bce_core::page_number_request!(DescribeServiceChangelogsRequest: page_number, page_size);

response! {
    /// A change record.
    pub struct ChangeRecord {
        /// Change id.
        pub change_id: String,
        /// The configuration before the change (JSON text).
        pub prev: String,
        /// Kind.
        pub change_type: ChangeType,
        /// Note (also read from `shortDesc`).
        #[serde(alias = "shortDesc")]
        pub description: String,
        /// Who made it.
        pub creator: String,
        /// When (Unix seconds).
        pub created_at: i64,
        /// Request id (set on [`Client::describe_service_changelog`]'s answer).
        pub request_id: String,
    }
}

response! {
    /// A page of change records.
    pub struct DescribeServiceChangelogsResponse {
        /// Records in all pages.
        pub total_count: i64,
        /// Records of this page (wire name `changeLogs`).
        pub change_logs: Vec<ChangeRecord>,
        /// This page.
        pub page_number: i64,
        /// Page size.
        pub page_size: i64,
        /// Sort field.
        pub order_by: String,
        /// Sort order.
        pub order: String,
        /// Request id.
        pub request_id: String,
    }
}

bce_core::page_number_response!(
    DescribeServiceChangelogsResponse: change_logs => ChangeRecord, total_count
);

impl Client {
    /// Change records of a service, one page
    /// (`GET /?action=DescribeServiceChangelogs`).
    pub async fn describe_service_changelogs(
        &self,
        request: &DescribeServiceChangelogsRequest,
    ) -> Result<DescribeServiceChangelogsResponse, Error> {
        let change_type = request
            .change_type
            .map(ChangeType::code)
            .filter(|code| *code != 0);
        let op = id(
            Client::action("DescribeServiceChangelogs", Method::Get),
            "serviceId",
            &request.service_id,
        )
        .query_opt("changeType", change_type);
        let op = page_and_order(op, request, &request.order_by, &request.order);
        self.call(op).await
    }

    /// Every change record of a service, page after page
    /// ([`DEFAULT_STREAM_PAGE_SIZE`](crate::v2::DEFAULT_STREAM_PAGE_SIZE) per
    /// page unless set).
    pub fn describe_service_changelogs_stream(
        &self,
        request: DescribeServiceChangelogsRequest,
    ) -> impl Stream<Item = Result<ChangeRecord, Error>> + Send + 'static {
        let first = DescribeServiceChangelogsRequest {
            page_size: stream_page_size(request.page_size),
            ..request
        };
        self.page_stream(first, |client, r| async move {
            client.describe_service_changelogs(&r).await
        })
    }

    /// One change record (`GET /?action=DescribeServiceChangelog`).
    pub async fn describe_service_changelog(&self, change_id: &str) -> Result<ChangeRecord, Error> {
        let op = id(
            Client::action("DescribeServiceChangelog", Method::Get),
            "changeId",
            change_id,
        );
        self.call(op).await
    }
}
