//! End-to-end tests: the built `bcectl` binary against `bce-emulator`
//! started in the test. Keys go through the environment, the endpoint
//! through `--endpoint`, and `BCE_CONFIG_DIR`/`HOME` point at a temporary
//! folder, so nothing of the machine's own configuration is read. Every
//! byte the binary prints is checked for the secret key and the token.

mod flows;
mod operations;
mod profiles;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicU64, Ordering};

use bce_emulator::{Emulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY};

/// Lifecycles run this many times faster than real time (a job runs 0.5 s).
const SPEED: f64 = 40.0;

/// A temporary folder, removed on drop.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(tag: &str) -> Self {
        static N: AtomicU64 = AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "bcectl-e2e-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What one run of the binary printed.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    #[track_caller]
    pub(crate) fn ok(self) -> Self {
        assert_eq!(self.code, 0, "{self:?}");
        self
    }
}

/// An emulator, a config folder and the secrets nothing may print.
pub(crate) struct World {
    pub(crate) emulator: Emulator,
    pub(crate) home: TempDir,
    /// Credentials in the environment (false: only the profile files).
    pub(crate) env_keys: bool,
    pub(crate) session_token: Option<String>,
    /// More environment variables for the binary.
    pub(crate) envs: Vec<(String, String)>,
    secrets: Vec<String>,
}

impl World {
    pub(crate) async fn start() -> Self {
        Self::with(Emulator::builder().speed(SPEED), None).await
    }

    pub(crate) async fn with(builder: bce_emulator::EmulatorBuilder, token: Option<&str>) -> Self {
        let builder = match token {
            Some(t) => builder.session_token(t),
            None => builder,
        };
        let emulator = builder.start().await.unwrap();
        let mut secrets = vec![DEFAULT_SECRET_ACCESS_KEY.to_owned()];
        secrets.extend(token.map(str::to_owned));
        World {
            emulator,
            home: TempDir::new("home"),
            env_keys: true,
            session_token: token.map(str::to_owned),
            envs: Vec::new(),
            secrets,
        }
    }

    pub(crate) fn config_dir(&self) -> PathBuf {
        self.home.path().join("bce")
    }

    /// Runs `bcectl --endpoint <emulator> --poll-interval 50ms <args>`.
    pub(crate) async fn bcectl(&self, args: &[&str]) -> Run {
        let mut full = vec![
            "--endpoint",
            self.emulator.endpoint(),
            "--poll-interval",
            "50ms",
        ];
        full.extend_from_slice(args);
        self.raw(&full, None).await
    }

    /// Runs `bcectl <args>` (see [`World::bcectl`]), which must succeed,
    /// and parses what it printed as JSON.
    pub(crate) async fn json(&self, args: &[&str]) -> serde_json::Value {
        self.bcectl(args).await.ok().json()
    }

    /// Runs `bcectl <args>`, which must succeed, and returns what it printed
    /// without the surrounding white space (the id a create prints).
    pub(crate) async fn output(&self, args: &[&str]) -> String {
        self.bcectl(args).await.ok().stdout.trim().to_owned()
    }

    /// Runs the binary with exactly `args`, `stdin` piped in when given.
    pub(crate) async fn raw(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_bcectl"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("BCE_CONFIG_DIR", self.config_dir())
            .stdin(if stdin.is_some() {
                std::process::Stdio::piped()
            } else {
                std::process::Stdio::null()
            })
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true);
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        if self.env_keys {
            cmd.env("BCE_ACCESS_KEY_ID", DEFAULT_ACCESS_KEY_ID)
                .env("BCE_SECRET_ACCESS_KEY", DEFAULT_SECRET_ACCESS_KEY);
            if let Some(t) = &self.session_token {
                cmd.env("BCE_SESSION_TOKEN", t);
            }
        }
        let mut child = cmd.spawn().unwrap();
        if let Some(text) = stdin {
            use tokio::io::AsyncWriteExt;
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(text.as_bytes()).await.unwrap();
            drop(pipe);
        }
        let out: Output =
            tokio::time::timeout(std::time::Duration::from_secs(60), child.wait_with_output())
                .await
                .expect("bcectl did not finish within 60 s")
                .unwrap();
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        self.scan(&run, args);
        run
    }

    /// The secret-leak scan: no secret in anything printed.
    #[track_caller]
    fn scan(&self, run: &Run, args: &[&str]) {
        for secret in &self.secrets {
            assert!(
                !run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()),
                "bcectl {args:?} printed a secret: {run:?}"
            );
        }
    }

    /// Adds a value that must never be printed.
    pub(crate) fn secret(&mut self, value: &str) {
        self.secrets.push(value.to_owned());
    }

    /// Writes a file into the temporary folder.
    pub(crate) fn file(&self, name: &str, text: &str) -> String {
        let path = self.home.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

/// The first pool of the emulator.
pub(crate) const POOL: &str = "cce-emu00a800";
