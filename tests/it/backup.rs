//! `--store` on etcd's own backups: the sample's history written into a real etcd, with
//! deletes, a compaction and writes after it, saved by `etcdctl snapshot save`; every
//! read command on the file gives the same JSON as on the live etcd (`--rev` and history
//! included, and the compaction point); corrupt, truncated and foreign files are clear
//! errors.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{block_on, delete_all, put_all, Esi, Etcd};
use esi::store::sample::{self, PORT_MGMT, PORT_USER, VNF_INSTANCE};
use esi::store::Range;

/// The sample's last job of the management port: finished, and gone from the queue.
const FINISHED: &str = "modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp";

/// The sample, a delete, a compaction, then more writes; saved with etcdctl.
fn backed_up() -> (Etcd, tempfile::TempDir, PathBuf, i64) {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(sample::populate(store.as_ref())).unwrap();
    delete_all(
        store.as_ref(),
        &[format!("/monitoring/v2.0/ports/{PORT_USER}")],
    );
    let compact_at = block_on(store.range(&Range::key("/").count_only(), None))
        .unwrap()
        .0
        - 40;
    block_on(store.compact(compact_at)).unwrap();
    put_all(
        store.as_ref(),
        &[(
            format!("/monitoring/v2.0/ports/{PORT_MGMT}"),
            r#"{"version": 3, "vmi": "UP"}"#.to_string(),
        )],
    );
    delete_all(
        store.as_ref(),
        &[format!("/esi-worker/job_state/v2.0/ports/{PORT_USER}")],
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    crate::harness::etcd_backup(&etcd.endpoint, &file);
    (etcd, dir, file, compact_at)
}

fn offline(file: &Path) -> Esi {
    Esi::new().args(["--store", file.to_str().unwrap()])
}

#[test]
fn every_read_on_a_backup_matches_the_live_etcd() {
    let (etcd, _dir, file, compact_at) = backed_up();
    let head = block_on(async {
        etcd.store()
            .await
            .range(&Range::key("/").count_only(), None)
            .await
            .unwrap()
            .0
    });
    let mgmt_rev = (compact_at + 5).to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["show", "port", PORT_MGMT, "-o", "json"],
        vec!["show", "port", PORT_USER, "-o", "json"],
        vec!["show", "port", PORT_MGMT, "--rev", &mgmt_rev, "-o", "json"],
        vec!["show", "vnf_instance", VNF_INSTANCE, "-o", "json"],
        vec!["ls", "port", "-o", "json"],
        vec!["get", "--prefix", "/config/v2.0/ports/", "-o", "json"],
        vec!["jobs", "-o", "json"],
        vec!["history", "port", PORT_MGMT, "-o", "json"],
        vec!["history", "port", PORT_USER, "-o", "json"],
        vec!["diff", "port", PORT_MGMT, "-o", "json"],
        // A job deleted from the queue before the backup, found in its history.
        vec!["job", "show", FINISHED, "-o", "json"],
    ];
    for args in &cases {
        let live = etcd.esi().args(args).run();
        let off = offline(&file).args(args).run();
        assert_eq!(off.code, live.code, "{args:?}: {}", off.stderr);
        assert_eq!(
            serde_json::from_str::<Value>(&off.stdout).unwrap_or_default(),
            serde_json::from_str::<Value>(&live.stdout).unwrap_or_default(),
            "{args:?}: the backup answers as the live etcd"
        );
    }
    let job = offline(&file)
        .args(["job", "show", FINISHED, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(job["id"], FINISHED, "{job}");
    // The file's own revisions: its head, and its compaction point.
    let shown = offline(&file)
        .args(["show", "port", PORT_MGMT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(shown["revision"], head);
    let below = (compact_at - 1).to_string();
    let e = offline(&file)
        .args(["show", "port", PORT_MGMT, "--rev", &below])
        .run()
        .code(6);
    assert!(
        e.stderr
            .contains(&format!("oldest available: {compact_at}")),
        "{}",
        e.stderr
    );
    etcd.esi()
        .args(["show", "port", PORT_MGMT, "--rev", &below])
        .run()
        .code(6);
    // The check's fleet part is the same too (the live one also sees the cluster).
    let strip = |mut v: Value| {
        v["checks"] = Value::Array(
            v["checks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| !c["name"].as_str().unwrap().starts_with("etcd"))
                .cloned()
                .collect(),
        );
        v["etcd"] = Value::Null;
        v
    };
    let live = etcd.esi().args(["check", "-o", "json"]).run();
    let off = offline(&file).args(["check", "-o", "json"]).run();
    assert_eq!(strip(off.json()), strip(live.json()));
    // And it converts to esi's own format.
    let saved = file.with_file_name("converted.json");
    offline(&file)
        .args(["snapshot", "save", saved.to_str().unwrap()])
        .run()
        .ok();
    let again = Esi::new()
        .args(["--store", saved.to_str().unwrap()])
        .args(["history", "port", PORT_MGMT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        again,
        etcd.esi()
            .args(["history", "port", PORT_MGMT, "-o", "json"])
            .run()
            .ok()
            .json()
    );
}

#[test]
fn corrupt_truncated_and_foreign_backups_are_clear_errors() {
    let (_etcd, dir, file, _) = backed_up();
    let bytes = std::fs::read(&file).unwrap();
    let write = |name: &str, b: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, b).unwrap();
        p
    };
    let expect = |p: &Path, needle: &str| {
        let e = offline(p).args(["ls", "port"]).run().code(9);
        assert!(e.stderr.contains(needle), "{}: {}", p.display(), e.stderr);
        assert!(!e.stderr.contains("panicked"), "{}", e.stderr);
    };
    // A flipped byte in a page: the trailer no longer matches.
    let mut flipped = bytes.clone();
    flipped[3 * 4096 + 100] ^= 0xff;
    expect(
        &write("flipped.db", &flipped),
        "sha256 trailer does not match",
    );
    // A bad trailer.
    let mut trailer = bytes.clone();
    let n = trailer.len();
    trailer[n - 1] ^= 1;
    expect(
        &write("trailer.db", &trailer),
        "sha256 trailer does not match",
    );
    // Truncated mid-page, and at a page boundary.
    expect(&write("cut.db", &bytes[..bytes.len() / 2 + 7]), "truncated");
    let body = &bytes[..bytes.len() - 32];
    expect(&write("short.db", &body[..body.len() - 4096]), "truncated");
    // Without its trailer (a member's db file) it still opens; corrupt pages then say where.
    offline(&write("member.db", body))
        .args(["ls", "port"])
        .run()
        .ok();
    let mut pages = body.to_vec();
    for b in &mut pages[2 * 4096..] {
        *b = 0x5a;
    }
    let e = offline(&write("pages.db", &pages))
        .args(["ls", "port"])
        .run()
        .code(9);
    assert!(e.stderr.contains("page"), "{}", e.stderr);
    // A bbolt file that is not etcd's: no `key` / `meta` bucket.
    expect(&write("foreign.db", &foreign_bolt()), "not an etcd backend");
    // Both meta pages broken (their checksums no longer match).
    let mut metas = body.to_vec();
    metas[16 + 40] ^= 0xff;
    metas[4096 + 16 + 40] ^= 0xff;
    expect(&write("metas.db", &metas), "neither meta page is valid");
}

/// A minimal valid bbolt file with one empty leaf as its root: two meta pages, a
/// freelist page and the leaf (what `bolt.Open` writes for a new database).
fn foreign_bolt() -> Vec<u8> {
    const PS: usize = 4096;
    let mut f = vec![0u8; 4 * PS];
    let fnv = |b: &[u8]| {
        b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| {
            (h ^ *x as u64).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    for (i, txid) in [(0usize, 0u64), (1, 1)] {
        let p = &mut f[i * PS..(i + 1) * PS];
        p[0..8].copy_from_slice(&(i as u64).to_le_bytes());
        p[8..10].copy_from_slice(&0x04u16.to_le_bytes());
        let m = &mut p[16..16 + 64];
        m[0..4].copy_from_slice(&0xED0C_DAEDu32.to_le_bytes());
        m[4..8].copy_from_slice(&2u32.to_le_bytes());
        m[8..12].copy_from_slice(&(PS as u32).to_le_bytes());
        m[16..24].copy_from_slice(&3u64.to_le_bytes()); // root bucket's page
        m[32..40].copy_from_slice(&2u64.to_le_bytes()); // freelist
        m[40..48].copy_from_slice(&4u64.to_le_bytes()); // pages in use
        m[48..56].copy_from_slice(&txid.to_le_bytes());
        let sum = fnv(&m[..56]);
        m[56..64].copy_from_slice(&sum.to_le_bytes());
    }
    f[2 * PS..2 * PS + 8].copy_from_slice(&2u64.to_le_bytes());
    f[2 * PS + 8..2 * PS + 10].copy_from_slice(&0x10u16.to_le_bytes());
    f[3 * PS..3 * PS + 8].copy_from_slice(&3u64.to_le_bytes());
    f[3 * PS + 8..3 * PS + 10].copy_from_slice(&0x02u16.to_le_bytes());
    f
}
