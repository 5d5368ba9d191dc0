//! The everyday flows: pools, queues, jobs, services, dev machines.

use serde_json::Value;

use crate::{World, POOL};

/// A v2 CreateJob body.
const JOB: &str = r#"{"name": "e2e", "command": "python train.py", "jobSpec": {"image": "busybox", "replicas": 1}}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pools_and_queues_in_every_format() {
    let world = World::start().await;
    let json = world.json(&["pool", "list", "-o", "json"]).await;
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["resourcePoolId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cce-emu00a800", "cce-emu00h800"]);
    let table = world.bcectl(&["pool", "list", "-o", "table"]).await.ok();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("PHASE"),
        "{table:?}"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("cce-emu00a800"));
    // Piped without -o: tab-separated rows.
    let text = world.bcectl(&["pool", "list"]).await.ok();
    assert!(text.stdout.lines().all(|l| l.contains('\t')), "{text:?}");
    assert_eq!(text.stdout.lines().count(), 2);
    let queues = world
        .bcectl(&["queue", "list", "--pool", POOL, "-o", "table"])
        .await
        .ok();
    assert!(queues.stdout.contains("research"), "{queues:?}");
    let pool = world.json(&["pool", "get", POOL]).await;
    assert_eq!(pool["resourcePoolId"], POOL);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_wait_list_get_stop_delete() {
    let world = World::start().await;
    let file = world.file("job.json", JOB);
    let submitted = world
        .bcectl(&["job", "submit", "--pool", POOL, "-f", &file, "--wait"])
        .await
        .ok();
    let id = submitted.stdout.trim().to_owned();
    assert!(id.starts_with("pytorchjob-"), "{submitted:?}");
    assert!(submitted.stderr.contains("Succeeded"), "{submitted:?}");

    let listed = world
        .json(&["job", "list", "--pool", POOL, "-o", "json"])
        .await;
    let job = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["jobId"] == id.as_str())
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(job["status"], "Succeeded");
    assert_eq!(job["queue"], "default", "the default queue");
    let table = world
        .bcectl(&[
            "job",
            "list",
            "--pool",
            POOL,
            "-o",
            "table",
            "--status",
            "succeeded",
        ])
        .await
        .ok();
    assert!(
        table.stdout.starts_with("JOB ID") && table.stdout.contains(&id),
        "{table:?}"
    );
    let none = world
        .bcectl(&["job", "list", "--pool", POOL, "--status", "Running"])
        .await
        .ok();
    assert!(none.stdout.is_empty(), "{none:?}");

    let detail = world.json(&["job", "get", &id, "--pool", POOL]).await;
    assert_eq!(detail["name"], "e2e");

    // A second job, into another queue, stopped while it runs.
    let other = world
        .json(&[
            "job", "submit", "--pool", POOL, "--queue", "research", "-f", &file, "-o", "json",
        ])
        .await;
    let other_id = other["jobId"].as_str().unwrap().to_owned();
    world
        .bcectl(&[
            "job", "wait", &other_id, "--pool", POOL, "--until", "Running",
        ])
        .await
        .ok();
    world
        .bcectl(&["job", "stop", &other_id, "--pool", POOL])
        .await
        .ok();
    let stopped = world
        .bcectl(&["job", "wait", &other_id, "--pool", POOL])
        .await;
    assert_eq!(
        stopped.code, 4,
        "a stopped job is not a success: {stopped:?}"
    );
    world
        .bcectl(&["job", "delete", &other_id, "--pool", POOL])
        .await
        .ok();
    let gone = world
        .bcectl(&["job", "get", &other_id, "--pool", POOL])
        .await;
    assert_eq!(gone.code, 1, "{gone:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_follow_until_the_job_ends() {
    let world = World::start().await;
    let file = world.file("job.json", JOB);
    let id = world
        .output(&["job", "submit", "--pool", POOL, "-f", &file])
        .await;
    let logs = world
        .bcectl(&["job", "logs", &id, "--pool", POOL, "-f"])
        .await
        .ok();
    let lines: Vec<&str> = logs.stdout.lines().collect();
    assert!(lines.iter().any(|l| l.contains("starting")), "{logs:?}");
    assert!(
        lines.last().unwrap().contains("training finished"),
        "{logs:?}"
    );
    let mut seen = std::collections::HashSet::new();
    assert!(
        lines.iter().all(|l| seen.insert(*l)),
        "no line twice: {logs:?}"
    );
    // Without -f: what is there now, once.
    let again = world
        .bcectl(&["job", "logs", &id, "--pool", POOL])
        .await
        .ok();
    assert!(again.stdout.contains("training finished"));

    // submit --follow: the id, then the log, then the end.
    let followed = world
        .bcectl(&["job", "submit", "--pool", POOL, "-f", &file, "--follow"])
        .await
        .ok();
    let mut out = followed.stdout.lines();
    assert!(out.next().unwrap().starts_with("pytorchjob-"));
    assert!(
        followed.stdout.contains("training finished"),
        "{followed:?}"
    );
    assert!(
        followed.stderr.contains("ended as Succeeded"),
        "{followed:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_job_ends_the_wait_with_exit_code_4() {
    let world = World::start().await;
    let file = world.file(
        "fail.json",
        r#"{"name": "bad", "command": "exit 1", "jobSpec": {"image": "busybox", "replicas": 1}}"#,
    );
    let run = world
        .bcectl(&["job", "submit", "--pool", POOL, "-f", &file, "--wait"])
        .await;
    assert_eq!(run.code, 4, "{run:?}");
    assert!(run.stderr.contains("Failed"), "{run:?}");
    let id = run.stdout.trim();
    let followed = world
        .bcectl(&["job", "logs", id, "--pool", POOL, "-f"])
        .await;
    assert_eq!(followed.code, 4, "{followed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_past_the_timeout_exits_3() {
    let world = World::with(bce_emulator::Emulator::builder().manual_clock(), None).await;
    let file = world.file("job.json", JOB);
    let id = world
        .output(&["job", "submit", "--pool", POOL, "-f", &file])
        .await;
    let run = world
        .bcectl(&["--timeout", "400ms", "job", "wait", &id, "--pool", POOL])
        .await;
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stderr.contains("timed out after 400ms"), "{run:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn services_create_list_scale_delete() {
    let world = World::start().await;
    // A v2 CreateService body.
    let file = world.file(
        "service.json",
        &format!(
            r#"{{"name": "svc", "instanceCount": 1,
               "resourcePool": {{"resourcePoolId": "{POOL}", "queueName": "default"}},
               "containers": [{{"name": "server", "cpus": 1, "memory": 1024,
                               "image": {{"imageUrl": "registry.baidubce.com/python:3.11"}}}}]}}"#
        ),
    );
    let id = world.output(&["service", "create", "-f", &file]).await;
    assert!(!id.is_empty());
    let list = world.json(&["service", "list", "-o", "json"]).await;
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == id.as_str()),
        "{list}"
    );
    let table = world.bcectl(&["service", "list", "-o", "table"]).await.ok();
    assert!(
        table.stdout.starts_with("SERVICE ID") && table.stdout.contains("svc"),
        "{table:?}"
    );
    world
        .bcectl(&["service", "scale", &id, "--replicas", "3"])
        .await
        .ok();
    let detail = world.json(&["service", "get", &id]).await;
    assert_eq!(detail["service"]["instanceCount"], 3, "{detail}");
    let status = world
        .json(&[
            "aihc-deploy-v2",
            "describe-service-status",
            "--set",
            &format!("serviceId={id}"),
        ])
        .await;
    assert!(status.is_object(), "{status}");
    world.bcectl(&["service", "delete", &id]).await.ok();
    let gone = world.bcectl(&["service", "get", &id]).await;
    assert_eq!(gone.code, 1, "{gone:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dev_machines_create_list_start_stop_delete() {
    let world = World::start().await;
    let file = world.file(
        "dev.json",
        &format!(
            r#"{{"name": "dev", "conf": {{"resourcePool": {{"resourcePoolType": "private", "resourcePoolId": "{POOL}", "queueName": "default"}},
               "resources": {{"cpus": 2, "memory": 4}}}}}}"#
        ),
    );
    let id = world.output(&["dev", "create", "-f", &file]).await;
    let list = world.json(&["dev", "list", "-o", "json"]).await;
    let found: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == id.as_str())
        .collect();
    assert_eq!(found.len(), 1, "{list}");
    world.bcectl(&["dev", "stop", &id]).await.ok();
    world.bcectl(&["dev", "start", &id]).await.ok();
    world.bcectl(&["dev", "delete", &id]).await.ok();
}
