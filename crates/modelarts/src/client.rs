//! The ModelArts client: endpoint, credentials, project, and the pipeline.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bce_core::config::Endpoint;
use bce_core::{
    Clock, Credentials, CredentialsProvider, Error, HttpTransport, Method, RetryPolicy,
};
use serde::de::DeserializeOwned;

use crate::auth::SdkHmacAuthorizer;
use crate::error::HuaweiErrorDecoder;
use crate::request::{Request, CONTENT_TYPE_PLAIN};

/// Service name used in errors and logs.
pub const SERVICE: &str = "modelarts";

/// Environment variable with the access key (as the official SDKs read it).
pub const ENV_ACCESS_KEY: &str = "HUAWEICLOUD_SDK_AK";
/// Environment variable with the secret key.
pub const ENV_SECRET_KEY: &str = "HUAWEICLOUD_SDK_SK";
/// Environment variable with the security token of temporary credentials (optional).
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
/// Environment variable with the project id.
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// Environment variable with the region, e.g. `cn-north-4`.
pub const ENV_REGION: &str = "HUAWEICLOUD_SDK_REGION";
/// Environment variable with an explicit ModelArts endpoint (replaces the region's).
pub const ENV_ENDPOINT: &str = "HUAWEICLOUD_SDK_MODELARTS_ENDPOINT";
/// Prefix of the official SDK's per-region endpoint override:
/// `HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4=https://a,https://b` (the first is used).
pub const ENV_REGION_OVERRIDE_PREFIX: &str = "HUAWEICLOUD_SDK_REGION_MODELARTS_";

/// The regions of the official SDK's region table (any well-formed region
/// name is accepted; these are only the known ones).
pub const KNOWN_REGIONS: &[&str] = &[
    "cn-north-1",
    "cn-north-2",
    "cn-north-4",
    "cn-north-9",
    "cn-north-11",
    "cn-north-12",
    "cn-south-1",
    "cn-east-3",
    "cn-east-4",
    "cn-southwest-2",
    "cn-southwest-3",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "af-south-1",
    "af-north-1",
    "la-south-2",
    "la-north-2",
    "sa-brazil-1",
    "tr-west-1",
    "me-east-1",
];

/// The HTTPS endpoint of a region: `https://modelarts.{region}.myhuaweicloud.com`
/// (`.myhuaweicloud.cn` for `ap-southeast-1`, as in the SDK's table).
pub fn regional_endpoint(region: &str) -> String {
    let domain = if region == "ap-southeast-1" {
        "myhuaweicloud.cn"
    } else {
        "myhuaweicloud.com"
    };
    format!("https://modelarts.{region}.{domain}")
}

fn check_region(region: &str) -> Result<(), Error> {
    let ok = !region.is_empty()
        && region.len() <= 64
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(
            "region",
            format!("not a region name (e.g. cn-north-4): {region:?}"),
        ))
    }
}

fn check_project_id(id: &str) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::invalid_input(
            "project_id",
            "a project id is required (it fills {project_id} in every path)",
        ));
    }
    if id
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '/' || c == '%')
    {
        return Err(Error::invalid_input(
            "project_id",
            "must not contain white space, '/' or '%'",
        ));
    }
    Ok(())
}

/// The default user agent: bce-core's, plus `modelarts/{version}`.
pub fn default_user_agent() -> String {
    format!(
        "{} modelarts/{}",
        bce_core::config::default_user_agent(),
        env!("CARGO_PKG_VERSION")
    )
}

