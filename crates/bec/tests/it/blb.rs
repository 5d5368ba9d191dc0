//! Wiremock tests of v1 load balancers: instances, listeners, backends, metrics.

use std::time::Duration;

use bce_core::{Error, Waiter};
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect};
use futures::TryStreamExt;
use serde_json::{json, Value};

fn tcp80() -> Listeners {
    Listeners {
        protocol: Protocol::Tcp,
        port: 80,
        backend_port: 8080,
        scheduler: LbMode::Wrr,
        health_check_type: HealthCheckType::Tcp,
        ..Default::default()
    }
}

#[tokio::test]
async fn balancer_lifecycle() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/blb",
        &[],
        Some(json!({"lbType": "vm", "region": "EAST_CHINA", "city": "HANGZHOU", "serviceProvider": "CHINA_MOBILE", "blbName": "web", "needPublicIp": true,
            "listeners": [{"protocol": "TCP", "port": 80, "backendPort": 8080, "scheduler": "wrr", "healthCheckType": "tcp"}]})),
        json!({"result": true, "details": {"blbId": "lb-1", "status": "CREATING", "ports": [{"protocol": "TCP", "port": 80, "scheduler": "minconn"}]}}),
    )
    .await;
    expect(&server, "GET", "/v1/blb/lb-1", &[], None, json!({"blbId": "lb-1", "status": "RUNNING", "cmPublicIP": "1.2.3.4", "ports": [{"protocol": "QUIC", "scheduler": "maglev"}]})).await;
    expect(
        &server,
        "PUT",
        "/v1/blb/lb-1",
        &[],
        Some(json!({"bandwidthInMbpsLimit": 200, "type": "bandwidth"})),
        json!({"result": true, "details": {"blbId": "lb-1", "bandwidthInMbpsLimit": 200}}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/blb",
        &[
            ("lbType", "vm"),
            ("status", "RUNNING"),
            ("pageNo", "1"),
            ("pageSize", "10"),
        ],
        None,
        json!({"totalCount": 1, "result": [{"blbId": "lb-1"}]}),
    )
    .await;
    expect(&server, "POST", "/v1/blb/batch/create", &[], Some(json!({"lbType": "vm", "deployInstances": [{"region": "SOUTH_CHINA", "replicas": 2}], "blbName": "many"})), json!({"result": true, "details": [{"blbId": "lb-2"}, {"blbId": "lb-3"}]})).await;
    expect(
        &server,
        "POST",
        "/v1/blb/batch/delete",
        &[],
        Some(json!(["lb-2", "lb-3"])),
        json!({"result": true, "details": [{"resourceId": "lb-2", "success": true}]}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/blb/lb-1",
        &[],
        None,
        json!({"result": true, "details": {"lb-1": "deleted"}}),
    )
    .await;

    let created = client
        .create_blb(&CreateBlbArgs {
            lb_type: "vm".into(),
            region: Region::EastChina,
            city: "HANGZHOU".into(),
            service_provider: ServiceProvider::ChinaMobile,
            blb_name: "web".into(),
            need_public_ip: true,
            listeners: vec![tcp80()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.details.ports[0].scheduler, LbMode::MinConn);
    let lb = client.get_blb_detail("lb-1").await.unwrap();
    assert_eq!(lb.cm_public_ip, "1.2.3.4");
    // Values this SDK does not know yet are kept, not rejected.
    assert_eq!(lb.ports[0].protocol, Protocol::Other("QUIC".into()));
    assert_eq!(lb.ports[0].scheduler.as_str(), "maglev");
    let updated = client
        .update_blb(
            "lb-1",
            &UpdateBlbArgs {
                bandwidth_in_mbps_limit: 200,
                kind: "bandwidth".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.details.bandwidth_in_mbps_limit, 200);
    let page = client
        .get_blb_list(&ListBlbArgs {
            lb_type: "vm".into(),
            status: "RUNNING".into(),
            page_no: 1,
            page_size: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.result.len(), 1);
    let many = client
        .batch_create_blb(&BatchCreateBlbArgs {
            lb_type: "vm".into(),
            deploy_instances: vec![DeploymentInstance {
                region: Region::SouthChina,
                replicas: 2,
                ..Default::default()
            }],
            blb_name: "many".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(many.details.len(), 2);
    client
        .batch_delete_blb(&["lb-2".into(), "lb-3".into()])
        .await
        .unwrap();
    assert_eq!(
        client.delete_blb("lb-1").await.unwrap().details["lb-1"],
        "deleted"
    );
}

#[tokio::test]
async fn listeners() {
    let (server, client) = client().await;
    let monitor = json!({"frontendPort": {"protocol": "UDP", "port": 53}, "backendPort": 53, "lbMode": "srch",
        "healthCheck": {"timeoutInSeconds": 3, "healthCheckString": null, "healthCheckType": "udp"}});
    expect(
        &server,
        "POST",
        "/v1/blb/lb-1/monitor",
        &[],
        Some(monitor.clone()),
        json!({"result": true, "details": {"port": "53"}}),
    )
    .await;
    expect(&server, "PUT", "/v1/blb/lb-1/monitor", &[], Some(json!({"frontendPort": {"protocol": "UDP", "port": 53}, "keepaliveTimeout": 30, "healthCheck": {"healthCheckString": "ping"}})), json!({"result": true})).await;
    expect(
        &server,
        "GET",
        "/v1/blb/lb-1/monitor",
        &[("pageNo", "1"), ("pageSize", "10")],
        None,
        json!({"totalCount": 1, "result": [{"protocol": "UDP", "port": 53}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/blb/lb-1/monitor/port",
        &[("protocol", "UDP"), ("port", "53")],
        None,
        monitor,
    )
    .await;
    expect(&server, "POST", "/v1/blb/batch/create/lb-1/monitor", &[], Some(json!({"protocol": "TCP", "portGroups": [{"port": 80, "backendPort": 8080}, {"port": 443, "backendPort": 8443}], "lbMode": "wrr"})), json!({"result": true})).await;
    expect(
        &server,
        "DELETE",
        "/v1/blb/lb-1/monitor",
        &[],
        Some(json!([{"protocol": "UDP", "port": 53}])),
        json!({"result": true}),
    )
    .await;

    let args = BlbMonitorArgs {
        frontend_port: Some(Port {
            protocol: Protocol::Udp,
            port: 53,
        }),
        backend_port: 53,
        lb_mode: LbMode::Srch,
        health_check: Some(HealthCheck {
            timeout_in_seconds: 3,
            health_check_type: HealthCheckType::Udp,
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        client
            .create_blb_monitor_port("lb-1", &args)
            .await
            .unwrap()
            .details["port"],
        "53"
    );
    client
        .update_blb_monitor_port(
            "lb-1",
            &BlbMonitorArgs {
                frontend_port: args.frontend_port.clone(),
                keepalive_timeout: 30,
                health_check: Some(HealthCheck {
                    health_check_string: Some("ping".into()),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let list = client
        .get_blb_monitor_port_list(
            "lb-1",
            &BlbPageArgs {
                page_no: 1,
                page_size: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(list.result[0].protocol, Protocol::Udp);
    let one = client
        .get_blb_monitor_port_details("lb-1", &Protocol::Udp, 53)
        .await
        .unwrap();
    assert_eq!(one, args);
    client
        .batch_create_blb_monitor(
            "lb-1",
            &BatchCreateBlbMonitorArg {
                protocol: Protocol::Tcp,
                port_groups: vec![
                    PortGroup {
                        port: 80,
                        backend_port: 8080,
                    },
                    PortGroup {
                        port: 443,
                        backend_port: 8443,
                    },
                ],
                lb_mode: LbMode::Wrr,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client
        .delete_blb_monitor_port(
            "lb-1",
            &[Port {
                protocol: Protocol::Udp,
                port: 53,
            }],
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn backends_and_metrics() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/blb/lb-1/binding",
        &[],
        Some(json!({"bindingForms": [{"deploymentId": "sts-1", "defaultWeight": 100}]})),
        json!({"result": true}),
    )
    .await;
    expect(&server, "GET", "/v1/blb/lb-1/binded", &[("pageNo", "1"), ("pageSize", "50")], None, json!({"totalCount": 1, "result": [{"podName": "sts-1-0", "podIp": "10.0.0.5", "weight": 100, "backendPort": [{"health": true, "port": 8080, "protocol": "TCP"}]}]})).await;
    expect(&server, "GET", "/v1/blb/lb-1/binding", &[("keywordType", "deploymentName"), ("keyword", "web")], None, json!({"totalCount": 1, "result": [{"deploymentName": "web", "replicas": 2, "backends": [{"name": "sts-1-0", "ip": "10.0.0.5", "weight": 100}]}]})).await;
    expect(
        &server,
        "GET",
        "/v1/blb/lb-1/bindingpod",
        &[("stsName", "sts-1")],
        None,
        json!([{"name": "sts-1-0", "ip": "10.0.0.5", "weight": 100}]),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/blb/lb-1/binded",
        &[],
        Some(json!({"podWeightList": [{"name": "sts-1-0", "ip": "10.0.0.5", "weight": 50}]})),
        json!({"result": true}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/blb/lb-1/binded",
        &[],
        Some(json!({"deploymentIds": ["sts-1"]})),
        json!({"result": true}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/monitor/lb/lb-1",
        &[
            ("blbId", "lb-1"),
            ("ipType", "extranet"),
            ("port", "80"),
            ("metricsType", "REQUEST_NUMBER"),
        ],
        None,
        json!({"metrics": [{"timeInSecond": 1, "value": 9.0}]}),
    )
    .await;

    client
        .create_blb_binding(
            "lb-1",
            &CreateBlbBindingArgs {
                binding_forms: vec![BlbBindingForm {
                    deployment_id: "sts-1".into(),
                    default_weight: 100,
                    ..Default::default()
                }],
            },
        )
        .await
        .unwrap();
    let pods = client
        .get_blb_backend_pod_list(
            "lb-1",
            &BlbPageArgs {
                page_no: 1,
                page_size: 50,
            },
        )
        .await
        .unwrap();
    assert!(pods.result[0].backend_port[0].health);
    let sts = client
        .get_blb_backend_binding_sts_list(
            "lb-1",
            &BlbBindingListArgs {
                keyword_type: "deploymentName".into(),
                keyword: "web".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(sts.result[0].backends[0].ip, "10.0.0.5");
    let bound = client
        .get_blb_binding_pod_list_with_sts("lb-1", "sts-1")
        .await
        .unwrap();
    assert_eq!(bound[0].name, "sts-1-0");
    let pod = Backends {
        name: "sts-1-0".into(),
        ip: "10.0.0.5".into(),
        weight: 50,
    };
    client
        .update_blb_bind_pod_weight(
            "lb-1",
            &UpdateBindPodWeightArgs {
                pod_weight_list: vec![pod],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client
        .delete_blb_bind_pod(
            "lb-1",
            &DeleteBlbBindPodArgs {
                deployment_ids: vec!["sts-1".into()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let m = client
        .get_blb_metrics(
            "lb-1",
            &BlbMetricsQuery {
                ip_type: "extranet".into(),
                port: "80".into(),
                metrics_type: "REQUEST_NUMBER".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.metrics[0].value, 9.0);
}

#[tokio::test]
async fn streams_walk_every_page() {
    let (server, client) = client().await;
    for (page, n) in [("1", 2), ("2", 1)] {
        let items: Vec<Value> = (0..n).map(|i| json!({"blbId": format!("lb-{page}-{i}"), "podName": format!("p-{page}-{i}"), "port": i + 1, "deploymentName": "d"})).collect();
        let reply = json!({"totalCount": 3, "result": items});
        for path in [
            "/v1/blb",
            "/v1/blb/lb-1/monitor",
            "/v1/blb/lb-1/binded",
            "/v1/blb/lb-1/binding",
        ] {
            let query = [("pageNo", page), ("pageSize", "2")];
            expect(&server, "GET", path, &query, None, reply.clone()).await;
        }
    }
    let paging = BlbPageArgs {
        page_no: 0,
        page_size: 2,
    };
    let a: Vec<BlbInstanceVo> = client
        .get_blb_list_stream(ListBlbArgs {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    let b: Vec<Listeners> = client
        .get_blb_monitor_port_list_stream("lb-1", paging.clone())
        .try_collect()
        .await
        .unwrap();
    let c: Vec<BlbBackendPodBriefVo> = client
        .get_blb_backend_pod_list_stream("lb-1", paging)
        .try_collect()
        .await
        .unwrap();
    let d: Vec<LbDeployPo> = client
        .get_blb_backend_binding_sts_list_stream(
            "lb-1",
            BlbBindingListArgs {
                page_size: 2,
                ..Default::default()
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!((a.len(), b.len(), c.len(), d.len()), (3, 3, 3, 3));
}

#[tokio::test]
async fn service_errors_on_every_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 409, "BlbBusy", "in use", "r-2").await;
    let p = BlbPageArgs::default();
    let errors = bce_testkit::errors_of![
        c.create_blb(&Default::default()),
        c.delete_blb("l"),
        c.get_blb_list(&Default::default()),
        c.get_blb_detail("l"),
        c.update_blb("l", &Default::default()),
        c.create_blb_monitor_port("l", &Default::default()),
        c.delete_blb_monitor_port("l", &[]),
        c.get_blb_monitor_port_list("l", &p),
        c.update_blb_monitor_port("l", &Default::default()),
        c.get_blb_monitor_port_details("l", &Protocol::Tcp, 80),
        c.batch_create_blb(&Default::default()),
        c.batch_delete_blb(&["l".into()]),
        c.batch_create_blb_monitor("l", &Default::default()),
        c.get_blb_backend_pod_list("l", &p),
        c.get_blb_backend_binding_sts_list("l", &Default::default()),
        c.get_blb_binding_pod_list_with_sts("l", "s"),
        c.create_blb_binding("l", &Default::default()),
        c.delete_blb_bind_pod("l", &Default::default()),
        c.update_blb_bind_pod_weight("l", &Default::default()),
        c.get_blb_metrics("l", &Default::default()),
    ];
    bce_testkit::assert_service_errors(errors, 409, "BlbBusy", "in use", "r-2");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    let p = BlbPageArgs::default();
    assert!(invalid(c.delete_blb("").await.map(drop)));
    assert!(invalid(c.get_blb_detail("a/b").await.map(drop)));
    assert!(invalid(
        c.update_blb("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(
        c.create_blb_monitor_port("..", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(c.delete_blb_monitor_port("", &[]).await.map(drop)));
    assert!(invalid(
        c.get_blb_monitor_port_list("x/y", &p).await.map(drop)
    ));
    assert!(invalid(
        c.update_blb_monitor_port("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.get_blb_monitor_port_details("", &Protocol::Tcp, 1)
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.batch_delete_blb(&[String::new()]).await.map(drop)
    ));
    assert!(invalid(
        c.batch_create_blb_monitor("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(c.get_blb_backend_pod_list("", &p).await.map(drop)));
    assert!(invalid(
        c.get_blb_backend_binding_sts_list("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.get_blb_binding_pod_list_with_sts("a/b", "s")
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.create_blb_binding("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.delete_blb_bind_pod("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.update_blb_bind_pod_weight("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.get_blb_metrics("", &Default::default()).await.map(drop)
    ));
    assert!(t.requests().is_empty());
}

#[tokio::test(start_paused = true)]
async fn waits_until_the_balancer_runs() {
    let t = RecordingTransport::replying_json([
        json!({"blbId": "lb-1", "status": "CREATING"}),
        json!({"blbId": "lb-1", "status": "BINDING"}),
        json!({"blbId": "lb-1", "status": "RUNNING"}),
    ]);
    let c = Client::new(t.config()).unwrap();
    let waiter = Waiter::new(Duration::from_secs(300));
    assert_eq!(
        c.wait_for_blb_running("lb-1", &waiter)
            .await
            .unwrap()
            .status,
        ResourceStatus::Running
    );
    assert_eq!(t.requests().len(), 3);

    let t = RecordingTransport::replying_json([json!({"blbId": "lb-1", "status": "FAILED"})]);
    let c = Client::new(t.config()).unwrap();
    assert!(c.wait_for_blb_running("lb-1", &waiter).await.is_err());
}
