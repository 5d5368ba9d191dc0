//! Driver of the `bec` fixtures (the operations implemented so far).

use bce_core::Config;
use bec::{Client, MetricsQuery, ServiceAction};
use serde_json::Value;

use crate::{boxed, required, CallFuture, Driver};

/// Maps Go `services/bec` calls to [`bec::Client`].
#[derive(Debug, Default)]
pub struct BecDriver;

const COVERED: &[&str] = &[
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

impl Driver for BecDriver {
    fn service(&self) -> &'static str {
        "bec"
    }

    fn covers(&self, op: &str) -> bool {
        COVERED.contains(&op)
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        let input = input.clone();
        macro_rules! run {
            (|$c:ident| $body:expr) => {
                boxed(async move {
                    let $c = Client::new(config)?;
                    $body.await.map(|_| ())
                })
            };
        }
        match op {
            "CreateVmService" => {
                run!(|c| async { c.create_vm_service(&required(&input, "args")?).await })
            }
            "UpdateVmService" => run!(|c| async {
                let id: String = required(&input, "serviceId")?;
                c.update_vm_service(&id, &required(&input, "args")?).await
            }),
            "GetVmServiceList" => {
                run!(|c| async { c.get_vm_service_list(&required(&input, "args")?).await })
            }
            "GetVmServiceDetail" => run!(|c| async {
                c.get_vm_service_detail(&required::<String>(&input, "serviceId")?)
                    .await
            }),
            "GetVmServiceMetrics" => run!(|c| async {
                let id: String = required(&input, "serviceId")?;
                let query: MetricsQuery = serde_json::from_value(input.clone())
                    .map_err(|e| bce_core::Error::invalid_input("metrics", e.to_string()))?;
                c.get_vm_service_metrics(&id, &query).await
            }),
            "VmServiceAction" => run!(|c| async {
                let id: String = required(&input, "serviceId")?;
                let action: String = required(&input, "action")?;
                c.vm_service_action(&id, &ServiceAction::from(action)).await
            }),
            "DeleteVmService" => run!(|c| async {
                c.delete_vm_service(&required::<String>(&input, "serviceId")?)
                    .await
            }),
            "BatchDeleteVmService" => run!(|c| async {
                c.batch_delete_vm_service(&required::<Vec<String>>(&input, "serviceIds")?)
                    .await
            }),
            "BatchOperateVmService" => {
                run!(|c| async { c.batch_operate_vm_service(&required(&input, "args")?).await })
            }
            _ => None,
        }
    }
}
