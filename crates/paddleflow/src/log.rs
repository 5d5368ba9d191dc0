//! Logs of runs and jobs, job statistics and queue card time.

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, LogFilePosition};

answer! {
    /// One page of a task's log.
    #[derive(Eq)]
    pub struct LogInfo {
        /// The log text of this page.
        pub log_content: String,
        /// Whether another page follows.
        pub has_next_page: bool,
        /// Whether the server cut the content at its size limit.
        pub truncated: bool,
    }
}

answer! {
    /// The log of one task (pod) of a job.
    #[derive(Eq)]
    pub struct TaskLog {
        /// Task id.
        #[serde(rename = "taskID")]
        pub task_id: String,
        /// Its log page.
        pub log_info: LogInfo,
    }
}

answer! {
    /// The logs and events of one job.
    #[derive(Eq)]
    pub struct JobLog {
        /// Job id.
        #[serde(rename = "jobID")]
        pub job_id: String,
        /// One entry per task (may be empty: a job without tasks has none).
        pub task_list: Vec<TaskLog>,
        /// Name.
        pub name: String,
        /// Kind, e.g. `pod`.
        #[serde(rename = "type")]
        pub log_type: String,
        /// Kubernetes events.
        pub event_list: Vec<String>,
    }
}

answer! {
    /// Answer of [`Client::show_log`].
    #[derive(Eq)]
    pub struct RunLog {
        /// Why submitting failed, if it did.
        pub submit_log: String,
        /// One entry per job of the run.
        pub run_log: Vec<JobLog>,
        /// Run id.
        #[serde(rename = "runID")]
        pub run_id: String,
    }
}

/// Paging of [`Client::show_log`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShowLogRequest {
    /// Only this job (`jobID`).
    pub job_id: Option<String>,
    /// Lines per page, 1..=100 (server default 100).
    pub page_size: Option<u32>,
    /// Page number, from 1 (server default 1).
    pub page_no: Option<u32>,
    /// Count pages from the beginning or the end (server default `end`).
    pub log_file_position: Option<LogFilePosition>,
}

/// Query of [`Client::show_log_by_limit`]: a job or any pod or deployment
/// by name, read by line count or size.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShowLogByLimitRequest {
    /// Job id.
    pub job_id: Option<String>,
    /// Name of the pod or deployment.
    pub name: Option<String>,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its cluster (must be known to the server).
    pub cluster_name: Option<String>,
    /// Read from the end of the log.
    pub read_from_tail: Option<bool>,
    /// Most lines.
    pub line_limit: Option<u64>,
    /// Most bytes, as a Kubernetes quantity, e.g. `1Mi`.
    pub size_limit: Option<String>,
    /// Kind of object, e.g. `pod`, `deployment`.
    pub log_type: Option<String>,
    /// Framework of the job.
    pub framework: Option<String>,
}

answer! {
    /// Answer of [`Client::get_statistics`].
    #[derive(Eq)]
    pub struct JobStatistics {
        /// Metric name → current value.
        pub metrics_info: BTreeMap<String, String>,
    }
}

answer! {
    /// One metric of a task over time.
    pub struct MetricSeries {
        /// Metric name.
        pub metric: String,
        /// `[unix seconds, value]` pairs.
        pub values: Vec<Vec<serde_json::Value>>,
    }
}

answer! {
    /// The metrics of one task.
    pub struct TaskStatistics {
        /// Task name.
        pub task_name: String,
        /// Its metrics.
        pub task_info: Vec<MetricSeries>,
    }
}

answer! {
    /// Answer of [`Client::get_statistics_detail`].
    pub struct JobStatisticsDetail {
        /// Per task.
        pub result: Vec<TaskStatistics>,
        /// Whether the series were cut.
        pub truncated: bool,
    }
}

/// Time window of [`Client::get_statistics_detail`] (Unix seconds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StatisticsDetailRequest {
    /// Start (≥ 0).
    pub start: Option<i64>,
    /// End (not before `start`; needs `start`).
    pub end: Option<i64>,
    /// Seconds between points (> 0; server default 60).
    pub step: Option<i64>,
}

answer! {
    /// One job's card time.
    pub struct JobCardTime {
        /// Job id.
        pub job_id: String,
        /// Card hours.
        pub card_time: f64,
        /// Creation time.
        pub create_time: String,
        /// Start time.
        pub start_time: String,
        /// Finish time.
        pub finish_time: String,
        /// Cards used.
        pub device_count: i64,
    }
}

answer! {
    /// One user's card time in a queue.
    pub struct UserCardTime {
        /// User.
        pub user_name: String,
        /// Per job.
        pub job_info_list: Vec<JobCardTime>,
        /// Number of jobs.
        pub job_count: i64,
        /// Card hours.
        pub total_card_time: f64,
    }
}

