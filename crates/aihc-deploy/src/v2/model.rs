//! The service configuration (`ServiceConf`) that `CreateService` and
//! `ModifyService` send and `DescribeService` returns.
//!
//! Field names on the wire are the service's own, misspellings included
//! (`volumns`, `volumnName`, `startupsProbe`, `tcpSocketAction`); the Rust
//! names follow them so the API reference reads across.
//!
//! Every scalar and nested object is an `Option`: `None` is left out of the
//! body, `Some(0)` / `Some(false)` / `Some("")` are sent. That matters for
//! `ModifyService`, where an absent field keeps its value and a zero sets it.
//! Lists and maps are left out when empty. Answers that carry `null` where
//! a list is meant decode as empty.

use std::collections::BTreeMap;

use bce_core::json::null_as_default;
use bce_core::Secret;
use serde::{Deserialize, Serialize};

bce_core::string_enum! {
    /// How replicas are scheduled (`workloadType`). The default (empty) is
    /// one pod per replica.
    pub enum WorkloadType {
        /// Federated: several pods form one replica (`misc.fedPodsPerIns`).
        Fed = "fed",
    }
}

bce_core::string_enum! {
    /// Kind of resource pool (`resourcePoolType`).
    pub enum ResourcePoolType {
        /// A self-managed (common) pool.
        Common = "common",
        /// A dedicated pool of the second generation.
        DedicatedV2 = "dedicatedV2",
    }
}

bce_core::string_enum! {
    /// Kind of a volume (`volumeType`); the matching source object of
    /// [`VolumnConf`] carries its settings.
    pub enum VolumeType {
        /// Parallel file system (PFS).
        Pfs = "pfs",
        /// A path of the node.
        HostPath = "hostpath",
        /// Cloud file system (CFS).
        Cfs = "cfs",
        /// A dataset version.
        Dataset = "dataset",
        /// A cloud disk (CDS).
        Cds = "cds",
        /// Object storage (BOS).
        Bos = "bos",
    }
}

bce_core::string_enum! {
    /// Network of a service's access point (`networkType`).
    pub enum NetworkType {
        /// The VPC of the resource pool.
        Vpc = "vpc",
    }
}

bce_core::string_enum! {
    /// Protocol of a container port (`protocol`).
    pub enum PortProtocol {
        /// HTTP.
        Http = "HTTP",
    }
}

bce_core::string_enum! {
    /// Scheduling priority of the pods (`deploy.schedule.priority`).
    pub enum SchedulePriority {
        /// High.
        High = "high",
        /// Normal.
        Normal = "normal",
        /// Low.
        Low = "low",
    }
}

bce_core::string_enum! {
    /// Repetition of a time-based scaling rule (`hpa.timeBased.items[].type`).
    pub enum ScaleScheduleKind {
        /// Every day at `hour:minute:second`.
        Daily = "daily",
    }
}

/// Resource pool and queue of a service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourcePoolConf {
    /// Resource pool id, e.g. `cce-e0isdmib` (required by `create_service`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_pool_id: Option<String>,
    /// Resource pool name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_pool_name: Option<String>,
    /// Queue name, e.g. `default`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_name: Option<String>,
    /// Kind of pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_pool_type: Option<ResourcePoolType>,
}

impl ResourcePoolConf {
    /// Pool `pool_id`, queue `queue`.
    pub fn new(pool_id: impl Into<String>, queue: impl Into<String>) -> Self {
        ResourcePoolConf {
            resource_pool_id: Some(pool_id.into()),
            queue_name: Some(queue.into()),
            ..Default::default()
        }
    }
}

/// Storage of a service: shared memory and volumes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StorageConf {
    /// Size of `/dev/shm` (GiB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shm_size: Option<i32>,
    /// Volumes (wire name `volumns`).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub volumns: Vec<VolumnConf>,
}

/// A PFS (parallel file system) source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PfsConfig {
    /// PFS instance id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// PFS instance type, e.g. `pfsL2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Mount path on the node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_mount_path: Option<String>,
    /// Mount target ids.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub mount_target_id: Vec<String>,
    /// Cluster IP (wire name `clusterIP`).
    #[serde(rename = "clusterIP", skip_serializing_if = "Option::is_none")]
    pub cluster_ip: Option<String>,
    /// Client id (wire name `clientID`).
    #[serde(rename = "clientID", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Cluster port (a string on the wire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_port: Option<String>,
    /// Path inside the file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// A path of the node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HostPathConfig {
    /// Path on the node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// A CFS (cloud file system) source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CfsConfig {
    /// CFS instance id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// Path inside the file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
    /// Mount point address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mount_point: Option<String>,
}

