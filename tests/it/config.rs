//! Profiles: the precedence matrix (flag > ESI_* > ETCDCTL_* > context > default), context
//! selection, `esi config` subcommands, and the safety policies of a context (read_only,
//! confirm) against a real etcd.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{Esi, Etcd};

struct Profiles {
    dir: tempfile::TempDir,
}

impl Profiles {
    fn new(text: &str) -> Profiles {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), text).unwrap();
        Profiles { dir }
    }
    fn path(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }
    fn esi(&self) -> Esi {
        Esi::new().env("ESI_CONFIG", self.path().to_str().unwrap())
    }
}

const DEAD: &str = "http://127.0.0.1:9";

fn current(run: Esi) -> Value {
    run.args(["config", "current", "-o", "json"])
        .run()
        .ok()
        .json()
}

fn setting<'a>(doc: &'a Value, name: &str) -> (&'a Value, String) {
    let s = &doc["settings"][name];
    let from = match (&s["source"]["from"], &s["source"]["name"]) {
        (Value::String(f), Value::String(n)) => format!("{f}:{n}"),
        (Value::String(f), _) => f.clone(),
        other => panic!("no source for {name}: {other:?} in {doc}"),
    };
    (&s["value"], from)
}

#[test]
fn endpoint_precedence_matrix() {
    let p = Profiles::new(
        "current-context = \"ctx\"\n[contexts.ctx]\nendpoints = [\"http://context:2379\"]\n\
         [contexts.empty]\n",
    );
    // Every combination of the four layers; the first present wins.
    for mask in 0..16u8 {
        let (flag, esi_env, etcdctl, ctx) =
            (mask & 1 != 0, mask & 2 != 0, mask & 4 != 0, mask & 8 != 0);
        let mut run = p.esi();
        if flag {
            run = run.args(["--endpoints", "http://flag:2379"]);
        }
        if esi_env {
            run = run.env("ESI_ENDPOINTS", "http://esi-env:2379");
        }
        if etcdctl {
            run = run.env("ETCDCTL_ENDPOINTS", "http://etcdctl:2379");
        }
        run = run.args(["--context", if ctx { "ctx" } else { "empty" }]);
        let (want, want_from) = if flag {
            ("http://flag:2379", "flag:--endpoints / ESI_ENDPOINTS")
        } else if esi_env {
            ("http://esi-env:2379", "flag:--endpoints / ESI_ENDPOINTS")
        } else if etcdctl {
            ("http://etcdctl:2379", "etcdctl:ETCDCTL_ENDPOINTS")
        } else if ctx {
            ("http://context:2379", "context:ctx")
        } else {
            ("http://127.0.0.1:2379", "default")
        };
        let doc = current(run);
        let (v, from) = setting(&doc, "endpoints");
        assert_eq!(v, &serde_json::json!([want]), "mask {mask:04b}: {doc}");
        assert_eq!(from, want_from, "mask {mask:04b}");
    }
}

#[test]
fn other_settings_follow_the_same_order() {
    let p = Profiles::new(
        "current-context = \"ctx\"\n[contexts.ctx]\ndial_timeout = \"700ms\"\noutput = \"yaml\"\n\
         user = \"ops:pw\"\ncacert = \"/ctx/ca.pem\"\n",
    );
    let doc = current(p.esi());
    assert_eq!(
        setting(&doc, "dial_timeout"),
        (&Value::from("700ms"), "context:ctx".into())
    );
    assert_eq!(setting(&doc, "cacert").1, "context:ctx");
    // Secrets are redacted in the view (the user's password half too).
    assert_eq!(setting(&doc, "user").0, "ops:<redacted>");
    let doc = current(
        p.esi()
            .env("ETCDCTL_DIAL_TIMEOUT", "3s")
            .env("ETCDCTL_CACERT", "/e/ca.pem"),
    );
    assert_eq!(
        setting(&doc, "dial_timeout"),
        (&Value::from("3s"), "etcdctl:ETCDCTL_DIAL_TIMEOUT".into())
    );
    assert_eq!(setting(&doc, "cacert").0, "/e/ca.pem");
    let doc = current(
        p.esi()
            .env("ESI_DIAL_TIMEOUT", "4s")
            .env("ETCDCTL_DIAL_TIMEOUT", "3s"),
    );
    assert_eq!(setting(&doc, "dial_timeout").0, "4s");
    // `esi config …` describes the contexts and keeps its own default (table), whatever
    // a context's `output` says.
    let run = p.esi().args(["config", "current"]).run().ok();
    assert!(run.stdout.contains("SETTING"), "{}", run.stdout);
}

