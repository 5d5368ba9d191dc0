//! Operation tables for command line tools (feature `cli`).
//!
//! Every service crate can describe its public operations in one table, so a
//! tool (the `bcectl` binary, a conformance harness, a REPL) reaches each of
//! them through JSON without hand-written glue:
//!
//! * [`OperationSpec`]: the SDK method name (snake case), a one-line doc, a
//!   skeleton of its input with every field, and a call that takes the input
//!   as JSON and returns the typed answer as JSON;
//! * [`ServiceSpec`]: a service's name, doc, client constructor and table;
//! * [`Service`]: the object-safe view a tool keeps a list of.
//!
//! The input of an operation is one JSON object using the request's JSON
//! field names. A method taking ids and a request reads the ids from
//! the same object as the request fields (`{"jobId": …, "priority": …}`);
//! a method taking a list or a second structure reads it from a named key.
//! Tables are written with [`cli_operations!`](crate::cli_operations).
//!
//! ```
//! use bce_core::cli::{self, Service};
//! use bce_core::{Config, Error};
//!
//! #[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
//! #[serde(rename_all = "camelCase", default)]
//! pub struct Hello { pub name: String, pub times: u32 }
//!
//! pub struct Client;
//! impl Client {
//!     fn new(_: Config) -> Result<Self, Error> { Ok(Client) }
//!     async fn greet(&self, pool: &str, hello: &Hello) -> Result<String, Error> {
//!         Ok(format!("{pool}: hello {} x{}", hello.name, hello.times))
//!     }
//! }
//!
//! bce_core::cli_operations! {
//!     /// The table of the demo service.
//!     pub static TABLE: Client = {
//!         service: "demo",
//!         doc: "A demo service.",
//!         connect: Client::new,
//!         operations: [
//!             greet "Greets someone (GET /hello/{poolId})" (str "poolId", body: Hello),
//!         ],
//!     };
//! }
//!
//! let skeleton = (TABLE.operations[0].skeleton)();
//! assert_eq!(skeleton, serde_json::json!({"poolId": "", "name": "", "times": 0}));
//! let service: &dyn Service = &TABLE;
//! assert_eq!(service.operations()[0].name, "greet");
//! ```

use std::collections::HashSet;
use std::fmt;
use std::sync::Mutex;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::config::Config;
use crate::credentials::BoxFuture;
use crate::error::Error;

/// The call of an operation: the client and the input object, answering the
/// typed response serialized as JSON (`null` for operations that answer nothing).
pub type CallFn<C> = for<'a> fn(&'a C, Value) -> BoxFuture<'a, Result<Value, Error>>;

/// One operation of a service.
pub struct OperationSpec<C: 'static> {
    /// The SDK method name in snake case, e.g. `get_job`.
    pub name: &'static str,
    /// One line: what it does and the route it calls.
    pub doc: &'static str,
    /// An input template with every field (ids as `""`, numbers as `0`, one
    /// element per list).
    pub skeleton: fn() -> Value,
    /// Runs the operation.
    pub call: CallFn<C>,
}

impl<C> fmt::Debug for OperationSpec<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OperationSpec")
            .field("name", &self.name)
            .field("doc", &self.doc)
            .finish_non_exhaustive()
    }
}

/// The operation table of one service crate.
pub struct ServiceSpec<C: 'static> {
    /// Service name as a tool shows it, e.g. `aihc-train`.
    pub name: &'static str,
    /// One line about the service.
    pub doc: &'static str,
    /// Whether the service is signed with BCE credentials (bce-auth-v1);
    /// false for services with their own login (PaddleFlow, ModelArts), whose
    /// client takes what it needs from [`Connection::setting`].
    pub bce_credentials: bool,
    /// Builds the client.
    pub connect: fn(&Connection<'_>) -> Result<C, Error>,
    /// The operations, in the order a tool lists them.
    pub operations: &'static [OperationSpec<C>],
}

impl<C> fmt::Debug for ServiceSpec<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceSpec")
            .field("name", &self.name)
            .field("operations", &self.operations)
            .finish_non_exhaustive()
    }
}

/// What a tool hands to a service table to build a client: the
/// configuration (endpoint, region, timeouts, transport and, for BCE
/// services, the credentials) and a lookup of further settings by key
/// (e.g. `paddleflow_user`), which a tool may answer from the environment
/// or its profile files.
pub struct Connection<'a> {
    /// The configuration.
    pub config: Config,
    settings: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

fn no_settings(_: &str) -> Option<String> {
    None
}

