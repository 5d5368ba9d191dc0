//! AIHC datasets and models end to end against the emulator: the flow of
//! `examples/datasets.rs` (register a dataset on PFS, add a version, list,
//! delete), the same for a model, typed errors, and both official SDKs'
//! ways of signing accepted by the emulator.

use aihc_data::*;
use bce_core::sign::{self, SignOptions, SignableRequest};
use bce_emulator::auth::{verify, IncomingRequest, Keys};
use bce_emulator::Emulator;
use futures::TryStreamExt;
use serde_json::Value;

/// The steps of `examples/datasets.rs`, so that this test checks what the
/// example runs (its `main` is not called here).
#[allow(dead_code)]
#[path = "../../examples/datasets.rs"]
mod example;

#[tokio::test]
async fn the_datasets_example_flow() {
    let emu = Emulator::start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let base = "/datasets/bce-sdk-rust-example";

    let dataset = example::register_dataset(&client, "pfs-emulator", base)
        .await
        .unwrap();
    assert!(dataset.starts_with("ds-"), "{dataset}");
    let version = example::add_version(&client, &dataset, base).await.unwrap();

    // Another dataset on BOS that the PFS filter leaves out.
    client
        .create_dataset(&CreateDatasetRequest {
            name: "other".into(),
            storage_type: StorageType::Bos,
            storage_instance: "bucket-1".into(),
            import_format: ImportFormat::File,
            init_version_entry: InitDatasetVersion {
                storage_path: "/f.csv".into(),
                mount_path: "/mnt/f".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap();

    let on_pfs = example::datasets_on(&client, StorageType::Pfs, 1)
        .await
        .unwrap();
    assert_eq!(on_pfs.len(), 1);
    assert_eq!(on_pfs[0].id, dataset);
    assert_eq!(on_pfs[0].latest_version_id, version);
    assert_eq!(on_pfs[0].latest_version, "v2");
    let all: Vec<Dataset> = client
        .describe_datasets_stream(DescribeDatasetsRequest {
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);

    let versions: Vec<DatasetVersion> = client
        .describe_dataset_versions_stream(DescribeDatasetVersionsRequest {
            dataset_id: dataset.clone(),
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = versions.iter().map(|v| v.version.as_str()).collect();
    assert_eq!(names, ["v2", "v1"]);

    let detail = client
        .describe_dataset_version(&DatasetVersionIdRequest::new(&dataset, &version))
        .await
        .unwrap();
    assert_eq!(detail.version_entry.storage_path, format!("{base}/v2"));
    assert_eq!(detail.dataset.storage_type, StorageType::Pfs);

    client
        .modify_dataset(&ModifyDatasetRequest {
            dataset_id: dataset.clone(),
            description: Some("renamed".into()),
            visibility_scope: Some(VisibilityScope::UserGroup),
            visibility_user: Some(vec![Permission::new("u-1", "alice", PermissionLevel::Read)]),
            ..Default::default()
        })
        .await
        .unwrap();
    client
        .delete_dataset_version(&DatasetVersionIdRequest::new(&dataset, &version))
        .await
        .unwrap();
    let d = client
        .describe_dataset(&DatasetIdRequest::new(&dataset))
        .await
        .unwrap();
    assert_eq!(d.dataset.description, "renamed");
    assert_eq!(
        d.dataset.visibility_user[0].permission,
        PermissionLevel::Read
    );
    assert_eq!(d.latest_version_entry.version, "v1");

    client
        .delete_dataset(&DatasetIdRequest::new(&dataset))
        .await
        .unwrap();
    let err = client
        .describe_dataset(&DatasetIdRequest::new(&dataset))
        .await
        .unwrap_err();
    assert_eq!((err.status(), err.code()), (Some(404), Some("NotFound")));
    assert!(!err.request_id().unwrap_or_default().is_empty());
}

#[tokio::test]
async fn a_model_with_versions() {
    let emu = Emulator::start().await.unwrap();
    let client = Client::new(emu.config().unwrap()).unwrap();
    let model = client
        .create_model(&CreateModelRequest {
            name: "qwen2-7b-ft".into(),
            model_format: ModelFormat::HuggingFace,
            init_version_entry: InitModelVersion {
                source: ModelSource::UserUpload,
                storage_bucket: "aihc-models".into(),
                storage_path: "/qwen2/7b/v1".into(),
                model_metrics: r#"{"Results":[]}"#.into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let second = client
        .create_model_version(&CreateModelVersionRequest {
            model_id: model.clone(),
            storage_bucket: "aihc-models".into(),
            storage_path: "/qwen2/7b/v2".into(),
            source: ModelSource::UserUpload,
            ..Default::default()
        })
        .await
        .unwrap()
        .id;
    let renamed = client
        .modify_model(&ModifyModelRequest {
            model_id: model.clone(),
            name: "qwen2-7b-ft-r2".into(),
            description: "second round".into(),
        })
        .await
        .unwrap();
    assert_eq!(renamed.id, model);

    let models: Vec<Model> = client
        .describe_models_stream(DescribeModelsRequest {
            keyword: "qwen".into(),
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(models.len(), 1);
    assert_eq!(models[0].name, "qwen2-7b-ft-r2");
    assert_eq!(models[0].latest_version, "2");

    let versions: Vec<ModelVersion> = client
        .describe_model_versions_stream(DescribeModelVersionsRequest {
            model_id: model.clone(),
            page_size: 1,
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    let latest = client
        .describe_model(&ModelIdRequest::new(&model))
        .await
        .unwrap();
    assert_eq!(latest.version_entry.id, second);
    let first = client
        .describe_model_version(&ModelVersionIdRequest::new(&model, &versions[1].id))
        .await
        .unwrap();
    assert_eq!(first.version_entry.model_metrics, r#"{"Results":[]}"#);

    client
        .delete_model_version(&ModelVersionIdRequest::new(&model, &second))
        .await
        .unwrap();
    client
        .delete_model(&ModelIdRequest::new(&model))
        .await
        .unwrap();
    let err = client
        .delete_model(&ModelIdRequest::new(&model))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
}

/// A request signed the way the Python SDK signs: an empty signed-headers
/// field (the service's default set), `content-length: 0` on a GET.
#[tokio::test]
async fn a_python_style_signature_is_accepted() {
    let emu = Emulator::start().await.unwrap();
    let creds = emu.credentials().unwrap();
    let host = emu.endpoint().trim_start_matches("http://").to_owned();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let date = sign::format_timestamp(now).unwrap();
    let headers = vec![
        ("host".to_owned(), host),
        ("content-length".to_owned(), "0".to_owned()),
        ("content-type".to_owned(), "application/json".to_owned()),
        ("x-bce-date".to_owned(), date.clone()),
    ];
    let query = vec![("action".to_owned(), "DescribeDatasets".to_owned())];
    let signature = sign::sign(
        &creds,
        &SignableRequest {
            method: "GET",
            path: "/",
            query: &query,
            headers: &headers,
        },
        &SignOptions::default()
            .with_headers_to_sign(["host", "content-length", "content-type", "x-bce-date"])
            .with_expiration_seconds(1800),
        now,
    )
    .unwrap();
    // Same signature, but the list of signed headers left out.
    let parts: Vec<&str> = signature.authorization.split('/').collect();
    let python_auth = format!(
        "{}/{}/{}/{}//{}",
        parts[0], parts[1], parts[2], parts[3], parts[5]
    );
    let answer = reqwest::Client::new()
        .get(format!("{}/?action=DescribeDatasets", emu.endpoint()))
        .header("version", "v2")
        .header("content-type", "application/json")
        .header("content-length", "0")
        .header("x-bce-date", date)
        .header("authorization", python_auth)
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    let body: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["totalCount"], 0);
}

/// Every request recorded from the official Python and Go SDKs in
/// `aihc-v2-data.jsonl` passes the emulator's signature check.
#[test]
fn both_sdks_recorded_signatures_verify() {
    let path = bce_conformance::fixture_dir().join("aihc-v2-data.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let keys = Keys {
        access_key_id: "ak-test".into(),
        secret_access_key: "sk-test".into(),
        session_token: None,
    };
    let mut checked = [0usize; 2];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let Some(request) = case.get("request").filter(|r| !r.is_null()) else {
            continue;
        };
        let headers: Vec<(String, String)> = request["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
            .collect();
        let query = request["query"].as_str().unwrap_or_default();
        let incoming = IncomingRequest {
            method: request["method"].as_str().unwrap(),
            raw_path: request["path"].as_str().unwrap(),
            raw_query: (!query.is_empty()).then_some(query),
            headers,
        };
        let result = verify(&incoming, &keys, 1_700_000_000);
        assert!(
            result.is_ok(),
            "{} {} [{}]: {result:?}",
            case["op"],
            case["case"],
            case["sdk"]
        );
        let python = case["sdk"]
            .as_str()
            .unwrap_or_default()
            .starts_with("python");
        checked[usize::from(!python)] += 1;
    }
    assert!(checked[0] > 50 && checked[1] > 30, "{checked:?}");
}