/// Builder of a [`Client`]. Credentials, a project id and a region or an
/// endpoint are required; everything else has a default.
///
/// ```
/// use bce_core::Credentials;
/// let client = modelarts::Client::builder()
///     .region("cn-north-4")
///     .credentials(Credentials::new("my-ak", "my-sk")?)
///     .project_id("0123456789abcdef0123456789abcdef")
///     .build()?;
/// assert_eq!(client.endpoint().base_url(), "https://modelarts.cn-north-4.myhuaweicloud.com");
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    region: Option<String>,
    endpoint: Option<String>,
    credentials: Option<Arc<dyn CredentialsProvider>>,
    project_id: Option<String>,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    clock: Option<Arc<dyn Clock>>,
    transport: Option<Arc<dyn HttpTransport>>,
    proxy: Option<String>,
    user_agent_suffix: Option<String>,
    base: Option<bce_core::Config>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("credentials", &self.credentials)
            .field("project_id", &self.project_id)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder filled from the environment: [`ENV_ACCESS_KEY`],
    /// [`ENV_SECRET_KEY`], optional [`ENV_SECURITY_TOKEN`],
    /// [`ENV_PROJECT_ID`], [`ENV_REGION`], and an endpoint from
    /// [`ENV_ENDPOINT`] or the SDK's `HUAWEICLOUD_SDK_REGION_MODELARTS_{REGION}`.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`ClientBuilder::from_env`], reading variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let get = |k: &str| {
            lookup(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let ak = get(ENV_ACCESS_KEY).ok_or_else(|| {
            Error::invalid_input(ENV_ACCESS_KEY, "environment variable is not set or empty")
        })?;
        let sk = get(ENV_SECRET_KEY).ok_or_else(|| {
            Error::invalid_input(ENV_SECRET_KEY, "environment variable is not set or empty")
        })?;
        let credentials = match get(ENV_SECURITY_TOKEN) {
            Some(token) => Credentials::with_session_token(ak, sk, token)?,
            None => Credentials::new(ak, sk)?,
        };
        let mut b = ClientBuilder::default().credentials(credentials);
        if let Some(p) = get(ENV_PROJECT_ID) {
            b = b.project_id(p);
        }
        if let Some(region) = get(ENV_REGION) {
            let override_var = format!(
                "{ENV_REGION_OVERRIDE_PREFIX}{}",
                region.to_ascii_uppercase().replace('-', "_")
            );
            if let Some(list) = get(&override_var) {
                if let Some(first) = list.split(',').map(str::trim).find(|s| !s.is_empty()) {
                    b = b.endpoint(first);
                }
            }
            b = b.region(region);
        }
        if let Some(ep) = get(ENV_ENDPOINT) {
            b = b.endpoint(ep);
        }
        Ok(b)
    }

    /// Starts from a bce-core configuration, to share its transport, proxy,
    /// clock, retry policy, timeouts and user agent with other clients. Its
    /// credentials are used when none are set here, and its endpoint when
    /// neither a region nor an endpoint is; its authorizer is replaced by
    /// SDK-HMAC-SHA256. Settings made on this builder win.
    pub fn config(mut self, config: bce_core::Config) -> Self {
        self.base = Some(config);
        self
    }

    /// The region; the endpoint is then [`regional_endpoint`] unless one is set.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// An explicit endpoint (`host[:port]` or a URL; HTTPS unless it says `http://`).
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// AK/SK, optionally with a security token
    /// ([`Credentials::with_session_token`]), sent as `X-Security-Token`.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(Arc::new(bce_core::StaticProvider::new(credentials)));
        self
    }

    /// A credentials provider, asked before every attempt (rotating tokens).
    pub fn credentials_provider(mut self, provider: Arc<dyn CredentialsProvider>) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// The project id: fills `{project_id}` in every path and is sent as `X-Project-Id`.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// Connect timeout (bce-core's default, 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = Some(d);
        self
    }

    /// Per-attempt timeout (bce-core's default, 60 s).
    pub fn attempt_timeout(mut self, d: Duration) -> Self {
        self.attempt_timeout = Some(d);
        self
    }

    /// Whole-operation timeout (bce-core's default, 300 s).
    pub fn operation_timeout(mut self, d: Duration) -> Self {
        self.operation_timeout = Some(d);
        self
    }

    /// The retry policy (bce-core's default retries idempotent calls on
    /// throttling, server errors and transport failures;
    /// [`RetryPolicy::none`] disables retries, as the official SDK does).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The clock that dates and signs requests.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// A custom HTTP transport (mocks, another client).
    pub fn transport(mut self, transport: Arc<dyn HttpTransport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// An HTTP(S) proxy URL.
    pub fn proxy(mut self, proxy: impl Into<String>) -> Self {
        self.proxy = Some(proxy.into());
        self
    }

    /// Appends ` {suffix}` to the user agent.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Checks every setting and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let base_credentials = self
            .base
            .as_ref()
            .and_then(|c| c.credentials_provider().cloned());
        let credentials = self
            .credentials
            .or(base_credentials)
            .ok_or_else(|| Error::invalid_input("credentials", "no credentials were configured"))?;
        let project_id = self.project_id.unwrap_or_default();
        check_project_id(&project_id)?;
        if let Some(region) = &self.region {
            check_region(region)?;
        }
        let base_endpoint = self
            .base
            .as_ref()
            .and_then(|c| c.endpoint().map(Endpoint::base_url));
        let endpoint = match (&self.endpoint, &self.region, base_endpoint) {
            (Some(e), _, _) => e.clone(),
            (None, Some(r), _) => regional_endpoint(r),
            (None, None, Some(e)) => e,
            (None, None, None) => {
                return Err(Error::invalid_input(
                    "endpoint",
                    "set a region (e.g. cn-north-4) or an endpoint",
                ))
            }
        };
        let mut suffix = format!("modelarts/{}", env!("CARGO_PKG_VERSION"));
        if let Some(extra) = self.user_agent_suffix.filter(|s| !s.trim().is_empty()) {
            suffix.push(' ');
            suffix.push_str(extra.trim());
        }
        let authorizer = SdkHmacAuthorizer::new(credentials).with_project_id(project_id.clone());
        let mut config = match &self.base {
            Some(base) => base.to_builder(),
            None => bce_core::Config::builder(),
        }
        .authorizer(Arc::new(authorizer))
        .endpoint(endpoint)
        .user_agent_suffix(suffix);
        if let Some(d) = self.connect_timeout {
            config = config.connect_timeout(d);
        }
        if let Some(d) = self.attempt_timeout {
            config = config.attempt_timeout(d);
        }
        if let Some(d) = self.operation_timeout {
            config = config.operation_timeout(d);
        }
        if let Some(policy) = self.retry {
            config = config.retry(policy);
        }
        if let Some(clock) = self.clock {
            config = config.clock(clock);
        }
        if let Some(transport) = self.transport {
            config = config.transport(transport);
        }
        if let Some(proxy) = self.proxy {
            config = config.proxy(proxy);
        }
        let core = bce_core::Client::builder(config.build()?)
            .error_decoder(Arc::new(HuaweiErrorDecoder))
            .request_id_header(None)
            .content_type(CONTENT_TYPE_PLAIN)
            .build()?;
        Ok(Client {
            inner: Arc::new(Inner {
                project_id,
                region: self.region,
                core,
            }),
        })
    }
}

