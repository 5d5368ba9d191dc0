//! # paddleflow
//!
//! A client for the [PaddleFlow](https://github.com/PaddlePaddle/PaddleFlow)
//! server: users, queues and grants, flavours, file systems (cache, links,
//! mounting), runs with their runtime DAG, run caches and artifacts,
//! pipelines, schedules, clusters, logs, statistics and jobs. Every method
//! of the official Python SDK that talks to the server is here, named as in
//! the SDK (72 operations), built on `bce-core`'s pipeline (timeouts,
//! retries of idempotent calls, tracing, typed errors).
//!
//! ```no_run
//! use std::time::Duration;
//! use paddleflow::{Client, CreateRunRequest};
//!
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::builder("127.0.0.1:8999")
//!     .login("root", "paddleflow")
//!     .build()?;
//! let run = client
//!     .create_run(&CreateRunRequest {
//!         run_yaml_raw: Some(b"name: demo\nentry_points:\n  main:\n    command: echo hi\n    docker_env: python:3.7\n".to_vec()),
//!         ..Default::default()
//!     })
//!     .await?;
//! let done = client
//!     .wait_for_run(&run.run_id, &bce_core::Waiter::new(Duration::from_secs(600)))
//!     .await?;
//! println!("{} {}", done.run_id, done.status);
//! # Ok(()) }
//! ```
//!
//! ## Transport and login
//!
//! * Address `host[:port]` (port 8999 by default), plain `http` unless it
//!   says `https://`; every route is under `/api/paddleflow/v1`.
//! * [`Client::login`] (or [`ClientBuilder::login`], which logs in lazily on
//!   the first call) posts the user name and password to `/login`; the token
//!   it answers is sent as `x-pf-authorization` and kept as a
//!   [`bce_core::Secret`]. When the server answers `AuthInvalidToken` or
//!   `AuthFailed` (as HTTP **400**), the client logs in again once and
//!   repeats the call. [`ClientBuilder::token`] uses a token obtained elsewhere.
//! * Errors keep PaddleFlow's `requestID`, `code` and `message` and the
//!   HTTP status ([`bce_core::Error::code`], [`bce_core::Error::request_id`]).
//!
//! ## Safer than the Python SDK
//!
//! * Ids are sent as one escaped path segment (the SDK pastes them raw, so
//!   `/`, `?`, `#` or `%41` in an id address another resource); ids that are
//!   empty, blank, contain `/` or are `.`/`..` are refused before sending,
//!   and so is a `maxKeys` outside 1..=1000.
//! * JSON names are the server's canonical spellings (`fsName`, `userName`
//!   where the SDK writes `fsname`, `username`); optional values are sent
//!   exactly when set (`Some(0)`, `Some(false)` and `Some("")` are sent, where
//!   the SDK drops them).
//! * `readFromTail` is sent as `true`, `list_job`'s labels as compact JSON,
//!   a list of cluster names as one comma-separated value (the server reads
//!   only the first of repeated keys).
//! * `mount` does not run a shell: it returns the fuse client's arguments
//!   ([`MountCommand`]).
//!
//! ## Seed document names
//!
//! The SDK guide (seed 004) names calls that the SDK no longer has:
//!
//! | Seed | Here |
//! |---|---|
//! | `create_queue(name, namespace, cpu, mem, clustername)` | [`Client::add_queue`] with `max_resources: ResourceSpec::new(cpu, mem)` |
//! | `stop_queue(name)` (old `PUT /queue/{name}?action=close`) | removed from the server; [`Client::update_queue`] is the call on that route now |
//! | `show_link(fsname)` to list links | [`Client::list_link`]; [`Client::show_link`] needs the path |
//! | `mount(fsname, path)` | [`Client::mount`] takes the mount options too |
//! | keyword `maxsize` of `list_cache`, `list_pipeline`, `list_artifact`, `list_cluster` | `max_keys` of the request structs |
//! | `clusterid` of `create_cluster` | [`CreateClusterRequest::cluster_id`] |
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

mod auth;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod cluster;
pub mod flavour;
pub mod fs;
pub mod job;
pub mod log;
pub mod model;
pub mod pipeline;
pub mod queue;
pub mod run;
pub mod user;
pub mod wait;

pub use auth::{LoginResponse, PaddleFlowErrorDecoder, TokenAuthorizer, RELOGIN_CODES};
pub use client::{
    Client, ClientBuilder, BASE_PATH, DEFAULT_PORT, REQUEST_ID_HEADER, SERVICE, TOKEN_HEADER,
};
pub use cluster::*;
pub use flavour::*;
pub use fs::*;
pub use job::*;
pub use log::*;
pub use model::*;
pub use pipeline::*;
pub use queue::*;
pub use run::*;
pub use user::*;
pub use wait::*;
