//! Waiting for a job to reach a state.

use bce_core::{Error, WaitState, Waiter};

use crate::client::Client;
use crate::job::{JobDetail, JobOptions, JobStatus};

impl Client {
    /// Polls [`Client::get_job`] until the job is in one of `targets`.
    ///
    /// Fails fast with [`Error::WaitFailed`] (carrying the job's last status)
    /// when the job reaches a terminal state that is not a target, e.g.
    /// `Failed` while waiting for `Running`; gives up with
    /// [`Error::WaitTimeout`] at the waiter's deadline.
    ///
    /// ```no_run
    /// # use std::time::Duration;
    /// # use aihc_train::{Client, JobOptions, JobStatus};
    /// # async fn demo(client: Client) -> Result<(), bce_core::Error> {
    /// let waiter = bce_core::Waiter::new(Duration::from_secs(600));
    /// let job = client
    ///     .wait_for_job(&JobOptions::new("job-1", "cce-1"), &[JobStatus::Running], &waiter)
    ///     .await?;
    /// # let _ = job; Ok(()) }
    /// ```
    pub async fn wait_for_job(
        &self,
        options: &JobOptions,
        targets: &[JobStatus],
        waiter: &Waiter,
    ) -> Result<JobDetail, Error> {
        waiter
            .wait(
                || async { self.get_job(options).await.map(|r| r.result) },
                |job| {
                    let status = &job.summary.status;
                    if targets.contains(status) {
                        WaitState::Done
                    } else if status.is_terminal() {
                        WaitState::Failed(format!("job {} ended as {status}", job.summary.job_id))
                    } else {
                        WaitState::Pending
                    }
                },
                |job| job.summary.status.to_string(),
            )
            .await
    }
}
