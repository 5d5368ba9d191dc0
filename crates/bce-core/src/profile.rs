//! Credentials and settings from the standard BCE profile files.
//!
//! Baidu's own command line tools keep a key pair and defaults in two INI
//! files of one folder (`~/.bce` unless `BCE_CONFIG_DIR` says otherwise):
//!
//! ```ini
//! # ~/.bce/credentials
//! [defaults]
//! bce_access_key_id = my-access-key
//! bce_secret_access_key = my-secret-key
//! # bce_session_token = …        (optional, STS)
//!
//! [prod]
//! bce_access_key_id = …
//! bce_secret_access_key = …
//! ```
//!
//! ```ini
//! # ~/.bce/config
//! [defaults]
//! region = bj
//! endpoint = aihc.bj.baidubce.com
//! queue = default-queue           (any other key stays readable: Profile::get)
//! ```
//!
//! A profile is a section of the same name in either file (`[profile NAME]`
//! is accepted in the config file too). Keys are matched without regard to
//! case; values are taken as written, without quote or escape processing,
//! as Python's `configparser` reads them.
//!
//! * [`ProfileFiles`] locates and reads the files and returns a [`Profile`].
//! * [`DefaultChain`] is what [`Config::from_default_chain`] uses: the
//!   environment first, then the profile named by `BCE_PROFILE`
//!   (default `defaults`).
//! * [`ProfileProvider`] re-reads the credentials before every attempt.
//! * [`write_profile`] creates or updates a profile (files mode `0600`,
//!   a new folder `0700` on Unix), keeping every other section.
//!
//! Errors name the file and the profile; the secret access key and the
//! session token never appear in an error or in `Debug` output.
//!
//! [`Config::from_default_chain`]: crate::Config::from_default_chain

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ini::{EscapePolicy, Ini, LineSeparator, ParseOption, WriteOption};

use crate::config::{ConfigBuilder, Endpoint, ENV_ENDPOINT, ENV_REGION};
use crate::credentials::{
    BoxFuture, Credentials, CredentialsProvider, ENV_ACCESS_KEY_ID, ENV_SECRET_ACCESS_KEY,
};
use crate::error::Error;

/// Environment variable naming the profile (default [`DEFAULT_PROFILE`]).
pub const ENV_PROFILE: &str = "BCE_PROFILE";
/// Environment variable naming the folder of the profile files (default `$HOME/.bce`).
pub const ENV_CONFIG_DIR: &str = "BCE_CONFIG_DIR";
/// The profile used when `BCE_PROFILE` is not set.
pub const DEFAULT_PROFILE: &str = "defaults";
/// Name of the folder under the home folder.
pub const DEFAULT_DIR_NAME: &str = ".bce";
/// File name of the credentials file.
pub const CREDENTIALS_FILE_NAME: &str = "credentials";
/// File name of the config file.
pub const CONFIG_FILE_NAME: &str = "config";
/// Credentials-file key of the access key id.
pub const KEY_ACCESS_KEY_ID: &str = "bce_access_key_id";
/// Credentials-file key of the secret access key.
pub const KEY_SECRET_ACCESS_KEY: &str = "bce_secret_access_key";
/// Credentials-file key of the optional STS session token.
pub const KEY_SESSION_TOKEN: &str = "bce_session_token";
/// Config-file key of the region.
pub const KEY_REGION: &str = "region";
/// Config-file key of the endpoint.
pub const KEY_ENDPOINT: &str = "endpoint";

/// Profile files larger than this are refused rather than read.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

const CREDENTIAL_KEYS: [&str; 3] = [KEY_ACCESS_KEY_ID, KEY_SECRET_ACCESS_KEY, KEY_SESSION_TOKEN];

/// The one place profile problems become an [`Error`].
fn profile_error(message: impl Into<String>) -> Error {
    Error::credentials(message, None)
}

fn io_error(action: &str, path: &Path, err: &io::Error) -> Error {
    profile_error(format!(
        "cannot {action} BCE profile file {}: {err}",
        path.display()
    ))
}

/// Whether a settings key may hold a secret (its value is masked in `Debug`).
fn looks_secret(key: &str) -> bool {
    ["secret", "token", "password", "passwd", "credential"]
        .iter()
        .any(|word| key.contains(word))
}

