//! Keeping secrets out of everything the SDK prints: error messages, body
//! snippets, URLs and logs.

/// What a masked value is replaced with.
pub const MASK: &str = "***redacted***";

/// How many characters of a body an error keeps.
const SNIPPET_CHARS: usize = 200;

/// Whether a JSON key names a value that must not be shown (passwords,
/// secret keys, tokens, credentials, signatures).
pub fn is_secret_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    const WORDS: &[&str] = &[
        "password",
        "passwd",
        "secret",
        "token",
        "credential",
        "authorization",
        "signature",
        "privatekey",
        "accesskey",
    ];
    WORDS.iter().any(|w| compact.contains(w))
        || matches!(compact.as_str(), "sk" | "pwd" | "appkey" | "apikey")
}

/// Replaces every occurrence of each non-empty secret in `text` by [`MASK`].
pub fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if out.contains(secret) {
            out = out.replace(secret, MASK);
        }
    }
    out
}

/// Masks the string values of secret-looking keys in JSON text. Works on
/// truncated or malformed JSON too: it only tokenizes string literals.
pub fn mask_json_secrets(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut last_key_secret = false;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        // A string literal from i to end (exclusive of the closing quote).
        let start = i + 1;
        let mut j = start;
        while j < bytes.len() && bytes[j] != b'"' {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        let end = j.min(bytes.len());
        let literal = &text[start..end];
        // Is it a key (followed by ':')?
        let mut k = (end + 1).min(bytes.len());
        while k < bytes.len() && bytes[k].is_ascii_whitespace() {
            k += 1;
        }
        let is_key = k < bytes.len() && bytes[k] == b':';
        if is_key {
            last_key_secret = is_secret_key(literal);
        } else if last_key_secret {
            out.push_str(&text[copied..start]);
            out.push_str(MASK);
            copied = end;
            last_key_secret = false;
        }
        i = end + 1;
    }
    if copied < text.len() {
        out.push_str(&text[copied..]);
    }
    out
}

/// The first characters of a body, lossily decoded, with secret-looking
/// JSON values masked, for error messages.
pub fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let masked = mask_json_secrets(&text);
    let mut out: String = masked.chars().take(SNIPPET_CHARS).collect();
    if masked.chars().count() > SNIPPET_CHARS {
        out.push('…');
    }
    out
}

/// Hides the user info of a URL (`http://user:pass@host` → `http://***@host`)
/// and the query of any `Location`-like text.
pub fn url(text: &str) -> String {
    let (scheme, rest) = match text.find("://") {
        Some(i) => (&text[..i + 3], &text[i + 3..]),
        None => ("", text),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rfind('@') {
        Some(at) => format!("***@{}", &authority[at + 1..]),
        None => authority.to_owned(),
    };
    let tail = match tail.find('?') {
        Some(q) => format!("{}?***", &tail[..q]),
        None => tail.to_owned(),
    };
    format!("{scheme}{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_secret_values_even_in_truncated_json() {
        let body = r#"{"result":{"ak":"AK1","sk":"SECRET-1","sessionToken":"TOK-1","name":"n","password":"p\"w"#;
        let masked = mask_json_secrets(body);
        assert!(
            !masked.contains("SECRET-1") && !masked.contains("TOK-1"),
            "{masked}"
        );
        assert!(masked.contains("\"name\":\"n\""), "{masked}");
        assert!(!masked.contains("p\\\"w"), "{masked}");
        assert_eq!(mask_json_secrets("not json"), "not json");
    }

    #[test]
    fn key_names() {
        for k in [
            "password",
            "registryPassword",
            "sessionToken",
            "secret_key",
            "SK",
            "authToken",
        ] {
            assert!(is_secret_key(k), "{k}");
        }
        for k in ["name", "disk", "status", "keyId", "token_count_unrelated_x"] {
            assert_eq!(is_secret_key(k), k.contains("token"), "{k}");
        }
    }

    #[test]
    fn urls_and_scrub() {
        assert_eq!(
            url("http://user:pass@host:80/x?t=1"),
            "http://***@host:80/x?***"
        );
        assert_eq!(url("https://host"), "https://host");
        assert_eq!(url("u:p@x"), "***@x");
        assert_eq!(
            scrub("a SECRET b SECRET", &["SECRET", ""]),
            "a ***redacted*** b ***redacted***"
        );
    }
}
