//! Inference services: the v1 create form of the API reference (the
//! official SDK only has the v2 `create_infer_service`, with another body).

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::Client;
use crate::json::{whole_f64_opt, JsonObject};

bce_core::string_enum! {
    /// Kind of inference service.
    pub enum InferType {
        /// Online (real-time) service.
        RealTime = "real-time",
        /// Batch service.
        Batch = "batch",
        /// Edge service.
        Edge = "edge",
    }
}

/// Resources of a `custom` specification.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomSpec {
    /// CPU cores, e.g. `1.5`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_f64_opt"
    )]
    pub cpu: Option<f64>,
    /// Memory in MB, e.g. `7500`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<i64>,
    /// P4 GPUs.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_f64_opt"
    )]
    pub gpu_p4: Option<f64>,
    /// Ascend 310 chips.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_f64_opt"
    )]
    pub ascend_a310: Option<f64>,
}

/// One model version served by the service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceConfig {
    /// Model id (required).
    pub model_id: String,
    /// Traffic share in percent (real-time services).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    /// Resource flavor, e.g. `modelarts.vm.cpu.2u`, or `custom` with [`ServiceConfig::custom_spec`].
    pub specification: String,
    /// Resources of a `custom` specification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_spec: Option<CustomSpec>,
    /// Instances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_count: Option<i64>,
    /// Environment variables of the model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envs: Option<BTreeMap<String, String>>,
    /// Dedicated cluster of this version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Batch: OBS input path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src_path: Option<String>,
    /// Batch: OBS output path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dest_path: Option<String>,
    /// Batch: the model's inference path, e.g. `/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub req_uri: Option<String>,
    /// Batch: `file` or `csv`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping_type: Option<String>,
    /// Batch with `csv`: the mapping (a JSON-schema-like object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping_rule: Option<Value>,
    /// Edge: node ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nodes: Option<Vec<String>>,
}

/// Automatic stop of a service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceSchedule {
    /// `stop`.
    #[serde(rename = "type")]
    pub schedule_type: String,
    /// Unit of `duration`, e.g. `HOURS`.
    pub time_unit: String,
    /// How long the service runs before it stops.
    pub duration: i64,
}

/// Input (and body) of [`Client::create_service`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateServiceRequest {
    /// Service name (required).
    pub service_name: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `real-time`, `batch` or `edge` (required).
    pub infer_type: InferType,
    /// Dedicated cluster for the whole service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Model versions (at least one).
    pub config: Vec<ServiceConfig>,
    /// Automatic stop.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Vec<ServiceSchedule>>,
}

impl Client {
    /// Creates an inference service, v1 form (`POST /v1/{project_id}/services`).
    /// The answer (not documented by the API reference) is returned as it came.
    pub async fn create_service(
        &self,
        request: &CreateServiceRequest,
    ) -> Result<JsonObject, Error> {
        let configs_ok = request
            .config
            .iter()
            .all(|c| !c.model_id.is_empty() && !c.specification.is_empty());
        let op = self
            .request("CreateService", Method::Post, "v1")
            .path("/services")
            .check(
                !request.service_name.is_empty(),
                "service_name",
                "must not be empty",
            )
            .check(!request.infer_type.is_empty(), "infer_type", "must be set")
            .check(
                !request.config.is_empty(),
                "config",
                "needs at least one model",
            )
            .check(
                configs_ok,
                "config",
                "every entry needs a model_id and a specification",
            )
            .json_body(Some(request));
        self.call(op).await
    }
}
