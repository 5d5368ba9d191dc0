//! PaddleFlow end to end against the emulator's PaddleFlow mode: login and
//! re-login, users and grants, queues, file systems and links, runs through
//! their lifecycle with logs, failure and stop, pipelines, schedules, paging
//! and PaddleFlow's error shapes.

use std::time::Duration;

use bce_core::Waiter;
use bce_emulator::paddleflow::{ROOT_PASSWORD, STEP_MS};
use bce_emulator::Emulator;
use futures::{StreamExt, TryStreamExt};
use paddleflow::*;

const YAML: &str = "name: e2e\nentry_points:\n  prep:\n    command: echo one && echo two\n    docker_env: python:3.7\n  train:\n    command: echo three\n";
const FAILING: &str = "name: bad\nentry_points:\n  main:\n    command: echo start && exit 1\n";

async fn root(emu: &Emulator) -> Client {
    Client::builder(emu.paddleflow_address())
        .login("root", ROOT_PASSWORD)
        .config(bce_core::Config::builder().retry(bce_core::RetryPolicy::none()))
        .build()
        .unwrap()
}

fn waiter() -> Waiter {
    Waiter::new(Duration::from_secs(20))
        .with_interval(Duration::from_millis(5), Duration::from_millis(20))
}

fn run_from(yaml: &str) -> CreateRunRequest {
    CreateRunRequest {
        run_yaml_raw: Some(yaml.as_bytes().to_vec()),
        ..Default::default()
    }
}

