//! Dev machine lifecycle: create, list, inspect, modify, start, stop,
//! delete, timed stop and events.

use bce_core::paginate::{items, next_page_number, Page};
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::model::{CreateDevInstanceArgs, DevInstanceBrief, DevInstanceDetail};

/// Names one dev machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevInstanceIdArgs {
    /// Dev machine id.
    pub dev_instance_id: String,
}

impl DevInstanceIdArgs {
    /// Names the machine `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DevInstanceIdArgs {
            dev_instance_id: id.into(),
        }
    }
}

/// Filter and paging of [`Client::list_dev_instance`]; zero and empty
/// values are not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListDevInstanceArgs {
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
    /// Page number, from 1.
    pub page_number: i64,
    /// Page size.
    pub page_size: i64,
    /// Only machines in this status.
    pub status: String,
    /// Field to sort by, e.g. `createdAt`.
    pub order_by: String,
    /// Sort direction, `asc` or `desc`.
    pub order: String,
}

/// Body of [`Client::timed_stop_dev_instance`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimedStopDevInstanceArgs {
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Seconds until the stop.
    pub delay_sec: i64,
    /// Turn the timer on or off.
    pub enable: bool,
}

/// Filter and paging of [`Client::list_dev_instance_event`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListDevInstanceEventArgs {
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Page number.
    pub page_number: i64,
    /// Page size.
    pub page_size: i64,
    /// Start (ISO 8601, e.g. `2025-05-18T17:12:20.761Z`).
    pub start_time: String,
    /// End (ISO 8601).
    pub end_time: String,
    /// Event type, e.g. `Warning`.
    pub event_type: String,
    /// Message filter.
    pub message: String,
}

/// Answer naming the machine an action applied to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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

impl Client {
    /// Creates a dev machine (`POST /?action=CreateDevInstance`).
    pub async fn create_dev_instance(
        &self,
        args: &CreateDevInstanceArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::action("CreateDevInstance", Method::Post, "CreateDevInstance")
            .require("name", &args.name)
            .check(args.conf.is_some(), "conf", "must be set")
            .json(args);
        self.inner.send(op).await
    }

    /// Lists dev machines (`GET /?action=DescribeDevInstances`).
    pub async fn list_dev_instance(
        &self,
        args: &ListDevInstanceArgs,
    ) -> Result<ListDevInstanceResponse, Error> {
        let op = Client::action("ListDevInstance", Method::Get, "DescribeDevInstances")
            .query_opt(
                "pageNumber",
                (args.page_number != 0).then_some(args.page_number),
            )
            .query_opt("pageSize", (args.page_size != 0).then_some(args.page_size))
            .query_if_not_empty("queryKey", &args.query_key)
            .query_if_not_empty("queryVal", &args.query_val)
            .query_if_not_empty("queueName", &args.queue_name)
            .query_if_not_empty("resourcePoolId", &args.resource_pool_id)
            .query_opt("onlyMyDevs", args.only_my_devs.then_some("true"))
            .query_if_not_empty("status", &args.status)
            .query_if_not_empty("orderBy", &args.order_by)
            .query_if_not_empty("order", &args.order);
        self.inner.send(op).await
    }

