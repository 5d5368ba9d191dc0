//! IP groups of an app load balancer: the groups, their backend
//! (health check) policies and their members.

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{blb_op, blb_read, AppBlbProtocol, MarkerInfo};
use crate::body::omit_empty;
use crate::client::Client;
use crate::paging::marker_query;

omit_empty! {
    /// A member to add: address, port, weight.
    pub struct IpGroupMemberSpec {
        /// Address.
        pub ip: String,
        /// Port.
        pub port: i64,
        /// Weight.
        pub weight: i64,
    }
}

omit_empty! {
    /// A member change: id, port, weight.
    pub struct IpGroupMemberUpdate {
        /// Member id.
        pub member_id: String,
        /// Port.
        pub port: i64,
        /// Weight.
        pub weight: i64,
    }
}

/// A member as reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct IpGroupMember {
    /// Member id.
    pub member_id: String,
    /// Address.
    pub ip: String,
    /// Port.
    pub port: i64,
    /// Weight.
    pub weight: i64,
}

omit_empty! {
    /// Body of [`Client::create_ip_group`].
    pub struct CreateBlbIpGroupRequest {
        /// Description.
        pub desc: String,
        /// Name.
        pub name: String,
        /// Members.
        pub member_list: Vec<IpGroupMemberSpec>,
    }
}

omit_empty! {
    /// Body of [`Client::update_ip_group`].
    pub struct UpdateBlbIpGroupRequest {
        /// Description.
        pub desc: String,
        /// Name.
        pub name: String,
        /// IP group id.
        pub ip_group_id: String,
    }
}

omit_empty! {
    /// Body of [`Client::delete_ip_group`].
    pub struct DeleteBlbIpGroupRequest {
        /// IP group id.
        pub ip_group_id: String,
    }
}

/// Filter and paging of [`Client::get_ip_group`]; `exactlyMatch` is
/// always sent, the others when set. The marker goes out as `marker`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetBlbIpGroupListRequest {
    /// Name filter.
    pub name: String,
    /// Match the name exactly.
    pub exactly_match: bool,
    /// Where to start.
    pub marker: String,
    /// Page size.
    pub max_keys: u32,
}

/// Answer of [`Client::create_ip_group`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateBlbIpGroupResponse {
    /// Description.
    pub desc: String,
    /// Name.
    pub name: String,
    /// The new group's id.
    pub id: String,
}

/// A backend (health check) policy of an IP group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BackendPolicy {
    /// Probe protocol.
    pub health_check: String,
    /// How the backends are probed.
    #[serde(flatten)]
    pub probe: IpGroupProbe,
    /// Policy id.
    pub id: String,
    /// Backend protocol.
    #[serde(rename = "type")]
    pub kind: String,
    /// UDP probe payload.
    pub udp_health_check_string: String,
}

/// An IP group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppIpGroup {
    /// Backend policies.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub backend_policy_list: Vec<BackendPolicy>,
    /// Id.
    pub id: String,
    /// Description.
    pub desc: String,
    /// Name.
    pub name: String,
}

/// A page of [`Client::get_ip_group`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetBlbIpGroupListResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Groups.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub app_ip_group_list: Vec<AppIpGroup>,
}

omit_empty! {
    /// How the backends of an IP group are probed: the settings of a
    /// backend policy as created, changed and reported (fields of the
    /// policy itself on the wire; empty ones are not sent).
    pub struct IpGroupProbe {
        /// Host header of HTTP probes.
        pub health_check_host: String,
        /// Healthy HTTP statuses, e.g. `http_2xx|http_3xx`.
        pub health_check_normal_status: String,
        /// Probe path.
        pub health_check_url_path: String,
        /// Failures before down.
        pub health_check_down_retry: i64,
        /// Interval in seconds.
        pub health_check_interval_in_second: i64,
        /// Probe port.
        pub health_check_port: i64,
        /// Timeout in seconds.
        pub health_check_timeout_in_second: i64,
        /// Successes before up.
        pub health_check_up_retry: i64,
    }
}

omit_empty! {
    /// Body of [`Client::create_ip_group_policy`]. Empty fields are left out.
    pub struct CreateBlbIpGroupBackendPolicyRequest {
        /// Probe protocol, e.g. `HTTP`.
        pub health_check: String,
        /// How the backends are probed.
        #[serde(flatten)]
        always pub probe: IpGroupProbe,
        /// IP group id.
        pub ip_group_id: String,
        /// Backend protocol.
        #[serde(rename = "type")]
        pub kind: AppBlbProtocol,
        /// UDP probe payload.
        pub udp_health_check_string: String,
    }
}

