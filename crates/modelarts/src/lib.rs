//! # modelarts
//!
//! Huawei Cloud ModelArts for Rust, on bce-sdk-rust's shared pipeline:
//! resource pools and their nodes, workflows and their schedules, notebook
//! tags, AutoSearch templates, APIG app authorization, dedicated clusters
//! and the v1 inference-service create. Requests are signed with Huawei's
//! SDK-HMAC-SHA256 ([`sign`]), byte for byte as the official SDK signs them,
//! and are the same on the wire as the official Python SDK's
//! (`huaweicloudsdkmodelarts` 3.1.219) for the operations it has.
//!
//! ```no_run
//! use modelarts::{Client, ListPoolNodesRequest};
//! use futures::StreamExt;
//! # async fn demo() -> Result<(), bce_core::Error> {
//! // HUAWEICLOUD_SDK_AK / _SK / _PROJECT_ID / _REGION
//! let client = Client::from_env()?;
//! let nodes = client.list_pool_nodes_stream(ListPoolNodesRequest::new("pool-1"));
//! futures::pin_mut!(nodes);
//! while let Some(node) = nodes.next().await {
//!     let node = node?;
//!     println!("{:?} {:?}", node.metadata.name, node.status.phase);
//! }
//! # Ok(()) }
//! ```
//!
//! Method names are the official SDK's (`ShowPool` → [`Client::show_pool`]);
//! the five operations the SDK lacks are named after their routes
//! ([`Client::list_clusters`], [`Client::list_apps`],
//! [`Client::list_app_auth_apis`], [`Client::list_api_auths`],
//! [`Client::create_service`]).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

pub mod app_auth;
pub mod auth;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod cluster;
pub mod error;
pub mod json;
pub mod notebook;
pub mod paging;
pub mod pool;
mod request;
pub mod service;
pub mod sign;
pub mod training;
pub mod workflow;

pub use app_auth::*;
pub use auth::SdkHmacAuthorizer;
pub use client::{
    default_user_agent, regional_endpoint, Client, ClientBuilder, ENV_ACCESS_KEY, ENV_ENDPOINT,
    ENV_PROJECT_ID, ENV_REGION, ENV_REGION_OVERRIDE_PREFIX, ENV_SECRET_KEY, ENV_SECURITY_TOKEN,
    KNOWN_REGIONS, SERVICE,
};
pub use cluster::*;
pub use error::HuaweiErrorDecoder;
pub use json::{JsonObject, JsonValue};
pub use notebook::*;
pub use pool::*;
pub use request::{CONTENT_TYPE_BODY, CONTENT_TYPE_PLAIN};
pub use service::*;
pub use training::*;
pub use workflow::*;
