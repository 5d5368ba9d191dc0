//! `bcectl <service> <operation>`, errors, dry runs and the secret scan.

use bce_emulator::Emulator;

use crate::{World, POOL, SPEED};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn table_operations_take_sets_and_input_files() {
    let world = World::start().await;
    let pools = world.json(&["aihc-train", "list-resource-pool"]).await;
    assert_eq!(
        pools["result"]["resourcePools"].as_array().unwrap().len(),
        2
    );
    let queue = world
        .json(&[
            "aihc-train",
            "get-queue",
            "--set",
            &format!("resourcePoolId={POOL}"),
            "--set",
            "queueName=research",
        ])
        .await;
    assert_eq!(queue["result"]["queue"]["name"], "research");
    // snake_case names work too, and -o table shows the top-level fields.
    let table = world
        .bcectl(&[
            "-o",
            "table",
            "aihc-train",
            "get_resource_pool",
            "--set",
            &format!("resourcePoolId={POOL}"),
        ])
        .await
        .ok();
    assert!(
        table.stdout.contains("FIELD") && table.stdout.contains("requestId"),
        "{table:?}"
    );

    // create-job from a file, with --set on top, and the id read back.
    let file = world.file(
        "create.json",
        r#"{"name": "from-file", "jobSpec": {"image": "busybox", "replicas": 1, "command": "echo hi"}}"#,
    );
    let created = world
        .bcectl(&[
            "aihc-train",
            "create-job",
            "--input",
            &format!("@{file}"),
            "--set",
            &format!("resourcePoolId={POOL}"),
            "--set",
            "jobSpec.envs[0].name=A",
            "--set",
            "jobSpec.envs[0].value=1",
        ])
        .await
        .ok()
        .json();
    let id = created["result"]["jobId"].as_str().unwrap().to_owned();
    let job = world
        .raw(
            &[
                "--endpoint",
                world.emulator.endpoint(),
                "aihc-train",
                "get-job",
                "--input",
                "-",
            ],
            Some(&format!(
                r#"{{"jobId": "{id}", "resourcePoolId": "{POOL}"}}"#
            )),
        )
        .await
        .ok()
        .json();
    assert_eq!(job["result"]["name"], "from-file");
    assert_eq!(job["result"]["envs"][0]["name"], "A");

    // The v2 job actions read the pool and the queue beside the body.
    let v2 = world
        .json(&[
            "aihc-train-v2",
            "describe-job",
            "--set",
            &format!("jobId={id}"),
            "--set",
            &format!("resourcePoolId={POOL}"),
            "--set",
            "queueID=default",
        ])
        .await;
    assert_eq!(v2["job"]["jobId"], id.as_str(), "{v2}");
    let v2_skeleton = world
        .json(&["aihc-train-v2", "create-job", "--skeleton"])
        .await;
    for key in ["resourcePoolId", "queueId", "name", "jobSpec"] {
        assert!(v2_skeleton.get(key).is_some(), "{key}: {v2_skeleton}");
    }

    // The skeleton lists every field, nested ones included.
    let skeleton = world
        .json(&["aihc-train", "create-job", "--skeleton"])
        .await;
    assert_eq!(skeleton["resourcePoolId"], "");
    assert!(
        skeleton["jobSpec"]["envs"][0].get("name").is_some(),
        "{skeleton}"
    );
    // Operations of the other crates.
    world.bcectl(&["bec", "get-vm-service-list"]).await.ok();
    world.bcectl(&["aihc-dev", "list-dev-instance"]).await.ok();
    world
        .bcectl(&["aihc-deploy", "list-brief-res-pool"])
        .await
        .ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_job_is_a_service_error_with_exit_code_1() {
    let world = World::start().await;
    let run = world
        .bcectl(&[
            "aihc-train",
            "get-job",
            "--set",
            "jobId=job-nonexistent",
            "--set",
            &format!("resourcePoolId={POOL}"),
        ])
        .await;
    assert_eq!(run.code, 1, "{run:?}");
    let line = run.stderr.trim();
    assert_eq!(line.lines().count(), 1, "{run:?}");
    for part in [
        "GetJob",
        "NotFound",
        "HTTP 404",
        "job-nonexistent",
        "request id",
    ] {
        assert!(line.contains(part), "{part}: {line}");
    }
    assert!(run.stdout.is_empty());
    let flow = world
        .bcectl(&["job", "get", "job-nonexistent", "--pool", POOL])
        .await;
    assert_eq!(flow.code, 1, "{flow:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_endpoint_is_a_transport_error_with_exit_code_3() {
    let world = World::start().await;
    let run = world
        .raw(
            &[
                "--endpoint",
                "http://127.0.0.1:9",
                "--timeout",
                "3s",
                "pool",
                "list",
            ],
            None,
        )
        .await;
    assert_eq!(run.code, 3, "{run:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_sends_nothing_and_masks_the_signature() {
    let world = World::start().await;
    let file = world.file(
        "job.json",
        r#"{"name": "dry", "command": "sleep 1", "jobSpec": {"image": "busybox", "replicas": 1, "imageConfig": {"username": "u", "password": "registry-pass-1234"}}}"#,
    );
    for endpoint in [world.emulator.endpoint(), "http://127.0.0.1:9"] {
        let run = world
            .raw(
                &[
                    "--endpoint",
                    endpoint,
                    "--dry-run",
                    "job",
                    "submit",
                    "--pool",
                    POOL,
                    "-f",
                    &file,
                ],
                None,
            )
            .await
            .ok();
        assert!(run.stdout.starts_with("POST http://127.0.0.1:"), "{run:?}");
        assert!(
            run.stdout
                .contains("/?action=CreateJob&resourcePoolId=cce-emu00a800&queueID=default"),
            "{run:?}"
        );
        let auth = run
            .stdout
            .lines()
            .find(|l| l.starts_with("Authorization: bce-auth-v1/"))
            .unwrap_or_else(|| panic!("{run:?}"));
        assert!(auth.ends_with("/***"), "{auth}");
        assert!(run.stdout.contains("\"name\": \"dry\""));
        assert!(!run.stdout.contains("registry-pass-1234"), "{run:?}");
        assert!(run.stderr.contains("nothing was sent"));
    }
    let json = world
        .json(&[
            "--dry-run",
            "-o",
            "json",
            "aihc-dev",
            "start-dev-instance",
            "--set",
            "devInstanceId=dev-1",
        ])
        .await;
    assert_eq!(json["method"], "POST");
    assert!(json["url"]
        .as_str()
        .unwrap()
        .contains("action=StartDevInstance"));
    assert_eq!(
        world.emulator.requests_seen(),
        0,
        "a dry run sent a request"
    );
}

/// With STS credentials and the most verbose logging, neither the secret
/// key nor the token appears anywhere (the world's scan checks every run).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_is_ever_printed() {
    let token = "sts-session-token-0123456789abcdef";
    let world = World::with(Emulator::builder().speed(SPEED), Some(token)).await;
    let file = world.file(
        "job.json",
        r#"{"name": "sts", "command": "echo", "jobSpec": {"image": "busybox", "replicas": 1}}"#,
    );
    for args in [
        &["--debug", "--debug", "pool", "list"][..],
        &[
            "--debug", "job", "submit", "--pool", POOL, "-f", &file, "--wait",
        ],
        &["--debug", "--debug", "--dry-run", "pool", "list"],
        &["--dry-run", "-o", "json", "queue", "list", "--pool", POOL],
        &[
            "--debug",
            "aihc-train",
            "get-job",
            "--set",
            "jobId=none",
            "--set",
            "resourcePoolId=x",
        ],
        &[
            "aihc-train",
            "file-upload",
            "--set",
            &format!("resourcePoolId={POOL}"),
        ],
    ] {
        let run = world.bcectl(args).await;
        assert!(run.code == 0 || run.code == 1, "{args:?}: {run:?}");
    }
    // The token was really used: a request without it is refused.
    let mut plain = World::with(Emulator::builder(), Some(token)).await;
    plain.session_token = None;
    let refused = plain.bcectl(&["pool", "list"]).await;
    assert_eq!(refused.code, 1, "{refused:?}");
}

/// PaddleFlow has its own login: no BCE keys, the server from --endpoint,
/// user and password from the environment (or the profile); the password
/// and the token are never printed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paddleflow_operations_log_in_with_their_own_settings() {
    let mut world = World::start().await;
    world.env_keys = false;
    let password = bce_emulator::paddleflow::ROOT_PASSWORD;
    world.envs = vec![
        ("PADDLEFLOW_USER".into(), "root".into()),
        ("PADDLEFLOW_PASSWORD".into(), password.into()),
    ];
    let address = world.emulator.paddleflow_address().to_owned();
    let queues = world
        .raw(&["--endpoint", &address, "paddleflow", "list-queue"], None)
        .await
        .ok()
        .json();
    assert!(queues.is_object(), "{queues}");
    let created = world
        .raw(
            &[
                "--endpoint",
                &address,
                "paddleflow",
                "add-user",
                "--set",
                "userName=alice",
                "--set",
                "password=alice-password-1234",
            ],
            None,
        )
        .await;
    world.secret("alice-password-1234");
    assert_eq!(created.code, 0, "{created:?}");
    // A dry run shows the login it would make, the password masked.
    let dry = world
        .raw(
            &[
                "--endpoint",
                &address,
                "--dry-run",
                "paddleflow",
                "list-run",
            ],
            None,
        )
        .await
        .ok();
    assert!(
        dry.stdout.starts_with("POST ") && dry.stdout.contains("/login"),
        "{dry:?}"
    );
    assert!(!dry.stdout.contains(password), "{dry:?}");
    // No login at all: a usage error naming the settings.
    world.envs.clear();
    let run = world
        .raw(&["--endpoint", &address, "paddleflow", "list-queue"], None)
        .await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("paddleflow_user"), "{run:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dataset_and_model_operations() {
    let world = World::start().await;
    let listed = world.json(&["aihc-data", "describe-datasets"]).await;
    assert!(listed.is_object(), "{listed}");
    let skeleton = world
        .json(&["aihc-data", "create-dataset", "--skeleton"])
        .await;
    assert!(skeleton.get("name").is_some(), "{skeleton}");
    let missing = world
        .bcectl(&[
            "aihc-data",
            "describe-model",
            "--set",
            "modelId=mo-nonexistent",
        ])
        .await;
    assert_eq!(missing.code, 1, "{missing:?}");
}

/// ModelArts signs with Huawei's keys from the official SDK's variables;
/// a dry run shows the request without the secret key or the signature.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn modelarts_dry_run_with_huawei_settings() {
    let mut world = World::start().await;
    world.env_keys = false;
    let sk = "huawei-secret-key-0123456789";
    world.secret(sk);
    world.envs = vec![
        ("HUAWEICLOUD_SDK_AK".into(), "HWAKEXAMPLE".into()),
        ("HUAWEICLOUD_SDK_SK".into(), sk.into()),
        ("HUAWEICLOUD_SDK_PROJECT_ID".into(), "proj-1".into()),
        ("HUAWEICLOUD_SDK_REGION".into(), "cn-north-4".into()),
    ];
    let run = world
        .raw(
            &[
                "--dry-run",
                "modelarts",
                "show-pool",
                "--set",
                "pool_name=pool-a",
            ],
            None,
        )
        .await
        .ok();
    assert!(run.stdout.starts_with("GET https://"), "{run:?}");
    assert!(run.stdout.contains("/v2/proj-1/pools/pool-a"), "{run:?}");
    let auth = run
        .stdout
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
        .unwrap_or_else(|| panic!("{run:?}"));
    assert!(auth.ends_with("***"), "{auth}");
    world.envs.clear();
    let none = world
        .raw(&["modelarts", "show-pool", "--set", "pool_name=p"], None)
        .await;
    assert_eq!(none.code, 2, "{none:?}");
}
