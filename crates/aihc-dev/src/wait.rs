//! Waiting for dev machines and image pack jobs.
//!
//! The service reports states as numbers whose meaning it does not
//! document ([`DevInstanceStatus`], [`ImagePackJobStatus`]), so the caller
//! names the wanted and the failed values.

use bce_core::{Error, WaitState, Waiter};

use crate::client::Client;
use crate::image_pack::{
    DevInstanceImagePackJobDetailRequest, ImagePackJobDetail, ImagePackJobStatus,
};
use crate::instance::DevInstanceIdRequest;
use crate::model::{DevInstanceDetail, DevInstanceStatus};

fn judge<S: PartialEq + std::fmt::Display>(
    status: &S,
    done: &[S],
    failed: &[S],
    reason: &str,
) -> WaitState {
    if done.contains(status) {
        WaitState::Done
    } else if failed.contains(status) {
        WaitState::Failed(if reason.is_empty() {
            format!("status {status}")
        } else {
            reason.to_owned()
        })
    } else {
        WaitState::Pending
    }
}

impl Client {
    /// Polls [`Client::query_dev_instance_detail`] until the machine's status
    /// is in `done` (e.g. running, or stopped); fails fast when it is in
    /// `failed`, with the service's status reason.
    pub async fn wait_for_dev_instance(
        &self,
        id: &str,
        done: &[DevInstanceStatus],
        failed: &[DevInstanceStatus],
        waiter: &Waiter,
    ) -> Result<DevInstanceDetail, Error> {
        let args = DevInstanceIdRequest::new(id);
        waiter
            .wait(
                || async {
                    self.query_dev_instance_detail(&args)
                        .await
                        .map(|r| r.dev_instance)
                },
                |d| judge(&d.status, done, failed, &d.status_reason),
                |d| d.status.to_string(),
            )
            .await
    }

    /// Polls [`Client::dev_instance_image_pack_job_detail`] until the job's
    /// status is in `succeeded`; fails fast when it is in `failed`.
    pub async fn wait_for_image_pack_job(
        &self,
        args: &DevInstanceImagePackJobDetailRequest,
        succeeded: &[ImagePackJobStatus],
        failed: &[ImagePackJobStatus],
        waiter: &Waiter,
    ) -> Result<ImagePackJobDetail, Error> {
        waiter
            .wait(
                || async {
                    self.dev_instance_image_pack_job_detail(args)
                        .await
                        .map(|r| r.dev_instance_image_pack_job)
                },
                |j| judge(&j.status, succeeded, failed, ""),
                |j| j.status.to_string(),
            )
            .await
    }
}
