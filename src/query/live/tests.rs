//! The live view kept from events must equal a fresh read at the same revision: queue,
//! stage counts, verdicts, blocking nodes and derived numbers, through a job's whole
//! life (waiting on another, promoted, reserved, finished, cleaned up), config and state
//! writes, a failure and a resync after a gap. On the embedded store (etcd semantics).

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::reflect::{load, Items, Reflector, Step};
use super::Live;
use crate::model::registry::Registry;
use crate::model::wire::encode_config;
use crate::query::check::Ttls;
use crate::store::embedded::EmbeddedStore;
use crate::store::follow::{Item, Liveness};
use crate::store::sample::{self, NETWORKS};
use crate::store::{Op, Store, Txn};

async fn write(store: &dyn Store, ops: Vec<Op>) -> i64 {
    store
        .txn(Txn {
            success: ops,
            ..Default::default()
        })
        .await
        .unwrap()
        .revision
}

/// Apply the watch's items until the view reaches `rev`.
async fn catch_up(r: &mut Reflector, items: &mut Items, rev: i64) {
    while r.live.revision < rev {
        let item = tokio::time::timeout(Duration::from_secs(5), items.recv())
            .await
            .expect("an event within 5s")
            .expect("the watch is open")
            .unwrap();
        r.handle(item).await.unwrap();
    }
}

/// Everything two views must agree on.
fn same(a: &Live, b: &Live) {
    assert_eq!(a.stage_counts(), b.stage_counts(), "stage counts");
    assert_eq!(a.verdict_counts(), b.verdict_counts(), "verdicts");
    // Which directories hold a job, in any order (reads arrive in any order).
    let dirs = |l: &Live| -> Vec<(String, Vec<&'static str>)> {
        l.queue
            .dirs
            .iter()
            .map(|(id, d)| {
                let mut n: Vec<&'static str> = d.iter().map(|d| d.name()).collect();
                n.sort();
                (id.clone(), n)
            })
            .collect()
    };
    assert_eq!(dirs(a), dirs(b), "queue directories");
    assert_eq!(a.queue.working, b.queue.working, "working");
    type NodeRow = (String, (String, String), Vec<String>, bool);
    let nodes = |l: &Live| -> Vec<NodeRow> {
        l.queue
            .nodes
            .iter()
            .map(|(id, n)| {
                let mut p = n.pending.clone();
                p.sort();
                (id.clone(), n.resource.clone(), p, n.waiting)
            })
            .collect()
    };
    assert_eq!(nodes(a), nodes(b), "blocking nodes");
    assert_eq!(
        a.newest().collect::<Vec<_>>(),
        b.newest().collect::<Vec<_>>()
    );
    let ttl = Ttls::new();
    let (da, db) = (a.derive(&ttl), b.derive(&ttl));
    assert_eq!(da.stuck, db.stuck, "stuck");
    assert_eq!(da.blocked, db.blocked, "blocked");
    assert_eq!(da.roots, db.roots, "roots");
}

fn job(id: &str, deps: &[&str]) -> Vec<u8> {
    let deps: Vec<&str> = deps.to_vec();
    json!(["heat_worker", {"id": id, "dependency": deps, "params": []}, 0])
        .to_string()
        .into_bytes()
}

#[tokio::test]
async fn events_keep_the_view_equal_to_a_fresh_read() {
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
    sample::populate_faults(store.as_ref()).await.unwrap();
    let reg = Arc::new(Registry::builtin());
    let (mut r, mut items) = Reflector::start(store.clone(), reg.clone(), Liveness::default())
        .await
        .unwrap();
    let fresh = load(store.as_ref(), reg.clone()).await.unwrap();
    same(&r.live, &fresh);

    let net = NETWORKS[0];
    let a = format!("modify:heat_worker:network:{net}:9:aaaaa");
    let b = "create:heat_worker:port:p-live-1:1:bbbbb".to_string();
    let steps: Vec<Vec<Op>> = vec![
        // a ready, b waiting on a.
        vec![
            Op::put(format!("/jobs/all/{a}"), job(&a, &[])),
            Op::put(format!("/jobs/ready/{a}"), ""),
            Op::put(format!("/jobs/all/{b}"), job(&b, &[a.as_str()])),
            Op::put(format!("/jobs/waiting/{b}"), ""),
        ],
        // a reserved, then finished and cleaned up: b's dependency is gone.
        vec![
            Op::delete(format!("/jobs/ready/{a}")),
            Op::put(format!("/jobs/working/{a}"), "0b5e2c1d-worker"),
        ],
        vec![
            Op::delete(format!("/jobs/working/{a}")),
            Op::put(format!("/jobs/finished/{a}"), ""),
        ],
        vec![
            Op::delete(format!("/jobs/finished/{a}")),
            Op::delete(format!("/jobs/all/{a}")),
        ],
        // The network fails; a port config appears; b is promoted.
        vec![Op::put(
            format!("/state/v2.0/networks/{net}"),
            json!({"error": "quota exceeded", "state": {"worker_state": "MODIFY_FAILED"}, "version": 9}).to_string(),
        )],
        vec![Op::put(
            "/config/v2.0/ports/p-live-1",
            encode_config(&json!({"body": {"id": "p-live-1", "network_id": net}, "marked_for_deletion": false, "version": 1})),
        )],
        vec![
            Op::delete(format!("/jobs/waiting/{b}")),
            Op::put(format!("/jobs/ready/{b}"), ""),
        ],
        // A stage key with no /jobs/all entry, and the election key.
        vec![Op::put("/jobs/ready/create:heat_worker:port:orphan:1:ccccc", "")],
        vec![Op::put("/job_manager_id", "manager-1")],
    ];
    for ops in steps {
        let rev = write(store.as_ref(), ops).await;
        catch_up(&mut r, &mut items, rev).await;
        let fresh = load(store.as_ref(), reg.clone()).await.unwrap();
        same(&r.live, &fresh);
    }
    assert_eq!(r.live.manager.as_ref().unwrap().value, b"manager-1");
    // a reached the finished stage once while the view watched.
    assert_eq!(r.live.finished_total().get("network"), Some(&1));
}

#[tokio::test]
async fn a_gap_reads_the_view_again_and_skips_what_the_read_holds() {
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
    sample::populate(store.as_ref()).await.unwrap();
    let reg = Arc::new(Registry::builtin());
    let (mut r, _items) = Reflector::start(store.clone(), reg.clone(), Liveness::default())
        .await
        .unwrap();
    let id = "create:heat_worker:port:p-gap:1:ddddd";
    let rev = write(
        store.as_ref(),
        vec![
            Op::put(format!("/jobs/all/{id}"), job(id, &[])),
            Op::put(format!("/jobs/ready/{id}"), ""),
        ],
    )
    .await;
    // As if the watch came back after history up to `rev` was compacted.
    let step = r
        .handle(Item::Gap {
            from: r.live.revision + 1,
            compact_revision: rev,
        })
        .await
        .unwrap();
    assert!(matches!(step, Step::Resynced { .. }));
    assert_eq!((r.gaps, r.live.revision), (1, rev));
    assert!(r.live.queue.dirs.contains_key(id));
    assert!(r.last_note.as_ref().unwrap().text.contains("compacted"));
    // The watch then replays from the horizon: already in the view, so skipped.
    let before = r.live.stage_counts().clone();
    let replayed = Item::Events {
        revision: rev,
        events: vec![],
    };
    r.handle(replayed).await.unwrap();
    assert_eq!(r.live.stage_counts(), &before);
    same(&r.live, &load(store.as_ref(), reg).await.unwrap());
}
