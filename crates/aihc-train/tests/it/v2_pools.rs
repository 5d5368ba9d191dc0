//! One wiremock test per v2 resource-pool and queue read: `GET /`, the
//! action, the query, `version: v2`, no body, a signature over `host` only
//! that verifies, and the typed reply.

use aihc_train::v2::*;
use serde_json::json;

use crate::v2_common::*;

fn pool_json() -> serde_json::Value {
    json!({
        "createdBy": "u-1", "resourcePoolId": POOL, "type": "common", "name": "gpu-pool",
        "region": "bj", "description": "d",
        "configuration": {"exposedPublic": false, "forbidDelete": true},
        "createdAt": "2025-05-01T00:00:00Z", "updatedAt": "2025-05-02T00:00:00Z",
        "phase": "running", "k8sVersion": "1.28.8", "runtimeType": "containerd", "runtimeVersion": "1.7",
        "associatedResources": [{"provider": "cce", "id": "cce-1", "uuid": "u", "region": "bj", "zone": "zoneA"}],
        "network": {"mode": "vpc-eni", "master": {"region": "bj", "vpcId": "vpc-1"},
                    "nodes": {"region": "bj", "vpcId": "vpc-1", "subnets": [{"subnetId": "sbn-1", "subnetCIDR": "10.0.0.0/24", "zone": "zoneA"}],
                              "securityGroups": [{"type": "common", "id": "g-1", "name": "default"}]},
                    "clusterIPCidr": "172.16.0.0/16", "maxPodsPerNode": 64},
        "pluginNames": ["volcano"],
        "bindingStorages": [{"provider": "pfs", "id": "pfs-1", "options": {"mount": "/pfs"}}],
        "bindingMonitor": null,
        "nodeNum": 4, "upgradeWorkflowID": ""
    })
}

