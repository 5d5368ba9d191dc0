//! Registered models and their versions (`/?action=…Model…`, `version: v2`).

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{with_ids, with_paging, Client};
use crate::types::{
    lenient_count, lenient_string, null_list, IdResponse, ModelFormat, ModelSource,
    RequestIdResponse, VersionsPage, VisibilityScope,
};

/// Names one model (describe, delete).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModelIdRequest {
    /// Model id (required).
    pub model_id: String,
}

impl ModelIdRequest {
    /// Names the model `id`.
    pub fn new(id: impl Into<String>) -> Self {
        ModelIdRequest {
            model_id: id.into(),
        }
    }

    /// The query parameters naming the model.
    fn ids(&self) -> [(&'static str, &str); 1] {
        [("modelId", &self.model_id)]
    }
}

/// Names one version of a model (describe, delete).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModelVersionIdRequest {
    /// Model id (required).
    pub model_id: String,
    /// Version id (required).
    pub version_id: String,
}

impl ModelVersionIdRequest {
    /// Names version `version_id` of model `model_id`.
    pub fn new(model_id: impl Into<String>, version_id: impl Into<String>) -> Self {
        ModelVersionIdRequest {
            model_id: model_id.into(),
            version_id: version_id.into(),
        }
    }

    /// The query parameters naming the version.
    fn ids(&self) -> [(&'static str, &str); 2] {
        [("modelId", &self.model_id), ("versionId", &self.version_id)]
    }
}

/// Filter and paging of [`Client::describe_models`]; empty and zero values
/// are not sent (without `pageSize` the service answers every model).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeModelsRequest {
    /// Text to search in names.
    pub keyword: String,
    /// Page number, from 1 (`0`: not sent).
    pub page_number: u32,
    /// Page size (`0`: not sent).
    pub page_size: u32,
}

/// The first version of a new model (`initVersionEntry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InitModelVersion {
    /// Where the files came from (required), e.g. [`ModelSource::UserUpload`].
    pub source: ModelSource,
    /// Bucket of the files (required).
    pub storage_bucket: String,
    /// Path of the files in the bucket (required).
    pub storage_path: String,
    /// Evaluation results as JSON text, e.g. `{"Results":[…]}`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub model_metrics: String,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// Body of [`Client::create_model`]. Optional parts (empty strings) are not
/// sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateModelRequest {
    /// Name (required).
    pub name: String,
    /// Format (required).
    pub model_format: ModelFormat,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Owner (the caller when empty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Who can see it.
    #[serde(skip_serializing_if = "VisibilityScope::is_empty")]
    pub visibility_scope: VisibilityScope,
    /// The first version (required by the service).
    pub init_version_entry: InitModelVersion,
}

/// Body of [`Client::modify_model`]: the service takes both fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModifyModelRequest {
    /// Model id (required; sent in the query).
    #[serde(skip_serializing)]
    pub model_id: String,
    /// New name (required).
    pub name: String,
    /// New description (sent even when empty).
    pub description: String,
}

/// Paging of [`Client::describe_model_versions`]; zero values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeModelVersionsRequest {
    /// Model id (required).
    pub model_id: String,
    /// Page number, from 1 (`0`: not sent).
    pub page_number: u32,
    /// Page size (`0`: not sent; the service then answers every version).
    pub page_size: u32,
}

impl DescribeModelVersionsRequest {
    /// The versions of model `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DescribeModelVersionsRequest {
            model_id: id.into(),
            ..Default::default()
        }
    }
}

/// Body of [`Client::create_model_version`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateModelVersionRequest {
    /// Model id (required; sent in the query).
    #[serde(skip_serializing)]
    pub model_id: String,
    /// Bucket of the files (required).
    pub storage_bucket: String,
    /// Path of the files in the bucket (required).
    pub storage_path: String,
    /// Where the files came from (required).
    pub source: ModelSource,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Evaluation results as JSON text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub model_metrics: String,
}

