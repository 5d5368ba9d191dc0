//! Client configuration shared by every service crate.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::{Authorizer, BceAuthorizer};
use crate::clock::{Clock, Jitter, RandomJitter, SystemClock};
use crate::credentials::{Credentials, CredentialsProvider, EnvProvider, StaticProvider};
use crate::error::Error;
use crate::hyper_transport::HyperTransport;
use crate::profile::{DefaultChain, ProfileFiles};
use crate::retry::RetryPolicy;
use crate::sign::SignOptions;
use crate::transport::HttpTransport;

/// Environment variable with the endpoint (`host`, `host:port` or URL).
pub const ENV_ENDPOINT: &str = "BCE_ENDPOINT";
/// Environment variable with the region.
pub const ENV_REGION: &str = "BCE_REGION";
/// The default region.
pub const DEFAULT_REGION: &str = "bj";
/// The default cap on an answer's body (64 MiB).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;
/// Regions documented for AIHC (any string is accepted).
pub const KNOWN_REGIONS: &[&str] = &["bj", "gz", "su", "hkg", "fwh", "bd"];

/// URL scheme of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Plain HTTP, only when the endpoint says `http://`.
    Http,
    /// HTTPS, the default.
    Https,
}

impl Scheme {
    /// `http` or `https`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }
}

/// A parsed endpoint: scheme plus `host[:port]`, no path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    scheme: Scheme,
    host: String,
}

impl Endpoint {
    /// Parses `host`, `host:port`, `http://host[:port]` or `https://host[:port]`.
    /// Without a scheme the endpoint is HTTPS. A path, query, user info or
    /// any other scheme is refused.
    ///
    /// The host is normalised once, the way the HTTP layer writes the `Host`
    /// header (lower case, default port dropped, IPv4 shorthand expanded), so
    /// that what is signed is exactly what is sent.
    ///
    /// ```
    /// use bce_core::config::{Endpoint, Scheme};
    /// assert_eq!(Endpoint::parse("aihc.bj.baidubce.com")?.scheme(), Scheme::Https);
    /// assert_eq!(Endpoint::parse("http://127.0.0.1:8080")?.host(), "127.0.0.1:8080");
    /// assert_eq!(Endpoint::parse("https://AIHC.bj.baidubce.com:443")?.host(), "aihc.bj.baidubce.com");
    /// assert!(Endpoint::parse("ftp://example.com").is_err());
    /// # Ok::<(), bce_core::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, Error> {
        Self::parse_with_default_scheme(text, Scheme::Https)
    }

    /// Like [`Endpoint::parse`], with `default` as the scheme of an endpoint
    /// written without one (a self-hosted service may default to HTTP).
    pub fn parse_with_default_scheme(text: &str, default: Scheme) -> Result<Self, Error> {
        let shown = crate::redact::url(text.trim());
        let bad = |msg: &str| Error::invalid_input("endpoint", format!("{msg}: {shown:?}"));
        let text_trimmed = text.trim();
        let (scheme, rest) = match text_trimmed.split_once("://") {
            Some((s, rest)) => match s.to_ascii_lowercase().as_str() {
                "http" => (Scheme::Http, rest),
                "https" => (Scheme::Https, rest),
                _ => return Err(bad("unsupported scheme (use http:// or https://)")),
            },
            None => (default, text_trimmed),
        };
        let host = rest.strip_suffix('/').unwrap_or(rest);
        if host.is_empty() {
            return Err(bad("missing host"));
        }
        if host.contains(['/', '?', '#']) {
            return Err(bad(
                "an endpoint must not contain a path, query or fragment",
            ));
        }
        if host.contains('@') {
            return Err(bad("an endpoint must not contain user info"));
        }
        if host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("an endpoint must not contain white space"));
        }
        let (name, port) = if host.starts_with('[') {
            match host.find(']') {
                Some(end) => {
                    let after = &host[end + 1..];
                    (&host[..=end], after.strip_prefix(':'))
                }
                None => return Err(bad("unclosed IPv6 address")),
            }
        } else {
            match host.rsplit_once(':') {
                Some((n, p)) => (n, Some(p)),
                None => (host, None),
            }
        };
        if name.is_empty() || name == "[]" {
            return Err(bad("missing host"));
        }
        if let Some(port) = port {
            if port.parse::<u16>().map_or(true, |p| p == 0) {
                return Err(bad("invalid port"));
            }
        }
        let url = url::Url::parse(&format!("{}://{host}/", scheme.as_str()))
            .map_err(|e| bad(&format!("invalid host ({e})")))?;
        let Some(name) = url.host_str() else {
            return Err(bad("missing host"));
        };
        let host = match url.port() {
            Some(port) => format!("{name}:{port}"),
            None => name.to_owned(),
        };
        Ok(Endpoint { scheme, host })
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// `host[:port]`, normalised, exactly as sent in the `Host` header.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// `scheme://host[:port]`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme.as_str(), self.host)
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base_url())
    }
}

