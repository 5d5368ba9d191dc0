//! AIHC datasets and models with their versions (OpenAPI v2:
//! `/?action=…Dataset…` and `…Model…` with the `version: v2` header).
//!
//! Datasets get ids `ds-…` and versions `dsv-…` named `v1`, `v2`, …;
//! models and their versions get ids `mo-…` (as the API reference shows)
//! and versions named `1`, `2`, …. Lists page with `pageNumber`/`pageSize`
//! (every item when `pageSize` is absent); missing ids answer
//! `404 NotFound`, missing required fields `400 InvalidParameter`.
//! Requests signed the Python SDK's way (empty signed-headers field) and the
//! Go SDK's way (explicit list) are both accepted by the server's check.

use aihc_data::{
    CreateDatasetRequest, CreateDatasetVersionRequest, CreateModelRequest,
    CreateModelVersionRequest, Dataset, DatasetVersion, DescribeDatasetResponse,
    DescribeDatasetVersionResponse, DescribeDatasetVersionsResponse, DescribeDatasetsResponse,
    DescribeModelResponse, DescribeModelVersionsResponse, DescribeModelsResponse, IdResponse,
    Model, ModelVersion, ModifyDatasetRequest, ModifyModelRequest, PermissionLevel,
    RequestIdResponse, VisibilityScope,
};

use crate::clock::iso;
use crate::reply::Reply;
use crate::request::Ctx;
use crate::resource::new_id;

/// The actions this module answers.
const ACTIONS: &[&str] = &[
    "DescribeDatasets",
    "DescribeDataset",
    "CreateDataset",
    "ModifyDataset",
    "DeleteDataset",
    "DescribeDatasetVersions",
    "DescribeDatasetVersion",
    "CreateDatasetVersion",
    "DeleteDatasetVersion",
    "DescribeModels",
    "DescribeModel",
    "CreateModel",
    "ModifyModel",
    "DeleteModel",
    "DescribeModelVersions",
    "DescribeModelVersion",
    "CreateModelVersion",
    "DeleteModelVersion",
];

/// Owner reported for resources created without one.
const OWNER: &str = "emulator";

#[derive(Debug, Clone)]
struct DatasetRec {
    dataset: Dataset,
    versions: Vec<DatasetVersion>,
    next_version: u32,
}

#[derive(Debug, Clone)]
struct ModelRec {
    model: Model,
    versions: Vec<ModelVersion>,
    next_version: u32,
}

/// Dataset and model state.
#[derive(Debug, Default)]
pub(crate) struct Data {
    datasets: Vec<DatasetRec>,
    models: Vec<ModelRec>,
}

fn page_of<T: Clone>(ctx: &Ctx, items: &[T]) -> Vec<T> {
    let size = ctx.qn("pageSize", 0);
    if size == 0 {
        return items.to_vec();
    }
    crate::reply::page(items, ctx.qn("pageNumber", 1), size)
}

fn ack(ctx: &Ctx) -> Reply {
    let mut answer = RequestIdResponse::default();
    answer.request_id.clone_from(&ctx.request_id);
    Reply::ok(answer)
}

fn created(ctx: &Ctx, id: &str) -> Reply {
    let mut answer = IdResponse::default();
    answer.request_id.clone_from(&ctx.request_id);
    id.clone_into(&mut answer.id);
    Reply::ok(answer)
}

fn missing(fields: &[(&str, &str)]) -> Option<Reply> {
    fields
        .iter()
        .find(|(_, value)| value.is_empty())
        .map(|(name, _)| Reply::bad_request(format!("{name} is required")))
}

impl DatasetRec {
    fn add_version(
        &mut self,
        ctx: &Ctx,
        storage_path: &str,
        mount_path: &str,
        description: &str,
    ) -> String {
        self.next_version += 1;
        let mut v = DatasetVersion::default();
        v.id = new_id("dsv-", 8);
        v.version = format!("v{}", self.next_version);
        description.clone_into(&mut v.description);
        storage_path.clone_into(&mut v.storage_path);
        mount_path.clone_into(&mut v.mount_path);
        v.create_user = self.dataset.owner.clone();
        v.create_user_name = OWNER.into();
        v.created_at = iso(ctx.now_ms);
        v.updated_at = v.created_at.clone();
        let id = v.id.clone();
        self.versions.push(v);
        self.touch(ctx);
        id
    }

