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
    "CreateVmServiceInstance",
    "GetVmInstanceList",
    "GetNodeVmInstanceList",
    "GetVirtualMachine",
    "DeleteVmInstance",
    "UpdateVmInstance",
    "BindSecurityGroup",
    "ReinstallVmInstance",
    "OperateVmDeployment",
    "GetVmInstanceMetrics",
    "GetVmConfig",
    "CreateVmPrivateIp",
    "DeleteVmPrivateIp",
    "CreateVmImage",
    "DeleteVmImage",
    "UpdateVmImage",
    "ListVmImage",
    "ImportImage",
    "GetBecAvailableNodeInfoVo",
    "CreateDeploySet",
    "UpdateVmInstanceDeploySet",
    "DeleteVmInstanceFromDeploySet",
    "UpdateDeploySet",
    "GetDeploySetList",
    "GetDeploySetDetail",
    "DeleteDeploySet",
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
        "CreateVmServiceInstance" => run(config, move |c| async move {
            let id: String = required(&input, "serviceId")?;
            c.create_vm_service_instance(&id, &required(&input, "args")?)
                .await
        }),
        "GetVmInstanceList" => run(config, move |c| async move {
            c.get_vm_instance_list(&required(&input, "args")?).await
        }),
        "GetNodeVmInstanceList" => run(config, move |c| async move {
            let region: Region = required(&input, "region")?;
            let sp: ServiceProvider = required(&input, "serviceProvider")?;
            let city: String = required(&input, "city")?;
            c.get_node_vm_instance_list(&region, &sp, &city, &required(&input, "listRequest")?)
                .await
        }),
        "GetVirtualMachine" => run(config, move |c| async move {
            c.get_virtual_machine(&required::<String>(&input, "vmID")?)
                .await
        }),
        "DeleteVmInstance" => run(config, move |c| async move {
            c.delete_vm_instance(&required::<String>(&input, "vmID")?)
                .await
        }),
        "UpdateVmInstance" => run(config, move |c| async move {
            let id: String = required(&input, "vmID")?;
            c.update_vm_instance(&id, &required(&input, "args")?).await
        }),
        "BindSecurityGroup" => run(config, move |c| async move {
            let action: SecurityGroupAction = required(&input, "action")?;
            c.bind_security_group(&action, &required(&input, "args")?)
                .await
        }),
        "ReinstallVmInstance" => run(config, move |c| async move {
            let id: String = required(&input, "vmID")?;
            c.reinstall_vm_instance(&id, &required(&input, "args")?)
                .await
        }),
        "OperateVmDeployment" => run(config, move |c| async move {
            let id: String = required(&input, "vmID")?;
            let action: VmInstanceAction = required(&input, "action")?;
            c.operate_vm_deployment(&id, &action).await
        }),
        "GetVmInstanceMetrics" => run(config, move |c| async move {
            let id: String = required(&input, "vmId")?;
            let query: MetricsQuery = super::whole(&input, "metrics")?;
            c.get_vm_instance_metrics(&id, &query).await
        }),
        "GetVmConfig" => run(config, move |c| async move {
            c.get_vm_config(&required::<String>(&input, "vmID")?).await
        }),
        "CreateVmPrivateIp" => run(config, move |c| async move {
            let id: String = required(&input, "vmID")?;
            c.create_vm_private_ip(&id, &required(&input, "args")?)
                .await
        }),
        "DeleteVmPrivateIp" => run(config, move |c| async move {
            let id: String = required(&input, "vmID")?;
            c.delete_vm_private_ip(&id, &required(&input, "args")?)
                .await
        }),
        "CreateVmImage" => run(config, move |c| async move {
            c.create_vm_image(&required(&input, "args")?).await
        }),
        "DeleteVmImage" => run(config, move |c| async move {
            c.delete_vm_image(&required::<Vec<String>>(&input, "args")?)
                .await
        }),
        "UpdateVmImage" => run(config, move |c| async move {
            let id: String = required(&input, "imageId")?;
            c.update_vm_image(&id, &required(&input, "args")?).await
        }),
        "ListVmImage" => run(config, move |c| async move {
            c.list_vm_image(&required(&input, "args")?).await
        }),
        "ImportImage" => run(config, move |c| async move {
            c.import_image(&required(&input, "args")?).await
        }),
        "GetBecAvailableNodeInfoVo" => run(config, move |c| async move {
            c.get_bec_available_node_info_vo(&required::<String>(&input, "getType")?)
                .await
        }),
        "CreateDeploySet" => run(config, move |c| async move {
            c.create_deploy_set(&required(&input, "args")?).await
        }),
        "UpdateVmInstanceDeploySet" => run(config, move |c| async move {
            c.update_vm_instance_deploy_set(&required(&input, "args")?)
                .await
        }),
        "DeleteVmInstanceFromDeploySet" => run(config, move |c| async move {
            c.delete_vm_instance_from_deploy_set(&required(&input, "args")?)
                .await
        }),
        "UpdateDeploySet" => run(config, move |c| async move {
            let id: String = required(&input, "deploySetId")?;
            c.update_deploy_set(&id, &required(&input, "args")?).await
        }),
        "GetDeploySetList" => run(config, move |c| async move {
            c.get_deploy_set_list(&required(&input, "args")?).await
        }),
        "GetDeploySetDetail" => run(config, move |c| async move {
            c.get_deploy_set_detail(&required::<String>(&input, "deploySetId")?)
                .await
        }),
        "DeleteDeploySet" => run(config, move |c| async move {
            c.delete_deploy_set(&required::<String>(&input, "deploySetId")?)
                .await
        }),
        _ => None,
    }
}