/// A registered model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Model {
    /// Model id.
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "lenient_string")]
    pub name: String,
    /// Source of the first version.
    pub init_source: ModelSource,
    /// Name of the latest version, e.g. `1`.
    #[serde(deserialize_with = "lenient_string")]
    pub latest_version: String,
    /// Id of the latest version.
    #[serde(deserialize_with = "lenient_string")]
    pub latest_version_id: String,
    /// Format.
    pub model_format: ModelFormat,
    /// Description.
    #[serde(deserialize_with = "lenient_string")]
    pub description: String,
    /// Creation time (RFC 3339, UTC).
    #[serde(deserialize_with = "lenient_string")]
    pub created_at: String,
    /// Last update (RFC 3339, UTC).
    #[serde(deserialize_with = "lenient_string")]
    pub updated_at: String,
    /// Owner id.
    #[serde(deserialize_with = "lenient_string")]
    pub owner: String,
    /// Owner name.
    #[serde(deserialize_with = "lenient_string")]
    pub owner_name: String,
    /// Who can see it.
    pub visibility_scope: VisibilityScope,
    /// Tags.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub tags: BTreeMap<String, serde_json::Value>,
}

/// One version of a model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ModelVersion {
    /// Version id.
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// Version name, e.g. `1`.
    #[serde(deserialize_with = "lenient_string")]
    pub version: String,
    /// Where the files came from.
    pub source: ModelSource,
    /// Bucket of the files.
    #[serde(deserialize_with = "lenient_string")]
    pub storage_bucket: String,
    /// Path of the files in the bucket.
    #[serde(deserialize_with = "lenient_string")]
    pub storage_path: String,
    /// Evaluation results as JSON text.
    #[serde(deserialize_with = "lenient_string")]
    pub model_metrics: String,
    /// Description.
    #[serde(deserialize_with = "lenient_string")]
    pub description: String,
    /// Task that produced it, if any.
    #[serde(deserialize_with = "lenient_string")]
    pub task_id: String,
    /// Creation time.
    #[serde(deserialize_with = "lenient_string")]
    pub created_at: String,
    /// Creating user id.
    #[serde(deserialize_with = "lenient_string")]
    pub create_user: String,
    /// Creating user name.
    #[serde(deserialize_with = "lenient_string")]
    pub create_user_name: String,
}

/// A page of models.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeModelsResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// Models matching the filter, on every page.
    #[serde(deserialize_with = "lenient_count")]
    pub total_count: u64,
    /// This page.
    #[serde(deserialize_with = "null_list")]
    pub models: Vec<Model>,
}

/// One model with one version (the answer is flat: the model's fields sit
/// next to `requestId`). [`Client::describe_model`] shows the latest
/// version, [`Client::describe_model_version`] the requested one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeModelResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// The model.
    #[serde(flatten)]
    pub model: Model,
    /// The version.
    pub version_entry: ModelVersion,
}

/// Answer of [`Client::describe_model_version`] (same shape as
/// [`DescribeModelResponse`]).
pub type DescribeModelVersionResponse = DescribeModelResponse;

/// A page of versions of a model.
pub type DescribeModelVersionsResponse = VersionsPage<ModelVersion>;

bce_core::page_number_request!(
    DescribeModelsRequest: page_number, page_size;
    DescribeModelVersionsRequest: page_number, page_size;
);
bce_core::page_number_response!(DescribeModelsResponse: models => Model, total_count);

impl Client {
    /// Lists models (`GET /?action=DescribeModels`).
    pub async fn describe_models(
        &self,
        request: &DescribeModelsRequest,
    ) -> Result<DescribeModelsResponse, Error> {
        let op = Client::action("DescribeModels", Method::Get)
            .query_if_not_empty("keyword", &request.keyword);
        self.call(with_paging(op, request)).await
    }

    /// Every model matching `request`, page after page.
    pub fn describe_models_stream(
        &self,
        request: DescribeModelsRequest,
    ) -> impl Stream<Item = Result<Model, Error>> {
        self.page_stream(request, |client, r| async move {
            client.describe_models(&r).await
        })
    }

