//! Credentials: access key pairs, STS session tokens and providers.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::error::Error;

/// Environment variable holding the access key id.
pub const ENV_ACCESS_KEY_ID: &str = "BCE_ACCESS_KEY_ID";
/// Environment variable holding the secret access key.
pub const ENV_SECRET_ACCESS_KEY: &str = "BCE_SECRET_ACCESS_KEY";
/// Environment variable holding an optional STS session token.
pub const ENV_SESSION_TOKEN: &str = "BCE_SESSION_TOKEN";

/// A string that must never be shown: its `Debug` and `Display` print a
/// fixed mask. It serializes as the real value (it has to reach the wire)
/// and deserializes from a plain string, so request and response models use
/// it for every password, secret key and token.
///
/// ```
/// use bce_core::Secret;
/// let s: Secret = serde_json::from_str("\"hunter2\"").unwrap();
/// assert_eq!(format!("{s:?} {s}"), "\"***redacted***\" ***redacted***");
/// assert_eq!(serde_json::to_string(&s).unwrap(), "\"hunter2\"");
/// ```
// Shared text: the pipeline clones credentials and the secrets it must
// mask on every attempt, and a clone should not copy them.
#[derive(Clone, PartialEq, Eq, Default, Hash)]
pub struct Secret(Arc<str>);

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Arc::from(value.into()))
    }

    /// The secret text. Call it only where the value is really needed (signing).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"***redacted***\"")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***redacted***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(Arc::from(value))
    }
}

/// An access key pair, optionally with an STS session token.
///
/// `Debug` and `Display` show the access key id only; the secret access key
/// and the session token are always masked.
///
/// ```
/// use bce_core::Credentials;
/// let creds = Credentials::new("my-ak", "my-sk")?;
/// assert!(!format!("{creds:?}").contains("my-sk"));
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: Arc<str>,
    secret_access_key: Secret,
    session_token: Option<Secret>,
}

impl Credentials {
    /// Long-lived credentials. Both values must be non-empty.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
    ) -> Result<Self, Error> {
        let access_key_id = access_key_id.into();
        let secret_access_key = Secret::new(secret_access_key);
        if access_key_id.trim().is_empty() {
            return Err(Error::invalid_input(
                "access_key_id",
                "the access key id must not be empty",
            ));
        }
        if secret_access_key.expose().trim().is_empty() {
            return Err(Error::invalid_input(
                "secret_access_key",
                "the secret access key must not be empty",
            ));
        }
        Ok(Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key,
            session_token: None,
        })
    }

    /// Temporary STS credentials: key pair plus session token (all non-empty).
    pub fn with_session_token(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: impl Into<String>,
    ) -> Result<Self, Error> {
        let mut creds = Credentials::new(access_key_id, secret_access_key)?;
        let token = Secret::new(session_token);
        if token.expose().trim().is_empty() {
            return Err(Error::invalid_input(
                "session_token",
                "the session token must not be empty",
            ));
        }
        creds.session_token = Some(token);
        Ok(creds)
    }

    /// Reads `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY` and the optional
    /// `BCE_SESSION_TOKEN` from the environment.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Credentials::from_env`] but reads variables through `lookup`
    /// (useful in tests and for other configuration sources).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let ak = lookup(ENV_ACCESS_KEY_ID).unwrap_or_default();
        let sk = lookup(ENV_SECRET_ACCESS_KEY).unwrap_or_default();
        if ak.is_empty() {
            return Err(Error::invalid_input(
                ENV_ACCESS_KEY_ID,
                "environment variable is not set or empty",
            ));
        }
        if sk.is_empty() {
            return Err(Error::invalid_input(
                ENV_SECRET_ACCESS_KEY,
                "environment variable is not set or empty",
            ));
        }
        match lookup(ENV_SESSION_TOKEN).filter(|t| !t.is_empty()) {
            Some(token) => Credentials::with_session_token(ak, sk, token),
            None => Credentials::new(ak, sk),
        }
    }

    /// The access key id (not secret; it appears in every Authorization header).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &Secret {
        &self.secret_access_key
    }

    /// The STS session token, if any.
    pub fn session_token(&self) -> Option<&Secret> {
        self.session_token.as_ref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key)
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "***redacted***"),
            )
            .finish()
    }
}

