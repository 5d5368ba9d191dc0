//! The dev machine configuration, shared by create and modify.

use std::collections::BTreeMap;

use bce_core::Secret;
use serde::{Deserialize, Serialize};

/// Pool and queue the machine runs in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourcePool {
    /// Pool type, e.g. `common`.
    pub resource_pool_type: String,
    /// Pool id.
    pub resource_pool_id: String,
    /// Pool name.
    pub resource_pool_name: String,
    /// Queue (required by the service).
    pub queue_name: String,
}

/// Compute resources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Resources {
    /// Accelerator type, e.g. `baidu.com/a800_80g_cgpu`.
    pub accelerator_type: String,
    /// Accelerators.
    pub accelerator_count: i32,
    /// CPU cores (required).
    pub cpus: i32,
    /// Memory (required; GiB in the product documentation's example).
    pub memory: i32,
    /// Shared memory size.
    pub shm_size: i32,
}

/// Image of the machine. The registry password is a [`Secret`]: serialized
/// as is, masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Image {
    /// Image type (0 in the documentation's example).
    pub image_type: i32,
    /// Image address (required).
    pub image_url: String,
    /// Registry user.
    pub username: String,
    /// Registry password.
    pub password: Secret,
}

/// A port exposed through the load balancer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortInfo {
    /// Name, e.g. `jupyter`.
    pub name: String,
    /// Port in the machine.
    pub port: i32,
    /// Port on the load balancer.
    pub access_port: i32,
}

/// Remote access settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Access {
    /// Load balancer id (required).
    pub blb_id: String,
    /// Enable SSH.
    pub ssh_enable: bool,
    /// SSH public key.
    #[serde(rename = "sshRSAPubKey")]
    pub ssh_rsa_pub_key: String,
    /// Exposed ports (required; `null` when `None`).
    pub port_info: Option<Vec<PortInfo>>,
}

/// Scheduling preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScheduleConf {
    /// Prefer CPU nodes.
    pub cpu_node_affinity: bool,
    /// Priority, e.g. `high`.
    pub priority: String,
}

/// A PFS source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Pfs {
    /// PFS instance id.
    pub instance_id: String,
    /// Path in the file system.
    pub source_path: String,
}

/// A CFS source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Cfs {
    /// CFS instance id.
    pub instance_id: String,
    /// Path in the file system.
    pub source_path: String,
    /// Mount point address.
    pub mount_point: String,
}

/// A CDS disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cds {
    /// Capacity in GiB.
    pub capacity: i32,
}

/// A BOS source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Bos {
    /// Bucket path.
    pub source_path: String,
}

/// PFS details of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetPfs {
    /// Client id.
    #[serde(rename = "clientID")]
    pub client_id: String,
    /// Instance type, e.g. `pfsL2`.
    pub instance_type: String,
    /// Region.
    pub region: String,
    /// PFS instance id.
    pub instance_id: String,
    /// Cluster IP.
    #[serde(rename = "clusterIP")]
    pub cluster_ip: String,
    /// Mount targets (`null` when `None`).
    pub mount_target_id: Option<Vec<String>>,
    /// Host mount path.
    pub host_mount_path: String,
    /// Source path.
    pub src_path: String,
}

/// A dataset source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Dataset {
    /// Dataset id.
    pub dataset_id: String,
    /// Version id.
    pub version_id: String,
    /// Storage type, e.g. `PFS`.
    pub storage_type: String,
    /// PFS details.
    pub pfs: Option<DatasetPfs>,
    /// Default mount path.
    pub default_mount_path: String,
}

/// A volume of the machine (the service spells it `volumn`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumnConf {
    /// Volume type, e.g. `cds`, `pfs`, `dataset`, `cfs`, `bos`.
    pub volumn_type: String,
    /// PFS source.
    pub pfs: Option<Pfs>,
    /// Dataset source.
    pub dataset: Option<Dataset>,
    /// CFS source.
    pub cfs: Option<Cfs>,
    /// CDS disk.
    pub cds: Option<Cds>,
    /// BOS source.
    pub bos: Option<Bos>,
    /// Mount path (`/.rootfs` for the root disk).
    pub mount_path: String,
    /// Mount read-only.
    pub read_only: bool,
}

/// The configuration of a dev machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevInstanceConf {
    /// Pool and queue.
    pub resource_pool: Option<ResourcePool>,
    /// Resources.
    pub resources: Option<Resources>,
    /// Image.
    pub image: Option<Image>,
    /// Remote access.
    pub access: Option<Access>,
    /// Scheduling.
    pub schedule_conf: Option<ScheduleConf>,
    /// Working directory (not sent when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_dir: Option<String>,
    /// Environment variables (not sent when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envs: Option<BTreeMap<String, String>>,
    /// Start command (not sent when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_cmd: Option<String>,
    /// Volumes.
    pub volumn_confs: Option<Vec<VolumnConf>>,
    /// Last update (Unix seconds).
    pub updated_at: i64,
}