/// Checks a profile name: non-empty, no brackets, no control characters,
/// no surrounding blanks.
fn check_profile_name(name: &str) -> Result<(), Error> {
    let bad = |why: &str| Error::invalid_input("profile", format!("{why}: {name:?}"));
    if name.trim().is_empty() {
        return Err(bad("a profile name must not be empty"));
    }
    if name.trim() != name {
        return Err(bad("a profile name must not start or end with blanks"));
    }
    if name.contains(['[', ']']) || name.chars().any(char::is_control) {
        return Err(bad(
            "a profile name must not contain brackets or control characters",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------- reading --

fn parse_options() -> ParseOption {
    ParseOption {
        enabled_quote: false,
        enabled_escape: false,
        enabled_indented_mutiline_value: false,
        enabled_preserve_key_leading_whitespace: false,
    }
}

/// Parses INI text. The message of an error holds positions and the
/// parser's fixed wording only, never text of the file.
fn parse_ini(text: &str) -> Result<Ini, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ini = Ini::load_from_str_opt(text, parse_options()).map_err(|e| {
        // Reword the parser's end-of-input messages, which list token sets.
        let why = if e.msg.contains("EOF") && e.msg.contains("']'") {
            "a `[section` is missing its `]`"
        } else if e.msg.contains("EOF") {
            "the file ends inside a line that is not `key = value`"
        } else {
            &e.msg
        };
        format!("line {}, column {}: {why}", e.line, e.col)
    })?;
    // A line without `=` or `:` is read as the start of the next key; refuse
    // it instead of silently losing a setting.
    for (section, props) in ini.iter() {
        if props.iter().any(|(key, _)| key.contains(['\n', '\r'])) {
            let place = match section {
                Some(s) => format!("section [{s}]"),
                None => "the lines before the first section".to_owned(),
            };
            return Err(format!(
                "{place} has a line that is neither `[section]`, a comment nor `key = value`"
            ));
        }
    }
    Ok(ini)
}

/// Reads and parses one profile file; `Ok(None)` when it does not exist.
fn read_ini(path: &Path) -> Result<Option<Ini>, Error> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("read", path, &e)),
    };
    let mut text = String::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| io_error("read", path, &e))?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(profile_error(format!(
            "cannot read BCE profile file {}: larger than {MAX_FILE_BYTES} bytes",
            path.display()
        )));
    }
    parse_ini(&text).map(Some).map_err(|why| {
        profile_error(format!(
            "cannot parse BCE profile file {}: {why}",
            path.display()
        ))
    })
}

/// The keys (lower-cased) and values of every section called `name`; later
/// values win. `None` when there is no such section.
fn section_values(ini: &Ini, name: &str) -> Option<BTreeMap<String, String>> {
    let mut found = false;
    let mut values = BTreeMap::new();
    for (section, props) in ini.iter() {
        if section != Some(name) {
            continue;
        }
        found = true;
        for (key, value) in props.iter() {
            values.insert(key.to_ascii_lowercase(), value.to_owned());
        }
    }
    found.then_some(values)
}

fn config_section_values(ini: &Ini, name: &str) -> Option<BTreeMap<String, String>> {
    section_values(ini, name).or_else(|| section_values(ini, &format!("profile {name}")))
}

