//! Apps: create, list, stats, details, update, scale, public access,
//! change records, delete.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, DeployResponse};
use crate::model::CreateAppRequest;
use crate::paging::{page_query, size_or_default};

/// Extra query values of create/list (`source`, and `authToken` for create).
/// A value that is `Some("")` is sent as a bare name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExtraInfo {
    /// Caller source, e.g. `console`.
    pub source: Option<String>,
    /// Auth token (create only; masked in `Debug`).
    pub auth_token: Option<Secret>,
}

/// Names one app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppIdRequest {
    /// App id.
    pub app_id: String,
}

/// The official SDK's name of [`AppIdRequest`].
pub type AppIdArgs = AppIdRequest;

impl AppIdRequest {
    /// Names the app `id`.
    pub fn new(id: impl Into<String>) -> Self {
        AppIdRequest { app_id: id.into() }
    }
}

/// Filter and paging of [`Client::list_app`]; zero and empty values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListAppRequest {
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
    /// Sort field, e.g. `ctime`.
    pub order_by: String,
    /// Sort order.
    pub order: String,
    /// Search text.
    pub keyword: String,
}

/// The official SDK's name of [`ListAppRequest`].
pub type ListAppArgs = ListAppRequest;

/// Apps of [`Client::list_app_stats`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListAppStatsRequest {
    /// App ids (none: all apps). An id must not contain `#`, which joins them.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub app_ids: Vec<String>,
}

/// The official SDK's name of [`ListAppStatsRequest`].
pub type ListAppStatsArgs = ListAppStatsRequest;

/// Arguments of [`Client::update_app`]: the id and a change note travel in
/// the query, the configuration is the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateAppRequest {
    /// App id.
    pub app_id: String,
    /// The new configuration (required).
    pub app_conf: Option<CreateAppRequest>,
    /// A note on the change.
    pub short_desc: String,
}

/// The official SDK's name of [`UpdateAppRequest`].
pub type UpdateAppArgs = UpdateAppRequest;

/// Arguments of [`Client::scale_app`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScaleAppRequest {
    /// App id.
    pub app_id: String,
    /// Wanted instances (always sent, also 0).
    pub ins_count: i32,
}

/// The official SDK's name of [`ScaleAppRequest`].
pub type ScaleAppArgs = ScaleAppRequest;

/// Arguments of [`Client::pub_access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PubAccessRequest {
    /// App id.
    pub app_id: String,
    /// Turn public access on or off (always sent).
    pub public_access: bool,
    /// Elastic IP to use.
    pub eip: String,
}

/// The official SDK's name of [`PubAccessRequest`].
pub type PubAccessArgs = PubAccessRequest;

/// Filter and paging of [`Client::list_change`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListChangeRequest {
    /// App id.
    pub app_id: String,
    /// Change type (0: all).
    pub change_type: i32,
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
    /// Sort field.
    pub order_by: String,
    /// Sort order.
    pub order: String,
}

/// The official SDK's name of [`ListChangeRequest`].
pub type ListChangeArgs = ListChangeRequest;

/// Names one change record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChangeDetailRequest {
    /// Change id.
    pub change_id: String,
}

/// The official SDK's name of [`ChangeDetailRequest`].
pub type ChangeDetailArgs = ChangeDetailRequest;

/// An id answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppIdData {
    /// App id.
    pub app_id: String,
}

/// An app in a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppBriefInfo {
    /// App id.
    pub app_id: String,
    /// Name.
    pub app_name: String,
    /// Pool id.
    pub res_pool_id: String,
    /// Pool name.
    pub res_pool_name: String,
    /// Queue.
    pub res_queue: String,
    /// Region.
    pub region: String,
    /// Public access on.
    pub public_access: bool,
    /// Creator.
    pub creator: String,
    /// Created (Unix seconds).
    pub ctime: i64,
    /// Modified (Unix seconds).
    pub mtime: i64,
}

/// A page of apps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AppList {
    /// Apps.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub list: Vec<AppBriefInfo>,
    /// Total count.
    pub count: i64,
}

/// The state code of an app's stats, a number on the wire. Neither the
/// contract, the official SDK nor the public API reference says what the
/// numbers mean, so no value has a name; use
/// [`AppBriefStat::all_ready`] (or [`crate::Client::wait_for_app_ready`]) to
/// tell a serving app. Every value decodes and encodes unchanged.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct AppStatusCode(pub i32);

