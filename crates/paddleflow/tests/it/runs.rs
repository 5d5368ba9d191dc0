//! Runs (with the runtime DAG), run caches, artifacts, pipelines, schedules.

use std::collections::BTreeMap;

use paddleflow::*;
use serde_json::json;

use crate::{client, expect, expect_get, expect_ok, server};

/// A run as the server shows it: a step, a DAG with a nested step, a
/// post-process step, unknown fields and nulls.
pub fn run_json(status: &str) -> serde_json::Value {
    json!({
        "runID": "run-000001", "name": "demo", "source": "run.yaml", "username": "root",
        "fsName": "myfs", "description": "", "scheduleID": "", "runMsg": "", "status": status,
        "fsOptions": {"mainFS": {"id": "fs-root-myfs", "name": "myfs", "mountPath": "/home/work", "subPath": "", "readOnly": false}, "extraFS": null},
        "parameters": {"epoch": 10},
        "runYaml": "name: demo",
        "runtime": {
            "preprocess": [{"jobID": "job-run-000001-preprocess-1", "name": "preprocess", "type": "step",
                "stepName": "preprocess", "parentDagID": "dag-1", "command": "echo pre", "status": "succeeded",
                "deps": "", "dockerEnv": "python:3.7", "startTime": "2024-03-01 10:00:00", "endTime": "2024-03-01 10:01:00",
                "jobMessage": "", "cacheRunID": "", "cacheJobID": "", "parameters": {"p": "1"}, "env": {"A": "1"},
                "extraFS": [], "artifacts": {"input": {}, "output": {"data": "/out"}},
                "cache": {"enable": false, "maxExpiredTime": "-1", "fsScope": null}, "futureField": 7}],
            "train": [{"id": "dag-2", "name": "train", "type": "dag", "dagName": "train", "parentDagID": "dag-1",
                "deps": "preprocess", "status": "running", "message": "", "startTime": "", "endTime": "",
                "parameters": {}, "artifacts": {"input": null, "output": null},
                "entryPoints": {"fit": [{"jobID": "job-run-000001-fit-1", "name": "fit", "stepName": "fit",
                    "status": "running", "entryPoints": null}]}}]
        },
        "postProcess": {"notify": {"jobID": "job-run-000001-notify-1", "name": "notify", "status": "pending"}},
        "failureOptions": {"strategy": "fail_fast"},
        "dockerEnv": "python:3.7", "disabled": "", "runCachedIDs": "",
        "createTime": "2024-03-01 10:00:00", "activateTime": "2024-03-01 10:00:01", "updateTime": "2024-03-01 10:01:00"
    })
}

