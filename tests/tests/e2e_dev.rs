//! AIHC dev machines end to end against the emulator: create, wait until
//! running, list page by page, pack an image, stop, start, timed stop,
//! events, delete.

use std::time::Duration;

use aihc_dev::{
    Client, CreateDevInstanceArgs, CreateDevInstanceImagePackJobArgs, DevInstanceConf,
    DevInstanceIdArgs, DevInstanceImagePackJobDetailArgs, DevInstanceStatus, ImagePackJobStatus,
    ListDevInstanceArgs, ListDevInstanceEventArgs, TimedStopDevInstanceArgs,
};
use bce_core::Waiter;
use bce_emulator::status::{
    DEV_FAILED, DEV_RUNNING, DEV_STARTING, DEV_STOPPED, IMAGE_PACK_FAILED, IMAGE_PACK_SUCCEEDED,
};
use bce_emulator::Emulator;
use futures::TryStreamExt;

fn machine(name: &str) -> CreateDevInstanceArgs {
    CreateDevInstanceArgs {
        name: name.into(),
        conf: Some(DevInstanceConf {
            resource_pool: Some(aihc_dev::ResourcePool {
                resource_pool_id: "cce-emu00a800".into(),
                queue_name: "default".into(),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The emulator's dev machine states as the waiters take them.
const RUNNING: &[DevInstanceStatus] = &[DevInstanceStatus(DEV_RUNNING)];
const STOPPED: &[DevInstanceStatus] = &[DevInstanceStatus(DEV_STOPPED)];
const FAILED: &[DevInstanceStatus] = &[DevInstanceStatus(DEV_FAILED)];
#[tokio::test]
async fn dev_machine_lifecycle() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let waiter = Waiter::new(Duration::from_secs(10))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20));

    let id = client
        .create_dev_instance(&machine("e2e-dev"))
        .await
        .unwrap()
        .dev_instance_id;
    let args = DevInstanceIdArgs::new(&id);
    let detail = client.query_dev_instance_detail(&args).await.unwrap();
    assert_eq!(detail.dev_instance.status, DevInstanceStatus(DEV_STARTING));

    let (running, _) = tokio::join!(
        client.wait_for_dev_instance(&id, RUNNING, FAILED, &waiter),
        async {
            tokio::time::sleep(Duration::from_millis(30)).await;
            emu.advance(Duration::from_secs(5));
        }
    );
    let running = running.unwrap();
    assert!(running.login_info.is_some());

    for i in 0..2 {
        client
            .create_dev_instance(&machine(&format!("other-{i}")))
            .await
            .unwrap();
    }
    let all: Vec<_> = client
        .list_dev_instance_stream(ListDevInstanceArgs {
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);

    let pack = client
        .create_dev_instance_image_pack_job(&CreateDevInstanceImagePackJobArgs {
            image_name: "my-env".into(),
            image_tag: "v1".into(),
            dev_instance_id: id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    emu.advance(Duration::from_secs(6));
    client
        .wait_for_image_pack_job(
            &DevInstanceImagePackJobDetailArgs {
                image_pack_job_id: pack.image_pack_job_id,
                dev_instance_id: id.clone(),
            },
            &[ImagePackJobStatus(IMAGE_PACK_SUCCEEDED)],
            &[ImagePackJobStatus(IMAGE_PACK_FAILED)],
            &waiter,
        )
        .await
        .unwrap();

    client.stop_dev_instance(&args).await.unwrap();
    emu.advance(Duration::from_secs(3));
    client
        .wait_for_dev_instance(&id, STOPPED, FAILED, &waiter)
        .await
        .unwrap();
    client.start_dev_instance(&args).await.unwrap();
    emu.advance(Duration::from_secs(5));
    client
        .wait_for_dev_instance(&id, RUNNING, FAILED, &waiter)
        .await
        .unwrap();

    client
        .timed_stop_dev_instance(&TimedStopDevInstanceArgs {
            dev_instance_id: id.clone(),
            delay_sec: 60,
            enable: true,
        })
        .await
        .unwrap();
    emu.advance(Duration::from_secs(65));
    client
        .wait_for_dev_instance(&id, STOPPED, FAILED, &waiter)
        .await
        .unwrap();

    let events = client
        .list_dev_instance_event(&ListDevInstanceEventArgs {
            dev_instance_id: id.clone(),
            page_size: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(events.events.iter().any(|e| e.reason == "Stopping"));

    client.delete_dev_instance(&args).await.unwrap();
    let err = client.query_dev_instance_detail(&args).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
}

#[tokio::test]
async fn a_failing_dev_machine_ends_the_wait() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let id = client
        .create_dev_instance(&machine("will-fail"))
        .await
        .unwrap()
        .dev_instance_id;
    emu.advance(Duration::from_secs(10));
    let err = client
        .wait_for_dev_instance(&id, RUNNING, FAILED, &Waiter::new(Duration::from_secs(5)))
        .await
        .unwrap_err();
    assert!(matches!(err, bce_core::Error::WaitFailed { .. }), "{err:?}");
}
