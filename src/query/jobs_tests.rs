//! Queue listing against the embedded store: stages, pending dependencies, stuck
//! reasons, filters, counts and the paged path.

use serde_json::json;

use super::*;
use crate::query::counts::count;
use crate::store::embedded::EmbeddedStore;
use crate::store::testing::put;

fn value(id: &str, deps: &[&str], retry: i64) -> String {
    json!(["heat_worker", {"id": id, "params": [], "dependency": deps}, retry]).to_string()
}

fn id(action: &str, t: &str, rid: &str, s: &str) -> String {
    format!("{action}:heat_worker:{t}:{rid}:1:{s}")
}

async fn fixture() -> (EmbeddedStore, Vec<String>) {
    let s = EmbeddedStore::new();
    let working = id("create", "network", "n1", "aaaaa");
    let waiting = id("create", "subnet", "s1", "bbbbb");
    let ready = id("modify", "port", "p1", "ccccc");
    let unqueued = id("create", "port", "p2", "ddddd");
    let blocked = id("create", "port", "p3", "eeeee");
    let orphan = id("create", "port", "p4", "fffff");
    let promoted_missed = id("modify", "subnet", "s2", "ggggg");
    let q = |d: QueueDir, j: &str, v: &str| (d.key(j), v.to_string());
    put(
        &s,
        &[
            q(QueueDir::All, &working, &value(&working, &[], 0)),
            q(QueueDir::Working, &working, "7d1c0e7e"),
            q(
                QueueDir::All,
                &waiting,
                &value(
                    &waiting,
                    &[&working, "create:heat_worker:x:gone:1:zzzzz"],
                    0,
                ),
            ),
            q(QueueDir::Waiting, &waiting, "heat_worker"),
            q(QueueDir::All, &ready, &value(&ready, &[], 2)),
            q(QueueDir::Ready, &ready, "heat_worker"),
            q(QueueDir::All, &unqueued, &value(&unqueued, &[], 0)),
            q(QueueDir::All, &blocked, &value(&blocked, &[&unqueued], 0)),
            q(QueueDir::Waiting, &blocked, "heat_worker"),
            q(QueueDir::Finished, &orphan, ""),
            q(
                QueueDir::All,
                &promoted_missed,
                &value(&promoted_missed, &["create:heat_worker:x:gone:1:zzzzz"], 0),
            ),
            q(QueueDir::Waiting, &promoted_missed, "heat_worker"),
        ],
    )
    .await;
    (
        s,
        vec![
            working,
            waiting,
            ready,
            unqueued,
            blocked,
            orphan,
            promoted_missed,
        ],
    )
}

async fn rows_of(s: &EmbeddedStore, f: &Filter) -> Vec<JobRow> {
    let reg = Registry::builtin();
    let mut out = Vec::new();
    list(s, &reg, f, None, |b| {
        out.extend(b);
        Ok(())
    })
    .await
    .unwrap();
    out
}

#[tokio::test]
async fn stages_dependencies_and_stuck_reasons() {
    let (s, ids) = fixture().await;
    let rows = rows_of(&s, &Filter::default()).await;
    let by = |i: usize| {
        rows.iter()
            .find(|r| r.id == ids[i])
            .unwrap_or_else(|| panic!("{}", ids[i]))
    };
    assert_eq!(rows.len(), 7);
    assert_eq!(by(0).stage, Stage::Working);
    assert_eq!(by(0).worker.as_deref(), Some("7d1c0e7e"));
    assert_eq!(by(1).stage, Stage::Waiting);
    assert_eq!(by(1).pending_dependencies, vec![ids[0].clone()]);
    assert!(by(1).stuck.is_none());
    assert_eq!((by(2).stage, by(2).retry), (Stage::Ready, Some(2)));
    assert_eq!(by(3).stage, Stage::Unqueued);
    assert!(by(3).stuck.is_some());
    assert!(
        by(4).stuck.as_deref().unwrap().contains("unqueued"),
        "{:?}",
        by(4).stuck
    );
    assert_eq!(by(5).stage, Stage::Orphaned);
    assert_eq!(by(5).retry, None);
    assert!(by(6)
        .stuck
        .as_deref()
        .unwrap()
        .contains("promotion was missed"));

    let stuck: Vec<String> = rows_of(
        &s,
        &Filter {
            stuck: true,
            ..Default::default()
        },
    )
    .await
    .into_iter()
    .map(|r| r.id)
    .collect();
    let mut want = vec![
        ids[3].clone(),
        ids[4].clone(),
        ids[6].clone(),
        ids[5].clone(),
    ];
    want.sort();
    let mut got = stuck.clone();
    got.sort();
    assert_eq!(got, want);
}

