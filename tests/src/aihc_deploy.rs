//! Driver of the `aihc-deploy` fixtures.

use aihc_deploy::{Client, ExtraInfo};
use bce_core::Config;
use serde_json::Value;

use crate::{arg, boxed, required, CallFuture, Driver};

/// Maps Go `services/aihc/inference` calls to [`aihc_deploy::Client`].
#[derive(Debug, Default)]
pub struct DeployDriver;

impl Driver for DeployDriver {
    fn service(&self) -> &'static str {
        "aihc-deploy"
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        let input = input.clone();
        macro_rules! run {
            (|$c:ident, $extra:ident| $body:expr) => {
                boxed(async move {
                    let region: String =
                        arg::<Option<String>>(&input, "region")?.unwrap_or_default();
                    let $extra: ExtraInfo =
                        arg::<Option<ExtraInfo>>(&input, "extraInfo")?.unwrap_or_default();
                    let $c = Client::new(config)?.with_region(region);
                    $body.await.map(|_| ())
                })
            };
            ($method:ident) => {
                run!(|c, _extra| async { c.$method(&required(&input, "args")?).await })
            };
        }
        match op {
            "CreateApp" => {
                run!(|c, extra| async { c.create_app(&required(&input, "args")?, &extra).await })
            }
            "ListApp" => {
                run!(|c, extra| async { c.list_app(&required(&input, "args")?, &extra).await })
            }
            "ListAppStats" => run!(list_app_stats),
            "AppDetails" => run!(app_details),
            "UpdateApp" => run!(update_app),
            "ScaleApp" => run!(scale_app),
            "PubAccess" => run!(pub_access),
            "ListChange" => run!(list_change),
            "ChangeDetail" => run!(change_detail),
            "DeleteApp" => run!(delete_app),
            "ListPod" => run!(list_pod),
            "BlockPod" => run!(block_pod),
            "DeletePod" => run!(delete_pod),
            "ListBriefResPool" => run!(list_brief_res_pool),
            "ResPoolDetail" => run!(res_pool_detail),
            _ => None,
        }
    }
}
