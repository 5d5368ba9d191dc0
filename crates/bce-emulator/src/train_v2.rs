//! AIHC OpenAPI v2 training: the 12 job actions and the 6 resource-pool and
//! queue reads (`/?action=…`), over the same state as the v1 routes in
//! [`crate::train`]: a job created through v2 is visible through v1 and
//! the other way round.
//!
//! * Jobs: `POST` with a JSON body, `X-API-Version: v2` (or `version: v2`),
//!   query `resourcePoolId` and, except `DescribeJobs`, `queueID` (a queue
//!   name or the queue id `aihcq-<pool>-<name>` that `DescribeQueues`
//!   reports).
//! * Pools and queues: `GET` with `version: v2` (or `X-API-Version: v2`).
//! * Errors: `{"code", "message", "requestId"}` with the HTTP status.
//! * `DescribeJobLogs` pages with an exact `marker` (`m-<line offset>`):
//!   `nextMarker` is the position after the lines returned; it is empty
//!   only once the job has finished and every line was returned.

use std::collections::BTreeSet;

use aihc_train::v2::{
    AcceleratorCard, AcceleratorStatistic, AcceleratorsStatistic, CreateJobRequest, DataSource,
    DataSourceOptions, DescribeJobLogsRequest, DescribeJobLogsResponse, DescribeJobMetricsRequest,
    DescribeJobMetricsResponse, DescribeJobNodesResponse, DescribeJobRequest, DescribeJobResponse,
    DescribeJobWebterminalRequest, DescribeJobWebterminalResponse, DescribeJobsRequest,
    DescribeJobsResponse, DescribePodEventsRequest, DescribeQueuesResponse,
    DescribeResourcePoolConfigurationResponse, DescribeResourcePoolOverviewResponse,
    DescribeResourcePoolsResponse, Env, Event, EventsResponse, ImageConfig, Job, JobActionResponse,
    JobCondition, JobKey, JobSpec, JobSpecs, JobState, JobType, Label, ModifyJobRequest,
    NodesStatistic, Pod, PoolConfiguration, Queue, QueueType, Resource, ResourceAmount,
    ResourcePool, ResourcePoolPhase, ResourcePoolStatistic, ResourcePoolType,
    ResourcePoolsStatisticWithType, ResourceStatistic,
};
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::clock::iso;
use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::MAX_REPLICAS;
use crate::train::{insert_job, JobRec, Train};

/// Job actions (POST).
const JOB_ACTIONS: [&str; 12] = [
    "DescribeJobs",
    "DescribeJob",
    "CreateJob",
    "ModifyJob",
    "StopJob",
    "DeleteJob",
    "DescribeJobEvents",
    "DescribeJobLogs",
    "DescribePodEvents",
    "DescribeJobNodes",
    "DescribeJobWebterminal",
    "DescribeJobMetrics",
];

/// Pool and queue actions (GET).
const POOL_ACTIONS: [&str; 6] = [
    "DescribeResourcePools",
    "DescribeResourcePool",
    "DescribeResourcePoolOverview",
    "DescribeResourcePoolConfiguration",
    "DescribeQueues",
    "DescribeQueue",
];

/// The v2 id of a queue of a pool.
pub(crate) fn queue_id(pool: &str, name: &str) -> String {
    format!("aihcq-{}-{name}", pool.trim_start_matches("cce-"))
}

fn body<T: DeserializeOwned>(ctx: &Ctx) -> Result<T, Reply> {
    ctx.json()
}

/// A page parameter, also in Go's capitalised spelling.
fn page_param(ctx: &Ctx, name: &str, capital: &str, default: i64) -> i64 {
    if ctx.q(name).is_some() {
        ctx.qn(name, default)
    } else {
        ctx.qn(capital, default)
    }
}

fn has_version(ctx: &Ctx) -> bool {
    ["x-api-version", "version"]
        .iter()
        .any(|h| ctx.header(h).is_some_and(|v| v.trim() == "v2"))
}

