//! PaddleFlow: log in, start a run from a YAML, follow its logs while it
//! runs, print its steps, and delete it.
//!
//! ```text
//! cargo run --example paddleflow_run
//! ```
//!
//! Without `PADDLEFLOW_SERVER` it starts the offline emulator in-process
//! (lifecycles sped up) and says so. Against a real server:
//!
//! ```text
//! export PADDLEFLOW_SERVER=10.0.0.5:8999 PADDLEFLOW_USER=root PADDLEFLOW_PASSWORD=…
//! export PADDLEFLOW_FS=myfs                # optional: the run's file system
//! export PADDLEFLOW_RUN_YAML=./run.yaml    # optional: another workflow
//! cargo run --example paddleflow_run
//! ```

use std::time::Duration;

use bce_core::Waiter;
use futures::StreamExt;
use paddleflow::{Client, CreateRunRequest};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The workflow run when `PADDLEFLOW_RUN_YAML` is not set: two steps.
const DEMO_YAML: &str = "\
name: hello-paddleflow
docker_env: python:3.7
entry_points:
  prepare:
    command: echo preparing data && echo 42 records
    docker_env: python:3.7
  train:
    command: echo training && echo accuracy 0.93
    docker_env: paddlepaddle/paddle:2.4.2
";

#[tokio::main]
async fn main() -> Result<()> {
    // A real server, or the emulator (kept alive until the end of main).
    let (address, user, password, _emulator) = match std::env::var("PADDLEFLOW_SERVER") {
        Ok(server) => (
            server,
            std::env::var("PADDLEFLOW_USER").unwrap_or_else(|_| "root".into()),
            std::env::var("PADDLEFLOW_PASSWORD").map_err(|_| "set PADDLEFLOW_PASSWORD")?,
            None,
        ),
        Err(_) => {
            let emulator = bce_emulator::Emulator::builder()
                .speed(20.0)
                .start()
                .await?;
            println!(
                "PADDLEFLOW_SERVER is not set: using the in-process emulator at {}",
                emulator.paddleflow_address()
            );
            (
                emulator.paddleflow_address().to_owned(),
                "root".to_owned(),
                bce_emulator::paddleflow::ROOT_PASSWORD.to_owned(),
                Some(emulator),
            )
        }
    };

    let client = Client::builder(address).build()?;
    client.login(&user, password).await?;
    let version = client.get_version().await?;
    println!("logged in as {user} on PaddleFlow {}", version.git_version);

    let yaml = match std::env::var("PADDLEFLOW_RUN_YAML") {
        Ok(path) => std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?,
        Err(_) => DEMO_YAML.as_bytes().to_vec(),
    };
    let run_id = client
        .create_run(&CreateRunRequest {
            fs_name: std::env::var("PADDLEFLOW_FS").ok(),
            name: Some("bce-sdk-rust-demo".into()),
            run_yaml_raw: Some(yaml),
            ..Default::default()
        })
        .await?
        .run_id;
    println!("created run {run_id}");

    // Print every log line as it appears; the stream ends with the run.
    let mut logs = Box::pin(client.follow_run_logs(&run_id, Duration::from_millis(500)));
    while let Some(line) = logs.next().await {
        match line {
            Ok(line) => println!("  [{}] {}", line.job_id, line.line),
            Err(e) if e.is_retryable() => eprintln!("  (log poll failed, retrying: {e})"),
            Err(e) => return Err(e.into()),
        }
    }

    let waiter = Waiter::new(Duration::from_secs(600))
        .with_interval(Duration::from_millis(200), Duration::from_secs(5));
    let run = match client.wait_for_run(&run_id, &waiter).await {
        Ok(run) => run,
        Err(e) => {
            eprintln!("run {run_id} did not succeed: {e}");
            client.show_run(&run_id).await?
        }
    };
    println!(
        "run {} ended {} ({} steps):",
        run.run_id,
        run.status,
        run.nodes().len()
    );
    for node in run.nodes() {
        println!(
            "  {:<10} {:<10} {} → {}",
            node.step_name, node.status, node.start_time, node.end_time
        );
    }

    if run.status.is_final() {
        client.delete_run(&run_id, Some(false)).await?;
        println!("deleted run {run_id}");
    } else {
        client.stop_run(&run_id, true).await?;
        println!("stopped run {run_id} (status was {})", run.status);
    }
    Ok(())
}
