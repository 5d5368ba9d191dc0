//! AIHC online services (OpenAPI v2) end to end against the emulator:
//! create (retried after a 503 with the same client token), wait until
//! ready, list with the stream, scale and wait, update and wait for the
//! rollout, network access, pods and pod groups, change records, delete;
//! a service that cannot start fails the waiter fast.

use std::time::Duration;

use aihc_deploy::v2::{
    ChangeType, Client, ContainerConf, DescribeServiceChangelogsRequest, DescribeServicesRequest,
    ModifyServiceNetConfigRequest, ModifyServiceRequest, PodPhase, ResourcePoolConf, ServiceConf,
    UpgradeServiceRequest,
};
use bce_core::{Error, RetryPolicy, Waiter};
use bce_emulator::status::{SERVICE_RUNNING, SERVICE_STOPPED};
use bce_emulator::Emulator;
use futures::TryStreamExt;

fn conf(name: &str, replicas: i32) -> ServiceConf {
    ServiceConf::new(name)
        .with_resource_pool(ResourcePoolConf::new("cce-emu00a800", "default"))
        .with_instance_count(replicas)
        .with_container(
            ContainerConf::new("main", "registry.baidubce.com/cce-public/python:3.11")
                .with_resources(1, 2, 0)
                .with_command(["python", "-m", "http.server", "8000"])
                .with_port("http", 8000)
                .with_registry_login("robot", "pw-SECRET"),
        )
}

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(20))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20))
}

/// Runs `wait` while the simulation clock is moved past a pod start.
async fn advancing<T>(emu: &Emulator, wait: impl std::future::Future<Output = T>) -> T {
    let (out, _) = tokio::join!(wait, async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        emu.advance(Duration::from_secs(5));
    });
    out
}

