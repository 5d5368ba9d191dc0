//! Waiting for an app to serve.

use bce_core::{Error, WaitState, Waiter};

use crate::app::{AppBriefStat, ListAppStatsRequest};
use crate::client::Client;

impl Client {
    /// Polls [`Client::list_app_stats`] until every instance of the app is
    /// ready (at least one instance), or the waiter's deadline passes.
    /// Instances that never become ready end in [`Error::WaitTimeout`]
    /// carrying the last `available/total` count.
    pub async fn wait_for_app_ready(
        &self,
        app_id: &str,
        waiter: &Waiter,
    ) -> Result<AppBriefStat, Error> {
        let args = ListAppStatsRequest {
            app_ids: vec![app_id.to_owned()],
        };
        waiter
            .wait(
                || async {
                    let stats = self.list_app_stats(&args).await?.data;
                    Ok::<_, Error>(stats.apps.get(app_id).cloned().unwrap_or_default())
                },
                |s| {
                    if s.all_ready() {
                        WaitState::Done
                    } else {
                        WaitState::Pending
                    }
                },
                |s| {
                    format!(
                        "{}/{} instances ready (status {})",
                        s.available_ins, s.total_ins, s.status
                    )
                },
            )
            .await
    }
}
