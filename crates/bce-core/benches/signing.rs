//! Signing and pipeline benchmarks (`cargo bench -p bce-core`).
//!
//! A plain harness (no external framework): each case runs for a fixed
//! number of iterations and prints the mean time per operation. Figures are
//! reported in the issue notes, never asserted.

use std::hint::black_box;
use std::sync::Arc;

use bce_core::sign::{sign, SignOptions, SignableRequest};
use bce_core::{Client, Config, Credentials, FixedClock, Method, Operation, RetryPolicy};
use bce_testkit::string_pairs;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Times one case and prints its line of the table.
fn bench<F: FnMut()>(name: &str, iterations: u32, f: F) {
    println!("{}", bce_testkit::bench::time(name, iterations, f));
}

fn main() {
    let creds = Credentials::new("ak-bench", "sk-bench").unwrap_or_else(|e| unreachable!("{e}"));
    let options = SignOptions::default();
    let query = string_pairs(&[
        ("resourcePoolId", "cce-e0isdmib"),
        ("pageNo", "1"),
        ("pageSize", "10"),
    ]);
    let get_headers = string_pairs(&[
        ("Host", "aihc.bj.baidubce.com"),
        ("Content-Type", "application/json;charset=utf-8"),
        ("x-bce-date", "2023-11-14T22:13:20Z"),
        ("x-bce-request-id", "3ad7ed98-f162-4298-926b-2800690560d8"),
    ]);
    let get = SignableRequest {
        method: "GET",
        path: "/api/v1/aijobs",
        query: &query,
        headers: &get_headers,
    };
    bench("sign GET (3 query pairs, 4 headers)", 100_000, || {
        black_box(sign(&creds, black_box(&get), &options, 1_700_000_000).ok());
    });

    let body = format!("{{\"name\":\"{}\"}}", "x".repeat(2040));
    let mut post_headers = get_headers.clone();
    post_headers.push(("Content-Length".into(), body.len().to_string()));
    post_headers.push(("Content-Md5".into(), "+ophNaB6sYdTFipeqjZjKg==".into()));
    let post = SignableRequest {
        method: "POST",
        path: "/api/v1/aijobs",
        query: &query,
        headers: &post_headers,
    };
    bench(
        "sign POST (2 KB JSON body, MD5 precomputed)",
        100_000,
        || {
            black_box(sign(&creds, black_box(&post), &options, 1_700_000_000).ok());
        },
    );

    // The floor: the two HMAC-SHA256 computations alone.
    let canonical = sign(&creds, &get, &options, 1_700_000_000)
        .map(|s| s.canonical_request)
        .unwrap_or_default();
    bench(
        "HMAC-only floor (key derivation + signature)",
        100_000,
        || {
            let mut mac =
                Hmac::<Sha256>::new_from_slice(b"sk-bench").unwrap_or_else(|e| unreachable!("{e}"));
            mac.update(b"bce-auth-v1/ak-bench/2023-11-14T22:13:20Z/1800");
            let key = hex::encode(mac.finalize().into_bytes());
            let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes())
                .unwrap_or_else(|e| unreachable!("{e}"));
            mac.update(canonical.as_bytes());
            black_box(mac.finalize().into_bytes());
        },
    );

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| unreachable!("{e}"));
    rt.block_on(round_trips(creds));
}

async fn round_trips(creds: Credentials) {
    use wiremock::{matchers::any, Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(r#"{"requestId":"r","result":{"jobId":"j"}}"#),
        )
        .mount(&server)
        .await;
    let config = Config::builder()
        .credentials(creds)
        .endpoint(server.uri())
        .clock(Arc::new(FixedClock(1_700_000_000)))
        .retry(RetryPolicy::none())
        .build()
        .unwrap_or_else(|e| unreachable!("{e}"));
    let client = Client::new(config, "x").unwrap_or_else(|e| unreachable!("{e}"));
    let op = || {
        Operation::new("aihc", "GetJob", Method::Get)
            .path("/api/v1/aijobs")
            .segment("jobId", "job-1")
            .query("resourcePoolId", "cce-1")
    };
    let timings = bce_testkit::bench::round_trips("round trip via local server", || {
        client.send::<serde_json::Value>(op())
    })
    .await;
    for timing in timings {
        println!("{timing}");
    }
}
