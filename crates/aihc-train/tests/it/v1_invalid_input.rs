//! Bad input is refused before anything is sent; secrets are never shown.

use aihc_train::*;
use bce_testkit::{invalid_field, RecordingTransport};

use crate::{calls, Call};

/// Every v1 call that must be refused, with the field its error names.
fn refused_calls(c: &Client) -> Vec<(&'static str, Call)> {
    let nodes = |page_no, page_size| ListNodeRequest {
        page_no,
        page_size,
        ..Default::default()
    };
    let jobs_in = |pool: &str| ListJobsRequest {
        resource_pool_id: pool.into(),
        ..Default::default()
    };
    let named = || CreateJobRequest {
        name: "n".into(),
        ..Default::default()
    };
    let high = UpdateJobRequest {
        priority: "high".into(),
    };
    let task_events = GetTaskEventRequest {
        job_id: "j".into(),
        resource_pool_id: "p".into(),
        ..Default::default()
    };
    let pod_logs = GetPodLogsRequest {
        job_id: "j".into(),
        resource_pool_id: "p".into(),
        ..Default::default()
    };
    let ssh = GetWebSshUrlRequest {
        job_id: "j".into(),
        resource_pool_id: "aihc-bhcmp".into(),
        pod_name: "p".into(),
        ..Default::default()
    };
    calls![c;
        "resourcePoolId" => |c| c.get_resource_pool(""),
        "resourcePoolId" => |c| c.get_resource_pool("a/b"),
        "queueName" => |c| c.get_queue("cce-1", ""),
        "pageNo" => |c| c.list_node_by_resource_pool_id("cce-1", &nodes(0, 10)),
        "pageSize" => |c| c.list_node_by_resource_pool_id("cce-1", &nodes(1, 0)),
        "resourcePoolId" => |c| c.list_jobs(&ListJobsRequest::default()),
        "queueID" => |c| c.list_jobs(&jobs_in("aihc-serverless")),
        "name" => |c| c.create_job(&CreateJobRequest::default(), &CreateJobOptions::new("cce-1")),
        "resourcePoolId" => |c| c.create_job(&named(), &CreateJobOptions::default()),
        "queueID" => |c| c.create_job(&named(), &CreateJobOptions::new("aihc-bhcmp")),
        "jobId" => |c| c.get_job(&JobOptions::new("", "cce-1")),
        "jobId" => |c| c.update_job(&high, &JobOptions::new("", "cce-1")),
        "priority" => |c| c.update_job(&UpdateJobRequest::default(), &JobOptions::new("j", "cce-1")),
        "queueID" => |c| c.stop_job(&JobOptions::new("j", "aihc-serverless")),
        "resourcePoolId" => |c| c.delete_job(&JobOptions::new("j", "")),
        "jobFramework" => |c| c.get_task_event(&task_events),
        "podName" => |c| c.get_pod_logs(&pod_logs),
        "queueID" => |c| c.get_web_ssh_url(&ssh),
    ]
}

#[tokio::test]
async fn bad_input_never_sends() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let calls = refused_calls(&c);
    assert_eq!(calls.len(), 18);
    for (expected, call) in calls {
        assert_eq!(invalid_field(call.await), expected);
    }
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
