//! v1 fields and query parameters the official Go SDK added after 0.9.230:
//! CreateJob `username`, GetPodLogs and FileUpload `queueID`, data source
//! `id` and CFS options, node affinity, running timeout, retention period.

use aihc_train::*;

use crate::{expect_create_job, ok};
use bce_testkit::{test_config, ExactQuery, VerifySignature};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

#[tokio::test]
async fn create_job_sends_the_new_fields_and_username() {
    let server = MockServer::start().await;
    let client = Client::new(test_config(&server.uri())).unwrap();
    let job = CreateJobRequest {
        name: "j".into(),
        job_spec: JobSpec {
            command: "run".into(),
            image: "img".into(),
            replicas: 1,
            ..Default::default()
        },
        datasources: Some(vec![
            Datasource {
                id: "ds-1".into(),
                kind: "dataset".into(),
                mount_path: "/data".into(),
                ..Default::default()
            },
            Datasource {
                kind: "cfs".into(),
                mount_path: "/cfs".into(),
                name: "cfs-1".into(),
                options: DatasourceOptions {
                    cfs_instance_id: "cfs-1".into(),
                    cfs_mount_point: "cfs-1.bj.baidubce.com".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
        ]),
        required_node_affinity: Some(vec!["zone=a".into()]),
        preferred_node_affinity: Some(vec!["gpu=a800".into()]),
        running_timeout_stop_time_unit: "2h".into(),
        retention_period: "7d".into(),
        ..Default::default()
    };
    let body = json!({
        "name": "j", "queue": "q1", "jobFramework": "",
        "jobSpec": {"command": "run", "image": "img", "imageConfig": {"username": "", "password": ""}, "replicas": 1, "resources": null, "envs": null, "enableRDMA": false},
        "faultTolerance": false, "labels": null, "priority": "",
        "datasources": [
            {"id": "ds-1", "type": "dataset", "mountPath": "/data", "name": "", "options": {"sizeLimit": 0, "medium": "", "readOnly": false}},
            {"type": "cfs", "mountPath": "/cfs", "name": "cfs-1", "options": {"sizeLimit": 0, "medium": "", "readOnly": false, "cfsInstanceId": "cfs-1", "cfsMountPoint": "cfs-1.bj.baidubce.com"}}
        ],
        "codeSource": {"filePath": "", "mountPath": "", "id": "", "bosObjectName": "", "bosTemporaryToken": "", "bosEndpoint": "", "bosBucket": ""},
        "alertConfig": null, "enableBccl": false, "logCollectionFilePatterns": null,
        "requiredNodeAffinity": ["zone=a"], "preferredNodeAffinity": ["gpu=a800"],
        "runningTimeoutStopTimeUnit": "2h", "retentionPeriod": "7d"
    });
    let query = [
        ("resourcePoolId", "aihc-bhcmp"),
        ("queueID", "q1"),
        ("username", "alice"),
    ];
    expect_create_job(&server, &query, body).await;
    let job = CreateJobRequest {
        queue: "q1".into(),
        ..job
    };
    let options = CreateJobOptions {
        username: "alice".into(),
        ..CreateJobOptions::new("aihc-bhcmp")
    };
    let r = client.create_job(&job, &options).await.unwrap();
    assert_eq!(r.result.job_id, "job-9");
}

#[tokio::test]
async fn new_fields_are_left_out_when_unset() {
    let text = serde_json::to_string(&CreateJobRequest::default()).unwrap();
    for key in [
        "requiredNodeAffinity",
        "preferredNodeAffinity",
        "runningTimeoutStopTimeUnit",
        "retentionPeriod",
    ] {
        assert!(!text.contains(key), "{key} in {text}");
    }
    let text = serde_json::to_string(&Datasource::default()).unwrap();
    assert!(!text.contains("\"id\"") && !text.contains("cfs"), "{text}");
    let back: JobSummary = serde_json::from_value(json!({
        "datasources": [{"id": "ds-1", "type": "dataset", "options": {"cfsInstanceId": "cfs-9"}}]
    }))
    .unwrap();
    assert_eq!(back.datasources[0].id, "ds-1");
    assert_eq!(back.datasources[0].options.cfs_instance_id, "cfs-9");
}

#[tokio::test]
async fn pod_logs_and_file_upload_send_the_queue() {
    let server = MockServer::start().await;
    let client = Client::new(test_config(&server.uri())).unwrap();
    Mock::given(method("GET"))
        .and(path("/api/v1/aijobs/job-1/pods/pod-0/logs"))
        .and(ExactQuery::new(&[
            ("resourcePoolId", "aihc-serverless"),
            ("queueID", "q-1"),
        ]))
        .and(VerifySignature::test())
        .respond_with(ok(json!({"logs": ["a"]})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/aijobs/cluster/ai/uploadCode"))
        .and(ExactQuery::new(&[
            ("resourcePoolId", "aihc-serverless"),
            ("queueID", "q-1"),
        ]))
        .and(VerifySignature::test())
        .respond_with(ok(json!({"filePath": "f"})))
        .expect(1)
        .mount(&server)
        .await;
    let logs = client
        .get_pod_logs(&GetPodLogsRequest {
            job_id: "job-1".into(),
            resource_pool_id: "aihc-serverless".into(),
            pod_name: "pod-0".into(),
            queue_id: "q-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(logs.result.logs, ["a"]);
    let up = client
        .file_upload(&FileUploadRequest {
            resource_pool_id: "aihc-serverless".into(),
            queue_id: "q-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(up.result.file_path, "f");
    // The Go struct's JSON names map onto ours.
    let args: GetPodLogsRequest = serde_json::from_value(json!({"queueId": "q-2"})).unwrap();
    assert_eq!(args.queue_id, "q-2");
    let args: FileUploadRequest = serde_json::from_value(json!({"queueID": "q-3"})).unwrap();
    assert_eq!(args.queue_id, "q-3");
}
