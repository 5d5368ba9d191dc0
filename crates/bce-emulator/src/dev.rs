//! AIHC dev machines and image pack jobs (`/?action=...`).
//!
//! A machine starts for [`START_MS`] ([`crate::status::DEV_STARTING`]) and
//! then runs; a stop takes [`STOP_MS`]. A machine whose name contains
//! `fail` ends in [`crate::status::DEV_FAILED`]. Image pack jobs succeed
//! after [`PACK_MS`].

use aihc_dev::{
    CreateDevInstanceArgs, CreateDevInstanceImagePackJobArgs, CreateImagePackJobResponse,
    DevInstanceBrief, DevInstanceDetail, DevInstanceEvent, DevInstanceIdResponse,
    ImagePackJobDetail, ImagePackJobDetailResponse, ListDevInstanceEventResponse,
    ListDevInstanceResponse, LoginInfo, LoginUrl, QueryDevInstanceDetailResponse,
    ServiceInstanceInfo, TimedStop, TimedStopDevInstanceArgs,
};

use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::new_id;
use crate::status::{
    DEV_FAILED, DEV_RUNNING, DEV_STARTING, DEV_STOPPED, DEV_STOPPING, IMAGE_PACK_RUNNING,
    IMAGE_PACK_SUCCEEDED,
};

/// Simulated time a dev machine takes to start.
pub const START_MS: i64 = 4_000;
/// Simulated time a dev machine takes to stop.
pub const STOP_MS: i64 = 2_000;
/// Simulated time an image pack job takes.
pub const PACK_MS: i64 = 5_000;

#[derive(Debug, Clone)]
struct Machine {
    args: CreateDevInstanceArgs,
    id: String,
    created_ms: i64,
    updated_ms: i64,
    /// Where the machine is heading: running or stopped.
    running: bool,
    /// When the last transition began.
    since_ms: i64,
    fail: bool,
    timed_stop: Option<TimedStop>,
    events: Vec<DevInstanceEvent>,
}

impl Machine {
    fn status(&self, now: i64) -> i64 {
        match (self.running, now < self.since_ms + self.transition()) {
            (true, true) => DEV_STARTING,
            (true, false) if self.fail => DEV_FAILED,
            (true, false) => DEV_RUNNING,
            (false, true) => DEV_STOPPING,
            (false, false) => DEV_STOPPED,
        }
    }

    fn transition(&self) -> i64 {
        if self.running {
            START_MS
        } else {
            STOP_MS
        }
    }

    fn event(&mut self, at: i64, reason: &str, message: String) {
        self.events.push(build!(DevInstanceEvent {
            reason: reason.into(),
            message,
            first_timestamp: at / 1000,
            last_timestamp: at / 1000,
            count: 1,
            kind: "Normal".into(),
        }));
    }

    fn go(&mut self, running: bool, at: i64) {
        self.running = running;
        self.since_ms = at;
        self.updated_ms = at;
        let (reason, what) = if running {
            ("Starting", "starting")
        } else {
            ("Stopping", "stopping")
        };
        let msg = format!("dev machine {} is {what}", self.args.name);
        self.event(at, reason, msg);
    }

    /// Applies a due timed stop.
    fn settle(&mut self, now: i64) {
        if let Some(t) = &self.timed_stop {
            let at = t
                .start_time
                .saturating_add(t.delay_sec)
                .saturating_mul(1000);
            if now >= at {
                self.timed_stop = None;
                if self.running {
                    self.go(false, at);
                }
            }
        }
    }

    fn brief(&self, now: i64) -> DevInstanceBrief {
        let conf = self.args.conf.clone().unwrap_or_default();
        let pool = conf.resource_pool.clone().unwrap_or_default();
        build!(DevInstanceBrief {
            name: self.args.name.clone(),
            id: self.id.clone(),
            resource_pool_id: pool.resource_pool_id,
            resource_pool_name: pool.resource_pool_name,
            queue_name: pool.queue_name,
            image_url: conf.image.map(|i| i.image_url).unwrap_or_default(),
            resources: conf.resources,
            account_id: "emulator".into(),
            creator: "emulator".into(),
            region: "bj".into(),
            version: "v2".into(),
            status: self.status(now).into(),
            created_at: self.created_ms / 1000,
            updated_at: self.updated_ms / 1000,
            ..DevInstanceBrief::default()
        })
    }

