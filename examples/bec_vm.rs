//! Create a BEC VM service in one region, wait until it runs, list its
//! instances, reboot one and wait for it, then delete the service.
//!
//! ```text
//! export BCE_ACCESS_KEY_ID=… BCE_SECRET_ACCESS_KEY=…
//! export BEC_IMAGE_ID=im-xxxxxxxx BEC_ADMIN_PASS='…'      # a BEC or BCC image of your account
//! export BEC_REGION=EAST_CHINA BEC_CITY=HANGZHOU BEC_PROVIDER=CHINA_MOBILE
//! cargo run --example bec_vm
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
    let image_id = std::env::var("BEC_IMAGE_ID").map_err(|_| "set BEC_IMAGE_ID")?;
    let password = std::env::var("BEC_ADMIN_PASS").map_err(|_| "set BEC_ADMIN_PASS")?;
    let client = Client::new(Config::from_env()?)?;

    let args = CreateVmServiceArgs {
        service_name: "bce-sdk-rust-demo".into(),
        deploy_instances: vec![DeploymentInstance {
            region: Region::from(env_or("BEC_REGION", "EAST_CHINA")),
            city: env_or("BEC_CITY", "HANGZHOU"),
            service_provider: ServiceProvider::from(env_or("BEC_PROVIDER", "CHINA_MOBILE")),
            replicas: 1,
            ..Default::default()
        }],
        cpu: 1,
        memory: 2,
        image_id,
        image_type: ImageType::Bec,
        need_public_ip: true,
        bandwidth: 10,
        system_volume: Some(SystemVolumeConfig {
            volume_type: DiskType::Nvme,
            size_in_gb: 40,
            ..Default::default()
        }),
        key_config: Some(KeyConfig {
            kind: "password".into(),
            admin_pass: password.into(),
            ..Default::default()
        }),
        payment_method: "postpay".into(),
        ..Default::default()
    };
    let created = client.create_vm_service(&args).await?;
    let service_id = created.details.service_id;
    println!("created VM service {service_id}");

    let waiter = Waiter::new(Duration::from_secs(15 * 60));
    let service = client
        .wait_for_vm_service_running(&service_id, &waiter)
        .await?;
    println!(
        "{service_id} is {} with {} instance(s)",
        service.brief.status, service.brief.total_instances
    );

    let instances: Vec<VmInstanceDetailsVo> = client
        .get_vm_instance_list_stream(ListRequest {
            service_id: service_id.clone(),
            ..Default::default()
        })
        .try_collect()
        .await?;
    for vm in &instances {
        let b = &vm.brief;
        println!("  {} {} {} {}", b.vm_id, b.status, b.region_id, b.public_ip);
    }

    if let Some(vm) = instances.first() {
        let vm_id = &vm.brief.vm_id;
        client
            .operate_vm_deployment(vm_id, &VmInstanceAction::Restart)
            .await?;
        let vm = client
            .wait_for_vm_instance_status(vm_id, &[bec::ResourceStatus::Running], &waiter)
            .await?;
        println!("rebooted {vm_id}: {}", vm.brief.status);
    }

    client.delete_vm_service(&service_id).await?;
    println!("deleted {service_id}");
    Ok(())
}
