//! One test per model operation, replies from the API reference examples.

use aihc_data::*;
use serde_json::json;
use wiremock::MockServer;

use crate::{client, expect};

fn model_json() -> serde_json::Value {
    json!({
        "id": "mo-x1y2z3", "name": "qwen2-7b-ft", "initSource": "UserUpload",
        "latestVersion": "1", "latestVersionId": "mo-v1a2b3", "modelFormat": "HuggingFace",
        "description": "fine tuned qwen", "createdAt": "2025-06-18T08:00:00Z",
        "updatedAt": "2025-06-18T09:00:00Z", "owner": "u-owner-02", "ownerName": "bob",
        "visibilityScope": "ONLY_OWNER", "tags": {}
    })
}

fn version_json() -> serde_json::Value {
    json!({
        "id": "mo-v1a2b3", "version": "1", "source": "UserUpload",
        "storageBucket": "aihc-models-bj", "storagePath": "/qwen2/7b/v1",
        "modelMetrics": "{\"Results\":[{\"Metrics\":{\"accuracy\":0.91},\"Dataset\":{}}]}",
        "description": "fine tuned qwen v1", "taskId": "", "createdAt": "2025-06-18T08:00:00Z",
        "createUser": "u-owner-02", "createUserName": "bob"
    })
}

fn check_model(m: &Model) {
    assert_eq!(m.id, "mo-x1y2z3");
    assert_eq!(m.init_source, ModelSource::UserUpload);
    assert_eq!(m.model_format, ModelFormat::HuggingFace);
    assert_eq!(m.visibility_scope, VisibilityScope::OnlyOwner);
    assert_eq!(m.latest_version, "1");
    assert_eq!(m.owner_name, "bob");
}

fn check_version(v: &ModelVersion) {
    assert_eq!(v.id, "mo-v1a2b3");
    assert_eq!(v.source, ModelSource::UserUpload);
    assert_eq!(v.storage_bucket, "aihc-models-bj");
    assert!(v.model_metrics.starts_with("{\"Results\""));
    assert_eq!(v.create_user_name, "bob");
}

#[tokio::test]
async fn describe_models() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeModels"),
            ("keyword", "qwen"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
        ],
        None,
        json!({"requestId": "r-1", "totalCount": 51, "models": [model_json()]}),
    )
    .await;
    let page = client(&server)
        .describe_models(&DescribeModelsRequest {
            keyword: "qwen".into(),
            page_number: 2,
            page_size: 50,
        })
        .await
        .unwrap();
    assert_eq!(page.total_count, 51);
    check_model(&page.models[0]);
}

#[tokio::test]
async fn describe_model() {
    let server = MockServer::start().await;
    let mut reply = model_json();
    reply["requestId"] = json!("r-2");
    reply["versionEntry"] = version_json();
    expect(
        &server,
        "GET",
        &[("action", "DescribeModel"), ("modelId", "mo-x1y2z3")],
        None,
        reply,
    )
    .await;
    let m = client(&server)
        .describe_model(&ModelIdRequest::new("mo-x1y2z3"))
        .await
        .unwrap();
    assert_eq!(m.request_id, "r-2");
    check_model(&m.model);
    check_version(&m.version_entry);
}