/// The regional host of a service, e.g. `regional_host("aihc", "bj")` is
/// `aihc.bj.baidubce.com`.
pub fn regional_host(service: &str, region: &str) -> String {
    format!("{service}.{region}.baidubce.com")
}

/// Time limits. Every limit is finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Establishing a connection.
    pub connect: Duration,
    /// One attempt, from sending to the last body byte.
    pub attempt: Duration,
    /// The whole operation, all attempts and pauses included.
    pub operation: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            attempt: Duration::from_secs(60),
            operation: Duration::from_secs(300),
        }
    }
}

/// Configuration of a service client. Build it with [`Config::builder`] or
/// [`Config::from_env`]; one config can build clients of several services.
#[derive(Clone)]
pub struct Config {
    pub(crate) credentials: Option<Arc<dyn CredentialsProvider>>,
    pub(crate) authorizer: Arc<dyn Authorizer>,
    pub(crate) endpoint: Option<Endpoint>,
    pub(crate) endpoint_text: Option<String>,
    pub(crate) max_response_bytes: u64,
    pub(crate) region: String,
    pub(crate) proxy: Option<String>,
    pub(crate) timeouts: Timeouts,
    pub(crate) user_agent: String,
    pub(crate) sign_options: SignOptions,
    pub(crate) retry: RetryPolicy,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) jitter: Arc<dyn Jitter>,
    pub(crate) transport: Arc<dyn HttpTransport>,
    /// Whether the authorizer was given explicitly (not derived from credentials).
    pub(crate) authorizer_set: bool,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("credentials", &self.credentials)
            .field("authorizer", &self.authorizer)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("proxy", &self.proxy.as_ref().map(|p| crate::redact::url(p)))
            .field("max_response_bytes", &self.max_response_bytes)
            .field("timeouts", &self.timeouts)
            .field("user_agent", &self.user_agent)
            .field("sign_options", &self.sign_options)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// The default user agent: `bce-sdk-rust/{version}/rust/{os}/{arch}`.
pub fn default_user_agent() -> String {
    format!(
        "bce-sdk-rust/{}/rust/{}/{}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

impl Config {
    /// Starts a builder.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Credentials from `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY` /
    /// `BCE_SESSION_TOKEN`, endpoint from `BCE_ENDPOINT` and region from
    /// `BCE_REGION` (both optional).
    pub fn from_env() -> Result<Config, Error> {
        ConfigBuilder::from_env()?.build()
    }

    /// The configured endpoint, if any (services fall back to their default host).
    pub fn endpoint(&self) -> Option<&Endpoint> {
        self.endpoint.as_ref()
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The time limits.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// The retry policy.
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The signing options.
    pub fn sign_options(&self) -> &SignOptions {
        &self.sign_options
    }

    /// The user agent.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The credentials provider (`None` when the config was built with
    /// its own [`Authorizer`] and no BCE credentials).
    pub fn credentials_provider(&self) -> Option<&Arc<dyn CredentialsProvider>> {
        self.credentials.as_ref()
    }

    /// What authorizes requests (bce-auth-v1 over the credentials unless
    /// another authorizer was set).
    pub fn authorizer(&self) -> &Arc<dyn Authorizer> {
        &self.authorizer
    }

    /// The largest answer body the client accepts, in bytes.
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }

    /// The HTTP transport.
    pub fn transport(&self) -> &Arc<dyn HttpTransport> {
        &self.transport
    }

    /// The clock used to date and sign requests.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// A builder preloaded with this configuration, to derive a variant.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            credentials: self.credentials.clone(),
            authorizer: self.authorizer_set.then(|| self.authorizer.clone()),
            endpoint: self.endpoint_text.clone(),
            max_response_bytes: Some(self.max_response_bytes),
            region: Some(self.region.clone()),
            proxy: self.proxy.clone(),
            timeouts: self.timeouts,
            user_agent_suffix: None,
            user_agent: Some(self.user_agent.clone()),
            sign_options: self.sign_options.clone(),
            retry: self.retry.clone(),
            clock: Some(self.clock.clone()),
            jitter: Some(self.jitter.clone()),
            transport: Some(self.transport.clone()),
        }
    }
}

