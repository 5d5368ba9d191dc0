//! File systems, their cache configuration, links and mounting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body, nd, Properties};
use crate::paging::{marker_list, marker_streams};

answer! {
    /// A file system (`fsList` item and [`Client::show_fs`] answer).
    #[derive(Eq)]
    pub struct FileSystem {
        /// Id, e.g. `fs-root-myfs`.
        pub id: String,
        /// Name.
        pub name: String,
        /// Storage address.
        pub server_address: String,
        /// Storage type, e.g. `s3`, `hdfs`, `local`.
        #[serde(rename = "type")]
        pub fs_type: String,
        /// Path inside the storage.
        pub sub_path: String,
        /// Owner.
        pub username: String,
        /// Storage properties (credentials hidden in `Debug`).
        pub properties: Properties,
        /// Whether the fuse client runs in its own process (lists only).
        pub independent_mount_process: bool,
    }
}

body! {
    /// Body of [`Client::add_fs`].
    #[derive(Eq)]
    pub struct AddFsRequest {
        /// Name (required).
        pub name: String,
        /// Storage URL (required), e.g. `s3://bucket/path`.
        pub url: String,
    }
    optional {
        /// Owner (root may create for another user).
        pub username: Option<String>,
        /// Storage properties, e.g. `accessKey`, `secretKey`, `endpoint`.
        pub properties: Option<Properties>,
        /// Run the fuse client in its own process.
        pub independent_mount_process: Option<bool>,
    }
}

answer! {
    /// Answer of [`Client::add_fs`].
    #[derive(Eq)]
    pub struct AddFsResponse {
        /// Name.
        pub fs_name: String,
        /// Id.
        #[serde(rename = "fsID")]
        pub fs_id: String,
    }
}

marker_list! {
    /// A page of file systems (`GET /fs` answers `marker`/`truncated`, not the
    /// usual `maxKeys`/`isTruncated` envelope).
    #[derive(Eq)]
    truncated ListFsResponse, FileSystem, fs_list, "fsList"
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

body! {
    /// Cache options of a file system: what [`Client::create_cache`] and
    /// [`Client::update_fs_cache`] send. Only what is set is sent.
    pub struct FsCacheOptions {}
    optional {
        /// Cache directory on the node.
        pub cache_dir: Option<String>,
        /// Cache size quota.
        pub quota: Option<i64>,
        /// Meta driver, e.g. `disk`.
        pub meta_driver: Option<String>,
        /// Block size.
        pub block_size: Option<i64>,
        /// Debug logging.
        pub debug: Option<bool>,
        /// Clean the cache when unmounting.
        pub clean_cache: Option<bool>,
        /// Resources of the fuse pods.
        pub resource: Option<CacheResource>,
        /// Node selection and tolerations (free-form).
        pub node_taint_toleration: Option<serde_json::Value>,
        /// Extra fuse settings.
        pub extra_config: Option<BTreeMap<String, String>>,
    }
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

answer! {
    /// A file system's cache configuration.
    pub struct FsCacheConfig {
        /// Cache directory.
        pub cache_dir: String,
        /// Quota.
        pub quota: i64,
        /// Meta driver.
        pub meta_driver: String,
        /// Block size.
        pub block_size: i64,
        /// Debug logging.
        pub debug: bool,
        /// Clean the cache when unmounting.
        pub clean_cache: bool,
        /// Fuse pod resources.
        pub resource: CacheResource,
        /// Node selection and tolerations.
        pub node_taint_toleration: serde_json::Value,
        /// Extra settings.
        pub extra_config: BTreeMap<String, String>,
        /// File system.
        pub fs_name: String,
        /// Owner.
        pub username: String,
        /// Creation time.
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
}

answer! {
    /// A link: another storage mounted under a path of a file system.
    #[derive(Eq)]
    pub struct Link {
        /// File system.
        pub fs_name: String,
        /// Path inside the file system.
        pub fs_path: String,
        /// Storage address.
        pub server_address: String,
        /// Storage type.
        #[serde(rename = "type")]
        pub link_type: String,
        /// Owner.
        pub username: String,
        /// Path inside the storage.
        pub sub_path: String,
        /// Storage properties (credentials hidden in `Debug`).
        pub properties: Properties,
    }
}

body! {
    /// Body of [`Client::add_link`].
    #[derive(Eq)]
    pub struct AddLinkRequest {
        /// File system (required).
        pub fs_name: String,
        /// Path inside the file system (required), e.g. `/links/data`.
        pub fs_path: String,
        /// Storage URL (required).
        pub url: String,
    }
    optional {
        /// Owner of the file system.
        pub username: Option<String>,
        /// Storage properties.
        pub properties: Option<Properties>,
    }
}

marker_list! {
    /// A page of links (`marker`/`truncated` envelope, like [`ListFsResponse`]).
    #[derive(Eq)]
    truncated ListLinkResponse, Link, link_list, "linkList"
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
        self.call(op).await
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
        self.call(op).await
    }

    /// Deletes a file system (`DELETE /api/paddleflow/v1/fs/{fsName}`).
    pub async fn delete_fs(&self, fs_name: &str, username: Option<&str>) -> Result<(), Error> {
        let op = Client::op("delete_fs", Method::Delete, "/fs")
            .id("fsname", fs_name)
            .filter("username", username);
        self.call_no_content(op).await
    }

    /// One page of file systems (`GET /api/paddleflow/v1/fs`).
    pub async fn list_fs(&self, request: &ListFsRequest) -> Result<ListFsResponse, Error> {
        let op = Client::op("list_fs", Method::Get, "/fs")
            .max_keys(request.max_keys)
            .filter("username", request.username.as_deref())
            .filter("marker", request.marker.as_deref())
            .filter("fsName", request.fs_name.as_deref());
        self.call(op).await
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
            .not_blank("username", request.username.as_deref())
            .json_plain(request);
        self.call_no_content(op).await
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
        self.call_no_content(op).await
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
        self.call(op).await
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
        self.call_no_content(op).await
    }

    /// Links another storage under a path of a file system
    /// (`POST /api/paddleflow/v1/link`, answer 201 without a body).
    pub async fn add_link(&self, request: &AddLinkRequest) -> Result<(), Error> {
        let op = Client::op("add_link", Method::Post, "/link")
            .required("fsname", &request.fs_name)
            .required("url", &request.url)
            .required("fspath", &request.fs_path)
            .not_blank("username", request.username.as_deref())
            .json_plain(request);
        self.call_no_content(op).await
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
        self.call_no_content(op).await
    }

    /// One page of a file system's links (`GET /api/paddleflow/v1/link/{fsName}`).
    /// The seed's `show_link(fsname)` listing is this call.
    pub async fn list_link(&self, request: &ListLinkRequest) -> Result<ListLinkResponse, Error> {
        let op = Client::op("list_link", Method::Get, "/link")
            .id("fsname", &request.fs_name)
            .max_keys(request.max_keys)
            .filter("username", request.username.as_deref())
            .filter("marker", request.marker.as_deref());
        self.call(op).await
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
        self.call(op).await
    }
}

marker_streams! {
    /// Every file system, page after page (`marker`/`truncated` paging).
    list_fs_stream(ListFsRequest) -> FileSystem = list_fs;
    /// Every link of a file system, page after page (`marker`/`truncated` paging).
    list_link_stream(ListLinkRequest) -> Link = list_link;
}
