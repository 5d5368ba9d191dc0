//! SDK-HMAC-SHA256 request signing (Huawei Cloud API gateway), as a pure
//! function of its inputs.
//!
//! This is the AK/SK signature every Huawei Cloud API gateway accepts, with
//! the exact rules of the official SDK core (`huaweicloudsdkcore` 3.1.219),
//! checked byte for byte against the vectors in `tests/data/`:
//!
//! * canonical URI: the path is percent-decoded, split on `/`, each piece
//!   encoded (only `A–Z a–z 0–9 - _ . ~` kept), and a `/` is appended **for
//!   signing only** (the request line keeps the path as it is);
//! * canonical query: pairs sorted by raw name, then raw value; list values
//!   become repeated `name=item` pairs (items sorted, integers numerically);
//! * every header whose name has no `_` is signed, name lower-cased, value
//!   trimmed with Python's notion of white space (see [`trim`]) and never
//!   percent-encoded;
//! * payload: the hex SHA-256 of the body, or `UNSIGNED-PAYLOAD` when the
//!   `Content-Type` is not JSON (or a caller set `X-Sdk-Content-Sha256`);
//! * `X-Sdk-Date` in basic ISO 8601 (`20231114T221320Z`), taken from the
//!   request when present in any letter case;
//! * the HMAC key is the secret key itself (nothing derived, no scope).
//!
//! ```
//! use modelarts::sign::{sign, SignableRequest, SigningKey};
//! let key = SigningKey::new("ak-test", "sk-test")?.with_project_id("0123456789abcdef0123456789abcdef");
//! let headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
//! let signed = sign(
//!     &key,
//!     &SignableRequest {
//!         method: "GET",
//!         host: "modelarts.cn-north-4.myhuaweicloud.com",
//!         path: "/v2/0123456789abcdef0123456789abcdef/workflows",
//!         query: &[],
//!         headers: &headers,
//!         body: b"",
//!     },
//!     1_700_000_000,
//! )?;
//! assert_eq!(signed.signed_headers, "content-type;host;x-project-id;x-sdk-date");
//! assert!(signed.canonical_request.contains("/workflows/\n"));
//! assert!(signed.authorization.starts_with("SDK-HMAC-SHA256 Access=ak-test, SignedHeaders="));
//! # Ok::<(), bce_core::Error>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::fmt::Write as _;

use bce_core::{Error, Secret};
use hmac::{Hmac, Mac};
use percent_encoding::{percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

/// The algorithm name, first word of the `Authorization` value.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Header with the signing time (basic ISO 8601, UTC).
pub const DATE_HEADER: &str = "X-Sdk-Date";
/// Header with the project id, added (and signed) for project-scoped credentials.
pub const PROJECT_ID_HEADER: &str = "X-Project-Id";
/// Header with the security token of temporary credentials (signed).
pub const SECURITY_TOKEN_HEADER: &str = "X-Security-Token";
/// Header that replaces the body hash (`UNSIGNED-PAYLOAD` or a caller's hash).
pub const CONTENT_SHA256_HEADER: &str = "X-Sdk-Content-Sha256";
/// Payload marker for bodies that are not hashed.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// Hex SHA-256 of the empty string.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Everything but ASCII letters, digits and `-_.~` is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` (UTF-8) keeping only `A–Z a–z 0–9 - _ . ~`, with
/// upper-case hex digits (space → `%20`, `/` → `%2F`, `%` → `%25`). This is
/// the encoding of path parameters, query names and values and canonical
/// URI segments.
pub fn encode(s: &str) -> String {
    percent_encode(s.as_bytes(), UNRESERVED).to_string()
}

fn encode_into(out: &mut String, s: &str) {
    out.extend(percent_encode(s.as_bytes(), UNRESERVED));
}

/// Whether Python's `str.isspace()` holds for `c`: Unicode white space plus
/// the ASCII separators U+001C–U+001F, which Rust's `char::is_whitespace`
/// does not include.
pub fn is_python_whitespace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Trims leading and trailing white space the way the official signer does
/// (Python's `str.strip()`): everything [`str::trim`] removes plus
/// U+001C–U+001F.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_python_whitespace)
}

