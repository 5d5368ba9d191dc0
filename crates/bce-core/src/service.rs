//! What every service crate's client has in common, written once.
//!
//! A service crate's `Client` wraps a [`crate::Client`] in a field named
//! `inner` and builds its operations with its own `op` function (the path
//! scheme differs between services). [`service_client!`](crate::service_client)
//! declares that struct (or takes one already declared) and adds the rest:
//! the public `core()` accessor and the crate-internal `call` (send, decode
//! JSON), `call_no_content` (send, ignore the answer) and `page_stream`
//! (every item of a paged list, as a `'static` stream owning a clone of the
//! client), optionally passing every operation through a `prepare`
//! function first (e.g. to add a region header). The constructor stays in
//! the crate, usually one line over [`crate::Client::regional`].
//!
//! ```
//! bce_core::service_client! {
//!     /// Client of the demo service.
//!     pub struct Client;
//! }
//!
//! impl Client {
//!     pub fn new(config: bce_core::Config) -> Result<Self, bce_core::Error> {
//!         let inner = bce_core::Client::regional(config, "demo").build()?;
//!         Ok(Client { inner })
//!     }
//!
//!     async fn version(&self) -> Result<serde_json::Value, bce_core::Error> {
//!         let op = bce_core::Operation::new("demo", "GetVersion", bce_core::Method::Get)
//!             .path("/version");
//!         self.call(op).await
//!     }
//! }
//! # fn main() {}
//! ```

/// Declares a service client struct (`#[derive(Debug, Clone)]`, one
/// `inner: bce_core::Client` field) or takes one already declared, and adds
/// `core()`, `call()`, `call_no_content()` and `page_stream()`; see the
/// [module documentation](crate::service). The forms with `prepare` pass
/// every operation through `prepare(&client, op)` before sending.
///
/// ```text
/// service_client! { /// docs
///                   pub struct Client; }
/// service_client! { /// docs (and `Client::new` for `aihc.{region}.baidubce.com`,
///                   /// `Client::action` for `/?action=…` with `version: v2`)
///                   pub struct Client; regional "aihc"; actions(SERVICE, "v2"); }
/// service_client!(Client);
/// service_client!(Client, |client, op| op.header("x-region", &client.region));
/// ```
#[macro_export]
macro_rules! service_client {
    (
        $(#[$meta:meta])* $vis:vis struct $client:ident;
        $(regional $host:literal;)?
        $(actions($service:expr, $version:literal);)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        $vis struct $client {
            inner: $crate::Client,
        }
        $crate::service_client!($client);
        $(
            impl $client {
                #[doc = concat!(
                    "Builds a client; without an endpoint in `config` it talks to `",
                    $host,
                    ".{region}.baidubce.com` over HTTPS."
                )]
                pub fn new(config: $crate::Config) -> ::std::result::Result<Self, $crate::Error> {
                    let inner = $crate::Client::regional(config, $host).build()?;
                    Ok($client { inner })
                }
            }
        )?
        $(
            impl $client {
                #[doc = concat!(
                    "An operation of this service: `METHOD /?action=<action>` with `version: ",
                    $version,
                    "` (see [`bce_core::Operation::versioned_action`])."
                )]
                pub(crate) fn action(
                    action: &'static str,
                    method: $crate::Method,
                ) -> $crate::Operation {
                    $crate::Operation::versioned_action($service, action, method, $version)
                }
            }
        )?
    };
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

            /// Sends `op` and decodes its JSON answer. (The pipeline's own
            /// future, not one wrapped in another: each layer of `async`
            /// would copy it once more per call.)
            #[allow(dead_code)]
            pub(crate) fn call<'a, T: $crate::__serde::de::DeserializeOwned + 'a>(
                &'a self,
                op: $crate::Operation,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<T, $crate::Error>> + 'a
            {
                let prepare: fn(&Self, $crate::Operation) -> $crate::Operation = $prepare;
                self.inner.send(prepare(self, op))
            }

            /// Sends `op`, whose answer carries nothing of interest.
            #[allow(dead_code)]
            pub(crate) fn call_no_content(
                &self,
                op: $crate::Operation,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<(), $crate::Error>> + '_
            {
                let prepare: fn(&Self, $crate::Operation) -> $crate::Operation = $prepare;
                self.inner.send_no_content(prepare(self, op))
            }

            /// Every item of a page-number list, page after page from
            /// `first`'s page on; `fetch` sends one page (usually the list
            /// method). The stream owns a clone of the client, so it is
            /// `'static` and may be moved to another task.
            #[allow(dead_code)]
            pub(crate) fn page_stream<Req, Resp, F, Fut>(
                &self,
                first: Req,
                fetch: F,
            ) -> impl $crate::__futures::Stream<
                Item = ::std::result::Result<Resp::Item, $crate::Error>,
            > + Send
                   + 'static
            where
                Self: Clone + Send + Sync + 'static,
                Req: $crate::paginate::PageNumberRequest + 'static,
                Resp: $crate::paginate::PageNumberResponse + Send + 'static,
                Resp::Item: Send,
                F: Fn(Self, Req) -> Fut + Send + 'static,
                Fut: ::std::future::Future<
                        Output = ::std::result::Result<Resp, $crate::Error>,
                    > + Send
                    + 'static,
            {
                let client = self.clone();
                $crate::paginate::page_number_stream(first, move |request| {
                    fetch(client.clone(), request)
                })
            }
        }
    };
}