impl<'a> Connection<'a> {
    /// A connection with a settings lookup.
    pub fn new(config: Config, settings: &'a (dyn Fn(&str) -> Option<String> + Sync)) -> Self {
        Connection { config, settings }
    }

    /// A connection without further settings.
    pub fn from_config(config: Config) -> Connection<'static> {
        Connection {
            config,
            settings: &no_settings,
        }
    }

    /// The setting `key`, if the tool has one.
    pub fn setting(&self, key: &str) -> Option<String> {
        (self.settings)(key).filter(|v| !v.trim().is_empty())
    }
}

impl fmt::Debug for Connection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Name, doc and skeleton of an operation, without the client type.
#[derive(Debug, Clone, Copy)]
pub struct OperationInfo {
    /// SDK method name in snake case.
    pub name: &'static str,
    /// One-line doc.
    pub doc: &'static str,
    /// The input template.
    pub skeleton: fn() -> Value,
}

/// A service table seen without its client type, for tools that keep a
/// list of services.
pub trait Service: Send + Sync {
    /// Service name, e.g. `aihc-train`.
    fn name(&self) -> &'static str;
    /// One-line doc.
    fn doc(&self) -> &'static str;
    /// Whether the service is signed with BCE credentials.
    fn bce_credentials(&self) -> bool;
    /// The operations.
    fn operations(&self) -> Vec<OperationInfo>;
    /// Builds a client from `connection` and runs `operation` with `input`.
    /// An unknown operation is an invalid-input error.
    fn call(
        &self,
        connection: &Connection<'_>,
        operation: &str,
        input: Value,
    ) -> BoxFuture<'static, Result<Value, Error>>;
}

impl<C: Send + Sync + 'static> Service for ServiceSpec<C> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn doc(&self) -> &'static str {
        self.doc
    }

    fn bce_credentials(&self) -> bool {
        self.bce_credentials
    }

    fn operations(&self) -> Vec<OperationInfo> {
        self.operations
            .iter()
            .map(|op| OperationInfo {
                name: op.name,
                doc: op.doc,
                skeleton: op.skeleton,
            })
            .collect()
    }

    fn call(
        &self,
        connection: &Connection<'_>,
        operation: &str,
        input: Value,
    ) -> BoxFuture<'static, Result<Value, Error>> {
        let Some(op) = self.operations.iter().find(|op| op.name == operation) else {
            let error = Error::invalid_input(
                "operation",
                format!("{} has no operation {operation:?}", self.name),
            );
            return Box::pin(async move { Err(error) });
        };
        let client = match (self.connect)(connection) {
            Ok(client) => client,
            Err(error) => return Box::pin(async move { Err(error) }),
        };
        Box::pin(async move { (op.call)(&client, input).await })
    }
}

// ---------------------------------------------------------------- inputs --

fn object(input: &Value) -> Result<&Map<String, Value>, Error> {
    match input {
        Value::Object(map) => Ok(map),
        Value::Null => Err(Error::invalid_input(
            "input",
            "the input is missing (expected a JSON object)",
        )),
        other => Err(Error::invalid_input(
            "input",
            format!("expected a JSON object, got {}", kind(other)),
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A required text argument (an id) read from `key` of the input object.
/// Numbers are accepted and written in decimal.
pub fn arg_str(input: &Value, key: &str) -> Result<String, Error> {
    match object(input)?.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Null) | None => Err(Error::invalid_input(key, "is required")),
        Some(other) => Err(Error::invalid_input(
            key,
            format!("expected a string, got {}", kind(other)),
        )),
    }
}

/// A required argument of any type read from `key` of the input object.
pub fn arg_required<T: DeserializeOwned>(input: &Value, key: &str) -> Result<T, Error> {
    match object(input)?.get(key) {
        None | Some(Value::Null) => Err(Error::invalid_input(key, "is required")),
        Some(v) => {
            serde_json::from_value(v.clone()).map_err(|e| Error::invalid_input(key, e.to_string()))
        }
    }
}

/// An argument read from `key` of the input object (its default when absent).
pub fn arg_field<T: DeserializeOwned + Default>(input: &Value, key: &str) -> Result<T, Error> {
    match object(input)?.get(key) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => {
            serde_json::from_value(v.clone()).map_err(|e| Error::invalid_input(key, e.to_string()))
        }
    }
}

/// An optional text argument from `key` (absent, `null` or `""`: `None`).
pub fn arg_opt_str(input: &Value, key: &str) -> Result<Option<String>, Error> {
    match object(input)?.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(_) => arg_str(input, key).map(Some),
    }
}

