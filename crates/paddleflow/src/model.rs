//! Types shared by several resources: resource amounts, states, and the
//! declarations of answers and bodies (`answer!`, `body!`) with their serde
//! helpers.

use std::collections::BTreeMap;
use std::fmt;

use bce_core::Secret;
use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Upper bound of `maxKeys` accepted by the server.
pub const MAX_KEYS_LIMIT: u32 = 1000;

/// Decodes a field of an answer leniently: `null` as the default value (Go
/// sends `null` for nil maps, slices and pointers), and a number or boolean
/// where text is expected as its JSON text (the server is not consistent
/// about `cpu: 8` versus `cpu: "8"`). Anything else must have the field's
/// type. Every field of an [`answer!`] type decodes through it.
pub(crate) fn nd<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    match T::deserialize(&value) {
        Ok(v) => Ok(v),
        Err(_) if value.is_null() => Ok(T::default()),
        // Text fields take other JSON values as their text; the first error
        // is the one reported when that fails too.
        Err(e) if !value.is_string() => {
            T::deserialize(Value::String(value.to_string())).map_err(|_| de::Error::custom(e))
        }
        Err(e) => Err(de::Error::custom(e)),
    }
}

/// Declares a type the server answers with (users only read it): the
/// common derives, camelCase names, `#[non_exhaustive]`, and every field
/// decoded by [`nd`] (missing or `null` fields become their default). Add
/// `#[derive(Eq)]` among the attributes where every field allows it.
macro_rules! answer {
    ($(#[$meta:meta])* pub struct $name:ident {
        $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(deserialize_with = "crate::model::nd")]
                pub $field: $ty,
            )*
        }
    };
}
pub(crate) use answer;

/// Declares a request body: the common derives, camelCase names, the
/// fields as written, then the fields of `optional { … }`, which are left
/// out of the JSON when `None` (what the server reads as "unchanged" or
/// "its default"). Add `#[derive(Eq)]` among the attributes where every
/// field allows it.
macro_rules! body {
    ($(#[$meta:meta])* pub struct $name:ident {
        $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
    }
    optional {
        $($(#[$opt_meta:meta])* pub $opt:ident: $opt_ty:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase", default)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
            $(
                $(#[$opt_meta])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $opt: $opt_ty,
            )*
        }
    };
}
pub(crate) use body;

/// Serde for bytes sent as a standard base64 string (run and pipeline
/// YAML).
pub(crate) mod base64_opt {
    use base64::Engine as _;

    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Vec<u8>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(v)),
            None => s.serialize_none(),
        }
    }
}

/// Serde for a secret text sent as a standard base64 string (a cluster's
/// kubeconfig).
pub(crate) mod base64_secret_opt {
    use base64::Engine as _;

    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Secret>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => {
                s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(v.expose()))
            }
            None => s.serialize_none(),
        }
    }
}

/// A string map whose values are hidden in `Debug` when the key names a
/// credential (`secretKey`, `password`, `token`, …). Used for file-system
/// and link properties, which carry storage credentials.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Properties(pub BTreeMap<String, String>);

impl Properties {
    /// An empty map.
    pub fn new() -> Self {
        Properties::default()
    }

    /// Adds a property (builder style).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.0.insert(key.into(), value.into());
        self
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Whether there is no property.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the value of `key` must not be shown.
    pub fn is_sensitive(key: &str) -> bool {
        let k = key.to_ascii_lowercase();
        ["secret", "password", "passwd", "token", "credential"]
            .iter()
            .any(|w| k.contains(w))
            || k == "sk"
            || k.ends_with("_sk")
            || k.ends_with(".sk")
    }
}

