//! JSON as the official Python SDK writes it, and model helpers.
//!
//! The SDK serializes request bodies with `simplejson.dumps`: fields in the
//! model's declared order, `None` fields left out, separators `", "` and
//! `": "`, every non-ASCII character (and DEL) escaped as `\uXXXX` (UTF-16,
//! lower-case hex), `/ < > &` left alone. The body hash is signed, so
//! [`to_python_json`] reproduces those bytes exactly.

use std::fmt;
use std::io;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::ser::Formatter;
use serde_json::Value;

use bce_core::Error;

/// Python's item separator `", "`, written before every array value and
/// object key but the first.
fn write_separator<W: ?Sized + io::Write>(w: &mut W, first: bool) -> io::Result<()> {
    if first {
        Ok(())
    } else {
        w.write_all(b", ")
    }
}

/// serde_json formatter producing Python's `json.dumps` default layout.
#[derive(Debug, Default, Clone, Copy)]
pub struct PythonFormatter;

impl Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        write_separator(w, first)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        write_separator(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if c.is_ascii() && c != '\u{7f}' {
                continue;
            }
            w.write_all(&fragment.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// Serializes `value` byte for byte as the official Python SDK does.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Tag { key: &'static str, value: &'static str }
/// let body = modelarts::json::to_python_json(&vec![Tag { key: "键", value: "a/b" }]).unwrap();
/// assert_eq!(body, br#"[{"key": "\u952e", "value": "a/b"}]"#);
/// ```
pub fn to_python_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value
        .serialize(&mut ser)
        .map_err(|e| Error::invalid_input("body", format!("cannot be serialized: {e}")))?;
    Ok(out)
}

/// A JSON value whose objects keep their keys in order (see [`JsonObject`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum JsonValue {
    /// `null`.
    #[default]
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object, keys in order.
    Object(JsonObject),
}

