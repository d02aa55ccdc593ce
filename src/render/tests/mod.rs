//! Snapshot-style tests of the human views, written through a capturing Printer with
//! colour off, and of the machine formats.
//!
//! Tables use comfy-table's NOTHING preset: no borders, one space of padding each side
//! (so columns are two spaces apart), the first space dropped and line ends trimmed by
//! `table_string`.

use serde_json::{json, Value};

use super::*;
use crate::model::jsondiff;
use crate::model::keys::{Family, QueueDir};
use crate::model::kv::EventKind;
use crate::model::kv::Kv;
use crate::model::registry::Registry;
use crate::model::resource::{JobEntry, ResourceView, Stage};
use crate::model::timeline::Entry;
use crate::model::verdict::{Code, Verdict};
use crate::model::wire::{encode_config, encode_state, python_json};
use crate::protocol::enqueue::TxnView;
use crate::protocol::plan::{DryRun, Written};
use crate::query::counts::Counts;
use crate::query::history::Ident;
use crate::query::jobs::JobRow;
use crate::query::versions::{DiffDoc, Side};
use crate::render::config::ContextRow;
use crate::render::watch::Line;

fn no_color() {
    colored::control::set_override(false);
}

fn table_printer() -> (Printer, Captured) {
    no_color();
    Printer::capture(OutputFormat::Table)
}

fn kv(key: String, value: String, rev: i64) -> Kv {
    Kv {
        key,
        value: value.into_bytes(),
        create_revision: rev,
        mod_revision: rev,
        version: 1,
        lease: 0,
    }
}

/// A port view from the kvs of some families (at revisions 5, 6, ...) and job keys.
fn port_view(
    reg: &Registry,
    id: &str,
    fams: Vec<(Family, String)>,
    jobs: Vec<(QueueDir, String, String)>,
) -> ResourceView {
    let t = reg.get("port").unwrap();
    let mut rev = 4;
    let mut families: [Option<Kv>; 6] = Default::default();
    for (f, value) in fams {
        rev += 1;
        let slot = Family::ALL.iter().position(|x| *x == f).unwrap();
        families[slot] = Some(kv(f.key(t, id), value, rev));
    }
    let jobs: Vec<(QueueDir, Kv)> = jobs
        .into_iter()
        .map(|(d, job, value)| {
            rev += 1;
            (d, kv(d.key(&job), value, rev))
        })
        .collect();
    ResourceView::assemble(t, id, rev, families, JobEntry::group(jobs))
}

fn small_view(reg: &Registry) -> ResourceView {
    let body = json!({"name": "web", "id": "p1"});
    let config = encode_config(&json!({"body": body, "marked_for_deletion": false, "version": 1}));
    port_view(reg, "p1", vec![(Family::Config, config)], vec![])
}

#[test]
fn show_small_view_exact() {
    let reg = Registry::builtin();
    let view = small_view(&reg);
    let (p, out) = table_printer();
    p.emit(&view, |v| resource::show(v, &reg)).unwrap();
    // Stale (config without state); body keys sorted as Gohan writes them; absent
    // families name their key; no jobs.
    let want = "\
port p1  @ revision 5
verdict: STALE: no state for config v1, no job queued

config        /config/v2.0/ports/p1  v1  mod rev 5, created rev 5, key version 1
    marked_for_deletion  false
    body:
      id    p1
      name  web
worker_config /esi-worker/config/v2.0/ports/p1  (absent)
heat_stack    /esi-worker/heat_stacks/v2.0/ports/p1  (absent)
job_state     /esi-worker/job_state/v2.0/ports/p1  (absent)
state         /state/v2.0/ports/p1  (absent)
monitoring    /monitoring/v2.0/ports/p1  (absent)

jobs  (none in the queue)
";
    assert_eq!(out.text(), want);
}