/// Builder of [`Config`]; every setting but the credentials has a default.
///
/// ```
/// use std::time::Duration;
/// use bce_core::{Config, Credentials};
/// let config = Config::builder()
///     .credentials(Credentials::new("my-ak", "my-sk")?)
///     .endpoint("aihc.bj.baidubce.com")
///     .region("bj")
///     .attempt_timeout(Duration::from_secs(30))
///     .build()?;
/// assert_eq!(config.endpoint().unwrap().base_url(), "https://aihc.bj.baidubce.com");
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Default)]
pub struct ConfigBuilder {
    credentials: Option<Arc<dyn CredentialsProvider>>,
    authorizer: Option<Arc<dyn Authorizer>>,
    endpoint: Option<String>,
    max_response_bytes: Option<u64>,
    region: Option<String>,
    proxy: Option<String>,
    timeouts: Timeouts,
    user_agent_suffix: Option<String>,
    user_agent: Option<String>,
    sign_options: SignOptions,
    retry: RetryPolicy,
    clock: Option<Arc<dyn Clock>>,
    jitter: Option<Arc<dyn Jitter>>,
    transport: Option<Arc<dyn HttpTransport>>,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("credentials", &self.credentials)
            .field("authorizer", &self.authorizer)
            .field(
                "endpoint",
                &self.endpoint.as_deref().map(crate::redact::url),
            )
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl ConfigBuilder {
    /// A builder filled from the environment (see [`Config::from_env`]).
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`ConfigBuilder::from_env`], reading variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let credentials = Credentials::from_lookup(&lookup)?;
        let mut b = ConfigBuilder::default().credentials(credentials);
        if let Some(ep) = lookup(ENV_ENDPOINT).filter(|s| !s.trim().is_empty()) {
            b = b.endpoint(ep);
        }
        if let Some(region) = lookup(ENV_REGION).filter(|s| !s.trim().is_empty()) {
            b = b.region(region);
        }
        Ok(b)
    }

    /// Fixed credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(Arc::new(StaticProvider::new(credentials)));
        self
    }

    /// A credentials provider, asked before every attempt.
    pub fn credentials_provider(mut self, provider: Arc<dyn CredentialsProvider>) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// Reads credentials from the environment before every attempt.
    pub fn credentials_from_env(self) -> Self {
        self.credentials_provider(Arc::new(EnvProvider))
    }

    /// Authorizes requests with `authorizer` instead of bce-auth-v1 (for
    /// services with their own scheme); no BCE credentials are needed then.
    pub fn authorizer(mut self, authorizer: Arc<dyn Authorizer>) -> Self {
        self.authorizer = Some(authorizer);
        self
    }

    /// The largest answer body accepted, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`]); a larger answer fails with a
    /// [`crate::TransportErrorKind::BodyTooLarge`] error.
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// The endpoint: `host`, `host:port` or a URL with `http://` / `https://`.
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// The region (`bj`, `gz`, `su`, `hkg`, `fwh`, `bd`, …).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// An HTTP(S) proxy URL.
    pub fn proxy(mut self, proxy: impl Into<String>) -> Self {
        self.proxy = Some(proxy.into());
        self
    }

    /// Connect timeout.
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.timeouts.connect = d;
        self
    }

    /// Per-attempt timeout.
    pub fn attempt_timeout(mut self, d: Duration) -> Self {
        self.timeouts.attempt = d;
        self
    }

    /// Whole-operation timeout (all attempts and pauses).
    pub fn operation_timeout(mut self, d: Duration) -> Self {
        self.timeouts.operation = d;
        self
    }

    /// Appends ` {suffix}` to the default user agent.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Signing options (headers to sign, expiry).
    pub fn sign_options(mut self, options: SignOptions) -> Self {
        self.sign_options = options;
        self
    }

    /// The retry policy ([`RetryPolicy::none`] disables retries).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The clock that dates and signs requests.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The randomness of back-off jitter.
    pub fn jitter(mut self, jitter: Arc<dyn Jitter>) -> Self {
        self.jitter = Some(jitter);
        self
    }

    /// A custom HTTP transport (mocks, another client).
    pub fn transport(mut self, transport: Arc<dyn HttpTransport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Checks every setting and builds the configuration.
    pub fn build(self) -> Result<Config, Error> {
        let authorizer_set = self.authorizer.is_some();
        let authorizer: Arc<dyn Authorizer> = match (self.authorizer, &self.credentials) {
            (Some(a), _) => a,
            (None, Some(c)) => Arc::new(BceAuthorizer::new(c.clone(), self.sign_options.clone())),
            (None, None) => {
                return Err(Error::invalid_input(
                    "credentials",
                    "no credentials were configured",
                ))
            }
        };
        let endpoint = self.endpoint.as_deref().map(Endpoint::parse).transpose()?;
        let max_response_bytes = self
            .max_response_bytes
            .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES);
        if max_response_bytes == 0 {
            return Err(Error::invalid_input(
                "max_response_bytes",
                "must be greater than zero",
            ));
        }
        let region = self.region.unwrap_or_else(|| DEFAULT_REGION.to_owned());
        if region.trim().is_empty() || region.contains(|c: char| c.is_whitespace() || c == '/') {
            return Err(Error::invalid_input(
                "region",
                "must be a non-empty name without blanks or '/'",
            ));
        }
        for (name, d) in [
            ("connect_timeout", self.timeouts.connect),
            ("attempt_timeout", self.timeouts.attempt),
            ("operation_timeout", self.timeouts.operation),
        ] {
            if d.is_zero() {
                return Err(Error::invalid_input(name, "must be greater than zero"));
            }
        }
        if self.sign_options.expiration_seconds == 0 {
            return Err(Error::invalid_input(
                "expiration_seconds",
                "must be greater than zero",
            ));
        }
        let mut retry = self.retry;
        // Keep retrying well inside the lifetime of a signature.
        let expiry = Duration::from_secs(u64::from(self.sign_options.expiration_seconds));
        retry.budget = retry.budget.min(expiry / 2).min(self.timeouts.operation);
        let mut user_agent = self.user_agent.unwrap_or_else(default_user_agent);
        if let Some(suffix) = self.user_agent_suffix.filter(|s| !s.trim().is_empty()) {
            user_agent.push(' ');
            user_agent.push_str(suffix.trim());
        }
        let transport: Arc<dyn HttpTransport> = match self.transport {
            Some(t) => t,
            None => Arc::new(match self.proxy.as_deref() {
                Some(proxy) => {
                    HyperTransport::with_proxy(self.timeouts.connect, max_response_bytes, proxy)?
                }
                None => HyperTransport::new(self.timeouts.connect, max_response_bytes)?,
            }),
        };
        Ok(Config {
            credentials: self.credentials,
            authorizer,
            authorizer_set,
            endpoint,
            endpoint_text: self.endpoint,
            max_response_bytes,
            region,
            proxy: self.proxy,
            timeouts: self.timeouts,
            user_agent,
            sign_options: self.sign_options,
            retry,
            clock: self.clock.unwrap_or_else(|| Arc::new(SystemClock)),
            jitter: self.jitter.unwrap_or_else(|| Arc::new(RandomJitter)),
            transport,
        })
    }
}

