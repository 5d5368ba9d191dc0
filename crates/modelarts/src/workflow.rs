//! Workflows: list, to-do list, schedules and service authentication (v2).

use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::Client;
use crate::json::{lenient_i64, null_default, JsonObject};
use crate::paging::{offset_limit_response, offset_limit_stream, Offset, OffsetLimitRequest};

/// Input of [`Client::list_workflows`]. Every field is an optional query
/// parameter; `Some("")` is sent as `name=` (only `None` is left out). The
/// SDK types `limit` and `offset` as strings too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListWorkflowsRequest {
    /// Query `name`: workflow name filter.
    pub name: Option<String>,
    /// Query `description`.
    pub description: Option<String>,
    /// Query `status`.
    pub status: Option<String>,
    /// Query `labels`.
    pub labels: Option<String>,
    /// Query `template_id`.
    pub template_id: Option<String>,
    /// Query `limit`: items per page.
    pub limit: Option<String>,
    /// Query `offset`: items to skip (records 20–29: offset 20, limit 10).
    pub offset: Option<String>,
    /// Query `sort_by`, e.g. `create_time`.
    pub sort_by: Option<String>,
    /// Query `search_type`: `equal` or `contain` (how the filters match).
    pub search_type: Option<String>,
}

/// Reply of [`Client::list_workflows`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListWorkflowsResponse {
    /// Matching workflows in all pages.
    #[serde(deserialize_with = "lenient_i64")]
    pub total: Option<i64>,
    /// Workflows in this page.
    #[serde(deserialize_with = "lenient_i64")]
    pub count: Option<i64>,
    /// The workflows.
    #[serde(deserialize_with = "null_default")]
    pub items: Vec<Workflow>,
}

/// A step of a workflow.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowStep {
    /// Name.
    pub name: Option<String>,
    /// Type, e.g. `job`, `condition`.
    #[serde(rename = "type")]
    pub step_type: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Inputs (`name`, `type`, `data`, `value`).
    #[serde(deserialize_with = "null_default")]
    pub inputs: Vec<Value>,
    /// Outputs (`name`, `type`, `config`).
    #[serde(deserialize_with = "null_default")]
    pub outputs: Vec<Value>,
    /// Step properties.
    pub properties: Option<Value>,
    /// Steps this one waits for.
    #[serde(deserialize_with = "null_default")]
    pub depend_steps: Vec<String>,
    /// Conditions (`type`, `left`, `right`).
    #[serde(deserialize_with = "null_default")]
    pub conditions: Vec<Value>,
    /// Steps run when the condition holds.
    #[serde(deserialize_with = "null_default")]
    pub if_then_steps: Vec<String>,
    /// Steps run otherwise.
    #[serde(deserialize_with = "null_default")]
    pub else_then_steps: Vec<String>,
    /// Polling policy (`poll_interval_seconds`, `max_execution_minutes`).
    pub policy: Option<Value>,
}

/// A data item of a workflow.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowData {
    /// Name.
    pub name: Option<String>,
    /// Type, e.g. `obs`.
    #[serde(rename = "type")]
    pub data_type: Option<String>,
    /// Value, e.g. `{"obs_url": "/bucket/path/"}`.
    pub value: Option<Value>,
    /// Steps using it.
    #[serde(deserialize_with = "null_default")]
    pub used_steps: Vec<String>,
}

/// A parameter of a workflow.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowParameter {
    /// Name.
    pub name: Option<String>,
    /// Type, e.g. `str`, `bool`.
    #[serde(rename = "type")]
    pub param_type: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Example value.
    pub example: Option<Value>,
    /// Whether the value is given at run time.
    pub delay: Option<bool>,
    /// Default value.
    pub default: Option<Value>,
    /// Value.
    pub value: Option<Value>,
    /// Allowed values.
    #[serde(rename = "enum", deserialize_with = "null_default")]
    pub allowed: Vec<Value>,
    /// Steps using it.
    #[serde(deserialize_with = "null_default")]
    pub used_steps: Vec<String>,
    /// Format, e.g. `flavor`.
    pub format: Option<String>,
    /// Constraints.
    pub constraint: Option<Value>,
}

