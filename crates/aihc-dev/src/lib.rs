#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod image_pack;
pub mod instance;
pub mod model;
pub mod wait;

// The root exports the client and every request, answer and state type by
// name (no glob: a new type is exported on purpose).
pub use client::{Client, DevErrorDecoder, SERVICE};
pub use image_pack::{
    CreateDevInstanceImagePackJobArgs, CreateDevInstanceImagePackJobRequest,
    CreateImagePackJobResponse, DevInstanceImagePackJobDetailArgs,
    DevInstanceImagePackJobDetailRequest, ImagePackJobDetail, ImagePackJobDetailResponse,
    ImagePackJobStatus,
};
pub use instance::{
    DevInstanceEvent, DevInstanceIdArgs, DevInstanceIdRequest, DevInstanceIdResponse,
    ListDevInstanceArgs, ListDevInstanceEventArgs, ListDevInstanceEventRequest,
    ListDevInstanceEventResponse, ListDevInstanceRequest, ListDevInstanceResponse,
    QueryDevInstanceDetailResponse, TimedStopDevInstanceArgs, TimedStopDevInstanceRequest,
};
pub use model::{
    Access, Bos, Cds, Cfs, CreateDevInstanceArgs, CreateDevInstanceRequest, Dataset, DatasetPfs,
    DevInstanceBrief, DevInstanceConf, DevInstanceDetail, DevInstanceStatus, Image, LoginInfo,
    LoginUrl, Notify, Pfs, PortInfo, ResourcePool, Resources, ScheduleConf, ServiceInstanceInfo,
    TimedStop, VisibleScope, VolumnConf,
};