/// Who can see the machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisibleScope {
    /// Scope type (1 in the documentation's example).
    #[serde(rename = "type")]
    pub kind: i32,
}

/// Notification settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Notify {
    /// Notification rule id.
    pub notify_rule_id: String,
    /// Whether notifications are on.
    pub is_open: bool,
}

/// Body of [`crate::Client::create_dev_instance`] and
/// [`crate::Client::update_dev_instance`] (which addresses the machine by `id`).
/// Every field is sent; unset parts travel as `null`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateDevInstanceRequest {
    /// Name (required).
    pub name: String,
    /// Instance id: empty to create, the machine's id to modify.
    pub id: String,
    /// Configuration (required).
    pub conf: Option<DevInstanceConf>,
    /// Visibility.
    pub visible_scope: Option<VisibleScope>,
    /// Notifications.
    pub notify: Option<Notify>,
    /// Publicly managed.
    pub is_public_mgmt: bool,
    /// Creator name (required).
    pub creator: String,
    /// Creator id (required).
    pub creator_id: String,
}

/// The official SDK's name of [`CreateDevInstanceRequest`].
pub type CreateDevInstanceArgs = CreateDevInstanceRequest;

/// Where the machine runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceInstanceInfo {
    /// Node IP.
    #[serde(rename = "nodeIP", alias = "nodeIp")]
    pub node_ip: String,
    /// Pod name.
    pub pod_name: String,
    /// Service instance id.
    pub service_instance_id: String,
    /// Internal IP.
    #[serde(rename = "internalIP", alias = "internalIp")]
    pub internal_ip: String,
    /// Public IP.
    #[serde(rename = "publicIP", alias = "publicIp")]
    pub public_ip: String,
}

/// A login URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LoginUrl {
    /// The URL.
    pub url: String,
}

/// Login addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LoginInfo {
    /// Jupyter.
    pub jupyter: LoginUrl,
    /// VS Code.
    pub vscode: LoginUrl,
}

/// A scheduled stop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TimedStop {
    /// When the timer started (Unix seconds).
    pub start_time: i64,
    /// Delay in seconds.
    pub delay_sec: i64,
}

/// Declares a forward-compatible numeric state: a transparent wrapper of
/// the number the service sends, so any value is representable.
macro_rules! numeric_state {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                $name(value)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

pub(crate) use numeric_state;

numeric_state! {
    /// The state of a dev machine, a number on the wire. Neither the wire
    /// contract, the official SDK nor the public API reference (the
    /// `DescribeDevInstance(s)` pages) says what the numbers mean, so no
    /// value has a name here: compare with the values your machines report,
    /// e.g. in [`crate::Client::wait_for_dev_instance`]. Every value
    /// decodes and encodes unchanged.
    DevInstanceStatus
}

/// Declares a dev machine answer: its own fields, then (at `..common`) the
/// account, creator, region, version, status and timestamps that the list
/// and the detail answers both carry, then its remaining fields. One
/// definition keeps the two answers' shared fields from drifting apart.
macro_rules! dev_instance_answer {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )*
            ..common,
            $( $(#[$tmeta:meta])* pub $tfield:ident : $tty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// Account.
            pub account_id: String,
            /// Creator.
            pub creator: String,
            /// Creator id.
            pub creator_id: String,
            /// Region.
            pub region: String,
            /// Version.
            pub version: String,
            /// Status (see [`DevInstanceStatus`]).
            pub status: DevInstanceStatus,
            /// Why the status is what it is.
            pub status_reason: String,
            /// Creation time (Unix seconds, 64-bit).
            pub created_at: i64,
            /// Last update (Unix seconds, 64-bit).
            pub updated_at: i64,
            $( $(#[$tmeta])* pub $tfield: $tty, )*
        }
    };
}

dev_instance_answer! {
    /// A machine in a list.
    pub struct DevInstanceBrief {
        /// Name.
        pub name: String,
        /// Id.
        pub id: String,
        /// Pool id.
        pub resource_pool_id: String,
        /// Pool name.
        pub resource_pool_name: String,
        /// Queue.
        pub queue_name: String,
        /// Image.
        pub image_url: String,
        /// Resources.
        pub resources: Option<Resources>,
        ..common,
        /// Fields this SDK version does not know.
        #[serde(flatten)]
        pub extra: BTreeMap<String, serde_json::Value>,
    }
}

dev_instance_answer! {
    /// A machine in detail.
    pub struct DevInstanceDetail {
        /// Name.
        pub name: String,
        /// Id.
        pub id: String,
        /// Configuration.
        pub conf: Option<DevInstanceConf>,
        /// Where it runs.
        pub service_instance_info: Option<ServiceInstanceInfo>,
        /// Login addresses.
        pub login_info: Option<LoginInfo>,
        /// Notifications.
        pub notify: Option<Notify>,
        /// Visibility.
        pub visible_scope: Option<VisibleScope>,
        /// Scheduled stop.
        pub timed_stop_dev_instance: Option<TimedStop>,
        /// Publicly managed.
        pub is_public_mgmt: bool,
        ..common,
    }
}