    /// One model with its latest version (`GET /?action=DescribeModel&modelId=…`).
    pub async fn describe_model(
        &self,
        request: &ModelIdRequest,
    ) -> Result<DescribeModelResponse, Error> {
        let op = Client::action("DescribeModel", Method::Get);
        self.call(with_ids(op, &request.ids())).await
    }

    /// Registers a model with its first version (`POST /?action=CreateModel`);
    /// answers the new model id.
    pub async fn create_model(&self, request: &CreateModelRequest) -> Result<IdResponse, Error> {
        let entry = &request.init_version_entry;
        let op = Client::action("CreateModel", Method::Post)
            .require("name", &request.name)
            .require("modelFormat", request.model_format.as_str())
            .require("initVersionEntry.source", entry.source.as_str())
            .require("initVersionEntry.storageBucket", &entry.storage_bucket)
            .require("initVersionEntry.storagePath", &entry.storage_path)
            .json(request);
        self.call(op).await
    }

    /// Renames a model or changes its description
    /// (`POST /?action=ModifyModel&modelId=…`).
    pub async fn modify_model(&self, request: &ModifyModelRequest) -> Result<IdResponse, Error> {
        let op = Client::action("ModifyModel", Method::Post);
        let op = with_ids(op, &[("modelId", &request.model_id)])
            .require("name", &request.name)
            .json(request);
        self.send_ack(op).await
    }

    /// Deletes a model and its versions
    /// (`POST /?action=DeleteModel&modelId=…`, no body).
    pub async fn delete_model(&self, request: &ModelIdRequest) -> Result<RequestIdResponse, Error> {
        let op = Client::action("DeleteModel", Method::Post);
        self.send_ack(with_ids(op, &request.ids())).await
    }

    /// Lists the versions of a model
    /// (`GET /?action=DescribeModelVersions&modelId=…`).
    pub async fn describe_model_versions(
        &self,
        request: &DescribeModelVersionsRequest,
    ) -> Result<DescribeModelVersionsResponse, Error> {
        let op = Client::action("DescribeModelVersions", Method::Get);
        let op = with_ids(op, &[("modelId", &request.model_id)]);
        self.call(with_paging(op, request)).await
    }

    /// Every version of a model, page after page.
    pub fn describe_model_versions_stream(
        &self,
        request: DescribeModelVersionsRequest,
    ) -> impl Stream<Item = Result<ModelVersion, Error>> {
        self.page_stream(request, |client, r| async move {
            client.describe_model_versions(&r).await
        })
    }

    /// One version of a model
    /// (`GET /?action=DescribeModelVersion&modelId=…&versionId=…`).
    pub async fn describe_model_version(
        &self,
        request: &ModelVersionIdRequest,
    ) -> Result<DescribeModelVersionResponse, Error> {
        let op = Client::action("DescribeModelVersion", Method::Get);
        self.call(with_ids(op, &request.ids())).await
    }

    /// Adds a version to a model (`POST /?action=CreateModelVersion&modelId=…`);
    /// answers the new version id.
    pub async fn create_model_version(
        &self,
        request: &CreateModelVersionRequest,
    ) -> Result<IdResponse, Error> {
        let op = Client::action("CreateModelVersion", Method::Post);
        let op = with_ids(op, &[("modelId", &request.model_id)])
            .require("storageBucket", &request.storage_bucket)
            .require("storagePath", &request.storage_path)
            .require("source", request.source.as_str())
            .json(request);
        self.call(op).await
    }

    /// Deletes one version of a model
    /// (`POST /?action=DeleteModelVersion&modelId=…&versionId=…`, no body).
    pub async fn delete_model_version(
        &self,
        request: &ModelVersionIdRequest,
    ) -> Result<RequestIdResponse, Error> {
        let op = Client::action("DeleteModelVersion", Method::Post);
        self.send_ack(with_ids(op, &request.ids())).await
    }
}