    /// Points the dataset at its newest version.
    fn touch(&mut self, ctx: &Ctx) {
        let latest = self.versions.last().cloned().unwrap_or_default();
        self.dataset.latest_version_id = latest.id;
        self.dataset.latest_version = latest.version;
        self.dataset.updated_at = iso(ctx.now_ms);
    }
}

impl ModelRec {
    fn add_version(
        &mut self,
        ctx: &Ctx,
        source: &aihc_data::ModelSource,
        bucket: &str,
        path: &str,
        metrics: &str,
        description: &str,
    ) -> String {
        self.next_version += 1;
        let mut v = ModelVersion::default();
        v.id = new_id("mo-", 8);
        v.version = self.next_version.to_string();
        v.source = source.clone();
        bucket.clone_into(&mut v.storage_bucket);
        path.clone_into(&mut v.storage_path);
        metrics.clone_into(&mut v.model_metrics);
        description.clone_into(&mut v.description);
        v.created_at = iso(ctx.now_ms);
        v.create_user = self.model.owner.clone();
        v.create_user_name = OWNER.into();
        let id = v.id.clone();
        self.versions.push(v);
        self.touch(ctx);
        id
    }

    fn touch(&mut self, ctx: &Ctx) {
        let latest = self.versions.last().cloned().unwrap_or_default();
        self.model.latest_version_id = latest.id;
        self.model.latest_version = latest.version;
        self.model.updated_at = iso(ctx.now_ms);
    }

    fn describe(&self, ctx: &Ctx, version: ModelVersion) -> DescribeModelResponse {
        let mut answer = DescribeModelResponse::default();
        answer.request_id.clone_from(&ctx.request_id);
        answer.model = self.model.clone();
        answer.version_entry = version;
        answer
    }
}

/// Answers the dataset and model actions on `/`; `None` for anything else.
pub(crate) fn route(d: &mut Data, ctx: &Ctx) -> Option<Reply> {
    let action = match ctx.v2_action(ACTIONS)? {
        Ok(action) => action,
        Err(reply) => return Some(reply),
    };
    Some(if action.contains("Dataset") {
        datasets(d, ctx, action)
    } else {
        models(d, ctx, action)
    })
}

fn datasets(d: &mut Data, ctx: &Ctx, action: &str) -> Reply {
    let id = ctx.qs("datasetId").to_owned();
    let version_id = ctx.qs("versionId").to_owned();
    let pos = d.datasets.iter().position(|r| r.dataset.id == id);
    let needs_id = !matches!(action, "DescribeDatasets" | "CreateDataset");
    if needs_id && id.is_empty() {
        return Reply::bad_request("datasetId is required");
    }
    let rec = match pos {
        Some(i) => Some(i),
        None if needs_id => return Reply::not_found("dataset", &id),
        None => None,
    };
    match action {
        "DescribeDatasets" => {
            let keyword = ctx.qs("keyword");
            let storage_type = ctx.qs("storageType");
            let format = ctx.qs("importFormat");
            let instances: Vec<&str> = ctx
                .qs("storageInstances")
                .split(',')
                .filter(|s| !s.is_empty())
                .collect();
            let all: Vec<Dataset> = d
                .datasets
                .iter()
                .rev()
                .map(|r| r.dataset.clone())
                .filter(|x| keyword.is_empty() || x.name.contains(keyword))
                .filter(|x| storage_type.is_empty() || x.storage_type.as_str() == storage_type)
                .filter(|x| format.is_empty() || x.import_format.as_str() == format)
                .filter(|x| {
                    instances.is_empty() || instances.contains(&x.storage_instance.as_str())
                })
                .collect();
            let mut answer = DescribeDatasetsResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.total_count = all.len() as u64;
            answer.datasets = page_of(ctx, &all);
            Reply::ok(answer)
        }
        "CreateDataset" => {
            let req: CreateDatasetRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            let entry = &req.init_version_entry;
            if let Some(bad) = missing(&[
                ("name", &req.name),
                ("storageType", req.storage_type.as_str()),
                ("storageInstance", &req.storage_instance),
                ("importFormat", req.import_format.as_str()),
                ("initVersionEntry.storagePath", &entry.storage_path),
                ("initVersionEntry.mountPath", &entry.mount_path),
            ]) {
                return bad;
            }
            let mut ds = Dataset::default();
            ds.id = new_id("ds-", 8);
            ds.name = req.name.clone();
            ds.storage_type = req.storage_type.clone();
            ds.storage_instance = req.storage_instance.clone();
            ds.import_format = req.import_format.clone();
            ds.description = req.description.clone();
            ds.owner = if req.owner.is_empty() {
                OWNER.into()
            } else {
                req.owner.clone()
            };
            ds.owner_name = OWNER.into();
            ds.visibility_scope = if req.visibility_scope.is_empty() {
                VisibilityScope::OnlyOwner
            } else {
                req.visibility_scope.clone()
            };
            ds.visibility_user = req.visibility_user.clone();
            ds.visibility_group = req.visibility_group.clone();
            ds.permission = PermissionLevel::ReadWrite;
            ds.created_at = iso(ctx.now_ms);
            let new = ds.id.clone();
            let mut rec = DatasetRec {
                dataset: ds,
                versions: Vec::new(),
                next_version: 0,
            };
            rec.add_version(
                ctx,
                &entry.storage_path,
                &entry.mount_path,
                &entry.description,
            );
            d.datasets.push(rec);
            created(ctx, &new)
        }
        _ => {
            let Some(i) = rec else {
                return Reply::not_found("dataset", &id);
            };
            dataset_item(&mut d.datasets, i, ctx, action, &version_id)
        }
    }
}

