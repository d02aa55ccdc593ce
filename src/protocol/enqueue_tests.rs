//! Queue protocol against the embedded store: dependencies, the guarded txn and its
//! conflict messages, history search and job lookup.

use serde_json::json;

use super::*;
use crate::model::resource::Stage;
use crate::query::locate::{latest_job_of, locate, not_found};
use crate::store::embedded::EmbeddedStore;
use crate::store::keyhistory::history;
use crate::store::testing::{del, put};

const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
const NET: &str = "168c1535-9001-49c7-bb05-21844570a83c";

fn job(id: &str, refs: &[(&str, &str)]) -> String {
    let resources: Vec<_> = refs
        .iter()
        .map(|(t, i)| json!({"resource_type": t, "resource_id": i}))
        .collect();
    json!(["heat_worker", {"id": id, "params": [{"param": "p", "type": "value", "value": 1, "resources": resources}], "dependency": []}, 0]).to_string()
}

fn all(id: &str) -> String {
    QueueDir::All.key(id)
}

#[tokio::test]
async fn dependencies_forward_reverse_and_same_resource() {
    let s = EmbeddedStore::new();
    let reg = Registry::builtin();
    let net_job = format!("create:heat_worker:network:{NET}:1:aaaaa");
    let vnf_job = "modify:heat_worker:vnf_interface:v1:2:bbbbb".to_string();
    let other = "create:heat_worker:subnet:s9:1:ccccc".to_string();
    let own = format!("modify:heat_worker:port:{PORT}:2:ddddd");
    let rev = put(&s, &[
        (all(&net_job), job(&net_job, &[])),
        // references our port: a reverse dependency
        (all(&vnf_job), job(&vnf_job, &[("port", PORT), ("port", PORT)])),
        // mentions the id only in a value, not in resources: not a dependency
        (all(&other), json!(["heat_worker", {"id": other, "params": [{"param": "x", "type": "value", "value": PORT, "resources": []}]}, 0]).to_string()),
        (all(&own), job(&own, &[])),
    ])
    .await;
    let refs = vec![
        ("network".to_string(), NET.to_string()),
        ("subnet".to_string(), "nope".to_string()),
    ];
    let deps = dependencies(&s, &reg, rev, "port", PORT, &refs, &[])
        .await
        .unwrap();
    assert_eq!(deps, vec![net_job.clone(), vnf_job.clone(), own.clone()]);
    let deps = dependencies(
        &s,
        &reg,
        rev,
        "port",
        PORT,
        &refs,
        std::slice::from_ref(&own),
    )
    .await
    .unwrap();
    assert_eq!(deps, vec![net_job, vnf_job]);
    // at an older revision nothing was in flight
    assert!(dependencies(&s, &reg, 1, "port", PORT, &refs, &[])
        .await
        .unwrap()
        .is_empty());
}

fn guards(config_key: &str, rev: i64, compares: Vec<Compare>, prefixes: Vec<String>) -> Guards {
    Guards {
        config_key: config_key.into(),
        config_mod_revision: rev,
        compares,
        prefixes,
    }
}

#[tokio::test]
async fn the_enqueue_txn_is_guarded_and_says_which_guard_lost() {
    let s = EmbeddedStore::new();
    let reg = Registry::builtin();
    let cfg = format!("/config/v2.0/ports/{PORT}");
    let cfg_rev = put(&s, &[(cfg.clone(), "{}".into())]).await;
    let prefixes = resource_job_prefixes(&reg, "port", PORT);
    let id = format!("modify:heat_worker:port:{PORT}:1:aaaaa");
    let mk = |id: &str, waiting: bool| {
        let g = guards(
            &cfg,
            cfg_rev,
            prefixes.iter().map(|p| absent_prefix(p)).collect(),
            prefixes.clone(),
        );
        enqueue_txn(id, "heat_worker", "[]".into(), waiting, g)
    };
    let e = mk(&id, false);
    assert_eq!(e.stage_key, QueueDir::Ready.key(&id));
    let rev = submit(&s, &e, &[]).await.unwrap();
    let (_, r) = s
        .range(&Range::key(QueueDir::Ready.key(&id)), None)
        .await
        .unwrap();
    assert_eq!(r.kvs[0].value_str(), "heat_worker");
    assert_eq!(r.kvs[0].mod_revision, rev);

    let err = submit(&s, &e, &[]).await.unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
    // another id of the same resource: the "no other job" guard
    let err = submit(
        &s,
        &mk(&format!("modify:heat_worker:port:{PORT}:1:bbbbb"), true),
        &[],
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(&format!(
            "another job of the resource is now in flight: {id}"
        )),
        "{err}"
    );
    // allowed to exist: absent_prefix_except
    let g = guards(
        &cfg,
        cfg_rev,
        prefixes
            .iter()
            .flat_map(|p| absent_prefix_except(p, &all(&id)))
            .collect(),
        vec![],
    );
    let e2 = enqueue_txn(
        &format!("modify:heat_worker:port:{PORT}:1:ccccc"),
        "heat_worker",
        "[]".into(),
        true,
        g,
    );
    assert_eq!(e2.stage, QueueDir::Waiting);
    submit(&s, &e2, std::slice::from_ref(&id)).await.unwrap();
    // the config moved on
    put(&s, &[(cfg.clone(), "{\"v\":2}".into())]).await;
    let g = guards(&cfg, cfg_rev, vec![], vec![]);
    let err = submit(
        &s,
        &enqueue_txn(
            "create:heat_worker:port:x:1:zzzzz",
            "heat_worker",
            "[]".into(),
            false,
            g,
        ),
        &[],
    )
    .await
    .unwrap_err();
    assert!(matches!(err, EsiError::Conflict(_)));
    assert!(
        err.to_string().contains("changed since it was read"),
        "{err}"
    );
    let d = describe(&e2.txn);
    assert!(
        d.compares.iter().any(|c| c.contains("no other key")),
        "{d:?}"
    );
    assert_eq!(d.success.len(), 2);
}