/// Answers the v2 training actions; `None` for anything else.
pub(crate) fn route(t: &mut Train, ctx: &Ctx) -> Option<Reply> {
    if ctx.path != "/" {
        return None;
    }
    let action = ctx.q("action")?;
    let is_job = JOB_ACTIONS.contains(&action);
    if !is_job && !POOL_ACTIONS.contains(&action) {
        return None;
    }
    let method = if is_job { "POST" } else { "GET" };
    if ctx.method != method {
        return Some(Reply::error(
            405,
            "MethodNotAllowed",
            format!("The action {action} takes {method}, not {}.", ctx.method),
        ));
    }
    if !has_version(ctx) {
        return Some(Reply::error(
            404,
            "InvalidVersion",
            format!(
                "The action {action} needs the header {}: v2.",
                if is_job { "X-API-Version" } else { "version" }
            ),
        ));
    }
    let reply = if is_job {
        job_action(t, ctx, action)
    } else {
        pool_action(t, ctx, action)
    };
    Some(reply.unwrap_or_else(|r| r))
}

// ---------------------------------------------------------------- jobs

/// The pool of a job action (query `resourcePoolId`), which must exist.
fn pool_of(t: &Train, ctx: &Ctx) -> Result<String, Reply> {
    crate::train::check_pool(t, ctx)
}

/// The queue name `queueID` (a name or a v2 queue id) stands for.
fn queue_of(t: &Train, ctx: &Ctx, pool: &str) -> Result<String, Reply> {
    let wanted = ctx.qs("queueID");
    if wanted.is_empty() {
        return Err(Reply::bad_request("queueID is required"));
    }
    t.queues
        .get(pool)
        .and_then(|qs| {
            qs.iter()
                .find(|q| q.name == wanted || queue_id(pool, &q.name) == wanted)
        })
        .map(|q| q.name.clone())
        .ok_or_else(|| Reply::not_found("queue", wanted))
}

/// Pool, queue and the job a job action addresses.
fn target<'a>(t: &'a Train, ctx: &Ctx, job: &JobKey) -> Result<&'a JobRec, Reply> {
    let pool = pool_of(t, ctx)?;
    queue_of(t, ctx, &pool)?;
    if job.job_id.is_empty() {
        return Err(Reply::bad_request("jobId is required"));
    }
    let rec = t.job(&job.job_id)?;
    if rec.summary.resource_pool_id != pool {
        return Err(Reply::not_found("job", &job.job_id));
    }
    Ok(rec)
}

fn check_pod(rec: &JobRec, pod: &str) -> Result<(), Reply> {
    if pod.is_empty() {
        return Err(Reply::bad_request("podName is required"));
    }
    if rec.pod_names().iter().any(|p| p == pod) {
        Ok(())
    } else {
        Err(Reply::not_found("pod", pod))
    }
}

