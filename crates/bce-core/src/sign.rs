//! bce-auth-v1 request signing, as a pure function of its inputs.
//!
//! The rules (canonical URI, query and headers; the two HMAC-SHA256 steps)
//! follow the published bce-auth-v1 specification and match the official
//! SDKs byte for byte, including the test vectors shipped with this project.

use std::collections::BTreeSet;

use hmac::{Hmac, Mac};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::Sha256;

use crate::credentials::{Credentials, Secret};
use crate::date::DateTime;
use crate::error::Error;

/// Header that carries the STS session token.
pub const SECURITY_TOKEN_HEADER: &str = "x-bce-security-token";
/// Header with the per-call request id (never signed by default).
pub const REQUEST_ID_HEADER: &str = "x-bce-request-id";
/// Header with the request date.
pub const DATE_HEADER: &str = "x-bce-date";
/// Default signature lifetime in seconds.
pub const DEFAULT_EXPIRATION_SECONDS: u32 = 1800;

/// Everything but ASCII letters, digits and `-_.~` is percent-encoded.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// Like [`STRICT`] but `/` is kept (used for the canonical URI).
const STRICT_KEEP_SLASH: &AsciiSet = &STRICT.remove(b'/');
/// What goes on the wire in a path: sub-delimiters, `:`, `@` and `/` stay
/// literal, everything else outside the unreserved set is encoded.
const WIRE_PATH: &AsciiSet = &STRICT_KEEP_SLASH
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b',')
    .remove(b':')
    .remove(b';')
    .remove(b'=')
    .remove(b'@');

/// Percent-encodes `s` with the bce-auth-v1 rule (`/` encoded too).
pub fn uri_encode(s: &str) -> String {
    utf8_percent_encode(s, STRICT).to_string()
}

/// Percent-encodes `s` with the bce-auth-v1 rule, keeping `/`.
pub fn uri_encode_keep_slash(s: &str) -> String {
    utf8_percent_encode(s, STRICT_KEEP_SLASH).to_string()
}

/// Encodes a raw path the way it is written on the request line.
pub fn wire_path(path: &str) -> String {
    utf8_percent_encode(path, WIRE_PATH).to_string()
}

/// Appends [`wire_path`]`(path)` to `out`.
pub(crate) fn push_wire_path(out: &mut String, path: &str) {
    out.extend(utf8_percent_encode(path, WIRE_PATH));
}

/// Appends [`uri_encode`]`(s)` to `out`.
pub(crate) fn push_uri_encoded(out: &mut String, s: &str) {
    out.extend(utf8_percent_encode(s, STRICT));
}

/// The canonical URI of a raw (unencoded) path.
pub fn canonical_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    push_canonical_uri(&mut out, path);
    out
}

fn push_canonical_uri(out: &mut String, path: &str) {
    let rest = path.strip_prefix('/').unwrap_or(path);
    out.push('/');
    out.extend(utf8_percent_encode(rest, STRICT_KEEP_SLASH));
}

/// The canonical query string of raw `(name, value)` pairs.
pub fn canonical_query(query: &[(String, String)]) -> String {
    let mut out = String::new();
    push_canonical_query(&mut out, query);
    out
}

fn push_canonical_query(out: &mut String, query: &[(String, String)]) {
    let mut items = Buffers::default();
    push_canonical_query_with(out, query, &mut items);
}

/// Appends the canonical query to `out`, encoding the pairs into `items`
/// (reused between signatures, so sorting them allocates nothing).
fn push_canonical_query_with(out: &mut String, query: &[(String, String)], items: &mut Buffers) {
    items.clear();
    for (k, v) in query {
        if k.eq_ignore_ascii_case("authorization") {
            continue;
        }
        let start = items.text.len();
        items.text.extend(utf8_percent_encode(k, STRICT));
        items.text.push('=');
        items.text.extend(utf8_percent_encode(v, STRICT));
        items.spans.push(Span {
            line: start..items.text.len(),
            name: 0..0,
        });
    }
    items.sort_by_line();
    for (i, span) in items.spans.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&items.text[span.line.clone()]);
    }
}

