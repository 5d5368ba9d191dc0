//! Command line arguments (clap derive) of the fixed commands; the
//! per-service operation commands are added from the operation tables
//! (see `services.rs`).

use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// Long help shown after `bcectl --help`.
const AFTER_HELP: &str = "\
Every operation of every service crate: bcectl <service> <operation> [--set a.b=v]... [--input @file|-]
(`bcectl <service> --help` lists them; --skeleton prints an input template).

Credentials: the environment (BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY, BCE_SESSION_TOKEN,
BCE_REGION, BCE_ENDPOINT), then ~/.bce/credentials and ~/.bce/config (profile `defaults`,
or --profile / BCE_PROFILE; BCE_CONFIG_DIR moves the folder). `bcectl configure` writes them.

Exit codes: 0 success, 1 service error, 2 bad usage or invalid input,
3 transport failure or timeout, 4 a wait ended in a failed state.";

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "bcectl",
    version,
    about = "Command line tool for Baidu AI Cloud AIHC and BEC",
    after_help = AFTER_HELP,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    /// Options valid for every command.
    #[command(flatten)]
    pub global: Global,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON (the typed answer).
    Json,
    /// A table (the default for lists on a terminal).
    Table,
    /// Plain text: tab-separated rows without a header, ids only for commands that create.
    Text,
}

/// Options valid for every command.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Profile of ~/.bce/credentials and ~/.bce/config [default: $BCE_PROFILE, else `defaults`]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Region, e.g. bj, gz, su (overrides the profile and BCE_REGION)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Endpoint: host, host:port or URL (HTTPS unless it says http://)
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Output format [default: table for lists on a terminal, text when piped; JSON for operations]
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,
    /// Log requests and answers to stderr (twice: more detail); secrets are never shown
    #[arg(long, global = true, action = ArgAction::Count)]
    pub debug: u8,
    /// No spinner or progress lines on stderr
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Time limit of the whole command (a request, or a wait), e.g. 90s, 10m, 2h
    #[arg(long, global = true, value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Option<Duration>,
    /// Print the request that would be sent (secrets masked) and send nothing
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// Pause between polls of waits and log following
    #[arg(long, global = true, hide = true, value_parser = parse_duration, default_value = "5s")]
    pub poll_interval: Duration,
}

/// The fixed commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write credentials and settings to a profile (~/.bce, files mode 0600)
    Configure(ConfigureArgs),
    /// Print a shell completion script
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Resource pools of AIHC training
    #[command(subcommand)]
    Pool(PoolCmd),
    /// Queues of a resource pool
    #[command(subcommand)]
    Queue(QueueCmd),
    /// Training jobs
    #[command(subcommand)]
    Job(JobCmd),
    /// Online services (AIHC custom deployment)
    #[command(subcommand)]
    Service(ServiceCmd),
    /// Dev machines
    #[command(subcommand)]
    Dev(DevCmd),
}

/// `bcectl configure`.
#[derive(Debug, Clone, Args)]
pub struct ConfigureArgs {
    /// Access key id
    #[arg(long, value_name = "AK")]
    pub access_key_id: Option<String>,
    /// Secret access key (`-` reads it from stdin; on a terminal it is asked for without echo)
    #[arg(long, value_name = "SK")]
    pub secret_access_key: Option<String>,
    /// STS session token (`-` reads it from stdin)
    #[arg(long, value_name = "TOKEN")]
    pub session_token: Option<String>,
    /// Default resource pool of the job, queue and pool commands
    #[arg(long, value_name = "POOL")]
    pub pool: Option<String>,
    /// Default queue of the job commands
    #[arg(long, value_name = "QUEUE")]
    pub queue: Option<String>,
}

/// `bcectl pool …`.
#[derive(Debug, Subcommand)]
pub enum PoolCmd {
    /// List resource pools
    List,
    /// Show one resource pool
    Get {
        /// Resource pool id
        pool: String,
    },
}

