//! `bcectl service …`: online services on the AIHC OpenAPI v2
//! (`aihc_deploy::v2`).

use aihc_deploy::v2::{Client, DescribeServicesRequest, ServiceConf};
use futures::TryStreamExt;
use serde_json::Value;

use crate::app::Run;
use crate::args::ServiceCmd;
use crate::failure::Failure;
use crate::flows::{self, listing, to_json};

/// `bcectl service …`.
pub async fn run(run: &Run, cmd: &ServiceCmd) -> Result<(), Failure> {
    let format = run.global.output;
    // Files are read before anything is sent.
    let conf =
        match cmd {
            ServiceCmd::Create { file } => {
                let body = flows::read_file(file)?;
                Some(serde_json::from_value::<ServiceConf>(body).map_err(|e| {
                    Failure::usage(format!("{file}: not a CreateService body: {e}"))
                })?)
            }
            _ => None,
        };
    let client = Client::new(run.setup()?.config.clone())?;
    match cmd {
        ServiceCmd::List => {
            let services: Vec<_> = client
                .describe_services_stream(DescribeServicesRequest::default())
                .try_collect()
                .await?;
            let items: Vec<Value> = services.iter().map(to_json).collect();
            listing(
                &items,
                &[
                    ("SERVICE ID", "/id"),
                    ("NAME", "/name"),
                    ("POOL", "/resourcePoolId"),
                    ("QUEUE", "/queueName"),
                    ("REGION", "/region"),
                    ("PUBLIC", "/publicAccess"),
                ],
                Value::Array(items.clone()),
            )
            .print(format);
        }
        ServiceCmd::Get { id } => {
            let answer = client.describe_service(id).await?;
            flows::print_one(&to_json(&answer), format);
        }
        ServiceCmd::Create { .. } => {
            let conf = conf.unwrap_or_default();
            let reply = client.create_service(&conf, None).await?;
            flows::print_created(&reply.service_id, &to_json(&reply), format);
        }
        ServiceCmd::Scale { id, replicas } => {
            let reply = client.modify_service_replicas(id, *replicas).await?;
            flows::print_done(
                &format!("service {id} scaled to {replicas} replicas"),
                &to_json(&reply),
                format,
            );
        }
        ServiceCmd::Delete { id } => {
            let reply = client.delete_service(id).await?;
            flows::print_done(&format!("service {id} deleted"), &to_json(&reply), format);
        }
    }
    Ok(())
}