fn job_action(t: &mut Train, ctx: &Ctx, action: &str) -> Result<Reply, Reply> {
    let now = ctx.now_ms;
    let rid = ctx.request_id.clone();
    Ok(match action {
        "DescribeJobs" => {
            let pool = pool_of(t, ctx)?;
            let req: DescribeJobsRequest = body(ctx)?;
            describe_jobs(t, ctx, &pool, &req)
        }
        "DescribeJob" => {
            let req: DescribeJobRequest = body(ctx)?;
            let rec = target(t, ctx, &req.job)?;
            let mut answer = DescribeJobResponse::default();
            answer.request_id = rid;
            answer.job = job_view(t, rec, now, req.need_detail.unwrap_or(false));
            Reply::ok(answer)
        }
        "CreateJob" => {
            let pool = pool_of(t, ctx)?;
            let queue = queue_of(t, ctx, &pool)?;
            let req: CreateJobRequest = body(ctx)?;
            let v1 = to_v1(&req, queue)?;
            let created = insert_job(t, pool, v1, now);
            action_reply(rid, created.job_id, created.job_name)
        }
        "ModifyJob" => {
            let req: ModifyJobRequest = body(ctx)?;
            let id = target(t, ctx, &req.job)?.summary.job_id.clone();
            if req.priority.is_empty() {
                return Err(Reply::bad_request("priority is required"));
            }
            if let Some(j) = t.jobs.iter_mut().find(|j| j.summary.job_id == id) {
                j.summary.priority = req.priority.clone();
            }
            action_reply(rid, id, String::new())
        }
        "StopJob" => {
            let key: JobKey = body(ctx)?;
            let id = target(t, ctx, &key)?.summary.job_id.clone();
            if let Some(j) = t.jobs.iter_mut().find(|j| j.summary.job_id == id) {
                if !j.status(now).0.is_terminal() {
                    j.stopped_ms = Some(now);
                }
            }
            action_reply(rid, id, String::new())
        }
        "DeleteJob" => {
            let key: JobKey = body(ctx)?;
            let rec = target(t, ctx, &key)?;
            let (id, name) = (rec.summary.job_id.clone(), rec.summary.name.clone());
            t.jobs.retain(|j| j.summary.job_id != id);
            action_reply(rid, id, name)
        }
        "DescribeJobEvents" => {
            let key: JobKey = body(ctx)?;
            let rec = target(t, ctx, &key)?;
            events_reply(rid, rec, now)
        }
        "DescribePodEvents" => {
            let req: DescribePodEventsRequest = body(ctx)?;
            let rec = target(t, ctx, &req.job)?;
            check_pod(rec, &req.pod_name)?;
            events_reply(rid, rec, now)
        }
        "DescribeJobLogs" => {
            let req: DescribeJobLogsRequest = body(ctx)?;
            let rec = target(t, ctx, &req.job)?;
            check_pod(rec, &req.pod_name)?;
            logs_reply(rid, rec, now, &req)?
        }
        "DescribeJobNodes" => {
            let key: JobKey = body(ctx)?;
            let rec = target(t, ctx, &key)?;
            let nodes: BTreeSet<String> = pods(rec, now).into_iter().map(|p| p.node_name).collect();
            let mut answer = DescribeJobNodesResponse::default();
            answer.request_id = rid;
            answer.job_id = rec.summary.job_id.clone();
            answer.nodes = nodes.into_iter().collect();
            Reply::ok(answer)
        }
        "DescribeJobWebterminal" => {
            let req: DescribeJobWebterminalRequest = body(ctx)?;
            let rec = target(t, ctx, &req.job)?;
            check_pod(rec, &req.pod_name)?;
            let mut answer = DescribeJobWebterminalResponse::default();
            answer.request_id = rid;
            answer.web_terminal_url = format!(
                "ws://127.0.0.1/emulator/terminal/{}/{}?handshakeTimeoutSecond={}&pingTimeoutSecond={}",
                rec.summary.job_id,
                req.pod_name,
                req.handshake_timeout_second.unwrap_or(30),
                req.ping_timeout_second.unwrap_or(900)
            );
            Reply::ok(answer)
        }
        "DescribeJobMetrics" => {
            let req: DescribeJobMetricsRequest = body(ctx)?;
            let rec = target(t, ctx, &req.job)?;
            if req.metric_type.is_empty() {
                return Err(Reply::bad_request("metricType is required"));
            }
            let mut answer = DescribeJobMetricsResponse::default();
            answer.request_id = rid;
            answer.job_id = rec.summary.job_id.clone();
            answer.metrics = json!((0..3)
                .map(
                    |i| json!({"time": (now - 60_000 * (2 - i)).to_string(), "value": 50 + 10 * i})
                )
                .collect::<Vec<_>>());
            Reply::ok(answer)
        }
        _ => Reply::error(400, "InvalidAction", format!("no such action {action}")),
    })
}

fn action_reply(request_id: String, job_id: String, job_name: String) -> Reply {
    let mut answer = JobActionResponse::default();
    answer.request_id = request_id;
    answer.job_id = job_id;
    answer.job_name = job_name;
    Reply::ok(answer)
}

fn events_reply(request_id: String, rec: &JobRec, now: i64) -> Reply {
    let events: Vec<Event> = rec
        .events(now)
        .into_iter()
        .map(|e| {
            let mut v = Event::default();
            v.reason = e.reason;
            v.message = e.message;
            v.first_timestamp = e.first_timestamp;
            v.last_timestamp = e.last_timestamp;
            v.count = i64::from(e.count);
            v.kind = e.kind;
            v
        })
        .collect();
    let mut answer = EventsResponse::default();
    answer.request_id = request_id;
    answer.total = events.len() as i64;
    answer.events = events;
    Reply::ok(answer)
}

