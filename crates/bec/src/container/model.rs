//! Container specifications shared by container services, deployments and pods.

use bce_core::Secret;

use crate::body::omit_empty;

omit_empty! {
    /// A container of a pod. Empty fields are left out.
    pub struct ContainerDetails {
        /// Container name.
        pub name: String,
        /// Image tag.
        pub image_version: String,
        /// Image repository.
        pub image_address: String,
        /// Memory in GB.
        pub memory: i64,
        /// CPU cores.
        pub cpu: i64,
        /// GPUs.
        pub gpu: i64,
        /// Working directory.
        pub working_dir: String,
        /// Entry point.
        pub commands: Vec<String>,
        /// Arguments.
        pub args: Vec<String>,
        /// Mounts.
        pub volume_mounts: Vec<V1VolumeMount>,
        /// Ports.
        pub ports: Vec<V1ContainerPort>,
        /// Environment.
        pub envs: Vec<V1EnvVar>,
    }
}

omit_empty! {
    /// A volume mounted into a container.
    pub struct V1VolumeMount {
        /// Volume name.
        pub name: String,
        /// Mount path.
        pub mount_path: String,
        /// Read only.
        pub read_only: bool,
        /// Propagation, e.g. `HostToContainer`.
        pub mount_propagation: String,
        /// Sub-path of the volume.
        pub sub_path: String,
    }
}

omit_empty! {
    /// A port of a container.
    pub struct V1ContainerPort {
        /// `TCP` or `UDP`.
        pub protocol: String,
        /// Port in the container.
        pub container_port: i64,
        /// Host address.
        #[serde(rename = "hostIP")]
        pub host_ip: String,
        /// Host port.
        pub host_port: i64,
        /// Port name.
        pub name: String,
    }
}

omit_empty! {
    /// An environment variable.
    pub struct V1EnvVar {
        /// Name.
        pub name: String,
        /// Literal value.
        pub value: String,
        /// Value taken from elsewhere.
        pub value_from: Option<V1EnvVarSource>,
    }
}

omit_empty! {
    /// Where an environment variable's value comes from.
    pub struct V1EnvVarSource {
        /// A key of a config map.
        pub config_map_key_ref: Option<V1ConfigMapKeySelector>,
        /// A field of the pod.
        pub field_ref: Option<V1ObjectFieldSelector>,
        /// A resource of a container.
        pub resource_field_ref: Option<V1ResourceFieldSelector>,
        /// A key of a secret.
        pub secret_key_ref: Option<V1SecretKeySelector>,
    }
}

omit_empty! {
    /// A key of a config map.
    pub struct V1ConfigMapKeySelector {
        /// Key.
        pub key: String,
        /// Config map name.
        pub name: String,
        /// May be missing.
        pub optional: bool,
    }
}

omit_empty! {
    /// A field of the pod, e.g. `status.podIP`.
    pub struct V1ObjectFieldSelector {
        /// API version.
        pub api_version: String,
        /// Field path.
        pub field_path: String,
    }
}

omit_empty! {
    /// A resource of a container, e.g. `limits.memory`.
    pub struct V1ResourceFieldSelector {
        /// Container.
        pub container_name: String,
        /// Divisor, e.g. `1Mi`.
        pub divisor: String,
        /// Resource.
        pub resource: String,
    }
}

omit_empty! {
    /// A key of a secret. `optional` is text on the wire (`"true"`).
    pub struct V1SecretKeySelector {
        /// Key.
        pub key: String,
        /// Secret name.
        pub name: String,
        /// May be missing (`"true"`/`"false"`).
        pub optional: String,
    }
}

omit_empty! {
    /// An image pull secret, by name.
    pub struct ImageRegistrySecret {
        /// Secret name.
        pub name: String,
    }
}

omit_empty! {
    /// A volume given by name (empty dir, config map, secret).
    pub struct NamedVolume {
        /// Name.
        pub name: String,
    }
}

omit_empty! {
    /// A persistent volume claim template.
    pub struct VolumeClaimTemplate {
        /// Name.
        pub name: String,
        /// Size in GB.
        pub storage_size: i64,
        /// Disk type.
        pub disk_type: String,
    }
}

omit_empty! {
    /// Volumes of a container service.
    pub struct Volume {
        /// Empty directories.
        pub empty_dir: Vec<NamedVolume>,
        /// Config maps.
        pub config_map: Vec<NamedVolume>,
        /// Secrets.
        pub secret: Vec<NamedVolume>,
        /// Claim templates.
        pub volume_claim_templates: Vec<VolumeClaimTemplate>,
    }
}

omit_empty! {
    /// Log collection of a container service. The Elasticsearch password is a
    /// [`Secret`]: serialized as is, masked in `Debug`.
    pub struct LogCollectDetail {
        /// Service id.
        pub service_id: String,
        /// Collect logs.
        pub log_collect: bool,
        /// Log file pattern.
        pub log_path: String,
        /// Parse JSON lines.
        pub json_analysis: bool,
        /// Push logs.
        pub push_log: bool,
        /// Standard output.
        pub standard: bool,
        /// Custom files.
        pub custom: bool,
        /// Output, e.g. `ES`.
        pub log_output_type: String,
        /// Elasticsearch address.
        #[serde(rename = "esIP")]
        pub es_ip: String,
        /// Elasticsearch port.
        pub es_port: i64,
        /// Elasticsearch index.
        pub es_index: String,
        /// Encrypted connection.
        pub encrypted: bool,
        /// Elasticsearch user.
        pub es_user_name: String,
        /// Elasticsearch password.
        pub es_user_password: Secret,
    }
}
