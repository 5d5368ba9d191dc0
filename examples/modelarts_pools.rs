//! Show a Huawei Cloud ModelArts resource pool and stream its nodes.
//!
//! ```text
//! export HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=…
//! export HUAWEICLOUD_SDK_PROJECT_ID=… HUAWEICLOUD_SDK_REGION=cn-north-4
//! export MODELARTS_POOL=pool-xxxxxxxx            # the pool's metadata.name
//! cargo run --example modelarts_pools
//! ```
//!
//! Temporary credentials: also set `HUAWEICLOUD_SDK_SECURITY_TOKEN`. An
//! explicit endpoint: `HUAWEICLOUD_SDK_MODELARTS_ENDPOINT`.

use futures::StreamExt;
use modelarts::{Client, ListPoolNodesRequest, ShowPoolRequest};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool_name = std::env::var("MODELARTS_POOL").map_err(|_| "set MODELARTS_POOL")?;
    let client = Client::from_env()?;
    println!(
        "endpoint {}, project {}",
        client.endpoint(),
        client.project_id()
    );

    let pool = client.show_pool(&ShowPoolRequest::new(&pool_name)).await?;
    println!(
        "pool {} ({}): type {}, phase {}, scope {:?}",
        pool.metadata.name.as_deref().unwrap_or("?"),
        pool.metadata
            .labels
            .get("os.modelarts/name")
            .map_or("?", String::as_str),
        pool.spec.pool_type.as_deref().unwrap_or("?"),
        pool.status.phase.as_deref().unwrap_or("?"),
        pool.spec.scope,
    );
    for flavor in &pool.spec.resources {
        println!(
            "  wants {} x {}",
            flavor.count.unwrap_or_default(),
            flavor.flavor.as_deref().unwrap_or("?")
        );
    }

    let mut request = ListPoolNodesRequest::new(&pool_name);
    request.limit = Some(50);
    let nodes = client.list_pool_nodes_stream(request);
    futures::pin_mut!(nodes);
    let mut count = 0;
    while let Some(node) = nodes.next().await {
        let node = node?;
        count += 1;
        println!(
            "  node {:<28} {:<10} {:<22} {:<15} cpu {}/{} memory {}/{}",
            node.metadata.name.as_deref().unwrap_or("?"),
            node.status.phase.as_ref().map_or("?", |p| p.as_str()),
            node.spec.flavor.as_deref().unwrap_or("?"),
            node.status.private_ip.as_deref().unwrap_or("?"),
            node.status
                .available_resources
                .get("cpu")
                .map_or("?", String::as_str),
            node.status.resources.get("cpu").map_or("?", String::as_str),
            node.status
                .available_resources
                .get("memory")
                .map_or("?", String::as_str),
            node.status
                .resources
                .get("memory")
                .map_or("?", String::as_str),
        );
    }
    println!("{count} node(s)");
    Ok(())
}