/// The last execution of a workflow.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowLatestExecution {
    /// Execution id.
    pub execution_id: Option<String>,
    /// Start time.
    pub created_at: Option<String>,
    /// Status, e.g. `completed`.
    pub status: Option<String>,
    /// Steps running.
    #[serde(deserialize_with = "null_default")]
    pub running_steps: Vec<String>,
    /// Current steps.
    #[serde(deserialize_with = "null_default")]
    pub current_steps: Vec<String>,
    /// Duration in seconds.
    #[serde(deserialize_with = "lenient_i64")]
    pub duration: Option<i64>,
}

/// A named group of steps.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowSubGraph {
    /// Name.
    pub name: Option<String>,
    /// Its steps.
    #[serde(deserialize_with = "null_default")]
    pub steps: Vec<String>,
}

/// A workflow.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workflow {
    /// Name.
    pub name: Option<String>,
    /// Id.
    pub workflow_id: Option<String>,
    /// Creation time.
    pub created_at: Option<String>,
    /// Last change.
    pub last_modified_at: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Owner.
    pub user_name: Option<String>,
    /// Workspace id.
    pub workspace_id: Option<String>,
    /// The workflow this one was copied from.
    pub source_workflow_id: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// ExeML template id.
    pub exeml_template_id: Option<String>,
    /// Subscription id.
    pub subscription_id: Option<String>,
    /// Number of runs.
    #[serde(deserialize_with = "lenient_i64")]
    pub run_count: Option<i64>,
    /// Whether every parameter is set.
    pub param_ready: Option<bool>,
    /// Whether it comes with a subscription.
    pub with_subscription: Option<bool>,
    /// Whether SMN notification is on.
    pub smn_switch: Option<bool>,
    /// Labels.
    #[serde(deserialize_with = "null_default")]
    pub labels: Vec<String>,
    /// Steps.
    #[serde(deserialize_with = "null_default")]
    pub steps: Vec<WorkflowStep>,
    /// Data requirements.
    #[serde(deserialize_with = "null_default")]
    pub data_requirements: Vec<Value>,
    /// Data.
    #[serde(deserialize_with = "null_default")]
    pub data: Vec<WorkflowData>,
    /// Parameters.
    #[serde(deserialize_with = "null_default")]
    pub parameters: Vec<WorkflowParameter>,
    /// Gallery subscription (`content_id`, `version_id`, `expired_at`).
    pub gallery_subscription: Option<Value>,
    /// The last execution.
    pub latest_execution: Option<WorkflowLatestExecution>,
    /// Storages (`name`, `type`, `path`).
    #[serde(deserialize_with = "null_default")]
    pub storages: Vec<Value>,
    /// Assets (`name`, `type`, `content_id`, `subscription_id`, `expired_at`).
    #[serde(deserialize_with = "null_default")]
    pub assets: Vec<Value>,
    /// Step groups.
    #[serde(deserialize_with = "null_default")]
    pub sub_graphs: Vec<WorkflowSubGraph>,
    /// Extension data.
    pub extend: Option<Value>,
    /// Policy (`use_scene`, `scene_id`, `scenes`).
    pub policy: Option<Value>,
    /// Package (`package_id`, `status`, `order`, consumption limits, …).
    pub package: Option<Value>,
}

/// Input of [`Client::show_workflows_todolist`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowWorkflowsTodolistRequest {
    /// Query `workspace_id` (the default workspace is `"0"`).
    pub workspace_id: Option<String>,
}

/// Reply of [`Client::show_workflows_todolist`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowWorkflowsTodolistResponse {
    /// Number of items.
    #[serde(deserialize_with = "lenient_i64")]
    pub total: Option<i64>,
    /// The to-do items.
    #[serde(deserialize_with = "null_default")]
    pub items: Vec<WorkflowTodo>,
}

/// A workflow step waiting for the user.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowTodo {
    /// Since when.
    pub time: Option<String>,
    /// Running time.
    #[serde(deserialize_with = "lenient_i64")]
    pub duration: Option<i64>,
    /// Workflow id.
    pub workflow_id: Option<String>,
    /// Workflow name.
    pub workflow_name: Option<String>,
    /// Execution id.
    pub execution_id: Option<String>,
    /// Step name.
    pub step_name: Option<String>,
    /// Step title.
    pub step_title: Option<String>,
    /// Status, e.g. `wait_inputs`, `hold`.
    pub status: Option<String>,
}

