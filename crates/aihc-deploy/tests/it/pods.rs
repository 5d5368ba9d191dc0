//! Pod, pod group and change record operations against wiremock.

use aihc_deploy::v2::*;
use serde_json::json;

use crate::{assert_acknowledged, serving};

fn pod(id: &str, phase: &str, ready: i32) -> serde_json::Value {
    json!({
        "instanceId": id,
        "containers": [{"containerId": format!("{id}-c"), "container": {"name": "main", "cpus": 1},
            "status": {"containerStatus": if ready == 1 { "Running" } else { "Waiting" }, "createdAt": 1745465654,
                       "reason": if ready == 1 { "" } else { "ContainerCreating" }}}],
        "status": {"blocked": false, "status": phase, "createdAt": 1745465590,
            "availableContainers": ready, "totalContainers": 1,
            "podIP": "10.0.7.99", "nodeIP": "10.0.7.38", "reason": ""},
        "hazard": false
    })
}

#[tokio::test]
async fn describe_service_pods() {
    let (_server, c) = serving(
        "GET",
        &[("action", "DescribeServicePods"), ("serviceId", "s-f9c14dcf3da2")],
        None,
        json!({"requestId": "1214cca7", "pods": [pod("s-f9c14dcf3da2-0", "Running", 1), pod("s-f9c14dcf3da2-1", "Pending", 0)]}),
    )
    .await;
    let pods = c.describe_service_pods("s-f9c14dcf3da2").await.unwrap();
    assert_eq!(pods.request_id, "1214cca7");
    assert_eq!(pods.pods.len(), 2);
    assert!(pods.pods[0].is_ready());
    assert!(!pods.pods[1].is_ready());
    assert_eq!(pods.pods[1].status.status, PodPhase::Pending);
    assert_eq!(
        pods.pods[0].containers[0].container.as_ref().unwrap().cpus,
        Some(1)
    );
    let table = pods.table().to_string();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "POD               STATUS   READY  BLOCKED  POD IP     NODE IP    REASON"
    );
    assert_eq!(
        lines[2],
        "s-f9c14dcf3da2-1  Pending  0/1    no       10.0.7.99  10.0.7.38  ContainerCreating"
    );
    assert_eq!(pods.pods[0].row()[0], "s-f9c14dcf3da2-0");
}

#[tokio::test]
async fn describe_service_pod_groups() {
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServicePodGroups"),
            ("serviceId", "s-abc123def"),
        ],
        None,
        json!({
            "requestId": "r-g", "resourcePoolId": "cce-1", "resourcePoolName": "pool", "queueName": "default",
            "servicePodGroups": [{
                "id": "g-0", "masters": [pod("m-0", "Running", 1)], "workers": [pod("w-0", "Running", 1), pod("w-1", "Running", 1)],
                "status": "Running", "blocked": false, "createdAt": 1745465590, "availablePods": 3, "totalPods": 3
            }]
        }),
    )
    .await;
    let groups = c.describe_service_pod_groups("s-abc123def").await.unwrap();
    assert_eq!(groups.resource_pool_id, "cce-1");
    let g = &groups.service_pod_groups[0];
    assert_eq!((g.available_pods, g.total_pods), (3, 3));
    assert_eq!(g.status, PodPhase::Running);
    assert_eq!(g.workers.len(), 2);
    let table = groups.table().to_string();
    assert!(
        table.contains("g-0    Running  3/3    no       m-0      w-0,w-1"),
        "{table}"
    );
    assert_eq!(groups.pod_table().rows.len(), 3);
}

#[tokio::test]
async fn pod_actions_are_acknowledged() {
    assert_acknowledged(&[
        // Ids are sent percent-encoded, whatever they contain.
        (
            &[
                ("action", "DeleteServicePod"),
                ("serviceId", "s-abc123def"),
                ("instanceId", "ins 实例/1+1#2&a=b"),
            ],
            |c| Box::pin(c.delete_service_pod("s-abc123def", "ins 实例/1+1#2&a=b")),
        ),
        // `block` is always sent.
        (
            &[
                ("action", "DisableServicePod"),
                ("serviceId", "s-abc123def"),
                ("instanceId", "s-abc123def-0-7c9f8"),
                ("block", "true"),
            ],
            |c| Box::pin(c.disable_service_pod("s-abc123def", "s-abc123def-0-7c9f8", true)),
        ),
        (
            &[
                ("action", "DisableServicePod"),
                ("serviceId", "s-abc123def"),
                ("instanceId", "s-abc123def-0-7c9f8"),
                ("block", "false"),
            ],
            |c| Box::pin(c.disable_service_pod("s-abc123def", "s-abc123def-0-7c9f8", false)),
        ),
    ])
    .await;
}

fn change(id: &str, kind: i64, at: i64) -> serde_json::Value {
    json!({"changeId": id, "prev": "{\"instanceCount\":1}", "changeType": kind,
           "description": "scale", "creator": "alice", "createdAt": at})
}

#[tokio::test]
async fn describe_service_changelogs() {
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServiceChangelogs"),
            ("serviceId", "s-abc123def"),
            ("changeType", "2"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
            ("orderBy", "createdAt"),
            ("order", "asc"),
        ],
        None,
        json!({"requestId": "r-c", "totalCount": 51, "pageNumber": 2, "pageSize": 50,
               "changeLogs": [change("chg-1", 2, 1745465600)]}),
    )
    .await;
    let page = c
        .describe_service_changelogs(&DescribeServiceChangelogsRequest {
            service_id: "s-abc123def".into(),
            change_type: Some(ChangeType::Update),
            page_number: 2,
            page_size: 50,
            order_by: "createdAt".into(),
            order: "asc".into(),
        })
        .await
        .unwrap();
    assert_eq!(page.total_count, 51);
    let c = &page.change_logs[0];
    assert_eq!(c.change_type, ChangeType::Update);
    assert_eq!(c.created_at, 1745465600);

    // Only the id: nothing else is sent; unknown kinds are kept.
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServiceChangelogs"),
            ("serviceId", "s-abc123def"),
        ],
        None,
        json!({"changeLogs": [change("chg-9", 9, 1)]}),
    )
    .await;
    let page = c
        .describe_service_changelogs(&DescribeServiceChangelogsRequest::new("s-abc123def"))
        .await
        .unwrap();
    assert_eq!(page.change_logs[0].change_type, ChangeType::Other(9));
    assert_eq!(page.change_logs[0].change_type.to_string(), "9");
}

#[tokio::test]
async fn describe_service_changelog() {
    let (_server, c) = serving(
        "GET",
        &[
            ("action", "DescribeServiceChangelog"),
            ("changeId", "chg 变更/9+8#7&c=d"),
        ],
        None,
        json!({"requestId": "r-1", "changeId": "chg-0a1b2c3d", "prev": "", "changeType": 3,
               "shortDesc": "scale to 3", "creator": "alice", "createdAt": 1745465600}),
    )
    .await;
    let c = c
        .describe_service_changelog("chg 变更/9+8#7&c=d")
        .await
        .unwrap();
    assert_eq!(c.change_id, "chg-0a1b2c3d");
    assert_eq!(c.change_type, ChangeType::Scale);
    assert_eq!(c.description, "scale to 3");
    assert_eq!(c.request_id, "r-1");
}
