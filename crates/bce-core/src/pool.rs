//! Keep-alive HTTP/1.1 connections of the hyper transport.
//!
//! One short list of idle connections behind a lock: a call takes the most
//! recently used connection to its destination and gives it back once the
//! answer has been read. This is all an SDK talking to a handful of
//! endpoints needs; measured against hyper-util's general-purpose pool
//! (`benches/`), it saves a hashed lookup in and out, a boxed ~2.6 KB
//! future and a spawned task per call.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::client::conn::http1::SendRequest;

/// How long an idle connection may wait to be used again.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How many idle connections are kept at most (every destination together).
const MAX_IDLE: usize = 256;

/// One HTTP/1.1 connection and where it goes.
pub(crate) struct Connection {
    /// Whether the destination is an `https://` one.
    pub(crate) https: bool,
    /// The destination's authority (`host[:port]`), as the URL has it.
    pub(crate) authority: Box<str>,
    /// Sends requests on the connection (its I/O runs on its own task).
    pub(crate) sender: SendRequest<Full<Bytes>>,
}

impl Connection {
    fn goes_to(&self, https: bool, authority: &str) -> bool {
        self.https == https && self.authority.eq_ignore_ascii_case(authority)
    }
}

/// The idle connections, oldest first.
#[derive(Default)]
pub(crate) struct Pool {
    idle: Mutex<Vec<(Connection, Instant)>>,
}

impl Pool {
    /// The most recently used open connection to the destination; closed
    /// and expired ones met on the way are dropped.
    pub(crate) fn checkout(&self, https: bool, authority: &str) -> Option<Connection> {
        let mut idle = self.lock();
        while let Some(at) = idle.iter().rposition(|(c, _)| c.goes_to(https, authority)) {
            let (connection, since) = idle.remove(at);
            if !connection.sender.is_closed() && since.elapsed() < IDLE_TIMEOUT {
                return Some(connection);
            }
        }
        None
    }

    /// Keeps an open connection for the next call, if there is room.
    pub(crate) fn put_back(&self, connection: Connection) {
        if connection.sender.is_closed() {
            return;
        }
        let mut idle = self.lock();
        if idle.len() < MAX_IDLE {
            idle.push((connection, Instant::now()));
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<(Connection, Instant)>> {
        // A panic elsewhere while holding the lock cannot leave the list
        // inconsistent (every change is one push or remove), so a poisoned
        // lock is used as it is.
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
