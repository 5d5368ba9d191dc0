//! The emulator's own checks: signature verification against the public
//! signing vectors, error shapes, faults and the clock.

use std::time::Duration;

#[path = "server/train_v2.rs"]
mod train_v2;

use bce_emulator::auth::{encode, verify, IncomingRequest, Keys};
use bce_emulator::{Emulator, DEFAULT_ACCESS_KEY_ID};
use serde_json::Value;

fn vectors() -> Option<String> {
    let path = std::env::var("BCE_SIGNING_VECTORS").unwrap_or_else(|_| {
        format!(
            "{}/../bce-core/tests/data/signing-public.jsonl",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    std::fs::read_to_string(path).ok()
}

#[test]
fn verifier_accepts_every_public_vector_and_rejects_tampering() {
    let Some(text) = vectors() else {
        eprintln!("signing vectors not found; skipped");
        return;
    };
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        let name = v["name"].as_str().unwrap();
        let path = v["path"].as_str().unwrap();
        let raw_path = if path.starts_with('/') {
            encode(path.as_bytes(), true)
        } else {
            format!("/{}", encode(path.as_bytes(), true))
        };
        let query: Vec<String> = v["query"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let (k, val) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
                if val.is_empty() {
                    encode(k.as_bytes(), false)
                } else {
                    format!(
                        "{}={}",
                        encode(k.as_bytes(), false),
                        encode(val.as_bytes(), false)
                    )
                }
            })
            .collect();
        let raw_query = query.join("&");
        let mut headers: Vec<(String, String)> = v["headers"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("authorization"))
            .map(|(k, val)| (k.clone(), val.as_str().unwrap().to_string()))
            .collect();
        let token = v["session_token"].as_str().map(str::to_string);
        let query_has_token =
            v["query"].as_array().unwrap().iter().any(|p| {
                p[0].as_str() == Some("x-bce-security-token") && p[1].as_str() != Some("")
            });
        if let Some(t) = &token {
            if !query_has_token {
                headers.push(("x-bce-security-token".into(), t.clone()));
            }
        }
        let auth = v["expected_authorization"].as_str().unwrap().to_string();
        headers.push(("Authorization".into(), auth.clone()));
        let keys = Keys {
            access_key_id: v["access_key_id"].as_str().unwrap().into(),
            secret_access_key: v["secret_access_key"].as_str().unwrap().into(),
            session_token: None,
        };
        let ts = auth.split('/').nth(2).unwrap();
        let now = bce_emulator::clock::parse_iso(ts).unwrap();
        let method = v["method"].as_str().unwrap();
        let req = IncomingRequest {
            method,
            raw_path: &raw_path,
            raw_query: (!raw_query.is_empty()).then_some(raw_query.as_str()),
            headers: headers.clone(),
        };
        if let Err(e) = verify(&req, &keys, now) {
            panic!("{name}: {e:?}");
        }
        let wrong = Keys {
            secret_access_key: "not-the-secret".into(),
            ..keys.clone()
        };
        assert_eq!(
            verify(&req, &wrong, now).unwrap_err().code,
            "SignatureDoesNotMatch",
            "{name}"
        );
        let tampered_path = format!("{raw_path}x");
        let tampered = IncomingRequest {
            raw_path: &tampered_path,
            headers: headers.clone(),
            ..req
        };
        assert!(verify(&tampered, &keys, now).is_err(), "{name}");
        checked += 1;
    }
    assert!(checked >= 300);
}

async fn get(emu: &Emulator, path: &str, auth: Option<&str>) -> (u16, Value) {
    let mut req = reqwest::Client::new().get(format!("{}{path}", emu.endpoint()));
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn unsigned_and_malformed_requests_get_service_errors() {
    let emu = Emulator::start().await.unwrap();
    let (status, body) = get(&emu, "/api/v1/resourcepools", None).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "AccessDenied");
    assert!(body["requestId"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(body["message"].is_string());

    let (status, body) = get(&emu, "/api/v1/resourcepools", Some("Bearer x")).await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "InvalidHTTPAuthHeader");

    let auth = "bce-auth-v1/someone-else/2025-01-01T00:00:00Z/1800/host/abc";
    let (status, body) = get(&emu, "/api/v1/resourcepools", Some(auth)).await;
    assert_eq!(status, 403);
    assert_eq!(body["code"], "InvalidAccessKeyId");

    let auth = format!("bce-auth-v1/{DEFAULT_ACCESS_KEY_ID}/2020-01-01T00:00:00Z/1800/host/abc");
    let (status, body) = get(&emu, "/api/v1/resourcepools", Some(&auth)).await;
    assert_eq!(status, 403);
    assert_eq!(body["code"], "RequestExpired");
}

#[tokio::test]
async fn signed_sdk_requests_pass_and_wrong_secrets_fail() {
    let emu = Emulator::start().await.unwrap();
    let client = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    let pools = client
        .list_resource_pool(&aihc_train::ListResourcePoolRequest::default())
        .await
        .unwrap();
    assert_eq!(pools.result.resource_pools.len(), 2);

    let bad = emu
        .config_builder()
        .unwrap()
        .credentials(bce_core::Credentials::new(DEFAULT_ACCESS_KEY_ID, "wrong").unwrap())
        .build()
        .unwrap();
    let err = aihc_train::Client::new(bad)
        .unwrap()
        .list_resource_pool(&aihc_train::ListResourcePoolRequest::default())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    assert!(err.request_id().is_some());
}

#[tokio::test]
async fn faults_latency_and_counters() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let config = emu
        .config_builder()
        .unwrap()
        .retry(bce_core::RetryPolicy::none())
        .build()
        .unwrap();
    let client = aihc_train::Client::new(config).unwrap();
    let req = aihc_train::ListResourcePoolRequest::default();
    emu.faults().fail_next(1, 503);
    let err = client.list_resource_pool(&req).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.code(), Some("ServiceUnavailable"));

    emu.faults().close_next(1);
    let err = client.list_resource_pool(&req).await.unwrap_err();
    assert!(
        matches!(err.root(), bce_core::Error::Transport(_)),
        "{err:?}"
    );

    emu.faults().latency(Duration::from_millis(150));
    let t0 = std::time::Instant::now();
    client.list_resource_pool(&req).await.unwrap();
    assert!(t0.elapsed() >= Duration::from_millis(150));
    emu.faults().clear();
    assert_eq!(emu.requests_seen(), 3);
    assert_eq!(emu.requests_to("GET", "/api/v1/resourcepools"), 3);
}

