//! The operation table of `aihc-dev` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-dev <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions.

use crate::*;

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "aihc-dev",
        doc: "AIHC dev machines: lifecycle, timed stop, image packing, events",
        connect: Client::new,
        operations: [
            create_dev_instance_image_pack_job "Packs a dev machine into an image (POST /?action=CreateDevInstanceImagePackJob)" (body: CreateDevInstanceImagePackJobArgs),
            dev_instance_image_pack_job_detail "One image pack job (GET /?action=DescribeDevInstanceImagePackJob)" (body: DevInstanceImagePackJobDetailArgs),
            create_dev_instance "Creates a dev machine (POST /?action=CreateDevInstance)" (body: CreateDevInstanceArgs),
            list_dev_instance "Lists dev machines (GET /?action=DescribeDevInstances)" (body: ListDevInstanceArgs),
            query_dev_instance_detail "One dev machine (GET /?action=DescribeDevInstance)" (body: DevInstanceIdArgs),
            update_dev_instance "Modifies a dev machine (POST /?action=ModifyDevInstance); the machine is named by args.id" (body: CreateDevInstanceArgs),
            start_dev_instance "Starts a dev machine (POST /?action=StartDevInstance)" (body: DevInstanceIdArgs),
            stop_dev_instance "Stops a dev machine (POST /?action=StopDevInstance)" (body: DevInstanceIdArgs),
            delete_dev_instance "Deletes a dev machine (POST /?action=DeleteDevInstance)" (body: DevInstanceIdArgs),
            timed_stop_dev_instance "Schedules (or cancels) a stop (POST /?action=TimedStopDevInstance)" (body: TimedStopDevInstanceArgs),
            list_dev_instance_event "Events of dev machines (GET /?action=DescribeDevInstanceEvents)" (body: ListDevInstanceEventArgs),
        ],
    };
}
