//! Users, queues, grants and flavours.

use std::collections::BTreeMap;

use paddleflow::*;
use serde_json::json;

use crate::{client, expect, expect_get, expect_ok, server};

#[tokio::test]
async fn users() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/user",
        &[],
        Some(json!({"username": "alice", "password": "Passw0rd!"})),
        200,
        Some(json!({"username": "alice"})),
    )
    .await;
    assert_eq!(
        c.add_user("alice", "Passw0rd!").await.unwrap().username,
        "alice"
    );
    expect(&server, "DELETE", "/user/alice", &[], None, 200, None).await;
    c.del_user("alice").await.unwrap();
    expect(
        &server,
        "PUT",
        "/user/bob%20smith",
        &[],
        Some(json!({"password": "N3w"})),
        200,
        None,
    )
    .await;
    c.update_password("bob smith", "N3w").await.unwrap();
    expect_get(
        &server,
        "/user",
        &[("maxKeys", "20"), ("marker", "m1")],
        json!({"maxKeys": 20, "isTruncated": true, "nextMarker": "m2",
            "userList": [{"name": "root", "createTime": "2024-03-01T10:00:00.123+08:00"}]}),
    )
    .await;
    let page = c
        .list_user(&ListUserRequest {
            max_keys: Some(20),
            marker: Some("m1".into()),
        })
        .await
        .unwrap();
    assert_eq!(page.user_list[0].name, "root");
    assert_eq!(page.next_page().as_deref(), Some("m2"));
    // Bad input is refused before sending.
    assert!(c.add_user("", "x").await.unwrap_err().is_invalid_input());
    assert!(c
        .update_password("u", "")
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c.del_user("a/b").await.unwrap_err().is_invalid_input());
    assert!(c
        .list_user(&ListUserRequest {
            max_keys: Some(0),
            marker: None
        })
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c
        .list_user(&ListUserRequest {
            max_keys: Some(1001),
            marker: None
        })
        .await
        .unwrap_err()
        .is_invalid_input());
}

fn queue_json() -> serde_json::Value {
    json!({
        "id": "q-1", "name": "train-queue", "namespace": "default", "clusterName": "c1",
        "quotaType": "volcanoCapabilityQuota", "status": "open",
        "createTime": "2024-03-01 10:00:00", "updateTime": "2024-03-01 10:00:00",
        "minResources": null,
        "maxResources": {"cpu": "20", "memory": "40Gi", "scalarResources": {"nvidia.com/gpu": "4"}},
        "location": null, "schedulingPolicy": ["priority"],
        "usedResources": {"cpu": "2", "memory": "4Gi"}, "idleResources": {"cpu": "18", "memory": "36Gi"},
        "someNewField": {"x": 1}
    })
}

