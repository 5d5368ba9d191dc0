//! # aihc-data
//!
//! AIHC (百舸) datasets and models for Rust (AIHC OpenAPI v2): register a
//! dataset on PFS or BOS, add and list its versions, share it; register a
//! model from a bucket, version it, list and delete. Every call is an
//! action on `/` (`/?action=DescribeDatasets`, …) with the `version: v2`
//! header; reads are GET, writes POST. Method names are the actions in
//! snake case, as in the official SDKs.
//!
//! ```no_run
//! use aihc_data::{Client, CreateDatasetRequest, ImportFormat, InitDatasetVersion, StorageType};
//! # async fn demo() -> Result<(), bce_core::Error> {
//! let client = Client::new(bce_core::Config::from_env()?)?;
//! let created = client
//!     .create_dataset(&CreateDatasetRequest {
//!         name: "imagenet-subset".into(),
//!         storage_type: StorageType::Pfs,
//!         storage_instance: "pfs-7x8y9z".into(),
//!         import_format: ImportFormat::Folder,
//!         init_version_entry: InitDatasetVersion {
//!             storage_path: "/datasets/imagenet/v1".into(),
//!             mount_path: "/mnt/imagenet".into(),
//!             ..Default::default()
//!         },
//!         ..Default::default()
//!     })
//!     .await?;
//! println!("dataset {}", created.id);
//! # Ok(()) }
//! ```
//!
//! Bad input (an empty id, a missing required field) is refused before
//! anything is sent: the official Go SDK drops empty ids from the query and
//! the Python SDK sends them empty, which addresses nothing.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![cfg_attr(not(test), deny(clippy::panic))]

#[cfg(feature = "cli")]
pub mod cli;
mod client;
pub mod dataset;
pub mod model;
pub mod types;

// The root exports the client and every request, answer and enum type by
// name (no glob: a new type is exported on purpose).
pub use client::{Client, SERVICE};
pub use dataset::{
    CreateDatasetRequest, CreateDatasetVersionRequest, Dataset, DatasetIdRequest, DatasetVersion,
    DatasetVersionIdRequest, DescribeDatasetResponse, DescribeDatasetVersionResponse,
    DescribeDatasetVersionsRequest, DescribeDatasetVersionsResponse, DescribeDatasetsRequest,
    DescribeDatasetsResponse, InitDatasetVersion, ModifyDatasetRequest,
};
pub use model::{
    CreateModelRequest, CreateModelVersionRequest, DescribeModelResponse,
    DescribeModelVersionResponse, DescribeModelVersionsRequest, DescribeModelVersionsResponse,
    DescribeModelsRequest, DescribeModelsResponse, InitModelVersion, Model, ModelIdRequest,
    ModelVersion, ModelVersionIdRequest, ModifyModelRequest,
};
pub use types::{
    IdResponse, ImportFormat, ModelFormat, ModelSource, Permission, PermissionLevel,
    RequestIdResponse, StorageType, VersionsPage, VisibilityScope,
};
