//! Wiremock tests of images, nodes and deploy sets.

use bce_core::Error;
use bce_testkit::{fail_every_call, RecordingTransport};
use bec::*;

use crate::{client, expect};
use futures::TryStreamExt;
use serde_json::{json, Value};

#[tokio::test]
async fn image_lifecycle() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/vm/image",
        &[],
        Some(json!({"vmId": "vm-1", "name": "web", "images": [{"imageName": "web-sys", "pvcId": "pvc-1"}]})),
        json!({"success": true, "result": "im-1"}),
    )
    .await;
    expect(
        &server,
        "POST",
        "/v1/vm/image/import",
        &[],
        Some(json!({"osType": "linux", "osArch": 64, "osName": "CentOS", "osVersion": "7.9", "bosUrl": "https://bj.bcebos.com/b/c.qcow2", "name": "c79"})),
        json!({"success": true, "result": "im-2"}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/vm/image/im-1",
        &[],
        Some(json!({"name": "web-v2"})),
        json!({"success": true, "result": true}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/v1/vm/image",
        &[("PageNo", "1"), ("PageSize", "10"), ("Order", "desc"), ("OrderBy", "createTime"), ("Type", "bec"), ("osName", "CentOS")],
        None,
        json!({"pageNo": 1, "pageSize": 10, "totalCount": 1, "orders": [{"orderBy": "createTime", "order": "desc"}], "result": [{"imageId": "im-1", "status": "AVAILABLE", "systemDisk": 40}]}),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "/v1/vm/image",
        &[("imageIdList", "im-1,im-2")],
        None,
        json!({"success": true, "result": true}),
    )
    .await;
    let created = client
        .create_vm_image(&CreateVmImageArgs {
            vm_id: "vm-1".into(),
            name: "web".into(),
            images: vec![VmImageDisk {
                image_name: "web-sys".into(),
                pvc_id: "pvc-1".into(),
                ..Default::default()
            }],
        })
        .await
        .unwrap();
    assert_eq!(created.result, "im-1");
    let imported = client
        .import_image(&ImportImageArgs {
            os_type: "linux".into(),
            os_arch: 64,
            os_name: "CentOS".into(),
            os_version: "7.9".into(),
            bos_url: "https://bj.bcebos.com/b/c.qcow2".into(),
            name: "c79".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(imported.result, "im-2");
    assert!(
        client
            .update_vm_image(
                "im-1",
                &UpdateVmImageArgs {
                    name: "web-v2".into()
                }
            )
            .await
            .unwrap()
            .result
    );
    let page = client
        .list_vm_image(&ListVmImageArgs {
            page_no: 1,
            page_size: 10,
            order: "desc".into(),
            order_by: "createTime".into(),
            kind: "bec".into(),
            os_name: "CentOS".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.result[0].system_disk, 40);
    assert!(
        client
            .delete_vm_image(&["im-1".into(), "im-2".into()])
            .await
            .unwrap()
            .success
    );
}

#[tokio::test]
async fn image_stream_and_nodes() {
    let (server, client) = client().await;
    for (page, ids) in [("1", vec!["a", "b"]), ("2", vec!["c"])] {
        let result: Vec<Value> = ids.iter().map(|id| json!({"imageId": id})).collect();
        expect(
            &server,
            "GET",
            "/v1/vm/image",
            &[("PageNo", page), ("PageSize", "2")],
            None,
            json!({"totalCount": 3, "result": result}),
        )
        .await;
    }
    expect(
        &server,
        "GET",
        "/v1/node/type/vm",
        &[],
        None,
        json!({"nodeSum": 1, "regionList": [{"region": "EAST_CHINA", "cityList": [{"city": "HANGZHOU", "serviceProviderList": [{"serviceProvider": "CHINA_MOBILE", "regionId": "cn-hangzhou-cm", "capability": ["vm"]}]}]}]}),
    )
    .await;
    let all: Vec<VmImageVo> = client
        .list_vm_image_stream(ListVmImageArgs {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let nodes = client.get_bec_available_node_info_vo("vm").await.unwrap();
    assert_eq!(nodes.node_sum, 1);
    assert_eq!(
        nodes.region_list[0].city_list[0].service_provider_list[0].region_id,
        "cn-hangzhou-cm"
    );
}

#[tokio::test]
async fn deploy_set_lifecycle() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        "/v1/deployset/create",
        &[],
        Some(json!({"name": "spread", "desc": "web tier"})),
        json!({"deploysetIdList": ["dset-1"]}),
    )
    .await;
    expect(
        &server,
        "POST",
        "/v1/deployset/updateRelation",
        &[],
        Some(json!({"instanceId": "vm-1", "deploysetIdList": ["dset-1"]})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "POST",
        "/v1/deployset/delRelation",
        &[],
        Some(json!({"deploysetId": "dset-1", "instanceIdList": ["vm-1"]})),
        json!({}),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/v1/deployset/dset-1",
        &[("modifyAttribute", "")],
        Some(json!({"name": "spread-2"})),
        json!({}),
    )
    .await;
    expect(&server, "GET", "/v1/deployset/list", &[("pageNo", "1"), ("pageSize", "10"), ("keywordType", "name"), ("keyword", "spread")], None, json!({"totalCount": 1, "result": [{"deploysetId": "dset-1", "instanceCount": 1, "nodeInstanceStatisList": [{"regionId": "cn-hangzhou-cm", "instanceIds": ["vm-1"]}]}]})).await;
    expect(
        &server,
        "GET",
        "/v1/deployset/dset-1",
        &[],
        None,
        json!({"deploysetId": "dset-1", "name": "spread-2", "instanceTotal": 5}),
    )
    .await;
    bce_testkit::Expect::new("DELETE", "/v1/deployset/dset-1")
        .empty_reply()
        .mount(&server)
        .await;

    let created = client
        .create_deploy_set(&DeploySetArgs {
            name: "spread".into(),
            desc: "web tier".into(),
        })
        .await
        .unwrap();
    assert_eq!(created.deployset_id_list, ["dset-1"]);
    client
        .update_vm_instance_deploy_set(&UpdateVmInstanceDeploySetArgs {
            instance_id: "vm-1".into(),
            deployset_id_list: vec!["dset-1".into()],
        })
        .await
        .unwrap();
    client
        .delete_vm_instance_from_deploy_set(&DeleteVmInstanceFromDeploySetArgs {
            deployset_id: "dset-1".into(),
            instance_id_list: vec!["vm-1".into()],
        })
        .await
        .unwrap();
    client
        .update_deploy_set(
            "dset-1",
            &DeploySetArgs {
                name: "spread-2".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let page = client
        .get_deploy_set_list(&ListRequest {
            page_no: 1,
            page_size: 10,
            keyword_type: "name".into(),
            keyword: "spread".into(),
            status: "ignored".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        page.result[0].node_instance_statis_list[0].instance_ids,
        ["vm-1"]
    );
    let one = client.get_deploy_set_detail("dset-1").await.unwrap();
    assert_eq!(one.instance_total, 5);
    client.delete_deploy_set("dset-1").await.unwrap();
}

#[tokio::test]
async fn deploy_set_stream() {
    let (server, client) = client().await;
    for (page, n) in [("1", 2), ("2", 2), ("3", 1)] {
        let result: Vec<Value> = (0..n)
            .map(|i| json!({"deploysetId": format!("d-{page}-{i}")}))
            .collect();
        expect(
            &server,
            "GET",
            "/v1/deployset/list",
            &[("pageNo", page), ("pageSize", "2")],
            None,
            json!({"totalCount": 5, "result": result}),
        )
        .await;
    }
    let all: Vec<DeploySetDetails> = client
        .get_deploy_set_list_stream(ListRequest {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
}

#[tokio::test]
async fn service_errors() {
    let (server, c) = client().await;
    fail_every_call(&server, 403, "AccessDenied", "no", "r-3").await;
    let errors = bce_testkit::errors_of![
        c.create_vm_image(&Default::default()),
        c.delete_vm_image(&["im-1".into()]),
        c.update_vm_image("im-1", &Default::default()),
        c.list_vm_image(&Default::default()),
        c.import_image(&Default::default()),
        c.get_bec_available_node_info_vo("vm"),
        c.create_deploy_set(&Default::default()),
        c.update_vm_instance_deploy_set(&Default::default()),
        c.delete_vm_instance_from_deploy_set(&Default::default()),
        c.update_deploy_set("d-1", &Default::default()),
        c.get_deploy_set_list(&Default::default()),
        c.get_deploy_set_detail("d-1"),
        c.delete_deploy_set("d-1"),
    ];
    bce_testkit::assert_service_errors(errors, 403, "AccessDenied", "no", "r-3");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let invalid = |r: Result<(), Error>| r.unwrap_err().is_invalid_input();
    assert!(invalid(c.delete_vm_image(&["a,b".into()]).await.map(drop)));
    assert!(invalid(c.delete_vm_image(&[String::new()]).await.map(drop)));
    assert!(invalid(
        c.update_vm_image("", &Default::default()).await.map(drop)
    ));
    assert!(invalid(
        c.update_vm_image("a/b", &Default::default())
            .await
            .map(drop)
    ));
    assert!(invalid(
        c.get_bec_available_node_info_vo("").await.map(drop)
    ));
    assert!(invalid(c.update_deploy_set("", &Default::default()).await));
    assert!(invalid(c.get_deploy_set_detail("x/y").await.map(drop)));
    assert!(invalid(c.delete_deploy_set("").await));
    assert!(t.requests().is_empty());
}
