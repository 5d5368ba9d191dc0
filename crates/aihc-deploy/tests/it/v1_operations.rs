//! One wiremock test per operation, service errors and bad input.

use std::sync::Arc;
use std::time::Duration;

use aihc_deploy::*;

use bce_testkit::fail_every_call;

use crate::{expect_v1 as expect, expect_v1_post as expect_post, setup_v1 as setup};
use bce_core::{Config, Credentials, Error, FixedJitter, Waiter};
use bce_testkit::RecordingTransport;
use futures::StreamExt;
use serde_json::{json, Value};

fn app_conf() -> CreateAppArgs {
    CreateAppArgs {
        app_name: "svc".into(),
        ins_count: 1,
        res_pool: Some(ResPoolConf {
            res_pool_id: "cce-1".into(),
            queue: "q".into(),
        }),
        containers: vec![ContainerConf {
            name: "c".into(),
            cpus: 1,
            image: Some(ImageConf {
                image_addr: "img".into(),
                image_pull_pass: "pull-SECRET".into(),
                ..Default::default()
            }),
            readiness_probe: Some(ProbeConf {
                period_seconds: 5,
                handler: Some(ProbeHandlerConf {
                    http_get: Some(HttpGetAction {
                        path: "/h".into(),
                        port: 80,
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn app_body() -> Value {
    json!({"appName": "svc", "insCount": 1, "resPool": {"resPoolId": "cce-1", "queue": "q"},
        "containers": [{"name": "c", "cpus": 1, "image": {"imageAddr": "img", "imagePullPass": "pull-SECRET"},
            "readinessProbe": {"periodSeconds": 5, "handler": {"httpGet": {"path": "/h", "port": 80}}}}]})
}

#[tokio::test]
async fn create_app() {
    let (server, client) = setup().await;
    expect(
        &server,
        "POST",
        "/api/v1/aihcpom/app/create",
        &[("source", "sdk"), ("authToken", "")],
        Some(app_body()),
        json!({"appId": "app-1"}),
    )
    .await;
    let extra = ExtraInfo {
        source: Some("sdk".into()),
        auth_token: Some("".into()),
    };
    assert_eq!(
        client
            .create_app(&app_conf(), &extra)
            .await
            .unwrap()
            .data
            .app_id,
        "app-1"
    );
    assert!(!format!("{:?}", app_conf()).contains("pull-SECRET"));
}

/// The pull password and the create auth token are `bce_core::Secret`s:
/// absent from `Debug` of the request and the response, present on the wire
/// and in the JSON.
#[tokio::test]
async fn secrets_are_masked_in_debug_but_sent() {
    const PULL: &str = "PULL-UNIQUE-deploy-3a7c";
    const AUTH: &str = "AUTH-UNIQUE-deploy-e51d";
    let mut args = app_conf();
    if let Some(image) = args.containers[0].image.as_mut() {
        image.image_pull_pass = PULL.into();
    }
    let extra = ExtraInfo {
        source: None,
        auth_token: Some(AUTH.into()),
    };
    let shown = format!("{args:?} {extra:?}");
    let json = format!(
        "{} {}",
        serde_json::to_string(&args).unwrap(),
        serde_json::to_string(&extra).unwrap()
    );
    for secret in [PULL, AUTH] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
        assert!(json.contains(secret), "{secret} not serialized: {json}");
    }

    let t = RecordingTransport::replying_json([
        json!({"code": "", "message": "", "requestId": "r1", "data": {"appId": "app-1"}}),
        json!({"code": "", "message": "", "requestId": "r2", "data": {"app": {"appName": "svc",
            "containers": [{"name": "c", "image": {"imageAddr": "img", "imagePullPass": PULL}}]}}}),
    ]);
    let client = Client::new(t.config()).unwrap().with_region("gz");
    let created = client.create_app(&args, &extra).await.unwrap();
    let sent = &t.requests()[0];
    assert!(
        sent.url.contains(&format!("authToken={AUTH}")),
        "{}",
        sent.url
    );
    let body = String::from_utf8(sent.body.clone()).unwrap();
    assert!(body.contains(PULL), "{body}");
    assert!(!format!("{created:?}").contains(PULL));

    let details = client.app_details(&AppIdArgs::new("app-1")).await.unwrap();
    let image = details.data.app.containers[0].image.as_ref().unwrap();
    assert_eq!(image.image_pull_pass.expose(), PULL);
    let shown = format!("{details:?}");
    assert!(!shown.contains(PULL), "{shown}");
    assert!(serde_json::to_string(&details).unwrap().contains(PULL));
}

#[tokio::test]
async fn list_app() {
    let (server, client) = setup().await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/app/list",
        &[("pageNo", "1"), ("pageSize", "5"), ("keyword", "k")],
        None,
        json!({"list": [{"appId": "app-1", "ctime": 4102444800u64}], "count": 1}),
    )
    .await;
    let r = client
        .list_app(
            &ListAppArgs {
                page_no: 1,
                page_size: 5,
                keyword: "k".into(),
                ..Default::default()
            },
            &ExtraInfo {
                auth_token: Some("never-sent".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(r.data.list[0].ctime, 4_102_444_800);
}

#[tokio::test]
async fn list_app_stats() {
    let (server, client) = setup().await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/app/stats",
        &[("appIds", "app-1#app-2")],
        None,
        json!({"apps": {"app-1": {"status": 1, "availableIns": 2, "totalIns": 2}}}),
    )
    .await;
    let r = client
        .list_app_stats(&ListAppStatsArgs {
            app_ids: vec!["app-1".into(), "app-2".into()],
        })
        .await
        .unwrap();
    assert!(r.data.apps["app-1"].all_ready());
}

#[tokio::test]
async fn app_details() {
    let (server, client) = setup().await;
    expect(&server, "GET", "/api/v1/aihcpom/app/details", &[("appId", "app-1")], None, json!({"app": {"appName": "svc"}, "status": {"accessIPs": {"external": "1.2.3.4"}}, "creator": "me"})).await;
    let r = client.app_details(&AppIdArgs::new("app-1")).await.unwrap();
    assert_eq!(r.data.status.access_ips.unwrap().external, "1.2.3.4");
}

#[tokio::test]
async fn update_app() {
    let (server, client) = setup().await;
    expect(
        &server,
        "POST",
        "/api/v1/aihcpom/app/update",
        &[("appId", "app-1"), ("shortDesc", "v2")],
        Some(app_body()),
        json!({"appId": "app-1"}),
    )
    .await;
    let args = UpdateAppArgs {
        app_id: "app-1".into(),
        app_conf: Some(app_conf()),
        short_desc: "v2".into(),
    };
    client.update_app(&args).await.unwrap();
}

#[tokio::test]
async fn scale_and_pub_access_and_delete() {
    let (server, client) = setup().await;
    expect_post(
        &server,
        "/api/v1/aihcpom/app/scale",
        &[("appId", "app-1"), ("insCount", "0")],
    )
    .await;
    expect_post(
        &server,
        "/api/v1/aihcpom/app/pubaccess",
        &[("appId", "app-1"), ("publicAccess", "false")],
    )
    .await;
    expect_post(&server, "/api/v1/aihcpom/app/delete", &[("appId", "app-1")]).await;
    client
        .scale_app(&ScaleAppArgs {
            app_id: "app-1".into(),
            ins_count: 0,
        })
        .await
        .unwrap();
    client
        .pub_access(&PubAccessArgs {
            app_id: "app-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    client.delete_app(&AppIdArgs::new("app-1")).await.unwrap();
}

#[tokio::test]
async fn list_change_and_change_detail() {
    let (server, client) = setup().await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/app/listchange",
        &[("appId", "app-1"), ("changeType", "2")],
        None,
        json!({"count": 1, "list": [{"changeId": "chg-1"}]}),
    )
    .await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/app/changedetail",
        &[("changeId", "chg-1")],
        None,
        json!({"changeId": "chg-1", "shortDesc": "s"}),
    )
    .await;
    let r = client
        .list_change(&ListChangeArgs {
            app_id: "app-1".into(),
            change_type: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(r.data.list[0].change_id, "chg-1");
    assert_eq!(
        client
            .change_detail(&ChangeDetailArgs {
                change_id: "chg-1".into()
            })
            .await
            .unwrap()
            .data
            .short_desc,
        "s"
    );
}

#[tokio::test]
async fn pods() {
    let (server, client) = setup().await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/pod/list",
        &[("appId", "app-1")],
        None,
        json!({"list": [{"insID": "ins-1", "status": {"blocked": true, "podIP": "10.0.0.9"}}]}),
    )
    .await;
    expect_post(
        &server,
        "/api/v1/aihcpom/pod/block",
        &[("appId", "app-1"), ("insID", "ins-1"), ("block", "true")],
    )
    .await;
    expect_post(
        &server,
        "/api/v1/aihcpom/pod/delete",
        &[("appId", "app-1"), ("insID", "ins-1")],
    )
    .await;
    let r = client.list_pod(&AppIdArgs::new("app-1")).await.unwrap();
    assert_eq!(r.data.list[0].status.as_ref().unwrap().pod_ip, "10.0.0.9");
    client
        .block_pod(&PodArgs {
            app_id: "app-1".into(),
            ins_id: "ins-1".into(),
            block: true,
        })
        .await
        .unwrap();
    client
        .delete_pod(&PodArgs {
            app_id: "app-1".into(),
            ins_id: "ins-1".into(),
            block: false,
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn res_pools() {
    let (server, client) = setup().await;
    expect(
        &server,
        "GET",
        "/api/v1/aihcpom/respool/listbrief",
        &[("pageNo", "1"), ("pageSize", "10")],
        None,
        json!({"resPools": [{"resPoolId": "cce-1", "associatedPfsID": "pfs-1"}]}),
    )
    .await;
    expect(&server, "GET", "/api/v1/aihcpom/respool/detail", &[("resPoolId", "cce-1")], None, json!({"resPool": {"status": {"GPUCount": {"total": 8, "used": 1}}}, "resQueue": [{"name": "q"}]})).await;
    let r = client
        .list_brief_res_pool(&ListBriefResPoolArgs {
            page_no: 1,
            page_size: 10,
        })
        .await
        .unwrap();
    assert_eq!(r.data.res_pools[0].associated_pfs_id, "pfs-1");
    let d = client
        .res_pool_detail(&ResPoolDetailArgs {
            res_pool_id: "cce-1".into(),
        })
        .await
        .unwrap();
    assert_eq!(d.data.res_pool.status.unwrap().gpu_count.unwrap().total, 8);
}

#[tokio::test]
async fn service_errors_are_typed_for_every_operation() {
    let (server, c) = setup().await;
    fail_every_call(&server, 403, "AccessDenied", "no", "rid-3").await;
    let app = AppIdArgs::new("app-1");
    let pod = PodArgs {
        app_id: "app-1".into(),
        ins_id: "i".into(),
        block: false,
    };
    let errors = bce_testkit::errors_of![
        c.create_app(&app_conf(), &ExtraInfo::default()),
        c.list_app(&Default::default(), &ExtraInfo::default()),
        c.list_app_stats(&Default::default()),
        c.app_details(&app),
        c.update_app(&UpdateAppArgs {
            app_id: "app-1".into(),
            app_conf: Some(app_conf()),
            ..Default::default()
        }),
        c.scale_app(&ScaleAppArgs {
            app_id: "app-1".into(),
            ins_count: 1,
        }),
        c.pub_access(&PubAccessArgs {
            app_id: "app-1".into(),
            ..Default::default()
        }),
        c.list_change(&ListChangeArgs {
            app_id: "app-1".into(),
            ..Default::default()
        }),
        c.change_detail(&ChangeDetailArgs {
            change_id: "c".into(),
        }),
        c.delete_app(&app),
        c.list_pod(&app),
        c.block_pod(&pod),
        c.delete_pod(&pod),
        c.list_brief_res_pool(&Default::default()),
        c.res_pool_detail(&ResPoolDetailArgs {
            res_pool_id: "p".into(),
        }),
    ];
    assert_eq!(errors.len(), 15);
    bce_testkit::assert_service_errors(errors, 403, "AccessDenied", "no", "rid-3");
}

#[tokio::test]
async fn bad_input_never_sends() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let field = bce_testkit::invalid_field::<()>;
    assert_eq!(
        field(c.app_details(&AppIdArgs::default()).await.map(drop)),
        "appId"
    );
    assert_eq!(
        field(
            c.update_app(&UpdateAppArgs {
                app_id: "a".into(),
                ..Default::default()
            })
            .await
            .map(drop)
        ),
        "appConf"
    );
    assert_eq!(
        field(
            c.create_app(&CreateAppArgs::default(), &ExtraInfo::default())
                .await
                .map(drop)
        ),
        "appName"
    );
    assert_eq!(
        field(
            c.list_app_stats(&ListAppStatsArgs {
                app_ids: vec!["a#b".into()]
            })
            .await
            .map(drop)
        ),
        "appIds"
    );
    assert_eq!(
        field(
            c.scale_app(&ScaleAppArgs {
                app_id: "a".into(),
                ins_count: -1
            })
            .await
            .map(drop)
        ),
        "insCount"
    );
    assert_eq!(
        field(
            c.block_pod(&PodArgs {
                app_id: "a".into(),
                ..Default::default()
            })
            .await
            .map(drop)
        ),
        "insID"
    );
    assert!(t.requests().is_empty());
}

#[tokio::test]
async fn region_defaults_to_the_config_and_https_endpoint_is_kept() {
    let t = RecordingTransport::new();
    let config = Config::builder()
        .credentials(Credentials::new("ak", "sk").unwrap())
        .endpoint("https://aihc.baidubce.com")
        .region("su")
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config)
        .unwrap()
        .list_pod(&AppIdArgs::new("a"))
        .await
        .unwrap();
    let r = &t.requests()[0];
    assert_eq!(r.header("x-region"), Some("su"));
    assert!(r.url.starts_with("https://aihc.baidubce.com/"));
}

fn scripted(replies: Vec<Value>) -> Client {
    Client::new(RecordingTransport::replying_json(replies).config()).unwrap()
}

#[tokio::test(start_paused = true)]
async fn waiter_and_stream() {
    let stat =
        |a: i32, t: i32| json!({"data": {"apps": {"app-1": {"availableIns": a, "totalIns": t}}}});
    let c = scripted(vec![stat(0, 0), stat(1, 2), stat(2, 2)]);
    let w = Waiter::new(Duration::from_secs(60)).with_jitter(Arc::new(FixedJitter(1.0)));
    assert!(c.wait_for_app_ready("app-1", &w).await.unwrap().all_ready());
    let c = scripted(vec![stat(1, 2)]);
    let err = c.wait_for_app_ready("app-1", &w).await.unwrap_err();
    assert!(
        matches!(err, Error::WaitTimeout { ref last_state, .. } if last_state.starts_with("1/2")),
        "{err:?}"
    );

    let page = |ids: &[&str]| json!({"data": {"list": ids.iter().map(|i| json!({"appId": i})).collect::<Vec<_>>(), "count": 3}});
    let c = scripted(vec![page(&["a", "b"]), page(&["c"])]);
    let ids: Vec<String> = c
        .list_app_stream(
            ListAppArgs {
                page_size: 2,
                ..Default::default()
            },
            ExtraInfo::default(),
        )
        .map(|r| r.unwrap().app_id)
        .collect()
        .await;
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn business_errors_inside_200_answers_are_service_errors() {
    let t = RecordingTransport::replying_json([json!({
        "code": "App.NotFound",
        "message": "app app-9 does not exist",
        "requestId": "rid-9",
        "data": null
    })]);
    let c = Client::new(t.config()).unwrap();
    let e = c
        .app_details(&AppIdRequest::new("app-9"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some("App.NotFound"));
    assert_eq!(e.message(), Some("app app-9 does not exist"));
    assert_eq!(e.request_id(), Some("rid-9"));
    assert_eq!(e.status(), Some(200));
    assert!(!e.is_retryable());
    assert_eq!(t.requests().len(), 1);

    // Success words are successes.
    for code in ["", "0", "Success", "OK", "200"] {
        let t = RecordingTransport::replying_json([json!({"code": code, "data": {"appId": "a"}})]);
        let c = Client::new(t.config()).unwrap();
        let r = c.app_details(&AppIdRequest::new("a")).await;
        assert!(r.is_ok(), "code {code:?}: {r:?}");
    }
}
