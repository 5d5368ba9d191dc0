//! AIHC training: resource pools, queues, nodes and training jobs.
//!
//! A job is `Pending` for [`PENDING_MS`], then `Running` for [`RUNNING_MS`]
//! (writing a log line every [`LOG_EVERY_MS`]), then `Succeeded` — or
//! `Failed` when its command contains `exit 1` or it has the label
//! `emulator/fail`. The label `emulator/run-seconds` sets the running time.

use std::collections::BTreeMap;

use aihc_train::{
    ApiResponse, CreateJobRequest, Event, EventsResponse, GpuDetail, JobDetail, JobFramework,
    JobNodes, JobPage, JobRef, JobStatus, JobSummary, Metadata, MetricPoint, Node, NodePage,
    ObjectMeta, Pod, PodList, PodLogs, PodMetrics, PodStatus, Priority, Queue, QueuePage,
    QueueResult, QueueType, ResourcePool, ResourcePoolPage, ResourcePoolResult, ResourcePoolSpec,
    ResourcePoolStatus, TaskMetrics, UpdateJobRequest, UsageCount, WebTerminal,
};
use serde::Serialize;
use serde_json::json;

use crate::clock::iso;
use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::{new_id, MAX_REPLICAS};

/// Simulated time a job stays `Pending`.
pub const PENDING_MS: i64 = 3_000;
/// Simulated time a job runs.
pub const RUNNING_MS: i64 = 20_000;
/// Simulated time between two log lines of a running pod.
pub const LOG_EVERY_MS: i64 = 2_000;

/// Label that makes a job fail.
pub const FAIL_LABEL: &str = "emulator/fail";
/// Label that sets how many simulated seconds a job runs.
pub const RUN_SECONDS_LABEL: &str = "emulator/run-seconds";

#[derive(Debug, Clone)]
pub(crate) struct JobRec {
    pub(crate) summary: JobSummary,
    pub(crate) created_ms: i64,
    pub(crate) run_ms: i64,
    pub(crate) fail: bool,
    pub(crate) stopped_ms: Option<i64>,
}

impl JobRec {
    pub(crate) fn status(&self, now: i64) -> (JobStatus, Option<i64>) {
        if let Some(stopped) = self.stopped_ms {
            if now >= stopped {
                return (JobStatus::Stopped, Some(stopped));
            }
        }
        let started = self.created_ms + PENDING_MS;
        let end = self.end_ms();
        if now < started {
            (JobStatus::Pending, None)
        } else if now < end {
            (JobStatus::Running, None)
        } else if self.fail {
            (JobStatus::Failed, Some(end))
        } else {
            (JobStatus::Succeeded, Some(end))
        }
    }

    pub(crate) fn end_ms(&self) -> i64 {
        let run = if self.fail {
            self.run_ms / 2
        } else {
            self.run_ms
        };
        self.created_ms + PENDING_MS + run
    }

    pub(crate) fn pod_names(&self) -> Vec<String> {
        let id = &self.summary.job_id;
        let mut pods = vec![format!("{id}-master-0")];
        for i in 0..(self.summary.replicas.max(1) - 1) {
            pods.push(format!("{id}-worker-{i}"));
        }
        pods
    }

    pub(crate) fn view(&self, now: i64) -> JobSummary {
        let mut s = self.summary.clone();
        let (status, finished) = self.status(now);
        s.status = status;
        s.scheduled_at = iso(self.created_ms + 1_000);
        if now >= self.created_ms + PENDING_MS
            && self
                .stopped_ms
                .map_or(true, |t| t > self.created_ms + PENDING_MS)
        {
            s.running_at = iso(self.created_ms + PENDING_MS);
        }
        if let Some(f) = finished {
            s.finished_at = iso(f);
        }
        s
    }

    /// The log of a pod up to `now`.
    pub(crate) fn logs(&self, now: i64, pod: &str) -> Vec<String> {
        let started = self.created_ms + PENDING_MS;
        let end = self.end_ms().min(self.stopped_ms.unwrap_or(i64::MAX));
        if now < started || end < started {
            return Vec::new();
        }
        let until = now.min(end);
        let steps = (self.run_ms / LOG_EVERY_MS).max(1);
        let mut lines = vec![format!(
            "{} [{pod}] starting: {}",
            iso(started),
            self.summary.command
        )];
        let mut t = started + LOG_EVERY_MS;
        let mut step = 1;
        while t <= until && t < end {
            let loss = 2.5 / (step as f64 + 1.0);
            lines.push(format!(
                "{} [{pod}] step {step}/{steps} loss={loss:.4}",
                iso(t)
            ));
            t += LOG_EVERY_MS;
            step += 1;
        }
        if now >= end {
            let last = match self.status(now).0 {
                JobStatus::Failed => "command exited with code 1",
                JobStatus::Stopped => "received SIGTERM, stopping",
                _ => "training finished",
            };
            lines.push(format!("{} [{pod}] {last}", iso(end)));
        }
        lines
    }