impl From<i32> for AppStatusCode {
    fn from(value: i32) -> Self {
        AppStatusCode(value)
    }
}

impl std::fmt::Display for AppStatusCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Instance counts of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppBriefStat {
    /// State code (see [`AppStatusCode`]).
    pub status: AppStatusCode,
    /// Ready instances.
    pub available_ins: i32,
    /// All instances.
    pub total_ins: i32,
}

impl AppBriefStat {
    /// Whether every instance is ready (and there is at least one).
    pub fn all_ready(&self) -> bool {
        self.total_ins > 0 && self.available_ins >= self.total_ins
    }
}

/// Stats per app id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AppStats {
    /// App id → stats.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub apps: BTreeMap<String, AppBriefStat>,
}

/// Access addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AccessIps {
    /// Internal address.
    pub internal: String,
    /// External address.
    pub external: String,
}

/// An exposed port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AccessPort {
    /// Name.
    pub name: String,
    /// Port in the container.
    pub container_port: i32,
    /// Port of the service.
    pub service_port: i32,
}

/// Where an app can be reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppStatus {
    /// Addresses.
    #[serde(rename = "accessIPs", alias = "accessIps")]
    pub access_ips: Option<AccessIps>,
    /// Ports.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub access_ports: Vec<AccessPort>,
    /// Load balancer short id.
    pub blb_short_id: String,
}

/// Details of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct AppDetails {
    /// Configuration.
    pub app: CreateAppRequest,
    /// Access status.
    pub status: AppStatus,
    /// Creator.
    pub creator: String,
    /// Created (Unix seconds).
    pub ctime: i64,
    /// Modified (Unix seconds).
    pub mtime: i64,
}

/// A change record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AppChangeRecord {
    /// Change id.
    pub change_id: String,
    /// Previous configuration.
    pub prev: String,
    /// Change type.
    pub change_type: i32,
    /// Note.
    pub short_desc: String,
    /// Who changed it.
    pub creator: String,
    /// When (Unix seconds).
    pub ctime: i64,
}

/// A page of change records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ChangeList {
    /// Total count.
    pub count: i64,
    /// Records.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub list: Vec<AppChangeRecord>,
}

/// Business answer without payload.
pub type EmptyResponse = DeployResponse<serde_json::Value>;

fn put_extra(op: bce_core::Operation, name: &str, value: Option<&str>) -> bce_core::Operation {
    match value {
        Some(v) => op.query(name, v),
        None => op,
    }
}

impl Client {
    /// Creates an app (`POST /api/v1/aihcpom/app/create`).
    pub async fn create_app(
        &self,
        args: &CreateAppRequest,
        extra: &ExtraInfo,
    ) -> Result<DeployResponse<AppIdData>, Error> {
        let op = Client::op("CreateApp", Method::Post, "/api/v1/aihcpom/app/create")
            .require("appName", &args.app_name);
        let op = put_extra(op, "source", extra.source.as_deref());
        let token = extra.auth_token.as_ref().map(Secret::expose);
        let op = put_extra(op, "authToken", token).json(args);
        self.call(op).await
    }

    /// Lists apps (`GET /api/v1/aihcpom/app/list`).
    pub async fn list_app(
        &self,
        args: &ListAppRequest,
        extra: &ExtraInfo,
    ) -> Result<DeployResponse<AppList>, Error> {
        let op = Client::op("ListApp", Method::Get, "/api/v1/aihcpom/app/list");
        let op = page_query(
            put_extra(op, "source", extra.source.as_deref()),
            args.page_no,
            args.page_size,
        )
        .query_if_not_empty("orderBy", &args.order_by)
        .query_if_not_empty("order", &args.order)
        .query_if_not_empty("keyword", &args.keyword);
        self.call(op).await
    }

