//! Put a BEC load balancer in front of a VM service: create the balancer,
//! wait until it runs, add a TCP listener with a health check, bind the
//! service's VMs as backends, check their health, then clean up.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=…
//! export BEC_SERVICE_ID=s-xxxxxxxx          # a running VM service (see bec_vm)
//! export BEC_REGION=EAST_CHINA BEC_CITY=HANGZHOU BEC_PROVIDER=CHINA_MOBILE
//! cargo run --example bec_lb
//! ```

use std::time::Duration;

use bce_core::{Config, Waiter};
use bec::*;
use futures::TryStreamExt;

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let service_id = std::env::var("BEC_SERVICE_ID").map_err(|_| "set BEC_SERVICE_ID")?;
    let client = Client::new(Config::from_env()?)?;

    // 1. The balancer, in the region of the service.
    let created = client
        .create_blb(&CreateBlbArgs {
            lb_type: "vm".into(),
            payment_method: "postpay".into(),
            region: Region::from(env_or("BEC_REGION", "EAST_CHINA")),
            city: env_or("BEC_CITY", "HANGZHOU"),
            service_provider: ServiceProvider::from(env_or("BEC_PROVIDER", "CHINA_MOBILE")),
            blb_name: "bce-sdk-rust-demo".into(),
            need_public_ip: true,
            bandwidth_in_mbps_limit: 10,
            ..Default::default()
        })
        .await?;
    let blb_id = created.details.blb_id;
    println!("created load balancer {blb_id}");
    let waiter = Waiter::new(Duration::from_secs(10 * 60));
    let lb = client.wait_for_blb_running(&blb_id, &waiter).await?;
    println!("{blb_id} is {} at {}", lb.status, lb.public_ip);

    // 2. A TCP listener on 80 forwarding to 8080, probed over TCP.
    client
        .create_blb_monitor_port(
            &blb_id,
            &BlbMonitorArgs {
                frontend_port: Some(Port {
                    protocol: Protocol::Tcp,
                    port: 80,
                }),
                backend_port: 8080,
                lb_mode: LbMode::Wrr,
                health_check: Some(HealthCheck {
                    timeout_in_seconds: 3,
                    interval_in_seconds: 5,
                    unhealthy_threshold: 3,
                    healthy_threshold: 2,
                    health_check_type: HealthCheckType::Tcp,
                    ..Default::default()
                }),
                ..Default::default()
            },
        )
        .await?;
    println!("listener TCP 80 -> 8080 added");

    // 3. The service's VMs as backends, equal weights.
    let vms: Vec<VmInstanceDetailsVo> = client
        .get_vm_instance_list_stream(ListRequest {
            service_id: service_id.clone(),
            ..Default::default()
        })
        .try_collect()
        .await?;
    let backends: Vec<Backends> = vms
        .iter()
        .map(|vm| Backends {
            name: vm.brief.vm_id.clone(),
            ip: vm.brief.internal_ip.clone(),
            weight: 100,
        })
        .collect();
    client
        .create_blb_binding(
            &blb_id,
            &CreateBlbBindingArgs {
                binding_forms: vec![BlbBindingForm {
                    deployment_id: service_id.clone(),
                    default_weight: 100,
                    pod_weight: backends,
                }],
            },
        )
        .await?;

    // 4. Backend health as the balancer sees it.
    let bound: Vec<BlbBackendPodBriefVo> = client
        .get_blb_backend_pod_list_stream(&blb_id, BlbPageArgs::default())
        .try_collect()
        .await?;
    for b in &bound {
        let healthy = b.backend_port.iter().all(|p| p.health);
        println!("  {} {} healthy={healthy}", b.pod_name, b.pod_ip);
    }

    // 5. Clean up.
    client
        .delete_blb_monitor_port(
            &blb_id,
            &[Port {
                protocol: Protocol::Tcp,
                port: 80,
            }],
        )
        .await?;
    client.delete_blb(&blb_id).await?;
    println!("deleted {blb_id}");
    Ok(())
}
