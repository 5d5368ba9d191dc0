//! AIHC training through the OpenAPI v2 actions, end to end against the
//! emulator: pools and queues through the paginators, a job created,
//! waited for, its log followed by marker, stopped, its events read, and
//! deleted; a failing job fails the waiter fast; the v1 API sees it all.

use std::time::Duration;

use aihc_train::v2::{
    Client, CreateJobRequest, DescribeJobEventsRequest, DescribeJobLogsRequest, DescribeJobRequest,
    DescribeJobsRequest, DescribeQueuesRequest, DescribeResourcePoolsRequest, JobKey, JobSpec,
    JobState, Label, Resource, ResourcePoolType,
};
use bce_core::{Error, Waiter};
use bce_emulator::Emulator;
use futures::{StreamExt, TryStreamExt};

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(10))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20))
}

fn job(pool: &str, queue: &str, name: &str, command: &str) -> CreateJobRequest {
    CreateJobRequest {
        resource_pool_id: pool.into(),
        queue_id: queue.into(),
        name: name.into(),
        command: command.into(),
        job_spec: JobSpec {
            image: "registry.baidubce.com/aihc/pytorch:2.2".into(),
            replicas: 2,
            resources: vec![Resource::new("baidu.com/a800_80g_cgpu", "8")],
            ..JobSpec::default()
        }
        .into(),
        labels: vec![Label {
            key: "emulator/run-seconds".into(),
            value: "60".into(),
        }],
        ..CreateJobRequest::default()
    }
}

#[tokio::test]
async fn create_wait_logs_stop_delete_through_v2() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();

    let pools: Vec<_> = client
        .describe_resource_pools_stream(DescribeResourcePoolsRequest {
            page_size: 1,
            ..DescribeResourcePoolsRequest::new(ResourcePoolType::Common)
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pools.len(), 2);
    let pool = pools[0].resource_pool_id.clone();
    let queues: Vec<_> = client
        .describe_queues_stream(DescribeQueuesRequest {
            page_size: 1,
            ..DescribeQueuesRequest::new(&pool)
        })
        .try_collect()
        .await
        .unwrap();
    let queue = queues
        .iter()
        .find(|q| q.queue_name == "default")
        .unwrap()
        .queue_id
        .clone();
    assert_eq!(
        client.describe_queue(&queue).await.unwrap().queue_name,
        "default"
    );

    let created = client
        .create_job(&job(&pool, &queue, "e2e-v2", "torchrun train.py"))
        .await
        .unwrap();
    let key = JobKey::new(&pool, &queue, &created.job_id);
    let first = client
        .describe_job(&DescribeJobRequest::new(key.clone()))
        .await
        .unwrap()
        .job;
    assert_eq!(first.status, JobState::Pending);

    // The waiter polls while the clock moves on.
    let w = waiter();
    let (running, _) = tokio::join!(client.wait_for_job(&key, &[JobState::Running], &w), async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        emu.advance(Duration::from_secs(4));
    });
    assert_eq!(running.unwrap().status, JobState::Running);
    let pods = client
        .describe_job(&DescribeJobRequest {
            need_detail: Some(true),
            ..DescribeJobRequest::new(key.clone())
        })
        .await
        .unwrap()
        .job
        .pods;
    assert_eq!(pods.len(), 2);
    let pod = pods[0].name.clone();

    // Follow the log by marker; stop the job after a few steps.
    let mut follow = Box::pin(client.follow_job_logs(
        DescribeJobLogsRequest::new(key.clone(), &pod),
        Duration::from_millis(5),
    ));
    let mut lines = Vec::new();
    let mut stopped = false;
    while let Some(line) = follow.next().await {
        let line = line.unwrap();
        lines.push(line);
        if lines.len() == 4 && !stopped {
            client.stop_job(&key).await.unwrap();
            stopped = true;
        } else if !stopped {
            emu.advance(Duration::from_secs(2));
        }
    }
    assert!(
        lines[0].contains("starting: torchrun train.py"),
        "{lines:?}"
    );
    assert!(lines.last().unwrap().contains("SIGTERM"), "{lines:?}");
    let unique: std::collections::BTreeSet<_> = lines.iter().collect();
    assert_eq!(unique.len(), lines.len(), "no line twice: {lines:?}");

    let done = client
        .wait_for_job(&key, &[JobState::Stopped], &waiter())
        .await
        .unwrap();
    assert!(!done.finished_at.is_empty());
    let events = client
        .describe_job_events(&DescribeJobEventsRequest {
            job: key.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(events.events.iter().any(|e| e.reason == "JobStopped"));

    // The v1 API sees the same job.
    let v1 = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    let listed = v1
        .list_jobs(&aihc_train::ListJobsRequest {
            resource_pool_id: pool.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(listed
        .result
        .jobs
        .iter()
        .any(|j| j.job_id == created.job_id));

    let deleted = client.delete_job(&key).await.unwrap();
    assert_eq!(deleted.job_name, "e2e-v2");
    let err = client
        .describe_job(&DescribeJobRequest::new(key.clone()))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let left = client
        .describe_jobs(&DescribeJobsRequest::new(&pool))
        .await
        .unwrap();
    assert_eq!(left.total_count, 0);
}

#[tokio::test]
async fn a_failing_job_fails_the_waiter_fast() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let created = client
        .create_job(&job(
            "cce-emu00h800",
            "default",
            "bad",
            "python train.py; exit 1",
        ))
        .await
        .unwrap();
    let key = JobKey::new("cce-emu00h800", "default", &created.job_id);
    emu.advance(Duration::from_secs(120));
    let err = client
        .wait_for_job(&key, &[JobState::Succeeded], &waiter())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::WaitFailed { ref state, .. } if state == "Failed"),
        "{err:?}"
    );
}