fn non_empty(map: &BTreeMap<String, String>, key: &str) -> Option<String> {
    map.get(key)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Credentials of a credentials-file section, or why there are none (naming
/// the key, the profile and the file, never a value).
fn credentials_of(
    values: &BTreeMap<String, String>,
    name: &str,
    path: &Path,
) -> Result<Credentials, String> {
    let ak = non_empty(values, KEY_ACCESS_KEY_ID);
    let sk = non_empty(values, KEY_SECRET_ACCESS_KEY);
    let token = non_empty(values, KEY_SESSION_TOKEN);
    let missing = |key: &str| {
        format!(
            "profile {name:?} in {}: {key} is missing or empty",
            path.display()
        )
    };
    let built = match (ak, sk) {
        (None, None) => {
            return Err(format!(
                "profile {name:?} in {} has no {KEY_ACCESS_KEY_ID} / {KEY_SECRET_ACCESS_KEY}",
                path.display()
            ))
        }
        (None, Some(_)) => return Err(missing(KEY_ACCESS_KEY_ID)),
        (Some(_), None) => return Err(missing(KEY_SECRET_ACCESS_KEY)),
        (Some(ak), Some(sk)) => match token {
            Some(token) => Credentials::with_session_token(ak, sk, token),
            None => Credentials::new(ak, sk),
        },
    };
    // The constructors only report which field is empty; say where it is.
    built.map_err(|e| format!("profile {name:?} in {}: {e}", path.display()))
}

/// Why a profile could not be found (as opposed to a file that could not be read).
struct NotFound(String);

// ------------------------------------------------------------ ProfileFiles --

/// The folder of the profile files: `credentials` and `config`.
///
/// ```
/// use bce_core::ProfileFiles;
/// let files = ProfileFiles::new("/home/me/.bce");
/// assert!(files.credentials_path().ends_with("credentials"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileFiles {
    dir: PathBuf,
}

impl ProfileFiles {
    /// The files in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        ProfileFiles { dir: dir.into() }
    }

    /// The folder named by `BCE_CONFIG_DIR`, else `$HOME/.bce`
    /// (`%USERPROFILE%\.bce` where `HOME` is not set).
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`ProfileFiles::from_env`], reading variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let var = |k: &str| lookup(k).filter(|v| !v.trim().is_empty());
        if let Some(dir) = var(ENV_CONFIG_DIR) {
            return Ok(ProfileFiles::new(dir));
        }
        match var("HOME").or_else(|| var("USERPROFILE")) {
            Some(home) => Ok(ProfileFiles::new(Path::new(&home).join(DEFAULT_DIR_NAME))),
            None => Err(profile_error(format!(
                "cannot locate the BCE profile files: neither {ENV_CONFIG_DIR} nor HOME is set"
            ))),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `<dir>/credentials`.
    pub fn credentials_path(&self) -> PathBuf {
        self.dir.join(CREDENTIALS_FILE_NAME)
    }

    /// `<dir>/config`.
    pub fn config_path(&self) -> PathBuf {
        self.dir.join(CONFIG_FILE_NAME)
    }

    /// Reads profile `name` from both files.
    ///
    /// Either file may be missing as long as the other has the profile.
    /// Errors: a file that exists but cannot be read or parsed (naming the
    /// file); a profile in neither file (naming the profile and the files).
    /// Incomplete credentials (one key of the pair) are reported by
    /// [`Profile::require_credentials`], so that they do not get in the way
    /// of credentials from the environment.
    pub fn load(&self, name: &str) -> Result<Profile, Error> {
        self.load_inner(name)?
            .map_err(|NotFound(why)| profile_error(why))
    }

    fn load_inner(&self, name: &str) -> Result<Result<Profile, NotFound>, Error> {
        check_profile_name(name)?;
        let credentials_path = self.credentials_path();
        let config_path = self.config_path();
        let cred_ini = read_ini(&credentials_path)?;
        let conf_ini = read_ini(&config_path)?;
        let cred_values = cred_ini.as_ref().and_then(|i| section_values(i, name));
        let conf_values = conf_ini
            .as_ref()
            .and_then(|i| config_section_values(i, name));
        let (cred, conf) = (credentials_path.display(), config_path.display());
        if cred_values.is_none() && conf_values.is_none() {
            let why = match (cred_ini.is_some(), conf_ini.is_some()) {
                (false, false) => format!(
                    "profile {name:?}: BCE profile file {cred} does not exist (nor does {conf})"
                ),
                (true, false) => format!("profile {name:?} not found in {cred}"),
                (false, true) => {
                    format!("profile {name:?} not found in {conf} (and {cred} does not exist)")
                }
                (true, true) => format!("profile {name:?} not found in {cred} nor in {conf}"),
            };
            return Ok(Err(NotFound(why)));
        }
        let (credentials, credentials_problem) = match &cred_values {
            Some(values) => match credentials_of(values, name, &credentials_path) {
                Ok(c) => (Some(c), String::new()),
                Err(why) => (None, why),
            },
            None if cred_ini.is_none() => (
                None,
                format!("profile {name:?}: BCE profile file {cred} does not exist"),
            ),
            None => (None, format!("profile {name:?} not found in {cred}")),
        };
        Ok(Ok(Profile {
            name: name.to_owned(),
            credentials,
            credentials_problem,
            settings: conf_values.unwrap_or_default(),
            credentials_path,
            config_path,
        }))
    }

    /// The names of the profiles in either file, sorted.
    pub fn profile_names(&self) -> Result<Vec<String>, Error> {
        let mut names = Vec::new();
        for (path, is_config) in [(self.credentials_path(), false), (self.config_path(), true)] {
            if let Some(ini) = read_ini(&path)? {
                for section in ini.sections().flatten() {
                    let name = match section.strip_prefix("profile ") {
                        Some(rest) if is_config => rest.trim(),
                        _ => section,
                    };
                    names.push(name.to_owned());
                }
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Creates or updates profile `name`; see [`write_profile`].
    pub fn write(&self, name: &str, values: &ProfileValues) -> Result<Vec<PathBuf>, Error> {
        write_profile(&self.dir, name, values)
    }
}

// ----------------------------------------------------------------- Profile --

/// One profile: its credentials (if the credentials file has them) and the
/// settings of its config-file section.
///
/// `Debug` masks the secret access key and the session token, and the value
/// of any setting whose key looks secret (`secret`, `token`, `password`, …).
#[derive(Clone)]
pub struct Profile {
    name: String,
    credentials: Option<Credentials>,
    credentials_problem: String,
    settings: BTreeMap<String, String>,
    credentials_path: PathBuf,
    config_path: PathBuf,
}

impl Profile {
    /// The profile name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The credentials of the profile, if the credentials file has them.
    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }

    /// The credentials, or an error naming the profile and the file.
    pub fn require_credentials(&self) -> Result<Credentials, Error> {
        self.credentials
            .clone()
            .ok_or_else(|| profile_error(self.credentials_problem.clone()))
    }

    /// `region` of the config file, if set and not empty.
    pub fn region(&self) -> Option<&str> {
        self.get(KEY_REGION)
    }

    /// `endpoint` of the config file, if set and not empty.
    pub fn endpoint(&self) -> Option<&str> {
        self.get(KEY_ENDPOINT)
    }

    /// Any key of the profile's config-file section (e.g. `queue`), matched
    /// without regard to case; `None` if absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.settings
            .get(&key.to_ascii_lowercase())
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every key (lower-cased) and value of the profile's config-file section.
    pub fn settings(&self) -> impl Iterator<Item = (&str, &str)> {
        self.settings.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The credentials file the profile was read from.
    pub fn credentials_path(&self) -> &Path {
        &self.credentials_path
    }

    /// The config file the profile was read from.
    pub fn config_path(&self) -> &Path {
        &self.config_path
    }

    /// A [`ConfigBuilder`] with the profile's credentials, endpoint and region.
    /// Fails when the profile has no credentials.
    pub fn config_builder(&self) -> Result<ConfigBuilder, Error> {
        let mut builder = ConfigBuilder::default().credentials(self.require_credentials()?);
        if let Some(endpoint) = self.endpoint() {
            builder = builder.endpoint(endpoint);
        }
        if let Some(region) = self.region() {
            builder = builder.region(region);
        }
        Ok(builder)
    }
}

struct MaskedSettings<'a>(&'a BTreeMap<String, String>);

impl fmt::Debug for MaskedSettings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in self.0 {
            if looks_secret(key) {
                map.entry(key, &"***redacted***");
            } else {
                map.entry(key, value);
            }
        }
        map.finish()
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("credentials", &self.credentials)
            .field("settings", &MaskedSettings(&self.settings))
            .field("credentials_path", &self.credentials_path)
            .field("config_path", &self.config_path)
            .finish()
    }
}

