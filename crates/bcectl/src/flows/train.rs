//! `bcectl pool|queue|job …`.
//!
//! TODO(v2): these flows run on the AIHC v1 training API (`aihc_train`)
//! until `aihc_train::v2` (the action API: DescribeResourcePools,
//! DescribeQueues, CreateJob, DescribeJobs, DescribeJob, StopJob, DeleteJob,
//! DescribeJobLogs) is merged; then the calls below move to it and the job
//! file becomes the v2 CreateJob body. The command line stays the same.

use std::time::{Duration, Instant};

use aihc_train::{
    CreateJobOptions, CreateJobRequest, GetPodLogsRequest, JobDetail, JobOptions, JobStatus,
    ListJobsRequest, ListQueueRequest, ListResourcePoolRequest,
};
use futures::{StreamExt, TryStreamExt};
use serde_json::Value;

use crate::app::Run;
use crate::args::{JobCmd, JobScope, PoolCmd, QueueCmd};
use crate::failure::Failure;
use crate::flows::{self, listing, pick, to_json, Verdict};
use crate::output;

fn client(run: &Run) -> Result<aihc_train::Client, Failure> {
    Ok(aihc_train::Client::new(run.setup()?.config.clone())?)
}

/// `bcectl pool …`.
pub async fn pool(run: &Run, cmd: &PoolCmd) -> Result<(), Failure> {
    let client = client(run)?;
    match cmd {
        PoolCmd::List => {
            let pools: Vec<_> = client
                .list_resource_pool_stream(ListResourcePoolRequest::default())
                .try_collect()
                .await?;
            let items: Vec<Value> = pools.iter().map(to_json).collect();
            let mut l = listing(
                &items,
                &[
                    ("ID", "/metadata/id"),
                    ("NAME", "/metadata/name"),
                    ("PHASE", "/status/phase"),
                    ("NODES", "/status/nodeCount/total"),
                    ("GPUS", "/status/gpuCount/total"),
                    ("GPUS USED", "/status/gpuCount/used"),
                ],
                Value::Array(items.clone()),
            );
            l.rows.iter_mut().for_each(|r| fill_zero(r, &[3, 4, 5]));
            l.print(run.global.output);
        }
        PoolCmd::Get { pool } => {
            let answer = client.get_resource_pool(pool).await?.result.resource_pool;
            flows::print_one(&to_json(&answer), run.global.output);
        }
    }
    Ok(())
}

fn fill_zero(row: &mut [String], columns: &[usize]) {
    for &c in columns {
        if let Some(cell) = row.get_mut(c) {
            if cell.is_empty() {
                cell.push('0');
            }
        }
    }
}

/// `bcectl queue …`.
pub async fn queue(run: &Run, cmd: &QueueCmd) -> Result<(), Failure> {
    let QueueCmd::List { pool } = cmd;
    let pool = flows::pool(run, pool.as_deref())?;
    let client = client(run)?;
    let queues: Vec<_> = client
        .list_queue_stream(&pool, ListQueueRequest::default())
        .try_collect()
        .await?;
    let items: Vec<Value> = queues.iter().map(to_json).collect();
    listing(
        &items,
        &[
            ("NAME", "/name"),
            ("TYPE", "/queueType"),
            ("STATE", "/state"),
            ("PARENT", "/parentQueue"),
            ("DESCRIPTION", "/description"),
        ],
        Value::Array(items.clone()),
    )
    .print(run.global.output);
    Ok(())
}

/// The job states a plain wait stops at, and which of them is success.
fn judge_end(id: &str, status: &JobStatus) -> Verdict {
    match status {
        JobStatus::Succeeded => Verdict::Done,
        s if s.is_terminal() => Verdict::Failed(format!("job {id} ended as {s}")),
        _ => Verdict::Pending,
    }
}

fn judge_until(id: &str, status: &JobStatus, until: &str) -> Verdict {
    if status.as_str().eq_ignore_ascii_case(until) {
        Verdict::Done
    } else if status.is_terminal() {
        Verdict::Failed(format!("job {id} ended as {status}, not {until}"))
    } else {
        Verdict::Pending
    }
}

