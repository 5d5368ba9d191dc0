//! Service errors for every operation, in PaddleFlow's shape.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use bce_core::Error;
use paddleflow::*;
use serde_json::json;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{client, server, P};

type Call<'a> = (
    &'static str,
    Pin<Box<dyn Future<Output = Result<(), Error>> + 'a>>,
);

macro_rules! call {
    ($name:literal, $e:expr) => {
        (
            $name,
            Box::pin(async move { $e.await.map(|_| ()) }) as Pin<Box<dyn Future<Output = _>>>,
        )
    };
}

/// Every operation but `login`, with valid arguments.
fn every_call(c: &Client) -> Vec<Call<'_>> {
    let opts = BTreeMap::new();
    vec![
        call!("get_version", c.get_version()),
        call!("add_user", c.add_user("u", "p")),
        call!("del_user", c.del_user("u")),
        call!("list_user", c.list_user(&ListUserRequest::default())),
        call!("update_password", c.update_password("u", "p")),
        call!(
            "add_queue",
            c.add_queue(&AddQueueRequest {
                name: "q".into(),
                namespace: "n".into(),
                max_resources: ResourceSpec::new("1", "1Gi"),
                ..Default::default()
            })
        ),
        call!(
            "update_queue",
            c.update_queue("q", &UpdateQueueRequest::default())
        ),
        call!("del_queue", c.del_queue("q")),
        call!("list_queue", c.list_queue(&ListQueueRequest::default())),
        call!("show_queue", c.show_queue("q")),
        call!("grant_queue", c.grant_queue("u", "q")),
        call!("ungrant_queue", c.ungrant_queue("u", "q")),
        call!(
            "show_queue_grant",
            c.show_queue_grant(&ShowQueueGrantRequest::default())
        ),
        call!(
            "list_flavour",
            c.list_flavour(&ListFlavourRequest::default())
        ),
        call!("show_flavour", c.show_flavour("f")),
        call!(
            "add_flavour",
            c.add_flavour(&AddFlavourRequest {
                name: "f".into(),
                cpu: "1".into(),
                mem: "1Gi".into(),
                ..Default::default()
            })
        ),
        call!(
            "update_flavour",
            c.update_flavour("f", &UpdateFlavourRequest::default())
        ),
        call!("del_flavour", c.del_flavour("f")),
        call!(
            "add_fs",
            c.add_fs(&AddFsRequest {
                name: "fs".into(),
                url: "s3://b".into(),
                ..Default::default()
            })
        ),
        call!("show_fs", c.show_fs("fs", None)),
        call!("delete_fs", c.delete_fs("fs", None)),
        call!("list_fs", c.list_fs(&ListFsRequest::default())),
        call!("show_fs", c.mount("fs", "/mnt", &opts, None)),
        call!(
            "create_cache",
            c.create_cache(&CreateCacheRequest {
                fs_name: "fs".into(),
                ..Default::default()
            })
        ),
        call!(
            "update_fs_cache",
            c.update_fs_cache("fs", &FsCacheOptions::default(), None)
        ),
        call!("get_fs_cache", c.get_fs_cache("fs", None)),
        call!("delete_fs_cache", c.delete_fs_cache("fs", None)),
        call!(
            "add_link",
            c.add_link(&AddLinkRequest {
                fs_name: "fs".into(),
                fs_path: "/l".into(),
                url: "s3://b".into(),
                ..Default::default()
            })
        ),
        call!("delete_link", c.delete_link("fs", "/l", None)),
        call!(
            "list_link",
            c.list_link(&ListLinkRequest {
                fs_name: "fs".into(),
                ..Default::default()
            })
        ),
        call!("show_link", c.show_link("fs", "/l", None)),
        call!("create_run", c.create_run(&CreateRunRequest::default())),
        call!("list_run", c.list_run(&ListRunRequest::default())),
        call!("show_run", c.show_run("r")),
        call!("stop_run", c.stop_run("r", false)),
        call!("retry_run", c.retry_run("r")),
        call!("delete_run", c.delete_run("r", Some(true))),
        call!("list_cache", c.list_cache(&ListCacheRequest::default())),
        call!("show_cache", c.show_cache("c")),
        call!("delete_cache", c.delete_cache("c")),
        call!(
            "list_artifact",
            c.list_artifact(&ListArtifactRequest::default())
        ),
        call!(
            "create_pipeline",
            c.create_pipeline(&CreatePipelineRequest::default())
        ),
        call!(
            "list_pipeline",
            c.list_pipeline(&ListPipelineRequest::default())
        ),
        call!(
            "show_pipeline",
            c.show_pipeline("p", &ShowPipelineRequest::default())
        ),
        call!(
            "update_pipeline",
            c.update_pipeline("p", &UpdatePipelineRequest::default())
        ),
        call!("delete_pipeline", c.delete_pipeline("p")),
        call!("show_pipeline_version", c.show_pipeline_version("p", "1")),
        call!(
            "delete_pipeline_version",
            c.delete_pipeline_version("p", "1")
        ),
        call!(
            "create_schedule",
            c.create_schedule(&CreateScheduleRequest {
                name: "s".into(),
                pipeline_id: "p".into(),
                pipeline_version_id: "1".into(),
                crontab: "* * * * *".into(),
                ..Default::default()
            })
        ),
        call!(
            "list_schedule",
            c.list_schedule(&ListScheduleRequest::default())
        ),
        call!(
            "show_schedule",
            c.show_schedule("s", &ShowScheduleRequest::default())
        ),
        call!("stop_schedule", c.stop_schedule("s")),
        call!("delete_schedule", c.delete_schedule("s")),
        call!(
            "create_cluster",
            c.create_cluster(&CreateClusterRequest {
                cluster_name: "c".into(),
                endpoint: "e".into(),
                cluster_type: "Kubernetes".into(),
                ..Default::default()
            })
        ),
        call!(
            "list_cluster",
            c.list_cluster(&ListClusterRequest::default())
        ),
        call!("show_cluster", c.show_cluster("c")),
        call!(
            "update_cluster",
            c.update_cluster("c", &UpdateClusterRequest::default())
        ),
        call!("delete_cluster", c.delete_cluster("c")),
        call!("list_cluster_resource", c.list_cluster_resource(&[])),
        call!(
            "list_cluster_resource_v2",
            c.list_cluster_resource_v2(&ListClusterResourceV2Request::default())
        ),
        call!("show_log", c.show_log("r", &ShowLogRequest::default())),
        call!(
            "show_log_by_limit",
            c.show_log_by_limit(&ShowLogByLimitRequest::default())
        ),
        call!("get_statistics", c.get_statistics("j")),
        call!(
            "get_statistics_detail",
            c.get_statistics_detail("j", &StatisticsDetailRequest::default())
        ),
        call!(
            "get_cardtime_by_queue_name",
            c.get_cardtime_by_queue_name(&["q".into()], None, None)
        ),
        call!(
            "create_job",
            c.create_job(
                JobType::Single,
                &CreateJobRequest {
                    scheduling_policy: SchedulingPolicy {
                        queue: "q".into(),
                        priority: None
                    },
                    ..Default::default()
                }
            )
        ),
        call!("show_job", c.show_job("j")),
        call!("list_job", c.list_job(&ListJobRequest::default())),
        call!(
            "update_job",
            c.update_job("j", &UpdateJobRequest::default())
        ),
        call!("stop_job", c.stop_job("j")),
        call!("delete_job", c.delete_job("j")),
    ]
}

