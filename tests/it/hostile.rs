//! Hostile and broken input: output files replaced safely (never a neighbour, a device
//! or a symlink's link), pipes and bombs refused with a message, dumps without history
//! answered at once, bad settings named.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::harness::Esi;

fn sample() -> Esi {
    Esi::new().args(["--store", "sample"])
}

#[test]
fn snapshot_save_replaces_only_its_own_file() {
    let d = tempfile::tempdir().unwrap();
    let keep = d.path().join("keep.partial");
    std::fs::write(&keep, "unrelated").unwrap();
    let out = d.path().join("keep.json");
    sample()
        .args(["snapshot", "save", out.to_str().unwrap()])
        .run()
        .ok();
    assert_eq!(std::fs::read_to_string(&keep).unwrap(), "unrelated");
    Esi::new()
        .args(["--store", out.to_str().unwrap(), "ls", "port"])
        .run()
        .ok();
    // A symlink is followed: the target is replaced, the link stays a link.
    let target = d.path().join("target.json");
    std::fs::write(&target, "old").unwrap();
    let link = d.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    sample()
        .args(["snapshot", "save", link.to_str().unwrap()])
        .run()
        .ok();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("esi-snapshot"));
    // A device or a FIFO is never replaced by a file.
    let r = sample()
        .args(["snapshot", "save", "/dev/full"])
        .run()
        .code(2);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
    // `-` streams to stdout.
    let r = sample().args(["snapshot", "save", "-"]).run().ok();
    assert!(r.stdout.contains("\"format\": \"esi-snapshot\""));
}

fn fifo(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("fifo");
    let ok = std::process::Command::new("mkfifo")
        .arg(&p)
        .status()
        .unwrap();
    assert!(ok.success());
    p
}

