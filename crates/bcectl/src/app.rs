//! Parsing, dispatch, the time limit, dry runs and the exit code.

use std::sync::OnceLock;
use std::time::Duration;

use bce_core::cli::Service;
use clap::{ArgMatches, Command, CommandFactory, FromArgMatches};

use crate::args::{Cli, Command as Builtin, Global};
use crate::failure::{Failure, EXIT_OK, EXIT_USAGE};
use crate::setup::{self, Setup};
use crate::{configure, dryrun, flows, output, services};

/// One run of the tool: the global options and, once needed, the setup.
pub struct Run {
    /// Options valid for every command.
    pub global: Global,
    setup: OnceLock<Setup>,
}

impl Run {
    /// The configuration with BCE credentials, resolved on first use.
    pub fn setup(&self) -> Result<&Setup, Failure> {
        self.setup_for(true)
    }

    /// The configuration, with BCE credentials or without (a service with
    /// its own login), resolved on first use (a run uses one kind).
    pub fn setup_for(&self, bce: bool) -> Result<&Setup, Failure> {
        if let Some(s) = self.setup.get() {
            return Ok(s);
        }
        let resolved = setup::resolve(&self.global, bce)?;
        Ok(self.setup.get_or_init(|| resolved))
    }
}

/// The whole command: fixed commands plus one per service table.
pub fn command(services: &[&'static dyn Service]) -> Command {
    let mut cmd = Cli::command();
    for service in services {
        cmd = cmd.subcommand(services::command(*service));
    }
    cmd
}

/// Runs the tool; returns the exit code.
pub fn main() -> u8 {
    let services = services::all();
    let cmd = command(&services);
    let matches = match cmd.clone().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(EXIT_USAGE);
        }
    };
    let global = match Global::from_arg_matches(&matches) {
        Ok(g) => g,
        Err(e) => {
            let _ = e.print();
            return EXIT_USAGE;
        }
    };
    init_tracing(global.debug);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            output::err(&format!("bcectl: error: cannot start: {e}"));
            return crate::failure::EXIT_TRANSPORT;
        }
    };
    let run = Run {
        global,
        setup: OnceLock::new(),
    };
    let limit = run.global.timeout;
    let result = runtime.block_on(async {
        let work = dispatch(&run, &matches, &services, cmd);
        match limit {
            Some(limit) => tokio::time::timeout(limit, work).await.unwrap_or_else(|_| {
                Err(Failure::Timeout(format!(
                    "timed out after {} (--timeout)",
                    show_duration(limit)
                )))
            }),
            None => work.await,
        }
    });
    if let Some(dry) = run.setup.get().and_then(|s| s.dry_run.as_ref()) {
        let captured = dry.captured();
        if !captured.is_empty() {
            dryrun::print(&captured, run.global.output);
            return EXIT_OK;
        }
    }
    match result {
        Ok(()) => EXIT_OK,
        Err(failure) => {
            output::err(&format!("bcectl: error: {}", failure.message()));
            failure.exit_code()
        }
    }
}

async fn dispatch(
    run: &Run,
    matches: &ArgMatches,
    services: &[&'static dyn Service],
    mut cmd: Command,
) -> Result<(), Failure> {
    if let Some((name, sub)) = matches.subcommand() {
        if let Some(service) = services.iter().find(|s| s.name() == name) {
            return services::run(run, *service, sub).await;
        }
    }
    let cli = Cli::from_arg_matches(matches).map_err(|e| Failure::usage(e.to_string()))?;
    match &cli.command {
        Builtin::Configure(args) => configure::run(&run.global, args),
        Builtin::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "bcectl", &mut script);
            output::out(String::from_utf8_lossy(&script).trim_end());
            Ok(())
        }
        Builtin::Pool(c) => flows::train::pool(run, c).await,
        Builtin::Queue(c) => flows::train::queue(run, c).await,
        Builtin::Job(c) => flows::train::job(run, c).await,
        Builtin::Service(c) => flows::service::run(run, c).await,
        Builtin::Dev(c) => flows::dev::run(run, c).await,
    }
}

/// `90s`, `10m`, `1h30m` for messages.
pub fn show_duration(d: Duration) -> String {
    let secs = d.as_secs();
    if d < Duration::from_secs(1) {
        format!("{}ms", d.as_millis())
    } else if secs < 120 {
        format!("{secs}s")
    } else if secs < 7200 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{}h{:02}m", secs / 3600, (secs % 3600) / 60)
    }
}

/// `--debug`: the SDK's request logs on stderr (`--debug --debug`: everything),
/// through the secret-scrubbing writer.
fn init_tracing(level: u8) {
    if level == 0 {
        return;
    }
    let filter = if level == 1 {
        "warn,bce_core=debug,aihc_train=debug,aihc_deploy=debug,aihc_dev=debug,bec=debug,bcectl=debug"
    } else {
        "trace"
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(output::ScrubbedStderr)
        .with_ansi(output::stderr_is_terminal())
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_command_is_well_formed() {
        command(&services::all()).debug_assert();
    }

    #[test]
    fn durations_are_shown_briefly() {
        assert_eq!(show_duration(Duration::from_millis(250)), "250ms");
        assert_eq!(show_duration(Duration::from_secs(90)), "90s");
        assert_eq!(show_duration(Duration::from_secs(600)), "10m00s");
        assert_eq!(show_duration(Duration::from_secs(7260)), "2h01m");
    }
}
