#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

pub mod app_auth;
pub mod auth;
#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod cluster;
pub mod error;
pub mod json;
pub mod notebook;
mod paging;
pub mod pool;
mod request;
pub mod service;
pub mod sign;
pub mod training;
pub mod workflow;

pub use app_auth::{
    ApiAuthInfo, ApiAuthType, ApigAppDetailInfo, AppType, AuthTypeApiBasicInfo,
    ListApiAuthsRequest, ListApiAuthsResponse, ListAppAuthApisRequest, ListAppAuthApisResponse,
    ListAppsRequest, ListAppsResponse,
};
pub use auth::SdkHmacAuthorizer;
pub use client::{
    default_user_agent, regional_endpoint, Client, ClientBuilder, ENV_ACCESS_KEY, ENV_ENDPOINT,
    ENV_PROJECT_ID, ENV_REGION, ENV_REGION_OVERRIDE_PREFIX, ENV_SECRET_KEY, ENV_SECURITY_TOKEN,
    KNOWN_REGIONS, SERVICE,
};
pub use cluster::{Cluster, ClusterNode, ClusterStatus, ListClustersRequest, ListClustersResponse};
pub use error::HuaweiErrorDecoder;
pub use json::{JsonObject, JsonValue};
pub use notebook::{CreateNotebookTagsBody, CreateNotebookTagsRequest, TmsTag};
pub use pool::{
    AzCount, ContainerNetwork, ListPoolNodesRequest, Node, NodeHostNetwork, NodeList,
    NodeListMetadata, NodePhase, NodeSpec, NodeStatus, NodeVolume, ObjectMeta, Pool, PoolNetwork,
    PoolResourceCount, PoolScopeStatus, PoolSpec, PoolSpecResource, PoolStatus,
    PoolStatusResources, ShowPoolRequest,
};
pub use request::{CONTENT_TYPE_BODY, CONTENT_TYPE_PLAIN};
pub use service::{CreateServiceRequest, CustomSpec, InferType, ServiceConfig, ServiceSchedule};
pub use training::{ShowAutoSearchYamlTemplatesInfoResponse, YamlTemplate};
pub use workflow::{
    CreateWorkflowScheduleRequest, CreateWorkflowServiceAuthBody, CreateWorkflowServiceAuthRequest,
    CreateWorkflowServiceAuthResponse, ListWorkflowsRequest, ListWorkflowsResponse,
    ShowWorkflowScheduleRequest, ShowWorkflowsTodolistRequest, ShowWorkflowsTodolistResponse,
    UpdateWorkflowScheduleBody, UpdateWorkflowScheduleRequest, Workflow, WorkflowConsume,
    WorkflowData, WorkflowLatestExecution, WorkflowParameter, WorkflowSchedule,
    WorkflowSchedulePolicies, WorkflowStep, WorkflowSubGraph, WorkflowTodo,
};
