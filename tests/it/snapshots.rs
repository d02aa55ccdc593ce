//! The bundled sample (modeled on the seeds) written into a real etcd and shown; the same
//! data through every snapshot format gives the same JSON as live etcd; TLS with client
//! certificates; user/password auth; ETCDCTL_* fallbacks.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Command;

use serde_json::{json, Value};

use crate::harness::{block_on, Esi, Etcd};
use esi::store::sample::{self, PORT_MGMT, PORT_SERVICE, PORT_USER, VNF_INSTANCE};

fn loaded() -> Etcd {
    let etcd = Etcd::start();
    let store = block_on(etcd.store());
    block_on(sample::populate(store.as_ref())).expect("populate sample");
    etcd
}

const SHOWN: [(&str, &str); 4] = [
    ("port", PORT_MGMT),
    ("port", PORT_USER),
    ("port", PORT_SERVICE),
    ("vnf_instance", VNF_INSTANCE),
];

#[test]
fn seed_flows_shown_from_etcd_table_and_json() {
    let etcd = loaded();
    // modify vnf_instance v2 (seed 000): in sync, server UP
    let v = etcd
        .esi()
        .args(["show", "vnf_instance", VNF_INSTANCE, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["text"], json!("IN SYNC (v2)"));
    assert_eq!(
        v["state"]["value"]["state"]["worker_state"],
        json!("MODIFY_COMPLETED")
    );
    assert_eq!(
        v["heat_stack"]["value"]["stack_id"],
        json!(format!("vnf_instance_{VNF_INSTANCE}"))
    );
    assert_eq!(
        v["state"]["value"]["state"]["heat_outputs"][0]["output_value"],
        json!("47531b14-72e9-439d-8949-fd941457ecde")
    );
    assert_eq!(
        v["monitoring"]["value"],
        json!({"version": 2, "server": "UP"})
    );
    // modify port v3 (seed 001): vmi went UP then FAIL
    let v = etcd
        .esi()
        .args(["show", "port", PORT_MGMT, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["text"], json!("DEGRADED: monitoring vmi=FAIL"));
    assert_eq!(
        v["config"]["value"]["body"]["fixed_ips"][0]["subnet_id"],
        json!("707847d0-89d9-4b98-93a2-8b376709c5f3")
    );
    // logical_delete port v4 (seed 003): the job is queued, ready
    let v = etcd
        .esi()
        .args(["show", "port", PORT_USER, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(
        v["verdict"]["text"],
        json!("PENDING: logical_delete v4 is ready, not yet reserved")
    );
    assert_eq!(
        v["jobs"][0]["id"],
        json!(format!(
            "logical_delete:heat_worker:port:{PORT_USER}:4:ajjld"
        ))
    );
    assert_eq!(
        v["jobs"][0]["value"][1]["params"].as_array().unwrap().len(),
        18
    );
    assert_eq!(v["config"]["value"]["marked_for_deletion"], json!(true));
    // create port v1 (seed 004)
    let v = etcd
        .esi()
        .args(["show", "port", PORT_SERVICE, "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["verdict"]["text"], json!("IN SYNC (v1)"));
    // the table view of the pending delete
    let t = etcd
        .esi()
        .args(["show", "port", PORT_USER])
        .run()
        .ok()
        .stdout;
    assert!(
        t.contains("verdict: PENDING: logical_delete v4 is ready, not yet reserved"),
        "{t}"
    );
    assert!(t.contains("marked_for_deletion  true"), "{t}");
    assert!(
        t.contains(
            "ready  logical_delete:heat_worker:port:db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc:4:ajjld"
        ),
        "{t}"
    );
    // ls: one row per port, one read per family
    let rows = etcd
        .esi()
        .args(["ls", "port", "-o", "json"])
        .run()
        .ok()
        .json();
    let codes: BTreeMap<String, String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().into(),
                r["verdict"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(codes[PORT_MGMT], "degraded");
    assert_eq!(codes[PORT_USER], "pending");
    assert_eq!(codes[PORT_SERVICE], "in_sync");
    // the embedded sample gives the same documents as etcd
    for (t, id) in SHOWN {
        let live = etcd
            .esi()
            .args(["show", t, id, "-o", "json"])
            .run()
            .ok()
            .json();
        let offline = Esi::new()
            .args(["--store", "sample", "show", t, id, "-o", "json"])
            .run()
            .ok()
            .json();
        assert_eq!(without_leases(live), without_leases(offline), "{t} {id}");
    }
}

fn without_leases(mut v: Value) -> Value {
    for j in v["jobs"].as_array_mut().into_iter().flatten() {
        j.as_object_mut().unwrap().remove("lease");
    }
    v
}

/// Remove etcd bookkeeping (revisions, key versions) that a format cannot carry.
fn strip_revisions(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for k in [
                "revision",
                "create_revision",
                "mod_revision",
                "version",
                "keys",
                "lease",
            ] {
                if matches!(
                    m.get(k),
                    Some(Value::Number(_)) | Some(Value::Object(_)) | Some(Value::Null)
                ) && k != "version"
                    || (k == "version" && m.contains_key("present"))
                {
                    m.remove(k);
                }
            }
            m.values_mut().for_each(strip_revisions);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_revisions),
        _ => {}
    }
}

#[test]
fn every_snapshot_format_gives_the_live_json() {
    let etcd = loaded();
    let dir = tempfile::tempdir().unwrap();
    let live: Vec<Value> = SHOWN
        .iter()
        .map(|(t, id)| {
            etcd.esi()
                .args(["show", t, id, "-o", "json"])
                .run()
                .ok()
                .json()
        })
        .collect();

    // (a) esi's own snapshot: identical, revisions included
    let esi_snap = dir.path().join("snap.json");
    etcd.esi()
        .args(["snapshot", "save", esi_snap.to_str().unwrap()])
        .run()
        .ok();
    for ((t, id), want) in SHOWN.iter().zip(&live) {
        let got = Esi::new()
            .args([
                "--store",
                esi_snap.to_str().unwrap(),
                "show",
                t,
                id,
                "-o",
                "json",
            ])
            .run()
            .ok()
            .json();
        assert_eq!(
            without_leases(got),
            without_leases(want.clone()),
            "esi snapshot: {t} {id}"
        );
    }
    // history survives in the snapshot
    let h = Esi::new()
        .args([
            "--store",
            esi_snap.to_str().unwrap(),
            "history",
            "port",
            PORT_MGMT,
            "--family",
            "config",
            "-o",
            "json",
        ])
        .run()
        .ok()
        .json();
    assert_eq!(h["events"].as_array().unwrap().len(), 3);

    // (b) etcdctl get --prefix "" -w json: same kvs and revisions
    let ctl = Command::new("etcdctl")
        .env("ETCDCTL_API", "3")
        .args([
            "--endpoints",
            &etcd.endpoint,
            "get",
            "--prefix",
            "",
            "-w",
            "json",
        ])
        .output()
        .expect("etcdctl");
    assert!(
        ctl.status.success(),
        "{}",
        String::from_utf8_lossy(&ctl.stderr)
    );
    let ctl_file = dir.path().join("dump.json");
    std::fs::write(&ctl_file, &ctl.stdout).unwrap();
    for ((t, id), want) in SHOWN.iter().zip(&live) {
        let got = Esi::new()
            .args([
                "--store",
                ctl_file.to_str().unwrap(),
                "show",
                t,
                id,
                "-o",
                "json",
            ])
            .run()
            .ok()
            .json();
        assert_eq!(
            without_leases(got),
            without_leases(want.clone()),
            "etcdctl json: {t} {id}"
        );
    }

    // (c) a legacy v2 dump: zlib-compressed JSON tree, directories as objects
    let all = etcd
        .esi()
        .args(["get", "/", "--prefix", "--raw", "-o", "json"])
        .run()
        .ok()
        .json();
    let mut tree = json!({});
    for kv in all.as_array().unwrap() {
        let key = kv["key"].as_str().unwrap();
        let mut node = &mut tree;
        let parts: Vec<&str> = key.trim_start_matches('/').split('/').collect();
        for p in &parts[..parts.len() - 1] {
            node = node
                .as_object_mut()
                .unwrap()
                .entry(p.to_string())
                .or_insert(json!({}));
        }
        node[parts[parts.len() - 1]] = kv["value"].clone();
    }
    let v2 = dir.path().join("dump.v2");
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(tree.to_string().as_bytes()).unwrap();
    std::fs::write(&v2, enc.finish().unwrap()).unwrap();
    for ((t, id), want) in SHOWN.iter().zip(&live) {
        let mut got = Esi::new()
            .args(["--store", v2.to_str().unwrap(), "show", t, id, "-o", "json"])
            .run()
            .ok()
            .json();
        let mut want = want.clone();
        strip_revisions(&mut got);
        strip_revisions(&mut want);
        assert_eq!(got, want, "v2 dump: {t} {id}");
    }

    // a broken file is a clear error naming it
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, b"{\"kvs\": [{\"key\": \"!!\"}]}").unwrap();
    let r = Esi::new()
        .args(["--store", bad.to_str().unwrap(), "ls", "port"])
        .run();
    assert_eq!(r.code, 9, "{}", r.stderr);
    assert!(r.stderr.contains("bad.json"), "{}", r.stderr);

    // snapshot load writes it into another etcd (with --yes), same view
    let other = Etcd::start();
    other
        .esi()
        .args(["snapshot", "load", esi_snap.to_str().unwrap()])
        .run()
        .code(5);
    other
        .esi()
        .args([
            "snapshot",
            "load",
            esi_snap.to_str().unwrap(),
            "--history",
            "--yes",
        ])
        .run()
        .ok();
    let mut got = other
        .esi()
        .args(["show", "port", PORT_USER, "-o", "json"])
        .run()
        .ok()
        .json();
    let mut want = live[1].clone();
    strip_revisions(&mut got);
    strip_revisions(&mut want);
    assert_eq!(got, want);
}

fn openssl(dir: &std::path::Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tls_with_client_certificates() {
    let certs = tempfile::tempdir().unwrap();
    let d = certs.path();
    std::fs::write(
        d.join("san.cnf"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .unwrap();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=esi-test-ca",
        ],
    );
    for name in ["server", "client"] {
        openssl(
            d,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
                "-subj",
                &format!("/CN={name}"),
            ],
        );
        openssl(
            d,
            &[
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                &format!("{name}.pem"),
                "-days",
                "2",
                "-extfile",
                "san.cnf",
            ],
        );
    }
    let p = |f: &str| d.join(f).to_str().unwrap().to_string();
    let etcd = Etcd::start_with(
        &[
            &format!("--cert-file={}", p("server.pem")),
            &format!("--key-file={}", p("server.key")),
            "--client-cert-auth",
            &format!("--trusted-ca-file={}", p("ca.pem")),
        ],
        "https",
    );
    let ok = Esi::new()
        .args([
            "--endpoints",
            &etcd.endpoint,
            "--cacert",
            &p("ca.pem"),
            "--cert",
            &p("client.pem"),
            "--key",
            &p("client.key"),
            "get",
            "/",
            "--prefix",
        ])
        .run();
    assert_eq!(
        ok.code, 3,
        "TLS handshake should work (empty store → not found): {}",
        ok.stderr
    );
    assert!(ok.stderr.contains("not found"), "{}", ok.stderr);
    // the same through ETCDCTL_* variables
    let env = Esi::new()
        .env("ETCDCTL_ENDPOINTS", &etcd.endpoint)
        .env("ETCDCTL_CACERT", &p("ca.pem"))
        .env("ETCDCTL_CERT", &p("client.pem"))
        .env("ETCDCTL_KEY", &p("client.key"))
        .args(["get", "/", "--prefix"])
        .run();
    assert_eq!(env.code, 3, "{}", env.stderr);
    // without a client certificate the server refuses: unreachable (exit 4)
    let no_cert = Esi::new()
        .args([
            "--endpoints",
            &etcd.endpoint,
            "--cacert",
            &p("ca.pem"),
            "--dial-timeout",
            "1s",
            "--command-timeout",
            "2s",
            "get",
            "/x",
        ])
        .run();
    assert_eq!(no_cert.code, 4, "{}", no_cert.stderr);
    // --cert without --key is a usage error
    Esi::new()
        .args([
            "--endpoints",
            &etcd.endpoint,
            "--cacert",
            &p("ca.pem"),
            "--cert",
            &p("client.pem"),
            "get",
            "/x",
        ])
        .run()
        .code(2);
}

#[test]
fn user_and_password_auth() {
    let etcd = Etcd::start();
    let ctl = |args: &[&str]| {
        let out = Command::new("etcdctl")
            .env("ETCDCTL_API", "3")
            .arg("--endpoints")
            .arg(&etcd.endpoint)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "etcdctl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ctl(&["user", "add", "root:rootpw"]);
    ctl(&[
        "put",
        "/config/v2.0/networks/n1",
        r#"{"body":"{\"id\":\"n1\"}","marked_for_deletion":false,"version":1}"#,
    ]);
    ctl(&["auth", "enable"]);
    let r = etcd
        .esi()
        .args([
            "--user",
            "root:rootpw",
            "show",
            "network",
            "n1",
            "-o",
            "json",
        ])
        .run()
        .ok();
    assert_eq!(r.json()["config"]["value"]["body"]["id"], json!("n1"));
    let r = etcd
        .esi()
        .args([
            "--user",
            "root",
            "--password",
            "rootpw",
            "get",
            "/config/v2.0/networks/n1",
        ])
        .run()
        .ok();
    assert!(r.stdout.contains("n1"));
    let r = etcd
        .esi()
        .env("ETCDCTL_USER", "root:rootpw")
        .args(["ls", "network", "-o", "json"])
        .run()
        .ok();
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    let bad = etcd
        .esi()
        .args(["--user", "root:wrong", "show", "network", "n1"])
        .run()
        .code(5);
    assert!(bad.stderr.contains("authentication"), "{}", bad.stderr);
    // no credentials at all: permission denied, also refused
    etcd.esi().args(["show", "network", "n1"]).run().code(5);
}