/// A request structure read from the whole input object (fields of other
/// arguments in the same object are ignored by it).
pub fn arg_body<T: DeserializeOwned>(input: &Value) -> Result<T, Error> {
    object(input)?;
    serde_json::from_value(input.clone()).map_err(|e| Error::invalid_input("input", e.to_string()))
}

/// A request read from the input object by its own rules: for requests
/// whose JSON form leaves out values that travel elsewhere (query or path
/// parameters marked `#[serde(skip)]`), a service crate implements this to
/// read those from named keys as well. Used by the `input: Type` argument
/// of [`cli_operations!`](crate::cli_operations).
pub trait CliInput: Sized {
    /// Reads the request from the input object.
    fn read(input: &Value) -> Result<Self, Error>;
    /// Adds the request's fields to an input template.
    fn skeleton(skeleton: &mut Map<String, Value>);
}

/// A text value of the input object by key, compared without regard to
/// case (`queueID` for `queueId`); `None` when absent, `null` or `""`.
pub fn lookup_str(input: &Value, key: &str) -> Option<String> {
    let map = input.as_object()?;
    let value = map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })?;
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Serializes an answer for the tool (`()` becomes `null`).
pub fn output<T: Serialize>(answer: &T) -> Result<Value, Error> {
    serde_json::to_value(answer)
        .map_err(|e| Error::invalid_input("output", format!("cannot serialize the answer: {e}")))
}

/// Adds to `skeleton` the entry of a text argument.
#[doc(hidden)]
pub fn skeleton_str(skeleton: &mut Map<String, Value>, key: &str) {
    skeleton.insert(key.to_owned(), Value::String(String::new()));
}

/// Adds to `skeleton` the entry of an argument read from `key`.
#[doc(hidden)]
pub fn skeleton_field<T: DeserializeOwned + Serialize + Default>(
    skeleton: &mut Map<String, Value>,
    key: &str,
) {
    skeleton.insert(key.to_owned(), skeleton_of::<T>());
}

/// Adds to `skeleton` the fields of a request read from the whole object.
#[doc(hidden)]
pub fn skeleton_body<T: DeserializeOwned + Serialize + Default>(skeleton: &mut Map<String, Value>) {
    if let Value::Object(fields) = skeleton_of::<T>() {
        for (k, v) in fields {
            skeleton.entry(k).or_insert(v);
        }
    }
}

/// Checks `input` against an operation's `skeleton`: the input must be an
/// object and every key must be a field of the skeleton (compared without
/// regard to case, which also admits the SDK's accepted spellings such as
/// `resourcePoolID`). Nested objects are checked where the skeleton lists
/// their fields; free-form maps (`{}` in the skeleton) take any key.
pub fn check_input(input: &Value, skeleton: &Value) -> Result<(), Error> {
    object(input)?;
    check_level(input, skeleton, "")
}