/// Percent-decodes `%XX` sequences (two hex digits, either case) in runs of
/// ASCII text; anything else (a lone `%`, `%zz`, non-ASCII characters) stays
/// literal. Decoded bytes are read as UTF-8, invalid sequences replaced
/// by U+FFFD.
pub fn percent_decode_lenient(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // One maximal run of ASCII, then one maximal run of non-ASCII.
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii() {
            i += 1;
        }
        out.push_str(&decode_ascii_run(&bytes[start..i]));
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii() {
            i += 1;
        }
        // Non-ASCII runs are whole UTF-8 characters of `s`.
        out.push_str(&String::from_utf8_lossy(&bytes[start..i]));
    }
    out
}

fn decode_ascii_run(run: &[u8]) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut decoded = Vec::with_capacity(run.len());
    let mut i = 0;
    while i < run.len() {
        if run[i] == b'%' && i + 2 < run.len() {
            if let (Some(h), Some(l)) = (hex(run[i + 1]), hex(run[i + 2])) {
                decoded.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        decoded.push(run[i]);
        i += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The canonical URI of a path as the SDK hands it to the signer (path
/// parameters already percent-encoded): decoded, split on `/`, every piece
/// encoded with [`encode`], joined with `/`, plus a trailing `/` when it does
/// not end with one. No `.`/`..`/`//` normalisation.
pub fn canonical_uri(path: &str) -> String {
    let decoded = percent_decode_lenient(path);
    let mut out = String::with_capacity(decoded.len() + 8);
    for (i, piece) in decoded.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        encode_into(&mut out, piece);
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// Encodes a raw (unencoded) path the way the official SDK's clients put it
/// on the request line: every segment between `/` encoded with [`encode`].
pub fn encode_path(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for (i, piece) in raw.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        encode_into(&mut out, piece);
    }
    out
}

/// One item of a list-valued query parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListItem {
    /// A string item.
    Text(String),
    /// An integer item (sorted numerically).
    Int(i64),
}

/// The value of a query parameter, typed as the official SDK types it
/// (the type decides how values sort and how they are written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryValue {
    /// A string, sent as it is (encoded).
    Text(String),
    /// An integer, written in decimal and sorted numerically.
    Int(i64),
    /// A boolean, written `true` / `false`.
    Bool(bool),
    /// A list: one `name=item` pair per item, items sorted; empty lists vanish.
    List(Vec<ListItem>),
}

impl From<&str> for QueryValue {
    fn from(value: &str) -> Self {
        QueryValue::Text(value.to_owned())
    }
}

impl From<String> for QueryValue {
    fn from(value: String) -> Self {
        QueryValue::Text(value)
    }
}

impl From<i64> for QueryValue {
    fn from(value: i64) -> Self {
        QueryValue::Int(value)
    }
}

impl From<bool> for QueryValue {
    fn from(value: bool) -> Self {
        QueryValue::Bool(value)
    }
}

impl From<Vec<String>> for QueryValue {
    fn from(value: Vec<String>) -> Self {
        QueryValue::List(value.into_iter().map(ListItem::Text).collect())
    }
}

fn cmp_item(a: &ListItem, b: &ListItem) -> Ordering {
    match (a, b) {
        (ListItem::Text(x), ListItem::Text(y)) => x.cmp(y),
        (ListItem::Int(x), ListItem::Int(y)) => x.cmp(y),
        // Never mixed in practice (Python would refuse); integers first.
        (ListItem::Int(_), ListItem::Text(_)) => Ordering::Less,
        (ListItem::Text(_), ListItem::Int(_)) => Ordering::Greater,
    }
}

fn rank(v: &QueryValue) -> u8 {
    match v {
        QueryValue::Int(_) | QueryValue::Bool(_) => 0,
        QueryValue::Text(_) => 1,
        QueryValue::List(_) => 2,
    }
}

/// Orders two values of one parameter name like Python compares them:
/// strings by code point, integers and booleans numerically, lists item by item.
fn cmp_value(a: &QueryValue, b: &QueryValue) -> Ordering {
    let number = |v: &QueryValue| match v {
        QueryValue::Int(i) => Some(*i),
        QueryValue::Bool(b) => Some(i64::from(*b)),
        _ => None,
    };
    match (a, b) {
        (QueryValue::Text(x), QueryValue::Text(y)) => x.cmp(y),
        (QueryValue::List(x), QueryValue::List(y)) => {
            for (p, q) in x.iter().zip(y) {
                let o = cmp_item(p, q);
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.len().cmp(&y.len())
        }
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => rank(a).cmp(&rank(b)),
        },
    }
}

fn push_pair(out: &mut String, name: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    encode_into(out, name);
    out.push('=');
    encode_into(out, value);
}

/// The canonical query string (also what the SDK sends on the wire): pairs
/// sorted by raw name then raw value, each written `encode(name)=encode(value)`,
/// joined with `&`. Empty when there are no pairs.
pub fn canonical_query(query: &[(String, QueryValue)]) -> String {
    let mut pairs: Vec<&(String, QueryValue)> = query.iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp_value(&a.1, &b.1)));
    write_query(&pairs)
}

