//! Datasets and their versions (`/?action=…Dataset…`, `version: v2`).

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{with_ids, with_paging, Client};
use crate::types::{
    comma_list, lenient_count, lenient_string, null_list, IdResponse, ImportFormat, Permission,
    PermissionLevel, RequestIdResponse, StorageType, VersionsPage, VisibilityScope,
};

/// Names one dataset (describe, delete).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetIdRequest {
    /// Dataset id, e.g. `ds-a1b2c3d4` (required).
    pub dataset_id: String,
}

impl DatasetIdRequest {
    /// Names the dataset `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DatasetIdRequest {
            dataset_id: id.into(),
        }
    }

    /// The query parameters naming the dataset.
    fn ids(&self) -> [(&'static str, &str); 1] {
        [("datasetId", &self.dataset_id)]
    }
}

/// Names one version of a dataset (describe, delete).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetVersionIdRequest {
    /// Dataset id (required).
    pub dataset_id: String,
    /// Version id (required).
    pub version_id: String,
}

impl DatasetVersionIdRequest {
    /// Names version `version_id` of dataset `dataset_id`.
    pub fn new(dataset_id: impl Into<String>, version_id: impl Into<String>) -> Self {
        DatasetVersionIdRequest {
            dataset_id: dataset_id.into(),
            version_id: version_id.into(),
        }
    }

    /// The query parameters naming the version.
    fn ids(&self) -> [(&'static str, &str); 2] {
        [
            ("datasetId", &self.dataset_id),
            ("versionId", &self.version_id),
        ]
    }
}

/// Filters and paging of [`Client::describe_datasets`]; empty and zero
/// values are not sent (the service then applies its defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeDatasetsRequest {
    /// Text to search in names.
    pub keyword: String,
    /// Only datasets on this storage type.
    pub storage_type: StorageType,
    /// Only datasets on these storage instances (sent comma-separated; an
    /// id must not contain a comma).
    #[serde(deserialize_with = "comma_list")]
    pub storage_instances: Vec<String>,
    /// Only datasets of this import format.
    pub import_format: ImportFormat,
    /// Page number, from 1 (`0`: not sent).
    pub page_number: u32,
    /// Page size (`0`: not sent).
    pub page_size: u32,
}

/// The first version of a new dataset (`initVersionEntry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InitDatasetVersion {
    /// Path of the data in the storage instance (required).
    pub storage_path: String,
    /// Where jobs mount it by default (required).
    pub mount_path: String,
    /// Version id (normally left to the service).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Version name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Creating user.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub create_user: String,
}

/// Body of [`Client::create_dataset`]. Optional parts (empty strings and
/// lists) are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateDatasetRequest {
    /// Name (required).
    pub name: String,
    /// Storage type (required).
    pub storage_type: StorageType,
    /// Storage instance id, e.g. a PFS id `pfs-7x8y9z` (required).
    pub storage_instance: String,
    /// File or folder (required).
    pub import_format: ImportFormat,
    /// Who can see it.
    #[serde(skip_serializing_if = "VisibilityScope::is_empty")]
    pub visibility_scope: VisibilityScope,
    /// The first version (storage and mount path required).
    pub init_version_entry: InitDatasetVersion,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Owner (the caller when empty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Users it is shared with (scope [`VisibilityScope::UserGroup`]).
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "null_list")]
    pub visibility_user: Vec<Permission>,
    /// Groups it is shared with (scope [`VisibilityScope::UserGroup`]).
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "null_list")]
    pub visibility_group: Vec<Permission>,
}

/// Changes of [`Client::modify_dataset`]: only the fields that are `Some`
/// are sent (`Some("")` clears a text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ModifyDatasetRequest {
    /// Dataset id (required; sent in the query).
    #[serde(skip_serializing)]
    pub dataset_id: String,
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New visibility scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility_scope: Option<VisibilityScope>,
    /// New list of users it is shared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility_user: Option<Vec<Permission>>,
    /// New list of groups it is shared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility_group: Option<Vec<Permission>>,
}

/// Paging of [`Client::describe_dataset_versions`]; zero values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DescribeDatasetVersionsRequest {
    /// Dataset id (required).
    pub dataset_id: String,
    /// Page number, from 1 (`0`: not sent).
    pub page_number: u32,
    /// Page size (`0`: not sent).
    pub page_size: u32,
}

impl DescribeDatasetVersionsRequest {
    /// The versions of dataset `id`, service paging.
    pub fn new(id: impl Into<String>) -> Self {
        DescribeDatasetVersionsRequest {
            dataset_id: id.into(),
            ..Default::default()
        }
    }
}

