//! `esi version`, "did you mean" suggestions, and progress bars kept off non-terminals.

use std::time::{Duration, Instant};

use crate::harness::{Esi, Etcd};

#[test]
fn version_reports_esi_and_the_etcd_server() {
    let etcd = Etcd::start();
    let doc = etcd.esi().args(["version", "-o", "json"]).run().ok().json();
    assert_eq!(doc["esi"], env!("CARGO_PKG_VERSION"));
    assert!(
        doc["etcd"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{doc}"
    );
    let t = etcd.esi().args(["version"]).run().ok();
    assert!(
        t.stdout
            .starts_with(&format!("esi  {}", env!("CARGO_PKG_VERSION"))),
        "{}",
        t.stdout
    );
}

#[test]
fn version_without_etcd_is_quick_and_succeeds() {
    let started = Instant::now();
    let doc = Esi::new()
        .args(["--endpoints", "http://127.0.0.1:9", "version", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(doc["etcd"], serde_json::Value::Null);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // A blackholed address: the probe gives up after its short timeout.
    let started = Instant::now();
    Esi::new()
        .args(["--endpoints", "http://10.255.255.1:2379", "version"])
        .run()
        .ok();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn unknown_subcommands_and_types_get_suggestions() {
    let r = Esi::new().args(["shwo", "port", "x"]).run().code(2);
    assert!(
        r.stderr.contains("similar subcommand") && r.stderr.contains("show"),
        "{}",
        r.stderr
    );
    let r = Esi::new()
        .args(["--store", "sample", "ls", "prot"])
        .run()
        .code(3);
    assert!(r.stderr.contains("did you mean `port`"), "{}", r.stderr);
    let r = Esi::new().args(["config", "use-contxt", "x"]).run().code(2);
    assert!(r.stderr.contains("use-context"), "{}", r.stderr);
}

#[test]
fn snapshot_progress_stays_off_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.json");
    let r = Esi::new()
        .args(["--store", "sample", "snapshot", "save", f.to_str().unwrap()])
        .run()
        .ok();
    // stderr is a pipe here: the summary line only, no bar, no escape sequences.
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("saved ") && !r.stderr.contains('\u{1b}'),
        "{:?}",
        r.stderr
    );
}
