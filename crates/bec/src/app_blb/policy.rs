//! Listener policies: which IP group serves a listener.

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{blb_op, blb_read, AppBlbProtocol, MarkerInfo};
use crate::body::omit_empty;
use crate::client::Client;
use crate::paging::marker_query;

omit_empty! {
    /// One policy of [`CreateListenerPolicyRequest`].
    pub struct AppPolicyVo {
        /// IP group id.
        pub app_ip_group_id: String,
        /// Description.
        pub desc: String,
        /// Priority (lower first).
        pub priority: i64,
    }
}

omit_empty! {
    /// Body of [`Client::create_listener_policy`].
    pub struct CreateListenerPolicyRequest {
        /// Listener port.
        pub listener_port: i64,
        /// Listener protocol.
        #[serde(rename = "type")]
        pub kind: AppBlbProtocol,
        /// Policies.
        pub app_policy_vos: Vec<AppPolicyVo>,
    }
}

/// Filter and paging of [`Client::get_listener_policy`]; zero and empty
/// values are not sent. The marker goes out as `marker`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetListenerPolicyRequest {
    /// Listener port.
    pub port: i64,
    /// Listener protocol.
    #[serde(rename = "type")]
    pub kind: AppBlbProtocol,
    /// Where to start.
    pub marker: String,
    /// Page size.
    pub max_keys: u32,
}

bce_core::marker_request!(GetListenerPolicyRequest: marker);

omit_empty! {
    /// Body of [`Client::delete_listener_policy`].
    pub struct DeleteListenerPolicyRequest {
        /// Listener protocol.
        #[serde(rename = "type")]
        pub kind: AppBlbProtocol,
        /// Listener port.
        pub port: i64,
        /// Policies to delete.
        pub policy_id_list: Vec<String>,
    }
}

/// A rule of a listener policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ListenerPolicyRule {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// A listener policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BlbListenerPolicy {
    /// IP group id.
    pub app_ip_group_id: String,
    /// IP group name.
    pub app_ip_group_name: String,
    /// Description.
    pub desc: String,
    /// Protocol.
    #[serde(rename = "type")]
    pub kind: String,
    /// Policy id.
    pub id: String,
    /// Listener port.
    pub frontend_port: i64,
    /// Priority.
    pub priority: i64,
    /// Rules.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub rule_list: Vec<ListenerPolicyRule>,
}

/// A page of [`Client::get_listener_policy`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetBlbListenerPolicyResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Policies.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub policy_list: Vec<BlbListenerPolicy>,
}

crate::paging::marker_response!(
    GetBlbListenerPolicyResponse => policy_list: BlbListenerPolicy,
);

impl Client {
    /// Attaches IP groups to a listener (`POST /v2/appblb/{blbId}/policys`).
    pub async fn create_listener_policy(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateListenerPolicyRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "CreateListenerPolicy",
            Method::Post,
            client_token,
            blb_id,
            "/policys",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Policies of a listener (`GET /v2/appblb/{blbId}/policys`).
    pub async fn get_listener_policy(
        &self,
        blb_id: &str,
        args: &GetListenerPolicyRequest,
    ) -> Result<GetBlbListenerPolicyResponse, Error> {
        let op = blb_read("GetListenerPolicy", blb_id, "/policys")
            .query_if_not_empty("type", args.kind.as_str())
            .query_opt("port", (args.port != 0).then_some(args.port));
        self.call(marker_query(op, &args.marker, args.max_keys))
            .await
    }

    /// All policies of a listener, page after page.
    pub fn get_listener_policy_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: GetListenerPolicyRequest,
    ) -> impl futures::Stream<Item = Result<BlbListenerPolicy, Error>> + 'a {
        marker_stream(args, move |r| async move {
            self.get_listener_policy(blb_id, &r).await
        })
    }

    /// Deletes listener policies
    /// (`PUT /v2/appblb/{blbId}/policys?batchdelete`).
    pub async fn delete_listener_policy(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &DeleteListenerPolicyRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "DeleteListenerPolicy",
            Method::Put,
            client_token,
            blb_id,
            "/policys",
        )
        .query("batchdelete", "")
        .json(args);
        self.call_no_content(op).await
    }
}
