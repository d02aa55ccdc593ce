//! The point walk against the watch walk on a generated busy history (releases, replays,
//! deletes and re-creations, compaction): the same timeline, event for event.

use std::sync::Arc;

use super::history::{history, Walk};
use crate::model::keys::Family;
use crate::model::registry::Registry;
use crate::query::resource::resource_specs;
use crate::store::embedded::EmbeddedStore;
use crate::store::sample::busy::populate_busy;
use crate::store::{points, Store};

async fn both(
    store: &Arc<dyn Store>,
    reg: &Registry,
    id: &str,
    since: Option<i64>,
) -> (String, String) {
    let t = reg.get("port").unwrap();
    let walk = |exhaustive| Walk {
        families: &[],
        jobs: true,
        jobs_only: false,
        since,
        redact: true,
        exhaustive,
    };
    let p = history(store.clone(), reg, t, id, walk(false))
        .await
        .unwrap();
    let w = history(store.clone(), reg, t, id, walk(true))
        .await
        .unwrap();
    (
        serde_json::to_string_pretty(&p).unwrap(),
        serde_json::to_string_pretty(&w).unwrap(),
    )
}

#[tokio::test]
async fn point_walk_equals_watch_walk_on_a_busy_history() {
    let reg = Registry::builtin();
    let mut events = 0;
    for seed in [1, 2, 3] {
        let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
        let ids = populate_busy(store.as_ref(), seed, 4, 2500).await.unwrap();
        for id in &ids {
            let (p, w) = both(&store, &reg, id, None).await;
            assert_eq!(p, w, "seed {seed}, port {id}");
            events += p.matches("\"revision\"").count();
            let born: serde_json::Value = serde_json::from_str(&p).unwrap();
            let (born, to) = (born["from"].as_i64().unwrap(), born["to"].as_i64().unwrap());
            // From an explicit revision (inside a cycle: point-walked when the resource's
            // current life began before it), and from the beginning (every deletion and
            // re-creation of the resource: the watch walk, in both).
            for since in [(born + 37).min(to), 700, 1] {
                let (p, w) = both(&store, &reg, id, Some(since)).await;
                assert_eq!(p, w, "seed {seed}, port {id}, --since {since}");
                if since >= born {
                    events += p.matches("\"revision\"").count();
                }
            }
        }
    }
    assert!(events > 1500, "{events} point-walked events compared");
}

#[tokio::test]
async fn compaction_before_the_start_keeps_the_point_walk_and_after_it_falls_back() {
    let reg = Registry::builtin();
    let t = reg.get("port").unwrap();
    let store: Arc<dyn Store> = Arc::new(EmbeddedStore::new());
    let ids = populate_busy(store.as_ref(), 9, 3, 1500).await.unwrap();
    let to = store.probe().await.unwrap().revision;
    store.compact(to / 2).await.unwrap();
    let (mut answered, mut fell_back) = (0, 0);
    for id in &ids {
        let (p, w) = both(&store, &reg, id, None).await;
        assert_eq!(p, w, "port {id}");
        let specs = resource_specs(&reg, t, id, &Family::ALL, true);
        for since in [1, to / 2 + 50] {
            match points::collect(store.as_ref(), &specs, since, to)
                .await
                .unwrap()
            {
                Some(_) => answered += 1,
                None => fell_back += 1,
            }
        }
    }
    assert!(
        answered >= 3 && fell_back >= 3,
        "{answered} answered, {fell_back} fell back"
    );
}