/// The query string the official SDK puts on the request line. It is the
/// canonical query computed a second time, after signing sorted every list
/// value in place: it differs from [`canonical_query`] only in the order of
/// a name repeated with list values.
pub fn request_query(query: &[(String, QueryValue)]) -> String {
    let sorted: Vec<(String, QueryValue)> = query
        .iter()
        .map(|(name, value)| {
            let value = match value {
                QueryValue::List(items) => {
                    let mut items = items.clone();
                    items.sort_by(cmp_item);
                    QueryValue::List(items)
                }
                other => other.clone(),
            };
            (name.clone(), value)
        })
        .collect();
    canonical_query(&sorted)
}

fn write_query(pairs: &[&(String, QueryValue)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs.iter().map(|p| (&p.0, &p.1)) {
        match value {
            QueryValue::Text(s) => push_pair(&mut out, name, s),
            QueryValue::Int(i) => push_pair(&mut out, name, &i.to_string()),
            QueryValue::Bool(b) => push_pair(&mut out, name, if *b { "true" } else { "false" }),
            QueryValue::List(items) => {
                let mut items: Vec<&ListItem> = items.iter().collect();
                items.sort_by(|a, b| cmp_item(a, b));
                for item in items {
                    match item {
                        ListItem::Text(s) => push_pair(&mut out, name, s),
                        ListItem::Int(i) => push_pair(&mut out, name, &i.to_string()),
                    }
                }
            }
        }
    }
    out
}

/// [`canonical_query`] of plain string pairs (what an HTTP pipeline holds).
pub fn canonical_query_text(query: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = query.iter().collect();
    pairs.sort();
    let mut out = String::new();
    for (name, value) in pairs {
        push_pair(&mut out, name, value);
    }
    out
}

/// Formats Unix seconds as `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`, UTC).
pub fn format_sdk_date(unix_seconds: i64) -> Result<String, Error> {
    let t = time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .map_err(|e| Error::invalid_input("clock", format!("time out of range: {e}")))?;
    if !(0..=9999).contains(&t.year()) {
        return Err(Error::invalid_input("clock", "year out of range"));
    }
    let mut s = String::with_capacity(16);
    let _ = write!(
        s,
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    Ok(s)
}

/// Parses an `X-Sdk-Date` value into Unix seconds.
pub fn parse_sdk_date(text: &str) -> Result<i64, Error> {
    let bad = || {
        Error::invalid_input(
            DATE_HEADER,
            format!("not a YYYYMMDDTHHMMSSZ time: {text:?}"),
        )
    };
    let b = text.as_bytes();
    if b.len() != 16
        || b[8] != b'T'
        || b[15] != b'Z'
        || !b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
    {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<u32>().map_err(|_| bad());
    let month = time::Month::try_from(num(4..6)? as u8).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(num(0..4)? as i32, month, num(6..8)? as u8)
        .map_err(|_| bad())?;
    let time = time::Time::from_hms(num(9..11)? as u8, num(11..13)? as u8, num(13..15)? as u8)
        .map_err(|_| bad())?;
    Ok(time::PrimitiveDateTime::new(date, time)
        .assume_utc()
        .unix_timestamp())
}

/// The key material of a signature: access key, secret key, and the
/// optional security token and project id that the SDK adds as headers.
/// `Debug` shows the access key and project id only.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey {
    access_key: String,
    secret_key: Secret,
    security_token: Option<Secret>,
    project_id: Option<String>,
}

impl SigningKey {
    /// An AK/SK pair; both must be non-empty (the SDK refuses them too:
    /// "ak is required in credentials").
    pub fn new(
        access_key: impl Into<String>,
        secret_key: impl Into<String>,
    ) -> Result<Self, Error> {
        let access_key = access_key.into();
        let secret_key = Secret::new(secret_key);
        if access_key.trim().is_empty() {
            return Err(Error::invalid_input(
                "access_key",
                "ak is required in credentials",
            ));
        }
        if secret_key.expose().trim().is_empty() {
            return Err(Error::invalid_input(
                "secret_key",
                "sk is required in credentials",
            ));
        }
        Ok(SigningKey {
            access_key,
            secret_key,
            security_token: None,
            project_id: None,
        })
    }

    /// The key of bce-core credentials (AK, SK and session token).
    pub fn from_credentials(credentials: &bce_core::Credentials) -> Self {
        SigningKey {
            access_key: credentials.access_key_id().to_owned(),
            secret_key: credentials.secret_access_key().clone(),
            security_token: credentials.session_token().cloned(),
            project_id: None,
        }
    }

    /// Adds a security token (temporary credentials): sent and signed as
    /// `X-Security-Token` (even when empty, as the official SDK does).
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(Secret::new(token));
        self
    }

    /// Adds a project id: sent and signed as `X-Project-Id`. An empty id is ignored.
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        let id = project_id.into();
        self.project_id = (!id.is_empty()).then_some(id);
        self
    }

    /// The access key.
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The secret key.
    pub fn secret_key(&self) -> &Secret {
        &self.secret_key
    }

    /// The security token, if any.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }

    /// The project id, if any.
    pub fn project_id(&self) -> Option<&str> {
        self.project_id.as_deref()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "***redacted***"),
            )
            .field("project_id", &self.project_id)
            .finish()
    }
}

