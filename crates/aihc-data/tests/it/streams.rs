//! The paginating streams over every list.

use aihc_data::*;
use bce_testkit::RecordingTransport;
use futures::{Stream, TryStreamExt};
use serde_json::{json, Value};

/// A client whose transport answers `pages`, one per request, in order.
fn answering(pages: impl IntoIterator<Item = Value>) -> (RecordingTransport, Client) {
    let t = RecordingTransport::replying_json(pages);
    let c = Client::new(t.config()).unwrap();
    (t, c)
}

/// Every item of a stream that must not fail.
async fn all<T>(stream: impl Stream<Item = Result<T, bce_core::Error>>) -> Vec<T> {
    stream.try_collect().await.unwrap()
}

fn query_of(t: &RecordingTransport) -> Vec<String> {
    t.requests()
        .iter()
        .map(|r| {
            r.url
                .split_once('?')
                .map(|(_, q)| q.to_owned())
                .unwrap_or_default()
        })
        .collect()
}

#[tokio::test]
async fn datasets_stream_walks_every_page() {
    let (t, c) = answering([
        json!({"totalCount": 3, "datasets": [{"id": "ds-1"}, {"id": "ds-2"}]}),
        json!({"totalCount": 3, "datasets": [{"id": "ds-3"}]}),
    ]);
    let datasets = all(c.describe_datasets_stream(DescribeDatasetsRequest {
        keyword: "img".into(),
        page_size: 2,
        ..Default::default()
    }))
    .await;
    let ids: Vec<&str> = datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ds-1", "ds-2", "ds-3"]);
    assert_eq!(
        query_of(&t),
        [
            "action=DescribeDatasets&keyword=img&pageNumber=1&pageSize=2",
            "action=DescribeDatasets&keyword=img&pageNumber=2&pageSize=2"
        ]
    );
}

#[tokio::test]
async fn dataset_versions_stream_stops_on_a_short_page() {
    let (t, c) = answering([
        json!({"versions": [{"id": "v1"}, {"id": "v2"}]}),
        json!({"versions": [{"id": "v3"}]}),
        json!({"versions": [{"id": "never"}]}),
    ]);
    let versions = all(
        c.describe_dataset_versions_stream(DescribeDatasetVersionsRequest {
            dataset_id: "ds-1".into(),
            page_size: 2,
            ..Default::default()
        }),
    )
    .await;
    assert_eq!(versions.len(), 3);
    assert_eq!(t.requests().len(), 2);
}

#[tokio::test]
async fn models_stream_with_service_paging_uses_the_total() {
    // Without pageSize the service answers every model on one page.
    let (t, c) = answering([
        json!({"totalCount": 2, "models": [{"id": "mo-1"}, {"id": "mo-2"}]}),
        json!({"totalCount": 2, "models": [{"id": "never"}]}),
    ]);
    let models = all(c.describe_models_stream(Default::default())).await;
    assert_eq!(models.len(), 2);
    assert_eq!(query_of(&t), ["action=DescribeModels&pageNumber=1"]);
}

#[tokio::test]
async fn model_versions_stream_starts_at_the_given_page_and_stops_on_errors() {
    let (t, c) = answering([json!({"totalCount": 5, "versions": [{"id": "v3"}, {"id": "v4"}]})]);
    t.push(Ok(bce_core::HttpResponse::new(
        500,
        r#"{"code":"InternalError","message":"boom"}"#,
    )));
    let got: Vec<Result<ModelVersion, bce_core::Error>> = futures::StreamExt::collect(
        c.describe_model_versions_stream(DescribeModelVersionsRequest {
            model_id: "mo-1".into(),
            page_number: 2,
            page_size: 2,
        }),
    )
    .await;
    assert_eq!(got.len(), 3);
    assert!(got[2].is_err());
    assert_eq!(
        query_of(&t),
        [
            "action=DescribeModelVersions&modelId=mo-1&pageNumber=2&pageSize=2",
            "action=DescribeModelVersions&modelId=mo-1&pageNumber=3&pageSize=2"
        ]
    );
}
