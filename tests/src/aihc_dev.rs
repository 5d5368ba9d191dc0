//! Driver of the `aihc-dev` fixtures.

use aihc_dev::Client;
use bce_core::Config;
use serde_json::Value;

use crate::{boxed, required, CallFuture, Driver};

/// Maps Go `services/aihc/dev` calls to [`aihc_dev::Client`].
#[derive(Debug, Default)]
pub struct DevDriver;

impl Driver for DevDriver {
    fn service(&self) -> &'static str {
        "aihc-dev"
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        let input = input.clone();
        macro_rules! run {
            ($method:ident) => {
                boxed(async move {
                    let client = Client::new(config)?;
                    client.$method(&required(&input, "args")?).await.map(|_| ())
                })
            };
        }
        match op {
            "CreateDevInstance" => run!(create_dev_instance),
            "ListDevInstance" => run!(list_dev_instance),
            "QueryDevInstanceDetail" => run!(query_dev_instance_detail),
            "UpdateDevInstance" => run!(update_dev_instance),
            "StartDevInstance" => run!(start_dev_instance),
            "StopDevInstance" => run!(stop_dev_instance),
            "DeleteDevInstance" => run!(delete_dev_instance),
            "TimedStopDevInstance" => run!(timed_stop_dev_instance),
            "ListDevInstanceEvent" => run!(list_dev_instance_event),
            "CreateDevInstanceImagePackJob" => run!(create_dev_instance_image_pack_job),
            "DevInstanceImagePackJobDetail" => run!(dev_instance_image_pack_job_detail),
            _ => None,
        }
    }
}
