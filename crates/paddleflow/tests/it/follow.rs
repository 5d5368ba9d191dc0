//! Streams over marker lists, waiting for runs and jobs, following logs.
//! A scripted transport answers in turn; time is paused.

use std::sync::Arc;
use std::time::Duration;

use bce_core::{Error, FixedJitter, Waiter};
use bce_testkit::RecordingTransport;
use futures::StreamExt;
use paddleflow::*;
use serde_json::{json, Value};

use crate::runs::run_json;

/// A client with a token that sends through `transport`, no retries.
fn client_on(transport: &RecordingTransport) -> Client {
    Client::builder("127.0.0.1")
        .token("tok")
        .config(
            bce_core::Config::builder()
                .retry(bce_core::RetryPolicy::none())
                .transport(Arc::new(transport.clone())),
        )
        .build()
        .unwrap()
}

/// A client whose calls are answered with `replies`, in turn.
fn scripted(replies: Vec<Value>) -> (Client, RecordingTransport) {
    let transport = RecordingTransport::replying_json(replies);
    (client_on(&transport), transport)
}

fn urls(t: &RecordingTransport) -> Vec<String> {
    t.requests().iter().map(|r| r.url.clone()).collect()
}

fn waiter(secs: u64) -> Waiter {
    Waiter::new(Duration::from_secs(secs))
        .with_interval(Duration::from_secs(1), Duration::from_secs(4))
        .with_jitter(Arc::new(FixedJitter(1.0)))
}

#[tokio::test]
async fn marker_streams() {
    let (c, t) = scripted(vec![
        json!({"maxKeys": 2, "isTruncated": true, "nextMarker": "m1", "runList": [{"runID": "r1"}, {"runID": "r2"}]}),
        json!({"maxKeys": 2, "isTruncated": true, "nextMarker": "m2", "runList": [{"runID": "r3"}]}),
        json!({"maxKeys": 2, "isTruncated": false, "runList": [{"runID": "r4"}]}),
    ]);
    let ids: Vec<String> = c
        .list_run_stream(ListRunRequest {
            max_keys: Some(2),
            ..Default::default()
        })
        .map(|r| r.unwrap().run_id)
        .collect()
        .await;
    assert_eq!(ids, ["r1", "r2", "r3", "r4"]);
    let u = urls(&t);
    assert!(u[0].ends_with("/api/paddleflow/v1/run?maxKeys=2"), "{u:?}");
    assert!(
        u[1].ends_with("marker=m1") && u[2].ends_with("marker=m2"),
        "{u:?}"
    );

    // The `truncated` variant of file systems and links.
    let (c, t) = scripted(vec![
        json!({"marker": "", "truncated": true, "nextMarker": "f1", "fsList": [{"name": "a"}]}),
        json!({"marker": "f1", "truncated": false, "nextMarker": "", "fsList": [{"name": "b"}]}),
    ]);
    let names: Vec<String> = c
        .list_fs_stream(ListFsRequest::default())
        .map(|r| r.unwrap().name)
        .collect()
        .await;
    assert_eq!(names, ["a", "b"]);
    assert!(urls(&t)[1].ends_with("/fs?marker=f1"));
    let (c, _) = scripted(vec![
        json!({"truncated": true, "nextMarker": "l1", "linkList": [{"fsPath": "/x"}]}),
        json!({"truncated": false, "nextMarker": "", "linkList": [{"fsPath": "/y"}]}),
    ]);
    let paths: Vec<String> = c
        .list_link_stream(ListLinkRequest {
            fs_name: "fs".into(),
            ..Default::default()
        })
        .map(|r| r.unwrap().fs_path)
        .collect()
        .await;
    assert_eq!(paths, ["/x", "/y"]);
    // A truncated page without a marker ends the stream instead of looping.
    let (c, t) = scripted(vec![
        json!({"isTruncated": true, "queueList": [{"name": "q"}]}),
    ]);
    assert_eq!(
        c.list_queue_stream(ListQueueRequest::default())
            .count()
            .await,
        1
    );
    assert_eq!(t.requests().len(), 1);
    // Every other list has a stream too.
    let (c, _) = scripted(vec![
        json!({"isTruncated": false, "jobList": [{"id": "j"}], "userList": [{"name": "u"}],
        "grantList": [{"grantID": "g"}], "flavourList": [{"name": "f"}], "runCacheList": [{"cacheID": "c"}],
        "artifactEventList": [{"runID": "r"}], "pipelineList": [{"pipelineID": "p"}], "scheduleList": [{"scheduleID": "s"}],
        "clusterList": [{"clusterName": "k"}], "pplVersions": {"isTruncated": false, "pplVersionList": [{"pipelineVersionID": "1"}]}}),
    ]);
    let counts = [
        ("job", c.list_job_stream(Default::default()).count().await),
        ("user", c.list_user_stream(Default::default()).count().await),
        (
            "grant",
            c.show_queue_grant_stream(Default::default()).count().await,
        ),
        (
            "flavour",
            c.list_flavour_stream(Default::default()).count().await,
        ),
        (
            "cache",
            c.list_cache_stream(Default::default()).count().await,
        ),
        (
            "artifact",
            c.list_artifact_stream(Default::default()).count().await,
        ),
        (
            "pipeline",
            c.list_pipeline_stream(Default::default()).count().await,
        ),
        (
            "version",
            c.show_pipeline_stream("p", Default::default())
                .count()
                .await,
        ),
        (
            "schedule",
            c.list_schedule_stream(Default::default()).count().await,
        ),
        (
            "cluster",
            c.list_cluster_stream(Default::default()).count().await,
        ),
    ];
    for (list, count) in counts {
        assert_eq!(count, 1, "{list}");
    }
    // Errors end the stream after being yielded.
    let (c, _) = scripted(vec![]);
    let bad: Vec<Result<RunBrief, Error>> = c
        .list_run_stream(ListRunRequest {
            max_keys: Some(0),
            ..Default::default()
        })
        .collect()
        .await;
    assert!(bad.len() == 1 && bad[0].as_ref().unwrap_err().is_invalid_input());
}

