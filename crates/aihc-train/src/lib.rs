//! # aihc-train
//!
//! AIHC (百舸) training for Rust: resource pools, nodes, queues and training
//! jobs with their events, logs, metrics and web terminal. Every operation
//! sends what the official Go SDK sends (checked against recorded requests);
//! bad input is refused before anything is sent.
//!
//! The crate root is the v1 REST API (`/api/v1/...`); [`v2`] is the current
//! AIHC OpenAPI v2 (action API, `/?action=…`), which new code should use.
//!
//! ```no_run
//! use aihc_train::{Client, JobOptions};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let job = client
//!     .get_job(&JobOptions::new("pytorchjob-a1b2c3d4", "cce-e0isdmib"))
//!     .await?;
//! println!("{} is {}", job.result.summary.name, job.result.summary.status);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod client;
pub mod follow;
pub mod job;
pub mod observe;
pub mod pool;
pub mod queue;
pub mod upload;
pub mod v2;
pub mod wait;

pub use client::{ApiResponse, Client, SERVICE};
pub use job::*;
pub use observe::*;
pub use pool::*;
pub use queue::*;
pub use upload::*;
