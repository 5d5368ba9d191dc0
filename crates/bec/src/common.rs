//! Types shared by several BEC resources: placement, volumes, networks,
//! keys, tags and the constant sets of the service.

use bce_core::Secret;
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;

bce_core::string_enum! {
    /// A BEC region.
    pub enum Region {
        /// Central China.
        CentralChina = "CENTRAL_CHINA",
        /// East China.
        EastChina = "EAST_CHINA",
        /// North China.
        NorthChina = "NORTH_CHINA",
        /// South China.
        SouthChina = "SOUTH_CHINA",
        /// North-east China.
        NorthEast = "NORTH_EAST",
        /// North-west China.
        NorthWest = "NORTH_WEST",
        /// South-west China.
        SouthWest = "SOUTH_WEST",
    }
}

bce_core::string_enum! {
    /// A network service provider.
    pub enum ServiceProvider {
        /// China Mobile.
        ChinaMobile = "CHINA_MOBILE",
        /// China Unicom.
        ChinaUnicom = "CHINA_UNICOM",
        /// China Telecom.
        ChinaTelecom = "CHINA_TELECOM",
        /// All three.
        TripleLine = "TRIPLE_LINE",
    }
}

bce_core::string_enum! {
    /// A disk type.
    pub enum DiskType {
        /// NVMe.
        Nvme = "NVME",
        /// SATA.
        Sata = "SATA",
        /// CDS HDD.
        CdsHdd = "CDS_HDD",
        /// CDS SSD.
        CdsSsd = "CDS_SSD",
        /// RBD SSD.
        RbdSsd = "RBD_SSD",
        /// 4 TB HDD pass-through.
        HddPassthrough4t = "HDD_PASSTHROUGH_4T",
        /// 4 TB SSD pass-through.
        SsdPassthrough4t = "SSD_PASSTHROUGH_4T",
        /// HDD pass-through.
        HddPassthrough = "HDD_PASSTHROUGH",
        /// SSD pass-through.
        SsdPassthrough = "SSD_PASSTHROUGH",
    }
}

bce_core::string_enum! {
    /// Where an image comes from.
    pub enum ImageType {
        /// Public BCC image (the service's default).
        Bcc = "bcc",
        /// Custom BEC image.
        Bec = "bec",
    }
}

bce_core::string_enum! {
    /// A monitoring metric.
    pub enum MetricsType {
        /// CPU.
        Cpu = "CPU",
        /// Memory.
        Memory = "MEMORY",
        /// Inbound bandwidth.
        BandwidthReceive = "BANDWIDTH_RECEIVE",
        /// Outbound bandwidth.
        BandwidthTransmit = "BANDWIDTH_TRANSMIT",
        /// Inbound traffic.
        TrafficReceive = "TRAFFIC_RECEIVE",
        /// Outbound traffic.
        TrafficTransmit = "TRAFFIC_TRANSMIT",
        /// Requests.
        RequestNumber = "REQUEST_NUMBER",
        /// Request rate.
        RequestRate = "REQUEST_RATE",
        /// Request delay.
        RequestDelay = "REQUEST_DELAY",
    }
}

bce_core::string_enum! {
    /// What an update of a VM service changes.
    pub enum UpdateVmType {
        /// The service name.
        ServiceName = "serviceName",
        /// The VM name.
        VmName = "vmName",
        /// The password.
        Password = "password",
        /// The replicas.
        Replicas = "replicas",
        /// CPU and memory.
        Resource = "resource",
        /// Security groups.
        SecurityGroup = "securityGroup",
        /// The host name.
        Hostname = "hostname",
    }
}

