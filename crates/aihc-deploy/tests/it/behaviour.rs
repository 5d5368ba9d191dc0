//! Client token across retries, streams and waiters (paused time, no sockets).

use std::sync::Arc;
use std::time::Duration;

use aihc_deploy::v2::*;
use bce_core::{Config, Error, FixedJitter, HttpResponse, RetryPolicy, Waiter};
use bce_testkit::{test_credentials, RecordingTransport};
use futures::{StreamExt, TryStreamExt};
use serde_json::{json, Value};

use crate::recorded;

fn retrying(t: &RecordingTransport) -> Client {
    let config = Config::builder()
        .credentials(test_credentials())
        .retry(RetryPolicy::default().with_max_retries(3))
        .jitter(Arc::new(FixedJitter(1.0)))
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

fn token_of(url: &str) -> String {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("clientToken="))
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(start_paused = true)]
async fn a_generated_client_token_is_made_once_and_reused_on_every_attempt() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        503,
        r#"{"code":"ServiceUnavailable","message":"busy","requestId":"r-1"}"#,
    )))
    .push(Ok(HttpResponse::new(
        200,
        r#"{"serviceId":"s-1","requestId":"r-2"}"#,
    )));
    let started = tokio::time::Instant::now();
    let created = retrying(&t)
        .create_service(&crate::services::small_conf(), None)
        .await
        .unwrap();
    assert_eq!(created.service_id, "s-1");
    let sent = t.requests();
    assert_eq!(sent.len(), 2, "the create is retried after a 503");
    let first = token_of(&sent[0].url);
    assert_eq!(first.len(), 36, "{first}");
    assert_eq!(
        first,
        token_of(&sent[1].url),
        "the same token on both attempts"
    );
    assert_eq!(first, created.client_token);
    assert_eq!(sent[0].body, sent[1].body);
    // Signed afresh for the retry, after the back-off.
    assert!(started.elapsed() >= Duration::from_millis(300));

    // A second call makes a new token; an empty token counts as none.
    let t = RecordingTransport::replying_json([json!({"serviceId": "s-2"})]);
    let again = recorded(&t)
        .create_service(&crate::services::small_conf(), Some(""))
        .await
        .unwrap();
    assert_eq!(again.client_token.len(), 36);
    assert_ne!(again.client_token, created.client_token);
}

#[tokio::test(start_paused = true)]
async fn unsafe_writes_are_not_repeated_after_a_503() {
    let busy = || {
        Ok(HttpResponse::new(
            503,
            r#"{"code":"ServiceUnavailable","message":"busy","requestId":"r"}"#,
        ))
    };
    let t = RecordingTransport::new();
    t.push(busy()).push(Ok(HttpResponse::new(200, "{}")));
    let err = retrying(&t)
        .delete_service_pod("s-1", "p-1")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(t.requests().len(), 1);

    let t = RecordingTransport::new();
    t.push(busy()).push(Ok(HttpResponse::new(200, "{}")));
    retrying(&t)
        .modify_service_replicas("s-1", 3)
        .await
        .unwrap();
    assert_eq!(t.requests().len(), 2, "setting a count is safe to repeat");
}

fn services_page(ids: &[&str], total: i64) -> Value {
    json!({
        "services": ids.iter().map(|i| json!({"id": i, "name": format!("svc-{i}")})).collect::<Vec<_>>(),
        "totalCount": total
    })
}

#[tokio::test]
async fn streams_page_through_services_and_change_records() {
    let t = RecordingTransport::replying_json([
        services_page(&["a", "b"], 5),
        services_page(&["c", "d"], 5),
        services_page(&["e"], 5),
    ]);
    let ids: Vec<String> = recorded(&t)
        .describe_services_stream(DescribeServicesRequest {
            page_size: 2,
            order_by: "createdAt".into(),
            ..Default::default()
        })
        .map_ok(|s| s.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let pages: Vec<String> = t
        .requests()
        .iter()
        .map(|r| r.url.split_once('?').unwrap().1.to_owned())
        .collect();
    assert_eq!(
        pages,
        [
            "action=DescribeServices&pageNumber=1&pageSize=2&orderBy=createdAt",
            "action=DescribeServices&pageNumber=2&pageSize=2&orderBy=createdAt",
            "action=DescribeServices&pageNumber=3&pageSize=2&orderBy=createdAt",
        ]
    );

    // Default page size, a short last page, errors end the stream.
    let change = |id: &str| json!({"changeId": id, "changeType": 3});
    let t = RecordingTransport::replying_json([
        json!({"changeLogs": (0..20).map(|i| change(&format!("c{i}"))).collect::<Vec<_>>(), "totalCount": 21}),
        json!({"changeLogs": [change("c20")], "totalCount": 21}),
    ]);
    let all: Vec<ChangeRecord> = recorded(&t)
        .describe_service_changelogs_stream(DescribeServiceChangelogsRequest::new("s-1"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 21);
    assert!(t.requests()[0].url.contains("pageSize=20"));
    assert!(t.requests()[1].url.contains("pageNumber=2"));

    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        500,
        r#"{"code":"InternalError","message":"x"}"#,
    )));
    let got: Vec<Result<ServiceBrief, Error>> = recorded(&t)
        .describe_services_stream(DescribeServicesRequest::default())
        .collect()
        .await;
    assert_eq!(got.len(), 1);
    assert!(got[0].is_err());
}

