//! Emulated bec service (not implemented yet).

use crate::world::{Ctx, Reply};

/// State of the service.
#[derive(Debug, Default)]
pub(crate) struct Bec {}

/// Answers the requests of this service.
pub(crate) fn route(_s: &mut Bec, _ctx: &Ctx) -> Option<Reply> {
    None
}
