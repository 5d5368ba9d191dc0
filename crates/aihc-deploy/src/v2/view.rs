//! Tables of services, states, pods and pod groups for people to read.
//!
//! ```
//! use aihc_deploy::v2::DescribeServicePodsResponse;
//! let pods: DescribeServicePodsResponse = serde_json::from_value(serde_json::json!({
//!     "pods": [{"instanceId": "s-1-0", "status": {"status": "Running",
//!         "availableContainers": 1, "totalContainers": 1, "podIP": "10.0.0.7"}}]
//! })).unwrap();
//! let text = pods.table().to_string();
//! assert!(text.starts_with("POD"));
//! assert!(text.contains("s-1-0  Running  1/1"));
//! ```

use std::fmt;

use crate::v2::pods::{DescribeServicePodGroupsResponse, DescribeServicePodsResponse, Instance};
use crate::v2::service::{DescribeServiceStatusResponse, DescribeServicesResponse, ServiceDetail};

/// Rows under a header, printed with aligned columns (two spaces apart,
/// no trailing blanks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Column titles.
    pub headers: Vec<String>,
    /// One row per item, as many cells as headers.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles and no rows.
    pub fn new<I, S>(headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                let len = cell.chars().count();
                match widths.get_mut(i) {
                    Some(w) => *w = (*w).max(len),
                    None => widths.push(len),
                }
            }
        }
        let line = |cells: &[String], f: &mut fmt::Formatter<'_>| -> fmt::Result {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(cell);
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.chars().count());
                text.extend(std::iter::repeat(' ').take(pad));
            }
            writeln!(f, "{}", text.trim_end())
        };
        line(&self.headers, f)?;
        for row in &self.rows {
            line(row, f)?;
        }
        Ok(())
    }
}

fn dash(s: &str) -> String {
    if s.is_empty() {
        "-".to_owned()
    } else {
        s.to_owned()
    }
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// Column titles of [`Instance::row`].
pub const POD_COLUMNS: [&str; 7] = [
    "POD", "STATUS", "READY", "BLOCKED", "POD IP", "NODE IP", "REASON",
];

impl Instance {
    /// The pod as a table row (see [`POD_COLUMNS`]); the reason is the
    /// pod's or else the first container's that has one.
    pub fn row(&self) -> Vec<String> {
        let s = &self.status;
        let reason = if s.reason.is_empty() {
            self.containers
                .iter()
                .map(|c| c.status.reason.as_str())
                .find(|r| !r.is_empty())
                .unwrap_or_default()
        } else {
            s.reason.as_str()
        };
        vec![
            self.instance_id.clone(),
            dash(s.status.as_str()),
            format!("{}/{}", s.available_containers, s.total_containers),
            yes(s.blocked),
            dash(&s.pod_ip),
            dash(&s.node_ip),
            dash(reason),
        ]
    }
}

fn pod_table<'a>(pods: impl IntoIterator<Item = &'a Instance>) -> Table {
    let mut table = Table::new(POD_COLUMNS);
    for pod in pods {
        table.push(pod.row());
    }
    table
}

impl DescribeServicePodsResponse {
    /// The pods as a table.
    pub fn table(&self) -> Table {
        pod_table(&self.pods)
    }
}

impl DescribeServicePodGroupsResponse {
    /// The pod groups as a table: one row per group.
    pub fn table(&self) -> Table {
        let mut table = Table::new(["GROUP", "STATUS", "READY", "BLOCKED", "MASTERS", "WORKERS"]);
        for g in &self.service_pod_groups {
            let ids = |pods: &[Instance]| {
                dash(
                    &pods
                        .iter()
                        .map(|p| p.instance_id.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                )
            };
            table.push(vec![
                g.id.clone(),
                dash(g.status.as_str()),
                format!("{}/{}", g.available_pods, g.total_pods),
                yes(g.blocked),
                ids(&g.masters),
                ids(&g.workers),
            ]);
        }
        table
    }

    /// Every pod of every group as a table.
    pub fn pod_table(&self) -> Table {
        pod_table(
            self.service_pod_groups
                .iter()
                .flat_map(|g| g.masters.iter().chain(&g.workers)),
        )
    }
}

impl DescribeServiceStatusResponse {
    /// The state of each service as a table.
    pub fn table(&self) -> Table {
        let mut table = Table::new(["SERVICE", "STATUS", "READY", "HAZARD", "REASON"]);
        for (id, s) in &self.service {
            table.push(vec![
                id.clone(),
                s.status.to_string(),
                format!("{}/{}", s.available_ins, s.total_ins),
                yes(s.hazard),
                dash(&s.reason),
            ]);
        }
        table
    }
}

impl DescribeServicesResponse {
    /// The services of this page as a table.
    pub fn table(&self) -> Table {
        let mut table = Table::new(["ID", "NAME", "POOL", "QUEUE", "PUBLIC", "CREATED"]);
        for s in &self.services {
            table.push(vec![
                s.id.clone(),
                s.name.clone(),
                dash(&s.resource_pool_id),
                dash(&s.queue_name),
                yes(s.public_access),
                s.created_at.to_string(),
            ]);
        }
        table
    }
}

impl ServiceDetail {
    /// The service's pods as a table.
    pub fn pod_table(&self) -> Table {
        pod_table(&self.instances)
    }

    /// A one-line summary: name, ready/wanted replicas, state code,
    /// addresses.
    pub fn summary(&self) -> String {
        let stat = &self.status.brief_stat;
        let mut text = format!(
            "{} {}/{} ready (wanted {}, status {})",
            self.service.name.as_deref().unwrap_or("-"),
            stat.available_ins,
            stat.total_ins,
            self.desired_replicas(),
            stat.status,
        );
        let ips = &self.status.access_ips;
        if !ips.internal.is_empty() {
            text.push_str(&format!(", internal {}", ips.internal));
        }
        if !ips.external.is_empty() {
            text.push_str(&format!(", external {}", ips.external));
        }
        text
    }
}