fn detail(wanted: i32, total: i32, available: i32, pods: Value) -> Value {
    json!({
        "service": {"name": "svc", "instanceCount": wanted},
        "status": {"briefStat": {"status": 1, "totalIns": total, "availableIns": available}},
        "instances": pods
    })
}

fn pod(created: i64, ready: bool) -> Value {
    json!({"instanceId": format!("p-{created}"), "status": {
        "status": if ready { "Running" } else { "Pending" }, "createdAt": created,
        "availableContainers": i32::from(ready), "totalContainers": 1}})
}

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(60)).with_jitter(Arc::new(FixedJitter(1.0)))
}

#[tokio::test(start_paused = true)]
async fn wait_for_service_until_every_replica_is_ready() {
    let t = RecordingTransport::replying_json([
        detail(2, 0, 0, json!([])),
        detail(2, 2, 1, json!([pod(10, true), pod(10, false)])),
        detail(2, 2, 2, json!([pod(10, true), pod(11, true)])),
    ]);
    let started = tokio::time::Instant::now();
    let ready = recorded(&t)
        .wait_for_service("s-1", &waiter())
        .await
        .unwrap();
    assert_eq!(ready.status.brief_stat.available_ins, 2);
    assert_eq!(t.requests().len(), 3);
    assert!(t
        .requests()
        .iter()
        .all(|r| r.url.ends_with("?action=DescribeService&serviceId=s-1")));
    assert!(
        started.elapsed() >= Duration::from_secs(6),
        "2 s then 4 s pauses"
    );

    // Never ready: a timeout that names the last counts.
    let t = RecordingTransport::replying_json([detail(2, 2, 1, json!([]))]);
    let err = recorded(&t)
        .wait_for_service("s-1", &waiter())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::WaitTimeout { ref last_state, .. } if last_state.starts_with("1/2 replicas ready, 2 wanted")),
        "{err:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn wait_for_service_fails_fast_on_a_pod_that_cannot_start() {
    let broken = json!([{"instanceId": "p-1", "status": {"status": "Pending"},
        "containers": [{"status": {"containerStatus": "Waiting", "reason": "ImagePullBackOff"}}]}]);
    let t = RecordingTransport::replying_json([
        detail(1, 1, 0, json!([pod(1, false)])),
        detail(1, 1, 0, broken),
    ]);
    let started = tokio::time::Instant::now();
    let err = recorded(&t)
        .wait_for_service("s-1", &waiter())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::WaitFailed { ref message, .. } if message.contains("ImagePullBackOff")),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));

    let failed =
        json!([{"instanceId": "p-1", "status": {"status": "Failed", "reason": "OOMKilled"}}]);
    let t = RecordingTransport::replying_json([detail(1, 1, 0, failed)]);
    let err = recorded(&t)
        .wait_for_service("s-1", &waiter())
        .await
        .unwrap_err();
    assert!(err.is_wait_failure(), "{err:?}");
    assert!(err.to_string().contains("OOMKilled"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn wait_for_replicas_after_a_scale() {
    let t = RecordingTransport::replying_json([
        detail(2, 2, 2, json!([])), // the scale is not visible yet
        detail(3, 3, 2, json!([])),
        detail(3, 3, 3, json!([])),
    ]);
    let done = recorded(&t)
        .wait_for_replicas("s-1", 3, &waiter())
        .await
        .unwrap();
    assert_eq!(done.desired_replicas(), 3);
    assert_eq!(t.requests().len(), 3);

    let t =
        RecordingTransport::replying_json([detail(0, 1, 0, json!([])), detail(0, 0, 0, json!([]))]);
    recorded(&t)
        .wait_for_replicas("s-1", 0, &waiter())
        .await
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn wait_for_update_waits_for_pods_newer_than_the_update() {
    let t = RecordingTransport::replying_json([
        json!({"changeLogs": [{"changeId": "chg-2", "changeType": 2, "createdAt": 100}], "totalCount": 1}),
        detail(1, 1, 1, json!([pod(50, true)])), // old pod still serving
        detail(1, 2, 1, json!([pod(50, true), pod(100, false)])), // surge
        detail(1, 1, 1, json!([pod(101, true)])),
    ]);
    let done = recorded(&t)
        .wait_for_update("s-1", &waiter())
        .await
        .unwrap();
    assert_eq!(done.instances[0].status.created_at, 101);
    let first = &t.requests()[0].url;
    assert!(
        first.contains("action=DescribeServiceChangelogs"),
        "{first}"
    );
    assert!(
        first.contains("changeType=2") && first.contains("order=desc"),
        "{first}"
    );
    assert_eq!(t.requests().len(), 4);
}