// ------------------------------------------------------------ DefaultChain --

/// Where the credentials of a [`DefaultChain`] came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsSource {
    /// `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY` / `BCE_SESSION_TOKEN`.
    Environment,
    /// The credentials file at this path.
    Profile(PathBuf),
}

/// The default configuration chain, successor of [`Config::from_env`]:
///
/// 1. credentials from the environment when `BCE_ACCESS_KEY_ID` or
///    `BCE_SECRET_ACCESS_KEY` is set (both are then required, as
///    [`Credentials::from_lookup`] reads them), else from the profile;
/// 2. endpoint and region from `BCE_ENDPOINT` / `BCE_REGION`, else from the
///    profile's config file;
/// 3. the profile is `BCE_PROFILE` (default `defaults`) in `BCE_CONFIG_DIR`
///    (default `$HOME/.bce`).
///
/// With credentials in the environment and no `BCE_PROFILE`, missing profile
/// files are fine; a profile file that exists but cannot be read or parsed is
/// always an error, and so is a `BCE_PROFILE` that names no profile.
///
/// [`Config::from_env`]: crate::Config::from_env
#[derive(Debug, Clone)]
pub struct DefaultChain {
    credentials: Credentials,
    source: CredentialsSource,
    endpoint: Option<String>,
    region: Option<String>,
    profile: Option<Profile>,
}

impl DefaultChain {
    /// Resolves the chain from the process environment and the profile files.
    pub fn resolve() -> Result<Self, Error> {
        Self::resolve_with(|k| std::env::var(k).ok())
    }

