//! Plain key-value and change types, as etcd reports them. They live in the model so
//! that decoding, views and timelines are pure functions of data; the store produces
//! them and re-exports them.

use serde::{Deserialize, Serialize};

/// One key at one revision, as etcd reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kv {
    pub key: String,
    pub value: Vec<u8>,
    pub create_revision: i64,
    pub mod_revision: i64,
    pub version: i64,
    #[serde(default)]
    pub lease: i64,
}

impl Kv {
    pub fn value_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Put,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEvent {
    pub kind: EventKind,
    /// For a delete: key, mod_revision = the delete's revision, empty value, version 0.
    pub kv: Kv,
    pub prev: Option<Kv>,
}