#[tokio::test]
async fn describe_resource_pools() {
    let (server, client) = setup().await;
    pool_mock(
        "DescribeResourcePools",
        &[
            ("resourcePoolType", "common"),
            ("keywordType", "resourcePoolName"),
            ("keyword", "gpu pool/资源"),
            ("orderBy", "createdAt"),
            ("order", "ASC"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
        ],
    )
    .respond_with(reply(
        json!({"keywordType": "resourcePoolName", "keyword": "gpu", "pageSize": 50,
                               "pageNumber": 2, "totalCount": 51, "resourcePools": [pool_json()]}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_resource_pools(&DescribeResourcePoolsRequest {
            keyword_type: "resourcePoolName".into(),
            keyword: "gpu pool/资源".into(),
            order_by: "createdAt".into(),
            order: "ASC".into(),
            page_number: 2,
            page_size: 50,
            ..DescribeResourcePoolsRequest::new(ResourcePoolType::Common)
        })
        .await
        .unwrap();
    assert_eq!(r.total_count, 51);
    let pool = &r.resource_pools[0];
    assert_eq!(pool.kind, ResourcePoolType::Common);
    assert_eq!(pool.phase, ResourcePoolPhase::Running);
    assert_eq!(
        pool.configuration.as_ref().unwrap().forbid_delete,
        Some(true)
    );
    assert_eq!(
        pool.configuration.as_ref().unwrap().descheduler_enabled,
        None
    );
    let net = pool.network.as_ref().unwrap();
    assert_eq!(
        net.nodes.as_ref().unwrap().subnets[0].subnet_cidr,
        "10.0.0.0/24"
    );
    assert_eq!(net.max_pods_per_node, 64);
    assert_eq!(pool.binding_storages[0].options["mount"], "/pfs");
    assert_eq!(pool.node_num, 4);
}

#[tokio::test]
async fn describe_resource_pools_minimal_sends_only_the_type() {
    let (server, client) = setup().await;
    pool_mock(
        "DescribeResourcePools",
        &[("resourcePoolType", "dedicatedV2")],
    )
    .respond_with(reply(json!({"totalCount": 0, "resourcePools": []})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_resource_pools(&DescribeResourcePoolsRequest::new(
            ResourcePoolType::DedicatedV2,
        ))
        .await
        .unwrap();
    assert_eq!(r.total_count, 0);
}

#[tokio::test]
async fn describe_resource_pool() {
    let (server, client) = setup().await;
    pool_mock("DescribeResourcePool", &[("resourcePoolId", POOL)])
        .respond_with(reply(pool_json()))
        .expect(1)
        .mount(&server)
        .await;
    let pool = client.describe_resource_pool(POOL).await.unwrap();
    assert_eq!(pool.resource_pool_id, POOL);
    assert_eq!(pool.k8s_version, "1.28.8");
    assert_eq!(pool.associated_resources[0].zone, "zoneA");
}

#[tokio::test]
async fn describe_resource_pool_overview() {
    let (server, client) = setup().await;
    pool_mock("DescribeResourcePoolOverview", &[])
        .respond_with(reply(json!({"resourcePoolsStatisticWithType": [{
            "type": "common",
            "nodesStatistic": {"totalCount": 4},
            "acceleratorsStatistic": {"resourceType": "gpu", "capacity": 32, "allocated": 8, "idle": 24,
                                      "allocationRate": 0.25, "utilizationRate": 0.2,
                                      "acceleratorStatistics": [{"acceleratorType": "A800", "capacity": 32}]},
            "resourcesStatistic": [{"resourceType": "cpu", "capacity": 384, "allocated": "96"}],
            "resourcePoolStatistics": [{"resourcePoolId": POOL, "type": "common", "name": "gpu-pool",
                                        "nodeResourceStatistic": {"192.168.0.10": {"isAcclerator": true}}}]
        }]})))
        .expect(1)
        .mount(&server)
        .await;
    let r = client.describe_resource_pool_overview().await.unwrap();
    let s = &r.resource_pools_statistic_with_type[0];
    assert_eq!(s.nodes_statistic.as_ref().unwrap().total_count, 4);
    let acc = s.accelerators_statistic.as_ref().unwrap();
    assert_eq!(
        (acc.statistic.capacity, acc.statistic.allocation_rate),
        (32.0, 0.25)
    );
    assert_eq!(acc.accelerator_statistics[0].accelerator_type, "A800");
    assert_eq!(acc.accelerator_statistics[0].statistic.capacity, 32.0);
    assert_eq!(s.resources_statistic[0].allocated, 96.0);
    assert!(s.resource_pool_statistics[0]
        .node_resource_statistic
        .contains_key("192.168.0.10"));
}

#[tokio::test]
async fn describe_resource_pool_configuration() {
    let (server, client) = setup().await;
    pool_mock(
        "DescribeResourcePoolConfiguration",
        &[("resourcePoolId", POOL)],
    )
    .respond_with(reply(
        json!({"requestId": "req-c", "resourcePoolId": POOL, "type": "dedicatedV2",
        "configuration": {"exposedPublic": true, "forbidDelete": false, "deschedulerEnabled": true,
                          "unifiedSchedulerEnabled": false, "datasetPermissionEnabled": true,
                          "volumePermissionEnabled": false, "imageNoAuthPullEnabled": true,
                          "publicNetInferenceServiceEnable": false}}),
    ))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_resource_pool_configuration(POOL)
        .await
        .unwrap();
    assert_eq!(r.kind, ResourcePoolType::DedicatedV2);
    assert_eq!(r.configuration.exposed_public, Some(true));
    assert_eq!(
        r.configuration.public_net_inference_service_enable,
        Some(false)
    );
}

fn queue_json() -> serde_json::Value {
    json!({
        "queueId": "aihcq-7hx3kd2m", "queueName": "team-a", "description": "d", "queueType": "Elastic",
        "resourcePoolId": POOL, "createdAt": "2025-05-01T00:00:00Z", "updatedAt": "2025-05-01T00:00:00Z",
        "parentQueue": "root", "children": [{"queueId": "aihcq-child", "queueName": "sub", "queueType": "Regular"}],
        "opened": true, "reclaimable": true, "preemptable": false, "disableOversell": false,
        "queueingStrategy": "fifo", "enableVGPU": false,
        "capability": {"milliCPUcores": "96000", "memoryGi": "1024",
                       "acceleratorCardList": [{"acceleratorCount": "8", "acceleratorType": "baidu.com/a800_80g_cgpu"}]},
        "deserved": null, "runningJobs": 2, "inqueueJobs": 0, "pendingJobs": 1,
        "bindingNodes": [{"machineSpec": "bcc.gn5", "nodeNameList": ["n1"], "count": 1, "acceleratorType": "A800"}]
    })
}

#[tokio::test]
async fn describe_queues() {
    let (server, client) = setup().await;
    pool_mock(
        "DescribeQueues",
        &[
            ("resourcePoolId", POOL),
            ("keywordType", "queueName"),
            ("keyword", "team-a"),
            ("orderBy", "queueName"),
            ("order", "asc"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
        ],
    )
    .respond_with(reply(json!({"pageSize": 50, "pageNumber": 2, "keyword": "team-a",
                               "keywordType": "queueName", "totalCount": 51, "queues": [queue_json()]})))
    .expect(1)
    .mount(&server)
    .await;
    let r = client
        .describe_queues(&DescribeQueuesRequest {
            keyword_type: "queueName".into(),
            keyword: "team-a".into(),
            order_by: "queueName".into(),
            order: "asc".into(),
            page_number: 2,
            page_size: 50,
            ..DescribeQueuesRequest::new(POOL)
        })
        .await
        .unwrap();
    let q = &r.queues[0];
    assert_eq!(q.queue_type, QueueType::Elastic);
    assert_eq!(q.children[0].queue_type, QueueType::Regular);
    assert_eq!(
        q.capability.as_ref().unwrap().accelerator_card_list[0].accelerator_count,
        "8"
    );
    assert_eq!(q.deserved, None);
    assert_eq!((q.running_jobs, q.pending_jobs), (2, 1));
    assert_eq!(q.binding_nodes[0].node_name_list, ["n1"]);
}

#[tokio::test]
async fn describe_queue() {
    let (server, client) = setup().await;
    pool_mock("DescribeQueue", &[("queueId", "aihcq-7hx3kd2m")])
        .respond_with(reply(queue_json()))
        .expect(1)
        .mount(&server)
        .await;
    let q = client.describe_queue("aihcq-7hx3kd2m").await.unwrap();
    assert_eq!(q.queue_name, "team-a");
    assert!(q.opened && q.reclaimable && !q.preemptable);
}
