//! JSON helpers shared by the service crates.

use serde::{Deserialize, Deserializer, Serializer};

/// Serializes an `f64` the way Go's `encoding/json` does for whole numbers
/// (`8` rather than `8.0`), so request bodies match the official SDK.
pub fn serialize_go_f64<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// Like [`serialize_go_f64`] for `Option<f64>` (`None` is `null`).
pub fn serialize_go_f64_opt<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serialize_go_f64(v, serializer),
        None => serializer.serialize_none(),
    }
}

/// Deserializes `null` as the type's default value (for fields that a
/// server may send as `null` where an empty value is meant).
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Declares a string enum that keeps unknown values: every known wire value
/// gets a variant, anything else decodes to `Other(String)` and encodes back
/// unchanged, so a new value from the service never breaks decoding.
///
/// ```
/// bce_core::string_enum! {
///     /// State of a thing.
///     pub enum State {
///         /// It runs.
///         Running = "Running",
///         /// It stopped.
///         Stopped = "Stopped",
///     }
/// }
/// let s: State = serde_json::from_str("\"Paused\"").unwrap();
/// assert_eq!(s, State::Other("Paused".into()));
/// assert_eq!(serde_json::to_string(&State::Running).unwrap(), "\"Running\"");
/// ```
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the SDK does not know.
            Other(::std::string::String),
        }

        impl $name {
            /// Whether no value is set (the empty string).
            pub fn is_empty(&self) -> bool {
                self.as_str().is_empty()
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(s) => s.as_str(),
                }
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(s: ::std::string::String) -> Self {
                $name::from(s.as_str())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::default::Default for $name {
            fn default() -> Self {
                $name::Other(::std::string::String::new())
            }
        }

        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = $crate::json::LenientString::deserialize(deserializer)?;
                Ok($name::from(value.0))
            }
        }
    };
}

/// A string that also accepts numbers, booleans and `null` (as text), used
/// by [`string_enum!`] so odd server values never fail decoding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LenientString(pub String);

impl<'de> Deserialize<'de> for LenientString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(deserializer)?;
        Ok(LenientString(match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct F {
        #[serde(serialize_with = "serialize_go_f64")]
        a: f64,
        #[serde(serialize_with = "serialize_go_f64")]
        b: f64,
    }

    #[test]
    fn go_floats() {
        let s = serde_json::to_string(&F { a: 8.0, b: 2.5 }).unwrap();
        assert_eq!(s, r#"{"a":8,"b":2.5}"#);
    }

    crate::string_enum! {
        /// Test enum.
        pub enum Color {
            /// Red.
            Red = "red",
        }
    }

    #[test]
    fn lenient_enum() {
        let c: Color = serde_json::from_str("7").unwrap();
        assert_eq!(c, Color::Other("7".into()));
        let c: Color = serde_json::from_str("\"red\"").unwrap();
        assert_eq!(c.to_string(), "red");
        assert!(Color::default().is_empty() && !c.is_empty());
    }
}
