//! Load balancers (BLB v1): instances, listeners, backends, metrics.

use bce_core::Config;
use bec::*;
use serde_json::Value;

use super::{run, whole};
use crate::{required, CallFuture};

/// Operations this part maps.
pub const OPS: &[&str] = &[
    "CreateBlb",
    "DeleteBlb",
    "GetBlbList",
    "GetBlbDetail",
    "UpdateBlb",
    "CreateBlbMonitorPort",
    "DeleteBlbMonitorPort",
    "GetBlbMonitorPortList",
    "UpdateBlbMonitorPort",
    "GetBlbMonitorPortDetails",
    "BatchCreateBlb",
    "BatchDeleteBlb",
    "BatchCreateBlbMonitor",
    "GetBlbBackendPodList",
    "GetBlbBackendBindingStsList",
    "GetBlbBindingPodListWithSts",
    "CreateBlbBinding",
    "DeleteBlbBindPod",
    "UpdateBlbBindPodWeight",
    "GetBlbMetrics",
];

/// Maps one Go call of this part.
pub fn call(config: Config, op: &str, input: &Value) -> Option<CallFuture> {
    let i = input.clone();
    let blb = {
        let i = input.clone();
        move || required::<String>(&i, "blbId")
    };
    match op {
        "CreateBlb" => run(config, move |c| async move {
            c.create_blb(&required(&i, "args")?).await
        }),
        "DeleteBlb" => run(config, move |c| async move { c.delete_blb(&blb()?).await }),
        "GetBlbList" => run(config, move |c| async move {
            c.get_blb_list(&whole(&i, "args")?).await
        }),
        "GetBlbDetail" => run(
            config,
            move |c| async move { c.get_blb_detail(&blb()?).await },
        ),
        "UpdateBlb" => run(config, move |c| async move {
            c.update_blb(&blb()?, &required(&i, "args")?).await
        }),
        "CreateBlbMonitorPort" => run(config, move |c| async move {
            c.create_blb_monitor_port(&blb()?, &required(&i, "args")?)
                .await
        }),
        "DeleteBlbMonitorPort" => run(config, move |c| async move {
            c.delete_blb_monitor_port(&blb()?, &required::<Vec<Port>>(&i, "args")?)
                .await
        }),
        "GetBlbMonitorPortList" => run(config, move |c| async move {
            c.get_blb_monitor_port_list(&blb()?, &whole(&i, "paging")?)
                .await
        }),
        "UpdateBlbMonitorPort" => run(config, move |c| async move {
            c.update_blb_monitor_port(&blb()?, &required(&i, "args")?)
                .await
        }),
        "GetBlbMonitorPortDetails" => run(config, move |c| async move {
            let protocol: Protocol = required(&i, "protocol")?;
            let port: i64 = required(&i, "port")?;
            c.get_blb_monitor_port_details(&blb()?, &protocol, port)
                .await
        }),
        "BatchCreateBlb" => run(config, move |c| async move {
            c.batch_create_blb(&required(&i, "args")?).await
        }),
        "BatchDeleteBlb" => run(config, move |c| async move {
            c.batch_delete_blb(&required::<Vec<String>>(&i, "blbIdList")?)
                .await
        }),
        "BatchCreateBlbMonitor" => run(config, move |c| async move {
            c.batch_create_blb_monitor(&blb()?, &required(&i, "args")?)
                .await
        }),
        "GetBlbBackendPodList" => run(config, move |c| async move {
            c.get_blb_backend_pod_list(&blb()?, &whole(&i, "paging")?)
                .await
        }),
        "GetBlbBackendBindingStsList" => run(config, move |c| async move {
            c.get_blb_backend_binding_sts_list(&blb()?, &whole(&i, "args")?)
                .await
        }),
        "GetBlbBindingPodListWithSts" => run(config, move |c| async move {
            let sts: String = required(&i, "stsName")?;
            c.get_blb_binding_pod_list_with_sts(&blb()?, &sts).await
        }),
        "CreateBlbBinding" => run(config, move |c| async move {
            c.create_blb_binding(&blb()?, &required(&i, "args")?).await
        }),
        "DeleteBlbBindPod" => run(config, move |c| async move {
            c.delete_blb_bind_pod(&blb()?, &required(&i, "args")?).await
        }),
        "UpdateBlbBindPodWeight" => run(config, move |c| async move {
            c.update_blb_bind_pod_weight(&blb()?, &required(&i, "args")?)
                .await
        }),
        "GetBlbMetrics" => run(config, move |c| async move {
            c.get_blb_metrics(&blb()?, &whole(&i, "metrics")?).await
        }),
        _ => None,
    }
}