/// A dataset version as a volume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DatasetConfig {
    /// Dataset id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset_id: Option<String>,
    /// Dataset version id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// Where the dataset comes from, e.g. `private`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Storage of the dataset, e.g. `PFS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_type: Option<String>,
    /// PFS details when the dataset lives on PFS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pfs: Option<PfsConfig>,
}

/// A CDS (cloud disk) source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CdsConfig {
    /// Disk id (empty for a dynamically created disk).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// Disk type, e.g. `ssd`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_type: Option<String>,
    /// Capacity (GiB; required for a dynamic disk).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<i32>,
    /// Path on the disk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// A Kubernetes secret reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SecretRef {
    /// Secret name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Secret namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// A BOS (object storage) source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BosConfig {
    /// The secret holding the BOS credentials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<SecretRef>,
    /// Bucket path, e.g. `bos://models/llama3`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// A volume (wire name `volumns[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumnConf {
    /// Kind of volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<VolumeType>,
    /// Volume name, referenced by [`VolumeMountConf::volumn_name`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumn_name: Option<String>,
    /// Mounted dynamically (a storage class creates the volume).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dynamic: Option<bool>,
    /// PFS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pfs: Option<PfsConfig>,
    /// Node path source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostpath: Option<HostPathConfig>,
    /// CFS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cfs: Option<CfsConfig>,
    /// Dataset source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset: Option<DatasetConfig>,
    /// CDS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cds: Option<CdsConfig>,
    /// BOS source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bos: Option<BosConfig>,
}

/// A port a container listens on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortConf {
    /// Protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<PortProtocol>,
    /// Port name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Port number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    /// URL prefix routed to this port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// What the prefix is rewritten to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<String>,
}

impl PortConf {
    /// Port `port` named `name`.
    pub fn new(name: impl Into<String>, port: i32) -> Self {
        PortConf {
            name: Some(name.into()),
            port: Some(port),
            ..Default::default()
        }
    }
}

/// Image of a container. The pull password is a [`Secret`]: sent as is,
/// masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImageConf {
    /// Image type (a number; `1` in the official examples).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_type: Option<i32>,
    /// Image address, e.g. `registry.baidubce.com/aihc/pytorch:2.2-cu121`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Registry user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Registry password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
}

/// A volume mounted into a container.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumeMountConf {
    /// Name of a volume of [`StorageConf::volumns`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumn_name: Option<String>,
    /// Path in the container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mount_path: Option<String>,
    /// Mounted read-only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// Runs a command.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExecAction {
    /// The command and its arguments.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub command: Vec<String>,
}

/// Requests an HTTP path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HttpGetAction {
    /// Path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
}

/// Opens a TCP connection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TcpSocketAction {
    /// Port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
}

/// What a probe checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProbeHandler {
    /// A command that must exit with 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exec: Option<ExecAction>,
    /// An HTTP GET that must answer 2xx/3xx.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_get: Option<HttpGetAction>,
    /// A TCP port that must accept (wire name `tcpSocketAction`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tcp_socket_action: Option<TcpSocketAction>,
}

/// A startup, readiness or liveness probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProbeConf {
    /// Seconds before the first check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_delay_seconds: Option<i32>,
    /// Seconds a check may take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i32>,
    /// Seconds between checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_seconds: Option<i32>,
    /// Successes in a row that count as healthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_threshold: Option<i32>,
    /// Failures in a row that count as unhealthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_threshold: Option<i32>,
    /// The check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handler: Option<ProbeHandler>,
}

/// A post-start or pre-stop hook.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LifecycleHandler {
    /// Runs a command.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exec: Option<ExecAction>,
    /// Requests an HTTP path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_get: Option<HttpGetAction>,
    /// Opens a TCP connection (wire name `tcpSocket`, unlike probes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tcp_socket: Option<TcpSocketAction>,
    /// Sleeps this many seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sleep_sec: Option<i32>,
}

/// A container of the service's pods.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContainerConf {
    /// Container name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// CPU cores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpus: Option<i32>,
    /// Memory (GiB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<i32>,
    /// Accelerators (GPUs) of [`ServiceConf::accelerator_type`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accelerator_count: Option<i32>,
    /// Entry point.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub command: Vec<String>,
    /// Arguments.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub run_args: Vec<String>,
    /// Ports.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub ports: Vec<PortConf>,
    /// Environment variables.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub envs: BTreeMap<String, String>,
    /// Image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageConf>,
    /// Volume mounts.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub volume_mounts: Vec<VolumeMountConf>,
    /// Startup probe (wire name `startupsProbe`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startups_probe: Option<ProbeConf>,
    /// Readiness probe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<ProbeConf>,
    /// Liveness probe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<ProbeConf>,
    /// Hook run after the container starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_start: Option<LifecycleHandler>,
    /// Hook run before the container stops.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_stop: Option<LifecycleHandler>,
    /// An init container (runs to completion before the others).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_init_container: Option<bool>,
}

