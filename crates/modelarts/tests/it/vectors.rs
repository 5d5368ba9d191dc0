//! Every SDK-HMAC-SHA256 vector of `tests/data/modelarts-signing-public.jsonl`
//! (or of the file named by `MODELARTS_SIGNING_VECTORS`) passes.

#[allow(dead_code)]
#[path = "../../examples/verify_modelarts_vectors.rs"]
mod verify;

#[test]
fn public_signing_vectors() {
    let path = verify::default_path();
    let content =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let (passed, failures) = verify::check_all(&content);
    assert!(
        passed + failures.len() >= 300,
        "expected at least 300 vectors in {path}"
    );
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Differential vectors: random requests that stress every trap, answered
/// by the official SDK core (`tools/differential_vectors.py`, seed 11).
#[test]
fn differential_signing_vectors() {
    let path = format!(
        "{}/tests/data/modelarts-signing-differential.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let content =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let (passed, failures) = verify::check_all(&content);
    assert!(passed + failures.len() >= 200);
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
