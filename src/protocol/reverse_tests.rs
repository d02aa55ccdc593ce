//! The pruned reverse scan against the full one, on a generated deep queue where many
//! types reference each other, templates name types (one edited since its jobs were
//! built), and some jobs sit outside every registered prefix.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::enqueue::reverse_references;
use super::reverse::Scan;
use crate::model::keys::QueueDir;
use crate::model::reach::{referrers, Referrers};
use crate::model::registry::Registry;
use crate::store::embedded::EmbeddedStore;
use crate::store::testing::{put, Lcg};

const IDS: usize = 3;

fn id(t: &str, n: usize) -> String {
    format!("{t}-{n}")
}

fn template(mappings: Value) -> String {
    let body = json!({"handler": "heat_worker", "parameter_mappings": mappings, "template": "x"});
    json!({"body": body.to_string(), "marked_for_deletion": false, "version": 1}).to_string()
}

/// A relation walk of 1..=3 hops from `from`: the references a string-hop path records.
fn walk(reg: &Registry, rng: &mut Lcg, from: &str, out: &mut Vec<(String, String)>) {
    let mut cur = from.to_string();
    for _ in 0..=rng.index(3) {
        let Some(t) = reg.get(&cur) else { return };
        let targets: Vec<&String> = t.relations.values().collect();
        if targets.is_empty() {
            return;
        }
        cur = targets[rng.index(targets.len())].clone();
        out.push((cur.clone(), id(&cur, rng.index(IDS))));
    }
}

fn job_value(job_id: &str, handler: &str, refs: &[(String, String)]) -> String {
    let resources: Vec<Value> = refs
        .iter()
        .map(|(t, i)| json!({"resource_type": t, "resource_id": i}))
        .collect();
    json!([handler, {"id": job_id, "params": [
        {"param": "p", "type": "value", "value": "v", "resources": resources}
    ], "dependency": []}, 0])
    .to_string()
}

#[tokio::test]
async fn pruned_scan_finds_exactly_what_the_full_scan_finds() {
    let s = EmbeddedStore::new();
    let reg = Registry::builtin();
    let types: Vec<String> = reg.iter().map(|t| t.id.clone()).collect();
    // Named by templates: ese_device (F hops), vpn_gateway (an object hop); qos_option
    // only by the first version of an edited template.
    let tk = |n: &str| format!("/config/v2.0/heat_templates/{n}");
    put(&s, &[
        (tk("a"), template(json!({"ip": "Fese_physical_port+ese_physical_port_id:ese_device+ese_device_id:ip"}))),
        (tk("b"), template(json!({"gw": {"field": "id", "path": [{"id": "vpn_gw_id", "type": "vpn_gateway"}]}}))),
        (tk("c"), template(json!({"q": "ACx&Fqos_option+qos_option_id:name"}))),
    ])
    .await;
    put(
        &s,
        &[(tk("c"), template(json!({"s": "Msubnet:subnet_id:id"})))],
    )
    .await;
    let named = [
        "ese_physical_port",
        "ese_device",
        "vpn_gateway",
        "qos_option",
        "subnet",
    ];

    let mut rng = Lcg(7);
    let mut kvs: Vec<(String, String)> = Vec::new();
    for n in 0..3000 {
        let (mut action, mut handler) = ("modify", "heat_worker");
        let mut rtype = types[rng.index(types.len())].clone();
        let mut refs: Vec<(String, String)> = Vec::new();
        match rng.index(50) {
            // Outside every registered prefix: they may reference anything.
            0 => rtype = "widget".into(),
            1 => handler = "other_worker",
            2 => action = "rebuild",
            _ => {}
        }
        if rtype == "widget" || handler != "heat_worker" || action != "modify" {
            let t = &types[rng.index(types.len())];
            refs.push((t.clone(), id(t, rng.index(IDS))));
        }
        for _ in 0..rng.index(3) {
            walk(&reg, &mut rng, &rtype, &mut refs);
        }
        if rng.index(4) == 0 {
            let t = named[rng.index(named.len())];
            refs.push((t.to_string(), id(t, rng.index(IDS))));
            walk(&reg, &mut rng, t, &mut refs);
        }
        let jid = format!(
            "{action}:{handler}:{rtype}:{}:1:{n:05}",
            id(&rtype, n % IDS)
        );
        kvs.push((QueueDir::All.key(&jid), job_value(&jid, handler, &refs)));
    }
    let mut rev = 0;
    for chunk in kvs.chunks(500) {
        rev = put(&s, chunk).await;
    }

    let (mut found, mut compared) = (0, 0);
    for t in &types {
        for n in 0..IDS {
            let target = id(t, n);
            let full = reverse_references(&s, &reg, rev, t, &target, Scan::Full)
                .await
                .unwrap();
            let pruned = reverse_references(&s, &reg, rev, t, &target, Scan::Pruned)
                .await
                .unwrap();
            assert_eq!(pruned, full, "reverse references of {t} {target}");
            found += full.len();
            compared += 1;
        }
    }
    assert!(
        compared > 200 && found > 1000,
        "{compared} targets, {found} references"
    );
    // And the pruning did prune: most targets are not upstream of a named type.
    let named: BTreeSet<String> = named.iter().map(|t| t.to_string()).collect();
    let pruned = types
        .iter()
        .filter(|t| referrers(&reg, &named, &[t.as_str()]) != Referrers::All)
        .count();
    assert!(
        pruned * 2 > types.len(),
        "{pruned} of {} types pruned",
        types.len()
    );
}

#[tokio::test]
async fn the_scan_reads_only_referring_types_and_stray_keys() {
    let s = EmbeddedStore::new();
    let reg = Registry::builtin();
    let refs = [("port".to_string(), "p1".to_string())];
    let jobs = [
        "modify:heat_worker:vnf_interface:v1:1:aaaaa", // relation vnf_interface.port_id
        "modify:heat_worker:network:n1:1:bbbbb",       // cannot reference a port
        "modify:odd_worker:network:n2:1:ccccc",        // another handler: read
        "zap:heat_worker:network:n3:1:ddddd",          // an unknown action: read
    ];
    let kvs: Vec<(String, String)> = jobs
        .iter()
        .map(|j| {
            let r = if j.contains(":network:n1:") {
                &[][..]
            } else {
                &refs[..]
            };
            (QueueDir::All.key(j), job_value(j, "heat_worker", r))
        })
        .collect();
    let rev = put(&s, &kvs).await;
    let mut seen: BTreeSet<String> = BTreeSet::new();
    super::reverse::for_each_page_of(&s, &reg, rev, &["port"], Scan::Pruned, 10, |kvs| {
        seen.extend(kvs.into_iter().map(|kv| kv.key));
        Ok(())
    })
    .await
    .unwrap();
    let want: BTreeSet<String> = [jobs[0], jobs[2], jobs[3]]
        .iter()
        .map(|j| QueueDir::All.key(j))
        .collect();
    assert_eq!(seen, want);
    let full = reverse_references(&s, &reg, rev, "port", "p1", Scan::Full)
        .await
        .unwrap();
    let pruned = reverse_references(&s, &reg, rev, "port", "p1", Scan::Pruned)
        .await
        .unwrap();
    assert_eq!((pruned.len(), &pruned), (3, &full));
}
