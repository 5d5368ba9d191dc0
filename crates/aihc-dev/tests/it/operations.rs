//! One wiremock test per operation, service errors and bad input.

use std::sync::Arc;
use std::time::Duration;

use aihc_dev::*;

use crate::{client, expect};
use bce_core::{Config, Credentials, Error, FixedJitter, Waiter};
use bce_testkit::{fail_every_call, RecordingTransport, VerifySignature};
use futures::StreamExt;
use serde_json::{json, Value};
use wiremock::matchers::header;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sample_args() -> CreateDevInstanceArgs {
    CreateDevInstanceArgs {
        name: "dev".into(),
        conf: Some(DevInstanceConf {
            resource_pool: Some(ResourcePool {
                resource_pool_id: "cce-1".into(),
                queue_name: "default".into(),
                ..Default::default()
            }),
            resources: Some(Resources {
                cpus: 2,
                memory: 4,
                ..Default::default()
            }),
            image: Some(Image {
                image_url: "img".into(),
                password: "pw-SECRET".into(),
                ..Default::default()
            }),
            volumn_confs: Some(vec![VolumnConf {
                volumn_type: "cds".into(),
                cds: Some(Cds { capacity: 100 }),
                mount_path: "/.rootfs".into(),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        creator: "alice".into(),
        creator_id: "u-1".into(),
        ..Default::default()
    }
}

fn sample_body(id: &str) -> Value {
    json!({
        "name": "dev", "id": id,
        "conf": {
            "resourcePool": {"resourcePoolType": "", "resourcePoolId": "cce-1", "resourcePoolName": "", "queueName": "default"},
            "resources": {"acceleratorType": "", "acceleratorCount": 0, "cpus": 2, "memory": 4, "shmSize": 0},
            "image": {"imageType": 0, "imageUrl": "img", "username": "", "password": "pw-SECRET"},
            "access": null, "scheduleConf": null,
            "volumnConfs": [{"volumnType": "cds", "pfs": null, "dataset": null, "cfs": null, "cds": {"capacity": 100}, "bos": null, "mountPath": "/.rootfs", "readOnly": false}],
            "updatedAt": 0
        },
        "visibleScope": null, "notify": null, "isPublicMgmt": false, "creator": "alice", "creatorId": "u-1"
    })
}

#[tokio::test]
async fn create_and_update_dev_instance() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateDevInstance")],
        Some(sample_body("")),
        json!({"devInstanceId": "dev-1", "requestId": "r"}),
    )
    .await;
    expect(
        &server,
        "POST",
        &[("action", "ModifyDevInstance")],
        Some(sample_body("dev-1")),
        json!({"devInstanceId": "dev-1", "requestId": "r2"}),
    )
    .await;
    let mut args = sample_args();
    assert_eq!(
        client
            .create_dev_instance(&args)
            .await
            .unwrap()
            .dev_instance_id,
        "dev-1"
    );
    args.id = "dev-1".into();
    assert_eq!(
        client.update_dev_instance(&args).await.unwrap().request_id,
        "r2"
    );
    assert!(!format!("{args:?}").contains("pw-SECRET"));
}

#[tokio::test]
async fn list_dev_instance() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        &[("action", "DescribeDevInstances"), ("pageNumber", "2"), ("pageSize", "10"), ("resourcePoolId", "cce-1"), ("onlyMyDevs", "true")],
        None,
        json!({"devInstances": [{"id": "dev-1", "status": 3, "createdAt": 4102444800i64, "brandNew": 1}], "totalCount": 11, "requestId": "r"}),
    )
    .await;
    let args = ListDevInstanceArgs {
        resource_pool_id: "cce-1".into(),
        only_my_devs: true,
        page_number: 2,
        page_size: 10,
        ..Default::default()
    };
    let r = client.list_dev_instance(&args).await.unwrap();
    assert_eq!(
        r.dev_instances[0].created_at, 4_102_444_800,
        "64-bit timestamps past 2038"
    );
    assert_eq!(r.total_count, 11);
}

#[tokio::test]
async fn query_dev_instance_detail() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        &[("action", "DescribeDevInstance"), ("devInstanceId", "dev 1")],
        None,
        json!({"devInstance": {"id": "dev 1", "status": 2, "loginInfo": {"jupyter": {"url": "https://j"}}, "serviceInstanceInfo": {"nodeIP": "10.0.0.2"}}, "requestId": "r"}),
    )
    .await;
    let r = client
        .query_dev_instance_detail(&DevInstanceIdArgs::new("dev 1"))
        .await
        .unwrap();
    assert_eq!(r.dev_instance.login_info.unwrap().jupyter.url, "https://j");
    assert_eq!(
        r.dev_instance.service_instance_info.unwrap().node_ip,
        "10.0.0.2"
    );
}

