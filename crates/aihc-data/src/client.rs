//! The dataset and model client, and the plumbing every operation of this
//! crate shares: action-style operations, id parameters, paging, streams and
//! acknowledgements that may come without a body.

use bce_core::paginate::PageNumberRequest;
use bce_core::{Error, Operation};
use serde::de::DeserializeOwned;

/// Service name used in operations, errors and logs.
pub const SERVICE: &str = "aihc-data";

bce_core::service_client! {
    /// Client of the AIHC OpenAPI v2 dataset and model operations. Cheap to
    /// clone (the connection pool is shared).
    pub struct Client;
    regional "aihc";
    actions(SERVICE, "v2");
}

impl Client {
    /// Runs an operation whose answer is `{requestId}` at most; an empty
    /// body is accepted, the request id then comes from the response header.
    pub(crate) async fn send_ack<T: DeserializeOwned + Default + AckRequestId>(
        &self,
        op: Operation,
    ) -> Result<T, Error> {
        let context = bce_core::CallContext {
            service: op.service(),
            operation: op.name(),
        };
        let response = self.inner.send_raw(op).await?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            let mut answer = T::default();
            if let Some(id) = response.header(bce_core::sign::REQUEST_ID_HEADER) {
                answer.set_request_id(id);
            }
            return Ok(answer);
        }
        bce_core::client::decode_json(&response).map_err(|e| e.with_context(context))
    }
}

/// Adds the ids an operation addresses, `name=value` in the query, after
/// checking that none is empty (the official SDKs would send an empty id,
/// which addresses nothing).
pub(crate) fn with_ids(op: Operation, ids: &[(&str, &str)]) -> Operation {
    ids.iter().fold(op, |op, (name, value)| {
        op.require(name, value).query(name, value)
    })
}

/// Adds `pageNumber` / `pageSize` when they are not zero (the service then
/// applies its defaults).
pub(crate) fn with_paging(op: Operation, request: &impl PageNumberRequest) -> Operation {
    let (number, size) = (request.page_number(), request.page_size());
    op.query_opt("pageNumber", (number != 0).then_some(number))
        .query_opt("pageSize", (size != 0).then_some(size))
}

/// Answers that carry a request id (filled from the response header when the
/// body is empty).
pub(crate) trait AckRequestId {
    fn set_request_id(&mut self, id: &str);
}
