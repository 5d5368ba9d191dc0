//! Numeric states the emulator reports where the service uses numbers
//! without documenting them (AIHC deploy app stats, online-service states,
//! AIHC dev machines and image pack jobs). Use them with the crates' waiters, e.g.
//! `wait_for_dev_instance(id, &[DevInstanceStatus(DEV_RUNNING)], &[DevInstanceStatus(DEV_FAILED)], &waiter)`.

/// App stat: instances are still coming up.
pub const APP_DEPLOYING: i32 = 0;
/// App stat: every instance is ready.
pub const APP_RUNNING: i32 = 1;

/// Dev machine: being created or starting.
pub const DEV_STARTING: i64 = 0;
/// Dev machine: running.
pub const DEV_RUNNING: i64 = 1;
/// Dev machine: stopping.
pub const DEV_STOPPING: i64 = 2;
/// Dev machine: stopped.
pub const DEV_STOPPED: i64 = 3;
/// Dev machine: failed (never reached by the emulator unless asked for with
/// the name marker `fail`).
pub const DEV_FAILED: i64 = 4;

/// Image pack job: running.
pub const IMAGE_PACK_RUNNING: i64 = 0;
/// Image pack job: succeeded.
pub const IMAGE_PACK_SUCCEEDED: i64 = 1;
/// Image pack job: failed.
pub const IMAGE_PACK_FAILED: i64 = 2;

/// Online service (v2): replicas are starting, scaling or rolling.
pub const SERVICE_DEPLOYING: i32 = 1;
/// Online service (v2): every wanted replica is ready (the value the API
/// reference's example shows for a service with all replicas ready).
pub const SERVICE_RUNNING: i32 = 2;
/// Online service (v2): scaled to zero replicas.
pub const SERVICE_STOPPED: i32 = 3;
/// Online service (v2): its containers cannot start (the emulator's marker:
/// a name containing `fail`).
pub const SERVICE_FAILED: i32 = 4;