/// Text pieces written into one buffer and sorted by their ranges, so a
/// canonical query or header block costs no allocation per item.
#[derive(Default)]
struct Buffers {
    text: String,
    spans: Vec<Span>,
}

/// One item of [`Buffers`]: its whole text and (for a header) its name.
struct Span {
    line: std::ops::Range<usize>,
    name: std::ops::Range<usize>,
}

impl Buffers {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
    }

    fn sort_by_line(&mut self) {
        let text = &self.text;
        self.spans
            .sort_unstable_by(|a, b| text[a.line.clone()].cmp(&text[b.line.clone()]));
    }

    fn sort_by_name(&mut self) {
        let text = &self.text;
        self.spans
            .sort_unstable_by(|a, b| text[a.name.clone()].cmp(&text[b.name.clone()]));
    }
}

/// The working buffers of one signature. Each thread keeps one set, so a
/// signature in the request pipeline allocates only the header it returns.
#[derive(Default)]
struct Scratch {
    /// The signing key of the last signature, what it was derived from (the
    /// `bce-auth-v1/{ak}/{timestamp}/{expiration}` prefix and the secret)
    /// and an HMAC already keyed with it: every call of a second shares
    /// them, so most signatures compute one HMAC instead of two.
    key_source: Option<(String, Secret)>,
    keyed: Option<HmacSha256>,
    prefix: String,
    signing_key: String,
    canonical_request: String,
    signed_headers: String,
    query: Buffers,
    headers: Buffers,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Options that change what is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOptions {
    /// Standard headers to sign besides every `x-bce-*` header; `None` is the
    /// default set (`host`, `content-length`, `content-type`, `content-md5`).
    pub headers_to_sign: Option<BTreeSet<String>>,
    /// Signature lifetime written into the auth string.
    pub expiration_seconds: u32,
    /// Whether every `x-bce-*` header is signed besides `headers_to_sign`
    /// (the bce-auth-v1 rule; `false` signs exactly `headers_to_sign`).
    pub sign_bce_headers: bool,
}

impl Default for SignOptions {
    fn default() -> Self {
        SignOptions {
            headers_to_sign: None,
            expiration_seconds: DEFAULT_EXPIRATION_SECONDS,
            sign_bce_headers: true,
        }
    }
}

impl SignOptions {
    /// Replaces the default header set. Names are compared lowercased.
    pub fn with_headers_to_sign<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.headers_to_sign = Some(
            names
                .into_iter()
                .map(|s| s.as_ref().to_ascii_lowercase())
                .collect(),
        );
        self
    }

    /// Signs exactly `names` and no other `x-bce-*` header but the session
    /// token (e.g. AIHC OpenAPI v2 resource-pool reads sign `host` only).
    pub fn with_only_headers<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self = self.with_headers_to_sign(names);
        self.sign_bce_headers = false;
        self
    }

    /// Sets the signature lifetime in seconds.
    pub fn with_expiration_seconds(mut self, seconds: u32) -> Self {
        self.expiration_seconds = seconds;
        self
    }

    fn signs(&self, lower_name: &str) -> bool {
        match &self.headers_to_sign {
            Some(set) => set.contains(lower_name),
            None => matches!(
                lower_name,
                "host" | "content-length" | "content-type" | "content-md5"
            ),
        }
    }
}

/// A request as the signer sees it: raw method, path, query and headers
/// (names as `String`s, or as the pipeline holds them).
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a, N: AsRef<str> = String> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// Raw, unencoded path.
    pub path: &'a str,
    /// Raw query pairs.
    pub query: &'a [(String, String)],
    /// Header names and raw values, before signing.
    pub headers: &'a [(N, String)],
}

/// The result of signing, with the intermediate values for diagnostics.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    /// The value of the `Authorization` header.
    pub authorization: String,
    /// Hex signing key (derived from the secret; never log it).
    pub signing_key: String,
    /// The exact canonical request that was signed.
    pub canonical_request: String,
    /// `;`-joined signed header names.
    pub signed_headers: String,
    /// The `x-bce-security-token` header the caller must add (STS only).
    pub security_token_header: Option<String>,
}

