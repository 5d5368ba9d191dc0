//! Driver and runner of the `paddleflow` fixtures (recorded from the official
//! Python SDK, 1.4.7rc1).
//!
//! Every line is replayed through [`paddleflow::Client`] pointed at
//! `http://127.0.0.1:18999` with a recording transport that answers the
//! lazy login with `{"authorization":"token-test"}` and everything else
//! with `{}`. The client logs in as `root`/`paddleflow` before the call (that
//! login request is checked too); the `invalid_not_logged_in` lines use a
//! client without any login, which must refuse without sending anything.
//!
//! Compared: method, path, the multiset of decoded query pairs, the body as
//! parsed JSON (`""` = no body, distinct from `{}`), `x-pf-authorization`
//! and, on requests with a body, `content-type: application/json`.
//! Deliberate differences are listed in `deviations.d/paddleflow.json` with a
//! reason; `expect: "differs"` entries name the relaxations (`relax`) under
//! which the rest of the request is still compared:
//!
//! * `escaped_path`: the SDK pasted the id raw; our path must have the
//!   recorded parent and, as its last segment, one of the input's strings
//!   escaped by Go's path rule;
//! * `json_key_case`: body keys compared case-insensitively (the server
//!   matches JSON names so; we send the canonical spelling);
//! * `falsy_extra`: keys holding `null`, `false`, `0`, `""`, `{}` or `[]` are
//!   ignored on both sides (the SDK drops falsy values we send when set);
//! * `query_json:<name>`: that query value compared as parsed JSON;
//! * `query_case:<name>`: that query value compared case-insensitively;
//! * `query_joined:<name>`: repeated recorded values joined with `,`;
//! * `sends_request`: the SDK refused locally, we send (the rest is not compared).

use std::collections::BTreeMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use bce_core::{Config, Credentials, Error, HttpRequest, HttpResponse, RetryPolicy, Secret};
use bce_testkit::RecordingTransport;
use paddleflow::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::{boxed, load, recorded, CallFuture, Driver, Summary};

/// Address the fixtures were recorded against.
pub const ADDRESS: &str = "127.0.0.1:18999";
/// The token the recording server handed out.
pub const TOKEN: &str = "token-test";

/// Maps Python SDK calls (`paddleflow.Client` methods) to [`paddleflow::Client`].
#[derive(Debug, Default)]
pub struct PaddleFlowDriver;

impl Driver for PaddleFlowDriver {
    fn service(&self) -> &'static str {
        "paddleflow"
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        self.call_with(config, true, op, input)
    }
}

// ---------------------------------------------------------------- inputs

fn bad(name: &str, what: &str) -> Error {
    Error::invalid_input(name, format!("cannot map the Python argument: {what}"))
}

fn get<'a>(input: &'a Value, name: &str) -> &'a Value {
    input.get(name).unwrap_or(&Value::Null)
}

/// An optional string (`None` → `None`).
fn s(input: &Value, name: &str) -> Result<Option<String>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        Value::String(v) => Ok(Some(v.clone())),
        _ => Err(bad(name, "not a string")),
    }
}

/// A required string.
fn req(input: &Value, name: &str) -> Result<String, Error> {
    s(input, name)?.ok_or_else(|| Error::invalid_input(name, "is required"))
}

fn u32_opt(input: &Value, name: &str) -> Result<Option<u32>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| bad(name, "not a page size")),
        _ => Err(bad(name, "not an int")),
    }
}

fn i64_opt(input: &Value, name: &str) -> Result<Option<i64>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_i64().map(Some).ok_or_else(|| bad(name, "not an int")),
        _ => Err(bad(name, "not an int")),
    }
}

fn bool_opt(input: &Value, name: &str) -> Result<Option<bool>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        _ => Err(bad(name, "not a bool")),
    }
}

/// Python `bytes`, recorded as `{"$bytes": text}`; a `str` is refused as the SDK does.
fn bytes(input: &Value, name: &str) -> Result<Option<Vec<u8>>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        Value::Object(o) => match o.get("$bytes") {
            Some(Value::String(t)) => Ok(Some(t.as_bytes().to_vec())),
            _ => Err(bad(name, "not bytes")),
        },
        _ => Err(Error::invalid_input(name, "must be bytes")),
    }
}

/// The pipeline source of `create_pipeline` and `update_pipeline` (the
/// SDK takes the same arguments for both, and so does our request type).
fn pipeline_request(input: &Value) -> Result<CreatePipelineRequest, Error> {
    Ok(CreatePipelineRequest {
        fs_name: s(input, "fs_name")?,
        yaml_path: s(input, "yaml_path")?,
        desc: s(input, "desc")?,
        username: s(input, "username")?,
        yaml_raw: bytes(input, "yaml_raw")?,
    })
}

