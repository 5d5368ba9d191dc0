//! `bcectl <service> <operation>`: every operation of every service crate,
//! from the crates' operation tables (`<crate>::cli::OPERATIONS`).

use bce_core::cli::{Connection, OperationInfo, Service};
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::Value;

use crate::app::Run;
use crate::args::Format;
use crate::failure::Failure;
use crate::{input, output};

/// Every service table, in the order `bcectl --help` lists them.
pub fn all() -> Vec<&'static dyn Service> {
    vec![
        &aihc_train::cli::OPERATIONS,
        &aihc_train::cli::OPERATIONS_V2,
        &aihc_deploy::cli::OPERATIONS,
        &aihc_deploy::cli::OPERATIONS_V2,
        &aihc_dev::cli::OPERATIONS,
        &aihc_data::cli::OPERATIONS,
        &bec::cli::OPERATIONS,
        &paddleflow::cli::OPERATIONS,
        &modelarts::cli::OPERATIONS,
    ]
}

/// `get_job` → `get-job`.
pub fn command_name(operation: &str) -> String {
    operation.replace('_', "-")
}

/// The clap command of one service, with a subcommand per operation.
pub fn command(service: &dyn Service) -> Command {
    let operations = service.operations();
    let mut cmd = Command::new(service.name())
        .about(format!(
            "{} ({} operations)",
            service.doc(),
            operations.len()
        ))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(format!(
            "Run `bcectl {} <operation> --skeleton` for an input template; \
             input fields use the request's JSON names.",
            service.name()
        ));
    for op in operations {
        let name = command_name(op.name);
        let mut sub = Command::new(name.clone())
            .about(op.doc)
            .arg(
                Arg::new("set")
                    .long("set")
                    .value_name("PATH=VALUE")
                    .action(ArgAction::Append)
                    .help("Set an input field (dotted for nesting, [i] for list elements); repeatable"),
            )
            .arg(
                Arg::new("input")
                    .long("input")
                    .short('i')
                    .value_name("@FILE|-|JSON")
                    .help("The input object: @file, - for stdin, or JSON text (--set applies on top)"),
            )
            .arg(
                Arg::new("skeleton")
                    .long("skeleton")
                    .action(ArgAction::SetTrue)
                    .help("Print an input template with every field and exit"),
            );
        if name != op.name {
            sub = sub.alias(op.name);
        }
        cmd = cmd.subcommand(sub);
    }
    cmd
}

/// Runs `bcectl <service> <operation> …`.
pub async fn run(
    run: &Run,
    service: &'static dyn Service,
    matches: &ArgMatches,
) -> Result<(), Failure> {
    let Some((name, sub)) = matches.subcommand() else {
        return Err(Failure::usage(format!(
            "bcectl {}: name an operation (see --help)",
            service.name()
        )));
    };
    let op: OperationInfo = service
        .operations()
        .into_iter()
        .find(|op| command_name(op.name) == name || op.name == name)
        .ok_or_else(|| Failure::usage(format!("{} has no operation {name}", service.name())))?;
    let label = format!("{} {}", service.name(), op.name);
    let skeleton = (op.skeleton)();
    if sub.get_flag("skeleton") {
        output::json(&skeleton);
        return Ok(());
    }
    let mut value = input::read_input(sub.get_one::<String>("input").map(String::as_str))?;
    if let Some(sets) = sub.get_many::<String>("set") {
        for expr in sets {
            input::apply_set(&mut value, expr, &skeleton)?;
        }
    }
    bce_core::cli::check_input(&value, &skeleton)
        .map_err(|e| Failure::labelled(e, label.clone()))?;
    let setup = run.setup_for(service.bce_credentials())?;
    let settings = |key: &str| setup.setting(key);
    let connection = Connection::new(setup.config.clone(), &settings);
    let answer = service
        .call(&connection, op.name, value)
        .await
        .map_err(|e| Failure::labelled(e, label))?;
    print_answer(&answer, run.global.output);
    Ok(())
}

/// Prints an operation's answer: JSON (`-o table`: the top-level fields as a
/// table; nothing for an operation that answers nothing).
fn print_answer(answer: &Value, format: Option<Format>) {
    match (answer, format) {
        (Value::Null, _) => {}
        (Value::Object(_), Some(Format::Table)) => output::out(&output::render_fields(answer)),
        (Value::Object(_), Some(Format::Text)) => output::out(&answer.to_string()),
        _ => output::json(answer),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::dryrun::{DryRunTransport, NOT_SENT};

    /// Every operation of every table takes its own skeleton as input: the
    /// skeleton passes the input check and decodes into the request types,
    /// so the call fails only at the dry-run transport or on the SDK's own
    /// checks of empty ids, never on decoding.
    #[tokio::test]
    async fn every_operation_accepts_its_skeleton() {
        let transport = DryRunTransport::default();
        let config = bce_core::Config::builder()
            .credentials(bce_core::Credentials::new("ak", "sk-test-secret").unwrap())
            .endpoint("http://127.0.0.1:9")
            .transport(Arc::new(transport.clone()))
            .build()
            .unwrap();
        let settings = |key: &str| match key {
            "paddleflow_token" => Some("token-1234".to_owned()),
            "huaweicloud_sdk_ak" => Some("HW-AK".to_owned()),
            "huaweicloud_sdk_sk" => Some("HW-SK-1234".to_owned()),
            "huaweicloud_sdk_project_id" => Some("project-1".to_owned()),
            "huaweicloud_sdk_region" => Some("cn-north-4".to_owned()),
            _ => None,
        };
        let connection = Connection::new(config, &settings);
        let mut count = 0;
        for service in all() {
            for op in service.operations() {
                count += 1;
                let skeleton = (op.skeleton)();
                assert!(skeleton.is_object(), "{} {}", service.name(), op.name);
                bce_core::cli::check_input(&skeleton, &skeleton)
                    .unwrap_or_else(|e| panic!("{} {}: {e}", service.name(), op.name));
                let err = service
                    .call(&connection, op.name, skeleton)
                    .await
                    .expect_err("the dry-run transport never answers");
                let text = err.to_string();
                let decoding = matches!(
                    err.root(),
                    bce_core::Error::InvalidInput { field, .. } if field == "input"
                );
                assert!(
                    !decoding && (text.contains(NOT_SENT) || err.is_invalid_input()),
                    "{} {}: {text}",
                    service.name(),
                    op.name
                );
            }
        }
        assert!(count > 220, "{count} operations");
        assert!(!transport.captured().is_empty());
    }

    #[test]
    fn names() {
        assert_eq!(command_name("get_job"), "get-job");
        let all = all();
        let train = all.iter().find(|s| s.name() == "aihc-train").unwrap();
        let cmd = command(*train);
        assert!(cmd.find_subcommand("get-job").is_some());
    }
}
