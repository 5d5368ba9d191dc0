//! Service errors in Huawei's shape, decode failures, and bad input
//! refused before anything is sent.

use modelarts::*;
use serde_json::json;
use wiremock::matchers::{any, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

async fn answering(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(Signed::plain())
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_string(body)
                .insert_header("X-Request-Id", "req-0042"),
        )
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn pool_not_found() {
    let server = answering(
        404,
        r#"{"error_code": "ModelArts.50015001", "error_msg": "pool not found"}"#,
    )
    .await;
    let err = client(&server)
        .show_pool(&ShowPoolRequest::new("missing"))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    let service = err.service_error().unwrap();
    assert_eq!(service.status(), 404);
    assert_eq!(service.code(), "ModelArts.50015001");
    assert_eq!(service.message(), "pool not found");
    assert_eq!(service.request_id(), "req-0042");
    let text = err.to_string();
    assert!(
        text.contains("modelarts") && text.contains("ShowPool"),
        "{text}"
    );
    assert!(
        text.contains("ModelArts.50015001") && text.contains("req-0042"),
        "{text}"
    );
}

#[tokio::test]
async fn gateway_error_shape() {
    let server = answering(
        401,
        r#"{"errorCode": "APIGW.0301", "errorMsg": "Incorrect IAM authentication information", "encoded_authorization_message": "enc-1"}"#,
    )
    .await;
    let err = client(&server)
        .list_pool_nodes(&ListPoolNodesRequest::new("p"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.code(), Some("APIGW.0301"));
    let message = err.message().unwrap_or_default();
    assert!(
        message.contains("Incorrect IAM") && message.contains("enc-1"),
        "{message}"
    );
}

#[tokio::test]
async fn nested_and_code_message_shapes() {
    let server = answering(
        400,
        r#"{"error": {"code": "ModelArts.0101", "message": "bad request"}}"#,
    )
    .await;
    let err = client(&server)
        .list_workflows(&Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ModelArts.0101"));
    assert_eq!(err.message(), Some("bad request"));
}

#[tokio::test]
async fn non_json_error_body() {
    let server = answering(502, "<html>Bad Gateway</html>").await;
    let err = client(&server)
        .list_clusters(&Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.code(), Some("502"));
    assert_eq!(err.message(), Some("<html>Bad Gateway</html>"));
    assert_eq!(err.request_id(), Some("req-0042"));
}

#[tokio::test]
async fn malformed_success_body_is_a_decode_error() {
    let server = answering(200, "{\"items\": [").await;
    let err = client(&server)
        .list_workflows(&Default::default())
        .await
        .unwrap_err();
    assert!(err.is_decode(), "{err}");
    let server = answering(200, r#"{"items": 7}"#).await;
    let err = client(&server)
        .list_workflows(&Default::default())
        .await
        .unwrap_err();
    assert!(err.is_decode(), "{err}");
}

#[tokio::test]
async fn an_empty_answer_is_fine_where_nothing_is_read() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(Signed::plain())
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .create_notebook_tags(&CreateNotebookTagsRequest::new("nb", vec![]))
        .await
        .unwrap();
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let mut errors = vec![
        c.show_pool(&ShowPoolRequest::new("")).await.unwrap_err(),
        c.list_pool_nodes(&ListPoolNodesRequest::new("a/b"))
            .await
            .unwrap_err(),
        c.show_pool(&ShowPoolRequest {
            pool_name: "p".into(),
            x_model_arts_user_id: Some("u1\r\nX-Evil: 1".into()),
        })
        .await
        .unwrap_err(),
        c.show_workflow_schedule(&ShowWorkflowScheduleRequest::new("wf", ""))
            .await
            .unwrap_err(),
        c.show_workflow_schedule(&ShowWorkflowScheduleRequest::new("..", "s"))
            .await
            .unwrap_err(),
        c.create_workflow_schedule(&CreateWorkflowScheduleRequest::default())
            .await
            .unwrap_err(),
        c.update_workflow_schedule(&UpdateWorkflowScheduleRequest::default())
            .await
            .unwrap_err(),
        c.create_notebook_tags(&CreateNotebookTagsRequest::default())
            .await
            .unwrap_err(),
        c.list_app_auth_apis(&ListAppAuthApisRequest::new(""))
            .await
            .unwrap_err(),
        c.list_api_auths(&ListApiAuthsRequest::new("svc", ""))
            .await
            .unwrap_err(),
        c.list_clusters(&ListClustersRequest {
            offset: Some(-1),
            ..Default::default()
        })
        .await
        .unwrap_err(),
        c.list_apps(&ListAppsRequest {
            limit: Some(-5),
            ..Default::default()
        })
        .await
        .unwrap_err(),
        c.create_service(&CreateServiceRequest::default())
            .await
            .unwrap_err(),
    ];
    let with_config = CreateServiceRequest {
        service_name: "s".into(),
        infer_type: InferType::Batch,
        config: vec![ServiceConfig::default()],
        ..Default::default()
    };
    errors.push(c.create_service(&with_config).await.unwrap_err());
    for err in &errors {
        assert!(err.is_invalid_input(), "{err}");
    }
    assert!(errors[0].to_string().contains("pool_name"));
    assert!(errors[2].to_string().contains("x_model_arts_user_id"));
}

#[test]
fn building_a_client_checks_its_settings() {
    use bce_core::Credentials;
    let creds = || Credentials::new(AK, SK).unwrap();
    let err = Client::builder()
        .region("cn-north-4")
        .credentials(creds())
        .build()
        .unwrap_err();
    assert!(err.is_invalid_input() && err.to_string().contains("project_id"));
    let err = Client::builder()
        .endpoint("ftp://x")
        .credentials(creds())
        .project_id(PROJECT)
        .build()
        .unwrap_err();
    assert!(err.is_invalid_input());
    let c = Client::builder()
        .region("ap-southeast-1")
        .credentials(creds())
        .project_id(PROJECT)
        .build()
        .unwrap();
    assert_eq!(
        c.endpoint().base_url(),
        "https://modelarts.ap-southeast-1.myhuaweicloud.cn"
    );
    assert_eq!(c.region(), Some("ap-southeast-1"));
    assert!(c.core().config().user_agent().contains("modelarts/"));
    let shown = format!("{c:?}");
    assert!(!shown.contains(SK), "{shown}");
}

/// Every operation turns a Huawei error answer into a typed service error
/// naming the operation.
#[tokio::test]
async fn every_operation_reports_service_errors() {
    let server = MockServer::start().await;
    Mock::given(any())
        .and(Signed::plain())
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_string(
                    r#"{"error_code": "ModelArts.0203", "error_msg": "no permission"}"#,
                )
                .insert_header("X-Request-Id", "rid-403"),
        )
        .expect(15)
        .mount(&server)
        .await;
    let c = client(&server);
    let results: Vec<(&str, Result<(), bce_core::Error>)> = vec![
        (
            "ShowAutoSearchYamlTemplatesInfo",
            c.show_auto_search_yaml_templates_info().await.map(drop),
        ),
        (
            "CreateNotebookTags",
            c.create_notebook_tags(&CreateNotebookTagsRequest::new("nb", vec![]))
                .await,
        ),
        (
            "ListPoolNodes",
            c.list_pool_nodes(&ListPoolNodesRequest::new("p"))
                .await
                .map(drop),
        ),
        (
            "ShowPool",
            c.show_pool(&ShowPoolRequest::new("p")).await.map(drop),
        ),
        (
            "CreateWorkflowServiceAuth",
            c.create_workflow_service_auth(&Default::default())
                .await
                .map(drop),
        ),
        (
            "CreateWorkflowSchedule",
            c.create_workflow_schedule(&CreateWorkflowScheduleRequest {
                workflow_id: "wf".into(),
                body: None,
            })
            .await
            .map(drop),
        ),
        (
            "ShowWorkflowSchedule",
            c.show_workflow_schedule(&ShowWorkflowScheduleRequest::new("wf", "s"))
                .await
                .map(drop),
        ),
        (
            "UpdateWorkflowSchedule",
            c.update_workflow_schedule(&UpdateWorkflowScheduleRequest {
                workflow_id: "wf".into(),
                schedule_id: "s".into(),
                body: None,
            })
            .await
            .map(drop),
        ),
        (
            "ShowWorkflowsTodolist",
            c.show_workflows_todolist(&Default::default())
                .await
                .map(drop),
        ),
        (
            "ListWorkflows",
            c.list_workflows(&Default::default()).await.map(drop),
        ),
        (
            "ListClusters",
            c.list_clusters(&Default::default()).await.map(drop),
        ),
        ("ListApps", c.list_apps(&Default::default()).await.map(drop)),
        (
            "ListAppAuthApis",
            c.list_app_auth_apis(&ListAppAuthApisRequest::new("app"))
                .await
                .map(drop),
        ),
        (
            "ListApiAuths",
            c.list_api_auths(&ListApiAuthsRequest::new("svc", "api"))
                .await
                .map(drop),
        ),
        (
            "CreateService",
            c.create_service(&CreateServiceRequest {
                service_name: "s".into(),
                infer_type: InferType::RealTime,
                config: vec![ServiceConfig {
                    model_id: "m".into(),
                    specification: "modelarts.vm.cpu.2u".into(),
                    ..Default::default()
                }],
                ..Default::default()
            })
            .await
            .map(drop),
        ),
    ];
    for (name, result) in results {
        let err = result.expect_err(name);
        let service = err
            .service_error()
            .unwrap_or_else(|| panic!("{name}: {err}"));
        assert_eq!(service.status(), 403, "{name}");
        assert_eq!(service.code(), "ModelArts.0203", "{name}");
        assert_eq!(service.message(), "no permission", "{name}");
        assert_eq!(service.request_id(), "rid-403", "{name}");
        let text = err.to_string();
        assert!(text.contains(name), "{name}: {text}");
        assert!(!err.is_retryable(), "{name}");
    }
}
