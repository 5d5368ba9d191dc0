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
use clap::Parser;

/// An offline, signature-checking emulator of Baidu AI Cloud AIHC and BEC.
/// `Debug` masks the secret access key and the token.
#[derive(Debug, Parser)]
#[command(
    name = "bce-emulator",
    version,
    after_help = "PaddleFlow: paths under /api/paddleflow/v1 are answered as a PaddleFlow server \
                  (log in as root / paddleflow; no signature there)."
)]
struct Args {
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    port: u16,
    /// Access key id requests must be signed with (default:
    /// $BCE_ACCESS_KEY_ID, else the built-in test key).
    #[arg(long, value_name = "AK")]
    access_key_id: Option<String>,
    /// Secret access key (default: $BCE_SECRET_ACCESS_KEY, else the
    /// built-in test key).
    #[arg(long, value_name = "SK", value_parser = secret)]
    secret_access_key: Option<Secret>,
    /// Also require this STS token (default: $BCE_SESSION_TOKEN).
    #[arg(long, value_name = "TOKEN", value_parser = secret)]
    session_token: Option<Secret>,
    /// Run lifecycles X times faster than real time.
    #[arg(long, value_name = "X", default_value_t = 1.0, value_parser = parse_speed)]
    speed: f64,
}

/// A secret argument (masked wherever shown).
fn secret(text: &str) -> Result<Secret, String> {
    Ok(Secret::new(text))
}

/// A finite, non-negative speed factor.
fn parse_speed(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .ok_or_else(|| format!("invalid speed '{text}'"))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let mut out = std::io::stdout();
    let mut err = std::io::stderr();
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
    fn arguments() {
        let a = Args::try_parse_from(["bce-emulator"]).unwrap();
        assert_eq!((a.host.as_str(), a.port, a.speed), ("127.0.0.1", 8080, 1.0));
        let a = Args::try_parse_from([
            "bce-emulator",
            "--port=0",
            "--host",
            "0.0.0.0",
            "--speed",
            "10",
            "--access-key-id",
            "ak",
        ])
        .unwrap();
        assert_eq!((a.port, a.host.as_str(), a.speed), (0, "0.0.0.0", 10.0));
        assert_eq!(a.access_key_id.as_deref(), Some("ak"));
        for bad in [
            &["bce-emulator", "--port", "x"][..],
            &["bce-emulator", "--speed", "-1"],
            &["bce-emulator", "--speed", "inf"],
            &["bce-emulator", "--nope"],
        ] {
            assert!(Args::try_parse_from(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn debug_of_the_arguments_masks_the_secret_key_and_the_token() {
        let argv = [
            "bce-emulator",
            "--secret-access-key",
            "SK-UNIQUE-args-19c2",
            "--session-token=TOKEN-UNIQUE-args-7e44",
            "--access-key-id",
            "AK-visible",
        ];
        let args = Args::try_parse_from(argv).unwrap();
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
