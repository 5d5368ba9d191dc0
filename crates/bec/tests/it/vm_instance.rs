//! Wiremock tests of the VM instance operations.

use bce_core::{Error, Waiter};
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect, hangzhou};
use futures::TryStreamExt;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn add_instances_to_a_service() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/vm/service/s-1/instance",
        &[],
        Some(json!({"deployInstances": [{"region": "EAST_CHINA", "serviceProvider": "CHINA_MOBILE", "replicas": 2, "city": "HANGZHOU"}], "directPay": false})),
        json!({"result": true, "action": "add", "details": {"serviceId": "s-1", "status": "RUNNING"}}),
    )
    .await;
    let args = CreateVmServiceArgs {
        deploy_instances: vec![hangzhou(2)],
        ..Default::default()
    };
    let r = client
        .create_vm_service_instance("s-1", &args)
        .await
        .unwrap();
    assert_eq!(r.details.service_id, "s-1");
}

#[tokio::test]
async fn lists_of_instances() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        "/v1/vm/instance",
        &[("pageNo", "2"), ("pageSize", "5"), ("keywordType", "vmName"), ("keyword", "web"), ("serviceId", "s-1")],
        None,
        json!({"pageNo": 2, "pageSize": 5, "totalCount": 6, "result": [{"vmId": "vm-1", "status": "RUNNING", "cpu": 2, "mem": 4, "multiplePublicIp": null, "vpc": {"vpcId": "vpc-1", "subnet": {"subnetId": "sbn-1"}}, "rootDiskSize": 40, "privateIps": ["10.0.0.3"], "brandNewField": 1}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/vm/instance/regions/EAST_CHINA/sps/CHINA_MOBILE/cities/HANGZHOU",
        &[("keywordType", "vmName"), ("keyword", "web")],
        None,
        json!({"success": true, "result": [{"vmId": "vm-1", "regionId": "cn-hangzhou-cm"}]}),
    )
    .await;
    let filter = ListRequest {
        keyword_type: "vmName".into(),
        keyword: "web".into(),
        page_no: 2,
        page_size: 5,
        service_id: "s-1".into(),
        ..Default::default()
    };
    let page = client.get_vm_instance_list(&filter).await.unwrap();
    let vm = &page.result[0];
    assert_eq!(
        (vm.brief.vm_id.as_str(), vm.brief.mem, vm.root_disk_size),
        ("vm-1", 4, 40)
    );
    assert_eq!(
        vm.brief
            .vpc
            .as_ref()
            .unwrap()
            .subnet
            .as_ref()
            .unwrap()
            .subnet_id,
        "sbn-1"
    );
    assert_eq!(vm.private_ips, ["10.0.0.3"]);
    let node = client
        .get_node_vm_instance_list(
            &Region::EastChina,
            &ServiceProvider::ChinaMobile,
            "HANGZHOU",
            &ListRequest {
                keyword_type: "vmName".into(),
                keyword: "web".into(),
                page_no: 3,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(node.success);
    assert_eq!(node.result[0].region_id, "cn-hangzhou-cm");
}

#[tokio::test]
async fn instance_stream_walks_every_page() {
    let (server, client) = client().await;
    for (page, ids, total) in [("1", vec!["a", "b"], 3), ("2", vec!["c"], 3)] {
        let result: Vec<Value> = ids.iter().map(|id| json!({"vmId": id})).collect();
        expect(
            &server,
            "GET",
            "/v1/vm/instance",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": total, "result": result}),
        )
        .await;
    }
    let all: Vec<VmInstanceDetailsVo> = client
        .get_vm_instance_list_stream(ListRequest {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|v| v.brief.vm_id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn get_update_delete_and_operate() {
    let (server, client) = client().await;
    expect(&server, "GET", "/v1/vm/instance/vm-1", &[], None, json!({"vmId": "vm-1", "status": "RUNNING", "systemVolume": {"volumeType": "NVME", "sizeInGB": 40}})).await;
    expect(
        &server,
        "GET",
        "/v1/vm/instance/vm-1/config",
        &[],
        None,
        json!({"cpu": 2, "mem": 4, "bandwidth": "100", "osImage": {"imageId": "im-1"}}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/instance/vm-1",
        &[],
        Some(json!({"type": "password", "adminPass": "Pw-SECRET2", "needIpv6PublicIp": false, "networkConfig": {"needPrivateNetwork": true, "needPublicNetwork": false}})),
        json!({"result": true, "details": {"vmId": "vm-1", "status": "RUNNING"}}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/instance/vm-1/restart",
        &[],
        None,
        json!({"result": true, "details": {"vm-1": "restarting"}}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/instance/vm-1/system/reinstall",
        &[],
        Some(json!({"adminPass": "Pw-SECRET3", "imageId": "im-2", "imageType": "bcc", "resetDataDisk": true})),
        json!({"result": true, "details": {"vmId": "vm-1", "status": "REINSTALLING"}}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/vm/instance/vm-1",
        &[],
        None,
        json!({"result": true, "action": "delete", "details": {"vm-1": "ok"}}),
    )
    .await;

    let vm = client.get_virtual_machine("vm-1").await.unwrap();
    assert_eq!(vm.system_volume.unwrap().size_in_gb, 40);
    let cfg = client.get_vm_config("vm-1").await.unwrap();
    assert_eq!((cfg.cpu, cfg.bandwidth.as_str()), (2, "100"));
    let update = UpdateVmInstanceArgs {
        kind: UpdateVmType::Password,
        admin_pass: "Pw-SECRET2".into(),
        network_config: Some(NetworkConfigUpdateVmInstance {
            need_private_network: true,
            ..Default::default()
        }),
        ..Default::default()
    };
    assert!(!format!("{update:?}").contains("SECRET"));
    let r = client.update_vm_deployment("vm-1", &update).await.unwrap();
    assert_eq!(r.details.vm_id, "vm-1");
    client
        .operate_vm_deployment("vm-1", &VmInstanceAction::Restart)
        .await
        .unwrap();
    let reinstall = ReinstallVmInstanceArg {
        admin_pass: "Pw-SECRET3".into(),
        image_id: "im-2".into(),
        image_type: ImageType::Bcc,
        reset_data_disk: true,
        ..Default::default()
    };
    assert!(!format!("{reinstall:?}").contains("SECRET"));
    let r = client
        .reinstall_vm_instance("vm-1", &reinstall)
        .await
        .unwrap();
    assert_eq!(r.details.status, ResourceStatus::Reinstalling);
    let r = client.delete_vm_instance("vm-1").await.unwrap();
    assert_eq!(r.details["vm-1"], "ok");
}

#[tokio::test]
async fn security_groups_metrics_and_private_ips() {
    let (server, client) = client().await;
    expect(
        &server,
        "PUT",
        "/v1/vm/instance/securityGroup/bind",
        &[],
        Some(json!({"instances": [{"instanceId": "vm-1", "securityGroupIds": ["sg-1"]}, {"instanceId": "vm-2", "securityGroupIds": null}]})),
        json!({"result": true, "details": [{"resourceId": "vm-1", "success": true}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/monitor/vm/vm-1",
        &[
            ("serviceProvider", "CHINA_MOBILE"),
            ("metricsType", "CPU"),
            ("stepInMin", "5"),
        ],
        None,
        json!({"metrics": [{"timeInSecond": 60, "value": 12.5}], "avgValue": 12.5}),
    )
    .await;
    expect(
        &server,
        "POST",
        "/v1/vm/instance/vm-1/privateIp",
        &[],
        Some(json!({"secondaryPrivateIpAddressCount": 2})),
        json!({"success": true, "result": {"success": true, "ips": ["10.0.0.8", "10.0.0.9"], "errIPs": null}}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/instance/vm-1/privateIp/release",
        &[],
        Some(json!({"privateIps": ["10.0.0.8"]})),
        json!({"success": true, "result": {"success": false, "errCode": "InUse", "errIPs": ["10.0.0.8"]}}),
    )
    .await;
    let bind = BindSecurityGroupInstances {
        instances: vec![
            SecurityGroupInstance {
                instance_id: "vm-1".into(),
                security_group_ids: vec!["sg-1".into()],
            },
            SecurityGroupInstance {
                instance_id: "vm-2".into(),
                security_group_ids: vec![],
            },
        ],
    };
    let r = client
        .bind_security_group(&SecurityGroupAction::Bind, &bind)
        .await
        .unwrap();
    assert!(r.details[0].success);
    let m = client
        .get_vm_instance_metrics(
            "vm-1",
            &MetricsQuery {
                service_provider: "CHINA_MOBILE".into(),
                metrics_type: "CPU".into(),
                step_in_min: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(m.avg_value, 12.5);
    let r = client
        .create_vm_private_ip(
            "vm-1",
            &CreateVmPrivateIpForm {
                secondary_private_ip_address_count: 2,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(r.result.ips.len(), 2);
    let r = client
        .delete_vm_private_ip(
            "vm-1",
            &DeleteVmPrivateIpForm {
                private_ips: vec!["10.0.0.8".into()],
            },
        )
        .await
        .unwrap();
    assert_eq!(r.result.err_ips, ["10.0.0.8"]);
    assert_eq!(r.result.err_code, "InUse");
}

#[tokio::test]
async fn service_errors_on_every_instance_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 404, "NoSuchObject", "vm not found", "r-7").await;
    let errors = bce_testkit::errors_of![
        c.create_vm_service_instance("s-1", &Default::default()),
        c.get_vm_instance_list(&Default::default()),
        c.get_node_vm_instance_list(
            &Region::EastChina,
            &ServiceProvider::ChinaMobile,
            "HANGZHOU",
            &Default::default(),
        ),
        c.get_virtual_machine("vm-1"),
        c.delete_vm_instance("vm-1"),
        c.update_vm_instance("vm-1", &Default::default()),
        c.bind_security_group(&SecurityGroupAction::Unbind, &Default::default()),
        c.reinstall_vm_instance("vm-1", &Default::default()),
        c.operate_vm_deployment("vm-1", &VmInstanceAction::Stop),
        c.get_vm_instance_metrics("vm-1", &Default::default()),
        c.get_vm_config("vm-1"),
        c.create_vm_private_ip("vm-1", &Default::default()),
        c.delete_vm_private_ip("vm-1", &Default::default()),
    ];
    bce_testkit::assert_service_errors(errors, 404, "NoSuchObject", "vm not found", "r-7");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    assert!(invalid(c.get_virtual_machine("").await.map(drop)));
    assert!(invalid(c.get_vm_config("a/b").await.map(drop)));
    assert!(invalid(c.delete_vm_instance("..").await.map(drop)));
    assert!(invalid(
        c.create_vm_service_instance("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.update_vm_instance("vm/1", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.reinstall_vm_instance("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.operate_vm_deployment("vm-1", &VmInstanceAction::Other(String::new()))
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.operate_vm_deployment("vm-1", &VmInstanceAction::Other("x/y".into()))
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.bind_security_group(
            &SecurityGroupAction::Other(String::new()),
            &Default::default()
        )
        .await
        .map(drop)
    ));
    assert!(invalid(
        c.get_vm_instance_metrics("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.create_vm_private_ip("", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.delete_vm_private_ip("a/b", &Default::default())
            .await
            .map(drop)
    ));
    for (region, sp, city, field) in [
        (
            Region::Other(String::new()),
            ServiceProvider::ChinaMobile,
            "HANGZHOU",
            "region",
        ),
        (
            Region::EastChina,
            ServiceProvider::Other(String::new()),
            "HANGZHOU",
            "serviceProvider",
        ),
        (Region::EastChina, ServiceProvider::ChinaMobile, "", "city"),
        (
            Region::EastChina,
            ServiceProvider::ChinaMobile,
            "a/b",
            "city",
        ),
    ] {
        let e = c
            .get_node_vm_instance_list(&region, &sp, city, &Default::default())
            .await
            .unwrap_err();
        assert!(e.is_invalid_input());
        assert!(e.to_string().contains(field), "{e}");
    }
    assert!(t.requests().is_empty());
}

#[tokio::test(start_paused = true)]
async fn waits_for_a_vm_to_come_back_after_a_restart() {
    let t = RecordingTransport::replying_json([
        json!({"result": true}),
        json!({"vmId": "vm-1", "status": "RESTARTING"}),
        json!({"vmId": "vm-1", "status": "RESTARTING"}),
        json!({"vmId": "vm-1", "status": "RUNNING"}),
    ]);
    let c = Client::new(t.config()).unwrap();
    c.operate_vm_deployment("vm-1", &VmInstanceAction::Restart)
        .await
        .unwrap();
    let waiter = Waiter::new(Duration::from_secs(120))
        .with_interval(Duration::from_secs(5), Duration::from_secs(5));
    let vm = c
        .wait_for_vm_instance_status("vm-1", &[ResourceStatus::Running], &waiter)
        .await
        .unwrap();
    assert_eq!(vm.brief.status, ResourceStatus::Running);
    assert_eq!(t.requests().len(), 4);

    let t = RecordingTransport::replying_json([
        json!({"vmId": "vm-1", "status": "REINSTALLING"}),
        json!({"vmId": "vm-1", "status": "FAILED"}),
    ]);
    let c = Client::new(t.config()).unwrap();
    let e = c
        .wait_for_vm_instance_status("vm-1", &[ResourceStatus::Running], &waiter)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("FAILED"), "{e}");
}