    /// All dev machines matching `args`, page after page (20 per page unless set).
    pub fn list_dev_instance_stream(
        &self,
        args: ListDevInstanceArgs,
    ) -> impl Stream<Item = Result<DevInstanceBrief, Error>> + '_ {
        let size = if args.page_size <= 0 {
            20
        } else {
            args.page_size
        };
        items(args.page_number.max(1), move |page| {
            let req = ListDevInstanceArgs {
                page_number: page,
                page_size: size,
                ..args.clone()
            };
            async move {
                let answer = self.list_dev_instance(&req).await?;
                let next = next_page_number(
                    page as u32,
                    size as u32,
                    answer.dev_instances.len(),
                    Some(answer.total_count as u64),
                );
                Ok(Page::new(answer.dev_instances, next.map(i64::from)))
            }
        })
    }

    /// One dev machine (`GET /?action=DescribeDevInstance`).
    pub async fn query_dev_instance_detail(
        &self,
        args: &DevInstanceIdArgs,
    ) -> Result<QueryDevInstanceDetailResponse, Error> {
        let op = Client::action("QueryDevInstanceDetail", Method::Get, "DescribeDevInstance")
            .require("devInstanceId", &args.dev_instance_id)
            .query("devInstanceId", &args.dev_instance_id);
        self.inner.send(op).await
    }

    /// Modifies a dev machine (`POST /?action=ModifyDevInstance`); the machine
    /// is named by `args.id`.
    pub async fn update_dev_instance(
        &self,
        args: &CreateDevInstanceArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::action("UpdateDevInstance", Method::Post, "ModifyDevInstance")
            .require("id", &args.id)
            .check(args.conf.is_some(), "conf", "must be set")
            .json(args);
        self.inner.send(op).await
    }

    fn id_action(
        name: &'static str,
        action: &str,
        args: &DevInstanceIdArgs,
    ) -> bce_core::Operation {
        Client::action(name, Method::Post, action)
            .require("devInstanceId", &args.dev_instance_id)
            .query("devInstanceId", &args.dev_instance_id)
    }

    /// Starts a dev machine (`POST /?action=StartDevInstance`). Starting a
    /// running machine changes nothing, so the call is retried like an
    /// idempotent one.
    pub async fn start_dev_instance(
        &self,
        args: &DevInstanceIdArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("StartDevInstance", "StartDevInstance", args).idempotent(true);
        self.inner.send(op).await
    }

    /// Stops a dev machine (`POST /?action=StopDevInstance`); retried like
    /// an idempotent call.
    pub async fn stop_dev_instance(
        &self,
        args: &DevInstanceIdArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("StopDevInstance", "StopDevInstance", args).idempotent(true);
        self.inner.send(op).await
    }

    /// Deletes a dev machine (`POST /?action=DeleteDevInstance`); retried
    /// like an idempotent call.
    pub async fn delete_dev_instance(
        &self,
        args: &DevInstanceIdArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::id_action("DeleteDevInstance", "DeleteDevInstance", args).idempotent(true);
        self.inner.send(op).await
    }

    /// Schedules (or cancels) a stop (`POST /?action=TimedStopDevInstance`).
    pub async fn timed_stop_dev_instance(
        &self,
        args: &TimedStopDevInstanceArgs,
    ) -> Result<DevInstanceIdResponse, Error> {
        let op = Client::action("TimedStopDevInstance", Method::Post, "TimedStopDevInstance")
            .require("devInstanceId", &args.dev_instance_id)
            .check(args.delay_sec >= 0, "delaySec", "must not be negative")
            .check(
                args.delay_sec <= i64::from(i32::MAX),
                "delaySec",
                "is too large",
            )
            .json(args)
            .idempotent(true);
        self.inner.send(op).await
    }

    /// Events of dev machines (`GET /?action=DescribeDevInstanceEvents`).
    pub async fn list_dev_instance_event(
        &self,
        args: &ListDevInstanceEventArgs,
    ) -> Result<ListDevInstanceEventResponse, Error> {
        let op = Client::action(
            "ListDevInstanceEvent",
            Method::Get,
            "DescribeDevInstanceEvents",
        )
        .query_opt(
            "pageNumber",
            (args.page_number != 0).then_some(args.page_number),
        )
        .query_opt("pageSize", (args.page_size != 0).then_some(args.page_size))
        .query_if_not_empty("devInstanceId", &args.dev_instance_id)
        .query_if_not_empty("startTime", &args.start_time)
        .query_if_not_empty("endTime", &args.end_time)
        .query_if_not_empty("eventType", &args.event_type)
        .query_if_not_empty("message", &args.message);
        self.inner.send(op).await
    }
}
