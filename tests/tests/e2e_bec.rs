//! BEC end to end against the emulator: a VM service created, waited for,
//! listed with its instances, stopped, started and deleted; a container
//! service; a load balancer; a VPC.

use std::time::Duration;

use bce_core::Waiter;
use bce_emulator::Emulator;
use bec::{
    Client, CreateBlbArgs, CreateServiceArgs, CreateVmServiceArgs, CreateVpcRequest,
    DeploymentInstance, ListBlbArgs, ListRequest, ListServiceArgs, ListVmServiceArgs, Region,
    ResourceStatus, ServiceAction, ServiceProvider, UpdateVpcRequest,
};
use futures::TryStreamExt;

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(10))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20))
}

fn placement(replicas: i64) -> Vec<DeploymentInstance> {
    vec![DeploymentInstance {
        region: Region::EastChina,
        service_provider: ServiceProvider::ChinaTelecom,
        city: "HANGZHOU".into(),
        replicas,
        ..Default::default()
    }]
}

#[tokio::test]
async fn vm_service_lifecycle_with_instances() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();

    let created = client
        .create_vm_service(&CreateVmServiceArgs {
            service_name: "e2e-vm".into(),
            vm_name: "e2e".into(),
            cpu: 2,
            memory: 4,
            image_id: "m-emulator".into(),
            need_public_ip: true,
            bandwidth: 10,
            deploy_instances: placement(3),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(created.result);
    let id = created.details.service_id.clone();
    assert!(id.starts_with("s-"));
    assert_eq!(created.details.status, ResourceStatus::Creating);

    let w = waiter();
    let (running, _) = tokio::join!(client.wait_for_vm_service_running(&id, &w), async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        emu.advance(Duration::from_secs(6));
    });
    let running = running.unwrap();
    assert_eq!(running.brief.running_instances, 3);

    client
        .create_vm_service(&CreateVmServiceArgs {
            service_name: "second".into(),
            deploy_instances: placement(1),
            ..Default::default()
        })
        .await
        .unwrap();
    let services: Vec<_> = client
        .get_vm_service_list_stream(ListVmServiceArgs {
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(services.len(), 2);

    let vms: Vec<_> = client
        .get_vm_instance_list_stream(ListRequest {
            service_id: id.clone(),
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(vms.len(), 3);
    let vm = client
        .get_virtual_machine(&vms[0].brief.vm_id)
        .await
        .unwrap();
    assert_eq!(vm.brief.status, ResourceStatus::Running);
    assert!(!vm.brief.public_ip.is_empty());

    client
        .vm_service_action(&id, &ServiceAction::Stop)
        .await
        .unwrap();
    emu.advance(Duration::from_secs(3));
    assert_eq!(
        client
            .get_vm_service_detail(&id)
            .await
            .unwrap()
            .brief
            .status,
        ResourceStatus::Stopped
    );
    client
        .vm_service_action(&id, &ServiceAction::Start)
        .await
        .unwrap();
    emu.advance(Duration::from_secs(6));
    client
        .wait_for_vm_service_running(&id, &waiter())
        .await
        .unwrap();

    client.delete_vm_service(&id).await.unwrap();
    let err = client.get_vm_service_detail(&id).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(err.is_not_found());
}

#[tokio::test]
async fn failing_vm_service_ends_the_wait() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let id = client
        .create_vm_service(&CreateVmServiceArgs {
            service_name: "will-fail".into(),
            deploy_instances: placement(1),
            ..Default::default()
        })
        .await
        .unwrap()
        .details
        .service_id;
    emu.advance(Duration::from_secs(10));
    let err = client
        .wait_for_vm_service_running(&id, &waiter())
        .await
        .unwrap_err();
    assert!(matches!(err, bce_core::Error::WaitFailed { .. }), "{err:?}");
}

#[tokio::test]
async fn containers_load_balancers_and_vpcs() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();

    // Container service.
    let svc = client
        .create_service(&CreateServiceArgs {
            service_name: "e2e-containers".into(),
            deploy_instances: placement(2),
            ..Default::default()
        })
        .await
        .unwrap()
        .details;
    emu.advance(Duration::from_secs(6));
    let running = client
        .wait_for_service_running(&svc.service_id, &waiter())
        .await
        .unwrap();
    assert_eq!(running.running_pods, 2);
    let listed: Vec<_> = client
        .list_service_stream(ListServiceArgs::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    client.delete_service(&svc.service_id).await.unwrap();
    assert_eq!(
        client
            .get_service(&svc.service_id)
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );

    // Load balancer.
    let lb = client
        .create_blb(&CreateBlbArgs {
            blb_name: "e2e-lb".into(),
            region: Region::EastChina,
            city: "HANGZHOU".into(),
            service_provider: ServiceProvider::ChinaTelecom,
            need_public_ip: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .details;
    assert!(lb.blb_id.starts_with("lb-"));
    emu.advance(Duration::from_secs(6));
    client
        .wait_for_blb_running(&lb.blb_id, &waiter())
        .await
        .unwrap();
    let lbs: Vec<_> = client
        .get_blb_list_stream(ListBlbArgs::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(lbs.len(), 1);
    client.delete_blb(&lb.blb_id).await.unwrap();
    assert_eq!(
        client
            .get_blb_detail(&lb.blb_id)
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );

    // VPCs.
    for i in 0..3 {
        client
            .create_vpc(&CreateVpcRequest {
                name: format!("vpc-{i}"),
                cidr: "192.168.0.0/16".into(),
                region_id: "cn-hangzhou-cm".into(),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let vpcs: Vec<_> = client
        .get_vpc_list_stream(ListRequest {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(vpcs.len(), 3);
    let id = vpcs[0].vpc_id.clone();
    client
        .update_vpc(
            &id,
            &UpdateVpcRequest {
                name: "renamed".into(),
                description: "by the test".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        client.get_vpc_detail(&id).await.unwrap().vpc.name,
        "renamed"
    );
    client.delete_vpc(&id).await.unwrap();
    assert_eq!(
        client.get_vpc_detail(&id).await.unwrap_err().status(),
        Some(404)
    );
}
