//! Properties of the inputs esi reads from files: the snapshot loaders (esi snapshots,
//! `etcdctl get -w json`, zlib v2 dumps), etcd's own backup files, the contexts file;
//! and of the two languages it evaluates: parameter mappings and rendered HOT.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Map, Value};

use esi::cli::profile::ConfigFile;
use esi::engine::heat::hot;
use esi::model::keys::{classify, Family, KeyKind};
use esi::model::keytext;
use esi::protocol::mapping::{build_params, eval, select_template, Ctx, Resolver};
use esi::store::embedded::EmbeddedStore;
use esi::store::{snapshot, Kv, Range, Store};

use super::gen::{self, apply, edits, hostile_string, json};
use super::{check, ensure};
use crate::harness::block_on;

fn names(err: &impl ToString, what: &str) -> Result<(), TestCaseError> {
    let text = err.to_string();
    ensure(text.contains(what), || {
        format!("the error does not name {what}: {text}")
    })
}

/// Load `bytes` as any snapshot format: an error must name the file; a store must answer
/// a full read.
fn loads(bytes: &[u8]) -> Result<(), TestCaseError> {
    match snapshot::load_bytes(bytes, "dump.json") {
        Err(e) => names(&e, "dump.json"),
        Ok(store) => {
            block_on(store.range(&Range::prefix("/"), None))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            Ok(())
        }
    }
}

fn kvs() -> BoxedStrategy<Vec<(Vec<u8>, Vec<u8>)>> {
    let key = prop_oneof![
        gen::bytes().prop_map(|b| [b"/".as_slice(), &b].concat()),
        hostile_string().prop_map(|s| format!("/config/v2.0/ports/{s}").into_bytes()),
    ];
    prop::collection::btree_map(key, gen::bytes(), 0..12)
        .prop_map(|m| m.into_iter().collect())
        .boxed()
}

fn store_of(kvs: &[(Vec<u8>, Vec<u8>)]) -> EmbeddedStore {
    let kvs = kvs
        .iter()
        .zip(2..)
        .map(|((k, v), rev)| Kv {
            key: keytext::from_bytes(k).into_owned(),
            value: v.clone(),
            create_revision: rev,
            mod_revision: rev,
            version: 1,
            lease: 0,
        })
        .collect::<Vec<_>>();
    let rev = 1 + kvs.len() as i64;
    EmbeddedStore::from_state(rev, rev, kvs).expect("distinct keys")
}

fn read_all(store: &dyn Store) -> Vec<(Vec<u8>, Vec<u8>)> {
    let (_, r) = block_on(store.range(&Range::prefix("/"), None)).unwrap();
    let mut out: Vec<_> = r
        .kvs
        .into_iter()
        .map(|kv| (keytext::to_bytes(&kv.key).into_owned(), kv.value))
        .collect();
    out.sort();
    out
}

#[test]
fn snapshot_loaders_take_any_bytes() {
    check("snapshot_loaders_take_any_bytes", 1, gen::bytes(), |b| {
        loads(&b)
    });
}

#[test]
fn esi_snapshots_round_trip_every_key_and_value() {
    check(
        "esi_snapshots_round_trip_every_key_and_value",
        8,
        kvs(),
        |kvs| {
            let store = store_of(&kvs);
            let snap = block_on(snapshot::save(&store, "/"))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut file = Vec::new();
            snap.write_to(&mut file).unwrap();
            let back = snapshot::load_bytes(&file, "s.json")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let got = read_all(&back);
            ensure(got == kvs, || format!("{kvs:?} came back as {got:?}"))
        },
    );
}

fn real_snapshot() -> &'static Value {
    static SNAP: OnceLock<Value> = OnceLock::new();
    SNAP.get_or_init(|| {
        let store = EmbeddedStore::new();
        block_on(esi::store::sample::populate(&store)).unwrap();
        let snap = block_on(snapshot::save(&store, "/")).unwrap();
        let mut file = Vec::new();
        snap.write_to(&mut file).unwrap();
        serde_json::from_slice(&file).unwrap()
    })
}

#[test]
fn esi_snapshots_with_mutated_structure_load_or_say_where() {
    let s = (any::<Index>(), json(), edits(), any::<bool>());
    check(
        "esi_snapshots_with_mutated_structure_load_or_say_where",
        16,
        s,
        |(at, with, e, bytewise)| {
            let mut doc = real_snapshot().clone();
            gen::replace_node(&mut doc, at, with);
            let text = serde_json::to_vec(&doc).unwrap();
            loads(&if bytewise { apply(text, &e) } else { text })
        },
    );
}

