//! Driver of the `aihc-v2-deploy` fixtures (AIHC OpenAPI v2 online
//! services, recorded from the official Python and Go SDKs).
//!
//! General mappings only: the Python lines carry the method's keyword
//! arguments, the Go lines `{"args": {...}}` (plus `clientToken` for
//! `CreateService`); both use the wire's camelCase names, so the argument
//! object decodes straight into our request types. `None`/`nil` values are
//! dropped first (our typed API has no "null id"; the client then refuses
//! what is missing), and a nil argument struct, which Go cannot send
//! without crashing, is refused as invalid input.

use aihc_deploy::v2::{
    Client, DescribeServiceChangelogsRequest, DescribeServicesRequest,
    ModifyServiceNetConfigRequest, ModifyServiceRequest, ServiceConf, UpgradeServiceRequest,
};
use bce_core::{Config, Error};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{boxed, text, CallFuture, Case, Compare, Driver};

/// Maps Python `AihcClient.service.*` and Go `inference/v2` calls to
/// [`aihc_deploy::v2::Client`].
#[derive(Debug, Default)]
pub struct DeployV2Driver;

/// Drops `null` object members, recursively.
fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// The argument object of a line: the Python keyword arguments, or Go's
/// `args` (a nil `args` is invalid input).
fn arguments(case: &Case) -> Result<Value, Error> {
    if case.is_python() {
        return Ok(strip_nulls(case.input.clone()));
    }
    match case.input.get("args") {
        None | Some(Value::Null) => Err(Error::invalid_input("args", "is required")),
        Some(args) => Ok(strip_nulls(args.clone())),
    }
}

fn decode<T: DeserializeOwned>(value: &Value, what: &str) -> Result<T, Error> {
    serde_json::from_value(value.clone())
        .map_err(|e| Error::invalid_input(what, format!("cannot map the argument: {e}")))
}

impl Driver for DeployV2Driver {
    fn service(&self) -> &'static str {
        "aihc-v2-deploy"
    }

    fn compare_mode(&self) -> Compare {
        Compare::Meaning
    }

    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        let case = case.clone();
        let known = matches!(
            case.op.as_str(),
            "DescribeServices"
                | "DescribeService"
                | "DescribeServiceStatus"
                | "DescribeServicePods"
                | "DescribeServicePodGroups"
                | "DescribeServiceChangelogs"
                | "DescribeServiceChangelog"
                | "CreateService"
                | "ModifyService"
                | "UpgradeService"
                | "DeleteService"
                | "ModifyServiceReplicas"
                | "DeleteServicePod"
                | "DisableServicePod"
                | "ModifyServiceNetConfig"
        );
        if !known {
            return None;
        }
        boxed(async move {
            let client = Client::new(config)?;
            let args = arguments(&case)?;
            let id = || text(&args, "serviceId");
            match case.op.as_str() {
                "DescribeServices" => client
                    .describe_services(&decode::<DescribeServicesRequest>(&args, "args")?)
                    .await
                    .map(drop),
                "DescribeService" => client.describe_service(&id()).await.map(drop),
                "DescribeServiceStatus" => client.describe_service_status(&id()).await.map(drop),
                "DescribeServicePods" => client.describe_service_pods(&id()).await.map(drop),
                "DescribeServicePodGroups" => {
                    client.describe_service_pod_groups(&id()).await.map(drop)
                }
                "DescribeServiceChangelogs" => client
                    .describe_service_changelogs(&decode::<DescribeServiceChangelogsRequest>(
                        &args, "args",
                    )?)
                    .await
                    .map(drop),
                "DescribeServiceChangelog" => client
                    .describe_service_changelog(&text(&args, "changeId"))
                    .await
                    .map(drop),
                "CreateService" => {
                    // Python: serviceConf=…, clientToken=…; Go: (args, clientToken).
                    let (conf, token) = if case.is_python() {
                        match args.get("serviceConf") {
                            Some(conf) => (conf.clone(), text(&args, "clientToken")),
                            None => return Err(Error::invalid_input("serviceConf", "is required")),
                        }
                    } else {
                        (args, text(&case.input, "clientToken"))
                    };
                    let conf: ServiceConf = decode(&conf, "serviceConf")?;
                    client
                        .create_service(&conf, (!token.is_empty()).then_some(token.as_str()))
                        .await
                        .map(drop)
                }
                "ModifyService" => client
                    .modify_service(&decode::<ModifyServiceRequest>(&args, "args")?)
                    .await
                    .map(drop),
                "UpgradeService" => client
                    .upgrade_service(&decode::<UpgradeServiceRequest>(&args, "args")?)
                    .await
                    .map(drop),
                "DeleteService" => client.delete_service(&id()).await.map(drop),
                "ModifyServiceReplicas" => {
                    let count = match args.get("instanceCount") {
                        None => 0,
                        Some(v) => decode::<u32>(v, "instanceCount")?,
                    };
                    client.modify_service_replicas(&id(), count).await.map(drop)
                }
                "DeleteServicePod" => client
                    .delete_service_pod(&id(), &text(&args, "instanceId"))
                    .await
                    .map(drop),
                "DisableServicePod" => {
                    let block = args.get("block").and_then(Value::as_bool).unwrap_or(false);
                    client
                        .disable_service_pod(&id(), &text(&args, "instanceId"), block)
                        .await
                        .map(drop)
                }
                "ModifyServiceNetConfig" => client
                    .modify_service_net_config(&decode::<ModifyServiceNetConfigRequest>(
                        &args, "args",
                    )?)
                    .await
                    .map(drop),
                other => Err(Error::invalid_input(
                    "op",
                    format!("unknown action {other}"),
                )),
            }
        })
    }
}
