//! `bcectl`: a command line tool over every operation of bce-sdk-rust's
//! service crates, with the everyday AIHC flows made easy.
//!
//! ```text
//! bcectl configure
//! bcectl pool list
//! bcectl job submit --pool cce-xxxx -f job.json --wait --follow
//! bcectl aihc-train get-job --set jobId=… --set resourcePoolId=…
//! ```
//!
//! Exit codes: 0 success, 1 service error, 2 bad usage or invalid input,
//! 3 transport failure or timeout, 4 a wait ended in a failed state.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod app;
mod args;
mod configure;
mod dryrun;
mod failure;
mod flows;
mod input;
mod output;
mod progress;
mod services;
mod setup;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(app::main())
}
