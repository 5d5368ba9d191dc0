//! Create a training job, wait until it runs, follow its logs for a while,
//! then stop and delete it.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=… BCE_REGION=bj
//! export AIHC_RESOURCE_POOL_ID=cce-xxxxxxxx   # AIHC_QUEUE for serverless pools
//! cargo run --example train_job
//! ```

use std::time::Duration;

use aihc_train::{
    Client, CreateJobOptions, CreateJobRequest, GetPodLogsRequest, JobOptions, JobSpec, JobStatus,
    Resource,
};
use bce_core::{Config, Waiter};
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = std::env::var("AIHC_RESOURCE_POOL_ID").map_err(|_| "set AIHC_RESOURCE_POOL_ID")?;
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_default();
    let client = Client::new(Config::from_env()?)?;

    let job = CreateJobRequest {
        name: "bce-sdk-rust-example".into(),
        queue: queue.clone(),
        job_framework: "PyTorchJob".into(),
        job_spec: JobSpec {
            command: "for i in $(seq 1 60); do echo step $i; sleep 1; done".into(),
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
    println!("created job {}", options.job_id);

    let waiter = Waiter::new(Duration::from_secs(900));
    let detail = client
        .wait_for_job(&options, &[JobStatus::Running], &waiter)
        .await?;
    println!("job is {}", detail.summary.status);

    if let Some(pod) = detail.pod_list.and_then(|p| p.pods.into_iter().next()) {
        let args = GetPodLogsRequest {
            job_id: options.job_id.clone(),
            resource_pool_id: pool,
            pod_name: pod.object_meta.name,
            ..Default::default()
        };
        let mut lines = Box::pin(
            client
                .follow_pod_logs(args, Duration::from_secs(3))
                .take(20),
        );
        while let Some(line) = lines.next().await {
            println!("| {}", line?);
        }
    }

    client.stop_job(&options).await?;
    client.delete_job(&options).await?;
    println!("stopped and deleted {}", options.job_id);
    Ok(())
}