bce_core::string_enum! {
    /// The status of a BEC resource (VM service, VM, container service,
    /// pod, load balancer, image, route): the values the service
    /// documents; anything else is kept as `Other`.
    pub enum ResourceStatus {
        /// Starting.
        Starting = "STARTING",
        /// Running.
        Running = "RUNNING",
        /// In an abnormal state.
        Exception = "EXCEPTION",
        /// Failed.
        Failed = "FAILED",
        /// Unknown.
        Unknown = "UNKNOWN",
        /// Terminated.
        Terminated = "TERMINATED",
        /// Waiting.
        Waiting = "WAITING",
        /// Stopped (services).
        Stop = "STOP",
        /// Stopping.
        Stopping = "STOPPING",
        /// Terminating.
        Terminating = "TERMINATING",
        /// Normal.
        Normal = "NORMAL",
        /// Being created (VMs).
        Creating = "CREATING",
        /// Stopped (VMs).
        Stopped = "STOPPED",
        /// Restarting (VMs).
        Restarting = "RESTARTING",
        /// Reinstalling (VMs).
        Reinstalling = "REINSTALLING",
        /// An image is being made (VMs).
        Imaging = "IMAGING",
        /// Pending (load balancers).
        Pending = "PENDING",
        /// Binding backends (load balancers).
        Binding = "BINDING",
        /// Error: not in the service's list, but treated as a failure by
        /// the waiters should it appear.
        Error = "ERROR",
    }
}

impl ResourceStatus {
    /// Whether this status is a failure a waiter stops on
    /// (`FAILED`, `EXCEPTION`, `ERROR`).
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            ResourceStatus::Failed | ResourceStatus::Exception | ResourceStatus::Error
        )
    }
}

bce_core::string_enum! {
    /// A start/stop action.
    pub enum ServiceAction {
        /// Start.
        Start = "start",
        /// Stop.
        Stop = "stop",
    }
}

omit_empty! {
    /// Where and how many replicas run.
    pub struct DeploymentInstance {
        /// Region.
        pub region: Region,
        /// Service provider.
        pub service_provider: ServiceProvider,
        /// Replicas.
        pub replicas: i64,
        /// City, e.g. `HANGZHOU`.
        pub city: String,
        /// Node id, e.g. `cn-hangzhou-cm`.
        pub region_id: String,
        /// `vpc` or `classic`.
        pub network_type: String,
        /// VPC id.
        pub vpc_id: String,
        /// Subnet id.
        pub subnet_id: String,
        /// Providers of a multi-line node.
        pub sub_service_providers: Vec<String>,
    }
}

omit_empty! {
    /// DNS settings.
    pub struct DnsConfig {
        /// `DEFAULT`, `LOCAL`, `CUSTOMIZE`, …
        pub dns_type: String,
        /// DNS server address.
        pub dns_address: String,
    }
}

omit_empty! {
    /// The system disk.
    pub struct SystemVolumeConfig {
        /// Disk type.
        pub volume_type: DiskType,
        /// Size in GB.
        #[serde(rename = "sizeInGB")]
        pub size_in_gb: i64,
        /// Name.
        pub name: String,
        /// PVC name.
        pub pvc_name: String,
    }
}

omit_empty! {
    /// A data disk.
    pub struct VolumeConfig {
        /// Name.
        pub name: String,
        /// Disk type.
        pub volume_type: DiskType,
        /// Size in GB.
        #[serde(rename = "sizeInGB")]
        pub size_in_gb: i64,
        /// PVC name.
        pub pvc_name: String,
        /// Pass-through code.
        pub passthrough_code: String,
    }
}

omit_empty! {
    /// Login settings. The password is a [`Secret`]: serialized as is, masked
    /// in `Debug`.
    pub struct KeyConfig {
        /// `password` or `bccKeyPair`.
        #[serde(rename = "type")]
        pub kind: String,
        /// Administrator password.
        pub admin_pass: Secret,
        /// Key pairs.
        pub bcc_key_pair_id_list: Vec<String>,
    }
}

omit_empty! {
    /// An IP address with its network.
    pub struct IpAddress {
        /// Address.
        pub ip: String,
        /// Gateway.
        pub gw: String,
        /// CIDR.
        pub cidr: String,
        /// Mask.
        pub mask: String,
    }
}

