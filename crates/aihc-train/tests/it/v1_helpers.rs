//! Paginators, the job waiter and the log follower.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aihc_train::*;

use crate::{assert_gave_up, ids_of, page_of_jobs, waiter, FIVE_JOB_IDS};
use bce_core::{
    BoxFuture, Clock, Config, Credentials, Error, HttpRequest, HttpResponse, HttpTransport,
    TransportError,
};
use bce_testkit::{test_config, VerifySignature};
use futures::StreamExt;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn jobs_stream_walks_every_page() {
    let server = MockServer::start().await;
    for page in 1..=3 {
        let jobs = page_of_jobs(page);
        Mock::given(method("GET"))
            .and(path("/api/v1/aijobs"))
            .and(query_param("pageNo", page.to_string()))
            .and(query_param("pageSize", "2"))
            .and(VerifySignature::test())
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"result": {"total": 5, "jobs": jobs}})),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = Client::new(test_config(&server.uri())).unwrap();
    let req = ListJobsRequest {
        resource_pool_id: "cce-1".into(),
        page_size: 2,
        ..Default::default()
    };
    let ids = ids_of(client.list_jobs_stream(req), |j| j.job_id).await;
    assert_eq!(ids, FIVE_JOB_IDS);
}

/// A client whose `get_job` answers walk through `statuses`.
fn scripted(statuses: &[&'static str]) -> Client {
    let replies = statuses
        .iter()
        .map(|s| json!({"result": {"jobId": "job-1", "status": s}}));
    Client::new(bce_testkit::RecordingTransport::replying_json(replies).config()).unwrap()
}

/// Waits up to 600 s for the scripted job `job-1` to run.
async fn wait_until_running(client: &Client) -> Result<JobDetail, Error> {
    let job = JobOptions::new("job-1", "cce-1");
    client
        .wait_for_job(&job, &[JobStatus::Running], &waiter(600))
        .await
}

#[tokio::test(start_paused = true)]
async fn waiter_reaches_running() {
    let client = scripted(&["Pending", "Creating", "Running"]);
    let job = wait_until_running(&client).await.unwrap();
    assert_eq!(job.summary.status, JobStatus::Running);
}

#[tokio::test(start_paused = true)]
async fn waiter_fails_fast_on_failure() {
    let client = scripted(&["Pending", "Failed"]);
    let err = wait_until_running(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::WaitFailed { ref state, .. } if state == "Failed"),
        "{err:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn waiter_gives_up_at_the_deadline() {
    let client = scripted(&["Pending"]);
    let start = tokio::time::Instant::now();
    let err = client
        .wait_for_job(
            &JobOptions::new("job-1", "cce-1"),
            &[JobStatus::Succeeded],
            &waiter(30),
        )
        .await
        .unwrap_err();
    assert_gave_up(err, start, 30, "Pending");
}

/// A log server: each poll returns the lines written since `startTime`
/// (with whole-second resolution, so polls overlap), and the log grows
/// between polls.
#[derive(Debug)]
struct GrowingLog {
    lines: Mutex<Vec<(i64, String)>>,
    polls: AtomicI64,
    clock: Arc<Tick>,
}

#[derive(Debug, Default)]
struct Tick(AtomicI64);

impl Clock for Tick {
    fn now_unix(&self) -> i64 {
        1_700_000_000 + self.0.load(Ordering::SeqCst)
    }
}

impl HttpTransport for GrowingLog {
    fn send(&self, r: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, TransportError>> {
        let since = r
            .url
            .split(['?', '&'])
            .find_map(|kv| kv.strip_prefix("startTime="))
            .map(|v| bce_core::sign::parse_timestamp(&v.replace("%3A", ":")).unwrap())
            .unwrap_or(0);
        let poll = self.polls.fetch_add(1, Ordering::SeqCst);
        let now = self.clock.now_unix();
        let mut lines = self.lines.lock().unwrap();
        // Two new lines appear at the current second on each poll.
        for k in 0..2 {
            lines.push((now, format!("line {}", poll * 2 + k)));
        }
        let visible: Vec<&String> = lines
            .iter()
            .filter(|(t, _)| *t >= since)
            .map(|(_, l)| l)
            .collect();
        let body = json!({"result": {"logs": visible}}).to_string();
        self.clock.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move { Ok(HttpResponse::new(200, body)) })
    }
}

#[tokio::test(start_paused = true)]
async fn log_follower_neither_repeats_nor_loses_lines() {
    let clock = Arc::new(Tick::default());
    let transport = GrowingLog {
        lines: Mutex::new(Vec::new()),
        polls: AtomicI64::new(0),
        clock: clock.clone(),
    };
    let config = Config::builder()
        .credentials(Credentials::new("ak", "sk").unwrap())
        .clock(clock)
        .transport(Arc::new(transport))
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();
    let args = GetPodLogsRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        pod_name: "pod-0".into(),
        ..Default::default()
    };
    let got: Vec<String> = client
        .follow_pod_logs(args, Duration::from_secs(5))
        .take(10)
        .map(|l| l.unwrap())
        .collect()
        .await;
    let want: Vec<String> = (0..10).map(|i| format!("line {i}")).collect();
    assert_eq!(got, want);
}
