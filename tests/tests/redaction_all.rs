//! The whole SDK keeps the caller's secret key and session token to itself.
//!
//! One emulator with a unique secret key and session token; every operation
//! of every crate (aihc-train and aihc-deploy v1 and v2, aihc-dev and its v2
//! replay, aihc-data, bec; the conformance drivers are the table of calls: every line
//! of every wire fixture, so every operation with the official SDKs'
//! arguments) is called against it with TRACE tracing captured, then again
//! failing: signed with a wrong secret key (403), answered 500 (retries run
//! out), dropped connections, expired signatures (clock-skew correction),
//! timeouts, and an answer that cannot be decoded. Neither value, nor the
//! wrong key, nor an `Authorization` value, may appear in the captured
//! output or in any error's `Display` or `Debug`.
//!
//! PaddleFlow (token login, not bce-auth-v1) runs the same way against the
//! emulator's PaddleFlow mode: root's password changed to a unique value,
//! every fixture line called with a token the emulator issued, then a wrong
//! password, 500s, revoked tokens (logging in again), dropped connections
//! and timeouts; neither the password, the wrong one nor the token may
//! appear anywhere.
//!
//! ModelArts (SDK-HMAC-SHA256) has no emulator mode: its calls, signed with
//! the same unique secret key and token, go to the emulator's socket and are
//! refused there (401), answered 500, dropped or timed out; every fixture
//! line plus the operations the fixtures do not cover.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use bce_conformance::paddleflow::PaddleFlowDriver;
use bce_conformance::{load, Case, Driver};
use bce_core::{Config, ConfigBuilder, Credentials, Error, Method, Operation, RetryPolicy};
use bce_emulator::Emulator;
use bce_testkit::CapturedOutput;

const AK: &str = "AK-redaction-all";
const SK: &str = "SK-UNIQUE-all-5e0c9b17d2";
const TOKEN: &str = "TOKEN-UNIQUE-all-a93d44f2c8";
const WRONG_SK: &str = "SK-WRONG-UNIQUE-all-71f0e6";
const PF_PASSWORD: &str = "PFPW-UNIQUE-all-3c1a77e0";
const PF_WRONG: &str = "PFPW-WRONG-UNIQUE-all-09e2b4";

/// Every error's Display and Debug, and counts of what happened.
#[derive(Default)]
struct Seen {
    texts: Vec<String>,
    calls: usize,
    ok: usize,
    kinds: BTreeMap<String, usize>,
}

impl Seen {
    fn record(&mut self, label: &str, result: Result<(), Error>) {
        self.calls += 1;
        let Err(e) = result else {
            self.ok += 1;
            return;
        };
        let kind = if e.is_invalid_input() {
            "invalid input".to_owned()
        } else if e.is_timeout() {
            "timeout".to_owned()
        } else if e.is_transport() {
            "transport".to_owned()
        } else if e.is_decode() {
            "decode".to_owned()
        } else if let Some(code) = e.code() {
            format!("{} {code}", e.status().unwrap_or_default())
        } else {
            "other".to_owned()
        };
        if matches!(e, Error::RetriesExhausted { .. }) {
            *self.kinds.entry("retries exhausted".into()).or_default() += 1;
        }
        *self.kinds.entry(kind).or_default() += 1;
        self.texts.push(format!("{label}: {e}"));
        self.texts.push(format!("{label}: {e:?}"));
    }

    fn count(&self, kind: &str) -> usize {
        self.kinds.get(kind).copied().unwrap_or_default()
    }
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_retries(1)
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
}

fn builder(emu: &Emulator) -> ConfigBuilder {
    emu.config_builder()
        .unwrap()
        .retry(fast_retries())
        .attempt_timeout(Duration::from_secs(5))
}

/// The first line of each operation that the official SDK sent.
fn one_per_op(cases: &[Case]) -> Vec<&Case> {
    let mut seen = BTreeSet::new();
    cases
        .iter()
        .filter(|c| c.request.is_some() && seen.insert(c.op.clone()))
        .collect()
}

async fn call(driver: &dyn Driver, config: &Config, case: &Case, seen: &mut Seen, mode: &str) {
    let label = format!("[{mode}] {} {}/{}", driver.service(), case.op, case.case);
    let Some(future) = driver.call_case(config.clone(), case) else {
        panic!("{label}: the driver has no call for this operation");
    };
    seen.record(&label, future.await);
}

