//! One wiremock test per operation: method, path, exact query, content
//! type, exact body bytes, a server-side SDK-HMAC-SHA256 check, and the
//! typed reply decoded from the API reference's example.

use modelarts::*;
use serde_json::{json, Value};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

const PLAIN: &str = "application/json";
const WITH_BODY: &str = "application/json;charset=utf-8";

async fn expect(
    server: &MockServer,
    verb: &str,
    route: &str,
    query: &'static str,
    content_type: &str,
    body: Option<&str>,
    reply: Value,
) {
    let mock = Mock::given(method(verb))
        .and(path(route))
        .and(RawQuery(query))
        .and(header("content-type", content_type))
        .and(Signed::plain());
    let mock = match body {
        Some(b) => mock.and(body_string(b)),
        None => mock.and(body_string("")),
    };
    mock.respond_with(
        ResponseTemplate::new(200)
            .set_body_json(reply)
            .insert_header("X-Request-Id", "rid-ok"),
    )
    .expect(1)
    .mount(server)
    .await;
}

pub fn pool_reply() -> Value {
    json!({ "kind" : "Pool", "apiVersion" : "v2", "metadata" : { "name" : "auto-pool-os-86c13962597848eeb29c5861153a391f", "creationTimestamp" : "2022-09-16T03:10:40Z", "labels" : { "os.modelarts/name" : "auto-pool-os", "os.modelarts/workspace.id" : "0", "os.modelarts/resource.id" : "maos-auto-pool-os-72w8d" }, "annotations" : { "os.modelarts/description" : "", "os.modelarts/billing.mode" : "0" } }, "spec" : { "type" : "Dedicate", "scope" : [ "Train", "Infer" ], "resources" : [ { "flavor" : "modelarts.vm.cpu.4ud", "count" : 2 } ], "network" : { "name" : "network-maos-86c13962597848eeb29c5861153a391f" } }, "status" : { "phase" : "Running", "root" : "auto-pool-os-86c13962597848eeb29c5861153a391f", "scope" : [ { "scopeType" : "Train", "state" : "Enabled" }, { "scopeType" : "Infer", "state" : "Enabled" } ], "resources" : { "available" : [ { "flavor" : "modelarts.vm.cpu.4ud", "count" : 2, "azs" : [ { "az" : "cn-north-7c", "count" : 2 } ] } ] } } })
}

pub fn node(name: &str) -> Value {
    json!({ "kind" : "Node", "apiVersion" : "v2", "metadata" : { "name" : name, "creationTimestamp" : "2022-09-16T05:32:44Z", "labels": {"os.modelarts.node/cluster": "c1", "count": 3} }, "spec" : { "flavor" : "modelarts.vm.cpu.4ud" }, "status" : { "phase" : "Available", "az" : "cn-north-7c", "privateIp" : "192.168.0.1", "resources" : { "cpu" : "3920m", "memory" : "6270Mi", "nvidia.com/gpu": "1" }, "availableResources" : { "cpu" : "2970m", "memory" : "4558Mi" } } })
}

pub fn schedule_reply() -> Value {
    json!({ "created_at" : "2022-11-02T09:40:52.714657+08:00", "uuid" : "fa4ac58e-088b-4fd7-ae8c-b36fee50f884", "type" : "time", "content" : { "cron" : "0 0 0 * * Thu,Tue", "method" : "fixed" }, "action" : "run", "policies" : { "on_failure" : "retry", "on_running" : "cancel" }, "workflow_id" : "f1642618-43eb-4ab1-a0b1-9cc584182c60", "user_id" : "75540c679ab44074bc100022d8a4b204", "enable" : true })
}

pub fn app_reply() -> Value {
    json!({ "app_id" : "fb1a9eadd87b48abbd74b8ba1755dffd", "app_name" : "app_13e0", "app_remark" : "ds", "app_key" : "b11ae87581b04b5284aa92b0d4ae332c", "app_secret" : "cb5d1b57368b4f129b635332a03bf0e3", "user_id" : "04f258c8fb00d42a1f65c00df88cc4dc", "project_id" : "04f258c84780d5a52f3bc00dc15aa5e7", "app_type" : "APIG", "app_codes" : [ "53a7c6de82be4671b93414adf98c1c507d5cef29fbdd48d88a4dddb668b0f0ad" ], "created_at" : 1683173880900_i64, "updated_at" : 1703160524345_i64, "bounded_api_count" : 29, "unknown_field": {"x": 1} })
}

