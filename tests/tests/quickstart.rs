//! Runs `cargo run --example quickstart` the way a user would, without any
//! BCE credentials in the environment: it must use the emulator, finish
//! quickly, show every section, and never print the secret key, even with
//! `RUST_LOG=trace`.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The example's path; built here only when `cargo test` did not build it
/// (the test run alone) or its source is newer. `cargo test --workspace`
/// builds every example before running tests; a nested `cargo build` from
/// inside a test resolves other features and made the next build of the
/// workspace compile rustls and everything above it again.
fn quickstart() -> &'static PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/debug/deps/quickstart-… → target/debug/examples/quickstart
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
        let bin = profile_dir
            .join("examples")
            .join(format!("quickstart{}", std::env::consts::EXE_SUFFIX));
        let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let source = workspace_root().join("examples").join("quickstart.rs");
        if modified(&bin).is_some_and(|built| modified(&source).is_some_and(|s| s <= built)) {
            return bin;
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "--example", "quickstart"])
            .current_dir(workspace_root())
            .status();
        match status {
            Ok(s) if s.success() => {}
            other => assert!(bin.is_file(), "cannot build the quickstart ({other:?})"),
        }
        assert!(bin.is_file(), "{} is missing", bin.display());
        bin
    })
}

fn run(rust_log: Option<&str>) -> (Output, Duration) {
    let mut cmd = Command::new(quickstart());
    for var in [
        "BCE_ACCESS_KEY_ID",
        "BCE_SECRET_ACCESS_KEY",
        "BCE_SESSION_TOKEN",
        "BCE_ENDPOINT",
        "BCE_REGION",
        "AIHC_RESOURCE_POOL_ID",
        "AIHC_QUEUE",
        "RUST_LOG",
    ] {
        cmd.env_remove(var);
    }
    if let Some(level) = rust_log {
        cmd.env("RUST_LOG", level);
    }
    let t0 = Instant::now();
    let output = cmd.output().unwrap();
    (output, t0.elapsed())
}

#[test]
fn quickstart_runs_end_to_end_on_the_emulator() {
    let (output, elapsed) = run(None);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let first = stdout.lines().next().unwrap_or_default();
    assert!(first.contains("emulator"), "first line: {first}");
    for section in [
        "== Resource pools ==",
        "== Queues of ",
        "== Training job ==",
        "AIHC OpenAPI v2",
        "== Logs of ",
        "training finished",
        "job ended as Succeeded",
        "== Jobs ==",
        "== Clean up the job ==",
        "== Deploy an online service ==",
        "ready: 2/2 replicas",
        "== Dev machine ==",
        "deleted dev machine",
        "== Done ==",
    ] {
        assert!(
            stdout.contains(section),
            "missing '{section}' in:\n{stdout}"
        );
    }
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}

#[test]
fn quickstart_never_prints_the_secret_key_even_at_trace_level() {
    let (output, _) = run(Some("trace"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("bce_request"),
        "tracing was not enabled:\n{stderr}"
    );
    let secret = bce_emulator::DEFAULT_SECRET_ACCESS_KEY;
    assert!(!stdout.contains(secret) && !stderr.contains(secret));
    assert!(stdout
        .lines()
        .next()
        .unwrap_or_default()
        .contains("emulator"));
}
