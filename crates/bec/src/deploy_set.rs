//! Deploy sets: groups that spread VM instances over hosts.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::{ListRequest, PageResult};
use crate::paging::{page_query, size_or_default};

omit_empty! {
    /// Body of [`Client::create_deploy_set`] and [`Client::update_deploy_set`].
    pub struct DeploySetRequest {
        /// Name.
        pub name: String,
        /// Description.
        pub desc: String,
    }
}

/// The official SDK's name of [`DeploySetRequest`].
pub type DeploySetArgs = DeploySetRequest;

/// Answer of [`Client::create_deploy_set`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateDeploySetResult {
    /// The new deploy set ids.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub deployset_id_list: Vec<String>,
}

omit_empty! {
    /// Body of [`Client::update_vm_instance_deploy_set`].
    pub struct UpdateVmInstanceDeploySetRequest {
        /// VM id.
        pub instance_id: String,
        /// Deploy sets the VM should be in.
        pub deployset_id_list: Vec<String>,
    }
}

/// The official SDK's name of [`UpdateVmInstanceDeploySetRequest`].
pub type UpdateVmInstanceDeploySetArgs = UpdateVmInstanceDeploySetRequest;

omit_empty! {
    /// Body of [`Client::delete_vm_instance_from_deploy_set`].
    pub struct DeleteVmInstanceFromDeploySetRequest {
        /// Deploy set id.
        pub deployset_id: String,
        /// VMs to take out.
        pub instance_id_list: Vec<String>,
    }
}

/// The official SDK's name of [`DeleteVmInstanceFromDeploySetRequest`].
pub type DeleteVmInstanceFromDeploySetArgs = DeleteVmInstanceFromDeploySetRequest;

/// VMs of a deploy set on one node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DeploySetNodeStats {
    /// Node id.
    pub region_id: String,
    /// VMs there.
    pub instance_count: i64,
    /// Allowed VMs there.
    pub instance_total: i64,
    /// VM ids.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub instance_ids: Vec<String>,
}

/// A deploy set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct DeploySetDetails {
    /// Id.
    pub deployset_id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub desc: String,
    /// VMs.
    pub instance_count: i64,
    /// Allowed VMs.
    pub instance_total: i64,
    /// Created.
    pub create_time: String,
    /// Per node.
    #[serde(deserialize_with = "bce_core::json::null_as_default")]
    pub node_instance_statis_list: Vec<DeploySetNodeStats>,
}

/// Page of [`Client::get_deploy_set_list`].
pub type LogicPageDeploySetResult = PageResult<DeploySetDetails>;

impl Client {
    /// Creates a deploy set (`POST /v1/deployset/create`).
    pub async fn create_deploy_set(
        &self,
        args: &DeploySetRequest,
    ) -> Result<CreateDeploySetResult, Error> {
        self.call(Client::op("CreateDeploySet", Method::Post, "/v1/deployset/create").json(args))
            .await
    }

    /// Puts a VM into deploy sets (`POST /v1/deployset/updateRelation`).
    pub async fn update_vm_instance_deploy_set(
        &self,
        args: &UpdateVmInstanceDeploySetRequest,
    ) -> Result<(), Error> {
        let op = Client::op(
            "UpdateVmInstanceDeploySet",
            Method::Post,
            "/v1/deployset/updateRelation",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Takes VMs out of a deploy set (`POST /v1/deployset/delRelation`).
    pub async fn delete_vm_instance_from_deploy_set(
        &self,
        args: &DeleteVmInstanceFromDeploySetRequest,
    ) -> Result<(), Error> {
        let op = Client::op(
            "DeleteVmInstanceFromDeploySet",
            Method::Post,
            "/v1/deployset/delRelation",
        )
        .json(args);
        self.call_no_content(op).await
    }

    /// Renames or redescribes a deploy set
    /// (`PUT /v1/deployset/{deploySetId}?modifyAttribute`).
    pub async fn update_deploy_set(
        &self,
        deploy_set_id: &str,
        args: &DeploySetRequest,
    ) -> Result<(), Error> {
        let op = Client::op("UpdateDeploySet", Method::Put, "/v1/deployset")
            .segment("deploySetId", deploy_set_id)
            .query("modifyAttribute", "")
            .json(args);
        self.call_no_content(op).await
    }

    /// Lists deploy sets (`GET /v1/deployset/list`); only paging,
    /// `keywordType` and `keyword` of `args` are sent.
    pub async fn get_deploy_set_list(
        &self,
        args: &ListRequest,
    ) -> Result<LogicPageDeploySetResult, Error> {
        let op = Client::op("GetDeploySetList", Method::Get, "/v1/deployset/list");
        let op = page_query(op, args.page_no, args.page_size)
            .query_if_not_empty("keywordType", &args.keyword_type)
            .query_if_not_empty("keyword", &args.keyword);
        self.call(op).await
    }

    /// All deploy sets, page after page (20 per page unless set).
    pub fn get_deploy_set_list_stream(
        &self,
        args: ListRequest,
    ) -> impl Stream<Item = Result<DeploySetDetails, Error>> + '_ {
        let first = ListRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(
            first,
            move |r| async move { self.get_deploy_set_list(&r).await },
        )
    }

    /// One deploy set (`GET /v1/deployset/{deploySetId}`).
    pub async fn get_deploy_set_detail(
        &self,
        deploy_set_id: &str,
    ) -> Result<DeploySetDetails, Error> {
        self.call(
            Client::op("GetDeploySetDetail", Method::Get, "/v1/deployset")
                .segment("deploySetId", deploy_set_id),
        )
        .await
    }

    /// Deletes a deploy set (`DELETE /v1/deployset/{deploySetId}`).
    pub async fn delete_deploy_set(&self, deploy_set_id: &str) -> Result<(), Error> {
        self.call_no_content(
            Client::op("DeleteDeploySet", Method::Delete, "/v1/deployset")
                .segment("deploySetId", deploy_set_id),
        )
        .await
    }
}
