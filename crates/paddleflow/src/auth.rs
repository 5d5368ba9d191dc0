//! PaddleFlow's authorization and error shape, plugged into bce-core's
//! pipeline: the login token (obtained lazily with `POST /login`, cached,
//! sent as `x-pf-authorization`, renewed once when the server rejects it)
//! and the `{"requestID", "code", "message"}` error body.

use bce_core::auth::{AuthRequest, Authorizer};
use bce_core::error::{parse_service_error, ErrorDecoder, ServiceError};
use bce_core::{BoxFuture, Error, HttpResponse, Method, Operation, Secret};
use serde::Serialize;
use tokio::sync::Mutex;

use crate::client::{check_user, Client, REQUEST_ID_HEADER, SERVICE, TOKEN_HEADER};
use crate::model::answer;

/// Error codes with which the server rejects a token that a new login fixes
/// (answered with HTTP 400, not 401).
pub const RELOGIN_CODES: &[&str] = &["AuthInvalidToken", "AuthFailed"];

/// Body of `POST /login`.
#[derive(Serialize)]
struct LoginBody<'a> {
    username: &'a str,
    password: &'a Secret,
}

answer! {
    /// Answer of [`Client::login`].
    #[derive(Eq)]
    pub struct LoginResponse {
        /// The token to send as `x-pf-authorization` (never shown in `Debug`).
        pub authorization: Secret,
    }
}

#[derive(Debug, Default)]
struct State {
    user: Option<(String, Secret)>,
    token: Option<Secret>,
}

/// The PaddleFlow authorizer: adds the login token to every attempt.
///
/// Shared by the clones of a [`Client`]. It logs in through its own
/// pipeline client, which sends no token.
#[derive(Debug)]
pub struct TokenAuthorizer {
    state: Mutex<State>,
    login_client: bce_core::Client,
}

impl TokenAuthorizer {
    pub(crate) fn new(
        login_client: bce_core::Client,
        user: Option<(String, Secret)>,
        token: Option<Secret>,
    ) -> Self {
        TokenAuthorizer {
            state: Mutex::new(State { user, token }),
            login_client,
        }
    }

    /// The current token, if any.
    pub(crate) async fn current(&self) -> Option<Secret> {
        self.state.lock().await.token.clone()
    }

    /// Replaces the token.
    pub(crate) async fn set_token(&self, token: Secret) {
        self.state.lock().await.token = Some(token);
    }

    /// The user name and password of the login, if any.
    pub(crate) async fn login_user(&self) -> Option<(String, Secret)> {
        self.state.lock().await.user.clone()
    }

    /// Whether a call can be authorized (a token, or a login to get one).
    pub(crate) async fn can_authorize(&self) -> bool {
        let state = self.state.lock().await;
        state.token.is_some() || state.user.is_some()
    }

    /// The cached token, logging in first when there is none. Concurrent
    /// callers wait for one login.
    async fn token(&self) -> Result<Secret, Error> {
        let mut state = self.state.lock().await;
        if let Some(token) = &state.token {
            return Ok(token.clone());
        }
        let Some((user, password)) = state.user.clone() else {
            return Err(not_logged_in());
        };
        let answer = self.login_request(&user, &password).await?;
        state.token = Some(answer.authorization.clone());
        Ok(answer.authorization)
    }

    /// Sends `POST /login` (without a token).
    pub(crate) async fn login_request(
        &self,
        user: &str,
        password: &Secret,
    ) -> Result<LoginResponse, Error> {
        check_user(user, password)?;
        let op = Operation::new(SERVICE, "login", Method::Post)
            .path("/login")
            .json_plain(&LoginBody {
                username: user,
                password,
            });
        let answer: LoginResponse = self.login_client.send(op).await?;
        if answer.authorization.is_empty() {
            return Err(Error::decode(
                "the login answer carries no authorization token",
                200,
                b"",
            ));
        }
        Ok(answer)
    }

    /// Remembers a successful login.
    pub(crate) async fn logged_in(&self, user: String, password: Secret, token: Secret) {
        let mut state = self.state.lock().await;
        state.user = Some((user, password));
        state.token = Some(token);
    }
}

/// The error of a call made before any login.
pub(crate) fn not_logged_in() -> Error {
    Error::invalid_input(
        "login",
        "not logged in: call login() or give the client a user name and password or a token",
    )
}

impl Authorizer for TokenAuthorizer {
    fn authorize<'a>(
        &'a self,
        request: &'a mut AuthRequest<'_>,
    ) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let token = self.token().await?;
            request.redact(&token);
            request.set_header(TOKEN_HEADER, token.expose());
            Ok(())
        })
    }

    fn on_rejected<'a>(&'a self, error: &'a ServiceError) -> BoxFuture<'a, bool> {
        Box::pin(async move {
            if !RELOGIN_CODES.contains(&error.code()) {
                return false;
            }
            let mut state = self.state.lock().await;
            if state.user.is_none() {
                return false;
            }
            tracing::debug!(code = error.code(), "token rejected; logging in again");
            state.token = None;
            true
        })
    }
}

/// PaddleFlow's error body `{"requestID", "code", "message"}`; the request
/// id also from the `x-pf-request-id` header. Never fails: bodies it does not
/// understand give status-derived codes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PaddleFlowErrorDecoder;

impl ErrorDecoder for PaddleFlowErrorDecoder {
    fn decode(&self, response: &HttpResponse) -> ServiceError {
        parse_service_error(
            response.status,
            response.header(REQUEST_ID_HEADER),
            &response.body,
        )
    }
}

impl Client {
    /// Logs in (`POST /api/paddleflow/v1/login` with `username` and
    /// `password`) and keeps the token for the following calls; the user
    /// name and password are kept to log in again when the token expires.
    /// Blank names and passwords are refused before sending.
    pub async fn login(
        &self,
        user_name: &str,
        password: impl Into<Secret>,
    ) -> Result<LoginResponse, Error> {
        let password = password.into();
        let answer = self.auth.login_request(user_name, &password).await?;
        self.auth
            .logged_in(user_name.to_owned(), password, answer.authorization.clone())
            .await;
        Ok(answer)
    }
}
