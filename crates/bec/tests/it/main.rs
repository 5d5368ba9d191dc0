//! Integration tests of `bec`, built as one test binary (one link instead
//! of one per file): one module per area of the API. Every operation has a
//! wiremock test (method, path, query, body, server-side signature check,
//! typed answer) and every area a service-error test.

mod app_blb;
mod blb;
mod container;
mod image_deploy_set;
mod vm_instance;
mod vm_service;
mod vpc;

pub use bce_testkit::expect;

/// A wiremock server and a client pointed at it (test keys, no retries).
pub async fn client() -> (wiremock::MockServer, bec::Client) {
    let (server, config) = bce_testkit::mock_server().await;
    (server, bec::Client::new(config).unwrap())
}

/// The list filter several list tests send (page 1 of 10, `RUNNING`
/// only); [`RUNNING_FIRST_PAGE`] is the query it becomes.
pub fn running_first_page() -> bec::ListRequest {
    bec::ListRequest {
        page_no: 1,
        page_size: 10,
        status: bec::ResourceStatus::Running,
        ..Default::default()
    }
}

/// The query of [`running_first_page`].
pub const RUNNING_FIRST_PAGE: &[(&str, &str)] =
    &[("pageNo", "1"), ("pageSize", "10"), ("status", "RUNNING")];

/// `replicas` replicas on China Mobile in Hangzhou (East China), the
/// placement the create tests send.
pub fn hangzhou(replicas: i64) -> bec::DeploymentInstance {
    bec::DeploymentInstance {
        region: bec::Region::EastChina,
        service_provider: bec::ServiceProvider::ChinaMobile,
        replicas,
        city: "HANGZHOU".into(),
        ..Default::default()
    }
}