#[tokio::test]
async fn manual_clock_moves_only_when_advanced() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let t0 = emu.now_ms();
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(emu.now_ms(), t0);
    emu.advance(Duration::from_secs(90));
    assert_eq!(emu.now_ms(), t0 + 90_000);
}

#[tokio::test]
async fn stops_on_drop() {
    let emu = Emulator::start().await.unwrap();
    let addr = emu.addr();
    drop(emu);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn odd_input_is_answered_not_fatal() {
    let emu = Emulator::builder().manual_clock().start().await.unwrap();
    let core = bce_core::Client::new(emu.config().unwrap(), "unused").unwrap();
    let send = |op: bce_core::Operation| {
        let core = core.clone();
        async move { core.send::<Value>(op).await }
    };
    use bce_core::{Method, Operation};
    let err = send(
        Operation::new("t", "CreateJob", Method::Post)
            .path("/api/v1/aijobs")
            .query("resourcePoolId", "cce-emu00a800")
            .json(&serde_json::json!({"name": 5, "jobSpec": "x"})),
    )
    .await
    .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some("MalformedJSON"));

    let err = send(Operation::new("t", "Nothing", Method::Get).path("/no/such/thing"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));

    // Absurd sizes are clamped, not obeyed.
    let created = send(
        Operation::new("t", "CreateJob", Method::Post)
            .path("/api/v1/aijobs")
            .query("resourcePoolId", "cce-emu00a800")
            .json(&serde_json::json!({"name": "big", "jobSpec": {"replicas": i32::MAX}})),
    )
    .await
    .unwrap();
    let id = created["result"]["jobId"].as_str().unwrap().to_string();
    let job = send(
        Operation::new("t", "GetJob", Method::Get)
            .path(&format!("/api/v1/aijobs/{id}"))
            .query("resourcePoolId", "cce-emu00a800"),
    )
    .await
    .unwrap();
    assert_eq!(
        job["result"]["podList"]["pods"].as_array().unwrap().len(),
        100
    );

    let dev = aihc_dev::Client::new(emu.config().unwrap()).unwrap();
    let id = dev
        .create_dev_instance(&aihc_dev::CreateDevInstanceArgs {
            name: "d".into(),
            conf: Some(Default::default()),
            ..Default::default()
        })
        .await
        .unwrap()
        .dev_instance_id;
    dev.timed_stop_dev_instance(&aihc_dev::TimedStopDevInstanceArgs {
        dev_instance_id: id.clone(),
        delay_sec: i64::from(i32::MAX),
        enable: true,
    })
    .await
    .unwrap();
    emu.advance(Duration::from_secs(u64::MAX / 4_000_000));
    dev.query_dev_instance_detail(&aihc_dev::DevInstanceIdArgs::new(&id))
        .await
        .unwrap();

    // Still serving.
    let train = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    train
        .list_resource_pool(&aihc_train::ListResourcePoolRequest::default())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_configured_session_token_is_required() {
    let emu = Emulator::builder()
        .session_token("TOKEN+/=")
        .start()
        .await
        .unwrap();
    let req = aihc_train::ListResourcePoolRequest::default();
    let with_token = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    with_token.list_resource_pool(&req).await.unwrap();
    let without = emu
        .config_builder()
        .unwrap()
        .credentials(
            bce_core::Credentials::new(
                DEFAULT_ACCESS_KEY_ID,
                bce_emulator::DEFAULT_SECRET_ACCESS_KEY,
            )
            .unwrap(),
        )
        .build()
        .unwrap();
    let err = aihc_train::Client::new(without)
        .unwrap()
        .list_resource_pool(&req)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.code(), Some("InvalidSessionToken"));
}