fn obj<T: DeserializeOwned>(input: &Value, name: &str) -> Result<Option<T>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        v @ Value::Object(_) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| bad(name, &e.to_string())),
        _ => Err(bad(name, "not a dict")),
    }
}

fn list<T: DeserializeOwned>(input: &Value, name: &str) -> Result<Option<Vec<T>>, Error> {
    match get(input, name) {
        Value::Null => Ok(None),
        v @ Value::Array(_) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| bad(name, &e.to_string())),
        _ => Err(bad(name, "not a list")),
    }
}

/// A name filter given as one (comma-separated) string or a list.
fn names(input: &Value, name: &str) -> Result<Vec<String>, Error> {
    match get(input, name) {
        Value::Null => Ok(Vec::new()),
        Value::String(v) if v.is_empty() => Ok(Vec::new()),
        Value::String(v) => Ok(vec![v.clone()]),
        _ => Ok(list(input, name)?.unwrap_or_default()),
    }
}

fn states<T: From<String>>(input: &Value, name: &str) -> Result<Vec<T>, Error> {
    Ok(s(input, name)?
        .filter(|v| !v.is_empty())
        .map(|v| vec![T::from(v)])
        .unwrap_or_default())
}

fn secret_bytes(input: &Value, name: &str) -> Result<Option<Secret>, Error> {
    Ok(bytes(input, name)?.map(|b| Secret::new(String::from_utf8_lossy(&b).into_owned())))
}

/// Runs `f` with the built client and the input, dropping the answer.
fn go<F, Fut, T>(client: Result<Client, Error>, input: &Value, f: F) -> Option<CallFuture>
where
    F: FnOnce(Client, Value) -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, Error>> + Send + 'static,
    T: Send,
{
    let input = input.clone();
    boxed(async move { f(client?, input).await.map(|_| ()) })
}

impl PaddleFlowDriver {
    /// Calls our client for Python method `op` with `input`; `logged_in`
    /// gives the client the recording's login (`root`/`paddleflow`), which it
    /// performs lazily before the call.
    pub fn call_with(
        &self,
        config: Config,
        logged_in: bool,
        op: &str,
        input: &Value,
    ) -> Option<CallFuture> {
        let login = logged_in.then_some(("root", "paddleflow"));
        self.call_at(config, ADDRESS, login, None, op, input)
    }

