//! The configuration of a run: credentials, region and endpoint from the
//! core's default chain or a named profile, overridden by the flags.

use std::sync::Arc;
use std::time::Duration;

use bce_core::credentials::{ENV_ACCESS_KEY_ID, ENV_SECRET_ACCESS_KEY, ENV_SESSION_TOKEN};
use bce_core::profile::ENV_PROFILE;
use bce_core::{Config, ConfigBuilder, Credentials, DefaultChain, NoAuth, Profile, ProfileFiles};

use crate::args::Global;
use crate::dryrun::DryRunTransport;
use crate::failure::Failure;
use crate::output;

/// Keys used by `--dry-run` when no credentials are configured (the
/// signature is masked anyway).
const DRY_RUN_ACCESS_KEY: &str = "AK-DRY-RUN";
const DRY_RUN_SECRET_KEY: &str = "SK-DRY-RUN-NOT-A-KEY";

/// The resolved settings of a run.
pub struct Setup {
    /// The configuration every client is built from.
    pub config: Config,
    /// The profile that was read, if any (its `queue` and `pool` keys).
    pub profile: Option<Profile>,
    /// The recording transport of `--dry-run`.
    pub dry_run: Option<DryRunTransport>,
}

fn register(credentials: &Credentials) {
    output::register_secret(credentials.secret_access_key().expose());
    if let Some(token) = credentials.session_token() {
        output::register_secret(token.expose());
    }
}

/// Builds the configuration for `global`: BCE credentials from the chain
/// when `bce` (AIHC, BEC), none otherwise (services with their own login,
/// which read their settings through [`Setup::setting`]).
pub fn resolve(global: &Global, bce: bool) -> Result<Setup, Failure> {
    if !bce {
        return resolve_plain(global);
    }
    // `--profile NAME` is the default chain with that profile, whose
    // credentials then win over any in the environment; endpoint and region
    // from the environment still win over the files, as in the chain.
    let chain = match &global.profile {
        Some(name) => DefaultChain::resolve_with(|key| match key {
            ENV_PROFILE => Some(name.clone()),
            ENV_ACCESS_KEY_ID | ENV_SECRET_ACCESS_KEY | ENV_SESSION_TOKEN => None,
            other => std::env::var(other).ok(),
        }),
        None => DefaultChain::resolve(),
    };
    let (builder, profile) = match chain {
        Ok(chain) => {
            register(chain.credentials());
            let profile = chain.profile().cloned();
            (chain.into_config_builder(), profile)
        }
        Err(e) if global.dry_run => {
            output::err(&format!(
                "dry run: no credentials ({e}); signing with placeholder keys"
            ));
            let placeholder = Credentials::new(DRY_RUN_ACCESS_KEY, DRY_RUN_SECRET_KEY)?;
            (ConfigBuilder::default().credentials(placeholder), None)
        }
        Err(e) => return Err(e.into()),
    };
    finish(global, builder, profile)
}

/// The configuration of a service with its own login: no BCE credentials,
/// the endpoint only from `--endpoint`; the profile is read for settings.
fn resolve_plain(global: &Global) -> Result<Setup, Failure> {
    let name = global
        .profile
        .clone()
        .or_else(|| {
            std::env::var(ENV_PROFILE)
                .ok()
                .filter(|p| !p.trim().is_empty())
        })
        .unwrap_or_else(|| bce_core::profile::DEFAULT_PROFILE.to_owned());
    let profile = ProfileFiles::from_env()
        .and_then(|files| files.load(&name))
        .ok();
    let builder = ConfigBuilder::default().authorizer(Arc::new(NoAuth));
    finish(global, builder, profile)
}

fn finish(
    global: &Global,
    builder: ConfigBuilder,
    profile: Option<Profile>,
) -> Result<Setup, Failure> {
    let mut builder = builder.user_agent_suffix(format!("bcectl/{}", env!("CARGO_PKG_VERSION")));
    if let Some(region) = &global.region {
        builder = builder.region(region.clone());
    }
    if let Some(endpoint) = &global.endpoint {
        builder = builder.endpoint(endpoint.clone());
    }
    if let Some(limit) = global.timeout {
        builder = builder
            .operation_timeout(limit)
            .attempt_timeout(limit.min(Duration::from_secs(60)));
    }
    let dry_run = global.dry_run.then(DryRunTransport::default);
    if let Some(transport) = &dry_run {
        builder = builder.transport(Arc::new(transport.clone()));
    }
    Ok(Setup {
        config: builder.build()?,
        profile,
        dry_run,
    })
}

/// Whether a setting holds a secret: passwords, tokens, secret keys
/// (`*_sk`, as Huawei's `HUAWEICLOUD_SDK_SK`).
fn is_secret_setting(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    bce_core::redact::is_secret_key(&key) || key.ends_with("_sk") || key.contains("secret")
}

impl Setup {
    /// A setting for a service table: the environment variable of that name
    /// in upper case (`paddleflow_user` → `PADDLEFLOW_USER`), else the
    /// profile's config key. Secret-looking values are never printed.
    pub fn setting(&self, key: &str) -> Option<String> {
        let value = std::env::var(key.to_ascii_uppercase())
            .ok()
            .filter(|v| !v.trim().is_empty())
            .or_else(|| self.profile_value(key))?;
        if is_secret_setting(key) {
            output::register_secret(&value);
        }
        Some(value)
    }

    /// A setting of the profile's config file, e.g. `queue`.
    pub fn profile_value(&self, key: &str) -> Option<String> {
        self.profile
            .as_ref()
            .and_then(|p| p.get(key))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_settings() {
        for key in [
            "paddleflow_password",
            "paddleflow_token",
            "huaweicloud_sdk_sk",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN",
        ] {
            assert!(is_secret_setting(key), "{key}");
        }
        for key in [
            "paddleflow_user",
            "huaweicloud_sdk_ak",
            "huaweicloud_sdk_project_id",
            "queue",
        ] {
            assert!(!is_secret_setting(key), "{key}");
        }
    }
}