#[tokio::test]
async fn show_auto_search_yaml_templates_info() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v2", "/training-jobs/autosearch/yaml-templates"),
        "",
        PLAIN,
        None,
        json!({ "yaml_templates" : [ { "algorithm_type_en" : "hpo", "algorithm_type_zh" : "algorithm_type_zh to translate", "algorithm_names" : [ "Anneal", "Bayes", "DragonFly", "FixNorm", "GridSearch", "TPE" ] }, { "algorithm_type_en" : "nas", "algorithm_type_zh" : "algorithm_type_zh to translate", "algorithm_names" : [ "AutoBSS", "AutoEvo", "AutoTopo", "MBNAS" ] } ] }),
    )
    .await;
    let reply = client(&server)
        .show_auto_search_yaml_templates_info()
        .await
        .unwrap();
    assert_eq!(reply.yaml_templates.len(), 2);
    assert_eq!(
        reply.yaml_templates[0].algorithm_type_en.as_deref(),
        Some("hpo")
    );
    assert_eq!(reply.yaml_templates[1].algorithm_names[3], "MBNAS");
}

#[tokio::test]
async fn create_notebook_tags() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &route("v1", "/notebooks/a55eba18-1ebf-4e9a-8229-d2d3b593a3dc/tags/create"),
        "workspace_id=ws%201",
        WITH_BODY,
        Some(r#"{"tags": [{"key": "test", "value": "service-gpu"}, {"key": "\u952e", "value": "0.1 <&>"}]}"#),
        json!({}),
    )
    .await;
    let mut request = CreateNotebookTagsRequest::new(
        "a55eba18-1ebf-4e9a-8229-d2d3b593a3dc",
        vec![
            TmsTag::new("test", "service-gpu"),
            TmsTag::new("键", "0.1 <&>"),
        ],
    );
    request.workspace_id = Some("ws 1".into());
    client(&server)
        .create_notebook_tags(&request)
        .await
        .unwrap();
}

#[tokio::test]
async fn create_notebook_tags_without_body_sends_nothing() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &route("v1", "/notebooks/nb-1/tags/create"),
        "",
        WITH_BODY,
        None,
        json!({}),
    )
    .await;
    let request = CreateNotebookTagsRequest {
        resource_id: "nb-1".into(),
        ..Default::default()
    };
    client(&server)
        .create_notebook_tags(&request)
        .await
        .unwrap();
}

#[tokio::test]
async fn list_pool_nodes() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v2", "/pools/pool-os-1/nodes"),
        "continue=a%2Bb%2Fc%3Dd&limit=50",
        PLAIN,
        None,
        json!({ "kind" : "NodeList", "apiVersion" : "v2", "metadata" : { "continue": "next-1", "remainingItemCount": 7 }, "items" : [ node("os-node-created-zlncn"), node("os-node-created-4s522") ] }),
    )
    .await;
    let mut request = ListPoolNodesRequest::new("pool-os-1");
    request.continue_token = Some("a+b/c=d".into());
    request.limit = Some(50);
    let page = client(&server).list_pool_nodes(&request).await.unwrap();
    assert_eq!(page.kind.as_deref(), Some("NodeList"));
    assert_eq!(page.metadata.continue_token.as_deref(), Some("next-1"));
    assert_eq!(page.metadata.remaining_item_count, Some(7));
    assert_eq!(page.items.len(), 2);
    let n = &page.items[0];
    assert_eq!(n.metadata.name.as_deref(), Some("os-node-created-zlncn"));
    assert_eq!(n.metadata.labels["os.modelarts.node/cluster"], "c1");
    assert_eq!(n.metadata.labels["count"], "3");
    assert_eq!(n.status.phase, Some(NodePhase::Available));
    assert_eq!(n.status.private_ip.as_deref(), Some("192.168.0.1"));
    assert_eq!(n.status.resources["nvidia.com/gpu"], "1");
    assert_eq!(n.status.available_resources["memory"], "4558Mi");
    assert_eq!(n.spec.flavor.as_deref(), Some("modelarts.vm.cpu.4ud"));
}

