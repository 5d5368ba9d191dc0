//! Following a pod's log with the `marker` of `DescribeJobLogs`.

use std::time::Duration;

use bce_core::Error;
use futures::Stream;

use super::client::Client;
use super::job::DescribeJobLogsRequest;
use crate::follow::{follow_lines, Batch};

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
        let client = self.clone();
        follow_lines(request, interval, move |mut request| {
            let client = client.clone();
            async move {
                let answer = client.describe_job_logs(&request).await;
                let batch = answer.map(|answer| {
                    let got_lines = !answer.logs.is_empty();
                    let (wait, done) = if answer.next_marker.is_empty() {
                        // No position after these lines: the end of the
                        // log, unless nothing was written yet.
                        (true, got_lines || !request.marker.is_empty())
                    } else {
                        let stuck = answer.next_marker == request.marker;
                        request.marker = answer.next_marker;
                        (!got_lines || stuck, false)
                    };
                    Batch {
                        lines: answer.logs,
                        wait,
                        done,
                    }
                });
                (request, batch)
            }
        })
    }
}