fn check_level(input: &Value, skeleton: &Value, path: &str) -> Result<(), Error> {
    match (input, skeleton) {
        (Value::Object(given), Value::Object(known)) if !known.is_empty() => {
            for (key, value) in given {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let matched = known
                    .get(key)
                    .or_else(|| {
                        known
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(key))
                            .map(|(_, v)| v)
                    })
                    .ok_or_else(|| {
                        let mut names: Vec<&str> = known.keys().map(String::as_str).collect();
                        names.sort_unstable();
                        Error::invalid_input(
                            field.clone(),
                            format!("unknown field; expected one of: {}", names.join(", ")),
                        )
                    })?;
                check_level(value, matched, &field)?;
            }
            Ok(())
        }
        (Value::Array(items), Value::Array(known)) => match known.first() {
            Some(element) => {
                for (i, item) in items.iter().enumerate() {
                    check_level(item, element, &format!("{path}[{i}]"))?;
                }
                Ok(())
            }
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

// -------------------------------------------------------------- skeletons --

/// An input template of `T` with every field: strings `""`, numbers `0`,
/// booleans `false`, one element in each list, optional structures filled in.
///
/// It is found by driving `T`'s `Deserialize` with a deserializer that
/// answers every question with an example value and records the shape, so
/// fields that `T` skips when serializing empty values are listed too. Types
/// whose deserializer needs more than that (untagged enums, flattened maps)
/// fall back to the serialized `T::default()`, which is merged in anyway.
pub fn skeleton_of<T: DeserializeOwned + Serialize + Default>() -> Value {
    let default = serde_json::to_value(T::default()).unwrap_or(Value::Null);
    match trace::<T>() {
        Some((shape, serialized)) => {
            let mut shape = primary_names(shape, &serialized);
            merge_missing(&mut shape, &default);
            shape
        }
        None => default,
    }
}

/// Deepest nesting the tracer fills in (recursive types stop here).
const MAX_DEPTH: usize = 8;
/// How many times the tracer starts over after skipping an alias.
const MAX_RESTARTS: usize = 256;

/// Runs the tracer until it succeeds: a struct visitor that refuses a field
/// name (an alias of a field already given) gets that name skipped next time.
fn trace<T: DeserializeOwned + Serialize>() -> Option<(Value, Value)> {
    let ctx = TraceCtx::default();
    for _ in 0..MAX_RESTARTS {
        let mut shape = Value::Null;
        let before = ctx.skipped_count();
        match T::deserialize(Tracer {
            out: &mut shape,
            ctx: &ctx,
            depth: 0,
        }) {
            Ok(value) => return Some((shape, serde_json::to_value(&value).ok()?)),
            Err(_) if ctx.skipped_count() > before => continue,
            Err(_) => return None,
        }
    }
    None
}

/// Renames keys of the traced shape to the names `T` serializes (the tracer
/// may have kept an alias such as `resourcePoolID` for `resourcePoolId`).
fn primary_names(shape: Value, serialized: &Value) -> Value {
    match (shape, serialized) {
        (Value::Object(fields), Value::Object(names)) => {
            let mut out = Map::new();
            let traced: HashSet<String> = fields.keys().cloned().collect();
            for (key, value) in fields {
                let name = if names.contains_key(&key) {
                    key
                } else {
                    names
                        .keys()
                        .find(|n| n.eq_ignore_ascii_case(&key) && !traced.contains(*n))
                        .cloned()
                        .unwrap_or(key)
                };
                let value = primary_names(value, names.get(&name).unwrap_or(&Value::Null));
                out.insert(name, value);
            }
            Value::Object(out)
        }
        (Value::Array(items), Value::Array(names)) => {
            let first = names.first().cloned().unwrap_or(Value::Null);
            Value::Array(
                items
                    .into_iter()
                    .map(|v| primary_names(v, &first))
                    .collect(),
            )
        }
        (other, _) => other,
    }
}

/// Adds the keys of `default` that `shape` lacks (fields of flattened parts).
fn merge_missing(shape: &mut Value, default: &Value) {
    if let (Value::Object(fields), Value::Object(defaults)) = (shape, default) {
        for (key, value) in defaults {
            match fields.get_mut(key) {
                Some(existing) => merge_missing(existing, value),
                None => {
                    fields.insert(key.clone(), value.clone());
                }
            }
        }
    }
}

#[derive(Default)]
struct TraceCtx {
    skipped: Mutex<HashSet<(&'static str, &'static str)>>,
}

impl TraceCtx {
    fn skipped_count(&self) -> usize {
        self.skipped.lock().map(|s| s.len()).unwrap_or(usize::MAX)
    }

    fn is_skipped(&self, name: &'static str, field: &'static str) -> bool {
        self.skipped
            .lock()
            .map(|s| s.contains(&(name, field)))
            .unwrap_or(false)
    }

    fn skip(&self, name: &'static str, field: &'static str) {
        if let Ok(mut s) = self.skipped.lock() {
            s.insert((name, field));
        }
    }
}

#[derive(Debug)]
struct TraceError(String);

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TraceError {}

impl de::Error for TraceError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TraceError(msg.to_string())
    }
}

/// Answers every question with an example value (non-empty, so that the
/// value serializes back with all its fields) and records an empty-looking
/// one in `out`.
struct Tracer<'a> {
    out: &'a mut Value,
    ctx: &'a TraceCtx,
    depth: usize,
}

/// The example text fed to visitors (recorded as `""`).
const EXAMPLE_TEXT: &str = "x";

impl<'a> Tracer<'a> {
    fn child<'b>(&'b self, out: &'b mut Value) -> Tracer<'b> {
        Tracer {
            out,
            ctx: self.ctx,
            depth: self.depth + 1,
        }
    }
}

