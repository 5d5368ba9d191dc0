//! Request overhead of the SDK against the floor of a bare hyper client.
//!
//! `cargo bench -p bce-benches` (`-- --quick` for a short run). One process,
//! one local fixed-reply server answering a ~1 KB AIHC job detail; every case
//! runs at 1 and at 64 calls in flight and prints the client's CPU time per
//! call (process CPU time of every thread but the server's, divided by
//! calls), wall time per call and heap allocations per call (server
//! included: it runs the same code for every case). The floors and the SDK
//! call take turns over several rounds and report their median round, so a
//! drifting machine moves them alike. Nothing is asserted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use aihc_train::{ApiResponse, JobDetail, JobOptions};
use bce_core::{Client, Config, Credentials, Method, Operation, RetryPolicy};
use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Full};
use hyper::service::service_fn;

/// Counts heap allocations so the report can say how many a call makes.
struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a relaxed atomic that never touches the memory handed out.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const JOB_ID: &str = "job-bench-0001";
const POOL: &str = "cce-e0isdmib";

/// A ~1 KB GetJob answer.
fn job_body() -> Bytes {
    let pods: Vec<serde_json::Value> = (0..2)
        .map(|i| {
            serde_json::json!({
                "podName": format!("{JOB_ID}-worker-{i}"), "podIP": format!("10.0.0.{i}"),
                "nodeName": "node-a", "status": "Running", "replicaType": "worker",
                "restartCount": 0, "createdAt": "2023-11-14T22:13:20Z"
            })
        })
        .collect();
    let body = serde_json::json!({
        "requestId": "3ad7ed98-f162-4298-926b-2800690560d8",
        "result": {
            "jobId": JOB_ID, "name": "llama-finetune", "resourcePoolId": POOL,
            "queue": "default", "status": "Running", "jobFramework": "PyTorchJob",
            "command": "torchrun --nproc_per_node 8 train.py --config configs/llama.yaml",
            "image": "registry.baidubce.com/aihc/pytorch:2.1-cuda12",
            "createdAt": "2023-11-14T22:13:20Z", "runningAt": "2023-11-14T22:14:02Z",
            "priority": "normal", "replicas": 2,
            "envs": [{"name": "NCCL_DEBUG", "value": "INFO"}, {"name": "EPOCHS", "value": "3"}],
            "labels": [{"key": "team", "value": "nlp"}],
            "podList": {"pods": pods, "listMeta": {"totalItems": 2}}
        }
    });
    Bytes::from(body.to_string())
}

/// The server thread's `/proc/self/task` entry, so its CPU time can be
/// left out of the client's.
static SERVER_TASK: OnceLock<std::ffi::OsString> = OnceLock::new();

/// Starts the fixed-reply HTTP/1.1 server on its own thread and runtime.
fn start_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if let Some(task) = std::fs::read_link("/proc/thread-self")
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_owned()))
        {
            let _ = SERVER_TASK.set(task);
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind 127.0.0.1");
            tx.send(listener.local_addr().expect("address"))
                .expect("report address");
            let body = job_body();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let body = body.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |_req| {
                        let body = body.clone();
                        async move {
                            Ok::<_, Infallible>(
                                hyper::Response::builder()
                                    .header("content-type", "application/json")
                                    .header("x-bce-request-id", "3ad7ed98")
                                    .body(Full::new(body))
                                    .expect("response"),
                            )
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    rx.recv().expect("server address")
}

/// On-CPU time of every thread of this process but the server's.
fn process_cpu() -> Duration {
    let mut total = 0u64;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            if SERVER_TASK.get().is_some_and(|s| *s == task.file_name()) {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(task.path().join("schedstat")) {
                total += text
                    .split_whitespace()
                    .next()
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or(0);
            }
        }
    }
    Duration::from_nanos(total)
}

#[derive(Clone, Copy)]
struct Figures {
    cpu: Duration,
    wall: Duration,
    allocations: f64,
}

/// Runs `call` `calls` times with `in_flight` concurrent workers.
fn measure<F, Fut>(rt: &tokio::runtime::Runtime, calls: u32, in_flight: u32, call: F) -> Figures
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let call = Arc::new(call);
    let run = |n: u32| {
        let call = call.clone();
        rt.block_on(async move {
            let per_worker = n / in_flight;
            let mut tasks = Vec::new();
            for _ in 0..in_flight {
                let call = call.clone();
                tasks.push(tokio::spawn(async move {
                    for _ in 0..per_worker {
                        call().await;
                    }
                }));
            }
            for t in tasks {
                t.await.expect("worker");
            }
        })
    };
    run((calls / 10).max(in_flight)); // warm up connections and caches
    let calls = (calls / in_flight) * in_flight;
    let a0 = ALLOCATIONS.load(Ordering::Relaxed);
    let c0 = process_cpu();
    let t0 = Instant::now();
    run(calls);
    let wall = t0.elapsed();
    let cpu = process_cpu().saturating_sub(c0);
    let allocations = (ALLOCATIONS.load(Ordering::Relaxed) - a0) as f64 / f64::from(calls);
    Figures {
        cpu: cpu / calls,
        wall: wall / calls,
        allocations,
    }
}

