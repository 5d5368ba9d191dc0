//! Missing ids and values are refused before anything is sent.

use std::collections::BTreeMap;

use aihc_train::v2::*;
use bce_testkit::RecordingTransport;

use crate::v2_common::*;
use crate::{calls, Call};

/// The test job with the id named `id` left empty.
fn key_without(id: &str) -> JobKey {
    let mut job = key();
    match id {
        "resourcePoolId" => job.resource_pool_id.clear(),
        "queueID" => job.queue_id.clear(),
        _ => job.job_id.clear(),
    }
    job
}

/// Every call that must be refused, with the field its error names.
fn refused_calls(c: &Client) -> Vec<(&'static str, Call)> {
    let spec = |image: &str, replicas| JobSpec {
        image: image.into(),
        replicas,
        ..Default::default()
    };
    let with_spec = |job_spec: JobSpecs| CreateJobRequest {
        job_spec,
        ..valid_create()
    };
    let create = |change: fn(&mut CreateJobRequest)| {
        let mut request = valid_create();
        change(&mut request);
        request
    };
    let no_image = with_spec(spec("", 1).into());
    let no_replicas = with_spec(spec("i", 0).into());
    let no_roles = with_spec(JobSpecs::Roles(BTreeMap::new()));
    let bad_role = with_spec(JobSpecs::Roles(BTreeMap::from([(
        "Worker".to_string(),
        spec("i", 0),
    )])));
    let events = DescribeJobEventsRequest {
        job: key_without("jobId"),
        ..Default::default()
    };
    let pod_events = DescribePodEventsRequest {
        job: key(),
        ..Default::default()
    };
    let terminal = DescribeJobWebterminalRequest {
        job: key(),
        ..Default::default()
    };
    let metrics = DescribeJobMetricsRequest {
        job: key(),
        ..Default::default()
    };
    let modify = ModifyJobRequest {
        job: key(),
        ..Default::default()
    };
    calls![c;
        "resourcePoolId" => |c| c.describe_jobs(&DescribeJobsRequest::default()),
        "resourcePoolId" => |c| c.describe_job(&DescribeJobRequest::new(key_without("resourcePoolId"))),
        "queueID" => |c| c.describe_job(&DescribeJobRequest::new(key_without("queueID"))),
        "jobId" => |c| c.describe_job(&DescribeJobRequest::new(key_without("jobId"))),
        "jobId" => |c| c.stop_job(&key_without("jobId")),
        "queueID" => |c| c.delete_job(&key_without("queueID")),
        "resourcePoolId" => |c| c.describe_job_nodes(&key_without("resourcePoolId")),
        "priority" => |c| c.modify_job(&modify),
        "jobId" => |c| c.describe_job_events(&events),
        "podName" => |c| c.describe_job_logs(&DescribeJobLogsRequest::new(key(), "")),
        "podName" => |c| c.describe_pod_events(&pod_events),
        "podName" => |c| c.describe_job_webterminal(&terminal),
        "metricType" => |c| c.describe_job_metrics(&metrics),
        "resourcePoolId" => |c| c.create_job(&create(|r| r.resource_pool_id.clear())),
        "queueID" => |c| c.create_job(&create(|r| r.queue_id.clear())),
        "name" => |c| c.create_job(&create(|r| r.name.clear())),
        "command" => |c| c.create_job(&create(|r| r.command.clear())),
        "jobSpec.image" => |c| c.create_job(&no_image),
        "jobSpec.replicas" => |c| c.create_job(&no_replicas),
        "jobSpec" => |c| c.create_job(&no_roles),
        "jobSpec.Worker.replicas" => |c| c.create_job(&bad_role),
        "resourcePoolType" => |c| c.describe_resource_pools(&DescribeResourcePoolsRequest::default()),
        "resourcePoolId" => |c| c.describe_resource_pool(""),
        "resourcePoolId" => |c| c.describe_resource_pool_configuration(""),
        "resourcePoolId" => |c| c.describe_queues(&DescribeQueuesRequest::default()),
        "queueId" => |c| c.describe_queue(""),
    ]
}

#[tokio::test]
async fn nothing_is_sent_for_bad_input() {
    let t = RecordingTransport::new();
    let c = Client::new(t.config()).unwrap();
    let calls = refused_calls(&c);
    assert_eq!(calls.len(), 26);
    for (field, call) in calls {
        let err = call.await.unwrap_err();
        assert!(err.is_invalid_input(), "{field}: {err:?}");
        assert!(
            err.to_string().contains(field),
            "{field} not named in: {err}"
        );
        assert!(t.requests().is_empty(), "{field}: something was sent");
    }

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