omit_empty! {
    /// A network interface.
    pub struct Networks {
        /// Network type.
        pub net_type: String,
        /// Interface name.
        pub net_name: String,
        /// Interface index.
        pub nic_index: i64,
        /// ENI id.
        pub eni_id: String,
        /// MAC address.
        pub mac: String,
        /// IPv4.
        pub ipv4: Option<IpAddress>,
        /// IPv6.
        pub ipv6: Option<IpAddress>,
        /// Reserved IPs.
        pub reserve_ips: Vec<String>,
    }
}

omit_empty! {
    /// Interfaces of a node type.
    pub struct NetworkConfig {
        /// Node type, e.g. `SINGLE`.
        pub node_type: String,
        /// Interfaces.
        pub networks_list: Vec<Networks>,
    }
}

omit_empty! {
    /// A tag.
    pub struct Tag {
        /// Key.
        pub tag_key: String,
        /// Value.
        pub tag_value: String,
    }
}

omit_empty! {
    /// A GPU request.
    pub struct GpuRequest {
        /// GPU type.
        #[serde(rename = "type")]
        pub kind: String,
        /// Count.
        pub num: i64,
    }
}

omit_empty! {
    /// A duration for prepaid resources.
    pub struct Period {
        /// Length.
        pub length: i64,
        /// Unit, e.g. `month`.
        pub time_unit: String,
    }
}

/// One metric sample.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct MetricPoint {
    /// Time (Unix seconds).
    pub time_in_second: i64,
    /// Value.
    pub value: f64,
}

/// Metrics of a resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ServiceMetricsResult {
    /// Samples.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub metrics: Vec<MetricPoint>,
    /// Maximum.
    pub max_value: f64,
    /// Average.
    pub avg_value: f64,
    /// Total.
    pub total_value: f64,
}

/// Filter of a metrics query: zero and empty values are not sent. `ipType`
/// and `port` are only sent by [`crate::Client::get_blb_metrics`] (the other
/// metrics operations ignore them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetricsRequest {
    /// Address kind of a load balancer, e.g. `extranet`.
    pub ip_type: String,
    /// Listener port of a load balancer.
    pub port: String,
    /// Service provider.
    #[serde(alias = "serviceProviderStr")]
    pub service_provider: String,
    /// Start (Unix seconds).
    pub start: i64,
    /// End (Unix seconds).
    pub end: i64,
    /// Step in minutes.
    pub step_in_min: i64,
    /// Metric.
    pub metrics_type: String,
}

/// The official SDK's name of [`MetricsRequest`].
pub type MetricsQuery = MetricsRequest;

impl MetricsRequest {
    /// Adds the filter to `op`: `serviceProvider`, `metricsType` when not
    /// empty, `start`, `end`, `stepInMin` when not 0.
    pub(crate) fn apply(&self, op: bce_core::Operation) -> bce_core::Operation {
        op.query_if_not_empty("serviceProvider", &self.service_provider)
            .query_if_not_empty("metricsType", &self.metrics_type)
            .query_opt("start", (self.start != 0).then_some(self.start))
            .query_opt("end", (self.end != 0).then_some(self.end))
            .query_opt(
                "stepInMin",
                (self.step_in_min != 0).then_some(self.step_in_min),
            )
    }
}

/// The action envelope `{result, action, details}`. An answer with
/// `result: false` never gets here: the client turns it into a service
/// error (see [`crate::BecErrorDecoder`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "D: Deserialize<'de> + Default"))]
#[non_exhaustive]
pub struct ActionResult<D> {
    /// Whether the action was accepted (always `true` in an answer the
    /// client returns).
    pub result: bool,
    /// The action.
    pub action: String,
    /// Details.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub details: D,
}