answer! {
    /// One queue's card time.
    pub struct QueueCardTime {
        /// Queue.
        pub queue_name: String,
        /// Card hours.
        pub card_time: f64,
        /// Card type.
        pub device_type: String,
        /// Per user.
        pub detail: Vec<UserCardTime>,
    }
}

answer! {
    /// Answer of [`Client::get_cardtime_by_queue_name`].
    pub struct CardTimeResponse {
        /// Per queue.
        pub data: Vec<QueueCardTime>,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CardTimeBody<'a> {
    queue_names: &'a [String],
    start_time: Option<&'a str>,
    end_time: Option<&'a str>,
}

impl Client {
    /// A page of a run's logs, one entry per job
    /// (`GET /api/paddleflow/v1/log/run/{runID}`).
    pub async fn show_log(&self, run_id: &str, request: &ShowLogRequest) -> Result<RunLog, Error> {
        let op = Client::op("show_log", Method::Get, "/log/run")
            .id("run_id", run_id)
            .filter("jobID", request.job_id.as_deref())
            .check(
                request.page_size.map_or(true, |n| (1..=100).contains(&n)),
                "page_size",
                "must be between 1 and 100",
            )
            .query_opt("pageSize", request.page_size)
            .check(
                request.page_no.map_or(true, |n| n >= 1),
                "page_no",
                "must be at least 1",
            )
            .query_opt("pageNo", request.page_no)
            .query_opt(
                "logFilePosition",
                request.log_file_position.as_ref().map(|p| p.as_str()),
            );
        self.call(op).await
    }

    /// The log of a job, pod or deployment, limited by lines or size
    /// (`GET /api/paddleflow/v1/log/job`). `readFromTail` is sent as
    /// `true`/`false` (the Python SDK writes `True`).
    pub async fn show_log_by_limit(
        &self,
        request: &ShowLogByLimitRequest,
    ) -> Result<JobLog, Error> {
        let op = Client::op("show_log_by_limit", Method::Get, "/log/job")
            .filter("jobID", request.job_id.as_deref())
            .filter("name", request.name.as_deref())
            .filter("namespace", request.namespace.as_deref())
            .filter("clusterName", request.cluster_name.as_deref())
            .query_opt("readFromTail", request.read_from_tail)
            .query_opt("lineLimit", request.line_limit)
            .filter("sizeLimit", request.size_limit.as_deref())
            .filter("type", request.log_type.as_deref())
            .filter("framework", request.framework.as_deref());
        self.call(op).await
    }

    /// Current metrics of a job (`GET /api/paddleflow/v1/statistics/job/{jobID}`).
    pub async fn get_statistics(&self, job_id: &str) -> Result<JobStatistics, Error> {
        let op = Client::op("get_statistics", Method::Get, "/statistics/job").id("jobid", job_id);
        self.call(op).await
    }

    /// Metrics of a job over time
    /// (`GET /api/paddleflow/v1/statistics/jobDetail/{jobID}`). A negative
    /// start, an end without a start or before it, and a step below 1 are
    /// refused before sending.
    pub async fn get_statistics_detail(
        &self,
        job_id: &str,
        request: &StatisticsDetailRequest,
    ) -> Result<JobStatisticsDetail, Error> {
        let end_ok = match (request.start, request.end) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(start), Some(end)) => end >= start,
        };
        let op = Client::op(
            "get_statistics_detail",
            Method::Get,
            "/statistics/jobDetail",
        )
        .id("jobid", job_id)
        .check(
            request.start.map_or(true, |s| s >= 0),
            "start",
            "must not be negative",
        )
        .check(end_ok, "end", "needs a start and must not be before it")
        .check(
            request.step.map_or(true, |s| s > 0),
            "step",
            "must be greater than 0",
        )
        .query_opt("start", request.start)
        .query_opt("end", request.end)
        .query_opt("step", request.step);
        self.call(op).await
    }

    /// Card hours of queues in a time window
    /// (`POST /api/paddleflow/v1/statistics/cardTime`; times
    /// `YYYY-MM-DD HH:MM:SS`, sent as `null` when unset). At least one
    /// queue is required.
    pub async fn get_cardtime_by_queue_name(
        &self,
        queue_names: &[String],
        start_time: Option<&str>,
        end_time: Option<&str>,
    ) -> Result<CardTimeResponse, Error> {
        let op = Client::op(
            "get_cardtime_by_queue_name",
            Method::Post,
            "/statistics/cardTime",
        )
        .check(!queue_names.is_empty(), "queue_names", "must not be empty")
        .check(
            queue_names.iter().all(|q| !q.trim().is_empty()),
            "queue_names",
            "must not contain blank names",
        )
        .json_plain(&CardTimeBody {
            queue_names,
            start_time,
            end_time,
        });
        self.call(op).await
    }
}