    pub(crate) fn events(&self, now: i64) -> Vec<Event> {
        let mut out = Vec::new();
        let mut add = |at: i64, reason: &str, kind: &str, message: String| {
            if at <= now {
                out.push(build!(Event {
                    reason: reason.into(),
                    message,
                    first_timestamp: iso(at),
                    last_timestamp: iso(at),
                    count: 1,
                    kind: kind.into(),
                }));
            }
        };
        let name = &self.summary.name;
        add(
            self.created_ms,
            "JobCreated",
            "Normal",
            format!("job {name} created"),
        );
        let started = self.created_ms + PENDING_MS;
        if self.stopped_ms.map_or(true, |s| s >= started) {
            add(
                started,
                "JobRunning",
                "Normal",
                format!("job {name} is running"),
            );
        }
        match self.status(now) {
            (JobStatus::Succeeded, Some(at)) => add(
                at,
                "JobSucceeded",
                "Normal",
                format!("job {name} succeeded"),
            ),
            (JobStatus::Failed, Some(at)) => add(
                at,
                "JobFailed",
                "Warning",
                format!("job {name} failed: exit code 1"),
            ),
            (JobStatus::Stopped, Some(at)) => {
                add(at, "JobStopped", "Normal", format!("job {name} stopped"))
            }
            _ => {}
        }
        out
    }
}

/// Training state.
#[derive(Debug)]
pub(crate) struct Train {
    pub(crate) pools: Vec<ResourcePool>,
    pub(crate) queues: BTreeMap<String, Vec<Queue>>,
    pub(crate) jobs: Vec<JobRec>,
}

fn pool(id: &str, name: &str, gpu: &str, gpus: i64, now: i64) -> ResourcePool {
    build!(ResourcePool {
        metadata: build!(Metadata {
            created_at: iso(now - 86_400_000),
            name: name.into(),
            id: id.into(),
            updated_at: iso(now - 3_600_000),
        }),
        spec: build!(ResourcePoolSpec {
            k8s_version: "1.28.8".into(),
            created_by: "emulator".into(),
            description: format!("emulated {gpu} pool"),
            region: "bj".into(),
            ..ResourcePoolSpec::default()
        }),
        status: build!(ResourcePoolStatus {
            gpu_detail: vec![build!(GpuDetail {
                gpu_descriptor: gpu.into(),
                total: gpus,
                used: 0,
            })],
            gpu_count: Some(build!(UsageCount {
                total: gpus,
                used: 0,
            })),
            node_count: Some(build!(UsageCount {
                total: gpus / 8,
                used: 0,
            })),
            phase: "running".into(),
        }),
    })
}

fn queue(name: &str, description: &str, gpus: i64, now: i64) -> Queue {
    let mut capability = BTreeMap::new();
    capability.insert("baidu.com/a800_80g_cgpu".to_string(), gpus.to_string());
    capability.insert("cpu".into(), (gpus * 12).to_string());
    build!(Queue {
        created_time: iso(now - 86_400_000),
        description: description.into(),
        name: name.into(),
        parent_queue: "root".into(),
        queue_type: QueueType::Elastic,
        state: "Open".into(),
        reclaimable: Some(true),
        preemptable: Some(false),
        queueing_strategy: "fifo".into(),
        deserved: capability.clone(),
        capability,
        opened: Some(true),
        ..Queue::default()
    })
}

fn nodes(pool_id: &str, now: i64) -> Vec<Node> {
    (0..2)
        .map(|i| {
            build!(Node {
                gpu_total: 8,
                gpu_type: "A800".into(),
                instance_id: format!("i-{pool_id}-{i}"),
                instance_name: format!("{pool_id}-node-{i}"),
                node_name: format!("192.168.0.{}", 10 + i),
                status_phase: "Ready".into(),
                zone: "zoneA".into(),
                region: "bj".into(),
                created_at: iso(now - 86_400_000),
                gpu_descriptor: "A800-80G".into(),
                cpu_total: 96,
                memory_total: 1_000_000,
                ..Node::default()
            })
        })
        .collect()
}

