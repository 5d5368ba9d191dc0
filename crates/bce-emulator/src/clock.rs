//! The emulator's simulation clock, which drives every lifecycle.
//!
//! Simulated time starts at the wall-clock time the emulator was started and
//! then runs `speed` times faster than real time (0 = stands still), plus
//! whatever [`SimClock::advance`] added. Signature checks do not use it: they
//! always compare against the real wall clock, like the service does.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Simulated time in milliseconds since the Unix epoch.
#[derive(Debug)]
pub struct SimClock {
    start_ms: i64,
    started: Instant,
    speed: f64,
    offset_ms: AtomicI64,
}

impl SimClock {
    /// A clock starting now and running `speed` times faster than real time.
    pub fn new(speed: f64) -> Self {
        let speed = if speed.is_finite() && speed >= 0.0 {
            speed
        } else {
            1.0
        };
        SimClock {
            start_ms: wall_ms(),
            started: Instant::now(),
            speed,
            offset_ms: AtomicI64::new(0),
        }
    }

    /// How many times faster than real time the clock runs.
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Current simulated time in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        let real = self.started.elapsed().as_secs_f64() * 1000.0 * self.speed;
        self.start_ms
            .saturating_add(real as i64)
            .saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Moves simulated time forward by `by`.
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX / 4);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }
}

/// Real wall-clock time in milliseconds since the Unix epoch.
pub fn wall_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(0))
        .unwrap_or(0)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a time in milliseconds.
pub fn iso(ms: i64) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_default()
}

/// RFC 1123 date (`Sun, 06 Nov 1994 08:49:37 GMT`) for the `Date` header.
pub fn http_date(ms: i64) -> String {
    let fmt = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| t.format(&fmt).ok())
        .unwrap_or_default()
}

/// Parses `YYYY-MM-DDTHH:MM:SSZ` into Unix seconds.
pub fn parse_iso(text: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(text, &fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_only_moves_when_advanced() {
        let c = SimClock::new(0.0);
        let a = c.now_ms();
        c.advance(Duration::from_secs(10));
        assert_eq!(c.now_ms() - a, 10_000);
        assert_eq!(iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(parse_iso("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(
            http_date(1_700_000_000_000),
            "Tue, 14 Nov 2023 22:13:20 GMT"
        );
    }
}
