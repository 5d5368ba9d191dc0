//! Listeners of a v1 load balancer (the API calls them monitor ports).

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{HealthCheckType, LbMode, Listeners, Protocol};
use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;

omit_empty! {
    /// A front-end port: protocol and number.
    pub struct Port {
        /// Protocol.
        pub protocol: Protocol,
        /// Port number.
        pub port: i64,
    }
}

omit_empty! {
    /// Health check of a listener. `healthCheckString` is always sent, as
    /// `null` when `None` (the official SDK's nil pointer).
    pub struct HealthCheck {
        /// Probe timeout in seconds.
        pub timeout_in_seconds: i64,
        /// Probe interval in seconds.
        pub interval_in_seconds: i64,
        /// Failures before a backend is down.
        pub unhealthy_threshold: i64,
        /// Successes before a backend is up.
        pub healthy_threshold: i64,
        /// Probe payload (UDP).
        always pub health_check_string: Option<String>,
        /// Probe type.
        pub health_check_type: HealthCheckType,
    }
}

omit_empty! {
    /// A listener: body of [`Client::create_blb_monitor_port`] and
    /// [`Client::update_blb_monitor_port`], answer of
    /// [`Client::get_blb_monitor_port_details`].
    pub struct BlbMonitorRequest {
        /// Front-end port.
        pub frontend_port: Option<Port>,
        /// Backend port.
        pub backend_port: i64,
        /// Scheduling.
        pub lb_mode: LbMode,
        /// Idle timeout in seconds.
        pub keepalive_timeout: i64,
        /// Health check.
        pub health_check: Option<HealthCheck>,
        /// Pass the client address.
        #[serde(rename = "enableCipTTM")]
        pub enable_cip_ttm: bool,
        /// Pass the virtual address.
        #[serde(rename = "enableVipTTM")]
        pub enable_vip_ttm: bool,
    }
}

/// The official SDK's name of [`BlbMonitorRequest`].
pub type BlbMonitorArgs = BlbMonitorRequest;

omit_empty! {
    /// A front-end/backend port pair of [`BatchCreateBlbMonitorRequest`].
    pub struct PortGroup {
        /// Front-end port.
        pub port: i64,
        /// Backend port.
        pub backend_port: i64,
    }
}

omit_empty! {
    /// Body of [`Client::batch_create_blb_monitor`]: several listeners of one
    /// protocol.
    pub struct BatchCreateBlbMonitorRequest {
        /// Protocol.
        pub protocol: Protocol,
        /// Ports.
        pub port_groups: Vec<PortGroup>,
        /// Scheduling.
        pub lb_mode: LbMode,
        /// Idle timeout in seconds.
        pub keepalive_timeout: i64,
        /// Health check.
        pub health_check: Option<HealthCheck>,
        /// Pass the client address.
        #[serde(rename = "enableCipTTM")]
        pub enable_cip_ttm: bool,
        /// Pass the virtual address.
        #[serde(rename = "enableVipTTM")]
        pub enable_vip_ttm: bool,
    }
}

/// The official SDK's name of [`BatchCreateBlbMonitorRequest`].
pub type BatchCreateBlbMonitorArg = BatchCreateBlbMonitorRequest;

/// Paging of the v1 load balancer sub-lists; zero values are not sent,
/// negative ones are (as the official SDK does, so these stay signed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BlbPageRequest {
    /// Page number.
    pub page_no: i64,
    /// Page size.
    pub page_size: i64,
}

/// The official SDK's name of [`BlbPageRequest`].
pub type BlbPageArgs = BlbPageRequest;

impl bce_core::paginate::PageNumberRequest for BlbPageRequest {
    fn page_number(&self) -> u32 {
        u32::try_from(self.page_no).unwrap_or(0)
    }
    fn set_page_number(&mut self, page: u32) {
        self.page_no = i64::from(page);
    }
    fn page_size(&self) -> u32 {
        u32::try_from(self.page_size).unwrap_or(0)
    }
}

