//! SDK-HMAC-SHA256 signing benchmarks (`cargo bench -p modelarts`).
//!
//! A plain harness (no external framework), like bce-core's: each case runs
//! a fixed number of iterations and prints the mean time per operation.
//! Figures are reported, never asserted.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use modelarts::sign::{sign, QueryValue, SignableRequest, SigningKey};
use sha2::{Digest, Sha256};

fn report(name: &str, iterations: u32, elapsed: Duration) {
    let per = elapsed / iterations;
    println!("{name:<52} {per:>12.2?} / op ({iterations} iterations)");
}

fn bench<F: FnMut()>(name: &str, iterations: u32, mut f: F) {
    for _ in 0..iterations / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    report(name, iterations, start.elapsed());
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn main() {
    let key = SigningKey::new("ak-bench", "sk-bench")
        .unwrap_or_else(|e| unreachable!("{e}"))
        .with_project_id("0123456789abcdef0123456789abcdef");
    let headers = pairs(&[
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
    for in_flight in [1usize, 64] {
        let rounds = 3000 / in_flight;
        for _ in 0..10 {
            let _ = client.show_pool(&request).await;
        }
        let start = Instant::now();
        for _ in 0..rounds {
            let calls = (0..in_flight).map(|_| client.show_pool(&request));
            for r in futures::future::join_all(calls).await {
                black_box(r.ok());
            }
        }
        let total = (rounds * in_flight) as u32;
        report(
            &format!("show_pool round trip via local server, {in_flight} in flight"),
            total,
            start.elapsed(),
        );
    }
}
