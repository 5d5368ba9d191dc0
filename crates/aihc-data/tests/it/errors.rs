//! Service errors for every operation, bad input that sends nothing,
//! tolerant decoding and retries of reads.

use std::sync::Arc;

use aihc_data::*;
use bce_core::{Config, Error, FixedJitter, HttpResponse, RetryPolicy};
use bce_testkit::{test_credentials, RecordingTransport, VerifySignature};
use serde_json::json;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::client;

fn create_dataset() -> CreateDatasetRequest {
    CreateDatasetRequest {
        name: "d".into(),
        storage_type: StorageType::Pfs,
        storage_instance: "pfs-1".into(),
        import_format: ImportFormat::Folder,
        init_version_entry: InitDatasetVersion {
            storage_path: "/p".into(),
            mount_path: "/mnt/p".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn create_model() -> CreateModelRequest {
    CreateModelRequest {
        name: "m".into(),
        model_format: ModelFormat::HuggingFace,
        init_version_entry: InitModelVersion {
            source: ModelSource::UserUpload,
            storage_bucket: "b".into(),
            storage_path: "/p".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Calls all 18 operations with valid input; each result reduced to `()`.
async fn every_operation(c: &Client) -> Vec<(&'static str, Result<(), Error>)> {
    let ds = DatasetIdRequest::new("ds-1");
    let dsv = DatasetVersionIdRequest::new("ds-1", "dsv-1");
    let mo = ModelIdRequest::new("mo-1");
    let mov = ModelVersionIdRequest::new("mo-1", "mo-v1");
    vec![
        (
            "DescribeDatasets",
            c.describe_datasets(&Default::default()).await.map(drop),
        ),
        ("DescribeDataset", c.describe_dataset(&ds).await.map(drop)),
        (
            "CreateDataset",
            c.create_dataset(&create_dataset()).await.map(drop),
        ),
        (
            "ModifyDataset",
            c.modify_dataset(&ModifyDatasetRequest {
                dataset_id: "ds-1".into(),
                ..Default::default()
            })
            .await
            .map(drop),
        ),
        ("DeleteDataset", c.delete_dataset(&ds).await.map(drop)),
        (
            "DescribeDatasetVersions",
            c.describe_dataset_versions(&DescribeDatasetVersionsRequest::new("ds-1"))
                .await
                .map(drop),
        ),
        (
            "DescribeDatasetVersion",
            c.describe_dataset_version(&dsv).await.map(drop),
        ),
        (
            "CreateDatasetVersion",
            c.create_dataset_version(&CreateDatasetVersionRequest {
                dataset_id: "ds-1".into(),
                storage_path: "/p2".into(),
                mount_path: "/mnt/p".into(),
                ..Default::default()
            })
            .await
            .map(drop),
        ),
        (
            "DeleteDatasetVersion",
            c.delete_dataset_version(&dsv).await.map(drop),
        ),
        (
            "DescribeModels",
            c.describe_models(&Default::default()).await.map(drop),
        ),
        ("DescribeModel", c.describe_model(&mo).await.map(drop)),
        (
            "CreateModel",
            c.create_model(&create_model()).await.map(drop),
        ),
        (
            "ModifyModel",
            c.modify_model(&ModifyModelRequest {
                model_id: "mo-1".into(),
                name: "m2".into(),
                ..Default::default()
            })
            .await
            .map(drop),
        ),
        ("DeleteModel", c.delete_model(&mo).await.map(drop)),
        (
            "DescribeModelVersions",
            c.describe_model_versions(&DescribeModelVersionsRequest::new("mo-1"))
                .await
                .map(drop),
        ),
        (
            "DescribeModelVersion",
            c.describe_model_version(&mov).await.map(drop),
        ),
        (
            "CreateModelVersion",
            c.create_model_version(&CreateModelVersionRequest {
                model_id: "mo-1".into(),
                storage_bucket: "b".into(),
                storage_path: "/p2".into(),
                source: ModelSource::UserUpload,
                ..Default::default()
            })
            .await
            .map(drop),
        ),
        (
            "DeleteModelVersion",
            c.delete_model_version(&mov).await.map(drop),
        ),
    ]
}

#[tokio::test]
async fn service_errors_are_typed_for_every_operation() {
    let server = MockServer::start().await;
    Mock::given(VerifySignature::test())
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"code": "ResourceNotFound", "message": "no such thing", "requestId": "rid-7"}),
        ))
        .mount(&server)
        .await;
    let results = every_operation(&client(&server)).await;
    assert_eq!(results.len(), 18);
    for (action, r) in results {
        let e = r.unwrap_err();
        assert_eq!(
            (e.status(), e.code(), e.message(), e.request_id()),
            (
                Some(404),
                Some("ResourceNotFound"),
                Some("no such thing"),
                Some("rid-7")
            ),
            "{action}"
        );
        let shown = e.to_string();
        assert!(shown.contains(&format!("aihc-data {action}")), "{shown}");
    }
}

fn recording() -> (RecordingTransport, Client) {
    let t = RecordingTransport::new();
    (t.clone(), Client::new(t.config()).unwrap())
}

fn field(r: Result<(), Error>) -> String {
    match r.unwrap_err() {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[tokio::test]
async fn bad_input_never_sends() {
    let (t, c) = recording();
    let no_ds = DatasetIdRequest::default();
    let no_dsv = DatasetVersionIdRequest::new("ds-1", "");
    let no_mo = ModelIdRequest::default();
    let no_mov = ModelVersionIdRequest::new("", "mo-v1");
    let cases: Vec<(Result<(), Error>, &str)> = vec![
        (c.describe_dataset(&no_ds).await.map(drop), "datasetId"),
        (c.delete_dataset(&no_ds).await.map(drop), "datasetId"),
        (
            c.modify_dataset(&ModifyDatasetRequest::default())
                .await
                .map(drop),
            "datasetId",
        ),
        (
            c.describe_dataset_versions(&Default::default())
                .await
                .map(drop),
            "datasetId",
        ),
        (
            c.describe_dataset_version(&no_dsv).await.map(drop),
            "versionId",
        ),
        (
            c.delete_dataset_version(&no_dsv).await.map(drop),
            "versionId",
        ),
        (
            c.create_dataset(&CreateDatasetRequest::default())
                .await
                .map(drop),
            "name",
        ),
        (
            c.create_dataset(&CreateDatasetRequest {
                init_version_entry: InitDatasetVersion {
                    storage_path: "/p".into(),
                    ..Default::default()
                },
                ..create_dataset()
            })
            .await
            .map(drop),
            "initVersionEntry.mountPath",
        ),
        (
            c.create_dataset(&CreateDatasetRequest {
                storage_type: StorageType::default(),
                ..create_dataset()
            })
            .await
            .map(drop),
            "storageType",
        ),
        (
            c.create_dataset_version(&CreateDatasetVersionRequest {
                dataset_id: "ds-1".into(),
                mount_path: "/m".into(),
                ..Default::default()
            })
            .await
            .map(drop),
            "storagePath",
        ),
        (
            c.describe_datasets(&DescribeDatasetsRequest {
                storage_instances: vec!["a,b".into()],
                ..Default::default()
            })
            .await
            .map(drop),
            "storageInstances",
        ),
        (c.describe_model(&no_mo).await.map(drop), "modelId"),
        (c.delete_model(&no_mo).await.map(drop), "modelId"),
        (
            c.describe_model_versions(&Default::default())
                .await
                .map(drop),
            "modelId",
        ),
        (c.describe_model_version(&no_mov).await.map(drop), "modelId"),
        (c.delete_model_version(&no_mov).await.map(drop), "modelId"),
        (
            c.create_model(&CreateModelRequest {
                init_version_entry: InitModelVersion::default(),
                ..create_model()
            })
            .await
            .map(drop),
            "initVersionEntry.source",
        ),
        (
            c.create_model(&CreateModelRequest {
                model_format: ModelFormat::default(),
                ..create_model()
            })
            .await
            .map(drop),
            "modelFormat",
        ),
        (
            c.modify_model(&ModifyModelRequest {
                model_id: "mo-1".into(),
                ..Default::default()
            })
            .await
            .map(drop),
            "name",
        ),
        (
            c.create_model_version(&CreateModelVersionRequest {
                model_id: "mo-1".into(),
                storage_bucket: "b".into(),
                storage_path: "/p".into(),
                ..Default::default()
            })
            .await
            .map(drop),
            "source",
        ),
    ];
    for (result, want) in cases {
        assert_eq!(field(result), want);
    }
    assert!(t.requests().is_empty(), "{:?}", t.requests());
}

#[tokio::test]
async fn answers_are_decoded_tolerantly() {
    let t = RecordingTransport::replying_json([
        json!({"datasets": [{"id": 7, "storageType": "CFS", "importFormat": null,
            "visibilityUser": null, "permission": "admin", "latestVersion": 3, "brandNew": true}],
            "totalCount": "2"}),
        json!({"requestId": "r", "id": "mo-1", "tags": null, "modelFormat": "Safetensors",
            "versionEntry": {"version": 2, "modelMetrics": {"Results": []}}}),
    ]);
    let c = Client::new(t.config()).unwrap();
    let page = c.describe_datasets(&Default::default()).await.unwrap();
    let d = &page.datasets[0];
    assert_eq!(page.total_count, 2);
    assert_eq!(d.id, "7");
    assert_eq!(d.storage_type, StorageType::Other("CFS".into()));
    assert!(d.import_format.is_empty() && d.visibility_user.is_empty());
    assert_eq!(d.permission, PermissionLevel::Other("admin".into()));
    assert_eq!(d.latest_version, "3");
    let m = c
        .describe_model(&ModelIdRequest::new("mo-1"))
        .await
        .unwrap();
    assert_eq!(m.model.model_format.as_str(), "Safetensors");
    assert_eq!(m.version_entry.version, "2");
    assert_eq!(m.version_entry.model_metrics, r#"{"Results":[]}"#);
}

#[tokio::test]
async fn empty_answers_of_deletes_are_accepted() {
    let t = RecordingTransport::new();
    t.push(Ok(
        HttpResponse::new(200, "").with_header("x-bce-request-id", "rid-empty")
    ));
    let c = Client::new(t.config()).unwrap();
    let answer = c
        .delete_dataset(&DatasetIdRequest::new("ds-1"))
        .await
        .unwrap();
    assert_eq!(answer.request_id, "rid-empty");
    // A create must say what it created: an empty answer is a decode error.
    let err = c.create_model(&create_model()).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
}

fn retrying(t: &RecordingTransport) -> Client {
    let config = Config::builder()
        .credentials(test_credentials())
        .retry(RetryPolicy::default())
        .jitter(Arc::new(FixedJitter(0.0)))
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    Client::new(config).unwrap()
}

#[tokio::test(start_paused = true)]
async fn reads_are_retried_writes_are_not() {
    let busy = || {
        Ok(HttpResponse::new(
            503,
            r#"{"code":"ServiceUnavailable","message":"busy"}"#,
        ))
    };
    let t = RecordingTransport::new();
    t.push(busy());
    t.push(Ok(HttpResponse::new(
        200,
        r#"{"requestId":"r","totalCount":0,"models":[]}"#,
    )));
    retrying(&t)
        .describe_models(&Default::default())
        .await
        .unwrap();
    assert_eq!(t.requests().len(), 2);

    let t = RecordingTransport::new();
    t.push(busy());
    t.push(Ok(HttpResponse::new(200, r#"{"requestId":"r","id":"x"}"#)));
    let err = retrying(&t)
        .create_model(&create_model())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(t.requests().len(), 1);
}

#[tokio::test]
async fn default_endpoint_is_regional() {
    let config = Config::builder()
        .credentials(test_credentials())
        .region("gz")
        .build()
        .unwrap();
    let c = Client::new(config).unwrap();
    assert_eq!(
        c.core().endpoint().base_url(),
        "https://aihc.gz.baidubce.com"
    );
}
