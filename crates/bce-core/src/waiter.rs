//! Polling until a resource reaches a wanted state.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::clock::{Jitter, RandomJitter};
use crate::error::Error;

/// How a polled state is judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WaitState {
    /// The wanted state was reached.
    Done,
    /// Not there yet; poll again.
    Pending,
    /// A terminal failure; stop now with this reason.
    Failed(String),
}

/// Polls with a jittered, growing interval until a deadline.
#[derive(Debug, Clone)]
pub struct Waiter {
    /// First pause between polls.
    pub interval: Duration,
    /// Longest pause between polls.
    pub max_interval: Duration,
    /// Give up after this long.
    pub timeout: Duration,
    jitter: Arc<dyn Jitter>,
}

impl Default for Waiter {
    fn default() -> Self {
        Waiter {
            interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(30),
            timeout: Duration::from_secs(600),
            jitter: Arc::new(RandomJitter),
        }
    }
}

impl Waiter {
    /// A waiter that gives up after `timeout`.
    pub fn new(timeout: Duration) -> Self {
        Waiter {
            timeout,
            ..Waiter::default()
        }
    }

    /// Sets the first and the longest pause.
    pub fn with_interval(mut self, first: Duration, max: Duration) -> Self {
        self.interval = first;
        self.max_interval = max.max(first);
        self
    }

    /// Sets the jitter source (tests use a fixed one).
    pub fn with_jitter(mut self, jitter: Arc<dyn Jitter>) -> Self {
        self.jitter = jitter;
        self
    }

    /// Polls `poll` until `judge` says done or failed, or the timeout passes.
    /// `describe` names the state for error messages. A poll error ends the
    /// wait unless it is retryable (then the next poll follows).
    pub async fn wait<T, P, Fut, J, D>(
        &self,
        mut poll: P,
        judge: J,
        describe: D,
    ) -> Result<T, Error>
    where
        P: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
        J: Fn(&T) -> WaitState,
        D: Fn(&T) -> String,
    {
        let started = Instant::now();
        let deadline = started + self.timeout;
        let mut pause = self.interval;
        let mut last_state: String;
        loop {
            match poll().await {
                Ok(value) => match judge(&value) {
                    WaitState::Done => return Ok(value),
                    WaitState::Failed(message) => {
                        return Err(Error::WaitFailed {
                            state: describe(&value),
                            message,
                        })
                    }
                    WaitState::Pending => last_state = describe(&value),
                },
                Err(e) if e.is_retryable() => last_state = format!("poll failed: {e}"),
                Err(e) => return Err(e),
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(Error::WaitTimeout {
                    elapsed: started.elapsed(),
                    last_state,
                });
            }
            // Between half and the whole pause, never past the deadline.
            let jittered = pause.mul_f64(0.5 + 0.5 * self.jitter.sample().clamp(0.0, 1.0));
            tokio::time::sleep(jittered.min(deadline - now)).await;
            pause = (pause * 2).min(self.max_interval);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test(start_paused = true)]
    async fn reaches_done_fails_and_times_out() {
        let n = AtomicU32::new(0);
        let w = Waiter::new(Duration::from_secs(60));
        let v = w
            .wait(
                || async { Ok::<_, Error>(n.fetch_add(1, Ordering::SeqCst)) },
                |v| {
                    if *v >= 3 {
                        WaitState::Done
                    } else {
                        WaitState::Pending
                    }
                },
                |v| v.to_string(),
            )
            .await
            .unwrap();
        assert_eq!(v, 3);

        let err = w
            .wait(
                || async { Ok::<_, Error>("Failed") },
                |_| WaitState::Failed("job failed".into()),
                |s| s.to_string(),
            )
            .await
            .unwrap_err();
        assert!(matches!(err, Error::WaitFailed { ref state, .. } if state == "Failed"));

        let start = Instant::now();
        let err = w
            .wait(
                || async { Ok::<_, Error>("Pending") },
                |_| WaitState::Pending,
                |s| s.to_string(),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::WaitTimeout { ref last_state, .. } if last_state == "Pending")
        );
        assert!(start.elapsed() >= Duration::from_secs(60));
        assert!(start.elapsed() < Duration::from_secs(61));
    }
}