#[test]
fn etcdctl_dumps_load_exactly_or_say_where() {
    let s = (kvs(), any::<Index>(), json(), any::<bool>());
    check(
        "etcdctl_dumps_load_exactly_or_say_where",
        2,
        s,
        |(kvs, at, with, mutate)| {
            let items: Vec<Value> = kvs
                .iter()
                .zip(2..)
                .map(|((k, v), rev): (&(Vec<u8>, Vec<u8>), i64)| {
                    json!({
            "key": B64.encode(k), "value": B64.encode(v),
            "create_revision": rev, "mod_revision": rev, "version": 1})
                })
                .collect();
            let mut doc = json!({"header": {"revision": 1 + kvs.len() as i64}, "kvs": items, "count": kvs.len()});
            if !mutate {
                let store = snapshot::load_bytes(doc.to_string().as_bytes(), "d.json")
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let got = read_all(&store);
                return ensure(got == kvs, || format!("{kvs:?} came back as {got:?}"));
            }
            gen::replace_node(&mut doc, at, with);
            loads(doc.to_string().as_bytes())
        },
    );
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

#[test]
fn v2_dumps_load_or_say_where() {
    let s = (json(), edits(), any::<bool>());
    check("v2_dumps_load_or_say_where", 1, s, |(tree, e, mutate)| {
        let z = zlib(tree.to_string().as_bytes());
        loads(&if mutate { apply(z, &e) } else { z })
    });
}

/// A real etcd backup (`etcdctl snapshot save` of the bundled deployment), made once.
fn real_backup() -> &'static [u8] {
    static BACKUP: OnceLock<Vec<u8>> = OnceLock::new();
    BACKUP.get_or_init(|| {
        let etcd = crate::harness::Etcd::start();
        let store = block_on(etcd.store());
        block_on(esi::store::sample::populate(store.as_ref())).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.db");
        crate::harness::etcd_backup(&etcd.endpoint, &file);
        std::fs::read(&file).unwrap()
    })
}

/// Open a (mutated) backup both ways: eagerly, and lazily with a full read.
fn reads_backup(path: &Path) -> Result<(), TestCaseError> {
    let name = path.display().to_string();
    if let Err(e) = esi::store::backup::load(path, 1 << 30) {
        names(&e, &name)?;
    }
    match esi::store::backup::open(path, 1 << 30) {
        Err(e) => names(&e, &name),
        Ok(store) => match block_on(store.range(&Range::prefix("/"), None)) {
            Err(e) => names(&e, &name),
            Ok(_) => Ok(()),
        },
    }
}

#[test]
fn etcd_backups_with_damaged_pages_read_or_say_where() {
    let pages = real_backup().len() / 4096;
    let s = (
        edits(),
        0..pages.max(1),
        prop::collection::vec((0usize..4096, any::<u8>()), 1..8),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backup.db");
    check(
        "etcd_backups_with_damaged_pages_read_or_say_where",
        32,
        s,
        |(e, page, pokes)| {
            let mut b = real_backup().to_vec();
            // Damage inside one page (the walker's structures), or anywhere (length, trailer).
            for (at, v) in pokes {
                if let Some(x) = b.get_mut(page * 4096 + at) {
                    *x = v;
                }
            }
            if page % 3 == 0 {
                b = apply(b, &e);
            }
            std::fs::write(&path, &b).unwrap();
            reads_backup(&path)
        },
    );
}

const CONTEXTS: &str = r#"current-context = "staging"
[contexts.staging]
endpoints = ["https://stg-1:2379", "https://u:pw@stg-2:2379"]
user = "ops:secret"
dial_timeout = "1s"
command_timeout = "10s"
output = "table"
confirm = "tty"
[contexts.prod]
endpoints = ["https://etcd.prod:2379"]
read_only = true
audit_prefix = "/ops/esi-audit/"
"#;

#[test]
fn contexts_files_parse_or_say_where() {
    let s = (hostile_string(), edits(), any::<bool>());
    check(
        "contexts_files_parse_or_say_where",
        1,
        s,
        |(text, e, real)| {
            let text = if real {
                String::from_utf8_lossy(&apply(CONTEXTS.as_bytes().to_vec(), &e)).into_owned()
            } else {
                text
            };
            match ConfigFile::parse(&text, Path::new("/etc/esi/config.toml")) {
                Err(e) => names(&e, "/etc/esi/config.toml"),
                Ok(f) => {
                    let _ = f.select(None);
                    Ok(())
                }
            }
        },
    );
}

/// Configs by (type, id) and the registry's relations.
struct Configs(BTreeMap<(String, String), Value>);

impl Resolver for Configs {
    fn load(&self, rtype: &str, id: &str) -> Option<Value> {
        self.0.get(&(rtype.to_string(), id.to_string())).cloned()
    }
    fn relation(&self, rtype: &str, field: &str) -> Option<String> {
        static REG: OnceLock<esi::model::registry::Registry> = OnceLock::new();
        REG.get_or_init(esi::model::registry::Registry::builtin)
            .relation(rtype, field)
            .map(str::to_string)
    }
}

fn templates() -> &'static [(String, Value)] {
    static T: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    T.get_or_init(esi::store::sample::templates)
}