omit_empty! {
    /// Body of [`Client::update_ip_group_policy`]. Empty fields are left out.
    pub struct UpdateBlbIpGroupBackendPolicyRequest {
        /// How the backends are probed.
        #[serde(flatten)]
        always pub probe: IpGroupProbe,
        /// IP group id.
        pub ip_group_id: String,
        /// Policy id.
        pub id: String,
        /// UDP probe payload.
        pub udp_health_check_string: String,
    }
}

/// Filter and paging of [`Client::get_ip_group_policy_list`] and
/// [`Client::get_ip_group_member_list`]. The marker goes out as `marker`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IpGroupListRequest {
    /// IP group id.
    pub ip_group_id: String,
    /// Where to start.
    pub marker: String,
    /// Page size.
    pub max_keys: u32,
}

/// The official SDK's name of [`IpGroupListRequest`].
pub type IpGroupListQuery = IpGroupListRequest;

bce_core::marker_request!(GetBlbIpGroupListRequest: marker; IpGroupListRequest: marker);

omit_empty! {
    /// Body of [`Client::delete_ip_group_policy`].
    pub struct DeleteBlbIpGroupBackendPolicyRequest {
        /// IP group id.
        pub ip_group_id: String,
        /// Policies to delete.
        pub backend_policy_id_list: Vec<String>,
    }
}

/// Answer of [`Client::create_ip_group_policy`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateBlbIpGroupBackendPolicyResponse {
    /// The new policy's id.
    pub id: String,
}

/// A page of [`Client::get_ip_group_policy_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetBlbIpGroupPolicyListResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Policies.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub backend_policy_list: Vec<BackendPolicy>,
}

omit_empty! {
    /// Body of [`Client::create_ip_group_member`].
    pub struct CreateBlbIpGroupMemberRequest {
        /// IP group id.
        pub ip_group_id: String,
        /// Members.
        pub member_list: Vec<IpGroupMemberSpec>,
    }
}

omit_empty! {
    /// Body of [`Client::update_ip_group_member`].
    pub struct UpdateBlbIpGroupMemberRequest {
        /// IP group id.
        pub ip_group_id: String,
        /// Member changes.
        pub member_list: Vec<IpGroupMemberUpdate>,
    }
}

omit_empty! {
    /// Body of [`Client::delete_ip_group_member`].
    pub struct DeleteBlbIpGroupMemberRequest {
        /// IP group id.
        pub ip_group_id: String,
        /// Members to delete.
        pub member_id_list: Vec<String>,
    }
}

/// Answer of [`Client::create_ip_group_member`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateBlbIpGroupMemberResponse {
    /// The new members.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub member_list: Vec<IpGroupMember>,
}

/// A page of [`Client::get_ip_group_member_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetBlbIpGroupMemberListResponse {
    /// Paging.
    #[serde(flatten)]
    pub page: MarkerInfo,
    /// Members.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub member_list: Vec<IpGroupMember>,
}

crate::paging::marker_response!(
    GetBlbIpGroupListResponse => app_ip_group_list: AppIpGroup,
    GetBlbIpGroupPolicyListResponse => backend_policy_list: BackendPolicy,
    GetBlbIpGroupMemberListResponse => member_list: IpGroupMember,
);

impl Client {
    /// Creates an IP group (`POST /v2/appblb/{blbId}/ipgroup`).
    pub async fn create_ip_group(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateBlbIpGroupRequest,
    ) -> Result<CreateBlbIpGroupResponse, Error> {
        let op = blb_op(
            "CreateIpGroup",
            Method::Post,
            client_token,
            blb_id,
            "/ipgroup",
        )
        .json(args);
        self.call(op).await
    }

