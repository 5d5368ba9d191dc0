//! Project automation for bce-sdk-rust.
//!
//! * `cargo xtask ci`: everything CI checks, stopping at the first failure.
//! * `cargo xtask lint`: project rules that rustc and clippy do not check.
//! * `cargo xtask release <crate> <major|minor|patch> [--dry-run] [--allow-dirty]`.

mod ci;
mod lint;
mod release;

use std::path::PathBuf;
use std::process::ExitCode;

/// The workspace root (the parent of this package's folder).
fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask <ci | lint | release <crate> <major|minor|patch> [--dry-run] [--allow-dirty]>");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci::run(&root),
        Some("lint") => lint::run(&root),
        Some("release") => {
            let positional: Vec<&String> =
                args[1..].iter().filter(|a| !a.starts_with("--")).collect();
            if positional.len() != 2 {
                return usage();
            }
            let Some(bump) = release::Bump::parse(positional[1]) else {
                return usage();
            };
            let opts = release::Options {
                dry_run: args.iter().any(|a| a == "--dry-run"),
                allow_dirty: args.iter().any(|a| a == "--allow-dirty"),
            };
            release::run(&root, positional[0], bump, opts).map(|plan| println!("{plan}"))
        }
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
