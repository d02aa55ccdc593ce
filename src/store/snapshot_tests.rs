//! Snapshot formats: esi round trips, etcdctl JSON and v2 dumps, and their errors.

use std::io::Write as _;

use super::*;
use crate::store::testing::write;
use crate::store::RangeResult;

async fn read_all(s: &dyn Store, rev: i64) -> Vec<Kv> {
    s.range(&Range::prefix(""), Some(rev)).await.unwrap().1.kvs
}

/// History: values, a binary value, a delete and re-create, a multi-key txn, writes
/// outside the prefix, then a compaction at revision 5.
async fn sample(compact: bool) -> EmbeddedStore {
    let s = EmbeddedStore::new();
    write(&s, vec![Op::put("/esi/a", "1"), Op::put("/esi/b", "b1")]).await; // 2
    write(&s, vec![Op::put("/esi/a", "2")]).await; // 3
    write(&s, vec![Op::put("/esi/bin", vec![0xff, 0x00, 0xfe])]).await; // 4
    write(&s, vec![Op::delete("/esi/b")]).await; // 5
    write(&s, vec![Op::put("/other", "x")]).await; // 6
    write(&s, vec![Op::put("/esi/b", "b2"), Op::put("/esi/a", "")]).await; // 7
    write(&s, vec![Op::delete("/esi/a")]).await; // 8
    write(&s, vec![Op::put("/other", "y")]).await; // 9
    if compact {
        s.compact(5).await.unwrap();
    }
    s
}

#[tokio::test]
async fn esi_format_round_trip() {
    for compact in [true, false] {
        let orig = sample(compact).await;
        let snap = save(&orig, "").await.unwrap();
        let c = if compact { 5 } else { 1 };
        assert_eq!((snap.revision, snap.compact_revision), (9, c));
        let mut buf = Vec::new();
        snap.write_to(&mut buf).unwrap();
        let loaded = load_bytes(&buf, "snap.json").unwrap();
        assert_eq!(loaded.revision(), 9);
        for rev in c..=9 {
            assert_eq!(
                read_all(&loaded, rev).await,
                read_all(&orig, rev).await,
                "rev {rev}"
            );
        }
        if compact {
            assert!(matches!(
                loaded.range(&Range::prefix(""), Some(4)).await,
                Err(EsiError::Compacted {
                    requested: 4,
                    compact_revision: 5
                })
            ));
        }
        // Same watch replay (deletes and prev included).
        assert_eq!(loaded.export().events, orig.export().events);
        assert_eq!(save(&loaded, "").await.unwrap(), snap);
    }

    let snap = save(&sample(true).await, "/esi/").await.unwrap();
    let json: Value = serde_json::from_slice(&{
        let mut b = Vec::new();
        snap.write_to(&mut b).unwrap();
        b
    })
    .unwrap();
    assert_eq!(json["format"], "esi-snapshot");
    assert_eq!(json["format_version"], 1);
    // Base at 5: /esi/a (v2) and /esi/bin; /esi/b was deleted at 5.
    let base = json["base"].as_array().unwrap();
    assert_eq!(base.len(), 2);
    assert_eq!(base[0]["key"], "/esi/a");
    assert_eq!(
        (base[0]["value"].clone(), base[0]["version"].clone()),
        ("2".into(), 2.into())
    );
    assert_eq!(base[1]["value_b64"], "/wD+");
    assert!(base[1].get("value").is_none());
    let events: Vec<(i64, &str, &str)> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["revision"].as_i64().unwrap(),
                e["type"].as_str().unwrap(),
                e["key"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (7, "put", "/esi/b"),
            (7, "put", "/esi/a"),
            (8, "delete", "/esi/a")
        ]
    );
    assert!(json["events"][2].get("value").is_none());
    let loaded = load_bytes(serde_json::to_string(&json).unwrap().as_bytes(), "p.json").unwrap();
    assert_eq!(loaded.revision(), 9);
    let b = loaded
        .range(&Range::key("/esi/b"), Some(7))
        .await
        .unwrap()
        .1
        .kvs;
    assert_eq!(
        (b[0].create_revision, b[0].version, b[0].value.clone()),
        (7, 1, b"b2".to_vec())
    );
    assert!(loaded
        .range(&Range::key("/other"), None)
        .await
        .unwrap()
        .1
        .kvs
        .is_empty());
}

