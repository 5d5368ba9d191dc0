//! Jobs.

use std::collections::BTreeMap;

use paddleflow::*;
use serde_json::json;

use crate::{client, expect, expect_get, expect_ok, server};

fn job_json() -> serde_json::Value {
    json!({"id": "job-000001", "name": "train", "labels": {"team": "nlp"}, "annotations": null,
        "schedulingPolicy": {"queue": "train-queue", "priority": "high"},
        "flavour": {"name": "gpu", "cpu": "4", "mem": "8Gi", "scalarResources": {"nvidia.com/gpu": "1"}},
        "limitFlavour": {"name": "", "cpu": "", "mem": ""},
        "fs": {"name": "myfs", "type": "s3", "mountPath": "/home/work"}, "extraFS": null,
        "image": "paddle:2.4", "command": "python train.py", "env": {"A": "1"}, "args": null, "port": 0,
        "extensionTemplate": null, "status": "running", "message": "job is running",
        "acceptTime": "2024-03-01 10:00:00", "startTime": "2024-03-01 10:00:05", "finishTime": "",
        "runtime": {"name": "job-000001", "namespace": "default", "status": "Running", "nodeName": "n1",
            "role": "", "index": 0, "acceleratorCards": 1}})
}

#[tokio::test]
async fn jobs() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/job/distributed",
        &[],
        Some(json!({"schedulingPolicy": {"queue": "train-queue"}, "name": "dist", "framework": "paddle",
            "members": [
                {"role": "pserver", "replicas": 2, "schedulingPolicy": {"queue": "train-queue", "priority": "high"},
                 "image": "paddle:2.4", "flavour": {"name": "gpu"}, "extraFS": [{"name": "myfs", "readOnly": true}]},
                {"role": "pworker", "replicas": 4, "schedulingPolicy": {"queue": null}, "command": "python train.py"}
            ]})),
        200,
        Some(json!({"id": "job-000001"})),
    )
    .await;
    let request = CreateJobRequest {
        scheduling_policy: SchedulingPolicy {
            queue: "train-queue".into(),
            priority: None,
        },
        spec: JobSpec {
            name: Some("dist".into()),
            ..Default::default()
        },
        framework: Some("paddle".into()),
        members: Some(vec![
            JobMember {
                role: "pserver".into(),
                replicas: 2,
                scheduling_policy: MemberSchedulingPolicy {
                    queue: Some("train-queue".into()),
                    priority: Some("high".into()),
                },
                spec: JobSpec {
                    image: Some("paddle:2.4".into()),
                    flavour: Some(FlavourSpec {
                        name: Some("gpu".into()),
                        ..Default::default()
                    }),
                    extra_fs: Some(vec![JobFs {
                        name: Some("myfs".into()),
                        read_only: Some(true),
                        ..Default::default()
                    }]),
                    ..Default::default()
                },
            },
            JobMember {
                role: "pworker".into(),
                replicas: 4,
                spec: JobSpec {
                    command: Some("python train.py".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
        ]),
    };
    assert_eq!(
        c.create_job(JobType::Distributed, &request)
            .await
            .unwrap()
            .id,
        "job-000001"
    );
    expect_get(&server, "/job/job-000001", &[], job_json()).await;
    let job = c.show_job("job-000001").await.unwrap();
    assert_eq!(job.status, JobStatus::Running);
    assert_eq!(job.message, "job is running");
    assert_eq!(job.runtime.unwrap().accelerator_cards, "1");
    expect_get(
        &server,
        "/job",
        &[
            ("status", "running"),
            ("timestamp", "1700000000"),
            ("queue", "train-queue"),
            ("labels", r#"{"env":"dev","team":"nlp"}"#),
            ("maxKeys", "20"),
        ],
        json!({"maxKeys": 20, "isTruncated": false, "jobList": [job_json()]}),
    )
    .await;
    let page = c
        .list_job(&ListJobRequest {
            status: Some(JobStatus::Running),
            timestamp: Some(1_700_000_000),
            queue: Some("train-queue".into()),
            labels: Some(BTreeMap::from([
                ("team".into(), "nlp".into()),
                ("env".into(), "dev".into()),
            ])),
            max_keys: Some(20),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.job_list[0].id, "job-000001");
    expect(
        &server,
        "PUT",
        "/job/job-000001",
        &[("action", "modify")],
        Some(json!({"priority": "low", "annotations": {}})),
        200,
        None,
    )
    .await;
    c.update_job(
        "job-000001",
        &UpdateJobRequest {
            priority: Some("low".into()),
            annotations: Some(BTreeMap::new()),
            labels: None,
        },
    )
    .await
    .unwrap();
    expect_ok(&server, "PUT", "/job/job-000001", &[("action", "stop")]).await;
    c.stop_job("job-000001").await.unwrap();
    expect(&server, "DELETE", "/job/job-000001", &[], None, 200, None).await;
    c.delete_job("job-000001").await.unwrap();
    // Refused before sending: no queue, a member without a role, a bad type.
    assert!(c
        .create_job(JobType::Single, &CreateJobRequest::default())
        .await
        .unwrap_err()
        .is_invalid_input());
    let mut no_role = request.clone();
    no_role.members.as_mut().unwrap()[1].role.clear();
    assert!(c
        .create_job(JobType::Distributed, &no_role)
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(JobType::parse("batch").unwrap_err().is_invalid_input());
    assert_eq!(JobType::parse("workflow").unwrap(), JobType::Workflow);
}
