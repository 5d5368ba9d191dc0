//! Service operations against wiremock.

use aihc_deploy::v2::*;
use serde_json::{json, Value};
use wiremock::MockServer;

use crate::{assert_acknowledged, client, serving};

pub fn full_conf_json() -> Value {
    serde_json::from_str(include_str!("../data/service_conf_full.json")).unwrap()
}

pub fn small_conf() -> ServiceConf {
    ServiceConf::new("llama3-min")
        .with_accelerator_type("baidu.com/a800_80g_cgpu")
        .with_instance_count(1)
        .with_resource_pool(ResourcePoolConf::new("cce-e0isdmib", "default"))
        .with_container(
            ContainerConf::new("main", "registry.baidubce.com/aihc/pytorch:2.2-cu121")
                .with_resources(4, 16, 1)
                .with_port("http", 8000)
                .with_env("MODEL_DIR", "/models")
                .with_registry_login("robot$aihc", "P@ss-SECRET"),
        )
}

#[test]
fn the_full_configuration_round_trips_with_the_wire_spellings() {
    let wire = full_conf_json();
    let conf: ServiceConf = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&conf).unwrap(), wire);
    let storage = conf.storage.as_ref().unwrap();
    let vol = &storage.volumns[0];
    assert_eq!(vol.volume_type, Some(VolumeType::Pfs));
    assert_eq!(
        vol.pfs.as_ref().unwrap().cluster_ip.as_deref(),
        Some("10.10.0.4")
    );
    let c = &conf.containers[0];
    assert_eq!(
        c.startups_probe
            .as_ref()
            .unwrap()
            .handler
            .as_ref()
            .unwrap()
            .tcp_socket_action
            .as_ref()
            .unwrap()
            .port,
        Some(8000)
    );
    assert_eq!(c.pre_stop.as_ref().unwrap().sleep_sec, Some(4));
    assert_eq!(conf.misc.as_ref().unwrap().enable_rdma, Some(true));
    assert_eq!(conf.workload_type, Some(WorkloadType::Fed));
    let indicators = conf
        .hpa
        .as_ref()
        .unwrap()
        .metric_based
        .as_ref()
        .unwrap()
        .scale_indicators
        .as_ref()
        .unwrap();
    assert_eq!(indicators.custom_indicators["qps"], 0.75);
    // The pull password is a secret: sent, never printed.
    let image = c.image.as_ref().unwrap();
    assert_eq!(image.password.as_ref().unwrap().expose(), "P@ssw0rd!A1");
    assert!(!format!("{conf:?}").contains("P@ssw0rd!A1"));
}

#[test]
fn zero_values_are_sent_and_unset_values_are_not() {
    let conf = ServiceConf {
        instance_count: Some(0),
        access: Some(AccessConf {
            public_access: Some(false),
            eip: Some(String::new()),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&conf).unwrap(),
        json!({"instanceCount": 0, "access": {"publicAccess": false, "eip": ""}})
    );
    // Answers with nulls and unknown enum values decode.
    let back: ServiceConf = serde_json::from_value(json!({
        "name": null, "containers": null, "workloadType": "mystery",
        "storage": {"volumns": null, "shmSize": null},
        "hpa": {"timeBased": null}
    }))
    .unwrap();
    assert_eq!(
        back.workload_type,
        Some(WorkloadType::Other("mystery".into()))
    );
    assert!(back.containers.is_empty() && back.name.is_none());
}

#[tokio::test]
async fn describe_services() {
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServices"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
            ("orderBy", "createdAt"),
            ("order", "asc"),
        ],
        None,
        json!({
            "requestId": "r-1", "totalCount": 51, "pageNumber": 2, "pageSize": 50,
            "orderBy": "createdAt", "order": "asc",
            "services": [{
                "id": "s-r7d45dcffa0a", "name": "llama", "resourcePoolId": "cce-1",
                "resourcePoolName": "pool", "queueName": "default", "region": "bj",
                "publicAccess": true, "networkType": "vpc", "creator": "alice",
                "createdAt": 1745465590, "updatedAt": 1745465654, "resourcePoolType": "common",
                "hpa": {"timeBased": null, "metricBased": {"enable": true, "minInstances": 1, "maxInstances": 4}},
                "resourceSpec": {"cpus": 8, "memory": 64, "acceleratorCount": 1, "acceleratorType": "baidu.com/a800_80g_cgpu"},
                "workloadType": ""
            }]
        }),
    )
    .await;
    let page = c
        .describe_services(&DescribeServicesRequest {
            page_number: 2,
            page_size: 50,
            order_by: "createdAt".into(),
            order: "asc".into(),
        })
        .await
        .unwrap();
    assert_eq!(page.total_count, 51);
    assert_eq!(page.request_id, "r-1");
    let s = &page.services[0];
    assert_eq!(s.id, "s-r7d45dcffa0a");
    assert!(s.public_access);
    assert_eq!(s.network_type, NetworkType::Vpc);
    assert_eq!(s.resource_pool_type, ResourcePoolType::Common);
    assert_eq!(s.resource_spec.as_ref().unwrap().accelerator_count, 1);
    assert_eq!(
        s.hpa
            .as_ref()
            .unwrap()
            .metric_based
            .as_ref()
            .unwrap()
            .max_instances,
        Some(4)
    );

    // Nothing set: nothing but the action is sent.
    let (_server, c) = serving(
        "GET",
        &[("action", "DescribeServices")],
        None,
        json!({"services": null, "totalCount": 0}),
    )
    .await;
    let page = c
        .describe_services(&DescribeServicesRequest::default())
        .await
        .unwrap();
    assert!(page.services.is_empty());
}

