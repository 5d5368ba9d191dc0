//! The PaddleFlow client: address, login and the request helpers every
//! operation uses.

use std::sync::Arc;

use bce_core::{ConfigBuilder, Error, Method, NoAuth, Operation, Scheme, Secret};
use serde::de::DeserializeOwned;

use crate::auth::{not_logged_in, PaddleFlowErrorDecoder, TokenAuthorizer};
use crate::model::MAX_KEYS_LIMIT;

/// Service name used in operations, errors and logs.
pub const SERVICE: &str = "paddleflow";
/// Port of the PaddleFlow server when the address names none.
pub const DEFAULT_PORT: u16 = 8999;
/// Prefix of every route.
pub const BASE_PATH: &str = "/api/paddleflow/v1";
/// Header that carries the login token (the raw token, no scheme).
pub const TOKEN_HEADER: &str = "x-pf-authorization";
/// Header with the request id the server echoes or makes.
pub const REQUEST_ID_HEADER: &str = "x-pf-request-id";

/// Client of a PaddleFlow server. Cheap to clone; clones share the login.
///
/// Build it with [`Client::builder`]; it logs in lazily with the user name
/// and password it was given (or uses a token given directly), sends the
/// token as `x-pf-authorization` on every call, and logs in again once when
/// the server answers `AuthInvalidToken` or `AuthFailed`.
#[derive(Debug, Clone)]
pub struct Client {
    pub(crate) inner: bce_core::Client,
    pub(crate) auth: Arc<TokenAuthorizer>,
}

/// Builder of a [`Client`].
///
/// ```
/// let client = paddleflow::Client::builder("127.0.0.1")
///     .login("root", "paddleflow")
///     .build()?;
/// assert_eq!(client.base_url(), "http://127.0.0.1:8999/api/paddleflow/v1");
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Debug)]
pub struct ClientBuilder {
    address: String,
    user: Option<(String, Secret)>,
    token: Option<Secret>,
    config: ConfigBuilder,
}

impl Client {
    /// Starts a client for the server at `address`: `host`, `host:port`,
    /// `http://host[:port]` or `https://host[:port]`. Without a port the
    /// server's default 8999 is used; without a scheme plain `http`, the
    /// self-hosted server's default (say `https://` when a TLS proxy fronts it).
    pub fn builder(address: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            address: address.into(),
            user: None,
            token: None,
            config: bce_core::Config::builder(),
        }
    }

    /// The shared pipeline client.
    pub fn core(&self) -> &bce_core::Client {
        &self.inner
    }

    /// `scheme://host:port/api/paddleflow/v1`.
    pub fn base_url(&self) -> String {
        format!("{}{BASE_PATH}", self.inner.endpoint().base_url())
    }

    /// The token in use, if the client has one (after a login, or given).
    pub async fn token(&self) -> Option<Secret> {
        self.auth.current().await
    }

    /// Replaces the token (e.g. one obtained elsewhere).
    pub async fn set_token(&self, token: impl Into<Secret>) {
        self.auth.set_token(token.into()).await;
    }

    /// Starts an operation on `path` (below [`BASE_PATH`], which the
    /// pipeline adds).
    pub(crate) fn op(name: &'static str, method: Method, path: &str) -> Operation {
        Operation::new(SERVICE, name, method).path(path)
    }

    /// Runs an operation that answers JSON and decodes it.
    ///
    /// `bce_core::service_client!` is not used here: PaddleFlow checks the
    /// login (an async lock) before anything is sent, which its synchronous
    /// `prepare` step cannot do; the helpers keep the template's names.
    pub(crate) async fn call<T: DeserializeOwned>(&self, op: Operation) -> Result<T, Error> {
        self.precheck(&op).await?;
        self.inner.send(op).await
    }

    /// Runs an operation whose answer has no body of interest.
    pub(crate) async fn call_no_content(&self, op: Operation) -> Result<(), Error> {
        self.precheck(&op).await?;
        self.inner.send_no_content(op).await
    }

    /// Refuses bad input, and calls without any login, before a login
    /// request could be sent.
    async fn precheck(&self, op: &Operation) -> Result<(), Error> {
        if let Some(err) = op.validation_error() {
            return Err(err);
        }
        if !self.auth.can_authorize().await {
            return Err(not_logged_in());
        }
        Ok(())
    }
}

impl ClientBuilder {
    /// Logs in lazily with this user name and password (`POST /login`) and
    /// again once whenever the server rejects the token.
    pub fn login(mut self, user_name: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.user = Some((user_name.into(), password.into()));
        self
    }

    /// Uses this token instead of logging in (it is not renewed unless a
    /// user name and password are given too).
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Transport settings: timeouts, retry policy, proxy, user agent,
    /// transport. Its endpoint, credentials and authorizer are replaced.
    pub fn config(mut self, config: ConfigBuilder) -> Self {
        self.config = config;
        self
    }

    /// Checks the address and credentials and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = endpoint_text(&self.address)?;
        if let Some((user, password)) = &self.user {
            check_user(user, password)?;
        }
        let plain = self
            .config
            .endpoint(endpoint)
            .authorizer(Arc::new(NoAuth))
            .build()?;
        let auth = Arc::new(TokenAuthorizer::new(
            pipeline(plain.clone())?,
            self.user,
            self.token,
        ));
        let config = plain.to_builder().authorizer(auth.clone()).build()?;
        Ok(Client {
            inner: pipeline(config)?,
            auth,
        })
    }
}