/// The emulator never echoes a secret: not in a `SignatureDoesNotMatch`
/// answer (no canonical request with the token in it), not in a malformed
/// body's message, not in the `Debug` of its builder, keys or itself.
#[tokio::test]
async fn the_emulator_never_echoes_secrets() {
    const SK: &str = "SK-UNIQUE-emu-4b8d21";
    const TOKEN: &str = "TOKEN-UNIQUE-emu-c07f9e";
    const QUERY_SECRET: &str = "QSECRET-UNIQUE-emu-66a1";
    const BODY_SECRET: &str = "BSECRET-UNIQUE-emu-2d9f";
    let builder = Emulator::builder()
        .credentials("AK-emu", SK)
        .session_token(TOKEN);
    let emu = builder.clone().start().await.unwrap();
    let keys = Keys {
        access_key_id: "AK-emu".into(),
        secret_access_key: SK.into(),
        session_token: Some(TOKEN.into()),
    };
    let shown = format!("{builder:?} {keys:?} {emu:?}");
    assert!(!shown.contains(SK) && !shown.contains(TOKEN), "{shown}");

    // The right token, signed with a wrong secret key, through the raw wire.
    let wrong = bce_core::Config::builder()
        .credentials(
            bce_core::Credentials::with_session_token("AK-emu", "wrong-sk", TOKEN).unwrap(),
        )
        .endpoint(emu.endpoint())
        .build()
        .unwrap();
    let client = bce_core::Client::new(wrong, "unused").unwrap();
    let op = bce_core::Operation::new("emu", "ListResourcePool", bce_core::Method::Get)
        .path("/api/v1/resourcepools")
        .query("authToken", QUERY_SECRET)
        .header("x-bce-custom-secret", QUERY_SECRET);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let prepared = client.prepare(&op, now, "rid-1").await.unwrap();
    let http = reqwest::Client::new();
    let send = |body: Option<String>| {
        let mut req = match body {
            Some(b) => http.post(&prepared.request.url).body(b),
            None => http.get(&prepared.request.url),
        };
        for (k, v) in &prepared.request.headers {
            req = req.header(k.as_ref(), v);
        }
        req.send()
    };
    let resp = send(None).await.unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    let text = resp.text().await.unwrap();
    assert!(text.contains("SignatureDoesNotMatch"), "{text}");
    assert!(text.contains("Signed headers:"), "{text}");
    for secret in [SK, TOKEN, QUERY_SECRET] {
        assert!(!text.contains(secret), "{secret} echoed: {text}");
    }

    // A malformed body holding a secret-looking value is refused without
    // quoting it (signed correctly, so it reaches the body decoder).
    let client = aihc_train::Client::new(emu.config().unwrap()).unwrap();
    let t = client.core().clone();
    let op = bce_core::Operation::new("emu", "CreateJob", bce_core::Method::Post)
        .path("/api/v1/aijobs")
        .query("resourcePoolId", "cce-emu00a800")
        .raw_body(
            format!(r#"{{"name": "j", "jobSpec": {{"replicas": "{BODY_SECRET}"}}}}"#).into_bytes(),
        );
    let err = t.send_no_content(op).await.unwrap_err();
    assert_eq!(err.code(), Some("MalformedJSON"), "{err}");
    assert!(err.to_string().contains("expected i32"), "{err}");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(BODY_SECRET), "{shown}");
    assert!(!shown.contains(SK) && !shown.contains(TOKEN), "{shown}");

    // PaddleFlow mode: user passwords and issued tokens stay out of `Debug`.
    const PF_PASSWORD: &str = "PFPW-UNIQUE-emu-83b5";
    let pf = |path: &str, token: Option<&str>, body: Value| {
        let mut req = http
            .post(format!(
                "{}/api/paddleflow/v1/{path}",
                emu.paddleflow_address()
            ))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(t) = token {
            req = req.header("x-pf-authorization", t);
        }
        async move {
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let body: Value =
                serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap_or_default();
            (status, body)
        }
    };
    let password = bce_emulator::paddleflow::ROOT_PASSWORD;
    let (_, answer) = pf(
        "login",
        None,
        serde_json::json!({"username": "root", "password": password}),
    )
    .await;
    let root_token = answer["authorization"].as_str().unwrap().to_owned();
    let user = serde_json::json!({"username": "alice", "password": PF_PASSWORD});
    let (status, answer) = pf("user", Some(&root_token), user.clone()).await;
    assert!(status < 300, "{status} {answer}");
    let (status, answer) = pf("login", None, user).await;
    assert!(status < 300, "{status} {answer}");
    let alice_token = answer["authorization"].as_str().unwrap().to_owned();
    let shown = format!("{emu:?}");
    for secret in [PF_PASSWORD, &root_token, &alice_token] {
        assert!(!shown.contains(secret), "{secret} in Debug: {shown}");
    }
}