/// Body of [`Client::create_dataset_version`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateDatasetVersionRequest {
    /// Dataset id (required; sent in the query).
    #[serde(skip_serializing)]
    pub dataset_id: String,
    /// Path of the data in the dataset's storage instance (required).
    pub storage_path: String,
    /// Default mount path (required).
    pub mount_path: String,
    /// Description.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A dataset as lists and details show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Dataset {
    /// Dataset id.
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "lenient_string")]
    pub name: String,
    /// Storage type.
    pub storage_type: StorageType,
    /// Storage instance id.
    #[serde(deserialize_with = "lenient_string")]
    pub storage_instance: String,
    /// File or folder.
    pub import_format: ImportFormat,
    /// Description.
    #[serde(deserialize_with = "lenient_string")]
    pub description: String,
    /// Owner id.
    #[serde(deserialize_with = "lenient_string")]
    pub owner: String,
    /// Owner name.
    #[serde(deserialize_with = "lenient_string")]
    pub owner_name: String,
    /// Who can see it.
    pub visibility_scope: VisibilityScope,
    /// Users it is shared with.
    #[serde(deserialize_with = "null_list")]
    pub visibility_user: Vec<Permission>,
    /// Groups it is shared with.
    #[serde(deserialize_with = "null_list")]
    pub visibility_group: Vec<Permission>,
    /// What the caller may do with it.
    pub permission: PermissionLevel,
    /// Id of the latest version.
    #[serde(deserialize_with = "lenient_string")]
    pub latest_version_id: String,
    /// Name of the latest version.
    #[serde(deserialize_with = "lenient_string")]
    pub latest_version: String,
    /// Creation time (as the service writes it).
    #[serde(deserialize_with = "lenient_string")]
    pub created_at: String,
    /// Last update (as the service writes it).
    #[serde(deserialize_with = "lenient_string")]
    pub updated_at: String,
}

/// One version of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DatasetVersion {
    /// Version id.
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// Version name, e.g. `v1`.
    #[serde(deserialize_with = "lenient_string")]
    pub version: String,
    /// Description.
    #[serde(deserialize_with = "lenient_string")]
    pub description: String,
    /// Path of the data in the storage instance.
    #[serde(deserialize_with = "lenient_string")]
    pub storage_path: String,
    /// Default mount path.
    #[serde(deserialize_with = "lenient_string")]
    pub mount_path: String,
    /// Creating user id.
    #[serde(deserialize_with = "lenient_string")]
    pub create_user: String,
    /// Creating user name.
    #[serde(deserialize_with = "lenient_string")]
    pub create_user_name: String,
    /// Creation time.
    #[serde(deserialize_with = "lenient_string")]
    pub created_at: String,
    /// Last update.
    #[serde(deserialize_with = "lenient_string")]
    pub updated_at: String,
}

/// A page of datasets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeDatasetsResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// Datasets matching the filters, on every page.
    #[serde(deserialize_with = "lenient_count")]
    pub total_count: u64,
    /// This page.
    #[serde(deserialize_with = "null_list")]
    pub datasets: Vec<Dataset>,
}

/// One dataset with its latest version (the answer is flat: the dataset's
/// fields sit next to `requestId`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeDatasetResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// The dataset.
    #[serde(flatten)]
    pub dataset: Dataset,
    /// Its latest version.
    pub latest_version_entry: DatasetVersion,
}

/// One version with its dataset (flat like [`DescribeDatasetResponse`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DescribeDatasetVersionResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// The dataset.
    #[serde(flatten)]
    pub dataset: Dataset,
    /// The requested version.
    pub version_entry: DatasetVersion,
}

/// A page of versions of a dataset.
pub type DescribeDatasetVersionsResponse = VersionsPage<DatasetVersion>;

bce_core::page_number_request!(
    DescribeDatasetsRequest: page_number, page_size;
    DescribeDatasetVersionsRequest: page_number, page_size;
);
bce_core::page_number_response!(DescribeDatasetsResponse: datasets => Dataset, total_count);

impl Client {
    /// Lists datasets (`GET /?action=DescribeDatasets`).
    pub async fn describe_datasets(
        &self,
        request: &DescribeDatasetsRequest,
    ) -> Result<DescribeDatasetsResponse, Error> {
        let bad_instance = request
            .storage_instances
            .iter()
            .any(|s| s.is_empty() || s.contains(','));
        let op = Client::action("DescribeDatasets", Method::Get)
            .check(
                !bad_instance,
                "storageInstances",
                "an id must not be empty or contain ','",
            )
            .query_if_not_empty("keyword", &request.keyword)
            .query_if_not_empty("storageType", request.storage_type.as_str())
            .query_if_not_empty("storageInstances", &request.storage_instances.join(","))
            .query_if_not_empty("importFormat", request.import_format.as_str());
        self.call(with_paging(op, request)).await
    }

