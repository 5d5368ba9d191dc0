//! Replays the official Go SDK's recorded requests through our clients and
//! prints one line per service:
//! `wire fixtures <service>: N compared, D deviations, F failed`.
//! Set `BCE_WIRE_FIXTURES` to replay another fixture directory.

use std::process::ExitCode;

use bce_conformance::{run_service, Driver};

fn main() -> ExitCode {
    let drivers: Vec<Box<dyn Driver>> = vec![
        Box::new(bce_conformance::aihc_train::TrainDriver),
        Box::new(bce_conformance::aihc_deploy::DeployDriver),
        Box::new(bce_conformance::aihc_dev::DevDriver),
        Box::new(bce_conformance::bec::BecDriver),
        Box::new(bce_conformance::aihc_v2_deploy::DeployV2Driver),
    ];
    let mut failed = 0;
    for driver in &drivers {
        let summary = run_service(driver.as_ref());
        if summary.compared == 0 {
            eprintln!("wire fixtures {}: no line was compared", driver.service());
            failed += 1;
        }
        failed += summary.failed;
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
