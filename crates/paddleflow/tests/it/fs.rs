//! File systems, fs cache, links and mount.

use std::collections::BTreeMap;

use paddleflow::*;
use serde_json::json;

use crate::{client, expect, expect_get, expect_ok, server};

fn fs_json() -> serde_json::Value {
    json!({"id": "fs-bob-myfs", "name": "myfs", "serverAddress": "s3.example.com", "type": "s3",
        "subPath": "/data", "username": "bob",
        "properties": {"accessKey": "ak", "secretKey": "sk-SECRET"}, "independentMountProcess": true})
}

#[tokio::test]
async fn file_systems() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/fs",
        &[],
        Some(json!({"name": "myfs", "url": "s3://bucket/data", "username": "bob",
            "properties": {"accessKey": "ak", "secretKey": "sk-SECRET"}, "independentMountProcess": false})),
        201,
        Some(json!({"fsName": "myfs", "fsID": "fs-bob-myfs"})),
    )
    .await;
    let request = AddFsRequest {
        name: "myfs".into(),
        url: "s3://bucket/data".into(),
        username: Some("bob".into()),
        properties: Some(
            Properties::new()
                .with("accessKey", "ak")
                .with("secretKey", "sk-SECRET"),
        ),
        independent_mount_process: Some(false),
    };
    assert!(!format!("{request:?}").contains("sk-SECRET"));
    let created = c.add_fs(&request).await.unwrap();
    assert_eq!(created.fs_id, "fs-bob-myfs");
    expect_get(&server, "/fs/myfs", &[("username", "bob")], fs_json()).await;
    let fs = c.show_fs("myfs", Some("bob")).await.unwrap();
    assert_eq!((fs.fs_type.as_str(), fs.username.as_str()), ("s3", "bob"));
    assert!(!format!("{fs:?}").contains("sk-SECRET"));
    expect(&server, "DELETE", "/fs/myfs", &[], None, 200, None).await;
    c.delete_fs("myfs", None).await.unwrap();
    expect_get(
        &server,
        "/fs",
        &[("maxKeys", "2"), ("username", "bob"), ("fsName", "myfs")],
        json!({"marker": "", "truncated": true, "nextMarker": "n1", "fsList": [fs_json()]}),
    )
    .await;
    let page = c
        .list_fs(&ListFsRequest {
            username: Some("bob".into()),
            max_keys: Some(2),
            marker: None,
            fs_name: Some("myfs".into()),
        })
        .await
        .unwrap();
    assert!(page.fs_list[0].independent_mount_process);
    assert_eq!(page.next_page().as_deref(), Some("n1"));
    assert!(c.show_fs(" ", None).await.unwrap_err().is_invalid_input());
    assert!(c
        .delete_fs("myfs", Some(" "))
        .await
        .unwrap_err()
        .is_invalid_input());
}

