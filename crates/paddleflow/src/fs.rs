//! File systems, their cache configuration, links and mounting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bce_core::paginate::marker_stream;
use bce_core::{Error, Method, Secret};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{nd, next_marker, Properties};

/// A file system (`fsList` item and [`Client::show_fs`] answer).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FileSystem {
    /// Id, e.g. `fs-root-myfs`.
    #[serde(deserialize_with = "nd")]
    pub id: String,
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub name: String,
    /// Storage address.
    #[serde(deserialize_with = "nd")]
    pub server_address: String,
    /// Storage type, e.g. `s3`, `hdfs`, `local`.
    #[serde(rename = "type", deserialize_with = "nd")]
    pub fs_type: String,
    /// Path inside the storage.
    #[serde(deserialize_with = "nd")]
    pub sub_path: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// Storage properties (credentials hidden in `Debug`).
    #[serde(deserialize_with = "nd")]
    pub properties: Properties,
    /// Whether the fuse client runs in its own process (lists only).
    pub independent_mount_process: bool,
}

/// Body of [`Client::add_fs`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddFsRequest {
    /// Name (required).
    pub name: String,
    /// Storage URL (required), e.g. `s3://bucket/path`.
    pub url: String,
    /// Owner (root may create for another user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Storage properties, e.g. `accessKey`, `secretKey`, `endpoint`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<Properties>,
    /// Run the fuse client in its own process.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent_mount_process: Option<bool>,
}

/// Answer of [`Client::add_fs`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct AddFsResponse {
    /// Name.
    #[serde(deserialize_with = "nd")]
    pub fs_name: String,
    /// Id.
    #[serde(rename = "fsID", deserialize_with = "nd")]
    pub fs_id: String,
}

/// A page of file systems (`GET /fs` answers `marker`/`truncated`, not the
/// usual `maxKeys`/`isTruncated` envelope).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ListFsResponse {
    /// The marker this page started at.
    #[serde(deserialize_with = "nd")]
    pub marker: String,
    /// Whether more items follow.
    pub truncated: bool,
    /// Marker of the next page.
    #[serde(deserialize_with = "nd")]
    pub next_marker: String,
    /// The file systems.
    #[serde(deserialize_with = "nd")]
    pub fs_list: Vec<FileSystem>,
}

impl ListFsResponse {
    /// The marker of the next page, or `None` on the last page.
    pub fn next_page(&self) -> Option<String> {
        next_marker(self.truncated, &self.next_marker)
    }
}

impl bce_core::paginate::MarkerResponse for ListFsResponse {
    type Item = FileSystem;
    fn next_marker(&self) -> Option<String> {
        self.next_page()
    }
    fn into_items(self) -> Vec<FileSystem> {
        self.fs_list
    }
}

/// Filter and paging of [`Client::list_fs`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListFsRequest {
    /// Owner (root may list another user's).
    pub username: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Only this file system (`fsName`).
    pub fs_name: Option<String>,
}

/// Resources of the cache's fuse pods.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CacheResource {
    /// CPU limit, e.g. `2`.
    #[serde(skip_serializing_if = "String::is_empty", deserialize_with = "nd")]
    pub cpu_limit: String,
    /// Memory limit, e.g. `4Gi`.
    #[serde(skip_serializing_if = "String::is_empty", deserialize_with = "nd")]
    pub memory_limit: String,
}

/// Cache options of a file system: what [`Client::create_cache`] and
/// [`Client::update_fs_cache`] send. Only what is set is sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FsCacheOptions {
    /// Cache directory on the node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_dir: Option<String>,
    /// Cache size quota.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<i64>,
    /// Meta driver, e.g. `disk`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_driver: Option<String>,
    /// Block size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_size: Option<i64>,
    /// Debug logging.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debug: Option<bool>,
    /// Clean the cache when unmounting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clean_cache: Option<bool>,
    /// Resources of the fuse pods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<CacheResource>,
    /// Node selection and tolerations (free-form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_taint_toleration: Option<serde_json::Value>,
    /// Extra fuse settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_config: Option<BTreeMap<String, String>>,
}

/// Body of [`Client::create_cache`]: the options plus the file system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateCacheRequest {
    /// File system (required).
    pub fs_name: String,
    /// Owner of the file system (root may act for another user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The cache options.
    #[serde(flatten)]
    pub options: FsCacheOptions,
}

