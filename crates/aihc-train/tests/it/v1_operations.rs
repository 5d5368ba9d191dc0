//! One wiremock test per operation: method, path, query, body, server-side
//! signature check, typed response; plus service errors for every operation.

use aihc_train::*;

use crate::{expect_create_job, ok, setup};
use bce_testkit::{ExactQuery, JsonBody, NoBody, VerifySignature};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn expect_get(server: &MockServer, p: &str, q: &[(&str, &str)], reply: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(p))
        .and(ExactQuery::new(q))
        .and(NoBody)
        .and(header("content-type", "application/json;charset=utf-8"))
        .and(VerifySignature::test())
        .respond_with(reply)
        .expect(1)
        .mount(server)
        .await;
}

fn job_opts() -> JobOptions {
    JobOptions::new("job-1", "cce-1")
}

#[tokio::test]
async fn list_resource_pool() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/resourcepools",
        &[("keyword", "gpu"), ("keywordType", "resourcePoolName"), ("pageNo", "1"), ("pageSize", "10")],
        ok(json!({"total": 1, "resourcePools": [{"metadata": {"id": "cce-1", "name": "p"}, "status": {"phase": "running", "gpuCount": {"total": 8, "used": 2}}, "spec": {"future": 1}}], "pageNo": 1})),
    )
    .await;
    let req = ListResourcePoolRequest {
        keyword: "gpu".into(),
        keyword_type: "resourcePoolName".into(),
        page_no: 0,
        page_size: 0,
        ..Default::default()
    };
    let r = client.list_resource_pool(&req).await.unwrap();
    assert_eq!(r.request_id, "req-1");
    assert_eq!(r.result.resource_pools[0].metadata.id, "cce-1");
    assert_eq!(
        r.result.resource_pools[0]
            .status
            .gpu_count
            .as_ref()
            .unwrap()
            .used,
        2
    );
}

#[tokio::test]
async fn get_resource_pool() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/resourcepools/cce-1",
        &[],
        ok(json!({"resourcePool": {"metadata": {"name": "pool"}, "spec": {"region": "bj"}}})),
    )
    .await;
    let r = client.get_resource_pool("cce-1").await.unwrap();
    assert_eq!(r.result.resource_pool.spec.region, "bj");
}

#[tokio::test]
async fn list_node_by_resource_pool_id() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/resourcepools/cce-1/nodes",
        &[("orderBy", "nodeName"), ("pageNo", "2"), ("pageSize", "5")],
        ok(json!({"nodes": [{"nodeName": "n1", "gpuTotal": 8, "intervention": "drained", "newField": true}], "total": 6})),
    )
    .await;
    let req = ListNodeRequest {
        order_by: "nodeName".into(),
        page_no: 2,
        page_size: 5,
        ..Default::default()
    };
    let r = client
        .list_node_by_resource_pool_id("cce-1", &req)
        .await
        .unwrap();
    assert_eq!(
        r.result.nodes[0].intervention,
        Intervention::Other("drained".into())
    );
    assert_eq!(r.result.nodes[0].gpu_total, 8);
}

#[tokio::test]
async fn list_queue() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/resourcepools/cce-1/queue",
        &[("pageNo", "1"), ("pageSize", "10")],
        ok(json!({"queues": [{"name": "default", "queueType": "Elastic", "capability": {"cpu": "10"}, "children": null}], "total": 1})),
    )
    .await;
    let r = client
        .list_queue("cce-1", &ListQueueRequest::default())
        .await
        .unwrap();
    assert_eq!(r.result.queues[0].queue_type, QueueType::Elastic);
}

#[tokio::test]
async fn get_queue_accepts_request_id_spelling() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/resourcepools/cce-1/queue/q%201",
        &[],
        ResponseTemplate::new(200).set_body_json(
            json!({"requestID": "rid-Q", "result": {"queue": {"name": "q 1", "running": 3}}}),
        ),
    )
    .await;
    let r = client.get_queue("cce-1", "q 1").await.unwrap();
    assert_eq!(r.request_id, "rid-Q");
    assert_eq!(r.result.queue.running, 3);
}

