//! The HTTP server: accept loop, fault injection, signature check, routing.

use std::sync::{Arc, Mutex, MutexGuard};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::auth::{self, IncomingRequest, Keys};
use crate::clock::{http_date, wall_ms, SimClock};
use crate::faults::{Fault, Faults};
use crate::reply::Reply;
use crate::request::Ctx;
use crate::world::World;

/// Largest request body accepted (bytes).
const MAX_BODY: usize = 8 * 1024 * 1024;

/// One request the emulator answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenRequest {
    /// HTTP method.
    pub method: String,
    /// Decoded path.
    pub path: String,
    /// Status answered (0 when the connection was closed on purpose).
    pub status: u16,
}

/// State shared by the accept loop and the [`crate::Emulator`] handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub keys: Keys,
    pub clock: SimClock,
    pub faults: Faults,
    pub world: Mutex<World>,
    pub seen: Mutex<Vec<SeenRequest>>,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Why the connection was dropped on purpose.
#[derive(Debug)]
struct Closed;

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection closed by fault injection")
    }
}

impl std::error::Error for Closed {}

/// Accepts connections until `stop` turns true.
pub(crate) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            _ = stop.changed() => break,
            a = listener.accept() => a,
        };
        let Ok((stream, _peer)) = accepted else {
            continue;
        };
        let shared = shared.clone();
        let mut stop = stop.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let shared = shared.clone();
                async move { answer(shared, req).await }
            });
            let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = conn => {}
                _ = stop.changed() => {}
            }
        });
    }
}

fn respond(status: u16, body: &Value, request_id: &str) -> Response<Full<Bytes>> {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let mut response = Response::new(Full::new(Bytes::from(bytes)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    let pairs = [
        ("content-type", "application/json;charset=utf-8".to_owned()),
        ("x-bce-request-id", request_id.to_owned()),
        ("date", http_date(wall_ms())),
        ("server", "bce-emulator".to_owned()),
    ];
    for (name, value) in pairs {
        if let Ok(v) = hyper::header::HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
    response
}

fn error_body(reply: &Reply, request_id: &str) -> Value {
    let mut body = reply.body.clone();
    if reply.status >= 400 {
        if let Value::Object(map) = &mut body {
            map.insert("requestId".into(), Value::String(request_id.to_owned()));
        }
    }
    body
}

fn status_code_name(status: u16) -> &'static str {
    match status {
        400 => "InvalidHTTPRequest",
        401 => "AccessDenied",
        403 => "AccessDenied",
        404 => "NotFound",
        409 => "Conflict",
        429 => "TooManyRequests",
        500 => "InternalError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "InjectedFault",
    }
}

async fn answer(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Closed> {
    let request_id = uuid::Uuid::new_v4().to_string();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_owned();
    let raw_path = parts.uri.path().to_owned();
    let raw_query = parts.uri.query().map(str::to_owned);
    let path = String::from_utf8_lossy(&auth::decode(&raw_path)).into_owned();
    let headers = bce_core::transport::header_pairs(&parts.headers);
    let body = match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes().to_vec(),
        Err(_) => {
            let reply = Reply::error(413, "EntityTooLarge", "The request body is too large.");
            return Ok(finish(&shared, &method, &path, &reply, &request_id));
        }
    };

    let (fault, latency) = shared.faults.take(&path);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match fault {
        Some(Fault::Close) => {
            record(&shared, &method, &path, 0);
            return Err(Closed);
        }
        Some(Fault::Status(status)) => {
            let reply = Reply::error(
                status,
                status_code_name(status),
                format!("Injected fault: status {status}."),
            );
            return Ok(finish(&shared, &method, &path, &reply, &request_id));
        }
        Some(Fault::Expired) => {
            let reply = Reply::error(
                403,
                "RequestExpired",
                "Injected fault: the request has expired.",
            );
            return Ok(finish(&shared, &method, &path, &reply, &request_id));
        }
        None => {}
    }

    if crate::paddleflow::is_paddleflow(&raw_path) {
        let query = auth::parse_query(raw_query.as_deref());
        let response =
            crate::paddleflow::answer(&shared, &method, &raw_path, &query, &headers, &body);
        return Ok(response);
    }

    let incoming = IncomingRequest {
        method: &method,
        raw_path: &raw_path,
        raw_query: raw_query.as_deref(),
        headers: headers.clone(),
    };
    if let Err(failure) = auth::verify(&incoming, &shared.keys, wall_ms().div_euclid(1000)) {
        tracing::debug!(code = failure.code, %method, %path, "request refused");
        let reply = Reply::error(failure.status, failure.code, failure.message);
        return Ok(finish(&shared, &method, &path, &reply, &request_id));
    }

    if let Some(sent) = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-md5"))
        .map(|(_, v)| v.trim())
    {
        use base64::Engine as _;
        use md5::Digest as _;
        let actual = base64::engine::general_purpose::STANDARD.encode(md5::Md5::digest(&body));
        if sent != actual {
            let reply = Reply::error(
                400,
                "BadDigest",
                "The Content-MD5 you specified did not match what we received.",
            );
            return Ok(finish(&shared, &method, &path, &reply, &request_id));
        }
    }

    let ctx = Ctx {
        method: method.clone(),
        path: path.clone(),
        query: auth::parse_query(raw_query.as_deref()),
        headers,
        body,
        now_ms: shared.clock.now_ms(),
        request_id: request_id.clone(),
    };
    let reply = lock(&shared.world).handle(&ctx);
    Ok(finish(&shared, &method, &path, &reply, &request_id))
}

fn record(shared: &Shared, method: &str, path: &str, status: u16) {
    lock(&shared.seen).push(SeenRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        status,
    });
}

fn finish(
    shared: &Shared,
    method: &str,
    path: &str,
    reply: &Reply,
    request_id: &str,
) -> Response<Full<Bytes>> {
    record(shared, method, path, reply.status);
    tracing::debug!(%method, %path, status = reply.status, "answered");
    respond(reply.status, &error_body(reply, request_id), request_id)
}
