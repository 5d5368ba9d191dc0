//! `bcectl service …`: online services.
//!
//! TODO(v2): these run on the AIHC v1 custom-deployment API (`aihc_deploy`:
//! apps) until `aihc_deploy::v2` (DescribeServices, DescribeService,
//! CreateService, ModifyServiceReplicas, DeleteService) is merged; then the
//! create file becomes the v2 CreateService body.

use aihc_deploy::{AppIdArgs, CreateAppArgs, ExtraInfo, ListAppArgs, ScaleAppArgs};
use serde_json::Value;

use crate::app::Run;
use crate::args::ServiceCmd;
use crate::failure::Failure;
use crate::flows::{self, listing, to_json};

/// `bcectl service …`.
pub async fn run(run: &Run, cmd: &ServiceCmd) -> Result<(), Failure> {
    let client = aihc_deploy::Client::new(run.setup()?.config.clone())?;
    let format = run.global.output;
    match cmd {
        ServiceCmd::List => {
            let mut items: Vec<Value> = Vec::new();
            let mut page = 1;
            loop {
                let args = ListAppArgs {
                    page_no: page,
                    page_size: 100,
                    ..ListAppArgs::default()
                };
                let answer = client.list_app(&args, &ExtraInfo::default()).await?.data;
                let got = answer.list.len();
                items.extend(answer.list.iter().map(to_json));
                if got < 100 || items.len() as i64 >= answer.count {
                    break;
                }
                page += 1;
            }
            listing(
                &items,
                &[
                    ("SERVICE ID", "/appId"),
                    ("NAME", "/appName"),
                    ("POOL", "/resPoolId"),
                    ("QUEUE", "/resQueue"),
                    ("REGION", "/region"),
                    ("PUBLIC", "/publicAccess"),
                ],
                Value::Array(items.clone()),
            )
            .print(format);
        }
        ServiceCmd::Get { id } => {
            let answer = client.app_details(&AppIdArgs::new(id)).await?.data;
            flows::print_one(&to_json(&answer), format);
        }
        ServiceCmd::Create { file } => {
            let body = flows::read_file(file)?;
            let args: CreateAppArgs = serde_json::from_value(body)
                .map_err(|e| Failure::usage(format!("{file}: not a CreateApp body: {e}")))?;
            let reply = client.create_app(&args, &ExtraInfo::default()).await?;
            flows::print_created(&reply.data.app_id, &to_json(&reply), format);
        }
        ServiceCmd::Scale { id, replicas } => {
            let ins_count = i32::try_from(*replicas)
                .map_err(|_| Failure::usage(format!("--replicas {replicas} is too large")))?;
            let reply = client
                .scale_app(&ScaleAppArgs {
                    app_id: id.clone(),
                    ins_count,
                })
                .await?;
            flows::print_done(
                &format!("service {id} scaled to {replicas} replicas"),
                &to_json(&reply),
                format,
            );
        }
        ServiceCmd::Delete { id } => {
            let reply = client.delete_app(&AppIdArgs::new(id)).await?;
            flows::print_done(&format!("service {id} deleted"), &to_json(&reply), format);
        }
    }
    Ok(())
}