#[tokio::test]
async fn start_stop_delete_dev_instance() {
    let (server, client) = client().await;
    for action in ["StartDevInstance", "StopDevInstance", "DeleteDevInstance"] {
        expect(
            &server,
            "POST",
            &[("action", action), ("devInstanceId", "dev-1")],
            None,
            json!({"devInstanceId": "dev-1", "requestId": action}),
        )
        .await;
    }
    let id = DevInstanceIdArgs::new("dev-1");
    assert_eq!(
        client.start_dev_instance(&id).await.unwrap().request_id,
        "StartDevInstance"
    );
    assert_eq!(
        client.stop_dev_instance(&id).await.unwrap().request_id,
        "StopDevInstance"
    );
    assert_eq!(
        client.delete_dev_instance(&id).await.unwrap().request_id,
        "DeleteDevInstance"
    );
}

#[tokio::test]
async fn timed_stop_dev_instance() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        &[("action", "TimedStopDevInstance")],
        Some(json!({"devInstanceId": "dev-1", "delaySec": 3600, "enable": true})),
        json!({"devInstanceId": "dev-1"}),
    )
    .await;
    let args = TimedStopDevInstanceArgs {
        dev_instance_id: "dev-1".into(),
        delay_sec: 3600,
        enable: true,
    };
    client.timed_stop_dev_instance(&args).await.unwrap();
}

#[tokio::test]
async fn list_dev_instance_event() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        &[("action", "DescribeDevInstanceEvents"), ("devInstanceId", "dev-1"), ("startTime", "2025-05-18T17:12:20.761Z"), ("eventType", "Warning")],
        None,
        json!({"events": [{"reason": "FailedScheduling", "type": "Warning", "firstTimestamp": 1747588340}], "totalCount": 1}),
    )
    .await;
    let args = ListDevInstanceEventArgs {
        dev_instance_id: "dev-1".into(),
        start_time: "2025-05-18T17:12:20.761Z".into(),
        event_type: "Warning".into(),
        ..Default::default()
    };
    assert_eq!(
        client.list_dev_instance_event(&args).await.unwrap().events[0].kind,
        "Warning"
    );
}