/// Rounds of the floor and SDK comparison (see `main`).
const ROUNDS: u32 = 7;

/// The medians of the per-round CPU and wall ratios of `a` to `b`: each
/// round's pair ran back to back, so a drifting machine cancels out.
fn paired_ratios(a: &[Figures], b: &[Figures]) -> (f64, f64) {
    let ratio = |x: Duration, y: Duration| x.as_secs_f64() / y.as_secs_f64();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let cpu = a.iter().zip(b).map(|(a, b)| ratio(a.cpu, b.cpu)).collect();
    let wall = a
        .iter()
        .zip(b)
        .map(|(a, b)| ratio(a.wall, b.wall))
        .collect();
    (median(cpu), median(wall))
}

/// The round with the median CPU time per call.
fn median(mut rounds: Vec<Figures>) -> Figures {
    rounds.sort_by_key(|f| f.cpu);
    rounds[rounds.len() / 2]
}

fn report(name: &str, in_flight: u32, f: Figures, floors: &[(&str, Figures)]) {
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let vs: String = floors
        .iter()
        .map(|(label, fl)| {
            format!(
                "  ({:.2}x CPU, {:.2}x wall of {label})",
                ratio(f.cpu, fl.cpu),
                ratio(f.wall, fl.wall)
            )
        })
        .collect();
    println!(
        "{name:<36} in flight {in_flight:>2}: cpu {:>9.2?}/call  wall {:>9.2?}/call  {:>6.1} allocs/call{vs}",
        f.cpu, f.wall, f.allocations
    );
}

fn sdk_config(addr: SocketAddr) -> Config {
    Config::builder()
        .credentials(Credentials::new("ak-bench", "sk-bench").expect("credentials"))
        .endpoint(format!("http://{addr}"))
        .retry(RetryPolicy::none())
        .build()
        .expect("config")
}