#[tokio::test]
async fn queues_and_grants() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/queue",
        &[],
        Some(json!({"namespace": "default", "name": "train-queue", "clusterName": null,
            "maxResources": {"cpu": "20", "mem": "40Gi", "scalarResources": {"nvidia.com/gpu": "4"}},
            "schedulingPolicy": ["priority", "preemptible"], "quotaType": "elasticQuota"})),
        200,
        Some(json!({"name": "train-queue"})),
    )
    .await;
    let created = c
        .add_queue(&AddQueueRequest {
            name: "train-queue".into(),
            namespace: "default".into(),
            max_resources: ResourceSpec::new("20", "40Gi").with_scalar("nvidia.com/gpu", "4"),
            scheduling_policy: Some(vec!["priority".into(), "preemptible".into()]),
            quota_type: Some(QuotaType::ElasticQuota),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.name, "train-queue");
    expect(
        &server,
        "PUT",
        "/queue/train-queue",
        &[],
        Some(json!({"location": {"rack": "r1"}})),
        200,
        Some(queue_json()),
    )
    .await;
    let q = c
        .update_queue(
            "train-queue",
            &UpdateQueueRequest {
                location: Some(BTreeMap::from([("rack".into(), "r1".into())])),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(q.status, QueueStatus::Open);
    assert_eq!(q.max_resources.unwrap().memory, "40Gi");
    assert!(q.min_resources.is_none() && q.location.is_empty());
    expect_get(&server, "/queue/train-queue", &[], queue_json()).await;
    let q = c.show_queue("train-queue").await.unwrap();
    assert_eq!(q.idle_resources.unwrap().cpu, "18");
    expect_ok(&server, "DELETE", "/queue/train-queue", &[]).await;
    c.del_queue("train-queue").await.unwrap();
    expect_get(
        &server,
        "/queue",
        &[("maxKeys", "100"), ("name", "train")],
        json!({"maxKeys": 100, "isTruncated": false, "queueList": [queue_json()]}),
    )
    .await;
    let page = c
        .list_queue(&ListQueueRequest {
            max_keys: Some(100),
            name: Some("train".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.queue_list.len(), 1);
    assert!(page.next_page().is_none());

    expect(
        &server,
        "POST",
        "/grant",
        &[],
        Some(json!({"userName": "alice", "resourceType": "queue", "resourceID": "train-queue"})),
        200,
        Some(json!({"grantID": "g-1"})),
    )
    .await;
    assert_eq!(
        c.grant_queue("alice", "train-queue")
            .await
            .unwrap()
            .grant_id,
        "g-1"
    );
    expect_ok(
        &server,
        "DELETE",
        "/grant",
        &[
            ("username", "alice"),
            ("resourceType", "queue"),
            ("resourceID", "train-queue"),
        ],
    )
    .await;
    c.ungrant_queue("alice", "train-queue").await.unwrap();
    expect_get(
        &server,
        "/grant",
        &[("maxKeys", "10"), ("username", "alice")],
        json!({"maxKeys": 10, "isTruncated": false, "grantList": [
            {"grantID": "g-1", "userName": "alice", "resourceType": "queue", "resourceID": "train-queue",
             "createTime": "2024-03-01T10:00:00Z", "updateTime": "2024-03-01T10:00:00Z"}]}),
    )
    .await;
    let grants = c
        .show_queue_grant(&ShowQueueGrantRequest {
            user_name: Some("alice".into()),
            max_keys: Some(10),
            marker: None,
        })
        .await
        .unwrap();
    assert_eq!(grants.grant_list[0].resource_id, "train-queue");
    // Refused before sending.
    assert!(c
        .add_queue(&AddQueueRequest {
            name: "q".into(),
            namespace: "ns".into(),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c
        .grant_queue(" ", "q")
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c
        .ungrant_queue("u", "")
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c.show_queue("..").await.unwrap_err().is_invalid_input());
}

#[tokio::test]
async fn flavours() {
    let server = server().await;
    let c = client(&server);
    let flavour = json!({"id": "f-1", "name": "gpu", "cpu": "4", "mem": "8Gi",
        "scalarResources": {"nvidia.com/gpu": "1"}, "createTime": "t", "updateTime": "t"});
    expect_get(
        &server,
        "/flavour",
        &[
            ("maxKeys", "20"),
            ("marker", "m"),
            ("name", "gpu"),
            ("clusterName", "c1"),
        ],
        json!({"maxKeys": 20, "isTruncated": false, "flavourList": [flavour.clone()]}),
    )
    .await;
    let page = c
        .list_flavour(&ListFlavourRequest {
            max_keys: Some(20),
            marker: Some("m".into()),
            cluster_name: Some("c1".into()),
            name: Some("gpu".into()),
        })
        .await
        .unwrap();
    assert_eq!(page.flavour_list[0].scalar_resources["nvidia.com/gpu"], "1");
    expect_get(&server, "/flavour/gpu", &[], flavour.clone()).await;
    assert_eq!(c.show_flavour("gpu").await.unwrap().mem, "8Gi");
    expect(
        &server,
        "POST",
        "/flavour",
        &[],
        Some(json!({"name": "gpu", "cpu": "4", "mem": "8Gi", "scalarResources": {}})),
        200,
        Some(json!({"name": "gpu"})),
    )
    .await;
    c.add_flavour(&AddFlavourRequest {
        name: "gpu".into(),
        cpu: "4".into(),
        mem: "8Gi".into(),
        scalar_resources: Some(BTreeMap::new()),
        cluster_name: None,
    })
    .await
    .unwrap();
    expect(
        &server,
        "PUT",
        "/flavour/gpu",
        &[],
        Some(json!({"cpu": "8"})),
        200,
        Some(flavour),
    )
    .await;
    c.update_flavour(
        "gpu",
        &UpdateFlavourRequest {
            cpu: Some("8".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    expect(&server, "DELETE", "/flavour/gpu", &[], None, 200, None).await;
    c.del_flavour("gpu").await.unwrap();
    assert!(c
        .add_flavour(&AddFlavourRequest {
            name: "f".into(),
            cpu: "1".into(),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
}
