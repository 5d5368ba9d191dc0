//! Listeners of a v1 load balancer (the API calls them monitor ports).

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{HealthCheckType, LbMode, Listeners, Protocol};
use crate::client::{is_false, is_zero, Client};
use crate::common::*;
use crate::container::{next_page, page_size_or_default};

/// A front-end port: protocol and number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Port {
    /// Protocol.
    #[serde(skip_serializing_if = "Protocol::is_empty")]
    pub protocol: Protocol,
    /// Port number.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i64,
}

/// Health check of a listener. `healthCheckString` is always sent, as
/// `null` when `None` (the official SDK's nil pointer).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HealthCheck {
    /// Probe timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub timeout_in_seconds: i64,
    /// Probe interval in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub interval_in_seconds: i64,
    /// Failures before a backend is down.
    #[serde(skip_serializing_if = "is_zero")]
    pub unhealthy_threshold: i64,
    /// Successes before a backend is up.
    #[serde(skip_serializing_if = "is_zero")]
    pub healthy_threshold: i64,
    /// Probe payload (UDP).
    pub health_check_string: Option<String>,
    /// Probe type.
    #[serde(skip_serializing_if = "HealthCheckType::is_empty")]
    pub health_check_type: HealthCheckType,
}

/// A listener: body of [`Client::create_blb_monitor_port`] and
/// [`Client::update_blb_monitor_port`], answer of
/// [`Client::get_blb_monitor_port_details`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BlbMonitorArgs {
    /// Front-end port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frontend_port: Option<Port>,
    /// Backend port.
    #[serde(skip_serializing_if = "is_zero")]
    pub backend_port: i64,
    /// Scheduling.
    #[serde(skip_serializing_if = "LbMode::is_empty")]
    pub lb_mode: LbMode,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub keepalive_timeout: i64,
    /// Health check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    /// Pass the client address.
    #[serde(rename = "enableCipTTM", skip_serializing_if = "is_false")]
    pub enable_cip_ttm: bool,
    /// Pass the virtual address.
    #[serde(rename = "enableVipTTM", skip_serializing_if = "is_false")]
    pub enable_vip_ttm: bool,
}

/// A front-end/backend port pair of [`BatchCreateBlbMonitorArg`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortGroup {
    /// Front-end port.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i64,
    /// Backend port.
    #[serde(skip_serializing_if = "is_zero")]
    pub backend_port: i64,
}

/// Body of [`Client::batch_create_blb_monitor`]: several listeners of one
/// protocol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BatchCreateBlbMonitorArg {
    /// Protocol.
    #[serde(skip_serializing_if = "Protocol::is_empty")]
    pub protocol: Protocol,
    /// Ports.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub port_groups: Vec<PortGroup>,
    /// Scheduling.
    #[serde(skip_serializing_if = "LbMode::is_empty")]
    pub lb_mode: LbMode,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub keepalive_timeout: i64,
    /// Health check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    /// Pass the client address.
    #[serde(rename = "enableCipTTM", skip_serializing_if = "is_false")]
    pub enable_cip_ttm: bool,
    /// Pass the virtual address.
    #[serde(rename = "enableVipTTM", skip_serializing_if = "is_false")]
    pub enable_vip_ttm: bool,
}

/// Paging of the v1 load balancer sub-lists; zero values are not sent
/// (negative ones are, as the official SDK does).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BlbPageArgs {
    /// Page number.
    pub page_no: i64,
    /// Page size.
    pub page_size: i64,
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
        args: &BlbMonitorArgs,
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
        args: &BlbPageArgs,
    ) -> Result<BlbMonitorListResult, Error> {
        let op = Client::op("GetBlbMonitorPortList", Method::Get, "/v1/blb")
            .segment("blbId", blb_id)
            .path("/monitor");
        self.call(page_query(op, args)).await
    }

    /// All listeners, page after page (20 per page unless set).
    pub fn get_blb_monitor_port_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: BlbPageArgs,
    ) -> impl futures::Stream<Item = Result<Listeners, Error>> + 'a {
        let size = page_size_or_default(args.page_size);
        bce_core::paginate::items(args.page_no.max(1), move |page| {
            let req = BlbPageArgs {
                page_no: page,
                page_size: size,
            };
            async move {
                Ok(next_page(
                    page,
                    size,
                    self.get_blb_monitor_port_list(blb_id, &req).await?,
                ))
            }
        })
    }

    /// Changes a listener (`PUT /v1/blb/{blbId}/monitor`).
    pub async fn update_blb_monitor_port(
        &self,
        blb_id: &str,
        args: &BlbMonitorArgs,
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
    ) -> Result<BlbMonitorArgs, Error> {
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
        args: &BatchCreateBlbMonitorArg,
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

pub(crate) fn page_query(op: bce_core::Operation, args: &BlbPageArgs) -> bce_core::Operation {
    op.query_opt("pageNo", (args.page_no != 0).then_some(args.page_no))
        .query_opt("pageSize", (args.page_size != 0).then_some(args.page_size))
}
