//! [`build!`]: builds an answer type of the SDK crates field by field.
//!
//! The SDK marks its answer types `#[non_exhaustive]` (new service fields
//! are not breaking changes), so code outside the SDK cannot write them as
//! struct literals. `build!(Type { field: value, .. })` reads like one: it
//! starts from `Type::default()` (or from `..base`) and sets the fields.

/// `build!(Type { a: x, b })` or `build!(Type { a: x, ..base })`.
macro_rules! build {
    ($($ty:ident)::+ { $($field:ident $(: $value:expr)?),* $(,)? }) => {{
        #[allow(clippy::field_reassign_with_default)]
        let mut built = $($ty)::+::default();
        $( built.$field = build!(@value $field $(: $value)?); )*
        built
    }};
    ($($ty:ident)::+ { $($field:ident $(: $value:expr)?,)* ..$base:expr }) => {{
        let mut built = $base;
        $( built.$field = build!(@value $field $(: $value)?); )*
        built
    }};
    (@value $field:ident) => {
        $field
    };
    (@value $field:ident : $value:expr) => {
        $value
    };
}
