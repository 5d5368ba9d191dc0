//! AIHC OpenAPI v2 online services (`/?action=…`, header `version: v2`):
//! services with replicas, pods, pod groups, change records, scaling,
//! rolling updates and network access.
//!
//! Lifecycle on the simulation clock:
//! * a new pod is ready [`POD_START_MS`] after it was created;
//! * `ModifyService` / `UpgradeService` roll the service: a new pod per
//!   wanted replica starts at once, the old pods stay (and serve) until
//!   [`POD_START_MS`] later, so the service briefly has more pods than
//!   wanted;
//! * scaling down retires the newest pods after [`POD_STOP_MS`];
//! * a service whose name contains `fail` never gets ready: its containers
//!   wait in `CrashLoopBackOff` and its state is
//!   [`crate::status::SERVICE_FAILED`].
//!
//! `CreateService` honours `clientToken`: a repeated token answers the
//! service created first. Every request must carry `version: v2`.

use std::collections::BTreeMap;

use aihc_deploy::v2::ServiceConf;
use serde_json::{json, Value};

use crate::reply::{page, Reply};
use crate::request::Ctx;
use crate::resource::{new_id, MAX_REPLICAS};
use crate::status::{SERVICE_DEPLOYING, SERVICE_FAILED, SERVICE_RUNNING, SERVICE_STOPPED};

/// Simulated time a pod takes to become ready.
pub const POD_START_MS: i64 = 3_000;
/// Simulated time a retired pod takes to go away.
pub const POD_STOP_MS: i64 = 1_000;

/// Actions this module answers.
const ACTIONS: &[&str] = &[
    "DescribeServices",
    "DescribeService",
    "DescribeServiceStatus",
    "DescribeServicePods",
    "DescribeServicePodGroups",
    "DescribeServiceChangelogs",
    "DescribeServiceChangelog",
    "CreateService",
    "ModifyService",
    "UpgradeService",
    "DeleteService",
    "ModifyServiceReplicas",
    "DeleteServicePod",
    "DisableServicePod",
    "ModifyServiceNetConfig",
];

#[derive(Debug, Clone)]
struct Pod {
    id: String,
    created_ms: i64,
    /// Leaves the service at this time (rolled or scaled away).
    retire_ms: Option<i64>,
    blocked: bool,
}

#[derive(Debug, Clone)]
struct Change {
    id: String,
    kind: i64,
    prev: String,
    description: String,
    created_ms: i64,
}

#[derive(Debug, Clone)]
struct Service {
    id: String,
    conf: ServiceConf,
    created_ms: i64,
    updated_ms: i64,
    pods: Vec<Pod>,
    changes: Vec<Change>,
    fail: bool,
}

/// Online-service state.
#[derive(Debug, Default)]
pub(crate) struct DeployV2 {
    services: Vec<Service>,
    /// Client token → service id.
    tokens: BTreeMap<String, String>,
}

fn wanted(conf: &ServiceConf) -> usize {
    usize::try_from(
        conf.instance_count
            .unwrap_or(1)
            .clamp(0, MAX_REPLICAS as i32),
    )
    .unwrap_or(0)
}

fn conf_text(conf: &ServiceConf) -> String {
    serde_json::to_string(&masked(conf)).unwrap_or_default()
}

/// The configuration as answered: registry passwords are not given back.
fn masked(conf: &ServiceConf) -> ServiceConf {
    let mut conf = conf.clone();
    for c in &mut conf.containers {
        if let Some(image) = &mut c.image {
            image.password = None;
        }
    }
    conf
}

