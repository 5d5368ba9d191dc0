//! The quick start: a tour of the SDK that runs anywhere.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! Without `BCE_ACCESS_KEY_ID` in the environment it starts the offline
//! emulator (`bce-emulator`) in-process and runs everything against it, with
//! lifecycles sped up so the tour takes a few seconds. With
//! `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY` (and optionally
//! `BCE_REGION`, `BCE_ENDPOINT`, `AIHC_RESOURCE_POOL_ID`) it uses the real
//! service: it then creates, and deletes again, a small training job, an app
//! and a dev machine on your account.
//!
//! Set `RUST_LOG=debug` (or `trace`) to see every request on stderr;
//! credentials are never logged.
//!
//! The tour: list resource pools and queues, submit a training job, wait for
//! it, follow its logs, print a table of jobs, stop and delete the job (all
//! through the AIHC OpenAPI v2; `cargo run --example train_job_v1` is the
//! same tour on the v1 API), deploy an app and wait until it serves, create
//! a dev machine, stop it and tear both down.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::{Duration, Instant};

use aihc_deploy::v2::{ContainerConf, ResourcePoolConf, ServiceConf};
use aihc_dev::{
    CreateDevInstanceArgs, DevInstanceConf, DevInstanceIdArgs, DevInstanceStatus, Resources,
};
use aihc_train::v2;
use bce_core::{Config, Waiter};
use bce_emulator::status::{DEV_FAILED, DEV_RUNNING, DEV_STOPPED};
use bce_emulator::Emulator;
use futures::{StreamExt, TryStreamExt};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// How fast the in-process emulator runs lifecycles.
const EMULATOR_SPEED: f64 = 40.0;

struct Tour {
    config: Config,
    /// Waiter settings: fast polling against the emulator, patient against
    /// the real service.
    poll: Duration,
    max_poll: Duration,
    pool: Option<String>,
    queue: String,
    /// Talking to the real service.
    real: bool,
}

impl Tour {
    fn waiter(&self, timeout: Duration) -> Waiter {
        Waiter::new(timeout).with_interval(self.poll, self.max_poll)
    }
}

fn out(text: impl AsRef<str>) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", text.as_ref());
    let _ = stdout.flush();
}

fn section(title: &str) {
    out(format!("\n== {title} =="));
}