#[tokio::test]
async fn service_lifecycle_on_the_emulator() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let config = emu
        .config_builder()
        .unwrap()
        .retry(
            RetryPolicy::default()
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(5)),
        )
        .build()
        .unwrap();
    let client = Client::new(config).unwrap();

    // A 503 on the first attempt: the create is retried with the same
    // generated token and exactly one service exists.
    emu.faults().fail_next(1, 503);
    let created = client
        .create_service(&conf("e2e-svc", 2), None)
        .await
        .unwrap();
    let id = created.service_id.clone();
    assert!(id.starts_with("s-"), "{id}");
    assert_eq!(emu.requests_to("POST", "/"), 2);
    let again = client
        .create_service(&conf("e2e-svc", 2), Some(&created.client_token))
        .await
        .unwrap();
    assert_eq!(
        again.service_id, id,
        "the token makes the create idempotent"
    );

    let status = client.describe_service_status(&id).await.unwrap();
    assert!(!status.service[&id].all_ready());
    let ready = advancing(&emu, client.wait_for_service(&id, &waiter()))
        .await
        .unwrap();
    assert_eq!(ready.status.brief_stat.status, SERVICE_RUNNING);
    assert_eq!(ready.instances.len(), 2);
    assert!(ready.instances.iter().all(|p| p.is_ready()));
    assert!(!format!("{ready:?}").contains("pw-SECRET"));
    let table = ready.pod_table().to_string();
    assert!(table.starts_with("POD"), "{table}");
    assert_eq!(table.lines().count(), 3, "{table}");

    for i in 0..3 {
        client
            .create_service(&conf(&format!("other-{i}"), 1), None)
            .await
            .unwrap();
    }
    let all: Vec<_> = client
        .describe_services_stream(DescribeServicesRequest {
            page_size: 2,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].id, id);
    assert_eq!(all[0].resource_pool_id, "cce-emu00a800");

    // Scale to 3 and wait.
    client.modify_service_replicas(&id, 3).await.unwrap();
    let scaled = advancing(&emu, client.wait_for_replicas(&id, 3, &waiter()))
        .await
        .unwrap();
    assert_eq!(scaled.status.brief_stat.available_ins, 3);

    // Update the image: pods roll.
    let new_conf = ServiceConf {
        containers: vec![ContainerConf::new(
            "main",
            "registry.baidubce.com/cce-public/python:3.12",
        )],
        ..Default::default()
    };
    client
        .modify_service(&ModifyServiceRequest {
            service_id: id.clone(),
            service_conf: new_conf,
            description: "python 3.12".into(),
        })
        .await
        .unwrap();
    let rolling = client.describe_service(&id).await.unwrap();
    assert_eq!(rolling.status.brief_stat.total_ins, 6, "old and new pods");
    let updated = advancing(&emu, client.wait_for_update(&id, &waiter()))
        .await
        .unwrap();
    assert_eq!(updated.instances.len(), 3);
    let image = updated.service.containers[0].image.clone().unwrap();
    assert_eq!(
        image.image_url.as_deref(),
        Some("registry.baidubce.com/cce-public/python:3.12")
    );

    client
        .upgrade_service(&UpgradeServiceRequest {
            service_id: id.clone(),
            version_id: "v-2".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    advancing(&emu, client.wait_for_update(&id, &waiter()))
        .await
        .unwrap();

    client
        .modify_service_net_config(&ModifyServiceNetConfigRequest {
            service_id: id.clone(),
            public_access: true,
            eip: "100.88.1.23".into(),
        })
        .await
        .unwrap();
    let d = client.describe_service(&id).await.unwrap();
    assert_eq!(d.status.access_ips.external, "100.88.1.23");

    // Pods: take one out of traffic, delete another (it is rebuilt).
    let pods = client.describe_service_pods(&id).await.unwrap();
    assert_eq!(pods.pods.len(), 3);
    let first = pods.pods[0].instance_id.clone();
    client.disable_service_pod(&id, &first, true).await.unwrap();
    let stat = client.describe_service_status(&id).await.unwrap().service[&id].clone();
    assert_eq!((stat.available_ins, stat.total_ins), (2, 3));
    client
        .disable_service_pod(&id, &first, false)
        .await
        .unwrap();
    client.delete_service_pod(&id, &first).await.unwrap();
    let pods = client.describe_service_pods(&id).await.unwrap();
    assert_eq!(pods.pods.len(), 3);
    assert!(pods.pods.iter().all(|p| p.instance_id != first));
    assert!(pods
        .pods
        .iter()
        .any(|p| p.status.status == PodPhase::Pending));
    let groups = client.describe_service_pod_groups(&id).await.unwrap();
    assert_eq!(groups.service_pod_groups.len(), 3);
    assert_eq!(groups.queue_name, "default");
    assert_eq!(groups.table().rows.len(), 3);

    // Change records: create, scale, update, upgrade, traffic.
    let changes: Vec<_> = client
        .describe_service_changelogs_stream(DescribeServiceChangelogsRequest {
            page_size: 2,
            ..DescribeServiceChangelogsRequest::new(&id)
        })
        .try_collect()
        .await
        .unwrap();
    let kinds: Vec<ChangeType> = changes.iter().map(|c| c.change_type).collect();
    assert_eq!(
        kinds,
        [
            ChangeType::Create,
            ChangeType::Scale,
            ChangeType::Update,
            ChangeType::Update,
            ChangeType::Traffic
        ]
    );
    let update = client
        .describe_service_changelog(&changes[2].change_id)
        .await
        .unwrap();
    assert_eq!(update.description, "python 3.12");
    assert!(update.prev.contains("python:3.11"), "{}", update.prev);

    // Scale to zero, then delete.
    client.modify_service_replicas(&id, 0).await.unwrap();
    let stopped = advancing(&emu, client.wait_for_replicas(&id, 0, &waiter()))
        .await
        .unwrap();
    assert_eq!(stopped.status.brief_stat.status, SERVICE_STOPPED);
    client.delete_service(&id).await.unwrap();
    let err = client.describe_service(&id).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some("ServiceNotFound"));
}

#[tokio::test]
async fn a_service_that_cannot_start_fails_the_waiter_fast() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let id = client
        .create_service(&conf("will-fail", 1), None)
        .await
        .unwrap()
        .service_id;
    let slow = Waiter::new(Duration::from_secs(3600))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20));
    let started = std::time::Instant::now();
    let err = advancing(&emu, client.wait_for_service(&id, &slow))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::WaitFailed { ref message, .. } if message.contains("CrashLoopBackOff")),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}