impl std::fmt::Debug for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signature")
            .field("signed_headers", &self.signed_headers)
            .field(
                "canonical_request",
                &masked_canonical_request(&self.canonical_request),
            )
            .field("authorization", &"***redacted***")
            .field("signing_key", &"***redacted***")
            .finish()
    }
}

/// The canonical request with the security token's value masked.
fn masked_canonical_request(text: &str) -> String {
    let prefix = format!("{SECURITY_TOKEN_HEADER}:");
    text.split('\n')
        .map(|line| {
            if line.starts_with(&prefix) {
                format!("{prefix}{}", crate::redact::MASK)
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Formats a Unix time as `YYYY-MM-DDTHH:MM:SSZ` (years 0000–9999).
pub fn format_timestamp(unix_seconds: i64) -> Result<String, Error> {
    DateTime::from_unix(unix_seconds)
        .map(DateTime::iso8601)
        .ok_or_else(|| Error::invalid_input("timestamp", "out of range"))
}

/// Parses `YYYY-MM-DDTHH:MM:SSZ` into a Unix time.
pub fn parse_timestamp(text: &str) -> Result<i64, Error> {
    DateTime::parse_iso8601(text)
        .map(DateTime::unix)
        .ok_or_else(|| Error::invalid_input("timestamp", "expected YYYY-MM-DDTHH:MM:SSZ"))
}

type HmacSha256 = Hmac<Sha256>;

/// Appends `bytes` to `out` as lowercase hex.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &byte in bytes {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
}

/// Appends `n` in decimal (what `write!` does, without the formatting
/// machinery, on every signature).
fn push_decimal(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// HMAC-SHA256 of `message` under `key`, appended to `out` as lowercase hex.
fn push_hmac_hex(out: &mut String, key: &[u8], message: &str) {
    // HMAC accepts keys of any length, so this cannot fail.
    if let Ok(mut mac) = HmacSha256::new_from_slice(key) {
        mac.update(message.as_bytes());
        push_hex(out, &mac.finalize().into_bytes());
    }
}

/// Signs `request` with bce-auth-v1 at `unix_seconds`.
///
/// Pure: the same inputs always give the same [`Signature`]. With STS
/// credentials the session token is signed as the `x-bce-security-token`
/// header (returned in [`Signature::security_token_header`]) unless the query
/// already carries it.
///
/// ```
/// use bce_core::{sign::{sign, SignOptions, SignableRequest}, Credentials};
/// let creds = Credentials::new("AKIDEXAMPLE", "SKEXAMPLE")?;
/// let headers = vec![("Host".to_string(), "bec.baidubce.com".to_string())];
/// let req = SignableRequest { method: "GET", path: "/v1/vm/service", query: &[], headers: &headers };
/// let sig = sign(&creds, &req, &SignOptions::default(), 1735689600)?;
/// assert!(sig.authorization.starts_with("bce-auth-v1/AKIDEXAMPLE/2025-01-01T00:00:00Z/1800/host/"));
/// # Ok::<(), bce_core::Error>(())
/// ```
pub fn sign<N: AsRef<str>>(
    credentials: &Credentials,
    request: &SignableRequest<'_, N>,
    options: &SignOptions,
    unix_seconds: i64,
) -> Result<Signature, Error> {
    let timestamp = format_timestamp(unix_seconds)?;
    Ok(sign_at(credentials, request, options, &timestamp))
}

/// [`sign`] with the timestamp already formatted.
pub(crate) fn sign_at<N: AsRef<str>>(
    credentials: &Credentials,
    request: &SignableRequest<'_, N>,
    options: &SignOptions,
    timestamp: &str,
) -> Signature {
    with_scratch(|scratch| {
        let (authorization, security_token_header) =
            sign_into(scratch, credentials, request, options, timestamp);
        Signature {
            authorization,
            signing_key: scratch.signing_key.clone(),
            canonical_request: scratch.canonical_request.clone(),
            signed_headers: scratch.signed_headers.clone(),
            security_token_header,
        }
    })
}

/// The `Authorization` header value (and the session-token header to add,
/// for STS credentials) of `request`: what the request pipeline needs of a
/// [`Signature`], without copying the intermediate values out.
pub(crate) fn authorization_at<N: AsRef<str>>(
    credentials: &Credentials,
    request: &SignableRequest<'_, N>,
    options: &SignOptions,
    timestamp: &str,
) -> (String, Option<String>) {
    with_scratch(|scratch| sign_into(scratch, credentials, request, options, timestamp))
}

fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        // Only reachable if signing ever re-entered itself on this thread.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Signs into `scratch` (which then holds the signing key, canonical request
/// and signed header names) and returns the `Authorization` value and the
/// session-token header to add.
fn sign_into<N: AsRef<str>>(
    scratch: &mut Scratch,
    credentials: &Credentials,
    request: &SignableRequest<'_, N>,
    options: &SignOptions,
    timestamp: &str,
) -> (String, Option<String>) {
    // The auth-string prefix the signing key is derived from.
    let prefix = &mut scratch.prefix;
    prefix.clear();
    prefix.push_str("bce-auth-v1/");
    prefix.push_str(credentials.access_key_id());
    prefix.push('/');
    prefix.push_str(timestamp);
    prefix.push('/');
    push_decimal(prefix, options.expiration_seconds);
    let secret = credentials.secret_access_key();
    let cached = scratch
        .key_source
        .as_ref()
        .is_some_and(|(source, key)| source == prefix && key == secret);
    if !cached || scratch.keyed.is_none() {
        scratch.signing_key.clear();
        push_hmac_hex(&mut scratch.signing_key, secret.expose().as_bytes(), prefix);
        scratch.keyed = HmacSha256::new_from_slice(scratch.signing_key.as_bytes()).ok();
        scratch.key_source = Some((prefix.clone(), secret.clone()));
    }

    let security_token_header = credentials.session_token().and_then(|token| {
        let in_query = request
            .query
            .iter()
            .any(|(k, v)| k == SECURITY_TOKEN_HEADER && !v.is_empty());
        (!in_query).then(|| token.expose().to_owned())
    });

    // Every signed header as its lowercase name followed by its canonical
    // line, in one buffer; headers that are not signed cost nothing.
    let headers = &mut scratch.headers;
    headers.clear();
    let extra = security_token_header
        .as_deref()
        .map(|t| (SECURITY_TOKEN_HEADER, t));
    let all = request
        .headers
        .iter()
        .map(|(k, v)| (k.as_ref(), v.as_str()))
        .chain(extra);
    for (name, value) in all {
        let start = headers.text.len();
        headers.text.push_str(name);
        headers.text[start..].make_ascii_lowercase();
        let lower = &headers.text[start..];
        // The session token is always signed: a narrower header set must
        // not let it travel unprotected.
        let candidate = lower != "authorization"
            && (options.signs(lower)
                || lower == SECURITY_TOKEN_HEADER
                || (options.sign_bce_headers
                    && lower.starts_with("x-bce-")
                    && lower != REQUEST_ID_HEADER));
        let value = value.trim();
        if !candidate || value.is_empty() {
            headers.text.truncate(start);
            continue;
        }
        let name_end = headers.text.len();
        let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-_.~".contains(&b);
        if name.bytes().all(unreserved) {
            // The usual case: the encoded name is the lowercase name.
            headers.text.push_str(name);
            headers.text[name_end..].make_ascii_lowercase();
        } else {
            let lower = headers.text[start..name_end].to_owned();
            headers.text.extend(utf8_percent_encode(&lower, STRICT));
        }
        headers.text.push(':');
        headers.text.extend(utf8_percent_encode(value, STRICT));
        headers.spans.push(Span {
            name: start..name_end,
            line: name_end..headers.text.len(),
        });
    }

    let canonical = &mut scratch.canonical_request;
    canonical.clear();
    canonical.push_str(request.method);
    canonical.push('\n');
    push_canonical_uri(canonical, request.path);
    canonical.push('\n');
    push_canonical_query_with(canonical, request.query, &mut scratch.query);
    canonical.push('\n');
    // Lines and names sort separately: `a-b:…` sorts before `a:…` while
    // `a` sorts before `a-b`, and both orders are part of the rule.
    headers.sort_by_line();
    for (i, span) in headers.spans.iter().enumerate() {
        if i > 0 {
            canonical.push('\n');
        }
        canonical.push_str(&headers.text[span.line.clone()]);
    }
    headers.sort_by_name();
    let names = &mut scratch.signed_headers;
    names.clear();
    for (i, span) in headers.spans.iter().enumerate() {
        if i > 0 {
            names.push(';');
        }
        names.push_str(&headers.text[span.name.clone()]);
    }

    // Exactly sized, so the HTTP layer takes the text over without a copy.
    let mut authorization = String::with_capacity(scratch.prefix.len() + names.len() + 66);
    authorization.push_str(&scratch.prefix);
    authorization.push('/');
    authorization.push_str(names);
    authorization.push('/');
    if let Some(mut mac) = scratch.keyed.clone() {
        mac.update(canonical.as_bytes());
        push_hex(&mut authorization, &mac.finalize().into_bytes());
    }
    (authorization, security_token_header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bce_testkit::string_pairs;

    #[test]
    fn encoding_rules() {
        assert_eq!(uri_encode("a b/c*~é%"), "a%20b%2Fc%2A~%C3%A9%25");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("a/b"), "/a/b");
        assert_eq!(canonical_uri("//a"), "//a");
        assert_eq!(canonical_uri("/../a"), "/../a");
        assert_eq!(wire_path("/v1/blb/x+y#z é"), "/v1/blb/x+y%23z%20%C3%A9");
        assert_eq!(
            canonical_query(&string_pairs(&[
                ("a", "1"),
                ("a-b", "1"),
                ("Authorization", "x")
            ])),
            "a-b=1&a=1"
        );
    }

    #[test]
    fn decimals() {
        for n in [0, 7, 10, 1800, 86_400, u32::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn a_cached_signing_key_is_never_used_for_other_credentials() {
        let headers = string_pairs(&[("Host", "bec.baidubce.com")]);
        let req = SignableRequest {
            method: "GET",
            path: "/v1/vm",
            query: &[],
            headers: &headers,
        };
        let sign_with = |ak: &str, sk: &str| {
            let creds = Credentials::new(ak, sk).unwrap();
            sign(&creds, &req, &SignOptions::default(), 1735689600).unwrap()
        };
        // On a fresh thread, so nothing is cached yet.
        let fresh = std::thread::scope(|s| s.spawn(|| sign_with("AK1", "SK1")).join().unwrap());
        let first = sign_with("AK1", "SK1");
        let other_secret = sign_with("AK1", "SK2");
        let other_key = sign_with("AK2", "SK1");
        let again = sign_with("AK1", "SK1");
        assert_eq!(first, fresh);
        assert_eq!(again, fresh);
        assert_ne!(other_secret.signing_key, fresh.signing_key);
        assert_ne!(other_secret.authorization, fresh.authorization);
        assert_ne!(other_key.signing_key, fresh.signing_key);
        let later = Credentials::new("AK1", "SK1").unwrap();
        let later = sign(&later, &req, &SignOptions::default(), 1735689601).unwrap();
        assert_ne!(later.signing_key, fresh.signing_key);
    }

    #[test]
    fn known_answer_vector_a() {
        let creds = Credentials::new("AKIDEXAMPLE", "SKEXAMPLE").unwrap();
        let query = string_pairs(&[
            ("keyword", "a b/c*"),
            ("pageNo", "1"),
            ("modifyAttribute", ""),
            ("Authorization", "zzz"),
        ]);
        let headers = string_pairs(&[
            ("Host", "bec.baidubce.com"),
            ("Content-Type", "application/json;charset=utf-8"),
            ("x-bce-date", "2025-01-01T00:00:00Z"),
            ("x-bce-request-id", "7d8f3f1e-0000-4000-8000-000000000000"),
            ("X-Region", "bj"),
            ("version", "v2"),
            ("User-Agent", "ua"),
            ("x-bce-empty", "   "),
        ]);
        let req = SignableRequest {
            method: "GET",
            path: "/v1/vm/service/s-1 x~/é",
            query: &query,
            headers: &headers,
        };
        let sig = sign(&creds, &req, &SignOptions::default(), 1735689600).unwrap();
        assert_eq!(
            sig.signing_key,
            "e5a94db64e3d5f469176ec4cad8a498fea5e354ac22b3ba111a6edf63c24ef98"
        );
        assert_eq!(
            sig.canonical_request,
            "GET\n/v1/vm/service/s-1%20x~/%C3%A9\nkeyword=a%20b%2Fc%2A&modifyAttribute=&pageNo=1\n\
             content-type:application%2Fjson%3Bcharset%3Dutf-8\nhost:bec.baidubce.com\n\
             x-bce-date:2025-01-01T00%3A00%3A00Z"
        );
        assert_eq!(sig.authorization, "bce-auth-v1/AKIDEXAMPLE/2025-01-01T00:00:00Z/1800/content-type;host;x-bce-date/53ebeba79574bcf9881ffe84b354ae147ef8b092877afd876ec09314be8288cc");
    }

    #[test]
    fn known_answer_vector_b() {
        let creds = Credentials::with_session_token("AKIDEXAMPLE", "SKEXAMPLE", "TOKEN").unwrap();
        let query = string_pairs(&[("resourcePoolId", "cce-abc")]);
        let headers = string_pairs(&[
            ("Host", "aihc.bj.baidubce.com"),
            ("Content-Type", "application/json;charset=utf-8"),
            ("Content-Length", "19"),
            ("Content-Md5", "+ophNaB6sYdTFipeqjZjKg=="),
            ("x-bce-date", "2025-01-01T00:00:00Z"),
        ]);
        let req = SignableRequest {
            method: "POST",
            path: "/api/v1/aijobs",
            query: &query,
            headers: &headers,
        };
        let sig = sign(&creds, &req, &SignOptions::default(), 1735689600).unwrap();
        assert_eq!(sig.security_token_header.as_deref(), Some("TOKEN"));
        assert_eq!(sig.authorization, "bce-auth-v1/AKIDEXAMPLE/2025-01-01T00:00:00Z/1800/content-length;content-md5;content-type;host;x-bce-date;x-bce-security-token/b84ba9ad586d6631f8f9be2806b6dbba3a48c1ec93806a58ab2cfb9c8f40ca86");
        let debug = format!("{sig:?}");
        assert!(
            !debug.contains("b84ba9ad") && !debug.contains("TOKEN"),
            "{debug}"
        );
        assert!(
            debug.contains("x-bce-security-token:***redacted***"),
            "{debug}"
        );
    }

    #[test]
    fn only_listed_headers() {
        let creds = Credentials::new("ak", "sk").unwrap();
        let headers = string_pairs(&[
            ("Host", "aihc.bj.baidubce.com"),
            ("Content-Type", "application/json"),
            ("x-bce-date", "2025-01-01T00:00:00Z"),
        ]);
        let req = SignableRequest {
            method: "GET",
            path: "/",
            query: &[],
            headers: &headers,
        };
        let options = SignOptions::default().with_only_headers(["host"]);
        let sig = sign(&creds, &req, &options, 1735689600).unwrap();
        assert_eq!(sig.signed_headers, "host");
        assert_eq!(sig.canonical_request, "GET\n/\n\nhost:aihc.bj.baidubce.com");
    }

    #[test]
    fn timestamps_round_trip() {
        assert_eq!(
            format_timestamp(1700000000).unwrap(),
            "2023-11-14T22:13:20Z"
        );
        assert_eq!(parse_timestamp("2023-11-14T22:13:20Z").unwrap(), 1700000000);
        assert!(parse_timestamp("yesterday").is_err());
    }
}
