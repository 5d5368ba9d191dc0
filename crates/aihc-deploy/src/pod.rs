//! Instances (pods) of an app.

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::app::{AppIdRequest, EmptyResponse};
use crate::client::{Client, DeployResponse};
use crate::model::ContainerConf;

/// Names one instance of an app; `block` is used by [`Client::block_pod`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PodRequest {
    /// App id.
    pub app_id: String,
    /// Instance id.
    #[serde(rename = "insID", alias = "insId")]
    pub ins_id: String,
    /// Take the instance out of traffic (`true`) or back in (`false`).
    pub block: bool,
}

/// The official SDK's name of [`PodRequest`].
pub type PodArgs = PodRequest;

/// State of a container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ContainerStatus {
    /// State text.
    pub container_status: String,
    /// Since (Unix seconds).
    pub ctime: i64,
    /// Reason.
    pub reason: String,
}

/// A container of an instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ContainerInfo {
    /// Container id.
    pub container_id: String,
    /// Its configuration.
    pub container: Option<ContainerConf>,
    /// Its state.
    pub status: Option<ContainerStatus>,
}

/// State of an instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct InsStatus {
    /// Out of traffic.
    pub blocked: bool,
    /// State text.
    pub ins_status: String,
    /// Since (Unix seconds).
    pub ctime: i64,
    /// Ready containers.
    pub available_containers: i32,
    /// All containers.
    pub total_containers: i32,
    /// Pod IP.
    #[serde(rename = "podIP", alias = "PodIP", alias = "podIp")]
    pub pod_ip: String,
    /// Node IP.
    #[serde(rename = "nodeIP", alias = "nodeIp")]
    pub node_ip: String,
}

/// An instance of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct InsInfo {
    /// Instance id.
    #[serde(rename = "insID", alias = "insId")]
    pub ins_id: String,
    /// Containers.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub containers: Vec<ContainerInfo>,
    /// State.
    pub status: Option<InsStatus>,
}

/// Instances of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PodList {
    /// Instances.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub list: Vec<InsInfo>,
}

impl Client {
    /// Instances of an app (`GET /api/v1/aihcpom/pod/list`).
    pub async fn list_pod(&self, args: &AppIdRequest) -> Result<DeployResponse<PodList>, Error> {
        let op = Client::op("ListPod", Method::Get, "/api/v1/aihcpom/pod/list")
            .require("appId", &args.app_id)
            .query("appId", &args.app_id);
        self.call(op).await
    }

    /// Takes an instance out of traffic or back in (`POST /api/v1/aihcpom/pod/block`).
    pub async fn block_pod(&self, args: &PodRequest) -> Result<EmptyResponse, Error> {
        let op = Client::op("BlockPod", Method::Post, "/api/v1/aihcpom/pod/block")
            .require("appId", &args.app_id)
            .require("insID", &args.ins_id)
            .query("appId", &args.app_id)
            .query("insID", &args.ins_id)
            .query("block", args.block)
            .idempotent(true);
        self.call(op).await
    }

    /// Deletes an instance so that it is rebuilt (`POST /api/v1/aihcpom/pod/delete`).
    pub async fn delete_pod(&self, args: &PodRequest) -> Result<EmptyResponse, Error> {
        let op = Client::op("DeletePod", Method::Post, "/api/v1/aihcpom/pod/delete")
            .require("appId", &args.app_id)
            .require("insID", &args.ins_id)
            .query("appId", &args.app_id)
            .query("insID", &args.ins_id);
        self.call(op).await
    }
}