fn table(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    out(format!(
        "  {}",
        line(headers.iter().map(|h| h.to_string()).collect())
    ));
    for row in rows {
        out(format!("  {}", line(row.clone())));
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let started = Instant::now();
    let real = std::env::var("BCE_ACCESS_KEY_ID").is_ok_and(|v| !v.trim().is_empty());
    // Keep the emulator alive for the whole tour.
    let mut emulator = None;
    let tour = if real {
        out("Using the real Baidu AI Cloud endpoint (credentials from BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY).");
        Tour {
            config: Config::from_env()?,
            poll: Duration::from_secs(5),
            max_poll: Duration::from_secs(30),
            pool: std::env::var("AIHC_RESOURCE_POOL_ID").ok(),
            queue: std::env::var("AIHC_QUEUE").unwrap_or_default(),
            real: true,
        }
    } else {
        let emu = Emulator::builder().speed(EMULATOR_SPEED).start().await?;
        out(format!(
            "No BCE_ACCESS_KEY_ID set: running against the in-process bce-emulator at {} (offline, lifecycles {EMULATOR_SPEED}x faster).",
            emu.endpoint()
        ));
        let config = emu.config()?;
        emulator = Some(emu);
        Tour {
            config,
            poll: Duration::from_millis(50),
            max_poll: Duration::from_millis(200),
            pool: None,
            queue: String::new(),
            real: false,
        }
    };
    init_tracing();

    train(&tour).await?;
    deploy(&tour).await?;
    dev(&tour).await?;

    section("Done");
    out(format!(
        "  tour finished in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    drop(emulator);
    Ok(())
}

/// Logs to stderr when `RUST_LOG` is set.
fn init_tracing() {
    if let Ok(filter) = std::env::var("RUST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init();
    }
}

async fn train(tour: &Tour) -> Result<()> {
    // The current AIHC API: OpenAPI v2 actions (`/?action=…`).
    let client = v2::Client::new(tour.config.clone())?;

    section("Resource pools");
    let pools: Vec<_> = client
        .describe_resource_pools_stream(v2::DescribeResourcePoolsRequest::new(
            v2::ResourcePoolType::Common,
        ))
        .try_collect()
        .await?;
    let rows: Vec<Vec<String>> = pools
        .iter()
        .map(|p| {
            vec![
                p.resource_pool_id.clone(),
                p.name.clone(),
                p.phase.to_string(),
                p.node_num.to_string(),
            ]
        })
        .collect();
    table(&["ID", "NAME", "PHASE", "NODES"], &rows);
    let pool = match tour
        .pool
        .clone()
        .or_else(|| pools.first().map(|p| p.resource_pool_id.clone()))
    {
        Some(p) => p,
        None => return Err("no resource pool found (set AIHC_RESOURCE_POOL_ID)".into()),
    };

    section(&format!("Queues of {pool}"));
    let queues: Vec<_> = client
        .describe_queues_stream(v2::DescribeQueuesRequest::new(&pool))
        .try_collect()
        .await?;
    let rows: Vec<Vec<String>> = queues
        .iter()
        .map(|q| {
            vec![
                q.queue_id.clone(),
                q.queue_name.clone(),
                q.queue_type.to_string(),
                if q.opened { "open" } else { "closed" }.to_owned(),
            ]
        })
        .collect();
    table(&["ID", "NAME", "TYPE", "STATE"], &rows);
    // Common pools take the queue's name, managed pools its id.
    let queue = if !tour.queue.is_empty() {
        tour.queue.clone()
    } else {
        match queues
            .iter()
            .find(|q| q.queue_name == "default")
            .or(queues.first())
        {
            Some(q) => q.queue_name.clone(),
            None => return Err("no queue found (set AIHC_QUEUE)".into()),
        }
    };

    section("Training job");
    out("  (AIHC OpenAPI v2; the v1 API tour: cargo run --example train_job_v1)");
    let job = v2::CreateJobRequest {
        resource_pool_id: pool.clone(),
        queue_id: queue.clone(),
        name: "quickstart-job".into(),
        command: "for i in $(seq 1 10); do echo step $i; sleep 2; done".into(),
        job_spec: v2::JobSpec {
            image: "registry.baidubce.com/cce-public/busybox:latest".into(),
            replicas: 1,
            resources: vec![v2::Resource::new("cpu", "1")],
            ..Default::default()
        }
        .into(),
        job_type: v2::JobType::PyTorchJob,
        ..Default::default()
    };
    let created = client.create_job(&job).await?;
    let key = v2::JobKey::new(pool.clone(), queue.clone(), created.job_id.clone());
    out(format!("  submitted {} ({})", created.job_id, job.name));

    let detail = wait_with_progress(&client, &key, tour).await?;

    if let Some(pod) = detail.pods.into_iter().next() {
        section(&format!("Logs of {}", pod.name));
        // Exact by marker: every line once, the stream ends with the log.
        let follow = client.follow_job_logs(
            v2::DescribeJobLogsRequest::new(key.clone(), pod.name),
            tour.poll.max(Duration::from_millis(100)),
        );
        let mut lines = Box::pin(follow.take(40));
        let deadline = Instant::now() + Duration::from_secs(if tour.real { 120 } else { 20 });
        loop {
            let next = tokio::time::timeout(
                deadline.saturating_duration_since(Instant::now()),
                lines.next(),
            )
            .await;
            match next {
                Ok(Some(line)) => out(format!("  | {}", line?)),
                Ok(None) | Err(_) => break,
            }
        }
    }

    let finished = client
        .wait_for_job(
            &key,
            &[
                v2::JobState::Succeeded,
                v2::JobState::Failed,
                v2::JobState::Stopped,
            ],
            &tour.waiter(Duration::from_secs(1800)),
        )
        .await;
    match finished {
        Ok(job) => out(format!("  job ended as {}", job.status)),
        Err(e) => out(format!("  job did not finish yet: {e}")),
    }

    section("Jobs");
    let jobs: Vec<_> = client
        .describe_jobs_stream(v2::DescribeJobsRequest::new(&pool))
        .take(10)
        .try_collect()
        .await?;
    let rows: Vec<Vec<String>> = jobs
        .iter()
        .map(|j| {
            vec![
                j.job_id.clone(),
                j.name.clone(),
                j.status.to_string(),
                j.created_at.clone(),
                j.finished_at.clone(),
            ]
        })
        .collect();
    table(&["JOB ID", "NAME", "STATUS", "CREATED", "FINISHED"], &rows);

    section("Clean up the job");
    client.stop_job(&key).await?;
    out(format!("  stopped {}", key.job_id));
    client.delete_job(&key).await?;
    out(format!("  deleted {}", key.job_id));
    Ok(())
}

/// Polls the job and draws its state until it runs (or ends).
async fn wait_with_progress(client: &v2::Client, key: &v2::JobKey, tour: &Tour) -> Result<v2::Job> {
    let started = Instant::now();
    let mut last = String::new();
    let mut stdout = std::io::stdout();
    let request = v2::DescribeJobRequest {
        need_detail: Some(true),
        ..v2::DescribeJobRequest::new(key.clone())
    };
    loop {
        let job = client.describe_job(&request).await?.job;
        let status = job.status.to_string();
        if status != last {
            if !last.is_empty() {
                let _ = writeln!(stdout);
            }
            let _ = write!(
                stdout,
                "  [{:>5.1}s] {status} ",
                started.elapsed().as_secs_f64()
            );
            last = status;
        } else {
            let _ = write!(stdout, ".");
        }
        let _ = stdout.flush();
        if job.status == v2::JobState::Running || job.status.is_terminal() {
            let _ = writeln!(stdout);
            return Ok(job);
        }
        if started.elapsed() > Duration::from_secs(1800) {
            let _ = writeln!(stdout);
            return Err("the job did not start within 30 minutes".into());
        }
        tokio::time::sleep(tour.poll).await;
    }
}

async fn deploy(tour: &Tour) -> Result<()> {
    section("Deploy an online service");
    let client = aihc_deploy::v2::Client::new(tour.config.clone())?;
    let pool = tour.pool.clone().unwrap_or_else(|| "cce-emu00a800".into());
    let queue = if tour.queue.is_empty() {
        "default".to_owned()
    } else {
        tour.queue.clone()
    };
    let mut env = BTreeMap::new();
    env.insert("MODEL".to_string(), "demo".to_string());
    let mut server = ContainerConf::new("server", "registry.baidubce.com/cce-public/python:3.11")
        .with_resources(1, 1, 0)
        .with_command(["python", "-m", "http.server", "8000"])
        .with_port("http", 8000);
    server.envs = env;
    let conf = ServiceConf::new("quickstart-service")
        .with_resource_pool(ResourcePoolConf::new(pool, queue))
        .with_instance_count(2)
        .with_container(server);
    // A client token is generated and reused on retries: no double create.
    let id = client.create_service(&conf, None).await?.service_id;
    out(format!("  created service {id}"));
    let waiter = tour.waiter(Duration::from_secs(1800));
    let ready = client.wait_for_service(&id, &waiter).await?;
    let stat = &ready.status.brief_stat;
    out(format!(
        "  ready: {}/{} replicas",
        stat.available_ins, stat.total_ins
    ));
    for line in ready.pod_table().to_string().lines() {
        out(format!("  {line}"));
    }
    client.modify_service_replicas(&id, 1).await?;
    client.wait_for_replicas(&id, 1, &waiter).await?;
    out("  scaled to 1 replica");
    client.delete_service(&id).await?;
    out(format!("  deleted service {id}"));
    Ok(())
}

async fn dev(tour: &Tour) -> Result<()> {
    section("Dev machine");
    let client = aihc_dev::Client::new(tour.config.clone())?;
    let args = CreateDevInstanceArgs {
        name: "quickstart-dev".into(),
        conf: Some(DevInstanceConf {
            resource_pool: Some(aihc_dev::ResourcePool {
                resource_pool_type: "private".into(),
                resource_pool_id: tour.pool.clone().unwrap_or_else(|| "cce-emu00a800".into()),
                queue_name: if tour.queue.is_empty() {
                    "default".into()
                } else {
                    tour.queue.clone()
                },
                ..Default::default()
            }),
            resources: Some(Resources {
                cpus: 2,
                memory: 4,
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let id = client.create_dev_instance(&args).await?.dev_instance_id;
    out(format!("  created dev machine {id}"));
    let waiter = tour.waiter(Duration::from_secs(1800));
    let running = client
        .wait_for_dev_instance(
            &id,
            &[DevInstanceStatus(DEV_RUNNING)],
            &[DevInstanceStatus(DEV_FAILED)],
            &waiter,
        )
        .await?;
    let url = running
        .login_info
        .map(|l| l.jupyter.url)
        .unwrap_or_default();
    out(format!("  running; Jupyter at {url}"));
    client
        .stop_dev_instance(&DevInstanceIdArgs::new(&id))
        .await?;
    client
        .wait_for_dev_instance(
            &id,
            &[DevInstanceStatus(DEV_STOPPED)],
            &[DevInstanceStatus(DEV_FAILED)],
            &waiter,
        )
        .await?;
    out("  stopped");
    client
        .delete_dev_instance(&DevInstanceIdArgs::new(&id))
        .await?;
    out(format!("  deleted dev machine {id}"));
    Ok(())
}
