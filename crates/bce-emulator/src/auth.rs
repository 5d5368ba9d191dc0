//! Server-side bce-auth-v1 verification.
//!
//! The canonical request is rebuilt from what arrived on the wire: the method,
//! the raw request path (percent-decoded, then encoded with the signing
//! rule), the raw query string, and exactly the headers the client listed in
//! the signed-headers field of its `Authorization` value (or the service's
//! default set when that field is empty). Written from the contract, not from
//! the client's signer.

use bce_core::Secret;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::clock::parse_iso;

type HmacSha256 = Hmac<Sha256>;

/// Standard headers the service signs when the signed-headers field is empty.
const DEFAULT_SIGNED: [&str; 4] = ["host", "content-length", "content-type", "content-md5"];

/// Why a request was refused, as the service reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthFailure {
    /// HTTP status (401 or 403).
    pub status: u16,
    /// Service error code.
    pub code: &'static str,
    /// Human-readable explanation.
    pub message: String,
}

fn fail(status: u16, code: &'static str, message: impl Into<String>) -> AuthFailure {
    AuthFailure {
        status,
        code,
        message: message.into(),
    }
}

/// What the verifier needs to know about one request.
#[derive(Debug)]
pub struct IncomingRequest<'a> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// The path exactly as written on the request line (still encoded).
    pub raw_path: &'a str,
    /// The query string as written on the request line (without `?`).
    pub raw_query: Option<&'a str>,
    /// Header names (any case) and values.
    pub headers: Vec<(String, String)>,
}

impl IncomingRequest<'_> {
    fn header(&self, lower_name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(lower_name))
            .map(|(_, v)| v.as_str())
    }
}

/// The credentials requests must be signed with. The secret key and the
/// token are [`Secret`]s: `Debug` masks them.
#[derive(Debug, Clone)]
pub struct Keys {
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: Secret,
    /// Session token required in `x-bce-security-token`, if any.
    pub session_token: Option<Secret>,
}

/// Percent-encodes bytes with the bce-auth-v1 rule: unreserved characters
/// stay, everything else becomes `%XX` (upper-case hex); `/` stays only when
/// `keep_slash` is set.
pub fn encode(bytes: &[u8], keep_slash: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        let plain = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/');
        if plain {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes are kept literally.
pub fn decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hi = char::from(bytes[i + 1]).to_digit(16);
            let lo = char::from(bytes[i + 2]).to_digit(16);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Splits a raw query string into decoded `(name, value)` pairs; a bare name
/// has an empty value.
pub fn parse_query(raw: Option<&str>) -> Vec<(String, String)> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    raw.split('&')
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (name, value) = item.split_once('=').unwrap_or((item, ""));
            (
                String::from_utf8_lossy(&decode(name)).into_owned(),
                String::from_utf8_lossy(&decode(value)).into_owned(),
            )
        })
        .collect()
}

/// The canonical request the client must have signed.
pub fn canonical_request(req: &IncomingRequest<'_>, signed: &[String]) -> String {
    let path = decode(req.raw_path);
    let rest: &[u8] = path.strip_prefix(b"/").unwrap_or(&path);
    let uri = format!("/{}", encode(rest, true));

    let mut query: Vec<String> = Vec::new();
    if let Some(raw) = req.raw_query {
        for item in raw.split('&').filter(|i| !i.is_empty()) {
            let (name, value) = item.split_once('=').unwrap_or((item, ""));
            let name = decode(name);
            if name.eq_ignore_ascii_case(b"authorization") {
                continue;
            }
            query.push(format!(
                "{}={}",
                encode(&name, false),
                encode(&decode(value), false)
            ));
        }
    }
    query.sort();

    let mut headers: Vec<String> = signed
        .iter()
        .map(|name| {
            let value = req.header(name).unwrap_or_default().trim();
            format!(
                "{}:{}",
                encode(name.as_bytes(), false),
                encode(value.as_bytes(), false)
            )
        })
        .collect();
    headers.sort();
    format!(
        "{}\n{}\n{}\n{}",
        req.method,
        uri,
        query.join("&"),
        headers.join("\n")
    )
}

