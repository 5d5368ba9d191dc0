//! Driver of the `aihc-train` fixtures.

use aihc_train::Client;
use bce_core::Config;
use serde_json::Value;

use crate::{required, CallFuture, Driver};

/// Maps Go `services/aihc/resource` calls to [`aihc_train::Client`].
#[derive(Debug, Default)]
pub struct TrainDriver;

impl Driver for TrainDriver {
    fn service(&self) -> &'static str {
        "aihc-train"
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        let input = input.clone();
        match op {
            "ListResourcePool" => with_client!(Client, config, |c| async {
                c.list_resource_pool(&required(&go_pages(&input), "args")?)
                    .await
            }),
            "GetResourcePool" => with_client!(Client, config, |c| async {
                c.get_resource_pool(&required::<String>(&input, "resourcePoolID")?)
                    .await
            }),
            "ListNodeByResourcePoolID" => with_client!(Client, config, |c| async {
                let pool: String = required(&input, "resourcePoolID")?;
                c.list_node_by_resource_pool_id(&pool, &required(&go_pages(&input), "args")?)
                    .await
            }),
            "ListQueue" => with_client!(Client, config, |c| async {
                let pool: String = required(&input, "resourcePoolID")?;
                c.list_queue(&pool, &required(&go_pages(&input), "args")?)
                    .await
            }),
            "GetQueue" => with_client!(Client, config, |c| async {
                let pool: String = required(&input, "resourcePoolID")?;
                c.get_queue(&pool, &required::<String>(&input, "queueName")?)
                    .await
            }),
            "ListJobs" => with_client!(Client, config, |c| async {
                c.list_jobs(&required(&input, "args")?).await
            }),
            "CreateJob" => with_client!(Client, config, |c| async {
                let options = required(&input, "options")?;
                c.create_job(&required(&input, "job")?, &options).await
            }),
            "GetJob" => with_client!(Client, config, |c| async {
                c.get_job(&required(&input, "options")?).await
            }),
            "UpdateJob" => with_client!(Client, config, |c| async {
                let options = required(&input, "options")?;
                c.update_job(&required(&input, "job")?, &options).await
            }),
            "StopJob" => with_client!(Client, config, |c| async {
                c.stop_job(&required(&input, "options")?).await
            }),
            "DeleteJob" => with_client!(Client, config, |c| async {
                c.delete_job(&required(&input, "options")?).await
            }),
            "GetTaskEvent" => {
                with_client!(Client, config, |c| async {
                    c.get_task_event(&required(&input, "args")?).await
                })
            }
            "GetPodEvents" => {
                with_client!(Client, config, |c| async {
                    c.get_pod_events(&required(&input, "args")?).await
                })
            }
            "GetPodLogs" => with_client!(Client, config, |c| async {
                c.get_pod_logs(&required(&input, "args")?).await
            }),
            "GetTaskMetrics" => {
                with_client!(Client, config, |c| async {
                    c.get_task_metrics(&required(&input, "args")?).await
                })
            }
            "GetJobNodesList" => {
                with_client!(Client, config, |c| async {
                    c.get_job_nodes_list(&required(&input, "options")?).await
                })
            }
            "GetWebSSHUrl" => {
                with_client!(Client, config, |c| async {
                    c.get_web_ssh_url(&required(&input, "arg")?).await
                })
            }
            "FileUpload" => with_client!(Client, config, |c| async {
                c.file_upload(&required(&input, "args")?).await
            }),
            _ => None,
        }
    }
}

/// The Go input with negative `args.pageNo`/`args.pageSize` read as 0. Go
/// takes page numbers as `int`; ours are `u32`, where 0 is what Go's
/// negative values mean in these lists (the pool and queue lists send page
/// 1 of 10 for both; the node list refuses both).
fn go_pages(input: &Value) -> Value {
    let mut input = input.clone();
    if let Some(args) = input.get_mut("args").and_then(Value::as_object_mut) {
        for key in ["pageNo", "pageSize"] {
            if args.get(key).and_then(Value::as_i64).is_some_and(|n| n < 0) {
                args.insert(key.to_owned(), Value::from(0));
            }
        }
    }
    input
}
