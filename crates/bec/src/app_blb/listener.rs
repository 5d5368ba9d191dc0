//! TCP and UDP listeners of an app load balancer.

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{app_op, marker_query, AppBlbProtocol, AppBlbScheduler, MarkerInfo};
use crate::client::{is_zero, Client};

/// Body of [`Client::create_tcp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateAppBlbTcpListenerRequest {
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub listener_port: i64,
    /// Scheduling.
    #[serde(skip_serializing_if = "AppBlbScheduler::is_empty")]
    pub scheduler: AppBlbScheduler,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub tcp_session_timeout: i64,
}

/// Body of [`Client::update_tcp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateAppBlbTcpListenerRequest {
    /// Scheduling.
    #[serde(skip_serializing_if = "AppBlbScheduler::is_empty")]
    pub scheduler: AppBlbScheduler,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub tcp_session_timeout: i64,
}

/// Body of [`Client::create_udp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateAppBlbUdpListenerRequest {
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub listener_port: i64,
    /// Scheduling.
    #[serde(skip_serializing_if = "AppBlbScheduler::is_empty")]
    pub scheduler: AppBlbScheduler,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub udp_session_timeout: i64,
}

/// Body of [`Client::update_udp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateAppBlbUdpListenerRequest {
    /// Scheduling.
    #[serde(skip_serializing_if = "AppBlbScheduler::is_empty")]
    pub scheduler: AppBlbScheduler,
    /// Idle timeout in seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub udp_session_timeout: i64,
}

/// Filter and paging of [`Client::get_tcp_listener`] and
/// [`Client::get_udp_listener`]; zero and empty values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppBlbListenerQuery {
    /// Only this port.
    pub listener_port: i64,
    /// Where to start.
    pub marker: String,
    /// Page size.
    pub max_keys: i64,
}

/// A TCP listener.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppBlbTcpListener {
    /// Scheduling.
    pub scheduler: AppBlbScheduler,
    /// Port.
    pub listener_port: i64,
    /// Idle timeout in seconds.
    pub tcp_session_timeout: i64,
}

/// A UDP listener.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppBlbUdpListener {
    /// Scheduling.
    pub scheduler: AppBlbScheduler,
    /// Port.
    pub listener_port: i64,
    /// Idle timeout in seconds.
    pub udp_session_timeout: i64,
}

/// A page of [`Client::get_tcp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetBecAppBlbTcpListenerResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Listeners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub listener_list: Vec<AppBlbTcpListener>,
}

/// A page of [`Client::get_udp_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetBecAppBlbUdpListenerResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Listeners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub listener_list: Vec<AppBlbUdpListener>,
}

/// A port and protocol of a listener to delete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortTypeItem {
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i64,
    /// Protocol.
    #[serde(rename = "type", skip_serializing_if = "AppBlbProtocol::is_empty")]
    pub kind: AppBlbProtocol,
}

/// Body of [`Client::delete_app_blb_listener`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeleteAppBlbListenerRequest {
    /// Listeners to delete.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub port_type_list: Vec<PortTypeItem>,
}

fn listener_query(op: bce_core::Operation, q: &AppBlbListenerQuery) -> bce_core::Operation {
    marker_query(op, &q.marker, q.max_keys).query_opt(
        "listenerPort",
        (q.listener_port != 0).then_some(q.listener_port),
    )
}

impl Client {
    /// Adds a TCP listener (`POST /v2/appblb/{blbId}/TCPlistener`).
    pub async fn create_tcp_listener(
        &self,
        client_token: &str,
        blb_id: &str,
        args: &CreateAppBlbTcpListenerRequest,
    ) -> Result<(), Error> {
        let op = app_op("CreateTcpListener", Method::Post, client_token)
            .segment("blbId", blb_id)
            .path("/TCPlistener")
            .json(args);
        self.inner.send_no_content(op).await
    }