impl BlbPageRequest {
    /// The same paging with [`crate::paging::DEFAULT_PAGE_SIZE`] when no
    /// positive size is set (the streams).
    pub(crate) fn with_default_size(self) -> Self {
        let page_size = match u32::try_from(self.page_size) {
            Ok(size) if size > 0 => self.page_size,
            _ => i64::from(crate::paging::DEFAULT_PAGE_SIZE),
        };
        BlbPageRequest { page_size, ..self }
    }

    /// `pageNo` and `pageSize`, each sent when not 0.
    pub(crate) fn query(&self, op: bce_core::Operation) -> bce_core::Operation {
        op.query_opt("pageNo", (self.page_no != 0).then_some(self.page_no))
            .query_opt("pageSize", (self.page_size != 0).then_some(self.page_size))
    }
}

/// Answer of listener changes: free-form details.
pub type BlbMonitorResult = ActionResult<BTreeMap<String, String>>;
/// Page of [`Client::get_blb_monitor_port_list`].
pub type BlbMonitorListResult = PageResult<Listeners>;

impl Client {
    /// Adds a listener (`POST /v1/blb/{blbId}/monitor`).
    pub async fn create_blb_monitor_port(
        &self,
        blb_id: &str,
        args: &BlbMonitorRequest,
    ) -> Result<BlbMonitorResult, Error> {
        let op = Client::op("CreateBlbMonitorPort", Method::Post, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor")
            .json(args);
        self.call(op).await
    }

    /// Removes listeners (`DELETE /v1/blb/{blbId}/monitor`, body: the ports).
    pub async fn delete_blb_monitor_port(
        &self,
        blb_id: &str,
        ports: &[Port],
    ) -> Result<BlbMonitorResult, Error> {
        let op = Client::op("DeleteBlbMonitorPort", Method::Delete, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor")
            .json(ports);
        self.call(op).await
    }

    /// Lists listeners (`GET /v1/blb/{blbId}/monitor`).
    pub async fn get_blb_monitor_port_list(
        &self,
        blb_id: &str,
        args: &BlbPageRequest,
    ) -> Result<BlbMonitorListResult, Error> {
        let op = Client::op("GetBlbMonitorPortList", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor");
        self.call(args.query(op)).await
    }

    /// All listeners, page after page (20 per page unless set).
    pub fn get_blb_monitor_port_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: BlbPageRequest,
    ) -> impl futures::Stream<Item = Result<Listeners, Error>> + 'a {
        page_number_stream(args.with_default_size(), move |r| async move {
            self.get_blb_monitor_port_list(blb_id, &r).await
        })
    }

    /// Changes a listener (`PUT /v1/blb/{blbId}/monitor`).
    pub async fn update_blb_monitor_port(
        &self,
        blb_id: &str,
        args: &BlbMonitorRequest,
    ) -> Result<BlbMonitorResult, Error> {
        let op = Client::op("UpdateBlbMonitorPort", Method::Put, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor")
            .json(args);
        self.call(op).await
    }

    /// One listener (`GET /v1/blb/{blbId}/monitor/port?protocol=&port=`).
    pub async fn get_blb_monitor_port_details(
        &self,
        blb_id: &str,
        protocol: &Protocol,
        port: i64,
    ) -> Result<BlbMonitorRequest, Error> {
        let op = Client::op("GetBlbMonitorPortDetails", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor/port")
            .query_if_not_empty("protocol", protocol.as_str())
            .query_opt("port", (port != 0).then_some(port));
        self.call(op).await
    }

    /// Adds several listeners of one protocol
    /// (`POST /v1/blb/batch/create/{blbId}/monitor`).
    pub async fn batch_create_blb_monitor(
        &self,
        blb_id: &str,
        args: &BatchCreateBlbMonitorRequest,
    ) -> Result<BlbMonitorResult, Error> {
        let op = Client::op(
            "BatchCreateBlbMonitor",
            Method::Post,
            "/v1/blb/batch/create",
        )
        .segment("blbId", blb_id)
        .path("/monitor")
        .json(args);
        self.call(op).await
    }
}
