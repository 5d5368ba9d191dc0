//! Driver of the `bec` fixtures, one submodule per area of the API.

use std::future::Future;

use bce_core::{Config, Error};
use bec::Client;
use serde_json::Value;

use crate::{boxed, CallFuture, Driver};

pub mod app_blb;
pub mod blb;
pub mod container;
pub mod vm;
pub mod vpc;

/// Maps Go `services/bec` calls to [`bec::Client`].
#[derive(Debug, Default)]
pub struct BecDriver;

type Part = (
    &'static [&'static str],
    fn(Config, &str, &Value) -> Option<CallFuture>,
);

const PARTS: &[Part] = &[
    (vm::OPS, vm::call),
    (container::OPS, container::call),
    (blb::OPS, blb::call),
    (app_blb::OPS, app_blb::call),
    (vpc::OPS, vpc::call),
];

impl Driver for BecDriver {
    fn service(&self) -> &'static str {
        "bec"
    }

    fn covers(&self, op: &str) -> bool {
        PARTS.iter().any(|(ops, _)| ops.contains(&op))
    }

    fn call(&self, config: Config, op: &str, input: &Value) -> Option<CallFuture> {
        let (_, call) = PARTS.iter().find(|(ops, _)| ops.contains(&op))?;
        call(config, op, input)
    }
}

/// Builds a client from `config` and runs `f` with it, dropping the result.
pub fn run<F, Fut, T>(config: Config, f: F) -> Option<CallFuture>
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, Error>> + Send,
    T: Send,
{
    boxed(async move {
        let client = Client::new(config)?;
        f(client).await.map(|_| ())
    })
}

/// Deserializes the whole Go input object as one value (for Go methods
/// whose several scalar arguments form one of our request structs).
pub fn whole<T: serde::de::DeserializeOwned>(input: &Value, what: &str) -> Result<T, Error> {
    serde_json::from_value(input.clone()).map_err(|e| Error::invalid_input(what, e.to_string()))
}