#[tokio::test]
async fn show_pool() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route("v2", "/pools/auto-pool-os-1")))
        .and(RawQuery(""))
        .and(header("x-modelarts-user-id", "user 01/+#"))
        .and(header("content-type", PLAIN))
        .and(Signed::plain())
        .and(body_string(""))
        .respond_with(ResponseTemplate::new(200).set_body_json(pool_reply()))
        .expect(1)
        .mount(&server)
        .await;
    let request = ShowPoolRequest {
        pool_name: "auto-pool-os-1".into(),
        x_model_arts_user_id: Some("\u{3000} user 01/+#  ".into()),
    };
    let pool = client(&server).show_pool(&request).await.unwrap();
    assert_eq!(pool.kind.as_deref(), Some("Pool"));
    assert_eq!(pool.metadata.labels["os.modelarts/workspace.id"], "0");
    assert_eq!(pool.spec.pool_type.as_deref(), Some("Dedicate"));
    assert_eq!(pool.spec.scope, ["Train", "Infer"]);
    assert_eq!(pool.spec.resources[0].count, Some(2));
    assert_eq!(pool.status.phase.as_deref(), Some("Running"));
    assert_eq!(pool.status.scope[1].scope_type.as_deref(), Some("Infer"));
    let available = &pool.status.resources.available;
    assert_eq!(available.len(), 1);
    assert_eq!(available[0].azs[0].az.as_deref(), Some("cn-north-7c"));
}

#[tokio::test]
async fn show_pool_accepts_the_sdk_models_single_objects() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(Signed::plain())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": {"resources": {"available": {"flavor": "f", "count": 1}, "creating": null}},
            "spec": null, "metadata": {"labels": null}
        })))
        .mount(&server)
        .await;
    let pool = client(&server)
        .show_pool(&ShowPoolRequest::new("p"))
        .await
        .unwrap();
    assert_eq!(pool.status.resources.available[0].count, Some(1));
    assert!(pool.status.resources.creating.is_empty());
    assert!(pool.metadata.labels.is_empty());
}

#[tokio::test]
async fn create_workflow_service_auth() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &route("v2", "/workflows/service/auth"),
        "",
        WITH_BODY,
        Some(r#"{"main_service_id": "s-1", "content_id": "c-1", "consume": {"period": "day", "value": 100}}"#),
        json!({"result": "success"}),
    )
    .await;
    let request = CreateWorkflowServiceAuthRequest {
        body: Some(CreateWorkflowServiceAuthBody {
            main_service_id: Some("s-1".into()),
            content_id: Some("c-1".into()),
            consume: Some(WorkflowConsume {
                period: Some("day".into()),
                value: Some(100),
            }),
        }),
    };
    let reply = client(&server)
        .create_workflow_service_auth(&request)
        .await
        .unwrap();
    assert_eq!(reply.result.as_deref(), Some("success"));
}

fn sample_schedule() -> WorkflowSchedule {
    WorkflowSchedule {
        schedule_type: Some("time".into()),
        content: Some(
            JsonObject::new()
                .with("cron", "0 0 0 * * Thu,Tue")
                .with("method", "fixed"),
        ),
        action: Some("run".into()),
        enable: Some(true),
        policies: Some(WorkflowSchedulePolicies {
            on_failure: Some("retry".into()),
            on_running: Some("cancel".into()),
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn create_workflow_schedule() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &route("v2", "/workflows/wf-1/schedules"),
        "",
        WITH_BODY,
        Some(r#"{"type": "time", "content": {"cron": "0 0 0 * * Thu,Tue", "method": "fixed"}, "action": "run", "enable": true, "policies": {"on_failure": "retry", "on_running": "cancel"}}"#),
        schedule_reply(),
    )
    .await;
    let request = CreateWorkflowScheduleRequest {
        workflow_id: "wf-1".into(),
        body: Some(sample_schedule()),
    };
    let s = client(&server)
        .create_workflow_schedule(&request)
        .await
        .unwrap();
    assert_eq!(
        s.uuid.as_deref(),
        Some("fa4ac58e-088b-4fd7-ae8c-b36fee50f884")
    );
    assert_eq!(
        s.content.as_ref().and_then(|c| c.get_str("cron")),
        Some("0 0 0 * * Thu,Tue")
    );
    assert_eq!(s.enable, Some(true));
    assert_eq!(
        s.policies.and_then(|p| p.on_running).as_deref(),
        Some("cancel")
    );
}

#[tokio::test]
async fn show_workflow_schedule() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v2", "/workflows/wf-1/schedules/fa4ac58e"),
        "",
        PLAIN,
        None,
        schedule_reply(),
    )
    .await;
    let s = client(&server)
        .show_workflow_schedule(&ShowWorkflowScheduleRequest::new("wf-1", "fa4ac58e"))
        .await
        .unwrap();
    assert_eq!(s.schedule_type.as_deref(), Some("time"));
    assert_eq!(
        s.created_at.as_deref(),
        Some("2022-11-02T09:40:52.714657+08:00")
    );
}

#[tokio::test]
async fn update_workflow_schedule() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        &route("v2", "/workflows/wf-1/schedules/fa4ac58e"),
        "",
        WITH_BODY,
        Some(r#"{"content": {"method": "fixed", "cron": "0 */5 * * * ?"}, "enable": false}"#),
        schedule_reply(),
    )
    .await;
    let request = UpdateWorkflowScheduleRequest {
        workflow_id: "wf-1".into(),
        schedule_id: "fa4ac58e".into(),
        body: Some(UpdateWorkflowScheduleBody {
            content: Some(
                JsonObject::new()
                    .with("method", "fixed")
                    .with("cron", "0 */5 * * * ?"),
            ),
            enable: Some(false),
        }),
    };
    let s = client(&server)
        .update_workflow_schedule(&request)
        .await
        .unwrap();
    assert_eq!(s.action.as_deref(), Some("run"));
}