#[test]
fn context_selection_flag_then_env_then_current_context() {
    let p = Profiles::new(
        "current-context = \"a\"\n[contexts.a]\nendpoints = [\"http://a:1\"]\n\
         [contexts.b]\nendpoints = [\"http://b:1\"]\n[contexts.c]\nendpoints = [\"http://c:1\"]\n",
    );
    let ctx = |run: Esi| current(run)["context"].as_str().unwrap_or("").to_string();
    assert_eq!(ctx(p.esi()), "a");
    assert_eq!(ctx(p.esi().env("ESI_CONTEXT", "b")), "b");
    assert_eq!(
        ctx(p.esi().env("ESI_CONTEXT", "b").args(["--context", "c"])),
        "c"
    );
    // No file at all: no context, defaults.
    let doc = current(Esi::new().env("ESI_CONFIG", "/nonexistent/x.toml"));
    assert_eq!(doc["context"], Value::Null);
    // XDG_CONFIG_HOME, then HOME, when ESI_CONFIG is unset.
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("esi")).unwrap();
    std::fs::copy(p.path(), xdg.path().join("esi/config.toml")).unwrap();
    let doc = current(
        Esi::new()
            .env("ESI_CONFIG", "")
            .env("XDG_CONFIG_HOME", xdg.path().to_str().unwrap()),
    );
    assert_eq!(doc["context"], "a", "{doc}");
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join(".config/esi")).unwrap();
    std::fs::copy(p.path(), home.path().join(".config/esi/config.toml")).unwrap();
    let doc = current(
        Esi::new()
            .env("ESI_CONFIG", "")
            .env("XDG_CONFIG_HOME", "")
            .env("HOME", home.path().to_str().unwrap()),
    );
    assert_eq!(doc["context"], "a", "{doc}");

    let r = p
        .esi()
        .args(["--context", "bb", "ls", "port"])
        .run()
        .code(2);
    assert!(
        r.stderr.contains("unknown context `bb`") && r.stderr.contains("did you mean"),
        "{}",
        r.stderr
    );
}

