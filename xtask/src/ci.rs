//! `cargo xtask ci`: the one test command of the README and of CI.

use std::path::Path;
use std::process::Command;

/// One CI step: a name, a cargo command line and extra environment.
struct Step {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const STEPS: &[Step] = &[
    Step {
        name: "format",
        args: &["fmt", "--all", "--check"],
        env: &[],
    },
    Step {
        name: "clippy",
        args: &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        env: &[],
    },
    Step {
        name: "tests",
        args: &["test", "--workspace"],
        env: &[],
    },
    // Examples and benchmarks are built with the test targets and the test
    // profile right after the tests, so the step reuses the test build.
    // After `cargo doc` (or built on their own) they recompiled ring and
    // every crate above it, ~90 s; an optimised build of every dependency
    // would double CI time. `cargo bench` still builds them optimised.
    Step {
        name: "examples and benchmarks build",
        args: &[
            "build",
            "--workspace",
            "--examples",
            "--benches",
            "--tests",
            "--profile",
            "test",
        ],
        env: &[],
    },
    Step {
        name: "docs",
        args: &["doc", "--workspace", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
];

/// Runs every step in order; the first failure ends the run.
pub fn run(root: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for step in STEPS {
        println!("==> {}: cargo {}", step.name, step.args.join(" "));
        let status = Command::new(&cargo)
            .args(step.args)
            .envs(step.env.iter().copied())
            .current_dir(root)
            .status()
            .map_err(|e| format!("step '{}' could not start: {e}", step.name))?;
        if !status.success() {
            return Err(format!("step '{}' failed ({status})", step.name));
        }
    }
    println!("==> lint: cargo xtask lint");
    crate::lint::run(root).map_err(|e| format!("step 'lint' failed: {e}"))?;
    println!("==> all CI steps passed");
    Ok(())
}
