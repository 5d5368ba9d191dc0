//! Missing ids and values are refused before anything is sent.

use std::collections::BTreeMap;

use aihc_train::v2::*;
use bce_testkit::RecordingTransport;

use crate::v2_common::*;

async fn refused<T: std::fmt::Debug>(
    transport: &RecordingTransport,
    field: &str,
    result: Result<T, bce_core::Error>,
) {
    let err = result.unwrap_err();
    assert!(err.is_invalid_input(), "{field}: {err:?}");
    assert!(
        err.to_string().contains(field),
        "{field} not named in: {err}"
    );
    assert!(
        transport.requests().is_empty(),
        "{field}: something was sent"
    );
}

fn valid_create() -> CreateJobRequest {
    CreateJobRequest {
        resource_pool_id: POOL.into(),
        queue_id: QUEUE.into(),
        name: "n".into(),
        command: "c".into(),
        job_spec: JobSpec {
            image: "i".into(),
            replicas: 1,
            ..Default::default()
        }
        .into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn nothing_is_sent_for_bad_input() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let no_pool = JobKey::new("", QUEUE, JOB);
    let no_queue = JobKey::new(POOL, "", JOB);
    let no_job = JobKey::new(POOL, QUEUE, "");

    refused(
        &t,
        "resourcePoolId",
        c.describe_jobs(&DescribeJobsRequest::default()).await,
    )
    .await;
    refused(
        &t,
        "resourcePoolId",
        c.describe_job(&DescribeJobRequest::new(no_pool.clone()))
            .await,
    )
    .await;
    refused(
        &t,
        "queueID",
        c.describe_job(&DescribeJobRequest::new(no_queue.clone()))
            .await,
    )
    .await;
    refused(
        &t,
        "jobId",
        c.describe_job(&DescribeJobRequest::new(no_job.clone()))
            .await,
    )
    .await;
    refused(&t, "jobId", c.stop_job(&no_job).await).await;
    refused(&t, "queueID", c.delete_job(&no_queue).await).await;
    refused(&t, "resourcePoolId", c.describe_job_nodes(&no_pool).await).await;
    refused(
        &t,
        "priority",
        c.modify_job(&ModifyJobRequest {
            job: key(),
            ..Default::default()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "jobId",
        c.describe_job_events(&DescribeJobEventsRequest {
            job: no_job.clone(),
            ..Default::default()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "podName",
        c.describe_job_logs(&DescribeJobLogsRequest::new(key(), ""))
            .await,
    )
    .await;
    refused(
        &t,
        "podName",
        c.describe_pod_events(&DescribePodEventsRequest {
            job: key(),
            ..Default::default()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "podName",
        c.describe_job_webterminal(&DescribeJobWebterminalRequest {
            job: key(),
            ..Default::default()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "metricType",
        c.describe_job_metrics(&DescribeJobMetricsRequest {
            job: key(),
            ..Default::default()
        })
        .await,
    )
    .await;

    refused(
        &t,
        "resourcePoolId",
        c.create_job(&CreateJobRequest {
            resource_pool_id: String::new(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "queueID",
        c.create_job(&CreateJobRequest {
            queue_id: String::new(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "name",
        c.create_job(&CreateJobRequest {
            name: String::new(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "command",
        c.create_job(&CreateJobRequest {
            command: String::new(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "jobSpec.image",
        c.create_job(&CreateJobRequest {
            job_spec: JobSpec {
                replicas: 1,
                ..Default::default()
            }
            .into(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "jobSpec.replicas",
        c.create_job(&CreateJobRequest {
            job_spec: JobSpec {
                image: "i".into(),
                ..Default::default()
            }
            .into(),
            ..valid_create()
        })
        .await,
    )
    .await;
    refused(
        &t,
        "jobSpec",
        c.create_job(&CreateJobRequest {
            job_spec: JobSpecs::Roles(BTreeMap::new()),
            ..valid_create()
        })
        .await,
    )
    .await;
    let bad_role = BTreeMap::from([(
        "Worker".to_string(),
        JobSpec {
            image: "i".into(),
            replicas: 0,
            ..Default::default()
        },
    )]);
    refused(
        &t,
        "jobSpec.Worker.replicas",
        c.create_job(&CreateJobRequest {
            job_spec: JobSpecs::Roles(bad_role),
            ..valid_create()
        })
        .await,
    )
    .await;

    refused(
        &t,
        "resourcePoolType",
        c.describe_resource_pools(&DescribeResourcePoolsRequest::default())
            .await,
    )
    .await;
    refused(&t, "resourcePoolId", c.describe_resource_pool("").await).await;
    refused(
        &t,
        "resourcePoolId",
        c.describe_resource_pool_configuration("").await,
    )
    .await;
    refused(
        &t,
        "resourcePoolId",
        c.describe_queues(&DescribeQueuesRequest::default()).await,
    )
    .await;
    refused(&t, "queueId", c.describe_queue("").await).await;

    // The valid create goes out.
    c.create_job(&valid_create()).await.unwrap_or_default_ok();
    assert_eq!(t.requests().len(), 1);
}

trait IgnoreDecode {
    fn unwrap_or_default_ok(self);
}

impl<T> IgnoreDecode for Result<T, bce_core::Error> {
    fn unwrap_or_default_ok(self) {
        if let Err(e) = self {
            assert!(!e.is_invalid_input(), "{e:?}");
        }
    }
}