pub fn detail_json() -> Value {
    json!({
        "requestId": "r-2",
        "service": {"name": "llama", "instanceCount": 1, "resourcePool": {"resourcePoolId": "cce-1", "queueName": "default"},
            "containers": [{"name": "main", "cpus": 1, "memory": 2, "image": {"imageUrl": "registry.baidubce.com/inference/vllm-openai:v0.8.3", "password": "pw-SECRET"}}]},
        "status": {
            "accessIPs": {"internal": "10.0.0.9", "external": ""},
            "accessPorts": [{"name": "http", "containerPort": 8000, "servicePort": 80}],
            "blbShortId": "lb-1",
            "briefStat": {"status": 2, "availableIns": 1, "totalIns": 1}
        },
        "instances": [{
            "instanceId": "s-f9c14dcf3da2-595b6bcc54-7jms9-0",
            "containers": [{"containerId": "c-1", "container": {"name": "main"}, "status": {"containerStatus": "Running", "createdAt": 1745465654}}],
            "status": {"availableContainers": 1, "totalContainers": 1, "createdAt": 1745465590, "nodeIP": "10.0.7.38", "podIP": "10.0.7.99", "status": "Running", "blocked": false}
        }],
        "creator": "alice", "createdAt": 1745465590, "updatedAt": 1745465654
    })
}

#[tokio::test]
async fn describe_service() {
    let (_server, c) = serving(
        "GET",
        &[("action", "DescribeService"), ("serviceId", "s-abc123def")],
        None,
        detail_json(),
    )
    .await;
    let d = c.describe_service("s-abc123def").await.unwrap();
    assert_eq!(d.request_id, "r-2");
    assert_eq!(d.desired_replicas(), 1);
    assert!(d.status.brief_stat.all_ready());
    assert_eq!(d.status.access_ips.internal, "10.0.0.9");
    assert_eq!(d.status.access_ports[0].service_port, 80);
    let pod = &d.instances[0];
    assert!(pod.is_ready() && pod.failure().is_none());
    assert_eq!(pod.status.status, PodPhase::Running);
    assert_eq!(pod.status.pod_ip, "10.0.7.99");
    assert_eq!(
        pod.containers[0].status.container_status,
        ContainerState::Running
    );
    assert!(!format!("{d:?}").contains("pw-SECRET"));
    assert!(d.summary().contains("1/1 ready"));
    assert!(d.pod_table().to_string().contains("10.0.7.38"));
}

#[tokio::test]
async fn describe_service_status() {
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServiceStatus"),
            ("serviceId", "s-r7d45dcffa0a"),
        ],
        None,
        json!({"requestId": "0ca81095", "service": {"s-r7d45dcffa0a": {"availableIns": 1, "status": 2, "totalIns": 1}}}),
    )
    .await;
    let s = c.describe_service_status("s-r7d45dcffa0a").await.unwrap();
    let stat = &s.service["s-r7d45dcffa0a"];
    assert_eq!((stat.status, stat.available_ins, stat.total_ins), (2, 1, 1));
    assert!(stat.all_ready());
    let table = s.table().to_string();
    assert!(table.starts_with("SERVICE"), "{table}");
    assert!(table.contains("s-r7d45dcffa0a  2       1/1"), "{table}");
}

#[tokio::test]
async fn create_service_sends_the_full_configuration_and_the_token() {
    let (_server, c) = serving(
        "POST",
        &[
            ("action", "CreateService"),
            ("clientToken", "ct-5f0c1b9e-0001"),
        ],
        Some(full_conf_json()),
        json!({"serviceId": "s-new", "requestId": "r-3", "code": "", "message": ""}),
    )
    .await;
    let conf: ServiceConf = serde_json::from_value(full_conf_json()).unwrap();
    let created = c
        .create_service(&conf, Some("ct-5f0c1b9e-0001"))
        .await
        .unwrap();
    assert_eq!(created.service_id, "s-new");
    assert_eq!(created.request_id, "r-3");
    assert_eq!(created.client_token, "ct-5f0c1b9e-0001");
}

