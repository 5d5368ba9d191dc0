//! Clusters, logs and statistics.

use bce_core::Secret;
use paddleflow::*;
use serde_json::json;

use crate::{client, expect, expect_get, expect_ok, server};

fn cluster_json() -> serde_json::Value {
    json!({"id": "cluster-1", "clusterName": "gpu-cluster", "description": "gpu pool", "endpoint": "https://10.0.0.1:6443",
        "source": "OnPremise", "clusterType": "Kubernetes", "version": "1.16", "status": "online",
        "credential": "a3ViZWNvbmZpZy1TRUNSRVQ=", "setting": "{}", "namespaceList": null,
        "createTime": "t", "updateTime": "t"})
}

#[tokio::test]
async fn clusters() {
    let server = server().await;
    let c = client(&server);
    expect(
        &server,
        "POST",
        "/cluster",
        &[],
        Some(json!({"clusterName": "gpu-cluster", "endpoint": "https://10.0.0.1:6443", "clusterType": "Kubernetes",
            "credential": "a3ViZWNvbmZpZy1TRUNSRVQ=", "status": "offline", "namespaceList": ["default"]})),
        200,
        Some(cluster_json()),
    )
    .await;
    let request = CreateClusterRequest {
        cluster_name: "gpu-cluster".into(),
        endpoint: "https://10.0.0.1:6443".into(),
        cluster_type: "Kubernetes".into(),
        credential: Some(Secret::new("kubeconfig-SECRET")),
        status: Some(ClusterStatus::Offline),
        namespace_list: Some(vec!["default".into()]),
        ..Default::default()
    };
    assert!(!format!("{request:?}").contains("kubeconfig-SECRET"));
    let cluster = c.create_cluster(&request).await.unwrap();
    assert_eq!(cluster.status, ClusterStatus::Online);
    assert!(!format!("{cluster:?}").contains("a3ViZWNvbmZpZy1TRUNSRVQ="));
    expect_get(
        &server,
        "/cluster",
        &[
            ("maxKeys", "100"),
            ("clusterNames", "a,b"),
            ("clusterStatus", "online"),
        ],
        json!({"maxKeys": 100, "isTruncated": false, "clusterList": [cluster_json()]}),
    )
    .await;
    c.list_cluster(&ListClusterRequest {
        max_keys: Some(100),
        cluster_names: vec!["a".into(), "b".into()],
        cluster_status: Some(ClusterStatus::Online),
        ..Default::default()
    })
    .await
    .unwrap();
    expect_get(&server, "/cluster/gpu-cluster", &[], cluster_json()).await;
    assert_eq!(
        c.show_cluster("gpu-cluster").await.unwrap().cluster_type,
        "Kubernetes"
    );
    expect(
        &server,
        "PUT",
        "/cluster/gpu-cluster",
        &[],
        Some(json!({"description": "new"})),
        200,
        Some(cluster_json()),
    )
    .await;
    c.update_cluster(
        "gpu-cluster",
        &UpdateClusterRequest {
            description: Some("new".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    expect_ok(&server, "DELETE", "/cluster/gpu-cluster", &[]).await;
    c.delete_cluster("gpu-cluster").await.unwrap();
    expect_get(
        &server,
        "/cluster/resource",
        &[("clusterNames", "gpu-cluster,cpu-cluster")],
        json!({"gpu-cluster": {"nodeList": [{"nodeName": "n1", "schedulable": true,
            "total": {"cpu": "8", "memory": "32Gi"}, "idle": {"cpu": "4", "memory": "16Gi"}}],
            "summary": {"total": {"cpu": "8", "memory": "32Gi"}, "idle": {"cpu": "4", "memory": "16Gi"}}, "errMsg": ""}}),
    )
    .await;
    let res = c
        .list_cluster_resource(&["gpu-cluster".into(), "cpu-cluster".into()])
        .await
        .unwrap();
    assert_eq!(res["gpu-cluster"].node_list[0].idle.cpu, "4");
    expect(
        &server,
        "POST",
        "/cluster/resource",
        &[],
        Some(json!({"pageNo": null, "pageSize": 50, "queueName": "q"})),
        200,
        Some(json!({"gpu-cluster": {"allocatable": {"n1": {"cpu": 8}}, "capacity": {"n1": {"cpu": "8"}},
            "labels": {"n1": {"pool": "gpu"}}, "clusterName": "gpu-cluster"}})),
    )
    .await;
    let res = c
        .list_cluster_resource_v2(&ListClusterResourceV2Request {
            page_size: Some(50),
            queue_name: Some("q".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(res["gpu-cluster"].labels["n1"]["pool"], "gpu");
    assert!(c
        .create_cluster(&CreateClusterRequest {
            cluster_name: "x".into(),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
}

#[tokio::test]
async fn logs_and_statistics() {
    let server = server().await;
    let c = client(&server);
    expect_get(
        &server,
        "/log/run/run-000001",
        &[("jobID", "job-1"), ("pageSize", "50"), ("pageNo", "2"), ("logFilePosition", "begin")],
        json!({"submitLog": "", "runID": "run-000001", "runLog": [{"jobID": "job-1", "name": "main", "type": "step",
            "taskList": [{"taskID": "pod-1/main", "logInfo": {"logContent": "a\nb\n", "hasNextPage": false, "truncated": false}}],
            "eventList": null}, {"jobID": "job-2", "taskList": null}]}),
    )
    .await;
    let log = c
        .show_log(
            "run-000001",
            &ShowLogRequest {
                job_id: Some("job-1".into()),
                page_size: Some(50),
                page_no: Some(2),
                log_file_position: Some(LogFilePosition::Begin),
            },
        )
        .await
        .unwrap();
    assert_eq!(log.run_log[0].task_list[0].log_info.log_content, "a\nb\n");
    assert!(log.run_log[1].task_list.is_empty());
    assert!(c
        .show_log(
            "run-1",
            &ShowLogRequest {
                page_size: Some(101),
                ..Default::default()
            }
        )
        .await
        .unwrap_err()
        .is_invalid_input());
    expect_get(
        &server,
        "/log/job",
        &[
            ("jobID", "job-1"),
            ("readFromTail", "true"),
            ("lineLimit", "500"),
            ("sizeLimit", "1Mi"),
            ("type", "pod"),
        ],
        json!({"jobID": "job-1", "taskList": [], "eventList": ["Scheduled"]}),
    )
    .await;
    let log = c
        .show_log_by_limit(&ShowLogByLimitRequest {
            job_id: Some("job-1".into()),
            read_from_tail: Some(true),
            line_limit: Some(500),
            size_limit: Some("1Mi".into()),
            log_type: Some("pod".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(log.event_list, ["Scheduled"]);
    expect_get(
        &server,
        "/statistics/job/job-1",
        &[],
        json!({"metricsInfo": {"cpu_usage_rate": "0.5"}}),
    )
    .await;
    assert_eq!(
        c.get_statistics("job-1").await.unwrap().metrics_info["cpu_usage_rate"],
        "0.5"
    );
    expect_get(
        &server,
        "/statistics/jobDetail/job-1",
        &[("start", "0"), ("end", "60"), ("step", "30")],
        json!({"result": [{"taskName": "t", "taskInfo": [{"metric": "cpu", "values": [[0, "0.1"], [30, "0.2"]]}]}], "truncated": false}),
    )
    .await;
    let detail = c
        .get_statistics_detail(
            "job-1",
            &StatisticsDetailRequest {
                start: Some(0),
                end: Some(60),
                step: Some(30),
            },
        )
        .await
        .unwrap();
    assert_eq!(detail.result[0].task_info[0].values.len(), 2);
    for bad in [
        StatisticsDetailRequest {
            start: Some(-1),
            ..Default::default()
        },
        StatisticsDetailRequest {
            end: Some(5),
            ..Default::default()
        },
        StatisticsDetailRequest {
            start: Some(10),
            end: Some(5),
            step: None,
        },
        StatisticsDetailRequest {
            step: Some(0),
            ..Default::default()
        },
    ] {
        assert!(c
            .get_statistics_detail("job-1", &bad)
            .await
            .unwrap_err()
            .is_invalid_input());
    }
    expect(
        &server,
        "POST",
        "/statistics/cardTime",
        &[],
        Some(json!({"queueNames": ["q1"], "startTime": "2024-03-01 00:00:00", "endTime": null})),
        200,
        Some(json!({"data": [{"queueName": "q1", "cardTime": 12.5, "deviceType": "gpu", "detail": [
            {"userName": "root", "jobInfoList": [{"jobId": "j", "cardTime": 12.5, "deviceCount": 2}], "jobCount": 1, "totalCardTime": 12.5}]}]})),
    )
    .await;
    let ct = c
        .get_cardtime_by_queue_name(&["q1".into()], Some("2024-03-01 00:00:00"), None)
        .await
        .unwrap();
    assert_eq!(ct.data[0].detail[0].job_info_list[0].device_count, 2);
    assert!(c
        .get_cardtime_by_queue_name(&[], None, None)
        .await
        .unwrap_err()
        .is_invalid_input());
}