    /// Resolves the chain reading variables (including `BCE_CONFIG_DIR` and
    /// `HOME`) through `lookup`, so tests never touch the real home folder.
    pub fn resolve_with(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let var = |k: &str| lookup(k).filter(|v| !v.trim().is_empty());
        let requested = var(ENV_PROFILE).map(|p| p.trim().to_owned());
        let name = requested.as_deref().unwrap_or(DEFAULT_PROFILE);
        let env_credentials =
            var(ENV_ACCESS_KEY_ID).is_some() || var(ENV_SECRET_ACCESS_KEY).is_some();
        // Without BCE_PROFILE and with credentials in the environment, the
        // profile is optional.
        let optional = env_credentials && requested.is_none();
        let no_env = format!("{ENV_ACCESS_KEY_ID} is not set in the environment and");

        let profile = match ProfileFiles::from_lookup(&lookup) {
            Ok(files) => match files.load_inner(name)? {
                Ok(profile) => Some(profile),
                Err(_) if optional => None,
                Err(NotFound(why)) if env_credentials => return Err(profile_error(why)),
                Err(NotFound(why)) => {
                    return Err(profile_error(format!("no credentials: {no_env} {why}")))
                }
            },
            Err(_) if optional => None,
            Err(e) if env_credentials => return Err(e),
            Err(_) => {
                return Err(profile_error(format!(
                    "no credentials: {no_env} neither {ENV_CONFIG_DIR} nor HOME is set to locate the BCE profile files"
                )))
            }
        };

        let (credentials, source) = if env_credentials {
            (
                Credentials::from_lookup(&lookup)?,
                CredentialsSource::Environment,
            )
        } else {
            // `profile` is always Some here: not found without env credentials returned above.
            let profile = profile.as_ref().ok_or_else(|| {
                profile_error(format!("no credentials: {no_env} no BCE profile was found"))
            })?;
            let credentials = profile.credentials.clone().ok_or_else(|| {
                profile_error(format!(
                    "no credentials: {no_env} {}",
                    profile.credentials_problem
                ))
            })?;
            (
                credentials,
                CredentialsSource::Profile(profile.credentials_path().to_path_buf()),
            )
        };
        let from_profile =
            |get: fn(&Profile) -> Option<&str>| profile.as_ref().and_then(get).map(str::to_owned);
        Ok(DefaultChain {
            credentials,
            source,
            endpoint: var(ENV_ENDPOINT).or_else(|| from_profile(Profile::endpoint)),
            region: var(ENV_REGION).or_else(|| from_profile(Profile::region)),
            profile,
        })
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Where the credentials came from.
    pub fn credentials_source(&self) -> &CredentialsSource {
        &self.source
    }

    /// The endpoint, if the environment or the profile sets one.
    pub fn endpoint(&self) -> Option<&str> {
        self.endpoint.as_deref()
    }

    /// The region, if the environment or the profile sets one.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The profile that was read, if any (its other settings, e.g. `queue`).
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// A [`ConfigBuilder`] with these credentials, endpoint and region.
    pub fn into_config_builder(self) -> ConfigBuilder {
        let mut builder = ConfigBuilder::default().credentials(self.credentials);
        if let Some(endpoint) = self.endpoint {
            builder = builder.endpoint(endpoint);
        }
        if let Some(region) = self.region {
            builder = builder.region(region);
        }
        builder
    }
}

// --------------------------------------------------------- ProfileProvider --

/// A [`CredentialsProvider`] that reads a profile's credentials file before
/// every attempt, so credentials rewritten by another tool (a refreshed STS
/// token) are picked up without rebuilding the client.
///
/// ```
/// use std::sync::Arc;
/// use bce_core::{Config, ProfileFiles, ProfileProvider};
/// let provider = ProfileProvider::new(ProfileFiles::new("/etc/my-app/bce"), "prod");
/// let config = Config::builder().credentials_provider(Arc::new(provider)).build()?;
/// # let _ = config; Ok::<(), bce_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ProfileProvider {
    files: ProfileFiles,
    name: String,
}

impl ProfileProvider {
    /// Profile `name` of `files`.
    pub fn new(files: ProfileFiles, name: impl Into<String>) -> Self {
        ProfileProvider {
            files,
            name: name.into(),
        }
    }

    /// The profile named by `BCE_PROFILE` (default `defaults`) in
    /// `BCE_CONFIG_DIR` (default `$HOME/.bce`).
    pub fn from_env() -> Result<Self, Error> {
        let name = std::env::var(ENV_PROFILE)
            .ok()
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        Ok(ProfileProvider::new(ProfileFiles::from_env()?, name))
    }

    /// The profile name.
    pub fn profile_name(&self) -> &str {
        &self.name
    }

    /// The files read.
    pub fn files(&self) -> &ProfileFiles {
        &self.files
    }
}

impl CredentialsProvider for ProfileProvider {
    fn credentials(&self) -> BoxFuture<'_, Result<Credentials, Error>> {
        // Two small local files: read them right away rather than on a
        // blocking-task thread.
        let result = self
            .files
            .load(&self.name)
            .and_then(|p| p.require_credentials());
        Box::pin(async move { result })
    }
}

// ----------------------------------------------------------------- writing --

/// What [`write_profile`] puts into a profile. Only what is set is changed;
/// every other key and section of the files stays.
///
/// Setting credentials replaces the profile's key pair and session token as a
/// whole (a token left from an earlier key pair is removed). `Debug` masks the
/// secrets.
///
/// ```
/// use bce_core::{Credentials, ProfileValues};
/// let values = ProfileValues::new()
///     .credentials(Credentials::new("my-ak", "my-sk")?)
///     .region("bj")
///     .set("queue", "default-queue");
/// assert!(!format!("{values:?}").contains("my-sk"));
/// # Ok::<(), bce_core::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ProfileValues {
    credentials: Option<Credentials>,
    settings: BTreeMap<String, Option<String>>,
}

impl ProfileValues {
    /// Nothing to change yet.
    pub fn new() -> Self {
        ProfileValues::default()
    }