impl ContainerConf {
    /// A container `name` running `image_url`.
    pub fn new(name: impl Into<String>, image_url: impl Into<String>) -> Self {
        ContainerConf {
            name: Some(name.into()),
            image: Some(ImageConf {
                image_url: Some(image_url.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// Sets CPU cores, memory (GiB) and accelerators.
    pub fn with_resources(mut self, cpus: i32, memory_gib: i32, accelerators: i32) -> Self {
        self.cpus = Some(cpus);
        self.memory = Some(memory_gib);
        self.accelerator_count = Some(accelerators);
        self
    }

    /// Sets the entry point.
    pub fn with_command<I, S>(mut self, command: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.command = command.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a port.
    pub fn with_port(mut self, name: impl Into<String>, port: i32) -> Self {
        self.ports.push(PortConf::new(name, port));
        self
    }

    /// Adds an environment variable.
    pub fn with_env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.envs.insert(name.into(), value.into());
        self
    }

    /// Sets the registry credentials of the image.
    pub fn with_registry_login(
        mut self,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        let image = self.image.get_or_insert_with(ImageConf::default);
        image.username = Some(username.into());
        image.password = Some(password.into());
        self
    }
}

/// AI gateway settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AiGatewayConf {
    /// Require authentication at the gateway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_auth: Option<bool>,
}

/// How a service is reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccessConf {
    /// Reachable from the internet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access: Option<bool>,
    /// Elastic IP to use for public access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eip: Option<String>,
    /// Network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_type: Option<NetworkType>,
    /// AI gateway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ai_gateway: Option<AiGatewayConf>,
    /// Labels of the Kubernetes service.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub service_labels: BTreeMap<String, String>,
    /// Annotations of the Kubernetes service.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub service_annotations: BTreeMap<String, String>,
}

/// Logging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogConf {
    /// Keep logs after the pods are gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
}

/// Rolling-update limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CanaryStrategy {
    /// Extra pods allowed during an update (percent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_surge: Option<i32>,
    /// Pods allowed to be unavailable during an update (percent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<i32>,
}

/// Scheduling.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScheduleConf {
    /// Priority of the pods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<SchedulePriority>,
}

/// Deployment strategy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeployConf {
    /// Rolling-update limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canary_strategy: Option<CanaryStrategy>,
    /// Scheduling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleConf>,
}

/// Pod-level settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MiscConf {
    /// Pod labels.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub pod_labels: BTreeMap<String, String>,
    /// Pod annotations.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub pod_annotations: BTreeMap<String, String>,
    /// Seconds a pod gets to stop.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grace_period_sec: Option<i32>,
    /// Pods per replica of a federated workload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fed_pods_per_ins: Option<i32>,
    /// Use RDMA networking (wire name `enableRDMA`).
    #[serde(rename = "enableRDMA", skip_serializing_if = "Option::is_none")]
    pub enable_rdma: Option<bool>,
}

/// One time-based scaling rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimeBasedScaleItem {
    /// Replicas from this time on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired_replicas: Option<i32>,
    /// Repetition (wire name `type`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ScaleScheduleKind>,
    /// Hour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<i32>,
    /// Minute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<i32>,
    /// Second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<i32>,
    /// Day of the week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_of_week: Option<i32>,
    /// Day of the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_of_month: Option<i32>,
    /// A cron expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cron: Option<String>,
}

/// Time-based autoscaling.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimeBasedScaling {
    /// On.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Rules.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub items: Vec<TimeBasedScaleItem>,
}

/// What metric-based autoscaling watches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScaleIndicators {
    /// Built-in indicators and their targets, e.g. `cpu` → 70.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub default_indicators: BTreeMap<String, i64>,
    /// Custom indicators and their targets, e.g. `qps` → 0.75.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub custom_indicators: BTreeMap<String, f64>,
}

/// Metric-based autoscaling.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetricBasedScaling {
    /// On.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Fewest replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_instances: Option<i32>,
    /// Most replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_instances: Option<i32>,
    /// Indicators and targets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_indicators: Option<ScaleIndicators>,
    /// Seconds above target before scaling out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_out_duration: Option<i32>,
    /// Seconds below target before scaling in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_in_duration: Option<i32>,
}

