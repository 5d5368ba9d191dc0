//! One test per dataset operation.

use aihc_data::*;
use serde_json::json;
use wiremock::MockServer;

use crate::{client, expect};

fn dataset_json() -> serde_json::Value {
    json!({
        "id": "ds-a1b2c3d4", "name": "imagenet-subset", "storageType": "PFS",
        "storageInstance": "pfs-7x8y9z", "importFormat": "FOLDER", "description": "training subset",
        "owner": "u-owner-01", "ownerName": "alice", "visibilityScope": "USER_GROUP",
        "visibilityUser": [{"id": "u-1001", "name": "alice", "permission": "rw"}],
        "visibilityGroup": [{"id": "g-2001", "name": "ml-team", "permission": "r"}],
        "permission": "rw", "latestVersionId": "dsv-1a2b3c", "latestVersion": "v2",
        "createdAt": "2025-06-18T08:00:00Z", "updatedAt": "2025-06-19T08:00:00Z"
    })
}

fn version_json() -> serde_json::Value {
    json!({
        "id": "dsv-1a2b3c", "version": "v2", "description": "second cut",
        "storagePath": "/datasets/imagenet/v2", "mountPath": "/mnt/imagenet",
        "createUser": "u-1001", "createUserName": "alice",
        "createdAt": "2025-06-19T08:00:00Z", "updatedAt": "2025-06-19T08:00:00Z"
    })
}

fn check_dataset(d: &Dataset) {
    assert_eq!(d.id, "ds-a1b2c3d4");
    assert_eq!(d.storage_type, StorageType::Pfs);
    assert_eq!(d.import_format, ImportFormat::Folder);
    assert_eq!(d.visibility_scope, VisibilityScope::UserGroup);
    assert_eq!(
        d.visibility_user,
        [Permission::new(
            "u-1001",
            "alice",
            PermissionLevel::ReadWrite
        )]
    );
    assert_eq!(d.visibility_group[0].permission, PermissionLevel::Read);
    assert_eq!(d.permission, PermissionLevel::ReadWrite);
    assert_eq!(
        (d.latest_version_id.as_str(), d.latest_version.as_str()),
        ("dsv-1a2b3c", "v2")
    );
    assert_eq!(d.created_at, "2025-06-18T08:00:00Z");
}

#[tokio::test]
async fn describe_datasets() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeDatasets"),
            ("keyword", "image net/数据"),
            ("storageType", "PFS"),
            ("storageInstances", "pfs-7x8y9z,pfs-extra01"),
            ("importFormat", "FILE"),
            ("pageNumber", "2"),
            ("pageSize", "50"),
        ],
        None,
        json!({"requestId": "r-1", "totalCount": 51, "datasets": [dataset_json()]}),
    )
    .await;
    let page = client(&server)
        .describe_datasets(&DescribeDatasetsRequest {
            keyword: "image net/数据".into(),
            storage_type: StorageType::Pfs,
            storage_instances: vec!["pfs-7x8y9z".into(), "pfs-extra01".into()],
            import_format: ImportFormat::File,
            page_number: 2,
            page_size: 50,
        })
        .await
        .unwrap();
    assert_eq!((page.request_id.as_str(), page.total_count), ("r-1", 51));
    check_dataset(&page.datasets[0]);
}

#[tokio::test]
async fn describe_datasets_sends_only_what_is_set() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &[("action", "DescribeDatasets")],
        None,
        json!({"requestId": "r", "totalCount": 0, "datasets": null}),
    )
    .await;
    let page = client(&server)
        .describe_datasets(&Default::default())
        .await
        .unwrap();
    assert!(page.datasets.is_empty());
}

#[tokio::test]
async fn describe_dataset() {
    let server = MockServer::start().await;
    let mut reply = dataset_json();
    reply["requestId"] = json!("r-2");
    reply["latestVersionEntry"] = version_json();
    expect(
        &server,
        "GET",
        &[("action", "DescribeDataset"), ("datasetId", "ds-a1b2c3d4")],
        None,
        reply,
    )
    .await;
    let d = client(&server)
        .describe_dataset(&DatasetIdRequest::new("ds-a1b2c3d4"))
        .await
        .unwrap();
    assert_eq!(d.request_id, "r-2");
    check_dataset(&d.dataset);
    assert_eq!(d.latest_version_entry.storage_path, "/datasets/imagenet/v2");
    assert_eq!(d.latest_version_entry.create_user_name, "alice");
}