omit_empty! {
    /// Body of the batch start/stop calls ([`crate::Client::batch_operate_vm_service`],
    /// [`crate::Client::service_batch_operate`]): the ids and the action.
    pub struct BatchActionRequest {
        /// The services.
        pub id_list: Vec<String>,
        /// `start` or `stop`.
        pub action: ServiceAction,
    }
}

/// The body of a batch delete: the ids as a JSON array, none of them empty
/// (refused before sending, naming `field`).
pub(crate) fn ids_body(
    op: bce_core::Operation,
    field: &str,
    ids: &[String],
) -> bce_core::Operation {
    op.check(
        !ids.iter().any(String::is_empty),
        field,
        "ids must not be empty",
    )
    .json(ids)
}

/// Outcome for one resource of a batch. A batch call succeeds as a whole
/// even when some resources failed: read `success` and `error` here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct OperationVo {
    /// Resource id.
    pub resource_id: String,
    /// Success.
    pub success: bool,
    /// Error text.
    pub error: String,
}

/// A page `{orderBy, order, pageNo, pageSize, totalCount, result}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    default,
    bound(deserialize = "T: Deserialize<'de> + Default")
)]
#[non_exhaustive]
pub struct PageResult<T> {
    /// Sort field.
    pub order_by: String,
    /// Sort order.
    pub order: String,
    /// Page number.
    pub page_no: i64,
    /// Page size.
    pub page_size: i64,
    /// Total count.
    pub total_count: i64,
    /// Items.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub result: Vec<T>,
}

/// Serializes an empty list as `null`, as the official SDK does for a nil
/// slice in a field that is always sent.
pub(crate) fn vec_or_null<S: serde::Serializer, T: Serialize>(
    value: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if value.is_empty() {
        serializer.serialize_none()
    } else {
        serializer.collect_seq(value)
    }
}

/// Filter and paging of the generic BEC list request (`ListRequest`).
/// Zero and empty values are not sent; each operation documents which of
/// the fields it sends and ignores the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListRequest {
    /// Field to search, e.g. `name`, `instanceId`, `serviceId`.
    pub keyword_type: String,
    /// Search text.
    pub keyword: String,
    /// Page number (from 1; 0 is not sent).
    pub page_no: u32,
    /// Page size (0 is not sent).
    pub page_size: u32,
    /// Sort order, `asc` or `desc`.
    pub order: String,
    /// Sort field.
    pub order_by: String,
    /// Status filter.
    pub status: ResourceStatus,
    /// Region filter.
    pub region: String,
    /// OS filter.
    pub os_name: String,
    /// Service id filter.
    pub service_id: String,
    /// Node filter (VPC, route table lists).
    pub region_id: String,
    /// VPC filter (subnet, route table lists).
    pub vpc_id: String,
    /// Image type filter of the image list, e.g. `bec`.
    #[serde(rename = "type")]
    pub kind: String,
}

bce_core::page_number_request!(ListRequest: page_no, page_size);

impl ListRequest {
    /// The query of the VM service and VM instance lists: paging, then
    /// `orderBy`, `order`, and the filters of [`ListRequest::search_query`].
    pub(crate) fn vm_query(&self, op: bce_core::Operation) -> bce_core::Operation {
        let op = crate::paging::page_query(op, self.page_no, self.page_size)
            .query_if_not_empty("orderBy", &self.order_by)
            .query_if_not_empty("order", &self.order);
        self.search_query(op)
    }

    /// The search filters the VM and image lists share, each sent when not
    /// empty, in this order: `keywordType`, `keyword`, `status`, `region`,
    /// `osName`, `serviceId`.
    pub(crate) fn search_query(&self, op: bce_core::Operation) -> bce_core::Operation {
        op.query_if_not_empty("keywordType", &self.keyword_type)
            .query_if_not_empty("keyword", &self.keyword)
            .query_if_not_empty("status", self.status.as_str())
            .query_if_not_empty("region", &self.region)
            .query_if_not_empty("osName", &self.os_name)
            .query_if_not_empty("serviceId", &self.service_id)
    }
}
