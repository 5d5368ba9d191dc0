//! Fault injection, for testing retry logic against a real socket.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// One injected fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this HTTP status and a JSON error body.
    Status(u16),
    /// Close the connection without answering.
    Close,
    /// Answer `403 RequestExpired` (with a `Date` header).
    Expired,
}

#[derive(Debug, Default)]
struct Inner {
    queue: VecDeque<(Fault, Option<String>)>,
    latency: Duration,
}

/// Handle to the emulator's fault injection. Cheap to clone; all clones
/// control the same emulator.
///
/// Faults are queued: each request takes the first queued fault whose path
/// filter (if any) matches and is answered with it instead of normally.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    inner: Arc<Mutex<Inner>>,
}

impl Faults {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Fails the next `n` requests with `status` (e.g. 503, 429, 500) and a
    /// JSON error body `{"code","message","requestId"}`.
    pub fn fail_next(&self, n: usize, status: u16) -> &Self {
        self.push(n, Fault::Status(status), None)
    }

    /// Like [`Faults::fail_next`] but only for requests whose path starts
    /// with `path_prefix`.
    pub fn fail_next_on(&self, path_prefix: &str, n: usize, status: u16) -> &Self {
        self.push(n, Fault::Status(status), Some(path_prefix.to_owned()))
    }

    /// Closes the connection of the next `n` requests without an answer.
    pub fn close_next(&self, n: usize) -> &Self {
        self.push(n, Fault::Close, None)
    }

    /// Answers the next `n` requests with `403 RequestExpired`.
    pub fn expire_next(&self, n: usize) -> &Self {
        self.push(n, Fault::Expired, None)
    }

    /// Delays every answer by `latency` (zero turns it off).
    pub fn latency(&self, latency: Duration) -> &Self {
        self.lock().latency = latency;
        self
    }

    /// Removes every queued fault and the latency.
    pub fn clear(&self) {
        let mut inner = self.lock();
        inner.queue.clear();
        inner.latency = Duration::ZERO;
    }

    /// Number of faults still queued.
    pub fn pending(&self) -> usize {
        self.lock().queue.len()
    }

    fn push(&self, n: usize, fault: Fault, filter: Option<String>) -> &Self {
        let mut inner = self.lock();
        for _ in 0..n {
            inner.queue.push_back((fault, filter.clone()));
        }
        drop(inner);
        self
    }

    /// Takes the fault for a request to `path`, and the latency to apply.
    pub(crate) fn take(&self, path: &str) -> (Option<Fault>, Duration) {
        let mut inner = self.lock();
        let at = inner
            .queue
            .iter()
            .position(|(_, f)| f.as_deref().map_or(true, |p| path.starts_with(p)));
        let fault = at.and_then(|i| inner.queue.remove(i)).map(|(f, _)| f);
        (fault, inner.latency)
    }
}
