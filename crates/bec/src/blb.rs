//! Load balancers (BLB v1): instances, listeners ("monitor ports"),
//! backends and metrics.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

mod backend;
mod listener;

pub use backend::*;
pub use listener::*;

bce_core::string_enum! {
    /// A listener protocol.
    pub enum Protocol {
        /// TCP.
        Tcp = "TCP",
        /// UDP.
        Udp = "UDP",
        /// HTTP.
        Http = "HTTP",
        /// HTTPS.
        Https = "HTTPS",
        /// SSL.
        Ssl = "SSL",
    }
}

bce_core::string_enum! {
    /// How a v1 listener spreads connections (`lbMode` / `scheduler`).
    pub enum LbMode {
        /// Weighted round robin.
        Wrr = "wrr",
        /// Fewest connections.
        MinConn = "minconn",
        /// Source IP hash.
        Srch = "srch",
    }
}

bce_core::string_enum! {
    /// How backends are probed.
    pub enum HealthCheckType {
        /// TCP connect.
        Tcp = "tcp",
        /// UDP probe string.
        Udp = "udp",
        /// HTTP request.
        Http = "http",
    }
}

omit_empty! {
    /// A listener of a load balancer, as given at creation and reported as
    /// the balancer's ports. Empty fields are left out.
    pub struct Listeners {
        /// Protocol.
        pub protocol: Protocol,
        /// Front-end port.
        pub port: i64,
        /// Backend port.
        pub backend_port: i64,
        /// Idle timeout in seconds.
        pub keepalive_timeout: i64,
        /// Scheduling.
        pub scheduler: LbMode,
        /// Pass the client address (TCP option).
        #[serde(rename = "enableCipTTM")]
        pub enable_cip_ttm: bool,
        /// Pass the virtual address (TCP option).
        #[serde(rename = "enableVipTTM")]
        pub enable_vip_ttm: bool,
        /// Probe interval in seconds.
        pub health_check_interval: i64,
        /// Probe retries.
        pub health_check_retry: i64,
        /// Probe timeout in seconds.
        pub health_check_timeout: i64,
        /// UDP probe payload.
        pub udp_health_check_string: String,
        /// Probe type.
        pub health_check_type: HealthCheckType,
    }
}

omit_empty! {
    /// Body of [`Client::create_blb`]. Empty fields are left out.
    pub struct CreateBlbRequest {
        /// Backend kind, e.g. `vm` or `container`.
        pub lb_type: String,
        /// `postpay` or `prepay`.
        pub payment_method: String,
        /// Region.
        pub region: Region,
        /// City.
        pub city: String,
        /// Provider.
        pub service_provider: ServiceProvider,
        /// Node id.
        pub region_id: String,
        /// Providers of a multi-line node.
        pub sub_service_providers: Vec<String>,
        /// `vpc` or `classic`.
        pub network_type: String,
        /// VPC id.
        pub vpc_id: String,
        /// Subnet id.
        pub subnet_id: String,
        /// Name.
        pub blb_name: String,
        /// Public address.
        pub need_public_ip: bool,
        /// Bandwidth cap in Mbps.
        pub bandwidth_in_mbps_limit: i64,
        /// Tags.
        pub tags: Vec<Tag>,
        /// Listeners.
        pub listeners: Vec<Listeners>,
    }
}

/// The official SDK's name of [`CreateBlbRequest`].
pub type CreateBlbArgs = CreateBlbRequest;

omit_empty! {
    /// Body of [`Client::batch_create_blb`]: one balancer per placement.
    pub struct BatchCreateBlbRequest {
        /// Backend kind.
        pub lb_type: String,
        /// `postpay` or `prepay`.
        pub payment_method: String,
        /// Region selection, e.g. `regional`.
        pub region_selection: String,
        /// Placements.
        pub deploy_instances: Vec<DeploymentInstance>,
        /// Name.
        pub blb_name: String,
        /// Public address.
        pub need_public_ip: bool,
        /// Bandwidth cap in Mbps.
        pub bandwidth_in_mbps_limit: i64,
        /// Tags.
        pub tags: Vec<Tag>,
        /// Listeners.
        pub listeners: Vec<Listeners>,
    }
}

/// The official SDK's name of [`BatchCreateBlbRequest`].
pub type BatchCreateBlbArgs = BatchCreateBlbRequest;

omit_empty! {
    /// Body of [`Client::update_blb`].
    pub struct UpdateBlbRequest {
        /// New name.
        pub blb_name: String,
        /// New bandwidth cap.
        pub bandwidth_in_mbps_limit: i64,
        /// What changes, e.g. `bandwidth` or `blbName`.
        #[serde(rename = "type")]
        pub kind: String,
    }
}

/// The official SDK's name of [`UpdateBlbRequest`].
pub type UpdateBlbArgs = UpdateBlbRequest;