/// Registry passwords (machine image, image pack job) are
/// `bce_core::Secret`s: absent from `Debug` of the request and the response,
/// present on the wire and in the JSON.
#[tokio::test]
async fn secrets_are_masked_in_debug_but_sent() {
    const IMAGE_PW: &str = "IMGPW-UNIQUE-dev-5c1e";
    const PACK_PW: &str = "PACKPW-UNIQUE-dev-90ad";
    let mut create = sample_args();
    if let Some(image) = create.conf.as_mut().and_then(|c| c.image.as_mut()) {
        image.password = IMAGE_PW.into();
    }
    let pack = CreateDevInstanceImagePackJobArgs {
        image_name: "img".into(),
        password: PACK_PW.into(),
        dev_instance_id: "dev-1".into(),
        ..Default::default()
    };
    let shown = format!("{create:?} {pack:?}");
    let json = format!(
        "{} {}",
        serde_json::to_string(&create).unwrap(),
        serde_json::to_string(&pack).unwrap()
    );
    for secret in [IMAGE_PW, PACK_PW] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
        assert!(json.contains(secret), "{secret} not serialized: {json}");
    }

    let t = RecordingTransport::replying_json([
        json!({"devInstanceId": "dev-1", "requestId": "r1"}),
        json!({"imagePackJobId": "pack-1", "devInstanceId": "dev-1"}),
        json!({"devInstance": {"id": "dev-1", "conf": {"image": {"imageUrl": "img", "password": IMAGE_PW}}}}),
    ]);
    let client = Client::new(t.config()).unwrap();
    let created = client.create_dev_instance(&create).await.unwrap();
    let packed = client
        .create_dev_instance_image_pack_job(&pack)
        .await
        .unwrap();
    let sent: Vec<String> = t
        .requests()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert!(sent[0].contains(IMAGE_PW), "{}", sent[0]);
    assert!(sent[1].contains(PACK_PW), "{}", sent[1]);

    let detail = client
        .query_dev_instance_detail(&DevInstanceIdArgs {
            dev_instance_id: "dev-1".into(),
        })
        .await
        .unwrap();
    let image = detail
        .dev_instance
        .conf
        .as_ref()
        .and_then(|c| c.image.as_ref())
        .unwrap();
    assert_eq!(image.password.expose(), IMAGE_PW);
    let shown = format!("{created:?} {packed:?} {detail:?}");
    for secret in [IMAGE_PW, PACK_PW] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
    }
    assert!(serde_json::to_string(&detail).unwrap().contains(IMAGE_PW));
}

#[tokio::test]
async fn image_pack_jobs() {
    let (server, client) = client().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateDevInstanceImagePackJob")],
        Some(json!({"imageName": "img", "imageTag": "v1", "registry": "r", "namespace": "ns", "username": "u", "password": "p<&>", "devInstanceId": "dev-1"})),
        json!({"imagePackJobId": "pack-1", "devInstanceId": "dev-1"}),
    )
    .await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeDevInstanceImagePackJob"),
            ("imagePackJobId", "pack-1"),
            ("devInstanceId", "dev-1"),
        ],
        None,
        json!({"devInstanceImagePackJob": {"id": "pack-1", "status": 1}}),
    )
    .await;
    let args = CreateDevInstanceImagePackJobArgs {
        image_name: "img".into(),
        image_tag: "v1".into(),
        registry: "r".into(),
        namespace: "ns".into(),
        username: "u".into(),
        password: "p<&>".into(),
        dev_instance_id: "dev-1".into(),
    };
    assert!(!format!("{args:?}").contains("p<&>"));
    assert_eq!(
        client
            .create_dev_instance_image_pack_job(&args)
            .await
            .unwrap()
            .image_pack_job_id,
        "pack-1"
    );
    let detail = DevInstanceImagePackJobDetailArgs {
        image_pack_job_id: "pack-1".into(),
        dev_instance_id: "dev-1".into(),
    };
    assert_eq!(
        client
            .dev_instance_image_pack_job_detail(&detail)
            .await
            .unwrap()
            .dev_instance_image_pack_job
            .status,
        ImagePackJobStatus(1)
    );
}

