//! A plain benchmark harness for the crates' `benches/` (no external
//! framework): each case runs a fixed number of iterations after a
//! warm-up and reports the mean time per operation. Figures are printed by
//! the bench, never asserted.

use std::fmt;
use std::future::Future;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The mean time of one benchmark case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timing {
    /// What was measured.
    pub name: String,
    /// How many operations were timed.
    pub iterations: u32,
    /// The mean time per operation.
    pub per_op: Duration,
}

impl Timing {
    fn new(name: String, iterations: u32, elapsed: Duration) -> Self {
        Timing {
            name,
            iterations,
            per_op: elapsed / iterations.max(1),
        }
    }
}

impl fmt::Display for Timing {
    /// `name  mean / op (N iterations)`, aligned for a table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:<56} {:>12.2?} / op ({} iterations)",
            self.name, self.per_op, self.iterations
        )
    }
}

/// Runs `f` `iterations` times (after a tenth as many warm-up runs) and
/// returns the mean time per run.
pub fn time<F: FnMut()>(name: &str, iterations: u32, mut f: F) -> Timing {
    for _ in 0..iterations / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    Timing::new(name.to_owned(), iterations, start.elapsed())
}

/// Times whole calls through a pipeline (`call` starts one), first one at
/// a time, then 64 in flight: 3,000 calls each, after 10 warm-up calls.
/// The timings are named `"{name}, {n} in flight"`.
pub async fn round_trips<F, Fut>(name: &str, mut call: F) -> Vec<Timing>
where
    F: FnMut() -> Fut,
    Fut: Future,
{
    let mut timings = Vec::new();
    for in_flight in [1usize, 64] {
        let rounds = 3000 / in_flight;
        for _ in 0..10 {
            black_box(call().await);
        }
        let start = Instant::now();
        for _ in 0..rounds {
            let calls: Vec<Fut> = (0..in_flight).map(|_| call()).collect();
            for answer in futures::future::join_all(calls).await {
                black_box(answer);
            }
        }
        let total = u32::try_from(rounds * in_flight).unwrap_or(u32::MAX);
        timings.push(Timing::new(
            format!("{name}, {in_flight} in flight"),
            total,
            start.elapsed(),
        ));
    }
    timings
}