    /// Every dataset matching `request`, page after page from its page
    /// number on (service page size unless `page_size` is set).
    pub fn describe_datasets_stream(
        &self,
        request: DescribeDatasetsRequest,
    ) -> impl Stream<Item = Result<Dataset, Error>> {
        self.page_stream(request, |client, r| async move {
            client.describe_datasets(&r).await
        })
    }

    /// One dataset with its latest version (`GET /?action=DescribeDataset`).
    pub async fn describe_dataset(
        &self,
        request: &DatasetIdRequest,
    ) -> Result<DescribeDatasetResponse, Error> {
        let op = Client::action("DescribeDataset", Method::Get);
        self.call(with_ids(op, &request.ids())).await
    }

    /// Registers a dataset with its first version
    /// (`POST /?action=CreateDataset`); answers the new dataset id.
    pub async fn create_dataset(
        &self,
        request: &CreateDatasetRequest,
    ) -> Result<IdResponse, Error> {
        let entry = &request.init_version_entry;
        let op = Client::action("CreateDataset", Method::Post)
            .require("name", &request.name)
            .require("storageType", request.storage_type.as_str())
            .require("storageInstance", &request.storage_instance)
            .require("importFormat", request.import_format.as_str())
            .require("initVersionEntry.storagePath", &entry.storage_path)
            .require("initVersionEntry.mountPath", &entry.mount_path)
            .json(request);
        self.call(op).await
    }

    /// Changes a dataset's name, description or sharing
    /// (`POST /?action=ModifyDataset&datasetId=…`).
    pub async fn modify_dataset(
        &self,
        request: &ModifyDatasetRequest,
    ) -> Result<RequestIdResponse, Error> {
        let op = Client::action("ModifyDataset", Method::Post);
        let op = with_ids(op, &[("datasetId", &request.dataset_id)]).json(request);
        self.send_ack(op).await
    }

    /// Deletes a dataset and its versions
    /// (`POST /?action=DeleteDataset&datasetId=…`, no body).
    pub async fn delete_dataset(
        &self,
        request: &DatasetIdRequest,
    ) -> Result<RequestIdResponse, Error> {
        let op = Client::action("DeleteDataset", Method::Post);
        self.send_ack(with_ids(op, &request.ids())).await
    }

    /// Lists the versions of a dataset
    /// (`GET /?action=DescribeDatasetVersions&datasetId=…`).
    pub async fn describe_dataset_versions(
        &self,
        request: &DescribeDatasetVersionsRequest,
    ) -> Result<DescribeDatasetVersionsResponse, Error> {
        let op = Client::action("DescribeDatasetVersions", Method::Get);
        let op = with_ids(op, &[("datasetId", &request.dataset_id)]);
        self.call(with_paging(op, request)).await
    }

    /// Every version of a dataset, page after page.
    pub fn describe_dataset_versions_stream(
        &self,
        request: DescribeDatasetVersionsRequest,
    ) -> impl Stream<Item = Result<DatasetVersion, Error>> {
        self.page_stream(request, |client, r| async move {
            client.describe_dataset_versions(&r).await
        })
    }

    /// One version of a dataset
    /// (`GET /?action=DescribeDatasetVersion&datasetId=…&versionId=…`).
    pub async fn describe_dataset_version(
        &self,
        request: &DatasetVersionIdRequest,
    ) -> Result<DescribeDatasetVersionResponse, Error> {
        let op = Client::action("DescribeDatasetVersion", Method::Get);
        self.call(with_ids(op, &request.ids())).await
    }

    /// Adds a version to a dataset
    /// (`POST /?action=CreateDatasetVersion&datasetId=…`); answers the new
    /// version id.
    pub async fn create_dataset_version(
        &self,
        request: &CreateDatasetVersionRequest,
    ) -> Result<IdResponse, Error> {
        let op = Client::action("CreateDatasetVersion", Method::Post);
        let op = with_ids(op, &[("datasetId", &request.dataset_id)])
            .require("storagePath", &request.storage_path)
            .require("mountPath", &request.mount_path)
            .json(request);
        self.call(op).await
    }

    /// Deletes one version of a dataset
    /// (`POST /?action=DeleteDatasetVersion&datasetId=…&versionId=…`, no body).
    pub async fn delete_dataset_version(
        &self,
        request: &DatasetVersionIdRequest,
    ) -> Result<RequestIdResponse, Error> {
        let op = Client::action("DeleteDatasetVersion", Method::Post);
        self.send_ack(with_ids(op, &request.ids())).await
    }
}