/// Constructors reading the BCE profile files (see [`crate::profile`]).
impl Config {
    /// The successor of [`Config::from_env`]: credentials, endpoint and
    /// region from the environment, else from the profile `BCE_PROFILE`
    /// (default `defaults`) of `~/.bce/credentials` and `~/.bce/config`
    /// (folder overridden by `BCE_CONFIG_DIR`). See [`DefaultChain`].
    pub fn from_default_chain() -> Result<Config, Error> {
        ConfigBuilder::from_default_chain()?.build()
    }
}

/// Constructors reading the BCE profile files (see [`crate::profile`]).
impl ConfigBuilder {
    /// A builder filled by the default chain (see [`Config::from_default_chain`]).
    pub fn from_default_chain() -> Result<Self, Error> {
        Ok(DefaultChain::resolve()?.into_config_builder())
    }

    /// Like [`ConfigBuilder::from_default_chain`], reading variables
    /// (`BCE_CONFIG_DIR` and `HOME` included) through `lookup`.
    pub fn from_default_chain_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, Error> {
        Ok(DefaultChain::resolve_with(lookup)?.into_config_builder())
    }

    /// A builder from profile `name` alone (no environment credentials), in
    /// `BCE_CONFIG_DIR` or `~/.bce`.
    pub fn from_profile(name: &str) -> Result<Self, Error> {
        Self::from_profile_files(&ProfileFiles::from_env()?, name)
    }

