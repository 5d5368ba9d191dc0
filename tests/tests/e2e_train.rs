//! AIHC training end to end against the emulator: pools and queues through
//! the paginators, a job created, waited for, its logs followed, listed,
//! stopped and deleted; a failing job; events.

use std::time::Duration;

use aihc_train::{
    Client, CreateJobOptions, CreateJobRequest, GetPodLogsRequest, GetTaskEventRequest, JobOptions,
    JobSpec, JobStatus, Label, ListJobsRequest, ListQueueRequest, ListResourcePoolRequest,
};
use bce_core::Waiter;
use bce_emulator::Emulator;
use futures::{StreamExt, TryStreamExt};

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(10))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20))
}

fn job(name: &str, command: &str) -> CreateJobRequest {
    CreateJobRequest {
        name: name.into(),
        queue: "default".into(),
        job_framework: "PyTorchJob".into(),
        job_spec: JobSpec {
            command: command.into(),
            image: "registry.baidubce.com/aihc/pytorch:2.1".into(),
            replicas: 2,
            ..JobSpec::default()
        },
        ..CreateJobRequest::default()
    }
}

#[tokio::test]
async fn job_lifecycle_with_waiters_paginators_and_logs() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();

    let pools: Vec<_> = client
        .list_resource_pool_stream(ListResourcePoolRequest {
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pools.len(), 2);
    let pool = pools[0].metadata.id.clone();
    let queues: Vec<_> = client
        .list_queue_stream(
            &pool,
            ListQueueRequest {
                page_size: 1,
                ..Default::default()
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert!(queues.iter().any(|q| q.name == "default"));
    client.get_queue(&pool, "default").await.unwrap();

    let created = client
        .create_job(
            &job("e2e-train", "python train.py"),
            &CreateJobOptions::new(pool.clone()),
        )
        .await
        .unwrap()
        .result;
    assert!(
        created.job_id.starts_with("pytorchjob-"),
        "{}",
        created.job_id
    );
    let opts = JobOptions::new(&created.job_id, &pool);
    assert_eq!(
        client.get_job(&opts).await.unwrap().result.summary.status,
        JobStatus::Pending
    );

    // The waiter polls while the clock moves on.
    let w = waiter();
    let (running, _) = tokio::join!(
        client.wait_for_job(&opts, &[JobStatus::Running], &w),
        async {
            tokio::time::sleep(Duration::from_millis(30)).await;
            emu.advance(Duration::from_secs(4));
        }
    );
    let running = running.unwrap();
    assert_eq!(running.summary.status, JobStatus::Running);
    let pods = running.pod_list.unwrap().pods;
    assert_eq!(pods.len(), 2);
    let pod = pods[0].object_meta.name.clone();

    // Follow the log while the job runs to completion.
    let follow = client.follow_pod_logs(
        GetPodLogsRequest {
            job_id: created.job_id.clone(),
            resource_pool_id: pool.clone(),
            pod_name: pod.clone(),
            ..Default::default()
        },
        Duration::from_millis(5),
    );
    let mut lines = Vec::new();
    let mut follow = Box::pin(follow);
    while let Some(line) = follow.next().await {
        let line = line.unwrap();
        let done = line.contains("training finished");
        lines.push(line);
        if done {
            break;
        }
        emu.advance(Duration::from_secs(2));
    }
    assert!(lines[0].contains("starting: python train.py"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("step 1/")));
    let unique: std::collections::BTreeSet<_> = lines.iter().collect();
    assert_eq!(unique.len(), lines.len(), "no line twice");

    let done = client
        .wait_for_job(&opts, &[JobStatus::Succeeded], &waiter())
        .await
        .unwrap();
    assert!(!done.summary.finished_at.is_empty());

    let events = client
        .get_task_event(&GetTaskEventRequest {
            job_id: created.job_id.clone(),
            resource_pool_id: pool.clone(),
            job_framework: "PyTorchJob".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .list();
    assert!(events.events.iter().any(|e| e.reason == "JobSucceeded"));

    // A second job, listed page by page, stopped and deleted.
    let second = client
        .create_job(
            &job("e2e-second", "sleep 3600"),
            &CreateJobOptions::new(pool.clone()),
        )
        .await
        .unwrap()
        .result;
    let jobs: Vec<_> = client
        .list_jobs_stream(ListJobsRequest {
            resource_pool_id: pool.clone(),
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(jobs.len(), 2);
    let second_opts = JobOptions::new(&second.job_id, &pool);
    client.stop_job(&second_opts).await.unwrap();
    assert_eq!(
        client
            .get_job(&second_opts)
            .await
            .unwrap()
            .result
            .summary
            .status,
        JobStatus::Stopped
    );
    for o in [&opts, &second_opts] {
        client.delete_job(o).await.unwrap();
    }
    let err = client.get_job(&opts).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.is_not_found());
}

#[tokio::test]
async fn failing_job_ends_the_wait_with_an_error() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let pool = "cce-emu00a800";
    let mut labelled = job("labelled", "python ok.py");
    labelled.labels = Some(vec![Label {
        key: "emulator/fail".into(),
        value: "true".into(),
    }]);
    for request in [job("exits", "python x.py; exit 1"), labelled] {
        let created = client
            .create_job(&request, &CreateJobOptions::new(pool))
            .await
            .unwrap()
            .result;
        emu.advance(Duration::from_secs(60));
        let err = client
            .wait_for_job(
                &JobOptions::new(&created.job_id, pool),
                &[JobStatus::Succeeded],
                &waiter(),
            )
            .await
            .unwrap_err();
        assert!(matches!(err, bce_core::Error::WaitFailed { .. }), "{err:?}");
    }
}
