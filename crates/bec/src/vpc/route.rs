//! Route tables and route rules.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use super::{list_query, NetworkCommonResult};
use crate::client::Client;
use crate::common::*;
use crate::paging::{page_query, size_or_default};

/// Body of [`Client::update_route_table`]; both fields are always sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateRouteTableRequest {
    /// Route table id.
    pub table_id: String,
    /// New name.
    pub table_name: String,
}

/// Body of [`Client::create_route_rule`]; every field is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateRouteRuleRequest {
    /// Route table id.
    pub table_id: String,
    /// IP version, e.g. 4.
    pub ip_version: i64,
    /// Source range.
    pub source_address: String,
    /// Destination range.
    pub destination_address: String,
    /// Next hop, e.g. a VM id.
    pub nexthop: String,
    /// Route type, e.g. `custom`.
    pub route_type: String,
    /// Description.
    pub description: String,
}

/// A route table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RouteTableDetailView {
    /// Route table id.
    pub table_id: String,
    /// Name.
    pub name: String,
    /// Status.
    pub status: String,
    /// VPC id.
    pub vpc_id: String,
    /// VPC name.
    pub vpc_name: String,
    /// VPC range.
    pub vpc_cidr: String,
    /// City.
    pub city: String,
    /// Provider.
    pub service_provider: String,
    /// Region.
    pub region: String,
    /// Node id.
    pub region_id: String,
    /// Rules.
    pub rule_count: i64,
}

/// A route rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RouteRuleView {
    /// Rule id.
    pub rule_id: String,
    /// Status.
    pub status: String,
    /// Route table id.
    pub table_id: String,
    /// IP version.
    pub ip_version: i64,
    /// Source range.
    pub source_address: String,
    /// Destination range.
    pub destination_address: String,
    /// Route type.
    pub route_type: String,
    /// Next hop.
    pub nexthop: String,
    /// Description.
    pub description: String,
}

/// Details of [`Client::update_route_table`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct UpdatedRouteTable {
    /// New name.
    pub table_name: String,
    /// Route table id.
    pub route_table_id: String,
}

/// Details of [`Client::get_route_table_detail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RouteTableDetailHolder {
    /// The route table.
    pub route_table_vo: RouteTableDetailView,
}

/// Page of [`Client::get_route_table_list`].
pub type LogicPageRouteTableResult = PageResult<RouteTableDetailView>;
/// Page of [`Client::get_route_rule_list`].
pub type LogicPageRouteRuleResult = PageResult<RouteRuleView>;

impl Client {
    /// Renames a route table (`PUT /v1/route/update/{tableId}`).
    pub async fn update_route_table(
        &self,
        table_id: &str,
        args: &UpdateRouteTableRequest,
    ) -> Result<ActionResult<UpdatedRouteTable>, Error> {
        let op = Client::op("UpdateRouteTable", Method::Put, "/v1/route/update")
            .segment("tableId", table_id)
            .json(args);
        self.call(op).await
    }

    /// Lists route tables (`GET /v1/route/list`); sends paging,
    /// `keywordType`, `keyword`, `regionId` and `vpcId` of `args`.
    pub async fn get_route_table_list(
        &self,
        args: &ListRequest,
    ) -> Result<LogicPageRouteTableResult, Error> {
        let op = Client::op("GetRouteTableList", Method::Get, "/v1/route/list");
        let op = list_query(op, args)
            .query_if_not_empty("regionId", &args.region_id)
            .query_if_not_empty("vpcId", &args.vpc_id);
        self.call(op).await
    }

    /// All route tables, page after page (20 per page unless set).
    pub fn get_route_table_list_stream(
        &self,
        args: ListRequest,
    ) -> impl futures::Stream<Item = Result<RouteTableDetailView, Error>> + '_ {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move {
            self.get_route_table_list(&r).await
        })
    }

    /// One route table (`GET /v1/route/detail/{tableId}`).
    pub async fn get_route_table_detail(
        &self,
        table_id: &str,
    ) -> Result<ActionResult<RouteTableDetailHolder>, Error> {
        self.call(
            Client::op("GetRouteTableDetail", Method::Get, "/v1/route/detail")
                .segment("tableId", table_id),
        )
        .await
    }

    /// Adds a route rule (`POST /v1/route/rule`).
    pub async fn create_route_rule(
        &self,
        args: &CreateRouteRuleRequest,
    ) -> Result<ActionResult<RouteRuleView>, Error> {
        self.call(Client::op("CreateRouteRule", Method::Post, "/v1/route/rule").json(args))
            .await
    }

    /// Rules of a route table (`GET /v1/route/rule/list/{tableId}`); only
    /// the paging of `args` is sent.
    pub async fn get_route_rule_list(
        &self,
        table_id: &str,
        args: &ListRequest,
    ) -> Result<LogicPageRouteRuleResult, Error> {
        let op = Client::op("GetRouteRuleList", Method::Get, "/v1/route/rule/list")
            .segment("tableId", table_id);
        self.call(page_query(op, args.page_no, args.page_size))
            .await
    }

    /// All rules of a route table, page after page (20 per page unless set).
    pub fn get_route_rule_list_stream<'a>(
        &'a self,
        table_id: &'a str,
        args: ListRequest,
    ) -> impl futures::Stream<Item = Result<RouteRuleView, Error>> + 'a {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move {
            self.get_route_rule_list(table_id, &r).await
        })
    }

    /// Deletes a route rule (`DELETE /v1/route/rule/delete/{ruleId}`).
    pub async fn delete_route_rule(&self, rule_id: &str) -> Result<NetworkCommonResult, Error> {
        self.call(
            Client::op("DeleteRouteRule", Method::Delete, "/v1/route/rule/delete")
                .segment("ruleId", rule_id),
        )
        .await
    }
}