#[tokio::test]
async fn create_dataset() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateDataset")],
        Some(json!({
            "name": "imagenet-subset", "storageType": "PFS", "storageInstance": "pfs-7x8y9z",
            "importFormat": "FILE", "visibilityScope": "USER_GROUP",
            "initVersionEntry": {"storagePath": "/datasets/imagenet/v1", "mountPath": "/mnt/imagenet", "description": "first cut"},
            "description": "a<b>&c",
            "visibilityUser": [{"id": "u-1001", "name": "alice", "permission": "rw"}]
        })),
        json!({"requestId": "r-3", "id": "ds-new"}),
    )
    .await;
    let created = client(&server)
        .create_dataset(&CreateDatasetRequest {
            name: "imagenet-subset".into(),
            storage_type: StorageType::Pfs,
            storage_instance: "pfs-7x8y9z".into(),
            import_format: ImportFormat::File,
            visibility_scope: VisibilityScope::UserGroup,
            init_version_entry: InitDatasetVersion {
                storage_path: "/datasets/imagenet/v1".into(),
                mount_path: "/mnt/imagenet".into(),
                description: "first cut".into(),
                ..Default::default()
            },
            description: "a<b>&c".into(),
            visibility_user: vec![Permission::new(
                "u-1001",
                "alice",
                PermissionLevel::ReadWrite,
            )],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (created.request_id.as_str(), created.id.as_str()),
        ("r-3", "ds-new")
    );
}

#[tokio::test]
async fn modify_dataset() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "ModifyDataset"), ("datasetId", "ds-a1b2c3d4")],
        Some(json!({"description": "", "visibilityScope": "ONLY_OWNER", "visibilityGroup": []})),
        json!({"requestId": "r-4"}),
    )
    .await;
    let answer = client(&server)
        .modify_dataset(&ModifyDatasetRequest {
            dataset_id: "ds-a1b2c3d4".into(),
            description: Some(String::new()),
            visibility_scope: Some(VisibilityScope::OnlyOwner),
            visibility_group: Some(Vec::new()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(answer.request_id, "r-4");
}

#[tokio::test]
async fn modify_dataset_with_nothing_sends_an_empty_object() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "ModifyDataset"), ("datasetId", "ds-1")],
        Some(json!({})),
        json!({"requestId": "r"}),
    )
    .await;
    client(&server)
        .modify_dataset(&ModifyDatasetRequest {
            dataset_id: "ds-1".into(),
            ..Default::default()
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn delete_dataset() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "DeleteDataset"), ("datasetId", "ds-a1b2c3d4")],
        None,
        json!({"requestId": "r-5"}),
    )
    .await;
    let answer = client(&server)
        .delete_dataset(&DatasetIdRequest::new("ds-a1b2c3d4"))
        .await
        .unwrap();
    assert_eq!(answer.request_id, "r-5");
}

#[tokio::test]
async fn describe_dataset_versions() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeDatasetVersions"),
            ("datasetId", "ds-a1b2c3d4"),
            ("pageNumber", "1"),
            ("pageSize", "10"),
        ],
        None,
        json!({"requestId": "r-6", "totalCount": 1, "versions": [version_json()]}),
    )
    .await;
    let page = client(&server)
        .describe_dataset_versions(&DescribeDatasetVersionsRequest {
            dataset_id: "ds-a1b2c3d4".into(),
            page_number: 1,
            page_size: 10,
        })
        .await
        .unwrap();
    assert_eq!(page.total_count, 1);
    assert_eq!(page.versions[0].id, "dsv-1a2b3c");
    assert_eq!(page.versions[0].mount_path, "/mnt/imagenet");
}

#[tokio::test]
async fn describe_dataset_version() {
    let server = MockServer::start().await;
    let mut reply = dataset_json();
    reply["requestId"] = json!("r-7");
    reply["versionEntry"] = version_json();
    expect(
        &server,
        "GET",
        &[
            ("action", "DescribeDatasetVersion"),
            ("datasetId", "ds-a1b2c3d4"),
            ("versionId", "dsv 版本/1+0#1&e=f"),
        ],
        None,
        reply,
    )
    .await;
    let v = client(&server)
        .describe_dataset_version(&DatasetVersionIdRequest::new(
            "ds-a1b2c3d4",
            "dsv 版本/1+0#1&e=f",
        ))
        .await
        .unwrap();
    check_dataset(&v.dataset);
    assert_eq!(v.version_entry.version, "v2");
    assert_eq!(v.version_entry.create_user, "u-1001");
}

#[tokio::test]
async fn create_dataset_version() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[("action", "CreateDatasetVersion"), ("datasetId", "ds-a1b2c3d4")],
        Some(json!({"storagePath": "/datasets/imagenet/v2", "mountPath": "/mnt/imagenet", "description": "second cut"})),
        json!({"requestId": "r-8", "id": "dsv-new"}),
    )
    .await;
    let created = client(&server)
        .create_dataset_version(&CreateDatasetVersionRequest {
            dataset_id: "ds-a1b2c3d4".into(),
            storage_path: "/datasets/imagenet/v2".into(),
            mount_path: "/mnt/imagenet".into(),
            description: "second cut".into(),
        })
        .await
        .unwrap();
    assert_eq!(created.id, "dsv-new");
}

#[tokio::test]
async fn delete_dataset_version() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &[
            ("action", "DeleteDatasetVersion"),
            ("datasetId", "ds-a1b2c3d4"),
            ("versionId", "dsv-1a2b3c"),
        ],
        None,
        json!({"requestId": "r-9"}),
    )
    .await;
    let answer = client(&server)
        .delete_dataset_version(&DatasetVersionIdRequest::new("ds-a1b2c3d4", "dsv-1a2b3c"))
        .await
        .unwrap();
    assert_eq!(answer.request_id, "r-9");
}