    /// All apps, page after page (20 per page unless set).
    pub fn list_app_stream(
        &self,
        args: ListAppRequest,
        extra: ExtraInfo,
    ) -> impl Stream<Item = Result<AppBriefInfo, Error>> + '_ {
        let first = ListAppRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| {
            let extra = extra.clone();
            async move { self.list_app(&r, &extra).await }
        })
    }

    /// Instance counts of apps (`GET /api/v1/aihcpom/app/stats`).
    pub async fn list_app_stats(
        &self,
        args: &ListAppStatsRequest,
    ) -> Result<DeployResponse<AppStats>, Error> {
        let op = Client::op("ListAppStats", Method::Get, "/api/v1/aihcpom/app/stats")
            .check(
                !args
                    .app_ids
                    .iter()
                    .any(|id| id.is_empty() || id.contains('#')),
                "appIds",
                "ids must be non-empty and must not contain '#'",
            )
            .query_opt(
                "appIds",
                (!args.app_ids.is_empty()).then(|| args.app_ids.join("#")),
            );
        self.call(op).await
    }

    /// Details of an app (`GET /api/v1/aihcpom/app/details`).
    pub async fn app_details(
        &self,
        args: &AppIdRequest,
    ) -> Result<DeployResponse<AppDetails>, Error> {
        let op = Client::op("AppDetails", Method::Get, "/api/v1/aihcpom/app/details")
            .require("appId", &args.app_id)
            .query("appId", &args.app_id);
        self.call(op).await
    }

    /// Replaces an app's configuration (`POST /api/v1/aihcpom/app/update`).
    pub async fn update_app(
        &self,
        args: &UpdateAppRequest,
    ) -> Result<DeployResponse<AppIdData>, Error> {
        let op = Client::op("UpdateApp", Method::Post, "/api/v1/aihcpom/app/update")
            .require("appId", &args.app_id)
            .check(args.app_conf.is_some(), "appConf", "must be set")
            .query("appId", &args.app_id)
            .query_if_not_empty("shortDesc", &args.short_desc);
        let op = match &args.app_conf {
            Some(conf) => op.json(conf),
            None => op,
        };
        self.call(op).await
    }

    /// Sets the number of instances (`POST /api/v1/aihcpom/app/scale`);
    /// repeating it is harmless, so it is retried like an idempotent call.
    pub async fn scale_app(&self, args: &ScaleAppRequest) -> Result<EmptyResponse, Error> {
        let op = Client::op("ScaleApp", Method::Post, "/api/v1/aihcpom/app/scale")
            .require("appId", &args.app_id)
            .check(args.ins_count >= 0, "insCount", "must not be negative")
            .query("appId", &args.app_id)
            .query("insCount", args.ins_count)
            .idempotent(true);
        self.call(op).await
    }

    /// Turns public access on or off (`POST /api/v1/aihcpom/app/pubaccess`);
    /// retried like an idempotent call.
    pub async fn pub_access(&self, args: &PubAccessRequest) -> Result<EmptyResponse, Error> {
        let op = Client::op("PubAccess", Method::Post, "/api/v1/aihcpom/app/pubaccess")
            .require("appId", &args.app_id)
            .query("appId", &args.app_id)
            .query("publicAccess", args.public_access)
            .query_if_not_empty("eip", &args.eip)
            .idempotent(true);
        self.call(op).await
    }

    /// Change records of an app (`GET /api/v1/aihcpom/app/listchange`).
    pub async fn list_change(
        &self,
        args: &ListChangeRequest,
    ) -> Result<DeployResponse<ChangeList>, Error> {
        let op = Client::op("ListChange", Method::Get, "/api/v1/aihcpom/app/listchange")
            .require("appId", &args.app_id)
            .query("appId", &args.app_id);
        let op = page_query(op, args.page_no, args.page_size)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("order", &args.order)
            .query_opt(
                "changeType",
                (args.change_type != 0).then_some(args.change_type),
            );
        self.call(op).await
    }

    /// All change records of an app, page after page.
    pub fn list_change_stream(
        &self,
        args: ListChangeRequest,
    ) -> impl Stream<Item = Result<AppChangeRecord, Error>> + '_ {
        let first = ListChangeRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.list_change(&r).await })
    }

    /// One change record (`GET /api/v1/aihcpom/app/changedetail`).
    pub async fn change_detail(
        &self,
        args: &ChangeDetailRequest,
    ) -> Result<DeployResponse<AppChangeRecord>, Error> {
        let op = Client::op(
            "ChangeDetail",
            Method::Get,
            "/api/v1/aihcpom/app/changedetail",
        )
        .require("changeId", &args.change_id)
        .query("changeId", &args.change_id);
        self.call(op).await
    }

    /// Deletes an app (`POST /api/v1/aihcpom/app/delete`); retried like an
    /// idempotent call.
    pub async fn delete_app(&self, args: &AppIdRequest) -> Result<EmptyResponse, Error> {
        let op = Client::op("DeleteApp", Method::Post, "/api/v1/aihcpom/app/delete")
            .require("appId", &args.app_id)
            .query("appId", &args.app_id)
            .idempotent(true);
        self.call(op).await
    }
}
