//! AIHC custom deployment: apps, their instances (pods), change records and
//! resource pools.
//!
//! A new or scaled app brings one instance up every [`INSTANCE_READY_MS`] of
//! simulated time; [`crate::status::APP_DEPLOYING`] turns into
//! [`crate::status::APP_RUNNING`] once every instance is ready.

use std::collections::BTreeMap;

use aihc_deploy::{
    AccessIps, AppBriefInfo, AppBriefStat, AppChangeRecord, AppDetails, AppIdData, AppList,
    AppStats, AppStatus, ChangeList, ContainerInfo, ContainerStatus, Count, CreateAppArgs,
    DeployResponse, InsInfo, InsStatus, PodList, ResPoolBriefInfo, ResPoolDetail, ResPoolInfo,
    ResPoolList, ResPoolMeta, ResPoolSpec, ResPoolStatus, ResQueueInfo,
};
use serde::Serialize;
use serde_json::json;

use crate::clock::iso;
use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::{new_id, MAX_REPLICAS};
use crate::status::{APP_DEPLOYING, APP_RUNNING};

/// Simulated time between two instances of an app becoming ready.
pub const INSTANCE_READY_MS: i64 = 2_000;

#[derive(Debug, Clone)]
struct Instance {
    id: String,
    created_ms: i64,
    blocked: bool,
}

#[derive(Debug, Clone)]
struct App {
    id: String,
    args: CreateAppArgs,
    region: String,
    created_ms: i64,
    updated_ms: i64,
    instances: Vec<Instance>,
    changes: Vec<AppChangeRecord>,
}

impl App {
    fn ready(&self, now: i64) -> i32 {
        self.instances
            .iter()
            .filter(|i| !i.blocked && now >= i.created_ms)
            .count() as i32
    }

    fn stat(&self, now: i64) -> AppBriefStat {
        let total = self.instances.len() as i32;
        let available = self.ready(now);
        build!(AppBriefStat {
            status: if available >= total {
                APP_RUNNING
            } else {
                APP_DEPLOYING
            }
            .into(),
            available_ins: available,
            total_ins: total,
        })
    }

    fn brief(&self) -> AppBriefInfo {
        let pool = self.args.res_pool.clone().unwrap_or_default();
        build!(AppBriefInfo {
            app_id: self.id.clone(),
            app_name: self.args.app_name.clone(),
            res_pool_name: format!("pool {}", pool.res_pool_id),
            res_pool_id: pool.res_pool_id,
            res_queue: pool.queue,
            region: self.region.clone(),
            public_access: self.args.access.as_ref().is_some_and(|a| a.public_access),
            creator: "emulator".into(),
            ctime: self.created_ms / 1000,
            mtime: self.updated_ms / 1000,
        })
    }

    fn add_instances(&mut self, n: usize, now: i64) {
        let base = self
            .instances
            .iter()
            .map(|i| i.created_ms)
            .max()
            .unwrap_or(now)
            .max(now);
        for k in 0..n {
            self.instances.push(Instance {
                id: format!("{}-{}", self.id, new_id("", 5)),
                created_ms: base + INSTANCE_READY_MS * (k as i64 + 1),
                blocked: false,
            });
        }
    }

    fn record(&mut self, change_type: i32, desc: &str, now: i64) {
        self.changes.push(build!(AppChangeRecord {
            change_id: new_id("chg-", 10),
            prev: self
                .changes
                .last()
                .map(|c| c.change_id.clone())
                .unwrap_or_default(),
            change_type,
            short_desc: desc.into(),
            creator: "emulator".into(),
            ctime: now / 1000,
        }));
    }
}

/// Deployment state.
#[derive(Debug, Default)]
pub(crate) struct Deploy {
    apps: Vec<App>,
}

fn ok<T: Serialize + Default>(ctx: &Ctx, data: T) -> Reply {
    Reply::ok(build!(DeployResponse {
        code: "Success".into(),
        message: "success".into(),
        request_id: ctx.request_id.clone(),
        data,
    }))
}

fn pools(now: i64) -> Vec<ResPoolBriefInfo> {
    [
        ("cce-emu00a800", "emulator-a800"),
        ("cce-emu00h800", "emulator-h800"),
    ]
    .iter()
    .map(|(id, name)| {
        build!(ResPoolBriefInfo {
            res_pool_id: (*id).into(),
            res_pool_name: (*name).into(),
            cluster_type: "aihc".into(),
            description: "emulated pool".into(),
            k8s_version: "1.28.8".into(),
            created_at: iso(now - 86_400_000),
            updated_at: iso(now - 3_600_000),
            phase: "running".into(),
            ..ResPoolBriefInfo::default()
        })
    })
    .collect()
}

