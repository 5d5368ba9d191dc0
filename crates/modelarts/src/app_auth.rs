//! APIG app authorization of inference services (v1, from the API
//! reference; the official SDK has no methods for these).

use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::json::{lenient_i64, null_default};
use crate::paging::{list_response, offset_limit_request, offset_limit_stream, Offset};

bce_core::string_enum! {
    /// Where an app is registered.
    pub enum AppType {
        /// ROMA Connect gateway.
        Apic = "APIC",
        /// Shared API gateway.
        Apig = "APIG",
        /// Dedicated API gateway.
        DedicateApig = "DEDICATE_APIG",
    }
}

bce_core::string_enum! {
    /// How an API authenticates callers.
    pub enum ApiAuthType {
        /// No authentication.
        None = "NONE",
        /// App authentication.
        App = "APP",
        /// IAM authentication.
        Iam = "IAM",
    }
}

/// Input of [`Client::list_apps`]; every field is an optional query parameter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListAppsRequest {
    /// Query `app_name`.
    pub app_name: Option<String>,
    /// Query `limit`: apps per page (default 1000).
    pub limit: Option<i64>,
    /// Query `offset`: the page to start from (default 0).
    pub offset: Option<i64>,
    /// Query `order`: `asc` (default) or `desc`.
    pub order: Option<String>,
    /// Query `sort_by`: `app_name`, `created_at` or `updated_at`.
    pub sort_by: Option<String>,
    /// Query `workspace_id`.
    pub workspace_id: Option<String>,
    /// Query `iphertext_enabled` (spelled so by the service): show `app_secret` in plain text.
    pub iphertext_enabled: Option<bool>,
    /// Query `app_ids`, one pair per id: the apps whose secret to show.
    pub app_ids: Vec<String>,
}

/// An APIG app. `app_secret` and `app_codes` are [`Secret`]s: masked in
/// `Debug`, real values through `expose()`.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApigAppDetailInfo {
    /// App id.
    pub app_id: Option<String>,
    /// App name.
    pub app_name: Option<String>,
    /// Description (at most 200 characters).
    pub app_remark: Option<String>,
    /// App key.
    pub app_key: Option<String>,
    /// App secret.
    pub app_secret: Option<Secret>,
    /// Where the app is registered.
    pub app_type: Option<AppType>,
    /// App codes (empty for `APIC` apps).
    #[serde(deserialize_with = "null_default")]
    pub app_codes: Vec<Secret>,
    /// Creator.
    pub user_id: Option<String>,
    /// Project id.
    pub project_id: Option<String>,
    /// Creation time, milliseconds since the Unix epoch.
    #[serde(deserialize_with = "lenient_i64")]
    pub created_at: Option<i64>,
    /// Last change, milliseconds since the Unix epoch.
    #[serde(deserialize_with = "lenient_i64")]
    pub updated_at: Option<i64>,
    /// APIs bound to the app.
    #[serde(deserialize_with = "lenient_i64")]
    pub bounded_api_count: Option<i64>,
}

list_response! {
    /// Reply of [`Client::list_apps`].
    #[derive(PartialEq, Eq)]
    pub struct ListAppsResponse {
        /// The apps (may be empty).
        pub apps: Vec<ApigAppDetailInfo>,
    }
}

/// Input of [`Client::list_app_auth_apis`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListAppAuthApisRequest {
    /// Path parameter `app_id`.
    pub app_id: String,
    /// Query `limit` (default 1000).
    pub limit: Option<i64>,
    /// Query `offset`: the page to start from (default 0).
    pub offset: Option<i64>,
    /// Query `order`: `asc` (default) or `desc`.
    pub order: Option<String>,
    /// Query `service_name` (fuzzy match).
    pub service_name: Option<String>,
    /// Query `sort_by`: `app_name`, `created_at` or `updated_at`.
    pub sort_by: Option<String>,
    /// Query `workspace_id`.
    pub workspace_id: Option<String>,
}

impl ListAppAuthApisRequest {
    /// The APIs bound to app `app_id`.
    pub fn new(app_id: impl Into<String>) -> Self {
        ListAppAuthApisRequest {
            app_id: app_id.into(),
            ..Default::default()
        }
    }
}

/// An API and how it authenticates.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthTypeApiBasicInfo {
    /// API id.
    pub api_id: Option<String>,
    /// API name.
    pub api_name: Option<String>,
    /// Method (always `ANY`).
    pub api_method: Option<String>,
    /// Description (at most 255 characters).
    pub api_remark: Option<String>,
    /// Authentication.
    pub auth_type: Option<ApiAuthType>,
    /// Prediction URL.
    pub predict_url: Option<String>,
    /// Service id.
    pub service_id: Option<String>,
    /// Service name.
    pub service_name: Option<String>,
    /// Whether app codes are accepted.
    pub support_app_code: Option<bool>,
}

list_response! {
    /// Reply of [`Client::list_app_auth_apis`].
    #[derive(PartialEq, Eq)]
    pub struct ListAppAuthApisResponse {
        /// The APIs.
        pub apis: Vec<AuthTypeApiBasicInfo>,
    }
}