/// A pipeline client with PaddleFlow's defaults.
fn pipeline(config: bce_core::Config) -> Result<bce_core::Client, Error> {
    bce_core::Client::builder(config)
        .default_scheme(Scheme::Http)
        .base_path(BASE_PATH)
        .error_decoder(Arc::new(PaddleFlowErrorDecoder))
        .request_id_header(Some(REQUEST_ID_HEADER))
        .content_type("application/json")
        .build()
}

/// Checks a user name and password before they are sent.
pub(crate) fn check_user(user: &str, password: &Secret) -> Result<(), Error> {
    if user.trim().is_empty() {
        return Err(Error::invalid_input(
            "user_name",
            "must not be empty or blank",
        ));
    }
    if password.expose().trim().is_empty() {
        return Err(Error::invalid_input(
            "password",
            "must not be empty or blank",
        ));
    }
    Ok(())
}

/// `scheme://host:port` of an address, with the defaults applied.
pub(crate) fn endpoint_text(address: &str) -> Result<String, Error> {
    let text = address.trim();
    if text.is_empty() {
        return Err(Error::invalid_input("address", "must not be empty"));
    }
    let (scheme, rest) = match text.split_once("://") {
        Some((s, rest)) => (s.to_ascii_lowercase(), rest),
        None => ("http".to_owned(), text),
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let has_port = if rest.starts_with('[') {
        rest.contains("]:")
    } else {
        rest.contains(':')
    };
    let endpoint = if has_port || rest.is_empty() {
        format!("{scheme}://{rest}")
    } else {
        format!("{scheme}://{rest}:{DEFAULT_PORT}")
    };
    // Validates scheme, host and port the same way every endpoint is.
    bce_core::Endpoint::parse(&endpoint)?;
    Ok(endpoint)
}

/// Validation helpers shared by the operations.
pub(crate) trait OpExt: Sized {
    /// Appends an id as one escaped path segment; refuses empty, blank,
    /// `/`-containing and dot-segment ids.
    fn id(self, field: &str, value: &str) -> Self;
    /// Adds `maxKeys` when set; refuses values outside 1..=1000.
    fn max_keys(self, value: Option<u32>) -> Self;
    /// Adds a filter when set and not empty; refuses blank values.
    fn filter(self, name: &str, value: Option<&str>) -> Self;
    /// Refuses an empty or blank required value.
    fn required(self, field: &str, value: &str) -> Self;
    /// Refuses an optional value that is set to blanks (`None` and the
    /// empty string, which the server reads as unset, pass).
    fn not_blank(self, field: &str, value: Option<&str>) -> Self;
}

impl OpExt for Operation {
    fn id(self, field: &str, value: &str) -> Self {
        self.check(
            value.is_empty() || !value.trim().is_empty(),
            field,
            "must not be blank",
        )
        .segment(field, value)
    }

    fn max_keys(self, value: Option<u32>) -> Self {
        match value {
            Some(n) => self
                .check(
                    (1..=MAX_KEYS_LIMIT).contains(&n),
                    "max_keys",
                    "must be between 1 and 1000",
                )
                .query("maxKeys", n),
            None => self,
        }
    }

    fn filter(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) if !v.is_empty() => self.not_blank(name, Some(v)).query(name, v),
            _ => self,
        }
    }

    fn required(self, field: &str, value: &str) -> Self {
        self.check(
            !value.trim().is_empty(),
            field,
            "must not be empty or blank",
        )
    }

    fn not_blank(self, field: &str, value: Option<&str>) -> Self {
        let blank = value.is_some_and(|v| !v.is_empty() && v.trim().is_empty());
        self.check(!blank, field, "must not be blank")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(endpoint_text("10.0.0.1").unwrap(), "http://10.0.0.1:8999");
        assert_eq!(
            endpoint_text("pf.example.com:80").unwrap(),
            "http://pf.example.com:80"
        );
        assert_eq!(
            endpoint_text("https://pf.example.com/").unwrap(),
            "https://pf.example.com:8999"
        );
        assert_eq!(endpoint_text("[::1]").unwrap(), "http://[::1]:8999");
        assert_eq!(endpoint_text("[::1]:9000").unwrap(), "http://[::1]:9000");
        for bad in ["", "  ", "ftp://x", "http://", "x/y", "x:0"] {
            assert!(endpoint_text(bad).unwrap_err().is_invalid_input(), "{bad}");
        }
    }

    #[test]
    fn ids_and_paging() {
        let ok = Client::op("show_run", Method::Get, "/run").id("run_id", "a b+c");
        assert!(ok.validation_error().is_none());
        assert_eq!(ok.raw_path(), "/run/a b+c");
        for bad in ["", " ", "a/b", ".", ".."] {
            let op = Client::op("show_run", Method::Get, "/run").id("run_id", bad);
            assert!(op.validation_error().is_some(), "{bad:?}");
        }
        for (n, ok) in [(0, false), (1, true), (1000, true), (1001, false)] {
            let op = Client::op("list_run", Method::Get, "/run").max_keys(Some(n));
            assert_eq!(op.validation_error().is_none(), ok, "{n}");
        }
        let op = Client::op("list_run", Method::Get, "/run")
            .filter("userFilter", Some(""))
            .filter("fsFilter", None);
        assert!(op.query_pairs().is_empty());
        let op = Client::op("list_run", Method::Get, "/run").filter("userFilter", Some(" "));
        assert!(op.validation_error().is_some());
    }
}
