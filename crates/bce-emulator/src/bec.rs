//! BEC: VM services and their instances, container services, load
//! balancers (v1) and VPCs.
//!
//! Services and load balancers are `CREATING`/`STARTING` for [`UP_MS`] of
//! simulated time and then `RUNNING`; a stop takes [`DOWN_MS`]. A VM service
//! named with `fail` ends up `FAILED`.

use std::collections::BTreeMap;

use bec::{
    ActionResult, BlbInstanceVo, CreateBlbArgs, CreateServiceArgs, CreateVmServiceArgs,
    CreateVpcRequest, DeploymentInstance, GetVpcDetailResult, OperationVo, PageResult,
    ServiceBriefVo, ServiceDetailsVo, UpdateVpcRequest, VmInstanceBriefVo, VmInstanceDetailsVo,
    VmRef, VmServiceBriefVo, VmServiceDetailsVo, VpcDetail,
};
use serde::Serialize;
use serde_json::Value;

use crate::clock::iso;
use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::{new_id, MAX_REPLICAS};

/// Simulated time a service or load balancer takes to come up.
pub const UP_MS: i64 = 5_000;
/// Simulated time a service takes to stop.
pub const DOWN_MS: i64 = 2_000;

/// Start/stop state of a resource.
#[derive(Debug, Clone)]
struct Life {
    created_ms: i64,
    running: bool,
    since_ms: i64,
    fail: bool,
}

impl Life {
    fn new(now: i64, fail: bool) -> Self {
        Life {
            created_ms: now,
            running: true,
            since_ms: now,
            fail,
        }
    }

    fn status(&self, now: i64) -> &'static str {
        match (
            self.running,
            now < self.since_ms + if self.running { UP_MS } else { DOWN_MS },
        ) {
            (true, true) if self.since_ms == self.created_ms => "CREATING",
            (true, true) => "STARTING",
            (true, false) if self.fail => "FAILED",
            (true, false) => "RUNNING",
            (false, true) => "STOPPING",
            (false, false) => "STOPPED",
        }
    }

    fn set(&mut self, running: bool, now: i64) {
        if self.running != running {
            self.running = running;
            self.since_ms = now;
        }
    }
}

#[derive(Debug, Clone)]
struct VmService {
    id: String,
    args: CreateVmServiceArgs,
    life: Life,
    vms: Vec<(String, DeploymentInstance)>,
}

impl VmService {
    fn brief(&self, now: i64) -> VmServiceBriefVo {
        let status = self.life.status(now);
        let total = self.vms.len() as i64;
        build!(VmServiceBriefVo {
            service_id: self.id.clone(),
            service_name: self.args.service_name.clone(),
            status: status.into(),
            total_cpu: self.args.cpu.saturating_mul(total),
            total_mem: self.args.memory.saturating_mul(total),
            regions: self.args.deploy_instances.len() as i64,
            deploy_instances: self.args.deploy_instances.clone(),
            total_instances: total,
            running_instances: if status == "RUNNING" { total } else { 0 },
            create_time: iso(self.life.created_ms),
            instances: self
                .vms
                .iter()
                .map(|(id, d)| build!(VmRef {
                    vm_id: id.clone(),
                    vm_name: self.vm_name(),
                    region: d.region.to_string(),
                    region_id: d.region_id.clone(),
                    city: d.city.clone(),
                    service_provider: d.service_provider.to_string(),
                }))
                .collect(),
            tags: self.args.tags.clone(),
            ..VmServiceBriefVo::default()
        })
    }

    fn vm_name(&self) -> String {
        if self.args.vm_name.is_empty() {
            self.args.service_name.clone()
        } else {
            self.args.vm_name.clone()
        }
    }

