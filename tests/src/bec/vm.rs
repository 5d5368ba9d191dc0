//! VM services, VM instances, images, nodes and deploy sets.

use bce_core::Config;
use bec::*;
use serde_json::Value;

use super::run;
use crate::{required, CallFuture};

/// Operations this part maps.
pub const OPS: &[&str] = &[
    "CreateVmService",
    "UpdateVmService",
    "GetVmServiceList",
    "GetVmServiceDetail",
    "GetVmServiceMetrics",
    "VmServiceAction",
    "DeleteVmService",
    "BatchDeleteVmService",
    "BatchOperateVmService",
];

/// Maps one Go call of this part.
pub fn call(config: Config, op: &str, input: &Value) -> Option<CallFuture> {
    let input = input.clone();
    match op {
        "CreateVmService" => run(config, move |c| async move {
            c.create_vm_service(&required(&input, "args")?).await
        }),
        "UpdateVmService" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            c.update_vm_service(&id, &required(&input, "args")?).await
        }),
        "GetVmServiceList" => run(config, move |c| async move {
            c.get_vm_service_list(&required(&input, "args")?).await
        }),
        "GetVmServiceDetail" => run(config, move |c| async move {
            c.get_vm_service_detail(&required::<String>(&input, "serviceId")?)
                .await
        }),
        "GetVmServiceMetrics" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            let query: MetricsQuery = serde_json::from_value(input.clone())
                .map_err(|e| bce_core::Error::invalid_input("metrics", e.to_string()))?;
            c.get_vm_service_metrics(&id, &query).await
        }),
        "VmServiceAction" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            let action: String = required(&input, "action")?;
            c.vm_service_action(&id, &ServiceAction::from(action)).await
        }),
        "DeleteVmService" => run(config, move |c| async move {
            c.delete_vm_service(&required::<String>(&input, "serviceId")?)
                .await
        }),
        "BatchDeleteVmService" => run(config, move |c| async move {
            c.batch_delete_vm_service(&required::<Vec<String>>(&input, "serviceIds")?)
                .await
        }),
        "BatchOperateVmService" => run(config, move |c| async move {
            c.batch_operate_vm_service(&required(&input, "args")?).await
        }),
        _ => None,
    }
}