#[tokio::test]
async fn filters_narrow_by_prefix_and_still_see_dependencies() {
    let (s, ids) = fixture().await;
    // type filter: the waiting subnet job's dependency (a network job) is outside the
    // prefixes but must still count as pending
    let rows = rows_of(
        &s,
        &Filter {
            rtype: Some("subnet".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(rows.len(), 2);
    let w = rows.iter().find(|r| r.id == ids[1]).unwrap();
    assert_eq!(w.pending_dependencies, vec![ids[0].clone()]);
    let rows = rows_of(
        &s,
        &Filter {
            rtype: Some("port".into()),
            id: Some("p3".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].stuck.as_deref().unwrap().contains("unqueued"),
        "{:?}",
        rows[0].stuck
    );
    // id without type: client-side filter
    let rows = rows_of(
        &s,
        &Filter {
            id: Some("p1".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        vec![ids[2].as_str()]
    );
    let rows = rows_of(
        &s,
        &Filter {
            action: Some("modify".into()),
            stages: vec![Stage::Waiting],
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        vec![ids[6].as_str()]
    );

    let reg = Registry::builtin();
    let (p, exact) = prefixes(
        &reg,
        &Filter {
            rtype: Some("port".into()),
            id: Some("p1".into()),
            ..Default::default()
        },
    );
    assert!(exact);
    assert_eq!(p.len(), 4);
    assert_eq!(p[1], "modify:heat_worker:port:p1:");
    assert_eq!(
        prefixes(
            &reg,
            &Filter {
                id: Some("x".into()),
                ..Default::default()
            }
        ),
        (vec![String::new()], false)
    );
}

#[tokio::test]
async fn counts_are_per_directory() {
    let (s, _) = fixture().await;
    let reg = Registry::builtin();
    let c = count(&s, &reg, &Filter::default(), None).await.unwrap();
    assert_eq!(
        (c.all, c.waiting, c.ready, c.working, c.finished),
        (6, 3, 1, 1, 1)
    );
    let c = count(
        &s,
        &reg,
        &Filter {
            rtype: Some("port".into()),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    assert_eq!((c.all, c.waiting, c.ready, c.finished), (3, 1, 1, 1));
    let c = count(
        &s,
        &reg,
        &Filter {
            id: Some("p1".into()),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    assert_eq!((c.all, c.ready), (1, 1));
}

#[tokio::test]
async fn large_listings_are_read_in_pages() {
    let s = EmbeddedStore::new();
    let n = (VALUE_PAGE as usize) * 2 + 7;
    let mut kvs = Vec::new();
    for i in 0..n {
        // Other types' jobs sort between port jobs: a type-filtered page must not pick
        // them up, and bounded pages must neither skip nor repeat a key.
        for t in ["port", "network"] {
            let j = id("create", t, &format!("p{i:05}"), "aaaaa");
            kvs.push((QueueDir::All.key(&j), value(&j, &[], 0)));
            kvs.push((QueueDir::Ready.key(&j), "heat_worker".into()));
        }
    }
    for chunk in kvs.chunks(100) {
        put(&s, chunk).await;
    }
    let reg = Registry::builtin();
    for (filter, expected) in [
        (Filter::default(), 2 * n),
        (
            Filter {
                rtype: Some("port".into()),
                ..Default::default()
            },
            n,
        ),
    ] {
        let mut batches = 0;
        let mut ids = Vec::new();
        list(&s, &reg, &filter, None, |b| {
            batches += 1;
            assert!(b.iter().all(|r| r.stage == Stage::Ready));
            ids.extend(b.into_iter().map(|r| r.id));
            Ok(())
        })
        .await
        .unwrap();
        assert_eq!(ids.len(), expected);
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, ids, "every job once, in key order");
        assert!(batches >= 3, "{batches}");
        if filter.rtype.is_some() {
            assert!(ids.iter().all(|i| i.contains(":port:")));
        }
    }
}