impl fmt::Display for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "access key {} (secret redacted", self.access_key_id)?;
        if self.session_token.is_some() {
            f.write_str(", with session token")?;
        }
        f.write_str(")")
    }
}

/// A boxed future, as returned by [`CredentialsProvider::credentials`].
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A source of credentials, asked before every request attempt, so that
/// refreshable credentials (STS, instance roles, a vault) can plug in.
pub trait CredentialsProvider: Send + Sync + fmt::Debug {
    /// Returns the credentials to sign the next attempt with.
    fn credentials(&self) -> BoxFuture<'_, Result<Credentials, Error>>;

    /// The credentials, when they never change: signers then borrow them
    /// instead of asking for a copy on every attempt. `None` (the default)
    /// for providers that may rotate or refresh them.
    fn fixed(&self) -> Option<&Credentials> {
        None
    }
}

/// A provider that always returns the same credentials.
#[derive(Debug, Clone)]
pub struct StaticProvider(Credentials);

impl StaticProvider {
    /// Wraps fixed credentials.
    pub fn new(credentials: Credentials) -> Self {
        StaticProvider(credentials)
    }
}

impl CredentialsProvider for StaticProvider {
    fn credentials(&self) -> BoxFuture<'_, Result<Credentials, Error>> {
        let creds = self.0.clone();
        Box::pin(async move { Ok(creds) })
    }

    fn fixed(&self) -> Option<&Credentials> {
        Some(&self.0)
    }
}

/// A provider that reads the environment on every call, so a rotated
/// `BCE_SESSION_TOKEN` is picked up without rebuilding the client.
#[derive(Debug, Clone, Default)]
pub struct EnvProvider;

impl CredentialsProvider for EnvProvider {
    fn credentials(&self) -> BoxFuture<'_, Result<Credentials, Error>> {
        Box::pin(async { Credentials::from_env() })
    }
}

impl From<Credentials> for Arc<dyn CredentialsProvider> {
    fn from(value: Credentials) -> Self {
        Arc::new(StaticProvider::new(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_rejected() {
        assert!(Credentials::new("", "sk").is_err());
        assert!(Credentials::new("ak", "").is_err());
        assert!(Credentials::with_session_token("ak", "sk", "").is_err());
        let err = Credentials::new("ak", " ").unwrap_err();
        assert!(err.to_string().contains("secret_access_key"));
    }

    #[test]
    fn debug_and_display_hide_secrets() {
        let c = Credentials::with_session_token("AK-VISIBLE", "SK-UNIQUE-1234", "TOK-UNIQUE-5678")
            .unwrap();
        for text in [format!("{c:?}"), format!("{c}"), format!("{c:#?}")] {
            assert!(text.contains("AK-VISIBLE"), "{text}");
            assert!(!text.contains("SK-UNIQUE-1234"), "{text}");
            assert!(!text.contains("TOK-UNIQUE-5678"), "{text}");
        }
        assert_eq!(format!("{}", c.secret_access_key()), "***redacted***");
    }

    #[test]
    fn from_lookup_reads_all_three() {
        let c = Credentials::from_lookup(|k| match k {
            ENV_ACCESS_KEY_ID => Some("a".into()),
            ENV_SECRET_ACCESS_KEY => Some("b".into()),
            ENV_SESSION_TOKEN => Some("t".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.session_token().map(|t| t.expose()), Some("t"));
        let err = Credentials::from_lookup(|_| None).unwrap_err();
        assert!(err.to_string().contains(ENV_ACCESS_KEY_ID));
    }
}
