//! Dev machine lifecycle: create, list, inspect, modify, start, stop,
//! delete, timed stop and events.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::model::{CreateDevInstanceRequest, DevInstanceBrief, DevInstanceDetail};

/// Names one dev machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevInstanceIdRequest {
    /// Dev machine id.
    pub dev_instance_id: String,
}

/// The official SDK's name of [`DevInstanceIdRequest`].
pub type DevInstanceIdArgs = DevInstanceIdRequest;

impl DevInstanceIdRequest {
    /// Names the machine `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DevInstanceIdRequest {
            dev_instance_id: id.into(),
        }
    }
}

/// Filter and paging of [`Client::list_dev_instance`]; zero and empty
/// values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListDevInstanceRequest {
    /// Field to search, e.g. `name`.
    pub query_key: String,
    /// Search text.
    pub query_val: String,
    /// Resource pool id.
    #[serde(alias = "resourcePoolID")]
    pub resource_pool_id: String,
    /// Queue.
    pub queue_name: String,
    /// Only the caller's machines.
    pub only_my_devs: bool,
    /// Page number, from 1 (0 is not sent).
    pub page_number: u32,
    /// Page size (0 is not sent).
    pub page_size: u32,
    /// Only machines in this status.
    pub status: String,
    /// Field to sort by, e.g. `createdAt`.
    pub order_by: String,
    /// Sort direction, `asc` or `desc`.
    pub order: String,
}

/// The official SDK's name of [`ListDevInstanceRequest`].
pub type ListDevInstanceArgs = ListDevInstanceRequest;

/// Body of [`Client::timed_stop_dev_instance`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimedStopDevInstanceRequest {
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Seconds until the stop.
    pub delay_sec: i64,
    /// Turn the timer on or off.
    pub enable: bool,
}

/// The official SDK's name of [`TimedStopDevInstanceRequest`].
pub type TimedStopDevInstanceArgs = TimedStopDevInstanceRequest;

/// Filter and paging of [`Client::list_dev_instance_event`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListDevInstanceEventRequest {
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Page number (0 is not sent).
    pub page_number: u32,
    /// Page size (0 is not sent).
    pub page_size: u32,
    /// Start (ISO 8601, e.g. `2025-05-18T17:12:20.761Z`).
    pub start_time: String,
    /// End (ISO 8601).
    pub end_time: String,
    /// Event type, e.g. `Warning`.
    pub event_type: String,
    /// Message filter.
    pub message: String,
}

/// The official SDK's name of [`ListDevInstanceEventRequest`].
pub type ListDevInstanceEventArgs = ListDevInstanceEventRequest;

/// Answer naming the machine an action applied to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DevInstanceIdResponse {
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

/// A page of dev machines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ListDevInstanceResponse {
    /// The machines.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub dev_instances: Vec<DevInstanceBrief>,
    /// Total count.
    pub total_count: i64,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

/// One machine in detail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct QueryDevInstanceDetailResponse {
    /// The machine.
    pub dev_instance: DevInstanceDetail,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

/// An event of a dev machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DevInstanceEvent {
    /// Reason.
    pub reason: String,
    /// Message.
    pub message: String,
    /// First seen (Unix seconds, 64-bit).
    pub first_timestamp: i64,
    /// Last seen (Unix seconds, 64-bit).
    pub last_timestamp: i64,
    /// Occurrences.
    pub count: i64,
    /// `Normal` or `Warning`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A page of events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ListDevInstanceEventResponse {
    /// The events.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub events: Vec<DevInstanceEvent>,
    /// Total count.
    pub total_count: i64,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

bce_core::page_number_request!(
    ListDevInstanceRequest: page_number, page_size;
    ListDevInstanceEventRequest: page_number, page_size;
);

bce_core::page_number_response!(
    ListDevInstanceResponse: dev_instances => DevInstanceBrief, total_count;
    ListDevInstanceEventResponse: events => DevInstanceEvent, total_count;
);

/// `pageNumber` and `pageSize`, each sent when not 0.
fn page_query(op: bce_core::Operation, page_number: u32, page_size: u32) -> bce_core::Operation {
    op.query_opt("pageNumber", (page_number != 0).then_some(page_number))
        .query_opt("pageSize", (page_size != 0).then_some(page_size))
}

/// `size`, or the streams' page size of 20 when it is unset (0).
fn size_or_default(size: u32) -> u32 {
    Some(size).filter(|s| *s != 0).unwrap_or(20)
}

impl Client {
    /// Creates a dev machine (`POST /?action=CreateDevInstance`).
    pub async fn create_dev_instance(
        &self,
        args: &CreateDevInstanceRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::op("CreateDevInstance", Method::Post, "CreateDevInstance")
            .require("name", &args.name)
            .check(args.conf.is_some(), "conf", "must be set")
            .json(args);
        self.call(op).await
    }

