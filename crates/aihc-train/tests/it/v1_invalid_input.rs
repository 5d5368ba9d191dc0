//! Bad input is refused before anything is sent.

use std::sync::Arc;

use aihc_train::*;
use bce_core::{Config, Credentials};
use bce_testkit::RecordingTransport;

fn client(t: &RecordingTransport) -> Client {
    let config = Config::builder()
        .credentials(Credentials::new("ak", "sk").unwrap())
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

fn field(r: Result<impl std::fmt::Debug, bce_core::Error>) -> String {
    match r.unwrap_err() {
        bce_core::Error::InvalidInput { field, .. } => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

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
                    page_size: -1,
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

#[test]
fn debug_hides_registry_password() {
    let spec = JobSpec {
        image_config: ImageConfig {
            username: "u".into(),
            password: "pw-UNIQUE".into(),
        },
        ..Default::default()
    };
    assert!(!format!("{spec:?}").contains("pw-UNIQUE"));
}