    /// Like [`PaddleFlowDriver::call_with`] against another server
    /// (`address`, e.g. the emulator's), with this login and/or a token
    /// already issued.
    pub fn call_at(
        &self,
        config: Config,
        address: &str,
        login: Option<(&str, &str)>,
        token: Option<&str>,
        op: &str,
        input: &Value,
    ) -> Option<CallFuture> {
        let address = address.to_owned();
        let mut builder = Client::builder(address.clone()).config(config.to_builder());
        if let Some((user, password)) = login {
            builder = builder.login(user, password);
        }
        if let Some(token) = token {
            builder = builder.token(token);
        }
        if op == "login" {
            if let Some(host) = input.get("paddleflow_server_host") {
                let host = host.as_str().unwrap_or_default().to_owned();
                let client = Client::builder(host).config(config.to_builder()).build();
                return go(client, input, |_c, _i| async { Ok(()) });
            }
            let client = Client::builder(address).config(config.to_builder()).build();
            return go(client, input, |c, i| async move {
                c.login(&req(&i, "user_name")?, req(&i, "password")?).await
            });
        }
        let c = builder.build();
        match op {
            "get_version" => go(c, input, |c, _| async move { c.get_version().await }),
            "add_user" => go(c, input, |c, i| async move {
                c.add_user(&req(&i, "user_name")?, req(&i, "password")?)
                    .await
            }),
            "del_user" => go(c, input, |c, i| async move {
                c.del_user(&req(&i, "user_name")?).await
            }),
            "list_user" => go(c, input, |c, i| async move {
                c.list_user(&ListUserRequest {
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: None,
                })
                .await
            }),
            "update_password" => go(c, input, |c, i| async move {
                c.update_password(&req(&i, "name")?, req(&i, "password")?)
                    .await
            }),
            "add_queue" => go(c, input, |c, i| async move {
                let max: ResourceSpec = obj(&i, "maxResources")?
                    .ok_or_else(|| Error::invalid_input("maxResources", "is required"))?;
                c.add_queue(&AddQueueRequest {
                    name: req(&i, "name")?,
                    namespace: req(&i, "namespace")?,
                    cluster_name: s(&i, "clusterName")?,
                    max_resources: max,
                    min_resources: obj(&i, "minResources")?,
                    scheduling_policy: list(&i, "schedulingPolicy")?,
                    location: obj(&i, "location")?,
                    quota_type: s(&i, "quotaType")?.map(QuotaType::from),
                })
                .await
            }),
            "update_queue" => go(c, input, |c, i| async move {
                c.update_queue(
                    &req(&i, "queuename")?,
                    &UpdateQueueRequest {
                        max_resources: obj(&i, "maxResources")?,
                        min_resources: obj(&i, "minResources")?,
                        scheduling_policy: list(&i, "schedulingPolicy")?,
                        location: obj(&i, "location")?,
                    },
                )
                .await
            }),
            "grant_queue" => go(c, input, |c, i| async move {
                c.grant_queue(&req(&i, "username")?, &req(&i, "queuename")?)
                    .await
            }),
            "ungrant_queue" => go(c, input, |c, i| async move {
                c.ungrant_queue(&req(&i, "username")?, &req(&i, "queuename")?)
                    .await
            }),
            "show_queue_grant" => go(c, input, |c, i| async move {
                c.show_queue_grant(&ShowQueueGrantRequest {
                    user_name: s(&i, "username")?,
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: None,
                })
                .await
            }),
            "del_queue" => go(c, input, |c, i| async move {
                c.del_queue(&req(&i, "queuename")?).await
            }),
            "list_queue" => go(c, input, |c, i| async move {
                c.list_queue(&ListQueueRequest {
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: s(&i, "marker")?,
                    name: None,
                })
                .await
            }),
            "show_queue" => go(c, input, |c, i| async move {
                c.show_queue(&req(&i, "queuename")?).await
            }),
            "list_flavour" => go(c, input, |c, i| async move {
                c.list_flavour(&ListFlavourRequest {
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: s(&i, "marker")?,
                    cluster_name: s(&i, "clustername")?,
                    name: s(&i, "key")?,
                })
                .await
            }),
            "show_flavour" => go(c, input, |c, i| async move {
                c.show_flavour(&req(&i, "name")?).await
            }),
            "add_flavour" => go(c, input, |c, i| async move {
                c.add_flavour(&AddFlavourRequest {
                    name: req(&i, "name")?,
                    cpu: req(&i, "cpu")?,
                    mem: req(&i, "memory")?,
                    cluster_name: s(&i, "cluster_name")?,
                    scalar_resources: obj(&i, "scalar_resources")?,
                })
                .await
            }),
            "update_flavour" => go(c, input, |c, i| async move {
                c.update_flavour(
                    &req(&i, "name")?,
                    &UpdateFlavourRequest {
                        cpu: s(&i, "cpu")?,
                        mem: s(&i, "memory")?,
                        scalar_resources: obj(&i, "scalar_resources")?,
                        cluster_name: s(&i, "cluster_name")?,
                    },
                )
                .await
            }),
            "del_flavour" => go(c, input, |c, i| async move {
                c.del_flavour(&req(&i, "name")?).await
            }),
            "add_fs" => go(c, input, |c, i| async move {
                c.add_fs(&AddFsRequest {
                    name: req(&i, "fsname")?,
                    url: req(&i, "url")?,
                    username: s(&i, "username")?,
                    properties: obj(&i, "properties")?,
                    independent_mount_process: None,
                })
                .await
            }),
            "show_fs" => go(c, input, |c, i| async move {
                c.show_fs(&req(&i, "fsname")?, s(&i, "username")?.as_deref())
                    .await
            }),
            "delete_fs" => go(c, input, |c, i| async move {
                c.delete_fs(&req(&i, "fsname")?, s(&i, "username")?.as_deref())
                    .await
            }),
            "list_fs" => go(c, input, |c, i| async move {
                c.list_fs(&ListFsRequest {
                    username: s(&i, "username")?,
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: None,
                    fs_name: None,
                })
                .await
            }),
            "mount" => go(c, input, |c, i| async move {
                let options: BTreeMap<String, String> =
                    obj(&i, "mountOptions")?.unwrap_or_default();
                c.mount(
                    &req(&i, "fsname")?,
                    req(&i, "path")?,
                    &options,
                    s(&i, "username")?.as_deref(),
                )
                .await
            }),
            "create_cache" => go(c, input, |c, i| async move {
                let options: FsCacheOptions = obj(&i, "options")?
                    .ok_or_else(|| Error::invalid_input("options", "is required"))?;
                c.create_cache(&CreateCacheRequest {
                    fs_name: req(&i, "fsname")?,
                    username: s(&i, "username")?,
                    options,
                })
                .await
            }),
            "update_fs_cache" => go(c, input, |c, i| async move {
                let params: FsCacheOptions = obj(&i, "params")?
                    .ok_or_else(|| Error::invalid_input("params", "is required"))?;
                c.update_fs_cache(&req(&i, "fsname")?, &params, s(&i, "username")?.as_deref())
                    .await
            }),
            "get_fs_cache" => go(c, input, |c, i| async move {
                c.get_fs_cache(&req(&i, "fsname")?, s(&i, "username")?.as_deref())
                    .await
            }),
            "delete_fs_cache" => go(c, input, |c, i| async move {
                c.delete_fs_cache(&req(&i, "fsname")?, s(&i, "username")?.as_deref())
                    .await
            }),
            "add_link" => go(c, input, |c, i| async move {
                c.add_link(&AddLinkRequest {
                    fs_name: req(&i, "fsname")?,
                    fs_path: req(&i, "fspath")?,
                    url: req(&i, "url")?,
                    username: s(&i, "username")?,
                    properties: obj(&i, "properties")?,
                })
                .await
            }),
            "delete_link" => go(c, input, |c, i| async move {
                c.delete_link(
                    &req(&i, "fsname")?,
                    &req(&i, "fspath")?,
                    s(&i, "username")?.as_deref(),
                )
                .await
            }),
            "list_link" => go(c, input, |c, i| async move {
                c.list_link(&ListLinkRequest {
                    fs_name: req(&i, "fsname")?,
                    username: s(&i, "username")?,
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: None,
                })
                .await
            }),
            "show_link" => go(c, input, |c, i| async move {
                c.show_link(
                    &req(&i, "fsname")?,
                    &req(&i, "fspath")?,
                    s(&i, "username")?.as_deref(),
                )
                .await
            }),
            "create_run" => go(c, input, |c, i| async move {
                c.create_run(&CreateRunRequest {
                    fs_name: s(&i, "fs_name")?,
                    name: s(&i, "run_name")?,
                    desc: s(&i, "desc")?,
                    run_yaml_path: s(&i, "run_yaml_path")?,
                    run_yaml_raw: bytes(&i, "run_yaml_raw")?,
                    pipeline_id: s(&i, "pipeline_id")?,
                    pipeline_version_id: s(&i, "pipeline_version_id")?,
                    parameters: obj(&i, "param")?,
                    username: s(&i, "username")?,
                    disabled: s(&i, "disabled")?.map(|d| vec![d]),
                    docker_env: s(&i, "docker_env")?,
                    failure_options: obj(&i, "failure_options")?,
                    ..Default::default()
                })
                .await
            }),
            "list_run" => go(c, input, |c, i| async move {
                c.list_run(&ListRunRequest {
                    fs_filter: s(&i, "fs_name")?,
                    user_filter: s(&i, "username")?,
                    run_filter: s(&i, "run_id")?,
                    name_filter: s(&i, "run_name")?,
                    status_filter: states(&i, "status")?,
                    max_keys: u32_opt(&i, "maxsize")?,
                    marker: s(&i, "marker")?,
                })
                .await
            }),
            "show_run" => go(c, input, |c, i| async move {
                c.show_run(&req(&i, "run_id")?).await
            }),
            "stop_run" => go(c, input, |c, i| async move {
                let force = bool_opt(&i, "force")?.unwrap_or(false);
                c.stop_run(&req(&i, "run_id")?, force).await
            }),
            "retry_run" => go(c, input, |c, i| async move {
                c.retry_run(&req(&i, "run_id")?).await
            }),
            "delete_run" => go(c, input, |c, i| async move {
                c.delete_run(&req(&i, "run_id")?, bool_opt(&i, "check_cache")?)
                    .await
            }),
            "list_cache" => go(c, input, |c, i| async move {
                c.list_cache(&ListCacheRequest {
                    user_filter: s(&i, "user_filter")?,
                    fs_filter: s(&i, "fs_filter")?,
                    run_filter: s(&i, "run_filter")?,
                    max_keys: u32_opt(&i, "max_keys")?,
                    marker: s(&i, "marker")?,
                })
                .await
            }),
            "show_cache" => go(c, input, |c, i| async move {
                c.show_cache(&req(&i, "cache_id")?).await
            }),
            "delete_cache" => go(c, input, |c, i| async move {
                c.delete_cache(&req(&i, "cache_id")?).await
            }),
            "list_artifact" => go(c, input, |c, i| async move {
                c.list_artifact(&ListArtifactRequest {
                    user_filter: s(&i, "user_filter")?,
                    fs_filter: s(&i, "fs_filter")?,
                    run_filter: s(&i, "run_filter")?,
                    type_filter: s(&i, "type_filter")?,
                    path_filter: s(&i, "path_filter")?,
                    max_keys: u32_opt(&i, "maxkeys")?,
                    marker: s(&i, "marker")?,
                })
                .await
            }),
            "create_pipeline" => go(c, input, |c, i| async move {
                c.create_pipeline(&pipeline_request(&i)?).await
            }),
            "list_pipeline" => go(c, input, |c, i| async move {
                c.list_pipeline(&ListPipelineRequest {
                    user_filter: s(&i, "user_filter")?,
                    name_filter: s(&i, "name_filter")?,
                    max_keys: u32_opt(&i, "max_keys")?,
                    marker: s(&i, "marker")?,
                })
                .await
            }),
            "show_pipeline" => go(c, input, |c, i| async move {
                c.show_pipeline(
                    &req(&i, "pipeline_id")?,
                    &ShowPipelineRequest {
                        fs_filter: s(&i, "fs_filter")?,
                        max_keys: u32_opt(&i, "max_keys")?,
                        marker: s(&i, "marker")?,
                    },
                )
                .await
            }),
            "delete_pipeline" => go(c, input, |c, i| async move {
                c.delete_pipeline(&req(&i, "pipeline_id")?).await
            }),
            "update_pipeline" => go(c, input, |c, i| async move {
                c.update_pipeline(&req(&i, "pipeline_id")?, &pipeline_request(&i)?)
                    .await
            }),
            "show_pipeline_version" => go(c, input, |c, i| async move {
                c.show_pipeline_version(&req(&i, "pipeline_id")?, &req(&i, "pipeline_version_id")?)
                    .await
            }),
            "delete_pipeline_version" => go(c, input, |c, i| async move {
                c.delete_pipeline_version(
                    &req(&i, "pipeline_id")?,
                    &req(&i, "pipeline_version_id")?,
                )
                .await
            }),
            "create_schedule" => go(c, input, |c, i| async move {
                c.create_schedule(&CreateScheduleRequest {
                    name: req(&i, "name")?,
                    pipeline_id: req(&i, "pipeline_id")?,
                    pipeline_version_id: req(&i, "pipeline_version_id")?,
                    crontab: req(&i, "crontab")?,
                    desc: s(&i, "desc")?,
                    start_time: s(&i, "start_time")?,
                    end_time: s(&i, "end_time")?,
                    concurrency: i64_opt(&i, "concurrency")?,
                    concurrency_policy: s(&i, "concurrency_policy")?.map(ConcurrencyPolicy::from),
                    expire_interval: i64_opt(&i, "expire_interval")?,
                    catchup: bool_opt(&i, "catchup")?,
                    username: s(&i, "username")?,
                })
                .await
            }),
            "list_schedule" => go(c, input, |c, i| async move {
                c.list_schedule(&ListScheduleRequest {
                    user_filter: s(&i, "user_filter")?,
                    ppl_filter: s(&i, "ppl_filter")?,
                    ppl_version_filter: s(&i, "ppl_version_filter")?,
                    schedule_filter: s(&i, "schedule_filter")?,
                    name_filter: s(&i, "name_filter")?,
                    status_filter: states(&i, "status_filter")?,
                    marker: s(&i, "marker")?,
                    max_keys: u32_opt(&i, "max_keys")?,
                })
                .await
            }),
            "show_schedule" => go(c, input, |c, i| async move {
                c.show_schedule(
                    &req(&i, "schedule_id")?,
                    &ShowScheduleRequest {
                        run_filter: s(&i, "run_filter")?,
                        status_filter: states(&i, "status_filter")?,
                        marker: s(&i, "marker")?,
                        max_keys: u32_opt(&i, "max_keys")?,
                    },
                )
                .await
            }),
            "stop_schedule" => go(c, input, |c, i| async move {
                c.stop_schedule(&req(&i, "schedule_id")?).await
            }),
            "delete_schedule" => go(c, input, |c, i| async move {
                c.delete_schedule(&req(&i, "schedule_id")?).await
            }),
            "create_cluster" => go(c, input, |c, i| async move {
                c.create_cluster(&CreateClusterRequest {
                    cluster_name: req(&i, "clustername")?,
                    endpoint: req(&i, "endpoint")?,
                    cluster_type: req(&i, "clustertype")?,
                    credential: secret_bytes(&i, "credential")?,
                    description: s(&i, "description")?,
                    source: s(&i, "source")?,
                    setting: s(&i, "setting")?,
                    status: s(&i, "status")?.map(ClusterStatus::from),
                    version: s(&i, "version")?,
                    namespace_list: list(&i, "namespacelist")?,
                    cluster_id: None,
                })
                .await
            }),
            "list_cluster" => go(c, input, |c, i| async move {
                c.list_cluster(&ListClusterRequest {
                    max_keys: u32_opt(&i, "maxkeys")?,
                    marker: s(&i, "marker")?,
                    cluster_names: names(&i, "clustername")?,
                    cluster_status: s(&i, "clusterstatus")?.map(ClusterStatus::from),
                })
                .await
            }),
            "show_cluster" => go(c, input, |c, i| async move {
                c.show_cluster(&req(&i, "clustername")?).await
            }),
            "delete_cluster" => go(c, input, |c, i| async move {
                c.delete_cluster(&req(&i, "clustername")?).await
            }),
            "update_cluster" => go(c, input, |c, i| async move {
                c.update_cluster(
                    &req(&i, "clustername")?,
                    &UpdateClusterRequest {
                        endpoint: s(&i, "endpoint")?,
                        credential: secret_bytes(&i, "credential")?,
                        cluster_type: s(&i, "clustertype")?,
                        source: s(&i, "source")?,
                        setting: s(&i, "setting")?,
                        status: s(&i, "status")?.map(ClusterStatus::from),
                        namespace_list: list(&i, "namespacelist")?,
                        description: s(&i, "description")?,
                        version: s(&i, "version")?,
                    },
                )
                .await
            }),
            "list_cluster_resource" => go(c, input, |c, i| async move {
                c.list_cluster_resource(&names(&i, "clustername")?).await
            }),
            "list_cluster_resource_v2" => go(c, input, |c, i| async move {
                c.list_cluster_resource_v2(&ListClusterResourceV2Request {
                    page_no: i64_opt(&i, "page_no")?,
                    page_size: i64_opt(&i, "page_size")?,
                    cluster_names: list(&i, "clusternames")?,
                    queue_name: s(&i, "queuenaame")?,
                    labels: s(&i, "labels")?,
                    node_status: None,
                })
                .await
            }),
            "show_log" => go(c, input, |c, i| async move {
                c.show_log(
                    &req(&i, "run_id")?,
                    &ShowLogRequest {
                        job_id: s(&i, "job_id")?,
                        page_size: u32_opt(&i, "page_size")?,
                        page_no: u32_opt(&i, "page_no")?,
                        log_file_position: s(&i, "log_file_position")?.map(LogFilePosition::from),
                    },
                )
                .await
            }),
            "show_log_by_limit" => go(c, input, |c, i| async move {
                c.show_log_by_limit(&ShowLogByLimitRequest {
                    job_id: s(&i, "job_id")?,
                    name: s(&i, "name")?,
                    namespace: s(&i, "namespace")?,
                    cluster_name: s(&i, "cluster_name")?,
                    read_from_tail: bool_opt(&i, "read_from_tail")?,
                    line_limit: i64_opt(&i, "line_limit")?
                        .map(|n| u64::try_from(n).map_err(|_| bad("line_limit", "negative")))
                        .transpose()?,
                    size_limit: s(&i, "size_limit")?,
                    log_type: s(&i, "type")?,
                    framework: s(&i, "framework")?,
                })
                .await
            }),
            "get_statistics" => go(c, input, |c, i| async move {
                if s(&i, "runid")?.is_some() {
                    return Err(Error::invalid_input("runid", "is not supported"));
                }
                c.get_statistics(&req(&i, "jobid")?).await
            }),
            "get_statistics_detail" => go(c, input, |c, i| async move {
                if s(&i, "runid")?.is_some() {
                    return Err(Error::invalid_input("runid", "is not supported"));
                }
                c.get_statistics_detail(
                    &req(&i, "jobid")?,
                    &StatisticsDetailRequest {
                        start: i64_opt(&i, "start")?,
                        end: i64_opt(&i, "end")?,
                        step: i64_opt(&i, "step")?,
                    },
                )
                .await
            }),
            "get_cardtime_by_queue_name" => go(c, input, |c, i| async move {
                let queues: Vec<String> = list(&i, "queue_names")?.unwrap_or_default();
                c.get_cardtime_by_queue_name(
                    &queues,
                    s(&i, "start_time")?.as_deref(),
                    s(&i, "end_time")?.as_deref(),
                )
                .await
            }),
            "create_job" => go(c, input, |c, i| async move {
                let request: CreateJobRequest = obj(&i, "job_request")?
                    .ok_or_else(|| Error::invalid_input("job_request", "is required"))?;
                let job_type = JobType::parse(&req(&i, "job_type")?)?;
                c.create_job(job_type, &request).await
            }),
            "show_job" => go(c, input, |c, i| async move {
                c.show_job(&req(&i, "jobid")?).await
            }),
            "list_job" => go(c, input, |c, i| async move {
                c.list_job(&ListJobRequest {
                    status: s(&i, "status")?.map(JobStatus::from),
                    timestamp: i64_opt(&i, "timestamp")?,
                    start_time: s(&i, "start_time")?,
                    queue: s(&i, "queue")?,
                    labels: obj(&i, "labels")?,
                    max_keys: u32_opt(&i, "maxkeys")?,
                    marker: s(&i, "marker")?,
                })
                .await
            }),
            "update_job" => go(c, input, |c, i| async move {
                c.update_job(
                    &req(&i, "jobid")?,
                    &UpdateJobRequest {
                        priority: s(&i, "priority")?,
                        labels: obj(&i, "labels")?,
                        annotations: obj(&i, "annotations")?,
                    },
                )
                .await
            }),
            "stop_job" => go(c, input, |c, i| async move {
                c.stop_job(&req(&i, "jobid")?).await
            }),
            "delete_job" => go(c, input, |c, i| async move {
                c.delete_job(&req(&i, "jobid")?).await
            }),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------- runner

/// A deliberate difference from the Python SDK (`deviations.d/paddleflow.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct PfDeviation {
    /// Service name (`paddleflow`).
    pub service: String,
    /// Python method name.
    pub op: String,
    /// Case name.
    pub case: String,
    /// Why we differ.
    pub reason: String,
    /// `invalid_input` or `differs`.
    #[serde(default)]
    pub expect: String,
    /// For `differs`: the relaxations the comparison applies (module docs).
    #[serde(default)]
    pub relax: Vec<String>,
}

/// The paddleflow deviations.
pub fn pf_deviations() -> Vec<PfDeviation> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deviations.d/paddleflow.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let all: Vec<PfDeviation> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad {}: {e}", path.display()));
    all.into_iter()
        .filter(|d| d.service == "paddleflow")
        .collect()
}

/// The configuration a case runs with: recording transport, no retries.
pub fn pf_config(transport: &RecordingTransport) -> Config {
    Config::builder()
        .credentials(Credentials::new("unused", "unused").unwrap_or_else(|e| panic!("{e}")))
        .retry(RetryPolicy::none())
        .transport(Arc::new(transport.clone()))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn our_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|item| match item.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(item), String::new()),
        })
        .collect()
}

