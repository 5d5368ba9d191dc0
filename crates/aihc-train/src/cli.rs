//! The operation table of `aihc-train` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-train <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions. [`OPERATIONS_V2`] is the table of
//! the OpenAPI v2 ([`crate::v2`]), `bcectl aihc-train-v2 <operation>`: its
//! job actions read the query parameters `resourcePoolId` and `queueId`
//! (also spelt `queueID`) from the same object as the body fields.

use bce_core::cli::{arg_body, lookup_str, skeleton_body, CliInput};
use bce_core::Error;
use serde_json::{Map, Value};

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

/// Implements [`CliInput`] for v2 requests whose pool and queue are query
/// parameters (`#[serde(skip)]` in the body): the body fields, plus
/// `resourcePoolId` and `queueId` from the same object.
macro_rules! pool_and_queue {
    ($($ty:ty => |$r:ident| $pool:expr, $queue:expr;)*) => {$(
        impl CliInput for $ty {
            fn read(input: &Value) -> Result<Self, Error> {
                let mut $r: $ty = arg_body(input)?;
                *$pool = lookup_str(input, "resourcePoolId").unwrap_or_default();
                *$queue = lookup_str(input, "queueId").unwrap_or_default();
                Ok($r)
            }

            fn skeleton(skeleton: &mut Map<String, Value>) {
                skeleton.insert("resourcePoolId".into(), Value::String(String::new()));
                skeleton.insert("queueId".into(), Value::String(String::new()));
                skeleton_body::<$ty>(skeleton);
            }
        }
    )*};
}

pool_and_queue! {
    v2::JobKey => |r| &mut r.resource_pool_id, &mut r.queue_id;
    v2::DescribeJobsRequest => |r| &mut r.resource_pool_id, &mut r.queue_id;
    v2::CreateJobRequest => |r| &mut r.resource_pool_id, &mut r.queue_id;
    v2::DescribeJobRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::ModifyJobRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::DescribeJobEventsRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::DescribeJobLogsRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::DescribePodEventsRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::DescribeJobWebterminalRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
    v2::DescribeJobMetricsRequest => |r| &mut r.job.resource_pool_id, &mut r.job.queue_id;
}

bce_core::cli_operations! {
    /// Every operation of the OpenAPI v2 ([`crate::v2`]), for `bcectl` and other tools.
    pub static OPERATIONS_V2: v2::Client = {
        service: "aihc-train-v2",
        doc: "AIHC training (OpenAPI v2): jobs, logs, events, metrics, resource pools, queues",
        connect: v2::Client::new,
        operations: [
            describe_jobs "Lists the jobs of a pool, one page (POST /?action=DescribeJobs&resourcePoolId=…)" (input: v2::DescribeJobsRequest),
            describe_job "One job (POST /?action=DescribeJob), with its pods when need_detail is set" (input: v2::DescribeJobRequest),
            create_job "Creates a job (POST /?action=CreateJob)" (input: v2::CreateJobRequest),
            modify_job "Changes the priority of a job (POST /?action=ModifyJob)" (input: v2::ModifyJobRequest),
            stop_job "Stops a job (POST /?action=StopJob; PyTorchJob and MPIJob)" (input: v2::JobKey),
            delete_job "Deletes a job (POST /?action=DeleteJob)" (input: v2::JobKey),
            describe_job_events "Events of a job (POST /?action=DescribeJobEvents)" (input: v2::DescribeJobEventsRequest),
            describe_job_logs "One page of a pod's log (POST /?action=DescribeJobLogs); see Client::follow_job_logs to follow it" (input: v2::DescribeJobLogsRequest),
            describe_pod_events "Events of one pod (POST /?action=DescribePodEvents; the Python SDK calls it describe_job_pod_events)" (input: v2::DescribePodEventsRequest),
            describe_job_nodes "The nodes a job runs on (POST /?action=DescribeJobNodes)" (input: v2::JobKey),
            describe_job_webterminal "A web terminal URL into a pod (POST /?action=DescribeJobWebterminal)" (input: v2::DescribeJobWebterminalRequest),
            describe_job_metrics "Metrics of a job (POST /?action=DescribeJobMetrics)" (input: v2::DescribeJobMetricsRequest),
            describe_resource_pools "Lists resource pools of a kind, one page (GET /?action=DescribeResourcePools)" (body: v2::DescribeResourcePoolsRequest),
            describe_resource_pool "One resource pool (GET /?action=DescribeResourcePool&resourcePoolId=…)" (str "resourcePoolId"),
            describe_resource_pool_overview "Node, resource and accelerator statistics of every pool (GET /?action=DescribeResourcePoolOverview)" (),
            describe_resource_pool_configuration "The switches of a resource pool (GET /?action=DescribeResourcePoolConfiguration&resourcePoolId=…)" (str "resourcePoolId"),
            describe_queues "Lists the queues of a pool, one page (GET /?action=DescribeQueues)" (body: v2::DescribeQueuesRequest),
            describe_queue "One queue (GET /?action=DescribeQueue&queueId=…)" (str "queueId"),
        ],
    };
}
