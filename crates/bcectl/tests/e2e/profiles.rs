//! `configure`, profiles, completions and usage errors.

use bce_emulator::{DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY};

use crate::World;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configure_writes_a_private_profile_that_later_commands_use() {
    let mut world = World::start().await;
    let run = world
        .raw(
            &[
                "configure",
                "--access-key-id",
                DEFAULT_ACCESS_KEY_ID,
                "--secret-access-key",
                DEFAULT_SECRET_ACCESS_KEY,
                "--region",
                "gz",
                "--endpoint",
                world.emulator.endpoint(),
                "--pool",
                crate::POOL,
                "--queue",
                "research",
            ],
            None,
        )
        .await
        .ok();
    assert!(run.stderr.contains("[defaults]"), "{run:?}");
    let dir = world.config_dir();
    let credentials = std::fs::read_to_string(dir.join("credentials")).unwrap();
    assert!(credentials.contains(DEFAULT_SECRET_ACCESS_KEY));
    let config = std::fs::read_to_string(dir.join("config")).unwrap();
    for line in ["region = gz", "queue = research", "pool = cce-emu00a800"] {
        assert!(config.contains(line), "{config}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["credentials", "config"] {
            let mode = std::fs::metadata(dir.join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }

    // From now on only the files: no keys in the environment, no --endpoint.
    world.env_keys = false;
    let pools = world.raw(&["pool", "list", "-o", "json"], None).await.ok();
    assert_eq!(pools.json().as_array().unwrap().len(), 2);
    // The profile's pool and queue are the defaults of the job commands.
    let listed = world.raw(&["job", "list", "-o", "json"], None).await.ok();
    assert!(listed.json().is_array());
    let dry = world.raw(&["--dry-run", "job", "list"], None).await.ok();
    assert!(
        dry.stdout.contains("resourcePoolId=cce-emu00a800"),
        "{dry:?}"
    );

    // A second profile, the secret piped in; --profile picks it.
    world
        .raw(
            &[
                "configure",
                "--profile",
                "other",
                "--access-key-id",
                DEFAULT_ACCESS_KEY_ID,
                "--secret-access-key",
                "-",
                "--endpoint",
                world.emulator.endpoint(),
            ],
            Some(&format!("{DEFAULT_SECRET_ACCESS_KEY}\n")),
        )
        .await
        .ok();
    world
        .raw(
            &["--profile", "other", "queue", "list", "--pool", crate::POOL],
            None,
        )
        .await
        .ok();
    let missing = world
        .raw(&["--profile", "nope", "pool", "list"], None)
        .await;
    assert_eq!(missing.code, 2, "{missing:?}");
    assert!(missing.stderr.contains("nope"), "{missing:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configure_without_values_off_a_terminal_is_a_usage_error() {
    let world = World::start().await;
    let run = world.raw(&["configure"], None).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!world.config_dir().exists());
    let run = world
        .raw(&["configure", "--access-key-id", "AK-ONLY"], None)
        .await;
    assert_eq!(run.code, 2, "{run:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_credentials_anywhere_is_a_usage_error() {
    let mut world = World::start().await;
    world.env_keys = false;
    let run = world.bcectl(&["pool", "list"]).await;
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("credentials"), "{run:?}");
    assert_eq!(world.emulator.requests_seen(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_flags_exit_2_and_send_nothing() {
    let world = World::start().await;
    for args in [
        &["job", "list", "--bogus"][..],
        &["nosuchcommand"],
        &["job"],
        &["aihc-train", "get-job", "--set", "noequals"],
        &[
            "aihc-train",
            "get-job",
            "--set",
            "jobId=a",
            "--set",
            "nosuchfield=1",
        ],
        &["aihc-train", "get-job", "--input", "{not json"],
        &["aihc-train", "get-job", "--input", "@/nonexistent/in.json"],
        &["aihc-train", "get-resource-pool"],
        &[
            "aihc-train",
            "get-queue",
            "--set",
            "resourcePoolId=x",
            "--set",
            "queueName=",
        ],
        &["--timeout", "soon", "pool", "list"],
        &["-o", "yaml", "pool", "list"],
        &["job", "get", "j-1"],
        &[
            "job",
            "submit",
            "--pool",
            "p",
            "-f",
            "/nonexistent/job.json",
        ],
    ] {
        let run = world.bcectl(args).await;
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(!run.stderr.trim().is_empty(), "{args:?}");
    }
    assert_eq!(world.emulator.requests_seen(), 0);
    let help = world.raw(&["--help"], None).await.ok();
    assert!(help.stdout.contains("aihc-train") && help.stdout.contains("Exit codes"));
    let list = world.raw(&["bec", "--help"], None).await.ok();
    assert!(list.stdout.contains("get-vm-service-list"), "{list:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completions_for_three_shells() {
    let world = World::start().await;
    for shell in ["bash", "zsh", "fish"] {
        let run = world.raw(&["completions", shell], None).await.ok();
        assert!(run.stdout.contains("bcectl"), "{shell}");
        assert!(
            run.stdout.contains("get-job"),
            "{shell}: service operations complete too"
        );
    }
}
