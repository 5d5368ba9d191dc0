//! The operation table of `aihc-data` for command line tools (feature `cli`):
//! every public operation, reachable as `bcectl aihc-data <operation>`.
//!
//! Input objects use the request's JSON field names; see
//! [`bce_core::cli`] for the conventions.

use crate::*;

bce_core::cli_operations! {
    /// Every operation of this crate, for `bcectl` and other tools.
    pub static OPERATIONS: Client = {
        service: "aihc-data",
        doc: "AIHC datasets and models (v2 action API): register, version, share, list, delete",
        connect: Client::new,
        operations: [
            describe_datasets "Lists datasets (GET /?action=DescribeDatasets)" (body: DescribeDatasetsRequest),
            describe_dataset "One dataset with its latest version (GET /?action=DescribeDataset)" (body: DatasetIdRequest),
            create_dataset "Registers a dataset with its first version (POST /?action=CreateDataset); answers the new dataset id" (body: CreateDatasetRequest),
            modify_dataset "Changes a dataset's name, description or sharing (POST /?action=ModifyDataset&datasetId=…)" (body: ModifyDatasetRequest),
            delete_dataset "Deletes a dataset and its versions (POST /?action=DeleteDataset&datasetId=…, no body)" (body: DatasetIdRequest),
            describe_dataset_versions "Lists the versions of a dataset (GET /?action=DescribeDatasetVersions&datasetId=…)" (body: DescribeDatasetVersionsRequest),
            describe_dataset_version "One version of a dataset (GET /?action=DescribeDatasetVersion&datasetId=…&versionId=…)" (body: DatasetVersionIdRequest),
            create_dataset_version "Adds a version to a dataset (POST /?action=CreateDatasetVersion&datasetId=…); answers the new version id" (body: CreateDatasetVersionRequest),
            delete_dataset_version "Deletes one version of a dataset (POST /?action=DeleteDatasetVersion&datasetId=…&versionId=…, no body)" (body: DatasetVersionIdRequest),
            describe_models "Lists models (GET /?action=DescribeModels)" (body: DescribeModelsRequest),
            describe_model "One model with its latest version (GET /?action=DescribeModel&modelId=…)" (body: ModelIdRequest),
            create_model "Registers a model with its first version (POST /?action=CreateModel); answers the new model id" (body: CreateModelRequest),
            modify_model "Renames a model or changes its description (POST /?action=ModifyModel&modelId=…)" (body: ModifyModelRequest),
            delete_model "Deletes a model and its versions (POST /?action=DeleteModel&modelId=…, no body)" (body: ModelIdRequest),
            describe_model_versions "Lists the versions of a model (GET /?action=DescribeModelVersions&modelId=…)" (body: DescribeModelVersionsRequest),
            describe_model_version "One version of a model (GET /?action=DescribeModelVersion&modelId=…&versionId=…)" (body: ModelVersionIdRequest),
            create_model_version "Adds a version to a model (POST /?action=CreateModelVersion&modelId=…); answers the new version id" (body: CreateModelVersionRequest),
            delete_model_version "Deletes one version of a model (POST /?action=DeleteModelVersion&modelId=…&versionId=…, no body)" (body: ModelVersionIdRequest),
        ],
    };
}
