//! Edge nodes: where resources of a kind can be placed.

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::Client;

/// A provider at a city, with what it can host.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NodeServiceProvider {
    /// Provider, e.g. `CHINA_MOBILE`.
    pub service_provider: String,
    /// Display name.
    pub name: String,
    /// Node id, e.g. `cn-hangzhou-cm`.
    pub region_id: String,
    /// Capabilities.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub capability: Vec<String>,
}

/// A city with nodes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NodeCity {
    /// City code.
    pub city: String,
    /// Display name.
    pub name: String,
    /// Providers there.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub service_provider_list: Vec<NodeServiceProvider>,
}

/// A region with nodes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct NodeRegion {
    /// Region code, e.g. `EAST_CHINA`.
    pub region: String,
    /// Display name.
    pub name: String,
    /// Country code.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Cities.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub city_list: Vec<NodeCity>,
}

/// Answer of [`Client::get_bec_available_node_info_vo`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetBecAvailableNodeInfoVoResult {
    /// Regions.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub region_list: Vec<NodeRegion>,
    /// Number of nodes.
    pub node_sum: i64,
}

impl Client {
    /// Nodes that can host a kind of resource, e.g. `vm` or `container`
    /// (`GET /v1/node/type/{type}`).
    pub async fn get_bec_available_node_info_vo(
        &self,
        kind: &str,
    ) -> Result<GetBecAvailableNodeInfoVoResult, Error> {
        self.call(
            Client::op("GetBecAvailableNodeInfoVo", Method::Get, "/v1/node/type")
                .segment("type", kind),
        )
        .await
    }
}
