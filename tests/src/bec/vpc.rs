//! VPCs, subnets, route tables and rules.

use bce_core::Config;
use serde_json::Value;

use super::run;
use crate::{required, CallFuture};

/// Operations this part maps.
pub const OPS: &[&str] = &[
    "CreateVpc",
    "UpdateVpc",
    "GetVpcList",
    "GetVpcDetail",
    "DeleteVpc",
    "CreateSubnet",
    "UpdateSubnet",
    "GetSubnetList",
    "GetSubnetDetail",
    "DeleteSubnet",
    "UpdateRouteTable",
    "GetRouteTableList",
    "GetRouteTableDetail",
    "CreateRouteRule",
    "GetRouteRuleList",
    "DeleteRouteRule",
];

/// Maps one Go call of this part.
pub fn call(config: Config, op: &str, input: &Value) -> Option<CallFuture> {
    let i = input.clone();
    let id = move |name: &'static str| required::<String>(&i, name);
    let i = input.clone();
    match op {
        "CreateVpc" => run(config, move |c| async move {
            c.create_vpc(&required(&i, "args")?).await
        }),
        "UpdateVpc" => run(config, move |c| async move {
            c.update_vpc(&id("vpcId")?, &required(&i, "args")?).await
        }),
        "GetVpcList" => run(config, move |c| async move {
            c.get_vpc_list(&required(&i, "args")?).await
        }),
        "GetVpcDetail" => run(config, move |c| async move {
            c.get_vpc_detail(&id("vpcId")?).await
        }),
        "DeleteVpc" => run(
            config,
            move |c| async move { c.delete_vpc(&id("vpcId")?).await },
        ),
        "CreateSubnet" => run(config, move |c| async move {
            c.create_subnet(&required(&i, "args")?).await
        }),
        "UpdateSubnet" => run(config, move |c| async move {
            c.update_subnet(&id("subnetId")?, &required(&i, "args")?)
                .await
        }),
        "GetSubnetList" => run(config, move |c| async move {
            c.get_subnet_list(&required(&i, "args")?).await
        }),
        "GetSubnetDetail" => run(config, move |c| async move {
            c.get_subnet_detail(&id("subnetId")?).await
        }),
        "DeleteSubnet" => run(config, move |c| async move {
            c.delete_subnet(&id("subnetId")?).await
        }),
        "UpdateRouteTable" => run(config, move |c| async move {
            c.update_route_table(&id("tableId")?, &required(&i, "args")?)
                .await
        }),
        "GetRouteTableList" => run(config, move |c| async move {
            c.get_route_table_list(&required(&i, "args")?).await
        }),
        "GetRouteTableDetail" => run(config, move |c| async move {
            c.get_route_table_detail(&id("tableId")?).await
        }),
        "CreateRouteRule" => run(config, move |c| async move {
            c.create_route_rule(&required(&i, "args")?).await
        }),
        "GetRouteRuleList" => run(config, move |c| async move {
            c.get_route_rule_list(&id("tableId")?, &required(&i, "args")?)
                .await
        }),
        "DeleteRouteRule" => run(config, move |c| async move {
            c.delete_route_rule(&id("ruleId")?).await
        }),
        _ => None,
    }
}