#[tokio::test]
async fn login_users_queues_and_errors() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let c = root(&emu).await;
    assert!(c
        .get_version()
        .await
        .unwrap()
        .git_version
        .contains("emulator"));

    // Users and grants; a user's own client.
    c.add_user("alice", "alice-pw").await.unwrap();
    let users: Vec<User> = c
        .list_user_stream(ListUserRequest::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users.len(), 2);
    let queues = c.list_queue(&ListQueueRequest::default()).await.unwrap();
    assert_eq!(queues.queue_list[0].name, "default-queue");
    c.grant_queue("alice", "default-queue").await.unwrap();
    let grants = c
        .show_queue_grant(&ShowQueueGrantRequest::default())
        .await
        .unwrap();
    assert_eq!(grants.grant_list[0].user_name, "alice");
    let alice = Client::builder(emu.paddleflow_address())
        .login("alice", "alice-pw")
        .build()
        .unwrap();
    let err = alice
        .add_queue(&AddQueueRequest {
            name: "q".into(),
            namespace: "default".into(),
            max_resources: ResourceSpec::new("1", "1Gi"),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(403), Some("OnlyRootAllowed"))
    );
    assert!(err.request_id().is_some_and(|r| !r.is_empty()));

    // Queues.
    c.add_queue(&AddQueueRequest {
        name: "train-queue".into(),
        namespace: "default".into(),
        cluster_name: Some("default-cluster".into()),
        max_resources: ResourceSpec::new("8", "16Gi"),
        ..Default::default()
    })
    .await
    .unwrap();
    let q = c.show_queue("train-queue").await.unwrap();
    assert_eq!(
        (q.status, q.max_resources.unwrap().memory.as_str()),
        (QueueStatus::Open, "16Gi")
    );
    let q = c
        .update_queue(
            "train-queue",
            &UpdateQueueRequest {
                max_resources: Some(ResourceSpec::new("4", "8Gi")),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(q.max_resources.unwrap().cpu, "4");
    c.del_queue("train-queue").await.unwrap();
    let err = c.show_queue("train-queue").await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(404), Some("QueueNotExist"))
    );

    // Paging with markers.
    for i in 0..5 {
        c.add_flavour(&AddFlavourRequest {
            name: format!("f{i}"),
            cpu: "1".into(),
            mem: "1Gi".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    let page = c
        .list_flavour(&ListFlavourRequest {
            max_keys: Some(2),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(page.is_truncated && page.flavour_list.len() == 2);
    let all: Vec<Flavour> = c
        .list_flavour_stream(ListFlavourRequest {
            max_keys: Some(2),
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 6, "five plus the seeded one");

    // Revoked tokens: the client logs in again by itself.
    emu.revoke_paddleflow_tokens();
    assert_eq!(
        c.list_cluster(&ListClusterRequest::default())
            .await
            .unwrap()
            .cluster_list
            .len(),
        1
    );
    // A password change makes old tokens fail; a token-only client cannot recover.
    alice.get_version().await.unwrap();
    let token = alice.token().await;
    assert!(token.is_some());
    c.update_password("alice", "new-pw").await.unwrap();
    let stale = Client::builder(emu.paddleflow_address())
        .token(token.unwrap())
        .build()
        .unwrap();
    let err = stale.get_version().await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailed"));
    // Unknown routes and methods.
    let err = c
        .update_fs_cache("fs", &FsCacheOptions::default(), None)
        .await
        .unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(405), Some("MethodNotAllowed"))
    );
    let err = c.show_job("j").await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(404), Some("PathNotFound"))
    );
}

#[tokio::test]
async fn file_systems_and_links() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let c = root(&emu).await;
    let created = c
        .add_fs(&AddFsRequest {
            name: "myfs".into(),
            url: "s3://bucket/data".into(),
            properties: Some(Properties::new().with("secretKey", "sk")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.fs_id, "fs-root-myfs");
    let fs = c.show_fs("myfs", None).await.unwrap();
    assert_eq!(
        (fs.fs_type.as_str(), fs.server_address.as_str()),
        ("s3", "bucket")
    );
    c.add_link(&AddLinkRequest {
        fs_name: "myfs".into(),
        fs_path: "/l1".into(),
        url: "s3://other/x".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    let links: Vec<Link> = c
        .list_link_stream(ListLinkRequest {
            fs_name: "myfs".into(),
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        c.show_link("myfs", "/l1", None)
            .await
            .unwrap()
            .link_list
            .len(),
        1
    );
    c.create_cache(&CreateCacheRequest {
        fs_name: "myfs".into(),
        options: FsCacheOptions {
            cache_dir: Some("/cache".into()),
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        c.get_fs_cache("myfs", None).await.unwrap().cache_dir,
        "/cache"
    );
    let fss: Vec<FileSystem> = c
        .list_fs_stream(ListFsRequest::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(fss.len(), 1);
    let mount = c
        .mount("myfs", "/mnt/x", &Default::default(), None)
        .await
        .unwrap();
    assert_eq!(mount.fs_id, "fs-root-myfs");
    c.delete_link("myfs", "/l1", None).await.unwrap();
    c.delete_fs_cache("myfs", None).await.unwrap();
    c.delete_fs("myfs", None).await.unwrap();
    let err = c.show_fs("myfs", None).await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(403), Some("FileSystemNotExist"))
    );
}

#[tokio::test]
async fn run_lifecycle_logs_and_deletion() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let c = root(&emu).await;
    let run_id = c.create_run(&run_from(YAML)).await.unwrap().run_id;
    assert_eq!(
        c.show_run(&run_id).await.unwrap().status,
        RunStatus::Initiating
    );
    // Still running: not deletable.
    emu.advance(Duration::from_millis(1_500));
    let run = c.show_run(&run_id).await.unwrap();
    assert_eq!(run.status, RunStatus::Running);
    assert_eq!(run.runtime["prep"][0].status, JobStatus::Running);
    assert_eq!(run.runtime["train"][0].status, JobStatus::Pending);
    let err = c.delete_run(&run_id, None).await.unwrap_err();
    assert_eq!(err.code(), Some("ActionNotAllowed"));

    // Follow the logs while the clock moves on.
    let follow = async {
        c.follow_run_logs(&run_id, Duration::from_millis(5))
            .map(|r| r.unwrap().line)
            .collect::<Vec<_>>()
            .await
    };
    let advance = async {
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(5)).await;
            emu.advance(Duration::from_millis(200));
        }
    };
    let (lines, ()) = tokio::join!(follow, advance);
    assert_eq!(
        lines,
        [
            "[prep] starting in python:3.7",
            "one",
            "two",
            "[prep] exit code 0",
            "[train] starting in python:3.7",
            "three",
            "[train] exit code 0"
        ]
    );
    let run = c.wait_for_run(&run_id, &waiter()).await.unwrap();
    assert_eq!(run.status, RunStatus::Succeeded);
    let listed: Vec<RunBrief> = c
        .list_run_stream(ListRunRequest {
            status_filter: vec![RunStatus::Succeeded],
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    // Log paging from the end, like the server.
    let tail = c
        .show_log(
            &run_id,
            &ShowLogRequest {
                page_size: Some(2),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        tail.run_log[0].task_list[0].log_info.log_content,
        "two\n[prep] exit code 0\n"
    );
    assert!(tail.run_log[0].task_list[0].log_info.has_next_page);
    c.delete_run(&run_id, Some(false)).await.unwrap();
    let err = c.show_run(&run_id).await.unwrap_err();
    assert_eq!((err.status(), err.code()), (Some(404), Some("RunNotFound")));
}

#[tokio::test]
async fn failing_stopped_and_retried_runs() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let c = root(&emu).await;
    let bad = c.create_run(&run_from(FAILING)).await.unwrap().run_id;
    let good = c.create_run(&run_from(YAML)).await.unwrap().run_id;
    emu.advance(Duration::from_millis(1_000 + STEP_MS as u64));
    let err = c.wait_for_run(&bad, &waiter()).await.unwrap_err();
    assert!(
        err.is_wait_failure() && err.to_string().contains("main"),
        "{err}"
    );
    // Stop the other one while it runs.
    c.stop_run(&good, false).await.unwrap();
    assert_eq!(
        c.show_run(&good).await.unwrap().status,
        RunStatus::Terminating
    );
    emu.advance(Duration::from_secs(2));
    let run = c.show_run(&good).await.unwrap();
    assert_eq!(run.status, RunStatus::Terminated);
    assert_eq!(run.runtime["train"][0].status, JobStatus::Cancelled);
    let err = c.stop_run(&good, false).await.unwrap_err();
    assert_eq!(err.code(), Some("ActionNotAllowed"));
    // Retry starts a new run.
    let again = c.retry_run(&good).await.unwrap().run_id;
    assert_ne!(again, good);
    emu.advance(Duration::from_secs(10));
    assert_eq!(
        c.wait_for_run(&again, &waiter()).await.unwrap().status,
        RunStatus::Succeeded
    );
}

#[tokio::test]
async fn pipelines_and_schedules() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let c = root(&emu).await;
    let created = c
        .create_pipeline(&CreatePipelineRequest {
            yaml_raw: Some(YAML.as_bytes().to_vec()),
            desc: Some("d".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (created.name.as_str(), created.pipeline_version_id.as_str()),
        ("e2e", "1")
    );
    let v2 = c
        .update_pipeline(
            &created.pipeline_id,
            &UpdatePipelineRequest {
                yaml_raw: Some(FAILING.as_bytes().to_vec()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(v2.pipeline_version_id, "2");
    let versions: Vec<PipelineVersionBrief> = c
        .show_pipeline_stream(
            &created.pipeline_id,
            ShowPipelineRequest {
                max_keys: Some(1),
                ..Default::default()
            },
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    let v1 = c
        .show_pipeline_version(&created.pipeline_id, "1")
        .await
        .unwrap();
    assert!(v1.pipeline_version.pipeline_yaml.contains("echo three"));
    // A run from the pipeline.
    let run_id = c
        .create_run(&CreateRunRequest {
            pipeline_id: Some(created.pipeline_id.clone()),
            pipeline_version_id: Some("1".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .run_id;
    emu.advance(Duration::from_secs(10));
    assert_eq!(
        c.wait_for_run(&run_id, &waiter()).await.unwrap().status,
        RunStatus::Succeeded
    );
    // Schedules.
    let schedule = c
        .create_schedule(&CreateScheduleRequest {
            name: "nightly".into(),
            pipeline_id: created.pipeline_id.clone(),
            pipeline_version_id: "1".into(),
            crontab: "0 2 * * *".into(),
            concurrency: Some(2),
            ..Default::default()
        })
        .await
        .unwrap()
        .schedule_id;
    let listed = c
        .list_schedule(&ListScheduleRequest {
            status_filter: vec![ScheduleStatus::Running],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.schedule_list[0].options.concurrency, 2);
    c.stop_schedule(&schedule).await.unwrap();
    let shown = c
        .show_schedule(&schedule, &ShowScheduleRequest::default())
        .await
        .unwrap();
    assert_eq!(shown.schedule.status, ScheduleStatus::Terminated);
    c.delete_schedule(&schedule).await.unwrap();
    c.delete_pipeline_version(&created.pipeline_id, "2")
        .await
        .unwrap();
    c.delete_pipeline(&created.pipeline_id).await.unwrap();
    let err = c
        .show_pipeline(&created.pipeline_id, &ShowPipelineRequest::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("PipelineNotFound"));
}