fn logs_reply(
    request_id: String,
    rec: &JobRec,
    now: i64,
    req: &DescribeJobLogsRequest,
) -> Result<Reply, Reply> {
    let all = rec.logs(now, &req.pod_name);
    let start = if req.marker.is_empty() {
        0
    } else {
        req.marker
            .strip_prefix("m-")
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| Reply::bad_request(format!("invalid marker '{}'", req.marker)))?
    };
    let start = start.min(all.len());
    let max = req.max_lines.map_or(usize::MAX, |m| m.max(1) as usize);
    let end = start.saturating_add(max).min(all.len());
    let finished = rec.status(now).0.is_terminal();
    let mut answer = DescribeJobLogsResponse::default();
    answer.request_id = request_id;
    answer.job_id = rec.summary.job_id.clone();
    answer.pod_name = req.pod_name.clone();
    answer.logs = all[start..end]
        .iter()
        .filter(|l| req.keywords.is_empty() || l.contains(&req.keywords))
        .cloned()
        .collect();
    answer.next_marker = if finished && end == all.len() {
        String::new()
    } else {
        format!("m-{end}")
    };
    Ok(Reply::ok(answer))
}

fn describe_jobs(t: &Train, ctx: &Ctx, pool: &str, req: &DescribeJobsRequest) -> Reply {
    let now = ctx.now_ms;
    let queue_filter = if req.queue.is_empty() {
        ctx.qs("queueID")
    } else {
        req.queue.as_str()
    };
    let mut all: Vec<(&JobRec, Job)> = t
        .jobs
        .iter()
        .filter(|j| j.summary.resource_pool_id == pool)
        .map(|j| (j, job_view(t, j, now, false)))
        .filter(|(_, j)| {
            queue_filter.is_empty() || j.queue == queue_filter || j.queue_id == queue_filter
        })
        .filter(|(_, j)| req.status.is_empty() || j.status == req.status)
        .filter(
            |(_, j)| match (req.keyword_type.as_str(), req.keyword.as_str()) {
                (_, "") => true,
                ("queueName", k) => j.queue.contains(k),
                (_, k) => j.name.contains(k),
            },
        )
        .collect();
    let by_finish = req.order_by == "finishedAt";
    all.sort_by_key(|(rec, _)| {
        if by_finish {
            rec.status(now).1.unwrap_or(i64::MAX)
        } else {
            rec.created_ms
        }
    });
    if !req.order.eq_ignore_ascii_case("asc") {
        all.reverse();
    }
    let jobs: Vec<Job> = all.into_iter().map(|(_, j)| j).collect();
    let no = i64::from(req.page_number.max(1));
    let size = if req.page_size == 0 {
        10
    } else {
        i64::from(req.page_size)
    };
    let mut answer = DescribeJobsResponse::default();
    answer.request_id = ctx.request_id.clone();
    answer.total_count = jobs.len() as i64;
    answer.jobs = page(&jobs, no, size);
    Reply::ok(answer)
}

/// The pods of a job as v2 shows them.
fn pods(rec: &JobRec, now: i64) -> Vec<Pod> {
    let view = rec.view(now);
    rec.pod_names()
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut p = Pod::default();
            p.pod_ip = format!("10.0.0.{}", 10 + i);
            p.node_name = format!("192.168.0.{}", 10 + i % 2);
            p.creation_at = iso(rec.created_ms);
            p.uid = format!("{}-{i}", view.k8s_uid);
            p.name = name;
            p.status = view.status.to_string();
            p.replica_type = if i == 0 { "master" } else { "worker" }.into();
            p.envs = view
                .envs
                .iter()
                .map(|e| Env {
                    name: e.name.clone(),
                    value: e.value.clone(),
                })
                .collect();
            p.finished_at = view.finished_at.clone();
            p
        })
        .collect()
}