#[tokio::test]
async fn history_keeps_the_last_put_and_survives_compaction() {
    let s = EmbeddedStore::new();
    let id = format!("modify:heat_worker:port:{PORT}:1:aaaaa");
    let key = all(&id);
    put(&s, &[("/other".into(), "x".into())]).await;
    let r1 = put(&s, &[(key.clone(), job(&id, &[]))]).await;
    let r2 = put(
        &s,
        &[(
            key.clone(),
            json!(["heat_worker", {"id": id}, 1]).to_string(),
        )],
    )
    .await;
    let r3 = del(&s, std::slice::from_ref(&key)).await;
    let upto = put(&s, &[("/other".into(), "y".into())]).await;
    let h = history(&s, &key, false, 1, upto).await.unwrap();
    assert_eq!(h.puts[&key].mod_revision, r2);
    assert_eq!(h.deleted[&key], r3);
    assert!(h.compacted_before.is_none());
    assert!(r1 < r2);

    let loc = locate(&s, &id, None, None).await.unwrap();
    assert!(!loc.in_queue);
    assert_eq!(loc.put_revision, Some(r2));
    assert_eq!(loc.value.as_ref().unwrap()[2], json!(1));

    // compaction after the job: still found, and the compaction is reported
    s.compact(r2 - 1).await.unwrap();
    let h = history(&s, &key, false, 1, upto).await.unwrap();
    assert_eq!(h.compacted_before, Some(r2 - 1));
    assert_eq!(h.puts[&key].mod_revision, r2);
    // compaction past the job: gone, and said so
    s.compact(upto).await.unwrap();
    let loc = locate(&s, &id, None, None).await.unwrap();
    assert!(loc.value.is_none());
    assert!(not_found(&loc)
        .to_string()
        .contains(&format!("history before revision {upto} was compacted")));

    // a key that never existed ends promptly with nothing
    let h = history(&s, "/jobs/all/never", false, upto, upto)
        .await
        .unwrap();
    assert!(h.puts.is_empty());
}

#[tokio::test]
async fn locate_and_latest_prefer_the_queue() {
    let s = EmbeddedStore::new();
    let reg = Registry::builtin();
    let old = format!("create:heat_worker:port:{PORT}:1:aaaaa");
    let new = format!("modify:heat_worker:port:{PORT}:2:bbbbb");
    put(&s, &[(all(&old), job(&old, &[]))]).await;
    del(&s, &[all(&old)]).await;
    assert_eq!(
        latest_job_of(&s, &reg, "port", PORT, None).await.unwrap(),
        Some(old.clone())
    );
    put(
        &s,
        &[
            (all(&new), job(&new, &[])),
            (QueueDir::Ready.key(&new), "heat_worker".into()),
        ],
    )
    .await;
    assert_eq!(
        latest_job_of(&s, &reg, "port", PORT, None).await.unwrap(),
        Some(new.clone())
    );
    let loc = locate(&s, &new, None, None).await.unwrap();
    assert!(loc.in_queue);
    assert_eq!(loc.entry.stage, Stage::Ready);
    assert_eq!(
        latest_job_of(&s, &reg, "port", "other", None)
            .await
            .unwrap(),
        None
    );
}