/// Filter and paging of [`Client::get_blb_list`]; zero and empty values
/// are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListBlbRequest {
    /// Backend kind.
    pub lb_type: String,
    /// Sort order.
    pub order: String,
    /// Sort field.
    pub order_by: String,
    /// Search text.
    pub keyword: String,
    /// Field to search.
    pub keyword_type: String,
    /// Status filter.
    pub status: ResourceStatus,
    /// Region filter.
    pub region: String,
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
}

/// The official SDK's name of [`ListBlbRequest`].
pub type ListBlbArgs = ListBlbRequest;

bce_core::page_number_request!(ListBlbRequest: page_no, page_size);

/// A load balancer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct BlbInstanceVo {
    /// Id.
    pub blb_id: String,
    /// Name.
    pub blb_name: String,
    /// Status, e.g. `RUNNING`, `CREATING`, `PENDING`, `BINDING`.
    pub status: ResourceStatus,
    /// Backend kind.
    pub lb_type: String,
    /// Region.
    pub region: String,
    /// Provider.
    pub service_provider: String,
    /// City.
    pub city: String,
    /// Node id.
    pub region_id: String,
    /// Public address.
    pub public_ip: String,
    /// China Mobile address.
    #[serde(rename = "cmPublicIP")]
    pub cm_public_ip: String,
    /// China Telecom address.
    #[serde(rename = "ctPublicIP")]
    pub ct_public_ip: String,
    /// China Unicom address.
    #[serde(rename = "unPublicIP")]
    pub un_public_ip: String,
    /// Internal address.
    pub internal_ip: String,
    /// Listeners.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub ports: Vec<Listeners>,
    /// Backends.
    pub pod_count: i64,
    /// Bandwidth cap.
    pub bandwidth_in_mbps_limit: i64,
    /// Created.
    pub create_time: String,
}

/// Page of [`Client::get_blb_list`].
pub type GetBlbListResult = PageResult<BlbInstanceVo>;

impl Client {
    /// Creates a load balancer (`POST /v1/blb`).
    pub async fn create_blb(
        &self,
        args: &CreateBlbRequest,
    ) -> Result<ActionResult<BlbInstanceVo>, Error> {
        self.call(Client::op("CreateBlb", Method::Post, "/v1/blb").json(args))
            .await
    }

    /// Deletes a load balancer (`DELETE /v1/blb/{blbId}`).
    pub async fn delete_blb(
        &self,
        blb_id: &str,
    ) -> Result<ActionResult<BTreeMap<String, String>>, Error> {
        self.call(Client::op("DeleteBlb", Method::Delete, "/v1/blb").segment("blbId", blb_id))
            .await
    }

    /// Lists load balancers (`GET /v1/blb`).
    pub async fn get_blb_list(&self, args: &ListBlbRequest) -> Result<GetBlbListResult, Error> {
        let op = Client::op("GetBlbList", Method::Get, "/v1/blb")
            .query_if_not_empty("order", &args.order)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("keyword", &args.keyword)
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("status", args.status.as_str())
            .query_if_not_empty("region", &args.region)
            .query_if_not_empty("lbType", &args.lb_type);
        self.call(page_query(op, args.page_no, args.page_size))
            .await
    }

    /// All load balancers, page after page (20 per page unless set).
    pub fn get_blb_list_stream(
        &self,
        args: ListBlbRequest,
    ) -> impl futures::Stream<Item = Result<BlbInstanceVo, Error>> + '_ {
        let first = ListBlbRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.get_blb_list(&r).await })
    }

    /// One load balancer (`GET /v1/blb/{blbId}`).
    pub async fn get_blb_detail(&self, blb_id: &str) -> Result<BlbInstanceVo, Error> {
        self.call(Client::op("GetBlbDetail", Method::Get, "/v1/blb").segment("blbId", blb_id))
            .await
    }

    /// Renames a load balancer or changes its bandwidth (`PUT /v1/blb/{blbId}`).
    pub async fn update_blb(
        &self,
        blb_id: &str,
        args: &UpdateBlbRequest,
    ) -> Result<ActionResult<BlbInstanceVo>, Error> {
        let op = Client::op("UpdateBlb", Method::Put, "/v1/blb")
            .segment("blbId", blb_id)
            .json(args);
        self.call(op).await
    }

    /// Creates one load balancer per placement (`POST /v1/blb/batch/create`).
    pub async fn batch_create_blb(
        &self,
        args: &BatchCreateBlbRequest,
    ) -> Result<ActionResult<Vec<BlbInstanceVo>>, Error> {
        self.call(Client::op("BatchCreateBlb", Method::Post, "/v1/blb/batch/create").json(args))
            .await
    }

    /// Deletes several load balancers (`POST /v1/blb/batch/delete`, body: the ids).
    pub async fn batch_delete_blb(
        &self,
        blb_ids: &[String],
    ) -> Result<ActionResult<Vec<OperationVo>>, Error> {
        let op = Client::op("BatchDeleteBlb", Method::Post, "/v1/blb/batch/delete");
        self.call(ids_body(op, "blbIdList", blb_ids)).await
    }
}
