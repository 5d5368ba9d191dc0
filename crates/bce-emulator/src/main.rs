//! `bce-emulator`: runs the emulator as a standalone server.
//!
//! ```text
//! cargo run -p bce-emulator -- --port 8080 --access-key-id AK --secret-access-key SK
//! ```
//!
//! Credentials default to `BCE_ACCESS_KEY_ID` / `BCE_SECRET_ACCESS_KEY`
//! (and `BCE_SESSION_TOKEN`), then to the emulator's built-in test keys.
//! Stop it with Ctrl-C.

use std::io::Write;
use std::process::ExitCode;

use bce_core::Secret;
use bce_emulator::{Emulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY};

const USAGE: &str = "\
usage: bce-emulator [options]

  --host ADDR               address to listen on (default 127.0.0.1)
  --port N                  port to listen on (default 8080; 0 = any free port)
  --access-key-id AK        access key id requests must be signed with
                            (default: $BCE_ACCESS_KEY_ID, else the built-in test key)
  --secret-access-key SK    secret access key (default: $BCE_SECRET_ACCESS_KEY, else built-in)
  --session-token TOKEN     also require this STS token (default: $BCE_SESSION_TOKEN)
  --speed X                 run lifecycles X times faster than real time (default 1)
  -h, --help                show this help

PaddleFlow: paths under /api/paddleflow/v1 are answered as a PaddleFlow server
(log in as root / paddleflow; no signature there).
";

/// The command line; `Debug` masks the secret access key and the token.
#[derive(Debug)]
struct Args {
    host: String,
    port: u16,
    access_key_id: Option<String>,
    secret_access_key: Option<Secret>,
    session_token: Option<Secret>,
    speed: f64,
}

fn parse(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        host: "127.0.0.1".into(),
        port: 8080,
        access_key_id: None,
        secret_access_key: None,
        session_token: None,
        speed: 1.0,
    };
    while let Some(flag) = argv.next() {
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (flag.clone(), None),
        };
        if name == "-h" || name == "--help" {
            return Ok(None);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "--host" => args.host = value()?,
            "--port" => {
                let v = value()?;
                args.port = v.parse().map_err(|_| format!("invalid port '{v}'"))?;
            }
            "--access-key-id" => args.access_key_id = Some(value()?),
            "--secret-access-key" => args.secret_access_key = Some(Secret::new(value()?)),
            "--session-token" => args.session_token = Some(Secret::new(value()?)),
            "--speed" => {
                let v = value()?;
                args.speed = v
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("invalid speed '{v}'"))?;
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(Some(args))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            let _ = write!(out, "{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = write!(err, "bce-emulator: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let ak = args
        .access_key_id
        .or_else(|| env("BCE_ACCESS_KEY_ID"))
        .unwrap_or_else(|| DEFAULT_ACCESS_KEY_ID.to_owned());
    let sk_source = if args.secret_access_key.is_some() {
        "--secret-access-key"
    } else if env("BCE_SECRET_ACCESS_KEY").is_some() {
        "$BCE_SECRET_ACCESS_KEY"
    } else {
        "built-in test key"
    };
    let sk = args
        .secret_access_key
        .or_else(|| env("BCE_SECRET_ACCESS_KEY").map(Secret::new))
        .unwrap_or_else(|| Secret::new(DEFAULT_SECRET_ACCESS_KEY));
    let mut builder = Emulator::builder()
        .host(args.host)
        .port(args.port)
        .speed(args.speed)
        .credentials(ak.clone(), sk.expose());
    if let Some(token) = args
        .session_token
        .or_else(|| env("BCE_SESSION_TOKEN").map(Secret::new))
    {
        builder = builder.session_token(token.expose());
    }
    let emulator = match builder.start().await {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "bce-emulator: {e}");
            return ExitCode::FAILURE;
        }
    };
    let _ = writeln!(
        out,
        "bce-emulator listening on {}\n  access key id: {ak}\n  secret access key: from {sk_source} (not shown)\n  lifecycle speed: {}x\nPoint any BCE client at this endpoint. Ctrl-C stops it.",
        emulator.endpoint(),
        args.speed
    );
    let _ = out.flush();
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_the_arguments_masks_the_secret_key_and_the_token() {
        let argv = [
            "--secret-access-key",
            "SK-UNIQUE-args-19c2",
            "--session-token=TOKEN-UNIQUE-args-7e44",
            "--access-key-id",
            "AK-visible",
        ];
        let args = parse(argv.iter().map(|s| s.to_string())).unwrap().unwrap();
        let shown = format!("{args:?}");
        assert!(!shown.contains("SK-UNIQUE-args-19c2"), "{shown}");
        assert!(!shown.contains("TOKEN-UNIQUE-args-7e44"), "{shown}");
        assert!(shown.contains("AK-visible"), "{shown}");
        assert_eq!(
            args.secret_access_key.as_ref().map(Secret::expose),
            Some("SK-UNIQUE-args-19c2")
        );
        assert_eq!(
            args.session_token.as_ref().map(Secret::expose),
            Some("TOKEN-UNIQUE-args-7e44")
        );
    }
}
