//! Following the log of a pod as it grows.

use std::collections::VecDeque;
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

struct State<'a> {
    client: &'a Client,
    args: GetPodLogsRequest,
    previous: Vec<String>,
    polled_once: bool,
    interval: Duration,
    done: bool,
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
            polled_once: false,
            interval,
            done: false,
        };
        stream::unfold(state, |mut st| async move {
            if st.done {
                return None;
            }
            if st.polled_once {
                tokio::time::sleep(st.interval).await;
            }
            let now = st.client.inner.config().clock().now_unix() + st.client.inner.clock_skew();
            let result = st.client.get_pod_logs(&st.args).await;
            if let Ok(since) = bce_core::sign::format_timestamp(now - OVERLAP_SECONDS) {
                st.args.start_time = since;
            }
            st.args.marker.clear();
            st.polled_once = true;
            let batch: VecDeque<Result<String, Error>> = match result {
                Ok(answer) => {
                    let lines = answer.result.logs;
                    let skip = overlap(&st.previous, &lines);
                    let fresh: VecDeque<Result<String, Error>> =
                        lines[skip..].iter().cloned().map(Ok).collect();
                    if !lines.is_empty() {
                        st.previous = lines;
                    }
                    fresh
                }
                Err(e) => {
                    st.done = !e.is_retryable();
                    VecDeque::from([Err(e)])
                }
            };
            Some((stream::iter(batch), st))
        })
        .flatten()
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
