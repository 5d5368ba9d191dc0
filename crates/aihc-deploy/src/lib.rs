//! # aihc-deploy
//!
//! AIHC (百舸) inference deployment for Rust.
//!
//! * [`v2`] — **the main surface**: the OpenAPI v2 online-service API
//!   (`/?action=…`, header `version: v2`): services, replicas, pods, pod
//!   groups, change records, network access; `aihc_deploy::v2::Client`.
//! * The crate root — the older custom-deployment API (apps under
//!   `/api/v1/aihcpom/…`, [`Client`]). The official Go SDK removed it in
//!   0.9.260 (February 2026) in favour of the service API; it stays here
//!   for accounts that still use apps.
//!
//! Both clients are built from the same [`bce_core::Config`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let config = bce_core::Config::from_env()?;
//! let services = aihc_deploy::v2::Client::new(config.clone())?;
//! let page = services
//!     .describe_services(&aihc_deploy::v2::DescribeServicesRequest::default())
//!     .await?;
//! print!("{}", page.table());
//!
//! // The older app API:
//! let apps = aihc_deploy::Client::new(config)?;
//! let details = apps.with_region("gz").app_details(&aihc_deploy::AppIdArgs::new("app-1")).await?;
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
pub mod v2;
pub mod wait;

pub use app::*;
pub use client::{Client, DeployResponse, SERVICE};
pub use model::*;
pub use pod::*;
pub use respool::*;