#[tokio::test]
async fn show_workflows_todolist() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v2", "/workflows/todolist"),
        "workspace_id=0",
        PLAIN,
        None,
        json!({ "total" : 5, "items" : [ { "time" : "2022-10-28T15:31:43.409368+08:00", "duration" : 366181, "workflow_id" : "bd711470-e00f-422a-8da4-8a7fa06f4b8c", "workflow_name" : "wf-test-service-xiahou", "execution_id" : "837f989e-ff44-4089-90f5-ec6d790d339d", "step_name" : "service_step", "step_title" : "install service", "status" : "wait_inputs" } ] }),
    )
    .await;
    let reply = client(&server)
        .show_workflows_todolist(&ShowWorkflowsTodolistRequest {
            workspace_id: Some("0".into()),
        })
        .await
        .unwrap();
    assert_eq!(reply.total, Some(5));
    assert_eq!(reply.items[0].duration, Some(366181));
    assert_eq!(reply.items[0].status.as_deref(), Some("wait_inputs"));
}

pub fn workflow_reply() -> Value {
    json!({ "created_at" : "2022-09-09T11:28:29.639658+08:00", "workflow_id" : "6b596c75-fe1f-440b-be83-fe5e240133c4", "name" : "graph-test-has-condition-step", "description" : "", "user_name" : "zuoping", "workspace_id" : "0", "labels" : [ "subgraph" ], "data" : [ { "name" : "a2ff296da618452daa8243399f06db8e", "type" : "obs", "value" : { "obs_url" : "/test-lh/test-metrics/" }, "used_steps" : [ "training_job1" ] } ], "parameters" : [ { "name" : "is_true", "type" : "bool", "delay" : true, "value" : true, "used_steps" : [ "condition_step_test" ] }, { "name" : "train_spec", "type" : "str", "format" : "flavor", "description" : "training specification", "default" : "modelarts.vm.cpu.8u", "used_steps" : [ "training_job1", "training_job2", "training_job3" ] } ], "sub_graphs" : [ { "name" : "stage_A", "steps" : [ "training_job1", "training_job2" ] } ], "policy" : { }, "last_modified_at" : "2022-10-28T16:49:13.056726+08:00", "source_workflow_id" : "05427e9d-42ac-4816-bd45-360c1bfd780b", "latest_execution" : { "execution_id" : "43e317e2-34b0-4348-9c1b-08d3083512e1", "created_at" : "2022-10-28T16:49:03.894771+08:00", "status" : "completed", "duration" : 209 }, "run_count" : 2, "param_ready" : true })
}