#[tokio::test]
async fn list_jobs() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs",
        &[("resourcePoolId", "aihc-serverless"), ("pageNo", "1"), ("pageSize", "20"), ("queue", "q1"), ("queueID", "q1"), ("order", "desc")],
        ok(json!({"total": 1, "jobs": [{"jobId": "job-1", "status": "Running", "jobFramework": "PyTorchJob", "priority": "high"}]})),
    )
    .await;
    let req = ListJobsRequest {
        resource_pool_id: "aihc-serverless".into(),
        queue: "q1".into(),
        order: "desc".into(),
        page_no: 1,
        page_size: 20,
        ..Default::default()
    };
    let r = client.list_jobs(&req).await.unwrap();
    assert_eq!(r.result.jobs[0].status, JobStatus::Running);
    assert_eq!(r.result.jobs[0].priority, Priority::High);
}

#[tokio::test]
async fn create_job() {
    let (server, client) = setup().await;
    let job = CreateJobRequest {
        name: "j".into(),
        queue: "q1".into(),
        job_spec: JobSpec {
            command: "run <x>".into(),
            image: "img".into(),
            replicas: 1,
            resources: Some(vec![Resource {
                name: "cpu".into(),
                quantity: 2.0,
            }]),
            ..Default::default()
        },
        fault_tolerance_args: Some("--retry=1".into()),
        ..Default::default()
    };
    let body = json!({
        "name": "j", "queue": "q1", "jobFramework": "",
        "jobSpec": {"command": "run <x>", "image": "img", "imageConfig": {"username": "", "password": ""}, "replicas": 1, "resources": [{"name": "cpu", "quantity": 2}], "envs": null, "enableRDMA": false},
        "faultTolerance": false, "labels": null, "priority": "", "datasources": null, "faultToleranceArgs": "--retry=1",
        "codeSource": {"filePath": "", "mountPath": "", "id": "", "bosObjectName": "", "bosTemporaryToken": "", "bosEndpoint": "", "bosBucket": ""},
        "alertConfig": null, "enableBccl": false, "logCollectionFilePatterns": null
    });
    let query = [("resourcePoolId", "aihc-bhcmp"), ("queueID", "q1")];
    expect_create_job(&server, &query, body).await;
    let r = client
        .create_job(&job, &CreateJobOptions::new("aihc-bhcmp"))
        .await
        .unwrap();
    assert_eq!(r.result.job_id, "job-9");
    let req = &server.received_requests().await.unwrap()[0];
    assert!(
        String::from_utf8_lossy(&req.body).contains(r#""run \u003cx\u003e""#),
        "Go-style escaping"
    );
}

#[tokio::test]
async fn get_job() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1",
        &[("resourcePoolId", "cce-1")],
        ok(json!({"jobId": "job-1", "name": "j", "status": "Hibernating", "podList": {"pods": [{"PodIP": "10.0.0.1", "objectMeta": {"name": "job-1-master-0"}}]}})),
    )
    .await;
    let r = client.get_job(&job_opts()).await.unwrap();
    assert_eq!(
        r.result.summary.status,
        JobStatus::Other("Hibernating".into())
    );
    assert_eq!(r.result.pod_list.unwrap().pods[0].pod_ip, "10.0.0.1");
}

#[tokio::test]
async fn update_job() {
    let (server, client) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/api/v1/aijobs/job-1"))
        .and(ExactQuery::new(&[
            ("resourcePoolId", "cce-1"),
            ("queueID", "q"),
        ]))
        .and(JsonBody(json!({"priority": "low"})))
        .and(VerifySignature::test())
        .respond_with(ok(json!({"jobId": "job-1"})))
        .expect(1)
        .mount(&server)
        .await;
    let r = client
        .update_job(
            &UpdateJobRequest {
                priority: "low".into(),
            },
            &job_opts().with_queue("q"),
        )
        .await
        .unwrap();
    assert_eq!(r.result.job_id, "job-1");
}

