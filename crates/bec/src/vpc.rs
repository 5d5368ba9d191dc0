//! VPCs, subnets, route tables and route rules.

use std::collections::BTreeMap;

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

mod route;
mod subnet;

pub use route::*;
pub use subnet::*;

/// Body of [`Client::create_vpc`]; every field is sent (tags as `null`
/// when empty, as the official SDK does).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateVpcRequest {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Node id, e.g. `cn-hangzhou-cm`.
    pub region_id: String,
    /// Address range, e.g. `172.16.0.0/16`.
    pub cidr: String,
    /// Tags.
    #[serde(
        serialize_with = "vec_or_null",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub tags: Vec<Tag>,
}

/// Body of [`Client::update_vpc`] and [`Client::update_subnet`]; both
/// fields are always sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateVpcRequest {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}

/// A VPC.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VpcDetail {
    /// VPC id.
    pub vpc_id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Address range.
    pub cidr: String,
    /// Region.
    pub region: String,
    /// Provider.
    pub service_provider: String,
    /// City.
    pub city: String,
    /// Node id.
    pub region_id: String,
    /// The node's default VPC.
    pub is_default: bool,
    /// Created.
    pub created_time: String,
}

/// Answer of [`Client::get_vpc_detail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetVpcDetailResult {
    /// The VPC.
    pub vpc: VpcDetail,
}

/// Action envelope of VPC, subnet and route changes; details are free-form.
pub type NetworkCommonResult = ActionResult<BTreeMap<String, serde_json::Value>>;

/// Page of [`Client::get_vpc_list`].
pub type LogicPageVpcResult = PageResult<VpcDetail>;

impl Client {
    /// Creates a VPC (`POST /v1/vpc`).
    pub async fn create_vpc(&self, args: &CreateVpcRequest) -> Result<NetworkCommonResult, Error> {
        self.call(Client::op("CreateVpc", Method::Post, "/v1/vpc").json(args))
            .await
    }

    /// Renames or redescribes a VPC (`PUT /v1/vpc/{vpcId}`).
    pub async fn update_vpc(
        &self,
        vpc_id: &str,
        args: &UpdateVpcRequest,
    ) -> Result<NetworkCommonResult, Error> {
        let op = Client::op("UpdateVpc", Method::Put, "/v1/vpc")
            .segment("vpcId", vpc_id)
            .json(args);
        self.call(op).await
    }

    /// Lists VPCs (`GET /v1/vpc/list`); sends paging, `keywordType`,
    /// `keyword` and `regionId` of `args`.
    pub async fn get_vpc_list(&self, args: &ListRequest) -> Result<LogicPageVpcResult, Error> {
        let op = Client::op("GetVpcList", Method::Get, "/v1/vpc/list");
        let op = list_query(op, args).query_if_not_empty("regionId", &args.region_id);
        self.call(op).await
    }

    /// All VPCs, page after page (20 per page unless set).
    pub fn get_vpc_list_stream(
        &self,
        args: ListRequest,
    ) -> impl futures::Stream<Item = Result<VpcDetail, Error>> + '_ {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.get_vpc_list(&r).await })
    }

    /// One VPC (`GET /v1/vpc/{vpcId}`).
    pub async fn get_vpc_detail(&self, vpc_id: &str) -> Result<GetVpcDetailResult, Error> {
        self.call(Client::op("GetVpcDetail", Method::Get, "/v1/vpc").segment("vpcId", vpc_id))
            .await
    }

    /// Deletes a VPC (`DELETE /v1/vpc/{vpcId}`).
    pub async fn delete_vpc(&self, vpc_id: &str) -> Result<NetworkCommonResult, Error> {
        self.call(Client::op("DeleteVpc", Method::Delete, "/v1/vpc").segment("vpcId", vpc_id))
            .await
    }
}

/// Paging and keyword of a network list request.
pub(crate) fn list_query(op: bce_core::Operation, args: &ListRequest) -> bce_core::Operation {
    page_query(op, args.page_no, args.page_size)
        .query_if_not_empty("keywordType", &args.keyword_type)
        .query_if_not_empty("keyword", &args.keyword)
}