macro_rules! trace_number {
    ($($method:ident => $visit:ident($value:expr)),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
                *self.out = Value::from(0);
                visitor.$visit($value)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Tracer<'_> {
    type Error = TraceError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::String(String::new());
        visitor.visit_str(EXAMPLE_TEXT)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Bool(false);
        visitor.visit_bool(true)
    }

    trace_number! {
        deserialize_i8 => visit_i8(1),
        deserialize_i16 => visit_i16(1),
        deserialize_i32 => visit_i32(1),
        deserialize_i64 => visit_i64(1),
        deserialize_i128 => visit_i128(1),
        deserialize_u8 => visit_u8(1),
        deserialize_u16 => visit_u16(1),
        deserialize_u32 => visit_u32(1),
        deserialize_u64 => visit_u64(1),
        deserialize_u128 => visit_u128(1),
        deserialize_f32 => visit_f32(1.0),
        deserialize_f64 => visit_f64(1.0),
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::String(String::new());
        visitor.visit_char('x')
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::String(String::new());
        visitor.visit_str(EXAMPLE_TEXT)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::String(String::new());
        visitor.visit_string(EXAMPLE_TEXT.to_owned())
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Array(Vec::new());
        visitor.visit_bytes(b"x")
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Array(Vec::new());
        visitor.visit_byte_buf(b"x".to_vec())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        if self.depth >= MAX_DEPTH {
            *self.out = Value::Null;
            return visitor.visit_none();
        }
        visitor.visit_some(Tracer {
            out: self.out,
            ctx: self.ctx,
            depth: self.depth + 1,
        })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Null;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        *self.out = Value::Null;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        let len = usize::from(self.depth < MAX_DEPTH);
        self.tuple(len, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        self.tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        self.tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Object(Map::new());
        visitor.visit_map(de::value::MapDeserializer::<
            std::iter::Empty<(String, String)>,
            TraceError,
        >::new(std::iter::empty()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        let mut map = Map::new();
        let mut access = StructAccess {
            name,
            fields,
            next: 0,
            pending: None,
            out: &mut map,
            ctx: self.ctx,
            depth: self.depth,
        };
        let result = visitor.visit_map(&mut access);
        if result.is_err() {
            if let Some(field) = access.pending {
                self.ctx.skip(name, field);
            }
        }
        *self.out = Value::Object(map);
        result
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        let variant = variants.first().copied().unwrap_or("");
        visitor.visit_enum(Variant {
            name: variant,
            tracer: self,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::String(String::new());
        visitor.visit_str(EXAMPLE_TEXT)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TraceError> {
        *self.out = Value::Null;
        visitor.visit_unit()
    }
}

impl Tracer<'_> {
    fn tuple<'de, V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, TraceError> {
        let mut items = vec![Value::Null; len];
        let result = visitor.visit_seq(Elements {
            items: &mut items,
            next: 0,
            ctx: self.ctx,
            depth: self.depth,
        });
        *self.out = Value::Array(items);
        result
    }
}

struct Elements<'a> {
    items: &'a mut [Value],
    next: usize,
    ctx: &'a TraceCtx,
    depth: usize,
}

impl<'de> SeqAccess<'de> for Elements<'_> {
    type Error = TraceError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, TraceError> {
        let Some(slot) = self.items.get_mut(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        seed.deserialize(Tracer {
            out: slot,
            ctx: self.ctx,
            depth: self.depth + 1,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

struct StructAccess<'a> {
    name: &'static str,
    fields: &'static [&'static str],
    next: usize,
    pending: Option<&'static str>,
    out: &'a mut Map<String, Value>,
    ctx: &'a TraceCtx,
    depth: usize,
}

impl<'de> MapAccess<'de> for StructAccess<'_> {
    type Error = TraceError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TraceError> {
        while let Some(&field) = self.fields.get(self.next) {
            self.next += 1;
            if self.ctx.is_skipped(self.name, field) {
                continue;
            }
            self.pending = Some(field);
            let key: de::value::StrDeserializer<'_, TraceError> = field.into_deserializer();
            return seed.deserialize(key).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, TraceError> {
        let field = self.pending.take().unwrap_or("");
        let mut slot = Value::Null;
        let value = seed.deserialize(Tracer {
            out: &mut slot,
            ctx: self.ctx,
            depth: self.depth + 1,
        });
        self.out.insert(field.to_owned(), slot);
        value
    }
}

struct Variant<'a> {
    name: &'static str,
    tracer: Tracer<'a>,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = TraceError;
    type Variant = Tracer<'a>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Tracer<'a>), TraceError> {
        let key: de::value::StrDeserializer<'_, TraceError> = self.name.into_deserializer();
        let value = seed.deserialize(key)?;
        *self.tracer.out = Value::String(self.name.to_owned());
        Ok((value, self.tracer))
    }
}

impl<'de> VariantAccess<'de> for Tracer<'_> {
    type Error = TraceError;

    fn unit_variant(self) -> Result<(), TraceError> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, TraceError> {
        let name = self.out.as_str().unwrap_or("").to_owned();
        let mut inner = Value::Null;
        let value = seed.deserialize(self.child(&mut inner))?;
        let mut map = Map::new();
        map.insert(name, inner);
        *self.out = Value::Object(map);
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        let name = self.out.as_str().unwrap_or("").to_owned();
        let mut inner = Value::Null;
        let value = self.child(&mut inner).tuple(len, visitor)?;
        let mut map = Map::new();
        map.insert(name, inner);
        *self.out = Value::Object(map);
        Ok(value)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TraceError> {
        let name = self.out.as_str().unwrap_or("").to_owned();
        let mut inner = Value::Null;
        let value =
            de::Deserializer::deserialize_struct(self.child(&mut inner), "", fields, visitor)?;
        let mut map = Map::new();
        map.insert(name, inner);
        *self.out = Value::Object(map);
        Ok(value)
    }
}

// ------------------------------------------------------------------ macro --

/// Declares a service's operation table, a `static` [`ServiceSpec`].
///
/// Each operation is `method "one-line doc" (arguments…)`, where `method`
/// is a method of the client type taking the arguments by reference, in
/// order, and returning `Result<impl Serialize, bce_core::Error>`. An
/// argument is one of:
///
/// * `str "key"` — a required string (an id) from `key` of the input;
/// * `body: Type` — the request structure read from the whole input
///   object (several `body` arguments share the object);
/// * `field "key": Type` — a value read from `key` (default when absent);
/// * `required "key": Type` — a value read from `key` (required);
/// * `value "key": Type` — like `required`, passed by value (numbers);
/// * `optvalue "key": Type` — like `field`, passed by value (`bool`, `Option<T>`);
/// * `optstr "key"` — an optional string passed as `Option<&str>`;
/// * `input: Type` — a request read by its [`CliInput`] implementation.
///
/// `connect: Client::new` takes a `fn(Config) -> Result<Client, Error>`;
/// `connect_with: f` takes a `fn(&Connection) -> Result<Client, Error>` for
/// clients that need settings beyond the configuration, and
/// `bce_credentials: false` (after it) marks services with their own login.
///
/// See the [module documentation](crate::cli) for an example.
#[macro_export]
macro_rules! cli_operations {
    (@arg $input:ident, str $key:literal) => {
        &$crate::cli::arg_str($input, $key)?
    };
    (@arg $input:ident, body : $ty:ty) => {
        &$crate::cli::arg_body::<$ty>($input)?
    };
    (@arg $input:ident, field $key:literal : $ty:ty) => {
        &$crate::cli::arg_field::<$ty>($input, $key)?
    };
    (@arg $input:ident, required $key:literal : $ty:ty) => {
        &$crate::cli::arg_required::<$ty>($input, $key)?
    };
    (@arg $input:ident, value $key:literal : $ty:ty) => {
        $crate::cli::arg_required::<$ty>($input, $key)?
    };
    (@arg $input:ident, input : $ty:ty) => {
        &<$ty as $crate::cli::CliInput>::read($input)?
    };
    (@skeleton $map:ident, input : $ty:ty) => {
        <$ty as $crate::cli::CliInput>::skeleton(&mut $map)
    };
    (@arg $input:ident, optstr $key:literal) => {
        $crate::cli::arg_opt_str($input, $key)?.as_deref()
    };
    (@arg $input:ident, optvalue $key:literal : $ty:ty) => {
        $crate::cli::arg_field::<$ty>($input, $key)?
    };
    (@skeleton $map:ident, optstr $key:literal) => {
        $crate::cli::skeleton_str(&mut $map, $key)
    };
    (@skeleton $map:ident, optvalue $key:literal : $ty:ty) => {
        $crate::cli::skeleton_field::<$ty>(&mut $map, $key)
    };
    (@bool) => {
        true
    };
    (@bool $value:expr) => {
        $value
    };
    (@connect connect $connect:expr, $client:ty) => {{
        fn connect(
            connection: &$crate::cli::Connection<'_>,
        ) -> ::core::result::Result<$client, $crate::Error> {
            ($connect)(connection.config.clone())
        }
        connect
    }};
    (@connect connect_with $connect:expr, $client:ty) => {
        $connect
    };
    (@skeleton $map:ident, str $key:literal) => {
        $crate::cli::skeleton_str(&mut $map, $key)
    };
    (@skeleton $map:ident, body : $ty:ty) => {
        $crate::cli::skeleton_body::<$ty>(&mut $map)
    };
    (@skeleton $map:ident, field $key:literal : $ty:ty) => {
        $crate::cli::skeleton_field::<$ty>(&mut $map, $key)
    };
    (@skeleton $map:ident, required $key:literal : $ty:ty) => {
        $crate::cli::skeleton_field::<$ty>(&mut $map, $key)
    };
    (@skeleton $map:ident, value $key:literal : $ty:ty) => {
        $crate::cli::skeleton_field::<$ty>(&mut $map, $key)
    };
    (
        $(#[$meta:meta])*
        $vis:vis static $table:ident : $client:ty = {
            service: $service:expr,
            doc: $doc:expr,
            $connect_kind:ident : $connect:expr,
            $(bce_credentials: $bce:expr,)?
            operations: [
                $( $method:ident $opdoc:literal ( $( $kind:ident $($key:literal)? $(: $ty:ty)? ),* $(,)? ) ),* $(,)?
            ] $(,)?
        };
    ) => {
        $(#[$meta])*
        $vis static $table: $crate::cli::ServiceSpec<$client> = $crate::cli::ServiceSpec {
            name: $service,
            doc: $doc,
            bce_credentials: $crate::cli_operations!(@bool $($bce)?),
            connect: $crate::cli_operations!(@connect $connect_kind $connect, $client),
            operations: &[
                $(
                    $crate::cli::OperationSpec {
                        name: ::core::stringify!($method),
                        doc: $opdoc,
                        skeleton: {
                            fn skeleton() -> $crate::__serde_json::Value {
                                #[allow(unused_mut)]
                                let mut map = $crate::__serde_json::Map::new();
                                $( $crate::cli_operations!(@skeleton map, $kind $($key)? $(: $ty)?); )*
                                $crate::__serde_json::Value::Object(map)
                            }
                            skeleton
                        },
                        call: {
                            fn call<'a>(
                                client: &'a $client,
                                input: $crate::__serde_json::Value,
                            ) -> $crate::BoxFuture<'a, ::core::result::Result<$crate::__serde_json::Value, $crate::Error>> {
                                ::std::boxed::Box::pin(async move {
                                    #[allow(unused_variables)]
                                    let input = &input;
                                    let answer = client
                                        .$method($( $crate::cli_operations!(@arg input, $kind $($key)? $(: $ty)?) ),*)
                                        .await?;
                                    $crate::cli::output(&answer)
                                })
                            }
                            call
                        },
                    },
                )*
            ],
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    crate::string_enum! {
        /// A state.
        enum State {
            /// Up.
            Up = "Up",
        }
    }

    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Inner {
        #[serde(skip_serializing_if = "String::is_empty")]
        name: String,
        count: i64,
    }

    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Request {
        #[serde(alias = "resourcePoolID")]
        resource_pool_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        inner: Option<Inner>,
        items: Vec<Inner>,
        tags: std::collections::BTreeMap<String, String>,
        state: State,
        ratio: f64,
        enabled: bool,
        #[serde(deserialize_with = "crate::json::null_as_default")]
        names: Vec<String>,
        children: Vec<Request>,
        free: Value,
    }

    #[test]
    fn skeleton_lists_every_field_with_primary_names() {
        let s = skeleton_of::<Request>();
        assert_eq!(s["resourcePoolId"], "");
        assert!(s.get("resourcePoolID").is_none(), "{s}");
        assert_eq!(s["inner"], json!({"name": "", "count": 0}));
        assert_eq!(s["items"], json!([{"name": "", "count": 0}]));
        assert_eq!(s["tags"], json!({}));
        assert_eq!(s["state"], "");
        assert!(State::default().is_empty() && !State::Up.is_empty());
        assert_eq!(s["enabled"], false);
        assert_eq!(s["names"], json!([""]));
        assert!(s["children"][0]["children"].is_array(), "{s}");
        assert_eq!(s["free"], "");
    }

    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Flat {
        id: String,
        #[serde(flatten)]
        rest: Inner,
    }

    #[test]
    fn flattened_fields_come_from_the_default() {
        let s = skeleton_of::<Flat>();
        assert_eq!(s["id"], "");
        assert_eq!(s["count"], 0, "{s}");
    }

    #[test]
    fn input_checks() {
        let skeleton =
            json!({"jobId": "", "spec": {"image": "", "envs": [{"name": ""}]}, "labels": {}});
        assert!(check_input(&json!({"jobId": "j", "JOBID": "k"}), &skeleton).is_ok());
        assert!(check_input(&json!({"labels": {"any": "x"}}), &skeleton).is_ok());
        let err = check_input(&json!({"spec": {"imag": "x"}}), &skeleton).unwrap_err();
        assert!(err.to_string().contains("spec.imag"), "{err}");
        let err = check_input(&json!({"spec": {"envs": [{"nme": 1}]}}), &skeleton).unwrap_err();
        assert!(err.to_string().contains("spec.envs[0].nme"), "{err}");
        assert!(check_input(&json!([1]), &skeleton).is_err());
    }

    #[test]
    fn arguments() {
        let input = json!({"jobId": "j-1", "n": 7, "list": ["a"], "bad": true});
        assert_eq!(arg_str(&input, "jobId").unwrap(), "j-1");
        assert_eq!(arg_str(&input, "n").unwrap(), "7");
        assert!(arg_str(&input, "missing").unwrap_err().is_invalid_input());
        assert!(arg_str(&input, "bad").is_err());
        assert_eq!(
            arg_field::<Vec<String>>(&input, "list").unwrap(),
            vec!["a".to_string()]
        );
        assert!(arg_field::<Vec<String>>(&input, "none").unwrap().is_empty());
        assert!(arg_required::<Vec<String>>(&input, "none").is_err());
        let inner: Inner = arg_body(&json!({"count": 3, "other": 1})).unwrap();
        assert_eq!(inner.count, 3);
        assert!(arg_body::<Inner>(&json!({"count": "x"})).is_err());
        assert_eq!(output(&()).unwrap(), Value::Null);
    }

    struct Demo;

    impl Demo {
        fn connect(_: Config) -> Result<Self, Error> {
            Ok(Demo)
        }

        async fn describe(
            &self,
            id: &str,
            inner: &Inner,
            ids: &[String],
            n: u32,
        ) -> Result<Value, Error> {
            Ok(json!({"id": id, "count": inner.count, "ids": ids, "n": n}))
        }

        async fn nothing(&self) -> Result<(), Error> {
            Ok(())
        }
    }

    crate::cli_operations! {
        static DEMO: Demo = {
            service: "demo",
            doc: "Demo.",
            connect: Demo::connect,
            operations: [
                describe "Describes (GET /x/{id})" (str "id", body: Inner, field "ids": Vec<String>, value "n": u32),
                nothing "Does nothing" (),
            ],
        };
    }

    impl Demo {
        async fn options(
            &self,
            user: Option<&str>,
            force: bool,
            cache: Option<bool>,
        ) -> Result<Value, Error> {
            Ok(json!({"user": user, "force": force, "cache": cache}))
        }
    }

    fn connect_own(connection: &Connection<'_>) -> Result<Demo, Error> {
        match connection.setting("demo_user").as_deref() {
            Some("root") => Ok(Demo),
            _ => Err(Error::credentials("no demo_user", None)),
        }
    }

    crate::cli_operations! {
        static OWN: Demo = {
            service: "own",
            doc: "Own login.",
            connect_with: connect_own,
            bce_credentials: false,
            operations: [
                options "Options" (optstr "user", optvalue "force": bool, optvalue "cache": Option<bool>),
            ],
        };
    }

    fn config() -> Config {
        Config::builder()
            .credentials(crate::Credentials::new("ak", "sk").unwrap())
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn table_calls() {
        let connection = Connection::from_config(config());
        let service: &dyn Service = &DEMO;
        assert!(service.bce_credentials());
        assert_eq!(service.operations().len(), 2);
        assert_eq!(
            (DEMO.operations[0].skeleton)(),
            json!({"id": "", "name": "", "count": 0, "ids": [""], "n": 0})
        );
        let out = service
            .call(
                &connection,
                "describe",
                json!({"id": "a", "count": 2, "ids": ["x"], "n": 5}),
            )
            .await
            .unwrap();
        assert_eq!(out, json!({"id": "a", "count": 2, "ids": ["x"], "n": 5}));
        let err = service
            .call(&connection, "describe", json!({}))
            .await
            .unwrap_err();
        assert!(err.is_invalid_input() && err.to_string().contains("id"));
        assert_eq!(
            service
                .call(&connection, "nothing", json!({}))
                .await
                .unwrap(),
            Value::Null
        );
        assert!(service
            .call(&connection, "missing", json!({}))
            .await
            .unwrap_err()
            .is_invalid_input());
    }

    #[tokio::test]
    async fn own_login_tables_read_settings() {
        let own: &dyn Service = &OWN;
        assert!(!own.bce_credentials());
        let settings = |key: &str| (key == "demo_user").then(|| "root".to_owned());
        let connection = Connection::new(config(), &settings);
        let out = own
            .call(&connection, "options", json!({"user": "u", "force": true}))
            .await
            .unwrap();
        assert_eq!(out, json!({"user": "u", "force": true, "cache": null}));
        let out = own
            .call(&connection, "options", json!({"user": ""}))
            .await
            .unwrap();
        assert_eq!(out, json!({"user": null, "force": false, "cache": null}));
        let err = own
            .call(&Connection::from_config(config()), "options", json!({}))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("demo_user"), "{err}");
        assert_eq!(
            (OWN.operations[0].skeleton)(),
            json!({"user": "", "force": false, "cache": false})
        );
    }
}