/// A file system's cache configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct FsCacheConfig {
    /// Cache directory.
    #[serde(deserialize_with = "nd")]
    pub cache_dir: String,
    /// Quota.
    #[serde(deserialize_with = "nd")]
    pub quota: i64,
    /// Meta driver.
    #[serde(deserialize_with = "nd")]
    pub meta_driver: String,
    /// Block size.
    #[serde(deserialize_with = "nd")]
    pub block_size: i64,
    /// Debug logging.
    #[serde(deserialize_with = "nd")]
    pub debug: bool,
    /// Clean the cache when unmounting.
    #[serde(deserialize_with = "nd")]
    pub clean_cache: bool,
    /// Fuse pod resources.
    #[serde(deserialize_with = "nd")]
    pub resource: CacheResource,
    /// Node selection and tolerations.
    pub node_taint_toleration: serde_json::Value,
    /// Extra settings.
    #[serde(deserialize_with = "nd")]
    pub extra_config: BTreeMap<String, String>,
    /// File system.
    #[serde(deserialize_with = "nd")]
    pub fs_name: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// Creation time.
    #[serde(deserialize_with = "nd")]
    pub create_time: String,
    /// Last update.
    #[serde(deserialize_with = "nd")]
    pub update_time: String,
}

/// A link: another storage mounted under a path of a file system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Link {
    /// File system.
    #[serde(deserialize_with = "nd")]
    pub fs_name: String,
    /// Path inside the file system.
    #[serde(deserialize_with = "nd")]
    pub fs_path: String,
    /// Storage address.
    #[serde(deserialize_with = "nd")]
    pub server_address: String,
    /// Storage type.
    #[serde(rename = "type", deserialize_with = "nd")]
    pub link_type: String,
    /// Owner.
    #[serde(deserialize_with = "nd")]
    pub username: String,
    /// Path inside the storage.
    #[serde(deserialize_with = "nd")]
    pub sub_path: String,
    /// Storage properties (credentials hidden in `Debug`).
    #[serde(deserialize_with = "nd")]
    pub properties: Properties,
}

/// Body of [`Client::add_link`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddLinkRequest {
    /// File system (required).
    pub fs_name: String,
    /// Path inside the file system (required), e.g. `/links/data`.
    pub fs_path: String,
    /// Storage URL (required).
    pub url: String,
    /// Owner of the file system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Storage properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<Properties>,
}

/// A page of links (`marker`/`truncated` envelope, like [`ListFsResponse`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ListLinkResponse {
    /// The marker this page started at.
    #[serde(deserialize_with = "nd")]
    pub marker: String,
    /// Whether more items follow.
    pub truncated: bool,
    /// Marker of the next page.
    #[serde(deserialize_with = "nd")]
    pub next_marker: String,
    /// The links.
    #[serde(deserialize_with = "nd")]
    pub link_list: Vec<Link>,
}

impl ListLinkResponse {
    /// The marker of the next page, or `None` on the last page.
    pub fn next_page(&self) -> Option<String> {
        next_marker(self.truncated, &self.next_marker)
    }
}

impl bce_core::paginate::MarkerResponse for ListLinkResponse {
    type Item = Link;
    fn next_marker(&self) -> Option<String> {
        self.next_page()
    }
    fn into_items(self) -> Vec<Link> {
        self.link_list
    }
}

/// Filter and paging of [`Client::list_link`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListLinkRequest {
    /// File system (required).
    pub fs_name: String,
    /// Owner of the file system.
    pub username: Option<String>,
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

/// What mounting a file system with the PaddleFlow fuse client takes: the
/// answer of [`Client::mount`]. Run the fuse client yourself (e.g. with
/// [`std::process::Command`] and [`MountCommand::args`], never through a
/// shell: the arguments carry the password).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MountCommand {
    /// `fs-{owner}-{name}`.
    pub fs_id: String,
    /// Where to mount.
    pub mount_point: PathBuf,
    /// The PaddleFlow server, `host:port`.
    pub server: String,
    /// User the fuse client logs in as.
    pub user_name: String,
    /// That user's password.
    pub password: Secret,
    /// Extra `--key=value` options.
    pub options: BTreeMap<String, String>,
    /// The file system as the server described it.
    pub fs: FileSystem,
}