#[tokio::test(start_paused = true)]
async fn wait_for_run_until_success_or_failure() {
    let (c, t) = scripted(vec![
        run_json("pending"),
        run_json("running"),
        run_json("succeeded"),
    ]);
    let run = c.wait_for_run("run-000001", &waiter(60)).await.unwrap();
    assert_eq!(run.status, RunStatus::Succeeded);
    assert_eq!(t.requests().len(), 3);

    let mut failed = run_json("failed");
    failed["runMsg"] = json!("step train failed");
    let (c, t) = scripted(vec![run_json("running"), failed, run_json("running")]);
    let err = c.wait_for_run("run-000001", &waiter(60)).await.unwrap_err();
    assert!(
        matches!(&err, Error::WaitFailed { state, message } if state == "failed" && message == "step train failed"),
        "{err}"
    );
    assert_eq!(t.requests().len(), 2, "fails fast");

    let (c, _) = scripted(vec![run_json("terminated")]);
    assert!(c
        .wait_for_run("run-000001", &waiter(60))
        .await
        .unwrap_err()
        .is_wait_failure());
    let (c, _) = scripted(vec![run_json("running")]);
    let started = tokio::time::Instant::now();
    let err = c.wait_for_run("run-000001", &waiter(30)).await.unwrap_err();
    assert!(matches!(err, Error::WaitTimeout { .. }), "{err}");
    assert!(started.elapsed() >= Duration::from_secs(30));
    // Waiting for another state; an unknown state keeps waiting.
    let (c, _) = scripted(vec![run_json("paused-by-admin"), run_json("terminated")]);
    let run = c
        .wait_for_run_status("run-000001", &[RunStatus::Terminated], &waiter(60))
        .await
        .unwrap();
    assert_eq!(run.status, RunStatus::Terminated);
}

#[tokio::test(start_paused = true)]
async fn wait_for_job() {
    let (c, _) = scripted(vec![
        json!({"id": "j", "status": "pending"}),
        json!({"id": "j", "status": "succeeded"}),
    ]);
    assert_eq!(
        c.wait_for_job("j", &waiter(60)).await.unwrap().status,
        JobStatus::Succeeded
    );
    let (c, _) = scripted(vec![
        json!({"id": "j", "status": "cancelled", "message": "queue closed"}),
    ]);
    let err = c.wait_for_job("j", &waiter(60)).await.unwrap_err();
    assert!(err.to_string().contains("queue closed"), "{err}");
}

fn log_page(job: &str, task: &str, lines: &[&str], next: bool) -> Value {
    let mut content = lines.join("\n");
    if !content.is_empty() {
        content.push('\n');
    }
    json!({"runID": "run-000001", "submitLog": "", "runLog": [{"jobID": job,
        "taskList": [{"taskID": task, "logInfo": {"logContent": content, "hasNextPage": next, "truncated": false}}]}]})
}

fn one_step_run(status: &str, step_status: &str) -> Value {
    json!({"runID": "run-000001", "status": status, "runtime": {"main": [
        {"jobID": "job-1", "name": "main", "status": step_status}]}})
}

#[tokio::test(start_paused = true)]
async fn follow_run_logs_returns_every_line_once() {
    let (c, t) = scripted(vec![
        one_step_run("running", "running"),
        log_page("job-1", "pod-1", &["a", "b"], false),
        one_step_run("running", "running"),
        log_page("job-1", "pod-1", &["a", "b", "c"], false),
        one_step_run("succeeded", "succeeded"),
        log_page("job-1", "pod-1", &["a", "b", "c", "d"], false),
    ]);
    let lines: Vec<String> = c
        .follow_run_logs("run-000001", Duration::from_secs(2))
        .map(|r| r.unwrap().line)
        .collect()
        .await;
    assert_eq!(lines, ["a", "b", "c", "d"]);
    let u = urls(&t);
    assert_eq!(u.len(), 6);
    assert!(
        u[1].contains(
            "/log/run/run-000001?jobID=job-1&pageSize=100&pageNo=1&logFilePosition=begin"
        ),
        "{u:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn follow_run_logs_pages_forward() {
    let full: Vec<String> = (0..100).map(|i| format!("l{i}")).collect();
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    let (c, t) = scripted(vec![
        one_step_run("succeeded", "succeeded"),
        log_page("job-1", "pod-1", &full, true),
        log_page("job-1", "pod-1", &["l100"], false),
    ]);
    let lines: Vec<LogLine> = c
        .follow_run_logs("run-000001", Duration::from_secs(2))
        .map(|r| r.unwrap())
        .collect()
        .await;
    assert_eq!(lines.len(), 101);
    assert_eq!(lines[100].line, "l100");
    assert_eq!(
        (lines[0].job_id.as_str(), lines[0].task_id.as_str()),
        ("job-1", "pod-1")
    );
    assert!(urls(&t)[2].contains("pageNo=2"));
}

#[tokio::test(start_paused = true)]
async fn follow_run_logs_stops_on_a_hard_error() {
    let transport = RecordingTransport::new();
    transport.push(Ok(bce_core::HttpResponse::new(
        404,
        r#"{"requestID":"r","code":"RunNotFound","message":"no run"}"#,
    )));
    let c = client_on(&transport);
    let items: Vec<Result<LogLine, Error>> = c
        .follow_run_logs("run-x", Duration::from_secs(1))
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().code(), Some("RunNotFound"));
}
