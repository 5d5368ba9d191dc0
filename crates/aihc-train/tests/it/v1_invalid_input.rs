//! Bad input is refused before anything is sent; secrets are never shown.

use aihc_train::*;
use bce_testkit::RecordingTransport;

fn client(t: &RecordingTransport) -> Client {
    Client::new(t.config()).unwrap()
}

use bce_testkit::invalid_field as field;

#[tokio::test]
async fn bad_input_never_sends() {
    let t = RecordingTransport::new();
    let c = client(&t);
    assert_eq!(field(c.get_resource_pool("").await), "resourcePoolId");
    assert_eq!(field(c.get_resource_pool("a/b").await), "resourcePoolId");
    assert_eq!(field(c.get_queue("cce-1", "").await), "queueName");
    assert_eq!(
        field(
            c.list_node_by_resource_pool_id(
                "cce-1",
                &ListNodeRequest {
                    page_no: 0,
                    page_size: 10,
                    ..Default::default()
                }
            )
            .await
        ),
        "pageNo"
    );
    assert_eq!(
        field(
            c.list_node_by_resource_pool_id(
                "cce-1",
                &ListNodeRequest {
                    page_no: 1,
                    page_size: 0,
                    ..Default::default()
                }
            )
            .await
        ),
        "pageSize"
    );
    assert_eq!(
        field(c.list_jobs(&ListJobsRequest::default()).await),
        "resourcePoolId"
    );
    assert_eq!(
        field(
            c.list_jobs(&ListJobsRequest {
                resource_pool_id: "aihc-serverless".into(),
                ..Default::default()
            })
            .await
        ),
        "queueID"
    );
    assert_eq!(
        field(
            c.create_job(
                &CreateJobRequest::default(),
                &CreateJobOptions::new("cce-1")
            )
            .await
        ),
        "name"
    );
    let named = CreateJobRequest {
        name: "n".into(),
        ..Default::default()
    };
    assert_eq!(
        field(c.create_job(&named, &CreateJobOptions::default()).await),
        "resourcePoolId"
    );
    assert_eq!(
        field(
            c.create_job(&named, &CreateJobOptions::new("aihc-bhcmp"))
                .await
        ),
        "queueID"
    );
    assert_eq!(
        field(c.get_job(&JobOptions::new("", "cce-1")).await),
        "jobId"
    );
    assert_eq!(
        field(
            c.update_job(
                &UpdateJobRequest {
                    priority: "high".into()
                },
                &JobOptions::new("", "cce-1")
            )
            .await
        ),
        "jobId"
    );
    assert_eq!(
        field(
            c.update_job(&UpdateJobRequest::default(), &JobOptions::new("j", "cce-1"))
                .await
        ),
        "priority"
    );
    assert_eq!(
        field(c.stop_job(&JobOptions::new("j", "aihc-serverless")).await),
        "queueID"
    );
    assert_eq!(
        field(c.delete_job(&JobOptions::new("j", "")).await),
        "resourcePoolId"
    );
    assert_eq!(
        field(
            c.get_task_event(&GetTaskEventRequest {
                job_id: "j".into(),
                resource_pool_id: "p".into(),
                ..Default::default()
            })
            .await
        ),
        "jobFramework"
    );
    assert_eq!(
        field(
            c.get_pod_logs(&GetPodLogsRequest {
                job_id: "j".into(),
                resource_pool_id: "p".into(),
                ..Default::default()
            })
            .await
        ),
        "podName"
    );
    assert_eq!(
        field(
            c.get_web_ssh_url(&GetWebSshUrlRequest {
                job_id: "j".into(),
                resource_pool_id: "aihc-bhcmp".into(),
                pod_name: "p".into(),
                ..Default::default()
            })
            .await
        ),
        "queueID"
    );
    assert!(t.requests().is_empty(), "nothing may be sent");
}

/// Every secret-bearing field (registry password, temporary BOS token,
/// upload secret key and token) is a `bce_core::Secret`: absent from `Debug`
/// of the request and the response, present on the wire and in the JSON.
#[tokio::test]
async fn secrets_are_masked_in_debug_but_sent() {
    const PASSWORD: &str = "PW-UNIQUE-train-41c9";
    const BOS_TOKEN: &str = "BOSTOK-UNIQUE-train-7d20";
    const SK: &str = "SK-UNIQUE-train-0b3e";
    const TOKEN: &str = "TOKEN-UNIQUE-train-95fa";

    let job = CreateJobRequest {
        name: "job".into(),
        job_spec: JobSpec {
            image_config: ImageConfig {
                username: "u".into(),
                password: PASSWORD.into(),
            },
            ..Default::default()
        },
        code_source: CodeSource {
            bos_temporary_token: BOS_TOKEN.into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let shown = format!("{job:?}");
    let json = serde_json::to_string(&job).unwrap();
    for secret in [PASSWORD, BOS_TOKEN] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
        assert!(json.contains(secret), "{secret} not serialized: {json}");
    }

    let t = RecordingTransport::replying_json([
        serde_json::json!({"requestId": "r1", "result": {"jobId": "job-1"}}),
        serde_json::json!({"requestId": "r2", "result": {
            "filePath": "p", "token": TOKEN, "fileID": "f", "ak": "AK", "sk": SK,
            "bucket": "b", "endpoint": "e"}}),
    ]);
    let c = Client::new(t.config()).unwrap();
    let created = c
        .create_job(
            &job,
            &CreateJobOptions {
                resource_pool_id: "cce-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let sent = String::from_utf8(t.requests()[0].body.clone()).unwrap();
    for secret in [PASSWORD, BOS_TOKEN] {
        assert!(sent.contains(secret), "{secret} not sent: {sent}");
    }
    assert!(!format!("{created:?}").contains(PASSWORD));

    let request = FileUploadRequest {
        resource_pool_id: "cce-1".into(),
        ..Default::default()
    };
    let upload = c.file_upload(&request).await.unwrap();
    assert_eq!(upload.result.sk.expose(), SK);
    assert_eq!(upload.result.token.expose(), TOKEN);
    let shown = format!("{request:?} {upload:?}");
    let json = serde_json::to_string(&upload).unwrap();
    for secret in [SK, TOKEN] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
        assert!(json.contains(secret), "{secret} not serialized: {json}");
    }
}
