//! # bec
//!
//! Baidu AI Cloud BEC (边缘计算) for Rust. This version covers VM services;
//! VM instances, containers, images, nodes, deploy sets and networking
//! follow. Requests match the official Go SDK on the wire, the endpoint
//! defaults to `bec.baidubce.com` over HTTPS, and bad input is refused before
//! sending.
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