/// A request as the signer sees it.
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// The endpoint's `host[:port]`; used when `headers` has no `Host`.
    pub host: &'a str,
    /// The path as it goes on the request line: path parameters already
    /// percent-encoded (see [`encode_path`]).
    pub path: &'a str,
    /// Raw (unencoded) query parameters, in any order; names may repeat.
    pub query: &'a [(String, QueryValue)],
    /// Header names and raw values before signing.
    pub headers: &'a [(String, String)],
    /// The body bytes (empty when there is none).
    pub body: &'a [u8],
}

/// The outcome of signing.
#[derive(Clone, PartialEq, Eq)]
pub struct Signed {
    /// The `Authorization` header value.
    pub authorization: String,
    /// The signed header names, `;`-separated.
    pub signed_headers: String,
    /// The hex signature.
    pub signature: String,
    /// The exact text that was hashed.
    pub canonical_request: String,
    /// The exact text that was HMAC'd.
    pub string_to_sign: String,
    /// Every header to send: the request's own (values trimmed) plus those
    /// the signer added (`X-Project-Id`, `X-Security-Token`,
    /// `X-Sdk-Content-Sha256`, `X-Sdk-Date`, `Host`, `Authorization`).
    pub headers: Vec<(String, String)>,
    /// The request target: the path unchanged, plus `?` and the query
    /// ([`request_query`]) when there is one.
    pub request_uri: String,
}

impl fmt::Debug for Signed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The canonical request and headers may hold the security token.
        f.debug_struct("Signed")
            .field("signed_headers", &self.signed_headers)
            .field("request_uri", &self.request_uri)
            .finish_non_exhaustive()
    }
}

/// Python's `str.lower` (ASCII fast path).
fn lower(name: &str) -> String {
    if name.is_ascii() {
        name.to_ascii_lowercase()
    } else {
        name.to_lowercase()
    }
}

/// Whether `name.lower() == target` in Python (`target` is lower-case ASCII).
fn lower_eq(name: &str, target: &str) -> bool {
    if name.is_ascii() {
        name.eq_ignore_ascii_case(target)
    } else {
        name.to_lowercase() == target
    }
}

/// Sets `name` (exact spelling, like a Python dict key) to `value`.
fn set_exact(headers: &mut Vec<(String, String)>, name: &str, value: &str) {
    match headers.iter_mut().find(|(k, _)| k == name) {
        Some(slot) => value.clone_into(&mut slot.1),
        None => headers.push((name.to_owned(), value.to_owned())),
    }
}

