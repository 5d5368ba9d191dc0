//! Waiting for BEC resources to reach a status.
//!
//! Every waiter polls a `get_…` operation until the resource's
//! [`ResourceStatus`] is a target, fails fast with [`Error::WaitFailed`]
//! on a failure status ([`ResourceStatus::is_failure`]) that is not a
//! target, and gives up with [`Error::WaitTimeout`] at the waiter's
//! deadline. Poll errors that are retryable do not end the wait.

use bce_core::{Error, WaitState, Waiter};

use crate::app_blb::AppBlbDetails;
use crate::blb::BlbInstanceVo;
use crate::client::Client;
use crate::common::ResourceStatus;
use crate::container::ServiceDetailsVo;
use crate::vm_instance::VmInstanceDetailsVo;
use crate::vm_service::VmServiceDetailsVo;

/// How a polled status is judged: done when it is a target, failed when it
/// is a failure status, pending otherwise.
fn judge(status: &ResourceStatus, targets: &[ResourceStatus], what: &str) -> WaitState {
    if targets.contains(status) {
        WaitState::Done
    } else if status.is_failure() {
        WaitState::Failed(format!("{what} is {status}"))
    } else {
        WaitState::Pending
    }
}

const RUNNING: &[ResourceStatus] = &[ResourceStatus::Running];

impl Client {
    /// Polls [`Client::get_vm_service_detail`] until the VM service is
    /// `RUNNING`; fails fast on `FAILED`, `EXCEPTION` or `ERROR`.
    pub async fn wait_for_vm_service_running(
        &self,
        service_id: &str,
        waiter: &Waiter,
    ) -> Result<VmServiceDetailsVo, Error> {
        let what = format!("service {service_id}");
        waiter
            .wait(
                || self.get_vm_service_detail(service_id),
                |s| judge(&s.brief.status, RUNNING, &what),
                |s| s.brief.status.to_string(),
            )
            .await
    }

    /// Polls [`Client::get_virtual_machine`] until the VM's status is one
    /// of `targets` (e.g. `RUNNING` after a restart or reinstall, `STOPPED`
    /// after a stop); fails fast on `FAILED`, `EXCEPTION` or `ERROR` unless
    /// that is a target.
    pub async fn wait_for_vm_instance_status(
        &self,
        vm_id: &str,
        targets: &[ResourceStatus],
        waiter: &Waiter,
    ) -> Result<VmInstanceDetailsVo, Error> {
        let what = format!("vm {vm_id}");
        waiter
            .wait(
                || self.get_virtual_machine(vm_id),
                |vm| judge(&vm.brief.status, targets, &what),
                |vm| vm.brief.status.to_string(),
            )
            .await
    }

    /// Polls [`Client::get_service`] until the container service is
    /// `RUNNING`; fails fast on `FAILED`, `EXCEPTION` or `ERROR`.
    pub async fn wait_for_service_running(
        &self,
        service_id: &str,
        waiter: &Waiter,
    ) -> Result<ServiceDetailsVo, Error> {
        let what = format!("service {service_id}");
        waiter
            .wait(
                || self.get_service(service_id),
                |s| judge(&s.status, RUNNING, &what),
                |s| s.status.to_string(),
            )
            .await
    }

    /// Polls [`Client::get_blb_detail`] until the load balancer is
    /// `RUNNING`; fails fast on `FAILED`, `EXCEPTION` or `ERROR`.
    pub async fn wait_for_blb_running(
        &self,
        blb_id: &str,
        waiter: &Waiter,
    ) -> Result<BlbInstanceVo, Error> {
        let what = format!("load balancer {blb_id}");
        waiter
            .wait(
                || self.get_blb_detail(blb_id),
                |lb| judge(&lb.status, RUNNING, &what),
                |lb| lb.status.to_string(),
            )
            .await
    }

    /// Polls [`Client::get_app_blb_details`] until the balancer is
    /// `RUNNING`; fails fast on `FAILED`, `EXCEPTION` or `ERROR`.
    pub async fn wait_for_app_blb_running(
        &self,
        blb_id: &str,
        waiter: &Waiter,
    ) -> Result<AppBlbDetails, Error> {
        let what = format!("app load balancer {blb_id}");
        waiter
            .wait(
                || self.get_app_blb_details(blb_id),
                |lb| judge(&lb.status, RUNNING, &what),
                |lb| lb.status.to_string(),
            )
            .await
    }
}
