//! Driver of the `aihc-v2-train` fixtures (AIHC OpenAPI v2 training jobs,
//! resource pools and queues), recorded from the official Python SDK and,
//! for the pool and queue reads, the official Go SDK.
//!
//! The mapping is general: each line's arguments (Python keyword arguments,
//! or the Go request struct) are decoded into our request type by their
//! wire names, and the pool and queue of the job actions are taken from the
//! `resourcePoolId` and `queueID` arguments. A `None`/`null` argument is an
//! unset value (empty text, 0, absent).

use aihc_train::v2::*;
use bce_core::{Config, Error};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{boxed, CallFuture, Case, Compare, Driver};

/// Maps `aihc-v2-train` lines to [`aihc_train::v2::Client`].
#[derive(Debug, Default)]
pub struct TrainV2Driver;

/// The text of an argument (`null` and absent: empty; numbers as text).
fn text(args: &Value, name: &str) -> String {
    match args.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Decodes the arguments into one of our request types by wire names.
fn decode<T: DeserializeOwned>(args: &Value, what: &str) -> Result<T, Error> {
    serde_json::from_value(args.clone())
        .map_err(|e| Error::invalid_input(what, format!("cannot map the arguments: {e}")))
}

/// The job the arguments address.
fn job_key(args: &Value) -> JobKey {
    JobKey::new(
        text(args, "resourcePoolId"),
        text(args, "queueID"),
        text(args, "jobId"),
    )
}

/// The arguments of a line: the Python keyword arguments, or the Go request
/// struct (`null`: a nil pointer, which our typed API cannot express).
fn arguments(case: &Case) -> Result<Value, Error> {
    if case.is_python() {
        return Ok(case.input.clone());
    }
    let nested = [
        "describeResourcePoolsRequest",
        "describeResourceQueuesRequest",
    ]
    .iter()
    .find_map(|k| case.input.get(*k).map(|v| (*k, v)));
    match nested {
        Some((name, Value::Null)) => Err(Error::invalid_input(name, "is required")),
        Some((_, v)) => Ok(v.clone()),
        None => {
            // Go's DescribeResourceQueue takes `queueID`; the wire name is `queueId`.
            let mut args = case.input.clone();
            if let Some(q) = args.get("queueID").cloned() {
                args["queueId"] = q;
            }
            Ok(args)
        }
    }
}

async fn run(config: Config, op: String, args: Value) -> Result<(), Error> {
    let c = Client::new(config)?;
    let key = job_key(&args);
    match op.as_str() {
        "DescribeJobs" => {
            let mut r: DescribeJobsRequest = decode(&args, "request")?;
            r.resource_pool_id = key.resource_pool_id;
            r.queue_id = key.queue_id;
            c.describe_jobs(&r).await.map(drop)
        }
        "DescribeJob" => {
            let mut r: DescribeJobRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_job(&r).await.map(drop)
        }
        "CreateJob" => {
            let mut r: CreateJobRequest = decode(&args, "request")?;
            r.resource_pool_id = key.resource_pool_id;
            r.queue_id = key.queue_id;
            c.create_job(&r).await.map(drop)
        }
        "ModifyJob" => {
            let mut r: ModifyJobRequest = decode(&args, "request")?;
            r.job = key;
            c.modify_job(&r).await.map(drop)
        }
        "StopJob" => c.stop_job(&key).await.map(drop),
        "DeleteJob" => c.delete_job(&key).await.map(drop),
        "DescribeJobNodes" => c.describe_job_nodes(&key).await.map(drop),
        "DescribeJobEvents" => {
            let mut r: DescribeJobEventsRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_job_events(&r).await.map(drop)
        }
        "DescribeJobLogs" => {
            let mut r: DescribeJobLogsRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_job_logs(&r).await.map(drop)
        }
        "DescribePodEvents" => {
            let mut r: DescribePodEventsRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_pod_events(&r).await.map(drop)
        }
        "DescribeJobWebterminal" => {
            let mut r: DescribeJobWebterminalRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_job_webterminal(&r).await.map(drop)
        }
        "DescribeJobMetrics" => {
            let mut r: DescribeJobMetricsRequest = decode(&args, "request")?;
            r.job = key;
            c.describe_job_metrics(&r).await.map(drop)
        }
        "DescribeResourcePools" => {
            let r: DescribeResourcePoolsRequest = decode(&args, "request")?;
            c.describe_resource_pools(&r).await.map(drop)
        }
        "DescribeResourcePool" => c
            .describe_resource_pool(&text(&args, "resourcePoolId"))
            .await
            .map(drop),
        "DescribeResourcePoolOverview" => c.describe_resource_pool_overview().await.map(drop),
        "DescribeResourcePoolConfiguration" => c
            .describe_resource_pool_configuration(&text(&args, "resourcePoolId"))
            .await
            .map(drop),
        "DescribeQueues" => {
            let r: DescribeQueuesRequest = decode(&args, "request")?;
            c.describe_queues(&r).await.map(drop)
        }
        "DescribeQueue" => c.describe_queue(&text(&args, "queueId")).await.map(drop),
        other => Err(Error::invalid_input(
            "op",
            format!("unknown action {other}"),
        )),
    }
}

const ACTIONS: [&str; 18] = [
    "DescribeJobs",
    "DescribeJob",
    "CreateJob",
    "ModifyJob",
    "StopJob",
    "DeleteJob",
    "DescribeJobNodes",
    "DescribeJobEvents",
    "DescribeJobLogs",
    "DescribePodEvents",
    "DescribeJobWebterminal",
    "DescribeJobMetrics",
    "DescribeResourcePools",
    "DescribeResourcePool",
    "DescribeResourcePoolOverview",
    "DescribeResourcePoolConfiguration",
    "DescribeQueues",
    "DescribeQueue",
];

impl Driver for TrainV2Driver {
    fn service(&self) -> &'static str {
        "aihc-v2-train"
    }

    fn compare_mode(&self) -> Compare {
        Compare::Meaning
    }

    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        if !ACTIONS.contains(&case.op.as_str()) {
            return None;
        }
        let op = case.op.clone();
        let args = arguments(case);
        boxed(async move { run(config, op, args?).await })
    }
}
