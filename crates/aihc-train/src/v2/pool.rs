//! The resource-pool reads: `GET /?action=…` with `version: v2`, signed over
//! `host` only.

use super::client::Client;
use super::paging::search_request;
use super::pool_model::*;
use bce_core::Error;
use futures::Stream;

search_request! {
    /// Filter and page of [`Client::describe_resource_pools`]. `keyword_type`
    /// is `resourcePoolName` or `resourcePoolId`; `order_by` one of
    /// `resourcePoolName`, `resourcePoolId`, `createdAt`; `order` `ASC` or
    /// `DESC`. Unset values are not sent (page 0 and size 0: the service
    /// defaults, 1 and 10).
    pub struct DescribeResourcePoolsRequest {
        /// Kind of pool (required): `common`, `dedicatedV2`, `bhcmp`.
        pub resource_pool_type: ResourcePoolType,
    }
}

impl DescribeResourcePoolsRequest {
    /// Every pool of a kind.
    pub fn new(resource_pool_type: ResourcePoolType) -> Self {
        DescribeResourcePoolsRequest {
            resource_pool_type,
            ..Default::default()
        }
    }
}

impl Client {
    /// Lists resource pools of a kind, one page
    /// (`GET /?action=DescribeResourcePools`).
    pub async fn describe_resource_pools(
        &self,
        request: &DescribeResourcePoolsRequest,
    ) -> Result<DescribeResourcePoolsResponse, Error> {
        let op = Client::pool_action("DescribeResourcePools")
            .require("resourcePoolType", request.resource_pool_type.as_str())
            .query("resourcePoolType", &request.resource_pool_type);
        self.call(request.search_query(op)).await
    }

    /// Every pool matching `request`, page after page.
    pub fn describe_resource_pools_stream(
        &self,
        request: DescribeResourcePoolsRequest,
    ) -> impl Stream<Item = Result<ResourcePool, Error>> + Send + 'static {
        self.page_stream(request, |c, r| async move {
            c.describe_resource_pools(&r).await
        })
    }

    /// One resource pool (`GET /?action=DescribeResourcePool&resourcePoolId=…`).
    pub async fn describe_resource_pool(
        &self,
        resource_pool_id: &str,
    ) -> Result<ResourcePool, Error> {
        let op = Client::pool_action("DescribeResourcePool")
            .require("resourcePoolId", resource_pool_id)
            .query("resourcePoolId", resource_pool_id);
        self.call(op).await
    }

    /// Node, resource and accelerator statistics of every pool
    /// (`GET /?action=DescribeResourcePoolOverview`).
    pub async fn describe_resource_pool_overview(
        &self,
    ) -> Result<DescribeResourcePoolOverviewResponse, Error> {
        self.call(Client::pool_action("DescribeResourcePoolOverview"))
            .await
    }

    /// The switches of a resource pool
    /// (`GET /?action=DescribeResourcePoolConfiguration&resourcePoolId=…`).
    pub async fn describe_resource_pool_configuration(
        &self,
        resource_pool_id: &str,
    ) -> Result<DescribeResourcePoolConfigurationResponse, Error> {
        let op = Client::pool_action("DescribeResourcePoolConfiguration")
            .require("resourcePoolId", resource_pool_id)
            .query("resourcePoolId", resource_pool_id);
        self.call(op).await
    }
}
