//! Shared helpers of the bce-core integration tests.
#![allow(dead_code)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use bce_core::{Clock, Config, Credentials, FixedJitter, RetryPolicy};
use bce_testkit::RecordingTransport;

/// A clock that moves one second per reading.
#[derive(Debug, Default)]
pub struct TickingClock(pub AtomicI64);

impl Clock for TickingClock {
    fn now_unix(&self) -> i64 {
        1_700_000_000 + self.0.fetch_add(1, Ordering::SeqCst)
    }
}

pub fn config_with(
    transport: &RecordingTransport,
    retry: RetryPolicy,
    clock: Arc<dyn Clock>,
) -> Config {
    Config::builder()
        .credentials(Credentials::new("ak-test", "sk-test").unwrap())
        .endpoint("http://127.0.0.1:18471")
        .retry(retry)
        .jitter(Arc::new(FixedJitter(1.0)))
        .clock(clock)
        .transport(Arc::new(transport.clone()))
        .build()
        .unwrap()
}
