//! Create a training job through the AIHC OpenAPI v2, wait until it runs,
//! follow its log (exactly, by marker), then stop and delete it.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=… BCE_REGION=bj
//! export AIHC_RESOURCE_POOL_ID=cce-xxxxxxxx AIHC_QUEUE=default   # a queue id for managed pools
//! cargo run --example train_job
//! ```
//!
//! The same on the v1 API: `cargo run --example train_job_v1`.

use std::time::Duration;

use aihc_train::v2::{
    Client, CreateJobRequest, DescribeJobLogsRequest, DescribeJobRequest, JobKey, JobSpec,
    JobState, Resource,
};
use bce_core::{Config, Waiter};
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = std::env::var("AIHC_RESOURCE_POOL_ID").map_err(|_| "set AIHC_RESOURCE_POOL_ID")?;
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_else(|_| "default".into());
    let client = Client::new(Config::from_env()?)?;

    let job = CreateJobRequest {
        resource_pool_id: pool.clone(),
        queue_id: queue.clone(),
        name: "bce-sdk-rust-example".into(),
        command: "for i in $(seq 1 60); do echo step $i; sleep 1; done".into(),
        job_spec: JobSpec {
            image: "registry.baidubce.com/cce-public/busybox:latest".into(),
            replicas: 1,
            resources: vec![Resource::new("cpu", "1")],
            ..Default::default()
        }
        .into(),
        ..Default::default()
    };
    let created = client.create_job(&job).await?;
    let key = JobKey::new(pool, queue, created.job_id);
    println!("created job {}", key.job_id);

    let waiter = Waiter::new(Duration::from_secs(900));
    let job = client
        .wait_for_job(&key, &[JobState::Running], &waiter)
        .await?;
    println!("job is {}", job.status);

    let detail = client
        .describe_job(&DescribeJobRequest {
            need_detail: Some(true),
            ..DescribeJobRequest::new(key.clone())
        })
        .await?
        .job;
    if let Some(pod) = detail.pods.into_iter().next() {
        let mut lines = Box::pin(
            client
                .follow_job_logs(
                    DescribeJobLogsRequest::new(key.clone(), pod.name),
                    Duration::from_secs(3),
                )
                .take(20),
        );
        while let Some(line) = lines.next().await {
            println!("| {}", line?);
        }
    }

    client.stop_job(&key).await?;
    client.delete_job(&key).await?;
    println!("stopped and deleted {}", key.job_id);
    Ok(())
}
