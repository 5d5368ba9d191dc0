//! Temporary upload credentials for job code.

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};

use crate::client::{ApiResponse, Client};

/// Arguments of [`Client::file_upload`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FileUploadRequest {
    /// Files the caller intends to upload (not sent; kept for parity with
    /// the official SDK).
    #[serde(
        rename = "filePath",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub file_paths: Vec<String>,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Queue id (query `queueID`, sent when set).
    #[serde(rename = "queueID", alias = "queueId")]
    pub queue_id: String,
}

/// Temporary BOS credentials for uploading code. The secret key and the
/// token are [`Secret`]s: masked in `Debug`, read with `expose()`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UploadCredentials {
    /// Target path.
    pub file_path: String,
    /// Session token.
    pub token: Secret,
    /// File id.
    #[serde(rename = "fileID", alias = "fileId")]
    pub file_id: String,
    /// Access key id.
    pub ak: String,
    /// Secret access key.
    pub sk: Secret,
    /// Bucket.
    pub bucket: String,
    /// BOS endpoint.
    pub endpoint: String,
}

impl Client {
    /// Asks for temporary BOS credentials to upload job code
    /// (`GET /api/v1/aijobs/cluster/ai/uploadCode`). Uploads nothing itself.
    pub async fn file_upload(
        &self,
        args: &FileUploadRequest,
    ) -> Result<ApiResponse<UploadCredentials>, Error> {
        let op = Client::op(
            "FileUpload",
            Method::Get,
            "/api/v1/aijobs/cluster/ai/uploadCode",
        )
        .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
        .query_if_not_empty("queueID", &args.queue_id);
        self.call(op).await
    }
}