#[test]
fn pipes_given_as_files_are_refused_not_waited_on() {
    let d = tempfile::tempdir().unwrap();
    let f = fifo(d.path());
    let f = f.to_str().unwrap();
    let start = Instant::now();
    for (what, esi) in [
        ("--store", Esi::new().args(["--store", f, "ls", "port"])),
        (
            "config file",
            sample().env("ESI_CONFIG", f).args(["ls", "port"]),
        ),
        ("--schema", sample().args(["--schema", f, "ls", "port"])),
    ] {
        let r = esi.run().code(2);
        assert!(
            r.stderr.contains(what) && r.stderr.contains("not a regular file"),
            "{}",
            r.stderr
        );
    }
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_zlib_bomb_is_refused_at_the_input_limit() {
    let d = tempfile::tempdir().unwrap();
    let bomb = d.path().join("bomb.zlib");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    // {"a": "xxxx…"}: 8 MiB of JSON from a few KB of file.
    z.write_all(b"{\"a\": \"").unwrap();
    z.write_all(&vec![b'x'; 8 << 20]).unwrap();
    z.write_all(b"\"}").unwrap();
    std::fs::write(&bomb, z.finish().unwrap()).unwrap();
    let r = Esi::new()
        .env("ESI_MAX_INPUT_BYTES", "1048576")
        .args(["--store", bomb.to_str().unwrap(), "ls", "port"])
        .run()
        .code(9);
    assert!(r.stderr.contains("limit of 1048576 bytes"), "{}", r.stderr);
    assert!(r.stderr.contains("ESI_MAX_INPUT_BYTES"), "{}", r.stderr);
}

#[test]
fn history_and_diff_of_a_dump_without_history_answer_at_once() {
    let d = tempfile::tempdir().unwrap();
    let dump = d.path().join("dump.json");
    // `etcdctl get --prefix "" -w json`: values, no history.
    std::fs::write(
        &dump,
        r#"{"header":{"revision":5},"kvs":[{"key":"L2NvbmZpZy92Mi4wL3BvcnRzL2FiYw==","value":"eyJ2ZXJzaW9uIjoxLCJib2R5Ijoie30ifQ==","create_revision":3,"mod_revision":4,"version":2}]}"#,
    )
    .unwrap();
    let store = dump.to_str().unwrap();
    let start = Instant::now();
    let r = Esi::new()
        .args(["--store", store, "history", "port", "abc"])
        .run()
        .ok();
    assert!(r.stderr.contains("retained history starts"), "{}", r.stderr);
    Esi::new()
        .args(["--store", store, "diff", "port", "abc"])
        .run()
        .code(3);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn boolean_variables_take_the_usual_spellings() {
    // docs/cookbook.md: "`ESI_READ_ONLY=1`) does the same for one command".
    for (v, on) in [
        ("1", true),
        ("yes", true),
        ("TRUE", true),
        ("0", false),
        ("no", false),
    ] {
        let s = Esi::new()
            .env("ESI_READ_ONLY", v)
            .args(["config", "current", "-o", "json"])
            .run()
            .ok()
            .json();
        assert_eq!(
            s["settings"]["read_only"]["value"],
            serde_json::json!(on),
            "{v}"
        );
    }
    let r = sample()
        .env("ESI_READ_ONLY", "1")
        .args([
            "enqueue",
            "modify",
            "port",
            "ddc14be4-3480-4e97-a978-817b18f9904c",
            "--yes",
        ])
        .run()
        .code(5);
    assert!(r.stderr.contains("refused"), "{}", r.stderr);
}

#[test]
fn empty_endpoints_and_zero_timeouts_are_usage_errors_naming_the_setting() {
    for (k, v, said) in [
        ("ESI_ENDPOINTS", ",,,", "ESI_ENDPOINTS is empty"),
        ("ESI_COMMAND_TIMEOUT", "0s", "longer than zero"),
        ("ESI_DIAL_TIMEOUT", "0s", "ESI_DIAL_TIMEOUT=0s"),
    ] {
        let r = Esi::new().env(k, v).args(["ls", "port"]).run().code(2);
        assert!(r.stderr.contains(said), "{k}={v}: {}", r.stderr);
    }
    let r = Esi::new()
        .args(["--endpoints", "", "ls", "port"])
        .run()
        .code(2);
    assert!(r.stderr.contains("is empty"), "{}", r.stderr);
    // A context with `endpoints = []` does not silently mean the default.
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("config.toml");
    std::fs::write(
        &cfg,
        "current-context = \"prod\"\n[contexts.prod]\nendpoints = []\n",
    )
    .unwrap();
    let r = Esi::new()
        .env("ESI_CONFIG", cfg.to_str().unwrap())
        .args(["ls", "port"])
        .run()
        .code(9);
    assert!(r.stderr.contains("endpoints is empty"), "{}", r.stderr);
}

#[test]
fn stored_strings_cannot_drive_the_terminal() {
    use crate::harness::{block_on, put_all, Etcd};
    use crate::show::config;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let name = "lb\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m\u{202e}evil";
    let forged = "fake\nddc14be4-0000-0000-0000-000000000000  forged row";
    put_all(
        store.as_ref(),
        &[
            (
                "/config/v2.0/ports/aaaaaaaa-1111-2222-3333-444444444444".to_string(),
                config(serde_json::json!({"name": name}), 1, false),
            ),
            (
                format!("/config/v2.0/ports/{forged}"),
                config(serde_json::json!({"name": "x"}), 1, false),
            ),
        ],
    );
    let clean = |s: &str| {
        !s.chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
    };
    for args in [
        vec!["ls", "port"],
        vec!["show", "port", "aaaaaaaa-1111-2222-3333-444444444444"],
        vec!["jobs"],
    ] {
        let r = etcd.esi().args(&args).run();
        assert!(clean(&r.stdout), "{args:?} stdout: {:?}", r.stdout);
        assert!(clean(&r.stderr), "{args:?} stderr: {:?}", r.stderr);
    }
    let ls = etcd.esi().args(["ls", "port"]).run().ok();
    assert!(ls.stdout.contains("\\x1b]0;pwned"), "{}", ls.stdout);
    assert!(
        !ls.stdout.lines().any(|l| l.starts_with("ddc14be4-0000")),
        "a forged row: {}",
        ls.stdout
    );
    // JSON stays valid, with C1 and bidi escaped.
    let j = etcd.esi().args(["ls", "port", "-o", "json"]).run().ok();
    assert!(
        j.stdout.contains("\\u009b") && j.stdout.contains("\\u202e"),
        "{}",
        j.stdout
    );
    let v = j.json();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == serde_json::json!(name)));
}

