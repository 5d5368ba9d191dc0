//! Packing a dev machine into an image.

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::model::numeric_state;

/// Body of [`Client::create_dev_instance_image_pack_job`]. The registry
/// password is a [`Secret`]: serialized as is, masked in `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateDevInstanceImagePackJobRequest {
    /// Image name.
    pub image_name: String,
    /// Image tag.
    pub image_tag: String,
    /// Registry address.
    pub registry: String,
    /// Registry namespace.
    pub namespace: String,
    /// Registry user.
    pub username: String,
    /// Registry password.
    pub password: Secret,
    /// Dev machine to pack.
    pub dev_instance_id: String,
}

/// The official SDK's name of [`CreateDevInstanceImagePackJobRequest`].
pub type CreateDevInstanceImagePackJobArgs = CreateDevInstanceImagePackJobRequest;

/// Arguments of [`Client::dev_instance_image_pack_job_detail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DevInstanceImagePackJobDetailRequest {
    /// Image pack job id.
    pub image_pack_job_id: String,
    /// Dev machine id.
    pub dev_instance_id: String,
}

/// The official SDK's name of [`DevInstanceImagePackJobDetailRequest`].
pub type DevInstanceImagePackJobDetailArgs = DevInstanceImagePackJobDetailRequest;

/// Answer of [`Client::create_dev_instance_image_pack_job`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct CreateImagePackJobResponse {
    /// Job id.
    pub image_pack_job_id: String,
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

numeric_state! {
    /// The state of an image pack job, a number on the wire whose meanings
    /// are not documented (see [`crate::DevInstanceStatus`]); every value
    /// decodes and encodes unchanged.
    ImagePackJobStatus
}

/// An image pack job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ImagePackJobDetail {
    /// Job id.
    pub id: String,
    /// Dev machine id.
    pub dev_instance_id: String,
    /// Image name.
    pub image_name: String,
    /// Image tag.
    pub image_tag: String,
    /// Registry.
    pub registry: String,
    /// Namespace.
    pub namespace: String,
    /// Status (see [`ImagePackJobStatus`]).
    pub status: ImagePackJobStatus,
    /// Creation time (Unix seconds, 64-bit).
    pub created_at: i64,
    /// Last update (Unix seconds, 64-bit).
    pub updated_at: i64,
}

/// Answer of [`Client::dev_instance_image_pack_job_detail`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct ImagePackJobDetailResponse {
    /// The job.
    pub dev_instance_image_pack_job: ImagePackJobDetail,
    /// Request id.
    #[serde(alias = "requestID")]
    pub request_id: String,
}

impl Client {
    /// Packs a dev machine into an image (`POST /?action=CreateDevInstanceImagePackJob`).
    pub async fn create_dev_instance_image_pack_job(
        &self,
        args: &CreateDevInstanceImagePackJobRequest,
    ) -> Result<CreateImagePackJobResponse, Error> {
        let op = Client::op(
            "CreateDevInstanceImagePackJob",
            Method::Post,
            "CreateDevInstanceImagePackJob",
        )
        .require("devInstanceId", &args.dev_instance_id)
        .require("imageName", &args.image_name)
        .json(args);
        self.call(op).await
    }

    /// One image pack job (`GET /?action=DescribeDevInstanceImagePackJob`).
    pub async fn dev_instance_image_pack_job_detail(
        &self,
        args: &DevInstanceImagePackJobDetailRequest,
    ) -> Result<ImagePackJobDetailResponse, Error> {
        let op = Client::op(
            "DevInstanceImagePackJobDetail",
            Method::Get,
            "DescribeDevInstanceImagePackJob",
        )
        .require("imagePackJobId", &args.image_pack_job_id)
        .query("imagePackJobId", &args.image_pack_job_id)
        .query("devInstanceId", &args.dev_instance_id);
        self.call(op).await
    }
}
