//! The online-service client and what every answer shares.

use bce_core::Operation;

/// Service name used in errors, logs and tracing spans.
pub const SERVICE: &str = "aihc-deploy";

bce_core::service_client! {
    /// Client of the AIHC OpenAPI v2 online-service API. Cheap to clone.
    ///
    /// Every operation is `METHOD /?action=<Action>&…` with the header
    /// `version: v2`; reads are `GET`, writes `POST`. Built from the same
    /// [`Config`] as every other client of this SDK.
    pub struct Client;
    regional "aihc";
    actions(SERVICE, "v2");
}

/// Adds `name=value` after checking that the id is not empty.
pub(crate) fn id(op: Operation, name: &str, value: &str) -> Operation {
    op.require(name, value).query(name, value)
}

/// Declares a response struct: `Default`, camelCase wire names, every field
/// optional on the wire and `null` read as the field's default, and
/// `#[non_exhaustive]` so fields can be added without breaking callers.
macro_rules! response {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(deserialize_with = "bce_core::json::null_as_default")]
                pub $field: $ty,
            )*
        }
    };
}

pub(crate) use response;

response! {
    /// The answer of operations that return nothing but the request id.
    pub struct Ack {
        /// Request id.
        pub request_id: String,
        /// Business code (empty on success).
        pub code: String,
        /// Business message.
        pub message: String,
    }
}

/// Declares an integer enum that keeps unknown values (like
/// [`bce_core::string_enum!`] for numbers).
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the SDK does not know.
            Other(i64),
        }

        impl $name {
            /// The wire value.
            pub fn code(self) -> i64 {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(n) => n,
                }
            }
        }

        impl ::std::convert::From<i64> for $name {
            fn from(n: i64) -> Self {
                match n {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other),
                }
            }
        }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name::Other(0)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( $name::$variant => f.pad(stringify!($variant)), )*
                    $name::Other(n) => f.pad(&n.to_string()),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_i64(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let v = ::serde_json::Value::deserialize(d)?;
                let n = match &v {
                    ::serde_json::Value::Number(n) => n.as_i64().unwrap_or_default(),
                    ::serde_json::Value::String(s) => s.trim().parse().unwrap_or_default(),
                    _ => 0,
                };
                Ok($name::from(n))
            }
        }
    };
}

pub(crate) use int_enum;
