//! `esi enqueue <action> <type>` in bulk (no id): by verdict and from an ids file, a plan
//! at one revision, dry run writing nothing, the --reason and --yes rules, each written
//! job exactly the job a single `esi enqueue` builds, a rerun a no-op, and one audit
//! record per job sharing a batch id.

use serde_json::Value;

use crate::engine::{config, get, key, keys, network_body, sample_etcd};
use crate::harness::{put_all, Etcd};
use esi::store::sample::NETWORKS;

/// `esi …` on `etcd`, exit 0, its JSON.
fn ok_json(etcd: &Etcd, args: &[&str]) -> Value {
    etcd.esi().args(args).run().ok().json()
}

#[test]
fn stale_resources_get_the_job_a_single_enqueue_builds() {
    let (etcd, store) = sample_etcd();
    // Two networks move to config v2: their state is at v1, no job queued: stale.
    let stale = [NETWORKS[0], NETWORKS[1]];
    for id in stale {
        put_all(
            store.as_ref(),
            &[(
                key("/config", "network", id),
                config(network_body(id), 2, false),
            )],
        );
    }
    let plan = ok_json(
        &etcd,
        &[
            "enqueue",
            "modify",
            "network",
            "--verdict",
            "stale",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert_eq!(plan["kind"], "enqueue", "{plan}");
    let items = plan["items"].as_array().unwrap();
    let planned: Vec<&str> = items
        .iter()
        .map(|i| i["resource_id"].as_str().unwrap())
        .collect();
    let mut want = stale.to_vec();
    want.sort();
    assert_eq!(planned, want, "{plan}");
    assert!(items.iter().all(|i| i["decision"] == "enqueue"), "{plan}");
    assert!(
        keys(&store, "/jobs/all/modify:heat_worker:network:").is_empty(),
        "a dry run wrote"
    );

    // What one `esi enqueue` would write for each, with a known suffix.
    let single: Vec<Value> = stale
        .iter()
        .map(|id| {
            ok_json(
                &etcd,
                &[
                    "enqueue",
                    "modify",
                    "network",
                    id,
                    "--dry-run",
                    "-o",
                    "json",
                    "--suffix",
                    "same1",
                ],
            )
        })
        .collect();

    let no_reason = etcd
        .esi()
        .args([
            "enqueue",
            "modify",
            "network",
            "--verdict",
            "stale",
            "--yes",
        ])
        .run()
        .code(2);
    assert!(
        no_reason.stderr.contains("--reason"),
        "{}",
        no_reason.stderr
    );
    let no_yes = etcd
        .esi()
        .args([
            "enqueue",
            "modify",
            "network",
            "--verdict",
            "stale",
            "--reason",
            "resync",
        ])
        .run()
        .code(5);
    assert!(no_yes.stderr.contains("--yes"), "{}", no_yes.stderr);
    assert!(keys(&store, "/jobs/all/modify:heat_worker:network:").is_empty());

    let run = ok_json(
        &etcd,
        &[
            "enqueue",
            "modify",
            "network",
            "--verdict",
            "stale",
            "--reason",
            "resync",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert_eq!(
        (run["kind"].as_str(), run["written"].as_u64()),
        (Some("enqueue"), Some(2)),
        "{run}"
    );
    let written = keys(&store, "/jobs/all/modify:heat_worker:network:");
    assert_eq!(written.len(), 2, "{written:?}");
    for (id, want) in stale.iter().zip(&single) {
        let k = written.iter().find(|k| k.contains(id)).unwrap();
        let staged = keys(&store, &k.replace("/jobs/all/", "/jobs/ready/")).len()
            + keys(&store, &k.replace("/jobs/all/", "/jobs/waiting/")).len();
        assert_eq!(staged, 1, "{k} has no stage key");
        let mut got = get(&store, k).unwrap();
        // Only the random suffix differs from the single enqueue's job.
        let job_id = got[1]["id"].as_str().unwrap().to_string();
        let (prefix, _) = job_id.rsplit_once(':').unwrap();
        got[1]["id"] = Value::String(format!("{prefix}:same1"));
        assert_eq!(&got, want, "bulk and single enqueue differ for {id}");
    }

    // A rerun: both already in flight.
    let again = ok_json(
        &etcd,
        &[
            "enqueue",
            "modify",
            "network",
            "--verdict",
            "stale,pending",
            "--reason",
            "resync",
            "--yes",
            "-o",
            "json",
        ],
    );
    let reasons: Vec<&str> = again["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.iter().all(|r| r.starts_with("already in flight")),
        "{again}"
    );
    assert_eq!(
        keys(&store, "/jobs/all/modify:heat_worker:network:").len(),
        2
    );

    // One audit record per job, one batch.
    let audit = ok_json(&etcd, &["audit", "--kind", "bulk-enqueue", "-o", "json"]);
    let recs = audit.as_array().unwrap();
    assert_eq!(recs.len(), 2, "{audit}");
    assert_eq!(recs[0]["batch"], recs[1]["batch"]);
    assert!(recs.iter().all(|r| r["reason"] == "resync"));
}

#[test]
fn ids_from_a_file_and_actions_the_system_would_not_choose() {
    let (etcd, store) = sample_etcd();
    for id in NETWORKS {
        put_all(
            store.as_ref(),
            &[(
                key("/config", "network", id),
                config(network_body(id), 2, false),
            )],
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ids");
    std::fs::write(
        &file,
        format!("# one network\n{}\nno-such-network\n", NETWORKS[2]),
    )
    .unwrap();
    let plan = etcd
        .esi()
        .args([
            "enqueue",
            "modify",
            "network",
            "--ids",
            file.to_str().unwrap(),
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .ok();
    assert!(plan.stderr.contains("no-such-network"), "{}", plan.stderr);
    let plan = plan.json();
    let items = plan["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{plan}");
    assert_eq!(items[0]["resource_id"], NETWORKS[2]);
    // These networks have a state: the system would modify, never create.
    let create = ok_json(
        &etcd,
        &[
            "enqueue",
            "create",
            "network",
            "--verdict",
            "stale",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    let items = create["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(
        items.iter().all(|i| i["decision"] == "skip"
            && i["reason"]
                .as_str()
                .unwrap()
                .contains("would choose `modify`")),
        "{create}"
    );
    // A single id and bulk selectors do not mix.
    etcd.esi()
        .args([
            "enqueue",
            "modify",
            "network",
            NETWORKS[0],
            "--verdict",
            "stale",
        ])
        .run()
        .code(2);
}