fn hex_sha256(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Signs a request with SDK-HMAC-SHA256. `unix_seconds` dates the request
/// unless it already carries an `X-Sdk-Date` header (any letter case).
///
/// Fails only on an unparsable `X-Sdk-Date` value or a clock out of range.
pub fn sign(
    key: &SigningKey,
    request: &SignableRequest<'_>,
    unix_seconds: i64,
) -> Result<Signed, Error> {
    let mut headers: Vec<(String, String)> = request.headers.to_vec();
    if let Some(project) = &key.project_id {
        set_exact(&mut headers, PROJECT_ID_HEADER, project);
    }
    if let Some(token) = &key.security_token {
        set_exact(&mut headers, SECURITY_TOKEN_HEADER, token.expose());
    }
    let unsigned = headers
        .iter()
        .find(|(k, _)| k == "Content-Type")
        .is_some_and(|(_, v)| {
            !v.is_empty()
                && !v.starts_with("application/json")
                && !v.starts_with("application/bson")
        });
    if unsigned {
        set_exact(&mut headers, CONTENT_SHA256_HEADER, UNSIGNED_PAYLOAD);
    }
    let date = match headers.iter().find(|(k, _)| lower_eq(k, "x-sdk-date")) {
        Some((_, v)) => {
            let v = trim(v);
            parse_sdk_date(v)?;
            v.to_owned()
        }
        None => {
            let d = format_sdk_date(unix_seconds)?;
            headers.push((DATE_HEADER.to_owned(), d.clone()));
            d
        }
    };
    if !headers.iter().any(|(k, _)| lower_eq(k, "host")) {
        headers.push(("Host".to_owned(), request.host.to_owned()));
    }
    // Values are trimmed, for signing and for sending.
    for (_, v) in headers.iter_mut() {
        let t = trim(v);
        if t.len() != v.len() {
            *v = t.to_owned();
        }
    }
    // Lower-cased names (Python's `str.lower`), computed once.
    let lowered: Vec<String> = headers.iter().map(|(k, _)| lower(k)).collect();
    let mut signed: Vec<(&str, &str)> = headers
        .iter()
        .zip(&lowered)
        .filter(|((k, _), _)| !k.contains('_'))
        .map(|(_, name)| {
            // The value of a lower-cased name is that of its last spelling.
            let value = headers
                .iter()
                .zip(&lowered)
                .rev()
                .find(|(_, l)| *l == name)
                .map_or("", |((_, v), _)| v.as_str());
            (name.as_str(), value)
        })
        .collect();
    signed.sort_by(|a, b| a.0.cmp(b.0));
    // The first `X-Sdk-Content-Sha256` in any letter case replaces the body
    // hash when its (trimmed) value is not empty. The official signer reads
    // it after rewriting header values as UTF-8 bytes taken for Latin-1.
    let payload_hash = if request.body.is_empty() {
        EMPTY_BODY_SHA256.to_owned()
    } else {
        match headers
            .iter()
            .find(|(k, _)| lower_eq(k, "x-sdk-content-sha256"))
        {
            Some((_, v)) if !v.is_empty() => v.bytes().map(char::from).collect(),
            _ => hex_sha256(request.body),
        }
    };
    let query = canonical_query(request.query);
    let uri = canonical_uri(request.path);
    let mut canonical = String::with_capacity(256 + request.path.len() + query.len());
    canonical.push_str(&request.method.to_ascii_uppercase());
    canonical.push('\n');
    canonical.push_str(&uri);
    canonical.push('\n');
    canonical.push_str(&query);
    canonical.push('\n');
    let mut signed_list = String::new();
    for (i, (name, value)) in signed.iter().enumerate() {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
        if i > 0 {
            signed_list.push(';');
        }
        signed_list.push_str(name);
    }
    canonical.push('\n');
    canonical.push_str(&signed_list);
    canonical.push('\n');
    canonical.push_str(&payload_hash);

    let string_to_sign = format!("{ALGORITHM}\n{date}\n{}", hex_sha256(canonical.as_bytes()));
    let signature = hmac_hex(
        key.secret_key.expose().as_bytes(),
        string_to_sign.as_bytes(),
    )?;
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={signed_list}, Signature={signature}",
        key.access_key
    );
    headers.push(("Authorization".to_owned(), authorization.clone()));
    let mut request_uri = request.path.to_owned();
    let has_lists = request
        .query
        .iter()
        .any(|(_, v)| matches!(v, QueryValue::List(_)));
    let wire_query = if has_lists {
        request_query(request.query)
    } else {
        query
    };
    if !wire_query.is_empty() {
        request_uri.push('?');
        request_uri.push_str(&wire_query);
    }
    Ok(Signed {
        authorization,
        signed_headers: signed_list,
        signature,
        canonical_request: canonical,
        string_to_sign,
        headers,
        request_uri,
    })
}