#[tokio::test]
async fn stop_job() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/aijobs/job-1/stop"))
        .and(ExactQuery::new(&[("resourcePoolId", "cce-1")]))
        .and(NoBody)
        .and(VerifySignature::test())
        .respond_with(ok(json!({"jobId": "job-1"})))
        .expect(1)
        .mount(&server)
        .await;
    client.stop_job(&job_opts()).await.unwrap();
}

#[tokio::test]
async fn delete_job() {
    let (server, client) = setup().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v1/aijobs/job-1"))
        .and(ExactQuery::new(&[("resourcePoolId", "cce-1")]))
        .and(NoBody)
        .and(VerifySignature::test())
        .respond_with(ok(json!({"jobId": "job-1", "jobName": "j"})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        client
            .delete_job(&job_opts())
            .await
            .unwrap()
            .result
            .job_name,
        "j"
    );
}

#[tokio::test]
async fn get_task_event() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/events",
        &[
            ("resourcePoolId", "cce-1"),
            ("jobFramework", "PyTorchJob"),
            ("nameSpace", "ns"),
            ("startTime", "2025-06-01T00:00:00Z"),
        ],
        ResponseTemplate::new(200).set_body_json(
            json!({"events": [{"reason": "Created", "type": "Normal", "count": 1}], "total": 1}),
        ),
    )
    .await;
    let req = GetTaskEventRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        job_framework: "PyTorchJob".into(),
        name_space: "ns".into(),
        start_time: "2025-06-01T00:00:00Z".into(),
        ..Default::default()
    };
    let r = client.get_task_event(&req).await.unwrap();
    assert_eq!(r.list().events[0].reason, "Created");
}

#[tokio::test]
async fn get_pod_events_in_a_result_wrapper() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/pods/pod-0/events",
        &[("resourcePoolId", "cce-1"), ("jobFramework", "PyTorchJob")],
        ok(json!({"events": [{"reason": "Pulled"}], "total": 1})),
    )
    .await;
    let req = GetPodEventsRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        job_framework: "PyTorchJob".into(),
        pod_name: "pod-0".into(),
        ..Default::default()
    };
    assert_eq!(
        client.get_pod_events(&req).await.unwrap().list().events[0].reason,
        "Pulled"
    );
}

#[tokio::test]
async fn get_pod_logs() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/pods/pod-0/logs",
        &[
            ("resourcePoolId", "cce-1"),
            ("namespace", "default"),
            ("chunck", "1"),
            ("maxLines", "100"),
        ],
        ok(json!({"jobId": "job-1", "podName": "pod-0", "logs": ["a", "b"], "nextMarker": "m2"})),
    )
    .await;
    let req = GetPodLogsRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        pod_name: "pod-0".into(),
        namespace: "default".into(),
        chunk: "1".into(),
        max_lines: "100".into(),
        ..Default::default()
    };
    let r = client.get_pod_logs(&req).await.unwrap();
    assert_eq!(r.result.logs, ["a", "b"]);
}

#[tokio::test]
async fn get_task_metrics() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/metrics",
        &[("resourcePoolId", "cce-1"), ("metricType", "GpuUsage"), ("nameSpace", "default")],
        ok(json!({"jobId": "job-1", "podMetrics": [{"podName": "p", "metrics": [{"time": 1717200000, "value": "0.5"}]}]})),
    )
    .await;
    let req = GetTaskMetricsRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        metric_type: "GpuUsage".into(),
        namespace: "default".into(),
        ..Default::default()
    };
    let r = client.get_task_metrics(&req).await.unwrap();
    assert_eq!(r.result.pod_metrics[0].metrics[0].value, json!("0.5"));
}

#[tokio::test]
async fn get_job_nodes_list() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/nodes",
        &[("resourcePoolId", "cce-1"), ("nameSpace", "ns")],
        ok(json!({"jobId": "job-1", "nodeName": ["n1", "n2"]})),
    )
    .await;
    let opts = GetJobNodesListOptions {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        namespace: "ns".into(),
    };
    assert_eq!(
        client
            .get_job_nodes_list(&opts)
            .await
            .unwrap()
            .result
            .node_names,
        ["n1", "n2"]
    );
}

