//! The embedded MVCC store: revisions, ranges, txns, history, watches, leases, compaction.

use std::time::Duration;

use super::*;
use crate::store::{Compare, EventKind, Op, RangeSpec, Store};

async fn put(s: &EmbeddedStore, key: &str, value: &str) -> i64 {
    let r = s
        .txn(Txn {
            success: vec![Op::put(key, value)],
            ..Default::default()
        })
        .await
        .unwrap();
    r.revision
}

async fn del(s: &EmbeddedStore, key: &str) -> i64 {
    s.txn(Txn {
        success: vec![Op::delete(key)],
        ..Default::default()
    })
    .await
    .unwrap()
    .revision
}

async fn get(s: &EmbeddedStore, key: &str, rev: Option<i64>) -> Option<Kv> {
    s.range(&Range::key(key), rev)
        .await
        .unwrap()
        .1
        .kvs
        .into_iter()
        .next()
}

async fn next(h: &mut WatchHandle) -> WatchMessage {
    tokio::time::timeout(Duration::from_secs(5), h.rx.recv())
        .await
        .expect("watch timed out")
        .unwrap()
        .unwrap()
}

fn keys(res: &RangeResult) -> Vec<&str> {
    res.kvs.iter().map(|kv| kv.key.as_str()).collect()
}

#[tokio::test]
async fn revisions_versions_and_history() {
    let s = EmbeddedStore::new();
    assert_eq!(s.revision(), 1);
    assert_eq!(put(&s, "/a", "1").await, 2);
    assert_eq!(put(&s, "/a", "2").await, 3);
    assert_eq!(put(&s, "/b", "x").await, 4);
    let a = get(&s, "/a", None).await.unwrap();
    assert_eq!((a.create_revision, a.mod_revision, a.version), (2, 3, 2));
    assert_eq!(a.value, b"2");

    // Reads do not bump; a delete does, and the next put starts a new life at version 1.
    assert_eq!(s.range(&Range::key("/a"), None).await.unwrap().0, 4);
    assert_eq!(del(&s, "/a").await, 5);
    assert!(get(&s, "/a", None).await.is_none());
    assert_eq!(put(&s, "/a", "3").await, 6);
    let a = get(&s, "/a", None).await.unwrap();
    assert_eq!((a.create_revision, a.mod_revision, a.version), (6, 6, 1));

    // A delete of a missing key writes nothing.
    assert_eq!(del(&s, "/nope").await, 6);
    assert_eq!(s.revision(), 6);

    // Old revisions.
    assert_eq!(get(&s, "/a", Some(2)).await.unwrap().value, b"1");
    assert_eq!(get(&s, "/a", Some(3)).await.unwrap().value, b"2");
    assert!(get(&s, "/a", Some(5)).await.is_none());
    assert!(get(&s, "/b", Some(3)).await.is_none());
    // The revision returned is the one the read was served at.
    let (at, res) = s.range(&Range::prefix("/"), Some(4)).await.unwrap();
    assert_eq!(at, 4);
    assert_eq!(keys(&res), ["/a", "/b"]);

    // Future revision.
    match s.range(&Range::key("/a"), Some(7)).await {
        Err(EsiError::FutureRevision { requested, head }) => assert_eq!((requested, head), (7, 6)),
        other => panic!("{other:?}"),
    }

    // Compaction: the compact revision itself stays readable.
    s.compact(5).await.unwrap();
    assert_eq!(s.compact_revision(), 5);
    match s.range(&Range::key("/a"), Some(4)).await {
        Err(EsiError::Compacted {
            requested,
            compact_revision,
        }) => assert_eq!((requested, compact_revision), (4, 5)),
        other => panic!("{other:?}"),
    }
    assert!(get(&s, "/a", Some(5)).await.is_none());
    assert_eq!(get(&s, "/b", Some(5)).await.unwrap().mod_revision, 4);
    assert_eq!(get(&s, "/a", Some(6)).await.unwrap().value, b"3");
    assert!(matches!(
        s.compact(5).await,
        Err(EsiError::Compacted { .. })
    ));
    assert!(matches!(
        s.compact(9).await,
        Err(EsiError::FutureRevision { .. })
    ));
    let st = s.probe().await.unwrap();
    assert_eq!((st.revision, st.compact_revision), (6, Some(5)));
}