impl fmt::Debug for Properties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| {
                let shown = if Properties::is_sensitive(k) {
                    "***redacted***"
                } else {
                    v.as_str()
                };
                (k.as_str(), shown)
            }))
            .finish()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Properties {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Properties(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

answer! {
    /// An amount of resources as the server reports it (`memory` spelled out).
    #[derive(Eq)]
    pub struct Resource {
        /// CPU, e.g. `8` or `500m`.
        pub cpu: String,
        /// Memory with a binary suffix, e.g. `16Gi`.
        pub memory: String,
        /// Storage, when reported.
        pub storage: String,
        /// Other resources, e.g. `nvidia.com/gpu` → `4`.
        pub scalar_resources: BTreeMap<String, String>,
    }
}

body! {
    /// An amount of resources in a request: `cpu` and `mem` (the request types
    /// spell memory `mem`).
    #[derive(Eq)]
    pub struct ResourceSpec {
        /// CPU, e.g. `20`.
        pub cpu: String,
        /// Memory, e.g. `40Gi`.
        pub mem: String,
    }
    optional {
        /// Other resources, e.g. `nvidia.com/gpu` → `4`.
        pub scalar_resources: Option<BTreeMap<String, String>>,
    }
}

impl ResourceSpec {
    /// `cpu` and `mem`, no scalar resources.
    pub fn new(cpu: impl Into<String>, mem: impl Into<String>) -> Self {
        ResourceSpec {
            cpu: cpu.into(),
            mem: mem.into(),
            scalar_resources: None,
        }
    }

    /// Adds a scalar resource, e.g. `("nvidia.com/gpu", "4")`.
    pub fn with_scalar(mut self, name: impl Into<String>, amount: impl Into<String>) -> Self {
        self.scalar_resources
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), amount.into());
        self
    }
}

bce_core::string_enum! {
    /// State of a run.
    pub enum RunStatus {
        /// Accepted, being prepared.
        Initiating = "initiating",
        /// Waiting to start.
        Pending = "pending",
        /// Running.
        Running = "running",
        /// Finished successfully (final).
        Succeeded = "succeeded",
        /// Finished with a failure (final).
        Failed = "failed",
        /// Being stopped.
        Terminating = "terminating",
        /// Stopped (final).
        Terminated = "terminated",
        /// Skipped (final).
        Skipped = "skipped",
    }
}

impl RunStatus {
    /// Whether the run will not change any more (`succeeded`, `failed`,
    /// `terminated`, `skipped`; compared case-insensitively as the server does).
    pub fn is_final(&self) -> bool {
        ["succeeded", "failed", "terminated", "skipped"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(self.as_str()))
    }

    /// Whether the run ended in success.
    pub fn is_success(&self) -> bool {
        self.as_str().eq_ignore_ascii_case("succeeded")
    }
}

bce_core::string_enum! {
    /// State of a job (also of the steps and DAGs in a run's runtime).
    pub enum JobStatus {
        /// Created, not yet submitted.
        Init = "init",
        /// Waiting for resources.
        Pending = "pending",
        /// Running.
        Running = "running",
        /// Failed (final).
        Failed = "failed",
        /// Succeeded (final).
        Succeeded = "succeeded",
        /// Being stopped.
        Terminating = "terminating",
        /// Stopped (final).
        Terminated = "terminated",
        /// Cancelled (final).
        Cancelled = "cancelled",
        /// Skipped (final).
        Skipped = "skipped",
        /// Being preempted.
        Preempting = "preempting",
        /// Preempted.
        Preempted = "preempted",
    }
}

impl JobStatus {
    /// Whether the job will not change any more.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            JobStatus::Failed
                | JobStatus::Succeeded
                | JobStatus::Terminated
                | JobStatus::Cancelled
                | JobStatus::Skipped
        )
    }
}

bce_core::string_enum! {
    /// State of a queue.
    pub enum QueueStatus {
        /// Being created.
        Creating = "creating",
        /// Accepting jobs.
        Open = "open",
        /// Being updated.
        Updating = "updating",
        /// Being closed.
        Closing = "closing",
        /// Closed.
        Closed = "closed",
        /// Not usable (e.g. its cluster is offline).
        Unavailable = "unavailable",
    }
}

