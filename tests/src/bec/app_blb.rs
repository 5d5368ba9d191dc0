//! App load balancers (v2): listeners, IP groups, policies.

use bce_core::Config;
use serde_json::Value;

use super::run;
use crate::{arg, required, CallFuture};

/// Operations this part maps.
pub const OPS: &[&str] = &[
    "CreateAppBlb",
    "UpdateAppBlb",
    "GetAppBlbList",
    "GetAppBlbDetails",
    "DeleteAppBlbInstance",
    "CreateTcpListener",
    "UpdateTcpListener",
    "GetTcpListener",
    "CreateUdpListener",
    "UpdateUdpListener",
    "GetUdpListener",
    "DeleteAppBlbListener",
    "CreateIpGroup",
    "UpdateIpGroup",
    "GetIpGroup",
    "DeleteIpGroup",
    "CreateIpGroupPolicy",
    "UpdateIpGroupPolicy",
    "GetIpGroupPolicyList",
    "DeleteIpGroupPolicy",
    "CreateIpGroupMember",
    "UpdateIpGroupMember",
    "GetIpGroupMemberList",
    "DeleteIpGroupMember",
    "CreateListenerPolicy",
    "GetListenerPolicy",
    "DeleteListenerPolicy",
];

/// Maps one Go call of this part.
pub fn call(config: Config, op: &str, input: &Value) -> Option<CallFuture> {
    let i = input.clone();
    // The client token is a plain Go string: missing means empty, and an
    // empty token is sent as none (`Some("")`), as the official SDK does.
    let token = arg::<Option<String>>(input, "clientToken")
        .ok()
        .flatten()
        .unwrap_or_default();
    let blb = {
        let i = input.clone();
        move || required::<String>(&i, "blbId")
    };
    let t = token;
    match op {
        "CreateAppBlb" => run(config, move |c| async move {
            c.create_app_blb(Some(t.as_str()), &required(&i, "args")?)
                .await
        }),
        "UpdateAppBlb" => run(config, move |c| async move {
            c.update_app_blb(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "GetAppBlbList" => run(config, move |c| async move {
            c.get_app_blb_list(&required(&i, "args")?).await
        }),
        "GetAppBlbDetails" => run(config, move |c| async move {
            c.get_app_blb_details(&blb()?).await
        }),
        "DeleteAppBlbInstance" => run(config, move |c| async move {
            c.delete_app_blb_instance(&blb()?, Some(t.as_str())).await
        }),
        "CreateTcpListener" => run(config, move |c| async move {
            c.create_tcp_listener(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "UpdateTcpListener" => run(config, move |c| async move {
            let port: String = required(&i, "listenerPort")?;
            c.update_tcp_listener(Some(t.as_str()), &blb()?, &port, &required(&i, "args")?)
                .await
        }),
        "GetTcpListener" => run(config, move |c| async move {
            c.get_tcp_listener(&blb()?, &required(&i, "args")?).await
        }),
        "CreateUdpListener" => run(config, move |c| async move {
            c.create_udp_listener(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "UpdateUdpListener" => run(config, move |c| async move {
            let port: String = required(&i, "listenerPort")?;
            c.update_udp_listener(Some(t.as_str()), &blb()?, &port, &required(&i, "args")?)
                .await
        }),
        "GetUdpListener" => run(config, move |c| async move {
            c.get_udp_listener(&blb()?, &required(&i, "args")?).await
        }),
        "DeleteAppBlbListener" => run(config, move |c| async move {
            c.delete_app_blb_listener(&blb()?, Some(t.as_str()), &required(&i, "args")?)
                .await
        }),
        "CreateIpGroup" => run(config, move |c| async move {
            c.create_ip_group(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "UpdateIpGroup" => run(config, move |c| async move {
            c.update_ip_group(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "GetIpGroup" => run(config, move |c| async move {
            c.get_ip_group(&blb()?, &required(&i, "args")?).await
        }),
        "DeleteIpGroup" => run(config, move |c| async move {
            c.delete_ip_group(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "CreateIpGroupPolicy" => run(config, move |c| async move {
            c.create_ip_group_policy(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "UpdateIpGroupPolicy" => run(config, move |c| async move {
            c.update_ip_group_policy(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "GetIpGroupPolicyList" => run(config, move |c| async move {
            c.get_ip_group_policy_list(&blb()?, &required(&i, "args")?)
                .await
        }),
        "DeleteIpGroupPolicy" => run(config, move |c| async move {
            c.delete_ip_group_policy(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "CreateIpGroupMember" => run(config, move |c| async move {
            c.create_ip_group_member(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "UpdateIpGroupMember" => run(config, move |c| async move {
            c.update_ip_group_member(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "GetIpGroupMemberList" => run(config, move |c| async move {
            c.get_ip_group_member_list(&blb()?, &required(&i, "args")?)
                .await
        }),
        "DeleteIpGroupMember" => run(config, move |c| async move {
            c.delete_ip_group_member(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "CreateListenerPolicy" => run(config, move |c| async move {
            c.create_listener_policy(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        "GetListenerPolicy" => run(config, move |c| async move {
            c.get_listener_policy(&blb()?, &required(&i, "args")?).await
        }),
        "DeleteListenerPolicy" => run(config, move |c| async move {
            c.delete_listener_policy(Some(t.as_str()), &blb()?, &required(&i, "args")?)
                .await
        }),
        _ => None,
    }
}