impl JsonValue {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of an integer.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            JsonValue::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The value of a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            JsonValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&JsonObject> {
        match self {
            JsonValue::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The same value as a [`serde_json::Value`] (object keys then sorted).
    pub fn to_value(&self) -> Value {
        match self {
            JsonValue::Null => Value::Null,
            JsonValue::Bool(b) => Value::Bool(*b),
            JsonValue::Number(n) => Value::Number(n.clone()),
            JsonValue::String(s) => Value::String(s.clone()),
            JsonValue::Array(items) => {
                Value::Array(items.iter().map(JsonValue::to_value).collect())
            }
            JsonValue::Object(o) => {
                Value::Object(o.0.iter().map(|(k, v)| (k.clone(), v.to_value())).collect())
            }
        }
    }
}

impl From<Value> for JsonValue {
    fn from(v: Value) -> Self {
        match v {
            Value::Null => JsonValue::Null,
            Value::Bool(b) => JsonValue::Bool(b),
            Value::Number(n) => JsonValue::Number(n),
            Value::String(s) => JsonValue::String(s),
            Value::Array(items) => JsonValue::Array(items.into_iter().map(Into::into).collect()),
            Value::Object(map) => JsonValue::Object(JsonObject(
                map.into_iter().map(|(k, v)| (k, v.into())).collect(),
            )),
        }
    }
}

impl From<&str> for JsonValue {
    fn from(v: &str) -> Self {
        JsonValue::String(v.to_owned())
    }
}

impl From<String> for JsonValue {
    fn from(v: String) -> Self {
        JsonValue::String(v)
    }
}

impl From<bool> for JsonValue {
    fn from(v: bool) -> Self {
        JsonValue::Bool(v)
    }
}

impl From<i64> for JsonValue {
    fn from(v: i64) -> Self {
        JsonValue::Number(v.into())
    }
}

impl From<f64> for JsonValue {
    /// A non-finite float becomes `null`.
    fn from(v: f64) -> Self {
        serde_json::Number::from_f64(v).map_or(JsonValue::Null, JsonValue::Number)
    }
}

impl From<JsonObject> for JsonValue {
    fn from(v: JsonObject) -> Self {
        JsonValue::Object(v)
    }
}

impl From<Vec<JsonValue>> for JsonValue {
    fn from(v: Vec<JsonValue>) -> Self {
        JsonValue::Array(v)
    }
}

impl Serialize for JsonValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            JsonValue::Null => serializer.serialize_unit(),
            JsonValue::Bool(b) => serializer.serialize_bool(*b),
            JsonValue::Number(n) => n.serialize(serializer),
            JsonValue::String(s) => serializer.serialize_str(s),
            JsonValue::Array(items) => items.serialize(serializer),
            JsonValue::Object(o) => o.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<JsonValue, E> {
                Ok(JsonValue::Null)
            }
            fn visit_none<E>(self) -> Result<JsonValue, E> {
                Ok(JsonValue::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<JsonValue, D::Error> {
                JsonValue::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<JsonValue, E> {
                Ok(JsonValue::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<JsonValue, E> {
                Ok(JsonValue::Number(n.into()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<JsonValue, E> {
                Ok(JsonValue::Number(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<JsonValue, E> {
                Ok(JsonValue::from(n))
            }
            fn visit_str<E>(self, s: &str) -> Result<JsonValue, E> {
                Ok(JsonValue::String(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<JsonValue, E> {
                Ok(JsonValue::String(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<JsonValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = access.next_element()? {
                    items.push(item);
                }
                Ok(JsonValue::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<JsonValue, A::Error> {
                ObjectVisitor.visit_map(access).map(JsonValue::Object)
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A free-form JSON object that keeps its keys in the order they were
/// inserted or received, nested objects included (the official SDK sends a
/// caller's dict in the caller's order, and the body hash is signed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonObject(pub Vec<(String, JsonValue)>);

impl JsonObject {
    /// An empty object.
    pub fn new() -> Self {
        JsonObject(Vec::new())
    }

    /// Sets `key` (replacing its value in place when present) and returns self.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<JsonValue>) -> Self {
        self.insert(key, value);
        self
    }

    /// Sets `key`, keeping its position when it is already present.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<JsonValue>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The text of `key` when it is a string.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(JsonValue::as_str)
    }

    /// Whether the object has no key.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The keys and values in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &JsonValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The same object as a [`serde_json::Value`] (keys then sorted).
    pub fn to_value(&self) -> Value {
        JsonValue::Object(self.clone()).to_value()
    }
}

impl<K: Into<String>, V: Into<JsonValue>> FromIterator<(K, V)> for JsonObject {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut o = JsonObject::new();
        for (k, v) in iter {
            o.insert(k, v);
        }
        o
    }
}

impl Serialize for JsonObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = JsonObject;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<JsonObject, E> {
        Ok(JsonObject::new())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<JsonObject, E> {
        Ok(JsonObject::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<JsonObject, A::Error> {
        let mut out = JsonObject::new();
        while let Some((k, v)) = access.next_entry::<String, JsonValue>()? {
            out.insert(k, v);
        }
        Ok(out)
    }
}

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectVisitor)
    }
}

/// Accepts one object or an array of them (the pool status resources are a
/// single object in the SDK model and an array in the API reference).
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let v = Value::deserialize(deserializer)?;
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => items
            .into_iter()
            .map(|i| T::deserialize(i).map_err(serde::de::Error::custom))
            .collect(),
        other => T::deserialize(other)
            .map(|one| vec![one])
            .map_err(serde::de::Error::custom),
    }
}

/// Deserializes `null` as the default value.
pub(crate) fn null_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A number the service may send as a JSON number or as a numeric string
/// (anything else decodes as `None`).
pub(crate) fn lenient_i64<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// Writes whole floats as integers (`0`, not `0.0`), as the API reference's
/// examples do.
pub(crate) fn whole_f64_opt<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => bce_core::json::serialize_go_f64(v, serializer),
        None => serializer.serialize_none(),
    }
}

/// A string map whose values may arrive as numbers or booleans (kept as
/// text); `null` or a non-object is an empty map.
pub(crate) fn string_map<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<String, String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Object(map) => map
            .into_iter()
            .map(|(k, v)| {
                let v = match v {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                (k, v)
            })
            .collect(),
        _ => Default::default(),
    })
}

/// Text that may arrive as a string, a number or a boolean (kept as text);
/// `null` and other shapes are `None`.
pub(crate) fn lenient_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_layout_and_escapes() {
        let v = serde_json::json!({"a": [1, 2, {}], "b": "值 \"q\" / \\ 😀 \n\t\u{1}\u{7f}<&>"});
        let out = String::from_utf8(to_python_json(&v).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"{"a": [1, 2, {}], "b": "\u503c \"q\" / \\ \ud83d\ude00 \n\t\u0001\u007f<&>"}"#
        );
        assert_eq!(to_python_json(&serde_json::json!([])).unwrap(), b"[]");
    }

    #[test]
    fn json_object_keeps_order() {
        let o: JsonObject =
            serde_json::from_str(r#"{"method":"fixed","cron":"0 0 0 * * Thu,Tue"}"#).unwrap();
        assert_eq!(
            o.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            ["method", "cron"]
        );
        assert_eq!(
            to_python_json(&o).unwrap(),
            br#"{"method": "fixed", "cron": "0 0 0 * * Thu,Tue"}"#
        );
        let o = JsonObject::new().with("b", 1).with("a", true).with("b", 2);
        assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"b":2,"a":true}"#);
        assert_eq!(o.get_str("x"), None);
        let o: JsonObject = serde_json::from_str("null").unwrap();
        assert!(o.is_empty());
        let text = r#"{"z": 1, "a": {"y": [1, 2.5, null, true], "b": "\u00e9"}, "m": null}"#;
        let o: JsonObject = serde_json::from_str(text).unwrap();
        assert_eq!(to_python_json(&o).unwrap(), text.as_bytes());
        assert_eq!(o.to_value()["a"]["b"], "é");
        assert_eq!(
            o.get("a")
                .and_then(JsonValue::as_object)
                .map(JsonObject::len),
            Some(2)
        );
    }
}
