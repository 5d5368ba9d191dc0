//! The operation table of `aihc-train` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-train <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions.

use crate::*;

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "aihc-train",
        doc: "AIHC training (v1): resource pools, nodes, queues, jobs, events, logs, metrics",
        connect: Client::new,
        operations: [
            list_jobs "Lists jobs of a pool (GET /api/v1/aijobs)" (body: ListJobsRequest),
            create_job "Creates a job (POST /api/v1/aijobs)" (body: CreateJobRequest, body: CreateJobOptions),
            get_job "One job with its pods (GET /api/v1/aijobs/{jobId})" (body: JobOptions),
            update_job "Changes the priority of a job (PUT /api/v1/aijobs/{jobId})" (body: UpdateJobRequest, body: JobOptions),
            stop_job "Stops a job (POST /api/v1/aijobs/{jobId}/stop)" (body: JobOptions),
            delete_job "Deletes a job (DELETE /api/v1/aijobs/{jobId})" (body: JobOptions),
            get_task_event "Events of a job (GET /api/v1/aijobs/{jobId}/events)" (body: GetTaskEventRequest),
            get_pod_events "Events of one pod (GET /api/v1/aijobs/{jobId}/pods/{pod}/events)" (body: GetPodEventsRequest),
            get_pod_logs "Log lines of one pod (GET /api/v1/aijobs/{jobId}/pods/{pod}/logs)" (body: GetPodLogsRequest),
            get_task_metrics "Metrics of a job (GET /api/v1/aijobs/{jobId}/metrics)" (body: GetTaskMetricsRequest),
            get_job_nodes_list "Nodes of a job (GET /api/v1/aijobs/{jobId}/nodes)" (body: GetJobNodesListOptions),
            get_web_ssh_url "Web terminal URL of a pod (GET …/pods/{pod}/webterminal)" (body: GetWebSshUrlRequest),
            list_resource_pool "Lists resource pools (GET /api/v1/resourcepools)" (body: ListResourcePoolRequest),
            get_resource_pool "One resource pool (GET /api/v1/resourcepools/{id})" (str "resourcePoolId"),
            list_node_by_resource_pool_id "Nodes of a resource pool (GET /api/v1/resourcepools/{id}/nodes)" (str "resourcePoolId", body: ListNodeRequest),
            list_queue "Queues of a pool (GET /api/v1/resourcepools/{id}/queue)" (str "resourcePoolId", body: ListQueueRequest),
            get_queue "One queue (GET /api/v1/resourcepools/{id}/queue/{name})" (str "resourcePoolId", str "queueName"),
            file_upload "Asks for temporary BOS credentials to upload job code (GET /api/v1/aijobs/cluster/ai/uploadCode)" (body: FileUploadRequest),
        ],
    };
}
