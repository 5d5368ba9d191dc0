//! The operation table of `aihc-deploy` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-deploy <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions. [`OPERATIONS_V2`] is the table of
//! the online-service API v2 ([`crate::v2`]), `bcectl aihc-deploy-v2 <operation>`.

use crate::*;

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "aihc-deploy",
        doc: "AIHC custom deployment (v1): apps, scaling, public access, changes, pods, resource pools",
        connect: Client::new,
        operations: [
            create_app "Creates an app (POST /api/v1/aihcpom/app/create)" (body: CreateAppArgs, field "extraInfo": ExtraInfo),
            list_app "Lists apps (GET /api/v1/aihcpom/app/list)" (body: ListAppArgs, field "extraInfo": ExtraInfo),
            list_app_stats "Instance counts of apps (GET /api/v1/aihcpom/app/stats)" (body: ListAppStatsArgs),
            app_details "Details of an app (GET /api/v1/aihcpom/app/details)" (body: AppIdArgs),
            update_app "Replaces an app's configuration (POST /api/v1/aihcpom/app/update)" (body: UpdateAppArgs),
            scale_app "Sets the number of instances (POST /api/v1/aihcpom/app/scale)" (body: ScaleAppArgs),
            pub_access "Turns public access on or off (POST /api/v1/aihcpom/app/pubaccess)" (body: PubAccessArgs),
            list_change "Change records of an app (GET /api/v1/aihcpom/app/listchange)" (body: ListChangeArgs),
            change_detail "One change record (GET /api/v1/aihcpom/app/changedetail)" (body: ChangeDetailArgs),
            delete_app "Deletes an app (POST /api/v1/aihcpom/app/delete)" (body: AppIdArgs),
            list_pod "Instances of an app (GET /api/v1/aihcpom/pod/list)" (body: AppIdArgs),
            block_pod "Takes an instance out of traffic or back in (POST /api/v1/aihcpom/pod/block)" (body: PodArgs),
            delete_pod "Deletes an instance so that it is rebuilt (POST /api/v1/aihcpom/pod/delete)" (body: PodArgs),
            list_brief_res_pool "Lists resource pools (GET /api/v1/aihcpom/respool/listbrief)" (body: ListBriefResPoolArgs),
            res_pool_detail "One resource pool with its queues (GET /api/v1/aihcpom/respool/detail)" (body: ResPoolDetailArgs),
        ],
    };
}

bce_core::cli_operations! {
    /// Every operation of the online-service API v2 ([`crate::v2`]), for `bcectl` and other tools.
    pub static OPERATIONS_V2: v2::Client = {
        service: "aihc-deploy-v2",
        doc: "AIHC online services (OpenAPI v2): services, replicas, pods, changelogs, public access",
        connect: v2::Client::new,
        operations: [
            describe_service_changelogs "Change records of a service, one page (GET /?action=DescribeServiceChangelogs)" (body: v2::DescribeServiceChangelogsRequest),
            describe_service_changelog "One change record (GET /?action=DescribeServiceChangelog)" (str "changeId"),
            describe_service_pods "Pods of a service (GET /?action=DescribeServicePods)" (str "serviceId"),
            describe_service_pod_groups "Pod groups of a service (GET /?action=DescribeServicePodGroups)" (str "serviceId"),
            delete_service_pod "Deletes a pod so that it is rebuilt (POST /?action=DeleteServicePod)" (str "serviceId", str "instanceId"),
            disable_service_pod "Takes a pod out of traffic (block = true) or puts it back (POST /?action=DisableServicePod, block always sent)" (str "serviceId", str "instanceId", optvalue "block": bool),
            describe_services "Lists services, one page (GET /?action=DescribeServices)" (body: v2::DescribeServicesRequest),
            describe_service "A service in detail: configuration, access, replica counts and pods (GET /?action=DescribeService)" (str "serviceId"),
            describe_service_status "Replica counts and state of a service (GET /?action=DescribeServiceStatus)" (str "serviceId"),
            create_service "Creates a service (POST /?action=CreateService, the configuration as body)" (body: v2::ServiceConf, optstr "clientToken"),
            modify_service "Changes a service's configuration (POST /?action=ModifyService); the service rolls its pods" (body: v2::ModifyServiceRequest),
            upgrade_service "Rolls a service to another version (POST /?action=UpgradeService)" (body: v2::UpgradeServiceRequest),
            delete_service "Deletes a service (POST /?action=DeleteService)" (str "serviceId"),
            modify_service_replicas "Sets the number of replicas (POST /?action=ModifyServiceReplicas, instanceCount always sent, also 0)" (str "serviceId", value "instanceCount": u32),
            modify_service_net_config "Turns public access on or off (POST /?action=ModifyServiceNetConfig)" (body: v2::ModifyServiceNetConfigRequest),
        ],
    };
}
