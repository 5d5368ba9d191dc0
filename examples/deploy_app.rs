//! Create an app, wait until it serves, scale it, turn on public access,
//! list its instances and delete it.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=… BCE_REGION=bj
//! export AIHC_RESOURCE_POOL_ID=cce-xxxxxxxx AIHC_QUEUE=default
//! cargo run --example deploy_app
//! ```

use std::time::Duration;

use aihc_deploy::*;
use bce_core::{Config, Waiter};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = std::env::var("AIHC_RESOURCE_POOL_ID").map_err(|_| "set AIHC_RESOURCE_POOL_ID")?;
    let queue = std::env::var("AIHC_QUEUE").unwrap_or_else(|_| "default".into());
    let client = Client::new(Config::from_env()?)?;

    let conf = CreateAppArgs {
        app_name: "bce-sdk-rust-demo".into(),
        ins_count: 1,
        res_pool: Some(ResPoolConf {
            res_pool_id: pool,
            queue,
        }),
        containers: vec![ContainerConf {
            name: "web".into(),
            cpus: 1,
            memory: 2,
            ports: vec![PortConf { port: 8080 }],
            image: Some(ImageConf {
                image_addr: "registry.baidubce.com/cce-public/nginx:latest".into(),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    };
    let app_id = client
        .create_app(&conf, &ExtraInfo::default())
        .await?
        .data
        .app_id;
    println!("created app {app_id}");

    let waiter = Waiter::new(Duration::from_secs(900));
    client.wait_for_app_ready(&app_id, &waiter).await?;
    println!("serving");

    client
        .scale_app(&ScaleAppArgs {
            app_id: app_id.clone(),
            ins_count: 2,
        })
        .await?;
    client.wait_for_app_ready(&app_id, &waiter).await?;
    client
        .pub_access(&PubAccessArgs {
            app_id: app_id.clone(),
            public_access: true,
            ..Default::default()
        })
        .await?;

    for pod in client
        .list_pod(&AppIdArgs::new(app_id.clone()))
        .await?
        .data
        .list
    {
        let status = pod.status.unwrap_or_default();
        println!(
            "instance {} {} ({})",
            pod.ins_id, status.ins_status, status.pod_ip
        );
    }

    client.delete_app(&AppIdArgs::new(app_id.clone())).await?;
    println!("deleted {app_id}");
    Ok(())
}
