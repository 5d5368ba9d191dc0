//! Paging streams, the v2 job waiter (paused time) and the log follower.

use std::time::Duration;

use aihc_train::v2::*;
use bce_core::{Error, HttpResponse, TransportError, TransportErrorKind};
use bce_testkit::{JsonBody, RecordingTransport};
use futures::StreamExt;
use serde_json::{json, Value};

use crate::v2_common::*;
use crate::{assert_gave_up, ids_of, page_of_jobs, waiter, FIVE_JOB_IDS};

#[tokio::test]
async fn jobs_stream_walks_every_page() {
    let (server, client) = setup().await;
    for page in 1..=3u32 {
        let jobs = page_of_jobs(page);
        job_mock(
            "DescribeJobs",
            &[("resourcePoolId", POOL)],
            json!({"status": "Running", "pageNumber": page, "pageSize": 2}),
        )
        .respond_with(reply(json!({"totalCount": 5, "jobs": jobs})))
        .expect(1)
        .mount(&server)
        .await;
    }
    let request = DescribeJobsRequest {
        status: JobState::Running,
        page_size: 2,
        ..DescribeJobsRequest::new(POOL)
    };
    let ids = ids_of(client.describe_jobs_stream(request), |j| j.job_id).await;
    assert_eq!(ids, FIVE_JOB_IDS);
}

