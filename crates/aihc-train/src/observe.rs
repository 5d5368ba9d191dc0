//! Looking into running jobs: events, logs, metrics, nodes, web terminal.

use bce_core::{Error, Method, Operation};
use serde::{Deserialize, Serialize};

use crate::client::{queue_rule, ApiResponse, Client};

/// Arguments of [`Client::get_task_event`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetTaskEventRequest {
    /// Kubernetes namespace.
    pub name_space: String,
    /// Framework, e.g. `PyTorchJob` (required).
    pub job_framework: String,
    /// Start of the time range.
    pub start_time: String,
    /// End of the time range.
    pub end_time: String,
    /// Job id.
    pub job_id: String,
    /// Resource pool id.
    pub resource_pool_id: String,
}

/// Arguments of [`Client::get_pod_events`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetPodEventsRequest {
    /// Job id.
    pub job_id: String,
    /// Kubernetes namespace.
    pub name_space: String,
    /// Framework (required).
    pub job_framework: String,
    /// Start of the time range.
    pub start_time: String,
    /// End of the time range.
    pub end_time: String,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Pod name.
    pub pod_name: String,
}

/// Arguments of [`Client::get_pod_logs`]. All values travel as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetPodLogsRequest {
    /// Job id.
    pub job_id: String,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Pod name.
    pub pod_name: String,
    /// Kubernetes namespace.
    pub namespace: String,
    /// Start of the time range.
    pub start_time: String,
    /// End of the time range.
    pub end_time: String,
    /// Most lines to return.
    pub max_lines: String,
    /// Container name.
    pub container: String,
    /// Chunk selector (the service spells the parameter `chunck`).
    #[serde(rename = "chunck", alias = "chunk")]
    pub chunk: String,
    /// Where to continue.
    pub marker: String,
    /// A log file instead of stdout.
    pub file_path: String,
    /// Log source.
    pub log_source: String,
    /// Queue id (query `queueID`, sent when set).
    #[serde(alias = "queueID")]
    pub queue_id: String,
}

/// Arguments of [`Client::get_task_metrics`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetTaskMetricsRequest {
    /// Start (Unix seconds as text).
    pub start_time: String,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// End (Unix seconds as text).
    pub end_time: String,
    /// Step, e.g. `60s`.
    pub time_step: String,
    /// Metric, e.g. `GpuUsage`.
    pub metric_type: String,
    /// Job id.
    pub job_id: String,
    /// Kubernetes namespace.
    pub namespace: String,
    /// Rate interval, e.g. `1m`.
    pub rate_interval: String,
}

/// Arguments of [`Client::get_job_nodes_list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetJobNodesListRequest {
    /// Job id.
    #[serde(alias = "JobID")]
    pub job_id: String,
    /// Resource pool id.
    #[serde(alias = "ResourcePoolID")]
    pub resource_pool_id: String,
    /// Kubernetes namespace.
    #[serde(alias = "Namespace")]
    pub namespace: String,
}

/// The official SDK's name of [`GetJobNodesListRequest`].
pub type GetJobNodesListOptions = GetJobNodesListRequest;

/// Arguments of [`Client::get_web_ssh_url`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GetWebSshUrlRequest {
    /// Job id.
    pub job_id: String,
    /// Resource pool id.
    pub resource_pool_id: String,
    /// Pod name.
    pub pod_name: String,
    /// Kubernetes namespace.
    pub namespace: String,
    /// Keep-alive ping timeout in seconds.
    pub ping_timeout_second: String,
    /// Handshake timeout in seconds.
    pub handshake_timeout_second: String,
    /// Queue id (required for the special pools).
    pub queue_id: String,
}

/// A Kubernetes event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Event {
    /// Reason.
    pub reason: String,
    /// Message.
    pub message: String,
    /// First seen.
    pub first_timestamp: String,
    /// Last seen.
    pub last_timestamp: String,
    /// Occurrences.
    pub count: i32,
    /// `Normal` or `Warning`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// Events and their count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct EventList {
    /// The events.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub events: Vec<Event>,
    /// Their number.
    pub total: i64,
}

/// Answer of the event calls. The service documents the events at the top
/// level; a `result` wrapper is accepted too (see [`EventsResponse::list`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct EventsResponse {
    /// Request id, when sent.
    #[serde(rename = "requestId", alias = "requestID")]
    pub request_id: String,
    /// Events at the top level.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub events: Vec<Event>,
    /// Count at the top level.
    pub total: i64,
    /// Events inside a `result` wrapper.
    pub result: Option<EventList>,
}

impl EventsResponse {
    /// The events wherever the service put them.
    pub fn list(&self) -> EventList {
        match &self.result {
            Some(r) if self.events.is_empty() => r.clone(),
            _ => EventList {
                events: self.events.clone(),
                total: self.total,
            },
        }
    }
}

/// Log lines of a pod.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodLogs {
    /// Job id.
    pub job_id: String,
    /// Pod name.
    pub pod_name: String,
    /// The lines.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub logs: Vec<String>,
    /// Marker of the next chunk.
    pub next_marker: String,
}

/// One sample.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct MetricPoint {
    /// Time (as the service sends it).
    pub time: serde_json::Value,
    /// Value (as the service sends it).
    pub value: serde_json::Value,
}

/// Samples of one pod.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct PodMetrics {
    /// Pod name.
    pub pod_name: String,
    /// Samples.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub metrics: Vec<MetricPoint>,
}

/// Metrics of a job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct TaskMetrics {
    /// Job id.
    pub job_id: String,
    /// Per pod.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub pod_metrics: Vec<PodMetrics>,
}

