//! `esi top` in a real terminal: tmux runs the binary at 80×24 against a real etcd; the
//! screen shows the queue, a job written after start appears, Enter opens the show view,
//! `r` replays a stuck job through the write gate (asked on screen, audited), `q` exits 0
//! and the terminal is back on its normal screen; a secret in a failure's reason is
//! redacted on screen. Without a terminal: exit 2.

use std::process::Command;
use std::time::{Duration, Instant};

use super::eventually;
use crate::engine::sample_etcd;
use crate::harness::put_all;
use esi::store::sample::{PORT_MGMT, PORT_SERVICE};

/// A tmux server of the test's own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new() -> Tmux {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "tmux is missing: run scripts/setup.sh --test"
        );
        Tmux {
            socket: format!(
                "esi-top-{}-{}",
                std::process::id(),
                crate::harness::free_port()
            ),
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    fn run(&self, args: &[&str]) -> String {
        let o = self.cmd().args(args).output().expect("tmux");
        assert!(
            o.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "top"])
    }

    fn wait_screen(&self, what: &str, secs: u64, ok: impl Fn(&str) -> bool) -> String {
        eventually(what, secs, || {
            let s = self.screen();
            (ok(&s).then(|| s.clone()), s)
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
    }
}

/// `esi top` against `etcd` in tmux session `top`, 80×24, no colour.
fn start_top(t: &Tmux, etcd: &crate::harness::Etcd) {
    let esi = env!("CARGO_BIN_EXE_esi");
    let line = format!(
        "{esi} --endpoints {} top; echo EXIT=$?; sleep 600",
        etcd.endpoint
    );
    t.run(&[
        "new-session",
        "-d",
        "-s",
        "top",
        "-x",
        "80",
        "-y",
        "24",
        "-e",
        "NO_COLOR=1",
        "-e",
        "ESI_CONFIG=/nonexistent/esi-test/config.toml",
        "-e",
        "TERM=xterm-256color",
        &line,
    ]);
}

#[test]
fn top_shows_the_queue_follows_a_new_job_and_quits_cleanly() {
    let (etcd, store) = sample_etcd();
    let t = Tmux::new();
    start_top(&t, &etcd);
    let s = t.wait_screen("the dashboard", 30, |s| s.contains("jobs in flight: 1"));
    assert!(
        s.contains("esi top") && s.contains("WAIT") && s.contains("logical_delete"),
        "{s}"
    );
    assert!(s.contains("port") && s.contains("q quit"), "{s}");
    assert_eq!(
        t.run(&["display", "-p", "-t", "top", "#{alternate_on}"])
            .trim(),
        "1"
    );

    // A job written after start appears, within a second or two.
    let id = "create:heat_worker:port:7e57f00d-0000-4000-8000-000000000001:1:zz9zz";
    let value = format!(r#"["heat_worker", {{"id": "{id}", "dependency": [], "params": []}}, 0]"#);
    let written = Instant::now();
    put_all(
        store.as_ref(),
        &[
            (format!("/jobs/all/{id}"), value),
            (format!("/jobs/ready/{id}"), String::new()),
        ],
    );
    let s = t.wait_screen("the new job on screen", 10, |s| s.contains("7e57f00d"));
    let seen = written.elapsed();
    assert!(s.contains("jobs in flight: 2"), "{s}");
    eprintln!("top showed a new job {seen:?} after it was written");
    assert!(seen < Duration::from_secs(10));

    // Enter: the selected (newest) job's resource, as `esi show` has it; Esc back.
    t.run(&["send-keys", "-t", "top", "Enter"]);
    t.wait_screen("the show view", 10, |s| {
        s.contains("port 7e57f00d") && s.contains("verdict")
    });
    t.run(&["send-keys", "-t", "top", "Escape"]);
    t.wait_screen("back to the list", 10, |s| s.contains("jobs in flight: 2"));

    // `r` on a stuck job: asked inside the screen, then one guarded txn with its audit
    // record. The job: a real enqueue whose stage key is then lost (unqueued = stuck).
    let queued = etcd
        .esi()
        .args([
            "enqueue", "modify", "port", PORT_MGMT, "--yes", "-o", "json",
        ])
        .run()
        .ok()
        .json();
    let stuck = queued["job_id"].as_str().unwrap().to_string();
    let stage_keys = [
        format!("/jobs/ready/{stuck}"),
        format!("/jobs/waiting/{stuck}"),
    ];
    crate::harness::delete_all(store.as_ref(), &stage_keys);
    t.wait_screen("the stuck job", 10, |s| s.contains("unqueued"));
    t.run(&["send-keys", "-t", "top", "g"]);
    t.run(&["send-keys", "-t", "top", "r"]);
    t.wait_screen("the replay question", 10, |s| s.contains("y: replay"));
    t.run(&["send-keys", "-t", "top", "y"]);
    let s = t.wait_screen("the replay written", 10, |s| s.contains("replayed as"));
    assert!(s.contains("audited"), "{s}");
    let audit = etcd.esi().args(["audit", "-o", "json"]).run().ok().json();
    let rec = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reason"] == "replayed from esi top")
        .unwrap_or_else(|| panic!("no audit record of the replay: {audit}"));
    assert_eq!(rec["kind"], "replay", "{rec}");

    t.run(&["send-keys", "-t", "top", "q"]);
    let s = t.wait_screen("esi top to exit", 10, |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(
        !s.contains("jobs in flight"),
        "the dashboard is left on screen:\n{s}"
    );
    assert_eq!(
        t.run(&["display", "-p", "-t", "top", "#{alternate_on}"])
            .trim(),
        "0"
    );
    assert_eq!(
        t.run(&["display", "-p", "-t", "top", "#{cursor_flag}"])
            .trim(),
        "1"
    );
}

#[test]
fn top_refuses_without_a_terminal() {
    let (etcd, _store) = sample_etcd();
    let r = etcd.esi().args(["top"]).run().code(2);
    assert!(r.stderr.contains("needs a terminal"), "{}", r.stderr);
}

/// A failure's reason is redacted on screen as in every output: the password of a URL in
/// a state's error never reaches the terminal.
#[test]
fn top_redacts_a_secret_in_a_failure_reason() {
    let (etcd, store) = sample_etcd();
    let key = format!("/state/v2.0/ports/{PORT_SERVICE}");
    let mut state = crate::engine::get(&store, &key).unwrap();
    state["error"] = serde_json::json!("http://u:hunter2-pw@h refused the stack");
    state["state"]["worker_state"] = "CREATE_FAILED".into();
    state["state"]["orchestration_state"] = "CREATE_FAILED".into();
    put_all(store.as_ref(), &[(key, state.to_string())]);
    let t = Tmux::new();
    start_top(&t, &etcd);
    let s = t.wait_screen("the failure on screen", 30, |s| {
        s.contains("CREATE_FAILED") && s.contains("http://u:")
    });
    assert!(!s.contains("hunter2-pw"), "a secret on screen:\n{s}");
    t.run(&["send-keys", "-t", "top", "q"]);
    let s = t.wait_screen("esi top to exit", 10, |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
}