struct JobCtx {
    client: aihc_train::Client,
    pool: String,
    queue: String,
}

impl JobCtx {
    fn new(run: &Run, scope: &JobScope) -> Result<Self, Failure> {
        Ok(JobCtx {
            client: client(run)?,
            pool: flows::pool(run, scope.pool.as_deref())?,
            queue: flows::queue(run, scope.queue.as_deref())?,
        })
    }

    fn options(&self, job: &str) -> JobOptions {
        JobOptions::new(job, self.pool.clone()).with_queue(self.queue.clone())
    }

    async fn get(&self, job: &str) -> Result<JobDetail, Failure> {
        Ok(self.client.get_job(&self.options(job)).await?.result)
    }

    /// Waits until the job ends (`until`: until it reaches that state).
    async fn wait(&self, run: &Run, job: &str, until: Option<&str>) -> Result<JobDetail, Failure> {
        flows::poll_until(
            run,
            &format!("job {job}"),
            || self.get(job),
            |d: &JobDetail| {
                let status = &d.summary.status;
                let verdict = match until {
                    Some(u) => judge_until(job, status, u),
                    None => judge_end(job, status),
                };
                (status.to_string(), verdict)
            },
        )
        .await
    }

    /// The job's first pod, waiting for one to exist.
    async fn first_pod(&self, run: &Run, job: &str) -> Result<String, Failure> {
        let detail = flows::poll_until(
            run,
            &format!("job {job}"),
            || self.get(job),
            |d: &JobDetail| {
                let status = d.summary.status.to_string();
                let has_pod = d.pod_list.as_ref().is_some_and(|p| !p.pods.is_empty());
                let verdict = if has_pod {
                    Verdict::Done
                } else if d.summary.status.is_terminal() {
                    Verdict::Failed(format!("job {job} ended as {status} without a pod"))
                } else {
                    Verdict::Pending
                };
                (status, verdict)
            },
        )
        .await?;
        Ok(detail
            .pod_list
            .and_then(|p| p.pods.into_iter().next())
            .map(|p| p.object_meta.name)
            .unwrap_or_default())
    }

    /// Prints the log of `pod`; with `follow`, new lines until the job ends
    /// (then its final state is returned, and a failed end is an error).
    async fn logs(
        &self,
        run: &Run,
        job: &str,
        pod: &str,
        follow: bool,
    ) -> Result<Option<JobStatus>, Failure> {
        let args = GetPodLogsRequest {
            job_id: job.to_owned(),
            resource_pool_id: self.pool.clone(),
            pod_name: pod.to_owned(),
            ..GetPodLogsRequest::default()
        };
        if !follow {
            let logs = self.client.get_pod_logs(&args).await?.result;
            for line in &logs.logs {
                output::out(line);
            }
            return Ok(None);
        }
        let interval = run.global.poll_interval;
        let mut lines = Box::pin(self.client.follow_pod_logs(args, interval));
        let mut check = tokio::time::interval(interval.max(Duration::from_millis(10)));
        let mut ended: Option<(Instant, JobStatus)> = None;
        loop {
            tokio::select! {
                line = lines.next() => match line {
                    Some(Ok(line)) => output::out(&line),
                    Some(Err(e)) if e.is_retryable() => tracing::debug!(error = %e, "log poll failed; trying again"),
                    Some(Err(e)) => return Err(e.into()),
                    None => break,
                },
                _ = check.tick() => {
                    if let Some((at, _)) = &ended {
                        // Two more log polls after the end, then stop.
                        if at.elapsed() >= interval * 2 {
                            break;
                        }
                        continue;
                    }
                    let status = self.get(job).await?.summary.status;
                    if status.is_terminal() {
                        ended = Some((Instant::now(), status));
                    }
                }
            }
        }
        match ended {
            Some((_, status)) => match judge_end(job, &status) {
                Verdict::Failed(message) => Err(Failure::WaitFailed(message)),
                _ => {
                    output::err(&format!("job {job} ended as {status}"));
                    Ok(Some(status))
                }
            },
            None => Ok(None),
        }
    }
}

