//! Wiremock tests of VPCs, subnets, route tables and rules.

use bce_core::Error;
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect};
use futures::TryStreamExt;
use serde_json::{json, Value};

#[tokio::test]
async fn vpc_lifecycle() {
    let (server, client) = client().await;
    expect(&server, "POST", "/v1/vpc", &[], Some(json!({"name": "edge", "description": "", "regionId": "cn-hangzhou-cm", "cidr": "172.16.0.0/16", "tags": null})), json!({"result": true, "action": "create", "details": {"vpcId": "vpc-1"}})).await;
    expect(
        &server,
        "PUT",
        "/v1/vpc/vpc-1",
        &[],
        Some(json!({"name": "edge-2", "description": ""})),
        json!({"result": true, "details": {}}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/vpc/list",
        &[
            ("pageNo", "1"),
            ("pageSize", "10"),
            ("regionId", "cn-hangzhou-cm"),
        ],
        None,
        json!({"totalCount": 1, "result": [{"vpcId": "vpc-1", "isDefault": false}]}),
    )
    .await;
    expect(&server, "GET", "/v1/vpc/vpc-1", &[], None, json!({"vpc": {"vpcId": "vpc-1", "cidr": "172.16.0.0/16", "createdTime": "2026-01-01T00:00:00Z"}})).await;
    expect(
        &server,
        "DELETE",
        "/v1/vpc/vpc-1",
        &[],
        None,
        json!({"result": true, "details": {"vpcId": "vpc-1", "deleted": true}}),
    )
    .await;

    let created = client
        .create_vpc(&CreateVpcRequest {
            name: "edge".into(),
            region_id: "cn-hangzhou-cm".into(),
            cidr: "172.16.0.0/16".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.details["vpcId"], "vpc-1");
    client
        .update_vpc(
            "vpc-1",
            &UpdateVpcRequest {
                name: "edge-2".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let page = client
        .get_vpc_list(&ListRequest {
            page_no: 1,
            page_size: 10,
            region_id: "cn-hangzhou-cm".into(),
            vpc_id: "ignored".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.result[0].vpc_id, "vpc-1");
    assert_eq!(
        client.get_vpc_detail("vpc-1").await.unwrap().vpc.cidr,
        "172.16.0.0/16"
    );
    assert_eq!(
        client.delete_vpc("vpc-1").await.unwrap().details["deleted"],
        true
    );
}

#[tokio::test]
async fn subnet_lifecycle() {
    let (server, client) = client().await;
    expect(&server, "POST", "/v1/vpc/subnet", &[], Some(json!({"name": "a", "vpcId": "vpc-1", "description": "d", "cidr": "172.16.1.0/24", "tags": [{"tagKey": "env", "tagValue": "dev"}]})), json!({"result": true, "details": {"subnetId": "sbn-1"}})).await;
    expect(
        &server,
        "PUT",
        "/v1/vpc/subnet/sbn-1",
        &[],
        Some(json!({"name": "b", "description": ""})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/vpc/subnet/list",
        &[
            ("keywordType", "name"),
            ("keyword", "a"),
            ("vpcId", "vpc-1"),
        ],
        None,
        json!({"totalCount": 1, "result": [{"subnetId": "sbn-1", "availableIp": 250}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/vpc/subnet/sbn-1",
        &[],
        None,
        json!({"subnet": {"subnetId": "sbn-1", "usedIp": 3}}),
    )
    .await;
    bce_testkit::Expect::new("DELETE", "/v1/vpc/subnet/sbn-1")
        .empty_reply()
        .mount(&server)
        .await;

    let r = client
        .create_subnet(&CreateSubnetRequest {
            name: "a".into(),
            vpc_id: "vpc-1".into(),
            description: "d".into(),
            cidr: "172.16.1.0/24".into(),
            tags: vec![Tag {
                tag_key: "env".into(),
                tag_value: "dev".into(),
            }],
        })
        .await
        .unwrap();
    assert_eq!(r.details["subnetId"], "sbn-1");
    client
        .update_subnet(
            "sbn-1",
            &UpdateSubnetRequest {
                name: "b".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let page = client
        .get_subnet_list(&ListRequest {
            keyword_type: "name".into(),
            keyword: "a".into(),
            vpc_id: "vpc-1".into(),
            region_id: "ignored".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.result[0].available_ip, 250);
    assert_eq!(
        client
            .get_subnet_detail("sbn-1")
            .await
            .unwrap()
            .subnet
            .used_ip,
        3
    );
    client.delete_subnet("sbn-1").await.unwrap();
}

#[tokio::test]
async fn route_tables_and_rules() {
    let (server, client) = client().await;
    expect(
        &server,
        "PUT",
        "/v1/route/update/rt-1",
        &[],
        Some(json!({"tableId": "rt-1", "tableName": "main"})),
        json!({"result": true, "details": {"tableName": "main", "routeTableId": "rt-1"}}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/route/list",
        &[
            ("pageNo", "1"),
            ("pageSize", "5"),
            ("regionId", "cn-hangzhou-cm"),
            ("vpcId", "vpc-1"),
        ],
        None,
        json!({"totalCount": 1, "result": [{"tableId": "rt-1", "ruleCount": 2}]}),
    )
    .await;
    expect(&server, "GET", "/v1/route/detail/rt-1", &[], None, json!({"result": true, "details": {"routeTableVo": {"tableId": "rt-1", "vpcCidr": "172.16.0.0/16"}}})).await;
    expect(&server, "POST", "/v1/route/rule", &[], Some(json!({"tableId": "rt-1", "ipVersion": 4, "sourceAddress": "172.16.0.0/16", "destinationAddress": "0.0.0.0/0", "nexthop": "vm-1", "routeType": "custom", "description": ""})), json!({"result": true, "details": {"ruleId": "rr-1", "ipVersion": 4}})).await;
    expect(
        &server,
        "GET",
        "/v1/route/rule/list/rt-1",
        &[("pageNo", "1"), ("pageSize", "5")],
        None,
        json!({"totalCount": 1, "result": [{"ruleId": "rr-1", "nexthop": "vm-1"}]}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/route/rule/delete/rr-1",
        &[],
        None,
        json!({"result": true, "details": {}}),
    )
    .await;

    let r = client
        .update_route_table(
            "rt-1",
            &UpdateRouteTableRequest {
                table_id: "rt-1".into(),
                table_name: "main".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(r.details.route_table_id, "rt-1");
    let tables = client
        .get_route_table_list(&ListRequest {
            page_no: 1,
            page_size: 5,
            region_id: "cn-hangzhou-cm".into(),
            vpc_id: "vpc-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(tables.result[0].rule_count, 2);
    let d = client.get_route_table_detail("rt-1").await.unwrap();
    assert_eq!(d.details.route_table_vo.vpc_cidr, "172.16.0.0/16");
    let rule = client
        .create_route_rule(&CreateRouteRuleRequest {
            table_id: "rt-1".into(),
            ip_version: 4,
            source_address: "172.16.0.0/16".into(),
            destination_address: "0.0.0.0/0".into(),
            nexthop: "vm-1".into(),
            route_type: "custom".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(rule.details.rule_id, "rr-1");
    let rules = client
        .get_route_rule_list(
            "rt-1",
            &ListRequest {
                page_no: 1,
                page_size: 5,
                keyword: "not sent".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(rules.result[0].nexthop, "vm-1");
    assert!(client.delete_route_rule("rr-1").await.unwrap().result);
}

#[tokio::test]
async fn streams_walk_every_page() {
    let (server, client) = client().await;
    for (page, n) in [("1", 2), ("2", 1)] {
        let vpcs: Vec<Value> = (0..n)
            .map(|i| json!({"vpcId": format!("v-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/vpc/list",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 3, "result": vpcs}),
        )
        .await;
        let subnets: Vec<Value> = (0..n)
            .map(|i| json!({"subnetId": format!("s-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/vpc/subnet/list",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 3, "result": subnets}),
        )
        .await;
        let tables: Vec<Value> = (0..n)
            .map(|i| json!({"tableId": format!("t-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/route/list",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 3, "result": tables}),
        )
        .await;
        let rules: Vec<Value> = (0..n)
            .map(|i| json!({"ruleId": format!("r-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/route/rule/list/rt-1",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 3, "result": rules}),
        )
        .await;
    }
    let by2 = || ListRequest {
        page_size: 2,
        ..Default::default()
    };
    let v: Vec<VpcDetail> = client
        .get_vpc_list_stream(by2())
        .try_collect()
        .await
        .unwrap();
    let s: Vec<SubnetDetail> = client
        .get_subnet_list_stream(by2())
        .try_collect()
        .await
        .unwrap();
    let t: Vec<RouteTableDetailView> = client
        .get_route_table_list_stream(by2())
        .try_collect()
        .await
        .unwrap();
    let r: Vec<RouteRuleView> = client
        .get_route_rule_list_stream("rt-1", by2())
        .try_collect()
        .await
        .unwrap();
    assert_eq!((v.len(), s.len(), t.len(), r.len()), (3, 3, 3, 3));
}

#[tokio::test]
async fn service_errors_on_every_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 400, "InvalidParameter", "bad cidr", "r-9").await;
    let l = ListRequest::default();
    let errors = bce_testkit::errors_of![
        c.create_vpc(&Default::default()),
        c.update_vpc("v", &Default::default()),
        c.get_vpc_list(&l),
        c.get_vpc_detail("v"),
        c.delete_vpc("v"),
        c.create_subnet(&Default::default()),
        c.update_subnet("s", &Default::default()),
        c.get_subnet_list(&l),
        c.get_subnet_detail("s"),
        c.delete_subnet("s"),
        c.update_route_table("t", &Default::default()),
        c.get_route_table_list(&l),
        c.get_route_table_detail("t"),
        c.create_route_rule(&Default::default()),
        c.get_route_rule_list("t", &l),
        c.delete_route_rule("r"),
    ];
    bce_testkit::assert_service_errors(errors, 400, "InvalidParameter", "bad cidr", "r-9");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    let l = ListRequest::default();
    assert!(invalid(
        c.update_vpc("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(c.get_vpc_detail("a/b").await.map(drop)));
    assert!(invalid(c.delete_vpc("").await.map(drop)));
    assert!(invalid(c.update_subnet("", &Default::default()).await));
    assert!(invalid(c.get_subnet_detail("..").await.map(drop)));
    assert!(invalid(c.delete_subnet("a/b").await));
    assert!(invalid(
        c.update_route_table("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(c.get_route_table_detail("").await.map(drop)));
    assert!(invalid(c.get_route_rule_list("", &l).await.map(drop)));
    assert!(invalid(c.delete_route_rule("x/y").await.map(drop)));
    assert!(t.requests().is_empty());
}