#[test]
fn show_sections_reasons_outputs_monitoring_and_jobs() {
    let reg = Registry::builtin();
    let outputs =
        json!([{"output_key": "id", "output_value": "f68d0924", "description": "vmi id"}]);
    let body = json!({"id": "p1", "name": "web"});
    let job = "modify:heat_worker:port:p1:4:abcde";
    let view = port_view(
        &reg,
        "p1",
        vec![
            (
                Family::Config,
                encode_config(&json!({"body": body, "marked_for_deletion": false, "version": 4})),
            ),
            (
                Family::HeatStack,
                python_json(&json!({"stack_status": "UPDATE_FAILED",
                    "status_reason": "Resource failed", "output": outputs})),
            ),
            (
                Family::State,
                encode_state(&json!({"error": "boom",
                    "state": {"heat_outputs": outputs, "orchestration_state": "UPDATE_FAILED",
                              "worker_state": "MODIFY_FAILED"},
                    "version": 3})),
            ),
            (Family::Monitoring, r#"{"version":3,"vmi":"FAIL"}"#.into()),
        ],
        vec![
            (
                QueueDir::All,
                job.into(),
                python_json(&json!(["heat_worker", {"id": job, "dependency": []}, 0])),
            ),
            (QueueDir::Ready, job.into(), "heat_worker".into()),
        ],
    );
    let (p, out) = table_printer();
    p.emit(&view, |v| resource::show(v, &reg)).unwrap();
    let text = out.text();
    let has = |s: &str| assert!(text.contains(s), "missing {s:?} in\n{text}");
    has("port p1  @ revision 10\n");
    // The verdict, then every further reason as a bullet.
    has("verdict: PENDING: modify v4 is ready, not yet reserved\n  - previous attempt failed: boom\n\n");
    has("heat_stack    /esi-worker/heat_stacks/v2.0/ports/p1  mod rev 6, created rev 6, key version 1\n");
    has("    stack_status   UPDATE_FAILED\n    status_reason  Resource failed\n");
    let outputs_table =
        "    OUTPUT_KEY  OUTPUT_VALUE  DESCRIPTION\n    id          f68d0924      vmi id\n";
    assert_eq!(text.matches(outputs_table).count(), 2, "{text}");
    has("state         /state/v2.0/ports/p1  v3  mod rev 7, created rev 7, key version 1\n    error  boom\n");
    has("    orchestration_state  UPDATE_FAILED\n    worker_state         MODIFY_FAILED\n");
    has("monitoring    /monitoring/v2.0/ports/p1  v3  mod rev 8, created rev 8, key version 1\n    vmi=FAIL\n");
    has("job_state     /esi-worker/job_state/v2.0/ports/p1  (absent)\n");
    let jobs = format!(
        "\njobs\n  STAGE  JOB{}  RETRY  WORKER  LEASE_TTL  PENDING_DEPS\n  ready  {job}  0      -       -          -\n",
        " ".repeat(job.len() - 3)
    );
    assert!(text.ends_with(&jobs), "{text}");
}

#[test]
fn ls_rows_and_table() {
    let reg = Registry::builtin();
    let view = small_view(&reg);
    let row = resource::LsRow::from_view(&view, &reg);
    assert_eq!(row.name.as_deref(), Some("web"));
    assert_eq!(row.config_version, Some(1));
    assert_eq!(row.state_version, None);
    assert_eq!(row.verdict, Code::Stale);
    let (p, out) = table_printer();
    p.emit_list(&[row], resource::ls).unwrap();
    let want = "\
ID  NAME  CONFIG  STATE  WORKER_STATE  ORCHESTRATION  MONITORING  JOB  VERDICT
p1  web   v1      -      -             -              -           -    STALE: no state for config v1, no job queued
";
    assert_eq!(out.text(), want);
}

fn side(label: &str, rev: i64, value: Value) -> Side {
    Side {
        label: label.into(),
        revision: Some(rev),
        version: value.get("version").and_then(Value::as_i64),
        value,
    }
}

fn diff_doc(a: Value, b: Value, redacted: Vec<String>) -> DiffDoc {
    DiffDoc {
        resource: Ident {
            rtype: "port".into(),
            id: "p1".into(),
        },
        family: "config".into(),
        changes: jsondiff::diff(&a, &b),
        identical: a == b,
        from: side("config@5", 5, a),
        to: side("config@6", 6, b),
        redacted_changes: redacted,
    }
}

#[test]
fn unified_diff_of_sorted_pretty_json() {
    no_color();
    // Keys are sorted before diffing, so `b` comes after `a` whatever the input order.
    let a = json!({"b": true, "a": 1});
    let b = json!({"a": 1, "b": false});
    assert_eq!(
        diff::unified(&a, &b, "config@5", "config@6", 3),
        "--- config@5\n+++ config@6\n@@ -1,4 +1,4 @@\n {\n   \"a\": 1,\n-  \"b\": true\n+  \"b\": false\n }\n"
    );
    // No context: the hunk is the one changed line.
    assert_eq!(
        diff::unified(&a, &b, "x", "y", 0),
        "--- x\n+++ y\n@@ -3 +3 @@\n-  \"b\": true\n+  \"b\": false\n"
    );
    // Nothing differs: no header, no hunk.
    assert_eq!(diff::unified(&a, &a, "x", "y", 3), "");
    // Without colour, painting only indents.
    assert_eq!(diff::paint("-a\n+b\n", "  "), "  -a\n  +b\n");
}

#[test]
fn diff_human_view() {
    let a = json!({"body": {"admin_state_up": true, "name": "web"}, "version": 5});
    let b = json!({"body": {"admin_state_up": false, "name": "web"}, "version": 6});
    let (p, out) = table_printer();
    p.emit(&diff_doc(a.clone(), b, vec![]), diff::human)
        .unwrap();
    let want = "\
--- config@5
+++ config@6
@@ -1,7 +1,7 @@
 {
   \"body\": {
-    \"admin_state_up\": true,
+    \"admin_state_up\": false,
     \"name\": \"web\"
   },
-  \"version\": 5
+  \"version\": 6
 }
";
    assert_eq!(out.text(), want);

    let (p, out) = table_printer();
    p.emit(&diff_doc(a.clone(), a.clone(), vec![]), diff::human)
        .unwrap();
    assert_eq!(out.text(), "identical: config@5 and config@6\n");

    // Secret values that differ are named, never shown.
    let mut c = a.clone();
    c["version"] = json!(6);
    let (p, out) = table_printer();
    p.emit(
        &diff_doc(a, c, vec!["/body/admin_password".into()]),
        diff::human,
    )
    .unwrap();
    assert!(
        out.text().ends_with(
            "-  \"version\": 5\n+  \"version\": 6\n }\nsecret values differ (redacted; --show-secrets to see them): /body/admin_password\n"
        ),
        "{}",
        out.text()
    );
}

#[test]
fn diff_json_leaves_the_values_out() {
    no_color();
    let doc = diff_doc(json!({"a": 1}), json!({"a": 2}), vec![]);
    let (p, out) = Printer::capture(OutputFormat::Json);
    p.emit(&doc, |_| unreachable!("no human view in JSON"))
        .unwrap();
    let v: Value = serde_json::from_str(&out.text()).unwrap();
    assert_eq!(
        v["from"],
        json!({"label": "config@5", "revision": 5, "version": null})
    );
    assert_eq!(v["resource"], json!({"type": "port", "id": "p1"}));
    assert_eq!(
        v["changes"],
        json!([{"path": "/a", "op": "changed", "from": 1, "to": 2}])
    );
    assert_eq!(v["identical"], json!(false));
}

mod queue_and_streams;