    /// Credentials for the credentials file.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// `region` in the config file.
    pub fn region(self, region: impl Into<String>) -> Self {
        self.set(KEY_REGION, region)
    }

    /// `endpoint` in the config file.
    pub fn endpoint(self, endpoint: impl Into<String>) -> Self {
        self.set(KEY_ENDPOINT, endpoint)
    }

    /// Any other config-file key (stored lower-cased), e.g. `queue`.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.settings
            .insert(key.into().to_ascii_lowercase(), Some(value.into()));
        self
    }

    /// Removes a config-file key.
    pub fn unset(mut self, key: impl Into<String>) -> Self {
        self.settings.insert(key.into().to_ascii_lowercase(), None);
        self
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.credentials.is_none() && self.settings.is_empty()
    }

    fn check(&self) -> Result<(), Error> {
        // The value is never part of the message: it may be a secret.
        let check_value = |key: &str, value: &str| {
            if value.trim().is_empty() {
                return Err(Error::invalid_input(key, "must not be empty"));
            }
            if value.trim() != value || value.chars().any(char::is_control) {
                return Err(Error::invalid_input(
                    key,
                    "must not contain control characters or start or end with blanks",
                ));
            }
            Ok(())
        };
        if let Some(c) = &self.credentials {
            check_value(KEY_ACCESS_KEY_ID, c.access_key_id())?;
            check_value(KEY_SECRET_ACCESS_KEY, c.secret_access_key().expose())?;
            if let Some(token) = c.session_token() {
                check_value(KEY_SESSION_TOKEN, token.expose())?;
            }
        }
        for (key, value) in &self.settings {
            let key_ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
            if !key_ok {
                return Err(Error::invalid_input(
                    "key",
                    format!("{key:?}: a config key is made of letters, digits, '_', '-' and '.'"),
                ));
            }
            if CREDENTIAL_KEYS.contains(&key.as_str()) {
                return Err(Error::invalid_input(
                    key.as_str(),
                    "credentials go to the credentials file: use ProfileValues::credentials",
                ));
            }
            if let Some(value) = value {
                check_value(key, value)?;
                if key == KEY_ENDPOINT {
                    Endpoint::parse(value)?;
                }
                if key == KEY_REGION && value.contains('/') {
                    return Err(Error::invalid_input(KEY_REGION, "must not contain '/'"));
                }
            }
        }
        Ok(())
    }
}

/// Removes `key` (any case) from every section called `name`.
fn remove_key(ini: &mut Ini, name: &str, key: &str) {
    for props in ini.section_all_mut(Some(name)) {
        let doomed: Vec<String> = props
            .iter()
            .map(|(k, _)| k)
            .filter(|k| k.eq_ignore_ascii_case(key))
            .map(str::to_owned)
            .collect();
        for k in doomed {
            props.remove_all(&k).for_each(drop);
        }
    }
}

fn set_key(ini: &mut Ini, name: &str, key: &str, value: Option<&str>) {
    remove_key(ini, name, key);
    if let Some(value) = value {
        ini.with_section(Some(name)).set(key, value);
    }
}

fn render(ini: &Ini) -> Result<Vec<u8>, io::Error> {
    let mut out = Vec::new();
    ini.write_to_opt(
        &mut out,
        WriteOption {
            // Values were checked (or read) free of control characters;
            // writing them as they are keeps them readable by other tools.
            escape_policy: EscapePolicy::Nothing,
            line_separator: LineSeparator::CR,
            kv_separator: " = ",
        },
    )?;
    Ok(out)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to a new file (mode 0600 on Unix) beside `path` and renames
/// it over `path`, so a reader never sees half a file. A symbolic link is
/// followed and its target replaced.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| io_error("write", path, &e))?
        }
        _ => path.to_path_buf(),
    };
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(
        ".{file_name}.tmp-{}-{}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| -> io::Result<()> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&temp)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Whatever the umask did.
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(|e| io_error("write", path, &e))
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| {
        profile_error(format!(
            "cannot create the BCE profile folder {}: {e}",
            dir.display()
        ))
    })
}