    /// A builder from profile `name` of the files in an explicit folder.
    pub fn from_profile_files(files: &ProfileFiles, name: &str) -> Result<Self, Error> {
        files.load(name)?.config_builder()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        let e = Endpoint::parse("aihc.bj.baidubce.com").unwrap();
        assert_eq!(e.base_url(), "https://aihc.bj.baidubce.com");
        let e = Endpoint::parse("HTTP://127.0.0.1:18471/").unwrap();
        assert_eq!((e.scheme(), e.host()), (Scheme::Http, "127.0.0.1:18471"));
        assert_eq!(Endpoint::parse("host:8443").unwrap().host(), "host:8443");
        assert_eq!(Endpoint::parse("[::1]:80").unwrap().host(), "[::1]:80");
        for bad in [
            "",
            "https://",
            "ftp://x",
            "x/y",
            "https://x/api",
            "x:0",
            "x:99999",
            "x:abc",
            "a b",
            "u:p@x",
            "x?q",
        ] {
            let err = Endpoint::parse(bad).unwrap_err();
            assert!(err.is_invalid_input(), "{bad}");
            assert!(err.to_string().contains("endpoint"), "{bad}");
        }
    }

    #[test]
    fn endpoints_are_normalised_like_the_http_layer() {
        for (text, host) in [
            ("https://aihc.bj.baidubce.com:443", "aihc.bj.baidubce.com"),
            ("http://127.0.0.1:80", "127.0.0.1"),
            ("http://127.1:8080", "127.0.0.1:8080"),
            ("AIHC.BJ.BaiduBce.com", "aihc.bj.baidubce.com"),
            ("http://[::1]:80", "[::1]"),
            ("https://x:80", "x:80"),
        ] {
            assert_eq!(Endpoint::parse(text).unwrap().host(), host, "{text}");
        }
        let e = Endpoint::parse_with_default_scheme("pf.local:8999", Scheme::Http).unwrap();
        assert_eq!(e.base_url(), "http://pf.local:8999");
    }

    #[test]
    fn user_info_is_never_shown() {
        let err = Endpoint::parse("http://admin:hunter2-unique@host").unwrap_err();
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(!text.contains("hunter2-unique"), "{text}");
            assert!(text.contains("user info"), "{text}");
        }
        let b = Config::builder().endpoint("http://admin:hunter2-unique@host");
        assert!(!format!("{b:?}").contains("hunter2-unique"));
    }

    #[test]
    fn builder_checks() {
        let creds = Credentials::new("a", "b").unwrap();
        assert!(Config::builder()
            .build()
            .unwrap_err()
            .to_string()
            .contains("credentials"));
        let err = Config::builder()
            .credentials(creds.clone())
            .attempt_timeout(Duration::ZERO)
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("attempt_timeout"));
        let c = Config::builder()
            .credentials(creds)
            .user_agent_suffix("my-app/1.0")
            .build()
            .unwrap();
        assert!(c.user_agent().starts_with("bce-sdk-rust/"));
        assert!(c.user_agent().ends_with(" my-app/1.0"));
        assert_eq!(c.region(), "bj");
        assert!(c.retry().budget < Duration::from_secs(1800));
        assert_eq!(regional_host("aihc", "gz"), "aihc.gz.baidubce.com");
    }

    #[test]
    fn from_lookup() {
        let c = ConfigBuilder::from_lookup(|k| match k {
            "BCE_ACCESS_KEY_ID" => Some("ak".into()),
            "BCE_SECRET_ACCESS_KEY" => Some("sk-secret-xyz".into()),
            "BCE_ENDPOINT" => Some("http://127.0.0.1:9".into()),
            "BCE_REGION" => Some("gz".into()),
            _ => None,
        })
        .unwrap()
        .proxy("http://user:pw@proxy:3128")
        .build()
        .unwrap();
        assert_eq!(c.region(), "gz");
        let dbg = format!("{c:?}");
        assert!(
            !dbg.contains("sk-secret-xyz") && !dbg.contains("pw@"),
            "{dbg}"
        );
    }
}
