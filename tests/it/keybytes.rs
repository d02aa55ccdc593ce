//! Keys that are not UTF-8 stay exact bytes end to end: read from etcd, saved to an esi
//! snapshot, loaded into another etcd, read from an etcd backup; shown as `\xHH`, never
//! two keys collapsed into one.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;

use crate::harness::{etcdctl_ok, Esi, Etcd};

fn etcdctl(etcd: &Etcd) -> std::process::Command {
    crate::harness::etcdctl(&etcd.endpoint)
}

/// Two invalid bytes that a lossy decode makes the same, and the replacement
/// character itself: three different keys.
const KEYS: [&[u8]; 4] = [
    b"/x/a\xff",
    b"/x/a\xfe",
    "/x/a\u{fffd}".as_bytes(),
    b"/x/plain",
];
const SHOWN: [&str; 4] = ["/x/a\\xff", "/x/a\\xfe", "/x/a\u{fffd}", "/x/plain"];

/// The exact key bytes etcd holds under /x/.
fn etcd_keys(etcd: &Etcd) -> BTreeSet<Vec<u8>> {
    let mut c = etcdctl(etcd);
    c.args(["get", "--prefix", "/x/", "-w", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&etcdctl_ok(c)).unwrap();
    doc["kvs"]
        .as_array()
        .map(|kvs| {
            kvs.iter()
                .map(|kv| B64.decode(kv["key"].as_str().unwrap()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

fn shown_keys(esi: Esi) -> BTreeSet<String> {
    let j = esi
        .args(["get", "--prefix", "/x/", "-o", "json"])
        .run()
        .ok()
        .json();
    j.as_array()
        .unwrap()
        .iter()
        .map(|kv| kv["key"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn keys_that_are_not_utf8_survive_save_load_and_backups() {
    let a = Etcd::start();
    for (i, k) in KEYS.iter().enumerate() {
        let mut c = etcdctl(&a);
        c.arg("put").arg(OsStr::from_bytes(k)).arg(format!("v{i}"));
        etcdctl_ok(c);
    }
    let want_shown: BTreeSet<String> = SHOWN.iter().map(|s| s.to_string()).collect();
    assert_eq!(shown_keys(a.esi()), want_shown);
    let table = a.esi().args(["get", "--prefix", "/x/"]).run().ok();
    assert!(table.stdout.contains("/x/a\\xff"), "{}", table.stdout);

    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("x.json");
    a.esi()
        .args([
            "snapshot",
            "save",
            "--prefix",
            "/x/",
            snap.to_str().unwrap(),
        ])
        .run()
        .ok();
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&snap).unwrap()).unwrap();
    assert_eq!(
        doc.to_string().matches("key_b64").count(),
        2,
        "the two binary keys as base64: {doc}"
    );
    let offline = Esi::new().args(["--store", snap.to_str().unwrap()]);
    assert_eq!(shown_keys(offline), want_shown);

    let b = Etcd::start();
    b.esi()
        .args(["snapshot", "load", "--yes", snap.to_str().unwrap()])
        .run()
        .ok();
    let want: BTreeSet<Vec<u8>> = KEYS.iter().map(|k| k.to_vec()).collect();
    assert_eq!(etcd_keys(&b), want, "the keys loaded into a second etcd");

    let backup = dir.path().join("backup.db");
    crate::harness::etcd_backup(&a.endpoint, &backup);
    let from_backup = Esi::new().args(["--store", backup.to_str().unwrap()]);
    assert_eq!(shown_keys(from_backup), want_shown);
}