#[tokio::test]
async fn every_operation_reports_paddleflow_errors() {
    let server = server().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-pf-request-id", "rid-header")
                .set_body_json(json!({"requestID": "rid-body", "code": "RecordNotFound", "message": "record not found"})),
        )
        .with_priority(10)
        .mount(&server)
        .await;
    let c = client(&server);
    let calls = every_call(&c);
    assert_eq!(calls.len(), 71, "every operation but login");
    for (name, call) in calls {
        let err = call.await.unwrap_err();
        assert_eq!(err.status(), Some(404), "{name}: {err}");
        assert_eq!(err.code(), Some("RecordNotFound"), "{name}");
        assert_eq!(err.message(), Some("record not found"), "{name}");
        assert_eq!(err.request_id(), Some("rid-body"), "{name}");
        assert!(err.is_not_found(), "{name}");
        assert!(
            err.to_string().starts_with(&format!("paddleflow {name}: ")),
            "{name}: {err}"
        );
    }
}

#[tokio::test]
async fn odd_error_bodies() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run/html")))
        .respond_with(
            ResponseTemplate::new(502)
                .insert_header("x-pf-request-id", "rid-h")
                .set_body_string("<html>bad gateway</html>"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run/empty")))
        .respond_with(ResponseTemplate::new(405).insert_header("x-pf-request-id", "rid-e"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run/denied")))
        .respond_with(ResponseTemplate::new(403).set_body_json(
            json!({"requestID": "rid-d", "code": "AccessDenied", "message": "no access", "extra": [1]}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{P}/run/garbage")))
        .respond_with(ResponseTemplate::new(200).set_body_string("{not json"))
        .mount(&server)
        .await;
    let c = client(&server);
    let err = c.show_run("html").await.unwrap_err();
    assert_eq!(
        (err.status(), err.code(), err.request_id()),
        (Some(502), Some("MalformedJSON"), Some("rid-h"))
    );
    let err = c.show_run("empty").await.unwrap_err();
    assert_eq!(
        (err.status(), err.code(), err.request_id()),
        (Some(405), Some("MethodNotAllowed"), Some("rid-e"))
    );
    let err = c.show_run("denied").await.unwrap_err();
    assert_eq!(
        (err.code(), err.request_id()),
        (Some("AccessDenied"), Some("rid-d"))
    );
    let err = c.show_run("garbage").await.unwrap_err();
    assert!(err.is_decode(), "{err}");
    let _ = MockServer::start;
}
