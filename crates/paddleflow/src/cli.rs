//! The operation table of `paddleflow` for command line tools (feature
//! `cli`): every operation of the server, reachable as
//! `bcectl paddleflow <operation>` (login is automatic; `mount` runs
//! locally and is left out).
//!
//! The client is built from the tool's settings: the server address from
//! the configuration's endpoint, else the setting `paddleflow_server`
//! (default `127.0.0.1:8999`); the login from `paddleflow_user` and
//! `paddleflow_password`, or a token from `paddleflow_token`. Input objects
//! use the request's JSON field names; see [`bce_core::cli`].

use bce_core::cli::Connection;
use bce_core::Error;

use crate::*;

/// Builds the client from the tool's settings (see the module documentation).
fn connect(connection: &Connection<'_>) -> Result<Client, Error> {
    let address = match connection.config.endpoint() {
        Some(endpoint) => endpoint.base_url(),
        None => connection
            .setting("paddleflow_server")
            .unwrap_or_else(|| format!("127.0.0.1:{DEFAULT_PORT}")),
    };
    let mut builder = Client::builder(address).config(connection.config.to_builder());
    match (
        connection.setting("paddleflow_user"),
        connection.setting("paddleflow_password"),
        connection.setting("paddleflow_token"),
    ) {
        (_, _, Some(token)) => builder = builder.token(token),
        (Some(user), Some(password), None) => builder = builder.login(user, password),
        _ => {
            return Err(Error::credentials(
                "no PaddleFlow login: set paddleflow_user and paddleflow_password (or paddleflow_token)",
                None,
            ))
        }
    }
    builder.build()
}

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "paddleflow",
        doc: "PaddleFlow server: runs, pipelines, schedules, queues, file systems, jobs, clusters, users",
        connect_with: connect,
        bce_credentials: false,
        operations: [
            create_cluster "Registers a cluster (POST /api/paddleflow/v1/cluster; root only)" (body: CreateClusterRequest),
            list_cluster "One page of clusters (GET /api/paddleflow/v1/cluster)" (body: ListClusterRequest),
            show_cluster "One cluster (GET /api/paddleflow/v1/cluster/{clusterName})" (str "clusterName"),
            update_cluster "Changes a cluster (PUT /api/paddleflow/v1/cluster/{clusterName})" (str "clusterName", body: UpdateClusterRequest),
            delete_cluster "Deletes a cluster (DELETE /api/paddleflow/v1/cluster/{clusterName})" (str "clusterName"),
            list_cluster_resource "Resources of clusters by node (GET /api/paddleflow/v1/cluster/resource, the names sent comma-separated as clusterNames; all clusters when empty)" (field "clusterNames": Vec<String>),
            list_cluster_resource_v2 "Resources of clusters by node, paged and filtered (POST /api/paddleflow/v1/cluster/resource)" (body: ListClusterResourceV2Request),
            list_flavour "One page of flavours (GET /api/paddleflow/v1/flavour)" (body: ListFlavourRequest),
            show_flavour "One flavour (GET /api/paddleflow/v1/flavour/{name})" (str "name"),
            add_flavour "Creates a flavour (POST /api/paddleflow/v1/flavour)" (body: AddFlavourRequest),
            update_flavour "Changes a flavour (PUT /api/paddleflow/v1/flavour/{name})" (str "name", body: UpdateFlavourRequest),
            del_flavour "Deletes a flavour (DELETE /api/paddleflow/v1/flavour/{name})" (str "name"),
            add_fs "Creates a file system (POST /api/paddleflow/v1/fs, answer 201)" (body: AddFsRequest),
            show_fs "One file system (GET /api/paddleflow/v1/fs/{fsName}, optional query username for root acting on another user's)" (str "fsName", optstr "username"),
            delete_fs "Deletes a file system (DELETE /api/paddleflow/v1/fs/{fsName})" (str "fsName", optstr "username"),
            list_fs "One page of file systems (GET /api/paddleflow/v1/fs)" (body: ListFsRequest),
            create_cache "Configures the cache of a file system (POST /api/paddleflow/v1/fsCache, answer 201 without a body)" (body: CreateCacheRequest),
            update_fs_cache "Sends PUT /api/paddleflow/v1/fsCache/{fsName} with the options, as the Python SDK does" (str "fsName", body: FsCacheOptions, optstr "username"),
            get_fs_cache "A file system's cache configuration (GET /api/paddleflow/v1/fsCache/{fsName})" (str "fsName", optstr "username"),
            delete_fs_cache "Removes a file system's cache configuration (DELETE /api/paddleflow/v1/fsCache/{fsName})" (str "fsName", optstr "username"),
            add_link "Links another storage under a path of a file system (POST /api/paddleflow/v1/link, answer 201 without a body)" (body: AddLinkRequest),
            delete_link "Removes a link (DELETE /api/paddleflow/v1/link/{fsName}?fsPath=…)" (str "fsName", str "fsPath", optstr "username"),
            list_link "One page of a file system's links (GET /api/paddleflow/v1/link/{fsName})" (body: ListLinkRequest),
            show_link "The link at fs_path (GET /api/paddleflow/v1/link/{fsName}?fsPath=…; same route and answer shape as Client::list_link, filtered)" (str "fsName", str "fsPath", optstr "username"),
            create_job "Submits a job (POST /api/paddleflow/v1/job/{single|distributed|workflow})" (value "jobType": JobType, body: CreateJobRequest),
            show_job "One job (GET /api/paddleflow/v1/job/{jobID})" (str "jobId"),
            list_job "One page of jobs (GET /api/paddleflow/v1/job)" (body: ListJobRequest),
            update_job "Changes a job's priority, labels or annotations (PUT /api/paddleflow/v1/job/{jobID}?action=modify)" (str "jobId", body: UpdateJobRequest),
            stop_job "Stops a job (PUT /api/paddleflow/v1/job/{jobID}?action=stop, no body)" (str "jobId"),
            delete_job "Deletes a job (DELETE /api/paddleflow/v1/job/{jobID})" (str "jobId"),
            show_log "A page of a run's logs, one entry per job (GET /api/paddleflow/v1/log/run/{runID})" (str "runId", body: ShowLogRequest),
            show_log_by_limit "The log of a job, pod or deployment, limited by lines or size (GET /api/paddleflow/v1/log/job)" (body: ShowLogByLimitRequest),
            get_statistics "Current metrics of a job (GET /api/paddleflow/v1/statistics/job/{jobID})" (str "jobId"),
            get_statistics_detail "Metrics of a job over time (GET /api/paddleflow/v1/statistics/jobDetail/{jobID})" (str "jobId", body: StatisticsDetailRequest),
            get_cardtime_by_queue_name "Card hours of queues in a time window (POST /api/paddleflow/v1/statistics/cardTime; times YYYY-MM-DD HH:MM:SS, sent as null when unset)" (field "queueNames": Vec<String>, optstr "startTime", optstr "endTime"),
            create_pipeline "Creates a pipeline (POST /api/paddleflow/v1/pipeline, answer 201)" (body: CreatePipelineRequest),
            list_pipeline "One page of pipelines (GET /api/paddleflow/v1/pipeline)" (body: ListPipelineRequest),
            show_pipeline "A pipeline and a page of its versions (GET /api/paddleflow/v1/pipeline/{pipelineID})" (str "pipelineId", body: ShowPipelineRequest),
            update_pipeline "Adds a version to a pipeline (**POST** /api/paddleflow/v1/pipeline/{pipelineID}, answer 201)" (str "pipelineId", body: UpdatePipelineRequest),
            delete_pipeline "Deletes a pipeline (DELETE /api/paddleflow/v1/pipeline/{pipelineID})" (str "pipelineId"),
            show_pipeline_version "One version of a pipeline (GET /api/paddleflow/v1/pipeline/{pipelineID}/{pipelineVersionID})" (str "pipelineId", str "pipelineVersionId"),
            delete_pipeline_version "Deletes a version of a pipeline (DELETE /api/paddleflow/v1/pipeline/{pipelineID}/{pipelineVersionID})" (str "pipelineId", str "pipelineVersionId"),
            create_schedule "Creates a schedule (POST /api/paddleflow/v1/schedule, answer 201)" (body: CreateScheduleRequest),
            list_schedule "One page of schedules (GET /api/paddleflow/v1/schedule)" (body: ListScheduleRequest),
            show_schedule "A schedule and a page of its runs (GET /api/paddleflow/v1/schedule/{scheduleID})" (str "scheduleId", body: ShowScheduleRequest),
            stop_schedule "Stops a schedule (PUT /api/paddleflow/v1/schedule/{scheduleID}, no body)" (str "scheduleId"),
            delete_schedule "Deletes a schedule (DELETE /api/paddleflow/v1/schedule/{scheduleID})" (str "scheduleId"),
            add_queue "Creates a queue (POST /api/paddleflow/v1/queue; root only)" (body: AddQueueRequest),
            update_queue "Changes a queue (PUT /api/paddleflow/v1/queue/{name}; root only)" (str "queueName", body: UpdateQueueRequest),
            del_queue "Deletes a queue (DELETE /api/paddleflow/v1/queue/{name}; root only)" (str "queueName"),
            list_queue "One page of queues (GET /api/paddleflow/v1/queue)" (body: ListQueueRequest),
            show_queue "One queue with its used and idle resources (GET /api/paddleflow/v1/queue/{name})" (str "queueName"),
            grant_queue "Lets a user submit to a queue (POST /api/paddleflow/v1/grant; root only)" (str "userName", str "queueName"),
            ungrant_queue "Withdraws a grant (DELETE /api/paddleflow/v1/grant with query username, resourceType=queue, resourceID; root only)" (str "userName", str "queueName"),
            show_queue_grant "One page of grants (GET /api/paddleflow/v1/grant; root only)" (body: ShowQueueGrantRequest),
            create_run "Starts a run (POST /api/paddleflow/v1/run, answer 201 {runID})" (body: CreateRunRequest),
            list_run "One page of runs (GET /api/paddleflow/v1/run)" (body: ListRunRequest),
            show_run "One run with its runtime DAG (GET /api/paddleflow/v1/run/{runID})" (str "runId"),
            stop_run "Stops a run (PUT /api/paddleflow/v1/run/{runID}?action=stop, body {\"stopForce\": force}; force also stops post-process steps and a run that is already terminating)" (str "runId", optvalue "force": bool),
            retry_run "Runs a failed or stopped run again (PUT /api/paddleflow/v1/run/{runID}?action=retry); answers the new run's id" (str "runId"),
            delete_run "Deletes a run (DELETE /api/paddleflow/v1/run/{runID}, body {\"checkCache\": …}; None sends null, which the server treats as true: refuse when other runs use this run's cache)" (str "runId", optvalue "checkCache": Option<bool>),
            list_cache "One page of run caches (GET /api/paddleflow/v1/runCache)" (body: ListCacheRequest),
            show_cache "One run cache (GET /api/paddleflow/v1/runCache/{cacheID})" (str "cacheId"),
            delete_cache "Deletes a run cache (DELETE /api/paddleflow/v1/runCache/{cacheID})" (str "cacheId"),
            list_artifact "One page of artifacts (GET /api/paddleflow/v1/artifact)" (body: ListArtifactRequest),
            get_version "The server's build information (GET /api/paddleflow/v1/version)" (),
            add_user "Creates a user (POST /api/paddleflow/v1/user; root only)" (str "userName", value "password": String),
            del_user "Deletes a user (DELETE /api/paddleflow/v1/user/{name}; root only)" (str "userName"),
            update_password "Changes a user's password (PUT /api/paddleflow/v1/user/{name})" (str "name", value "password": String),
            list_user "One page of users (GET /api/paddleflow/v1/user; root only)" (body: ListUserRequest),
        ],
    };
}