impl Train {
    /// Two pools with two queues each.
    pub fn seeded(now: i64) -> Self {
        let pools = vec![
            pool("cce-emu00a800", "emulator-a800", "A800-80G", 16, now),
            pool("cce-emu00h800", "emulator-h800", "H800-80G", 8, now),
        ];
        let mut queues = BTreeMap::new();
        for p in &pools {
            queues.insert(
                p.metadata.id.clone(),
                vec![
                    queue("default", "default queue", 8, now),
                    queue("research", "research team", 8, now),
                ],
            );
        }
        Train {
            pools,
            queues,
            jobs: Vec::new(),
        }
    }

    pub(crate) fn job(&self, id: &str) -> Result<&JobRec, Reply> {
        self.jobs
            .iter()
            .find(|j| j.summary.job_id == id)
            .ok_or_else(|| Reply::not_found("job", id))
    }
}

/// A v1 list answer: the page `pageNo`/`pageSize` (defaults 1 and 10) of
/// `$all` in the `$items` field, the total and the page echoed, plus any
/// other fields given.
macro_rules! v1_page {
    ($ctx:expr, $all:expr, $ty:ident { $items:ident $(, $field:ident: $value:expr)* }) => {{
        let (no, size) = ($ctx.qn("pageNo", 1), $ctx.qn("pageSize", 10));
        wrap(
            $ctx,
            build!($ty {
                $items: page(&$all, no, size),
                total: $all.len() as i64,
                page_no: no,
                page_size: size
                $(, $field: $value)*
            }),
        )
    }};
}

/// The events answer of a job or one of its pods.
fn events_reply(ctx: &Ctx, events: Vec<Event>) -> Reply {
    Reply::ok(build!(EventsResponse {
        request_id: ctx.request_id.clone(),
        total: events.len() as i64,
        events,
        result: None,
    }))
}

fn wrap<T: Serialize + Default>(ctx: &Ctx, result: T) -> Reply {
    Reply::ok(build!(ApiResponse {
        request_id: ctx.request_id.clone(),
        result,
    }))
}

/// Answers `/api/v1/resourcepools...` and `/api/v1/aijobs...`.
pub(crate) fn route(t: &mut Train, ctx: &Ctx) -> Option<Reply> {
    let seg = ctx.segments();
    let m = ctx.method.as_str();
    let reply = match seg.as_slice() {
        ["api", "v1", "resourcepools"] if m == "GET" => list_pools(t, ctx),
        ["api", "v1", "resourcepools", id] if m == "GET" => t
            .pools
            .iter()
            .find(|p| p.metadata.id == *id)
            .map(|p| {
                wrap(
                    ctx,
                    build!(ResourcePoolResult {
                        resource_pool: p.clone(),
                    }),
                )
            })
            .unwrap_or_else(|| Reply::not_found("resource pool", id)),
        ["api", "v1", "resourcepools", id, "nodes"] if m == "GET" => {
            if !t.pools.iter().any(|p| p.metadata.id == *id) {
                return Some(Reply::not_found("resource pool", id));
            }
            let all = nodes(id, ctx.now_ms);
            v1_page!(ctx, all, NodePage { nodes })
        }
        ["api", "v1", "resourcepools", id, "queue"] if m == "GET" => match t.queues.get(*id) {
            None => Reply::not_found("resource pool", id),
            Some(all) => {
                let keyword = ctx.qs("keyword");
                let all: Vec<Queue> = all
                    .iter()
                    .filter(|q| q.name.contains(keyword))
                    .cloned()
                    .collect();
                v1_page!(ctx, all, QueuePage { queues })
            }
        },
        ["api", "v1", "resourcepools", id, "queue", name] if m == "GET" => {
            match t
                .queues
                .get(*id)
                .and_then(|qs| qs.iter().find(|q| q.name == *name))
            {
                Some(q) => wrap(ctx, build!(QueueResult { queue: q.clone() })),
                None => Reply::not_found("queue", name),
            }
        }
        ["api", "v1", "aijobs"] if m == "GET" => list_jobs(t, ctx),
        ["api", "v1", "aijobs"] if m == "POST" => create_job(t, ctx),
        ["api", "v1", "aijobs", "cluster", "ai", "uploadCode"] if m == "GET" => wrap(
            ctx,
            json!({"filePath": "emulator/code.tar.gz", "token": "", "fileID": new_id("f-", 8),
                   "ak": "", "sk": "", "bucket": "emulator", "endpoint": "127.0.0.1"}),
        ),
        ["api", "v1", "aijobs", id, rest @ ..] => job_op(t, ctx, id, rest),
        _ => return None,
    };
    Some(reply)
}