fn get_job_op() -> Operation {
    Operation::new("aihc-train", "GetJob", Method::Get)
        .path("/api/v1/aijobs")
        .segment("jobId", JOB_ID)
        .query("resourcePoolId", POOL)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // `--profile-sdk`: only the SDK call, longer, for a profiler to look at.
    let profile_sdk = std::env::args().any(|a| a == "--profile-sdk");
    // `--profile-floor`: the same for the two floors.
    let profile_floor = std::env::args().any(|a| a == "--profile-floor");
    let calls: u32 = if quick { 4_000 } else { 40_000 };
    let addr = start_server();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("client runtime");
    let uri: hyper::Uri = format!("http://{addr}/api/v1/aijobs/{JOB_ID}?resourcePoolId={POOL}")
        .parse()
        .expect("uri");

    // The request the SDK sends, signed once: the second floor sends these
    // exact bytes, so the difference to the SDK is the per-call work.
    let signed_headers: Vec<(String, String)> = {
        let _guard = rt.enter();
        let core = Client::new(sdk_config(addr), "unused").expect("core client");
        rt.block_on(core.prepare(&get_job_op(), 1_700_000_000, "3ad7ed98"))
            .expect("prepare")
            .request
            .headers
            .into_iter()
            .map(|(name, value)| (name.into_owned(), value))
            .collect()
    };
    for in_flight in [1u32, 64] {
        let floor_client = {
            let _guard = rt.enter();
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http::<Empty<Bytes>>()
        };
        let floor_get = |headers: Vec<(String, String)>| {
            let client = floor_client.clone();
            let uri = uri.clone();
            move || {
                let client = client.clone();
                let mut request = hyper::Request::get(uri.clone());
                for (name, value) in &headers {
                    if !name.eq_ignore_ascii_case("host") {
                        request = request.header(name.as_str(), value.as_str());
                    }
                }
                let request = request.body(Empty::new()).expect("request");
                async move {
                    let response = client.request(request).await.expect("floor GET");
                    let body = response
                        .into_body()
                        .collect()
                        .await
                        .expect("floor body")
                        .to_bytes();
                    let job: ApiResponse<JobDetail> =
                        serde_json::from_slice(&body).expect("floor decode");
                    std::hint::black_box(job);
                }
            }
        };
        // (a) The floors: bare hyper client, same GET, same typed decode;
        // once without headers, once with the SDK's (signed once, reused).
        // (b) The full SDK call. The three run in turns, several rounds, and
        // each reports its median round: a machine's drift (frequency,
        // other load) then moves all three alike instead of one of them.
        let sdk = {
            let _guard = rt.enter();
            aihc_train::Client::new(sdk_config(addr)).expect("client")
        };
        let sdk_get = move || {
            let sdk = sdk.clone();
            async move {
                let job = sdk
                    .get_job(&JobOptions::new(JOB_ID, POOL))
                    .await
                    .expect("get_job");
                std::hint::black_box(job);
            }
        };
        let (floor_calls, sdk_calls) = match (profile_sdk, profile_floor) {
            (true, _) => (calls / 20, calls),
            (_, true) => (calls, calls / 20),
            _ => (calls, calls),
        };
        // A floor below hyper-util's pooled client, built the way the SDK's
        // transport is: hyper's connection-level HTTP/1.1 client and one
        // locked list of idle connections, sending the SDK's headers.
        type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;
        let idle: Arc<std::sync::Mutex<Vec<Sender>>> = Arc::default();
        let path: hyper::Uri = format!("/api/v1/aijobs/{JOB_ID}?resourcePoolId={POOL}")
            .parse()
            .expect("path");
        let conn_headers = signed_headers.clone();
        let conn_get = move || {
            let idle = idle.clone();
            let mut request = hyper::Request::get(path.clone());
            for (name, value) in &conn_headers {
                request = request.header(name.as_str(), value.as_str());
            }
            let request = request.body(Empty::new()).expect("request");
            async move {
                let pooled = idle.lock().expect("pool").pop();
                let mut sender = match pooled {
                    Some(sender) => sender,
                    None => {
                        let tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
                        tcp.set_nodelay(true).expect("nodelay");
                        let io = hyper_util::rt::TokioIo::new(tcp);
                        let (sender, connection) = hyper::client::conn::http1::handshake(io)
                            .await
                            .expect("handshake");
                        tokio::spawn(connection);
                        sender
                    }
                };
                sender.ready().await.expect("ready");
                let response = sender.send_request(request).await.expect("conn GET");
                let body = response
                    .into_body()
                    .collect()
                    .await
                    .expect("body")
                    .to_bytes();
                idle.lock().expect("pool").push(sender);
                let job: ApiResponse<JobDetail> = serde_json::from_slice(&body).expect("decode");
                std::hint::black_box(job);
            }
        };
        let mut rounds = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..ROUNDS {
            let per_round = |n: u32| n / ROUNDS;
            let bare = floor_get(Vec::new());
            rounds[0].push(measure(&rt, per_round(floor_calls), in_flight, bare));
            let same = floor_get(signed_headers.clone());
            rounds[1].push(measure(&rt, per_round(floor_calls), in_flight, same));
            let lower = conn_get.clone();
            rounds[2].push(measure(&rt, per_round(floor_calls), in_flight, lower));
            let full = sdk_get.clone();
            rounds[3].push(measure(&rt, per_round(sdk_calls), in_flight, full));
        }
        let paired = paired_ratios(&rounds[3], &rounds[0]);
        let paired_lower = paired_ratios(&rounds[3], &rounds[2]);
        let [bare, floor, lower, full] = rounds.map(median);
        report("floor: hyper + serde_json", in_flight, bare, &[]);
        report(
            "floor: same, with the SDK's headers",
            in_flight,
            floor,
            &[("bare", bare)],
        );
        report(
            "floor: hyper conn API + list, headers",
            in_flight,
            lower,
            &[("bare", bare)],
        );
        let floors = [("bare", bare), ("same headers", floor)];
        report("sdk: aihc_train get_job", in_flight, full, &floors);
        println!(
            "{:<36} in flight {in_flight:>2}: {:.2}x CPU, {:.2}x wall (median of {ROUNDS} rounds' sdk/bare)",
            "sdk vs bare floor, round by round", paired.0, paired.1
        );
        println!(
            "{:<36} in flight {in_flight:>2}: {:.2}x CPU, {:.2}x wall (median of {ROUNDS} rounds' sdk/conn API)",
            "sdk vs conn-API floor, round by round", paired_lower.0, paired_lower.1
        );
        if profile_sdk || profile_floor {
            continue;
        }

        // (c) The stages on their own.
        let core = {
            let _guard = rt.enter();
            Client::new(sdk_config(addr), "unused").expect("core client")
        };
        let prepared = rt
            .block_on(core.prepare(&get_job_op(), 1_700_000_000, "3ad7ed98"))
            .expect("prepare")
            .request;
        let stage = core.clone();
        let build = measure(&rt, calls, in_flight, move || {
            let core = stage.clone();
            async move {
                let op = get_job_op();
                let p = core.prepare(&op, 1_700_000_000, "3ad7ed98").await;
                std::hint::black_box(p.expect("prepare"));
            }
        });
        report("stage: build + sign", in_flight, build, &[]);
        let transport = core.config().transport().clone();
        let send = measure(&rt, calls, in_flight, move || {
            let transport = transport.clone();
            let request = prepared.clone();
            async move {
                let response = transport.send(request).await.expect("send");
                std::hint::black_box(response);
            }
        });
        report("stage: send (transport)", in_flight, send, &floors);
        let answer = bce_core::HttpResponse::new(200, job_body().to_vec());
        let decode = measure(&rt, calls, in_flight, move || {
            let answer = answer.clone();
            async move {
                let job: ApiResponse<JobDetail> =
                    bce_core::client::decode_json(&answer).expect("decode");
                std::hint::black_box(job);
            }
        });
        report("stage: decode", in_flight, decode, &[]);
        let (manual_core, pipeline_core) = (core.clone(), core.clone());
        let manual = measure(&rt, calls, in_flight, move || {
            let core = manual_core.clone();
            async move {
                let op = get_job_op();
                let p = core.prepare(&op, 1_700_000_000, "3ad7ed98").await;
                let answer = core
                    .config()
                    .transport()
                    .send(p.expect("prepare").request)
                    .await
                    .expect("send");
                let job: ApiResponse<JobDetail> =
                    bce_core::client::decode_json(&answer).expect("decode");
                std::hint::black_box(job);
            }
        });
        report("stages chained by hand", in_flight, manual, &floors);
        // The same with the per-attempt time limit the pipeline puts on
        // every send: what a timeout costs (the floors have none).
        let timed_core = core.clone();
        let timed = measure(&rt, calls, in_flight, move || {
            let core = timed_core.clone();
            async move {
                let op = get_job_op();
                let p = core.prepare(&op, 1_700_000_000, "3ad7ed98").await;
                let send = core.config().transport().send(p.expect("prepare").request);
                let answer = tokio::time::timeout(Duration::from_secs(30), send)
                    .await
                    .expect("in time")
                    .expect("send");
                let job: ApiResponse<JobDetail> =
                    bce_core::client::decode_json(&answer).expect("decode");
                std::hint::black_box(job);
            }
        });
        report("stages chained, with a timeout", in_flight, timed, &floors);
        let pipeline = measure(&rt, calls, in_flight, move || {
            let core = pipeline_core.clone();
            async move {
                let job: ApiResponse<JobDetail> = core.send(get_job_op()).await.expect("send");
                std::hint::black_box(job);
            }
        });
        report("pipeline: Client::send", in_flight, pipeline, &floors);
        println!();
    }
}
