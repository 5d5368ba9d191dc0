//! VM images: custom images made from VMs or imported from BOS.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{is_zero, Client};
use crate::common::{search_query, PageResult};
use crate::paging::size_or_default;

/// One disk image to make from a VM.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VmImageDisk {
    /// Image name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_name: String,
    /// Volume claim of the disk.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pvc_id: String,
    /// Processing, e.g. `nonprocess`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_process_type: String,
}

/// Body of [`Client::create_vm_image`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateVmImageRequest {
    /// Source VM.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vm_id: String,
    /// Image name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Disks to image.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bce_core::json::null_as_default"
    )]
    pub images: Vec<VmImageDisk>,
}

/// The official SDK's name of [`CreateVmImageRequest`].
pub type CreateVmImageArgs = CreateVmImageRequest;

/// Body of [`Client::update_vm_image`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UpdateVmImageRequest {
    /// New name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// The official SDK's name of [`UpdateVmImageRequest`].
pub type UpdateVmImageArgs = UpdateVmImageRequest;

/// Body of [`Client::import_image`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportImageRequest {
    /// OS type, e.g. `linux`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub os_type: String,
    /// Architecture bits, e.g. 64.
    #[serde(skip_serializing_if = "is_zero")]
    pub os_arch: i64,
    /// OS name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub os_name: String,
    /// OS version.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub os_version: String,
    /// BOS URL of the image file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bos_url: String,
    /// Image name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Processing, e.g. `nonprocess`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub image_process_type: String,
}

/// The official SDK's name of [`ImportImageRequest`].
pub type ImportImageArgs = ImportImageRequest;

/// Filter and paging of [`Client::list_vm_image`]. Zero and empty values
/// are not sent; paging, sort and type go out with capitalised names
/// (`PageNo`, `PageSize`, `Order`, `OrderBy`, `Type`) as the service expects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListVmImageRequest {
    /// Field to search.
    pub keyword_type: String,
    /// Search text.
    pub keyword: String,
    /// Page number.
    pub page_no: u32,
    /// Page size.
    pub page_size: u32,
    /// Sort order.
    pub order: String,
    /// Sort field.
    pub order_by: String,
    /// Status filter.
    pub status: String,
    /// Region filter.
    pub region: String,
    /// OS filter.
    pub os_name: String,
    /// Service id filter.
    pub service_id: String,
    /// Image type filter, e.g. `bec`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// The official SDK's name of [`ListVmImageRequest`].
pub type ListVmImageArgs = ListVmImageRequest;

bce_core::page_number_request!(ListVmImageRequest: page_no, page_size);

/// An image.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmImageVo {
    /// Image id.
    pub image_id: String,
    /// Status.
    pub status: String,
    /// Underlying BCC image.
    pub bcc_image_id: String,
    /// Name.
    pub name: String,
    /// Owner.
    pub account_id: String,
    /// Type.
    pub image_type: String,
    /// System disk in GB.
    pub system_disk: i64,
    /// OS type.
    pub os_type: String,
    /// OS version.
    pub os_version: String,
    /// OS name.
    pub os_name: String,
    /// OS build.
    pub os_build: String,
    /// OS language.
    pub os_lang: String,
    /// Architecture.
    pub os_arch: String,
    /// Created.
    pub create_time: String,
    /// Updated.
    pub update_time: String,
}

/// Answer of [`Client::create_vm_image`] and [`Client::import_image`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateVmImageResult {
    /// Success.
    pub success: bool,
    /// The new image id.
    pub result: String,
}

/// Answer of [`Client::delete_vm_image`] and [`Client::update_vm_image`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct VmImageOperateResult {
    /// Success.
    pub success: bool,
    /// Result.
    pub result: bool,
}

/// Page of [`Client::list_vm_image`].
pub type ListVmImageResult = PageResult<VmImageVo>;

impl Client {
    /// Makes an image from a VM (`POST /v1/vm/image`).
    pub async fn create_vm_image(
        &self,
        args: &CreateVmImageRequest,
    ) -> Result<CreateVmImageResult, Error> {
        self.call(Client::op("CreateVmImage", Method::Post, "/v1/vm/image").json(args))
            .await
    }

    /// Deletes images (`DELETE /v1/vm/image?imageIdList=a,b`). Ids are sent
    /// comma-joined, so an id that contains a comma is refused.
    pub async fn delete_vm_image(
        &self,
        image_ids: &[String],
    ) -> Result<VmImageOperateResult, Error> {
        let op = Client::op("DeleteVmImage", Method::Delete, "/v1/vm/image")
            .check(
                !image_ids.iter().any(|id| id.is_empty() || id.contains(',')),
                "imageIdList",
                "ids must be non-empty and must not contain ','",
            )
            .query("imageIdList", image_ids.join(","));
        self.call(op).await
    }

    /// Renames an image (`PUT /v1/vm/image/{imageId}`).
    pub async fn update_vm_image(
        &self,
        image_id: &str,
        args: &UpdateVmImageRequest,
    ) -> Result<VmImageOperateResult, Error> {
        let op = Client::op("UpdateVmImage", Method::Put, "/v1/vm/image")
            .segment("imageId", image_id)
            .json(args);
        self.call(op).await
    }

    /// Lists images (`GET /v1/vm/image`).
    pub async fn list_vm_image(
        &self,
        args: &ListVmImageRequest,
    ) -> Result<ListVmImageResult, Error> {
        let op = Client::op("ListVmImage", Method::Get, "/v1/vm/image")
            .query_opt("PageNo", (args.page_no != 0).then_some(args.page_no))
            .query_opt("PageSize", (args.page_size != 0).then_some(args.page_size))
            .query_if_not_empty("OrderBy", &args.order_by)
            .query_if_not_empty("Order", &args.order)
            .query_if_not_empty("Type", &args.kind);
        let op = search_query(
            op,
            &args.keyword_type,
            &args.keyword,
            &args.status,
            &args.region,
            &args.os_name,
            &args.service_id,
        );
        self.call(op).await
    }

    /// All images, page after page (20 per page unless set).
    pub fn list_vm_image_stream(
        &self,
        args: ListVmImageRequest,
    ) -> impl Stream<Item = Result<VmImageVo, Error>> + '_ {
        let first = ListVmImageRequest {
            page_size: size_or_default(args.page_size),
            ..args
        };
        page_number_stream(first, move |r| async move { self.list_vm_image(&r).await })
    }

    /// Imports an image from BOS (`POST /v1/vm/image/import`).
    pub async fn import_image(
        &self,
        args: &ImportImageRequest,
    ) -> Result<CreateVmImageResult, Error> {
        self.call(Client::op("ImportImage", Method::Post, "/v1/vm/image/import").json(args))
            .await
    }
}