bce_core::string_enum! {
    /// State of a schedule.
    pub enum ScheduleStatus {
        /// Ended normally (its end time passed).
        Success = "success",
        /// Active.
        Running = "running",
        /// Failed.
        Failed = "failed",
        /// Stopped by a user.
        Terminated = "terminated",
    }
}

bce_core::string_enum! {
    /// State of a cluster.
    pub enum ClusterStatus {
        /// In use.
        Online = "online",
        /// Not in use.
        Offline = "offline",
    }
}

bce_core::string_enum! {
    /// How a queue's quota is enforced.
    pub enum QuotaType {
        /// Volcano capability quota.
        VolcanoCapabilityQuota = "volcanoCapabilityQuota",
        /// Elastic quota.
        ElasticQuota = "elasticQuota",
    }
}

bce_core::string_enum! {
    /// What a schedule does when `concurrency` runs are already active.
    pub enum ConcurrencyPolicy {
        /// Wait (the server's default).
        Suspend = "suspend",
        /// Stop the oldest run and start a new one.
        Replace = "replace",
        /// Skip this occurrence.
        Skip = "skip",
    }
}

bce_core::string_enum! {
    /// What a run does when a step fails.
    pub enum FailureStrategy {
        /// Stop the other steps.
        FailFast = "fail_fast",
        /// Let independent steps go on.
        Continue = "continue",
    }
}

bce_core::string_enum! {
    /// Where a log page starts.
    pub enum LogFilePosition {
        /// Pages counted from the beginning of the file.
        Begin = "begin",
        /// Pages counted from the end of the file (the server's default).
        End = "end",
    }
}

/// Paging of a `maxKeys`/`marker` list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paging {
    /// Page size, 1..=1000 (the server's default is 50).
    pub max_keys: Option<u32>,
    /// Opaque marker from a previous page's `nextMarker`.
    pub marker: Option<String>,
}

impl Paging {
    /// The first page with `max_keys` items.
    pub fn first(max_keys: u32) -> Self {
        Paging {
            max_keys: Some(max_keys),
            marker: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_hide_credentials() {
        let p = Properties::new()
            .with("accessKey", "ak-1")
            .with("secretKey", "sk-HIDDEN")
            .with("endpoint", "s3.example.com");
        let shown = format!("{p:?}");
        assert!(shown.contains("ak-1") && shown.contains("s3.example.com"));
        assert!(!shown.contains("sk-HIDDEN"), "{shown}");
        assert_eq!(serde_json::to_value(&p).unwrap()["secretKey"], "sk-HIDDEN");
    }

    #[test]
    fn states() {
        assert!(RunStatus::Terminated.is_final());
        assert!(RunStatus::from("Succeeded").is_final());
        assert!(!RunStatus::Running.is_final());
        assert!(!RunStatus::from("paused").is_final());
        assert!(JobStatus::Cancelled.is_final());
        let r: Resource =
            serde_json::from_str(r#"{"cpu":8,"memory":"1Gi","scalarResources":null}"#).unwrap();
        assert_eq!(r.cpu, "8");
    }

    #[test]
    fn answers_tolerate_null_and_scalars_as_text() {
        let f: crate::Flavour = serde_json::from_str(
            r#"{"name":"gpu","cpu":4,"mem":null,"scalarResources":null,"clusterName":true}"#,
        )
        .unwrap();
        assert_eq!((f.cpu.as_str(), f.mem.as_str()), ("4", ""));
        assert_eq!(f.cluster_name, "true");
        assert!(f.scalar_resources.is_empty());
        // A value of the wrong kind that is not text still fails, with the
        // field type's own error.
        let err = serde_json::from_str::<crate::Flavour>(r#"{"scalarResources":[1]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("invalid type"), "{err}");
    }
}
