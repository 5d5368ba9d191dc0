//! The spinner of waits: current state and elapsed time on stderr when it
//! is a terminal; plain state-change lines when it is not; nothing with
//! `--no-progress`.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output;

/// Shows what a wait is waiting for.
pub struct Progress {
    what: String,
    spinner: Option<ProgressBar>,
    lines: bool,
    last: String,
    started: Instant,
}

impl Progress {
    /// Starts showing progress of `what` (e.g. `job job-1`).
    pub fn start(what: impl Into<String>, no_progress: bool) -> Self {
        let what = what.into();
        let terminal = output::stderr_is_terminal();
        let spinner = (!no_progress && terminal).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.set_message(output::scrub(&what));
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            what,
            spinner,
            lines: !no_progress && !terminal,
            last: String::new(),
            started: Instant::now(),
        }
    }

    /// Records the current state.
    pub fn set(&mut self, state: &str) {
        if let Some(bar) = &self.spinner {
            bar.set_message(output::scrub(&format!("{}: {state}", self.what)));
        } else if self.lines && state != self.last {
            output::err(&format!(
                "{}: {state} ({:.0}s)",
                self.what,
                self.started.elapsed().as_secs_f64()
            ));
        }
        self.last = state.to_owned();
    }

    /// Removes the spinner.
    pub fn finish(&self) {
        if let Some(bar) = &self.spinner {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