    fn detail(&self, now: i64) -> DevInstanceDetail {
        let status = self.status(now);
        build!(DevInstanceDetail {
            name: self.args.name.clone(),
            id: self.id.clone(),
            conf: self.args.conf.clone(),
            service_instance_info: (status == DEV_RUNNING).then(|| build!(ServiceInstanceInfo {
                node_ip: "192.168.0.11".into(),
                pod_name: format!("{}-0", self.id),
                service_instance_id: format!("{}-svc", self.id),
                internal_ip: "10.0.3.10".into(),
                public_ip: String::new(),
            })),
            login_info: (status == DEV_RUNNING).then(|| build!(LoginInfo {
                jupyter: build!(LoginUrl {
                    url: format!("http://127.0.0.1/emulator/{}/jupyter", self.id),
                }),
                vscode: build!(LoginUrl {
                    url: format!("http://127.0.0.1/emulator/{}/vscode", self.id),
                }),
            })),
            notify: self.args.notify.clone(),
            visible_scope: self.args.visible_scope.clone(),
            timed_stop_dev_instance: self.timed_stop.clone(),
            is_public_mgmt: self.args.is_public_mgmt,
            account_id: "emulator".into(),
            creator: "emulator".into(),
            region: "bj".into(),
            version: "v2".into(),
            status: status.into(),
            status_reason: if status == DEV_FAILED {
                "emulated start failure".into()
            } else {
                String::new()
            },
            created_at: self.created_ms / 1000,
            updated_at: self.updated_ms / 1000,
            ..DevInstanceDetail::default()
        })
    }
}

#[derive(Debug, Clone)]
struct PackJob {
    detail: ImagePackJobDetail,
    created_ms: i64,
}

/// Dev machine state.
#[derive(Debug, Default)]
pub(crate) struct Dev {
    machines: Vec<Machine>,
    packs: Vec<PackJob>,
}

fn id_reply(ctx: &Ctx, id: &str) -> Reply {
    Reply::ok(build!(DevInstanceIdResponse {
        dev_instance_id: id.into(),
        request_id: ctx.request_id.clone(),
    }))
}