/// A job of the shared state as v2 shows it.
fn job_view(t: &Train, rec: &JobRec, now: i64, detail: bool) -> Job {
    let s = rec.view(now);
    let pool = &s.resource_pool_id;
    let queue_known = t
        .queues
        .get(pool)
        .is_some_and(|qs| qs.iter().any(|q| q.name == s.queue));
    let mut job = Job::default();
    job.job_id = s.job_id.clone();
    job.user_id = "emulator".into();
    job.name = s.name.clone();
    job.command = s.command.clone();
    job.status = JobState::from(s.status.as_str());
    job.job_type = JobType::from(s.job_framework.as_str());
    job.resource_pool_id = pool.clone();
    job.queue_id = if queue_known {
        queue_id(pool, &s.queue)
    } else {
        s.queue.clone()
    };
    job.queue = s.queue.clone();
    job.priority = aihc_train::v2::Priority::from(s.priority.as_str());
    job.created_at = s.created_at.clone();
    job.finished_at = s.finished_at.clone();
    job.job_spec = JobSpecs::Single(JobSpec {
        image: s.image.clone(),
        replicas: u32::try_from(s.replicas).unwrap_or_default(),
        image_config: None,
        resources: s
            .resources
            .iter()
            .map(|r| Resource::new(r.name.clone(), format_quantity(r.quantity)))
            .collect(),
        envs: s
            .envs
            .iter()
            .map(|e| Env {
                name: e.name.clone(),
                value: e.value.clone(),
            })
            .collect(),
        enable_rdma: Some(s.enable_rdma),
        host_network: Some(s.host_network),
    });
    job.datasources = s
        .datasources
        .iter()
        .map(|d| DataSource {
            kind: d.kind.clone(),
            name: d.name.clone(),
            mount_path: d.mount_path.clone(),
            source_path: d.source_path.clone(),
            options: Some(DataSourceOptions {
                read_only: d.options.read_only,
            }),
        })
        .collect();
    job.labels = s
        .labels
        .iter()
        .map(|l| Label {
            key: l.key.clone(),
            value: l.value.clone(),
        })
        .collect();
    job.enable_bccl = s.enable_bccl;
    job.enable_bccl_status = if s.enable_bccl { "success" } else { "" }.into();
    job.enable_fault_tolerance = s.enable_fault_tolerance;
    job.fault_tolerance_args = s.fault_tolerance_args.clone();
    if detail {
        job.pods = pods(rec, now);
        let mut timeline = vec![condition("Created", &s.created_at)];
        if !s.running_at.is_empty() {
            timeline.push(condition("Running", &s.running_at));
        }
        if !s.finished_at.is_empty() {
            timeline.push(condition(s.status.as_str(), &s.finished_at));
        }
        job.job_time_line = timeline;
    }
    job
}

fn condition(kind: &str, at: &str) -> JobCondition {
    let mut c = JobCondition::default();
    c.condition_type = kind.into();
    c.condition_message = format!("the job is {}", kind.to_ascii_lowercase());
    c.time = at.into();
    c
}

fn format_quantity(q: f64) -> String {
    if q.fract() == 0.0 && q.abs() < 1e15 {
        format!("{}", q as i64)
    } else {
        q.to_string()
    }
}

