//! `bcectl dev …`: dev machines (`aihc_dev`, the action API).

use aihc_dev::{CreateDevInstanceArgs, DevInstanceIdArgs, ListDevInstanceArgs};
use futures::TryStreamExt;
use serde_json::Value;

use crate::app::Run;
use crate::args::DevCmd;
use crate::failure::Failure;
use crate::flows::{self, listing, to_json};

/// `bcectl dev …`.
pub async fn run(run: &Run, cmd: &DevCmd) -> Result<(), Failure> {
    let client = aihc_dev::Client::new(run.setup()?.config.clone())?;
    let format = run.global.output;
    match cmd {
        DevCmd::List => {
            let machines: Vec<_> = client
                .list_dev_instance_stream(ListDevInstanceArgs::default())
                .try_collect()
                .await?;
            let items: Vec<Value> = machines.iter().map(to_json).collect();
            listing(
                &items,
                &[
                    ("ID", "/id"),
                    ("NAME", "/name"),
                    ("STATUS", "/status"),
                    ("POOL", "/resourcePoolId"),
                    ("QUEUE", "/queueName"),
                    ("IMAGE", "/imageUrl"),
                ],
                Value::Array(items.clone()),
            )
            .print(format);
        }
        DevCmd::Create { file } => {
            let body = flows::read_file(file)?;
            let args: CreateDevInstanceArgs = serde_json::from_value(body).map_err(|e| {
                Failure::usage(format!("{file}: not a CreateDevInstance body: {e}"))
            })?;
            let reply = client.create_dev_instance(&args).await?;
            flows::print_created(&reply.dev_instance_id, &to_json(&reply), format);
        }
        DevCmd::Start { id } => {
            let reply = client
                .start_dev_instance(&DevInstanceIdArgs::new(id))
                .await?;
            flows::print_done(
                &format!("dev machine {id} starting"),
                &to_json(&reply),
                format,
            );
        }
        DevCmd::Stop { id } => {
            let reply = client
                .stop_dev_instance(&DevInstanceIdArgs::new(id))
                .await?;
            flows::print_done(
                &format!("dev machine {id} stopping"),
                &to_json(&reply),
                format,
            );
        }
        DevCmd::Delete { id } => {
            let reply = client
                .delete_dev_instance(&DevInstanceIdArgs::new(id))
                .await?;
            flows::print_done(
                &format!("dev machine {id} deleted"),
                &to_json(&reply),
                format,
            );
        }
    }
    Ok(())
}