#[tokio::test]
async fn pool_and_queue_streams_walk_every_page() {
    let (server, client) = setup().await;
    for page in 1..=2u32 {
        pool_mock(
            "DescribeResourcePools",
            &[
                ("resourcePoolType", "common"),
                ("pageNumber", &page.to_string()),
                ("pageSize", "1"),
            ],
        )
        .respond_with(reply(
            json!({"totalCount": 2, "resourcePools": [{"resourcePoolId": format!("cce-{page}")}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
        pool_mock(
            "DescribeQueues",
            &[
                ("resourcePoolId", POOL),
                ("pageNumber", &page.to_string()),
                ("pageSize", "1"),
            ],
        )
        .respond_with(reply(
            json!({"totalCount": 2, "queues": [{"queueId": format!("q-{page}")}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    }
    let pools: Vec<String> = client
        .describe_resource_pools_stream(DescribeResourcePoolsRequest {
            page_size: 1,
            ..DescribeResourcePoolsRequest::new(ResourcePoolType::Common)
        })
        .map(|p| p.unwrap().resource_pool_id)
        .collect()
        .await;
    assert_eq!(pools, ["cce-1", "cce-2"]);
    let queues: Vec<String> = client
        .describe_queues_stream(DescribeQueuesRequest {
            page_size: 1,
            ..DescribeQueuesRequest::new(POOL)
        })
        .map(|q| q.unwrap().queue_id)
        .collect()
        .await;
    assert_eq!(queues, ["q-1", "q-2"]);
}

#[tokio::test]
async fn a_stream_stops_after_an_error() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        200,
        json!({"totalCount": 4, "jobs": [{"jobId": "a"}, {"jobId": "b"}]}).to_string(),
    )));
    t.push(Ok(HttpResponse::new(
        403,
        json!({"code": "AccessDenied", "message": "no"}).to_string(),
    )));
    let client = Client::new(t.config()).unwrap();
    let got: Vec<Result<Job, Error>> = client
        .describe_jobs_stream(DescribeJobsRequest {
            page_size: 2,
            ..DescribeJobsRequest::new(POOL)
        })
        .collect()
        .await;
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].as_ref().unwrap_err().code(), Some("AccessDenied"));
    assert_eq!(t.requests().len(), 2);
}

/// A client whose `DescribeJob` answers walk through `states`.
fn scripted(states: &[&str]) -> (RecordingTransport, Client) {
    let replies = states
        .iter()
        .map(|s| json!({"requestId": "r", "job": {"jobId": JOB, "status": s}}));
    let t = RecordingTransport::replying_json(replies);
    let c = Client::new(t.config()).unwrap();
    (t, c)
}

#[tokio::test(start_paused = true)]
async fn waiter_reaches_the_target() {
    let (t, client) = scripted(&["Created", "Scheduled", "Running"]);
    let job = client
        .wait_for_job(&key(), &[JobState::Running], &waiter(600))
        .await
        .unwrap();
    assert_eq!(job.status, JobState::Running);
    let requests = t.requests();
    assert_eq!(requests.len(), 3);
    assert!(requests[0].url.contains("action=DescribeJob&"));
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(body, json!({"jobId": JOB}));
}

#[tokio::test(start_paused = true)]
async fn waiter_fails_fast_on_a_failed_job() {
    for end in ["Failed", "Stopped"] {
        let (_, client) = scripted(&["Scheduled", end]);
        let err = client
            .wait_for_job(&key(), &[JobState::Succeeded], &waiter(600))
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::WaitFailed { ref state, .. } if state == end),
            "{err:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn waiter_gives_up_at_the_deadline() {
    let (_, client) = scripted(&["Pending"]);
    let start = tokio::time::Instant::now();
    let err = client
        .wait_for_job(&key(), &[JobState::Succeeded], &waiter(30))
        .await
        .unwrap_err();
    assert_gave_up(err, start, 30, "Pending");
}

fn logs(lines: &[&str], next: &str) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse::new(
        200,
        json!({"requestId": "r", "jobId": JOB, "podName": "p", "logs": lines, "nextMarker": next})
            .to_string(),
    ))
}

fn markers(t: &RecordingTransport) -> Vec<String> {
    t.requests()
        .iter()
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            body.get("marker")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn follower_uses_the_marker_exactly() {
    let t = RecordingTransport::new();
    t.push(logs(&[], "")); // nothing written yet
    t.push(logs(&["a", "b"], "m2"));
    t.push(logs(&["c"], "m3")); // asked at once after lines
    t.push(logs(&[], "m3")); // caught up: wait
    t.push(Err(TransportError::new(
        TransportErrorKind::Connect,
        "refused",
        false,
    )));
    t.push(logs(&["d", "d"], "m5")); // a repeated line is the log's, not an overlap
    t.push(logs(&["e"], "")); // the end
    let client = Client::new(t.config()).unwrap();
    let start = tokio::time::Instant::now();
    let got: Vec<Result<String, Error>> = client
        .follow_job_logs(
            DescribeJobLogsRequest::new(key(), "p"),
            Duration::from_secs(5),
        )
        .collect()
        .await;
    let lines: Vec<&str> = got.iter().filter_map(|r| r.as_deref().ok()).collect();
    assert_eq!(lines, ["a", "b", "c", "d", "d", "e"]);
    assert_eq!(got.iter().filter(|r| r.is_err()).count(), 1);
    assert_eq!(markers(&t), ["", "", "m2", "m3", "m3", "m3", "m5"]);
    // Waits: after the empty first answer, after "caught up", after the error.
    assert_eq!(start.elapsed(), Duration::from_secs(15));
}

#[tokio::test(start_paused = true)]
async fn follower_ends_on_a_permanent_error_and_when_nothing_follows_a_marker() {
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(
        404,
        json!({"code": "NotFound", "message": "gone"}).to_string(),
    )));
    let client = Client::new(t.config()).unwrap();
    let got: Vec<_> = client
        .follow_job_logs(
            DescribeJobLogsRequest::new(key(), "p"),
            Duration::from_secs(1),
        )
        .collect()
        .await;
    assert_eq!(got.len(), 1);
    assert!(got[0].as_ref().unwrap_err().is_not_found());

    let t = RecordingTransport::new();
    t.push(logs(&[], ""));
    let client = Client::new(t.config()).unwrap();
    let request = DescribeJobLogsRequest {
        marker: "m9".into(),
        ..DescribeJobLogsRequest::new(key(), "p")
    };
    let got: Vec<_> = client
        .follow_job_logs(request, Duration::from_secs(1))
        .collect()
        .await;
    assert!(got.is_empty());
    assert_eq!(markers(&t), ["m9"]);
}

#[tokio::test]
async fn follower_against_wiremock_sends_the_marker_in_the_body() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobLogs",
        &job_query(),
        json!({"jobId": JOB, "podName": "p", "maxLines": "2"}),
    )
    .respond_with(reply(json!({"logs": ["1", "2"], "nextMarker": "k2"})))
    .expect(1)
    .mount(&server)
    .await;
    job_mock(
        "DescribeJobLogs",
        &job_query(),
        json!({"jobId": JOB, "podName": "p", "maxLines": "2", "marker": "k2"}),
    )
    .and(JsonBody(
        json!({"jobId": JOB, "podName": "p", "maxLines": "2", "marker": "k2"}),
    ))
    .respond_with(reply(json!({"logs": ["3"], "nextMarker": ""})))
    .expect(1)
    .mount(&server)
    .await;
    let request = DescribeJobLogsRequest {
        max_lines: Some(2),
        ..DescribeJobLogsRequest::new(key(), "p")
    };
    let lines: Vec<String> = client
        .follow_job_logs(request, Duration::from_millis(10))
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(lines, ["1", "2", "3"]);
}
