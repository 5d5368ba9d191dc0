//! The operation table of `aihc-deploy` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-deploy <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions.

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