/// Answers `/api/v1/aihcpom/...`.
pub(crate) fn route(d: &mut Deploy, ctx: &Ctx) -> Option<Reply> {
    let rest = ctx.path.strip_prefix("/api/v1/aihcpom/")?;
    let now = ctx.now_ms;
    let m = ctx.method.as_str();
    let app_id = ctx.qs("appId").to_owned();
    let find = |d: &mut Deploy, id: &str| d.apps.iter().position(|a| a.id == id);
    let reply = match (m, rest) {
        ("POST", "app/create") => {
            let args: CreateAppArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if args.app_name.is_empty() {
                return Some(Reply::bad_request("appName is required"));
            }
            let mut app = App {
                id: new_id("app-", 8),
                region: ctx.header("x-region").unwrap_or_default().to_owned(),
                created_ms: now,
                updated_ms: now,
                instances: Vec::new(),
                changes: Vec::new(),
                args,
            };
            let n = usize::try_from(app.args.ins_count.clamp(1, MAX_REPLICAS as i32)).unwrap_or(1);
            app.add_instances(n, now);
            app.record(1, "create", now);
            let id = app.id.clone();
            d.apps.push(app);
            ok(ctx, build!(AppIdData { app_id: id }))
        }
        ("GET", "app/list") => {
            let keyword = ctx.qs("keyword");
            let all: Vec<AppBriefInfo> = d
                .apps
                .iter()
                .rev()
                .filter(|a| a.args.app_name.contains(keyword) || a.id.contains(keyword))
                .map(App::brief)
                .collect();
            ok(
                ctx,
                build!(AppList {
                    list: page(&all, ctx.qn("pageNo", 1), ctx.qn("pageSize", 10)),
                    count: all.len() as i64,
                }),
            )
        }
        ("GET", "app/stats") => {
            let mut apps = BTreeMap::new();
            for id in ctx.qs("appIds").split('#').filter(|s| !s.is_empty()) {
                if let Some(a) = d.apps.iter().find(|a| a.id == id) {
                    apps.insert(id.to_owned(), a.stat(now));
                }
            }
            ok(ctx, build!(AppStats { apps }))
        }
        ("GET", "app/details") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let a = &d.apps[i];
                let public = a.args.access.as_ref().is_some_and(|x| x.public_access);
                ok(
                    ctx,
                    build!(AppDetails {
                        app: a.args.clone(),
                        status: build!(AppStatus {
                            access_ips: Some(build!(AccessIps {
                                internal: "10.0.1.10".into(),
                                external: if public {
                                    "106.12.0.10".into()
                                } else {
                                    String::new()
                                },
                            })),
                            access_ports: Vec::new(),
                            blb_short_id: format!("lb-{}", &a.id[4..]),
                        }),
                        creator: "emulator".into(),
                        ctime: a.created_ms / 1000,
                        mtime: a.updated_ms / 1000,
                    }),
                )
            }
        },
        ("POST", "app/update") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let conf: CreateAppArgs = match ctx.json() {
                    Ok(a) => a,
                    Err(r) => return Some(r),
                };
                let a = &mut d.apps[i];
                a.args = conf;
                a.updated_ms = now;
                let desc = ctx.q("shortDesc").unwrap_or("update").to_owned();
                a.record(2, &desc, now);
                ok(ctx, build!(AppIdData { app_id }))
            }
        },
        ("POST", "app/scale") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let n = ctx.q("insCount").and_then(|v| v.parse::<usize>().ok());
                let Some(n) = n.filter(|n| *n <= MAX_REPLICAS as usize) else {
                    return Some(Reply::bad_request(
                        "insCount must be a number from 0 to 100",
                    ));
                };
                let a = &mut d.apps[i];
                if n < a.instances.len() {
                    a.instances.truncate(n);
                } else {
                    let more = n - a.instances.len();
                    a.add_instances(more, now);
                }
                a.args.ins_count = n as i32;
                a.updated_ms = now;
                a.record(3, &format!("scale to {n}"), now);
                ok(ctx, json!({}))
            }
        },
        ("POST", "app/pubaccess") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let a = &mut d.apps[i];
                let mut access = a.args.access.clone().unwrap_or_default();
                access.public_access = ctx.qs("publicAccess") == "true";
                access.eip = ctx.qs("eip").to_owned();
                a.args.access = Some(access);
                a.record(4, "public access", now);
                ok(ctx, json!({}))
            }
        },
        ("GET", "app/listchange") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let all: Vec<AppChangeRecord> = d.apps[i].changes.iter().rev().cloned().collect();
                ok(
                    ctx,
                    build!(ChangeList {
                        count: all.len() as i64,
                        list: page(&all, ctx.qn("pageNo", 1), ctx.qn("pageSize", 10)),
                    }),
                )
            }
        },
        ("GET", "app/changedetail") => {
            let id = ctx.qs("changeId");
            match d
                .apps
                .iter()
                .flat_map(|a| a.changes.iter())
                .find(|c| c.change_id == id)
            {
                Some(c) => ok(ctx, c.clone()),
                None => Reply::not_found("change", id),
            }
        }
        ("POST", "app/delete") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                d.apps.remove(i);
                ok(ctx, json!({}))
            }
        },
        ("GET", "pod/list") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let a = &d.apps[i];
                let list = a
                    .instances
                    .iter()
                    .enumerate()
                    .map(|(k, ins)| {
                        let ready = now >= ins.created_ms;
                        let state = if ready { "Running" } else { "Pending" };
                        build!(InsInfo {
                            ins_id: ins.id.clone(),
                            containers: a
                                .args
                                .containers
                                .iter()
                                .map(|c| build!(ContainerInfo {
                                    container_id: format!("{}-{}", ins.id, c.name),
                                    container: Some(c.clone()),
                                    status: Some(build!(ContainerStatus {
                                        container_status: state.into(),
                                        ctime: ins.created_ms / 1000,
                                        reason: String::new(),
                                    })),
                                }))
                                .collect(),
                            status: Some(build!(InsStatus {
                                blocked: ins.blocked,
                                ins_status: state.into(),
                                ctime: ins.created_ms / 1000,
                                available_containers: if ready {
                                    a.args.containers.len() as i32
                                } else {
                                    0
                                },
                                total_containers: a.args.containers.len() as i32,
                                pod_ip: format!("10.0.2.{}", 10 + k),
                                node_ip: "192.168.0.10".into(),
                            })),
                        })
                    })
                    .collect();
                ok(ctx, build!(PodList { list }))
            }
        },
        ("POST", "pod/block") | ("POST", "pod/delete") => match find(d, &app_id) {
            None => Reply::not_found("app", &app_id),
            Some(i) => {
                let ins_id = ctx.qs("insID");
                let a = &mut d.apps[i];
                let Some(k) = a.instances.iter().position(|x| x.id == ins_id) else {
                    return Some(Reply::not_found("instance", ins_id));
                };
                if rest == "pod/block" {
                    a.instances[k].blocked = ctx.qs("block") == "true";
                } else {
                    a.instances.remove(k);
                    a.add_instances(1, now);
                }
                ok(ctx, json!({}))
            }
        },
        ("GET", "respool/listbrief") => {
            let all = pools(now);
            ok(
                ctx,
                build!(ResPoolList {
                    res_pools: page(&all, ctx.qn("pageNo", 1), ctx.qn("pageSize", 10)),
                }),
            )
        }
        ("GET", "respool/detail") => {
            let id = ctx.qs("resPoolId");
            match pools(now).into_iter().find(|p| p.res_pool_id == id) {
                None => Reply::not_found("resource pool", id),
                Some(p) => ok(
                    ctx,
                    build!(ResPoolDetail {
                        res_pool: build!(ResPoolInfo {
                            meta: Some(build!(ResPoolMeta {
                                res_pool_id: p.res_pool_id.clone(),
                                res_pool_name: p.res_pool_name.clone(),
                                created_at: p.created_at.clone(),
                                updated_at: p.updated_at.clone(),
                            })),
                            spec: Some(build!(ResPoolSpec {
                                k8s_version: p.k8s_version.clone(),
                                region: "bj".into(),
                                created_by: "emulator".into(),
                                description: p.description.clone(),
                                ..ResPoolSpec::default()
                            })),
                            status: Some(build!(ResPoolStatus {
                                gpu_count: Some(build!(Count { total: 16, used: 0 })),
                                node_count: Some(build!(Count { total: 2, used: 0 })),
                                phase: "running".into(),
                            })),
                        }),
                        res_queue: vec![build!(ResQueueInfo {
                            name: "default".into(),
                            name_space: "default".into(),
                            parent_queue: "root".into(),
                            queue_type: "Elastic".into(),
                            state: "Open".into(),
                            created_time: p.created_at,
                            ..ResQueueInfo::default()
                        })],
                    }),
                ),
            }
        }
        _ => Reply::error(
            404,
            "NotFound",
            format!("no deploy operation {m} {}", ctx.path),
        ),
    };
    Some(reply)
}
