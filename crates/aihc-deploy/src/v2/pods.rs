//! Pods (instances) and pod groups of a service: list, take out of
//! traffic, delete.

use bce_core::{Error, Method};

use crate::v2::client::{id, response, Ack, Client};
use crate::v2::model::ContainerConf;

bce_core::string_enum! {
    /// State of a pod or pod group (Kubernetes pod phases).
    pub enum PodPhase {
        /// Accepted, not all containers started.
        Pending = "Pending",
        /// Bound to a node, containers started.
        Running = "Running",
        /// All containers exited successfully.
        Succeeded = "Succeeded",
        /// A container failed.
        Failed = "Failed",
        /// The state cannot be read.
        Unknown = "Unknown",
    }
}

bce_core::string_enum! {
    /// State of a container (Kubernetes container states).
    pub enum ContainerState {
        /// Not running yet (pulling the image, crash loop back-off, …; see
        /// the reason).
        Waiting = "Waiting",
        /// Running.
        Running = "Running",
        /// Exited.
        Terminated = "Terminated",
    }
}

/// Container reasons that do not heal without a change of the service;
/// [`Instance::failure`] reports them.
pub const FAILURE_REASONS: &[&str] = &[
    "CrashLoopBackOff",
    "ImagePullBackOff",
    "ErrImagePull",
    "InvalidImageName",
    "CreateContainerConfigError",
    "CreateContainerError",
];

response! {
    /// State of one container of a pod.
    pub struct ContainerStatus {
        /// State.
        pub container_status: ContainerState,
        /// Since (Unix seconds).
        pub created_at: i64,
        /// Why it is in this state.
        pub reason: String,
    }
}

response! {
    /// A container of a pod.
    pub struct ContainerInfo {
        /// Container id.
        pub container_id: String,
        /// Its configuration.
        pub container: Option<ContainerConf>,
        /// Its state.
        pub status: ContainerStatus,
    }
}

response! {
    /// State of a pod.
    pub struct InstanceStatus {
        /// Out of traffic ([`Client::disable_service_pod`]).
        pub blocked: bool,
        /// Phase.
        pub status: PodPhase,
        /// Created (Unix seconds).
        pub created_at: i64,
        /// Containers ready.
        pub available_containers: i32,
        /// Containers in total.
        pub total_containers: i32,
        /// Pod IP (wire name `podIP`).
        #[serde(rename = "podIP", alias = "podIp")]
        pub pod_ip: String,
        /// Node IP (wire name `nodeIP`).
        #[serde(rename = "nodeIP", alias = "nodeIp")]
        pub node_ip: String,
        /// What is wrong with the pod, if anything.
        pub reason: String,
    }
}

response! {
    /// A pod (instance) of a service.
    pub struct Instance {
        /// Pod id, e.g. `s-f9c14dcf3da2-595b6bcc54-7jms9-0`.
        pub instance_id: String,
        /// Containers.
        pub containers: Vec<ContainerInfo>,
        /// State.
        pub status: InstanceStatus,
        /// The service flags a risk.
        pub hazard: bool,
    }
}

impl Instance {
    /// Whether every container is ready and the pod takes traffic.
    pub fn is_ready(&self) -> bool {
        let s = &self.status;
        !s.blocked && s.total_containers > 0 && s.available_containers >= s.total_containers
    }

    /// A failure that does not heal by waiting: the pod failed, or a
    /// container waits for one of the [`FAILURE_REASONS`].
    pub fn failure(&self) -> Option<String> {
        if self.status.status == PodPhase::Failed {
            let reason = if self.status.reason.is_empty() {
                "no reason given"
            } else {
                self.status.reason.as_str()
            };
            return Some(format!("pod {} failed: {reason}", self.instance_id));
        }
        self.containers.iter().find_map(|c| {
            let reason = c.status.reason.as_str();
            FAILURE_REASONS
                .iter()
                .any(|r| reason.contains(r))
                .then(|| format!("pod {}: container {reason}", self.instance_id))
        })
    }
}

response! {
    /// Pods of a service (`DescribeServicePods`).
    pub struct DescribeServicePodsResponse {
        /// Pods.
        pub pods: Vec<Instance>,
        /// Request id.
        pub request_id: String,
    }
}

response! {
    /// A pod group (the pods of one federated replica).
    pub struct PodGroup {
        /// Group id.
        pub id: String,
        /// Master pods.
        pub masters: Vec<Instance>,
        /// Worker pods.
        pub workers: Vec<Instance>,
        /// State.
        pub status: PodPhase,
        /// Out of traffic.
        pub blocked: bool,
        /// Created (Unix seconds).
        pub created_at: i64,
        /// Pods ready.
        pub available_pods: i64,
        /// Pods in total.
        pub total_pods: i64,
    }
}

response! {
    /// Pod groups of a service (`DescribeServicePodGroups`).
    pub struct DescribeServicePodGroupsResponse {
        /// Resource pool id.
        pub resource_pool_id: String,
        /// Resource pool name.
        pub resource_pool_name: String,
        /// Queue.
        pub queue_name: String,
        /// Groups.
        pub service_pod_groups: Vec<PodGroup>,
        /// Request id.
        pub request_id: String,
    }
}

impl Client {
    /// Pods of a service (`GET /?action=DescribeServicePods`).
    pub async fn describe_service_pods(
        &self,
        service_id: &str,
    ) -> Result<DescribeServicePodsResponse, Error> {
        let op = id(
            Client::action("DescribeServicePods", Method::Get),
            "serviceId",
            service_id,
        );
        self.call(op).await
    }

    /// Pod groups of a service (`GET /?action=DescribeServicePodGroups`).
    pub async fn describe_service_pod_groups(
        &self,
        service_id: &str,
    ) -> Result<DescribeServicePodGroupsResponse, Error> {
        let op = id(
            Client::action("DescribeServicePodGroups", Method::Get),
            "serviceId",
            service_id,
        );
        self.call(op).await
    }

    /// Deletes a pod so that it is rebuilt
    /// (`POST /?action=DeleteServicePod`).
    pub async fn delete_service_pod(
        &self,
        service_id: &str,
        instance_id: &str,
    ) -> Result<Ack, Error> {
        let op = id(
            Client::action("DeleteServicePod", Method::Post),
            "serviceId",
            service_id,
        );
        let op = id(op, "instanceId", instance_id);
        self.call(op).await
    }

    /// Takes a pod out of traffic (`block = true`) or puts it back
    /// (`POST /?action=DisableServicePod`, `block` always sent); retried
    /// like an idempotent call.
    pub async fn disable_service_pod(
        &self,
        service_id: &str,
        instance_id: &str,
        block: bool,
    ) -> Result<Ack, Error> {
        let op = id(
            Client::action("DisableServicePod", Method::Post),
            "serviceId",
            service_id,
        );
        let op = id(op, "instanceId", instance_id)
            .query("block", block)
            .idempotent(true);
        self.call(op).await
    }
}
