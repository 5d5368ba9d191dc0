//! Types shared by several BEC resources: placement, volumes, networks,
//! keys, tags and the constant sets of the service.

use bce_core::Secret;
use serde::{Deserialize, Serialize};

use crate::client::is_zero;

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

/// Where and how many replicas run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentInstance {
    /// Region.
    #[serde(skip_serializing_if = "Region::is_empty")]
    pub region: Region,
    /// Service provider.
    #[serde(skip_serializing_if = "ServiceProvider::is_empty")]
    pub service_provider: ServiceProvider,
    /// Replicas.
    #[serde(skip_serializing_if = "is_zero")]
    pub replicas: i64,
    /// City, e.g. `HANGZHOU`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Node id, e.g. `cn-hangzhou-cm`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region_id: String,
    /// `vpc` or `classic`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub network_type: String,
    /// VPC id.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vpc_id: String,
    /// Subnet id.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subnet_id: String,
    /// Providers of a multi-line node.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub sub_service_providers: Vec<String>,
}

/// DNS settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DnsConfig {
    /// `DEFAULT`, `LOCAL`, `CUSTOMIZE`, …
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dns_type: String,
    /// DNS server address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dns_address: String,
}

/// The system disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SystemVolumeConfig {
    /// Disk type.
    #[serde(skip_serializing_if = "DiskType::is_empty")]
    pub volume_type: DiskType,
    /// Size in GB.
    #[serde(rename = "sizeInGB", skip_serializing_if = "is_zero")]
    pub size_in_gb: i64,
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// PVC name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pvc_name: String,
}

/// A data disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VolumeConfig {
    /// Name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Disk type.
    #[serde(skip_serializing_if = "DiskType::is_empty")]
    pub volume_type: DiskType,
    /// Size in GB.
    #[serde(rename = "sizeInGB", skip_serializing_if = "is_zero")]
    pub size_in_gb: i64,
    /// PVC name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pvc_name: String,
    /// Pass-through code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub passthrough_code: String,
}

/// Login settings. The password is a [`Secret`]: serialized as is, masked
/// in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyConfig {
    /// `password` or `bccKeyPair`.
    #[serde(rename = "type", skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Administrator password.
    #[serde(skip_serializing_if = "Secret::is_empty")]
    pub admin_pass: Secret,
    /// Key pairs.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub bcc_key_pair_id_list: Vec<String>,
}

/// An IP address with its network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpAddress {
    /// Address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ip: String,
    /// Gateway.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub gw: String,
    /// CIDR.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cidr: String,
    /// Mask.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mask: String,
}

/// A network interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Networks {
    /// Network type.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub net_type: String,
    /// Interface name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub net_name: String,
    /// Interface index.
    #[serde(skip_serializing_if = "is_zero")]
    pub nic_index: i64,
    /// ENI id.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub eni_id: String,
    /// MAC address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mac: String,
    /// IPv4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv4: Option<IpAddress>,
    /// IPv6.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv6: Option<IpAddress>,
    /// Reserved IPs.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub reserve_ips: Vec<String>,
}

/// Interfaces of a node type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NetworkConfig {
    /// Node type, e.g. `SINGLE`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub node_type: String,
    /// Interfaces.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub networks_list: Vec<Networks>,
}

/// A tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Tag {
    /// Key.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tag_key: String,
    /// Value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tag_value: String,
}

/// A GPU request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GpuRequest {
    /// GPU type.
    #[serde(rename = "type", skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Count.
    #[serde(skip_serializing_if = "is_zero")]
    pub num: i64,
}

/// A duration for prepaid resources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Period {
    /// Length.
    #[serde(skip_serializing_if = "is_zero")]
    pub length: i64,
    /// Unit, e.g. `month`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub time_unit: String,
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

/// Filter of a metrics query: zero and empty values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetricsRequest {
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

/// Body of the batch start/stop calls ([`crate::Client::batch_operate_vm_service`],
/// [`crate::Client::service_batch_operate`]): the ids and the action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BatchActionRequest {
    /// The services.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub id_list: Vec<String>,
    /// `start` or `stop`.
    #[serde(skip_serializing_if = "ServiceAction::is_empty")]
    pub action: ServiceAction,
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
}

bce_core::page_number_request!(ListRequest: page_no, page_size);

impl ListRequest {
    /// The query of the VM service and VM instance lists: paging, then
    /// `orderBy`, `order`, and the filters of [`ListRequest::search_query`].
    pub(crate) fn vm_query(&self, op: bce_core::Operation) -> bce_core::Operation {
        let op = crate::paging::page_query(op, self.page_no, self.page_size)
            .query_if_not_empty("orderBy", &self.order_by)
            .query_if_not_empty("order", &self.order);
        search_query(
            op,
            &self.keyword_type,
            &self.keyword,
            self.status.as_str(),
            &self.region,
            &self.os_name,
            &self.service_id,
        )
    }
}

/// The search filters the VM and image lists share, each sent when not
/// empty, in this order: `keywordType`, `keyword`, `status`, `region`,
/// `osName`, `serviceId`.
pub(crate) fn search_query(
    op: bce_core::Operation,
    keyword_type: &str,
    keyword: &str,
    status: &str,
    region: &str,
    os_name: &str,
    service_id: &str,
) -> bce_core::Operation {
    op.query_if_not_empty("keywordType", keyword_type)
        .query_if_not_empty("keyword", keyword)
        .query_if_not_empty("status", status)
        .query_if_not_empty("region", region)
        .query_if_not_empty("osName", os_name)
        .query_if_not_empty("serviceId", service_id)
}
