//! # bce-emulator
//!
//! An offline, signature-checking emulator of Baidu AI Cloud AIHC (training,
//! custom deploy, dev machines) and BEC (VM services, containers, load
//! balancers, VPCs), in the spirit of moto or LocalStack.
//!
//! * One local HTTP server answers every service (their paths do not
//!   collide), so any BCE client in any language can point at it.
//! * Every request must carry a valid bce-auth-v1 signature made with the
//!   emulator's credentials; failures are answered like the service does
//!   (`401`/`403` with `{"code","message","requestId"}`).
//! * Resources live in memory; their lifecycles (a job going Pending →
//!   Running → Succeeded, an app becoming ready, a VM service starting) run on
//!   a simulation clock that tests control ([`EmulatorBuilder::manual_clock`]
//!   and [`Emulator::advance`]) or that runs faster than real time
//!   ([`EmulatorBuilder::speed`]).
//! * [`Faults`] injects errors, latency, dropped connections and expired
//!   signatures for testing retry logic.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let emu = bce_emulator::Emulator::start().await?;
//! let train = aihc_train::Client::new(emu.config()?)?;
//! let pools = train
//!     .list_resource_pool(&aihc_train::ListResourcePoolRequest::default())
//!     .await?;
//! assert!(!pools.result.resource_pools.is_empty());
//! # Ok(()) }
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

#[macro_use]
mod build;

pub mod auth;
mod bec;
pub mod clock;
mod data;
mod deploy;
mod deploy_v2;
mod dev;
pub mod faults;
pub mod paddleflow;
mod reply;
mod request;
mod resource;
mod server;
pub mod status;
mod train;
mod train_v2;
mod world;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

pub use auth::Keys;
pub use faults::{Fault, Faults};
pub use server::SeenRequest;

use crate::clock::SimClock;
use crate::server::{lock, Shared};
use crate::world::World;

/// Access key id used when none is configured.
pub const DEFAULT_ACCESS_KEY_ID: &str = "AKEMULATOR00000000000000000000000";
/// Secret access key used when none is configured.
pub const DEFAULT_SECRET_ACCESS_KEY: &str = "SKEMULATORa1b2c3d4e5f6a7b8c9d0e1f2";
/// Region reported by [`Emulator::config`].
pub const DEFAULT_REGION: &str = "bj";

/// Why the emulator could not start.
#[derive(Debug)]
pub enum EmulatorError {
    /// Binding the listening socket failed.
    Bind(std::io::Error),
    /// The configuration is unusable.
    Config(String),
}

impl std::fmt::Display for EmulatorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmulatorError::Bind(e) => write!(f, "cannot listen: {e}"),
            EmulatorError::Config(m) => write!(f, "invalid emulator configuration: {m}"),
        }
    }
}

impl std::error::Error for EmulatorError {}

/// Settings of an [`Emulator`] before it starts. `Debug` masks the secret
/// access key and the session token.
#[derive(Debug, Clone)]
pub struct EmulatorBuilder {
    access_key_id: String,
    secret_access_key: bce_core::Secret,
    session_token: Option<bce_core::Secret>,
    host: String,
    port: u16,
    speed: f64,
    region: String,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            access_key_id: DEFAULT_ACCESS_KEY_ID.into(),
            secret_access_key: DEFAULT_SECRET_ACCESS_KEY.into(),
            session_token: None,
            host: "127.0.0.1".into(),
            port: 0,
            speed: 1.0,
            region: DEFAULT_REGION.into(),
        }
    }
}

impl EmulatorBuilder {
    /// Credentials every request must be signed with.
    pub fn credentials(
        mut self,
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
    ) -> Self {
        self.access_key_id = access_key_id.into();
        self.secret_access_key = bce_core::Secret::new(secret_access_key);
        self
    }

    /// Also require this STS session token (`x-bce-security-token`).
    pub fn session_token(mut self, token: impl Into<String>) -> Self {
        self.session_token = Some(bce_core::Secret::new(token));
        self
    }

