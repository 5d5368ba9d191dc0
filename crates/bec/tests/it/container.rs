//! Wiremock tests of container services, deployments and pods.

use std::time::Duration;

use bce_core::{Error, Waiter};
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect, hangzhou, running_first_page, RUNNING_FIRST_PAGE};
use futures::TryStreamExt;
use serde_json::{json, Value};

fn nginx() -> ContainerDetails {
    ContainerDetails {
        name: "web".into(),
        image_address: "hub.baidubce.com/public/nginx".into(),
        image_version: "1.25".into(),
        cpu: 1,
        memory: 2,
        ports: vec![V1ContainerPort {
            protocol: "TCP".into(),
            container_port: 80,
            ..Default::default()
        }],
        envs: vec![V1EnvVar {
            name: "POD_IP".into(),
            value_from: Some(V1EnvVarSource {
                field_ref: Some(V1ObjectFieldSelector {
                    field_path: "status.podIP".into(),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn service_lifecycle() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/service/create",
        &[],
        Some(json!({
            "serviceName": "web", "paymentMethod": "postpay", "containerGroupName": "cg",
            "containers": [{"name": "web", "imageVersion": "1.25", "imageAddress": "hub.baidubce.com/public/nginx", "memory": 2, "cpu": 1,
                "ports": [{"protocol": "TCP", "containerPort": 80}], "envs": [{"name": "POD_IP", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}}]}],
            "deployInstances": [{"region": "EAST_CHINA", "serviceProvider": "CHINA_MOBILE", "replicas": 2, "city": "HANGZHOU"}],
            "logCollectDetail": {"logCollect": true, "esUserPassword": "Es-SECRET"}
        })),
        json!({"result": true, "action": "create", "details": {"serviceId": "s-1", "status": "STARTING", "tagMap": null}}),
    )
    .await;
    expect(&server, "GET", "/v1/service/s-1", &[], None, json!({"serviceId": "s-1", "status": "RUNNING", "regionSize": 1, "tagsMap": [{"tagKey": "env", "tagValue": "prod"}], "resourceBriefVos": [{"resourceId": "sts-1", "labels": {"app": "web"}, "deployInstance": {"region": "EAST_CHINA"}}], "logCollectDetail": {"esUserPassword": "Es-SECRET"}})).await;
    expect(
        &server,
        "PUT",
        "/v1/service/s-1",
        &[],
        Some(json!({"type": "REPLICAS", "deployInstances": [{"region": "EAST_CHINA", "replicas": 3}], "needIpv6PublicIp": "false"})),
        json!({"result": true, "details": [{"serviceId": "s-1"}]}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/service/s-1/stop",
        &[],
        None,
        json!({"result": true, "details": {"s-1": "stopping"}}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/service/s-1",
        &[],
        None,
        json!({"result": true, "details": {"s-1": "deleted"}}),
    )
    .await;

    let args = CreateServiceArgs {
        service_name: "web".into(),
        payment_method: "postpay".into(),
        container_group_name: "cg".into(),
        containers: vec![nginx()],
        deploy_instances: vec![hangzhou(2)],
        log_collect_detail: Some(LogCollectDetail {
            log_collect: true,
            es_user_password: "Es-SECRET".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert!(!format!("{args:?}").contains("Es-SECRET"));
    let created = client.create_service(&args).await.unwrap();
    assert_eq!(created.details.service_id, "s-1");
    let detail = client.get_service("s-1").await.unwrap();
    assert_eq!(detail.resource_brief_vos[0].labels["app"], "web");
    assert!(!format!("{detail:?}").contains("Es-SECRET"));
    let updated = client
        .update_service(
            "s-1",
            &UpdateServiceArgs {
                kind: UpdateServiceType::Replicas,
                deploy_instances: vec![DeploymentInstance {
                    region: Region::EastChina,
                    replicas: 3,
                    ..Default::default()
                }],
                need_ipv6_public_ip: "false".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.details[0].service_id, "s-1");
    client
        .service_action("s-1", &ServiceAction::Stop)
        .await
        .unwrap();
    assert_eq!(
        client.delete_service("s-1").await.unwrap().details["s-1"],
        "deleted"
    );
}

#[tokio::test]
async fn lists_metrics_and_batches() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        "/v1/service",
        RUNNING_FIRST_PAGE,
        None,
        json!({"totalCount": 1, "result": [{"serviceId": "s-1", "totalPods": 2}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/monitor/service/sts/s-1",
        &[
            ("serviceId", "s-1"),
            ("metricsType", "CPU"),
            ("start", "10"),
            ("end", "20"),
        ],
        None,
        json!({"maxValue": 3.5}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/service/batch/operate",
        &[],
        Some(json!({"idList": ["s-1", "s-2"], "action": "start"})),
        json!({"result": true, "details": [{"resourceId": "s-1", "success": true}]}),
    )
    .await;
    expect(&server, "POST", "/v1/service/batch/delete", &[], Some(json!(["s-1", "s-2"])), json!({"result": true, "details": [{"resourceId": "s-2", "success": false, "error": "busy"}]})).await;
    let page = client.list_service(&running_first_page()).await.unwrap();
    assert_eq!(page.result[0].total_pods, 2);
    let m = client
        .get_service_metrics(
            "s-1",
            &MetricsQuery {
                metrics_type: "CPU".into(),
                start: 10,
                end: 20,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.max_value, 3.5);
    let ids = vec!["s-1".to_owned(), "s-2".to_owned()];
    let r = client
        .service_batch_operate(&ServiceBatchOperateArgs {
            id_list: ids.clone(),
            action: ServiceAction::Start,
        })
        .await
        .unwrap();
    assert!(r.details[0].success);
    let r = client.service_batch_delete(&ids).await.unwrap();
    assert_eq!(r.details[0].error, "busy");
}

#[tokio::test]
async fn deployments_and_pods() {
    let (server, client) = client().await;
    expect(&server, "GET", "/v1/deployment/sts-1", &[], None, json!({"resourceId": "sts-1", "podBriefVos": [{"podName": "sts-1-0", "status": "RUNNING", "labels": null}]})).await;
    expect(
        &server,
        "GET",
        "/v1/monitor/deployment/sts-1",
        &[("deploymentId", "sts-1"), ("stepInMin", "5")],
        None,
        json!({"avgValue": 1.0}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/deployment/sts-1",
        &[],
        Some(json!({"replicas": 3})),
        json!({"result": true, "details": {"sts-1": "scaling"}}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/deployment",
        &[],
        Some(json!(["sts-1"])),
        json!({"result": true, "details": {"deleted": ["sts-1"]}}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/pod",
        &[("pageNo", "1"), ("pageSize", "50"), ("serviceId", "s-1")],
        None,
        json!({"totalCount": 1, "result": [{"podName": "sts-1-0", "deploymentId": "sts-1"}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/monitor/pod/sts-1-0",
        &[("podId", "sts-1-0"), ("serviceProvider", "CHINA_MOBILE")],
        None,
        json!({"totalValue": 7.0}),
    )
    .await;
    expect(&server, "GET", "/v1/pod/sts-1-0", &[], None, json!({"podId": "sts-1-0", "podIp": "10.1.0.5", "containerStatuses": [{"name": "web", "ready": true, "containerID": "c-1", "state": {"running": {"startedAt": 1700000000}}}], "podEventDetails": [{"eventName": "Pulled"}]})).await;
    bce_testkit::Expect::new("PUT", "/v1/pod/sts-1-0/restart")
        .empty_reply()
        .mount(&server)
        .await;

    let d = client.get_pod_deployment("sts-1").await.unwrap();
    assert_eq!(d.pod_brief_vos[0].pod_name, "sts-1-0");
    let m = client
        .get_pod_deployment_metrics(
            "sts-1",
            &MetricsQuery {
                step_in_min: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.avg_value, 1.0);
    client
        .update_pod_deployment_replicas("sts-1", &UpdateDeploymentReplicasArgs { replicas: 3 })
        .await
        .unwrap();
    let r = client
        .delete_pod_deployment(&["sts-1".into()])
        .await
        .unwrap();
    assert_eq!(r.details["deleted"], ["sts-1"]);
    let pods = client
        .get_pod_list(&ListPodArgs {
            page_no: 1,
            page_size: 50,
            service_id: "s-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(pods.result[0].deployment_id, "sts-1");
    let m = client
        .get_pod_metrics(
            "sts-1-0",
            &MetricsQuery {
                service_provider: "CHINA_MOBILE".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.total_value, 7.0);
    let pod = client.get_pod_detail("sts-1-0").await.unwrap();
    let status = &pod.container_statuses[0];
    assert_eq!(status.container_id, "c-1");
    assert_eq!(
        status
            .state
            .as_ref()
            .unwrap()
            .running
            .as_ref()
            .unwrap()
            .started_at,
        1_700_000_000
    );
    client.restart_pod("sts-1-0").await.unwrap();
}

#[tokio::test]
async fn streams_walk_every_page() {
    let (server, client) = client().await;
    for (page, n) in [("1", 2), ("2", 1)] {
        let services: Vec<Value> = (0..n)
            .map(|i| json!({"serviceId": format!("s-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/service",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 3, "result": services}),
        )
        .await;
        let pods: Vec<Value> = (0..n)
            .map(|i| json!({"podName": format!("p-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/pod",
            &[("pageNo", page), ("pageSize", "2"), ("serviceId", "s-1")],
            None,
            json!({"totalCount": 3, "result": pods}),
        )
        .await;
    }
    let services: Vec<ServiceBriefVo> = client
        .list_service_stream(ListServiceArgs {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(services.len(), 3);
    let pods: Vec<PodBriefVo> = client
        .get_pod_list_stream(ListPodArgs {
            page_size: 2,
            service_id: "s-1".into(),
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pods.len(), 3);
}

#[tokio::test]
async fn service_errors_on_every_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 500, "InternalError", "boom", "r-5").await;
    let q = MetricsQuery::default();
    let errors = bce_testkit::errors_of![
        c.create_service(&Default::default()),
        c.list_service(&Default::default()),
        c.get_service("s-1"),
        c.service_action("s-1", &ServiceAction::Start),
        c.update_service("s-1", &Default::default()),
        c.delete_service("s-1"),
        c.get_service_metrics("s-1", &q),
        c.service_batch_operate(&ServiceBatchOperateArgs {
            action: ServiceAction::Stop,
            ..Default::default()
        }),
        c.service_batch_delete(&["s-1".into()]),
        c.get_pod_deployment("d-1"),
        c.get_pod_deployment_metrics("d-1", &q),
        c.update_pod_deployment_replicas("d-1", &Default::default()),
        c.delete_pod_deployment(&["d-1".into()]),
        c.get_pod_list(&Default::default()),
        c.get_pod_metrics("p-1", &q),
        c.get_pod_detail("p-1"),
        c.restart_pod("p-1"),
    ];
    bce_testkit::assert_service_errors(errors, 500, "InternalError", "boom", "r-5");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    let q = MetricsQuery::default();
    assert!(invalid(c.get_service("").await.map(drop)));
    assert!(invalid(
        c.service_action("s/1", &ServiceAction::Start)
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.service_action("s-1", &ServiceAction::Other(String::new()))
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.update_service("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(c.delete_service("a/b").await.map(drop)));
    assert!(invalid(c.get_service_metrics("", &q).await.map(drop)));
    assert!(invalid(
        c.service_batch_operate(&ServiceBatchOperateArgs {
            action: ServiceAction::Other("restart".into()),
            ..Default::default()
        })
        .await
        .map(drop)
    ));
    assert!(invalid(
        c.service_batch_delete(&[String::new()]).await.map(drop)
    ));
    assert!(invalid(c.get_pod_deployment("..").await.map(drop)));
    assert!(invalid(
        c.get_pod_deployment_metrics("", &q).await.map(drop)
    ));
    assert!(invalid(
        c.update_pod_deployment_replicas("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.delete_pod_deployment(&[String::new()]).await.map(drop)
    ));
    assert!(invalid(c.get_pod_metrics("p/1", &q).await.map(drop)));
    assert!(invalid(c.get_pod_detail("").await.map(drop)));
    assert!(invalid(c.restart_pod("").await));
    assert!(t.requests().is_empty());
}

#[tokio::test(start_paused = true)]
async fn waits_until_the_service_runs() {
    let t = RecordingTransport::replying_json([
        json!({"serviceId": "s-1", "status": "STARTING"}),
        json!({"serviceId": "s-1", "status": "STARTING"}),
        json!({"serviceId": "s-1", "status": "RUNNING", "runningPods": 2}),
    ]);
    let c = Client::new(t.config()).unwrap();
    let waiter = Waiter::new(Duration::from_secs(300));
    let s = c.wait_for_service_running("s-1", &waiter).await.unwrap();
    assert_eq!(s.running_pods, 2);

    let t = RecordingTransport::replying_json([json!({"serviceId": "s-1", "status": "FAILED"})]);
    let c = Client::new(t.config()).unwrap();
    let e = c
        .wait_for_service_running("s-1", &waiter)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("FAILED"), "{e}");
}