/// Answers `/?action=...`.
pub(crate) fn route(d: &mut Dev, ctx: &Ctx) -> Option<Reply> {
    if ctx.path != "/" {
        return None;
    }
    let action = ctx.q("action")?;
    let now = ctx.now_ms;
    for m in &mut d.machines {
        m.settle(now);
    }
    let id = ctx.qs("devInstanceId").to_owned();
    let pos = d.machines.iter().position(|m| m.id == id);
    let reply = match (ctx.method.as_str(), action) {
        ("POST", "CreateDevInstance") => {
            let args: CreateDevInstanceArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if args.name.is_empty() || args.conf.is_none() {
                return Some(Reply::bad_request("name and conf are required"));
            }
            let id = new_id("dev-", 8);
            let mut m = Machine {
                fail: args.name.contains("fail"),
                args,
                id: id.clone(),
                created_ms: now,
                updated_ms: now,
                running: true,
                since_ms: now,
                timed_stop: None,
                events: Vec::new(),
            };
            let msg = format!("dev machine {} created", m.args.name);
            m.event(now, "Created", msg);
            d.machines.push(m);
            id_reply(ctx, &id)
        }
        ("GET", "DescribeDevInstances") => {
            let pool = ctx.qs("resourcePoolId");
            let queue = ctx.qs("queueName");
            let val = ctx.qs("queryVal");
            let all: Vec<DevInstanceBrief> = d
                .machines
                .iter()
                .rev()
                .map(|m| m.brief(now))
                .filter(|b| pool.is_empty() || b.resource_pool_id == pool)
                .filter(|b| queue.is_empty() || b.queue_name == queue)
                .filter(|b| val.is_empty() || b.name.contains(val) || b.id.contains(val))
                .collect();
            Reply::ok(build!(ListDevInstanceResponse {
                total_count: all.len() as i64,
                dev_instances: page(&all, ctx.qn("pageNumber", 1), ctx.qn("pageSize", 10)),
                request_id: ctx.request_id.clone(),
            }))
        }
        ("GET", "DescribeDevInstance") => match pos {
            None => Reply::not_found("dev instance", &id),
            Some(i) => Reply::ok(build!(QueryDevInstanceDetailResponse {
                dev_instance: d.machines[i].detail(now),
                request_id: ctx.request_id.clone(),
            })),
        },
        ("POST", "ModifyDevInstance") => {
            let args: CreateDevInstanceArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            match d.machines.iter_mut().find(|m| m.id == args.id) {
                None => Reply::not_found("dev instance", &args.id),
                Some(m) => {
                    let id = m.id.clone();
                    if args.conf.is_some() {
                        m.args.conf = args.conf;
                    }
                    if !args.name.is_empty() {
                        m.args.name = args.name;
                    }
                    m.updated_ms = now;
                    id_reply(ctx, &id)
                }
            }
        }
        ("POST", "StartDevInstance") | ("POST", "StopDevInstance") => match pos {
            None => Reply::not_found("dev instance", &id),
            Some(i) => {
                let start = action == "StartDevInstance";
                let m = &mut d.machines[i];
                if m.running != start {
                    m.go(start, now);
                }
                id_reply(ctx, &id)
            }
        },
        ("POST", "DeleteDevInstance") => match pos {
            None => Reply::not_found("dev instance", &id),
            Some(i) => {
                d.machines.remove(i);
                id_reply(ctx, &id)
            }
        },
        ("POST", "TimedStopDevInstance") => {
            let args: TimedStopDevInstanceArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            match d.machines.iter_mut().find(|m| m.id == args.dev_instance_id) {
                None => Reply::not_found("dev instance", &args.dev_instance_id),
                Some(m) => {
                    m.timed_stop = args.enable.then_some(build!(TimedStop {
                        start_time: now / 1000,
                        delay_sec: args.delay_sec,
                    }));
                    id_reply(ctx, &args.dev_instance_id)
                }
            }
        }
        ("GET", "DescribeDevInstanceEvents") => {
            let all: Vec<DevInstanceEvent> = d
                .machines
                .iter()
                .filter(|m| id.is_empty() || m.id == id)
                .flat_map(|m| m.events.iter().cloned())
                .filter(|e| e.first_timestamp * 1000 <= now)
                .collect();
            if !id.is_empty() && pos.is_none() {
                return Some(Reply::not_found("dev instance", &id));
            }
            Reply::ok(build!(ListDevInstanceEventResponse {
                total_count: all.len() as i64,
                events: page(&all, ctx.qn("pageNumber", 1), ctx.qn("pageSize", 10)),
                request_id: ctx.request_id.clone(),
            }))
        }
        ("POST", "CreateDevInstanceImagePackJob") => {
            let args: CreateDevInstanceImagePackJobArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if !d.machines.iter().any(|m| m.id == args.dev_instance_id) {
                return Some(Reply::not_found("dev instance", &args.dev_instance_id));
            }
            let job_id = new_id("pack-", 8);
            d.packs.push(PackJob {
                detail: build!(ImagePackJobDetail {
                    id: job_id.clone(),
                    dev_instance_id: args.dev_instance_id.clone(),
                    image_name: args.image_name.clone(),
                    image_tag: args.image_tag.clone(),
                    registry: args.registry.clone(),
                    namespace: args.namespace.clone(),
                    status: IMAGE_PACK_RUNNING.into(),
                    created_at: now / 1000,
                    updated_at: now / 1000,
                }),
                created_ms: now,
            });
            Reply::ok(build!(CreateImagePackJobResponse {
                image_pack_job_id: job_id,
                dev_instance_id: args.dev_instance_id,
                request_id: ctx.request_id.clone(),
            }))
        }
        ("GET", "DescribeDevInstanceImagePackJob") => {
            let job = ctx.qs("imagePackJobId");
            match d.packs.iter().find(|p| p.detail.id == job) {
                None => Reply::not_found("image pack job", job),
                Some(p) => {
                    let mut detail = p.detail.clone();
                    if now >= p.created_ms + PACK_MS {
                        detail.status = IMAGE_PACK_SUCCEEDED.into();
                        detail.updated_at = (p.created_ms + PACK_MS) / 1000;
                    }
                    Reply::ok(build!(ImagePackJobDetailResponse {
                        dev_instance_image_pack_job: detail,
                        request_id: ctx.request_id.clone(),
                    }))
                }
            }
        }
        _ => Reply::error(
            400,
            "InvalidAction",
            format!("the emulator has no dev action {} {action}", ctx.method),
        ),
    };
    Some(reply)
}
