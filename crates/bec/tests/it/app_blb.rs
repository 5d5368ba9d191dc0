//! Wiremock tests of app load balancers (v2).

use std::sync::Arc;

use bce_core::{Config, Error, HttpResponse};
use bce_testkit::{fail_every_call, test_credentials, RecordingTransport};
use bec::*;

use crate::{client, expect};
use futures::TryStreamExt;
use serde_json::json;

const TOKEN: &str = "5b0c9e2e-token";

#[tokio::test]
async fn balancer_lifecycle() {
    let (server, client) = client().await;
    expect(&server, "POST", "/v2/appblb", &[("clientToken", TOKEN)], Some(json!({"name": "web", "regionId": "cn-hangzhou-cm", "needPublicIp": true, "subnetId": "sbn-1", "vpcId": "vpc-1"})), json!({"blbId": "applb-1", "name": "web"})).await;
    expect(
        &server,
        "PUT",
        "/v2/appblb/applb-1",
        &[],
        Some(json!({"desc": "edge"})),
        json!({}),
    )
    .await;
    expect(&server, "GET", "/v2/appblb", &[("marker", "applb-0"), ("maxKeys", "10")], None, json!({"isTruncated": false, "marker": "applb-0", "maxKeys": 10, "blbList": [{"blbId": "applb-1", "listener": [{"port": "80", "type": "TCP"}]}]})).await;
    expect(
        &server,
        "GET",
        "/v2/appblb/applb-1",
        &[],
        None,
        json!({"blbId": "applb-1", "status": "RUNNING", "vpcName": "edge"}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v2/appblb/applb-1",
        &[("clientToken", TOKEN)],
        None,
        json!({}),
    )
    .await;

    let created = client
        .create_app_blb(
            Some(TOKEN),
            &CreateAppBlbRequest {
                name: "web".into(),
                region_id: "cn-hangzhou-cm".into(),
                need_public_ip: true,
                subnet_id: "sbn-1".into(),
                vpc_id: "vpc-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(created.blb_id, "applb-1");
    client
        .update_app_blb(
            Some(""),
            "applb-1",
            &UpdateAppBlbRequest {
                desc: "edge".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let page = client
        .get_app_blb_list(&MarkerRequest {
            marker: "applb-0".into(),
            max_keys: 10,
        })
        .await
        .unwrap();
    assert_eq!(page.blb_list[0].listener[0].port, "80");
    assert_eq!(page.page.next(), None);
    assert_eq!(
        client
            .get_app_blb_details("applb-1")
            .await
            .unwrap()
            .vpc_name,
        "edge"
    );
    client
        .delete_app_blb_instance("applb-1", Some(TOKEN))
        .await
        .unwrap();
}

#[tokio::test]
async fn listeners() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v2/appblb/applb-1/TCPlistener",
        &[("clientToken", TOKEN)],
        Some(json!({"listenerPort": 80, "scheduler": "RoundRobin", "tcpSessionTimeout": 900})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v2/appblb/applb-1/TCPlistener",
        &[("listenerPort", "80")],
        Some(json!({"scheduler": "LeastConnection"})),
        json!({}),
    )
    .await;
    expect(&server, "GET", "/v2/appblb/applb-1/TCPlistener", &[("listenerPort", "80")], None, json!({"listenerList": [{"listenerPort": 80, "scheduler": "LeastConnection", "tcpSessionTimeout": 900}]})).await;
    expect(
        &server,
        "POST",
        "/v2/appblb/applb-1/UDPlistener",
        &[],
        Some(json!({"listenerPort": 53, "scheduler": "Hash"})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v2/appblb/applb-1/UDPlistener",
        &[("listenerPort", "53"), ("clientToken", TOKEN)],
        Some(json!({"udpSessionTimeout": 60})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v2/appblb/applb-1/UDPlistener",
        &[("marker", "m"), ("maxKeys", "5")],
        None,
        json!({"listenerList": [{"listenerPort": 53, "udpSessionTimeout": 60}]}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v2/appblb/applb-1/listener",
        &[("batchdelete", ""), ("clientToken", TOKEN)],
        Some(json!({"portTypeList": [{"port": 80, "type": "TCP"}, {"port": 53, "type": "UDP"}]})),
        json!({}),
    )
    .await;

    client
        .create_tcp_listener(
            Some(TOKEN),
            "applb-1",
            &CreateAppBlbTcpListenerRequest {
                listener_port: 80,
                scheduler: AppBlbScheduler::RoundRobin,
                tcp_session_timeout: 900,
            },
        )
        .await
        .unwrap();
    client
        .update_tcp_listener(
            Some(""),
            "applb-1",
            "80",
            &UpdateAppBlbTcpListenerRequest {
                scheduler: AppBlbScheduler::LeastConnection,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let tcp = client
        .get_tcp_listener(
            "applb-1",
            &AppBlbListenerQuery {
                listener_port: 80,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        tcp.listener_list[0].scheduler,
        AppBlbScheduler::LeastConnection
    );
    client
        .create_udp_listener(
            Some(""),
            "applb-1",
            &CreateAppBlbUdpListenerRequest {
                listener_port: 53,
                scheduler: AppBlbScheduler::Hash,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client
        .update_udp_listener(
            Some(TOKEN),
            "applb-1",
            "53",
            &UpdateAppBlbUdpListenerRequest {
                udp_session_timeout: 60,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let udp = client
        .get_udp_listener(
            "applb-1",
            &AppBlbListenerQuery {
                marker: "m".into(),
                max_keys: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(udp.listener_list[0].udp_session_timeout, 60);
    client
        .delete_app_blb_listener(
            "applb-1",
            Some(TOKEN),
            &DeleteAppBlbListenerRequest {
                port_type_list: vec![
                    PortTypeItem {
                        port: 80,
                        kind: AppBlbProtocol::Tcp,
                    },
                    PortTypeItem {
                        port: 53,
                        kind: AppBlbProtocol::Udp,
                    },
                ],
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn ip_groups_policies_and_members() {
    let (server, client) = client().await;
    let base = "/v2/appblb/applb-1/ipgroup";
    expect(
        &server,
        "POST",
        base,
        &[("clientToken", TOKEN)],
        Some(json!({"name": "g", "memberList": [{"ip": "10.0.0.1", "port": 80, "weight": 10}]})),
        json!({"id": "ipg-1", "name": "g"}),
    )
    .await;
    expect(
        &server,
        "PUT",
        base,
        &[],
        Some(json!({"name": "g2", "ipGroupId": "ipg-1"})),
        json!({}),
    )
    .await;
    expect(&server, "GET", base, &[("exactlyMatch", "true"), ("name", "g2"), ("marker", "ipg-0"), ("maxKeys", "1")], None, json!({"isTruncated": true, "nextMarker": "ipg-2", "appIpGroupList": [{"id": "ipg-1", "backendPolicyList": [{"id": "p-1", "type": "TCP", "healthCheckPort": 80}]}]})).await;
    expect(
        &server,
        "PUT",
        base,
        &[("delete", "")],
        Some(json!({"ipGroupId": "ipg-1"})),
        json!({}),
    )
    .await;
    let pol = "/v2/appblb/applb-1/ipgroup/backendpolicy";
    expect(&server, "POST", pol, &[], Some(json!({"healthCheck": "HTTP", "healthCheckUrlPath": "/healthz", "healthCheckPort": 80, "ipGroupId": "ipg-1", "type": "HTTP"})), json!({"id": "p-1"})).await;
    expect(
        &server,
        "PUT",
        pol,
        &[],
        Some(json!({"healthCheckPort": 81, "ipGroupId": "ipg-1", "id": "p-1"})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "GET",
        pol,
        &[("ipGroupId", "ipg-1"), ("marker", "p-0")],
        None,
        json!({"backendPolicyList": [{"id": "p-1", "healthCheckPort": 81}]}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        pol,
        &[],
        Some(json!({"ipGroupId": "ipg-1", "backendPolicyIdList": ["p-1"]})),
        json!({}),
    )
    .await;
    let mem = "/v2/appblb/applb-1/ipgroup/member";
    expect(&server, "POST", mem, &[], Some(json!({"ipGroupId": "ipg-1", "memberList": [{"ip": "10.0.0.2", "port": 80, "weight": 5}]})), json!({"memberList": [{"memberId": "m-2", "ip": "10.0.0.2", "port": 80, "weight": 5}]})).await;
    expect(
        &server,
        "PUT",
        mem,
        &[],
        Some(json!({"ipGroupId": "ipg-1", "memberList": [{"memberId": "m-2", "weight": 7}]})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "GET",
        mem,
        &[("ipGroupId", "ipg-1"), ("maxKeys", "50")],
        None,
        json!({"memberList": [{"memberId": "m-2", "weight": 7}]}),
    )
    .await;
    expect(
        &server,
        "PUT",
        mem,
        &[("delete", "")],
        Some(json!({"ipGroupId": "ipg-1", "memberIdList": ["m-2"]})),
        json!({}),
    )
    .await;

    let g = client
        .create_ip_group(
            Some(TOKEN),
            "applb-1",
            &CreateBlbIpGroupRequest {
                name: "g".into(),
                member_list: vec![IpGroupMemberSpec {
                    ip: "10.0.0.1".into(),
                    port: 80,
                    weight: 10,
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(g.id, "ipg-1");
    client
        .update_ip_group(
            Some(""),
            "applb-1",
            &UpdateBlbIpGroupRequest {
                name: "g2".into(),
                ip_group_id: "ipg-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let groups = client
        .get_ip_group(
            "applb-1",
            &GetBlbIpGroupListRequest {
                name: "g2".into(),
                exactly_match: true,
                marker: "ipg-0".into(),
                max_keys: 1,
            },
        )
        .await
        .unwrap();
    assert_eq!(groups.page.next().as_deref(), Some("ipg-2"));
    assert_eq!(
        groups.app_ip_group_list[0].backend_policy_list[0].kind,
        "TCP"
    );
    client
        .delete_ip_group(
            Some(""),
            "applb-1",
            &DeleteBlbIpGroupRequest {
                ip_group_id: "ipg-1".into(),
            },
        )
        .await
        .unwrap();
    let p = client
        .create_ip_group_policy(
            Some(""),
            "applb-1",
            &CreateBlbIpGroupBackendPolicyRequest {
                health_check: "HTTP".into(),
                probe: IpGroupProbe {
                    health_check_url_path: "/healthz".into(),
                    health_check_port: 80,
                    ..Default::default()
                },
                ip_group_id: "ipg-1".into(),
                kind: AppBlbProtocol::Http,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(p.id, "p-1");
    client
        .update_ip_group_policy(
            Some(""),
            "applb-1",
            &UpdateBlbIpGroupBackendPolicyRequest {
                probe: IpGroupProbe {
                    health_check_port: 81,
                    ..Default::default()
                },
                ip_group_id: "ipg-1".into(),
                id: "p-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let q = IpGroupListQuery {
        ip_group_id: "ipg-1".into(),
        marker: "p-0".into(),
        max_keys: 0,
    };
    let policies = client
        .get_ip_group_policy_list("applb-1", &q)
        .await
        .unwrap();
    assert_eq!(policies.backend_policy_list[0].probe.health_check_port, 81);
    client
        .delete_ip_group_policy(
            Some(""),
            "applb-1",
            &DeleteBlbIpGroupBackendPolicyRequest {
                ip_group_id: "ipg-1".into(),
                backend_policy_id_list: vec!["p-1".into()],
            },
        )
        .await
        .unwrap();
    let m = client
        .create_ip_group_member(
            Some(""),
            "applb-1",
            &CreateBlbIpGroupMemberRequest {
                ip_group_id: "ipg-1".into(),
                member_list: vec![IpGroupMemberSpec {
                    ip: "10.0.0.2".into(),
                    port: 80,
                    weight: 5,
                }],
            },
        )
        .await
        .unwrap();
    assert_eq!(m.member_list[0].member_id, "m-2");
    client
        .update_ip_group_member(
            Some(""),
            "applb-1",
            &UpdateBlbIpGroupMemberRequest {
                ip_group_id: "ipg-1".into(),
                member_list: vec![IpGroupMemberUpdate {
                    member_id: "m-2".into(),
                    weight: 7,
                    ..Default::default()
                }],
            },
        )
        .await
        .unwrap();
    let members = client
        .get_ip_group_member_list(
            "applb-1",
            &IpGroupListQuery {
                ip_group_id: "ipg-1".into(),
                max_keys: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(members.member_list[0].weight, 7);
    client
        .delete_ip_group_member(
            Some(""),
            "applb-1",
            &DeleteBlbIpGroupMemberRequest {
                ip_group_id: "ipg-1".into(),
                member_id_list: vec!["m-2".into()],
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn listener_policies() {
    let (server, client) = client().await;
    let p = "/v2/appblb/applb-1/policys";
    expect(&server, "POST", p, &[("clientToken", TOKEN)], Some(json!({"listenerPort": 80, "type": "TCP", "appPolicyVos": [{"appIpGroupId": "ipg-1", "priority": 10}]})), json!({})).await;
    expect(&server, "GET", p, &[("type", "TCP"), ("port", "80"), ("marker", "pol-0"), ("maxKeys", "10")], None, json!({"policyList": [{"id": "pol-1", "appIpGroupId": "ipg-1", "frontendPort": 80, "ruleList": [{"key": "*", "value": "*"}]}]})).await;
    expect(
        &server,
        "PUT",
        p,
        &[("batchdelete", "")],
        Some(json!({"type": "TCP", "port": 80, "policyIdList": ["pol-1"]})),
        json!({}),
    )
    .await;
    client
        .create_listener_policy(
            Some(TOKEN),
            "applb-1",
            &CreateListenerPolicyRequest {
                listener_port: 80,
                kind: AppBlbProtocol::Tcp,
                app_policy_vos: vec![AppPolicyVo {
                    app_ip_group_id: "ipg-1".into(),
                    priority: 10,
                    ..Default::default()
                }],
            },
        )
        .await
        .unwrap();
    let got = client
        .get_listener_policy(
            "applb-1",
            &GetListenerPolicyRequest {
                port: 80,
                kind: AppBlbProtocol::Tcp,
                marker: "pol-0".into(),
                max_keys: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(got.policy_list[0].rule_list[0].key, "*");
    client
        .delete_listener_policy(
            Some(""),
            "applb-1",
            &DeleteListenerPolicyRequest {
                kind: AppBlbProtocol::Tcp,
                port: 80,
                policy_id_list: vec!["pol-1".into()],
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn marker_streams_follow_next_marker() {
    let (server, client) = client().await;
    expect(&server, "GET", "/v2/appblb", &[("maxKeys", "2")], None, json!({"isTruncated": true, "nextMarker": "b2", "blbList": [{"blbId": "b0"}, {"blbId": "b1"}]})).await;
    expect(
        &server,
        "GET",
        "/v2/appblb",
        &[("marker", "b2"), ("maxKeys", "2")],
        None,
        json!({"isTruncated": false, "nextMarker": "", "blbList": [{"blbId": "b2"}]}),
    )
    .await;
    let g = "/v2/appblb/applb-1/ipgroup/member";
    expect(
        &server,
        "GET",
        g,
        &[("ipGroupId", "ipg-1")],
        None,
        json!({"isTruncated": true, "nextMarker": "m1", "memberList": [{"memberId": "m0"}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        g,
        &[("ipGroupId", "ipg-1"), ("marker", "m1")],
        None,
        json!({"isTruncated": false, "memberList": [{"memberId": "m1"}]}),
    )
    .await;
    let all: Vec<AppBlbDetails> = client
        .get_app_blb_list_stream(MarkerRequest {
            max_keys: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|b| b.blb_id.as_str()).collect::<Vec<_>>(),
        ["b0", "b1", "b2"]
    );
    let members: Vec<IpGroupMember> = client
        .get_ip_group_member_list_stream(
            "applb-1",
            IpGroupListQuery {
                ip_group_id: "ipg-1".into(),
                ..Default::default()
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(members.len(), 2);
}

#[tokio::test]
async fn service_errors_on_every_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 404, "NoSuchBlb", "gone", "r-1").await;
    let b = "applb-1";
    let errors = bce_testkit::errors_of![
        c.create_app_blb(None, &Default::default()),
        c.update_app_blb(None, b, &Default::default()),
        c.get_app_blb_list(&Default::default()),
        c.get_app_blb_details(b),
        c.delete_app_blb_instance(b, None),
        c.create_tcp_listener(None, b, &Default::default()),
        c.update_tcp_listener(None, b, "80", &Default::default()),
        c.get_tcp_listener(b, &Default::default()),
        c.create_udp_listener(None, b, &Default::default()),
        c.update_udp_listener(None, b, "53", &Default::default()),
        c.get_udp_listener(b, &Default::default()),
        c.delete_app_blb_listener(b, None, &Default::default()),
        c.create_ip_group(None, b, &Default::default()),
        c.update_ip_group(None, b, &Default::default()),
        c.get_ip_group(b, &Default::default()),
        c.delete_ip_group(None, b, &Default::default()),
        c.create_ip_group_policy(None, b, &Default::default()),
        c.update_ip_group_policy(None, b, &Default::default()),
        c.get_ip_group_policy_list(b, &Default::default()),
        c.delete_ip_group_policy(None, b, &Default::default()),
        c.create_ip_group_member(None, b, &Default::default()),
        c.update_ip_group_member(None, b, &Default::default()),
        c.get_ip_group_member_list(b, &Default::default()),
        c.delete_ip_group_member(None, b, &Default::default()),
        c.create_listener_policy(None, b, &Default::default()),
        c.get_listener_policy(b, &Default::default()),
        c.delete_listener_policy(None, b, &Default::default()),
    ];
    assert_eq!(errors.len(), 27);
    bce_testkit::assert_service_errors(errors, 404, "NoSuchBlb", "gone", "r-1");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    assert!(invalid(
        c.update_app_blb(None, "", &Default::default()).await
    ));
    assert!(invalid(c.get_app_blb_details("a/b").await.map(drop)));
    assert!(invalid(c.delete_app_blb_instance("", Some("t")).await));
    assert!(invalid(
        c.create_tcp_listener(None, "..", &Default::default()).await
    ));
    assert!(invalid(
        c.update_tcp_listener(None, "applb-1", "", &Default::default())
            .await
    ));
    assert!(invalid(
        c.update_udp_listener(None, "", "53", &Default::default())
            .await
    ));
    assert!(invalid(
        c.get_udp_listener("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(
        c.delete_app_blb_listener("a/b", None, &Default::default())
            .await
    ));
    assert!(invalid(
        c.create_ip_group(None, "", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.get_ip_group("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(
        c.delete_ip_group_policy(None, "", &Default::default())
            .await
    ));
    assert!(invalid(
        c.get_ip_group_member_list("x/y", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.delete_listener_policy(None, "", &Default::default())
            .await
    ));
    assert!(t.requests().is_empty());
}

fn retrying(t: &RecordingTransport) -> Client {
    let config = Config::builder()
        .credentials(test_credentials())
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

#[tokio::test(start_paused = true)]
async fn only_creates_with_a_client_token_are_repeated_after_sending() {
    let busy = || {
        Ok(HttpResponse::new(
            503,
            r#"{"code":"ServiceUnavailable","message":"busy","requestId":"r"}"#,
        ))
    };
    let ok = || Ok(HttpResponse::new(200, r#"{"blbId":"applb-1"}"#));

    let t = RecordingTransport::new();
    t.push(busy()).push(ok());
    let created = retrying(&t)
        .create_app_blb(Some(TOKEN), &Default::default())
        .await
        .unwrap();
    assert_eq!(created.blb_id, "applb-1");
    let sent = t.requests();
    assert_eq!(sent.len(), 2, "a create with a token is retried");
    assert!(sent
        .iter()
        .all(|r| r.url.contains("clientToken=5b0c9e2e-token")));

    let t = RecordingTransport::new();
    t.push(busy()).push(ok());
    let e = retrying(&t)
        .create_app_blb(Some(""), &Default::default())
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(503));
    assert_eq!(
        t.requests().len(),
        1,
        "a create without a token is sent once"
    );
}

/// The client token query parameter of a recorded request.
fn token_of(request: &bce_core::HttpRequest) -> String {
    let query = request.url.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("clientToken="))
        .unwrap_or_default()
        .to_owned()
}

/// An idempotent fake of the service: a create with a token it has seen
/// returns the balancer it made then, instead of making another. The first
/// answer is lost to a connection reset after the balancer was made.
#[derive(Debug, Default)]
struct IdempotentService {
    seen: std::sync::Mutex<Vec<bce_core::HttpRequest>>,
    made: std::sync::Mutex<std::collections::BTreeMap<String, String>>,
}

impl bce_core::HttpTransport for IdempotentService {
    fn send(
        &self,
        request: bce_core::HttpRequest,
    ) -> bce_core::BoxFuture<'_, Result<HttpResponse, bce_core::TransportError>> {
        let token = token_of(&request);
        let first = {
            let mut seen = self.seen.lock().unwrap();
            seen.push(request);
            seen.len() == 1
        };
        let id = {
            let mut made = self.made.lock().unwrap();
            let n = made.len();
            made.entry(token)
                .or_insert_with(|| format!("applb-{}", n + 1))
                .clone()
        };
        Box::pin(async move {
            if first {
                Err(bce_core::TransportError::new(
                    bce_core::TransportErrorKind::Io,
                    "connection reset by peer",
                    true,
                ))
            } else {
                Ok(HttpResponse::new(200, format!(r#"{{"blbId":"{id}"}}"#)))
            }
        })
    }
}

#[tokio::test(start_paused = true)]
async fn a_create_without_a_token_gets_one_that_every_retry_reuses() {
    let service = Arc::new(IdempotentService::default());
    let config = Config::builder()
        .credentials(test_credentials())
        .transport(service.clone())
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    let created = client
        .create_app_blb(None, &CreateAppBlbRequest::default())
        .await
        .unwrap();
    assert_eq!(created.blb_id, "applb-1");

    let seen = service.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2, "retried after the connection reset");
    let tokens: Vec<String> = seen.iter().map(token_of).collect();
    assert_eq!(tokens[0], tokens[1], "the same token on every attempt");
    assert_eq!(tokens[0].len(), 36, "a generated UUID: {}", tokens[0]);
    assert_eq!(service.made.lock().unwrap().len(), 1, "one balancer made");

    // The next call gets a token of its own.
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    c.update_app_blb(None, "applb-1", &UpdateAppBlbRequest::default())
        .await
        .unwrap();
    c.update_app_blb(None, "applb-1", &UpdateAppBlbRequest::default())
        .await
        .unwrap();
    let sent = t.requests();
    assert_ne!(token_of(&sent[0]), token_of(&sent[1]));
    assert!(!token_of(&sent[0]).is_empty());
}

#[tokio::test]
async fn a_refused_action_is_a_service_error() {
    let t = RecordingTransport::replying_json([json!({
        "result": false,
        "action": "delete",
        "details": {"vmId": "vm-1", "reason": "locked"}
    })]);
    let c = Client::new(t.config()).unwrap();
    let e = c.delete_vm_instance("vm-1").await.unwrap_err();
    assert_eq!(e.code(), Some(bec::ACTION_REFUSED));
    assert_eq!(e.status(), Some(200));
    assert!(e.to_string().contains("locked"), "{e}");

    // Page envelopes carry a list in `result`; accepted actions pass.
    let t = RecordingTransport::replying_json([
        json!({"result": [], "totalCount": 0}),
        json!({"result": true, "action": "delete", "details": {}}),
    ]);
    let c = Client::new(t.config()).unwrap();
    c.get_vm_instance_list(&ListRequest::default())
        .await
        .unwrap();
    assert!(c.delete_vm_instance("vm-1").await.unwrap().result);
}