#[tokio::test]
async fn get_web_ssh_url() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/job-1/pods/pod-0/webterminal",
        &[
            ("resourcePoolId", "cce-1"),
            ("podName", "pod-0"),
            ("pingTimeoutSecond", "900"),
        ],
        ok(json!({"webTerminalUrl": "wss://term"})),
    )
    .await;
    let req = GetWebSshUrlRequest {
        job_id: "job-1".into(),
        resource_pool_id: "cce-1".into(),
        pod_name: "pod-0".into(),
        ping_timeout_second: "900".into(),
        ..Default::default()
    };
    assert_eq!(
        client
            .get_web_ssh_url(&req)
            .await
            .unwrap()
            .result
            .web_terminal_url,
        "wss://term"
    );
}

#[tokio::test]
async fn file_upload() {
    let (server, client) = setup().await;
    expect_get(
        &server,
        "/api/v1/aijobs/cluster/ai/uploadCode",
        &[("resourcePoolId", "cce-1")],
        ok(json!({"filePath": "f", "token": "tok-SECRET", "fileID": "id-1", "ak": "ak", "sk": "sk-SECRET", "bucket": "b"})),
    )
    .await;
    let r = client
        .file_upload(&FileUploadRequest {
            file_paths: vec!["a.py".into()],
            resource_pool_id: "cce-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(r.result.file_id, "id-1");
    let shown = format!("{:?}", r.result);
    assert!(
        !shown.contains("sk-SECRET") && !shown.contains("tok-SECRET"),
        "{shown}"
    );
}

/// Every operation turns an error answer into a typed service error.
#[tokio::test]
async fn service_errors_are_typed_for_every_operation() {
    let (server, client) = setup().await;
    Mock::given(VerifySignature::test())
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-bce-request-id", "hdr-rid")
                .set_body_json(json!({"code": "ResourceNotFound", "message": "nothing here", "requestId": "body-rid"})),
        )
        .mount(&server)
        .await;
    let j = job_opts();
    let errors = bce_testkit::errors_of![
        client.list_resource_pool(&Default::default()),
        client.get_resource_pool("cce-1"),
        client.list_node_by_resource_pool_id(
            "cce-1",
            &ListNodeRequest {
                page_no: 1,
                page_size: 1,
                ..Default::default()
            },
        ),
        client.list_queue("cce-1", &Default::default()),
        client.get_queue("cce-1", "q"),
        client.list_jobs(&ListJobsRequest {
            resource_pool_id: "cce-1".into(),
            ..Default::default()
        }),
        client.create_job(
            &CreateJobRequest {
                name: "n".into(),
                ..Default::default()
            },
            &CreateJobOptions::new("cce-1"),
        ),
        client.get_job(&j),
        client.update_job(
            &UpdateJobRequest {
                priority: "high".into(),
            },
            &j,
        ),
        client.stop_job(&j),
        client.delete_job(&j),
        client.get_task_event(&GetTaskEventRequest {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            job_framework: "PyTorchJob".into(),
            ..Default::default()
        }),
        client.get_pod_events(&GetPodEventsRequest {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            job_framework: "PyTorchJob".into(),
            pod_name: "p".into(),
            ..Default::default()
        }),
        client.get_pod_logs(&GetPodLogsRequest {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            pod_name: "p".into(),
            ..Default::default()
        }),
        client.get_task_metrics(&GetTaskMetricsRequest {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            ..Default::default()
        }),
        client.get_job_nodes_list(&GetJobNodesListOptions {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            ..Default::default()
        }),
        client.get_web_ssh_url(&GetWebSshUrlRequest {
            job_id: "job-1".into(),
            resource_pool_id: "cce-1".into(),
            pod_name: "p".into(),
            ..Default::default()
        }),
        client.file_upload(&FileUploadRequest {
            resource_pool_id: "cce-1".into(),
            ..Default::default()
        }),
    ];
    assert_eq!(errors.len(), 18);
    assert!(errors.iter().all(bce_core::Error::is_not_found));
    bce_testkit::assert_service_errors(errors, 404, "ResourceNotFound", "nothing here", "body-rid");
    assert_eq!(server.received_requests().await.unwrap().len(), 18);
}
