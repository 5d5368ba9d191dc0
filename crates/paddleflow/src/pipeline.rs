//! Pipelines (versioned workflow definitions) and schedules.

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, nd, ConcurrencyPolicy, RunStatus, ScheduleStatus};
use crate::paging::{marker_list, marker_streams};
use crate::run::{status_filter, ListRunResponse};

answer! {
    /// A pipeline.
    #[derive(Eq)]
    pub struct PipelineBrief {
        /// Pipeline id.
        #[serde(rename = "pipelineID")]
        pub pipeline_id: String,
        /// Name.
        pub name: String,
        /// Description.
        pub desc: String,
        /// Owner.
        pub username: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
}

answer! {
    /// A version of a pipeline.
    #[derive(Eq)]
    pub struct PipelineVersionBrief {
        /// Version id.
        #[serde(rename = "pipelineVersionID")]
        pub pipeline_version_id: String,
        /// Pipeline id.
        #[serde(rename = "pipelineID")]
        pub pipeline_id: String,
        /// File system the YAML came from.
        pub fs_name: String,
        /// Path of the YAML.
        pub yaml_path: String,
        /// The YAML.
        pub pipeline_yaml: String,
        /// Owner.
        pub username: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
}

body! {
    /// Body of [`Client::create_pipeline`]: the YAML comes from `yaml_raw`, or
    /// from `yaml_path` (default `./run.yaml`) in `fs_name`.
    #[derive(Eq)]
    pub struct CreatePipelineRequest {}
    optional {
        /// File system holding the YAML (`fsName`; the Python SDK writes `fsname`).
        pub fs_name: Option<String>,
        /// Path of the YAML in the file system.
        pub yaml_path: Option<String>,
        /// Description.
        pub desc: Option<String>,
        /// Owner (root only).
        pub username: Option<String>,
        /// The YAML itself (sent base64-encoded).
        #[serde(serialize_with = "crate::model::base64_opt::serialize")]
        pub yaml_raw: Option<Vec<u8>>,
    }
}

/// Body of [`Client::update_pipeline`] (which creates a new version).
pub type UpdatePipelineRequest = CreatePipelineRequest;

answer! {
    /// Answer of [`Client::create_pipeline`] and [`Client::update_pipeline`].
    #[derive(Eq)]
    pub struct CreatePipelineResponse {
        /// Pipeline id.
        #[serde(rename = "pipelineID")]
        pub pipeline_id: String,
        /// The new version's id.
        #[serde(rename = "pipelineVersionID")]
        pub pipeline_version_id: String,
        /// Pipeline name (create only).
        pub name: String,
    }
}

marker_list! {
    /// A page of pipelines.
    ListPipelineResponse, PipelineBrief, pipeline_list, "pipelineList"
}

marker_list! {
    /// A page of pipeline versions.
    ListPipelineVersionResponse, PipelineVersionBrief, ppl_version_list, "pplVersionList"
}

/// Filters and paging of [`Client::list_pipeline`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListPipelineRequest {
    /// Only this user's pipelines.
    pub user_filter: Option<String>,
    /// Only pipelines with this name.
    pub name_filter: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

/// Filter and paging of the versions [`Client::show_pipeline`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShowPipelineRequest {
    /// Only versions from this file system.
    pub fs_filter: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

answer! {
    /// Answer of [`Client::show_pipeline`]: the pipeline and a page of versions.
    pub struct ShowPipelineResponse {
        /// The pipeline.
        pub pipeline: PipelineBrief,
        /// A page of its versions.
        pub ppl_versions: ListPipelineVersionResponse,
    }
}

impl bce_core::paginate::MarkerResponse for ShowPipelineResponse {
    type Item = PipelineVersionBrief;
    fn next_marker(&self) -> Option<String> {
        self.ppl_versions.next_page()
    }
    fn into_items(self) -> Vec<PipelineVersionBrief> {
        self.ppl_versions.ppl_version_list
    }
}

answer! {
    /// Answer of [`Client::show_pipeline_version`].
    pub struct ShowPipelineVersionResponse {
        /// The pipeline.
        pub pipeline: PipelineBrief,
        /// The version.
        pub pipeline_version: PipelineVersionBrief,
    }
}

answer! {
    /// How a schedule starts runs.
    #[derive(Eq)]
    pub struct ScheduleOptions {
        /// Start the occurrences missed while the server was down.
        pub catchup: bool,
        /// Seconds after which a missed occurrence is dropped.
        pub expire_interval: i64,
        /// Most runs active at once.
        pub concurrency: i64,
        /// What to do at the limit.
        pub concurrency_policy: ConcurrencyPolicy,
    }
}

answer! {
    /// File-system settings of a schedule.
    #[derive(Eq)]
    pub struct ScheduleFsConfig {
        /// User whose file systems the runs use.
        pub username: String,
    }
}

answer! {
    /// A schedule.
    #[derive(Eq)]
    pub struct ScheduleBrief {
        /// Schedule id.
        #[serde(rename = "scheduleID")]
        pub schedule_id: String,
        /// Name.
        pub name: String,
        /// Description.
        pub desc: String,
        /// Pipeline.
        #[serde(rename = "pipelineID")]
        pub pipeline_id: String,
        /// Pipeline version.
        #[serde(rename = "pipelineVersionID")]
        pub pipeline_version_id: String,
        /// Owner.
        pub username: String,
        /// File-system settings.
        pub fs_config: ScheduleFsConfig,
        /// Cron expression.
        pub crontab: String,
        /// Options.
        pub options: ScheduleOptions,
        /// First occurrence.
        pub start_time: String,
        /// Last occurrence.
        pub end_time: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
        /// Next occurrence.
        pub next_run_time: String,
        /// Status message.
        pub schedule_msg: String,
        /// State.
        pub status: ScheduleStatus,
    }
}

/// Answer of [`Client::show_schedule`]: the schedule and a page of its runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ShowScheduleResponse {
    /// The schedule.
    #[serde(flatten)]
    pub schedule: ScheduleBrief,
    /// A page of its runs.
    #[serde(deserialize_with = "nd")]
    pub runs: ListRunResponse,
}

body! {
    /// Body of [`Client::create_schedule`].
    #[derive(Eq)]
    pub struct CreateScheduleRequest {
        /// Name (required).
        pub name: String,
        /// Pipeline (required).
        #[serde(rename = "pipelineID")]
        pub pipeline_id: String,
        /// Pipeline version (required).
        #[serde(rename = "pipelineVersionID")]
        pub pipeline_version_id: String,
        /// Cron expression (required), e.g. `0 2 * * *`.
        pub crontab: String,
    }
    optional {
        /// Description.
        pub desc: Option<String>,
        /// First occurrence (`YYYY-MM-DD HH:MM:SS`).
        pub start_time: Option<String>,
        /// Last occurrence (`YYYY-MM-DD HH:MM:SS`).
        pub end_time: Option<String>,
        /// Most runs active at once (server default 10).
        pub concurrency: Option<i64>,
        /// What to do at the limit (server default `suspend`).
        pub concurrency_policy: Option<ConcurrencyPolicy>,
        /// Seconds after which a missed occurrence is dropped (0: never).
        pub expire_interval: Option<i64>,
        /// Start missed occurrences.
        pub catchup: Option<bool>,
        /// Owner (root only).
        pub username: Option<String>,
    }
}

answer! {
    /// Answer of [`Client::create_schedule`].
    #[derive(Eq)]
    pub struct CreateScheduleResponse {
        /// Schedule id.
        #[serde(rename = "scheduleID")]
        pub schedule_id: String,
    }
}

marker_list! {
    /// A page of schedules.
    ListScheduleResponse, ScheduleBrief, schedule_list, "scheduleList"
}

/// Filters and paging of [`Client::list_schedule`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListScheduleRequest {
    /// Only this user's schedules.
    pub user_filter: Option<String>,
    /// Only schedules of this pipeline.
    pub ppl_filter: Option<String>,
    /// Only schedules of this pipeline version.
    pub ppl_version_filter: Option<String>,
    /// Only this schedule.
    pub schedule_filter: Option<String>,
    /// Only schedules with this name.
    pub name_filter: Option<String>,
    /// Only schedules in these states (comma-separated).
    pub status_filter: Vec<ScheduleStatus>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
}