#[tokio::test]
async fn create_service_generates_a_token_when_none_is_given() {
    let server = MockServer::start().await;
    let body = json!({
        "name": "llama3-min", "acceleratorType": "baidu.com/a800_80g_cgpu", "instanceCount": 1,
        "resourcePool": {"resourcePoolId": "cce-e0isdmib", "queueName": "default"},
        "containers": [{"name": "main", "cpus": 4, "memory": 16, "acceleratorCount": 1,
            "ports": [{"name": "http", "port": 8000}], "envs": {"MODEL_DIR": "/models"},
            "image": {"imageUrl": "registry.baidubce.com/aihc/pytorch:2.2-cu121", "username": "robot$aihc", "password": "P@ss-SECRET"}}]
    });
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path("/"))
        .and(wiremock::matchers::query_param("action", "CreateService"))
        .and(wiremock::matchers::header("version", "v2"))
        .and(bce_testkit::VerifySignature::test())
        .and(bce_testkit::JsonBody(body))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(json!({"serviceId": "s-gen"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server)
        .create_service(&small_conf(), None)
        .await
        .unwrap();
    assert_eq!(created.service_id, "s-gen");
    let token = &created.client_token;
    assert_eq!(token.len(), 36);
    assert_eq!(token.as_bytes()[14], b'4', "a UUID v4: {token}");
    let sent = &server.received_requests().await.unwrap()[0];
    let sent_token: Vec<_> = sent
        .url
        .query_pairs()
        .filter(|(k, _)| k == "clientToken")
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(sent_token, vec![token.to_owned()]);
}

#[tokio::test]
async fn modify_service() {
    let (_server, c) = serving(
        "POST",
        &[
            ("action", "ModifyService"),
            ("serviceId", "s-abc123def"),
            ("description", "bump image to v2"),
        ],
        Some(json!({"instanceCount": 2, "containers": [{"name": "main", "image": {"imageUrl": "img:v2"}}]})),
        json!({"serviceId": "s-abc123def", "requestId": "r-4"}),
    )
    .await;
    let answer = c
        .modify_service(&ModifyServiceRequest {
            service_id: "s-abc123def".into(),
            service_conf: ServiceConf {
                instance_count: Some(2),
                containers: vec![ContainerConf::new("main", "img:v2")],
                ..Default::default()
            },
            description: "bump image to v2".into(),
        })
        .await
        .unwrap();
    assert_eq!(answer.service_id, "s-abc123def");
    assert_eq!(answer.request_id, "r-4");
}

#[tokio::test]
async fn upgrade_service() {
    let (_server, c) = serving(
        "POST",
        &[("action", "UpgradeService"), ("serviceId", "s-abc123def")],
        Some(
            json!({"versionId": "sv-20240601-01", "description": "bump image to v2",
            "canaryStrategy": {"maxSurge": 25, "maxUnavailable": 0}, "dryRun": true}),
        ),
        json!({"requestId": "r-5"}),
    )
    .await;
    let mut extra = serde_json::Map::new();
    extra.insert("dryRun".into(), json!(true));
    let ack = c
        .upgrade_service(&UpgradeServiceRequest {
            service_id: "s-abc123def".into(),
            version_id: "sv-20240601-01".into(),
            description: Some("bump image to v2".into()),
            canary_strategy: Some(CanaryStrategy {
                max_surge: Some(25),
                max_unavailable: Some(0),
            }),
            extra,
        })
        .await
        .unwrap();
    assert_eq!(ack.request_id, "r-5");
}

#[tokio::test]
async fn delete_service() {
    let (_server, c) = serving(
        "POST",
        &[
            ("action", "DeleteService"),
            ("serviceId", "svc 服务/a+b#c&d=e"),
        ],
        None,
        json!({"requestId": "r-6", "code": "", "message": "ok"}),
    )
    .await;
    let ack = c.delete_service("svc 服务/a+b#c&d=e").await.unwrap();
    assert_eq!(
        (ack.request_id.as_str(), ack.message.as_str()),
        ("r-6", "ok")
    );
}

#[tokio::test]
async fn replicas_and_network_changes_are_acknowledged() {
    assert_acknowledged(&[
        // A replica count of 0 is sent.
        (
            &[
                ("action", "ModifyServiceReplicas"),
                ("serviceId", "s-abc123def"),
                ("instanceCount", "0"),
            ],
            |c| Box::pin(c.modify_service_replicas("s-abc123def", 0)),
        ),
        (
            &[
                ("action", "ModifyServiceNetConfig"),
                ("serviceId", "s-abc123def"),
                ("publicAccess", "true"),
                ("eip", "100.88.1.23"),
            ],
            |c| {
                Box::pin(async move {
                    let request = ModifyServiceNetConfigRequest {
                        service_id: "s-abc123def".into(),
                        public_access: true,
                        eip: "100.88.1.23".into(),
                    };
                    c.modify_service_net_config(&request).await
                })
            },
        ),
        // `publicAccess` is always sent, an empty `eip` never.
        (
            &[
                ("action", "ModifyServiceNetConfig"),
                ("serviceId", "s-abc123def"),
                ("publicAccess", "false"),
            ],
            |c| {
                Box::pin(async move {
                    let request = ModifyServiceNetConfigRequest {
                        service_id: "s-abc123def".into(),
                        ..Default::default()
                    };
                    c.modify_service_net_config(&request).await
                })
            },
        ),
    ])
    .await;
}