#[tokio::test]
async fn esi_format_errors_name_the_problem() {
    let err = |s: &str| {
        load_bytes(s.as_bytes(), "snap.json")
            .err()
            .unwrap()
            .to_string()
    };
    let head = r#""format":"esi-snapshot","format_version":1,"revision":9,"compact_revision":5"#;
    let e = err(&format!(
        r#"{{{head},"base":[{{"key_b64":"!!","create_revision":2,"mod_revision":2,"version":1}}]}}"#
    ));
    assert_eq!(e, "snap.json: base[0].key_b64 is not valid base64");
    let e = err(&format!(
        r#"{{{head},"events":[{{"revision":3,"type":"put","key":"/a","mod_revision":3,"create_revision":3,"version":1}}]}}"#
    ));
    assert!(
        e.starts_with("snap.json: events[0].revision 3 is outside 6..=9"),
        "{e}"
    );
    let e = err(&format!(
        r#"{{{head},"events":[{{"revision":6,"type":"put","key":"/a","mod_revision":6,"create_revision":6,"version":2}}]}}"#
    ));
    assert!(e.contains("key /a: put at revision 6"), "{e}");
    let e =
        err(r#"{"format":"esi-snapshot","format_version":2,"revision":1,"compact_revision":1}"#);
    assert!(e.contains("format_version 2 is not supported"), "{e}");
    let e = err(r#"{"format":"esi-snapshot","format_version":1"#);
    assert!(e.starts_with("snap.json: not valid JSON"), "{e}");
    let e = err(r#"{"hello":1}"#);
    assert!(e.contains("not a snapshot") && e.contains("etcdctl"), "{e}");
    assert!(err("garbage").starts_with("snap.json: not a snapshot"));
}

#[tokio::test]
async fn etcdctl_json() {
    let b = |s: &str| B64.encode(s);
    let doc = format!(
        r#"{{"header":{{"cluster_id":14841639068965178418,"member_id":10276657743932975437,"revision":12,"raft_term":3}},
        "kvs":[{{"key":"{}","create_revision":4,"mod_revision":9,"version":3,"value":"{}"}},
               {{"key":"{}","create_revision":11,"mod_revision":11,"version":1,"lease":7587883}}],"count":2}}"#,
        b("/esi/jobs/1"),
        b("{\"state\":\"done\"}"),
        b("/esi/empty"),
    );
    let s = load_bytes(doc.as_bytes(), "dump.json").unwrap();
    assert_eq!((s.revision(), s.compact_revision()), (12, 12));
    let (_, r) = s.range(&Range::prefix("/esi/"), Some(12)).await.unwrap();
    let got: Vec<_> = r
        .kvs
        .iter()
        .map(|kv| {
            (
                kv.key.as_str(),
                kv.create_revision,
                kv.mod_revision,
                kv.version,
                kv.lease,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("/esi/empty", 11, 11, 1, 7587883),
            ("/esi/jobs/1", 4, 9, 3, 0)
        ]
    );
    assert_eq!(r.kvs[1].value, br#"{"state":"done"}"#);
    assert!(r.kvs[0].value.is_empty());
    assert!(matches!(
        s.range(&Range::prefix(""), Some(11)).await,
        Err(EsiError::Compacted { .. })
    ));

    let e = load_bytes(br#"{"header":{"revision":5},"kvs":[{"key":"L2E=","version":1,"create_revision":2,"mod_revision":2},{"key":"%%"}]}"#, "d.json")
        .err()
        .unwrap()
        .to_string();
    assert_eq!(e, "d.json: kvs[1].key is not valid base64");
    let e = load_bytes(br#"{"header":{"revision":5},"kvs":[{"key":"L2E=","mod_revision":9,"create_revision":2,"version":1}]}"#, "d.json")
        .err()
        .unwrap();
    assert!(
        matches!(e, EsiError::InvalidData(ref m) if m.contains("mod_revision 9")),
        "{e}"
    );
    // Empty cluster: no kvs at all.
    let s = load_bytes(br#"{"header":{"revision":1}}"#, "empty.json").unwrap();
    assert_eq!(s.range(&Range::prefix(""), None).await.unwrap().1.count, 0);
}

#[tokio::test]
async fn v2_dump() {
    let tree = r#"{"esi":{"jobs":{"2":"{\"id\":2}","1":"one"},"config":{"/limit":5,"on":true}},"/top":"t","emptydir":{}}"#;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(tree.as_bytes()).unwrap();
    let bytes = enc.finish().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.dump");
    std::fs::write(&path, &bytes).unwrap();

    let s = load_file(&path).unwrap();
    assert_eq!((s.revision(), s.compact_revision()), (6, 6));
    let (_, r) = s.range(&Range::prefix("/"), None).await.unwrap();
    let got: Vec<_> = r
        .kvs
        .iter()
        .map(|kv| {
            (
                kv.key.as_str(),
                kv.value_str().into_owned(),
                kv.mod_revision,
                kv.version,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("/esi/config/limit", "5".to_string(), 2, 1),
            ("/esi/config/on", "true".to_string(), 3, 1),
            ("/esi/jobs/1", "one".to_string(), 4, 1),
            ("/esi/jobs/2", "{\"id\":2}".to_string(), 5, 1),
            ("/top", "t".to_string(), 6, 1),
        ]
    );
    assert_eq!(r.kvs[0].create_revision, 2);

    let mut bad = bytes.clone();
    bad.truncate(bytes.len() / 2);
    let e = load_bytes(&bad, "v2.dump").err().unwrap().to_string();
    assert!(e.starts_with("v2.dump: not a valid zlib stream"), "{e}");
    let e = load_file(&dir.path().join("missing")).err().unwrap();
    assert!(matches!(e, EsiError::NotFound(_)));
}

#[tokio::test]
async fn restore_into_a_store() {
    let snap = sample(false).await;
    // With history: a fresh target ends with the same revisions (both start at 1).
    let target = EmbeddedStore::new();
    let (n, rev) = restore(&snap, &target, true, &|_| None).await.unwrap();
    assert_eq!((n, rev), (4, 9));
    for r in 1..=9 {
        assert_eq!(
            read_all(&target, r).await,
            read_all(&snap, r).await,
            "rev {r}"
        );
    }

    // Compacted snapshot with history: base first, then each later revision.
    let snap = sample(true).await;
    let target = EmbeddedStore::new();
    let (n, rev) = restore(&snap, &target, true, &|_| None).await.unwrap();
    // base (/esi/a, /esi/bin, /other) at 2, then revisions 6..9 → 3, 4, 5, 6.
    assert_eq!((n, rev), (4, 6));
    let latest = |kvs: Vec<Kv>| {
        kvs.into_iter()
            .map(|kv| (kv.key, kv.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        latest(read_all(&target, 6).await),
        latest(read_all(&snap, 9).await)
    );
    let b = target
        .range(&Range::key("/other"), None)
        .await
        .unwrap()
        .1
        .kvs;
    assert_eq!(b[0].version, 2);

    // Latest state only, in txns of at most 100 ops.
    let big = EmbeddedStore::new();
    for i in 0..250 {
        write(&big, vec![Op::put(format!("/k/{i:03}"), "v")]).await;
    }
    let target = EmbeddedStore::new();
    let (n, rev) = restore(&big, &target, false, &|_| None).await.unwrap();
    assert_eq!((n, rev), (250, 4));
    let RangeResult { count, .. } = target
        .range(&Range::prefix("/k/").count_only(), None)
        .await
        .unwrap()
        .1;
    assert_eq!(count, 250);
}