/// Client of the ModelArts API. Cheap to clone.
///
/// Every request is signed with SDK-HMAC-SHA256 ([`crate::sign`]), carries
/// the project id in its path and as `X-Project-Id`, and fails with an
/// invalid-input error before anything is sent when an id is empty, holds a
/// `/` or a header value holds a line break.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    project_id: String,
    region: Option<String>,
    core: bce_core::Client,
}

impl Client {
    /// Starts a builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment (see [`ClientBuilder::from_env`]).
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// The project id.
    pub fn project_id(&self) -> &str {
        &self.inner.project_id
    }

    /// The region, when the client was built from one.
    pub fn region(&self) -> Option<&str> {
        self.inner.region.as_deref()
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Endpoint {
        self.inner.core.endpoint()
    }

    /// The shared pipeline client (configuration, dry runs with `prepare`).
    pub fn core(&self) -> &bce_core::Client {
        &self.inner.core
    }

    /// An operation named `name` (the official SDK's method name) on
    /// `/{version}/{project_id}`. A method rather than the template's
    /// associated `op`: every path carries this client's project id.
    pub(crate) fn request(&self, name: &'static str, method: Method, version: &str) -> Request {
        Request::new(name, method)
            .path("/")
            .path(version)
            .path("/")
            .path(&self.inner.project_id)
    }

    /// Runs a call and decodes its JSON answer.
    pub(crate) async fn call<T: DeserializeOwned>(&self, request: Request) -> Result<T, Error> {
        self.inner.core.send(request.into_operation()).await
    }

    /// Runs a call whose answer carries nothing of interest.
    pub(crate) async fn call_no_content(&self, request: Request) -> Result<(), Error> {
        self.inner
            .core
            .send_no_content(request.into_operation())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> Credentials {
        Credentials::new("ak", "sk").unwrap()
    }

    #[test]
    fn endpoints_and_checks() {
        assert_eq!(
            regional_endpoint("ap-southeast-1"),
            "https://modelarts.ap-southeast-1.myhuaweicloud.cn"
        );
        let c = Client::builder()
            .endpoint("127.0.0.1:8443")
            .credentials(creds())
            .project_id("p1")
            .build()
            .unwrap();
        assert_eq!(c.endpoint().base_url(), "https://127.0.0.1:8443");
        assert_eq!(c.region(), None);
        let err = Client::builder()
            .region("cn-north-4")
            .credentials(creds())
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("project_id"), "{err}");
        for bad in ["CN north", "", "a/b"] {
            let err = Client::builder()
                .region(bad)
                .credentials(creds())
                .project_id("p")
                .build()
                .unwrap_err();
            assert!(err.to_string().contains("region"), "{err}");
        }
        let err = Client::builder()
            .project_id("p")
            .region("cn-north-4")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("credentials"));
        let err = Client::builder()
            .project_id("p")
            .credentials(creds())
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("region"));
        let err = Client::builder()
            .project_id("a b")
            .region("cn-north-4")
            .credentials(creds())
            .build()
            .unwrap_err();
        assert!(err.is_invalid_input());
    }

    #[test]
    fn from_lookup() {
        let vars = |k: &str| match k {
            ENV_ACCESS_KEY => Some("AK1".to_owned()),
            ENV_SECRET_KEY => Some("SK-SECRET-1".to_owned()),
            ENV_SECURITY_TOKEN => Some("TOKEN-1".to_owned()),
            ENV_PROJECT_ID => Some("p123".to_owned()),
            ENV_REGION => Some("cn-east-3".to_owned()),
            _ => None,
        };
        let c = ClientBuilder::from_lookup(vars).unwrap().build().unwrap();
        assert_eq!(c.project_id(), "p123");
        assert_eq!(c.region(), Some("cn-east-3"));
        assert_eq!(c.endpoint().host(), "modelarts.cn-east-3.myhuaweicloud.com");
        let text = format!("{c:?}");
        assert!(
            !text.contains("SK-SECRET-1") && !text.contains("TOKEN-1"),
            "{text}"
        );
        let c = ClientBuilder::from_lookup(|k| match k {
            "HUAWEICLOUD_SDK_REGION_MODELARTS_CN_EAST_3" => {
                Some(" http://127.0.0.1:9 , https://x".into())
            }
            other => vars(other),
        })
        .unwrap()
        .build()
        .unwrap();
        assert_eq!(c.endpoint().base_url(), "http://127.0.0.1:9");
        let err = ClientBuilder::from_lookup(|_| None).unwrap_err();
        assert!(err.to_string().contains(ENV_ACCESS_KEY));
    }
}
