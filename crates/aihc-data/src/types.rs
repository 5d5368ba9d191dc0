//! Values shared by datasets and models: storage types, import formats,
//! visibility scopes, permissions, model formats and sources.

use serde::{Deserialize, Deserializer, Serialize};

bce_core::string_enum! {
    /// Where a dataset's files live (`storageType`).
    pub enum StorageType {
        /// A PFS parallel file system instance.
        Pfs = "PFS",
        /// A BOS bucket.
        Bos = "BOS",
    }
}

bce_core::string_enum! {
    /// How a dataset's storage path is read (`importFormat`).
    pub enum ImportFormat {
        /// The path names one file.
        File = "FILE",
        /// The path names a folder.
        Folder = "FOLDER",
    }
}

bce_core::string_enum! {
    /// Who can see a dataset or a model (`visibilityScope`).
    pub enum VisibilityScope {
        /// Only the owner.
        OnlyOwner = "ONLY_OWNER",
        /// The users and groups listed in `visibilityUser` / `visibilityGroup`.
        UserGroup = "USER_GROUP",
    }
}

bce_core::string_enum! {
    /// What a user or group may do with a dataset (`permission`).
    pub enum PermissionLevel {
        /// Read.
        Read = "r",
        /// Read and write.
        ReadWrite = "rw",
    }
}

bce_core::string_enum! {
    /// The format of a registered model (`modelFormat`).
    pub enum ModelFormat {
        /// Hugging Face layout.
        HuggingFace = "HuggingFace",
        /// Megatron-Core checkpoints.
        MegatronCore = "MegatronCore",
    }
}

bce_core::string_enum! {
    /// Where a model version came from (`source`, `initSource`).
    pub enum ModelSource {
        /// Files the user uploaded to a bucket.
        UserUpload = "UserUpload",
    }
}

/// One user or group a dataset is shared with (`visibilityUser`,
/// `visibilityGroup`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Permission {
    /// User or group id.
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
    /// User or group name.
    #[serde(deserialize_with = "lenient_string")]
    pub name: String,
    /// What they may do.
    pub permission: PermissionLevel,
}

impl Permission {
    /// Grants `level` to the user or group `id` named `name`.
    pub fn new(id: impl Into<String>, name: impl Into<String>, level: PermissionLevel) -> Self {
        Permission {
            id: id.into(),
            name: name.into(),
            permission: level,
        }
    }
}

/// Answer of a call that creates something: the new id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct IdResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// The id of what was created (or modified).
    #[serde(deserialize_with = "lenient_string")]
    pub id: String,
}

/// Answer of a call that returns nothing but its request id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct RequestIdResponse {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
}

/// A page of versions of a dataset or a model
/// ([`DescribeDatasetVersionsResponse`](crate::DescribeDatasetVersionsResponse),
/// [`DescribeModelVersionsResponse`](crate::DescribeModelVersionsResponse)):
/// both lists answer the same envelope around their own version type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    default,
    bound(deserialize = "V: Deserialize<'de> + Default")
)]
#[non_exhaustive]
pub struct VersionsPage<V> {
    /// Request id.
    #[serde(deserialize_with = "lenient_string")]
    pub request_id: String,
    /// Versions on every page.
    #[serde(deserialize_with = "lenient_count")]
    pub total_count: u64,
    /// This page.
    #[serde(deserialize_with = "null_list")]
    pub versions: Vec<V>,
}

impl<V> bce_core::PageNumberResponse for VersionsPage<V> {
    type Item = V;
    fn total(&self) -> Option<u64> {
        bce_core::paginate::reported_total(self.total_count, self.versions.len())
    }
    fn into_items(self) -> Vec<V> {
        self.versions
    }
}

impl crate::client::AckRequestId for RequestIdResponse {
    fn set_request_id(&mut self, id: &str) {
        id.clone_into(&mut self.request_id);
    }
}

impl crate::client::AckRequestId for IdResponse {
    fn set_request_id(&mut self, id: &str) {
        id.clone_into(&mut self.request_id);
    }
}

/// Reads a string that a server may also send as a number, a boolean or
/// `null` (kept as text; `null` is empty).
pub(crate) fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(bce_core::json::LenientString::deserialize(d)?.0)
}

/// Reads a list that may also come as one comma-separated string (the form
/// the query parameter `storageInstances` takes).
pub(crate) fn comma_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        One(String),
        Many(Vec<String>),
        Nothing(()),
    }
    Ok(match Either::deserialize(d)? {
        Either::One(s) if s.is_empty() => Vec::new(),
        Either::One(s) => s.split(',').map(str::to_owned).collect(),
        Either::Many(v) => v,
        Either::Nothing(()) => Vec::new(),
    })
}

/// Reads a list where a server may send `null`.
pub(crate) fn null_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// Reads a count where a server may send `null`, a string or a negative
/// number (negative counts become 0).
pub(crate) fn lenient_count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f > 0.0).map(|f| f as u64))
            .unwrap_or(0),
        serde_json::Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_keep_unknown_values() {
        let s: StorageType = serde_json::from_str("\"CFS\"").unwrap();
        assert_eq!(s, StorageType::Other("CFS".into()));
        assert_eq!(serde_json::to_string(&StorageType::Pfs).unwrap(), "\"PFS\"");
        assert_eq!(
            serde_json::from_str::<PermissionLevel>("\"rw\"").unwrap(),
            PermissionLevel::ReadWrite
        );
        assert!(VisibilityScope::default().is_empty());
    }

    #[derive(Deserialize)]
    struct L {
        #[serde(deserialize_with = "comma_list", default)]
        list: Vec<String>,
        #[serde(deserialize_with = "lenient_count", default)]
        n: u64,
    }

    #[test]
    fn tolerant_readers() {
        let l: L = serde_json::from_str(r#"{"list":"a,b","n":"7"}"#).unwrap();
        assert_eq!(l.list, ["a", "b"]);
        assert_eq!(l.n, 7);
        let l: L = serde_json::from_str(r#"{"list":["x"],"n":-3}"#).unwrap();
        assert_eq!((l.list, l.n), (vec!["x".to_owned()], 0));
        let l: L = serde_json::from_str(r#"{"list":null,"n":null}"#).unwrap();
        assert!(l.list.is_empty() && l.n == 0);
    }
}