#[tokio::test]
async fn paging_keys_only_count_only() {
    let s = EmbeddedStore::new();
    for k in ["/j/3", "/j/1", "/j/2", "/j/10", "/k/1", "/j"] {
        put(&s, k, "v").await;
    }
    let (_, r) = s.range(&Range::prefix("/j/").limit(2), None).await.unwrap();
    assert_eq!(keys(&r), ["/j/1", "/j/10"]); // bytewise order
    assert_eq!((r.count, r.more), (4, true));
    let (_, r) = s
        .range(&Range::prefix("/j/").limit(2).after("/j/10"), None)
        .await
        .unwrap();
    assert_eq!(keys(&r), ["/j/2", "/j/3"]);
    assert_eq!((r.count, r.more), (2, false));
    let (_, r) = s
        .range(&Range::prefix("/j/").after("/j/3"), None)
        .await
        .unwrap();
    assert!(r.kvs.is_empty());

    let (_, r) = s
        .range(&Range::prefix("/j/").keys_only(), None)
        .await
        .unwrap();
    assert_eq!(r.kvs.len(), 4);
    assert!(r
        .kvs
        .iter()
        .all(|kv| kv.value.is_empty() && kv.version == 1));
    let (_, r) = s
        .range(&Range::prefix("/j").count_only(), None)
        .await
        .unwrap();
    assert_eq!((r.kvs.len(), r.count, r.more), (0, 5, false));
    let (_, r) = s.range(&Range::prefix(""), None).await.unwrap();
    assert_eq!(r.count, 6);

    let mut pages = vec![];
    let rev = crate::store::for_each_page(&s, Range::prefix("/j/"), 3, None, |kvs| {
        pages.push(kvs.len());
        Ok(())
    })
    .await
    .unwrap();
    assert_eq!((pages, rev), (vec![3, 1], 7));
}