fn list_pools(t: &Train, ctx: &Ctx) -> Reply {
    let keyword = ctx.qs("keyword");
    let all: Vec<ResourcePool> = t
        .pools
        .iter()
        .filter(|p| p.metadata.name.contains(keyword) || p.metadata.id.contains(keyword))
        .cloned()
        .collect();
    v1_page!(
        ctx,
        all,
        ResourcePoolPage {
            resource_pools,
            order_by: ctx.qs("orderBy").into(),
            order: ctx.qs("order").into()
        }
    )
}

pub(crate) fn check_pool(t: &Train, ctx: &Ctx) -> Result<String, Reply> {
    let pool = ctx.qs("resourcePoolId");
    if pool.is_empty() {
        return Err(Reply::bad_request("resourcePoolId is required"));
    }
    if !t.pools.iter().any(|p| p.metadata.id == pool) {
        return Err(Reply::not_found("resource pool", pool));
    }
    Ok(pool.to_owned())
}

fn list_jobs(t: &Train, ctx: &Ctx) -> Reply {
    let pool = match check_pool(t, ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let queue = ctx.qs("queue");
    let mut all: Vec<JobSummary> = t
        .jobs
        .iter()
        .filter(|j| j.summary.resource_pool_id == pool)
        .filter(|j| queue.is_empty() || j.summary.queue == queue)
        .map(|j| j.view(ctx.now_ms))
        .collect();
    all.reverse();
    v1_page!(
        ctx,
        all,
        JobPage {
            jobs,
            order_by: ctx.qs("orderBy").into(),
            order: ctx.qs("order").into()
        }
    )
}

fn create_job(t: &mut Train, ctx: &Ctx) -> Reply {
    let pool = match check_pool(t, ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let req: CreateJobRequest = match ctx.json() {
        Ok(r) => r,
        Err(r) => return r,
    };
    if req.name.is_empty() {
        return Reply::bad_request("job name is empty");
    }
    let job = insert_job(t, pool, req, ctx.now_ms);
    wrap(ctx, job)
}

/// Adds a job (v1 or v2) to the state; the one place jobs are born.
pub(crate) fn insert_job(
    t: &mut Train,
    pool: String,
    req: CreateJobRequest,
    now_ms: i64,
) -> JobRef {
    let labels = req.labels.clone().unwrap_or_default();
    let fail =
        req.job_spec.command.contains("exit 1") || labels.iter().any(|l| l.key == FAIL_LABEL);
    let run_ms = labels
        .iter()
        .find(|l| l.key == RUN_SECONDS_LABEL)
        .and_then(|l| l.value.parse::<i64>().ok())
        .map_or(RUNNING_MS, |s| s.clamp(1, 3_600) * 1000);
    let framework = if req.job_framework.is_empty() {
        "PyTorchJob".to_owned()
    } else {
        req.job_framework.clone()
    };
    let job_id = new_id(&format!("{}-", framework.to_ascii_lowercase()), 8);
    let queue = if req.queue.is_empty() {
        "default".to_owned()
    } else {
        req.queue.clone()
    };
    let summary = build!(JobSummary {
        job_id: job_id.clone(),
        name: req.name.clone(),
        resource_pool_id: pool,
        command: req.job_spec.command.clone(),
        created_at: iso(now_ms),
        datasources: req.datasources.clone().unwrap_or_default(),
        enable_fault_tolerance: req.fault_tolerance,
        labels,
        priority: if req.priority.is_empty() {
            Priority::Normal
        } else {
            Priority::from(req.priority.as_str())
        },
        queue,
        status: JobStatus::Pending,
        image: req.job_spec.image.clone(),
        resources: req.job_spec.resources.clone().unwrap_or_default(),
        enable_rdma: req.job_spec.enable_rdma,
        host_network: req.job_spec.host_network.unwrap_or(false),
        privileged: req.job_spec.privileged,
        replicas: req.job_spec.replicas.clamp(1, MAX_REPLICAS as i32),
        envs: req.job_spec.envs.clone().unwrap_or_default(),
        job_framework: JobFramework::from(framework.as_str()),
        enable_bccl: req.enable_bccl,
        k8s_uid: uuid::Uuid::new_v4().to_string(),
        k8s_namespace: "default".into(),
        log_collection_file_patterns: req.log_collection_file_patterns.clone().unwrap_or_default(),
        ..JobSummary::default()
    });
    t.jobs.push(JobRec {
        summary,
        created_ms: now_ms,
        run_ms,
        fail,
        stopped_ms: None,
    });
    build!(JobRef {
        job_id,
        job_name: req.name,
    })
}

fn job_op(t: &mut Train, ctx: &Ctx, id: &str, rest: &[&str]) -> Reply {
    if let Err(r) = check_pool(t, ctx) {
        return r;
    }
    let now = ctx.now_ms;
    let m = ctx.method.as_str();
    let job = match t.job(id) {
        Ok(j) => j.clone(),
        Err(r) => return r,
    };
    let job_ref = build!(JobRef {
        job_id: job.summary.job_id.clone(),
        job_name: job.summary.name.clone(),
    });
    match (m, rest) {
        ("GET", []) => {
            let summary = job.view(now);
            let phase = summary.status.to_string();
            let pods = job
                .pod_names()
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    build!(Pod {
                        pod_ip: format!("10.0.0.{}", 10 + i),
                        node_name: format!("192.168.0.{}", 10 + i % 2),
                        object_meta: build!(ObjectMeta {
                            creation_timestamp: iso(job.created_ms),
                            name: name.clone(),
                            namespace: "default".into(),
                            ..ObjectMeta::default()
                        }),
                        pod_status: build!(PodStatus {
                            pod_phase: phase.clone(),
                            status: phase.clone(),
                        }),
                        replica_type: if i == 0 { "master" } else { "worker" }.into(),
                        finished_at: summary.finished_at.clone(),
                        ..Pod::default()
                    })
                })
                .collect();
            wrap(
                ctx,
                build!(JobDetail {
                    summary,
                    pod_list: Some(build!(PodList {
                        pods,
                        ..PodList::default()
                    })),
                }),
            )
        }
        ("PUT", []) => {
            let req: UpdateJobRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            if let Some(j) = t.jobs.iter_mut().find(|j| j.summary.job_id == id) {
                j.summary.priority = Priority::from(req.priority.as_str());
            }
            wrap(ctx, job_ref)
        }
        ("POST", ["stop"]) => {
            if let Some(j) = t.jobs.iter_mut().find(|j| j.summary.job_id == id) {
                if !j.status(now).0.is_terminal() {
                    j.stopped_ms = Some(now);
                }
            }
            wrap(ctx, job_ref)
        }
        ("DELETE", []) => {
            t.jobs.retain(|j| j.summary.job_id != id);
            wrap(ctx, job_ref)
        }
        ("GET", ["events"]) => events_reply(ctx, job.events(now)),
        ("GET", ["pods", pod, what]) => {
            if !job.pod_names().iter().any(|p| p == pod) {
                return Reply::not_found("pod", pod);
            }
            match *what {
                "events" => events_reply(ctx, job.events(now)),
                "logs" => {
                    let mut logs = job.logs(now, pod);
                    let max = ctx.qn("maxLines", 0);
                    if max > 0 && logs.len() as i64 > max {
                        logs = logs.split_off(logs.len() - max as usize);
                    }
                    wrap(
                        ctx,
                        build!(PodLogs {
                            job_id: id.into(),
                            pod_name: (*pod).into(),
                            logs,
                            next_marker: String::new(),
                        }),
                    )
                }
                "webterminal" => wrap(
                    ctx,
                    build!(WebTerminal {
                        web_terminal_url: format!("ws://127.0.0.1/emulator/terminal/{id}/{pod}"),
                    }),
                ),
                _ => Reply::error(404, "NotFound", "no such pod operation"),
            }
        }
        ("GET", ["metrics"]) => {
            let pod_metrics = job
                .pod_names()
                .into_iter()
                .map(|pod_name| {
                    build!(PodMetrics {
                        pod_name,
                        metrics: (0..3)
                            .map(|i| build!(MetricPoint {
                                time: json!((now / 1000) - 60 * (2 - i)),
                                value: json!(format!("{}", 50 + 10 * i)),
                            }))
                            .collect(),
                    })
                })
                .collect();
            wrap(
                ctx,
                build!(TaskMetrics {
                    job_id: id.into(),
                    pod_metrics,
                }),
            )
        }
        ("GET", ["nodes"]) => wrap(
            ctx,
            build!(JobNodes {
                job_id: id.into(),
                node_names: vec!["192.168.0.10".into()],
            }),
        ),
        _ => Reply::error(404, "NotFound", "no such job operation"),
    }
}
