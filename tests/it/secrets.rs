//! The secrets sweep: known secrets planted in a config body (a password, a token, a
//! private key), a job's params and a stack's heat outputs, then every read command in
//! every output mode — and the dry runs, the check, the audit, the watch — must show
//! none of them without `--show-secrets`, and show them with it where values are shown.

use serde_json::{json, Value};

use crate::engine::{get, key, sample_etcd};
use crate::harness::{put_all, Etcd};
use esi::store::sample::PORT_MGMT;

const SECRETS: [&str; 5] = [
    "hunter2-pw",
    "tok-0123456",
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
    "s3cr3t-heat-output",
    "param-secret-9",
];

/// The management port at config v4 with secrets in its body, its state (v3) with a
/// secret heat output, and a stuck v3 job whose params carry a secret.
fn planted() -> (Etcd, String) {
    let (etcd, store) = sample_etcd();
    let ck = key("/config", "port", PORT_MGMT);
    let cfg = get(&store, &ck).unwrap();
    let mut body: Value = serde_json::from_str(cfg["body"].as_str().unwrap()).unwrap();
    body["admin_password"] = json!(SECRETS[0]);
    body["user_data_parameters"] = json!({"api_token": SECRETS[1]});
    body["ssh_private_key"] = json!(format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----",
        SECRETS[2]
    ));
    let sk = key("/state", "port", PORT_MGMT);
    let mut state = get(&store, &sk).unwrap();
    let mut outputs: Value =
        serde_json::from_str(state["state"]["heat_outputs"].as_str().unwrap()).unwrap();
    outputs
        .as_array_mut()
        .unwrap()
        .push(json!({"output_key": "db_password", "output_value": SECRETS[3], "description": "x"}));
    state["state"]["heat_outputs"] = json!(outputs.to_string());
    let job = format!("modify:heat_worker:port:{PORT_MGMT}:3:sweep");
    let value = json!(["heat_worker", {"id": job, "resource_input": {"admin_password": SECRETS[0]},
        "params": [{"param": "admin_password", "type": "value", "value": SECRETS[4], "resources": []}], "dependency": []}, 0]);
    put_all(
        store.as_ref(),
        &[
            (ck, crate::engine::config(body, 4, false)),
            (sk, state.to_string()),
            (format!("/jobs/all/{job}"), value.to_string()),
        ],
    );
    (etcd, job)
}

fn leaks(s: &str) -> Vec<&'static str> {
    SECRETS.iter().copied().filter(|x| s.contains(x)).collect()
}

#[test]
fn no_command_in_any_mode_shows_a_secret_unless_asked() {
    let (etcd, job) = planted();
    let ck = key("/config", "port", PORT_MGMT);
    let sk = key("/state", "port", PORT_MGMT);
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut add = |args: &[&str]| runs.push(args.iter().map(|s| s.to_string()).collect());
    for o in ["table", "wide", "json", "jsonl", "yaml"] {
        add(&["show", "port", PORT_MGMT, "-o", o]);
        add(&["ls", "port", "-o", o]);
        add(&["get", &ck, "-o", o]);
        add(&["get", &sk, "-o", o]);
        add(&["get", "--prefix", "/jobs/", "-o", o]);
        add(&["history", "port", PORT_MGMT, "-o", o]);
        add(&["jobs", "-o", o]);
        add(&["job", "show", &job, "-o", o]);
        add(&["check", "-o", o]);
        add(&["audit", "-o", o]);
        add(&["diff", "port", PORT_MGMT, "-o", o]);
        add(&[
            "enqueue",
            "modify",
            "port",
            PORT_MGMT,
            "--force",
            "--dry-run",
            "-o",
            o,
        ]);
        add(&["replay", "job", &job, "--force", "--dry-run", "-o", o]);
        add(&[
            "replay",
            "jobs",
            "--type",
            "port",
            "--stuck",
            "--dry-run",
            "-o",
            o,
        ]);
    }
    add(&["get", &ck, "--raw"]);
    add(&["get", &sk, "--raw"]);
    add(&["diff", "port", PORT_MGMT, "--from", "1", "--to", "4"]);
    add(&[
        "watch",
        "port",
        PORT_MGMT,
        "--rev",
        "1",
        "--timeout",
        "1s",
        "-o",
        "jsonl",
    ]);
    add(&["watch", "port", PORT_MGMT, "--rev", "1", "--timeout", "1s"]);
    add(&[
        "watch",
        "jobs",
        "--rev",
        "1",
        "--timeout",
        "1s",
        "-o",
        "jsonl",
    ]);
    for args in &runs {
        let out = etcd.esi().args(args).run();
        // 1: diff differs; 7: the watch timed out; 11/12: check warns/fails.
        assert!(
            [0, 1, 7, 11, 12].contains(&out.code),
            "{args:?} failed ({}): {}",
            out.code,
            out.stderr
        );
        let found = leaks(&format!("{}{}", out.stdout, out.stderr));
        assert!(
            found.is_empty(),
            "{args:?} shows {found:?}:\n{}\n{}",
            out.stdout,
            out.stderr
        );
    }
    eprintln!("{} command runs, 0 leaks", runs.len());
    // With --show-secrets, the values are there where the command shows values.
    let shown = etcd
        .esi()
        .args(["--show-secrets", "show", "port", PORT_MGMT, "-o", "json"])
        .run()
        .ok()
        .stdout;
    for s in &SECRETS[..4] {
        assert!(shown.contains(s), "--show-secrets shows {s}");
    }
    let job_shown = etcd
        .esi()
        .args(["--show-secrets", "job", "show", &job, "-o", "json"])
        .run()
        .ok()
        .stdout;
    assert!(job_shown.contains(SECRETS[4]), "{job_shown}");
    let dry = etcd
        .esi()
        .args([
            "--show-secrets",
            "enqueue",
            "modify",
            "port",
            PORT_MGMT,
            "--force",
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .stdout;
    assert!(dry.contains(SECRETS[0]), "{dry}");
}