/// The v1 creation request a v2 `CreateJob` stands for.
fn to_v1(req: &CreateJobRequest, queue: String) -> Result<aihc_train::CreateJobRequest, Reply> {
    if req.name.is_empty() || req.command.is_empty() {
        return Err(Reply::bad_request("name and command are required"));
    }
    let spec = match &req.job_spec {
        JobSpecs::Single(spec) => spec.clone(),
        JobSpecs::Roles(roles) => {
            // One pod group per role is beyond the emulator: run the roles'
            // replicas together with the first role's image.
            let mut first = roles.values().next().cloned().unwrap_or_default();
            first.replicas = roles.values().map(|r| r.replicas).sum();
            first
        }
    };
    if spec.image.is_empty() || spec.replicas == 0 {
        return Err(Reply::bad_request(
            "jobSpec needs an image and at least one replica",
        ));
    }
    let replicas = i32::try_from(spec.replicas)
        .unwrap_or(i32::MAX)
        .min(MAX_REPLICAS as i32);
    let ImageConfig { username, password } = spec.image_config.clone().unwrap_or_default();
    let framework = if req.job_type.is_empty() {
        JobType::PyTorchJob.to_string()
    } else {
        req.job_type.to_string()
    };
    Ok(aihc_train::CreateJobRequest {
        name: req.name.clone(),
        queue,
        job_framework: framework,
        job_spec: aihc_train::JobSpec {
            command: req.command.clone(),
            image: spec.image.clone(),
            image_config: aihc_train::ImageConfig { username, password },
            replicas,
            resources: Some(
                spec.resources
                    .iter()
                    .map(|r| aihc_train::Resource {
                        name: r.name.clone(),
                        quantity: r.quantity.trim().parse().unwrap_or_default(),
                    })
                    .collect(),
            ),
            envs: Some(
                spec.envs
                    .iter()
                    .map(|e| aihc_train::Env {
                        name: e.name.clone(),
                        value: e.value.clone(),
                    })
                    .collect(),
            ),
            enable_rdma: spec.enable_rdma.unwrap_or(false),
            host_network: spec.host_network,
            privileged: None,
        },
        fault_tolerance: req.fault_tolerance.unwrap_or(false),
        labels: Some(
            req.labels
                .iter()
                .map(|l| aihc_train::Label {
                    key: l.key.clone(),
                    value: l.value.clone(),
                })
                .collect(),
        ),
        priority: req.priority.to_string(),
        datasources: Some(
            req.data_sources
                .iter()
                .map(|d| aihc_train::Datasource {
                    kind: d.kind.clone(),
                    name: d.name.clone(),
                    mount_path: d.mount_path.clone(),
                    source_path: d.source_path.clone(),
                    options: aihc_train::DatasourceOptions {
                        read_only: d.options.as_ref().is_some_and(|o| o.read_only),
                        ..Default::default()
                    },
                    ..Default::default()
                })
                .collect(),
        ),
        fault_tolerance_args: (!req.fault_tolerance_args.is_empty())
            .then(|| req.fault_tolerance_args.clone()),
        enable_bccl: req.enable_bccl.unwrap_or(false),
        retention_period: req.retention_period.clone(),
        ..Default::default()
    })
}

// ---------------------------------------------------------------- pools

fn pool_view(p: &aihc_train::ResourcePool) -> ResourcePool {
    let mut v = ResourcePool::default();
    v.created_by = p.spec.created_by.clone();
    v.resource_pool_id = p.metadata.id.clone();
    v.kind = ResourcePoolType::Common;
    v.name = p.metadata.name.clone();
    v.region = p.spec.region.clone();
    v.description = p.spec.description.clone();
    v.configuration = Some(configuration(p));
    v.created_at = p.metadata.created_at.clone();
    v.updated_at = p.metadata.updated_at.clone();
    v.phase = ResourcePoolPhase::from(p.status.phase.as_str());
    v.k8s_version = p.spec.k8s_version.clone();
    v.runtime_type = "containerd".into();
    v.runtime_version = "1.7.13".into();
    v.plugin_names = vec!["volcano".into(), "ftagent".into()];
    v.node_num = p.status.node_count.as_ref().map_or(0, |c| c.total);
    v
}

fn configuration(p: &aihc_train::ResourcePool) -> PoolConfiguration {
    let mut c = PoolConfiguration::default();
    c.exposed_public = Some(false);
    c.forbid_delete = Some(p.spec.forbid_delete);
    c.descheduler_enabled = Some(false);
    c.unified_scheduler_enabled = Some(true);
    c.dataset_permission_enabled = Some(false);
    c.volume_permission_enabled = Some(false);
    c.image_no_auth_pull_enabled = Some(true);
    c.public_net_inference_service_enable = Some(false);
    c
}

fn accelerators(t: &Train, pool: &aihc_train::ResourcePool, now: i64) -> (f64, f64) {
    let total: i64 = pool.status.gpu_detail.iter().map(|g| g.total).sum();
    let used: i64 = t
        .jobs
        .iter()
        .filter(|j| j.summary.resource_pool_id == pool.metadata.id)
        .filter(|j| j.status(now).0 == aihc_train::JobStatus::Running)
        .map(|j| {
            j.summary
                .resources
                .iter()
                .filter(|r| r.name.contains("gpu"))
                .map(|r| r.quantity)
                .sum::<f64>()
                * f64::from(j.summary.replicas.max(1))
        })
        .sum::<f64>() as i64;
    (total as f64, used.min(total) as f64)
}