/// The deployment's configs by (type, id), the bodies decoded: what mappings resolve
/// references through.
fn configs() -> &'static Configs {
    static C: OnceLock<Configs> = OnceLock::new();
    C.get_or_init(|| {
        let reg = esi::model::registry::Registry::builtin();
        let by_id = gen::corpus().iter().filter_map(|kv| {
            let KeyKind::Resource {
                family: Family::Config,
                rtype,
                id,
            } = classify(&reg, &kv.key)
            else {
                return None;
            };
            let record: Value = serde_json::from_slice(&kv.value).ok()?;
            let body = serde_json::from_str(record["body"].as_str()?).ok()?;
            Some(((rtype, id), body))
        });
        Configs(by_id.collect())
    })
}

/// Real config bodies of the deployment.
fn bodies() -> Vec<Value> {
    configs().0.values().cloned().collect()
}

#[test]
fn mappings_evaluate_or_name_the_param() {
    let mappings: Vec<Value> = templates()
        .iter()
        .map(|(_, t)| t["parameter_mappings"].clone())
        .collect();
    let cfg = prop_oneof![select(bodies()), json()];
    let s = (
        select(mappings),
        any::<Index>(),
        json(),
        cfg,
        any::<Index>(),
        json(),
    );
    check(
        "mappings_evaluate_or_name_the_param",
        2,
        s,
        |(mut m, at, with, mut cfg, cat, cwith)| {
            gen::replace_node(&mut m, at, with);
            gen::replace_node(&mut cfg, cat, cwith);
            let r = configs();
            let ctx = Ctx {
                cfg: &cfg,
                rtype: "port",
                version: 3,
                resolver: r,
            };
            let _ = select_template(Some(&m), &ctx);
            if let Some(obj) = m.as_object() {
                if let Err(e) = build_params("port", obj, &ctx, true) {
                    names(&e, "port")?;
                }
                for (name, one) in obj {
                    if let Err(e) = eval(one, name, &ctx) {
                        names(&e, name)?;
                    }
                }
            }
            Ok(())
        },
    );
}

/// A HOT expression: the intrinsic functions ESI templates use, nested, with arbitrary
/// arguments mixed in.
fn hot_expr() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        json(),
        select(vec!["p0", "p1", "nope"]).prop_map(|p| json!({"get_param": p}))
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (select(vec!["r0", "r1", "nope"]), hostile_string()).prop_map(|(r, a)| json!({"get_attr": [r, a]})),
            select(vec!["r0", "nope"]).prop_map(|r| json!({"get_resource": r})),
            (inner.clone(), prop::collection::vec((hostile_string(), inner.clone()), 0..3))
                .prop_map(|(t, p)| json!({"str_replace": {"template": t, "params": p.into_iter().collect::<Map<_, _>>()}})),
            (hostile_string(), prop::collection::vec(inner.clone(), 0..3)).prop_map(|(s, l)| json!({"list_join": [s, l]})),
            (select(vec!["p0", "p1"]), prop::collection::vec(inner, 0..2)).prop_map(|(p, path)| {
                let mut a = vec![json!(p)];
                a.extend(path);
                json!({"get_param": a})
            }),
        ]
    })
    .boxed()
}

#[test]
fn hot_templates_evaluate_or_say_why() {
    let doc = (json(), hot_expr(), hot_expr(), hot_expr()).prop_map(|(default, v0, v1, out)| {
        json!({"heat_template_version": "2018-08-31",
               "parameters": {"p0": {"type": "string", "default": default}, "p1": {"type": "json"}},
               "resources": {"r0": {"type": "OS::Heat::Value", "properties": {"value": v0}},
                             "r1": {"type": "OS::ContrailV2::VirtualMachineInterface", "properties": {"name": v1}}},
               "outputs": {"o": {"value": out}}})
    });
    let text = prop_oneof![doc.prop_map(|d| d.to_string()), hostile_string()];
    let given = prop::collection::vec((select(vec!["p0", "p1", "x"]), json()), 0..3);
    check(
        "hot_templates_evaluate_or_say_why",
        2,
        (text, given),
        |(t, given)| {
            let given: Map<String, Value> =
                given.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            let _ = hot::evaluate("port_p", "tenant", &t, &given);
            Ok(())
        },
    );
}
