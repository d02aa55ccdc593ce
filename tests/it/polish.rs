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

#[test]
fn help_layout_types_and_version() {
    // -h is short: the global options stay under `esi --help`.
    let short = Esi::new().args(["show", "-h"]).run().ok().stdout;
    assert!(
        short.contains("Usage: esi show [OPTIONS] <TYPE> <ID>"),
        "{short}"
    );
    assert!(
        short.contains("<TYPE>  Resource type") && short.contains("<ID>    Resource id"),
        "{short}"
    );
    assert!(!short.contains("--endpoints"), "{short}");
    assert!(short.lines().count() < 25, "{short}");
    let long = Esi::new().args(["show", "--help"]).run().ok().stdout;
    assert!(
        long.contains("--endpoints") && long.contains("--show-secrets"),
        "{long}"
    );
    let diff = Esi::new().args(["diff", "-h"]).run().ok().stdout;
    assert!(diff.contains("<TYPE>  Resource type"), "{diff}");
    // -V/--version only at the top level; --revision is --rev.
    Esi::new().args(["--version"]).run().ok();
    Esi::new().args(["show", "--version"]).run().code(2);
    let r = Esi::new()
        .args([
            "--store",
            "sample",
            "show",
            "port",
            "ddc14be4-3480-4e97-a978-817b18f9904c",
        ])
        .args(["--revision", "150", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(r["revision"], serde_json::json!(150));
    // esi types: every type, with its plural and whether it has a heat template.
    let t = Esi::new().args(["types", "-o", "json"]).run().ok().json();
    let port = t
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "port")
        .unwrap();
    assert_eq!(port["plural"], serde_json::json!("ports"));
    assert_eq!(port["heat_template"], serde_json::json!(true));
    assert_eq!(port["monitoring_field"], serde_json::json!("vmi"));
    let v = Esi::new()
        .args(["--store", "sample", "version", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["features"], serde_json::json!(["dynamic-completion"]));
    // ls without a type, and an unknown type, point at `esi types`.
    let r = Esi::new().args(["--store", "sample", "ls"]).run().code(2);
    assert!(r.stderr.contains("esi types"), "{}", r.stderr);
    let r = Esi::new()
        .args(["--store", "sample", "ls", "prot"])
        .run()
        .code(3);
    assert!(
        r.stderr.contains("did you mean `port`") && r.stderr.contains("esi types"),
        "{}",
        r.stderr
    );
    // Usage mistakes in `jobs` filters are all usage errors; env mistakes name the variable.
    for args in [
        ["jobs", "--type", "prot"],
        ["jobs", "--action", "mod"],
        ["jobs", "--stage", "redy"],
    ] {
        Esi::new()
            .args(["--store", "sample"])
            .args(args)
            .run()
            .code(2);
    }
    let r = Esi::new()
        .env("ESI_OUTPUT", "jsn")
        .args(["--store", "sample", "ls", "port"])
        .run()
        .code(2);
    assert!(r.stderr.contains("ESI_OUTPUT=jsn"), "{}", r.stderr);
    // A near miss of an id says which one was meant.
    let r = Esi::new()
        .args([
            "--store",
            "sample",
            "show",
            "port",
            "ddc14be4-3480-4e97-a978-817b18f9904d",
        ])
        .run()
        .code(3);
    assert!(
        r.stderr
            .contains("did you mean `ddc14be4-3480-4e97-a978-817b18f9904c`"),
        "{}",
        r.stderr
    );
    // A type ESI keeps no state for is not STALE for lacking one.
    let h = Esi::new()
        .args(["--store", "sample", "ls", "heat_template", "-o", "json"])
        .run()
        .ok()
        .json();
    assert!(
        h.as_array()
            .unwrap()
            .iter()
            .all(|r| r["verdict"] == "in_sync"),
        "{h}"
    );
    // One verdict vocabulary.
    for v in ["in-sync", "in_sync", "IN SYNC"] {
        Esi::new()
            .args(["--store", "sample", "ls", "port", "--verdict", v])
            .run()
            .ok();
    }
}

#[test]
fn a_unique_id_prefix_stands_for_the_id_and_an_ambiguous_one_lists_them() {
    use crate::harness::{block_on, put_all};
    use crate::show::config;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let (a, b) = (
        "abcdef12-0000-0000-0000-000000000001",
        "abcdef34-0000-0000-0000-000000000002",
    );
    put_all(
        store.as_ref(),
        &[
            (
                format!("/config/v2.0/ports/{a}"),
                config(serde_json::json!({"name": "a"}), 1, false),
            ),
            (
                format!("/config/v2.0/ports/{b}"),
                config(serde_json::json!({"name": "b"}), 1, false),
            ),
        ],
    );
    let r = etcd
        .esi()
        .args(["show", "port", "abcdef12", "-o", "json"])
        .run()
        .ok();
    assert_eq!(r.json()["resource"]["id"], serde_json::json!(a));
    assert!(
        r.stderr.contains(&format!("port abcdef12… is {a}")),
        "{}",
        r.stderr
    );
    for cmd in [
        vec!["show", "port", "abcdef"],
        vec!["history", "port", "abcdef"],
        vec!["diff", "port", "abcdef"],
    ] {
        let r = etcd.esi().args(&cmd).run().code(2);
        assert!(
            r.stderr
                .contains("`abcdef` is ambiguous: 2 port ids start with it"),
            "{cmd:?}: {}",
            r.stderr
        );
        assert!(r.stderr.contains(a) && r.stderr.contains(b), "{}", r.stderr);
    }
    // Shorter than 6 characters: taken as typed.
    etcd.esi().args(["show", "port", "abcde"]).run().code(3);
    let h = etcd
        .esi()
        .args(["history", "port", "abcdef34", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(h["resource"]["id"], serde_json::json!(b));
}

#[test]
fn a_dry_run_with_a_suffix_shows_the_id_the_write_uses() {
    use crate::harness::block_on;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(esi::store::sample::populate(store.as_ref())).unwrap();
    let port = esi::store::sample::PORT_MGMT;
    let dry = etcd
        .esi()
        .args([
            "enqueue",
            "modify",
            "port",
            port,
            "--suffix",
            "t0001",
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    let planned = dry[1]["id"].as_str().unwrap().to_string();
    assert!(planned.ends_with(":t0001"), "{planned}");
    let wrote = etcd
        .esi()
        .args([
            "enqueue", "modify", "port", port, "--suffix", "t0001", "--yes", "-o", "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(wrote["job_id"], serde_json::json!(planned));
    etcd.esi()
        .args([
            "enqueue",
            "modify",
            "port",
            port,
            "--suffix",
            "no-dashes!",
            "--dry-run",
        ])
        .run()
        .code(2);
}

/// `esi …` run on a real terminal (a pty from script(1)) of `cols` columns.
fn on_terminal(cols: u16, args: &str) -> String {
    let cmd = format!(
        "stty cols {cols} rows 50; {} --color never {args}",
        env!("CARGO_BIN_EXE_esi")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("ESI_CONFIG", "/nonexistent")
        .output()
        .expect("script(1) gives a pty");
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn tables_fit_the_terminal_without_cutting_ids() {
    let wide = crate::harness::Esi::new()
        .args(["--store", "sample", "types"])
        .run()
        .ok()
        .stdout;
    let natural = wide.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        natural > 110,
        "the natural table is wider than the terminal: {natural}"
    );
    let t = on_terminal(110, "--store sample types");
    assert!(t.lines().count() > 10, "{t}");
    assert!(
        t.lines().all(|l| l.chars().count() <= 110),
        "every line fits 110 columns:\n{t}"
    );
    // Ids never wrap; when even they cannot fit, rows stay whole rather than cut.
    let ls = on_terminal(200, "--store sample ls port");
    assert!(ls.lines().all(|l| l.chars().count() <= 200), "{ls}");
    assert!(
        ls.contains(esi::store::sample::PORT_SERVICE),
        "the id is whole: {ls}"
    );
    let narrow = on_terminal(60, "--store sample ls port");
    assert!(
        narrow.contains(esi::store::sample::PORT_SERVICE),
        "{narrow}"
    );
    // -o wide never wraps.
    let w = on_terminal(110, "--store sample types -o wide");
    assert!(w.lines().any(|l| l.chars().count() > 110), "{w}");
}
