//! The in-memory world of all services, and the dispatch of a request to
//! the service that answers it.
//!
//! The service modules depend on [`crate::request`] and [`crate::reply`]
//! only; this module depends on them, never the other way round.

use crate::reply::Reply;
use crate::request::Ctx;
use crate::{bec, data, deploy, deploy_v2, dev, paddleflow, train, train_v2};

/// Everything the emulator knows.
#[derive(Debug)]
pub(crate) struct World {
    pub train: train::Train,
    pub deploy: deploy::Deploy,
    pub deploy_v2: deploy_v2::DeployV2,
    pub dev: dev::Dev,
    pub data: data::Data,
    pub bec: bec::Bec,
    pub paddleflow: paddleflow::PaddleFlow,
}

impl World {
    /// A world seeded with a couple of pools and queues at time `now_ms`.
    pub fn new(now_ms: i64) -> Self {
        World {
            train: train::Train::seeded(now_ms),
            deploy: deploy::Deploy::default(),
            deploy_v2: deploy_v2::DeployV2::default(),
            dev: dev::Dev::default(),
            data: data::Data::default(),
            bec: bec::Bec::default(),
            paddleflow: paddleflow::PaddleFlow::seeded(now_ms),
        }
    }

    /// Answers an authenticated request.
    pub fn handle(&mut self, ctx: &Ctx) -> Reply {
        if let Some(r) = train::route(&mut self.train, ctx) {
            return r;
        }
        if let Some(r) = train_v2::route(&mut self.train, ctx) {
            return r;
        }
        if let Some(r) = deploy::route(&mut self.deploy, ctx) {
            return r;
        }
        // Before dev: these answer `/?action=…` too, and dev claims every action.
        if let Some(r) = data::route(&mut self.data, ctx) {
            return r;
        }
        if let Some(r) = deploy_v2::route(&mut self.deploy_v2, ctx) {
            return r;
        }
        if let Some(r) = dev::route(&mut self.dev, ctx) {
            return r;
        }
        if let Some(r) = bec::route(&mut self.bec, ctx) {
            return r;
        }
        Reply::error(
            404,
            "NotFound",
            format!("The emulator has no operation {} {}.", ctx.method, ctx.path),
        )
    }
}
