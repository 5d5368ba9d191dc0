//! Waiting for a v2 job to reach a state.

use bce_core::{Error, WaitState, Waiter};

use super::client::Client;
use super::job::{DescribeJobRequest, JobKey};
use super::job_model::{Job, JobState};

impl Client {
    /// Polls [`Client::describe_job`] until the job is in one of `targets`.
    ///
    /// Fails fast with [`Error::WaitFailed`] (carrying the job's last state)
    /// when the job reaches a terminal state that is not a target, e.g.
    /// `Failed` or `Stopped` while waiting for `Running`; gives up with
    /// [`Error::WaitTimeout`] at the waiter's deadline. Retryable errors of
    /// a poll are tolerated until then.
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # use aihc_train::v2::{Client, JobKey, JobState};
    /// # async fn demo(client: Client) -> Result<(), bce_core::Error> {
    /// let waiter = bce_core::Waiter::new(Duration::from_secs(600));
    /// let key = JobKey::new("cce-e0isdmib", "default", "job-1");
    /// let job = client.wait_for_job(&key, &[JobState::Succeeded], &waiter).await?;
    /// # let _ = job; Ok(()) }
    /// ```
    pub async fn wait_for_job(
        &self,
        job: &JobKey,
        targets: &[JobState],
        waiter: &Waiter,
    ) -> Result<Job, Error> {
        let request = DescribeJobRequest::new(job.clone());
        waiter
            .wait(
                || async { self.describe_job(&request).await.map(|r| r.job) },
                |job| {
                    let state = &job.status;
                    if targets.contains(state) {
                        WaitState::Done
                    } else if state.is_terminal() {
                        WaitState::Failed(format!("job {} ended as {state}", job.job_id))
                    } else {
                        WaitState::Pending
                    }
                },
                |job| job.status.to_string(),
            )
            .await
    }
}