fn hmac_hex(key: &[u8], data: &[u8]) -> Result<String, Error> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|e| Error::invalid_input("secret_key", e.to_string()))?;
    mac.update(data);
    Ok(hex::encode(mac.finalize().into_bytes()))
}

/// What [`parse_authorization`] reads from an `Authorization` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationParts {
    /// The access key.
    pub access_key: String,
    /// Signed header names, lower case.
    pub signed_headers: Vec<String>,
    /// The hex signature.
    pub signature: String,
}

/// Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`
/// (for servers and tests that verify signatures).
pub fn parse_authorization(value: &str) -> Option<AuthorizationParts> {
    let rest = value.strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
    let mut parts = rest.split(", ");
    let access_key = parts.next()?.strip_prefix("Access=")?.to_owned();
    let signed = parts.next()?.strip_prefix("SignedHeaders=")?;
    let signature = parts.next()?.strip_prefix("Signature=")?.to_owned();
    if parts.next().is_some() {
        return None;
    }
    Some(AuthorizationParts {
        access_key,
        signed_headers: signed
            .split(';')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        signature,
    })
}

/// Why [`verify`] refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError(pub String);

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for VerifyError {}

/// A request as a server received it, for [`verify`].
#[derive(Debug, Clone, Copy)]
pub struct ReceivedRequest<'a> {
    /// The method.
    pub method: &'a str,
    /// The path exactly as on the request line (still percent-encoded).
    pub path: &'a str,
    /// The raw query string without `?` (empty when there is none).
    pub query: &'a str,
    /// Every received header.
    pub headers: &'a [(String, String)],
    /// The body.
    pub body: &'a [u8],
}

