//! Replays the official Go SDK's recorded requests through our clients and
//! prints one line per service:
//! `wire fixtures <service>: N compared, D deviations, F failed`.
//! Set `BCE_WIRE_FIXTURES` to replay another fixture directory.

use std::process::ExitCode;

use bce_conformance::run_service;

/// PaddleFlow's fixtures come from the Python SDK and are compared by their
/// own rules (token header, body as JSON; see `bce_conformance::paddleflow`).
fn run_paddleflow() -> usize {
    let summary = bce_conformance::paddleflow::run(&bce_conformance::paddleflow::PaddleFlowDriver);
    if summary.compared == 0 {
        eprintln!("wire fixtures paddleflow: no line was compared");
        return summary.failed + 1;
    }
    summary.failed
}

fn main() -> ExitCode {
    let mut failed = 0;
    for driver in &bce_conformance::bce_drivers() {
        let summary = run_service(driver.as_ref());
        if summary.compared == 0 {
            eprintln!("wire fixtures {}: no line was compared", driver.service());
            failed += 1;
        }
        failed += summary.failed;
    }
    failed += run_paddleflow();
    // ModelArts is signed with SDK-HMAC-SHA256 and recorded from Huawei's
    // Python SDK: it has its own comparison (see `bce_conformance::modelarts`).
    let summary = bce_conformance::modelarts::run();
    if summary.compared == 0 {
        eprintln!("wire fixtures modelarts: no line was compared");
        failed += 1;
    }
    failed += summary.failed;
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