impl MountCommand {
    /// The fuse client's arguments: `mount --fs-id=… --mount-point=…
    /// --server=… --user-name=… --password=… --key=value…`.
    pub fn args(&self) -> Vec<String> {
        let mut args = vec![
            "mount".to_owned(),
            format!("--fs-id={}", self.fs_id),
            format!("--mount-point={}", self.mount_point.display()),
            format!("--server={}", self.server),
            format!("--user-name={}", self.user_name),
            format!("--password={}", self.password.expose()),
        ];
        args.extend(self.options.iter().map(|(k, v)| format!("--{k}={v}")));
        args
    }

    /// Checks that the mount point is an existing directory (the Python
    /// SDK's check, done before it sends anything).
    pub fn check_mount_point(&self) -> Result<(), Error> {
        if Path::new(&self.mount_point).is_dir() {
            Ok(())
        } else {
            Err(Error::invalid_input(
                "path",
                format!("{}: no such directory", self.mount_point.display()),
            ))
        }
    }
}

impl Client {
    /// Creates a file system (`POST /api/paddleflow/v1/fs`, answer 201).
    pub async fn add_fs(&self, request: &AddFsRequest) -> Result<AddFsResponse, Error> {
        let op = Client::op("add_fs", Method::Post, "/fs")
            .required("fsname", &request.name)
            .required("url", &request.url)
            .json_plain(request);
        self.send(op).await
    }

    /// One file system (`GET /api/paddleflow/v1/fs/{fsName}`, optional
    /// query `username` for root acting on another user's).
    pub async fn show_fs(
        &self,
        fs_name: &str,
        username: Option<&str>,
    ) -> Result<FileSystem, Error> {
        let op = Client::op("show_fs", Method::Get, "/fs")
            .id("fsname", fs_name)
            .filter("username", username);
        self.send(op).await
    }

    /// Deletes a file system (`DELETE /api/paddleflow/v1/fs/{fsName}`).
    pub async fn delete_fs(&self, fs_name: &str, username: Option<&str>) -> Result<(), Error> {
        let op = Client::op("delete_fs", Method::Delete, "/fs")
            .id("fsname", fs_name)
            .filter("username", username);
        self.send_empty(op).await
    }

    /// One page of file systems (`GET /api/paddleflow/v1/fs`).
    pub async fn list_fs(&self, request: &ListFsRequest) -> Result<ListFsResponse, Error> {
        let op = Client::op("list_fs", Method::Get, "/fs")
            .max_keys(request.max_keys)
            .filter("username", request.username.as_deref())
            .filter("marker", request.marker.as_deref())
            .filter("fsName", request.fs_name.as_deref());
        self.send(op).await
    }