/// Verifies the SDK-HMAC-SHA256 signature of a received request the way a
/// gateway does: reads the signed-header list from `Authorization`, rebuilds
/// the canonical request from the received path, the decoded query pairs
/// and the listed headers, and compares the signature computed with
/// `secret_key`. Returns the parsed `Authorization`.
pub fn verify(
    secret_key: &str,
    request: &ReceivedRequest<'_>,
) -> Result<AuthorizationParts, VerifyError> {
    let fail = |m: String| Err(VerifyError(m));
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let Some(auth) = header("authorization") else {
        return fail("no Authorization header".into());
    };
    let Some(parts) = parse_authorization(auth) else {
        return fail(format!("malformed Authorization header: {auth}"));
    };
    let mut signed = Vec::with_capacity(parts.signed_headers.len());
    for name in &parts.signed_headers {
        match header(name) {
            Some(v) => signed.push((name.clone(), v.to_owned())),
            None => return fail(format!("signed header {name} was not received")),
        }
    }
    if !parts.signed_headers.iter().any(|h| h == "x-sdk-date") {
        return fail("x-sdk-date is not signed".into());
    }
    let query: Vec<(String, QueryValue)> = request
        .query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (k, v) = item.split_once('=').unwrap_or((item, ""));
            (
                percent_decode_lenient(k),
                QueryValue::Text(percent_decode_lenient(v)),
            )
        })
        .collect();
    let key = SigningKey {
        access_key: parts.access_key.clone(),
        secret_key: Secret::new(secret_key),
        security_token: None,
        project_id: None,
    };
    let ours = sign(
        &key,
        &SignableRequest {
            method: request.method,
            host: "",
            path: request.path,
            query: &query,
            headers: &signed,
            body: request.body,
        },
        0,
    )
    .map_err(|e| VerifyError(e.to_string()))?;
    if ours.signature != parts.signature {
        return fail(format!(
            "signature mismatch; canonical request:\n{}",
            ours.canonical_request
        ));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bce_testkit::string_pairs;

    #[test]
    fn trimming_follows_python() {
        assert_eq!(trim("\u{1c}\u{1f} a b \u{3000}\u{85}\u{a0}"), "a b");
        assert_eq!(trim("\u{200b}x"), "\u{200b}x");
        assert_eq!(trim("\u{180e}x"), "\u{180e}x");
        assert!(is_python_whitespace('\u{205f}'));
        assert!(!is_python_whitespace('\u{feff}'));
    }

    #[test]
    fn canonical_uris() {
        assert_eq!(canonical_uri("/v2/p/workflows"), "/v2/p/workflows/");
        assert_eq!(canonical_uri("/v2/p/"), "/v2/p/");
        assert_eq!(canonical_uri("v1/./a//b"), "v1/./a//b/");
        assert_eq!(canonical_uri("/a%2Fb/%E4%B8%AD"), "/a/b/%E4%B8%AD/");
        assert_eq!(canonical_uri("/x%252F"), "/x%252F/");
        assert_eq!(canonical_uri("/%zz/%/a+b c"), "/%25zz/%25/a%2Bb%20c/");
        assert_eq!(canonical_uri("/中 文"), "/%E4%B8%AD%20%E6%96%87/");
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(encode_path("/pools/a b+c"), "/pools/a%20b%2Bc");
    }

    #[test]
    fn query_sorts_raw_then_typed() {
        let q = vec![
            ("status".to_string(), QueryValue::from("=")),
            ("status".to_string(), QueryValue::from("%")),
            (
                "status".to_string(),
                QueryValue::from("2025-01-01T00:00:00Z"),
            ),
            ("a-b".to_string(), QueryValue::Int(1)),
            ("a".to_string(), QueryValue::Bool(true)),
            (
                "ids".to_string(),
                QueryValue::List(vec![ListItem::Int(9), ListItem::Int(2), ListItem::Int(10)]),
            ),
            ("none".to_string(), QueryValue::List(vec![])),
        ];
        assert_eq!(
            canonical_query(&q),
            "a=true&a-b=1&ids=2&ids=9&ids=10&status=%25&status=2025-01-01T00%3A00%3A00Z&status=%3D"
        );
        assert_eq!(
            canonical_query_text(&string_pairs(&[("b", ""), ("a", "x y")])),
            "a=x%20y&b="
        );
        assert_eq!(
            canonical_query(&[
                ("n".into(), QueryValue::Int(10)),
                ("n".into(), QueryValue::Int(9))
            ]),
            "n=9&n=10"
        );
    }

    #[test]
    fn request_line_sorts_lists_before_pairs() {
        let list = |v: &[&str]| {
            QueryValue::List(v.iter().map(|s| ListItem::Text(s.to_string())).collect())
        };
        let q = vec![
            ("k".to_string(), list(&["z", "a"])),
            ("k".to_string(), list(&["b"])),
        ];
        // Signing compares the lists as given (["b"] < ["z", "a"]) ...
        assert_eq!(canonical_query(&q), "k=b&k=a&k=z");
        // ... the request line compares them sorted (["a", "z"] < ["b"]).
        assert_eq!(request_query(&q), "k=a&k=z&k=b");
    }

    #[test]
    fn first_preset_hash_wins_and_tokens_may_be_empty() {
        let key = SigningKey::new("ak", "sk").unwrap().with_security_token("");
        let headers = string_pairs(&[
            ("x-sdk-content-sha256", "  "),
            ("Content-Type", "text/plain"),
        ]);
        let s = sign(
            &key,
            &SignableRequest {
                method: "PUT",
                host: "h",
                path: "/p",
                query: &[],
                headers: &headers,
                body: b"x",
            },
            0,
        )
        .unwrap();
        // The caller's (blank) header is found first: the body is hashed.
        assert!(s.canonical_request.ends_with(&hex_sha256(b"x")));
        assert!(s.canonical_request.contains("\nx-security-token:\n"));
        assert!(s
            .signed_headers
            .contains("x-sdk-content-sha256;x-sdk-content-sha256"));
    }

    #[test]
    fn dates() {
        assert_eq!(format_sdk_date(1_700_000_000).unwrap(), "20231114T221320Z");
        assert_eq!(parse_sdk_date("20231114T221320Z").unwrap(), 1_700_000_000);
        assert!(parse_sdk_date("2023-11-14T22:13:20Z").is_err());
        assert!(parse_sdk_date("20231314T221320Z").is_err());
        assert!(format_sdk_date(i64::MAX).is_err());
    }

    /// The recorded `show_pool` request of the official SDK (wire fixture
    /// `show_pool/full`), with its recorded Authorization.
    #[test]
    fn known_answer_recorded_show_pool() {
        let key = SigningKey::new("ak-test", "sk-test")
            .unwrap()
            .with_project_id("0123456789abcdef0123456789abcdef");
        let headers = string_pairs(&[
            (
                "User-Agent",
                "huaweicloud-usdk-python/3.0; os/Linux#pinned#x86_64 python/3.11.7 impl/CPython",
            ),
            ("X-ModelArts-User-ID", "75540c679ab44074bc100022d8a4b204"),
            ("Content-Type", "application/json"),
        ]);
        let signed = sign(
            &key,
            &SignableRequest {
                method: "GET",
                host: "127.0.0.1:18472",
                path: "/v2/0123456789abcdef0123456789abcdef/pools/pool-os-86c13962597848eeb29c5861153a391f",
                query: &[],
                headers: &headers,
                body: b"",
            },
            1_700_000_000,
        )
        .unwrap();
        assert_eq!(
            signed.signed_headers,
            "content-type;host;user-agent;x-modelarts-user-id;x-project-id;x-sdk-date"
        );
        assert_eq!(signed.authorization, RECORDED_SHOW_POOL);
        assert!(!format!("{signed:?}").contains("sk-test"));
        let parts = parse_authorization(&signed.authorization).unwrap();
        assert_eq!(parts.access_key, "ak-test");
        assert_eq!(parts.signed_headers.len(), 6);
        let received = ReceivedRequest {
            method: "GET",
            path: "/v2/0123456789abcdef0123456789abcdef/pools/pool-os-86c13962597848eeb29c5861153a391f",
            query: "",
            headers: &signed.headers,
            body: b"",
        };
        assert!(verify("sk-test", &received).is_ok());
        assert!(verify("sk-other", &received).is_err());
        let mut tampered = signed.headers.clone();
        tampered.retain(|(k, _)| k != "X-ModelArts-User-ID");
        let err = verify(
            "sk-test",
            &ReceivedRequest {
                headers: &tampered,
                ..received
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("x-modelarts-user-id"), "{err}");
    }

    const RECORDED_SHOW_POOL: &str = "SDK-HMAC-SHA256 Access=ak-test, SignedHeaders=content-type;host;user-agent;x-modelarts-user-id;x-project-id;x-sdk-date, Signature=8fa6399885e239b72c2fd6731c270ca773678ac7f345a21101b690b23e9df1fd";

    #[test]
    fn unsigned_payload_and_preset_hash() {
        let key = SigningKey::new("ak", "sk").unwrap();
        let sign_with = |headers: &[(&str, &str)], body: &[u8]| {
            let headers = string_pairs(headers);
            sign(
                &key,
                &SignableRequest {
                    method: "post",
                    host: "h",
                    path: "/p",
                    query: &[],
                    headers: &headers,
                    body,
                },
                0,
            )
            .unwrap()
        };
        let s = sign_with(&[("Content-Type", "text/plain")], b"abc");
        assert!(s.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
        assert!(s.signed_headers.contains("x-sdk-content-sha256"));
        assert!(s.canonical_request.starts_with("POST\n/p/\n\n"));
        // Only the exact spelling `Content-Type` triggers it.
        let s = sign_with(&[("content-type", "text/plain")], b"abc");
        assert!(s.canonical_request.ends_with(&hex_sha256(b"abc")));
        // No body: the header is still added, the hash is the empty one.
        let s = sign_with(&[("Content-Type", "text/plain")], b"");
        assert!(s.canonical_request.ends_with(EMPTY_BODY_SHA256));
        assert!(s.signed_headers.contains("x-sdk-content-sha256"));
        let s = sign_with(&[("x-sdk-content-sha256", " abc ")], b"{}");
        assert!(s.canonical_request.ends_with("\nabc"));
        // Names with `_` are not signed but are sent trimmed.
        let s = sign_with(
            &[("X_Custom", "  v  "), ("X-Sdk-Date", "20231114T221320Z")],
            b"",
        );
        assert_eq!(s.signed_headers, "host;x-sdk-date");
        assert!(s
            .headers
            .contains(&("X_Custom".to_string(), "v".to_string())));
        assert!(s
            .string_to_sign
            .starts_with("SDK-HMAC-SHA256\n20231114T221320Z\n"));
    }
}