#[tokio::test]
async fn fs_cache() {
    let server = server().await;
    let c = client(&server);
    let options = FsCacheOptions {
        cache_dir: Some("/var/cache/pfs".into()),
        quota: Some(1024),
        debug: Some(false),
        resource: Some(CacheResource {
            cpu_limit: "2".into(),
            memory_limit: "4Gi".into(),
        }),
        node_taint_toleration: Some(json!({"nodeSelector": {"disk": "ssd"}})),
        extra_config: Some(BTreeMap::from([("fsMode".into(), "rw".into())])),
        ..Default::default()
    };
    let options_json = json!({"cacheDir": "/var/cache/pfs", "quota": 1024, "debug": false,
        "resource": {"cpuLimit": "2", "memoryLimit": "4Gi"},
        "nodeTaintToleration": {"nodeSelector": {"disk": "ssd"}}, "extraConfig": {"fsMode": "rw"}});
    let mut create_body = options_json.clone();
    create_body["fsName"] = json!("myfs");
    create_body["username"] = json!("bob");
    expect(
        &server,
        "POST",
        "/fsCache",
        &[],
        Some(create_body),
        201,
        None,
    )
    .await;
    c.create_cache(&CreateCacheRequest {
        fs_name: "myfs".into(),
        username: Some("bob".into()),
        options: options.clone(),
    })
    .await
    .unwrap();
    expect(
        &server,
        "PUT",
        "/fsCache/myfs",
        &[("username", "bob")],
        Some(options_json),
        200,
        None,
    )
    .await;
    c.update_fs_cache("myfs", &options, Some("bob"))
        .await
        .unwrap();
    expect_get(
        &server,
        "/fsCache/myfs",
        &[],
        json!({"cacheDir": "/var/cache/pfs", "quota": 1024, "metaDriver": "disk", "blockSize": 4096,
            "cleanCache": true, "resource": {"cpuLimit": "2", "memoryLimit": "4Gi"},
            "nodeTaintToleration": null, "extraConfig": null, "fsName": "myfs", "username": "bob",
            "createTime": "2024-03-01 10:00:00"}),
    )
    .await;
    let cache = c.get_fs_cache("myfs", None).await.unwrap();
    assert_eq!((cache.block_size, cache.clean_cache), (4096, true));
    expect_ok(&server, "DELETE", "/fsCache/myfs", &[("username", "bob")]).await;
    c.delete_fs_cache("myfs", Some("bob")).await.unwrap();
    assert!(c
        .create_cache(&CreateCacheRequest {
            fs_name: "".into(),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
}

#[tokio::test]
async fn links_and_mount() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/link",
        &[],
        Some(json!({"fsName": "myfs", "fsPath": "/links/data", "url": "s3://other/shared"})),
        201,
        None,
    )
    .await;
    c.add_link(&AddLinkRequest {
        fs_name: "myfs".into(),
        fs_path: "/links/data".into(),
        url: "s3://other/shared".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    expect_ok(
        &server,
        "DELETE",
        "/link/myfs",
        &[("fsPath", "/links/data")],
    )
    .await;
    c.delete_link("myfs", "/links/data", None).await.unwrap();
    let link_page = json!({"marker": "", "truncated": false, "nextMarker": "",
        "linkList": [{"fsName": "myfs", "fsPath": "/links/data", "serverAddress": "s3.example.com",
            "type": "s3", "username": "bob", "subPath": "/shared", "properties": null}]});
    expect_get(
        &server,
        "/link/myfs",
        &[("maxKeys", "5"), ("username", "bob")],
        link_page.clone(),
    )
    .await;
    let page = c
        .list_link(&ListLinkRequest {
            fs_name: "myfs".into(),
            username: Some("bob".into()),
            max_keys: Some(5),
            marker: None,
        })
        .await
        .unwrap();
    assert_eq!(page.link_list[0].link_type, "s3");
    assert!(page.next_page().is_none());
    expect_get(
        &server,
        "/link/my%20fs",
        &[("fsPath", "/links/data")],
        link_page,
    )
    .await;
    let shown = c.show_link("my fs", "/links/data", None).await.unwrap();
    assert_eq!(shown.link_list.len(), 1);
    assert!(c
        .delete_link("myfs", "", None)
        .await
        .unwrap_err()
        .is_invalid_input());

    expect(&server, "GET", "/fs/myfs", &[], None, 200, Some(fs_json())).await;
    let options = BTreeMap::from([("block-size".to_owned(), "4096".to_owned())]);
    let mount = c.mount("myfs", "/mnt/pfs", &options, None).await.unwrap();
    assert_eq!(mount.fs_id, "fs-bob-myfs");
    let args = mount.args();
    assert_eq!(args[0], "mount");
    assert!(args.contains(&"--password=paddleflow".to_owned()));
    assert!(args.contains(&"--block-size=4096".to_owned()));
    assert!(args.iter().any(|a| a.starts_with("--server=127.0.0.1:")));
    assert!(!format!("{mount:?}").contains("password=paddleflow"));
    assert!(mount.check_mount_point().is_err());
    assert!(c
        .mount("myfs", "", &options, None)
        .await
        .unwrap_err()
        .is_invalid_input());
}