/// Creates or updates profile `name` in `dir/credentials` and `dir/config`
/// (the files the command line tool's `configure` writes), keeping every
/// other section and key. Returns the files written.
///
/// * Credentials go to the credentials file, every other value to the config
///   file; a file is only written when something of it changes.
/// * Everything is checked, and both files read, before anything is written:
///   a value with a control character, an invalid endpoint, or an existing
///   file that cannot be parsed leaves both files as they were.
/// * Files are replaced atomically and end up with mode `0600` on Unix; a
///   folder created here gets mode `0700` (an existing one is left alone).
/// * Comments in a rewritten file are not kept (the INI library does not
///   keep them); keys and sections are.
/// * No value appears in an error.
pub fn write_profile(
    dir: &Path,
    name: &str,
    values: &ProfileValues,
) -> Result<Vec<PathBuf>, Error> {
    check_profile_name(name)?;
    values.check()?;
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let files = ProfileFiles::new(dir);
    let mut plan: Vec<(PathBuf, Ini)> = Vec::new();

    if let Some(credentials) = &values.credentials {
        let path = files.credentials_path();
        let mut ini = read_ini(&path)?.unwrap_or_default();
        for key in CREDENTIAL_KEYS {
            remove_key(&mut ini, name, key);
        }
        let mut section = ini.with_section(Some(name));
        section
            .set(KEY_ACCESS_KEY_ID, credentials.access_key_id())
            .set(
                KEY_SECRET_ACCESS_KEY,
                credentials.secret_access_key().expose(),
            );
        if let Some(token) = credentials.session_token() {
            section.set(KEY_SESSION_TOKEN, token.expose());
        }
        plan.push((path, ini));
    }

    if !values.settings.is_empty() {
        let path = files.config_path();
        let mut ini = read_ini(&path)?.unwrap_or_default();
        // Update `[profile NAME]` if that is how the file spells it.
        let aws_style = format!("profile {name}");
        let section =
            if section_values(&ini, name).is_none() && section_values(&ini, &aws_style).is_some() {
                aws_style
            } else {
                name.to_owned()
            };
        for (key, value) in &values.settings {
            set_key(&mut ini, &section, key, value.as_deref());
        }
        plan.push((path, ini));
    }

    create_dir(dir)?;
    let mut written = Vec::new();
    for (path, ini) in plan {
        let bytes = render(&ini).map_err(|e| io_error("write", &path, &e))?;
        write_atomically(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "SK-PROFILE-UNIT-5c1e9a";
    const TOKEN: &str = "TOK-PROFILE-UNIT-0d7b44";

    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> Self {
            static N: AtomicU64 = AtomicU64::new(0);
            let dir = std::env::temp_dir().join(format!(
                "bce-core-profile-unit-{tag}-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
        fn write(&self, file: &str, text: &str) {
            fs::write(self.0.join(file), text).unwrap();
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn parses_like_configparser() {
        let ini = parse_ini(
            "\u{feff}; comment\n# comment\n[defaults]\nBCE_Access_Key_Id = ak\n\
             bce_secret_access_key: sk # not a comment\nregion=\n",
        )
        .unwrap();
        let values = section_values(&ini, "defaults").unwrap();
        assert_eq!(values["bce_access_key_id"], "ak");
        assert_eq!(values["bce_secret_access_key"], "sk # not a comment");
        assert_eq!(non_empty(&values, "region"), None);
        // Quotes and backslashes are part of the value.
        let ini = parse_ini("[a]\nk = \"q\" C:\\x\n").unwrap();
        assert_eq!(section_values(&ini, "a").unwrap()["k"], "\"q\" C:\\x");
        // Later values and repeated sections win.
        let ini = parse_ini("[a]\nk = 1\n[b]\n[a]\nK = 2\n").unwrap();
        assert_eq!(section_values(&ini, "a").unwrap()["k"], "2");
        assert!(section_values(&ini, "c").is_none());
    }

    #[test]
    fn malformed_lines_are_refused_without_echo() {
        for text in [
            format!("[defaults]\n{SECRET}\nregion = bj\n"),
            format!("[defaults\nbce_secret_access_key = {SECRET}\n"),
            format!("[defaults]\n= {SECRET}\n"),
        ] {
            let err = parse_ini(&text).unwrap_err();
            assert!(!err.contains(SECRET), "{err}");
            assert!(err.contains("line") || err.contains("section"), "{err}");
        }
    }

    #[test]
    fn profile_names_are_checked() {
        for bad in ["", " ", " a", "a ", "a]b", "[a", "a\nb"] {
            let err = check_profile_name(bad).unwrap_err();
            assert!(err.is_invalid_input(), "{bad:?}");
            assert!(err.to_string().contains("profile"), "{err}");
        }
        check_profile_name("prod-1.cn_north").unwrap();
    }

    #[test]
    fn partial_credentials_name_the_key_not_the_value() {
        let dir = TempDir::new("partial");
        dir.write(
            "credentials",
            &format!("[defaults]\nbce_secret_access_key = {SECRET}\n"),
        );
        let profile = ProfileFiles::new(&dir.0).load("defaults").unwrap();
        let err = profile.require_credentials().unwrap_err();
        let text = format!("{err} {err:?} {profile:?}");
        assert!(text.contains(KEY_ACCESS_KEY_ID), "{text}");
        assert!(text.contains("credentials"), "{text}");
        assert!(!text.contains(SECRET), "{text}");
    }

    #[test]
    fn config_only_profile_has_no_credentials() {
        let dir = TempDir::new("config-only");
        dir.write("config", "[profile ci]\nregion = gz\nQueue = q-1\n");
        let files = ProfileFiles::new(&dir.0);
        let p = files.load("ci").unwrap();
        assert_eq!((p.region(), p.get("QUEUE")), (Some("gz"), Some("q-1")));
        assert!(p.credentials().is_none());
        let err = p.require_credentials().unwrap_err().to_string();
        assert!(
            err.contains("does not exist") && err.contains("credentials"),
            "{err}"
        );
        assert_eq!(files.profile_names().unwrap(), vec!["ci".to_owned()]);
    }

    #[test]
    fn debug_masks_secret_looking_settings() {
        let dir = TempDir::new("debug");
        dir.write(
            "credentials",
            &format!("[defaults]\nbce_access_key_id = AK-SHOWN\nbce_secret_access_key = {SECRET}\nbce_session_token = {TOKEN}\n"),
        );
        dir.write(
            "config",
            &format!("[defaults]\nregion = bj\nregistry_password = {SECRET}\n"),
        );
        let p = ProfileFiles::new(&dir.0).load("defaults").unwrap();
        for text in [format!("{p:?}"), format!("{p:#?}")] {
            assert!(text.contains("AK-SHOWN") && text.contains("bj"), "{text}");
            assert!(!text.contains(SECRET) && !text.contains(TOKEN), "{text}");
        }
    }

    #[test]
    fn writer_round_trips_and_keeps_other_sections() {
        let dir = TempDir::new("roundtrip");
        dir.write(
            "credentials",
            "[other]\nbce_access_key_id = o-ak\nbce_secret_access_key = o-sk\nextra = kept\n\n\
             [defaults]\nBCE_ACCESS_KEY_ID = old\nbce_secret_access_key = old\nbce_session_token = stale\n",
        );
        dir.write("config", "[profile defaults]\nregion = gz\nqueue = q0\n");
        let creds = Credentials::new("ak-new", "sk;#=:\\ \"odd\"").unwrap();
        let values = ProfileValues::new()
            .credentials(creds.clone())
            .region("bd")
            .set("Queue", "q1")
            .unset("nothing-here");
        let written = write_profile(&dir.0, "defaults", &values).unwrap();
        assert_eq!(written.len(), 2);
        let files = ProfileFiles::new(&dir.0);
        let p = files.load("defaults").unwrap();
        assert_eq!(p.credentials(), Some(&creds), "stale token is gone");
        assert_eq!((p.region(), p.get("queue")), (Some("bd"), Some("q1")));
        let other = files.load("other").unwrap();
        assert_eq!(other.credentials().unwrap().access_key_id(), "o-ak");
        let text = fs::read_to_string(files.credentials_path()).unwrap();
        assert!(text.contains("extra = kept"), "{text}");
        assert_eq!(text.matches("bce_access_key_id").count(), 2, "{text}");
        let config = fs::read_to_string(files.config_path()).unwrap();
        assert!(
            config.contains("[profile defaults]") && !config.contains("[defaults]"),
            "{config}"
        );
        let leftovers: Vec<_> = fs::read_dir(&dir.0)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn writer_checks_before_writing() {
        let dir = TempDir::new("checks");
        let bad_secret = format!("{SECRET}\n[evil]");
        let values =
            ProfileValues::new().credentials(Credentials::new("ak", bad_secret.as_str()).unwrap());
        let err = write_profile(&dir.0, "defaults", &values).unwrap_err();
        assert!(err.to_string().contains(KEY_SECRET_ACCESS_KEY), "{err}");
        assert!(!format!("{err} {err:?}").contains(SECRET));
        for values in [
            ProfileValues::new().set("bce_secret_access_key", "x"),
            ProfileValues::new().set("a b", "x"),
            ProfileValues::new().set("queue", " padded"),
            ProfileValues::new().set("queue", ""),
            ProfileValues::new().endpoint("ftp://x"),
            ProfileValues::new().region("a/b"),
        ] {
            assert!(
                write_profile(&dir.0, "defaults", &values).is_err(),
                "{values:?}"
            );
        }
        assert!(write_profile(&dir.0, "a]", &ProfileValues::new().region("bj")).is_err());
        // An unparsable existing file is left alone and nothing is written.
        dir.write("config", "[broken\n");
        let values = ProfileValues::new()
            .credentials(Credentials::new("ak", "sk").unwrap())
            .region("bj");
        let err = write_profile(&dir.0, "defaults", &values).unwrap_err();
        assert!(err.to_string().contains("config"), "{err}");
        assert!(!dir.0.join("credentials").exists());
        assert_eq!(
            fs::read_to_string(dir.0.join("config")).unwrap(),
            "[broken\n"
        );
        assert!(write_profile(&dir.0, "defaults", &ProfileValues::new())
            .unwrap()
            .is_empty());
    }
}
