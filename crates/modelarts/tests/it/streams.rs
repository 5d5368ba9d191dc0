//! Paging streams: continue/limit for pool nodes, item offsets for
//! workflows, page numbers for the v1 lists.

use futures::{StreamExt, TryStreamExt};
use modelarts::*;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;
use crate::ops::{app_reply, node, workflow_reply};

async fn page(server: &MockServer, route: &str, query: &'static str, reply: Value) {
    Mock::given(method("GET"))
        .and(path(route))
        .and(RawQuery(query))
        .and(Signed::plain())
        .respond_with(ResponseTemplate::new(200).set_body_json(reply))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn pool_nodes_follow_continue() {
    let server = MockServer::start().await;
    let r = route("v2", "/pools/p1/nodes");
    page(&server, &r, "limit=2", json!({"metadata": {"continue": "c1", "remainingItemCount": 3}, "items": [node("n1"), node("n2")]})).await;
    page(
        &server,
        &r,
        "continue=c1&limit=2",
        json!({"metadata": {"continue": "c2"}, "items": [node("n3"), node("n4")]}),
    )
    .await;
    page(
        &server,
        &r,
        "continue=c2&limit=2",
        json!({"metadata": {"continue": ""}, "items": [node("n5")]}),
    )
    .await;
    let c = client(&server);
    let mut request = ListPoolNodesRequest::new("p1");
    request.limit = Some(2);
    let names: Vec<String> = c
        .list_pool_nodes_stream(request)
        .map_ok(|n| n.metadata.name.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["n1", "n2", "n3", "n4", "n5"]);
}

#[tokio::test]
async fn pool_nodes_stop_when_the_service_repeats_the_position() {
    let server = MockServer::start().await;
    let r = route("v2", "/pools/p1/nodes");
    page(
        &server,
        &r,
        "continue=same",
        json!({"metadata": {"continue": "same"}, "items": [node("n1")]}),
    )
    .await;
    let c = client(&server);
    let mut request = ListPoolNodesRequest::new("p1");
    request.continue_token = Some("same".into());
    let all: Vec<_> = c.list_pool_nodes_stream(request).collect().await;
    assert_eq!(all.len(), 1);
}

#[tokio::test]
async fn workflows_advance_by_items() {
    let server = MockServer::start().await;
    let r = route("v2", "/workflows");
    let items = |n: usize| json!({"total": 5, "count": n, "items": vec![workflow_reply(); n]});
    page(&server, &r, "limit=2&name=wf&offset=0", items(2)).await;
    page(&server, &r, "limit=2&name=wf&offset=2", items(2)).await;
    page(&server, &r, "limit=2&name=wf&offset=4", items(1)).await;
    let c = client(&server);
    let request = ListWorkflowsRequest {
        name: Some("wf".into()),
        limit: Some("2".into()),
        ..Default::default()
    };
    let all: Vec<Workflow> = c
        .list_workflows_stream(request)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
}

#[tokio::test]
async fn clusters_advance_by_pages() {
    let server = MockServer::start().await;
    let r = route("v1", "/clusters");
    let cluster = json!({"cluster_id": "c", "status": "deploying"});
    page(
        &server,
        &r,
        "limit=2&offset=0",
        json!({"total_count": 3, "count": 2, "clusters": [cluster, cluster]}),
    )
    .await;
    page(
        &server,
        &r,
        "limit=2&offset=1",
        json!({"total_count": 3, "count": 1, "clusters": [cluster]}),
    )
    .await;
    let c = client(&server);
    let request = ListClustersRequest {
        limit: Some(2),
        ..Default::default()
    };
    let all: Vec<Cluster> = c.list_clusters_stream(request).try_collect().await.unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].status, Some(ClusterStatus::Deploying));
}

#[tokio::test]
async fn apps_stop_on_an_empty_page_and_on_errors() {
    let server = MockServer::start().await;
    let r = route("v1", "/app-auth/apps");
    page(
        &server,
        &r,
        "limit=1&offset=0",
        json!({"apps": [app_reply()]}),
    )
    .await;
    page(&server, &r, "limit=1&offset=1", json!({"apps": []})).await;
    let c = client(&server);
    let request = ListAppsRequest {
        limit: Some(1),
        ..Default::default()
    };
    let all: Vec<ApigAppDetailInfo> = c.list_apps_stream(request).try_collect().await.unwrap();
    assert_eq!(all.len(), 1);

    let server = MockServer::start().await;
    let r = route("v1", "/services/s/app-auth-apis/a/api-auths");
    page(
        &server,
        &r,
        "limit=1&offset=0",
        json!({"auths": [{"app": app_reply(), "authed": false}], "total_count": 9}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(r.as_str()))
        .and(RawQuery("limit=1&offset=1"))
        .respond_with(ResponseTemplate::new(500).set_body_string("boom"))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let mut request = ListApiAuthsRequest::new("s", "a");
    request.limit = Some(1);
    let got: Vec<Result<ApiAuthInfo, bce_core::Error>> =
        c.list_api_auths_stream(request).collect().await;
    assert_eq!(got.len(), 2);
    assert!(got[0].is_ok());
    assert_eq!(got[1].as_ref().unwrap_err().status(), Some(500));

    let server = MockServer::start().await;
    let r = route("v1", "/app-auth/apps/app-1/auth-apis");
    page(
        &server,
        &r,
        "limit=100&offset=0",
        json!({"apis": [{"api_id": "x"}], "count": 1}),
    )
    .await;
    let c = client(&server);
    let all: Vec<AuthTypeApiBasicInfo> = c
        .list_app_auth_apis_stream(ListAppAuthApisRequest::new("app-1"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all[0].api_id.as_deref(), Some("x"));
}
