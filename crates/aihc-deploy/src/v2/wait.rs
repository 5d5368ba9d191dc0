//! Waiting for a service to serve, and for a scale or an update to finish.
//!
//! The waiters poll [`Client::describe_service`] and judge it from the
//! documented fields: the wanted replicas (`service.instanceCount`), the
//! replica counts (`status.briefStat.availableIns` / `totalIns`) and the
//! pods (`instances[].status`, `containers[].status.reason`). They fail at
//! once when a pod failed or a container waits for a reason that does not
//! heal by waiting ([`crate::v2::FAILURE_REASONS`]); the numeric
//! `briefStat.status` has no documented meanings and is only reported.

use bce_core::{Error, WaitState, Waiter};

use crate::v2::changelog::{ChangeType, DescribeServiceChangelogsRequest};
use crate::v2::client::Client;
use crate::v2::service::ServiceDetail;

/// What a rollout must reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Target {
    /// Replicas wanted; `None`: what the configuration says.
    replicas: Option<u32>,
    /// At least one replica must be wanted.
    need_one: bool,
    /// Every pod must have been created at or after this time (Unix s).
    since: Option<i64>,
}

fn judge(detail: &ServiceDetail, target: Target) -> WaitState {
    if let Some(failure) = detail.instances.iter().find_map(|p| p.failure()) {
        return WaitState::Failed(failure);
    }
    let stat = &detail.status.brief_stat;
    let configured = detail.desired_replicas();
    let wanted = match target.replicas {
        Some(n) => {
            if i64::from(configured) != i64::from(n) {
                return WaitState::Pending;
            }
            configured
        }
        None => configured,
    };
    if target.need_one && wanted < 1 {
        return WaitState::Pending;
    }
    if stat.total_ins != wanted || stat.available_ins < wanted {
        return WaitState::Pending;
    }
    if let Some(since) = target.since {
        if detail.instances.iter().any(|p| p.status.created_at < since) {
            return WaitState::Pending;
        }
    }
    WaitState::Done
}

fn describe(detail: &ServiceDetail) -> String {
    let stat = &detail.status.brief_stat;
    let mut text = format!(
        "{}/{} replicas ready, {} wanted (status {})",
        stat.available_ins,
        stat.total_ins,
        detail.desired_replicas(),
        stat.status
    );
    if !stat.reason.is_empty() {
        text.push_str(": ");
        text.push_str(&stat.reason);
    }
    text
}

impl Client {
    async fn wait_for(
        &self,
        service_id: &str,
        target: Target,
        waiter: &Waiter,
    ) -> Result<ServiceDetail, Error> {
        waiter
            .wait(
                || self.describe_service(service_id),
                |d| judge(d, target),
                describe,
            )
            .await
    }

    /// Waits until the service runs with every wanted replica ready (at
    /// least one), polling [`Client::describe_service`]. Fails at once on
    /// a failed pod or a container that cannot start
    /// ([`Error::WaitFailed`]); gives up at the waiter's deadline
    /// ([`Error::WaitTimeout`] with the last counts).
    pub async fn wait_for_service(
        &self,
        service_id: &str,
        waiter: &Waiter,
    ) -> Result<ServiceDetail, Error> {
        self.wait_for(
            service_id,
            Target {
                need_one: true,
                ..Target::default()
            },
            waiter,
        )
        .await
    }

    /// Waits until a scale to `replicas` has finished: the configuration
    /// asks for `replicas`, exactly that many exist and all are ready
    /// (`0` waits for every replica to be gone). Fails fast like
    /// [`Client::wait_for_service`].
    pub async fn wait_for_replicas(
        &self,
        service_id: &str,
        replicas: u32,
        waiter: &Waiter,
    ) -> Result<ServiceDetail, Error> {
        self.wait_for(
            service_id,
            Target {
                replicas: Some(replicas),
                ..Target::default()
            },
            waiter,
        )
        .await
    }

    /// Waits until the latest update ([`Client::modify_service`] or
    /// [`Client::upgrade_service`]) has rolled out: every pod was created at
    /// or after the newest change record of kind [`ChangeType::Update`],
    /// no surplus pods are left and all wanted replicas are ready. Without
    /// such a record it waits like [`Client::wait_for_replicas`] with the
    /// configured count. Fails fast like [`Client::wait_for_service`].
    pub async fn wait_for_update(
        &self,
        service_id: &str,
        waiter: &Waiter,
    ) -> Result<ServiceDetail, Error> {
        let latest = self
            .describe_service_changelogs(&DescribeServiceChangelogsRequest {
                service_id: service_id.to_owned(),
                change_type: Some(ChangeType::Update),
                page_number: 1,
                page_size: 1,
                order_by: "createdAt".into(),
                order: "desc".into(),
            })
            .await?;
        let since = latest
            .change_logs
            .iter()
            .filter(|c| c.change_type == ChangeType::Update)
            .map(|c| c.created_at)
            .max();
        self.wait_for(
            service_id,
            Target {
                since,
                ..Target::default()
            },
            waiter,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn detail(wanted: i32, total: i32, available: i32, pods: serde_json::Value) -> ServiceDetail {
        serde_json::from_value(json!({
            "service": {"instanceCount": wanted},
            "status": {"briefStat": {"totalIns": total, "availableIns": available}},
            "instances": pods,
        }))
        .unwrap()
    }

    #[test]
    fn judging() {
        let running = Target {
            need_one: true,
            ..Target::default()
        };
        assert_eq!(judge(&detail(2, 2, 2, json!([])), running), WaitState::Done);
        assert_eq!(
            judge(&detail(2, 2, 1, json!([])), running),
            WaitState::Pending
        );
        assert_eq!(
            judge(&detail(2, 3, 2, json!([])), running),
            WaitState::Pending
        );
        assert_eq!(
            judge(&detail(0, 0, 0, json!([])), running),
            WaitState::Pending
        );
        let zero = Target {
            replicas: Some(0),
            ..Target::default()
        };
        assert_eq!(judge(&detail(0, 0, 0, json!([])), zero), WaitState::Done);
        assert_eq!(judge(&detail(2, 2, 2, json!([])), zero), WaitState::Pending);
        let failed = detail(
            1,
            1,
            0,
            json!([{"instanceId": "p", "containers": [{"status": {"containerStatus": "Waiting", "reason": "ImagePullBackOff"}}]}]),
        );
        assert!(
            matches!(judge(&failed, running), WaitState::Failed(m) if m.contains("ImagePullBackOff"))
        );
        let since = Target {
            since: Some(100),
            ..Target::default()
        };
        let old = detail(
            1,
            1,
            1,
            json!([{"instanceId": "p", "status": {"createdAt": 99}}]),
        );
        assert_eq!(judge(&old, since), WaitState::Pending);
        let new = detail(
            1,
            1,
            1,
            json!([{"instanceId": "p", "status": {"createdAt": 100}}]),
        );
        assert_eq!(judge(&new, since), WaitState::Done);
    }
}
