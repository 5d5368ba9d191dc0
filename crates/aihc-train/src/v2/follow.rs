//! Following a pod's log with the `marker` of `DescribeJobLogs`.

use std::collections::VecDeque;
use std::time::Duration;

use bce_core::Error;
use futures::stream::{self, Stream, StreamExt};

use super::client::Client;
use super::job::DescribeJobLogsRequest;

struct State {
    client: Client,
    request: DescribeJobLogsRequest,
    interval: Duration,
    sleep_first: bool,
    done: bool,
}

impl Client {
    /// A stream of a pod's log lines, new lines as they appear.
    ///
    /// Exact, without overlap or de-duplication: each poll asks for the lines
    /// after the `nextMarker` of the previous answer (the first uses
    /// `request.marker`, empty for the start of the log). After an answer
    /// with lines and a marker the next poll follows at once; after one
    /// without lines the stream waits `interval`. An empty `nextMarker` is
    /// the end of the log (the service has nothing after it and no position
    /// to continue from, e.g. the pod finished) and ends the stream, except
    /// on a first poll without lines (nothing written yet: it waits).
    ///
    /// Retryable errors are yielded and polling goes on after `interval`;
    /// the stream ends after a non-retryable error (which it yields). Stop
    /// reading to stop polling.
    pub fn follow_job_logs(
        &self,
        request: DescribeJobLogsRequest,
        interval: Duration,
    ) -> impl Stream<Item = Result<String, Error>> + Send + 'static {
        let state = State {
            client: self.clone(),
            request,
            interval,
            sleep_first: false,
            done: false,
        };
        stream::unfold(state, |mut st| async move {
            if st.done {
                return None;
            }
            if st.sleep_first {
                tokio::time::sleep(st.interval).await;
            }
            let batch: VecDeque<Result<String, Error>> =
                match st.client.describe_job_logs(&st.request).await {
                    Ok(answer) => {
                        let got_lines = !answer.logs.is_empty();
                        if answer.next_marker.is_empty() {
                            // No position after these lines: the end of the
                            // log, unless nothing was written yet.
                            st.done = got_lines || !st.request.marker.is_empty();
                            st.sleep_first = true;
                        } else {
                            st.sleep_first = !got_lines || answer.next_marker == st.request.marker;
                            st.request.marker = answer.next_marker;
                        }
                        answer.logs.into_iter().map(Ok).collect()
                    }
                    Err(e) => {
                        st.done = !e.is_retryable();
                        st.sleep_first = true;
                        VecDeque::from([Err(e)])
                    }
                };
            Some((stream::iter(batch), st))
        })
        .flatten()
    }
}
