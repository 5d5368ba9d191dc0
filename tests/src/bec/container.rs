//! Container services, deployments and pods.

use bce_core::Config;
use bec::*;
use serde_json::Value;

use super::{run, whole};
use crate::{required, CallFuture};

/// Operations this part maps.
pub const OPS: &[&str] = &[
    "CreateService",
    "ListService",
    "GetService",
    "ServiceAction",
    "UpdateService",
    "DeleteService",
    "GetServiceMetrics",
    "ServiceBatchOperate",
    "ServiceBatchDelete",
    "GetPodDeployment",
    "GetPodDeploymentMetrics",
    "UpdatePodDeploymentReplicas",
    "DeletePodDeployment",
    "GetPodList",
    "GetPodMetrics",
    "GetPodDetail",
    "RestartPod",
];

/// Maps one Go call of this part.
pub fn call(config: Config, op: &str, input: &Value) -> Option<CallFuture> {
    let input = input.clone();
    match op {
        "CreateService" => run(config, move |c| async move {
            c.create_service(&required(&input, "args")?).await
        }),
        "ListService" => run(config, move |c| async move {
            c.list_service(&whole(&input, "args")?).await
        }),
        "GetService" => run(config, move |c| async move {
            c.get_service(&required::<String>(&input, "serviceId")?)
                .await
        }),
        "ServiceAction" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            let action: ServiceAction = required(&input, "action")?;
            c.service_action(&id, &action).await
        }),
        "UpdateService" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            // A nil Go argument goes out as `{}`, which is what an empty
            // request of ours sends too.
            let args: UpdateServiceArgs = match input.get("args") {
                None | Some(Value::Null) => UpdateServiceArgs::default(),
                Some(_) => required(&input, "args")?,
            };
            c.update_service(&id, &args).await
        }),
        "DeleteService" => run(config, move |c| async move {
            c.delete_service(&required::<String>(&input, "serviceId")?)
                .await
        }),
        "GetServiceMetrics" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            c.get_service_metrics(&id, &whole(&input, "metrics")?).await
        }),
        "ServiceBatchOperate" => run(config, move |c| async move {
            c.service_batch_operate(&required(&input, "args")?).await
        }),
        "ServiceBatchDelete" => run(config, move |c| async move {
            c.service_batch_delete(&required::<Vec<String>>(&input, "args")?)
                .await
        }),
        "GetPodDeployment" => run(config, move |c| async move {
            c.get_pod_deployment(&required::<String>(&input, "deploymentId")?)
                .await
        }),
        "GetPodDeploymentMetrics" => run(config, move |c| async move {
            let id: String = required(&input, "deploymentId")?;
            c.get_pod_deployment_metrics(&id, &whole(&input, "metrics")?)
                .await
        }),
        "UpdatePodDeploymentReplicas" => run(config, move |c| async move {
            let id: String = required(&input, "deploymentId")?;
            c.update_pod_deployment_replicas(&id, &required(&input, "args")?)
                .await
        }),
        "DeletePodDeployment" => run(config, move |c| async move {
            c.delete_pod_deployment(&required::<Vec<String>>(&input, "args")?)
                .await
        }),
        "GetPodList" => run(config, move |c| async move {
            c.get_pod_list(&whole(&input, "args")?).await
        }),
        "GetPodMetrics" => run(config, move |c| async move {
            let id: String = required(&input, "podId")?;
            c.get_pod_metrics(&id, &whole(&input, "metrics")?).await
        }),
        "GetPodDetail" => run(config, move |c| async move {
            c.get_pod_detail(&required::<String>(&input, "podId")?)
                .await
        }),
        "RestartPod" => run(config, move |c| async move {
            c.restart_pod(&required::<String>(&input, "podId")?).await
        }),
        _ => None,
    }
}