/// Autoscaling (`hpa`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HpaConf {
    /// By time of day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_based: Option<TimeBasedScaling>,
    /// By metrics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric_based: Option<MetricBasedScaling>,
}

/// The configuration of an online service.
///
/// ```
/// use aihc_deploy::v2::{ContainerConf, ResourcePoolConf, ServiceConf};
/// let conf = ServiceConf::new("llama3-chat")
///     .with_resource_pool(ResourcePoolConf::new("cce-e0isdmib", "default"))
///     .with_instance_count(2)
///     .with_container(
///         ContainerConf::new("main", "registry.baidubce.com/aihc/vllm:0.8")
///             .with_resources(8, 64, 1)
///             .with_port("http", 8000),
///     );
/// let body = serde_json::to_value(&conf).unwrap();
/// assert_eq!(body["resourcePool"]["resourcePoolId"], "cce-e0isdmib");
/// assert!(body.get("storage").is_none()); // unset parts are not sent
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServiceConf {
    /// Service name (required by `create_service`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Accelerator model, e.g. `baidu.com/a800_80g_cgpu`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accelerator_type: Option<String>,
    /// Replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_count: Option<i32>,
    /// Workload type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workload_type: Option<WorkloadType>,
    /// Resource pool and queue (the pool id is required by `create_service`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_pool: Option<ResourcePoolConf>,
    /// Storage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageConf>,
    /// Containers (at least one for `create_service`).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub containers: Vec<ContainerConf>,
    /// Access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<AccessConf>,
    /// Logging.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<LogConf>,
    /// Deployment strategy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deploy: Option<DeployConf>,
    /// Pod-level settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub misc: Option<MiscConf>,
    /// Autoscaling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hpa: Option<HpaConf>,
}

impl ServiceConf {
    /// A configuration named `name`; add a pool and containers.
    pub fn new(name: impl Into<String>) -> Self {
        ServiceConf {
            name: Some(name.into()),
            ..Default::default()
        }
    }

    /// Sets the resource pool and queue.
    pub fn with_resource_pool(mut self, pool: ResourcePoolConf) -> Self {
        self.resource_pool = Some(pool);
        self
    }

    /// Sets the number of replicas.
    pub fn with_instance_count(mut self, replicas: i32) -> Self {
        self.instance_count = Some(replicas);
        self
    }

    /// Sets the accelerator model.
    pub fn with_accelerator_type(mut self, accelerator: impl Into<String>) -> Self {
        self.accelerator_type = Some(accelerator.into());
        self
    }

    /// Adds a container.
    pub fn with_container(mut self, container: ContainerConf) -> Self {
        self.containers.push(container);
        self
    }

    /// What is missing or wrong for `create_service` (name, pool id, a
    /// container with an image, no negative counts), as an invalid-input
    /// error naming the field.
    pub fn check_for_create(&self) -> Option<bce_core::Error> {
        let empty = |v: &Option<String>| v.as_deref().map_or(true, str::is_empty);
        if empty(&self.name) {
            return Some(bce_core::Error::invalid_input(
                "serviceConf.name",
                "must not be empty",
            ));
        }
        if self
            .resource_pool
            .as_ref()
            .map_or(true, |p| empty(&p.resource_pool_id))
        {
            return Some(bce_core::Error::invalid_input(
                "serviceConf.resourcePool.resourcePoolId",
                "must not be empty",
            ));
        }
        if self.containers.is_empty() {
            return Some(bce_core::Error::invalid_input(
                "serviceConf.containers",
                "at least one container is needed",
            ));
        }
        for (i, c) in self.containers.iter().enumerate() {
            if c.image.as_ref().map_or(true, |img| empty(&img.image_url)) {
                return Some(bce_core::Error::invalid_input(
                    format!("serviceConf.containers[{i}].image.imageUrl"),
                    "must not be empty",
                ));
            }
        }
        self.check_counts()
    }

    /// Negative counts are refused (also for `modify_service`).
    pub(crate) fn check_counts(&self) -> Option<bce_core::Error> {
        if self.instance_count.is_some_and(|n| n < 0) {
            return Some(bce_core::Error::invalid_input(
                "serviceConf.instanceCount",
                "must not be negative",
            ));
        }
        for (i, c) in self.containers.iter().enumerate() {
            for (field, value) in [
                ("cpus", c.cpus),
                ("memory", c.memory),
                ("acceleratorCount", c.accelerator_count),
            ] {
                if value.is_some_and(|v| v < 0) {
                    return Some(bce_core::Error::invalid_input(
                        format!("serviceConf.containers[{i}].{field}"),
                        "must not be negative",
                    ));
                }
            }
        }
        None
    }
}
