//! Following the log of a pod as it grows.

use std::future::Future;
use std::time::Duration;

use bce_core::Error;
use futures::stream::{self, Stream, StreamExt};

use crate::client::Client;
use crate::observe::GetPodLogsRequest;

/// Seconds the next poll reaches back before the previous one, so that no
/// line written while a poll was in flight is lost. Lines seen twice because
/// of this overlap are dropped.
const OVERLAP_SECONDS: i64 = 2;

/// How many lines at the end of `prev` equal the first lines of `next`.
fn overlap(prev: &[String], next: &[String]) -> usize {
    let max = prev.len().min(next.len());
    (1..=max)
        .rev()
        .find(|&k| prev[prev.len() - k..] == next[..k])
        .unwrap_or(0)
}

/// What one poll of a log follower found: the new lines, whether to wait
/// `interval` before the next poll, and whether the log has ended.
pub(crate) struct Batch {
    pub(crate) lines: Vec<String>,
    pub(crate) wait: bool,
    pub(crate) done: bool,
}

/// The polling loop shared by the v1 and v2 log followers: calls `poll`
/// with the follower's state until a batch says the log has ended, yields
/// its lines, and waits `interval` before a poll when the previous batch
/// asked to. A retryable error is yielded and polling goes on after
/// `interval`; any other error is yielded and ends the stream.
pub(crate) fn follow_lines<S, F, Fut>(
    state: S,
    interval: Duration,
    poll: F,
) -> impl Stream<Item = Result<String, Error>>
where
    F: FnMut(S) -> Fut,
    Fut: Future<Output = (S, Result<Batch, Error>)>,
{
    let start = (state, poll, false, false);
    stream::unfold(start, move |(state, mut poll, wait, done)| async move {
        if done {
            return None;
        }
        if wait {
            tokio::time::sleep(interval).await;
        }
        let (state, answer) = poll(state).await;
        let (items, wait, done) = match answer {
            Ok(batch) => {
                let lines: Vec<Result<String, Error>> = batch.lines.into_iter().map(Ok).collect();
                (lines, batch.wait, batch.done)
            }
            Err(e) => {
                let done = !e.is_retryable();
                (vec![Err(e)], true, done)
            }
        };
        Some((stream::iter(items), (state, poll, wait, done)))
    })
    .flatten()
}

/// What the v1 follower carries from one poll to the next.
struct State<'a> {
    client: &'a Client,
    args: GetPodLogsRequest,
    previous: Vec<String>,
}

impl Client {
    /// A stream of the log lines of a pod, new lines as they appear.
    ///
    /// The first poll uses `args` as given; every later poll asks for lines
    /// since the previous poll (less a small overlap) and drops the lines it
    /// already returned, so nothing is repeated or lost between polls. The
    /// stream ends after a non-retryable error (which it yields); retryable
    /// errors are yielded and polling goes on. Stop reading to stop polling.
    pub fn follow_pod_logs(
        &self,
        args: GetPodLogsRequest,
        interval: Duration,
    ) -> impl Stream<Item = Result<String, Error>> + '_ {
        let state = State {
            client: self,
            args,
            previous: Vec::new(),
        };
        follow_lines(state, interval, |mut st| async move {
            let core = st.client.core();
            let now = core.config().clock().now_unix() + core.clock_skew();
            let result = st.client.get_pod_logs(&st.args).await;
            if let Ok(since) = bce_core::sign::format_timestamp(now - OVERLAP_SECONDS) {
                st.args.start_time = since;
            }
            st.args.marker.clear();
            let batch = result.map(|answer| {
                let lines = answer.result.logs;
                let fresh = lines[overlap(&st.previous, &lines)..].to_vec();
                if !lines.is_empty() {
                    st.previous = lines;
                }
                // Every later poll waits: the log is followed by time.
                Batch {
                    lines: fresh,
                    wait: true,
                    done: false,
                }
            });
            (st, batch)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::overlap;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn overlap_finds_the_repeated_part() {
        assert_eq!(overlap(&v(&["a", "b", "c"]), &v(&["b", "c", "d"])), 2);
        assert_eq!(overlap(&v(&["a", "b"]), &v(&["a", "b", "c"])), 2);
        assert_eq!(overlap(&v(&["a"]), &v(&["x"])), 0);
        assert_eq!(overlap(&v(&[]), &v(&["x"])), 0);
    }
}
