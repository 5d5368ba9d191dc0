//! Tolerant decoding and a few encodings shared by the v2 models.
//!
//! Servers send `null` for empty values, numbers as text and text as
//! numbers; none of that may fail decoding.

use bce_core::json::LenientString;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

/// Any scalar as text (`null` is empty).
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    LenientString::deserialize(d).map(|s| s.0)
}

fn value_to_i64(v: &Value) -> i64 {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)))
            .or_else(|| n.as_f64().map(|f| f as i64))
            .unwrap_or_default(),
        Value::String(s) => {
            let t = s.trim();
            t.parse::<i64>()
                .ok()
                .or_else(|| t.parse::<f64>().ok().map(|f| f as i64))
                .unwrap_or_default()
        }
        Value::Bool(b) => i64::from(*b),
        _ => 0,
    }
}

/// An integer from a number, numeric text or `null` (0).
pub(crate) fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(value_to_i64(&Value::deserialize(d)?))
}

/// A non-negative integer that fits `u32` (clamped).
pub(crate) fn uint<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = value_to_i64(&Value::deserialize(d)?);
    Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
}

/// An optional `u32` from a number or numeric text (`null`, absent: `None`).
pub(crate) fn opt_uint<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::Null => None,
        Value::String(ref s) if s.trim().is_empty() => None,
        other => Some(u32::try_from(value_to_i64(&other).max(0)).unwrap_or(u32::MAX)),
    })
}

/// A float from a number, numeric text or `null` (0).
pub(crate) fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_f64().unwrap_or_default(),
        Value::String(s) => s.trim().parse().unwrap_or_default(),
        _ => 0.0,
    })
}

/// A boolean from `true`/`false`, `"true"`/`"false"`, 0/1 or `null` (false).
pub(crate) fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => b,
        Value::String(s) => s.trim().eq_ignore_ascii_case("true"),
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        _ => false,
    })
}

/// An optional boolean (`null`: `None`), also from text or 0/1.
pub(crate) fn opt_boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        Value::Bool(b) => Some(b),
        Value::String(s) => Some(s.trim().eq_ignore_ascii_case("true")),
        Value::Number(n) => Some(n.as_f64().is_some_and(|f| f != 0.0)),
        _ => None,
    })
}

/// A list of text items (`null`: empty; non-text items as text).
pub(crate) fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                Value::Null => None,
                other => Some(other.to_string()),
            })
            .collect(),
        Value::String(s) if !s.is_empty() => vec![s],
        _ => Vec::new(),
    })
}

/// A list whose items are decoded one by one; `null` and items that do not
/// decode are dropped instead of failing the whole answer.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// An optional object; `null` or a value that does not decode is `None`.
pub(crate) fn opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        v => serde_json::from_value(v).ok(),
    })
}

/// An object; `null` or a value that does not decode is the default.
pub(crate) fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned + Default,
{
    Ok(match Value::deserialize(d)? {
        Value::Null => T::default(),
        v => serde_json::from_value(v).unwrap_or_default(),
    })
}

/// Writes an optional number as JSON text (`Some(30)` → `"30"`), as the
/// reference types these request fields.
pub(crate) fn opt_u32_text<S: Serializer>(v: &Option<u32>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(n) => s.serialize_str(&n.to_string()),
        None => s.serialize_none(),
    }
}

/// A page number, 0 sent as 1.
pub(crate) fn page_number<S: Serializer>(v: &u32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(if *v == 0 { 1 } else { *v })
}

/// A page size, 0 sent as the service default 10.
pub(crate) fn page_size<S: Serializer>(v: &u32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(sent_page_size(*v))
}

/// The page size sent for `size` (0: the service default).
pub(crate) fn sent_page_size(size: u32) -> u32 {
    if size == 0 {
        DEFAULT_PAGE_SIZE
    } else {
        size
    }
}

/// The page size the service uses when none is given.
pub(crate) const DEFAULT_PAGE_SIZE: u32 = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug, Default)]
    #[serde(default)]
    struct T {
        #[serde(deserialize_with = "int")]
        a: i64,
        #[serde(deserialize_with = "string")]
        b: String,
        #[serde(deserialize_with = "boolean")]
        c: bool,
        #[serde(deserialize_with = "strings")]
        d: Vec<String>,
        #[serde(deserialize_with = "opt_uint")]
        e: Option<u32>,
    }

    #[test]
    fn tolerant() {
        let t: T =
            serde_json::from_str(r#"{"a":"12","b":7,"c":"true","d":null,"e":"30"}"#).unwrap();
        assert_eq!(
            (t.a, t.b.as_str(), t.c, t.d.len(), t.e),
            (12, "7", true, 0, Some(30))
        );
        let t: T =
            serde_json::from_str(r#"{"a":null,"b":null,"c":null,"d":["x",1],"e":null}"#).unwrap();
        assert_eq!(
            (t.a, t.b.as_str(), t.c, t.d, t.e),
            (0, "", false, vec!["x".to_string(), "1".to_string()], None)
        );
    }
}
