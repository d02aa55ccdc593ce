//! Generators: hostile strings (controls, bidi, escapes, huge ids), arbitrary bytes and
//! JSON with real ESI field names, the bundled deployment as a corpus of real-shaped
//! keys and values, and mutations of bytes and of JSON structure.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{Map, Value};

use esi::store::embedded::EmbeddedStore;
use esi::store::{Kv, Range, Store};

/// Pieces a hostile value is built from: terminal escapes, bidi, C1, esi's key-text
/// escape, separators of keys and job ids, JSON syntax, secret names.
const PIECES: &[&str] = &[
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]8;;http://x\u{1b}\\",
    "\u{1b}[2J",
    "\u{1b}[31m",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\r",
    "\n",
    "\t",
    "\0",
    "\u{8}",
    "\u{10ffff}",
    "\u{10ffff}ff",
    "\u{fffd}",
    "/",
    "//",
    ":",
    "port",
    "network",
    "password",
    "postgres://u:pw@h/db",
    "Bearer abc",
    "\"",
    "\\",
    "\\x",
    "{",
    "}",
    "[",
    "]",
    "0",
    "-1",
    "9223372036854775807",
    "1e999",
    "null",
    "true",
    "é",
    "😀",
    " ",
    "%",
];

/// Field names ESI values and templates use, so generated JSON hits the decoders' paths.
pub const FIELDS: &[&str] = &[
    "version",
    "body",
    "id",
    "name",
    "state",
    "error",
    "heat_outputs",
    "output_key",
    "output_value",
    "worker_state",
    "stack_status",
    "stack_status_reason",
    "stack_id",
    "job",
    "retry",
    "dependency",
    "params",
    "param",
    "type",
    "value",
    "resources",
    "resource_type",
    "resource_id",
    "admin_password",
    "password",
    "token",
    "private_key",
    "db.password",
    "device_owner",
    "network_id",
    "fixed_ips",
    "subnet_id",
    "tenant_id",
    "vmi",
    "constant",
    "field",
    "if_mapping",
    "then_mapping",
    "else_mapping",
    "for_field",
    "for_mapping",
    "regexp",
    "equal",
    "get_param",
    "get_attr",
    "get_resource",
    "str_replace",
    "list_join",
    "template",
    "parameters",
    "outputs",
    "properties",
    "default",
    "description",
    "heat_template_version",
];

pub fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        4 => prop::collection::vec(select(PIECES), 0..8).prop_map(|p| p.concat()),
        1 => (1usize..20_000).prop_map(|n| "x".repeat(n)),
    ]
    .boxed()
}

pub fn bytes() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        hostile_string().prop_map(String::into_bytes),
    ]
    .boxed()
}

fn field_name() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(FIELDS).prop_map(str::to_string),
        1 => hostile_string(),
    ]
    .boxed()
}

pub fn json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        hostile_string().prop_map(Value::String),
        select(FIELDS).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..6)
                .prop_map(|kvs| Value::Object(kvs.into_iter().collect::<Map<_, _>>())),
        ]
    })
    .boxed()
}

/// Every key of the bundled deployment and its fault variant, with its value.
pub fn corpus() -> &'static [Kv] {
    static CORPUS: OnceLock<Vec<Kv>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        crate::harness::block_on(async {
            let mut all = Vec::new();
            for faults in [false, true] {
                let store = EmbeddedStore::new();
                if faults {
                    esi::store::sample::populate_faults(&store).await.unwrap();
                } else {
                    esi::store::sample::populate(&store).await.unwrap();
                }
                let (_, r) = store.range(&Range::prefix("/"), None).await.unwrap();
                all.extend(r.kvs);
            }
            all
        })
    })
}

pub fn real_kv() -> BoxedStrategy<Kv> {
    select(corpus()).boxed()
}

/// Byte edits: flip, insert, delete, truncate, at positions scaled to the input.
#[derive(Debug, Clone)]
pub enum Edit {
    Set(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    Truncate(Index),
}

pub fn edits() -> BoxedStrategy<Vec<Edit>> {
    let edit = prop_oneof![
        4 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Set(i, b)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Insert(i, b)),
        2 => any::<Index>().prop_map(Edit::Delete),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ];
    prop::collection::vec(edit, 1..6).boxed()
}

pub fn apply(mut b: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        if b.is_empty() {
            b.push(0);
        }
        match e {
            Edit::Set(i, v) => {
                let at = i.index(b.len());
                b[at] = *v;
            }
            Edit::Insert(i, v) => b.insert(i.index(b.len() + 1), *v),
            Edit::Delete(i) => {
                b.remove(i.index(b.len()));
            }
            Edit::Truncate(i) => b.truncate(i.index(b.len())),
        }
    }
    b
}

/// Replace the node at a random position (pre-order) of `v` with `with`.
pub fn replace_node(v: &mut Value, at: Index, with: Value) {
    let n = count(v);
    let mut target = at.index(n);
    replace_nth(v, &mut target, with);
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

fn replace_nth(v: &mut Value, n: &mut usize, with: Value) -> Option<Value> {
    if *n == 0 {
        *v = with;
        return None;
    }
    *n -= 1;
    let children: Vec<&mut Value> = match v {
        Value::Array(a) => a.iter_mut().collect(),
        Value::Object(o) => o.values_mut().collect(),
        _ => return Some(with),
    };
    let mut with = Some(with);
    for c in children {
        with = replace_nth(c, n, with.take()?);
    }
    with
}

/// A JSON value with its double-encoded strings (`body`, `heat_outputs`) parsed, so a
/// mutation can reach inside them; [`reencode`] puts them back.
pub fn unwrap_nested(v: &mut Value) {
    for p in ["/body", "/state/heat_outputs"] {
        if let Some(slot) = v.pointer_mut(p) {
            if let Some(inner) = slot.as_str().and_then(|s| serde_json::from_str(s).ok()) {
                *slot = inner;
            }
        }
    }
}

pub fn reencode(v: &mut Value) {
    for p in ["/body", "/state/heat_outputs"] {
        if let Some(slot) = v.pointer_mut(p) {
            if !slot.is_string() {
                *slot = Value::String(slot.to_string());
            }
        }
    }
}
