//! Injectable time and randomness, so signing and back-off are testable.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A source of the current time in whole Unix seconds.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current Unix time in seconds.
    fn now_unix(&self) -> i64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> i64 {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
        }
    }
}

/// A clock stopped at one second (tests, golden fixtures).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_unix(&self) -> i64 {
        self.0
    }
}

/// A source of uniform random numbers in `[0, 1)` for back-off jitter.
pub trait Jitter: Send + Sync + fmt::Debug {
    /// A sample in `[0, 1)`.
    fn sample(&self) -> f64;
}

/// Jitter from a fast, non-cryptographic generator.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomJitter;

impl Jitter for RandomJitter {
    fn sample(&self) -> f64 {
        fastrand::f64()
    }
}

/// A constant "random" value, for deterministic tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedJitter(pub f64);

impl Jitter for FixedJitter {
    fn sample(&self) -> f64 {
        self.0.clamp(0.0, 1.0)
    }
}