fn statistic(kind: &str, capacity: f64, allocated: f64) -> ResourceStatistic {
    let mut s = ResourceStatistic::default();
    s.resource_type = kind.into();
    s.capacity = capacity;
    s.allocated = allocated;
    s.idle = capacity - allocated;
    if capacity > 0.0 {
        s.allocation_rate = allocated / capacity;
        s.utilization_rate = allocated / capacity;
    }
    s
}

fn overview(t: &Train, now: i64) -> DescribeResourcePoolOverviewResponse {
    let mut per_pool = Vec::new();
    let (mut nodes, mut cap, mut used) = (0, 0.0, 0.0);
    for p in &t.pools {
        let (c, u) = accelerators(t, p, now);
        let n = p.status.node_count.as_ref().map_or(0, |c| c.total);
        let mut nodes_stat = NodesStatistic::default();
        nodes_stat.total_count = n;
        let mut acc = AcceleratorsStatistic::default();
        acc.statistic = statistic("gpu", c, u);
        acc.accelerator_statistics = p
            .status
            .gpu_detail
            .iter()
            .map(|g| {
                let mut a = AcceleratorStatistic::default();
                a.accelerator_type = g.gpu_descriptor.clone();
                a.statistic = statistic("gpu", g.total as f64, u.min(g.total as f64));
                a
            })
            .collect();
        let mut s = ResourcePoolStatistic::default();
        s.resource_pool_id = p.metadata.id.clone();
        s.kind = "common".into();
        s.name = p.metadata.name.clone();
        s.nodes_statistic = Some(nodes_stat);
        s.resources_statistic = vec![statistic("cpu", (n * 96) as f64, 0.0)];
        s.accelerators_statistic = Some(acc);
        per_pool.push(s);
        nodes += n;
        cap += c;
        used += u;
    }
    let mut nodes_stat = NodesStatistic::default();
    nodes_stat.total_count = nodes;
    let mut acc = AcceleratorsStatistic::default();
    acc.statistic = statistic("gpu", cap, used);
    let mut with_type = ResourcePoolsStatisticWithType::default();
    with_type.kind = "common".into();
    with_type.nodes_statistic = Some(nodes_stat);
    with_type.accelerators_statistic = Some(acc);
    with_type.resources_statistic = vec![statistic("cpu", (nodes * 96) as f64, 0.0)];
    with_type.resource_pool_statistics = per_pool;
    let mut answer = DescribeResourcePoolOverviewResponse::default();
    answer.resource_pools_statistic_with_type = vec![with_type];
    answer
}

fn amount(map: &std::collections::BTreeMap<String, String>) -> Option<ResourceAmount> {
    if map.is_empty() {
        return None;
    }
    let mut a = ResourceAmount::default();
    if let Some(cpu) = map.get("cpu").and_then(|c| c.parse::<i64>().ok()) {
        a.milli_cpu_cores = (cpu * 1000).to_string();
    }
    a.memory_gi = map.get("memory").cloned().unwrap_or_default();
    a.accelerator_card_list = map
        .iter()
        .filter(|(k, _)| k.contains("gpu"))
        .map(|(k, v)| {
            let mut c = AcceleratorCard::default();
            c.accelerator_type = k.clone();
            c.accelerator_count = v.clone();
            c
        })
        .collect();
    Some(a)
}

fn queue_view(t: &Train, pool: &str, q: &aihc_train::Queue, now: i64) -> Queue {
    let jobs: Vec<JobState> = t
        .jobs
        .iter()
        .filter(|j| j.summary.resource_pool_id == pool && j.summary.queue == q.name)
        .map(|j| JobState::from(j.status(now).0.as_str()))
        .collect();
    let mut v = Queue::default();
    v.queue_id = queue_id(pool, &q.name);
    v.queue_name = q.name.clone();
    v.description = q.description.clone();
    v.queue_type = QueueType::from(q.queue_type.as_str());
    v.resource_pool_id = pool.into();
    v.created_at = q.created_time.clone();
    v.updated_at = q.created_time.clone();
    v.parent_queue = q.parent_queue.clone();
    v.opened = q.opened.unwrap_or(true);
    v.reclaimable = q.reclaimable.unwrap_or(false);
    v.preemptable = q.preemptable.unwrap_or(false);
    v.disable_oversell = q.disable_oversell;
    v.queueing_strategy = q.queueing_strategy.clone();
    v.capability = amount(&q.capability);
    v.deserved = amount(&q.deserved);
    v.guarantee = amount(&q.guarantee);
    v.running_jobs = jobs.iter().filter(|s| **s == JobState::Running).count() as i64;
    v.pending_jobs = jobs.iter().filter(|s| **s == JobState::Pending).count() as i64;
    v
}

