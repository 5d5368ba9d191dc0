//! SDK-HMAC-SHA256 signing benchmarks (`cargo bench -p modelarts`).
//!
//! A plain harness (no external framework), like bce-core's: each case runs
//! a fixed number of iterations and prints the mean time per operation.
//! Figures are reported, never asserted.

use std::hint::black_box;
use std::sync::Arc;

use bce_testkit::string_pairs;
use hmac::{Hmac, Mac};
use modelarts::sign::{sign, QueryValue, SignableRequest, SigningKey};
use sha2::{Digest, Sha256};

/// Times one case and prints its line of the table.
fn bench<F: FnMut()>(name: &str, iterations: u32, f: F) {
    println!("{}", bce_testkit::bench::time(name, iterations, f));
}

fn main() {
    let key = SigningKey::new("ak-bench", "sk-bench")
        .unwrap_or_else(|e| unreachable!("{e}"))
        .with_project_id("0123456789abcdef0123456789abcdef");
    let headers = string_pairs(&[
        ("User-Agent", "bce-sdk-rust/0.1.0/rust/linux/x86_64"),
        ("Content-Type", "application/json"),
        ("Host", "modelarts.cn-north-4.myhuaweicloud.com"),
        ("X-Sdk-Date", "20231114T221320Z"),
    ]);
    let query: Vec<(String, QueryValue)> = vec![
        ("limit".into(), QueryValue::Int(50)),
        (
            "continue".into(),
            QueryValue::from("eyJjb250aW51ZSI6Im9zLW5vZGUtY3JlYXRlZC00czUyMiJ9"),
        ),
    ];
    let get = SignableRequest {
        method: "GET",
        host: "modelarts.cn-north-4.myhuaweicloud.com",
        path: "/v2/0123456789abcdef0123456789abcdef/pools/pool-os-86c13962597848eeb29c5861153a391f/nodes",
        query: &query,
        headers: &headers,
        body: b"",
    };
    bench(
        "sign GET list_pool_nodes (2 query pairs, 5 headers)",
        100_000,
        || {
            black_box(sign(&key, black_box(&get), 1_700_000_000).ok());
        },
    );

    let body = format!("{{\"name\": \"{}\"}}", "x".repeat(2036));
    let mut post_headers = headers.clone();
    post_headers[1].1 = "application/json;charset=utf-8".into();
    let post = SignableRequest {
        method: "POST",
        host: "modelarts.cn-north-4.myhuaweicloud.com",
        path: "/v2/0123456789abcdef0123456789abcdef/workflows/f1642618-43eb-4ab1-a0b1-9cc584182c60/schedules",
        query: &[],
        headers: &post_headers,
        body: body.as_bytes(),
    };
    bench("sign POST (2 KB JSON body hashed)", 100_000, || {
        black_box(sign(&key, black_box(&post), 1_700_000_000).ok());
    });

    // The floor: hashing the canonical request and one HMAC-SHA256.
    let canonical = sign(&key, &get, 1_700_000_000)
        .map(|s| s.canonical_request)
        .unwrap_or_default();
    bench(
        "floor (SHA-256 of canonical request + HMAC)",
        100_000,
        || {
            let digest = hex::encode(Sha256::digest(black_box(canonical.as_bytes())));
            let mut mac =
                Hmac::<Sha256>::new_from_slice(b"sk-bench").unwrap_or_else(|e| unreachable!("{e}"));
            mac.update(b"SDK-HMAC-SHA256\n20231114T221320Z\n");
            mac.update(digest.as_bytes());
            black_box(mac.finalize().into_bytes());
        },
    );

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| unreachable!("{e}"));
    rt.block_on(round_trips());
}

/// `show_pool` through bce-core's pipeline (authorizer, transport, error
/// decoder, JSON decoding) against a local server.
async fn round_trips() {
    use wiremock::{matchers::any, Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string(
            r#"{"kind":"Pool","metadata":{"name":"pool-1"},"status":{"phase":"Running"}}"#,
        ))
        .mount(&server)
        .await;
    let client = modelarts::Client::builder()
        .endpoint(server.uri())
        .credentials(
            bce_core::Credentials::new("ak-bench", "sk-bench")
                .unwrap_or_else(|e| unreachable!("{e}")),
        )
        .project_id("0123456789abcdef0123456789abcdef")
        .clock(Arc::new(bce_core::FixedClock(1_700_000_000)))
        .retry(bce_core::RetryPolicy::none())
        .build()
        .unwrap_or_else(|e| unreachable!("{e}"));
    let request = modelarts::ShowPoolRequest::new("pool-1");
    let timings = bce_testkit::bench::round_trips("show_pool round trip via local server", || {
        client.show_pool(&request)
    })
    .await;
    for timing in timings {
        println!("{timing}");
    }
}