/// Nodes a job runs on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct JobNodes {
    /// Job id.
    pub job_id: String,
    /// Node names (the service names the list `nodeName`).
    #[serde(
        rename = "nodeName",
        alias = "nodeNames",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub node_names: Vec<String>,
}

/// The web terminal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct WebTerminal {
    /// URL of the terminal.
    #[serde(
        rename = "WebTerminalUrl",
        alias = "webTerminalUrl",
        alias = "webTerminalURL"
    )]
    pub web_terminal_url: String,
}

fn pod_op(
    name: &'static str,
    job_id: &str,
    pool: &str,
    pod: Option<&str>,
    tail: &str,
) -> Operation {
    let op = Client::op(name, Method::Get, "/api/v1/aijobs")
        .segment("jobId", job_id)
        .require("resourcePoolId", pool);
    let op = match pod {
        Some(pod) => op.path("/pods").segment("podName", pod),
        None => op,
    };
    op.path(tail)
}

impl Client {
    /// Events of a job (`GET /api/v1/aijobs/{jobId}/events`).
    pub async fn get_task_event(
        &self,
        args: &GetTaskEventRequest,
    ) -> Result<EventsResponse, Error> {
        let op = pod_op(
            "GetTaskEvent",
            &args.job_id,
            &args.resource_pool_id,
            None,
            "/events",
        )
        .require("jobFramework", &args.job_framework)
        .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
        .query_if_not_empty("startTime", &args.start_time)
        .query_if_not_empty("endTime", &args.end_time)
        .query_if_not_empty("jobFramework", &args.job_framework)
        .query_if_not_empty("nameSpace", &args.name_space);
        self.call(op).await
    }

    /// Events of one pod (`GET /api/v1/aijobs/{jobId}/pods/{pod}/events`).
    pub async fn get_pod_events(
        &self,
        args: &GetPodEventsRequest,
    ) -> Result<EventsResponse, Error> {
        let op = pod_op(
            "GetPodEvents",
            &args.job_id,
            &args.resource_pool_id,
            Some(&args.pod_name),
            "/events",
        )
        .require("jobFramework", &args.job_framework)
        .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
        .query_if_not_empty("nameSpace", &args.name_space)
        .query_if_not_empty("startTime", &args.start_time)
        .query_if_not_empty("endTime", &args.end_time)
        .query_if_not_empty("jobFramework", &args.job_framework);
        self.call(op).await
    }

    /// Log lines of one pod (`GET /api/v1/aijobs/{jobId}/pods/{pod}/logs`).
    pub async fn get_pod_logs(
        &self,
        args: &GetPodLogsRequest,
    ) -> Result<ApiResponse<PodLogs>, Error> {
        let op = pod_op(
            "GetPodLogs",
            &args.job_id,
            &args.resource_pool_id,
            Some(&args.pod_name),
            "/logs",
        )
        .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
        .query_if_not_empty("startTime", &args.start_time)
        .query_if_not_empty("endTime", &args.end_time)
        .query_if_not_empty("maxLines", &args.max_lines)
        .query_if_not_empty("namespace", &args.namespace)
        .query_if_not_empty("chunck", &args.chunk)
        .query_if_not_empty("container", &args.container)
        .query_if_not_empty("marker", &args.marker)
        .query_if_not_empty("filePath", &args.file_path)
        .query_if_not_empty("logSource", &args.log_source)
        .query_if_not_empty("queueID", &args.queue_id);
        self.call(op).await
    }

    /// Metrics of a job (`GET /api/v1/aijobs/{jobId}/metrics`).
    pub async fn get_task_metrics(
        &self,
        args: &GetTaskMetricsRequest,
    ) -> Result<ApiResponse<TaskMetrics>, Error> {
        let op = pod_op(
            "GetTaskMetrics",
            &args.job_id,
            &args.resource_pool_id,
            None,
            "/metrics",
        )
        .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
        .query_if_not_empty("startTime", &args.start_time)
        .query_if_not_empty("endTime", &args.end_time)
        .query_if_not_empty("timeStep", &args.time_step)
        .query_if_not_empty("nameSpace", &args.namespace)
        .query_if_not_empty("rateInterval", &args.rate_interval)
        .query_if_not_empty("metricType", &args.metric_type);
        self.call(op).await
    }

    /// Nodes of a job (`GET /api/v1/aijobs/{jobId}/nodes`).
    pub async fn get_job_nodes_list(
        &self,
        options: &GetJobNodesListRequest,
    ) -> Result<ApiResponse<JobNodes>, Error> {
        let op = pod_op(
            "GetJobNodesList",
            &options.job_id,
            &options.resource_pool_id,
            None,
            "/nodes",
        )
        .query_if_not_empty("resourcePoolId", &options.resource_pool_id)
        .query_if_not_empty("nameSpace", &options.namespace);
        self.call(op).await
    }

    /// Web terminal URL of a pod (`GET …/pods/{pod}/webterminal`).
    pub async fn get_web_ssh_url(
        &self,
        arg: &GetWebSshUrlRequest,
    ) -> Result<ApiResponse<WebTerminal>, Error> {
        let op = pod_op(
            "GetWebSSHUrl",
            &arg.job_id,
            &arg.resource_pool_id,
            Some(&arg.pod_name),
            "/webterminal",
        );
        let op = queue_rule(op, &arg.resource_pool_id, &arg.queue_id)
            .query_if_not_empty("resourcePoolId", &arg.resource_pool_id)
            .query_if_not_empty("podName", &arg.pod_name)
            .query_if_not_empty("nameSpace", &arg.namespace)
            .query_if_not_empty("pingTimeoutSecond", &arg.ping_timeout_second)
            .query_if_not_empty("handshakeTimeoutSecond", &arg.handshake_timeout_second)
            .query_if_not_empty("queueID", &arg.queue_id);
        self.call(op).await
    }
}