#[tokio::test]
async fn list_workflows() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v2", "/workflows"),
        "limit=10&name=%E5%B7%A5%E4%BD%9C%E6%B5%81%20a%2Bb&offset=20&search_type=contain&sort_by=create_time",
        PLAIN,
        None,
        json!({ "total" : 1, "count" : 1, "items" : [ workflow_reply() ] }),
    )
    .await;
    let request = ListWorkflowsRequest {
        name: Some("工作流 a+b".into()),
        limit: Some("10".into()),
        offset: Some("20".into()),
        sort_by: Some("create_time".into()),
        search_type: Some("contain".into()),
        ..Default::default()
    };
    let reply = client(&server).list_workflows(&request).await.unwrap();
    assert_eq!((reply.total, reply.count), (Some(1), Some(1)));
    let w = &reply.items[0];
    assert_eq!(w.name.as_deref(), Some("graph-test-has-condition-step"));
    assert_eq!(w.labels, ["subgraph"]);
    assert_eq!(w.parameters[0].value, Some(json!(true)));
    assert_eq!(w.parameters[1].default, Some(json!("modelarts.vm.cpu.8u")));
    assert_eq!(
        w.data[0].value,
        Some(json!({"obs_url": "/test-lh/test-metrics/"}))
    );
    assert_eq!(w.sub_graphs[0].steps.len(), 2);
    assert_eq!(
        w.latest_execution.as_ref().and_then(|e| e.duration),
        Some(209)
    );
    assert_eq!((w.run_count, w.param_ready), (Some(2), Some(true)));
}

#[tokio::test]
async fn list_clusters() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v1", "/clusters"),
        "cluster_name=my-cluster&limit=10&offset=0&order=asc&sort_by=cluster_name&status=running",
        PLAIN,
        None,
        json!({ "total_count" : 1, "count" : 1, "clusters" : [ { "cluster_id" : "ff808081673fbb3d01673fbb824d0000", "cluster_name" : "my-cluster", "description" : "", "tenant" : "tenant_id", "project" : "project_id", "owner" : "owner_id", "created_at" : 1574923077927_i64, "status" : "running", "nodes" : { "specification" : "modelarts.vm.cpu.8ud", "count" : 1, "available_count" : 1 }, "allocatable_cpu_cores" : 5.5, "allocatable_memory" : 4096, "allocatable_gpus" : 0.5 } ] }),
    )
    .await;
    let request = ListClustersRequest {
        cluster_name: Some("my-cluster".into()),
        status: Some("running".into()),
        offset: Some(0),
        limit: Some(10),
        sort_by: Some("cluster_name".into()),
        order: Some("asc".into()),
    };
    let reply = client(&server).list_clusters(&request).await.unwrap();
    assert_eq!(reply.total_count, Some(1));
    let c = &reply.clusters[0];
    assert_eq!(c.status, Some(ClusterStatus::Running));
    assert_eq!(c.created_at, Some(1574923077927));
    assert_eq!(c.nodes.available_count, Some(1));
    assert_eq!(c.allocatable_cpu_cores, Some(5.5));
    assert_eq!(c.allocatable_gpus, Some(0.5));
    assert_eq!(c.allocatable_memory, Some(4096));
}

#[tokio::test]
async fn list_apps() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v1", "/app-auth/apps"),
        "app_ids=a1&app_ids=b2&iphertext_enabled=true&limit=5&offset=1&workspace_id=0",
        PLAIN,
        None,
        json!({ "apps" : [ app_reply() ], "count" : 1, "total_count" : 1 }),
    )
    .await;
    let request = ListAppsRequest {
        limit: Some(5),
        offset: Some(1),
        workspace_id: Some("0".into()),
        iphertext_enabled: Some(true),
        app_ids: vec!["b2".into(), "a1".into()],
        ..Default::default()
    };
    let reply = client(&server).list_apps(&request).await.unwrap();
    let app = &reply.apps[0];
    assert_eq!(app.app_type, Some(AppType::Apig));
    assert_eq!(
        app.app_secret.as_ref().map(|s| s.expose()),
        Some("cb5d1b57368b4f129b635332a03bf0e3")
    );
    assert_eq!(app.app_codes.len(), 1);
    assert_eq!(app.created_at, Some(1683173880900));
    assert_eq!(app.bounded_api_count, Some(29));
    let shown = format!("{reply:?}");
    assert!(
        !shown.contains("cb5d1b57368b4f129b635332a03bf0e3"),
        "{shown}"
    );
    assert!(!shown.contains("53a7c6de82be"), "{shown}");
}