    /// Every file system, page after page (`marker`/`truncated` paging).
    pub fn list_fs_stream(
        &self,
        request: ListFsRequest,
    ) -> impl Stream<Item = Result<FileSystem, Error>> + '_ {
        marker_stream(request, move |req: ListFsRequest| async move {
            self.list_fs(&req).await
        })
    }

    /// Prepares mounting a file system: looks it up
    /// (`GET /api/paddleflow/v1/fs/{fsName}`, the only request the Python
    /// SDK's `mount` sends) and returns the fuse client's command line for
    /// `path`, with the user name and password this client logs in with.
    /// Nothing is run and the local file system is not touched; see
    /// [`MountCommand::check_mount_point`].
    pub async fn mount(
        &self,
        fs_name: &str,
        path: impl AsRef<Path>,
        mount_options: &BTreeMap<String, String>,
        username: Option<&str>,
    ) -> Result<MountCommand, Error> {
        let path = path.as_ref();
        if path.as_os_str().is_empty() {
            return Err(Error::invalid_input("path", "must not be empty"));
        }
        let fs = self.show_fs(fs_name, username).await?;
        let Some((user_name, password)) = self.auth.login_user().await else {
            return Err(Error::invalid_input(
                "login",
                "mounting needs the user name and password of a login (the fuse client logs in itself)",
            ));
        };
        Ok(MountCommand {
            fs_id: format!("fs-{}-{}", fs.username, fs.name),
            mount_point: path.to_path_buf(),
            server: self.inner.endpoint().host().to_owned(),
            user_name,
            password,
            options: mount_options.clone(),
            fs,
        })
    }

    /// Configures the cache of a file system
    /// (`POST /api/paddleflow/v1/fsCache`, answer 201 without a body).
    pub async fn create_cache(&self, request: &CreateCacheRequest) -> Result<(), Error> {
        let op = Client::op("create_cache", Method::Post, "/fsCache")
            .required("fsname", &request.fs_name)
            .check(
                request
                    .username
                    .as_deref()
                    .map_or(true, |u| u.is_empty() || !u.trim().is_empty()),
                "username",
                "must not be blank",
            )
            .json_plain(request);
        self.send_empty(op).await
    }

    /// Sends `PUT /api/paddleflow/v1/fsCache/{fsName}` with the options, as
    /// the Python SDK does. **The server has no such route** (it answers 405
    /// `MethodNotAllowed`); to change a cache, delete it and create it again.
    pub async fn update_fs_cache(
        &self,
        fs_name: &str,
        params: &FsCacheOptions,
        username: Option<&str>,
    ) -> Result<(), Error> {
        let op = Client::op("update_fs_cache", Method::Put, "/fsCache")
            .id("fsname", fs_name)
            .filter("username", username)
            .json_plain(params);
        self.send_empty(op).await
    }

    /// A file system's cache configuration
    /// (`GET /api/paddleflow/v1/fsCache/{fsName}`).
    pub async fn get_fs_cache(
        &self,
        fs_name: &str,
        username: Option<&str>,
    ) -> Result<FsCacheConfig, Error> {
        let op = Client::op("get_fs_cache", Method::Get, "/fsCache")
            .id("fsname", fs_name)
            .filter("username", username);
        self.send(op).await
    }

    /// Removes a file system's cache configuration
    /// (`DELETE /api/paddleflow/v1/fsCache/{fsName}`).
    pub async fn delete_fs_cache(
        &self,
        fs_name: &str,
        username: Option<&str>,
    ) -> Result<(), Error> {
        let op = Client::op("delete_fs_cache", Method::Delete, "/fsCache")
            .id("fsname", fs_name)
            .filter("username", username);
        self.send_empty(op).await
    }

    /// Links another storage under a path of a file system
    /// (`POST /api/paddleflow/v1/link`, answer 201 without a body).
    pub async fn add_link(&self, request: &AddLinkRequest) -> Result<(), Error> {
        let op = Client::op("add_link", Method::Post, "/link")
            .required("fsname", &request.fs_name)
            .required("url", &request.url)
            .required("fspath", &request.fs_path)
            .check(
                request
                    .username
                    .as_deref()
                    .map_or(true, |u| u.is_empty() || !u.trim().is_empty()),
                "username",
                "must not be blank",
            )
            .json_plain(request);
        self.send_empty(op).await
    }

    /// Removes a link (`DELETE /api/paddleflow/v1/link/{fsName}?fsPath=…`).
    pub async fn delete_link(
        &self,
        fs_name: &str,
        fs_path: &str,
        username: Option<&str>,
    ) -> Result<(), Error> {
        let op = Client::op("delete_link", Method::Delete, "/link")
            .id("fsname", fs_name)
            .filter("username", username)
            .required("fspath", fs_path)
            .query("fsPath", fs_path);
        self.send_empty(op).await
    }

    /// One page of a file system's links (`GET /api/paddleflow/v1/link/{fsName}`).
    /// The seed's `show_link(fsname)` listing is this call.
    pub async fn list_link(&self, request: &ListLinkRequest) -> Result<ListLinkResponse, Error> {
        let op = Client::op("list_link", Method::Get, "/link")
            .id("fsname", &request.fs_name)
            .max_keys(request.max_keys)
            .filter("username", request.username.as_deref())
            .filter("marker", request.marker.as_deref());
        self.send(op).await
    }

    /// Every link of a file system, page after page (`marker`/`truncated` paging).
    pub fn list_link_stream(
        &self,
        request: ListLinkRequest,
    ) -> impl Stream<Item = Result<Link, Error>> + '_ {
        marker_stream(request, move |req: ListLinkRequest| async move {
            self.list_link(&req).await
        })
    }

    /// The link at `fs_path` (`GET /api/paddleflow/v1/link/{fsName}?fsPath=…`;
    /// same route and answer shape as [`Client::list_link`], filtered).
    pub async fn show_link(
        &self,
        fs_name: &str,
        fs_path: &str,
        username: Option<&str>,
    ) -> Result<ListLinkResponse, Error> {
        let op = Client::op("show_link", Method::Get, "/link")
            .id("fsname", fs_name)
            .required("fspath", fs_path)
            .query("fsPath", fs_path)
            .filter("username", username);
        self.send(op).await
    }
}
