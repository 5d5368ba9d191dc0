//! Training: AutoSearch templates (v2).

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::json::null_default;

/// The algorithms of one AutoSearch algorithm type.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct YamlTemplate {
    /// Algorithm type in English, e.g. `hpo`, `nas`, `augment`, `compression`.
    pub algorithm_type_en: Option<String>,
    /// Algorithm type in Chinese.
    pub algorithm_type_zh: Option<String>,
    /// Algorithm names, e.g. `TPE`, `GridSearch`.
    #[serde(deserialize_with = "null_default")]
    pub algorithm_names: Vec<String>,
}

/// Reply of [`Client::show_auto_search_yaml_templates_info`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowAutoSearchYamlTemplatesInfoResponse {
    /// One entry per algorithm type.
    #[serde(deserialize_with = "null_default")]
    pub yaml_templates: Vec<YamlTemplate>,
}

impl Client {
    /// Lists the AutoSearch YAML templates
    /// (`GET /v2/{project_id}/training-jobs/autosearch/yaml-templates`).
    pub async fn show_auto_search_yaml_templates_info(
        &self,
    ) -> Result<ShowAutoSearchYamlTemplatesInfoResponse, Error> {
        let op = self
            .request("ShowAutoSearchYamlTemplatesInfo", Method::Get, "v2")
            .path("/training-jobs/autosearch/yaml-templates");
        self.call(op).await
    }
}