    /// Changes a TCP listener
    /// (`PUT /v2/appblb/{blbId}/TCPlistener?listenerPort=`).
    pub async fn update_tcp_listener(
        &self,
        client_token: &str,
        blb_id: &str,
        listener_port: &str,
        args: &UpdateAppBlbTcpListenerRequest,
    ) -> Result<(), Error> {
        let op = app_op("UpdateTcpListener", Method::Put, client_token)
            .segment("blbId", blb_id)
            .path("/TCPlistener")
            .require("listenerPort", listener_port)
            .query("listenerPort", listener_port)
            .json(args);
        self.inner.send_no_content(op).await
    }

    /// TCP listeners (`GET /v2/appblb/{blbId}/TCPlistener`).
    pub async fn get_tcp_listener(
        &self,
        blb_id: &str,
        args: &AppBlbListenerQuery,
    ) -> Result<GetBecAppBlbTcpListenerResponse, Error> {
        let op = Client::op("GetTcpListener", Method::Get, "/v2/appblb")
            .segment("blbId", blb_id)
            .path("/TCPlistener");
        self.call(listener_query(op, args)).await
    }

    /// All TCP listeners, page after page.
    pub fn get_tcp_listener_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: AppBlbListenerQuery,
    ) -> impl futures::Stream<Item = Result<AppBlbTcpListener, Error>> + 'a {
        bce_core::paginate::items(args.marker.clone(), move |marker| {
            let req = AppBlbListenerQuery {
                marker,
                ..args.clone()
            };
            async move {
                let answer = self.get_tcp_listener(blb_id, &req).await?;
                let next = answer.page.next();
                Ok(bce_core::paginate::Page::new(answer.listener_list, next))
            }
        })
    }

    /// Adds a UDP listener (`POST /v2/appblb/{blbId}/UDPlistener`).
    pub async fn create_udp_listener(
        &self,
        client_token: &str,
        blb_id: &str,
        args: &CreateAppBlbUdpListenerRequest,
    ) -> Result<(), Error> {
        let op = app_op("CreateUdpListener", Method::Post, client_token)
            .segment("blbId", blb_id)
            .path("/UDPlistener")
            .json(args);
        self.inner.send_no_content(op).await
    }

    /// Changes a UDP listener
    /// (`PUT /v2/appblb/{blbId}/UDPlistener?listenerPort=`).
    pub async fn update_udp_listener(
        &self,
        client_token: &str,
        blb_id: &str,
        listener_port: &str,
        args: &UpdateAppBlbUdpListenerRequest,
    ) -> Result<(), Error> {
        let op = app_op("UpdateUdpListener", Method::Put, client_token)
            .segment("blbId", blb_id)
            .path("/UDPlistener")
            .require("listenerPort", listener_port)
            .query("listenerPort", listener_port)
            .json(args);
        self.inner.send_no_content(op).await
    }

    /// UDP listeners (`GET /v2/appblb/{blbId}/UDPlistener`).
    pub async fn get_udp_listener(
        &self,
        blb_id: &str,
        args: &AppBlbListenerQuery,
    ) -> Result<GetBecAppBlbUdpListenerResponse, Error> {
        let op = Client::op("GetUdpListener", Method::Get, "/v2/appblb")
            .segment("blbId", blb_id)
            .path("/UDPlistener");
        self.call(listener_query(op, args)).await
    }

    /// All UDP listeners, page after page.
    pub fn get_udp_listener_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: AppBlbListenerQuery,
    ) -> impl futures::Stream<Item = Result<AppBlbUdpListener, Error>> + 'a {
        bce_core::paginate::items(args.marker.clone(), move |marker| {
            let req = AppBlbListenerQuery {
                marker,
                ..args.clone()
            };
            async move {
                let answer = self.get_udp_listener(blb_id, &req).await?;
                let next = answer.page.next();
                Ok(bce_core::paginate::Page::new(answer.listener_list, next))
            }
        })
    }

    /// Deletes listeners (`PUT /v2/appblb/{blbId}/listener?batchdelete`).
    pub async fn delete_app_blb_listener(
        &self,
        blb_id: &str,
        client_token: &str,
        args: &DeleteAppBlbListenerRequest,
    ) -> Result<(), Error> {
        let op = app_op("DeleteAppBlbListener", Method::Put, client_token)
            .segment("blbId", blb_id)
            .path("/listener")
            .query("batchdelete", "")
            .json(args);
        self.inner.send_no_content(op).await
    }
}