/// `bcectl job …`.
pub async fn job(run: &Run, cmd: &JobCmd) -> Result<(), Failure> {
    let format = run.global.output;
    match cmd {
        JobCmd::Submit {
            scope,
            file,
            wait,
            follow,
        } => {
            let ctx = JobCtx::new(run, scope)?;
            let body = flows::read_file(file)?;
            let mut job: CreateJobRequest = serde_json::from_value(body)
                .map_err(|e| Failure::usage(format!("{file}: not a CreateJob body: {e}")))?;
            if job.queue.is_empty() {
                job.queue = ctx.queue.clone();
            }
            let reply = ctx
                .client
                .create_job(
                    &job,
                    &CreateJobOptions {
                        resource_pool_id: ctx.pool.clone(),
                    },
                )
                .await?;
            let id = reply.result.job_id.clone();
            flows::print_created(&id, &to_json(&reply), format);
            let mut ended = None;
            if *follow {
                let pod = ctx.first_pod(run, &id).await?;
                ended = ctx.logs(run, &id, &pod, true).await?;
            }
            if (*wait || *follow) && ended.is_none() {
                let detail = ctx.wait(run, &id, None).await?;
                output::err(&format!("job {id} ended as {}", detail.summary.status));
            }
        }
        JobCmd::List { scope, status } => {
            let ctx = JobCtx::new(run, scope)?;
            let args = ListJobsRequest {
                resource_pool_id: ctx.pool.clone(),
                queue: scope.queue.clone().unwrap_or_default(),
                ..ListJobsRequest::default()
            };
            let jobs: Vec<_> = ctx.client.list_jobs_stream(args).try_collect().await?;
            let items: Vec<Value> = jobs
                .iter()
                .filter(|j| {
                    status
                        .as_deref()
                        .map_or(true, |s| j.status.as_str().eq_ignore_ascii_case(s))
                })
                .map(to_json)
                .collect();
            listing(
                &items,
                &[
                    ("JOB ID", "/jobId"),
                    ("NAME", "/name"),
                    ("STATUS", "/status"),
                    ("QUEUE", "/queue"),
                    ("CREATED", "/createdAt"),
                    ("FINISHED", "/finishedAt"),
                ],
                Value::Array(items.clone()),
            )
            .print(format);
        }
        JobCmd::Get { job, scope } => {
            let ctx = JobCtx::new(run, scope)?;
            let detail = ctx.get(job).await?;
            flows::print_one(&to_json(&detail), format);
        }
        JobCmd::Stop { job, scope } => {
            let ctx = JobCtx::new(run, scope)?;
            let reply = ctx.client.stop_job(&ctx.options(job)).await?;
            flows::print_done(&format!("job {job} stopping"), &to_json(&reply), format);
        }
        JobCmd::Delete { job, scope } => {
            let ctx = JobCtx::new(run, scope)?;
            let reply = ctx.client.delete_job(&ctx.options(job)).await?;
            flows::print_done(&format!("job {job} deleted"), &to_json(&reply), format);
        }
        JobCmd::Logs {
            job,
            scope,
            pod,
            follow,
        } => {
            let ctx = JobCtx::new(run, scope)?;
            let pod = match pod {
                Some(p) => p.clone(),
                None if *follow => ctx.first_pod(run, job).await?,
                None => {
                    let detail = ctx.get(job).await?;
                    let first = detail.pod_list.as_ref().and_then(|p| p.pods.first());
                    match first {
                        Some(p) => p.object_meta.name.clone(),
                        None => {
                            return Err(Failure::usage(format!(
                                "job {job} has no pod yet ({}); use -f to wait for one",
                                detail.summary.status
                            )))
                        }
                    }
                }
            };
            ctx.logs(run, job, &pod, *follow).await?;
        }
        JobCmd::Wait { job, scope, until } => {
            let ctx = JobCtx::new(run, scope)?;
            let detail = ctx.wait(run, job, until.as_deref()).await?;
            let summary = to_json(&detail.summary);
            match format {
                Some(crate::args::Format::Json) => output::json(&to_json(&detail)),
                _ => output::out(&pick(&summary, "/status")),
            }
        }
    }
    Ok(())
}
