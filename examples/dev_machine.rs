//! Create a dev machine, wait until it runs, schedule a timed stop, pack it
//! into an image and wait for that, then stop and delete it.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=… BCE_REGION=bj
//! export AIHC_RESOURCE_POOL_ID=cce-xxxxxxxx AIHC_QUEUE=default
//! export DEV_RUNNING_STATUS=… DEV_FAILED_STATUS=… PACK_DONE_STATUS=… PACK_FAILED_STATUS=…
//! export DEV_CPUS=2 DEV_MEMORY_GB=4   # optional: the machine's size
//! cargo run --example dev_machine
//! ```
//!
//! The service does not document its numeric status codes; pass the values
//! your account reports through the environment.

use std::time::Duration;

use aihc_dev::*;
use bce_core::{Config, Waiter};

/// A size from the environment (`default` when unset or not a number): the
/// machine sizes an account may use depend on its pool.
fn number<N: std::str::FromStr>(name: &str, default: N) -> N {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn status<S: From<i64>>(name: &str) -> Vec<S> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
        .map(S::from)
        .into_iter()
        .collect()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = std::env::var("AIHC_RESOURCE_POOL_ID").map_err(|_| "set AIHC_RESOURCE_POOL_ID")?;
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_else(|_| "default".into());
    let client = Client::new(Config::from_env()?)?;

    let args = CreateDevInstanceArgs {
        name: "bce-sdk-rust-dev".into(),
        conf: Some(DevInstanceConf {
            resource_pool: Some(ResourcePool {
                resource_pool_id: pool,
                queue_name: queue,
                ..Default::default()
            }),
            resources: Some(Resources {
                cpus: number("DEV_CPUS", 2),
                memory: number("DEV_MEMORY_GB", 4),
                ..Default::default()
            }),
            image: Some(Image {
                image_url: "registry.baidubce.com/cce-public/busybox:latest".into(),
                ..Default::default()
            }),
            volumn_confs: Some(vec![VolumnConf {
                volumn_type: "cds".into(),
                cds: Some(Cds { capacity: 50 }),
                mount_path: "/.rootfs".into(),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        creator: std::env::var("USER").unwrap_or_else(|_| "sdk".into()),
        creator_id: std::env::var("USER").unwrap_or_else(|_| "sdk".into()),
        ..Default::default()
    };
    let id = client.create_dev_instance(&args).await?.dev_instance_id;
    println!("created dev machine {id}");

    let waiter = Waiter::new(Duration::from_secs(900));
    let running = status("DEV_RUNNING_STATUS");
    if !running.is_empty() {
        client
            .wait_for_dev_instance(&id, &running, &status("DEV_FAILED_STATUS"), &waiter)
            .await?;
        println!("running");
    }
    client
        .timed_stop_dev_instance(&TimedStopDevInstanceArgs {
            dev_instance_id: id.clone(),
            delay_sec: 3600,
            enable: true,
        })
        .await?;

    let pack = CreateDevInstanceImagePackJobArgs {
        image_name: "bce-sdk-rust-dev".into(),
        image_tag: "v1".into(),
        dev_instance_id: id.clone(),
        registry: std::env::var("REGISTRY").unwrap_or_default(),
        namespace: std::env::var("REGISTRY_NAMESPACE").unwrap_or_default(),
        username: std::env::var("REGISTRY_USER").unwrap_or_default(),
        password: std::env::var("REGISTRY_PASSWORD")
            .unwrap_or_default()
            .into(),
    };
    let job = client.create_dev_instance_image_pack_job(&pack).await?;
    let done = status("PACK_DONE_STATUS");
    if !done.is_empty() {
        let detail = DevInstanceImagePackJobDetailArgs {
            image_pack_job_id: job.image_pack_job_id,
            dev_instance_id: id.clone(),
        };
        client
            .wait_for_image_pack_job(&detail, &done, &status("PACK_FAILED_STATUS"), &waiter)
            .await?;
        println!("image packed");
    }

    let target = DevInstanceIdArgs::new(id.clone());
    client.stop_dev_instance(&target).await?;
    client.delete_dev_instance(&target).await?;
    println!("stopped and deleted {id}");
    Ok(())
}