#[tokio::test]
async fn no_secret_reaches_logs_or_errors_anywhere_in_the_sdk() {
    let capture = CapturedOutput::default();
    let writer = capture.clone();
    // Global (the emulator's tasks log too), and `log` records of the HTTP
    // stack (reqwest, hyper) are forwarded into it.
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .try_init()
        .unwrap();
    let started = Instant::now();

    let emu = Emulator::builder()
        .credentials(AK, SK)
        .session_token(TOKEN)
        .start()
        .await
        .unwrap();
    let good = builder(&emu).build().unwrap();
    let wrong = builder(&emu)
        .credentials(Credentials::with_session_token(AK, WRONG_SK, TOKEN).unwrap())
        .build()
        .unwrap();
    let impatient = builder(&emu)
        .attempt_timeout(Duration::from_millis(30))
        .operation_timeout(Duration::from_millis(200))
        .build()
        .unwrap();

    let mut seen = Seen::default();
    let mut operations = 0;
    let mut wrong_key_calls = 0;
    for driver in bce_conformance::bce_drivers() {
        let driver = driver.as_ref();
        let cases = load(driver.service());
        let firsts = one_per_op(&cases);
        operations += cases.iter().map(|c| &c.op).collect::<BTreeSet<_>>().len();

        // Every line, signed correctly.
        for case in &cases {
            call(driver, &good, case, &mut seen, "ok").await;
        }
        // Every operation signed with a wrong secret key.
        for case in &firsts {
            wrong_key_calls += 1;
            call(driver, &wrong, case, &mut seen, "wrong key").await;
        }
        // Every operation answered 500 (twice: the retry runs out too).
        for case in &firsts {
            emu.faults().fail_next(2, 500);
            call(driver, &good, case, &mut seen, "500").await;
            emu.faults().clear();
        }
        // A few operations per crate: dropped connections, an expired
        // signature (skew correction), and timeouts.
        for case in firsts.iter().take(2) {
            emu.faults().close_next(2);
            call(driver, &good, case, &mut seen, "closed").await;
            emu.faults().clear();
            emu.faults().expire_next(1);
            call(driver, &good, case, &mut seen, "expired").await;
            emu.faults().clear();
            emu.faults().latency(Duration::from_millis(150));
            call(driver, &impatient, case, &mut seen, "timeout").await;
            emu.faults().clear();
        }
    }

    // PaddleFlow: its own login and token.
    let pf_address = emu.paddleflow_address().to_owned();
    let pf_client = |password: &str| {
        paddleflow::Client::builder(pf_address.clone())
            .login("root", password)
            .config(good.to_builder())
            .build()
            .unwrap()
    };
    pf_client(bce_emulator::paddleflow::ROOT_PASSWORD)
        .update_password("root", PF_PASSWORD)
        .await
        .unwrap();
    let root = pf_client(PF_PASSWORD);
    root.get_version().await.unwrap();
    let pf_token = root.token().await.unwrap().expose().to_owned();
    let pf = PaddleFlowDriver;
    let pf_cases = load("paddleflow");
    let pf_firsts = one_per_op(&pf_cases);
    operations += pf_cases
        .iter()
        .map(|c| &c.op)
        .collect::<BTreeSet<_>>()
        .len();
    let pf_call = |config: Config, case: &Case, login: &str, token: Option<&str>, mode: &str| {
        let label = format!("[{mode}] paddleflow {}/{}", case.op, case.case);
        let future = pf
            .call_at(
                config,
                &pf_address,
                Some(("root", login)),
                token,
                &case.op,
                &case.input,
            )
            .unwrap_or_else(|| panic!("{label}: the driver has no call for this operation"));
        (label, future)
    };
    for case in &pf_cases {
        let (label, future) = pf_call(good.clone(), case, PF_PASSWORD, Some(&pf_token), "ok");
        seen.record(&label, future.await);
    }
    for case in &pf_firsts {
        let (label, future) = pf_call(good.clone(), case, PF_WRONG, None, "wrong password");
        seen.record(&label, future.await);
    }
    for case in &pf_firsts {
        emu.faults().fail_next(2, 500);
        let (label, future) = pf_call(good.clone(), case, PF_PASSWORD, Some(&pf_token), "500");
        seen.record(&label, future.await);
        emu.faults().clear();
    }
    for case in pf_firsts.iter().take(2) {
        emu.faults().close_next(2);
        let (label, future) = pf_call(good.clone(), case, PF_PASSWORD, Some(&pf_token), "closed");
        seen.record(&label, future.await);
        emu.faults().clear();
        emu.faults().latency(Duration::from_millis(150));
        let (label, future) = pf_call(
            impatient.clone(),
            case,
            PF_PASSWORD,
            Some(&pf_token),
            "timeout",
        );
        seen.record(&label, future.await);
        emu.faults().clear();
    }
    // Revoked tokens: the next call is refused, the client logs in again.
    emu.revoke_paddleflow_tokens();
    for case in pf_firsts.iter().take(5) {
        let (label, future) = pf_call(good.clone(), case, PF_PASSWORD, Some(&pf_token), "revoked");
        seen.record(&label, future.await);
    }

    // ModelArts: refused by the emulator (not bce-auth-v1), faults too.
    let ma_client = |config: &Config| {
        modelarts::Client::builder()
            .config(config.clone())
            .endpoint(emu.endpoint())
            .credentials(Credentials::with_session_token(AK, SK, TOKEN).unwrap())
            .project_id(bce_conformance::modelarts::PROJECT_ID)
            .build()
            .unwrap()
    };
    let mut ma_cases = load("modelarts");
    ma_cases.extend(load("modelarts-extra"));
    let ma_firsts = one_per_op(&ma_cases);
    let ma_call = |config: &Config, case: &Case, mode: &str| {
        let label = format!("[{mode}] modelarts {}/{}", case.op, case.case);
        let input = bce_conformance::modelarts::Ordered::from(&case.input);
        let future = bce_conformance::modelarts::call(ma_client(config), &case.op, &input)
            .unwrap_or_else(|| panic!("{label}: the driver has no call for this operation"));
        (label, future)
    };
    for case in &ma_cases {
        let (label, future) = ma_call(&good, case, "ok");
        seen.record(&label, future.await);
    }
    for case in &ma_firsts {
        emu.faults().fail_next(2, 500);
        let (label, future) = ma_call(&good, case, "500");
        seen.record(&label, future.await);
        emu.faults().clear();
    }
    for case in ma_firsts.iter().take(2) {
        emu.faults().close_next(2);
        let (label, future) = ma_call(&good, case, "closed");
        seen.record(&label, future.await);
        emu.faults().clear();
        emu.faults().latency(Duration::from_millis(150));
        let (label, future) = ma_call(&impatient, case, "timeout");
        seen.record(&label, future.await);
        emu.faults().clear();
    }
    // The operations no fixture line covers.
    let ma = ma_client(&good);
    let service: modelarts::CreateServiceRequest = serde_json::from_value(serde_json::json!({
        "service_name": "s", "infer_type": "real-time",
        "config": [{"model_id": "m", "specification": "modelarts.vm.cpu.2u"}]}))
    .unwrap();
    let uncovered = [
        (
            "list_apps",
            ma.list_apps(&Default::default()).await.map(|_| ()),
        ),
        (
            "list_app_auth_apis",
            ma.list_app_auth_apis(&Default::default()).await.map(|_| ()),
        ),
        (
            "list_api_auths",
            ma.list_api_auths(&Default::default()).await.map(|_| ()),
        ),
        (
            "list_clusters",
            ma.list_clusters(&Default::default()).await.map(|_| ()),
        ),
        (
            "create_service",
            ma.create_service(&service).await.map(|_| ()),
        ),
    ];
    let ma_ops: BTreeSet<&str> = ma_cases.iter().map(|c| c.op.as_str()).collect();
    operations += ma_ops.len() + uncovered.len();
    for (op, result) in uncovered {
        seen.record(&format!("[ok] modelarts {op}"), result);
    }

    // An answer that cannot be decoded into what the caller asked for.
    let core = bce_core::Client::new(good.clone(), "unused").unwrap();
    let op =
        Operation::new("aihc-train", "ListResourcePool", Method::Get).path("/api/v1/resourcepools");
    seen.record(
        "[decode] aihc-train ListResourcePool",
        core.send::<Vec<u8>>(op).await.map(|_| ()),
    );

    let logs = capture.text();

    // The run did what it says.
    assert!(operations >= 159 + 72 + 15, "only {operations} operations");
    assert!(
        seen.count("400 AuthFailed") >= pf_firsts.len() * 9 / 10,
        "{} wrong-password calls: {:?}",
        pf_firsts.len(),
        seen.kinds
    );
    assert!(seen.ok >= 50, "{} ok: {:?}", seen.ok, seen.kinds);
    assert!(
        seen.count("403 SignatureDoesNotMatch") >= wrong_key_calls * 9 / 10,
        "{wrong_key_calls} wrong-key calls: {:?}",
        seen.kinds
    );
    for kind in [
        "500 InternalError",
        "retries exhausted",
        "transport",
        "timeout",
        "decode",
    ] {
        assert!(seen.count(kind) > 0, "no {kind}: {:?}", seen.kinds);
    }
    assert!(logs.contains("bce_request"), "spans are logged");
    assert!(logs.contains("answered"), "the emulator's log is captured");
    assert!(logs.contains("sending request") && logs.contains("retrying"));
    let sent = seen.calls - seen.count("invalid input") - seen.count("timeout");
    assert!(
        emu.requests_seen() >= sent,
        "{} < {sent}",
        emu.requests_seen()
    );

    // Nothing secret anywhere.
    let authorization = format!("bce-auth-v1/{AK}/");
    let modelarts_authorization = format!("Access={AK}");
    let mut leaks = Vec::new();
    for text in seen.texts.iter().chain(std::iter::once(&logs)) {
        for needle in [
            SK,
            TOKEN,
            WRONG_SK,
            authorization.as_str(),
            PF_PASSWORD,
            PF_WRONG,
            pf_token.as_str(),
            modelarts_authorization.as_str(),
        ] {
            if text.contains(needle) {
                let at = text.find(needle).unwrap_or_default();
                let from = text[..at]
                    .char_indices()
                    .rev()
                    .nth(200)
                    .map_or(0, |(i, _)| i);
                leaks.push(format!("{needle} in …{}…", &text[from..at + needle.len()]));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{} leak(s):\n{}",
        leaks.len(),
        leaks.join("\n")
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "too slow: {:?}",
        started.elapsed()
    );
    eprintln!(
        "redaction_all: {operations} operations, {} calls, {} answered by the emulator, {} log bytes, {:?} in {:?}",
        seen.calls,
        emu.requests_seen(),
        logs.len(),
        seen.kinds,
        started.elapsed()
    );
}
