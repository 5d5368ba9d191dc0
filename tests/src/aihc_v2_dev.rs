//! Driver of the `aihc-v2-dev` fixtures: the 11 dev machine actions
//! recorded from the official Python SDK 0.9.79 and Go SDK HEAD, replayed
//! through the existing [`aihc_dev::Client`] and compared by meaning.
//!
//! Where the two SDKs disagree (the Python SDK sends a flat CreateDevInstance
//! body and puts the id of ModifyDevInstance in the query; the Go SDK and
//! the public API reference use the nested `conf` body with the id in
//! `id`), the client follows the API reference; the Python lines are mapped
//! onto the documented request and listed as deviations.

use aihc_dev::*;
use bce_core::{Config, Error};
use serde_json::Value;

use crate::aihc_v2_data::{kwargs, python_page};
use crate::{required, text, CallFuture, Case, Compare, Driver};

/// Maps the Python `AihcClient` dev methods and the Go `services/aihc/dev`
/// calls to [`aihc_dev::Client`].
#[derive(Debug, Default)]
pub struct DevV2Driver;

/// The Python SDK's flat CreateDevInstance arguments, put where the
/// documented nested body has them (`instanceType`, `storageSize` and
/// `description` have no place there and are dropped).
fn python_create(input: &Value) -> CreateDevInstanceArgs {
    CreateDevInstanceArgs {
        name: text(input, "name"),
        conf: Some(DevInstanceConf {
            resource_pool: Some(ResourcePool {
                resource_pool_id: text(input, "resourcePoolId"),
                ..Default::default()
            }),
            image: Some(Image {
                image_url: text(input, "image"),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The Python SDK's ModifyDevInstance arguments: the id (sent in the query
/// by that SDK) goes into `id`; its flat fields carry no configuration, so
/// the documented call cannot be made from them.
fn python_modify(input: &Value) -> CreateDevInstanceArgs {
    CreateDevInstanceArgs {
        id: text(input, "devInstanceId"),
        name: text(input, "name"),
        ..Default::default()
    }
}

impl Driver for DevV2Driver {
    fn service(&self) -> &'static str {
        "aihc-v2-dev"
    }

    fn compare_mode(&self) -> Compare {
        Compare::Meaning
    }

    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        let input = case.input.clone();
        let python = case.is_python();
        // Go lines name the argument struct `args`; Python lines are the
        // keyword arguments themselves.
        fn args<T: serde::de::DeserializeOwned>(python: bool, input: &Value) -> Result<T, Error> {
            if python {
                kwargs(input)
            } else {
                required(input, "args")
            }
        }
        let id = move |input: &Value| -> Result<DevInstanceIdArgs, Error> {
            if python {
                Ok(DevInstanceIdArgs::new(text(input, "devInstanceId")))
            } else {
                required(input, "args")
            }
        };
        match case.op.as_str() {
            "DescribeDevInstances" => with_client!(Client, config, |c| async {
                let mut request: ListDevInstanceArgs = args(python, &input)?;
                if python {
                    request.page_number = python_page(&input, "pageNumber", 1);
                    request.page_size = python_page(&input, "pageSize", 10);
                }
                c.list_dev_instance(&request).await
            }),
            "DescribeDevInstance" => {
                with_client!(Client, config, |c| async {
                    c.query_dev_instance_detail(&id(&input)?).await
                })
            }
            "StartDevInstance" => with_client!(Client, config, |c| async {
                c.start_dev_instance(&id(&input)?).await
            }),
            "StopDevInstance" => with_client!(Client, config, |c| async {
                c.stop_dev_instance(&id(&input)?).await
            }),
            "DeleteDevInstance" => with_client!(Client, config, |c| async {
                c.delete_dev_instance(&id(&input)?).await
            }),
            "CreateDevInstance" => with_client!(Client, config, |c| async {
                let request = if python {
                    python_create(&input)
                } else {
                    required(&input, "args")?
                };
                c.create_dev_instance(&request).await
            }),
            "ModifyDevInstance" => with_client!(Client, config, |c| async {
                let request = if python {
                    python_modify(&input)
                } else {
                    required(&input, "args")?
                };
                c.update_dev_instance(&request).await
            }),
            "DescribeDevInstanceEvents" => with_client!(Client, config, |c| async {
                let mut request: ListDevInstanceEventArgs = args(python, &input)?;
                if python {
                    request.page_number = python_page(&input, "pageNumber", 1);
                    request.page_size = python_page(&input, "pageSize", 10);
                }
                c.list_dev_instance_event(&request).await
            }),
            "CreateDevInstanceImagePackJob" => with_client!(Client, config, |c| async {
                c.create_dev_instance_image_pack_job(&args(python, &input)?)
                    .await
            }),
            "DescribeDevInstanceImagePackJob" => with_client!(Client, config, |c| async {
                c.dev_instance_image_pack_job_detail(&args(python, &input)?)
                    .await
            }),
            "TimedStopDevInstance" => {
                with_client!(Client, config, |c| async {
                    c.timed_stop_dev_instance(&args(python, &input)?).await
                })
            }
            _ => None,
        }
    }
}
