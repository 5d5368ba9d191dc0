//! What every service crate's client has in common, written once.
//!
//! A service crate's `Client` wraps a [`crate::Client`] in a field named
//! `inner` and builds its operations with its own `op` function (the path
//! scheme differs between services). [`service_client!`](crate::service_client)
//! adds the rest: the public `core()` accessor and the crate-internal
//! `call` (send, decode JSON) and `call_no_content` (send, ignore the
//! answer), optionally passing every operation through a `prepare`
//! function first (e.g. to add a region header).
//!
//! ```
//! pub struct Client {
//!     inner: bce_core::Client,
//! }
//!
//! bce_core::service_client!(Client);
//!
//! impl Client {
//!     async fn version(&self) -> Result<serde_json::Value, bce_core::Error> {
//!         let op = bce_core::Operation::new("demo", "GetVersion", bce_core::Method::Get)
//!             .path("/version");
//!         self.call(op).await
//!     }
//! }
//! # fn main() {}
//! ```

/// Adds `core()`, `call()` and `call_no_content()` to a service client
/// struct with an `inner: bce_core::Client` field; see the
/// [module documentation](crate::service). The second form passes every
/// operation through `prepare(&client, op)` before sending.
#[macro_export]
macro_rules! service_client {
    ($client:ty) => {
        $crate::service_client!($client, |_client, op| op);
    };
    ($client:ty, $prepare:expr) => {
        impl $client {
            /// The shared pipeline client (configuration, endpoint, clock
            /// correction).
            pub fn core(&self) -> &$crate::Client {
                &self.inner
            }

            /// Sends `op` and decodes its JSON answer.
            #[allow(dead_code)]
            pub(crate) async fn call<T: $crate::__serde::de::DeserializeOwned>(
                &self,
                op: $crate::Operation,
            ) -> ::std::result::Result<T, $crate::Error> {
                let prepare: fn(&Self, $crate::Operation) -> $crate::Operation = $prepare;
                self.inner.send(prepare(self, op)).await
            }

            /// Sends `op`, whose answer carries nothing of interest.
            #[allow(dead_code)]
            pub(crate) async fn call_no_content(
                &self,
                op: $crate::Operation,
            ) -> ::std::result::Result<(), $crate::Error> {
                let prepare: fn(&Self, $crate::Operation) -> $crate::Operation = $prepare;
                self.inner.send_no_content(prepare(self, op)).await
            }
        }
    };
}
