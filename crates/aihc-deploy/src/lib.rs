//! # aihc-deploy
//!
//! AIHC (百舸) custom deployment for Rust: apps, scaling, public access,
//! change records, pods and resource pools. Requests match the official Go
//! SDK on the wire: ids travel in the query, the region in an unsigned
//! `X-Region` header (the configured region unless overridden with
//! [`Client::with_region`]).
//!
//! ```no_run
//! use aihc_deploy::{AppIdArgs, Client};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let details = client.with_region("gz").app_details(&AppIdArgs::new("app-1")).await?;
//! println!("{}", details.data.app.app_name);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod app;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod model;
pub mod pod;
pub mod respool;
pub mod wait;

pub use app::*;
pub use client::{Client, DeployResponse, SERVICE};
pub use model::*;
pub use pod::*;
pub use respool::*;
