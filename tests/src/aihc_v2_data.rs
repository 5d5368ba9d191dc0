//! Driver of the `aihc-v2-data` fixtures (datasets and models, AIHC OpenAPI
//! v2), recorded from the official Python SDK (datasets and models) and Go
//! SDK (datasets) and compared by meaning.
//!
//! Python lines carry the method's keyword arguments flat (`None` as
//! `null`); Go lines carry the arguments by name (`datasetId`, `req`,
//! `options`). Both map onto the same typed requests: the Python arguments
//! a caller left out take the Python method's defaults (`pageNumber` 1 and
//! `pageSize` 10 for the model lists), `None` means "not set", and a nil Go
//! struct (`null`) is an argument our typed API cannot express, so it is
//! refused as invalid input.

use aihc_data::*;
use bce_core::{Config, Error};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{required, text, CallFuture, Case, Compare, Driver};

/// Maps the Python `AihcClient` dataset/model methods and the Go
/// `services/aihc/dataset` calls to [`aihc_data::Client`].
#[derive(Debug, Default)]
pub struct DataDriver;

/// `value` without `null` members (Python's `None`: not set).
pub(crate) fn set_only(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), set_only(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Reads the Python keyword arguments (or a Go struct) as request `T`.
pub(crate) fn kwargs<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    serde_json::from_value(set_only(value))
        .map_err(|e| Error::invalid_input("input", format!("cannot map the arguments: {e}")))
}

/// A Go struct argument: `null` (a nil pointer) is refused.
fn go_struct<T: DeserializeOwned>(input: &Value, name: &str) -> Result<T, Error> {
    let value: Value = required(input, name)?;
    kwargs(&value)
}

/// A top-level string argument (`None`/missing: empty).
/// A Python page argument with the method's default when it was not passed
/// (`None` passed explicitly: not set).
pub(crate) fn python_page(input: &Value, name: &str, default: u32) -> u32 {
    match input.get(name) {
        None => default,
        Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
    }
}

impl Driver for DataDriver {
    fn service(&self) -> &'static str {
        "aihc-v2-data"
    }

    fn compare_mode(&self) -> Compare {
        Compare::Meaning
    }

    fn call_case(&self, config: Config, case: &Case) -> Option<CallFuture> {
        let input = case.input.clone();
        let python = case.is_python();
        match case.op.as_str() {
            "DescribeDatasets" => with_client!(Client, config, |c| async {
                let request: DescribeDatasetsRequest = if python {
                    kwargs(&input)?
                } else {
                    go_struct(&input, "options")?
                };
                c.describe_datasets(&request).await
            }),
            "DescribeDataset" => with_client!(Client, config, |c| async {
                c.describe_dataset(&DatasetIdRequest::new(text(&input, "datasetId")))
                    .await
            }),
            "DeleteDataset" => with_client!(Client, config, |c| async {
                c.delete_dataset(&DatasetIdRequest::new(text(&input, "datasetId")))
                    .await
            }),
            "CreateDataset" => with_client!(Client, config, |c| async {
                let request: CreateDatasetRequest = if python {
                    kwargs(&input)?
                } else {
                    go_struct(&input, "req")?
                };
                c.create_dataset(&request).await
            }),
            "ModifyDataset" => with_client!(Client, config, |c| async {
                let mut request: ModifyDatasetRequest = if python {
                    kwargs(&input)?
                } else {
                    go_struct(&input, "req")?
                };
                request.dataset_id = text(&input, "datasetId");
                c.modify_dataset(&request).await
            }),
            "DescribeDatasetVersions" => with_client!(Client, config, |c| async {
                let mut request: DescribeDatasetVersionsRequest = if python {
                    kwargs(&input)?
                } else {
                    go_struct(&input, "options")?
                };
                request.dataset_id = text(&input, "datasetId");
                c.describe_dataset_versions(&request).await
            }),
            "DescribeDatasetVersion" => with_client!(Client, config, |c| async {
                c.describe_dataset_version(&DatasetVersionIdRequest::new(
                    text(&input, "datasetId"),
                    text(&input, "versionId"),
                ))
                .await
            }),
            "DeleteDatasetVersion" => with_client!(Client, config, |c| async {
                c.delete_dataset_version(&DatasetVersionIdRequest::new(
                    text(&input, "datasetId"),
                    text(&input, "versionId"),
                ))
                .await
            }),
            "CreateDatasetVersion" => with_client!(Client, config, |c| async {
                let mut request: CreateDatasetVersionRequest = if python {
                    kwargs(&input)?
                } else {
                    go_struct(&input, "req")?
                };
                request.dataset_id = text(&input, "datasetId");
                c.create_dataset_version(&request).await
            }),
            // Models: the Python SDK only.
            "DescribeModels" => with_client!(Client, config, |c| async {
                let mut request: DescribeModelsRequest = kwargs(&input)?;
                request.page_number = python_page(&input, "pageNumber", 1);
                request.page_size = python_page(&input, "pageSize", 10);
                c.describe_models(&request).await
            }),
            "DescribeModel" => with_client!(Client, config, |c| async {
                c.describe_model(&ModelIdRequest::new(text(&input, "modelId")))
                    .await
            }),
            "DeleteModel" => with_client!(Client, config, |c| async {
                c.delete_model(&ModelIdRequest::new(text(&input, "modelId")))
                    .await
            }),
            "CreateModel" => {
                with_client!(Client, config, |c| async {
                    c.create_model(&kwargs::<CreateModelRequest>(&input)?).await
                })
            }
            "ModifyModel" => {
                with_client!(Client, config, |c| async {
                    c.modify_model(&kwargs::<ModifyModelRequest>(&input)?).await
                })
            }
            "DescribeModelVersions" => with_client!(Client, config, |c| async {
                let mut request: DescribeModelVersionsRequest = kwargs(&input)?;
                request.page_number = python_page(&input, "pageNumber", 1);
                request.page_size = python_page(&input, "pageSize", 10);
                c.describe_model_versions(&request).await
            }),
            "DescribeModelVersion" => with_client!(Client, config, |c| async {
                c.describe_model_version(&ModelVersionIdRequest::new(
                    text(&input, "modelId"),
                    text(&input, "versionId"),
                ))
                .await
            }),
            "DeleteModelVersion" => with_client!(Client, config, |c| async {
                c.delete_model_version(&ModelVersionIdRequest::new(
                    text(&input, "modelId"),
                    text(&input, "versionId"),
                ))
                .await
            }),
            "CreateModelVersion" => with_client!(Client, config, |c| async {
                c.create_model_version(&kwargs::<CreateModelVersionRequest>(&input)?)
                    .await
            }),
            _ => None,
        }
    }
}