#[tokio::test]
async fn list_app_auth_apis() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v1", "/app-auth/apps/fb1a9ead/auth-apis"),
        "order=desc&service_name=svc",
        PLAIN,
        None,
        json!({ "apis" : [ { "api_id" : "7e0d272df0e94297b7d4046bada3f158", "api_name" : "infer_ae20fc9fb37c48c28ebc3f3a638c9f48", "api_method" : "ANY", "predict_url" : "https://b86b2d069324491fbd66940e4533b45c.apig.xxxxxx.com/v1/infers/ae20fc9f-b37c-48c2-8ebc-3f3a638c9f48", "support_app_code" : true, "service_id" : "ae20fc9f-b37c-48c2-8ebc-3f3a638c9f48", "service_name" : "service-3c02", "auth_type": "APP" } ], "count" : 1 }),
    )
    .await;
    let mut request = ListAppAuthApisRequest::new("fb1a9ead");
    request.order = Some("desc".into());
    request.service_name = Some("svc".into());
    let reply = client(&server).list_app_auth_apis(&request).await.unwrap();
    assert_eq!(reply.count, Some(1));
    assert_eq!(reply.total_count, None);
    let api = &reply.apis[0];
    assert_eq!(api.api_method.as_deref(), Some("ANY"));
    assert_eq!(api.support_app_code, Some(true));
    assert_eq!(api.auth_type, Some(ApiAuthType::App));
}

#[tokio::test]
async fn list_api_auths() {
    let server = MockServer::start().await;
    expect(
        &server,
        "GET",
        &route("v1", "/services/svc-1/app-auth-apis/api-1/api-auths"),
        "app_ids=x&app_name=app&show_only=AUTH",
        PLAIN,
        None,
        json!({ "auths" : [ { "app" : app_reply(), "authed" : true } ], "count" : 1, "total_count" : 1 }),
    )
    .await;
    let mut request = ListApiAuthsRequest::new("svc-1", "api-1");
    request.app_name = Some("app".into());
    request.show_only = Some("AUTH".into());
    request.app_ids = vec!["x".into()];
    let reply = client(&server).list_api_auths(&request).await.unwrap();
    assert_eq!(reply.auths[0].authed, Some(true));
    assert_eq!(reply.auths[0].app.app_name.as_deref(), Some("app_13e0"));
}

#[tokio::test]
async fn create_service() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &route("v1", "/services"),
        "",
        WITH_BODY,
        Some(r#"{"service_name": "realtime-demo", "description": "", "infer_type": "real-time", "cluster_id": "8abf68a969c3cb3a0169c4acb24b0000", "config": [{"model_id": "eb6a4a8c", "weight": 100, "specification": "custom", "custom_spec": {"cpu": 1.5, "memory": 7500, "gpu_p4": 0, "ascend_a310": 0}, "instance_count": 1, "envs": {"model_name": "m1"}}], "schedule": [{"type": "stop", "time_unit": "HOURS", "duration": 1}]}"#),
        json!({"service_id": "svc-1", "resource_ids": ["r1"]}),
    )
    .await;
    let request = CreateServiceRequest {
        service_name: "realtime-demo".into(),
        description: Some(String::new()),
        infer_type: InferType::RealTime,
        cluster_id: Some("8abf68a969c3cb3a0169c4acb24b0000".into()),
        config: vec![ServiceConfig {
            model_id: "eb6a4a8c".into(),
            weight: Some(100),
            specification: "custom".into(),
            custom_spec: Some(CustomSpec {
                cpu: Some(1.5),
                memory: Some(7500),
                gpu_p4: Some(0.0),
                ascend_a310: Some(0.0),
            }),
            instance_count: Some(1),
            envs: Some([("model_name".to_string(), "m1".to_string())].into()),
            ..Default::default()
        }],
        schedule: Some(vec![ServiceSchedule {
            schedule_type: "stop".into(),
            time_unit: "HOURS".into(),
            duration: 1,
        }]),
    };
    let reply = client(&server).create_service(&request).await.unwrap();
    assert_eq!(reply.get_str("service_id"), Some("svc-1"));
}

#[tokio::test]
async fn temporary_credentials_sign_the_security_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route("v2", "/workflows/todolist")))
        .and(Signed(Some(TOKEN)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": 0})))
        .expect(1)
        .mount(&server)
        .await;
    let reply = sts_client(&server)
        .show_workflows_todolist(&Default::default())
        .await
        .unwrap();
    assert_eq!(reply.total, Some(0));
    assert!(reply.items.is_empty());
}
