//! All signing vectors of `tests/data/signing-public.jsonl` pass (or of the
//! file named by `BCE_SIGNING_VECTORS`).

#[allow(dead_code)]
#[path = "../examples/verify_vectors.rs"]
mod verify;

#[test]
fn public_signing_vectors() {
    let dir = std::env::var("BCE_SIGNING_VECTORS").unwrap_or_else(|_| {
        format!(
            "{}/tests/data/signing-public.jsonl",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let content =
        std::fs::read_to_string(&dir).unwrap_or_else(|e| panic!("cannot read {dir}: {e}"));
    let mut failures = Vec::new();
    let mut count = 0;
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        count += 1;
        if let Err(e) = verify::check(line) {
            failures.push(format!("{}: {e}", &line[..line.len().min(60)]));
        }
    }
    assert!(count >= 300, "expected at least 300 vectors, found {count}");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
