//! Create an online service, wait until it serves, scale it, update it,
//! look at its pods and change records, and delete it — with the AIHC
//! OpenAPI v2 service API (`aihc_deploy::v2`).
//!
//! ```text
//! cargo run --example deploy_service
//! ```
//!
//! Without `BCE_ACCESS_KEY_ID` in the environment it runs against the
//! in-process emulator (`bce-emulator`), lifecycles sped up. With
//! `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY` (and `BCE_REGION`,
//! `AIHC_RESOURCE_POOL_ID`, optionally `AIHC_QUEUE`) it creates, and deletes
//! again, a small service on your account.

use std::time::Duration;

use aihc_deploy::v2::{
    Client, ContainerConf, DescribeServiceChangelogsRequest, ModifyServiceRequest,
    ResourcePoolConf, ServiceConf,
};
use bce_core::{Config, Waiter};
use bce_emulator::Emulator;
use futures::TryStreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let real = std::env::var("BCE_ACCESS_KEY_ID").is_ok_and(|v| !v.trim().is_empty());
    let mut emulator = None;
    let (config, pool, waiter) = if real {
        let pool = std::env::var("AIHC_RESOURCE_POOL_ID")
            .map_err(|_| "set AIHC_RESOURCE_POOL_ID to the pool to deploy into")?;
        let waiter = Waiter::new(Duration::from_secs(1800))
            .with_interval(Duration::from_secs(5), Duration::from_secs(30));
        (Config::from_env()?, pool, waiter)
    } else {
        let emu = Emulator::builder().speed(40.0).start().await?;
        println!(
            "No BCE_ACCESS_KEY_ID set: using the in-process bce-emulator at {}",
            emu.endpoint()
        );
        let config = emu.config()?;
        emulator = Some(emu);
        let waiter = Waiter::new(Duration::from_secs(60))
            .with_interval(Duration::from_millis(50), Duration::from_millis(200));
        (config, "cce-emu00a800".to_owned(), waiter)
    };
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_else(|_| "default".into());
    let client = Client::new(config)?;

    let conf = ServiceConf::new("bce-sdk-rust-demo")
        .with_resource_pool(ResourcePoolConf::new(pool, queue))
        .with_instance_count(1)
        .with_container(
            ContainerConf::new("web", "registry.baidubce.com/cce-public/nginx:1.25")
                .with_resources(1, 2, 0)
                .with_port("http", 80),
        );
    // No client token given: one is generated and reused if the call is
    // retried, so a flaky network cannot create two services.
    let created = client.create_service(&conf, None).await?;
    let id = created.service_id;
    println!("created {id} (client token {})", created.client_token);

    let ready = client.wait_for_service(&id, &waiter).await?;
    println!("{}", ready.summary());
    print!("{}", ready.pod_table());

    client.modify_service_replicas(&id, 2).await?;
    let scaled = client.wait_for_replicas(&id, 2, &waiter).await?;
    println!("\nscaled: {}", scaled.summary());
    print!("{}", client.describe_service_status(&id).await?.table());

    client
        .modify_service(&ModifyServiceRequest {
            service_id: id.clone(),
            service_conf: ServiceConf {
                containers: vec![ContainerConf::new(
                    "web",
                    "registry.baidubce.com/cce-public/nginx:1.27",
                )
                .with_resources(1, 2, 0)
                .with_port("http", 80)],
                ..Default::default()
            },
            description: "nginx 1.27".into(),
        })
        .await?;
    let updated = client.wait_for_update(&id, &waiter).await?;
    println!("\nupdated: {}", updated.summary());
    print!("{}", updated.pod_table());

    let changes: Vec<_> = client
        .describe_service_changelogs_stream(DescribeServiceChangelogsRequest::new(&id))
        .try_collect()
        .await?;
    println!("\nchanges:");
    for c in &changes {
        println!("  {} {:<7} {}", c.change_id, c.change_type, c.description);
    }

    client.delete_service(&id).await?;
    println!("\ndeleted {id}");
    drop(emulator);
    Ok(())
}