#[tokio::test]
async fn runs() {
    let server = server().await;
    let c = client(&server);
    let yaml = b"name: demo\nentry_points:\n  main:\n    command: echo hello\n    docker_env: python:3.7\n";
    expect(
        &server,
        "POST",
        "/run",
        &[],
        Some(json!({"fsName": "myfs", "name": "train-run", "runYamlRaw":
            "bmFtZTogZGVtbwplbnRyeV9wb2ludHM6CiAgbWFpbjoKICAgIGNvbW1hbmQ6IGVjaG8gaGVsbG8KICAgIGRvY2tlcl9lbnY6IHB5dGhvbjozLjcK",
            "parameters": {"epoch": 10}, "disabled": "a,b", "failureOptions": {"strategy": "continue"}})),
        201,
        Some(json!({"runID": "run-000001"})),
    )
    .await;
    let created = c
        .create_run(&CreateRunRequest {
            fs_name: Some("myfs".into()),
            name: Some("train-run".into()),
            run_yaml_raw: Some(yaml.to_vec()),
            parameters: Some(BTreeMap::from([("epoch".into(), json!(10))])),
            disabled: Some(vec!["a".into(), "b".into()]),
            failure_options: Some(FailureOptions {
                strategy: FailureStrategy::Continue,
            }),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.run_id, "run-000001");
    expect_get(
        &server,
        "/run",
        &[("maxKeys", "10"), ("userFilter", "root"), ("statusFilter", "running,succeeded"), ("marker", "m")],
        json!({"maxKeys": 10, "isTruncated": false, "runList": [{"runID": "run-000001", "status": "running",
            "scheduledTime": "", "name": "demo"}]}),
    )
    .await;
    let page = c
        .list_run(&ListRunRequest {
            user_filter: Some("root".into()),
            status_filter: vec![RunStatus::Running, RunStatus::Succeeded],
            max_keys: Some(10),
            marker: Some("m".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.run_list[0].status, RunStatus::Running);
    expect_get(&server, "/run/run-000001", &[], run_json("running")).await;
    let run = c.show_run("run-000001").await.unwrap();
    assert_eq!(run.fs_options.main_fs.mount_path, "/home/work");
    let dag = &run.runtime["train"][0];
    assert!(dag.is_dag());
    assert_eq!(dag.entry_points["fit"][0].job_id, "job-run-000001-fit-1");
    assert!(!run.runtime["preprocess"][0].is_dag());
    let jobs: Vec<&str> = run
        .nodes()
        .iter()
        .map(|n| n.job_id.as_str())
        .filter(|j| !j.is_empty())
        .collect();
    assert_eq!(
        jobs,
        [
            "job-run-000001-preprocess-1",
            "job-run-000001-fit-1",
            "job-run-000001-notify-1"
        ]
    );
    assert_eq!(
        run.failure_options.unwrap().strategy,
        FailureStrategy::FailFast
    );
    expect(
        &server,
        "PUT",
        "/run/run-000001",
        &[("action", "stop")],
        Some(json!({"stopForce": true})),
        200,
        None,
    )
    .await;
    c.stop_run("run-000001", true).await.unwrap();
    expect(
        &server,
        "PUT",
        "/run/run-000001",
        &[("action", "retry")],
        None,
        200,
        Some(json!({"runID": "run-000002"})),
    )
    .await;
    assert_eq!(
        c.retry_run("run-000001").await.unwrap().run_id,
        "run-000002"
    );
    expect(
        &server,
        "DELETE",
        "/run/run-000001",
        &[],
        Some(json!({"checkCache": null})),
        200,
        None,
    )
    .await;
    c.delete_run("run-000001", None).await.unwrap();
    assert!(c
        .create_run(&CreateRunRequest {
            name: Some(" ".into()),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
    assert!(c.show_run("").await.unwrap_err().is_invalid_input());
    assert!(c
        .stop_run("a?b/c", false)
        .await
        .unwrap_err()
        .is_invalid_input());
}

#[tokio::test]
async fn escaped_ids() {
    let server = server().await;
    let c = client(&server);
    // Go's path escaping: `+` and `:` stay, `%`, space, `?`, `#` and UTF-8 are escaped.
    expect_get(
        &server,
        "/run/job%2541+x:y%20%E4%B8%AD%3F%23",
        &[],
        run_json("pending"),
    )
    .await;
    c.show_run("job%41+x:y 中?#").await.unwrap();
}

#[tokio::test]
async fn run_caches_and_artifacts() {
    let server = server().await;
    let c = client(&server);
    let cache = json!({"cacheID": "cch-000001", "firstFp": "a", "secondFp": "b", "runID": "run-1", "source": "s",
        "jobID": "j", "fsname": "myfs", "username": "root", "expiredTime": "-1", "strategy": "", "custom": "",
        "createTime": "t", "updateTime": "t"});
    expect_get(
        &server,
        "/runCache",
        &[
            ("userFilter", "root"),
            ("runFilter", "run-1"),
            ("maxKeys", "5"),
        ],
        json!({"maxKeys": 5, "isTruncated": false, "runCacheList": [cache.clone()]}),
    )
    .await;
    let page = c
        .list_cache(&ListCacheRequest {
            user_filter: Some("root".into()),
            run_filter: Some("run-1".into()),
            max_keys: Some(5),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.run_cache_list[0].fs_name, "myfs");
    expect_get(&server, "/runCache/cch-000001", &[], cache).await;
    assert_eq!(c.show_cache("cch-000001").await.unwrap().first_fp, "a");
    expect_ok(&server, "DELETE", "/runCache/cch-000001", &[]).await;
    c.delete_cache("cch-000001").await.unwrap();
    expect_get(
        &server,
        "/artifact",
        &[("typeFilter", "output"), ("pathFilter", "/data/out")],
        json!({"maxKeys": 50, "isTruncated": false, "artifactEventList": [
            {"runID": "run-1", "fsname": "myfs", "artifactPath": "/data/out", "type": "output", "artifactName": "data"}]}),
    )
    .await;
    let page = c
        .list_artifact(&ListArtifactRequest {
            type_filter: Some("output".into()),
            path_filter: Some("/data/out".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.artifact_event_list[0].artifact_type, "output");
}

#[tokio::test]
async fn pipelines() {
    let server = server().await;
    let c = client(&server);
    let ppl = json!({"pipelineID": "ppl-000001", "name": "demo", "desc": "d", "username": "root", "createTime": "t", "updateTime": "t"});
    let version = json!({"pipelineVersionID": "2", "pipelineID": "ppl-000001", "fsName": "myfs", "yamlPath": "./run.yaml",
        "pipelineYaml": "name: demo", "username": "root", "createTime": "t", "updateTime": "t"});
    expect(
        &server,
        "POST",
        "/pipeline",
        &[],
        Some(json!({"fsName": "myfs", "yamlPath": "./pipeline.yaml", "desc": "demo pipeline"})),
        201,
        Some(json!({"pipelineID": "ppl-000001", "pipelineVersionID": "1", "name": "demo"})),
    )
    .await;
    let created = c
        .create_pipeline(&CreatePipelineRequest {
            fs_name: Some("myfs".into()),
            yaml_path: Some("./pipeline.yaml".into()),
            desc: Some("demo pipeline".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (created.pipeline_id.as_str(), created.name.as_str()),
        ("ppl-000001", "demo")
    );
    expect_get(
        &server,
        "/pipeline",
        &[("nameFilter", "demo"), ("maxKeys", "3")],
        json!({"maxKeys": 3, "isTruncated": false, "pipelineList": [ppl.clone()]}),
    )
    .await;
    c.list_pipeline(&ListPipelineRequest {
        name_filter: Some("demo".into()),
        max_keys: Some(3),
        ..Default::default()
    })
    .await
    .unwrap();
    expect_get(
        &server,
        "/pipeline/ppl-000001",
        &[("fsFilter", "myfs")],
        json!({"pipeline": ppl.clone(), "pplVersions": {"maxKeys": 50, "isTruncated": false, "pplVersionList": [version.clone()]}}),
    )
    .await;
    let shown = c
        .show_pipeline(
            "ppl-000001",
            &ShowPipelineRequest {
                fs_filter: Some("myfs".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        shown.ppl_versions.ppl_version_list[0].yaml_path,
        "./run.yaml"
    );
    expect(
        &server,
        "POST",
        "/pipeline/ppl-000001",
        &[],
        Some(json!({"yamlRaw": "bmFtZTogZGVtbw=="})),
        201,
        Some(json!({"pipelineID": "ppl-000001", "pipelineVersionID": "2"})),
    )
    .await;
    let updated = c
        .update_pipeline(
            "ppl-000001",
            &UpdatePipelineRequest {
                yaml_raw: Some(b"name: demo".to_vec()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.pipeline_version_id, "2");
    expect_get(
        &server,
        "/pipeline/ppl-000001/2",
        &[],
        json!({"pipeline": ppl, "pipelineVersion": version}),
    )
    .await;
    let v = c.show_pipeline_version("ppl-000001", "2").await.unwrap();
    assert_eq!(v.pipeline_version.pipeline_yaml, "name: demo");
    expect_ok(&server, "DELETE", "/pipeline/ppl-000001/2", &[]).await;
    c.delete_pipeline_version("ppl-000001", "2").await.unwrap();
    expect_ok(&server, "DELETE", "/pipeline/ppl-000001", &[]).await;
    c.delete_pipeline("ppl-000001").await.unwrap();
    assert!(c
        .show_pipeline_version("ppl-000001", "")
        .await
        .unwrap_err()
        .is_invalid_input());
}

#[tokio::test]
async fn schedules() {
    let server = server().await;
    let c = client(&server);
    let schedule = json!({"scheduleID": "schedule-000001", "name": "nightly", "desc": "", "pipelineID": "ppl-000001",
        "pipelineVersionID": "2", "username": "root", "fsConfig": {"username": "root"}, "crontab": "0 2 * * *",
        "options": {"catchup": true, "expireInterval": 0, "concurrency": 2, "concurrencyPolicy": "replace"},
        "startTime": "", "endTime": "", "createTime": "t", "updateTime": "t", "nextRunTime": "t2",
        "scheduleMsg": "", "status": "running"});
    expect(
        &server,
        "POST",
        "/schedule",
        &[],
        Some(json!({"name": "nightly", "pipelineID": "ppl-000001", "pipelineVersionID": "2", "crontab": "0 2 * * *",
            "concurrency": 0, "concurrencyPolicy": "skip", "catchup": false})),
        201,
        Some(json!({"scheduleID": "schedule-000001"})),
    )
    .await;
    let created = c
        .create_schedule(&CreateScheduleRequest {
            name: "nightly".into(),
            pipeline_id: "ppl-000001".into(),
            pipeline_version_id: "2".into(),
            crontab: "0 2 * * *".into(),
            concurrency: Some(0),
            concurrency_policy: Some(ConcurrencyPolicy::Skip),
            catchup: Some(false),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.schedule_id, "schedule-000001");
    expect_get(
        &server,
        "/schedule",
        &[
            ("statusFilter", "running,terminated"),
            ("pplFilter", "ppl-000001"),
        ],
        json!({"maxKeys": 50, "isTruncated": false, "scheduleList": [schedule.clone()]}),
    )
    .await;
    let page = c
        .list_schedule(&ListScheduleRequest {
            ppl_filter: Some("ppl-000001".into()),
            status_filter: vec![ScheduleStatus::Running, ScheduleStatus::Terminated],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        page.schedule_list[0].options.concurrency_policy,
        ConcurrencyPolicy::Replace
    );
    let mut shown = schedule.clone();
    shown["runs"] = json!({"maxKeys": 1, "isTruncated": true, "nextMarker": "r2", "runList": [{"runID": "run-1", "status": "succeeded"}]});
    expect_get(
        &server,
        "/schedule/schedule-000001",
        &[("maxKeys", "1")],
        shown,
    )
    .await;
    let s = c
        .show_schedule(
            "schedule-000001",
            &ShowScheduleRequest {
                max_keys: Some(1),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(s.schedule.status, ScheduleStatus::Running);
    assert_eq!(s.runs.next_page().as_deref(), Some("r2"));
    expect_ok(&server, "PUT", "/schedule/schedule-000001", &[]).await;
    c.stop_schedule("schedule-000001").await.unwrap();
    expect_ok(&server, "DELETE", "/schedule/schedule-000001", &[]).await;
    c.delete_schedule("schedule-000001").await.unwrap();
    assert!(c
        .create_schedule(&CreateScheduleRequest {
            name: "n".into(),
            pipeline_id: "p".into(),
            pipeline_version_id: "1".into(),
            ..Default::default()
        })
        .await
        .unwrap_err()
        .is_invalid_input());
}
