//! Container specifications shared by container services, deployments and pods.

use bce_core::Secret;
use serde::{Deserialize, Serialize};

use crate::client::{is_false, is_zero};

/// A container of a pod. Empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContainerDetails {
    /// Container name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Image tag.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_version: String,
    /// Image repository.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_address: String,
    /// Memory in GB.
    #[serde(skip_serializing_if = "is_zero")]
    pub memory: i64,
    /// CPU cores.
    #[serde(skip_serializing_if = "is_zero")]
    pub cpu: i64,
    /// GPUs.
    #[serde(skip_serializing_if = "is_zero")]
    pub gpu: i64,
    /// Working directory.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub working_dir: String,
    /// Entry point.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub commands: Vec<String>,
    /// Arguments.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub args: Vec<String>,
    /// Mounts.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub volume_mounts: Vec<V1VolumeMount>,
    /// Ports.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub ports: Vec<V1ContainerPort>,
    /// Environment.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub envs: Vec<V1EnvVar>,
}

/// A volume mounted into a container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1VolumeMount {
    /// Volume name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Mount path.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mount_path: String,
    /// Read only.
    #[serde(skip_serializing_if = "is_false")]
    pub read_only: bool,
    /// Propagation, e.g. `HostToContainer`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mount_propagation: String,
    /// Sub-path of the volume.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sub_path: String,
}

/// A port of a container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1ContainerPort {
    /// `TCP` or `UDP`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub protocol: String,
    /// Port in the container.
    #[serde(skip_serializing_if = "is_zero")]
    pub container_port: i64,
    /// Host address.
    #[serde(rename = "hostIP", skip_serializing_if = "String::is_empty")]
    pub host_ip: String,
    /// Host port.
    #[serde(skip_serializing_if = "is_zero")]
    pub host_port: i64,
    /// Port name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// An environment variable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1EnvVar {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Literal value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
    /// Value taken from elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_from: Option<V1EnvVarSource>,
}

/// Where an environment variable's value comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1EnvVarSource {
    /// A key of a config map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_map_key_ref: Option<V1ConfigMapKeySelector>,
    /// A field of the pod.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_ref: Option<V1ObjectFieldSelector>,
    /// A resource of a container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_field_ref: Option<V1ResourceFieldSelector>,
    /// A key of a secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_key_ref: Option<V1SecretKeySelector>,
}

/// A key of a config map.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1ConfigMapKeySelector {
    /// Key.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Config map name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// May be missing.
    #[serde(skip_serializing_if = "is_false")]
    pub optional: bool,
}

/// A field of the pod, e.g. `status.podIP`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1ObjectFieldSelector {
    /// API version.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub api_version: String,
    /// Field path.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field_path: String,
}

/// A resource of a container, e.g. `limits.memory`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1ResourceFieldSelector {
    /// Container.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub container_name: String,
    /// Divisor, e.g. `1Mi`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub divisor: String,
    /// Resource.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub resource: String,
}

/// A key of a secret. `optional` is text on the wire (`"true"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct V1SecretKeySelector {
    /// Key.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Secret name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// May be missing (`"true"`/`"false"`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub optional: String,
}

/// An image pull secret, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImageRegistrySecret {
    /// Secret name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// A volume given by name (empty dir, config map, secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NamedVolume {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// A persistent volume claim template.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumeClaimTemplate {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Size in GB.
    #[serde(skip_serializing_if = "is_zero")]
    pub storage_size: i64,
    /// Disk type.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub disk_type: String,
}

/// Volumes of a container service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Volume {
    /// Empty directories.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub empty_dir: Vec<NamedVolume>,
    /// Config maps.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub config_map: Vec<NamedVolume>,
    /// Secrets.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub secret: Vec<NamedVolume>,
    /// Claim templates.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub volume_claim_templates: Vec<VolumeClaimTemplate>,
}

/// Log collection of a container service. The Elasticsearch password is a
/// [`Secret`]: serialized as is, masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogCollectDetail {
    /// Service id.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub service_id: String,
    /// Collect logs.
    #[serde(skip_serializing_if = "is_false")]
    pub log_collect: bool,
    /// Log file pattern.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub log_path: String,
    /// Parse JSON lines.
    #[serde(skip_serializing_if = "is_false")]
    pub json_analysis: bool,
    /// Push logs.
    #[serde(skip_serializing_if = "is_false")]
    pub push_log: bool,
    /// Standard output.
    #[serde(skip_serializing_if = "is_false")]
    pub standard: bool,
    /// Custom files.
    #[serde(skip_serializing_if = "is_false")]
    pub custom: bool,
    /// Output, e.g. `ES`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub log_output_type: String,
    /// Elasticsearch address.
    #[serde(rename = "esIP", skip_serializing_if = "String::is_empty")]
    pub es_ip: String,
    /// Elasticsearch port.
    #[serde(skip_serializing_if = "is_zero")]
    pub es_port: i64,
    /// Elasticsearch index.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub es_index: String,
    /// Encrypted connection.
    #[serde(skip_serializing_if = "is_false")]
    pub encrypted: bool,
    /// Elasticsearch user.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub es_user_name: String,
    /// Elasticsearch password.
    #[serde(skip_serializing_if = "Secret::is_empty")]
    pub es_user_password: Secret,
}
