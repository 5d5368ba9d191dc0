//! Register a dataset on PFS, add a version, list datasets and versions,
//! then delete the version and the dataset.
//!
//! ```text
//! cargo run --example datasets
//! ```
//!
//! Without `BCE_ACCESS_KEY_ID` in the environment it runs against the
//! offline emulator (`bce-emulator`) started in-process. With
//! `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY` (and optionally
//! `BCE_REGION`, `BCE_ENDPOINT`) it uses the real service and needs
//! `AIHC_PFS_INSTANCE_ID` (the PFS holding the data) and optionally
//! `AIHC_DATASET_PATH` (default `/datasets/bce-sdk-rust-example`); it
//! registers and deletes the dataset again, the files stay untouched.

use aihc_data::{
    Client, CreateDatasetRequest, CreateDatasetVersionRequest, Dataset, DatasetIdRequest,
    DatasetVersionIdRequest, DescribeDatasetVersionsRequest, DescribeDatasetsRequest, ImportFormat,
    InitDatasetVersion, StorageType, VisibilityScope,
};
use bce_core::Config;
use bce_emulator::Emulator;
use futures::TryStreamExt;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    let real = std::env::var("BCE_ACCESS_KEY_ID").is_ok_and(|v| !v.trim().is_empty());
    // Keep the emulator alive until the end.
    let mut emulator = None;
    let (config, pfs) = if real {
        let pfs = std::env::var("AIHC_PFS_INSTANCE_ID")
            .map_err(|_| "set AIHC_PFS_INSTANCE_ID to the PFS instance that holds the data")?;
        println!("Using the real Baidu AI Cloud endpoint.");
        (Config::from_env()?, pfs)
    } else {
        let emu = Emulator::start().await?;
        println!(
            "No BCE_ACCESS_KEY_ID set: using the in-process bce-emulator at {}.",
            emu.endpoint()
        );
        let config = emu.config()?;
        emulator = Some(emu);
        (config, "pfs-emulator".to_owned())
    };
    let base = std::env::var("AIHC_DATASET_PATH")
        .unwrap_or_else(|_| "/datasets/bce-sdk-rust-example".into());
    run(Client::new(config)?, &pfs, &base).await?;
    drop(emulator);
    Ok(())
}

/// The flow itself (the end-to-end test `tests/tests/e2e_data.rs` runs
/// the same steps: it includes this file).
async fn run(client: Client, pfs: &str, base: &str) -> Result<()> {
    let dataset = register_dataset(&client, pfs, base).await?;
    println!("registered dataset {dataset} on {pfs}");

    let version = add_version(&client, &dataset, base).await?;
    println!("added version {version}");

    let datasets = datasets_on(&client, StorageType::Pfs, 20).await?;
    println!("{} dataset(s) on PFS:", datasets.len());
    for d in &datasets {
        println!(
            "  {:<14} {:<24} latest {} ({})",
            d.id, d.name, d.latest_version, d.latest_version_id
        );
    }

    let versions: Vec<_> = client
        .describe_dataset_versions_stream(DescribeDatasetVersionsRequest::new(&dataset))
        .try_collect()
        .await?;
    println!("versions of {dataset}:");
    for v in &versions {
        println!("  {:<4} {:<14} {}", v.version, v.id, v.storage_path);
    }

    client
        .delete_dataset_version(&DatasetVersionIdRequest::new(&dataset, &version))
        .await?;
    client
        .delete_dataset(&DatasetIdRequest::new(&dataset))
        .await?;
    println!("deleted version {version} and dataset {dataset}");
    Ok(())
}

/// Registers the folder `<base>/v1` on the PFS instance `pfs` as a dataset
/// (its first version); returns the dataset id.
pub async fn register_dataset(client: &Client, pfs: &str, base: &str) -> Result<String> {
    let created = client
        .create_dataset(&CreateDatasetRequest {
            name: "bce-sdk-rust-example".into(),
            storage_type: StorageType::Pfs,
            storage_instance: pfs.into(),
            import_format: ImportFormat::Folder,
            visibility_scope: VisibilityScope::OnlyOwner,
            description: "registered by the bce-sdk-rust datasets example".into(),
            init_version_entry: InitDatasetVersion {
                storage_path: format!("{base}/v1"),
                mount_path: "/mnt/example".into(),
                description: "first cut".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .await?;
    Ok(created.id)
}

/// Adds the folder `<base>/v2` as the dataset's next version; returns the
/// version id.
pub async fn add_version(client: &Client, dataset: &str, base: &str) -> Result<String> {
    let created = client
        .create_dataset_version(&CreateDatasetVersionRequest {
            dataset_id: dataset.into(),
            storage_path: format!("{base}/v2"),
            mount_path: "/mnt/example".into(),
            description: "second cut".into(),
        })
        .await?;
    Ok(created.id)
}

/// Every dataset on one kind of storage, walked `page_size` at a time.
pub async fn datasets_on(
    client: &Client,
    storage: StorageType,
    page_size: u32,
) -> Result<Vec<Dataset>> {
    let all = client
        .describe_datasets_stream(DescribeDatasetsRequest {
            storage_type: storage,
            page_size,
            ..Default::default()
        })
        .try_collect()
        .await?;
    Ok(all)
}
