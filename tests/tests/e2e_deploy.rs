//! AIHC custom deployment end to end against the emulator: create an app,
//! wait until it serves, page through apps and changes, scale, block and
//! delete pods, delete the app.

use std::time::Duration;

use aihc_deploy::{
    AppIdArgs, ChangeDetailArgs, Client, ContainerConf, CreateAppArgs, ExtraInfo, InsInfo,
    ListAppArgs, ListAppStatsArgs, ListBriefResPoolArgs, ListChangeArgs, PodArgs, ResPoolConf,
    ResPoolDetailArgs, ScaleAppArgs,
};
use bce_core::Waiter;
use bce_emulator::Emulator;
use futures::TryStreamExt;

fn app(name: &str, instances: i32) -> CreateAppArgs {
    CreateAppArgs {
        app_name: name.into(),
        ins_count: instances,
        res_pool: Some(ResPoolConf {
            res_pool_id: "cce-emu00a800".into(),
            queue: "default".into(),
        }),
        containers: vec![ContainerConf {
            name: "main".into(),
            cpus: 1,
            memory: 512,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn app_lifecycle_with_waiter_paginators_and_pods() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let waiter = Waiter::new(Duration::from_secs(10))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20));

    let pools: Vec<_> = client
        .list_brief_res_pool_stream(ListBriefResPoolArgs::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pools.len(), 2);
    let detail = client
        .res_pool_detail(&ResPoolDetailArgs {
            res_pool_id: pools[0].res_pool_id.clone(),
        })
        .await
        .unwrap();
    assert!(!detail.data.res_queue.is_empty());

    let id = client
        .create_app(&app("e2e-app", 2), &ExtraInfo::default())
        .await
        .unwrap()
        .data
        .app_id;
    assert!(id.starts_with("app-"));
    let stats = client
        .list_app_stats(&ListAppStatsArgs {
            app_ids: vec![id.clone()],
        })
        .await
        .unwrap()
        .data;
    assert!(!stats.apps[&id].all_ready());

    let (ready, _) = tokio::join!(client.wait_for_app_ready(&id, &waiter), async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        emu.advance(Duration::from_secs(10));
    });
    let ready = ready.unwrap();
    assert_eq!((ready.available_ins, ready.total_ins), (2, 2));

    for i in 0..3 {
        client
            .create_app(&app(&format!("other-{i}"), 1), &ExtraInfo::default())
            .await
            .unwrap();
    }
    let apps: Vec<_> = client
        .list_app_stream(
            ListAppArgs {
                page_size: 2,
                ..Default::default()
            },
            ExtraInfo::default(),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(apps.len(), 4);

    client
        .scale_app(&ScaleAppArgs {
            app_id: id.clone(),
            ins_count: 3,
        })
        .await
        .unwrap();
    let pods = pods_of(&client, &id).await;
    assert_eq!(pods.len(), 3);
    emu.advance(Duration::from_secs(10));
    client.wait_for_app_ready(&id, &waiter).await.unwrap();

    let pod = pods[0].ins_id.clone();
    client
        .block_pod(&PodArgs {
            app_id: id.clone(),
            ins_id: pod.clone(),
            block: true,
        })
        .await
        .unwrap();
    client
        .delete_pod(&PodArgs {
            app_id: id.clone(),
            ins_id: pod.clone(),
            block: false,
        })
        .await
        .unwrap();
    let pods = pods_of(&client, &id).await;
    assert_eq!(pods.len(), 3);
    assert!(pods.iter().all(|p| p.ins_id != pod));

    let changes: Vec<_> = client
        .list_change_stream(ListChangeArgs {
            app_id: id.clone(),
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(changes.len(), 2);
    let change = client
        .change_detail(&ChangeDetailArgs {
            change_id: changes[0].change_id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(change.data.short_desc, "scale to 3");

    client.app_details(&AppIdArgs::new(&id)).await.unwrap();
    client.delete_app(&AppIdArgs::new(&id)).await.unwrap();
    let err = client.app_details(&AppIdArgs::new(&id)).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
}

/// The instances of app `id`.
async fn pods_of(client: &Client, id: &str) -> Vec<InsInfo> {
    client
        .list_pod(&AppIdArgs::new(id))
        .await
        .unwrap()
        .data
        .list
}
