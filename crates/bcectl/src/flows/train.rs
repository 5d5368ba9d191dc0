//! `bcectl pool|queue|job …` on the AIHC OpenAPI v2 (`aihc_train::v2`).

use std::time::{Duration, Instant};

use aihc_train::v2::{
    Client, CreateJobRequest, DescribeJobLogsRequest, DescribeJobRequest, DescribeJobsRequest,
    DescribeQueuesRequest, DescribeResourcePoolsRequest, Job, JobKey, JobState, ResourcePoolType,
};
use futures::{StreamExt, TryStreamExt};
use serde_json::Value;

use crate::app::Run;
use crate::args::{Format, JobCmd, JobScope, PoolCmd, QueueCmd};
use crate::failure::Failure;
use crate::flows::{self, listing, to_json, Verdict};
use crate::output;

fn client(run: &Run) -> Result<Client, Failure> {
    Ok(Client::new(run.setup()?.config.clone())?)
}

/// `bcectl pool …`.
pub async fn pool(run: &Run, cmd: &PoolCmd) -> Result<(), Failure> {
    let client = client(run)?;
    match cmd {
        PoolCmd::List => {
            // Every kind of pool: self-managed, then managed.
            let mut pools = Vec::new();
            for kind in [ResourcePoolType::Common, ResourcePoolType::DedicatedV2] {
                let found: Vec<_> = client
                    .describe_resource_pools_stream(DescribeResourcePoolsRequest::new(kind))
                    .try_collect()
                    .await?;
                pools.extend(found);
            }
            let items: Vec<Value> = pools.iter().map(to_json).collect();
            listing(
                &items,
                &[
                    ("ID", "/resourcePoolId"),
                    ("NAME", "/name"),
                    ("TYPE", "/type"),
                    ("PHASE", "/phase"),
                    ("NODES", "/nodeNum"),
                    ("REGION", "/region"),
                ],
                Value::Array(items.clone()),
            )
            .print(run.global.output);
        }
        PoolCmd::Get { pool } => {
            let answer = client.describe_resource_pool(pool).await?;
            flows::print_one(&to_json(&answer), run.global.output);
        }
    }
    Ok(())
}

/// `bcectl queue …`.
pub async fn queue(run: &Run, cmd: &QueueCmd) -> Result<(), Failure> {
    let QueueCmd::List { pool } = cmd;
    let pool = flows::pool(run, pool.as_deref())?;
    let client = client(run)?;
    let queues: Vec<_> = client
        .describe_queues_stream(DescribeQueuesRequest::new(&pool))
        .try_collect()
        .await?;
    let items: Vec<Value> = queues.iter().map(to_json).collect();
    listing(
        &items,
        &[
            ("QUEUE ID", "/queueId"),
            ("NAME", "/queueName"),
            ("TYPE", "/queueType"),
            ("OPEN", "/opened"),
            ("RUNNING", "/runningJobs"),
            ("PENDING", "/pendingJobs"),
        ],
        Value::Array(items.clone()),
    )
    .print(run.global.output);
    Ok(())
}

/// How a wait for the end of a job judges a state.
fn judge_end(id: &str, status: &JobState) -> Verdict {
    if *status == JobState::Succeeded {
        Verdict::Done
    } else if status.is_terminal() {
        Verdict::Failed(format!("job {id} ended as {status}"))
    } else {
        Verdict::Pending
    }
}

fn judge_until(id: &str, status: &JobState, until: &str) -> Verdict {
    if status.as_str().eq_ignore_ascii_case(until) {
        Verdict::Done
    } else if status.is_terminal() {
        Verdict::Failed(format!("job {id} ended as {status}, not {until}"))
    } else {
        Verdict::Pending
    }
}

/// Client, pool and queue of a job command.
struct JobCtx {
    client: Client,
    pool: String,
    /// The queue as `queueID` wants it (a queue id, or the name as given).
    queue: String,
}

impl JobCtx {
    async fn new(run: &Run, scope: &JobScope) -> Result<Self, Failure> {
        let client = client(run)?;
        let pool = flows::pool(run, scope.pool.as_deref())?;
        let given = flows::queue(run, scope.queue.as_deref())?;
        let queue = resolve_queue(run, &client, &pool, &given).await;
        Ok(JobCtx {
            client,
            pool,
            queue,
        })
    }