fn dataset_item(
    all: &mut Vec<DatasetRec>,
    i: usize,
    ctx: &Ctx,
    action: &str,
    version_id: &str,
) -> Reply {
    let needs_version = matches!(action, "DescribeDatasetVersion" | "DeleteDatasetVersion");
    if needs_version && version_id.is_empty() {
        return Reply::bad_request("versionId is required");
    }
    let rec = &mut all[i];
    let vpos = rec.versions.iter().position(|v| v.id == version_id);
    if needs_version && vpos.is_none() {
        return Reply::not_found("dataset version", version_id);
    }
    match action {
        "DescribeDataset" => {
            let mut answer = DescribeDatasetResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.dataset = rec.dataset.clone();
            answer.latest_version_entry = rec.versions.last().cloned().unwrap_or_default();
            Reply::ok(answer)
        }
        "ModifyDataset" => {
            let req: ModifyDatasetRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            let ds = &mut rec.dataset;
            if let Some(name) = req.name {
                if name.is_empty() {
                    return Reply::bad_request("name must not be empty");
                }
                ds.name = name;
            }
            if let Some(v) = req.description {
                ds.description = v;
            }
            if let Some(v) = req.visibility_scope {
                ds.visibility_scope = v;
            }
            if let Some(v) = req.visibility_user {
                ds.visibility_user = v;
            }
            if let Some(v) = req.visibility_group {
                ds.visibility_group = v;
            }
            ds.updated_at = iso(ctx.now_ms);
            ack(ctx)
        }
        "DeleteDataset" => {
            all.remove(i);
            ack(ctx)
        }
        "DescribeDatasetVersions" => {
            let newest_first: Vec<DatasetVersion> = rec.versions.iter().rev().cloned().collect();
            let mut answer = DescribeDatasetVersionsResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.total_count = newest_first.len() as u64;
            answer.versions = page_of(ctx, &newest_first);
            Reply::ok(answer)
        }
        "DescribeDatasetVersion" => {
            let mut answer = DescribeDatasetVersionResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.dataset = rec.dataset.clone();
            answer.version_entry = vpos.map(|v| rec.versions[v].clone()).unwrap_or_default();
            Reply::ok(answer)
        }
        "CreateDatasetVersion" => {
            let req: CreateDatasetVersionRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            if let Some(bad) = missing(&[
                ("storagePath", &req.storage_path),
                ("mountPath", &req.mount_path),
            ]) {
                return bad;
            }
            let new = rec.add_version(ctx, &req.storage_path, &req.mount_path, &req.description);
            created(ctx, &new)
        }
        "DeleteDatasetVersion" => {
            if let Some(v) = vpos {
                rec.versions.remove(v);
            }
            rec.touch(ctx);
            ack(ctx)
        }
        _ => Reply::bad_request(format!("unknown action {action}")),
    }
}

