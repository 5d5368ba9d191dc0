//! The operation table of `modelarts` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl modelarts <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions.
//!
//! ModelArts signs with Huawei's SDK-HMAC-SHA256, not BCE keys: the client
//! reads the official SDK's settings through the tool (`huaweicloud_sdk_ak`,
//! `huaweicloud_sdk_sk`, `huaweicloud_sdk_security_token`,
//! `huaweicloud_sdk_project_id`, `huaweicloud_sdk_region`,
//! `huaweicloud_sdk_modelarts_endpoint`; `bcectl` answers them from the
//! environment variables of those names in upper case, else the profile),
//! and the configuration's endpoint wins when set.

use bce_core::cli::Connection;
use bce_core::Error;

use crate::*;

/// Builds the client from the tool's settings (see the module documentation).
fn connect(connection: &Connection<'_>) -> Result<Client, Error> {
    let mut builder =
        ClientBuilder::from_lookup(|key| connection.setting(&key.to_ascii_lowercase()))?
            .config(connection.config.clone());
    if let Some(endpoint) = connection.config.endpoint() {
        builder = builder.endpoint(endpoint.base_url());
    }
    builder.build()
}

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "modelarts",
        doc: "Huawei Cloud ModelArts: pools, workflows and schedules, notebook tags, app authorization, clusters, services",
        connect_with: connect,
        bce_credentials: false,
        operations: [
            list_apps "Lists the APIG apps, one page (GET /v1/{project_id}/app-auth/apps)" (body: ListAppsRequest),
            list_app_auth_apis "Lists the APIs bound to an app, one page (GET /v1/{project_id}/app-auth/apps/{app_id}/auth-apis)" (body: ListAppAuthApisRequest),
            list_api_auths "Lists the apps authorised (or not) on an API, one page (GET /v1/{project_id}/services/{service_id}/app-auth-apis/{api_id}/api-auths)" (body: ListApiAuthsRequest),
            list_clusters "Lists dedicated clusters, one page (GET /v1/{project_id}/clusters)" (body: ListClustersRequest),
            create_notebook_tags "Adds tags to a notebook (POST /v1/{project_id}/notebooks/{resource_id}/tags/create)" (body: CreateNotebookTagsRequest),
            list_pool_nodes "Lists the nodes of a pool, one page (GET /v2/{project_id}/pools/{pool_name}/nodes)" (body: ListPoolNodesRequest),
            show_pool "Shows a pool (GET /v2/{project_id}/pools/{pool_name})" (body: ShowPoolRequest),
            create_service "Creates an inference service, v1 form (POST /v1/{project_id}/services)" (body: CreateServiceRequest),
            show_auto_search_yaml_templates_info "Lists the AutoSearch YAML templates (GET /v2/{project_id}/training-jobs/autosearch/yaml-templates)" (),
            list_workflows "Lists workflows, one page (GET /v2/{project_id}/workflows)" (body: ListWorkflowsRequest),
            show_workflows_todolist "Lists the workflow steps waiting for the user (GET /v2/{project_id}/workflows/todolist)" (body: ShowWorkflowsTodolistRequest),
            create_workflow_service_auth "Authenticates an online service of a paid workflow (POST /v2/{project_id}/workflows/service/auth)" (body: CreateWorkflowServiceAuthRequest),
            create_workflow_schedule "Creates a workflow schedule (POST /v2/{project_id}/workflows/{workflow_id}/schedules)" (body: CreateWorkflowScheduleRequest),
            show_workflow_schedule "Shows a workflow schedule (GET /v2/{project_id}/workflows/{workflow_id}/schedules/{schedule_id})" (body: ShowWorkflowScheduleRequest),
            update_workflow_schedule "Changes a workflow schedule's content or switches it on or off (PUT /v2/{project_id}/workflows/{workflow_id}/schedules/{schedule_id})" (body: UpdateWorkflowScheduleRequest),
        ],
    };
}
