//! Packing a dev machine into an image.

use std::fmt;

use bce_core::{Error, Method};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::model::{mask, numeric_state};

/// Body of [`Client::create_dev_instance_image_pack_job`]. `Debug` hides the
/// registry password.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    pub password: String,
    /// Dev machine to pack.
    pub dev_instance_id: String,
}

/// The official SDK's name of [`CreateDevInstanceImagePackJobRequest`].
pub type CreateDevInstanceImagePackJobArgs = CreateDevInstanceImagePackJobRequest;

impl fmt::Debug for CreateDevInstanceImagePackJobArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateDevInstanceImagePackJobArgs")
            .field("image_name", &self.image_name)
            .field("image_tag", &self.image_tag)
            .field("registry", &self.registry)
            .field("namespace", &self.namespace)
            .field("username", &self.username)
            .field("password", &mask(&self.password))
            .field("dev_instance_id", &self.dev_instance_id)
            .finish()
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_registry_password() {
        let args = CreateDevInstanceImagePackJobRequest {
            image_name: "img".into(),
            username: "robot".into(),
            password: "s3cr3t-pw".into(),
            dev_instance_id: "dev-1".into(),
            ..Default::default()
        };
        let shown = format!("{args:?}");
        assert!(!shown.contains("s3cr3t-pw"), "{shown}");
        assert!(shown.contains("***redacted***"), "{shown}");
        assert!(
            shown.contains("robot") && shown.contains("dev-1"),
            "{shown}"
        );
        // The wire body still carries the password.
        let body = serde_json::to_string(&args).unwrap();
        assert!(body.contains("\"password\":\"s3cr3t-pw\""), "{body}");
    }

    #[test]
    fn debug_of_an_empty_password_shows_nothing_hidden() {
        let shown = format!("{:?}", CreateDevInstanceImagePackJobRequest::default());
        assert!(shown.contains("password: \"\""), "{shown}");
    }
}
