//! Wiremock tests of the VM service operations.

use bce_core::Error;
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect, hangzhou, running_first_page, RUNNING_FIRST_PAGE};
use serde_json::json;

#[tokio::test]
async fn create_update_and_delete() {
    let (server, client) = client().await;
    let args = CreateVmServiceArgs {
        service_name: "web".into(),
        deploy_instances: vec![hangzhou(1)],
        cpu: 1,
        memory: 2,
        image_type: ImageType::Bec,
        system_volume: Some(SystemVolumeConfig {
            volume_type: DiskType::Nvme,
            ..Default::default()
        }),
        key_config: Some(KeyConfig {
            kind: "password".into(),
            admin_pass: "Pw-SECRET1".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    expect(
        &server,
        "POST",
        "/v1/vm/service",
        &[],
        Some(json!({"serviceName": "web", "deployInstances": [{"region": "EAST_CHINA", "serviceProvider": "CHINA_MOBILE", "replicas": 1, "city": "HANGZHOU"}], "cpu": 1, "memory": 2, "imageType": "bec", "systemVolume": {"volumeType": "NVME"}, "keyConfig": {"type": "password", "adminPass": "Pw-SECRET1"}, "directPay": false})),
        json!({"result": true, "action": "create", "details": {"serviceId": "s-1", "status": "CREATING"}}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/service/s-1",
        &[],
        Some(json!({"type": "vmName", "vmName": "v2", "needIpv6PublicIp": false})),
        json!({"result": true}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/vm/service/s-1",
        &[],
        None,
        json!({"result": true, "details": {"s-1": "ok"}}),
    )
    .await;
    let created = client.create_vm_service(&args).await.unwrap();
    assert_eq!(created.details.service_id, "s-1");
    assert!(!format!("{args:?}").contains("Pw-SECRET1"));
    client
        .update_vm_service(
            "s-1",
            &UpdateVmServiceArgs {
                kind: UpdateVmType::VmName,
                vm_name: "v2".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        client.delete_vm_service("s-1").await.unwrap().details["s-1"],
        "ok"
    );
}

#[tokio::test]
async fn list_detail_metrics_and_actions() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        "/v1/vm/service",
        RUNNING_FIRST_PAGE,
        None,
        json!({"totalCount": 1, "result": [{"serviceId": "s-1", "status": "RUNNING"}]}),
    )
    .await;
    expect(&server, "GET", "/v1/vm/service/s-1", &[], None, json!({"serviceId": "s-1", "status": "RUNNING", "bandwidth": "100", "osImage": {"imageId": "im-1", "nameFri": "x"}})).await;
    expect(
        &server,
        "GET",
        "/v1/monitor/service/vm/s-1",
        &[
            ("serviceId", "s-1"),
            ("metricsType", "CPU"),
            ("start", "1"),
            ("end", "2"),
        ],
        None,
        json!({"metrics": [{"timeInSecond": 1, "value": 0.5}], "maxValue": 0.5}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/service/s-1/stop",
        &[],
        None,
        json!({"result": true}),
    )
    .await;
    expect(
        &server,
        "POST",
        "/v1/vm/service/batch/delete",
        &[],
        Some(json!(["s-1", "s-2"])),
        json!({"result": true, "details": [{"resourceId": "s-1", "success": true}]}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/service/batch/operate",
        &[],
        Some(json!({"idList": ["s-1"], "action": "start"})),
        json!({"result": true}),
    )
    .await;

    let page = client
        .get_vm_service_list(&running_first_page())
        .await
        .unwrap();
    assert_eq!(page.result[0].service_id, "s-1");
    let detail = client.get_vm_service_detail("s-1").await.unwrap();
    assert_eq!(detail.bandwidth, "100");
    assert_eq!(detail.brief.os_image.unwrap().extra["nameFri"], "x");
    let m = client
        .get_vm_service_metrics(
            "s-1",
            &MetricsQuery {
                metrics_type: "CPU".into(),
                start: 1,
                end: 2,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.max_value, 0.5);
    client
        .vm_service_action("s-1", &ServiceAction::Stop)
        .await
        .unwrap();
    let r = client
        .batch_delete_vm_service(&["s-1".into(), "s-2".into()])
        .await
        .unwrap();
    assert!(r.details[0].success);
    client
        .batch_operate_vm_service(&VmServiceBatchActionArgs {
            id_list: vec!["s-1".into()],
            action: ServiceAction::Start,
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn service_errors_and_bad_input() {
    let (server, client) = client().await;
    fail_every_call(&server, 404, "NoSuchObject", "gone", "r-4").await;
    let e = client.get_vm_service_detail("s-9").await.unwrap_err();
    assert_eq!(
        (e.status(), e.code(), e.message(), e.request_id()),
        (Some(404), Some("NoSuchObject"), Some("gone"), Some("r-4"))
    );
    assert!(e.is_not_found());

    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    assert!(invalid(c.get_vm_service_detail("").await.map(drop)));
    assert!(invalid(c.delete_vm_service("a/b").await.map(drop)));
    assert!(invalid(
        c.vm_service_action("s-1", &ServiceAction::Other("restart".into()))
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.batch_operate_vm_service(&VmServiceBatchActionArgs {
            action: ServiceAction::Other("restart".into()),
            ..Default::default()
        })
        .await
        .map(drop)
    ));
    assert!(invalid(
        c.batch_delete_vm_service(&[String::new()]).await.map(drop)
    ));
    assert!(t.requests().is_empty());
}

#[tokio::test]
async fn default_endpoint_is_https_bec() {
    let t = RecordingTransport::new();
    Client::new(t.config())
        .unwrap()
        .get_vm_service_list(&Default::default())
        .await
        .unwrap();
    assert_eq!(
        t.requests()[0].url,
        "https://bec.baidubce.com/v1/vm/service"
    );
}

/// Every password of the crate (VM service create/update, VM instance
/// update/reinstall, key config, Elasticsearch log push) is a
/// `bce_core::Secret`: absent from `Debug` of the request and the response,
/// present on the wire and in the JSON.
#[tokio::test]
async fn secrets_are_masked_in_debug_but_sent() {
    fn key(pass: &str) -> Option<KeyConfig> {
        Some(KeyConfig {
            kind: "password".into(),
            admin_pass: pass.into(),
            ..Default::default()
        })
    }
    const S: [&str; 9] = [
        "CREATE-PW-UNIQUE-bec-01",
        "CREATE-KEY-UNIQUE-bec-02",
        "UPDATE-PW-UNIQUE-bec-03",
        "UPDATE-KEY-UNIQUE-bec-04",
        "VMUPD-PW-UNIQUE-bec-05",
        "VMUPD-KEY-UNIQUE-bec-06",
        "REINST-PW-UNIQUE-bec-07",
        "REINST-KEY-UNIQUE-bec-08",
        "ES-PW-UNIQUE-bec-09",
    ];
    let create = CreateVmServiceArgs {
        service_name: "web".into(),
        admin_pass: S[0].into(),
        key_config: key(S[1]),
        ..Default::default()
    };
    let update = UpdateVmServiceArgs {
        kind: UpdateVmType::Password,
        admin_pass: S[2].into(),
        key_config: key(S[3]),
        ..Default::default()
    };
    let vm_update = UpdateVmInstanceArgs {
        kind: UpdateVmType::Password,
        admin_pass: S[4].into(),
        key_config: key(S[5]),
        ..Default::default()
    };
    let reinstall = ReinstallVmInstanceArg {
        image_id: "m-1".into(),
        admin_pass: S[6].into(),
        key_config: key(S[7]),
        ..Default::default()
    };
    let log = LogCollectDetail {
        log_collect: true,
        push_log: true,
        es_user_name: "elastic".into(),
        es_user_password: S[8].into(),
        ..Default::default()
    };
    let container = CreateServiceArgs {
        service_name: "c".into(),
        log_collect_detail: Some(log),
        ..Default::default()
    };
    let shown = format!("{create:?} {update:?} {vm_update:?} {reinstall:?} {container:?}");
    let json = [
        serde_json::to_string(&create).unwrap(),
        serde_json::to_string(&update).unwrap(),
        serde_json::to_string(&vm_update).unwrap(),
        serde_json::to_string(&reinstall).unwrap(),
        serde_json::to_string(&container).unwrap(),
    ]
    .join(" ");
    for secret in S {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
        assert!(json.contains(secret), "{secret} not serialized: {json}");
    }

    let t = RecordingTransport::new();
    for _ in 0..5 {
        t.push(Ok(bce_core::HttpResponse::new(200, r#"{"result": true}"#)));
    }
    let detail = json!({"serviceId": "s-1", "logCollectDetail": {"logCollect": true,
        "esUserName": "elastic", "esUserPassword": S[8]}});
    t.push(Ok(bce_core::HttpResponse::new(200, detail.to_string())));
    let client = Client::new(t.config()).unwrap();
    let answers = format!(
        "{:?} {:?} {:?} {:?} {:?}",
        client.create_vm_service(&create).await.unwrap(),
        client.update_vm_service("s-1", &update).await.unwrap(),
        client.update_vm_instance("vm-1", &vm_update).await.unwrap(),
        client
            .reinstall_vm_instance("vm-1", &reinstall)
            .await
            .unwrap(),
        client.create_service(&container).await.unwrap(),
    );
    let sent: String = t
        .requests()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    for secret in S {
        assert!(sent.contains(secret), "{secret} not sent: {sent}");
        assert!(!answers.contains(secret), "{secret} in Debug: {answers}");
    }

    let got = client.get_service("s-1").await.unwrap();
    let log = got.log_collect_detail.as_ref().unwrap();
    assert_eq!(log.es_user_password.expose(), S[8]);
    let shown = format!("{got:?}");
    assert!(!shown.contains(S[8]), "{shown}");
    assert!(serde_json::to_string(&got).unwrap().contains(S[8]));
}
