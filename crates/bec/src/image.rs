//! VM images: custom images made from VMs or imported from BOS.

use bce_core::paginate::page_number_stream;
use bce_core::{Error, Method};
use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::body::omit_empty;
use crate::client::Client;
use crate::common::{ListRequest, PageResult};
use crate::paging::size_or_default;

omit_empty! {
    /// One disk image to make from a VM.
    pub struct VmImageDisk {
        /// Image name.
        pub image_name: String,
        /// Volume claim of the disk.
        pub pvc_id: String,
        /// Processing, e.g. `nonprocess`.
        pub image_process_type: String,
    }
}

omit_empty! {
    /// Body of [`Client::create_vm_image`].
    pub struct CreateVmImageRequest {
        /// Source VM.
        pub vm_id: String,
        /// Image name.
        pub name: String,
        /// Disks to image.
        pub images: Vec<VmImageDisk>,
    }
}

/// The official SDK's name of [`CreateVmImageRequest`].
pub type CreateVmImageArgs = CreateVmImageRequest;

omit_empty! {
    /// Body of [`Client::update_vm_image`].
    pub struct UpdateVmImageRequest {
        /// New name.
        pub name: String,
    }
}

/// The official SDK's name of [`UpdateVmImageRequest`].
pub type UpdateVmImageArgs = UpdateVmImageRequest;

omit_empty! {
    /// Body of [`Client::import_image`].
    pub struct ImportImageRequest {
        /// OS type, e.g. `linux`.
        pub os_type: String,
        /// Architecture bits, e.g. 64.
        pub os_arch: i64,
        /// OS name.
        pub os_name: String,
        /// OS version.
        pub os_version: String,
        /// BOS URL of the image file.
        pub bos_url: String,
        /// Image name.
        pub name: String,
        /// Processing, e.g. `nonprocess`.
        pub image_process_type: String,
    }
}

/// The official SDK's name of [`ImportImageRequest`].
pub type ImportImageArgs = ImportImageRequest;

/// Filter and paging of [`Client::list_vm_image`]: the generic
/// [`ListRequest`], of which paging, sort and `kind` go out with
/// capitalised names (`PageNo`, `PageSize`, `OrderBy`, `Order`, `Type`) as
/// the service expects, then `keywordType`, `keyword`, `status`, `region`,
/// `osName` and `serviceId`; zero and empty values are not sent.
pub type ListVmImageRequest = ListRequest;

/// The official SDK's name of [`ListVmImageRequest`].
pub type ListVmImageArgs = ListVmImageRequest;

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
        self.call(args.search_query(op)).await
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
