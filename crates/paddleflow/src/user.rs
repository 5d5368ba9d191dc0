//! Users and the server version.

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};

use crate::client::{check_user, Client, OpExt};
use crate::model::answer;
use crate::paging::{marker_list, marker_streams};

answer! {
    /// Build information of the server.
    #[derive(Eq)]
    pub struct Version {
        /// Release, e.g. `v0.14.7`.
        pub git_version: String,
        /// Commit.
        pub git_commit: String,
        /// Branch.
        pub git_branch: String,
        /// Build date.
        pub build_date: String,
        /// Go version.
        pub go_version: String,
        /// Compiler.
        pub compiler: String,
        /// Platform, e.g. `linux/amd64`.
        pub platform: String,
    }
}

answer! {
    /// A user.
    #[derive(Eq)]
    pub struct User {
        /// User name.
        pub name: String,
        /// Creation time (RFC 3339).
        pub create_time: String,
    }
}

answer! {
    /// Answer of [`Client::add_user`].
    #[derive(Eq)]
    pub struct AddUserResponse {
        /// The new user's name.
        pub username: String,
    }
}

marker_list! {
    /// A page of users.
    ListUserResponse, User, user_list, "userList"
}

/// Paging of [`Client::list_user`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListUserRequest {
    /// Page size, 1..=1000 (server default 50; the Python SDK sends 100).
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
}

#[derive(Serialize)]
struct UserBody<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Serialize)]
struct PasswordBody<'a> {
    password: &'a str,
}

impl Client {
    /// The server's build information (`GET /api/paddleflow/v1/version`).
    pub async fn get_version(&self) -> Result<Version, Error> {
        self.call(Client::op("get_version", Method::Get, "/version"))
            .await
    }

    /// Creates a user (`POST /api/paddleflow/v1/user`; root only). Blank
    /// names and passwords are refused before sending.
    pub async fn add_user(
        &self,
        user_name: &str,
        password: impl Into<Secret>,
    ) -> Result<AddUserResponse, Error> {
        let password = password.into();
        let op = Client::op("add_user", Method::Post, "/user")
            .with_error(check_user(user_name, &password).err())
            .json_plain(&UserBody {
                username: user_name,
                password: password.expose(),
            });
        self.call(op).await
    }

    /// Deletes a user (`DELETE /api/paddleflow/v1/user/{name}`; root only).
    pub async fn del_user(&self, user_name: &str) -> Result<(), Error> {
        let op = Client::op("del_user", Method::Delete, "/user").id("user_name", user_name);
        self.call_no_content(op).await
    }

    /// Changes a user's password (`PUT /api/paddleflow/v1/user/{name}`).
    pub async fn update_password(
        &self,
        name: &str,
        password: impl Into<Secret>,
    ) -> Result<(), Error> {
        let password = password.into();
        let op = Client::op("update_password", Method::Put, "/user")
            .id("name", name)
            .required("password", password.expose())
            .json_plain(&PasswordBody {
                password: password.expose(),
            });
        self.call_no_content(op).await
    }

    /// One page of users (`GET /api/paddleflow/v1/user`; root only).
    pub async fn list_user(&self, request: &ListUserRequest) -> Result<ListUserResponse, Error> {
        let op = Client::op("list_user", Method::Get, "/user")
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref());
        self.call(op).await
    }
}

marker_streams! {
    /// Every user, page after page.
    list_user_stream(ListUserRequest) -> User = list_user;
}