fn hmac_hex(key: &[u8], message: &[u8]) -> String {
    match HmacSha256::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(message);
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

/// Equal-time comparison of two ASCII strings.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Checks the `Authorization` header of a request against `keys` at the real
/// time `now_unix`.
pub fn verify(req: &IncomingRequest<'_>, keys: &Keys, now_unix: i64) -> Result<(), AuthFailure> {
    let query = parse_query(req.raw_query);
    let from_query = query
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.clone());
    let auth = match req
        .header("authorization")
        .map(str::to_owned)
        .or(from_query)
    {
        Some(a) if !a.trim().is_empty() => a,
        _ => {
            return Err(fail(
                401,
                "AccessDenied",
                "The request carries no Authorization header.",
            ))
        }
    };
    let parts: Vec<&str> = auth.trim().split('/').collect();
    if parts.len() != 6 || parts[0] != "bce-auth-v1" {
        return Err(fail(
            401,
            "InvalidHTTPAuthHeader",
            "The Authorization header is not of the form bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}.",
        ));
    }
    let (ak, ts, expire, signed_field, signature) =
        (parts[1], parts[2], parts[3], parts[4], parts[5]);
    let Some(signed_at) = parse_iso(ts) else {
        return Err(fail(
            401,
            "InvalidHTTPAuthHeader",
            "The timestamp of the Authorization header is not YYYY-MM-DDTHH:MM:SSZ.",
        ));
    };
    let Ok(expire_secs) = expire.parse::<i64>() else {
        return Err(fail(
            401,
            "InvalidHTTPAuthHeader",
            "The expiration of the Authorization header is not a number.",
        ));
    };
    if ak != keys.access_key_id {
        return Err(fail(
            403,
            "InvalidAccessKeyId",
            "The access key id does not exist in our records.",
        ));
    }
    if let Some(token) = &keys.session_token {
        let sent = req
            .header("x-bce-security-token")
            .map(str::to_owned)
            .or_else(|| {
                query
                    .iter()
                    .find(|(k, _)| k == "x-bce-security-token")
                    .map(|(_, v)| v.clone())
            });
        if !sent.is_some_and(|s| same(s.trim(), token.expose())) {
            return Err(fail(
                403,
                "InvalidSessionToken",
                "The security token is missing or does not match.",
            ));
        }
    }
    // Fifteen minutes of tolerance for clocks that run ahead.
    if now_unix > signed_at.saturating_add(expire_secs) || signed_at > now_unix + 900 {
        return Err(fail(
            403,
            "RequestExpired",
            format!("The request signed at {ts} with a validity of {expire_secs} s is expired or not yet valid."),
        ));
    }
    let signed: Vec<String> = if signed_field.is_empty() {
        let mut names: Vec<String> = req
            .headers
            .iter()
            .map(|(k, _)| k.to_ascii_lowercase())
            .filter(|k| {
                DEFAULT_SIGNED.contains(&k.as_str())
                    || (k.starts_with("x-bce-") && k != "x-bce-request-id")
            })
            .filter(|k| req.header(k).is_some_and(|v| !v.trim().is_empty()))
            .collect();
        names.sort();
        names.dedup();
        names
    } else {
        signed_field
            .split(';')
            .map(str::to_ascii_lowercase)
            .collect()
    };
    if let Some(missing) = signed.iter().find(|n| req.header(n).is_none()) {
        return Err(fail(
            403,
            "SignatureDoesNotMatch",
            format!("The signed header '{missing}' is not in the request."),
        ));
    }
    let canonical = canonical_request(req, &signed);
    let prefix = format!("bce-auth-v1/{ak}/{ts}/{expire}");
    let signing_key = hmac_hex(
        keys.secret_access_key.expose().as_bytes(),
        prefix.as_bytes(),
    );
    let expected = hmac_hex(signing_key.as_bytes(), canonical.as_bytes());
    if !same(&expected, signature) {
        return Err(fail(
            403,
            "SignatureDoesNotMatch",
            signature_mismatch_message(&signed, &canonical),
        ));
    }
    Ok(())
}

/// What a `SignatureDoesNotMatch` answer says: the headers and the path
/// that were signed and a digest of the canonical request, never the
/// canonical request itself (it holds the session token, and whatever
/// secret a caller put into a header or the query).
fn signature_mismatch_message(signed: &[String], canonical: &str) -> String {
    let path = canonical.split('\n').nth(1).unwrap_or_default();
    let digest = hex::encode(Sha256::digest(canonical.as_bytes()));
    format!(
        "The request signature we calculated does not match the signature you provided. \
         Check your secret access key and signing method. Signed headers: {}; canonical URI: \
         {path}; SHA-256 of the canonical request: {digest}.",
        signed.join(";")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_and_decoding() {
        assert_eq!(encode("a b/c*é".as_bytes(), false), "a%20b%2Fc%2A%C3%A9");
        assert_eq!(encode(b"/x y/", true), "/x%20y/");
        assert_eq!(decode("a%20b%zz%4"), b"a b%zz%4".to_vec());
        assert_eq!(
            parse_query(Some("a=1&b&c=%2F")),
            vec![
                ("a".to_string(), "1".to_string()),
                ("b".to_string(), String::new()),
                ("c".to_string(), "/".to_string())
            ]
        );
    }
}
