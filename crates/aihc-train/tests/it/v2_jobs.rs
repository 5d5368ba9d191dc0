//! One wiremock test per v2 job action: `POST /`, the action, the query,
//! `X-API-Version: v2`, the JSON body, a server-side signature check and
//! the typed reply decoded from the reference's JSON.

use std::collections::BTreeMap;

use aihc_train::v2::*;
use serde_json::json;

use crate::v2_common::*;

#[tokio::test]
async fn describe_jobs() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobs",
        &[("resourcePoolId", POOL)],
        json!({"queue": "default", "status": "Running", "keywordType": "name", "keyword": "llama",
               "orderBy": "createdAt", "order": "asc", "pageNumber": 2, "pageSize": 50}),
    )
    .respond_with(reply(json!({
        "requestId": "9fa12e3c-c62d-4570-b866-bfc5069f4cf3",
        "totalCount": 3,
        "jobs": [{
            "jobId": "job-oeqpsJhwqq3k", "userId": "eca97e148cb74e9683d7b7240829d1ff",
            "name": "test-training-job-0513", "status": "Scheduled",
            "createdAt": "2025-05-13T02:18:51Z", "finishedAt": "", "jobType": "pytorch",
            "resourcePoolId": POOL, "queueId": "default",
            "jobSpec": {"image": "registry.baidubce.com/aihc/pytorch:2.2", "replicas": 1, "resources": [],
                        "envs": [{"name": "A", "value": "1"}], "enableRDMA": false},
            "somethingNew": {"x": 1}
        }]
    })))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_jobs(&DescribeJobsRequest {
            queue: "default".into(),
            status: JobState::Running,
            keyword_type: "name".into(),
            keyword: "llama".into(),
            order_by: "createdAt".into(),
            order: "asc".into(),
            page_number: 2,
            page_size: 50,
            ..DescribeJobsRequest::new(POOL)
        })
        .await
        .unwrap();
    assert_eq!(r.request_id, "9fa12e3c-c62d-4570-b866-bfc5069f4cf3");
    assert_eq!(r.total_count, 3);
    let job = &r.jobs[0];
    assert_eq!(job.job_id, "job-oeqpsJhwqq3k");
    assert_eq!(job.status, JobState::Scheduled);
    assert_eq!(job.job_type, JobType::Other("pytorch".into()));
    assert_eq!(job.queue_id, "default");
    let spec = job.job_spec.first().unwrap();
    assert_eq!((spec.replicas, spec.envs[0].value.as_str()), (1, "1"));
    assert_eq!(spec.enable_rdma, Some(false));
}

#[tokio::test]
async fn describe_jobs_defaults_and_managed_queue() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobs",
        &[
            ("resourcePoolId", "aihc-serverless"),
            ("queueID", "aihcq-1"),
        ],
        json!({"pageNumber": 1, "pageSize": 10}),
    )
    .respond_with(reply(json!({"totalCount": 0, "jobs": null})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_jobs(&DescribeJobsRequest {
            queue_id: "aihcq-1".into(),
            ..DescribeJobsRequest::new("aihc-serverless")
        })
        .await
        .unwrap();
    assert!(r.jobs.is_empty());
}

#[tokio::test]
async fn describe_job_flat_answer() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJob",
        &job_query(),
        json!({"jobId": JOB, "needDetail": true}),
    )
    .respond_with(reply(json!({
        "requestId": "req-2", "jobId": JOB, "userId": "u-1", "name": "test-training-job-0513",
        "status": "Running", "createdAt": "2025-05-13T02:18:51Z", "finishedAt": "",
        "jobType": "PyTorchJob", "resourcePoolId": POOL, "queueId": "default", "priority": "normal",
        "jobSpec": {"image": "img", "replicas": 2, "resources": [{"name": "cpu", "quantity": 8}]},
        "datasources": [{"type": "pfs", "name": "pfs-1", "mountPath": "/mnt", "sourcePath": "/", "options": {"readOnly": true}}],
        "labels": [{"key": "team", "value": "nlp"}],
        "enableBccl": true, "enableBcclStatus": "success", "enableBcclErrorReason": "",
        "enableFaultTolerance": true, "faultToleranceArgs": "--retry=2",
        "pods": [{"PodIP": "10.0.0.1", "nodeName": "n1", "name": "job-master-0", "status": "Running",
                  "replicaType": "master", "restartCount": "1", "envs": null}],
        "historyPods": null,
        "jobTimeLine": [{"conditionType": "Created", "conditionMessage": "created", "time": "2025-05-13T02:18:51Z"}]
    })))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_job(&DescribeJobRequest {
            need_detail: Some(true),
            ..DescribeJobRequest::new(key())
        })
        .await
        .unwrap();
    assert_eq!(r.request_id, "req-2");
    let job = r.job;
    assert_eq!(
        (job.job_id.as_str(), &job.status),
        (JOB, &JobState::Running)
    );
    assert_eq!(job.job_type, JobType::PyTorchJob);
    assert_eq!(job.priority, Priority::Normal);
    assert_eq!(job.job_spec.first().unwrap().resources[0].quantity, "8");
    assert_eq!(
        job.datasources[0].options,
        Some(DataSourceOptions { read_only: true })
    );
    assert_eq!(job.pods[0].pod_ip, "10.0.0.1");
    assert_eq!(job.pods[0].restart_count, 1);
    assert_eq!(job.job_time_line[0].condition_type, "Created");
    assert!(job.enable_bccl && job.enable_fault_tolerance);
}

