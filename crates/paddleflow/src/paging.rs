//! `maxKeys`/`marker` paging shared by every list: the answer envelopes,
//! the request side of [`bce_core::MarkerRequest`], and the `*_stream`
//! methods built on [`bce_core::paginate::marker_stream`].

/// Declares the answer of a `maxKeys`/`marker` list and implements
/// [`bce_core::MarkerResponse`] for it through [`bce_core::marker_response!`].
///
/// `marker_list!(Name, Item, items_field, "jsonName")` is the usual
/// envelope (`maxKeys`, `isTruncated`, `nextMarker`); with `truncated`
/// first it is the envelope of file systems and links (`marker`,
/// `truncated`, `nextMarker`).
macro_rules! marker_list {
    ($(#[$meta:meta])* truncated $name:ident, $item:ty, $field:ident, $json:literal) => {
        $crate::paging::marker_list!(@declare $(#[$meta])* $name, $item, $field, $json, truncated {
            /// The marker this page started at.
            pub marker: String,
        });
    };
    ($(#[$meta:meta])* $name:ident, $item:ty, $field:ident, $json:literal) => {
        $crate::paging::marker_list!(@declare $(#[$meta])* $name, $item, $field, $json, is_truncated {
            /// Page size the server used.
            pub max_keys: i64,
        });
    };
    (@declare $(#[$meta:meta])* $name:ident, $item:ty, $field:ident, $json:literal, $truncated:ident {
        $(#[$extra_meta:meta])* pub $extra:ident: $extra_ty:ty,
    }) => {
        $crate::model::answer! {
            $(#[$meta])*
            pub struct $name {
                $(#[$extra_meta])*
                pub $extra: $extra_ty,
                /// Whether more items follow.
                pub $truncated: bool,
                /// Marker of the next page (empty on the last page).
                pub next_marker: String,
                /// The items of this page.
                #[serde(rename = $json)]
                pub $field: Vec<$item>,
            }
        }

        impl $name {
            /// The marker of the next page, or `None` on the last page.
            pub fn next_page(&self) -> Option<String> {
                bce_core::MarkerResponse::next_marker(self)
            }
        }

        bce_core::marker_response!($name: $field => $item, next_marker, $truncated);
    };
}
pub(crate) use marker_list;

/// Implements [`bce_core::MarkerRequest`] for list requests whose marker
/// is an optional `marker` field (`None` on the first page).
macro_rules! marker_requests {
    ($($name:ty),* $(,)?) => {
        $(
            impl bce_core::MarkerRequest for $name {
                fn set_marker(&mut self, marker: String) {
                    self.marker = Some(marker);
                }
            }
        )*
    };
}

marker_requests!(
    crate::run::ListArtifactRequest,
    crate::run::ListCacheRequest,
    crate::cluster::ListClusterRequest,
    crate::flavour::ListFlavourRequest,
    crate::fs::ListFsRequest,
    crate::job::ListJobRequest,
    crate::fs::ListLinkRequest,
    crate::pipeline::ListPipelineRequest,
    crate::queue::ListQueueRequest,
    crate::run::ListRunRequest,
    crate::pipeline::ListScheduleRequest,
    crate::user::ListUserRequest,
    crate::pipeline::ShowPipelineRequest,
    crate::queue::ShowQueueGrantRequest,
);

/// Declares `*_stream` methods: each walks every page of a list operation
/// of the same module with [`bce_core::paginate::marker_stream`].
///
/// `marker_streams! { /// docs
/// list_run_stream(ListRunRequest) -> RunBrief = list_run; … }`
macro_rules! marker_streams {
    ($($(#[$meta:meta])* $stream:ident($request:ty) -> $item:ty = $list:ident;)+) => {
        impl $crate::client::Client {
            $(
                $(#[$meta])*
                pub fn $stream(
                    &self,
                    request: $request,
                ) -> impl futures::Stream<Item = Result<$item, bce_core::Error>> + '_ {
                    bce_core::paginate::marker_stream(request, move |req: $request| async move {
                        self.$list(&req).await
                    })
                }
            )+
        }
    };
}
pub(crate) use marker_streams;