#[tokio::test]
async fn create_model() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateModel")],
        Some(json!({
            "name": "qwen2-7b-ft", "modelFormat": "HuggingFace", "description": "fine tuned qwen",
            "visibilityScope": "ONLY_OWNER",
            "initVersionEntry": {"source": "UserUpload", "storageBucket": "aihc-models-bj",
                "storagePath": "/qwen2/7b/v1", "modelMetrics": "{\"accuracy\": 0.91}"}
        })),
        json!({"requestId": "r-3", "id": "mo-new"}),
    )
    .await;
    let created = client(&server)
        .create_model(&CreateModelRequest {
            name: "qwen2-7b-ft".into(),
            model_format: ModelFormat::HuggingFace,
            description: "fine tuned qwen".into(),
            visibility_scope: VisibilityScope::OnlyOwner,
            init_version_entry: InitModelVersion {
                source: ModelSource::UserUpload,
                storage_bucket: "aihc-models-bj".into(),
                storage_path: "/qwen2/7b/v1".into(),
                model_metrics: "{\"accuracy\": 0.91}".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.id, "mo-new");
}

#[tokio::test]
async fn modify_model() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "ModifyModel"), ("modelId", "mo-x1y2z3")],
        Some(json!({"name": "qwen2-7b-ft-r2", "description": ""})),
        json!({"requestId": "r-4", "id": "mo-x1y2z3"}),
    )
    .await;
    let answer = client(&server)
        .modify_model(&ModifyModelRequest {
            model_id: "mo-x1y2z3".into(),
            name: "qwen2-7b-ft-r2".into(),
            description: String::new(),
        })
        .await
        .unwrap();
    assert_eq!(
        (answer.request_id.as_str(), answer.id.as_str()),
        ("r-4", "mo-x1y2z3")
    );
}

#[tokio::test]
async fn delete_model() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "DeleteModel"), ("modelId", "mo-x1y2z3")],
        None,
        json!({"requestId": "r-5"}),
    )
    .await;
    let answer = client(&server)
        .delete_model(&ModelIdRequest::new("mo-x1y2z3"))
        .await
        .unwrap();
    assert_eq!(answer.request_id, "r-5");
}

#[tokio::test]
async fn describe_model_versions() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeModelVersions"),
            ("modelId", "mo-x1y2z3"),
        ],
        None,
        json!({"requestId": "r-6", "totalCount": 1, "versions": [version_json()]}),
    )
    .await;
    let page = client(&server)
        .describe_model_versions(&DescribeModelVersionsRequest::new("mo-x1y2z3"))
        .await
        .unwrap();
    assert_eq!(page.total_count, 1);
    check_version(&page.versions[0]);
}

#[tokio::test]
async fn describe_model_version() {
    let server = MockServer::start().await;
    let mut reply = model_json();
    reply["requestId"] = json!("r-7");
    reply["versionEntry"] = version_json();
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeModelVersion"),
            ("modelId", "mo-x1y2z3"),
            ("versionId", "mo-v1a2b3"),
        ],
        None,
        reply,
    )
    .await;
    let v = client(&server)
        .describe_model_version(&ModelVersionIdRequest::new("mo-x1y2z3", "mo-v1a2b3"))
        .await
        .unwrap();
    check_model(&v.model);
    check_version(&v.version_entry);
}

#[tokio::test]
async fn create_model_version() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateModelVersion"), ("modelId", "mo-x1y2z3")],
        Some(
            json!({"storageBucket": "aihc-models-bj", "storagePath": "/qwen2/7b/v2",
            "source": "UserUpload", "description": "second"}),
        ),
        json!({"requestId": "r-8", "id": "mo-v2"}),
    )
    .await;
    let created = client(&server)
        .create_model_version(&CreateModelVersionRequest {
            model_id: "mo-x1y2z3".into(),
            storage_bucket: "aihc-models-bj".into(),
            storage_path: "/qwen2/7b/v2".into(),
            source: ModelSource::UserUpload,
            description: "second".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(created.id, "mo-v2");
}

#[tokio::test]
async fn delete_model_version() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[
            ("action", "DeleteModelVersion"),
            ("modelId", "mo-x1y2z3"),
            ("versionId", "mo-v1a2b3"),
        ],
        None,
        json!({"requestId": "r-9"}),
    )
    .await;
    let answer = client(&server)
        .delete_model_version(&ModelVersionIdRequest::new("mo-x1y2z3", "mo-v1a2b3"))
        .await
        .unwrap();
    assert_eq!(answer.request_id, "r-9");
}