fn flag(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

impl Service {
    fn settle(&mut self, now: i64) {
        self.pods.retain(|p| p.retire_ms.map_or(true, |t| now < t));
    }

    fn pod_ready(&self, pod: &Pod, now: i64) -> bool {
        !self.fail && now >= pod.created_ms + POD_START_MS
    }

    fn add_pods(&mut self, n: usize, now: i64) {
        for _ in 0..n {
            let ordinal = self.pods.len();
            self.pods.push(Pod {
                id: format!("{}-{}-{ordinal}", self.id, new_id("", 5)),
                created_ms: now,
                retire_ms: None,
                blocked: false,
            });
        }
    }

    /// Pods that stay (not retiring).
    fn staying(&self) -> usize {
        self.pods.iter().filter(|p| p.retire_ms.is_none()).count()
    }

    fn scale_to(&mut self, n: usize, now: i64) {
        let staying = self.staying();
        if n > staying {
            self.add_pods(n - staying, now);
        } else {
            let mut extra = staying - n;
            for pod in self.pods.iter_mut().rev() {
                if extra == 0 {
                    break;
                }
                if pod.retire_ms.is_none() {
                    pod.retire_ms = Some(now + POD_STOP_MS);
                    extra -= 1;
                }
            }
        }
    }

    /// Replaces every pod: new ones start now, old ones serve until the
    /// new ones are ready.
    fn roll(&mut self, now: i64) {
        for pod in &mut self.pods {
            if pod.retire_ms.is_none() {
                pod.retire_ms = Some(now + POD_START_MS);
            }
        }
        self.add_pods(wanted(&self.conf), now);
    }

    fn record(&mut self, kind: i64, prev: String, description: String, now: i64) {
        self.changes.push(Change {
            id: new_id("chg-", 8),
            kind,
            prev,
            description,
            created_ms: now,
        });
        self.updated_ms = now;
    }

    fn stat(&self, now: i64) -> Value {
        let total = self.pods.len();
        let available = self
            .pods
            .iter()
            .filter(|p| !p.blocked && self.pod_ready(p, now))
            .count();
        let want = wanted(&self.conf);
        let (status, reason) = if self.fail && now >= self.created_ms + POD_START_MS {
            (SERVICE_FAILED, "containers are in CrashLoopBackOff")
        } else if want == 0 && total == 0 {
            (SERVICE_STOPPED, "")
        } else if total == want && available >= want {
            (SERVICE_RUNNING, "")
        } else {
            (SERVICE_DEPLOYING, "")
        };
        json!({
            "status": status,
            "availableIns": available,
            "totalIns": total,
            "reason": reason,
        })
    }

    fn pod_json(&self, pod: &Pod, now: i64) -> Value {
        let ready = self.pod_ready(pod, now);
        let started = now >= pod.created_ms + POD_START_MS;
        let (phase, state, reason) = match (ready, self.fail && started) {
            (true, _) => ("Running", "Running", ""),
            (false, true) => ("Running", "Waiting", "CrashLoopBackOff"),
            (false, false) => ("Pending", "Waiting", "ContainerCreating"),
        };
        let containers: Vec<Value> = self
            .conf
            .containers
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut c = c.clone();
                if let Some(image) = &mut c.image {
                    image.password = None;
                }
                json!({
                    "containerId": format!("{}-c{i}", pod.id),
                    "container": c,
                    "status": {
                        "containerStatus": state,
                        "createdAt": pod.created_ms / 1000,
                        "reason": reason,
                    },
                })
            })
            .collect();
        let n = containers.len();
        let octet = pod.id.bytes().fold(0u8, |a, b| a.wrapping_add(b)) % 250 + 2;
        json!({
            "instanceId": pod.id,
            "containers": containers,
            "status": {
                "blocked": pod.blocked,
                "status": phase,
                "createdAt": pod.created_ms / 1000,
                "availableContainers": if ready { n } else { 0 },
                "totalContainers": n,
                "podIP": format!("172.16.0.{octet}"),
                "nodeIP": "10.0.7.38",
                "reason": if reason == "CrashLoopBackOff" { "container keeps crashing" } else { "" },
            },
            "hazard": false,
        })
    }

    fn pool(&self) -> (String, String, String) {
        let pool = self.conf.resource_pool.clone().unwrap_or_default();
        let id = pool.resource_pool_id.unwrap_or_default();
        let name = pool
            .resource_pool_name
            .unwrap_or_else(|| format!("pool {id}"));
        (id, name, pool.queue_name.unwrap_or_default())
    }

    fn public(&self) -> (bool, String) {
        let access = self.conf.access.clone().unwrap_or_default();
        let public = access.public_access.unwrap_or(false);
        let ip = match access.eip.filter(|e| !e.is_empty()) {
            Some(eip) if public => eip,
            None if public => {
                let octet = self.id.bytes().fold(0u8, |a, b| a.wrapping_add(b)) % 250 + 2;
                format!("106.12.0.{octet}")
            }
            _ => String::new(),
        };
        (public, ip)
    }

    fn brief(&self) -> Value {
        let (pool_id, pool_name, queue) = self.pool();
        let first = self.conf.containers.first().cloned().unwrap_or_default();
        json!({
            "id": self.id,
            "name": self.conf.name.clone().unwrap_or_default(),
            "resourcePoolId": pool_id,
            "resourcePoolName": pool_name,
            "queueName": queue,
            "region": "bj",
            "publicAccess": self.public().0,
            "networkType": "vpc",
            "creator": "emulator",
            "createdAt": self.created_ms / 1000,
            "updatedAt": self.updated_ms / 1000,
            "resourcePoolType": "common",
            "hpa": self.conf.hpa.clone().unwrap_or_default(),
            "resourceSpec": {
                "cpus": first.cpus.unwrap_or_default(),
                "memory": first.memory.unwrap_or_default(),
                "acceleratorCount": first.accelerator_count.unwrap_or_default(),
                "acceleratorType": self.conf.accelerator_type.clone().unwrap_or_default(),
            },
            "workloadType": self.conf.workload_type.clone().map(|w| w.to_string()).unwrap_or_default(),
        })
    }

    fn detail(&self, now: i64) -> Value {
        let ports: Vec<Value> = self
            .conf
            .containers
            .iter()
            .flat_map(|c| c.ports.iter())
            .map(|p| {
                let port = p.port.unwrap_or_default();
                json!({"name": p.name.clone().unwrap_or_default(), "containerPort": port, "servicePort": port})
            })
            .collect();
        let octet = self.id.bytes().fold(0u8, |a, b| a.wrapping_add(b)) % 250 + 2;
        json!({
            "service": masked(&self.conf),
            "status": {
                "accessIPs": {"internal": format!("10.0.0.{octet}"), "external": self.public().1},
                "accessPorts": ports,
                "blbShortId": format!("lb-{}", self.id.trim_start_matches("s-")),
                "briefStat": self.stat(now),
            },
            "instances": self.pods.iter().map(|p| self.pod_json(p, now)).collect::<Vec<_>>(),
            "creator": "emulator",
            "createdAt": self.created_ms / 1000,
            "updatedAt": self.updated_ms / 1000,
        })
    }
}