    fn key(&self, job: &str) -> JobKey {
        JobKey::new(self.pool.clone(), self.queue.clone(), job)
    }

    async fn get(&self, job: &str, detail: bool) -> Result<Job, Failure> {
        let request = DescribeJobRequest {
            need_detail: detail.then_some(true),
            ..DescribeJobRequest::new(self.key(job))
        };
        Ok(self.client.describe_job(&request).await?.job)
    }

    /// Waits until the job ends (`until`: until it reaches that state).
    async fn wait(&self, run: &Run, job: &str, until: Option<&str>) -> Result<Job, Failure> {
        flows::poll_until(
            run,
            &format!("job {job}"),
            || self.get(job, false),
            |j: &Job| {
                let verdict = match until {
                    Some(u) => judge_until(job, &j.status, u),
                    None => judge_end(job, &j.status),
                };
                (j.status.to_string(), verdict)
            },
        )
        .await
    }

    /// The job's first pod, waiting for one to exist.
    async fn first_pod(&self, run: &Run, job: &str) -> Result<String, Failure> {
        let found = flows::poll_until(
            run,
            &format!("job {job}"),
            || self.get(job, true),
            |j: &Job| {
                let status = j.status.to_string();
                let verdict = if !j.pods.is_empty() {
                    Verdict::Done
                } else if j.status.is_terminal() {
                    Verdict::Failed(format!("job {job} ended as {status} without a pod"))
                } else {
                    Verdict::Pending
                };
                (status, verdict)
            },
        )
        .await?;
        Ok(found
            .pods
            .first()
            .map(|p| p.name.clone())
            .unwrap_or_default())
    }

    /// Prints what the log of `pod` holds now, page after page.
    async fn print_logs(&self, job: &str, pod: &str) -> Result<(), Failure> {
        let mut request = DescribeJobLogsRequest::new(self.key(job), pod);
        loop {
            let answer = self.client.describe_job_logs(&request).await?;
            for line in &answer.logs {
                output::out(line);
            }
            if answer.logs.is_empty()
                || answer.next_marker.is_empty()
                || answer.next_marker == request.marker
            {
                return Ok(());
            }
            request.marker = answer.next_marker;
        }
    }

    /// Prints the log of `pod` as it grows until the job ends; returns the
    /// final state (a failed end is an error).
    async fn follow_logs(&self, run: &Run, job: &str, pod: &str) -> Result<JobState, Failure> {
        let interval = run.global.poll_interval;
        let request = DescribeJobLogsRequest::new(self.key(job), pod);
        let mut lines = Box::pin(self.client.follow_job_logs(request, interval));
        let mut check = tokio::time::interval(interval.max(Duration::from_millis(10)));
        let mut ended: Option<(Instant, JobState)> = None;
        loop {
            tokio::select! {
                line = lines.next() => match line {
                    Some(Ok(line)) => output::out(&line),
                    Some(Err(e)) if e.is_retryable() => {
                        tracing::debug!(error = %e, "log poll failed; trying again");
                    }
                    Some(Err(e)) => return Err(e.into()),
                    // The end of the log.
                    None => break,
                },
                _ = check.tick() => {
                    if let Some((at, _)) = &ended {
                        // Two more polls of the log after the end, then stop.
                        if at.elapsed() >= interval * 2 {
                            break;
                        }
                        continue;
                    }
                    let status = self.get(job, false).await?.status;
                    if status.is_terminal() {
                        ended = Some((Instant::now(), status));
                    }
                }
            }
        }
        let status = match ended {
            Some((_, status)) => status,
            // The log ended first: wait for the job's end.
            None => self.wait_quietly(run, job).await?,
        };
        match judge_end(job, &status) {
            Verdict::Failed(message) => Err(Failure::WaitFailed(message)),
            _ => Ok(status),
        }
    }

    /// Polls until the job is in a terminal state, without a spinner.
    async fn wait_quietly(&self, run: &Run, job: &str) -> Result<JobState, Failure> {
        loop {
            let status = self.get(job, false).await?.status;
            if status.is_terminal() {
                return Ok(status);
            }
            tokio::time::sleep(run.global.poll_interval).await;
        }
    }
}