    /// Renames or redescribes an IP group (`PUT /v2/appblb/{blbId}/ipgroup`).
    pub async fn update_ip_group(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &UpdateBlbIpGroupRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "UpdateIpGroup",
            Method::Put,
            client_token,
            blb_id,
            "/ipgroup",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// IP groups (`GET /v2/appblb/{blbId}/ipgroup`).
    pub async fn get_ip_group(
        &self,
        blb_id: &str,
        args: &GetBlbIpGroupListRequest,
    ) -> Result<GetBlbIpGroupListResponse, Error> {
        let op = blb_read("GetIpGroup", blb_id, "/ipgroup")
            .query_if_not_empty("name", &args.name)
            .query("exactlyMatch", args.exactly_match);
        self.call(marker_query(op, &args.marker, args.max_keys))
            .await
    }

    /// All IP groups, page after page.
    pub fn get_ip_group_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: GetBlbIpGroupListRequest,
    ) -> impl futures::Stream<Item = Result<AppIpGroup, Error>> + 'a {
        marker_stream(
            args,
            move |r| async move { self.get_ip_group(blb_id, &r).await },
        )
    }

    /// Deletes an IP group (`PUT /v2/appblb/{blbId}/ipgroup?delete`).
    pub async fn delete_ip_group(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &DeleteBlbIpGroupRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "DeleteIpGroup",
            Method::Put,
            client_token,
            blb_id,
            "/ipgroup",
        )
        .query("delete", "")
        .json(args);
        self.call_no_content(op).await
    }

    /// Adds a backend policy
    /// (`POST /v2/appblb/{blbId}/ipgroup/backendpolicy`).
    pub async fn create_ip_group_policy(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateBlbIpGroupBackendPolicyRequest,
    ) -> Result<CreateBlbIpGroupBackendPolicyResponse, Error> {
        let op = blb_op(
            "CreateIpGroupPolicy",
            Method::Post,
            client_token,
            blb_id,
            "/ipgroup/backendpolicy",
        )
        .json(args);
        self.call(op).await
    }

    /// Changes a backend policy
    /// (`PUT /v2/appblb/{blbId}/ipgroup/backendpolicy`).
    pub async fn update_ip_group_policy(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &UpdateBlbIpGroupBackendPolicyRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "UpdateIpGroupPolicy",
            Method::Put,
            client_token,
            blb_id,
            "/ipgroup/backendpolicy",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Backend policies of an IP group
    /// (`GET /v2/appblb/{blbId}/ipgroup/backendpolicy`).
    pub async fn get_ip_group_policy_list(
        &self,
        blb_id: &str,
        args: &IpGroupListRequest,
    ) -> Result<GetBlbIpGroupPolicyListResponse, Error> {
        let op = blb_read("GetIpGroupPolicyList", blb_id, "/ipgroup/backendpolicy")
            .query_if_not_empty("ipGroupId", &args.ip_group_id);
        self.call(marker_query(op, &args.marker, args.max_keys))
            .await
    }

    /// All backend policies of an IP group, page after page.
    pub fn get_ip_group_policy_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: IpGroupListRequest,
    ) -> impl futures::Stream<Item = Result<BackendPolicy, Error>> + 'a {
        marker_stream(args, move |r| async move {
            self.get_ip_group_policy_list(blb_id, &r).await
        })
    }

    /// Deletes backend policies (`DELETE /v2/appblb/{blbId}/ipgroup/backendpolicy`
    /// with a JSON body).
    pub async fn delete_ip_group_policy(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &DeleteBlbIpGroupBackendPolicyRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "DeleteIpGroupPolicy",
            Method::Delete,
            client_token,
            blb_id,
            "/ipgroup/backendpolicy",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Adds members (`POST /v2/appblb/{blbId}/ipgroup/member`).
    pub async fn create_ip_group_member(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &CreateBlbIpGroupMemberRequest,
    ) -> Result<CreateBlbIpGroupMemberResponse, Error> {
        let op = blb_op(
            "CreateIpGroupMember",
            Method::Post,
            client_token,
            blb_id,
            "/ipgroup/member",
        )
        .json(args);
        self.call(op).await
    }

    /// Changes members (`PUT /v2/appblb/{blbId}/ipgroup/member`).
    pub async fn update_ip_group_member(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &UpdateBlbIpGroupMemberRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "UpdateIpGroupMember",
            Method::Put,
            client_token,
            blb_id,
            "/ipgroup/member",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Members of an IP group (`GET /v2/appblb/{blbId}/ipgroup/member`).
    pub async fn get_ip_group_member_list(
        &self,
        blb_id: &str,
        args: &IpGroupListRequest,
    ) -> Result<GetBlbIpGroupMemberListResponse, Error> {
        let op = blb_read("GetIpGroupMemberList", blb_id, "/ipgroup/member")
            .query_if_not_empty("ipGroupId", &args.ip_group_id);
        self.call(marker_query(op, &args.marker, args.max_keys))
            .await
    }

    /// All members of an IP group, page after page.
    pub fn get_ip_group_member_list_stream<'a>(
        &'a self,
        blb_id: &'a str,
        args: IpGroupListRequest,
    ) -> impl futures::Stream<Item = Result<IpGroupMember, Error>> + 'a {
        marker_stream(args, move |r| async move {
            self.get_ip_group_member_list(blb_id, &r).await
        })
    }

    /// Deletes members (`PUT /v2/appblb/{blbId}/ipgroup/member?delete`).
    pub async fn delete_ip_group_member(
        &self,
        client_token: Option<&str>,
        blb_id: &str,
        args: &DeleteBlbIpGroupMemberRequest,
    ) -> Result<(), Error> {
        let op = blb_op(
            "DeleteIpGroupMember",
            Method::Put,
            client_token,
            blb_id,
            "/ipgroup/member",
        )
        .query("delete", "")
        .json(args);
        self.call_no_content(op).await
    }
}
