//! `bcectl configure`: writes a profile with `bce_core::write_profile`
//! (files mode 0600). Prompts only on a terminal, for what the flags do not
//! give; the secret is read without echo and never printed.

use std::io::{self, BufRead, IsTerminal, Write};

use bce_core::profile::DEFAULT_PROFILE;
use bce_core::{write_profile, Credentials, Profile, ProfileFiles, ProfileValues};

use crate::args::{ConfigureArgs, Global};
use crate::failure::Failure;
use crate::output;

/// Runs `bcectl configure`.
pub fn run(global: &Global, args: &ConfigureArgs) -> Result<(), Failure> {
    let name = global.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
    let files = ProfileFiles::from_env()?;
    // The current values, to keep what is not changed and to show defaults.
    let current: Option<Profile> = files.load(name).ok();
    let terminal = io::stdin().is_terminal() && io::stderr().is_terminal();

    let mut access_key_id = args.access_key_id.clone();
    let mut secret = read_dash(args.secret_access_key.as_deref(), "secret access key")?;
    let token = read_dash(args.session_token.as_deref(), "session token")?;
    let mut region = global.region.clone();
    let mut endpoint = global.endpoint.clone();
    if let Some(s) = &secret {
        output::register_secret(s);
    }
    if let Some(t) = &token {
        output::register_secret(t);
    }

    let current_ak = current
        .as_ref()
        .and_then(Profile::credentials)
        .map(|c| c.access_key_id().to_owned());
    let nothing_given = access_key_id.is_none()
        && secret.is_none()
        && region.is_none()
        && endpoint.is_none()
        && token.is_none()
        && args.pool.is_none()
        && args.queue.is_none();
    if terminal && nothing_given {
        output::err(&format!(
            "Configuring profile [{name}] in {} (Enter keeps the value in brackets).",
            files.dir().display()
        ));
        access_key_id = prompt("Access key id", current_ak.as_deref())?;
        secret = prompt_secret(current_ak.is_some() && access_key_id == current_ak)?;
        let current_region = current.as_ref().and_then(|p| p.region().map(str::to_owned));
        region = prompt("Region", current_region.as_deref().or(Some("bj")))?;
        let current_endpoint = current
            .as_ref()
            .and_then(|p| p.endpoint().map(str::to_owned));
        endpoint = prompt(
            "Endpoint (empty: the regional host)",
            current_endpoint.as_deref(),
        )?;
    } else if terminal && access_key_id.is_some() && secret.is_none() {
        secret = prompt_secret(false)?;
    }

    let mut values = ProfileValues::new();
    match (access_key_id, secret) {
        (Some(ak), Some(sk)) => values = values.credentials(credentials(ak, sk, token)?),
        (None, Some(sk)) => {
            let ak = current_ak.ok_or_else(|| {
                Failure::usage(format!(
                    "profile [{name}] has no access key id yet: give --access-key-id too"
                ))
            })?;
            values = values.credentials(credentials(ak, sk, token)?);
        }
        (Some(ak), None) if current_ak.as_deref() == Some(ak.as_str()) => {
            // Same key id, secret kept as it is.
        }
        (Some(_), None) => return Err(Failure::usage(
            "give the secret access key too: --secret-access-key SK (or - to read it from stdin)",
        )),
        (None, None) => {
            if token.is_some() {
                return Err(Failure::usage(
                    "a session token goes with a key pair: give --access-key-id and --secret-access-key",
                ));
            }
        }
    }
    if let Some(region) = region {
        values = values.region(region);
    }
    if let Some(endpoint) = endpoint {
        values = values.endpoint(endpoint);
    }
    if let Some(pool) = &args.pool {
        values = values.set("pool", pool.clone());
    }
    if let Some(queue) = &args.queue {
        values = values.set("queue", queue.clone());
    }
    if values.is_empty() {
        return Err(Failure::usage(
            "nothing to write: give --access-key-id/--secret-access-key, --region, --endpoint, --pool or --queue (or run it on a terminal to be asked)",
        ));
    }
    let written = write_profile(files.dir(), name, &values)?;
    let paths: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    output::err(&format!("Profile [{name}] written to {}", paths.join(", ")));
    Ok(())
}

fn credentials(ak: String, sk: String, token: Option<String>) -> Result<Credentials, Failure> {
    Ok(match token {
        Some(t) => Credentials::with_session_token(ak, sk, t)?,
        None => Credentials::new(ak, sk)?,
    })
}

/// A flag value, or a line read from stdin for `-`.
fn read_dash(value: Option<&str>, what: &str) -> Result<Option<String>, Failure> {
    match value {
        Some("-") => {
            let mut line = String::new();
            io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| Failure::usage(format!("cannot read the {what} from stdin: {e}")))?;
            let line = line.trim().to_owned();
            if line.is_empty() {
                return Err(Failure::usage(format!("no {what} on stdin")));
            }
            Ok(Some(line))
        }
        Some(v) => Ok(Some(v.to_owned())),
        None => Ok(None),
    }
}

fn read_line() -> Result<String, Failure> {
    let mut line = String::new();
    io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::usage(format!("cannot read the answer: {e}")))?;
    Ok(line.trim().to_owned())
}

/// Asks for a value on stderr; Enter keeps `current`.
fn prompt(question: &str, current: Option<&str>) -> Result<Option<String>, Failure> {
    let shown = current.map(|c| format!(" [{c}]")).unwrap_or_default();
    let mut stderr = io::stderr();
    let _ = write!(stderr, "{question}{shown}: ");
    let _ = stderr.flush();
    let answer = read_line()?;
    Ok(if answer.is_empty() {
        current.map(str::to_owned)
    } else {
        Some(answer)
    })
}

/// Asks for the secret access key with echo turned off (`stty -echo`).
/// `keep`: Enter keeps the stored secret.
fn prompt_secret(keep: bool) -> Result<Option<String>, Failure> {
    let mut stderr = io::stderr();
    let hint = if keep { " [keep]" } else { "" };
    let _ = write!(stderr, "Secret access key (not shown){hint}: ");
    let _ = stderr.flush();
    if !set_echo(false) {
        let _ = writeln!(stderr);
        return Err(Failure::usage(
            "cannot turn off echo on this terminal: pass --secret-access-key - and pipe the key",
        ));
    }
    let answer = read_line();
    set_echo(true);
    let _ = writeln!(stderr);
    let answer = answer?;
    if answer.is_empty() {
        return if keep {
            Ok(None)
        } else {
            Err(Failure::usage("no secret access key given"))
        };
    }
    output::register_secret(&answer);
    Ok(Some(answer))
}

/// Turns terminal echo on or off; false when that is not possible.
fn set_echo(on: bool) -> bool {
    if !cfg!(unix) {
        return false;
    }
    std::process::Command::new("stty")
        .arg(if on { "echo" } else { "-echo" })
        .stdin(std::process::Stdio::inherit())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