#[tokio::test]
async fn service_errors_are_typed_for_every_operation() {
    let (server, c) = client().await;
    fail_every_call(&server, 400, "InvalidParameter", "bad", "rid-7").await;
    let id = DevInstanceIdArgs::new("dev-1");
    let mut update = sample_args();
    update.id = "dev-1".into();
    let errors = bce_testkit::errors_of![
        c.create_dev_instance(&sample_args()),
        c.list_dev_instance(&Default::default()),
        c.query_dev_instance_detail(&id),
        c.update_dev_instance(&update),
        c.start_dev_instance(&id),
        c.stop_dev_instance(&id),
        c.delete_dev_instance(&id),
        c.timed_stop_dev_instance(&TimedStopDevInstanceArgs {
            dev_instance_id: "dev-1".into(),
            ..Default::default()
        }),
        c.list_dev_instance_event(&Default::default()),
        c.create_dev_instance_image_pack_job(&CreateDevInstanceImagePackJobArgs {
            image_name: "i".into(),
            dev_instance_id: "dev-1".into(),
            ..Default::default()
        }),
        c.dev_instance_image_pack_job_detail(&DevInstanceImagePackJobDetailArgs {
            image_pack_job_id: "p".into(),
            ..Default::default()
        }),
    ];
    bce_testkit::assert_service_errors(errors, 400, "InvalidParameter", "bad", "rid-7");
}

fn recording() -> (RecordingTransport, Client) {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    (t, c)
}

#[tokio::test]
async fn bad_input_never_sends() {
    let (t, c) = recording();
    let field = bce_testkit::invalid_field::<()>;
    assert_eq!(
        field(
            c.query_dev_instance_detail(&DevInstanceIdArgs::new(""))
                .await
                .map(drop)
        ),
        "devInstanceId"
    );
    assert_eq!(
        field(
            c.start_dev_instance(&DevInstanceIdArgs::default())
                .await
                .map(drop)
        ),
        "devInstanceId"
    );
    assert_eq!(
        field(
            c.create_dev_instance(&CreateDevInstanceArgs::default())
                .await
                .map(drop)
        ),
        "name"
    );
    assert_eq!(
        field(
            c.create_dev_instance(&CreateDevInstanceArgs {
                name: "n".into(),
                ..Default::default()
            })
            .await
            .map(drop)
        ),
        "conf"
    );
    assert_eq!(
        field(c.update_dev_instance(&sample_args()).await.map(drop)),
        "id"
    );
    assert_eq!(
        field(
            c.timed_stop_dev_instance(&TimedStopDevInstanceArgs {
                dev_instance_id: "d".into(),
                delay_sec: -1,
                enable: true
            })
            .await
            .map(drop)
        ),
        "delaySec"
    );
    assert_eq!(
        field(
            c.dev_instance_image_pack_job_detail(&Default::default())
                .await
                .map(drop)
        ),
        "imagePackJobId"
    );
    assert!(t.requests().is_empty());
}

#[tokio::test]
async fn works_with_sts_credentials() {
    let server = MockServer::start().await;
    let creds = Credentials::with_session_token("ak-test", "sk-test", "token-1").unwrap();
    Mock::given(header("x-bce-security-token", "token-1"))
        .and(VerifySignature(creds.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"devInstanceId": "dev-1"})))
        .expect(1)
        .mount(&server)
        .await;
    let config = Config::builder()
        .credentials(creds)
        .endpoint(server.uri())
        .build()
        .unwrap();
    Client::new(config)
        .unwrap()
        .stop_dev_instance(&DevInstanceIdArgs::new("dev-1"))
        .await
        .unwrap();
}

/// Answers detail calls with a scripted list of statuses.
fn scripted(replies: Vec<Value>) -> Client {
    Client::new(RecordingTransport::replying_json(replies).config()).unwrap()
}

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(120)).with_jitter(Arc::new(FixedJitter(1.0)))
}