    /// Address to listen on (default `127.0.0.1`).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = host.into();
        self
    }

    /// Port to listen on (default 0: an ephemeral port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// How many times faster than real time lifecycles run (default 1).
    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = speed;
        self
    }

    /// Stops the simulation clock: time only moves with
    /// [`Emulator::advance`].
    pub fn manual_clock(self) -> Self {
        self.speed(0.0)
    }

    /// Region put into [`Emulator::config`] (default `bj`).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// Binds the socket and starts serving on the current Tokio runtime.
    pub async fn start(self) -> Result<Emulator, EmulatorError> {
        if self.access_key_id.is_empty() || self.secret_access_key.is_empty() {
            return Err(EmulatorError::Config(
                "the access key id and the secret access key must not be empty".into(),
            ));
        }
        let listener = TcpListener::bind((self.host.as_str(), self.port))
            .await
            .map_err(EmulatorError::Bind)?;
        let addr = listener.local_addr().map_err(EmulatorError::Bind)?;
        let clock = SimClock::new(self.speed);
        let world = World::new(clock.now_ms());
        let shared = Arc::new(Shared {
            keys: Keys {
                access_key_id: self.access_key_id,
                secret_access_key: self.secret_access_key,
                session_token: self.session_token,
            },
            clock,
            faults: Faults::default(),
            world: Mutex::new(world),
            seen: Mutex::new(Vec::new()),
        });
        let (stop, stop_rx) = watch::channel(false);
        tokio::spawn(server::serve(listener, shared.clone(), stop_rx));
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_owned()
        } else {
            addr.ip().to_string()
        };
        Ok(Emulator {
            endpoint: format!("http://{host}:{}", addr.port()),
            addr,
            region: self.region,
            shared,
            stop,
        })
    }
}

/// A running emulator. Stops serving when dropped.
#[derive(Debug)]
pub struct Emulator {
    endpoint: String,
    addr: SocketAddr,
    region: String,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
}

impl Emulator {
    /// Starts an emulator with the default settings: `127.0.0.1`, an
    /// ephemeral port, [`DEFAULT_ACCESS_KEY_ID`] /
    /// [`DEFAULT_SECRET_ACCESS_KEY`], real-time lifecycles.
    pub async fn start() -> Result<Emulator, EmulatorError> {
        EmulatorBuilder::default().start().await
    }

    /// Settings to start an emulator with.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The credentials requests must be signed with.
    pub fn credentials(&self) -> Result<bce_core::Credentials, bce_core::Error> {
        let keys = &self.shared.keys;
        match &keys.session_token {
            Some(token) => bce_core::Credentials::with_session_token(
                keys.access_key_id.clone(),
                keys.secret_access_key.expose(),
                token.expose(),
            ),
            None => bce_core::Credentials::new(
                keys.access_key_id.clone(),
                keys.secret_access_key.expose(),
            ),
        }
    }

    /// A configuration builder already pointing at the emulator with its
    /// credentials and region; add a retry policy or clock before building.
    pub fn config_builder(&self) -> Result<bce_core::ConfigBuilder, bce_core::Error> {
        Ok(bce_core::Config::builder()
            .credentials(self.credentials()?)
            .endpoint(self.endpoint.clone())
            .region(self.region.clone()))
    }

    /// A configuration for any service client of this SDK.
    pub fn config(&self) -> Result<bce_core::Config, bce_core::Error> {
        self.config_builder()?.build()
    }

    /// Fault injection for the requests that follow.
    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Moves the simulation clock forward.
    pub fn advance(&self, by: Duration) {
        self.shared.clock.advance(by);
    }

    /// Current simulated time, milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        self.shared.clock.now_ms()
    }

    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<SeenRequest> {
        lock(&self.shared.seen).clone()
    }

    /// How many requests were answered so far.
    pub fn requests_seen(&self) -> usize {
        lock(&self.shared.seen).len()
    }

    /// How many requests with `method` to exactly `path` were answered.
    pub fn requests_to(&self, method: &str, path: &str) -> usize {
        lock(&self.shared.seen)
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }

    /// Address of the PaddleFlow mode (the same port), for
    /// `paddleflow::Client::builder`; log in as `root` /
    /// [`paddleflow::ROOT_PASSWORD`].
    pub fn paddleflow_address(&self) -> &str {
        &self.endpoint
    }

    /// Invalidates every PaddleFlow token: the next call of a logged-in
    /// client gets `AuthInvalidToken` and must log in again.
    pub fn revoke_paddleflow_tokens(&self) {
        lock(&self.shared.world).paddleflow.revoke_tokens();
    }

    /// Stops serving (also done on drop).
    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
    }
}