fn change_json(c: &Change) -> Value {
    json!({
        "changeId": c.id,
        "prev": c.prev,
        "changeType": c.kind,
        "description": c.description,
        "creator": "emulator",
        "createdAt": c.created_ms / 1000,
    })
}

fn with_request_id(ctx: &Ctx, mut body: Value) -> Reply {
    if let Value::Object(map) = &mut body {
        map.insert("requestId".into(), Value::String(ctx.request_id.clone()));
        map.entry("code")
            .or_insert_with(|| Value::String(String::new()));
        map.entry("message")
            .or_insert_with(|| Value::String(String::new()));
    }
    Reply::ok(body)
}

fn sort_order(ctx: &Ctx) -> bool {
    ctx.qs("order").eq_ignore_ascii_case("desc")
}

/// Answers the online-service actions; `None` for anything else.
pub(crate) fn route(d: &mut DeployV2, ctx: &Ctx) -> Option<Reply> {
    let action = match ctx.v2_action(ACTIONS)? {
        Ok(action) => action,
        Err(reply) => return Some(reply),
    };
    let now = ctx.now_ms;
    for s in &mut d.services {
        s.settle(now);
    }
    Some(handle(d, ctx, action, now))
}

fn find<'a>(d: &'a mut DeployV2, id: &str) -> Result<&'a mut Service, Reply> {
    if id.is_empty() {
        return Err(Reply::bad_request("serviceId is required"));
    }
    d.services.iter_mut().find(|s| s.id == id).ok_or_else(|| {
        Reply::error(
            404,
            "ServiceNotFound",
            format!("The service '{id}' does not exist."),
        )
    })
}

