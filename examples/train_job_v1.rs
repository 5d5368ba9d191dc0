//! The training tour on the AIHC **v1** API (`/api/v1/...`), which the
//! service still serves and the official Go SDK still speaks: list resource
//! pools and queues, submit a job, wait until it runs, follow its logs, list
//! jobs, stop and delete the job. The quick start does the same through the
//! current OpenAPI v2 (`aihc_train::v2`).
//!
//! ```text
//! cargo run --example train_job_v1                   # offline, on the emulator
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=… BCE_REGION=bj
//! export AIHC_RESOURCE_POOL_ID=cce-xxxxxxxx           # AIHC_QUEUE for serverless pools
//! cargo run --example train_job_v1                   # on your account
//! ```

use std::time::{Duration, Instant};

use aihc_train::{
    Client, CreateJobOptions, CreateJobRequest, GetPodLogsRequest, JobOptions, JobSpec, JobStatus,
    ListJobsRequest, ListQueueRequest, ListResourcePoolRequest, Resource,
};
use bce_core::{Config, Waiter};
use bce_emulator::Emulator;
use futures::{StreamExt, TryStreamExt};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    let real = std::env::var("BCE_ACCESS_KEY_ID").is_ok_and(|v| !v.trim().is_empty());
    let mut _emulator = None;
    let (config, poll) = if real {
        (Config::from_env()?, Duration::from_secs(5))
    } else {
        let emu = Emulator::builder().speed(40.0).start().await?;
        println!(
            "No BCE_ACCESS_KEY_ID set: using the in-process emulator at {}",
            emu.endpoint()
        );
        let config = emu.config()?;
        _emulator = Some(emu);
        (config, Duration::from_millis(50))
    };
    let client = Client::new(config)?;
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_default();

    println!("== Resource pools ==");
    let pools: Vec<_> = client
        .list_resource_pool_stream(ListResourcePoolRequest::default())
        .try_collect()
        .await?;
    for p in &pools {
        println!(
            "  {}  {}  {}",
            p.metadata.id, p.metadata.name, p.status.phase
        );
    }
    let pool = match std::env::var("AIHC_RESOURCE_POOL_ID")
        .ok()
        .or_else(|| pools.first().map(|p| p.metadata.id.clone()))
    {
        Some(p) => p,
        None => return Err("no resource pool found (set AIHC_RESOURCE_POOL_ID)".into()),
    };

    println!("== Queues of {pool} ==");
    let queues: Vec<_> = client
        .list_queue_stream(&pool, ListQueueRequest::default())
        .try_collect()
        .await?;
    for q in &queues {
        println!("  {}  {}  {}", q.name, q.queue_type, q.state);
    }

    println!("== Training job ==");
    let job = CreateJobRequest {
        name: "bce-sdk-rust-example".into(),
        queue: queue.clone(),
        job_framework: "PyTorchJob".into(),
        job_spec: JobSpec {
            command: "for i in $(seq 1 10); do echo step $i; sleep 2; done".into(),
            image: "registry.baidubce.com/cce-public/busybox:latest".into(),
            replicas: 1,
            resources: Some(vec![Resource {
                name: "cpu".into(),
                quantity: 1.0,
            }]),
            ..Default::default()
        },
        ..Default::default()
    };
    let created = client
        .create_job(&job, &CreateJobOptions::new(pool.clone()))
        .await?;
    let options = JobOptions::new(created.result.job_id.clone(), pool.clone()).with_queue(queue);
    println!("  created job {}", options.job_id);

    let waiter = Waiter::new(Duration::from_secs(900)).with_interval(poll, poll * 6);
    let detail = client
        .wait_for_job(
            &options,
            &[JobStatus::Running, JobStatus::Succeeded],
            &waiter,
        )
        .await?;
    println!("  job is {}", detail.summary.status);

    if let Some(pod) = detail.pod_list.and_then(|p| p.pods.into_iter().next()) {
        println!("== Logs of {} ==", pod.object_meta.name);
        let args = GetPodLogsRequest {
            job_id: options.job_id.clone(),
            resource_pool_id: pool.clone(),
            pod_name: pod.object_meta.name,
            ..Default::default()
        };
        // v1 has no exact marker: the follower re-reads a little and drops
        // the lines it has already shown.
        let mut lines = Box::pin(
            client
                .follow_pod_logs(args, poll.max(Duration::from_millis(100)))
                .take(40),
        );
        let deadline = Instant::now() + Duration::from_secs(if real { 120 } else { 20 });
        while let Ok(Some(line)) = tokio::time::timeout(
            deadline.saturating_duration_since(Instant::now()),
            lines.next(),
        )
        .await
        {
            let line = line?;
            println!("  | {line}");
            if line.contains("training finished") || line.contains("exited with code") {
                break;
            }
        }
    }

    println!("== Jobs ==");
    let jobs: Vec<_> = client
        .list_jobs_stream(ListJobsRequest {
            resource_pool_id: pool.clone(),
            ..Default::default()
        })
        .take(10)
        .try_collect()
        .await?;
    for j in &jobs {
        println!("  {}  {}  {}", j.job_id, j.name, j.status);
    }

    println!("== Clean up the job ==");
    client.stop_job(&options).await?;
    client.delete_job(&options).await?;
    println!("  stopped and deleted {}", options.job_id);
    Ok(())
}