/// Filters and paging of the runs [`Client::show_schedule`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShowScheduleRequest {
    /// Only this run.
    pub run_filter: Option<String>,
    /// Only runs in these states (comma-separated).
    pub status_filter: Vec<RunStatus>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
}

impl AsRef<str> for ScheduleStatus {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Client {
    /// Creates a pipeline (`POST /api/paddleflow/v1/pipeline`, answer 201).
    pub async fn create_pipeline(
        &self,
        request: &CreatePipelineRequest,
    ) -> Result<CreatePipelineResponse, Error> {
        let op = Client::op("create_pipeline", Method::Post, "/pipeline")
            .not_blank("username", request.username.as_deref())
            .not_blank("fs_name", request.fs_name.as_deref())
            .json_plain(request);
        self.call(op).await
    }

    /// One page of pipelines (`GET /api/paddleflow/v1/pipeline`).
    pub async fn list_pipeline(
        &self,
        request: &ListPipelineRequest,
    ) -> Result<ListPipelineResponse, Error> {
        let op = Client::op("list_pipeline", Method::Get, "/pipeline")
            .filter("userFilter", request.user_filter.as_deref())
            .filter("nameFilter", request.name_filter.as_deref())
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref());
        self.call(op).await
    }

    /// A pipeline and a page of its versions
    /// (`GET /api/paddleflow/v1/pipeline/{pipelineID}`).
    pub async fn show_pipeline(
        &self,
        pipeline_id: &str,
        request: &ShowPipelineRequest,
    ) -> Result<ShowPipelineResponse, Error> {
        let op = Client::op("show_pipeline", Method::Get, "/pipeline")
            .id("pipeline_id", pipeline_id)
            .filter("fsFilter", request.fs_filter.as_deref())
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref());
        self.call(op).await
    }

    /// Every version of a pipeline, page after page.
    pub fn show_pipeline_stream<'a>(
        &'a self,
        pipeline_id: &'a str,
        request: ShowPipelineRequest,
    ) -> impl Stream<Item = Result<PipelineVersionBrief, Error>> + 'a {
        marker_stream(request, move |req: ShowPipelineRequest| async move {
            self.show_pipeline(pipeline_id, &req).await
        })
    }

    /// Adds a version to a pipeline (**`POST`**
    /// `/api/paddleflow/v1/pipeline/{pipelineID}`, answer 201).
    pub async fn update_pipeline(
        &self,
        pipeline_id: &str,
        request: &UpdatePipelineRequest,
    ) -> Result<CreatePipelineResponse, Error> {
        let op = Client::op("update_pipeline", Method::Post, "/pipeline")
            .id("pipeline_id", pipeline_id)
            .not_blank("username", request.username.as_deref())
            .json_plain(request);
        self.call(op).await
    }

    /// Deletes a pipeline (`DELETE /api/paddleflow/v1/pipeline/{pipelineID}`).
    pub async fn delete_pipeline(&self, pipeline_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_pipeline", Method::Delete, "/pipeline")
            .id("pipeline_id", pipeline_id);
        self.call_no_content(op).await
    }

    /// One version of a pipeline
    /// (`GET /api/paddleflow/v1/pipeline/{pipelineID}/{pipelineVersionID}`).
    pub async fn show_pipeline_version(
        &self,
        pipeline_id: &str,
        pipeline_version_id: &str,
    ) -> Result<ShowPipelineVersionResponse, Error> {
        let op = Client::op("show_pipeline_version", Method::Get, "/pipeline")
            .id("pipeline_id", pipeline_id)
            .id("pipeline_version_id", pipeline_version_id);
        self.call(op).await
    }

    /// Deletes a version of a pipeline
    /// (`DELETE /api/paddleflow/v1/pipeline/{pipelineID}/{pipelineVersionID}`).
    pub async fn delete_pipeline_version(
        &self,
        pipeline_id: &str,
        pipeline_version_id: &str,
    ) -> Result<(), Error> {
        let op = Client::op("delete_pipeline_version", Method::Delete, "/pipeline")
            .id("pipeline_id", pipeline_id)
            .id("pipeline_version_id", pipeline_version_id);
        self.call_no_content(op).await
    }

    /// Creates a schedule (`POST /api/paddleflow/v1/schedule`, answer 201).
    pub async fn create_schedule(
        &self,
        request: &CreateScheduleRequest,
    ) -> Result<CreateScheduleResponse, Error> {
        let op = Client::op("create_schedule", Method::Post, "/schedule")
            .required("name", &request.name)
            .required("pipeline_id", &request.pipeline_id)
            .required("pipeline_version_id", &request.pipeline_version_id)
            .required("crontab", &request.crontab)
            .not_blank("username", request.username.as_deref())
            .json_plain(request);
        self.call(op).await
    }

    /// One page of schedules (`GET /api/paddleflow/v1/schedule`).
    pub async fn list_schedule(
        &self,
        request: &ListScheduleRequest,
    ) -> Result<ListScheduleResponse, Error> {
        let status = status_filter(&request.status_filter);
        let op = Client::op("list_schedule", Method::Get, "/schedule")
            .filter("userFilter", request.user_filter.as_deref())
            .filter("pplFilter", request.ppl_filter.as_deref())
            .filter("pplVersionFilter", request.ppl_version_filter.as_deref())
            .filter("scheduleFilter", request.schedule_filter.as_deref())
            .filter("nameFilter", request.name_filter.as_deref())
            .filter("statusFilter", status.as_deref())
            .filter("marker", request.marker.as_deref())
            .max_keys(request.max_keys);
        self.call(op).await
    }

    /// A schedule and a page of its runs
    /// (`GET /api/paddleflow/v1/schedule/{scheduleID}`). The next page of
    /// runs is `runs.next_page()` (the Python SDK reads a marker that is not there).
    pub async fn show_schedule(
        &self,
        schedule_id: &str,
        request: &ShowScheduleRequest,
    ) -> Result<ShowScheduleResponse, Error> {
        let status = status_filter(&request.status_filter);
        let op = Client::op("show_schedule", Method::Get, "/schedule")
            .id("schedule_id", schedule_id)
            .filter("runFilter", request.run_filter.as_deref())
            .filter("statusFilter", status.as_deref())
            .filter("marker", request.marker.as_deref())
            .max_keys(request.max_keys);
        self.call(op).await
    }

    /// Stops a schedule (`PUT /api/paddleflow/v1/schedule/{scheduleID}`, no body).
    pub async fn stop_schedule(&self, schedule_id: &str) -> Result<(), Error> {
        let op =
            Client::op("stop_schedule", Method::Put, "/schedule").id("schedule_id", schedule_id);
        self.call_no_content(op).await
    }

    /// Deletes a schedule (`DELETE /api/paddleflow/v1/schedule/{scheduleID}`).
    pub async fn delete_schedule(&self, schedule_id: &str) -> Result<(), Error> {
        let op = Client::op("delete_schedule", Method::Delete, "/schedule")
            .id("schedule_id", schedule_id);
        self.call_no_content(op).await
    }
}

marker_streams! {
    /// Every pipeline matching `request`, page after page.
    list_pipeline_stream(ListPipelineRequest) -> PipelineBrief = list_pipeline;
    /// Every schedule matching `request`, page after page.
    list_schedule_stream(ListScheduleRequest) -> ScheduleBrief = list_schedule;
}