/// `bcectl queue …`.
#[derive(Debug, Subcommand)]
pub enum QueueCmd {
    /// List the queues of a resource pool
    List {
        /// Resource pool id [default: the profile's `pool`]
        #[arg(long)]
        pool: Option<String>,
    },
}

/// Pool and queue of a job command.
#[derive(Debug, Clone, Args)]
pub struct JobScope {
    /// Resource pool id [default: the profile's `pool`]
    #[arg(long)]
    pub pool: Option<String>,
    /// Queue [default: the profile's `queue`, else `default`]
    #[arg(long)]
    pub queue: Option<String>,
}

/// `bcectl job …`.
#[derive(Debug, Subcommand)]
pub enum JobCmd {
    /// Submit a job from a JSON file (the CreateJob body); prints its id
    Submit {
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
        /// The job (JSON; `-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: String,
        /// Wait until the job ends
        #[arg(long)]
        wait: bool,
        /// Follow the log of its first pod until the job ends
        #[arg(long)]
        follow: bool,
    },
    /// List jobs
    List {
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
        /// Only jobs in this state, e.g. Running
        #[arg(long)]
        status: Option<String>,
    },
    /// Show one job
    Get {
        /// Job id
        job: String,
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
    },
    /// Stop a job
    Stop {
        /// Job id
        job: String,
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
    },
    /// Delete a job
    Delete {
        /// Job id
        job: String,
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
    },
    /// Print the log of a pod of a job
    Logs {
        /// Job id
        job: String,
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
        /// Pod [default: the job's first pod]
        #[arg(long)]
        pod: Option<String>,
        /// Keep printing new lines until the job ends
        #[arg(short = 'f', long)]
        follow: bool,
    },
    /// Wait until a job reaches a state (default: until it ends)
    Wait {
        /// Job id
        job: String,
        /// Pool and queue
        #[command(flatten)]
        scope: JobScope,
        /// The state to wait for, e.g. Running or Succeeded
        #[arg(long, value_name = "STATE")]
        until: Option<String>,
    },
}

/// `bcectl service …`.
#[derive(Debug, Subcommand)]
pub enum ServiceCmd {
    /// List online services
    List,
    /// Show one service
    Get {
        /// Service id
        id: String,
    },
    /// Create a service from a JSON file (the CreateService body); prints its id
    Create {
        /// The service (JSON; `-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: String,
    },
    /// Set the number of replicas of a service
    Scale {
        /// Service id
        id: String,
        /// Replicas
        #[arg(long)]
        replicas: u32,
    },
    /// Delete a service
    Delete {
        /// Service id
        id: String,
    },
}

/// `bcectl dev …`.
#[derive(Debug, Subcommand)]
pub enum DevCmd {
    /// List dev machines
    List,
    /// Create a dev machine from a JSON file (the CreateDevInstance body); prints its id
    Create {
        /// The dev machine (JSON; `-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: String,
    },
    /// Start a dev machine
    Start {
        /// Dev machine id
        id: String,
    },
    /// Stop a dev machine
    Stop {
        /// Dev machine id
        id: String,
    },
    /// Delete a dev machine
    Delete {
        /// Dev machine id
        id: String,
    },
}

/// Parses `90`, `90s`, `500ms`, `10m`, `2h`, `1d` (a bare number is seconds).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration (e.g. 90s, 10m, 2h)"))?;
    let seconds = match unit.trim() {
        "" | "s" | "sec" | "secs" => value,
        "ms" => value / 1000.0,
        "m" | "min" | "mins" => value * 60.0,
        "h" => value * 3600.0,
        "d" => value * 86_400.0,
        other => {
            return Err(format!(
                "unknown unit {other:?} in {text:?} (use ms, s, m, h or d)"
            ))
        }
    };
    if !seconds.is_finite() || seconds <= 0.0 || seconds > 365.0 * 86_400.0 {
        return Err(format!(
            "{text:?} is not a positive duration of at most a year"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("10m").unwrap(), Duration::from_secs(600));
        assert_eq!(parse_duration("1.5h").unwrap(), Duration::from_secs(5400));
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("x").is_err());
        assert!(parse_duration("5y").is_err());
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