/// Billing of a paid workflow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowConsume {
    /// Billing period, e.g. `day`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Usable amount.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_i64"
    )]
    pub value: Option<i64>,
}

/// Body of [`Client::create_workflow_service_auth`]; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateWorkflowServiceAuthBody {
    /// Online service id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_service_id: Option<String>,
    /// Gallery asset id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<String>,
    /// Billing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consume: Option<WorkflowConsume>,
}

/// Input of [`Client::create_workflow_service_auth`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateWorkflowServiceAuthRequest {
    /// The body; `None` sends no body at all (as the SDK does).
    pub body: Option<CreateWorkflowServiceAuthBody>,
}

/// Reply of [`Client::create_workflow_service_auth`].
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateWorkflowServiceAuthResponse {
    /// Authentication result.
    #[serde(deserialize_with = "crate::json::lenient_string")]
    pub result: Option<String>,
}

/// What a schedule does when a run fails or is still running.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowSchedulePolicies {
    /// On failure, e.g. `retry`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<String>,
    /// When the previous run is still running, e.g. `cancel`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_running: Option<String>,
}

/// A workflow schedule: body of [`Client::create_workflow_schedule`] and
/// reply of the three schedule operations. Fields are sent in the SDK
/// model's order; `None` fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowSchedule {
    /// Schedule type (only `time`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub schedule_type: Option<String>,
    /// Free-form content, e.g. `{"cron": "0 0 0 * * Thu,Tue", "method": "fixed"}`
    /// (sent in the order given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<JsonObject>,
    /// Action (only `run`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Workflow id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// User id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Whether the schedule is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Schedule id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Policies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<WorkflowSchedulePolicies>,
    /// Creation time (RFC 3339 with offset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// Input of [`Client::create_workflow_schedule`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateWorkflowScheduleRequest {
    /// Path parameter `workflow_id`.
    pub workflow_id: String,
    /// The schedule; `None` sends no body at all.
    pub body: Option<WorkflowSchedule>,
}

/// Input of [`Client::show_workflow_schedule`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowWorkflowScheduleRequest {
    /// Path parameter `workflow_id`.
    pub workflow_id: String,
    /// Path parameter `schedule_id`.
    pub schedule_id: String,
}

impl ShowWorkflowScheduleRequest {
    /// Names schedule `schedule_id` of workflow `workflow_id`.
    pub fn new(workflow_id: impl Into<String>, schedule_id: impl Into<String>) -> Self {
        ShowWorkflowScheduleRequest {
            workflow_id: workflow_id.into(),
            schedule_id: schedule_id.into(),
        }
    }
}

/// Body of [`Client::update_workflow_schedule`]; `false` is sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateWorkflowScheduleBody {
    /// New content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<JsonObject>,
    /// Turn the schedule on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
}

/// Input of [`Client::update_workflow_schedule`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateWorkflowScheduleRequest {
    /// Path parameter `workflow_id`.
    pub workflow_id: String,
    /// Path parameter `schedule_id`.
    pub schedule_id: String,
    /// The change; `None` sends no body at all.
    pub body: Option<UpdateWorkflowScheduleBody>,
}

/// The SDK types `offset` and `limit` as strings: they are read as
/// integers (a value that is not one counts as unset) and sent as text.
impl OffsetLimitRequest for ListWorkflowsRequest {
    fn offset(&self) -> Option<i64> {
        parse_count(self.offset.as_deref())
    }
    fn limit(&self) -> Option<i64> {
        parse_count(self.limit.as_deref())
    }
    fn set_page(&mut self, offset: i64, limit: i64) {
        self.offset = Some(offset.to_string());
        self.limit = Some(limit.to_string());
    }
}

fn parse_count(text: Option<&str>) -> Option<i64> {
    text.and_then(|t| t.trim().parse().ok())
}

offset_limit_response!(ListWorkflowsResponse: items => Workflow, total);