#[test]
fn config_view_use_context_and_get_contexts() {
    let p = Profiles::new(
        "# ours\ncurrent-context = \"dev\"\n\n[contexts.dev]\nendpoints = [\"http://dev:2379\"]\n\
         password = \"hunter2\"\n\n[contexts.prod]\nendpoints = [\"http://prod:2379\"]\nread_only = true\n\
         confirm = \"always\"\n",
    );
    let v = p.esi().args(["config", "view"]).run().ok();
    assert!(
        v.stdout.contains("<redacted>") && !v.stdout.contains("hunter2"),
        "{}",
        v.stdout
    );
    let v = p
        .esi()
        .args(["config", "view", "--show-secrets", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(v["contexts"]["dev"]["password"], "hunter2");
    assert_eq!(v["current-context"], "dev");

    let rows = p
        .esi()
        .args(["config", "get-contexts", "-o", "jsonl"])
        .run()
        .ok()
        .jsonl();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "dev");
    assert_eq!(rows[0]["current"], true);
    assert_eq!(rows[1]["read_only"], true);
    assert_eq!(rows[1]["confirm"], "always");

    p.esi().args(["config", "use-context", "prod"]).run().ok();
    let text = std::fs::read_to_string(p.path()).unwrap();
    assert!(
        text.starts_with("# ours\ncurrent-context = \"prod\"\n"),
        "{text}"
    );
    let t = p.esi().args(["config", "get-contexts"]).run().ok();
    assert!(
        t.stdout
            .lines()
            .any(|l| l.starts_with('*') && l.contains("prod")),
        "{}",
        t.stdout
    );
    let r = p.esi().args(["config", "use-context", "prd"]).run().code(2);
    assert!(r.stderr.contains("did you mean `prod`"), "{}", r.stderr);

    let bad = Profiles::new("[contexts.x]\nread-only = true\n");
    let r = bad.esi().args(["config", "view"]).run().code(9);
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
}

/// A snapshot of the sample's networks to load: a harmless, repeatable write.
fn snapshot_file(dir: &Path) -> String {
    let f = dir.join("net.json");
    Esi::new()
        .args([
            "--store",
            "sample",
            "snapshot",
            "save",
            f.to_str().unwrap(),
            "--prefix",
            "/config/v2.0/networks/",
        ])
        .run()
        .ok();
    f.to_str().unwrap().to_string()
}

#[test]
fn contexts_connect_and_enforce_their_safety_policy() {
    let etcd = Etcd::start();
    let ep = &etcd.endpoint;
    let p = Profiles::new(&format!(
        "current-context = \"dev\"\n\
         [contexts.dev]\nendpoints = [\"{ep}\"]\n\
         [contexts.sandbox]\nendpoints = [\"{ep}\"]\nconfirm = \"never\"\n\
         [contexts.prod]\nendpoints = [\"{ep}\"]\nconfirm = \"always\"\noutput = \"json\"\n\
         [contexts.prod-ro]\nendpoints = [\"{ep}\"]\nread_only = true\n"
    ));
    let snap = snapshot_file(p.dir.path());
    let load = |ctx: &str| {
        p.esi().args([
            "--context",
            ctx,
            "snapshot",
            "load",
            &snap,
            "--allow-existing",
        ])
    };

    // The context's endpoints are used; a flag overrides them.
    p.esi().args(["ls", "network"]).run().ok();
    p.esi()
        .args([
            "--endpoints",
            DEAD,
            "--dial-timeout",
            "300ms",
            "ls",
            "network",
        ])
        .run()
        .code(4);
    // ...and so does ETCDCTL_ENDPOINTS, with a warning naming the context.
    let r = p
        .esi()
        .env("ETCDCTL_ENDPOINTS", DEAD)
        .args(["--dial-timeout", "300ms", "ls", "network"])
        .run()
        .code(4);
    assert!(
        r.stderr
            .contains("ETCDCTL_ENDPOINTS overrides context `dev`"),
        "{}",
        r.stderr
    );

    // tty (default): a script needs --yes.
    load("dev").run().code(5);
    load("dev").args(["--yes"]).run().ok();
    // never: no confirmation at all.
    load("sandbox").run().ok();
    // read_only: refused even with --yes, and no flag undoes it.
    let r = load("prod-ro").args(["--yes"]).run().code(5);
    assert!(
        r.stderr.contains("read-only") && r.stderr.contains("prod-ro"),
        "{}",
        r.stderr
    );
    // always: --yes alone is not enough without a terminal...
    let r = load("prod").args(["--yes"]).run().code(5);
    assert!(
        r.stderr.contains("ESI_CONFIRM_ALWAYS_OK=prod"),
        "{}",
        r.stderr
    );
    load("prod")
        .args(["--yes"])
        .env("ESI_CONFIRM_ALWAYS_OK", "1")
        .run()
        .code(5);
    load("prod")
        .env("ESI_CONFIRM_ALWAYS_OK", "prod")
        .run()
        .code(5);
    // ...the variable must name the context, together with --yes.
    load("prod")
        .args(["--yes"])
        .env("ESI_CONFIRM_ALWAYS_OK", "prod")
        .run()
        .ok();

    // The context's default output format.
    let doc = p
        .esi()
        .args(["--context", "prod", "ls", "network"])
        .run()
        .ok()
        .json();
    assert_eq!(doc.as_array().map(|a| a.len()), Some(3), "{doc}");
    // The global --read-only still works with any context.
    load("sandbox").args(["--read-only"]).run().code(5);
}
