//! # bec
//!
//! Baidu AI Cloud BEC (边缘计算, edge computing) for Rust: all 115
//! operations of the official Go SDK, named as there in snake_case, with
//! the same requests on the wire.
//!
//! | Module | What |
//! |---|---|
//! | [`vm_service`], [`vm_instance`] | VM services and their VMs |
//! | [`container`] | container services, deployments, pods |
//! | [`image`], [`node`], [`deploy_set`] | images, available nodes, deploy sets |
//! | [`blb`] | load balancers (v1): listeners, backends, metrics |
//! | [`app_blb`] | app load balancers (v2): listeners, IP groups, policies |
//! | [`vpc`] | VPCs, subnets, route tables and rules |
//!
//! Every list has a `…_stream` paginator; waiters cover VM services, VM
//! instances, container services and load balancers. The endpoint defaults
//! to `bec.baidubce.com` over HTTPS, bad input is refused before anything is
//! sent, and unknown enum values from the service are kept, not rejected.
//!
//! ```no_run
//! use bec::{Client, ListVmServiceArgs};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let page = client.get_vm_service_list(&ListVmServiceArgs::default()).await?;
//! for service in page.result {
//!     println!("{} {}", service.service_id, service.status);
//! }
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod app_blb;
pub mod blb;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod common;
pub mod container;
pub mod deploy_set;
pub mod image;
pub mod node;
pub mod vm_instance;
pub mod vm_service;
pub mod vpc;

pub use app_blb::*;
pub use blb::*;
pub use client::{Client, DEFAULT_ENDPOINT, SERVICE};
pub use common::*;
pub use container::*;
pub use deploy_set::*;
pub use image::*;
pub use node::*;
pub use vm_instance::*;
pub use vm_service::*;
pub use vpc::*;