fn models(d: &mut Data, ctx: &Ctx, action: &str) -> Reply {
    let id = ctx.qs("modelId").to_owned();
    let version_id = ctx.qs("versionId").to_owned();
    match action {
        "DescribeModels" => {
            let keyword = ctx.qs("keyword");
            let all: Vec<Model> = d
                .models
                .iter()
                .rev()
                .map(|r| r.model.clone())
                .filter(|m| keyword.is_empty() || m.name.contains(keyword))
                .collect();
            let mut answer = DescribeModelsResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.total_count = all.len() as u64;
            answer.models = page_of(ctx, &all);
            return Reply::ok(answer);
        }
        "CreateModel" => {
            let req: CreateModelRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            let entry = &req.init_version_entry;
            if let Some(bad) = missing(&[
                ("name", &req.name),
                ("modelFormat", req.model_format.as_str()),
                ("initVersionEntry.source", entry.source.as_str()),
                ("initVersionEntry.storageBucket", &entry.storage_bucket),
                ("initVersionEntry.storagePath", &entry.storage_path),
            ]) {
                return bad;
            }
            let mut m = Model::default();
            m.id = new_id("mo-", 8);
            m.name = req.name.clone();
            m.init_source = entry.source.clone();
            m.model_format = req.model_format.clone();
            m.description = req.description.clone();
            m.created_at = iso(ctx.now_ms);
            m.owner = if req.owner.is_empty() {
                OWNER.into()
            } else {
                req.owner.clone()
            };
            m.owner_name = OWNER.into();
            m.visibility_scope = if req.visibility_scope.is_empty() {
                VisibilityScope::OnlyOwner
            } else {
                req.visibility_scope.clone()
            };
            let new = m.id.clone();
            let mut rec = ModelRec {
                model: m,
                versions: Vec::new(),
                next_version: 0,
            };
            rec.add_version(
                ctx,
                &entry.source,
                &entry.storage_bucket,
                &entry.storage_path,
                &entry.model_metrics,
                &entry.description,
            );
            d.models.push(rec);
            return created(ctx, &new);
        }
        _ => {}
    }
    if id.is_empty() {
        return Reply::bad_request("modelId is required");
    }
    let Some(i) = d.models.iter().position(|r| r.model.id == id) else {
        return Reply::not_found("model", &id);
    };
    let needs_version = matches!(action, "DescribeModelVersion" | "DeleteModelVersion");
    if needs_version && version_id.is_empty() {
        return Reply::bad_request("versionId is required");
    }
    let rec = &mut d.models[i];
    let vpos = rec.versions.iter().position(|v| v.id == version_id);
    if needs_version && vpos.is_none() {
        return Reply::not_found("model version", &version_id);
    }
    match action {
        "DescribeModel" => {
            let latest = rec.versions.last().cloned().unwrap_or_default();
            Reply::ok(rec.describe(ctx, latest))
        }
        "DescribeModelVersion" => {
            let version = vpos.map(|v| rec.versions[v].clone()).unwrap_or_default();
            Reply::ok(rec.describe(ctx, version))
        }
        "ModifyModel" => {
            let req: ModifyModelRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            if req.name.is_empty() {
                return Reply::bad_request("name is required");
            }
            rec.model.name = req.name;
            rec.model.description = req.description;
            rec.model.updated_at = iso(ctx.now_ms);
            created(ctx, &id)
        }
        "DeleteModel" => {
            d.models.remove(i);
            ack(ctx)
        }
        "DescribeModelVersions" => {
            let newest_first: Vec<ModelVersion> = rec.versions.iter().rev().cloned().collect();
            let mut answer = DescribeModelVersionsResponse::default();
            answer.request_id.clone_from(&ctx.request_id);
            answer.total_count = newest_first.len() as u64;
            answer.versions = page_of(ctx, &newest_first);
            Reply::ok(answer)
        }
        "CreateModelVersion" => {
            let req: CreateModelVersionRequest = match ctx.json() {
                Ok(r) => r,
                Err(r) => return r,
            };
            if let Some(bad) = missing(&[
                ("storageBucket", &req.storage_bucket),
                ("storagePath", &req.storage_path),
                ("source", req.source.as_str()),
            ]) {
                return bad;
            }
            let new = rec.add_version(
                ctx,
                &req.source,
                &req.storage_bucket,
                &req.storage_path,
                &req.model_metrics,
                &req.description,
            );
            created(ctx, &new)
        }
        "DeleteModelVersion" => {
            if let Some(v) = vpos {
                rec.versions.remove(v);
            }
            rec.touch(ctx);
            ack(ctx)
        }
        _ => Reply::bad_request(format!("unknown action {action}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn ctx(method: &str, query: &[(&str, &str)], body: Value) -> Ctx {
        Ctx::v2_test(method, query, &body, 1_750_000_000_000)
    }

    fn call(d: &mut Data, method: &str, query: &[(&str, &str)], body: Value) -> Reply {
        route(d, &ctx(method, query, body)).expect("a data action")
    }

    #[test]
    fn datasets_and_versions() {
        let mut d = Data::default();
        let r = call(
            &mut d,
            "POST",
            &[("action", "CreateDataset")],
            json!({"name": "imgs", "storageType": "PFS", "storageInstance": "pfs-1",
                "importFormat": "FOLDER", "initVersionEntry": {"storagePath": "/a", "mountPath": "/mnt/a"}}),
        );
        assert_eq!(r.status, 200, "{:?}", r.body);
        let id = r.body["id"].as_str().unwrap().to_owned();
        let r = call(
            &mut d,
            "POST",
            &[("action", "CreateDatasetVersion"), ("datasetId", &id)],
            json!({"storagePath": "/b", "mountPath": "/mnt/a"}),
        );
        let v2 = r.body["id"].as_str().unwrap().to_owned();
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeDataset"), ("datasetId", &id)],
            Value::Null,
        );
        assert_eq!(r.body["latestVersion"], "v2");
        assert_eq!(r.body["latestVersionEntry"]["storagePath"], "/b");
        assert_eq!(r.body["visibilityScope"], "ONLY_OWNER");
        let r = call(
            &mut d,
            "GET",
            &[
                ("action", "DescribeDatasetVersions"),
                ("datasetId", &id),
                ("pageNumber", "2"),
                ("pageSize", "1"),
            ],
            Value::Null,
        );
        assert_eq!(r.body["totalCount"], 2);
        assert_eq!(r.body["versions"][0]["version"], "v1");
        let r = call(
            &mut d,
            "POST",
            &[
                ("action", "DeleteDatasetVersion"),
                ("datasetId", &id),
                ("versionId", &v2),
            ],
            Value::Null,
        );
        assert_eq!(r.body, json!({"requestId": "rid"}));
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeDatasets"), ("storageType", "BOS")],
            Value::Null,
        );
        assert_eq!(r.body["totalCount"], 0);
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeDatasets"), ("keyword", "im")],
            Value::Null,
        );
        assert_eq!(r.body["datasets"][0]["latestVersion"], "v1");
        call(
            &mut d,
            "POST",
            &[("action", "DeleteDataset"), ("datasetId", &id)],
            Value::Null,
        );
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeDataset"), ("datasetId", &id)],
            Value::Null,
        );
        assert_eq!(r.status, 404);
    }

    #[test]
    fn models_and_versions() {
        let mut d = Data::default();
        let r = call(
            &mut d,
            "POST",
            &[("action", "CreateModel")],
            json!({"name": "qwen", "modelFormat": "HuggingFace"}),
        );
        assert_eq!(r.status, 400, "initVersionEntry is required");
        let r = call(
            &mut d,
            "POST",
            &[("action", "CreateModel")],
            json!({"name": "qwen", "modelFormat": "HuggingFace",
                "initVersionEntry": {"source": "UserUpload", "storageBucket": "b", "storagePath": "/q"}}),
        );
        let id = r.body["id"].as_str().unwrap().to_owned();
        assert!(id.starts_with("mo-"));
        let r = call(
            &mut d,
            "POST",
            &[("action", "ModifyModel"), ("modelId", &id)],
            json!({"name": "qwen-2", "description": ""}),
        );
        assert_eq!(r.body["id"], id.as_str());
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeModel"), ("modelId", &id)],
            Value::Null,
        );
        assert_eq!(r.body["name"], "qwen-2");
        assert_eq!(r.body["versionEntry"]["version"], "1");
        let r = call(&mut d, "GET", &[("action", "DescribeModels")], Value::Null);
        assert_eq!(r.body["models"].as_array().unwrap().len(), 1);
        call(
            &mut d,
            "POST",
            &[("action", "DeleteModel"), ("modelId", &id)],
            Value::Null,
        );
        let r = call(
            &mut d,
            "GET",
            &[("action", "DescribeModelVersions"), ("modelId", &id)],
            Value::Null,
        );
        assert_eq!(r.status, 404);
    }

    #[test]
    fn version_header_method_and_other_actions() {
        let mut d = Data::default();
        let mut c = ctx("GET", &[("action", "DescribeModels")], Value::Null);
        c.headers.clear();
        assert_eq!(route(&mut d, &c).unwrap().status, 404);
        assert_eq!(
            call(&mut d, "POST", &[("action", "DescribeModels")], Value::Null).status,
            405
        );
        assert!(route(
            &mut d,
            &ctx("GET", &[("action", "DescribeDevInstances")], Value::Null)
        )
        .is_none());
    }
}
