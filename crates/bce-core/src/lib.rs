//! # bce-core
//!
//! The foundation every bce-sdk-rust service crate stands on:
//!
//! * [`Credentials`] (static, STS, environment) and [`CredentialsProvider`]s;
//! * the BCE profile files `~/.bce/credentials` and `~/.bce/config` ([`profile`]);
//! * bce-auth-v1 signing as a pure function ([`sign::sign`]);
//! * [`Config`]: endpoint (HTTPS unless it says `http://`), region, proxy,
//!   timeouts, user agent, signing options, retry policy, clock, transport;
//! * the request pipeline ([`Client`]) with re-signing retries, capped and
//!   jittered back-off, clock-skew correction and typed [`Error`]s;
//! * [`paginate`] streams and a [`waiter::Waiter`];
//! * tracing spans that never carry secrets.
//!
//! Service crates describe operations with [`Operation`] and never sign,
//! retry or decode by hand.
//!
//! ```no_run
//! use bce_core::{Client, Config, Method, Operation};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let config = Config::from_env()?;
//! let client = Client::new(config, "aihc.bj.baidubce.com")?;
//! let op = Operation::new("aihc", "ListResourcePool", Method::Get)
//!     .path("/api/v1/resourcepools")
//!     .query("pageNo", 1)
//!     .query("pageSize", 10);
//! let page: serde_json::Value = client.send(op).await?;
//! # let _ = page; Ok(()) }
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

pub mod auth;
#[cfg(feature = "cli")]
pub mod cli;
pub mod client;
pub mod clock;
pub mod config;
pub mod credentials;
mod date;
pub mod error;
pub mod hyper_transport;
pub mod json;
pub mod operation;
pub mod paginate;
mod pool;
pub mod profile;
pub mod proxy;
pub mod redact;
pub mod retry;
pub mod service;
pub mod sign;
pub mod transport;
pub mod waiter;

pub use auth::{AuthRequest, Authorizer, BceAuthorizer, NoAuth};
pub use client::{Client, ClientBuilder, PreparedRequest};
pub use clock::{Clock, FixedClock, FixedJitter, Jitter, RandomJitter, SystemClock};
pub use config::{Config, ConfigBuilder, Endpoint, Scheme, Timeouts};
pub use credentials::{
    BoxFuture, Credentials, CredentialsProvider, EnvProvider, Secret, StaticProvider,
};
pub use error::{
    BceErrorDecoder, CallContext, DecodeError, Error, ErrorDecoder, Result, ServiceError,
    TransportError, TransportErrorKind,
};
pub use hyper_transport::HyperTransport;
pub use operation::Operation;
pub use paginate::{MarkerRequest, MarkerResponse, Page, PageNumberRequest, PageNumberResponse};
pub use profile::{
    write_profile, CredentialsSource, DefaultChain, Profile, ProfileFiles, ProfileProvider,
    ProfileValues,
};
pub use retry::RetryPolicy;
pub use sign::SignOptions;
pub use transport::{HttpRequest, HttpResponse, HttpTransport, Method};
pub use waiter::{WaitState, Waiter};

#[doc(hidden)]
pub use futures as __futures;
#[doc(hidden)]
pub use serde as __serde;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub use serde_json as __serde_json;