/// Input of [`Client::list_api_auths`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListApiAuthsRequest {
    /// Path parameter `service_id`.
    pub service_id: String,
    /// Path parameter `api_id`.
    pub api_id: String,
    /// Query `limit` (default 1000).
    pub limit: Option<i64>,
    /// Query `offset`: the page to start from (default 0).
    pub offset: Option<i64>,
    /// Query `app_name` (fuzzy match).
    pub app_name: Option<String>,
    /// Query `order`: `asc` (default) or `desc`.
    pub order: Option<String>,
    /// Query `show_only`: `AUTH` or `UNAUTH` (absent: all).
    pub show_only: Option<String>,
    /// Query `sort_by`: `app_name` (default), `created_at` or `updated_at`.
    pub sort_by: Option<String>,
    /// Query `workspace_id`.
    pub workspace_id: Option<String>,
    /// Query `iphertext_enabled`: show `app_secret` in plain text.
    pub iphertext_enabled: Option<bool>,
    /// Query `app_ids`, one pair per id.
    pub app_ids: Vec<String>,
}

impl ListApiAuthsRequest {
    /// The apps authorised (or not) on API `api_id` of service `service_id`.
    pub fn new(service_id: impl Into<String>, api_id: impl Into<String>) -> Self {
        ListApiAuthsRequest {
            service_id: service_id.into(),
            api_id: api_id.into(),
            ..Default::default()
        }
    }
}

/// An app and whether it is authorised on the API.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApiAuthInfo {
    /// The app.
    #[serde(deserialize_with = "null_default")]
    pub app: ApigAppDetailInfo,
    /// Whether the API is authorised for it.
    pub authed: Option<bool>,
}

list_response! {
    /// Reply of [`Client::list_api_auths`].
    #[derive(PartialEq, Eq)]
    pub struct ListApiAuthsResponse {
        /// The apps.
        pub auths: Vec<ApiAuthInfo>,
    }
}

offset_limit_request!(ListAppsRequest, ListAppAuthApisRequest, ListApiAuthsRequest);

impl Client {
    /// Lists the APIG apps, one page (`GET /v1/{project_id}/app-auth/apps`).
    pub async fn list_apps(&self, request: &ListAppsRequest) -> Result<ListAppsResponse, Error> {
        let op = self
            .request("ListApps", Method::Get, "v1")
            .path("/app-auth/apps")
            .query_opt("app_name", request.app_name.as_deref())
            .offset_limit(request.offset, request.limit)
            .query_opt("order", request.order.as_deref())
            .query_opt("sort_by", request.sort_by.as_deref())
            .query_opt("workspace_id", request.workspace_id.as_deref())
            .query_opt("iphertext_enabled", request.iphertext_enabled)
            .query_list("app_ids", &request.app_ids);
        self.call(op).await
    }

    /// Every matching app, page after page (`offset` is a page number).
    pub fn list_apps_stream(
        &self,
        request: ListAppsRequest,
    ) -> impl Stream<Item = Result<ApigAppDetailInfo, Error>> + '_ {
        offset_limit_stream(request, Offset::PageIndex, move |r| async move {
            self.list_apps(&r).await
        })
    }

    /// Lists the APIs bound to an app, one page
    /// (`GET /v1/{project_id}/app-auth/apps/{app_id}/auth-apis`).
    pub async fn list_app_auth_apis(
        &self,
        request: &ListAppAuthApisRequest,
    ) -> Result<ListAppAuthApisResponse, Error> {
        let op = self
            .request("ListAppAuthApis", Method::Get, "v1")
            .path("/app-auth/apps")
            .segment("app_id", &request.app_id)
            .path("/auth-apis")
            .offset_limit(request.offset, request.limit)
            .query_opt("order", request.order.as_deref())
            .query_opt("service_name", request.service_name.as_deref())
            .query_opt("sort_by", request.sort_by.as_deref())
            .query_opt("workspace_id", request.workspace_id.as_deref());
        self.call(op).await
    }

    /// Every API bound to an app, page after page (`offset` is a page number).
    pub fn list_app_auth_apis_stream(
        &self,
        request: ListAppAuthApisRequest,
    ) -> impl Stream<Item = Result<AuthTypeApiBasicInfo, Error>> + '_ {
        offset_limit_stream(request, Offset::PageIndex, move |r| async move {
            self.list_app_auth_apis(&r).await
        })
    }

    /// Lists the apps authorised (or not) on an API, one page
    /// (`GET /v1/{project_id}/services/{service_id}/app-auth-apis/{api_id}/api-auths`).
    pub async fn list_api_auths(
        &self,
        request: &ListApiAuthsRequest,
    ) -> Result<ListApiAuthsResponse, Error> {
        let op = self
            .request("ListApiAuths", Method::Get, "v1")
            .path("/services")
            .segment("service_id", &request.service_id)
            .path("/app-auth-apis")
            .segment("api_id", &request.api_id)
            .path("/api-auths")
            .offset_limit(request.offset, request.limit)
            .query_opt("app_name", request.app_name.as_deref())
            .query_opt("order", request.order.as_deref())
            .query_opt("show_only", request.show_only.as_deref())
            .query_opt("sort_by", request.sort_by.as_deref())
            .query_opt("workspace_id", request.workspace_id.as_deref())
            .query_opt("iphertext_enabled", request.iphertext_enabled)
            .query_list("app_ids", &request.app_ids);
        self.call(op).await
    }

    /// Every entry of [`Client::list_api_auths`], page after page (`offset` is a page number).
    pub fn list_api_auths_stream(
        &self,
        request: ListApiAuthsRequest,
    ) -> impl Stream<Item = Result<ApiAuthInfo, Error>> + '_ {
        offset_limit_stream(request, Offset::PageIndex, move |r| async move {
            self.list_api_auths(&r).await
        })
    }
}
