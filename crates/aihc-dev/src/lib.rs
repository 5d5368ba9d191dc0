//! # aihc-dev
//!
//! AIHC (百舸) dev machines for Rust: create, list, inspect, modify, start,
//! stop, delete, timed stop, image packing and events. Requests match the
//! official Go SDK on the wire (action-style calls on `/` with the unsigned
//! `version: v2` header), and bad input is refused before sending.
//!
//! ```no_run
//! use aihc_dev::{Client, DevInstanceIdArgs};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let detail = client
//!     .query_dev_instance_detail(&DevInstanceIdArgs::new("dev-a1b2c3d4"))
//!     .await?;
//! println!("status {}", detail.dev_instance.status);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod client;
pub mod image_pack;
pub mod instance;
pub mod model;
pub mod wait;

pub use client::{Client, DevErrorDecoder, SERVICE};
pub use image_pack::*;
pub use instance::*;
pub use model::*;
