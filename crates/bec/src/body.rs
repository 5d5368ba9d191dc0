//! Request bodies as the official SDK sends them: a field left at its
//! empty value (`""`, `0`, `false`, `None`, an empty list, an unset enum)
//! is not sent, like Go's `omitempty`. [`omit_empty!`] states that rule
//! once per struct instead of a `skip_serializing_if` on every field, so
//! the bodies read as the list of their fields.

use bce_core::Secret;

use crate::app_blb::AppBlbScheduler;
use crate::blb::{HealthCheckType, LbMode, Protocol};
use crate::common::{DiskType, ImageType, Region, ServiceAction, ServiceProvider, UpdateVmType};
use crate::container::UpdateServiceType;

/// A field value that is left out of a request body when it is empty.
pub(crate) trait OmitEmpty {
    /// Whether the value is empty, i.e. not sent.
    fn is_omitted(&self) -> bool;
}

impl OmitEmpty for String {
    fn is_omitted(&self) -> bool {
        self.is_empty()
    }
}

impl OmitEmpty for i64 {
    fn is_omitted(&self) -> bool {
        *self == 0
    }
}

impl OmitEmpty for bool {
    fn is_omitted(&self) -> bool {
        !*self
    }
}

impl OmitEmpty for Secret {
    fn is_omitted(&self) -> bool {
        self.is_empty()
    }
}

impl<T> OmitEmpty for Vec<T> {
    fn is_omitted(&self) -> bool {
        self.is_empty()
    }
}

impl<T> OmitEmpty for Option<T> {
    fn is_omitted(&self) -> bool {
        self.is_none()
    }
}

/// Enumerations are empty when unset (their empty wire value).
macro_rules! omit_empty_enums {
    ($($ty:ty),+ $(,)?) => {$(
        impl OmitEmpty for $ty {
            fn is_omitted(&self) -> bool {
                self.is_empty()
            }
        }
    )+};
}

omit_empty_enums!(
    AppBlbScheduler,
    DiskType,
    HealthCheckType,
    ImageType,
    LbMode,
    Protocol,
    Region,
    ServiceAction,
    ServiceProvider,
    UpdateServiceType,
    UpdateVmType,
);

/// Declares a request body struct (its docs and field docs as written)
/// with the derives every body has (`Debug`, `Clone`, `Default`,
/// `PartialEq`, `Eq`, `Serialize`, `Deserialize`), camelCase wire names and
/// missing fields read as their default. Its fields are left out of the
/// JSON when empty ([`OmitEmpty`]) and read as their default when `null`.
/// A field written `always pub name: Type,` is sent whatever its value
/// (the official SDK has no `omitempty` on it); its attributes are kept as
/// they are.
macro_rules! omit_empty {
    ($(#[$meta:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        $crate::body::omit_empty!(@fields [$(#[$meta])* pub struct $name] [] $($fields)*);
    };
    (@fields $head:tt [$($done:tt)*]
        $(#[$attr:meta])* always pub $field:ident: $ty:ty, $($rest:tt)*) => {
        $crate::body::omit_empty!(@fields $head [$($done)* $(#[$attr])* pub $field: $ty,] $($rest)*);
    };
    (@fields $head:tt [$($done:tt)*]
        $(#[$attr:meta])* pub $field:ident: $ty:ty, $($rest:tt)*) => {
        $crate::body::omit_empty!(@fields $head [$($done)*
            $(#[$attr])*
            #[serde(
                skip_serializing_if = "crate::body::OmitEmpty::is_omitted",
                deserialize_with = "bce_core::json::null_as_default"
            )]
            pub $field: $ty,
        ] $($rest)*);
    };
    (@fields [$(#[$meta:meta])* pub struct $name:ident] [$($done:tt)*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct $name { $($done)* }
    };
}

pub(crate) use omit_empty;