#[tokio::test]
async fn describe_job_nested_answer_and_other_spellings() {
    let (server, client) = setup().await;
    job_mock("DescribeJob", &job_query(), json!({"jobId": JOB}))
        .respond_with(reply(json!({
            "requestId": "req-3",
            "job": {"jobid": JOB, "queue": "default", "status": "Succeeded",
                    "Job": {"Worker": {"image": "tf", "replicas": 2}, "PS": {"image": "tf", "replicas": 1}}}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let r = client
        .describe_job(&DescribeJobRequest::new(key()))
        .await
        .unwrap();
    assert_eq!(r.job.job_id, JOB);
    assert_eq!(r.job.queue, "default");
    assert!(r.job.status.is_terminal() && !r.job.status.is_failure());
    match &r.job.job_spec {
        JobSpecs::Roles(roles) => {
            assert_eq!(roles["Worker"].replicas, 2);
            assert_eq!(roles["PS"].image, "tf");
        }
        other => panic!("expected roles, got {other:?}"),
    }
}

fn full_create() -> CreateJobRequest {
    CreateJobRequest {
        resource_pool_id: POOL.into(),
        queue_id: QUEUE.into(),
        name: "llama3-sft-run1".into(),
        command: "torchrun train.py <a> & \"b\" 中文".into(),
        job_spec: JobSpec {
            image: "registry.baidubce.com/aihc/pytorch:2.2-cu121".into(),
            replicas: 2,
            image_config: Some(ImageConfig {
                username: "robot$aihc".into(),
                password: "P@ssw0rd!A1".into(),
            }),
            resources: vec![
                Resource::new("baidu.com/a800_80g_cgpu", "8"),
                Resource::new("cpu", "64"),
            ],
            envs: vec![Env {
                name: "NCCL_DEBUG".into(),
                value: "INFO".into(),
            }],
            enable_rdma: Some(true),
            host_network: Some(false),
        }
        .into(),
        enable_bccl: Some(true),
        fault_tolerance: Some(true),
        job_type: JobType::PyTorchJob,
        priority: Priority::High,
        labels: vec![Label {
            key: "team".into(),
            value: "nlp".into(),
        }],
        data_sources: vec![DataSource {
            kind: "pfs".into(),
            name: "pfs-7x8y9z".into(),
            mount_path: "/mnt/data".into(),
            source_path: "/datasets/llama3".into(),
            options: Some(DataSourceOptions { read_only: true }),
        }],
        fault_tolerance_args: "--max-num-of-unconditional-retry=2".into(),
        tensorboard_config: Some(TensorboardConfig {
            enable: true,
            log_path: "/mnt/data/tb".into(),
        }),
        alert_config: Some(AlertConfig {
            alert_ids: vec!["alert-001".into()],
            instance_id: "cprom-abc123".into(),
            alert_name: "job-alert".into(),
            alert_items: vec!["jobFailed".into()],
            for_duration: "5m".into(),
            description: "notify".into(),
            notify_rule_id: "notify-rule-001".into(),
            severity: "critical".into(),
        }),
        retention_period: "7d".into(),
        queue: String::new(),
        advanced_settings: Some(AdvancedSettings {
            runtime_env: "{}".into(),
            submitter_backoff_limit: Some(3),
        }),
    }
}

#[tokio::test]
async fn create_job() {
    let (server, client) = setup().await;
    job_mock(
        "CreateJob",
        &job_query(),
        json!({
            "name": "llama3-sft-run1", "command": "torchrun train.py <a> & \"b\" 中文",
            "jobSpec": {"image": "registry.baidubce.com/aihc/pytorch:2.2-cu121", "replicas": 2,
                        "imageConfig": {"username": "robot$aihc", "password": "P@ssw0rd!A1"},
                        "resources": [{"name": "baidu.com/a800_80g_cgpu", "quantity": "8"}, {"name": "cpu", "quantity": "64"}],
                        "envs": [{"name": "NCCL_DEBUG", "value": "INFO"}], "enableRDMA": true, "hostNetwork": false},
            "enableBccl": true, "faultTolerance": true, "jobType": "PyTorchJob", "priority": "high",
            "labels": [{"key": "team", "value": "nlp"}],
            "datasources": [{"type": "pfs", "name": "pfs-7x8y9z", "mountPath": "/mnt/data", "sourcePath": "/datasets/llama3", "options": {"readOnly": true}}],
            "faultToleranceArgs": "--max-num-of-unconditional-retry=2",
            "tensorboardConfig": {"enable": true, "logPath": "/mnt/data/tb"},
            "alertConfig": {"alertIds": ["alert-001"], "instanceId": "cprom-abc123", "alertName": "job-alert",
                            "alertItems": ["jobFailed"], "for": "5m", "description": "notify",
                            "notifyRuleId": "notify-rule-001", "severity": "critical"},
            "retentionPeriod": "7d",
            "advancedSettings": {"runtimeEnv": "{}", "submitterBackoffLimit": 3}
        }),
    )
    .respond_with(reply(json!({"requestId": "req-4", "jobId": "job-new", "jobName": "llama3-sft-run1"})))
    .expect(1)
    .mount(&server)
    .await;
    let request = full_create();
    let r = client.create_job(&request).await.unwrap();
    assert_eq!(
        (r.job_id.as_str(), r.job_name.as_str()),
        ("job-new", "llama3-sft-run1")
    );
    let sent = &server.received_requests().await.unwrap()[0];
    let text = String::from_utf8_lossy(&sent.body);
    assert!(text.contains("<a> &"), "plain JSON, no Go escaping: {text}");
    assert!(
        !format!("{request:?}").contains("P@ssw0rd"),
        "password hidden in Debug"
    );
}

#[tokio::test]
async fn create_tf_job_with_roles() {
    let (server, client) = setup().await;
    job_mock(
        "CreateJob",
        &job_query(),
        json!({"name": "tf", "command": "python t.py", "jobType": "TFJob", "queue": "default",
               "jobSpec": {"Chief": {"image": "tf", "replicas": 1}, "Worker": {"image": "tf", "replicas": 4}}}),
    )
    .respond_with(reply(json!({"jobId": "job-tf"})))
    .expect(1)
    .mount(&server)
    .await;
    let spec = |n| JobSpec {
        image: "tf".into(),
        replicas: n,
        ..Default::default()
    };
    let roles = BTreeMap::from([
        ("Chief".to_string(), spec(1)),
        ("Worker".to_string(), spec(4)),
    ]);
    let r = client
        .create_job(&CreateJobRequest {
            resource_pool_id: POOL.into(),
            queue_id: QUEUE.into(),
            name: "tf".into(),
            command: "python t.py".into(),
            job_type: JobType::TfJob,
            job_spec: JobSpecs::Roles(roles),
            queue: "default".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(r.job_id, "job-tf");
}

#[tokio::test]
async fn modify_job() {
    let (server, client) = setup().await;
    job_mock(
        "ModifyJob",
        &job_query(),
        json!({"jobId": JOB, "priority": "low"}),
    )
    .respond_with(reply(json!({"requestId": "req-5", "jobId": JOB})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .modify_job(&ModifyJobRequest {
            job: key(),
            priority: Priority::Low,
        })
        .await
        .unwrap();
    assert_eq!(r.job_id, JOB);
}

#[tokio::test]
async fn stop_job() {
    let (server, client) = setup().await;
    job_mock("StopJob", &job_query(), json!({"jobId": JOB}))
        .respond_with(reply(json!({"requestId": "req-6", "jobId": JOB})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(client.stop_job(&key()).await.unwrap().request_id, "req-6");
}

#[tokio::test]
async fn delete_job() {
    let (server, client) = setup().await;
    job_mock("DeleteJob", &job_query(), json!({"jobId": JOB}))
        .respond_with(reply(
            json!({"requestId": "req-7", "jobId": JOB, "jobName": "n"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let r = client.delete_job(&key()).await.unwrap();
    assert_eq!((r.job_id.as_str(), r.job_name.as_str()), (JOB, "n"));
}

#[tokio::test]
async fn describe_job_events() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobEvents",
        &job_query(),
        json!({"jobId": JOB, "startTime": "2024-05-01T00:00:00Z", "endTime": "2024-05-02T00:00:00Z"}),
    )
    .respond_with(reply(json!({
        "requestId": "req-8",
        "events": [{"reason": "SuccessfulCreatePod", "message": "Created pod: test-training-job-0513-2-master-0",
                    "firstTimestamp": "2025-05-13 02:22:40 +0000 UTC", "lastTimestamp": "2025-05-13 02:22:40 +0000 UTC",
                    "count": 1, "type": "Normal"},
                   {"reason": "X", "type": 2, "count": "3"}],
        "total": 2
    })))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_job_events(&DescribeJobEventsRequest {
            job: key(),
            start_time: "2024-05-01T00:00:00Z".into(),
            end_time: "2024-05-02T00:00:00Z".into(),
        })
        .await
        .unwrap();
    assert_eq!(r.total, 2);
    assert_eq!(r.events[0].reason, "SuccessfulCreatePod");
    assert_eq!((r.events[1].kind.as_str(), r.events[1].count), ("2", 3));
}

#[tokio::test]
async fn describe_job_logs() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobLogs",
        &job_query(),
        json!({"jobId": JOB, "podName": "job-master-0", "keywords": "CUDA error",
               "startTime": "1714521600", "endTime": "1714608000", "maxLines": "500",
               "chunkSize": "5", "marker": "mk-0001"}),
    )
    .respond_with(reply(
        json!({"requestId": "req-9", "jobId": JOB, "podName": "job-master-0",
                               "logs": ["line 1", "line 2"], "nextMarker": "mk-0002"}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_job_logs(&DescribeJobLogsRequest {
            keywords: "CUDA error".into(),
            start_time: "1714521600".into(),
            end_time: "1714608000".into(),
            max_lines: Some(500),
            chunk_size: Some(5),
            marker: "mk-0001".into(),
            ..DescribeJobLogsRequest::new(key(), "job-master-0")
        })
        .await
        .unwrap();
    assert_eq!(r.logs, ["line 1", "line 2"]);
    assert_eq!(r.next_marker, "mk-0002");
}

#[tokio::test]
async fn describe_pod_events() {
    let (server, client) = setup().await;
    job_mock(
        "DescribePodEvents",
        &job_query(),
        json!({"jobId": JOB, "podName": "job-master-0", "startTime": "1714521600"}),
    )
    .respond_with(reply(
        json!({"requestId": "req-10", "events": [], "total": 0}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_pod_events(&DescribePodEventsRequest {
            job: key(),
            pod_name: "job-master-0".into(),
            start_time: "1714521600".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(r.events.is_empty());
}

#[tokio::test]
async fn describe_job_nodes() {
    let (server, client) = setup().await;
    job_mock("DescribeJobNodes", &job_query(), json!({"jobId": JOB}))
        .respond_with(reply(
            json!({"requestId": "req-11", "jobId": JOB, "nodes": ["192.168.0.10", "192.168.0.11"]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let r = client.describe_job_nodes(&key()).await.unwrap();
    assert_eq!(r.nodes, ["192.168.0.10", "192.168.0.11"]);
}

#[tokio::test]
async fn describe_job_webterminal() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobWebterminal",
        &job_query(),
        json!({"jobId": JOB, "podName": "job-master-0", "handshakeTimeoutSecond": "30", "pingTimeoutSecond": "60"}),
    )
    .respond_with(reply(json!({"requestId": "req-12",
        "webTerminalUrl": "wss://aihc.bj.baidubce.com/term?handshakeTimeoutSecond=30&pingTimeoutSecond=60"})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_job_webterminal(&DescribeJobWebterminalRequest {
            job: key(),
            pod_name: "job-master-0".into(),
            handshake_timeout_second: Some(30),
            ping_timeout_second: Some(60),
        })
        .await
        .unwrap();
    assert!(r.web_terminal_url.starts_with("wss://"));
}

#[tokio::test]
async fn describe_job_metrics() {
    let (server, client) = setup().await;
    job_mock(
        "DescribeJobMetrics",
        &job_query(),
        json!({"jobId": JOB, "metricType": "GpuUsage", "startTime": "1714521600", "endTime": "1714608000",
               "timeStep": "60s", "rateInterval": "5m"}),
    )
    .respond_with(reply(json!({"requestId": "req-13", "jobId": JOB,
                               "metrics": {"time": "1714521600000", "value": 87}})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_job_metrics(&DescribeJobMetricsRequest {
            job: key(),
            metric_type: MetricType::GpuUsage,
            start_time: "1714521600".into(),
            end_time: "1714608000".into(),
            time_step: "60s".into(),
            rate_interval: "5m".into(),
        })
        .await
        .unwrap();
    assert_eq!(r.metrics["value"], 87);
}

#[tokio::test]
async fn the_v1_client_gives_a_v2_client() {
    let (server, _) = setup().await;
    job_mock("StopJob", &job_query(), json!({"jobId": JOB}))
        .respond_with(reply(json!({"jobId": JOB})))
        .expect(1)
        .mount(&server)
        .await;
    let v1 = aihc_train::Client::new(bce_testkit::test_config(&server.uri())).unwrap();
    v1.v2().stop_job(&key()).await.unwrap();
}
