//! Credentials and settings from the BCE profile files (`credentials`,
//! `config`), the default chain and the profile writer. Every test works in
//! its own temporary folder and passes the environment as a closure, so the
//! real home folder and environment are never read.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bce_core::profile::CredentialsSource;
use bce_core::{
    write_profile, Client, Config, ConfigBuilder, Credentials, CredentialsProvider, DefaultChain,
    HttpResponse, Method, Operation, ProfileFiles, ProfileProvider, ProfileValues, RetryPolicy,
};
use bce_testkit::RecordingTransport;

const SECRET: &str = "SK-PROFILE-IT-93be0f2c";
const TOKEN: &str = "TOKEN-PROFILE-IT-41d7aa";
const ENV_SECRET: &str = "SK-ENV-IT-6a02c3";

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "bce-core-profile-it-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, file: &str, text: &str) {
        fs::write(self.0.join(file), text).unwrap();
    }

    /// The path of `file` in this folder, as the errors print it.
    fn file_path(&self, file: &str) -> String {
        self.0.join(file).display().to_string()
    }

    fn path_str(&self) -> String {
        self.0.to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A fake environment.
/// The error of loading `profile` from the files in `dir`, as text.
fn load_error(dir: &TempDir, profile: &str) -> String {
    ProfileFiles::new(dir.path())
        .load(profile)
        .unwrap_err()
        .to_string()
}

/// The error of resolving the default chain in environment `pairs`, as text.
fn chain_error(pairs: &[(&str, &str)]) -> String {
    DefaultChain::resolve_with(env(pairs))
        .unwrap_err()
        .to_string()
}

/// Asserts that an error names the file at `path` and says `what` of it.
#[track_caller]
fn assert_names_file(err: &str, path: &str, what: &str) {
    assert!(err.contains(path) && err.contains(what), "{err}");
}

fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

/// A folder with two profiles and a config file.
fn standard_files(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    dir.write(
        "credentials",
        &format!(
            "[defaults]\n\
             bce_access_key_id = AK-DEFAULTS\n\
             bce_secret_access_key = {SECRET}\n\
             \n\
             [prod]\n\
             bce_access_key_id = AK-PROD\n\
             bce_secret_access_key = {SECRET}\n\
             bce_session_token = {TOKEN}\n"
        ),
    );
    dir.write(
        "config",
        "[defaults]\n\
         region = gz\n\
         endpoint = http://127.0.0.1:18471\n\
         queue = default-queue\n\
         \n\
         [prod]\n\
         region = su\n",
    );
    dir
}

/// Asserts that neither secret appears in any of `texts`.
fn assert_no_secret(texts: &[String]) {
    for text in texts {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(!text.contains(TOKEN), "token leaked: {text}");
        assert!(!text.contains(ENV_SECRET), "env secret leaked: {text}");
    }
}

#[test]
fn defaults_profile_with_config() {
    let dir = standard_files("defaults");
    let lookup = env(&[("BCE_CONFIG_DIR", &dir.path_str())]);
    let chain = DefaultChain::resolve_with(&lookup).unwrap();
    assert_eq!(chain.credentials().access_key_id(), "AK-DEFAULTS");
    assert_eq!(chain.credentials().secret_access_key().expose(), SECRET);
    assert!(chain.credentials().session_token().is_none());
    assert_eq!(
        chain.credentials_source(),
        &CredentialsSource::Profile(dir.path().join("credentials"))
    );
    assert_eq!(chain.region(), Some("gz"));
    assert_eq!(chain.endpoint(), Some("http://127.0.0.1:18471"));
    let profile = chain.profile().unwrap();
    assert_eq!(profile.name(), "defaults");
    assert_eq!(profile.get("queue"), Some("default-queue"));
    assert_eq!(profile.get("missing"), None);

    let config = ConfigBuilder::from_default_chain_lookup(&lookup)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(config.region(), "gz");
    assert_eq!(
        config.endpoint().unwrap().base_url(),
        "http://127.0.0.1:18471"
    );
    assert_no_secret(&[
        format!("{chain:?}"),
        format!("{profile:?}"),
        format!("{config:?}"),
    ]);
}

#[test]
fn home_folder_is_the_default_location() {
    let home = TempDir::new("home");
    fs::create_dir_all(home.path().join(".bce")).unwrap();
    fs::write(
        home.path().join(".bce/credentials"),
        format!("[defaults]\nbce_access_key_id = AK-HOME\nbce_secret_access_key = {SECRET}\n"),
    )
    .unwrap();
    let chain = DefaultChain::resolve_with(env(&[("HOME", &home.path_str())])).unwrap();
    assert_eq!(chain.credentials().access_key_id(), "AK-HOME");
    // No config file: no region or endpoint, the builder's defaults apply.
    assert_eq!((chain.region(), chain.endpoint()), (None, None));
    let config = chain.into_config_builder().build().unwrap();
    assert_eq!(config.region(), "bj");
}

#[test]
fn named_profile_via_bce_profile() {
    let dir = standard_files("named");
    let lookup = env(&[("BCE_CONFIG_DIR", &dir.path_str()), ("BCE_PROFILE", "prod")]);
    let chain = DefaultChain::resolve_with(lookup).unwrap();
    assert_eq!(chain.credentials().access_key_id(), "AK-PROD");
    assert_eq!(chain.region(), Some("su"));
    assert_eq!(chain.endpoint(), None);
    assert_eq!(chain.profile().unwrap().get("queue"), None);
}

#[tokio::test]
async fn session_token_from_profile_is_sent() {
    let dir = standard_files("token");
    let files = ProfileFiles::new(dir.path());
    let profile = files.load("prod").unwrap();
    let creds = profile.credentials().unwrap();
    assert_eq!(creds.session_token().map(|t| t.expose()), Some(TOKEN));

    // End to end: a request signed with the profile's credentials carries
    // its access key id and token.
    let t = RecordingTransport::new();
    t.push(Ok(HttpResponse::new(200, "{}")));
    let config = ConfigBuilder::from_profile_files(&files, "prod")
        .unwrap()
        .endpoint("http://127.0.0.1:9")
        .retry(RetryPolicy::none())
        .transport(Arc::new(t.clone()))
        .build()
        .unwrap();
    assert_eq!(config.region(), "su");
    let client = Client::new(config, "x").unwrap();
    client
        .send_no_content(Operation::new("s", "Op", Method::Get).path("/x"))
        .await
        .unwrap();
    let request = t.requests().remove(0);
    assert_eq!(request.header("x-bce-security-token"), Some(TOKEN));
    assert!(request
        .header("Authorization")
        .unwrap()
        .starts_with("bce-auth-v1/AK-PROD/"));
}

#[test]
fn environment_overrides_profile() {
    let dir = standard_files("override");
    let lookup = env(&[
        ("BCE_CONFIG_DIR", &dir.path_str()),
        ("BCE_ACCESS_KEY_ID", "AK-ENV"),
        ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
        ("BCE_REGION", "hkg"),
    ]);
    let chain = DefaultChain::resolve_with(lookup).unwrap();
    assert_eq!(chain.credentials().access_key_id(), "AK-ENV");
    assert_eq!(chain.credentials_source(), &CredentialsSource::Environment);
    // Region from the environment, endpoint still from the profile.
    assert_eq!(chain.region(), Some("hkg"));
    assert_eq!(chain.endpoint(), Some("http://127.0.0.1:18471"));

    // Incomplete profile credentials do not get in the way of the environment's.
    dir.write("credentials", "[defaults]\nbce_access_key_id = AK-ONLY\n");
    let chain = DefaultChain::resolve_with(env(&[
        ("BCE_CONFIG_DIR", &dir.path_str()),
        ("BCE_ACCESS_KEY_ID", "AK-ENV"),
        ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
    ]))
    .unwrap();
    assert_eq!(chain.credentials().access_key_id(), "AK-ENV");
    // Without them the profile's problem is reported.
    let err = chain_error(&[("BCE_CONFIG_DIR", &dir.path_str())]);
    assert!(err.contains("bce_secret_access_key is missing"), "{err}");

    // Half the key pair in the environment is an error, not a silent fallback.
    let lookup = env(&[
        ("BCE_CONFIG_DIR", &dir.path_str()),
        ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
    ]);
    let err = DefaultChain::resolve_with(lookup).unwrap_err();
    assert!(err.to_string().contains("BCE_ACCESS_KEY_ID"), "{err}");
    assert_no_secret(&[err.to_string(), format!("{err:?}")]);
}

#[test]
fn environment_alone_needs_no_profile_files() {
    let empty = TempDir::new("env-only");
    for lookup in [
        env(&[
            ("BCE_CONFIG_DIR", &empty.path_str()),
            ("BCE_ACCESS_KEY_ID", "AK-ENV"),
            ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
        ]),
        // Neither BCE_CONFIG_DIR nor HOME.
        env(&[
            ("BCE_ACCESS_KEY_ID", "AK-ENV"),
            ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
        ]),
    ] {
        let chain = DefaultChain::resolve_with(lookup).unwrap();
        assert_eq!(chain.credentials().access_key_id(), "AK-ENV");
        assert!(chain.profile().is_none());
    }
    // … but an explicitly requested profile must exist.
    let err = chain_error(&[
        ("BCE_CONFIG_DIR", &empty.path_str()),
        ("BCE_PROFILE", "staging"),
        ("BCE_ACCESS_KEY_ID", "AK-ENV"),
        ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
    ]);
    assert!(err.contains("\"staging\""), "{err}");
}

#[test]
fn config_region_and_endpoint_with_other_keys() {
    let dir = TempDir::new("config");
    dir.write(
        "credentials",
        &format!("[defaults]\nbce_access_key_id = ak\nbce_secret_access_key = {SECRET}\n"),
    );
    dir.write(
        "config",
        "# written by hand\n[defaults]\nRegion = fwh\nendpoint: aihc.fwh.baidubce.com\nQueue = q-7\n",
    );
    let files = ProfileFiles::new(dir.path());
    let profile = files.load("defaults").unwrap();
    assert_eq!(profile.region(), Some("fwh"));
    assert_eq!(profile.endpoint(), Some("aihc.fwh.baidubce.com"));
    assert_eq!(profile.get("QUEUE"), Some("q-7"));
    let keys: Vec<&str> = profile.settings().map(|(k, _)| k).collect();
    assert_eq!(keys, ["endpoint", "queue", "region"]);
    let config = ConfigBuilder::from_profile_files(&files, "defaults")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(config.region(), "fwh");
    assert_eq!(
        config.endpoint().unwrap().base_url(),
        "https://aihc.fwh.baidubce.com"
    );
}

#[test]
fn missing_file_error_names_the_file() {
    let dir = TempDir::new("missing");
    let cred_path = dir.file_path("credentials");

    let err = load_error(&dir, "defaults");
    assert_names_file(&err, &cred_path, "does not exist");

    let err = chain_error(&[("BCE_CONFIG_DIR", &dir.path_str())]);
    assert!(err.contains("BCE_ACCESS_KEY_ID"), "{err}");
    assert_names_file(&err, &cred_path, "does not exist");

    // A config file alone does not make credentials.
    dir.write("config", "[defaults]\nregion = bj\n");
    let err = ConfigBuilder::from_profile_files(&ProfileFiles::new(dir.path()), "defaults")
        .unwrap_err()
        .to_string();
    assert_names_file(&err, &cred_path, "does not exist");

    let err = chain_error(&[]);
    assert!(
        err.contains("BCE_CONFIG_DIR") && err.contains("HOME"),
        "{err}"
    );
}

#[test]
fn unreadable_or_malformed_file_error_names_the_file() {
    let dir = TempDir::new("unreadable");
    // A folder where the file should be: cannot be read (even as root).
    fs::create_dir(dir.path().join("credentials")).unwrap();
    let cred_path = dir.file_path("credentials");
    let err = load_error(&dir, "defaults");
    assert_names_file(&err, &cred_path, "cannot read");
    fs::remove_dir(dir.path().join("credentials")).unwrap();

    // Not UTF-8.
    fs::write(dir.path().join("credentials"), b"[defaults]\n\xff\xfe\n").unwrap();
    let err = load_error(&dir, "defaults");
    assert!(err.contains(&cred_path), "{err}");

    // A line that is not `key = value`, holding the secret: named, not echoed.
    dir.write(
        "credentials",
        &format!("[defaults]\nbce_access_key_id = ak\n{SECRET}\n"),
    );
    let err = DefaultChain::resolve_with(env(&[("BCE_CONFIG_DIR", &dir.path_str())])).unwrap_err();
    let text = err.to_string();
    assert_names_file(&text, &cred_path, "cannot parse");
    assert_no_secret(&[text, format!("{err:?}")]);

    // A broken config file is reported even when the environment has credentials.
    dir.write(
        "credentials",
        "[defaults]\nbce_access_key_id = ak\nbce_secret_access_key = sk\n",
    );
    dir.write("config", "[defaults\nregion = bj\n");
    let err = chain_error(&[
        ("BCE_CONFIG_DIR", &dir.path_str()),
        ("BCE_ACCESS_KEY_ID", "AK-ENV"),
        ("BCE_SECRET_ACCESS_KEY", ENV_SECRET),
    ]);
    let config_path = dir.path().join("config").display().to_string();
    assert!(err.contains(&config_path) && err.contains("line"), "{err}");
}

#[test]
fn unknown_profile_error_names_profile_and_file() {
    let dir = standard_files("unknown");
    let cred_path = dir.file_path("credentials");
    let err = load_error(&dir, "nope");
    assert_names_file(&err, &cred_path, "\"nope\"");
    assert!(err.contains("not found"), "{err}");

    let err = chain_error(&[("BCE_CONFIG_DIR", &dir.path_str()), ("BCE_PROFILE", "nope")]);
    assert_names_file(&err, &cred_path, "\"nope\"");

    // A profile only in the config file: credentials are missing from the credentials file.
    dir.write("config", "[ci]\nregion = bj\n");
    let err = ConfigBuilder::from_profile_files(&ProfileFiles::new(dir.path()), "ci")
        .unwrap_err()
        .to_string();
    assert_names_file(&err, &cred_path, "\"ci\"");
    assert_eq!(
        ProfileFiles::new(dir.path()).profile_names().unwrap(),
        ["ci", "defaults", "prod"]
    );
}

#[tokio::test]
async fn profile_provider_rereads_the_file() {
    let dir = standard_files("provider");
    let provider = ProfileProvider::new(ProfileFiles::new(dir.path()), "defaults");
    assert_eq!(
        provider.credentials().await.unwrap().access_key_id(),
        "AK-DEFAULTS"
    );
    write_profile(
        dir.path(),
        "defaults",
        &ProfileValues::new().credentials(Credentials::new("AK-ROTATED", SECRET).unwrap()),
    )
    .unwrap();
    assert_eq!(
        provider.credentials().await.unwrap().access_key_id(),
        "AK-ROTATED"
    );
    fs::remove_file(dir.path().join("credentials")).unwrap();
    let err = provider.credentials().await.unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert_no_secret(&[format!("{provider:?}"), format!("{err:?}")]);
}

#[test]
fn writer_creates_files_and_keeps_other_sections() {
    let base = TempDir::new("writer");
    let dir = base.path().join("nested").join(".bce");
    let values = ProfileValues::new()
        .credentials(Credentials::with_session_token("AK-W", SECRET, TOKEN).unwrap())
        .region("bd")
        .endpoint("aihc.bd.baidubce.com")
        .set("queue", "q-w");
    let written = write_profile(&dir, "defaults", &values).unwrap();
    assert_eq!(written, [dir.join("credentials"), dir.join("config")]);
    assert_no_secret(&[format!("{values:?}"), format!("{written:?}")]);

    // A second profile and a settings-only update keep what is there.
    write_profile(
        &dir,
        "prod",
        &ProfileValues::new().credentials(Credentials::new("AK-P", "sk-p").unwrap()),
    )
    .unwrap();
    let written = write_profile(
        &dir,
        "defaults",
        &ProfileValues::new().set("queue", "q-2").unset("endpoint"),
    )
    .unwrap();
    assert_eq!(written, [dir.join("config")]);

    let lookup = env(&[("BCE_CONFIG_DIR", dir.to_str().unwrap())]);
    let chain = DefaultChain::resolve_with(&lookup).unwrap();
    let creds = chain.credentials();
    assert_eq!(creds.access_key_id(), "AK-W");
    assert_eq!(creds.secret_access_key().expose(), SECRET);
    assert_eq!(creds.session_token().map(|t| t.expose()), Some(TOKEN));
    assert_eq!((chain.region(), chain.endpoint()), (Some("bd"), None));
    assert_eq!(chain.profile().unwrap().get("queue"), Some("q-2"));
    let prod = ProfileFiles::new(&dir).load("prod").unwrap();
    assert_eq!(prod.credentials().unwrap().access_key_id(), "AK-P");

    // The files are what Baidu's tools read: plain `key = value` lines.
    let text = fs::read_to_string(dir.join("credentials")).unwrap();
    assert!(
        text.contains("[defaults]\nbce_access_key_id = AK-W\n"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn written_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

    let base = TempDir::new("modes");
    let dir = base.path().join(".bce");
    let values = ProfileValues::new()
        .credentials(Credentials::new("ak", SECRET).unwrap())
        .region("bj");
    write_profile(&dir, "defaults", &values).unwrap();
    assert_eq!(mode(&dir), 0o700, "new folder");
    assert_eq!(mode(&dir.join("credentials")), 0o600);
    assert_eq!(mode(&dir.join("config")), 0o600);

    // An existing world-readable file comes back private; an existing folder
    // keeps its mode.
    let shared = TempDir::new("modes-existing");
    fs::set_permissions(shared.path(), fs::Permissions::from_mode(0o755)).unwrap();
    shared.write("credentials", "[other]\nk = v\n");
    fs::set_permissions(
        shared.path().join("credentials"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    write_profile(shared.path(), "defaults", &values).unwrap();
    assert_eq!(mode(&shared.path().join("credentials")), 0o600);
    assert_eq!(mode(shared.path()), 0o755);
    assert!(fs::read_to_string(shared.path().join("credentials"))
        .unwrap()
        .contains("[other]"));
}

#[test]
fn secret_never_in_debug_or_errors() {
    let dir = standard_files("leaks");
    let files = ProfileFiles::new(dir.path());
    let profile = files.load("prod").unwrap();
    let chain = DefaultChain::resolve_with(env(&[
        ("BCE_CONFIG_DIR", &dir.path_str()),
        ("BCE_PROFILE", "prod"),
    ]))
    .unwrap();
    let builder = ConfigBuilder::from_profile_files(&files, "prod").unwrap();
    let config = Config::builder()
        .credentials(profile.require_credentials().unwrap())
        .build()
        .unwrap();
    let provider = ProfileProvider::new(files.clone(), "prod");
    let values = ProfileValues::new()
        .credentials(Credentials::with_session_token("ak", SECRET, TOKEN).unwrap());
    let mut texts = vec![
        format!("{profile:?}"),
        format!("{profile:#?}"),
        format!("{chain:?}"),
        format!("{builder:?}"),
        format!("{config:?}"),
        format!("{provider:?}"),
        format!("{values:?}"),
        format!("{files:?}"),
    ];
    // Errors of every kind, with the secret in the file or the input.
    let broken = TempDir::new("leaks-broken");
    for content in [
        format!("[prod]\nbce_secret_access_key = {SECRET}\n"),
        format!("[prod]\nbce_access_key_id = ak\nbce_secret_access_key {SECRET}\n"),
        format!("[prod\nbce_secret_access_key = {SECRET}\nbce_session_token = {TOKEN}\n"),
    ] {
        broken.write("credentials", &content);
        let err = ProfileFiles::new(broken.path())
            .load("prod")
            .and_then(|p| p.require_credentials())
            .unwrap_err();
        texts.push(err.to_string());
        texts.push(format!("{err:?}"));
    }
    let bad = ProfileValues::new().credentials(
        Credentials::with_session_token("ak", SECRET, format!("{TOKEN}\r\n")).unwrap(),
    );
    let err = write_profile(broken.path(), "prod", &bad).unwrap_err();
    texts.push(err.to_string());
    texts.push(format!("{err:?}"));
    assert_no_secret(&texts);
}
