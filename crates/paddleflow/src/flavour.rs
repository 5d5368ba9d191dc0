//! Flavours: named resource sizes for jobs.

use std::collections::BTreeMap;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::{Client, OpExt};
use crate::model::{answer, body};
use crate::paging::{marker_list, marker_streams};

answer! {
    /// A flavour.
    #[derive(Eq)]
    pub struct Flavour {
        /// Flavour id.
        pub id: String,
        /// Name.
        pub name: String,
        /// CPU.
        pub cpu: String,
        /// Memory.
        pub mem: String,
        /// Other resources, e.g. `nvidia.com/gpu` → `1`.
        pub scalar_resources: BTreeMap<String, String>,
        /// Cluster, when the server reports it.
        pub cluster_name: String,
        /// Creation time (`YYYY-MM-DD HH:MM:SS`).
        pub create_time: String,
        /// Last update.
        pub update_time: String,
    }
}

body! {
    /// Body of [`Client::add_flavour`].
    #[derive(Eq)]
    pub struct AddFlavourRequest {
        /// Name (required).
        pub name: String,
        /// CPU (required), e.g. `4`.
        pub cpu: String,
        /// Memory (required), e.g. `8Gi`.
        pub mem: String,
    }
    optional {
        /// Cluster.
        pub cluster_name: Option<String>,
        /// Other resources, e.g. `nvidia.com/gpu` → `1`.
        pub scalar_resources: Option<BTreeMap<String, String>>,
    }
}

body! {
    /// Body of [`Client::update_flavour`]: only what is set changes.
    #[derive(Eq)]
    pub struct UpdateFlavourRequest {}
    optional {
        /// New CPU.
        pub cpu: Option<String>,
        /// New memory.
        pub mem: Option<String>,
        /// New other resources (`Some` of an empty map clears them).
        pub scalar_resources: Option<BTreeMap<String, String>>,
        /// New cluster.
        pub cluster_name: Option<String>,
    }
}

answer! {
    /// Answer of [`Client::add_flavour`].
    #[derive(Eq)]
    pub struct AddFlavourResponse {
        /// The flavour's name.
        pub name: String,
    }
}

marker_list! {
    /// A page of flavours.
    ListFlavourResponse, Flavour, flavour_list, "flavourList"
}

/// Paging and filters of [`Client::list_flavour`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListFlavourRequest {
    /// Page size, 1..=1000.
    pub max_keys: Option<u32>,
    /// Marker from a previous page.
    pub marker: Option<String>,
    /// Only flavours of this cluster (`clusterName`).
    pub cluster_name: Option<String>,
    /// Only flavours whose name matches (`name`; the SDK's `key`).
    pub name: Option<String>,
}

impl Client {
    /// One page of flavours (`GET /api/paddleflow/v1/flavour`).
    pub async fn list_flavour(
        &self,
        request: &ListFlavourRequest,
    ) -> Result<ListFlavourResponse, Error> {
        let op = Client::op("list_flavour", Method::Get, "/flavour")
            .max_keys(request.max_keys)
            .filter("marker", request.marker.as_deref())
            .filter("name", request.name.as_deref())
            .filter("clusterName", request.cluster_name.as_deref());
        self.call(op).await
    }

    /// One flavour (`GET /api/paddleflow/v1/flavour/{name}`).
    pub async fn show_flavour(&self, name: &str) -> Result<Flavour, Error> {
        let op = Client::op("show_flavour", Method::Get, "/flavour").id("name", name);
        self.call(op).await
    }

    /// Creates a flavour (`POST /api/paddleflow/v1/flavour`).
    pub async fn add_flavour(
        &self,
        request: &AddFlavourRequest,
    ) -> Result<AddFlavourResponse, Error> {
        let op = Client::op("add_flavour", Method::Post, "/flavour")
            .required("name", &request.name)
            .required("cpu", &request.cpu)
            .required("mem", &request.mem)
            .json_plain(request);
        self.call(op).await
    }

    /// Changes a flavour (`PUT /api/paddleflow/v1/flavour/{name}`).
    pub async fn update_flavour(
        &self,
        name: &str,
        request: &UpdateFlavourRequest,
    ) -> Result<Flavour, Error> {
        let op = Client::op("update_flavour", Method::Put, "/flavour")
            .id("name", name)
            .json_plain(request);
        self.call(op).await
    }

    /// Deletes a flavour (`DELETE /api/paddleflow/v1/flavour/{name}`).
    pub async fn del_flavour(&self, name: &str) -> Result<(), Error> {
        let op = Client::op("del_flavour", Method::Delete, "/flavour").id("name", name);
        self.call_no_content(op).await
    }
}

marker_streams! {
    /// Every flavour, page after page.
    list_flavour_stream(ListFlavourRequest) -> Flavour = list_flavour;
}
