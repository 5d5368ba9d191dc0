//! Service errors of every v2 action, and retries decided per action (the
//! reads that are POSTs are retried, CreateJob is not).

use std::sync::Arc;
use std::time::Duration;

use aihc_train::v2::*;
use bce_core::{FixedJitter, RetryPolicy};
use bce_testkit::test_credentials;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::v2_common::*;
use crate::{calls, Call};

/// Every v2 action with valid arguments, by action name.
pub fn every_action(client: &Client) -> Vec<(&'static str, Call)> {
    let metrics = DescribeJobMetricsRequest {
        job: key(),
        metric_type: MetricType::CpuUsage,
        ..Default::default()
    };
    let pod_events = DescribePodEventsRequest {
        job: key(),
        pod_name: "p".into(),
        ..Default::default()
    };
    let terminal = DescribeJobWebterminalRequest {
        job: key(),
        pod_name: "p".into(),
        ..Default::default()
    };
    let events = DescribeJobEventsRequest {
        job: key(),
        ..Default::default()
    };
    let modify = ModifyJobRequest {
        job: key(),
        priority: Priority::High,
    };
    let pools = DescribeResourcePoolsRequest::new(ResourcePoolType::Common);
    calls![client;
        "DescribeJobs" => |c| c.describe_jobs(&DescribeJobsRequest::new(POOL)),
        "DescribeJob" => |c| c.describe_job(&DescribeJobRequest::new(key())),
        "CreateJob" => |c| c.create_job(&valid_create()),
        "ModifyJob" => |c| c.modify_job(&modify),
        "StopJob" => |c| c.stop_job(&key()),
        "DeleteJob" => |c| c.delete_job(&key()),
        "DescribeJobEvents" => |c| c.describe_job_events(&events),
        "DescribeJobLogs" => |c| c.describe_job_logs(&DescribeJobLogsRequest::new(key(), "p")),
        "DescribePodEvents" => |c| c.describe_pod_events(&pod_events),
        "DescribeJobNodes" => |c| c.describe_job_nodes(&key()),
        "DescribeJobWebterminal" => |c| c.describe_job_webterminal(&terminal),
        "DescribeJobMetrics" => |c| c.describe_job_metrics(&metrics),
        "DescribeResourcePools" => |c| c.describe_resource_pools(&pools),
        "DescribeResourcePool" => |c| c.describe_resource_pool(POOL),
        "DescribeResourcePoolOverview" => |c| c.describe_resource_pool_overview(),
        "DescribeResourcePoolConfiguration" => |c| c.describe_resource_pool_configuration(POOL),
        "DescribeQueues" => |c| c.describe_queues(&DescribeQueuesRequest::new(POOL)),
        "DescribeQueue" => |c| c.describe_queue("aihcq-1"),
    ]
}

#[tokio::test]
async fn every_action_reports_service_errors() {
    let (server, client) = setup().await;
    Mock::given(path("/"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": "NotFound", "message": "no such thing", "requestId": "req-err"
        })))
        .mount(&server)
        .await;
    let calls = every_action(&client);
    assert_eq!(calls.len(), 18);
    for (action, call) in calls {
        let err = call.await.unwrap_err();
        let service = err
            .service_error()
            .unwrap_or_else(|| panic!("{action}: {err:?}"));
        assert_eq!(service.status(), 404, "{action}");
        assert_eq!(service.code(), "NotFound", "{action}");
        assert_eq!(service.message(), "no such thing", "{action}");
        assert_eq!(service.request_id(), "req-err", "{action}");
        assert!(err.is_not_found(), "{action}");
        let ctx = err.context().unwrap();
        assert_eq!((ctx.service, ctx.operation), ("aihc-train", action));
        assert!(
            err.to_string()
                .starts_with(&format!("aihc-train {action}: ")),
            "{err}"
        );
    }
    let seen = server.received_requests().await.unwrap();
    let mut actions: Vec<String> = seen
        .iter()
        .filter_map(|r| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "action")
                .map(|(_, v)| v.into_owned())
        })
        .collect();
    actions.sort();
    actions.dedup();
    assert_eq!(actions.len(), 18, "{actions:?}");
}

fn retrying(uri: &str) -> Client {
    let config = bce_core::Config::builder()
        .credentials(test_credentials())
        .endpoint(uri)
        .retry(
            RetryPolicy::default()
                .with_max_retries(2)
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(2)),
        )
        .jitter(Arc::new(FixedJitter(0.0)))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

#[tokio::test]
async fn post_reads_are_retried_but_create_is_not() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(
            ResponseTemplate::new(503)
                .set_body_json(json!({"code": "ServiceUnavailable", "message": "busy"})),
        )
        .mount(&server)
        .await;
    let client = retrying(&server.uri());
    let calls = every_action(&client);
    let mut attempts = Vec::new();
    for (action, call) in calls
        .into_iter()
        .filter(|(a, _)| ["DescribeJob", "DescribeJobLogs", "StopJob", "CreateJob"].contains(a))
    {
        let before = server.received_requests().await.unwrap().len();
        let err = call.await.unwrap_err();
        let after = server.received_requests().await.unwrap().len();
        assert_eq!(err.status(), Some(503), "{action}");
        attempts.push((action, after - before));
    }
    assert_eq!(
        attempts,
        [
            ("DescribeJob", 3),
            ("CreateJob", 1),
            ("StopJob", 3),
            ("DescribeJobLogs", 3)
        ]
    );
}

#[tokio::test]
async fn answers_that_do_not_decode_are_decode_errors() {
    let (server, client) = setup().await;
    Mock::given(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>oops</html>"))
        .mount(&server)
        .await;
    let err = client
        .describe_job(&DescribeJobRequest::new(key()))
        .await
        .unwrap_err();
    assert!(err.is_decode(), "{err:?}");
    let err = client.describe_queue("q").await.unwrap_err();
    assert!(err.is_decode(), "{err:?}");
}