#[test]
fn secrets_never_leak_through_warnings_errors_or_raw_values() {
    use crate::harness::{block_on, put_all, Etcd};
    use crate::show::PORT;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let job = format!("modify:heat_worker:port:{PORT}:2:zzzzz");
    put_all(
        store.as_ref(),
        &[
            // `version` is not an integer, and holds a secret: quoted in a warning.
            (
                format!("/config/v2.0/ports/{PORT}"),
                r#"{"body":"{\"name\":\"p\",\"db.password\":\"S3CRET-1\"}","version":{"admin_password":"S3CRET-2"}}"#.to_string(),
            ),
            // Not JSON: shown raw, and quoted by replay's error.
            (format!("/jobs/all/{job}"), r#"["heat_worker", {"pwd": "S3CRET-3", "pin": 4242, broken"#.to_string()),
            (format!("/jobs/ready/{job}"), "heat_worker".to_string()),
            // Credentials in a URL of the state's error text.
            (
                format!("/state/v2.0/ports/{PORT}"),
                r#"{"error":"cannot reach postgres://app:S3CRET-4@db/x","state":{},"version":2}"#.to_string(),
            ),
        ],
    );
    let leaks = |s: &str| s.contains("S3CRET") || s.contains("4242");
    for out in ["table", "json", "jsonl", "yaml"] {
        for args in [
            vec!["show", "port", PORT],
            vec!["get", "/jobs/all/", "--prefix"],
            vec!["jobs"],
            vec!["job", "show", &job],
            vec!["history", "port", PORT],
        ] {
            let r = etcd.esi().args(&args).args(["-o", out]).run();
            assert!(
                !leaks(&r.stdout) && !leaks(&r.stderr),
                "{args:?} -o {out}:\n{}\n{}",
                r.stdout,
                r.stderr
            );
        }
    }
    let r = etcd.esi().args(["replay", "job", &job, "--dry-run"]).run();
    assert_ne!(r.code, 0);
    assert!(!leaks(&r.stderr), "{}", r.stderr);
    // With --show-secrets, what is shown is shown whole.
    let r = etcd
        .esi()
        .args(["show", "port", PORT, "--show-secrets", "-o", "json"])
        .run()
        .ok();
    assert!(r.stdout.contains("S3CRET-4"), "{}", r.stdout);
}

#[test]
fn snapshot_load_into_a_cluster_holding_esi_keys_needs_a_flag() {
    use crate::harness::Etcd;
    let etcd = Etcd::start();
    let d = tempfile::tempdir().unwrap();
    let snap = d.path().join("s.json");
    let snap = snap.to_str().unwrap();
    sample().args(["snapshot", "save", snap]).run().ok();
    // An empty target: loads; the prompt and the report count keys the same way.
    let dry = etcd
        .esi()
        .args(["snapshot", "load", snap, "--dry-run"])
        .run()
        .ok();
    assert!(dry.stderr.contains("holds 0 ESI keys"), "{}", dry.stderr);
    let first = etcd
        .esi()
        .args(["snapshot", "load", snap, "--yes"])
        .run()
        .ok();
    assert!(first.stderr.contains("wrote 70 keys"), "{}", first.stderr);
    // Now it holds ESI keys: refused without --allow-existing, nothing written.
    let r = etcd
        .esi()
        .args(["snapshot", "load", snap, "--yes"])
        .run()
        .code(5);
    assert!(
        r.stderr.contains("already holds 70 ESI keys"),
        "{}",
        r.stderr
    );
    etcd.esi()
        .args(["snapshot", "load", snap, "--yes", "--allow-existing"])
        .run()
        .ok();
}

#[test]
fn diff_against_stack_never_calls_unreadable_sides_identical() {
    use crate::harness::{block_on, put_all, Etcd};
    use crate::show::{config, PORT};
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    let cfg = (
        format!("/config/v2.0/ports/{PORT}"),
        config(serde_json::json!({"id": PORT}), 1, false),
    );
    // Both records undecodable.
    put_all(
        store.as_ref(),
        &[
            cfg.clone(),
            (format!("/state/v2.0/ports/{PORT}"), "not json".to_string()),
            (
                format!("/esi-worker/heat_stacks/v2.0/ports/{PORT}"),
                "{broken".to_string(),
            ),
        ],
    );
    let r = etcd
        .esi()
        .args(["diff", "port", PORT, "--against", "stack"])
        .run()
        .code(9);
    assert!(r.stderr.contains("cannot be decoded"), "{}", r.stderr);
    // heat_outputs that is text, not a list: said, not taken as {}.
    put_all(
        store.as_ref(),
        &[
            (
                format!("/state/v2.0/ports/{PORT}"),
                r#"{"error":"","state":{"heat_outputs":"garbage","worker_state":"CREATE_COMPLETED"},"version":1}"#.to_string(),
            ),
            (format!("/esi-worker/heat_stacks/v2.0/ports/{PORT}"), r#"{"stack_status":"CREATE_COMPLETE","output":[]}"#.to_string()),
        ],
    );
    let r = etcd
        .esi()
        .args(["diff", "port", PORT, "--against", "stack"])
        .run()
        .code(9);
    assert!(
        r.stderr
            .contains("heat_outputs is text that is not a JSON list"),
        "{}",
        r.stderr
    );
}

#[test]
fn ids_with_a_slash_are_listed_and_a_file_named_sample_is_pointed_at() {
    use crate::harness::{block_on, put_all, Etcd};
    use crate::show::config;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    put_all(
        store.as_ref(),
        &[(
            "/config/v2.0/ports/a/b".to_string(),
            config(serde_json::json!({"name": "slashed"}), 1, false),
        )],
    );
    let v = etcd
        .esi()
        .args(["ls", "port", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v[0]["id"], serde_json::json!("a/b"), "{v}");
    // `--store sample` is the bundled sample even when ./sample exists: said so.
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("sample"), "{}").unwrap();
    let mut cmd = sample().args(["ls", "port"]).command();
    let out = cmd.current_dir(d.path()).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--store ./sample"));
}

#[test]
fn huge_values_are_cut_in_tables_and_whole_with_wide_and_json() {
    use crate::harness::{block_on, put_all, Etcd};
    use crate::show::config;
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    // (Under comfy-table's 65,535-character column limit, past which even -o wide wraps.)
    let name = "n".repeat(60_000);
    put_all(
        store.as_ref(),
        &[(
            "/config/v2.0/ports/big".to_string(),
            config(serde_json::json!({"name": name}), 1, false),
        )],
    );
    let start = Instant::now();
    let t = etcd.esi().args(["ls", "port"]).run().ok();
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert!(
        t.stdout.len() < 2_000,
        "cut in the table: {} bytes",
        t.stdout.len()
    );
    assert!(t.stdout.contains('…'));
    let w = etcd.esi().args(["ls", "port", "-o", "wide"]).run().ok();
    assert!(w.stdout.contains(&name));
    let j = etcd
        .esi()
        .args(["ls", "port", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(j[0]["name"].as_str().map(str::len), Some(60_000));
}
