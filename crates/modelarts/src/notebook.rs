//! Notebook tags (v1).

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::Client;

/// A TMS resource tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TmsTag {
    /// Key; an existing key gets its value replaced.
    pub key: String,
    /// Value.
    pub value: String,
}

impl TmsTag {
    /// A tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        TmsTag {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// Body of [`Client::create_notebook_tags`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateNotebookTagsBody {
    /// The tags (`None` is left out of the body; an empty list is sent as `[]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<TmsTag>>,
}

/// Input of [`Client::create_notebook_tags`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateNotebookTagsRequest {
    /// Path parameter `resource_id`: the notebook id.
    pub resource_id: String,
    /// Query `workspace_id` (the default workspace is `"0"`).
    pub workspace_id: Option<String>,
    /// The body; `None` sends no body at all (as the SDK does).
    pub body: Option<CreateNotebookTagsBody>,
}

impl CreateNotebookTagsRequest {
    /// Adds `tags` to notebook `resource_id`.
    pub fn new(resource_id: impl Into<String>, tags: Vec<TmsTag>) -> Self {
        CreateNotebookTagsRequest {
            resource_id: resource_id.into(),
            workspace_id: None,
            body: Some(CreateNotebookTagsBody { tags: Some(tags) }),
        }
    }
}

impl Client {
    /// Adds tags to a notebook
    /// (`POST /v1/{project_id}/notebooks/{resource_id}/tags/create`).
    /// The service's answer carries nothing the SDK reads.
    pub async fn create_notebook_tags(
        &self,
        request: &CreateNotebookTagsRequest,
    ) -> Result<(), Error> {
        let op = self
            .request("CreateNotebookTags", Method::Post, "v1")
            .path("/notebooks")
            .segment("resource_id", &request.resource_id)
            .path("/tags/create")
            .query_opt("workspace_id", request.workspace_id.as_deref())
            .json_body(request.body.as_ref());
        self.call_no_content(op).await
    }
}
