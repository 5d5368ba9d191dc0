//! App load balancers (v2, `/v2/appblb`): instances, TCP/UDP listeners,
//! IP groups with backend policies and members, listener policies.
//!
//! Calls that change something take a client token (an idempotency key,
//! sent as `clientToken`): `None` lets the SDK generate one (a UUID v4,
//! the same on every retry of the call), `Some(token)` sends yours (reuse
//! it to make a call idempotent across restarts of your program), and
//! `Some("")` sends none, as the official SDK does for an empty string. A
//! call with a token may be retried after a network fault; one without is
//! never repeated once sent. Lists page by marker.

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method, Operation};
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::{with_client_token, Client};
use crate::common::ResourceStatus;
use crate::paging::marker_query;

mod ip_group;
mod listener;
mod policy;

pub use ip_group::*;
pub use listener::*;
pub use policy::*;

bce_core::string_enum! {
    /// How an app load balancer listener picks a backend.
    pub enum AppBlbScheduler {
        /// In turn.
        RoundRobin = "RoundRobin",
        /// Fewest connections.
        LeastConnection = "LeastConnection",
        /// By source address hash.
        Hash = "Hash",
    }
}

/// Listener or policy protocol of an app load balancer: the same values as
/// the v1 load balancers' [`Protocol`](crate::blb::Protocol).
pub type AppBlbProtocol = crate::blb::Protocol;

/// Paging fields of every marker-paged answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct MarkerInfo {
    /// More results follow.
    pub is_truncated: bool,
    /// Marker of the next page.
    pub next_marker: String,
    /// Marker of this page.
    pub marker: String,
    /// Page size.
    pub max_keys: i64,
}

impl MarkerInfo {
    /// The marker to ask for next, or `None` on the last page.
    pub fn next(&self) -> Option<String> {
        bce_core::paginate::next_marker(self.is_truncated, Some(self.next_marker.clone()))
    }
}

/// Marker paging of [`Client::get_app_blb_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MarkerRequest {
    /// Where to start (empty: the beginning).
    pub marker: String,
    /// Page size (0: the service's default).
    pub max_keys: u32,
}

bce_core::marker_request!(MarkerRequest: marker);

omit_empty! {
    /// Body of [`Client::create_app_blb`]. Empty fields are left out.
    pub struct CreateAppBlbRequest {
        /// Description.
        pub desc: String,
        /// Name.
        pub name: String,
        /// Node id, e.g. `cn-hangzhou-cm`.
        pub region_id: String,
        /// Providers of a multi-line node.
        pub sub_service_providers: Vec<String>,
        /// Public address.
        pub need_public_ip: bool,
        /// Subnet id.
        pub subnet_id: String,
        /// VPC id.
        pub vpc_id: String,
    }
}

omit_empty! {
    /// Body of [`Client::update_app_blb`].
    pub struct UpdateAppBlbRequest {
        /// Description.
        pub desc: String,
        /// Name.
        pub name: String,
    }
}

/// Answer of [`Client::create_app_blb`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateAppBlbResponse {
    /// Description.
    pub desc: String,
    /// Name.
    pub name: String,
    /// The new balancer's id.
    pub blb_id: String,
}

/// A listener summary of an app load balancer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppBlbListenerBrief {
    /// Port (text on the wire).
    pub port: String,
    /// Protocol.
    #[serde(rename = "type")]
    pub kind: String,
}

/// An app load balancer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppBlbDetails {
    /// Internal address.
    pub address: String,
    /// Id.
    pub blb_id: String,
    /// VPC range.
    pub cidr: String,
    /// Created.
    pub create_time: String,
    /// Description.
    pub desc: String,
    /// Listeners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub listener: Vec<AppBlbListenerBrief>,
    /// Name.
    pub name: String,
    /// Public address.
    pub public_ip: String,
    /// Node id.
    pub region_id: String,
    /// Status, e.g. `RUNNING`, `CREATING`.
    pub status: ResourceStatus,
    /// Subnet range.
    pub subnet_cidr: String,
    /// Subnet id.
    pub subnet_id: String,
    /// VPC id.
    pub vpc_id: String,
    /// Subnet name.
    pub subnet_name: String,
    /// VPC name.
    pub vpc_name: String,
}

/// A page of [`Client::get_app_blb_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppBlbListResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// The balancers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub blb_list: Vec<AppBlbDetails>,
}

crate::paging::marker_response!(AppBlbListResponse => blb_list: AppBlbDetails);

/// An app load balancer operation that changes something, with its client
/// token (see the module documentation).
pub(crate) fn app_op(name: &'static str, method: Method, client_token: Option<&str>) -> Operation {
    with_client_token(Client::op(name, method, "/v2/appblb"), client_token)
}

/// A change of a part of one balancer: `/v2/appblb/{blbId}{tail}` with the
/// client token.
pub(crate) fn blb_op(
    name: &'static str,
    method: Method,
    client_token: Option<&str>,
    blb_id: &str,
    tail: &str,
) -> Operation {
    app_op(name, method, client_token)
        .segment("blbId", blb_id)
        .path(tail)
}

/// A read of a part of one balancer: `GET /v2/appblb/{blbId}{tail}`.
pub(crate) fn blb_read(name: &'static str, blb_id: &str, tail: &str) -> Operation {
    Client::op(name, Method::Get, "/v2/appblb")
        .segment("blbId", blb_id)
        .path(tail)
}

impl Client {
    /// Creates an app load balancer (`POST /v2/appblb`).
    pub async fn create_app_blb(
        &self,
        client_token: Option<&str>,
        args: &CreateAppBlbRequest,
    ) -> Result<CreateAppBlbResponse, Error> {
        self.call(app_op("CreateAppBlb", Method::Post, client_token).json(args))
            .await
    }

    /// Renames or redescribes an app load balancer (`PUT /v2/appblb/{blbId}`).
    pub async fn update_app_blb(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &UpdateAppBlbRequest,
    ) -> Result<(), Error> {
        let op = app_op("UpdateAppBlb", Method::Put, client_token)
            .segment("blbId", blb_id)
            .json(args);
        self.call_no_content(op).await
    }

    /// Lists app load balancers (`GET /v2/appblb`).
    pub async fn get_app_blb_list(
        &self,
        args: &MarkerRequest,
    ) -> Result<AppBlbListResponse, Error> {
        let op = marker_query(
            Client::op("GetAppBlbList", Method::Get, "/v2/appblb"),
            &args.marker,
            args.max_keys,
        );
        self.call(op).await
    }

    /// All app load balancers, page after page.
    pub fn get_app_blb_list_stream(
        &self,
        args: MarkerRequest,
    ) -> impl futures::Stream<Item = Result<AppBlbDetails, Error>> + '_ {
        marker_stream(
            args,
            move |r| async move { self.get_app_blb_list(&r).await },
        )
    }

    /// One app load balancer (`GET /v2/appblb/{blbId}`).
    pub async fn get_app_blb_details(&self, blb_id: &str) -> Result<AppBlbDetails, Error> {
        self.call(
            Client::op("GetAppBlbDetails", Method::Get, "/v2/appblb").segment("blbId", blb_id),
        )
        .await
    }

    /// Deletes an app load balancer (`DELETE /v2/appblb/{blbId}`).
    pub async fn delete_app_blb_instance(
        &self,
        blb_id: &str,
        client_token: Option<&str>,
    ) -> Result<(), Error> {
        let op =
            app_op("DeleteAppBlbInstance", Method::Delete, client_token).segment("blbId", blb_id);
        self.call_no_content(op).await
    }
}