fn handle(d: &mut DeployV2, ctx: &Ctx, action: &str, now: i64) -> Reply {
    let id = ctx.qs("serviceId").to_owned();
    macro_rules! service {
        () => {
            match find(d, &id) {
                Ok(s) => s,
                Err(r) => return r,
            }
        };
    }
    match action {
        "CreateService" => {
            let conf: ServiceConf = match ctx.json() {
                Ok(c) => c,
                Err(r) => return r,
            };
            let token = ctx.qs("clientToken").to_owned();
            if let Some(existing) = d.tokens.get(&token).filter(|_| !token.is_empty()) {
                return with_request_id(ctx, json!({"serviceId": existing}));
            }
            if conf.name.as_deref().map_or(true, str::is_empty) {
                return Reply::bad_request("name is required");
            }
            let pool = conf
                .resource_pool
                .as_ref()
                .and_then(|p| p.resource_pool_id.clone())
                .unwrap_or_default();
            if pool.is_empty() {
                return Reply::bad_request("resourcePool.resourcePoolId is required");
            }
            if conf.containers.is_empty() {
                return Reply::bad_request("at least one container is required");
            }
            if conf.instance_count.is_some_and(|n| n < 0) {
                return Reply::bad_request("instanceCount must not be negative");
            }
            let mut s = Service {
                id: new_id("s-", 12),
                fail: conf.name.as_deref().is_some_and(|n| n.contains("fail")),
                conf,
                created_ms: now,
                updated_ms: now,
                pods: Vec::new(),
                changes: Vec::new(),
            };
            let n = wanted(&s.conf);
            s.add_pods(n, now);
            s.record(1, String::new(), "create".into(), now);
            let sid = s.id.clone();
            if !token.is_empty() {
                d.tokens.insert(token, sid.clone());
            }
            d.services.push(s);
            with_request_id(ctx, json!({"serviceId": sid}))
        }
        "DescribeServices" => {
            let mut all: Vec<&Service> = d.services.iter().collect();
            all.sort_by_key(|s| s.created_ms);
            if sort_order(ctx) {
                all.reverse();
            }
            let briefs: Vec<Value> = all.iter().map(|s| s.brief()).collect();
            let (number, size) = (ctx.qn("pageNumber", 1), ctx.qn("pageSize", 10));
            with_request_id(
                ctx,
                json!({
                    "services": page(&briefs, number, size),
                    "totalCount": briefs.len(),
                    "pageNumber": number,
                    "pageSize": size,
                    "orderBy": ctx.q("orderBy").unwrap_or("createdAt"),
                    "order": if sort_order(ctx) { "desc" } else { "asc" },
                }),
            )
        }
        "DescribeService" => {
            let s = service!();
            with_request_id(ctx, s.detail(now))
        }
        "DescribeServiceStatus" => {
            let s = service!();
            let mut map = serde_json::Map::new();
            map.insert(s.id.clone(), s.stat(now));
            with_request_id(ctx, json!({"service": map}))
        }
        "DescribeServicePods" => {
            let s = service!();
            let pods: Vec<Value> = s.pods.iter().map(|p| s.pod_json(p, now)).collect();
            with_request_id(ctx, json!({"pods": pods}))
        }
        "DescribeServicePodGroups" => {
            let s = service!();
            let (pool_id, pool_name, queue) = s.pool();
            let groups: Vec<Value> = s
                .pods
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let ready = s.pod_ready(p, now);
                    json!({
                        "id": format!("{}-group-{i}", s.id),
                        "masters": [s.pod_json(p, now)],
                        "workers": [],
                        "status": if ready { "Running" } else { "Pending" },
                        "blocked": p.blocked,
                        "createdAt": p.created_ms / 1000,
                        "availablePods": usize::from(ready && !p.blocked),
                        "totalPods": 1,
                    })
                })
                .collect();
            with_request_id(
                ctx,
                json!({
                    "resourcePoolId": pool_id,
                    "resourcePoolName": pool_name,
                    "queueName": queue,
                    "servicePodGroups": groups,
                }),
            )
        }
        "ModifyService" => {
            let patch: ServiceConf = match ctx.json() {
                Ok(c) => c,
                Err(r) => return r,
            };
            if patch.instance_count.is_some_and(|n| n < 0) {
                return Reply::bad_request("instanceCount must not be negative");
            }
            let description = ctx.qs("description").to_owned();
            let s = service!();
            let prev = conf_text(&s.conf);
            let c = &mut s.conf;
            if patch.accelerator_type.is_some() {
                c.accelerator_type = patch.accelerator_type;
            }
            if patch.instance_count.is_some() {
                c.instance_count = patch.instance_count;
            }
            if patch.storage.is_some() {
                c.storage = patch.storage;
            }
            if !patch.containers.is_empty() {
                c.containers = patch.containers;
            }
            if patch.log.is_some() {
                c.log = patch.log;
            }
            if patch.deploy.is_some() {
                c.deploy = patch.deploy;
            }
            if patch.misc.is_some() {
                c.misc = patch.misc;
            }
            s.roll(now);
            s.record(2, prev, description, now);
            let sid = s.id.clone();
            with_request_id(ctx, json!({"serviceId": sid}))
        }
        "UpgradeService" => {
            let body: Value = match ctx.json() {
                Ok(b) => b,
                Err(r) => return r,
            };
            let version = body
                .get("versionId")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if version.is_empty() {
                return Reply::bad_request("versionId is required");
            }
            let note = body
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("upgrade to {version}"));
            let s = service!();
            let prev = conf_text(&s.conf);
            s.roll(now);
            s.record(2, prev, note, now);
            with_request_id(ctx, json!({}))
        }
        "DeleteService" => {
            if let Err(r) = find(d, &id) {
                return r;
            }
            d.services.retain(|s| s.id != id);
            d.tokens.retain(|_, v| *v != id);
            with_request_id(ctx, json!({}))
        }
        "ModifyServiceReplicas" => {
            let count = match ctx.q("instanceCount").map(|v| v.trim().parse::<i64>()) {
                Some(Ok(n)) if (0..=MAX_REPLICAS).contains(&n) => n,
                _ => {
                    return Reply::bad_request(format!(
                        "instanceCount must be a number from 0 to {MAX_REPLICAS}"
                    ))
                }
            };
            let s = service!();
            let prev = conf_text(&s.conf);
            s.conf.instance_count = i32::try_from(count).ok();
            s.scale_to(usize::try_from(count).unwrap_or(0), now);
            s.record(3, prev, format!("scale to {count}"), now);
            with_request_id(ctx, json!({}))
        }
        "ModifyServiceNetConfig" => {
            let Some(public) = flag(ctx.qs("publicAccess")) else {
                return Reply::bad_request("publicAccess must be true or false");
            };
            let eip = ctx.qs("eip").to_owned();
            let s = service!();
            let prev = conf_text(&s.conf);
            let access = s.conf.access.get_or_insert_with(Default::default);
            access.public_access = Some(public);
            access.eip = (!eip.is_empty()).then_some(eip);
            s.record(
                4,
                prev,
                format!("public access {}", if public { "on" } else { "off" }),
                now,
            );
            with_request_id(ctx, json!({}))
        }
        "DeleteServicePod" | "DisableServicePod" => {
            let pod_id = ctx.qs("instanceId").to_owned();
            let block = if action == "DisableServicePod" {
                match flag(ctx.qs("block")) {
                    Some(b) => Some(b),
                    None => return Reply::bad_request("block must be true or false"),
                }
            } else {
                None
            };
            let s = service!();
            let Some(pos) = s.pods.iter().position(|p| p.id == pod_id) else {
                return Reply::error(
                    404,
                    "PodNotFound",
                    format!("The pod '{pod_id}' does not exist."),
                );
            };
            match block {
                Some(b) => s.pods[pos].blocked = b,
                None => {
                    let replace = s.pods[pos].retire_ms.is_none();
                    s.pods.remove(pos);
                    if replace {
                        s.add_pods(1, now);
                    }
                }
            }
            with_request_id(ctx, json!({}))
        }
        "DescribeServiceChangelogs" => {
            let kind = ctx
                .q("changeType")
                .and_then(|v| v.trim().parse::<i64>().ok());
            let s = service!();
            let mut all: Vec<&Change> = s
                .changes
                .iter()
                .filter(|c| kind.map_or(true, |k| k == 0 || c.kind == k))
                .collect();
            all.sort_by_key(|c| c.created_ms);
            if sort_order(ctx) {
                all.reverse();
            }
            let records: Vec<Value> = all.into_iter().map(change_json).collect();
            let (number, size) = (ctx.qn("pageNumber", 1), ctx.qn("pageSize", 10));
            with_request_id(
                ctx,
                json!({
                    "totalCount": records.len(),
                    "changeLogs": page(&records, number, size),
                    "pageNumber": number,
                    "pageSize": size,
                    "orderBy": ctx.q("orderBy").unwrap_or("createdAt"),
                    "order": if sort_order(ctx) { "desc" } else { "asc" },
                }),
            )
        }
        "DescribeServiceChangelog" => {
            let change = ctx.qs("changeId");
            match d
                .services
                .iter()
                .flat_map(|s| s.changes.iter())
                .find(|c| c.id == change)
            {
                Some(c) => with_request_id(ctx, change_json(c)),
                None if change.is_empty() => Reply::bad_request("changeId is required"),
                None => Reply::error(
                    404,
                    "ChangeNotFound",
                    format!("The change '{change}' does not exist."),
                ),
            }
        }
        other => Reply::error(
            400,
            "InvalidAction",
            format!("the emulator has no online-service action {other}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(method: &str, query: &[(&str, &str)], body: Value, now: i64) -> Ctx {
        Ctx::v2_test(method, query, &body, now)
    }

    fn call(
        d: &mut DeployV2,
        method: &str,
        query: &[(&str, &str)],
        body: Value,
        now: i64,
    ) -> Value {
        let reply = route(d, &ctx(method, query, body, now)).unwrap();
        assert_eq!(reply.status, 200, "{query:?}: {}", reply.body);
        reply.body
    }

    fn conf(name: &str, n: i32) -> Value {
        json!({"name": name, "instanceCount": n,
               "resourcePool": {"resourcePoolId": "cce-1", "queueName": "default"},
               "containers": [{"name": "main", "image": {"imageUrl": "img", "password": "pw-SECRET"}, "ports": [{"name": "http", "port": 8000}]}]})
    }

    #[test]
    fn lifecycle_scale_roll_and_tokens() {
        let mut d = DeployV2::default();
        let q = [("action", "CreateService"), ("clientToken", "t-1")];
        let id = call(&mut d, "POST", &q, conf("svc", 2), 0)["serviceId"]
            .as_str()
            .unwrap()
            .to_owned();
        // The same token answers the same service.
        assert_eq!(
            call(&mut d, "POST", &q, conf("svc", 2), 10)["serviceId"],
            id
        );
        assert_eq!(d.services.len(), 1);

        let status = |d: &mut DeployV2, now| {
            call(
                d,
                "GET",
                &[("action", "DescribeServiceStatus"), ("serviceId", &id)],
                Value::Null,
                now,
            )["service"][&id]
                .clone()
        };
        assert_eq!(status(&mut d, 100)["status"], SERVICE_DEPLOYING);
        let s = status(&mut d, POD_START_MS);
        assert_eq!(
            (s["status"].clone(), s["availableIns"].clone()),
            (json!(SERVICE_RUNNING), json!(2))
        );

        call(
            &mut d,
            "POST",
            &[
                ("action", "ModifyServiceReplicas"),
                ("serviceId", &id),
                ("instanceCount", "1"),
            ],
            Value::Null,
            10_000,
        );
        assert_eq!(
            status(&mut d, 10_000)["totalIns"],
            2,
            "the retired pod is still stopping"
        );
        assert_eq!(status(&mut d, 10_000 + POD_STOP_MS)["totalIns"], 1);

        call(
            &mut d,
            "POST",
            &[
                ("action", "ModifyService"),
                ("serviceId", &id),
                ("description", "new image"),
            ],
            json!({"containers": [{"name": "main", "image": {"imageUrl": "img:2"}}]}),
            20_000,
        );
        let s = status(&mut d, 20_000);
        assert_eq!(
            (s["totalIns"].clone(), s["availableIns"].clone()),
            (json!(2), json!(1)),
            "surge"
        );
        let s = status(&mut d, 20_000 + POD_START_MS);
        assert_eq!(
            (s["totalIns"].clone(), s["availableIns"].clone()),
            (json!(1), json!(1))
        );

        let logs = call(
            &mut d,
            "GET",
            &[
                ("action", "DescribeServiceChangelogs"),
                ("serviceId", &id),
                ("order", "desc"),
            ],
            Value::Null,
            30_000,
        );
        let kinds: Vec<i64> = logs["changeLogs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["changeType"].as_i64().unwrap())
            .collect();
        assert_eq!(kinds, [2, 3, 1]);
        let detail = call(
            &mut d,
            "GET",
            &[("action", "DescribeService"), ("serviceId", &id)],
            Value::Null,
            30_000,
        );
        assert!(!detail.to_string().contains("pw-SECRET"));
        assert_eq!(
            detail["service"]["containers"][0]["image"]["imageUrl"],
            "img:2"
        );
    }

    #[test]
    fn refusals() {
        let mut d = DeployV2::default();
        let mut c = ctx("GET", &[("action", "DescribeServices")], Value::Null, 0);
        c.headers.clear();
        assert_eq!(route(&mut d, &c).unwrap().status, 404);
        let c = ctx("POST", &[("action", "DescribeServices")], Value::Null, 0);
        assert_eq!(route(&mut d, &c).unwrap().status, 405);
        let c = ctx("GET", &[("action", "DescribeDevInstances")], Value::Null, 0);
        assert!(route(&mut d, &c).is_none(), "other actions are not claimed");
        let c = ctx(
            "GET",
            &[("action", "DescribeService"), ("serviceId", "s-none")],
            Value::Null,
            0,
        );
        assert_eq!(route(&mut d, &c).unwrap().status, 404);
        let c = ctx(
            "POST",
            &[("action", "CreateService")],
            json!({"name": "x"}),
            0,
        );
        assert_eq!(route(&mut d, &c).unwrap().status, 400);
    }

    /// Signs like one of the official SDKs and sends with reqwest.
    async fn send_signed(
        emu: &crate::Emulator,
        method: &str,
        query: &[(&str, &str)],
        body: Option<Value>,
        python: bool,
    ) -> (u16, Value) {
        use base64::Engine as _;
        use bce_core::sign::{format_timestamp, sign, uri_encode, SignOptions, SignableRequest};
        use md5::Digest as _;
        let creds = emu.credentials().unwrap();
        let now = crate::clock::wall_ms() / 1000;
        let host = emu.endpoint().trim_start_matches("http://").to_owned();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut headers: Vec<(String, String)> = vec![
            ("host".into(), host),
            ("x-bce-date".into(), format_timestamp(now).unwrap()),
        ];
        let signed: Vec<&str> = if python {
            // Python: content-length on every request, no content-md5, and
            // the default header set (an empty signed-headers field).
            headers.push(("content-type".into(), "application/json".into()));
            headers.push(("content-length".into(), body.len().to_string()));
            vec!["host", "content-length", "content-type", "x-bce-date"]
        } else {
            headers.push((
                "content-type".into(),
                "application/json;charset=utf-8".into(),
            ));
            let mut list = vec!["content-type", "host", "x-bce-date"];
            if !body.is_empty() {
                let md5 = base64::engine::general_purpose::STANDARD
                    .encode(md5::Md5::digest(body.as_bytes()));
                headers.push(("content-length".into(), body.len().to_string()));
                headers.push(("content-md5".into(), md5));
                list.extend(["content-length", "content-md5"]);
            }
            list
        };
        let pairs: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let signature = sign(
            &creds,
            &SignableRequest {
                method,
                path: "/",
                query: &pairs,
                headers: &headers,
            },
            &SignOptions::default().with_only_headers(signed.iter()),
            now,
        )
        .unwrap();
        let mut auth = signature.authorization;
        if python {
            let mut parts: Vec<&str> = auth.split('/').collect();
            parts[4] = "";
            auth = parts.join("/");
        } else {
            assert!(auth.contains("content-type;host;x-bce-date/"), "{auth}");
        }
        let query_text: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", uri_encode(k), uri_encode(v)))
            .collect();
        let url = format!("{}/?{}", emu.endpoint(), query_text.join("&"));
        let client = reqwest::Client::new();
        let mut req = client.request(method.parse().unwrap(), url);
        for (k, v) in &headers {
            // reqwest writes the length of a body itself, but not `0`.
            if k != "host" && (k != "content-length" || body.is_empty()) {
                req = req.header(k.as_str(), v.as_str());
            }
        }
        req = req.header("version", "v2").header("authorization", auth);
        if python || !body.is_empty() {
            req = req.body(body);
        }
        let answer = req.send().await.unwrap();
        let status = answer.status().as_u16();
        let bytes = answer.bytes().await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    #[tokio::test]
    async fn both_official_sdks_signatures_are_accepted() {
        let emu = crate::Emulator::start().await.unwrap();
        let (status, created) = send_signed(
            &emu,
            "POST",
            &[("action", "CreateService"), ("clientToken", "tok 令牌")],
            Some(conf("py-svc", 1)),
            true,
        )
        .await;
        assert_eq!(status, 200, "{created}");
        let id = created["serviceId"].as_str().unwrap().to_owned();
        let (status, detail) = send_signed(
            &emu,
            "GET",
            &[("action", "DescribeService"), ("serviceId", &id)],
            None,
            false,
        )
        .await;
        assert_eq!(status, 200, "{detail}");
        assert_eq!(detail["service"]["name"], "py-svc");
        let (status, answer) = send_signed(
            &emu,
            "POST",
            &[
                ("action", "DisableServicePod"),
                ("serviceId", &id),
                ("instanceId", "nope"),
                ("block", "True"),
            ],
            None,
            true,
        )
        .await;
        assert_eq!(status, 404, "signature accepted, pod unknown: {answer}");
        let (status, _) = send_signed(
            &emu,
            "POST",
            &[("action", "ModifyService"), ("serviceId", &id)],
            Some(json!({"instanceCount": 2})),
            false,
        )
        .await;
        assert_eq!(status, 200);
    }
}
