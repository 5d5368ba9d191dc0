//! The everyday flows: `pool`, `queue`, `job`, `service` and `dev`.
//!
//! They print tables for people (`-o table`, the default on a terminal),
//! tab-separated rows for scripts (`-o text`, the default when piped) and
//! the typed answers with `-o json`.

pub mod dev;
pub mod service;
pub mod train;

use std::future::Future;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;

use crate::app::Run;
use crate::args::Format;
use crate::failure::Failure;
use crate::output::{self, Listing};
use crate::progress::Progress;

/// The default queue when neither `--queue` nor the profile names one.
pub const DEFAULT_QUEUE: &str = "default";

/// Longest pause between polls of a wait.
const MAX_POLL: Duration = Duration::from_secs(30);

/// A value as JSON (`null` if it cannot be serialized, which the SDK's
/// types never do).
pub fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The text at a JSON pointer (`""` when absent).
pub fn pick(value: &Value, pointer: &str) -> String {
    value.pointer(pointer).map(output::cell).unwrap_or_default()
}

/// A listing of `items` with `(header, JSON pointer)` columns.
pub fn listing(items: &[Value], columns: &[(&'static str, &str)], json: Value) -> Listing {
    Listing {
        headers: columns.iter().map(|(h, _)| *h).collect(),
        rows: items
            .iter()
            .map(|item| columns.iter().map(|(_, p)| pick(item, p)).collect())
            .collect(),
        json,
    }
}

/// Prints one resource: JSON by default and with `-o json`, a field table
/// with `-o table`, compact JSON with `-o text`.
pub fn print_one(value: &Value, format: Option<Format>) {
    match format {
        Some(Format::Table) => output::out(&output::render_fields(value)),
        Some(Format::Text) => output::out(&value.to_string()),
        _ => output::json(value),
    }
}

/// Prints what a create answered: the id (the reply with `-o json`).
pub fn print_created(id: &str, reply: &Value, format: Option<Format>) {
    match format {
        Some(Format::Json) => output::json(reply),
        _ => output::out(id),
    }
}

/// Prints the outcome of an action (`-o json`: the reply; otherwise one line on stderr).
pub fn print_done(message: &str, reply: &Value, format: Option<Format>) {
    match format {
        Some(Format::Json) => output::json(reply),
        _ => output::err(message),
    }
}

/// Reads the JSON file of `-f` (`-` reads stdin).
pub fn read_file(path: &str) -> Result<Value, Failure> {
    crate::input::read_json_file(path)
}

/// The resource pool: the flag, else the profile's `pool`.
pub fn pool(run: &Run, flag: Option<&str>) -> Result<String, Failure> {
    if let Some(p) = flag.filter(|p| !p.trim().is_empty()) {
        return Ok(p.to_owned());
    }
    run.setup()?.profile_value("pool").ok_or_else(|| {
        Failure::usage("name the resource pool: --pool POOL (or `bcectl configure --pool POOL`)")
    })
}

/// The queue: the flag, else the profile's `queue`, else `default`.
pub fn queue(run: &Run, flag: Option<&str>) -> Result<String, Failure> {
    if let Some(q) = flag.filter(|q| !q.trim().is_empty()) {
        return Ok(q.to_owned());
    }
    Ok(run
        .setup()?
        .profile_value("queue")
        .unwrap_or_else(|| DEFAULT_QUEUE.to_owned()))
}

/// How a polled state is judged by a wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The wait is over.
    Done,
    /// Poll again.
    Pending,
    /// The wait ended in a failed state (exit code 4).
    Failed(String),
}

/// Polls `fetch` until `judge` says done or failed, showing the state with
/// a spinner (or state-change lines when stderr is not a terminal). The
/// pause starts at `--poll-interval` and grows to 30 s. The overall limit
/// is the command's `--timeout`.
pub async fn poll_until<T, F, Fut>(
    run: &Run,
    what: &str,
    mut fetch: F,
    judge: impl Fn(&T) -> (String, Verdict),
) -> Result<T, Failure>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Failure>>,
{
    let mut progress = Progress::start(what, run.global.no_progress);
    let mut pause = run.global.poll_interval;
    let started = Instant::now();
    loop {
        let value = fetch().await?;
        let (state, verdict) = judge(&value);
        progress.set(&state);
        match verdict {
            Verdict::Done => {
                progress.finish();
                tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, %state, "wait done");
                return Ok(value);
            }
            Verdict::Failed(message) => {
                progress.finish();
                return Err(Failure::WaitFailed(message));
            }
            Verdict::Pending => {}
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 3 / 2).min(MAX_POLL.max(run.global.poll_interval));
    }
}