impl Client {
    /// Lists workflows, one page (`GET /v2/{project_id}/workflows`).
    pub async fn list_workflows(
        &self,
        request: &ListWorkflowsRequest,
    ) -> Result<ListWorkflowsResponse, Error> {
        let op = self
            .request("ListWorkflows", Method::Get, "v2")
            .path("/workflows")
            .query_opt("name", request.name.as_deref())
            .query_opt("description", request.description.as_deref())
            .query_opt("status", request.status.as_deref())
            .query_opt("labels", request.labels.as_deref())
            .query_opt("template_id", request.template_id.as_deref())
            .query_opt("limit", request.limit.as_deref())
            .query_opt("offset", request.offset.as_deref())
            .query_opt("sort_by", request.sort_by.as_deref())
            .query_opt("search_type", request.search_type.as_deref());
        self.call(op).await
    }

    /// Every matching workflow, page after page: `offset` advances by the
    /// items received, from `request.offset` (default 0) with
    /// `request.limit` per page (default 100); stops on an empty or short
    /// page or when `total` is reached.
    pub fn list_workflows_stream(
        &self,
        request: ListWorkflowsRequest,
    ) -> impl Stream<Item = Result<Workflow, Error>> + '_ {
        offset_limit_stream(request, Offset::ItemCount, move |r| async move {
            self.list_workflows(&r).await
        })
    }

    /// Lists the workflow steps waiting for the user
    /// (`GET /v2/{project_id}/workflows/todolist`).
    pub async fn show_workflows_todolist(
        &self,
        request: &ShowWorkflowsTodolistRequest,
    ) -> Result<ShowWorkflowsTodolistResponse, Error> {
        let op = self
            .request("ShowWorkflowsTodolist", Method::Get, "v2")
            .path("/workflows/todolist")
            .query_opt("workspace_id", request.workspace_id.as_deref());
        self.call(op).await
    }

    /// Authenticates an online service of a paid workflow
    /// (`POST /v2/{project_id}/workflows/service/auth`).
    pub async fn create_workflow_service_auth(
        &self,
        request: &CreateWorkflowServiceAuthRequest,
    ) -> Result<CreateWorkflowServiceAuthResponse, Error> {
        let op = self
            .request("CreateWorkflowServiceAuth", Method::Post, "v2")
            .path("/workflows/service/auth")
            .json_body(request.body.as_ref());
        self.call(op).await
    }

    /// Creates a workflow schedule
    /// (`POST /v2/{project_id}/workflows/{workflow_id}/schedules`).
    pub async fn create_workflow_schedule(
        &self,
        request: &CreateWorkflowScheduleRequest,
    ) -> Result<WorkflowSchedule, Error> {
        let op = self
            .request("CreateWorkflowSchedule", Method::Post, "v2")
            .path("/workflows")
            .segment("workflow_id", &request.workflow_id)
            .path("/schedules")
            .json_body(request.body.as_ref());
        self.call(op).await
    }

    /// Shows a workflow schedule
    /// (`GET /v2/{project_id}/workflows/{workflow_id}/schedules/{schedule_id}`).
    pub async fn show_workflow_schedule(
        &self,
        request: &ShowWorkflowScheduleRequest,
    ) -> Result<WorkflowSchedule, Error> {
        let op = self
            .request("ShowWorkflowSchedule", Method::Get, "v2")
            .path("/workflows")
            .segment("workflow_id", &request.workflow_id)
            .path("/schedules")
            .segment("schedule_id", &request.schedule_id);
        self.call(op).await
    }

    /// Changes a workflow schedule's content or switches it on or off
    /// (`PUT /v2/{project_id}/workflows/{workflow_id}/schedules/{schedule_id}`).
    pub async fn update_workflow_schedule(
        &self,
        request: &UpdateWorkflowScheduleRequest,
    ) -> Result<WorkflowSchedule, Error> {
        let op = self
            .request("UpdateWorkflowSchedule", Method::Put, "v2")
            .path("/workflows")
            .segment("workflow_id", &request.workflow_id)
            .path("/schedules")
            .segment("schedule_id", &request.schedule_id)
            .json_body(request.body.as_ref());
        self.call(op).await
    }
}