#[tokio::test(start_paused = true)]
async fn waiters_succeed_and_fail_fast() {
    let c = scripted(vec![
        json!({"devInstance": {"status": 1}}),
        json!({"devInstance": {"status": 2}}),
    ]);
    assert_eq!(
        c.wait_for_dev_instance(
            "dev-1",
            &[DevInstanceStatus(2)],
            &[DevInstanceStatus(9)],
            &waiter()
        )
        .await
        .unwrap()
        .status,
        DevInstanceStatus(2)
    );
    let c = scripted(vec![
        json!({"devInstance": {"status": 1}}),
        json!({"devInstance": {"status": 9, "statusReason": "no quota"}}),
    ]);
    let err = c
        .wait_for_dev_instance(
            "dev-1",
            &[DevInstanceStatus(2)],
            &[DevInstanceStatus(9)],
            &waiter(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::WaitFailed { ref message, .. } if message == "no quota"),
        "{err:?}"
    );
    let c = scripted(vec![
        json!({"devInstanceImagePackJob": {"status": 0}}),
        json!({"devInstanceImagePackJob": {"status": 3}}),
    ]);
    let args = DevInstanceImagePackJobDetailArgs {
        image_pack_job_id: "p".into(),
        dev_instance_id: "d".into(),
    };
    let err = c
        .wait_for_image_pack_job(
            &args,
            &[ImagePackJobStatus(2)],
            &[ImagePackJobStatus(3)],
            &waiter(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::WaitFailed { .. }));
}

#[tokio::test(start_paused = true)]
async fn list_stream_walks_pages() {
    let page = |ids: &[&str]| json!({"devInstances": ids.iter().map(|i| json!({"id": i})).collect::<Vec<_>>(), "totalCount": 3});
    let c = scripted(vec![page(&["a", "b"]), page(&["c"])]);
    let ids: Vec<String> = c
        .list_dev_instance_stream(ListDevInstanceArgs {
            page_size: 2,
            ..Default::default()
        })
        .map(|r| r.unwrap().id)
        .collect()
        .await;
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn list_filters_added_at_go_head() {
    let (server, client) = client().await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeDevInstances"),
            ("status", "Running"),
            ("orderBy", "createdAt"),
            ("order", "desc"),
        ],
        None,
        json!({"devInstances": [], "totalCount": 0, "requestId": "r"}),
    )
    .await;
    let args = ListDevInstanceArgs {
        status: "Running".into(),
        order_by: "createdAt".into(),
        order: "desc".into(),
        ..Default::default()
    };
    client.list_dev_instance(&args).await.unwrap();
}

#[tokio::test]
async fn conf_fields_added_at_go_head_are_sent_when_set() {
    let (server, client) = client().await;
    let mut body = sample_body("");
    body["conf"]["workspaceDir"] = json!("/root/workspace");
    body["conf"]["envs"] = json!({"HF_HOME": "/mnt/hf"});
    body["conf"]["startCmd"] = json!("");
    expect(
        &server,
        "POST",
        &[("action", "CreateDevInstance")],
        Some(body),
        json!({"devInstanceId": "dev-1", "requestId": "r"}),
    )
    .await;
    let mut args = sample_args();
    if let Some(conf) = args.conf.as_mut() {
        conf.workspace_dir = Some("/root/workspace".into());
        conf.envs = Some([("HF_HOME".to_owned(), "/mnt/hf".to_owned())].into());
        conf.start_cmd = Some(String::new());
    }
    client.create_dev_instance(&args).await.unwrap();
}

#[tokio::test]
async fn business_errors_in_200_answers_are_service_errors() {
    let c = scripted(vec![
        json!({"code": "DevInstanceNotFound", "message": "no such machine", "requestId": "rid-9"}),
        json!({"code": "", "message": "", "devInstanceId": "dev-1", "requestId": "r"}),
        json!({"code": "success", "devInstanceId": "dev-1"}),
    ]);
    let id = DevInstanceIdArgs::new("dev-1");
    let err = c.start_dev_instance(&id).await.unwrap_err();
    assert_eq!(
        (err.status(), err.code(), err.message(), err.request_id()),
        (
            Some(200),
            Some("DevInstanceNotFound"),
            Some("no such machine"),
            Some("rid-9")
        )
    );
    assert!(err.to_string().contains("StartDevInstance"), "{err}");
    assert_eq!(
        c.stop_dev_instance(&id).await.unwrap().dev_instance_id,
        "dev-1"
    );
    assert_eq!(
        c.stop_dev_instance(&id).await.unwrap().dev_instance_id,
        "dev-1"
    );
}
