//! Retry policy: capped exponential back-off with full jitter.

use std::time::Duration;

use crate::clock::Jitter;
use crate::error::{Error, TransportErrorKind};

/// When and how long to wait before trying a request again.
///
/// The SDK re-signs every attempt, retries failures that happened before the
/// request was sent for every operation, and retries timeouts, broken
/// connections, 429 and 5xx answers only for idempotent operations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// First back-off step.
    pub base_delay: Duration,
    /// Upper bound of one back-off step (and of an honoured `Retry-After`).
    pub max_delay: Duration,
    /// Total time that attempts and pauses may take together.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(20),
            budget: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Sets the number of retries.
    pub fn with_max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// Sets the base delay.
    pub fn with_base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// Sets the delay cap.
    pub fn with_max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// Sets the total time budget.
    pub fn with_budget(mut self, d: Duration) -> Self {
        self.budget = d;
        self
    }

    /// The pause before retry number `retry` (0-based): a uniformly random
    /// value in `[0, min(max_delay, base_delay × 2^retry)]`, raised to a
    /// server's `Retry-After` (still capped by `max_delay`).
    pub fn delay(
        &self,
        retry: u32,
        jitter: &dyn Jitter,
        retry_after: Option<Duration>,
    ) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(31));
        let ceiling = self.base_delay.saturating_mul(factor).min(self.max_delay);
        let jittered = ceiling.mul_f64(jitter.sample().clamp(0.0, 1.0));
        match retry_after {
            Some(after) => jittered.max(after).min(self.max_delay),
            None => jittered,
        }
    }
}

/// What the retry layer may do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Never: the failure cannot change on another attempt (bad input, a
    /// 4xx answer, an undecodable body, a local failure before sending).
    No,
    /// Yes, for every operation: nothing reached the server.
    Always,
    /// Only when the operation is safe to repeat: the request may have been
    /// processed (timeouts after sending, broken connections, 429, 5xx).
    IfIdempotent,
}

/// The one retry classifier: the pipeline and [`crate::Error::is_retryable`]
/// (used by waiters) decide from it. `idempotent` says whether the operation
/// may be repeated after it reached the server; the answer folds it in, so
/// the result is [`Retry::No`] or a kind of yes.
pub fn classify(error: &Error, idempotent: bool) -> Retry {
    let kind = match error.root() {
        Error::Transport(t) => match t.kind() {
            TransportErrorKind::BodyTooLarge | TransportErrorKind::Other => Retry::No,
            _ if !t.maybe_sent() => Retry::Always,
            _ => Retry::IfIdempotent,
        },
        Error::Service(e) => {
            if matches!(e.status(), 429 | 500 | 502 | 503 | 504) || crate::error::is_throttling(e) {
                Retry::IfIdempotent
            } else {
                Retry::No
            }
        }
        _ => Retry::No,
    };
    match kind {
        Retry::IfIdempotent if !idempotent => Retry::No,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedJitter;

    #[test]
    fn backoff_is_capped_and_jittered() {
        let p = RetryPolicy::default();
        let full = FixedJitter(1.0);
        assert_eq!(p.delay(0, &full, None), Duration::from_millis(300));
        assert_eq!(p.delay(2, &full, None), Duration::from_millis(1200));
        assert_eq!(p.delay(20, &full, None), Duration::from_secs(20));
        assert_eq!(
            p.delay(1, &FixedJitter(0.5), None),
            Duration::from_millis(300)
        );
        assert_eq!(
            p.delay(1, &FixedJitter(0.0), Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        assert_eq!(
            p.delay(1, &full, Some(Duration::from_secs(99))),
            Duration::from_secs(20)
        );
    }
}
