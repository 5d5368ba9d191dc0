//! Subnets of a VPC.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{list_query, NetworkCommonResult, UpdateVpcRequest};
use crate::client::Client;
use crate::common::*;
use crate::paging::size_or_default;

/// Body of [`Client::create_subnet`]; every field is sent (tags as `null`
/// when empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateSubnetRequest {
    /// Name.
    pub name: String,
    /// VPC id.
    pub vpc_id: String,
    /// Description.
    pub description: String,
    /// Address range.
    pub cidr: String,
    /// Tags.
    #[serde(
        serialize_with = "vec_or_null",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub tags: Vec<Tag>,
}

/// Body of [`Client::update_subnet`] (name and description, always sent).
pub type UpdateSubnetRequest = UpdateVpcRequest;

/// A subnet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SubnetDetail {
    /// Subnet id.
    pub subnet_id: String,
    /// Name.
    pub name: String,
    /// Address range.
    pub cidr: String,
    /// Description.
    pub description: String,
    /// Free addresses.
    pub available_ip: i64,
    /// Used addresses.
    pub used_ip: i64,
    /// VPC id.
    pub vpc_id: String,
    /// Node id.
    pub region_id: String,
    /// The VPC's default subnet.
    pub is_default: bool,
    /// Created.
    pub created_time: String,
}

/// Answer of [`Client::get_subnet_detail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetSubnetDetailResult {
    /// The subnet.
    pub subnet: SubnetDetail,
}

/// Page of [`Client::get_subnet_list`].
pub type LogicPageSubnetResult = PageResult<SubnetDetail>;

impl Client {
    /// Creates a subnet (`POST /v1/vpc/subnet`).
    pub async fn create_subnet(
        &self,
        args: &CreateSubnetRequest,
    ) -> Result<NetworkCommonResult, Error> {
        self.call(Client::op("CreateSubnet", Method::Post, "/v1/vpc/subnet").json(args))
            .await
    }

    /// Renames or redescribes a subnet (`PUT /v1/vpc/subnet/{subnetId}`).
    pub async fn update_subnet(
        &self,
        subnet_id: &str,
        args: &UpdateSubnetRequest,
    ) -> Result<(), Error> {
        let op = Client::op("UpdateSubnet", Method::Put, "/v1/vpc/subnet")
            .segment("subnetId", subnet_id)
            .json(args);
        self.call_no_content(op).await
    }

    /// Lists subnets (`GET /v1/vpc/subnet/list`); sends paging,
    /// `keywordType`, `keyword` and `vpcId` of `args`.
    pub async fn get_subnet_list(
        &self,
        args: &ListRequest,
    ) -> Result<LogicPageSubnetResult, Error> {
        let op = Client::op("GetSubnetList", Method::Get, "/v1/vpc/subnet/list");
        let op = list_query(op, args).query_if_not_empty("vpcId", &args.vpc_id);
        self.call(op).await
    }

    /// All subnets, page after page (20 per page unless set).
    pub fn get_subnet_list_stream(
        &self,
        args: ListRequest,
    ) -> impl futures::Stream<Item = Result<SubnetDetail, Error>> + '_ {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(
            first,
            move |r| async move { self.get_subnet_list(&r).await },
        )
    }

    /// One subnet (`GET /v1/vpc/subnet/{subnetId}`).
    pub async fn get_subnet_detail(&self, subnet_id: &str) -> Result<GetSubnetDetailResult, Error> {
        self.call(
            Client::op("GetSubnetDetail", Method::Get, "/v1/vpc/subnet")
                .segment("subnetId", subnet_id),
        )
        .await
    }

    /// Deletes a subnet (`DELETE /v1/vpc/subnet/{subnetId}`).
    pub async fn delete_subnet(&self, subnet_id: &str) -> Result<(), Error> {
        self.call_no_content(
            Client::op("DeleteSubnet", Method::Delete, "/v1/vpc/subnet")
                .segment("subnetId", subnet_id),
        )
        .await
    }
}