    fn vm(&self, index: usize, now: i64) -> Option<VmInstanceDetailsVo> {
        let (id, d) = self.vms.get(index)?;
        Some(build!(VmInstanceDetailsVo {
            brief: build!(VmInstanceBriefVo {
                internal_ip: format!("172.16.0.{}", 10 + index),
                public_ip: if self.args.need_public_ip {
                    format!("36.110.0.{}", 10 + index)
                } else {
                    String::new()
                },
                service_provider: d.service_provider.to_string(),
                vm_id: id.clone(),
                uuid: format!("{id}-uuid"),
                vm_name: self.vm_name(),
                status: self.life.status(now).into(),
                spec: self.args.spec.clone(),
                cpu: self.args.cpu,
                mem: self.args.memory,
                region: d.region.to_string(),
                city: d.city.clone(),
                region_id: d.region_id.clone(),
                need_public_ip: self.args.need_public_ip,
                bandwidth: self.args.bandwidth.to_string(),
                service_id: self.id.clone(),
                create_time: iso(self.life.created_ms),
                hostname: self.args.hostname.clone(),
                tags: self.args.tags.clone(),
                ..VmInstanceBriefVo::default()
            }),
            ..VmInstanceDetailsVo::default()
        }))
    }
}

#[derive(Debug, Clone)]
struct ContainerService {
    id: String,
    args: CreateServiceArgs,
    life: Life,
}

impl ContainerService {
    fn pods(&self) -> i64 {
        self.args
            .deploy_instances
            .iter()
            .map(|d| d.replicas.clamp(1, MAX_REPLICAS))
            .sum()
    }

    fn brief(&self, now: i64) -> ServiceBriefVo {
        let status = self.life.status(now);
        build!(ServiceBriefVo {
            service_id: self.id.clone(),
            service_name: self.args.service_name.clone(),
            status: status.into(),
            regions: self.args.deploy_instances.len() as i64,
            total_pods: self.pods(),
            running_pods: if status == "RUNNING" { self.pods() } else { 0 },
            tag_map: self.args.tags.clone(),
            deploy_instances: self.args.deploy_instances.clone(),
            create_time: iso(self.life.created_ms),
            last_update_time: iso(self.life.since_ms),
            ..ServiceBriefVo::default()
        })
    }

    fn details(&self, now: i64) -> ServiceDetailsVo {
        let b = self.brief(now);
        build!(ServiceDetailsVo {
            service_id: b.service_id,
            service_name: b.service_name,
            status: b.status,
            total_pods: b.total_pods,
            running_pods: b.running_pods,
            region_size: b.regions,
            tags_map: b.tag_map,
            deploy_instances: b.deploy_instances,
            create_time: b.create_time,
            last_update_time: b.last_update_time,
            ..ServiceDetailsVo::default()
        })
    }
}

#[derive(Debug, Clone)]
struct Blb {
    vo: BlbInstanceVo,
    life: Life,
}

/// BEC state.
#[derive(Debug, Default)]
pub(crate) struct Bec {
    vm_services: Vec<VmService>,
    services: Vec<ContainerService>,
    blbs: Vec<Blb>,
    vpcs: Vec<VpcDetail>,
}

fn action<D: Serialize + Default>(name: &str, details: D) -> Reply {
    Reply::ok(build!(ActionResult {
        result: true,
        action: name.into(),
        details,
    }))
}

fn listing<T: Serialize + Clone + Default>(ctx: &Ctx, all: &[T]) -> Reply {
    let (no, size) = (ctx.qn("pageNo", 1), ctx.qn("pageSize", 10));
    Reply::ok(build!(PageResult {
        order_by: ctx.qs("orderBy").into(),
        order: ctx.qs("order").into(),
        page_no: no,
        page_size: size,
        total_count: all.len() as i64,
        result: page(all, no, size),
    }))
}

fn done(id: &str) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    m.insert(id.to_owned(), "success".to_owned());
    m
}

fn batch(ids: &[String], exists: impl Fn(&str) -> bool) -> Vec<OperationVo> {
    ids.iter()
        .map(|id| {
            build!(OperationVo {
                resource_id: id.clone(),
                success: exists(id),
                error: if exists(id) {
                    String::new()
                } else {
                    "not found".into()
                },
            })
        })
        .collect()
}

