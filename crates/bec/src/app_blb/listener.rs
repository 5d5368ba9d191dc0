//! TCP and UDP listeners of an app load balancer.

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{blb_op, blb_read, AppBlbProtocol, AppBlbScheduler, MarkerInfo};
use crate::body::omit_empty;
use crate::client::Client;
use crate::paging::marker_query;

omit_empty! {
    /// Body of [`Client::create_tcp_listener`].
    pub struct CreateAppBlbTcpListenerRequest {
        /// Port.
        pub listener_port: i64,
        /// Scheduling.
        pub scheduler: AppBlbScheduler,
        /// Idle timeout in seconds.
        pub tcp_session_timeout: i64,
    }
}

omit_empty! {
    /// Body of [`Client::update_tcp_listener`].
    pub struct UpdateAppBlbTcpListenerRequest {
        /// Scheduling.
        pub scheduler: AppBlbScheduler,
        /// Idle timeout in seconds.
        pub tcp_session_timeout: i64,
    }
}

omit_empty! {
    /// Body of [`Client::create_udp_listener`].
    pub struct CreateAppBlbUdpListenerRequest {
        /// Port.
        pub listener_port: i64,
        /// Scheduling.
        pub scheduler: AppBlbScheduler,
        /// Idle timeout in seconds.
        pub udp_session_timeout: i64,
    }
}

omit_empty! {
    /// Body of [`Client::update_udp_listener`].
    pub struct UpdateAppBlbUdpListenerRequest {
        /// Scheduling.
        pub scheduler: AppBlbScheduler,
        /// Idle timeout in seconds.
        pub udp_session_timeout: i64,
    }
}

/// Filter and paging of [`Client::get_tcp_listener`] and
/// [`Client::get_udp_listener`]; zero and empty values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppBlbListenerRequest {
    /// Only this port.
    pub listener_port: i64,
    /// Where to start.
    pub marker: String,
    /// Page size.
    pub max_keys: u32,
}

/// The official SDK's name of [`AppBlbListenerRequest`].
pub type AppBlbListenerQuery = AppBlbListenerRequest;

bce_core::marker_request!(AppBlbListenerRequest: marker);

/// A TCP listener.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
pub struct GetBecAppBlbUdpListenerResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Listeners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub listener_list: Vec<AppBlbUdpListener>,
}

crate::paging::marker_response!(
    GetBecAppBlbTcpListenerResponse => listener_list: AppBlbTcpListener,
    GetBecAppBlbUdpListenerResponse => listener_list: AppBlbUdpListener,
);

omit_empty! {
    /// A port and protocol of a listener to delete.
    pub struct PortTypeItem {
        /// Port.
        pub port: i64,
        /// Protocol.
        #[serde(rename = "type")]
        pub kind: AppBlbProtocol,
    }
}

omit_empty! {
    /// Body of [`Client::delete_app_blb_listener`].
    pub struct DeleteAppBlbListenerRequest {
        /// Listeners to delete.
        pub port_type_list: Vec<PortTypeItem>,
    }
}

fn listener_query(op: bce_core::Operation, q: &AppBlbListenerRequest) -> bce_core::Operation {
    marker_query(op, &q.marker, q.max_keys).query_opt(
        "listenerPort",
        (q.listener_port != 0).then_some(q.listener_port),
    )
}

/// The port of the listener a change is for (`listenerPort`, required).
fn for_port(op: bce_core::Operation, listener_port: &str) -> bce_core::Operation {
    op.require("listenerPort", listener_port)
        .query("listenerPort", listener_port)
}

const TCP: &str = "/TCPlistener";
const UDP: &str = "/UDPlistener";

impl Client {
    /// Adds a TCP listener (`POST /v2/appblb/{blbId}/TCPlistener`).
    pub async fn create_tcp_listener(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateAppBlbTcpListenerRequest,
    ) -> Result<(), Error> {
        let op = blb_op("CreateTcpListener", Method::Post, client_token, blb_id, TCP);
        self.call_no_content(op.json(args)).await
    }

    /// Changes a TCP listener
    /// (`PUT /v2/appblb/{blbId}/TCPlistener?listenerPort=`).
    pub async fn update_tcp_listener(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        listener_port: &str,
        args: &UpdateAppBlbTcpListenerRequest,
    ) -> Result<(), Error> {
        let op = blb_op("UpdateTcpListener", Method::Put, client_token, blb_id, TCP);
        self.call_no_content(for_port(op, listener_port).json(args))
            .await
    }

    /// TCP listeners (`GET /v2/appblb/{blbId}/TCPlistener`).
    pub async fn get_tcp_listener(
        &self,
        blb_id: &str,
        args: &AppBlbListenerRequest,
    ) -> Result<GetBecAppBlbTcpListenerResponse, Error> {
        let op = blb_read("GetTcpListener", blb_id, TCP);
        self.call(listener_query(op, args)).await
    }

    /// All TCP listeners, page after page.
    pub fn get_tcp_listener_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: AppBlbListenerRequest,
    ) -> impl futures::Stream<Item = Result<AppBlbTcpListener, Error>> + 'a {
        marker_stream(args, move |r| async move {
            self.get_tcp_listener(blb_id, &r).await
        })
    }

    /// Adds a UDP listener (`POST /v2/appblb/{blbId}/UDPlistener`).
    pub async fn create_udp_listener(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateAppBlbUdpListenerRequest,
    ) -> Result<(), Error> {
        let op = blb_op("CreateUdpListener", Method::Post, client_token, blb_id, UDP);
        self.call_no_content(op.json(args)).await
    }

    /// Changes a UDP listener
    /// (`PUT /v2/appblb/{blbId}/UDPlistener?listenerPort=`).
    pub async fn update_udp_listener(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        listener_port: &str,
        args: &UpdateAppBlbUdpListenerRequest,
    ) -> Result<(), Error> {
        let op = blb_op("UpdateUdpListener", Method::Put, client_token, blb_id, UDP);
        self.call_no_content(for_port(op, listener_port).json(args))
            .await
    }

    /// UDP listeners (`GET /v2/appblb/{blbId}/UDPlistener`).
    pub async fn get_udp_listener(
        &self,
        blb_id: &str,
        args: &AppBlbListenerRequest,
    ) -> Result<GetBecAppBlbUdpListenerResponse, Error> {
        let op = blb_read("GetUdpListener", blb_id, UDP);
        self.call(listener_query(op, args)).await
    }

    /// All UDP listeners, page after page.
    pub fn get_udp_listener_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: AppBlbListenerRequest,
    ) -> impl futures::Stream<Item = Result<AppBlbUdpListener, Error>> + 'a {
        marker_stream(args, move |r| async move {
            self.get_udp_listener(blb_id, &r).await
        })
    }

    /// Deletes listeners (`PUT /v2/appblb/{blbId}/listener?batchdelete`).
    pub async fn delete_app_blb_listener(
        &self,
        blb_id: &str,
        client_token: Option<&str>,
        args: &DeleteAppBlbListenerRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "DeleteAppBlbListener",
            Method::Put,
            client_token,
            blb_id,
            "/listener",
        )
        .query("batchdelete", "")
        .json(args);
        self.call_no_content(op).await
    }
}