/// The `queueID` for a queue given by name or id: the id of the pool's
/// queue of that name, else the text as given (also when the queues cannot
/// be listed, and in a dry run, which must not send the lookup).
async fn resolve_queue(run: &Run, client: &Client, pool: &str, given: &str) -> String {
    if run.global.dry_run {
        return given.to_owned();
    }
    let queues: Result<Vec<_>, _> = client
        .describe_queues_stream(DescribeQueuesRequest::new(pool))
        .try_collect()
        .await;
    match queues {
        Ok(queues) if !queues.iter().any(|q| q.queue_id == given) => queues
            .iter()
            .find(|q| q.queue_name == given)
            .map(|q| q.queue_id.clone())
            .unwrap_or_else(|| given.to_owned()),
        Ok(_) => given.to_owned(),
        Err(e) => {
            tracing::debug!(error = %e, "cannot list the queues; using the queue as given");
            given.to_owned()
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
            let body = flows::read_file(file)?;
            let mut job: CreateJobRequest = serde_json::from_value(body)
                .map_err(|e| Failure::usage(format!("{file}: not a CreateJob body: {e}")))?;
            let ctx = JobCtx::new(run, scope).await?;
            job.resource_pool_id = ctx.pool.clone();
            job.queue_id = ctx.queue.clone();
            if job.queue.is_empty() {
                job.queue = ctx.queue.clone();
            }
            let reply = ctx.client.create_job(&job).await?;
            let id = reply.job_id.clone();
            flows::print_created(&id, &to_json(&reply), format);
            if *follow {
                let pod = ctx.first_pod(run, &id).await?;
                let status = ctx.follow_logs(run, &id, &pod).await?;
                output::err(&format!("job {id} ended as {status}"));
            } else if *wait {
                let done = ctx.wait(run, &id, None).await?;
                output::err(&format!("job {id} ended as {}", done.status));
            }
        }
        JobCmd::List { scope, status } => {
            let client = client(run)?;
            let pool = flows::pool(run, scope.pool.as_deref())?;
            let mut request = DescribeJobsRequest::new(&pool);
            if let Some(q) = scope.queue.as_deref() {
                request.queue_id = resolve_queue(run, &client, &pool, q).await;
            }
            let jobs: Vec<Job> = client.describe_jobs_stream(request).try_collect().await?;
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
            let ctx = JobCtx::new(run, scope).await?;
            let found = ctx.get(job, true).await?;
            flows::print_one(&to_json(&found), format);
        }
        JobCmd::Stop { job, scope } => {
            let ctx = JobCtx::new(run, scope).await?;
            let reply = ctx.client.stop_job(&ctx.key(job)).await?;
            flows::print_done(&format!("job {job} stopping"), &to_json(&reply), format);
        }
        JobCmd::Delete { job, scope } => {
            let ctx = JobCtx::new(run, scope).await?;
            let reply = ctx.client.delete_job(&ctx.key(job)).await?;
            flows::print_done(&format!("job {job} deleted"), &to_json(&reply), format);
        }
        JobCmd::Logs {
            job,
            scope,
            pod,
            follow,
        } => {
            let ctx = JobCtx::new(run, scope).await?;
            let pod = match pod {
                Some(p) => p.clone(),
                None if *follow => ctx.first_pod(run, job).await?,
                None => {
                    let found = ctx.get(job, true).await?;
                    match found.pods.first() {
                        Some(p) => p.name.clone(),
                        None => {
                            return Err(Failure::usage(format!(
                                "job {job} has no pod yet ({}); use -f to wait for one",
                                found.status
                            )))
                        }
                    }
                }
            };
            if *follow {
                let status = ctx.follow_logs(run, job, &pod).await?;
                output::err(&format!("job {job} ended as {status}"));
            } else {
                ctx.print_logs(job, &pod).await?;
            }
        }
        JobCmd::Wait { job, scope, until } => {
            let ctx = JobCtx::new(run, scope).await?;
            let done = ctx.wait(run, job, until.as_deref()).await?;
            match format {
                Some(Format::Json) => output::json(&to_json(&done)),
                _ => output::out(done.status.as_str()),
            }
        }
    }
    Ok(())
}