/// Answers `/v1/...` BEC paths.
pub(crate) fn route(b: &mut Bec, ctx: &Ctx) -> Option<Reply> {
    let seg = ctx.segments();
    let m = ctx.method.as_str();
    let now = ctx.now_ms;
    if seg.first() != Some(&"v1") {
        return None;
    }
    let reply = match (m, &seg[1..]) {
        // VM services.
        ("POST", ["vm", "service"]) => {
            let args: CreateVmServiceArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if args.deploy_instances.is_empty() || args.deploy_instances.len() > 20 {
                return Some(Reply::bad_request(
                    "deployInstances must hold 1 to 20 placements",
                ));
            }
            let id = new_id("s-", 8);
            let mut vms = Vec::new();
            for d in &args.deploy_instances {
                for _ in 0..d.replicas.clamp(1, MAX_REPLICAS) {
                    vms.push((new_id("vm-", 8), d.clone()));
                }
            }
            let svc = VmService {
                id,
                life: Life::new(now, args.service_name.contains("fail")),
                args,
                vms,
            };
            let brief = svc.brief(now);
            b.vm_services.push(svc);
            action("create", brief)
        }
        ("GET", ["vm", "service"]) => {
            let keyword = ctx.qs("keyword");
            let status = ctx.qs("status");
            let all: Vec<VmServiceBriefVo> = b
                .vm_services
                .iter()
                .rev()
                .map(|s| s.brief(now))
                .filter(|s| s.service_name.contains(keyword) || s.service_id.contains(keyword))
                .filter(|s| status.is_empty() || s.status.as_str() == status)
                .collect();
            listing(ctx, &all)
        }
        ("POST", ["vm", "service", "batch", "delete"]) => {
            let ids: Vec<String> = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            let known: Vec<String> = b.vm_services.iter().map(|s| s.id.clone()).collect();
            let result = batch(&ids, |id| known.iter().any(|k| k == id));
            b.vm_services.retain(|s| !ids.contains(&s.id));
            action("delete", result)
        }
        ("PUT", ["vm", "service", "batch", "operate"]) => {
            let args: Value = ctx.json().unwrap_or(Value::Null);
            let ids: Vec<String> = args["idList"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            let start = args["action"].as_str() == Some("start");
            let known: Vec<String> = b.vm_services.iter().map(|s| s.id.clone()).collect();
            for s in b.vm_services.iter_mut().filter(|s| ids.contains(&s.id)) {
                s.life.set(start, now);
            }
            action(
                if start { "start" } else { "stop" },
                batch(&ids, |id| known.iter().any(|k| k == id)),
            )
        }
        (_, ["vm", "service", id, rest @ ..]) => {
            let Some(i) = b.vm_services.iter().position(|s| s.id == *id) else {
                return Some(Reply::not_found("vm service", id));
            };
            match (m, rest) {
                ("GET", []) => {
                    let s = &b.vm_services[i];
                    Reply::ok(build!(VmServiceDetailsVo {
                        brief: s.brief(now),
                        bandwidth: s.args.bandwidth.to_string(),
                        total_bandwidth: s
                            .args
                            .bandwidth
                            .saturating_mul(s.vms.len() as i64)
                            .to_string(),
                        data_volume_list: s.args.data_volume_list.clone(),
                        system_volume_list: s
                            .args
                            .system_volume
                            .clone()
                            .map(|v| {
                                vec![bec::VolumeConfig {
                                    name: v.name,
                                    size_in_gb: v.size_in_gb,
                                    volume_type: v.volume_type,
                                    ..Default::default()
                                }]
                            })
                            .unwrap_or_default(),
                    }))
                }
                ("PUT", []) => {
                    let args: Value = ctx.json().unwrap_or(Value::Null);
                    let s = &mut b.vm_services[i];
                    if let Some(name) = args["serviceName"].as_str().filter(|n| !n.is_empty()) {
                        s.args.service_name = name.into();
                    }
                    if let Some(cpu) = args["cpu"].as_i64().filter(|c| *c > 0) {
                        s.args.cpu = cpu;
                    }
                    if let Some(mem) = args["memory"].as_i64().filter(|c| *c > 0) {
                        s.args.memory = mem;
                    }
                    action("update", s.brief(now))
                }
                ("DELETE", []) => {
                    b.vm_services.remove(i);
                    action("delete", done(id))
                }
                ("PUT", [act]) if *act == "start" || *act == "stop" => {
                    b.vm_services[i].life.set(*act == "start", now);
                    action(act, done(id))
                }
                _ => Reply::error(404, "NotFound", "no such vm service operation"),
            }
        }
        // VM instances (read, delete).
        ("GET", ["vm", "instance"]) => {
            let service = ctx.qs("serviceId");
            let keyword = ctx.qs("keyword");
            let all: Vec<VmInstanceDetailsVo> = b
                .vm_services
                .iter()
                .filter(|s| service.is_empty() || s.id == service)
                .flat_map(|s| (0..s.vms.len()).filter_map(move |k| s.vm(k, now)))
                .filter(|v| v.brief.vm_name.contains(keyword) || v.brief.vm_id.contains(keyword))
                .collect();
            listing(ctx, &all)
        }
        (_, ["vm", "instance", vm_id]) if m == "GET" || m == "DELETE" => {
            let found = b
                .vm_services
                .iter()
                .enumerate()
                .find_map(|(i, s)| s.vms.iter().position(|(v, _)| v == vm_id).map(|k| (i, k)));
            let Some((i, k)) = found else {
                return Some(Reply::not_found("vm instance", vm_id));
            };
            if m == "GET" {
                match b.vm_services[i].vm(k, now) {
                    Some(vm) => Reply::ok(vm),
                    None => Reply::not_found("vm instance", vm_id),
                }
            } else {
                b.vm_services[i].vms.remove(k);
                action("delete", done(vm_id))
            }
        }
        // Container services.
        ("POST", ["service", "create"]) => {
            let args: CreateServiceArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if args.service_name.is_empty() {
                return Some(Reply::bad_request("serviceName is required"));
            }
            let svc = ContainerService {
                id: new_id("s-", 8),
                life: Life::new(now, args.service_name.contains("fail")),
                args,
            };
            let brief = svc.brief(now);
            b.services.push(svc);
            action("create", brief)
        }
        ("GET", ["service"]) => {
            let keyword = ctx.qs("keyword");
            let all: Vec<ServiceBriefVo> = b
                .services
                .iter()
                .rev()
                .map(|s| s.brief(now))
                .filter(|s| s.service_name.contains(keyword) || s.service_id.contains(keyword))
                .collect();
            listing(ctx, &all)
        }
        (_, ["service", id, rest @ ..]) if *id != "batch" => {
            let Some(i) = b.services.iter().position(|s| s.id == *id) else {
                return Some(Reply::not_found("service", id));
            };
            match (m, rest) {
                ("GET", []) => Reply::ok(b.services[i].details(now)),
                ("DELETE", []) => {
                    b.services.remove(i);
                    action("delete", done(id))
                }
                ("PUT", [act]) if *act == "start" || *act == "stop" => {
                    b.services[i].life.set(*act == "start", now);
                    action(act, done(id))
                }
                _ => Reply::error(404, "NotFound", "no such service operation"),
            }
        }
        // Load balancers (v1).
        ("POST", ["blb"]) => {
            let args: CreateBlbArgs = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            let id = new_id("lb-", 8);
            let vo = build!(BlbInstanceVo {
                blb_id: id,
                blb_name: args.blb_name.clone(),
                status: "CREATING".into(),
                lb_type: if args.lb_type.is_empty() {
                    "vm".into()
                } else {
                    args.lb_type.clone()
                },
                region: args.region.to_string(),
                service_provider: args.service_provider.to_string(),
                city: args.city.clone(),
                region_id: args.region_id.clone(),
                public_ip: if args.need_public_ip {
                    "36.110.1.10".into()
                } else {
                    String::new()
                },
                internal_ip: "172.16.1.10".into(),
                ports: args.listeners.clone(),
                bandwidth_in_mbps_limit: args.bandwidth_in_mbps_limit,
                create_time: iso(now),
                ..BlbInstanceVo::default()
            });
            b.blbs.push(Blb {
                vo: vo.clone(),
                life: Life::new(now, false),
            });
            action("create", vo)
        }
        ("GET", ["blb"]) => {
            let keyword = ctx.qs("keyword");
            let all: Vec<BlbInstanceVo> = b
                .blbs
                .iter()
                .rev()
                .map(|l| {
                    build!(BlbInstanceVo {
                        status: l.life.status(now).into(),
                        ..l.vo.clone()
                    })
                })
                .filter(|l| l.blb_name.contains(keyword) || l.blb_id.contains(keyword))
                .collect();
            listing(ctx, &all)
        }
        (_, ["blb", id]) if *id != "batch" => {
            let Some(i) = b.blbs.iter().position(|l| l.vo.blb_id == *id) else {
                return Some(Reply::not_found("load balancer", id));
            };
            match m {
                "GET" => Reply::ok(build!(BlbInstanceVo {
                    status: b.blbs[i].life.status(now).into(),
                    ..b.blbs[i].vo.clone()
                })),
                "PUT" => {
                    let args: Value = ctx.json().unwrap_or(Value::Null);
                    let l = &mut b.blbs[i];
                    if let Some(name) = args["blbName"].as_str().filter(|n| !n.is_empty()) {
                        l.vo.blb_name = name.into();
                    }
                    if let Some(bw) = args["bandwidthInMbpsLimit"].as_i64().filter(|n| *n > 0) {
                        l.vo.bandwidth_in_mbps_limit = bw;
                    }
                    action(
                        "update",
                        build!(BlbInstanceVo {
                            status: l.life.status(now).into(),
                            ..l.vo.clone()
                        }),
                    )
                }
                "DELETE" => {
                    b.blbs.remove(i);
                    action("delete", done(id))
                }
                _ => Reply::error(404, "NotFound", "no such load balancer operation"),
            }
        }
        // VPCs.
        ("POST", ["vpc"]) => {
            let args: CreateVpcRequest = match ctx.json() {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            if args.name.is_empty() || args.cidr.is_empty() {
                return Some(Reply::bad_request("name and cidr are required"));
            }
            let id = new_id("vpc-", 12);
            b.vpcs.push(build!(VpcDetail {
                vpc_id: id.clone(),
                name: args.name,
                description: args.description,
                cidr: args.cidr,
                region_id: args.region_id,
                created_time: iso(now),
                ..VpcDetail::default()
            }));
            let mut details = BTreeMap::new();
            details.insert("vpcId".to_owned(), Value::String(id));
            action("create", details)
        }
        ("GET", ["vpc", "list"]) => {
            let keyword = ctx.qs("keyword");
            let region = ctx.qs("regionId");
            let all: Vec<VpcDetail> = b
                .vpcs
                .iter()
                .rev()
                .filter(|v| v.name.contains(keyword) || v.vpc_id.contains(keyword))
                .filter(|v| region.is_empty() || v.region_id == region)
                .cloned()
                .collect();
            listing(ctx, &all)
        }
        (_, ["vpc", id]) => {
            let Some(i) = b.vpcs.iter().position(|v| v.vpc_id == *id) else {
                return Some(Reply::not_found("vpc", id));
            };
            let mut details = BTreeMap::new();
            details.insert("vpcId".to_owned(), Value::String((*id).to_owned()));
            match m {
                "GET" => Reply::ok(build!(GetVpcDetailResult {
                    vpc: b.vpcs[i].clone(),
                })),
                "PUT" => {
                    let args: UpdateVpcRequest = match ctx.json() {
                        Ok(a) => a,
                        Err(r) => return Some(r),
                    };
                    b.vpcs[i].name = args.name;
                    b.vpcs[i].description = args.description;
                    action("update", details)
                }
                "DELETE" => {
                    b.vpcs.remove(i);
                    action("delete", details)
                }
                _ => Reply::error(404, "NotFound", "no such vpc operation"),
            }
        }
        _ => return None,
    };
    Some(reply)
}