#[tokio::test]
async fn txn_guards_both_branches() {
    let s = EmbeddedStore::new();
    let create = |v: &str| Txn {
        compares: vec![Compare::Absent("/job".into())],
        success: vec![
            Op::put("/job", v.to_string()),
            Op::Get(RangeSpec {
                key: "/job".into(),
                ..Default::default()
            }),
        ],
        failure: vec![Op::Get(RangeSpec {
            key: "/job".into(),
            ..Default::default()
        })],
    };
    let r = s.txn(create("first")).await.unwrap();
    assert!(r.succeeded);
    assert_eq!(r.revision, 2);
    assert_eq!(r.ranges[0].kvs[0].value, b"first"); // a get after a put sees it

    let r = s.txn(create("second")).await.unwrap();
    assert!(!r.succeeded);
    assert_eq!(r.revision, 2);
    assert_eq!(r.ranges[0].kvs[0].value, b"first");

    let guarded = |c: Compare| Txn {
        compares: vec![c],
        success: vec![Op::put("/job", "x")],
        ..Default::default()
    };
    assert!(
        !s.txn(guarded(Compare::ModRevision("/job".into(), 1)))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        s.txn(guarded(Compare::ModRevision("/job".into(), 2)))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        s.txn(guarded(Compare::Version("/job".into(), 2)))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        s.txn(guarded(Compare::CreateRevision("/job".into(), 2)))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        s.txn(guarded(Compare::Value("/job".into(), b"x".to_vec())))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        !s.txn(guarded(Compare::Value("/nope".into(), vec![])))
            .await
            .unwrap()
            .succeeded
    );
    assert!(
        s.txn(guarded(Compare::Version("/nope".into(), 0)))
            .await
            .unwrap()
            .succeeded
    );
    assert_eq!(get(&s, "/job", None).await.unwrap().version, 6);

    // Several writes in one txn share one revision.
    let r = s
        .txn(Txn {
            success: vec![Op::put("/x", "1"), Op::put("/y", "2"), Op::delete("/job")],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(r.revision, 8);
    assert_eq!(get(&s, "/y", None).await.unwrap().mod_revision, 8);

    // etcd refuses a key written twice, and a put with an unknown lease; nothing applies.
    let dup = Txn {
        success: vec![Op::put("/z", "1"), Op::put("/z", "2")],
        ..Default::default()
    };
    assert!(matches!(s.txn(dup).await, Err(EsiError::Store(_))));
    let bad_lease = Txn {
        success: vec![Op::put("/z", "1"), Op::put_with_lease("/w", "1", 42)],
        ..Default::default()
    };
    assert!(matches!(s.txn(bad_lease).await, Err(EsiError::Store(_))));
    assert_eq!(s.revision(), 8);
    assert!(get(&s, "/z", None).await.is_none());
}

#[tokio::test]
async fn lease_expiry_deletes_keys_seen_by_watcher() {
    let s = EmbeddedStore::new();
    let lease = s.lease_grant(Duration::from_secs(1)).await.unwrap();
    assert_eq!(s.lease_ttl(lease).await.unwrap(), Some(1));
    let t = Txn {
        success: vec![
            Op::put_with_lease("/w/a", "1", lease),
            Op::put_with_lease("/w/b", "2", lease),
            Op::put("/w/c", "3"),
        ],
        ..Default::default()
    };
    assert_eq!(s.txn(t).await.unwrap().revision, 2);
    assert_eq!(get(&s, "/w/a", None).await.unwrap().lease, lease);
    let mut w = s.watch("/w/", true, 0).await.unwrap();

    match next(&mut w).await {
        WatchMessage::Events { revision, events } => {
            assert_eq!(revision, 3);
            let got: Vec<_> = events
                .iter()
                .map(|e| (e.kind, e.kv.key.as_str(), e.kv.mod_revision))
                .collect();
            assert_eq!(
                got,
                [
                    (EventKind::Delete, "/w/a", 3),
                    (EventKind::Delete, "/w/b", 3)
                ]
            );
            assert_eq!(events[0].prev.as_ref().unwrap().value, b"1");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.lease_ttl(lease).await.unwrap(), None);
    assert!(matches!(
        s.lease_keep_alive(lease).await,
        Err(EsiError::NotFound(_))
    ));
    assert_eq!(
        keys(&s.range(&Range::prefix("/w/"), None).await.unwrap().1),
        ["/w/c"]
    );
}

#[tokio::test]
async fn keep_alive_and_revoke() {
    let s = EmbeddedStore::new();
    let a = s.lease_grant(Duration::from_secs(1)).await.unwrap();
    let b = s.lease_grant(Duration::from_secs(1)).await.unwrap();
    assert!(b > a);
    put(&s, "/free", "x").await;
    s.txn(Txn {
        success: vec![Op::put_with_lease("/a", "1", a)],
        ..Default::default()
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    s.lease_keep_alive(a).await.unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(s.lease_ttl(b).await.unwrap(), None);
    assert_eq!(s.lease_ttl(a).await.unwrap(), Some(1));
    assert!(get(&s, "/a", None).await.is_some()); // kept alive
    assert_eq!(s.revision(), 3); // b had no keys: its expiry wrote nothing

    // Re-putting without the lease detaches the key; revoke then deletes nothing.
    let c = s.lease_grant(Duration::from_secs(30)).await.unwrap();
    s.txn(Txn {
        success: vec![Op::put_with_lease("/c", "1", c)],
        ..Default::default()
    })
    .await
    .unwrap();
    put(&s, "/c", "2").await;
    s.lease_revoke(c).await.unwrap();
    assert_eq!(s.revision(), 5);
    assert!(matches!(
        s.lease_revoke(c).await,
        Err(EsiError::NotFound(_))
    ));

    s.lease_revoke(a).await.unwrap();
    assert!(get(&s, "/a", None).await.is_none());
    assert_eq!(s.revision(), 6);
}

#[tokio::test]
async fn watch_replays_history_then_live() {
    let s = EmbeddedStore::new();
    put(&s, "/q/1", "a").await; // 2
    put(&s, "/other", "z").await; // 3
    put(&s, "/q/1", "b").await; // 4
    del(&s, "/q/1").await; // 5
    let mut w = s.watch("/q/", true, 2).await.unwrap();
    let mut got = vec![];
    for _ in 0..3 {
        match next(&mut w).await {
            WatchMessage::Events { revision, events } => {
                assert_eq!(events.len(), 1);
                let e = &events[0];
                got.push((
                    revision,
                    e.kind,
                    e.kv.value.clone(),
                    e.prev.as_ref().map(|p| p.value.clone()),
                ));
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        got,
        [
            (2, EventKind::Put, b"a".to_vec(), None),
            (4, EventKind::Put, b"b".to_vec(), Some(b"a".to_vec())),
            (5, EventKind::Delete, vec![], Some(b"b".to_vec())),
        ]
    );
    put(&s, "/other", "y").await; // 6, not ours
    put(&s, "/q/2", "c").await; // 7
    match next(&mut w).await {
        WatchMessage::Events {
            revision: 7,
            events,
        } => assert_eq!(events[0].kv.key, "/q/2"),
        other => panic!("{other:?}"),
    }
    w.progress.as_ref().unwrap().send(()).await.unwrap();
    assert_eq!(next(&mut w).await, WatchMessage::Progress { revision: 7 });

    // A single-key watch from now sees only its key.
    let mut one = s.watch("/q/2", false, 0).await.unwrap();
    put(&s, "/q/22", "no").await;
    del(&s, "/q/2").await;
    match next(&mut one).await {
        WatchMessage::Events {
            revision: 9,
            events,
        } => {
            assert_eq!(
                (events[0].kind, events[0].kv.version),
                (EventKind::Delete, 0)
            );
        }
        other => panic!("{other:?}"),
    }

    // Dropping a handle ends its forwarding task and unregisters it.
    drop(w);
    drop(one);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(lock(&s.inner).watchers.len(), 0);
}

#[tokio::test]
async fn compacted_watch() {
    let s = EmbeddedStore::new();
    for v in ["1", "2", "3"] {
        put(&s, "/k", v).await;
    }
    s.compact(3).await.unwrap();
    let mut w = s.watch("/k", false, 3).await.unwrap();
    assert_eq!(
        next(&mut w).await,
        WatchMessage::Compacted {
            compact_revision: 3
        }
    );
    assert!(w.rx.recv().await.is_none());
    // Just after the compact revision still replays.
    let mut w = s.watch("/k", false, 4).await.unwrap();
    match next(&mut w).await {
        WatchMessage::Events {
            revision: 4,
            events,
        } => assert_eq!(events[0].kv.value, b"3"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn state_loading_and_export() {
    let kv = |k: &str, c, m, v| Kv {
        key: k.into(),
        value: b"v".to_vec(),
        create_revision: c,
        mod_revision: m,
        version: v,
        lease: 0,
    };
    let s = EmbeddedStore::from_state(10, 10, vec![kv("/a", 3, 8, 4), kv("/b", 9, 9, 1)]).unwrap();
    assert!(matches!(
        s.range(&Range::key("/a"), Some(9)).await,
        Err(EsiError::Compacted { .. })
    ));
    assert_eq!(get(&s, "/a", Some(10)).await.unwrap().version, 4);
    s.replay_revision(
        12,
        vec![
            (EventKind::Put, kv("/a", 3, 12, 5)),
            (EventKind::Delete, kv("/b", 0, 12, 0)),
        ],
    )
    .unwrap();
    assert!(s
        .replay_revision(13, vec![(EventKind::Put, kv("/a", 3, 13, 7))])
        .is_err());
    s.advance_to(15).unwrap();
    assert_eq!(s.revision(), 15);
    assert_eq!(get(&s, "/a", Some(12)).await.unwrap().version, 5);
    assert!(get(&s, "/b", Some(11)).await.is_some());
    assert!(get(&s, "/b", Some(12)).await.is_none());
    let e = s.export();
    assert_eq!(
        (
            e.revision,
            e.compact_revision,
            e.base_revision,
            e.base.len(),
            e.events.len()
        ),
        (15, 10, 10, 2, 1)
    );
    assert_eq!(e.events[0].1.len(), 2);

    assert!(EmbeddedStore::from_state(5, 5, vec![kv("/a", 3, 8, 4)]).is_err());
    assert!(EmbeddedStore::from_state(10, 10, vec![kv("/a", 3, 8, 0)]).is_err());
    assert!(EmbeddedStore::from_state(10, 10, vec![kv("/a", 3, 8, 1), kv("/a", 3, 8, 1)]).is_err());
}
