//! Service errors of every operation, and bad input that sends nothing.

use std::future::Future;
use std::pin::Pin;

use aihc_deploy::v2::*;
use bce_core::Error;
use bce_testkit::RecordingTransport;
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{client, recorded};

type Call = Pin<Box<dyn Future<Output = Result<(), Error>> + Send>>;

fn ok<T>(r: Result<T, Error>) -> Result<(), Error> {
    r.map(|_| ())
}

fn conf() -> ServiceConf {
    crate::services::small_conf()
}

/// One valid call per operation: (action, HTTP method, call).
fn every_operation(c: &Client) -> Vec<(&'static str, &'static str, Call)> {
    let c = c.clone();
    macro_rules! call {
        ($action:literal, $verb:literal, |$cl:ident| $body:expr) => {{
            let $cl = c.clone();
            (
                $action,
                $verb,
                Box::pin(async move { ok($body.await) }) as Call,
            )
        }};
    }
    vec![
        call!("DescribeServices", "GET", |c| c
            .describe_services(&DescribeServicesRequest::default())),
        call!("DescribeService", "GET", |c| c.describe_service("s-1")),
        call!("DescribeServiceStatus", "GET", |c| c
            .describe_service_status("s-1")),
        call!("DescribeServicePods", "GET", |c| c
            .describe_service_pods("s-1")),
        call!("DescribeServicePodGroups", "GET", |c| c
            .describe_service_pod_groups("s-1")),
        call!("DescribeServiceChangelogs", "GET", |c| c
            .describe_service_changelogs(
                &DescribeServiceChangelogsRequest::new("s-1")
            )),
        call!("DescribeServiceChangelog", "GET", |c| c
            .describe_service_changelog("chg-1")),
        call!("CreateService", "POST", |c| async move {
            c.create_service(&conf(), Some("tok")).await
        }),
        call!("ModifyService", "POST", |c| async move {
            c.modify_service(&ModifyServiceRequest {
                service_id: "s-1".into(),
                service_conf: conf(),
                description: String::new(),
            })
            .await
        }),
        call!("UpgradeService", "POST", |c| async move {
            c.upgrade_service(&UpgradeServiceRequest {
                service_id: "s-1".into(),
                version_id: "v-1".into(),
                ..Default::default()
            })
            .await
        }),
        call!("DeleteService", "POST", |c| c.delete_service("s-1")),
        call!("ModifyServiceReplicas", "POST", |c| c
            .modify_service_replicas("s-1", 2)),
        call!("DeleteServicePod", "POST", |c| c
            .delete_service_pod("s-1", "p-1")),
        call!("DisableServicePod", "POST", |c| c
            .disable_service_pod("s-1", "p-1", true)),
        call!("ModifyServiceNetConfig", "POST", |c| async move {
            c.modify_service_net_config(&ModifyServiceNetConfigRequest {
                service_id: "s-1".into(),
                public_access: true,
                eip: String::new(),
            })
            .await
        }),
    ]
}

#[tokio::test]
async fn every_operation_reports_service_errors_with_code_message_and_request_id() {
    let server = MockServer::start().await;
    let calls = every_operation(&client(&server));
    assert_eq!(calls.len(), 15);
    for (action, verb, _) in &calls {
        Mock::given(method(*verb))
            .and(path("/"))
            .and(query_param("action", *action))
            .and(header("version", "v2"))
            .respond_with(ResponseTemplate::new(404).set_body_json(json!({
                "code": "ServiceNotFound",
                "message": format!("{action}: no such service"),
                "requestId": format!("rid-{action}"),
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    for (action, _, call) in calls {
        let err = call.await.unwrap_err();
        let service = err
            .service_error()
            .unwrap_or_else(|| panic!("{action}: {err:?}"));
        assert_eq!(service.status(), 404, "{action}");
        assert_eq!(service.code(), "ServiceNotFound", "{action}");
        assert_eq!(service.request_id(), format!("rid-{action}"), "{action}");
        assert!(err.is_not_found(), "{action}");
        let text = err.to_string();
        assert!(
            text.contains(&format!("aihc-deploy {action}")),
            "{action}: {text}"
        );
    }
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let t = RecordingTransport::new();
    let c = recorded(&t);
    let no_pool = ServiceConf::new("x").with_container(ContainerConf::new("main", "img"));
    let no_image = {
        let mut conf = conf();
        conf.containers[0].image = None;
        conf
    };
    let negative = conf().with_instance_count(-1);
    let cases: Vec<(&str, Call)> = vec![
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.describe_service("").await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.describe_service_status("").await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.describe_service_pods("").await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.describe_service_pod_groups("").await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move {
                    ok(
                        c.describe_service_changelogs(&DescribeServiceChangelogsRequest::default())
                            .await,
                    )
                }
            }),
        ),
        (
            "changeId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.describe_service_changelog("").await) }
            }),
        ),
        (
            "serviceConf.name",
            Box::pin({
                let c = c.clone();
                async move { ok(c.create_service(&ServiceConf::default(), None).await) }
            }),
        ),
        (
            "serviceConf.resourcePool.resourcePoolId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.create_service(&no_pool, None).await) }
            }),
        ),
        (
            "serviceConf.containers[0].image.imageUrl",
            Box::pin({
                let c = c.clone();
                async move { ok(c.create_service(&no_image, None).await) }
            }),
        ),
        (
            "serviceConf.instanceCount",
            Box::pin({
                let c = c.clone();
                async move { ok(c.create_service(&negative, None).await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.modify_service(&ModifyServiceRequest::default()).await) }
            }),
        ),
        (
            "versionId",
            Box::pin({
                let c = c.clone();
                async move {
                    ok(c.upgrade_service(&UpgradeServiceRequest {
                        service_id: "s-1".into(),
                        ..Default::default()
                    })
                    .await)
                }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.delete_service("").await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.modify_service_replicas("", 1).await) }
            }),
        ),
        (
            "instanceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.delete_service_pod("s-1", "").await) }
            }),
        ),
        (
            "instanceId",
            Box::pin({
                let c = c.clone();
                async move { ok(c.disable_service_pod("s-1", "", true).await) }
            }),
        ),
        (
            "serviceId",
            Box::pin({
                let c = c.clone();
                async move {
                    ok(
                        c.modify_service_net_config(&ModifyServiceNetConfigRequest::default())
                            .await,
                    )
                }
            }),
        ),
    ];
    for (field, call) in cases {
        let err = call.await.unwrap_err();
        assert!(err.is_invalid_input(), "{field}: {err:?}");
        assert!(err.to_string().contains(field), "{field}: {err}");
    }
    assert!(t.requests().is_empty(), "nothing may be sent for bad input");
}

#[tokio::test]
async fn odd_answers_decode_or_fail_without_panicking() {
    let t = RecordingTransport::replying_json([json!({
        "services": [{"id": 7, "createdAt": "soon"}]
    })]);
    let err = recorded(&t)
        .describe_services(&DescribeServicesRequest::default())
        .await
        .unwrap_err();
    assert!(err.is_decode(), "{err:?}");

    let t = RecordingTransport::replying_json([json!({
        "service": null, "status": null, "instances": [{"status": null, "containers": null}],
        "creator": null
    })]);
    let d = recorded(&t).describe_service("s-1").await.unwrap();
    assert_eq!(d.instances.len(), 1);
    assert!(!d.instances[0].is_ready());
}