/// Go's path-segment escaping (the rule the server's router expects).
pub fn go_escape_segment(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-_.~$&+,:;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn strings_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings_in(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}

fn is_falsy(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

fn normalise(v: &Value, key_case: bool, drop_falsy: bool) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(_, x)| !(drop_falsy && is_falsy(x)))
                .map(|(k, x)| {
                    let k = if key_case {
                        k.to_ascii_lowercase()
                    } else {
                        k.clone()
                    };
                    (k, normalise(x, key_case, drop_falsy))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(
            a.iter()
                .map(|x| normalise(x, key_case, drop_falsy))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Compares our request with the recorded one under `relax`.
pub fn compare(
    ours: &HttpRequest,
    recorded: &Value,
    input: &Value,
    relax: &[String],
) -> Vec<String> {
    let has = |r: &str| relax.iter().any(|x| x == r);
    let mut diffs: Vec<String> = recorded::method_mismatch(ours, recorded)
        .into_iter()
        .collect();
    let (path, query) = recorded::url_parts(&ours.url);
    let want_path = crate::text(recorded, "path");
    if has("escaped_path") {
        let parent = |p: &str| {
            p.rsplit_once('/')
                .map(|(a, _)| a.to_owned())
                .unwrap_or_default()
        };
        let mut candidates = Vec::new();
        strings_in(input, &mut candidates);
        let last = path.rsplit('/').next().unwrap_or_default();
        if parent(&path) != parent(&want_path)
            || !candidates.iter().any(|c| go_escape_segment(c) == last)
        {
            diffs.push(format!(
                "path {path} is not {} + one escaped input id",
                parent(&want_path)
            ));
        }
    } else if path != want_path {
        diffs.push(format!("path {path} != {want_path}"));
    }
    let mut got = our_query(&query);
    let mut want = recorded::query_pairs(recorded);
    for r in relax {
        if let Some(name) = r.strip_prefix("query_joined:") {
            let joined: Vec<String> = want
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect();
            if !joined.is_empty() {
                want.retain(|(k, _)| k != name);
                want.push((name.to_owned(), joined.join(",")));
            }
        }
        for (prefix, f) in [
            (
                "query_json:",
                (|v: &str| {
                    serde_json::from_str::<Value>(v)
                        .map(|j| j.to_string())
                        .unwrap_or_else(|_| v.to_owned())
                }) as fn(&str) -> String,
            ),
            ("query_case:", |v: &str| v.to_ascii_lowercase()),
        ] {
            if let Some(name) = r.strip_prefix(prefix) {
                for (k, v) in got.iter_mut().chain(want.iter_mut()) {
                    if k == name {
                        *v = f(v);
                    }
                }
            }
        }
    }
    got.sort();
    want.sort();
    if got != want {
        diffs.push(format!("query {got:?} != {want:?}"));
    }
    let want_body = recorded
        .get("body")
        .cloned()
        .unwrap_or(Value::String(String::new()));
    let ours_body: Value = if ours.body.is_empty() {
        Value::String(String::new())
    } else {
        match serde_json::from_slice(&ours.body) {
            Ok(v) => v,
            Err(e) => {
                diffs.push(format!("our body is not JSON: {e}"));
                Value::Null
            }
        }
    };
    let (kc, df) = (has("json_key_case"), has("falsy_extra"));
    if normalise(&ours_body, kc, df) != normalise(&want_body, kc, df) {
        diffs.push(format!("body {ours_body} != {want_body}"));
    }
    let headers = recorded.get("headers").cloned().unwrap_or(Value::Null);
    let want_token = headers.get("x-pf-authorization").and_then(Value::as_str);
    if ours.header("x-pf-authorization") != want_token {
        diffs.push(format!(
            "x-pf-authorization {:?} != {want_token:?}",
            ours.header("x-pf-authorization")
        ));
    }
    if let Some(ct) = headers.get("content-type").and_then(Value::as_str) {
        let got = ours.header("content-type").unwrap_or_default();
        if !got.eq_ignore_ascii_case(ct) {
            diffs.push(format!("content-type {got:?} != {ct:?}"));
        }
    }
    diffs
}

/// Checks the lazy login that precedes a call.
fn check_login(req: &HttpRequest) -> Vec<String> {
    let mut p = Vec::new();
    let (path, _) = recorded::url_parts(&req.url);
    if req.method.as_str() != "POST" || path != "/api/paddleflow/v1/login" {
        p.push(format!(
            "first request is {} {path}, not the login",
            req.method
        ));
    }
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    if body != serde_json::json!({"username": "root", "password": "paddleflow"}) {
        p.push(format!("login body {body}"));
    }
    if req.header("x-pf-authorization").is_some() {
        p.push("login carries a token".into());
    }
    p
}

/// Replays `paddleflow.jsonl` and prints
/// `wire fixtures paddleflow: N compared, D deviations, F failed`.
pub fn run(driver: &PaddleFlowDriver) -> Summary {
    let cases = load("paddleflow");
    let deviations = pf_deviations();
    let runtime = crate::runtime();
    let mut summary = Summary::default();
    for case in &cases {
        let id = format!("{}/{}", case.op, case.case);
        let transport = RecordingTransport::new();
        transport.push(Ok(HttpResponse::new(
            200,
            format!(r#"{{"authorization":"{TOKEN}"}}"#),
        )));
        transport.push(Ok(HttpResponse::new(200, "{}")));
        let config = pf_config(&transport);
        let logged_in = case.case != "invalid_not_logged_in";
        let Some(call) = driver.call_with(config, logged_in, &case.op, &case.input) else {
            summary.fail(&id, "operation not implemented by the driver");
            continue;
        };
        let result = runtime.block_on(call);
        let mut requests = transport.requests();
        let deviation = deviations
            .iter()
            .find(|d| d.op == case.op && d.case == case.case);
        let refused = |result: &Result<(), Error>, requests: &[HttpRequest]| {
            let mut p = Vec::new();
            if !matches!(result, Err(e) if e.is_invalid_input()) {
                p.push(format!("expected an invalid-input error, got {result:?}"));
            }
            if !requests.is_empty() {
                p.push(format!(
                    "{} request(s) sent for refused input",
                    requests.len()
                ));
            }
            p
        };
        // The lazy login comes first (not for `login` itself).
        let mut problems = Vec::new();
        if case.op != "login" && !requests.is_empty() {
            problems.extend(check_login(&requests[0]));
            requests.remove(0);
        }
        let expect = deviation.map(|d| d.expect.as_str()).unwrap_or("");
        match (deviation, &case.request) {
            (Some(_), _) if expect == "invalid_input" => {
                summary.deviations += 1;
                problems.extend(refused(&result, &transport.requests()));
            }
            (Some(d), recorded) if d.relax.iter().any(|r| r == "sends_request") => {
                summary.deviations += 1;
                if requests.len() != 1 || result.is_err() || recorded.is_some() {
                    problems.push(format!(
                        "expected our one request for a locally refused SDK call, got {} ({result:?})",
                        requests.len()
                    ));
                }
            }
            (dev, Some(recorded)) => {
                if dev.is_some() {
                    summary.deviations += 1;
                } else {
                    summary.compared += 1;
                }
                let relax = dev.map(|d| d.relax.clone()).unwrap_or_default();
                match requests.as_slice() {
                    [one] => problems.extend(compare(one, recorded, &case.input, &relax)),
                    other => problems.push(format!(
                        "expected one request, got {} (result {result:?})",
                        other.len()
                    )),
                }
            }
            (dev, None) => {
                if dev.is_some() {
                    summary.deviations += 1;
                } else {
                    summary.compared += 1;
                }
                problems.extend(refused(&result, &transport.requests()));
            }
        }
        summary.check(&id, &problems);
    }
    summary.print_counts("paddleflow");
    summary.print_failures();
    summary
}
