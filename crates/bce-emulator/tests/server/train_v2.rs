//! AIHC OpenAPI v2 training in the emulator: the signatures the official
//! SDKs really send, the 18 actions over the state v1 shares, v2 errors.

use std::time::Duration;

use aihc_train::v2::{self, JobKey, JobState};
use bce_core::Clock;
use bce_emulator::auth::{verify, IncomingRequest, Keys};
use bce_emulator::Emulator;
use futures::StreamExt;
use serde_json::{json, Value};

const POOL: &str = "cce-emu00a800";

fn fixtures() -> Option<String> {
    let dir = std::env::var("BCE_WIRE_FIXTURES")
        .unwrap_or_else(|_| format!("{}/../../tests/fixtures/wire", env!("CARGO_MANIFEST_DIR")));
    std::fs::read_to_string(format!("{dir}/aihc-v2-train.jsonl")).ok()
}

/// Every request the official Python and Go SDKs sent for the v2 training
/// actions verifies: Python's empty signed-headers field (default set),
/// Python's host-only pool/queue signature, Go's explicit lists, STS.
#[test]
fn verifier_accepts_what_the_official_sdks_send() {
    let Some(text) = fixtures() else {
        eprintln!("aihc-v2-train fixtures not found; skipped");
        return;
    };
    let (mut empty_field, mut host_only, mut listed) = (0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        let Some(req) = v.get("request").filter(|r| r.is_object()) else {
            continue;
        };
        let headers: Vec<(String, String)> = req["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, val)| (k.clone(), val.as_str().unwrap().to_string()))
            .collect();
        let auth = req["headers"]["authorization"].as_str().unwrap();
        match auth.split('/').nth(4).unwrap() {
            "" => empty_field += 1,
            "host" => host_only += 1,
            _ => listed += 1,
        }
        let token = req["headers"]["x-bce-security-token"]
            .as_str()
            .map(bce_core::Secret::new);
        let keys = Keys {
            access_key_id: "ak-test".into(),
            secret_access_key: "sk-test".into(),
            session_token: token,
        };
        let query = req["query"].as_str().unwrap();
        let incoming = IncomingRequest {
            method: req["method"].as_str().unwrap(),
            raw_path: req["path"].as_str().unwrap(),
            raw_query: (!query.is_empty()).then_some(query),
            headers: headers.clone(),
        };
        let id = format!("{} {} {}", v["op"], v["case"], v["sdk"]);
        verify(&incoming, &keys, 1_700_000_000).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        // A tampered query no longer verifies.
        let tampered = format!("{query}&x=1");
        let bad = IncomingRequest {
            raw_query: Some(&tampered),
            ..incoming
        };
        assert!(verify(&bad, &keys, 1_700_000_000).is_err(), "{id}");
    }
    assert!(
        empty_field > 50 && host_only > 20 && listed > 10,
        "{empty_field} {host_only} {listed}"
    );
}

async fn start() -> (Emulator, aihc_train::Client, v2::Client) {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let v1 = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    let v2 = v1.v2();
    (emu, v1, v2)
}

fn create(name: &str, queue: &str) -> v2::CreateJobRequest {
    v2::CreateJobRequest {
        resource_pool_id: POOL.into(),
        queue_id: queue.into(),
        name: name.into(),
        command: "python train.py".into(),
        job_spec: v2::JobSpec {
            image: "registry.baidubce.com/aihc/pytorch:2.2".into(),
            replicas: 2,
            resources: vec![v2::Resource::new("baidu.com/a800_80g_cgpu", "8")],
            ..Default::default()
        }
        .into(),
        priority: v2::Priority::High,
        labels: vec![v2::Label {
            key: "team".into(),
            value: "nlp".into(),
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn a_v2_job_is_a_v1_job_and_the_other_way_round() {
    let (emu, v1, v2) = start().await;
    let created = v2.create_job(&create("from-v2", "default")).await.unwrap();
    assert!(created.job_id.starts_with("pytorchjob-"));
    // v1 sees it.
    let seen = v1
        .get_job(&aihc_train::JobOptions::new(&created.job_id, POOL))
        .await
        .unwrap();
    assert_eq!(seen.result.summary.name, "from-v2");
    assert_eq!(seen.result.summary.queue, "default");
    assert_eq!(seen.result.summary.replicas, 2);
    assert_eq!(seen.result.summary.resources[0].quantity, 8.0);

    // A v1 job is seen through v2, by queue name or queue id.
    let v1_job = v1
        .create_job(
            &aihc_train::CreateJobRequest {
                name: "from-v1".into(),
                queue: "research".into(),
                job_spec: aihc_train::JobSpec {
                    command: "sleep 1".into(),
                    image: "img".into(),
                    replicas: 1,
                    ..Default::default()
                },
                ..Default::default()
            },
            &aihc_train::CreateJobOptions::new(POOL),
        )
        .await
        .unwrap()
        .result;
    let queue_id = "aihcq-emu00a800-research";
    let key = JobKey::new(POOL, queue_id, &v1_job.job_id);
    let job = v2
        .describe_job(&v2::DescribeJobRequest {
            need_detail: Some(true),
            ..v2::DescribeJobRequest::new(key.clone())
        })
        .await
        .unwrap()
        .job;
    assert_eq!(
        (job.name.as_str(), job.queue.as_str(), job.queue_id.as_str()),
        ("from-v1", "research", queue_id)
    );
    assert_eq!(job.status, JobState::Pending);
    assert_eq!(job.pods.len(), 1);
    assert_eq!(job.job_time_line[0].condition_type, "Created");

    let page = v2
        .describe_jobs(&v2::DescribeJobsRequest {
            order: "asc".into(),
            ..v2::DescribeJobsRequest::new(POOL)
        })
        .await
        .unwrap();
    let names: Vec<&str> = page.jobs.iter().map(|j| j.name.as_str()).collect();
    assert_eq!(names, ["from-v2", "from-v1"]);
    let page = v2
        .describe_jobs(&v2::DescribeJobsRequest {
            queue: "research".into(),
            ..v2::DescribeJobsRequest::new(POOL)
        })
        .await
        .unwrap();
    assert_eq!(page.total_count, 1);

    // ModifyJob through v2 shows in v1.
    v2.modify_job(&v2::ModifyJobRequest {
        job: key.clone(),
        priority: v2::Priority::Low,
    })
    .await
    .unwrap();
    let seen = v1
        .get_job(&aihc_train::JobOptions::new(&v1_job.job_id, POOL))
        .await
        .unwrap();
    assert_eq!(seen.result.summary.priority, aihc_train::Priority::Low);

    emu.advance(Duration::from_secs(5));
    let running = v2
        .describe_job(&v2::DescribeJobRequest::new(key.clone()))
        .await
        .unwrap()
        .job;
    assert_eq!(running.status, JobState::Running);
    let nodes = v2.describe_job_nodes(&key).await.unwrap();
    assert_eq!(nodes.nodes, ["192.168.0.10"]);
    let events = v2
        .describe_job_events(&v2::DescribeJobEventsRequest {
            job: key.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(events.total, 2);
    let pod = format!("{}-master-0", v1_job.job_id);
    let pod_events = v2
        .describe_pod_events(&v2::DescribePodEventsRequest {
            job: key.clone(),
            pod_name: pod.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(pod_events.total, 2);
    let term = v2
        .describe_job_webterminal(&v2::DescribeJobWebterminalRequest {
            job: key.clone(),
            pod_name: pod.clone(),
            handshake_timeout_second: Some(10),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(term.web_terminal_url.contains("handshakeTimeoutSecond=10"));
    let metrics = v2
        .describe_job_metrics(&v2::DescribeJobMetricsRequest {
            job: key.clone(),
            metric_type: v2::MetricType::GpuUsage,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(metrics.metrics.as_array().unwrap().len(), 3);

    // Stop through v2, seen stopped through v1; delete through v2.
    v2.stop_job(&key).await.unwrap();
    let seen = v1
        .get_job(&aihc_train::JobOptions::new(&v1_job.job_id, POOL))
        .await
        .unwrap();
    assert_eq!(seen.result.summary.status, aihc_train::JobStatus::Stopped);
    let deleted = v2.delete_job(&key).await.unwrap();
    assert_eq!(deleted.job_name, "from-v1");
    let err = v1
        .get_job(&aihc_train::JobOptions::new(&v1_job.job_id, POOL))
        .await
        .unwrap_err();
    assert!(err.is_not_found());
}

#[tokio::test]
async fn logs_page_with_an_exact_marker() {
    let (emu, _, v2) = start().await;
    let created = v2.create_job(&create("logs", "default")).await.unwrap();
    let key = JobKey::new(POOL, "default", &created.job_id);
    let pod = format!("{}-master-0", created.job_id);
    let first = v2
        .describe_job_logs(&v2::DescribeJobLogsRequest::new(key.clone(), &pod))
        .await
        .unwrap();
    assert!(first.logs.is_empty());
    assert_eq!(first.next_marker, "m-0", "pending: a position, no lines");
    emu.advance(Duration::from_secs(9)); // running: start line + 3 steps
    let page = v2
        .describe_job_logs(&v2::DescribeJobLogsRequest {
            max_lines: Some(2),
            marker: first.next_marker.clone(),
            ..v2::DescribeJobLogsRequest::new(key.clone(), &pod)
        })
        .await
        .unwrap();
    assert_eq!(page.logs.len(), 2);
    assert_eq!(page.next_marker, "m-2");
    let rest = v2
        .describe_job_logs(&v2::DescribeJobLogsRequest {
            marker: page.next_marker.clone(),
            ..v2::DescribeJobLogsRequest::new(key.clone(), &pod)
        })
        .await
        .unwrap();
    assert_eq!(rest.logs.len(), 2);
    assert!(rest.logs[0].contains("step 2/10"), "{:?}", rest.logs);
    emu.advance(Duration::from_secs(60));
    let all: Vec<String> = v2
        .follow_job_logs(
            v2::DescribeJobLogsRequest::new(key, &pod),
            Duration::from_millis(1),
        )
        .map(Result::unwrap)
        .collect()
        .await;
    assert!(all.last().unwrap().contains("training finished"), "{all:?}");
    assert_eq!(all.len(), 11, "start, 9 steps, end");
}

#[tokio::test]
async fn pools_and_queues() {
    let (_emu, _, v2) = start().await;
    let pools: Vec<v2::ResourcePool> = v2
        .describe_resource_pools_stream(v2::DescribeResourcePoolsRequest {
            page_size: 1,
            ..v2::DescribeResourcePoolsRequest::new(v2::ResourcePoolType::Common)
        })
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(pools.len(), 2);
    assert_eq!(pools[0].resource_pool_id, POOL);
    assert_eq!(pools[0].phase, v2::ResourcePoolPhase::Running);
    let none = v2
        .describe_resource_pools(&v2::DescribeResourcePoolsRequest::new(
            v2::ResourcePoolType::DedicatedV2,
        ))
        .await
        .unwrap();
    assert_eq!(none.total_count, 0);
    let pool = v2.describe_resource_pool(POOL).await.unwrap();
    assert_eq!(pool.name, "emulator-a800");
    let conf = v2.describe_resource_pool_configuration(POOL).await.unwrap();
    assert_eq!(conf.configuration.forbid_delete, Some(false));
    let overview = v2.describe_resource_pool_overview().await.unwrap();
    let common = &overview.resource_pools_statistic_with_type[0];
    assert_eq!(common.resource_pool_statistics.len(), 2);
    assert_eq!(
        common
            .accelerators_statistic
            .as_ref()
            .unwrap()
            .statistic
            .capacity,
        24.0
    );
    let queues = v2
        .describe_queues(&v2::DescribeQueuesRequest::new(POOL))
        .await
        .unwrap();
    assert_eq!(queues.total_count, 2);
    let q = v2.describe_queue(&queues.queues[1].queue_id).await.unwrap();
    assert_eq!(q.queue_name, "research");
    assert_eq!(
        q.capability.as_ref().unwrap().accelerator_card_list[0].accelerator_count,
        "8"
    );
    let err = v2.describe_queue("aihcq-nope").await.unwrap_err();
    assert!(err.is_not_found());
    let err = v2.describe_resource_pool("cce-nope").await.unwrap_err();
    assert!(err.is_not_found());
}

#[tokio::test]
async fn v2_errors_have_the_v2_shape() {
    let (emu, _, v2) = start().await;
    let err = v2
        .describe_job(&v2::DescribeJobRequest::new(JobKey::new(
            POOL, "default", "job-none",
        )))
        .await
        .unwrap_err();
    let service = err.service_error().unwrap();
    assert_eq!((service.status(), service.code()), (404, "NotFound"));
    assert!(!service.request_id().is_empty());
    let err = v2
        .describe_job(&v2::DescribeJobRequest::new(JobKey::new(
            POOL,
            "no-such-queue",
            "job-none",
        )))
        .await
        .unwrap_err();
    assert!(err.message().unwrap().contains("queue"), "{err}");

    // Without the version header, or with the wrong method: refused.
    let http = reqwest::Client::new();
    let config = emu.config().unwrap();
    let core = bce_core::Client::new(config, "unused").unwrap();
    let op = bce_core::Operation::new("t", "DescribeQueues", bce_core::Method::Get)
        .path("/")
        .query("action", "DescribeQueues")
        .query("resourcePoolId", POOL);
    let prepared = core
        .prepare(&op, bce_core::clock::SystemClock.now_unix(), "r-1")
        .await
        .unwrap()
        .request;
    let mut req = http.get(&prepared.url);
    for (k, v) in &prepared.headers {
        if !k.eq_ignore_ascii_case("host") {
            req = req.header(k.as_ref(), v);
        }
    }
    let answer = req.send().await.unwrap();
    assert_eq!(answer.status().as_u16(), 404);
    let body: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    assert_eq!(body["code"], "InvalidVersion");
    assert!(body["requestId"].as_str().is_some_and(|s| !s.is_empty()));
}

/// The official Python SDK leaves the signed-headers field empty; the
/// server then signs its default set.
#[tokio::test]
async fn an_empty_signed_headers_field_is_accepted() {
    let (emu, _, _) = start().await;
    let host = emu.endpoint().trim_start_matches("http://").to_owned();
    let now = bce_core::clock::SystemClock.now_unix();
    let date = bce_core::sign::format_timestamp(now).unwrap();
    let body = json!({"pageNumber": 1, "pageSize": 10}).to_string();
    let headers = vec![
        ("host".to_string(), host.clone()),
        ("content-type".to_string(), "application/json".to_string()),
        ("content-length".to_string(), body.len().to_string()),
        ("x-bce-date".to_string(), date.clone()),
    ];
    let query = vec![
        ("action".to_string(), "DescribeJobs".to_string()),
        ("resourcePoolId".to_string(), POOL.to_string()),
    ];
    let creds = emu.credentials().unwrap();
    let sig = bce_core::sign::sign(
        &creds,
        &bce_core::sign::SignableRequest {
            method: "POST",
            path: "/",
            query: &query,
            headers: &headers,
        },
        &bce_core::SignOptions::default().with_only_headers([
            "host",
            "content-length",
            "content-type",
            "x-bce-date",
        ]),
        now,
    )
    .unwrap();
    let parts: Vec<&str> = sig.authorization.split('/').collect();
    let python_style = format!(
        "{}/{}/{}/{}//{}",
        parts[0], parts[1], parts[2], parts[3], parts[5]
    );
    let answer = reqwest::Client::new()
        .post(format!(
            "{}/?action=DescribeJobs&resourcePoolId={POOL}",
            emu.endpoint()
        ))
        .header("X-API-Version", "v2")
        .header("Content-Type", "application/json")
        .header("x-bce-date", date)
        .header("Authorization", python_style)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    let page: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    assert_eq!(page["totalCount"], 0);
}
