//! The login token: obtained lazily with `POST /login`, cached, sent as
//! `x-pf-authorization`, and renewed once when the server rejects it.

use bce_core::{Error, Method, Secret};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use crate::client::{check_user, Client};

/// Error codes with which the server rejects a token that a new login fixes.
pub const RELOGIN_CODES: &[&str] = &["AuthInvalidToken", "AuthFailed"];

/// Body of `POST /login`.
#[derive(Clone, Serialize)]
pub(crate) struct LoginBody<'a> {
    pub(crate) username: &'a str,
    pub(crate) password: &'a str,
}

/// Answer of [`Client::login`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct LoginResponse {
    /// The token to send as `x-pf-authorization` (never shown in `Debug`).
    #[serde(
        deserialize_with = "crate::model::secret::deserialize",
        default = "crate::model::empty_secret"
    )]
    pub authorization: Secret,
}

#[derive(Debug, Default)]
struct State {
    user: Option<(String, Secret)>,
    token: Option<Secret>,
}

/// Login state shared by the clones of a client.
#[derive(Debug)]
pub(crate) struct TokenAuth {
    state: Mutex<State>,
}

impl TokenAuth {
    pub(crate) fn new(user: Option<(String, Secret)>, token: Option<Secret>) -> Self {
        TokenAuth {
            state: Mutex::new(State { user, token }),
        }
    }

    /// Whether `err` is the server rejecting the token.
    pub(crate) fn is_rejection(err: &Error) -> bool {
        err.service_error()
            .is_some_and(|e| RELOGIN_CODES.contains(&e.code.as_str()))
    }

    /// The current token, if any.
    pub(crate) async fn current(&self) -> Option<Secret> {
        self.state.lock().await.token.clone()
    }

    /// The user name and password of the login, if any.
    pub(crate) async fn login_user(&self) -> Option<(String, Secret)> {
        self.state.lock().await.user.clone()
    }

    /// Replaces the token.
    pub(crate) async fn set_token(&self, token: Secret) {
        self.state.lock().await.token = Some(token);
    }

    /// The cached token, logging in first when there is none. Concurrent
    /// callers wait for one login.
    pub(crate) async fn token(&self, client: &Client) -> Result<Secret, Error> {
        let mut state = self.state.lock().await;
        if let Some(token) = &state.token {
            return Ok(token.clone());
        }
        let Some((user, password)) = state.user.clone() else {
            return Err(Error::invalid_input(
                "login",
                "not logged in: call login() or give the client a user name and password or a token",
            ));
        };
        let answer = login_request(client, &user, &password).await?;
        state.token = Some(answer.authorization.clone());
        Ok(answer.authorization)
    }

    /// Drops `rejected` when it is still the cached token and a login can
    /// replace it; returns whether the call should be repeated.
    pub(crate) async fn invalidate(&self, rejected: &Secret) -> bool {
        let mut state = self.state.lock().await;
        if state.user.is_none() {
            return false;
        }
        if state.token.as_ref() == Some(rejected) {
            state.token = None;
        }
        true
    }

    /// Remembers a successful login.
    pub(crate) async fn logged_in(&self, user: String, password: Secret, token: Secret) {
        let mut state = self.state.lock().await;
        state.user = Some((user, password));
        state.token = Some(token);
    }
}

/// Sends `POST /login`.
async fn login_request(
    client: &Client,
    user: &str,
    password: &Secret,
) -> Result<LoginResponse, Error> {
    check_user(user, password)?;
    let op = Client::op("login", Method::Post, "/login").json(&LoginBody {
        username: user,
        password: password.expose(),
    });
    let answer: LoginResponse = client.send_unauthenticated(op).await?;
    if answer.authorization.is_empty() {
        return Err(Error::decode(
            "the login answer carries no authorization token",
            200,
            b"",
        ));
    }
    Ok(answer)
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
        let answer = login_request(self, user_name, &password).await?;
        self.auth
            .logged_in(user_name.to_owned(), password, answer.authorization.clone())
            .await;
        Ok(answer)
    }
}