fn pool_action(t: &Train, ctx: &Ctx, action: &str) -> Result<Reply, Reply> {
    let now = ctx.now_ms;
    let find_pool = |id: &str| {
        if id.is_empty() {
            return Err(Reply::bad_request("resourcePoolId is required"));
        }
        t.pools
            .iter()
            .find(|p| p.metadata.id == id)
            .ok_or_else(|| Reply::not_found("resource pool", id))
    };
    Ok(match action {
        "DescribeResourcePools" => {
            let kind = ctx.qs("resourcePoolType");
            if kind.is_empty() {
                return Err(Reply::bad_request("resourcePoolType is required"));
            }
            let keyword = ctx.qs("keyword");
            let all: Vec<ResourcePool> = t
                .pools
                .iter()
                .map(pool_view)
                .filter(|p| p.kind.as_str() == kind)
                .filter(|p| match ctx.qs("keywordType") {
                    "resourcePoolId" => p.resource_pool_id.contains(keyword),
                    _ => p.name.contains(keyword),
                })
                .collect();
            let no = page_param(ctx, "pageNumber", "PageNumber", 1);
            let size = page_param(ctx, "pageSize", "PageSize", 10);
            let mut answer = DescribeResourcePoolsResponse::default();
            answer.keyword_type = ctx.qs("keywordType").into();
            answer.keyword = keyword.into();
            answer.order_by = ctx.qs("orderBy").into();
            answer.order = ctx.qs("order").into();
            answer.page_number = no;
            answer.page_size = size;
            answer.total_count = all.len() as i64;
            answer.resource_pools = page(&all, no, size);
            Reply::ok(answer)
        }
        "DescribeResourcePool" => Reply::ok(pool_view(find_pool(ctx.qs("resourcePoolId"))?)),
        "DescribeResourcePoolOverview" => Reply::ok(overview(t, now)),
        "DescribeResourcePoolConfiguration" => {
            let p = find_pool(ctx.qs("resourcePoolId"))?;
            let mut answer = DescribeResourcePoolConfigurationResponse::default();
            answer.request_id = ctx.request_id.clone();
            answer.resource_pool_id = p.metadata.id.clone();
            answer.kind = ResourcePoolType::Common;
            answer.configuration = configuration(p);
            Reply::ok(answer)
        }
        "DescribeQueues" => {
            let pool = find_pool(ctx.qs("resourcePoolId"))?.metadata.id.clone();
            let keyword = ctx.qs("keyword");
            let all: Vec<Queue> = t
                .queues
                .get(&pool)
                .map(|qs| {
                    qs.iter()
                        .map(|q| queue_view(t, &pool, q, now))
                        .filter(|q| match ctx.qs("keywordType") {
                            "queueId" => q.queue_id.contains(keyword),
                            _ => q.queue_name.contains(keyword),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let no = page_param(ctx, "pageNumber", "PageNumber", 1);
            let size = page_param(ctx, "pageSize", "PageSize", 10);
            let mut answer = DescribeQueuesResponse::default();
            answer.page_number = no;
            answer.page_size = size;
            answer.keyword = keyword.into();
            answer.keyword_type = ctx.qs("keywordType").into();
            answer.total_count = all.len() as i64;
            answer.queues = page(&all, no, size);
            Reply::ok(answer)
        }
        "DescribeQueue" => {
            let wanted = ctx.qs("queueId");
            if wanted.is_empty() {
                return Err(Reply::bad_request("queueId is required"));
            }
            t.queues
                .iter()
                .find_map(|(pool, qs)| {
                    qs.iter()
                        .find(|q| queue_id(pool, &q.name) == wanted)
                        .map(|q| queue_view(t, pool, q, now))
                })
                .map(Reply::ok)
                .ok_or_else(|| Reply::not_found("queue", wanted))?
        }
        _ => Reply::error(400, "InvalidAction", format!("no such action {action}")),
    })
}