    /// Lists dev machines (`GET /?action=DescribeDevInstances`).
    pub async fn list_dev_instance(
        &self,
        args: &ListDevInstanceRequest,
    ) -> Result<ListDevInstanceResponse, Error> {
        let op = Client::op("ListDevInstance", Method::Get, "DescribeDevInstances");
        let op = page_query(op, args.page_number, args.page_size)
            .query_if_not_empty("queryKey", &args.query_key)
            .query_if_not_empty("queryVal", &args.query_val)
            .query_if_not_empty("queueName", &args.queue_name)
            .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
            .query_opt("onlyMyDevs", args.only_my_devs.then_some("true"))
            .query_if_not_empty("status", &args.status)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("order", &args.order);
        self.call(op).await
    }

    /// All dev machines matching `args`, page after page (20 per page unless set).
    pub fn list_dev_instance_stream(
        &self,
        args: ListDevInstanceRequest,
    ) -> impl Stream<Item = Result<DevInstanceBrief, Error>> + '_ {
        let first = ListDevInstanceRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(
            first,
            move |r| async move { self.list_dev_instance(&r).await },
        )
    }

    /// One dev machine (`GET /?action=DescribeDevInstance`).
    pub async fn query_dev_instance_detail(
        &self,
        args: &DevInstanceIdRequest,
    ) -> Result<QueryDevInstanceDetailResponse, Error> {
        let op = Client::op("QueryDevInstanceDetail", Method::Get, "DescribeDevInstance")
            .require("devInstanceId", &args.dev_instance_id)
            .query("devInstanceId", &args.dev_instance_id);
        self.call(op).await
    }

    /// Modifies a dev machine (`POST /?action=ModifyDevInstance`); the machine
    /// is named by `args.id`.
    pub async fn update_dev_instance(
        &self,
        args: &CreateDevInstanceRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::op("UpdateDevInstance", Method::Post, "ModifyDevInstance")
            .require("id", &args.id)
            .check(args.conf.is_some(), "conf", "must be set")
            .json(args);
        self.call(op).await
    }

    fn id_action(
        name: &'static str,
        action: &str,
        args: &DevInstanceIdRequest,
    ) -> bce_core::Operation {
        Client::op(name, Method::Post, action)
            .require("devInstanceId", &args.dev_instance_id)
            .query("devInstanceId", &args.dev_instance_id)
    }

    /// Starts a dev machine (`POST /?action=StartDevInstance`). Starting a
    /// running machine changes nothing, so the call is retried like an
    /// idempotent one.
    pub async fn start_dev_instance(
        &self,
        args: &DevInstanceIdRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("StartDevInstance", "StartDevInstance", args).idempotent(true);
        self.call(op).await
    }

    /// Stops a dev machine (`POST /?action=StopDevInstance`); retried like
    /// an idempotent call.
    pub async fn stop_dev_instance(
        &self,
        args: &DevInstanceIdRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("StopDevInstance", "StopDevInstance", args).idempotent(true);
        self.call(op).await
    }

    /// Deletes a dev machine (`POST /?action=DeleteDevInstance`); retried
    /// like an idempotent call.
    pub async fn delete_dev_instance(
        &self,
        args: &DevInstanceIdRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("DeleteDevInstance", "DeleteDevInstance", args).idempotent(true);
        self.call(op).await
    }

    /// Schedules (or cancels) a stop (`POST /?action=TimedStopDevInstance`).
    pub async fn timed_stop_dev_instance(
        &self,
        args: &TimedStopDevInstanceRequest,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::op("TimedStopDevInstance", Method::Post, "TimedStopDevInstance")
            .require("devInstanceId", &args.dev_instance_id)
            .check(args.delay_sec >= 0, "delaySec", "must not be negative")
            .check(
                args.delay_sec <= i64::from(i32::MAX),
                "delaySec",
                "is too large",
            )
            .json(args)
            .idempotent(true);
        self.call(op).await
    }

    /// Events of dev machines (`GET /?action=DescribeDevInstanceEvents`).
    pub async fn list_dev_instance_event(
        &self,
        args: &ListDevInstanceEventRequest,
    ) -> Result<ListDevInstanceEventResponse, Error> {
        let op = Client::op(
            "ListDevInstanceEvent",
            Method::Get,
            "DescribeDevInstanceEvents",
        );
        let op = page_query(op, args.page_number, args.page_size)
            .query_if_not_empty("devInstanceId", &args.dev_instance_id)
            .query_if_not_empty("startTime", &args.start_time)
            .query_if_not_empty("endTime", &args.end_time)
            .query_if_not_empty("eventType", &args.event_type)
            .query_if_not_empty("message", &args.message);
        self.call(op).await
    }

    /// All events matching `args`, page after page (20 per page unless set).
    pub fn list_dev_instance_event_stream(
        &self,
        args: ListDevInstanceEventRequest,
    ) -> impl Stream<Item = Result<DevInstanceEvent, Error>> + '_ {
        let first = ListDevInstanceEventRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move {
            self.list_dev_instance_event(&r).await
        })
    }
}
