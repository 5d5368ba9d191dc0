//! The app configuration, sent by create/update and returned by details.
//! Every field is left out of the body when empty, as the service expects.

use std::collections::BTreeMap;

use bce_core::Secret;
use serde::{Deserialize, Serialize};

use crate::client::{is_false, is_zero};

/// Pool and queue of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResPoolConf {
    /// Resource pool id.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub res_pool_id: String,
    /// Queue.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub queue: String,
}

/// A source path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SrcPath {
    /// Path.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub src_path: String,
}

/// A volume (the service mixes `volume` and `volumn` spellings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumnConf {
    /// Volume type, e.g. `pfs` or `hostpath`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub volume_type: String,
    /// Volume name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub volumn_name: String,
    /// PFS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pfs: Option<SrcPath>,
    /// Host path source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostpath: Option<SrcPath>,
}

/// Storage of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StorageConf {
    /// Shared memory size.
    #[serde(skip_serializing_if = "is_zero")]
    pub shm_size: i32,
    /// Volumes.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub volumns: Vec<VolumnConf>,
}

/// A container port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PortConf {
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i32,
}

/// Image of a container. The pull password is a [`Secret`]: serialized as
/// is, masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImageConf {
    /// Image type.
    #[serde(skip_serializing_if = "is_zero")]
    pub image_type: i32,
    /// Image address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_addr: String,
    /// Pull user.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_pull_user: String,
    /// Pull password.
    #[serde(skip_serializing_if = "Secret::is_empty")]
    pub image_pull_pass: Secret,
}

/// A volume mount.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumnMountConf {
    /// Volume name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub volumn_name: String,
    /// Path in the container.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dst_path: String,
    /// Read-only.
    #[serde(skip_serializing_if = "is_false")]
    pub read_only: bool,
}

/// A command probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExecAction {
    /// Command.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub command: Vec<String>,
}

/// An HTTP probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HttpGetAction {
    /// Path.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i32,
}

/// A TCP probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TcpSocketAction {
    /// Port.
    #[serde(skip_serializing_if = "is_zero")]
    pub port: i32,
}

/// What a probe does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProbeHandlerConf {
    /// Run a command.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exec: Option<ExecAction>,
    /// Request a URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_get: Option<HttpGetAction>,
    /// Open a TCP connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tcp_socket_action: Option<TcpSocketAction>,
}

/// A health probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProbeConf {
    /// Delay before the first probe.
    #[serde(skip_serializing_if = "is_zero")]
    pub initial_delay_seconds: i32,
    /// Timeout.
    #[serde(skip_serializing_if = "is_zero")]
    pub timeout_seconds: i32,
    /// Period.
    #[serde(skip_serializing_if = "is_zero")]
    pub period_seconds: i32,
    /// Successes needed.
    #[serde(skip_serializing_if = "is_zero")]
    pub success_threshold: i32,
    /// Failures tolerated.
    #[serde(skip_serializing_if = "is_zero")]
    pub failure_threshold: i32,
    /// What the probe does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handler: Option<ProbeHandlerConf>,
}

/// A container of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContainerConf {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// CPU cores.
    #[serde(skip_serializing_if = "is_zero")]
    pub cpus: i32,
    /// Memory.
    #[serde(skip_serializing_if = "is_zero")]
    pub memory: i32,
    /// Accelerator cards.
    #[serde(skip_serializing_if = "is_zero")]
    pub cards: i32,
    /// Command.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub run_cmd: Vec<String>,
    /// Arguments.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub run_args: Vec<String>,
    /// Ports.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub ports: Vec<PortConf>,
    /// Environment.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub env: BTreeMap<String, String>,
    /// Image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageConf>,
    /// Volume mounts.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub volume_mounts: Vec<VolumnMountConf>,
    /// Startup probe (the service spells it `startupsProbe`).
    #[serde(rename = "startupsProbe", skip_serializing_if = "Option::is_none")]
    pub startups_probe: Option<ProbeConf>,
    /// Readiness probe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<ProbeConf>,
    /// Liveness probe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<ProbeConf>,
}

/// Public access.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccessConf {
    /// Public access on.
    #[serde(skip_serializing_if = "is_false")]
    pub public_access: bool,
    /// Elastic IP.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub eip: String,
}

/// Logging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogConf {
    /// Keep logs.
    #[serde(skip_serializing_if = "is_false")]
    pub persistent: bool,
}

/// Canary rollout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CanaryStrategy {
    /// Extra instances during a rollout.
    #[serde(skip_serializing_if = "is_zero")]
    pub max_surge: i32,
    /// Instances that may be down during a rollout.
    #[serde(skip_serializing_if = "is_zero")]
    pub max_unavailable: i32,
}

/// Rollout settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeployConf {
    /// Canary strategy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canary_strategy: Option<CanaryStrategy>,
}

/// Pod labels and annotations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Misc {
    /// Labels.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub pod_labels: BTreeMap<String, String>,
    /// Annotations.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub pod_annotations: BTreeMap<String, String>,
}

/// The configuration of an app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateAppRequest {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub app_name: String,
    /// Accelerator type.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub chip_type: String,
    /// Instances.
    #[serde(skip_serializing_if = "is_zero")]
    pub ins_count: i32,
    /// Pool and queue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub res_pool: Option<ResPoolConf>,
    /// Storage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageConf>,
    /// Containers.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub containers: Vec<ContainerConf>,
    /// Public access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<AccessConf>,
    /// Logging.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<LogConf>,
    /// Rollout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deploy: Option<DeployConf>,
    /// Labels and annotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub misc: Option<Misc>,
}

/// The official SDK's name of [`CreateAppRequest`].
pub type CreateAppArgs = CreateAppRequest;
