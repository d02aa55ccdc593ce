//! Human views of the queue, of streams (watch lines) and of writes; config tables; the
//! machine formats through the Printer.

use super::*;

fn job_row(id: &str, stage: Stage) -> JobRow {
    let j = crate::model::job::JobId::parse(id).unwrap();
    JobRow {
        id: id.into(),
        action: j.action,
        handler: j.handler,
        resource_type: j.resource_type,
        resource_id: j.resource_id,
        version: j.version,
        stage,
        worker: None,
        lease_ttl: None,
        retry: Some(0),
        dependency: vec![],
        pending_dependencies: vec![],
        stuck: None,
        warnings: vec![],
    }
}

fn job_rows() -> Vec<JobRow> {
    let mut working = job_row("modify:heat_worker:port:p1:3:28byp", Stage::Working);
    working.worker = Some("7d1c0e7e-5b0a-4c59-9d0e-1f2a3b4c5d6e".into());
    working.lease_ttl = Some(25);
    let mut stuck = job_row("create:heat_worker:port:p2:1:ddddd", Stage::Unqueued);
    stuck.retry = Some(1);
    let dep = "create:heat_worker:network:168c1535-9001-49c7-bb05-21844570a83c:1:xxxxx";
    stuck.dependency = vec![dep.into()];
    stuck.pending_dependencies = vec![dep.into()];
    stuck.stuck = Some("in /jobs/all with no stage key".into());
    vec![working, stuck]
}

#[test]
fn short_job_names() {
    assert_eq!(
        jobs::short_job("modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp"),
        "port:ddc14be4 v3"
    );
    assert_eq!(
        jobs::short_job("logical_delete:heat_worker:load_balancer:b311:12:abcde"),
        "load_balancer:b311 v12"
    );
    assert_eq!(jobs::short_job("garbage"), "garbage");
}

#[test]
fn job_table_cells() {
    let rows = job_rows();
    assert_eq!(
        jobs::table_cells(&rows[0]),
        [
            "modify:heat_worker:port:p1:3:28byp",
            "working",
            "0",
            "7d1c0e7e",
            "25s",
            "-",
            ""
        ]
        .map(String::from)
    );
    assert_eq!(
        jobs::table_cells(&rows[1]),
        [
            "create:heat_worker:port:p2:1:ddddd",
            "unqueued",
            "1",
            "-",
            "-",
            "network:168c1535 v1",
            "STUCK: in /jobs/all with no stage key"
        ]
        .map(String::from)
    );
}

#[test]
fn jobs_table_is_aligned_plain_text() {
    let rows = job_rows();
    let cells: Vec<[String; 7]> = rows.iter().map(jobs::table_cells).collect();
    let (p, out) = table_printer();
    p.emit(&cells, |c| jobs::jobs_table(c)).unwrap();
    let want = "\
ID                                  STAGE     RETRY  WORKER    TTL  WAITING ON           NOTE
modify:heat_worker:port:p1:3:28byp  working   0      7d1c0e7e  25s  -
create:heat_worker:port:p2:1:ddddd  unqueued  1      -         -    network:168c1535 v1  STUCK: in /jobs/all with no stage key
";
    assert_eq!(out.text(), want);
    // No rows: the header alone.
    assert_eq!(
        jobs::jobs_table(&[]),
        "ID  STAGE  RETRY  WORKER  TTL  WAITING ON  NOTE\n"
    );
}

#[test]
fn jobs_json_pages_join_into_the_pretty_array() {
    let rows = job_rows();
    let whole = to_json_pretty(&rows).unwrap();
    let one = jobs::json_items(&rows, true).unwrap();
    assert_eq!(format!("{one}\n]"), whole);
    // Paged: the first page opens the array, later pages continue it.
    let paged =
        jobs::json_items(&rows[..1], true).unwrap() + &jobs::json_items(&rows[1..], false).unwrap();
    assert_eq!(paged, one);
}

#[test]
fn counts_table() {
    let c = Counts {
        revision: 42,
        all: 7,
        waiting: 1,
        ready: 2,
        working: 3,
        finished: 1,
    };
    let (p, out) = table_printer();
    p.emit(&c, jobs::counts_table).unwrap();
    let want = "\
DIRECTORY        KEYS
/jobs/all/       7
/jobs/waiting/   1
/jobs/ready/     2
/jobs/working/   3
/jobs/finished/  1
at revision 42 (key counts; a job is in /jobs/all and one stage directory)
";
    assert_eq!(out.text(), want);
}

fn entry(
    revision: i64,
    family: &str,
    event: EventKind,
    version: Option<i64>,
    summary: &str,
) -> Entry {
    Entry {
        revision,
        family: family.into(),
        key: "/config/v2.0/ports/p1".into(),
        event,
        version,
        key_version: 1,
        summary: summary.into(),
        value: None,
    }
}

#[test]
fn watch_lines() {
    let verdict = Verdict {
        code: Code::InSync,
        text: "IN SYNC (v3)".into(),
        reasons: vec!["v3".into()],
        config_version: Some(3),
        state_version: Some(3),
        monitoring_version: Some(3),
    };
    let put = entry(
        8,
        "config",
        EventKind::Put,
        Some(4),
        "config v3 → v4: admin_state_up true→false",
    );
    let del = entry(
        9,
        "jobs/ready",
        EventKind::Delete,
        None,
        "job modify v4 left ready",
    );
    let lines = [
        (
            Line::Snapshot {
                revision: 7,
                verdict: &verdict,
                config_version: Some(3),
                state_version: Some(3),
            },
            "[rev 7] now  IN SYNC (v3)\n",
        ),
        (
            Line::Event(&put),
            "[rev 8] config        put      v4  config v3 → v4: admin_state_up true→false\n",
        ),
        (
            Line::Event(&del),
            "[rev 9] jobs/ready    delete       job modify v4 left ready\n",
        ),
        (
            Line::Gap {
                from: 10,
                compact_revision: 20,
            },
            "gap: history from revision 10 to 19 was compacted; re-reading the current state\n",
        ),
        (
            Line::Reconnecting {
                from: 11,
                error: "connection reset".into(),
            },
            "reconnecting: connection reset; resuming from revision 11\n",
        ),
        (
            Line::Result {
                condition: "in-sync".into(),
                outcome: "reached",
                revision: 12,
            },
            "until in-sync: reached at revision 12\n",
        ),
    ];
    for (line, want) in &lines {
        let (p, out) = table_printer();
        p.emit_event(line, watch::human).unwrap();
        assert_eq!(out.text(), *want);
    }

    // Machine formats: one compact JSON object per event, tagged by `type`.
    for format in [OutputFormat::Json, OutputFormat::Jsonl] {
        let (p, out) = Printer::capture(format);
        for (line, _) in &lines {
            p.emit_event(line, |_| unreachable!("no human view"))
                .unwrap();
        }
        let text = out.text();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got.len(), lines.len(), "{text}");
        assert_eq!(got[3], r#"{"type":"gap","from":10,"compact_revision":20}"#);
        assert_eq!(
            got[5],
            r#"{"type":"result","condition":"in-sync","outcome":"reached","revision":12}"#
        );
        let ev: Value = serde_json::from_str(got[1]).unwrap();
        assert_eq!(ev["type"], json!("event"));
        assert_eq!(ev["family"], json!("config"));
        assert_eq!(ev["event"], json!("put"));
        let snap: Value = serde_json::from_str(got[0]).unwrap();
        assert_eq!(snap["type"], json!("snapshot"));
        assert_eq!(snap["verdict"]["code"], json!("in_sync"));
    }
}

fn dry_run(deps: Vec<String>) -> DryRun {
    let job = "modify:heat_worker:port:p1:4:abcde";
    DryRun {
        job_id: job.into(),
        stage: QueueDir::Ready,
        dependencies: deps,
        read_revision: 42,
        txn: TxnView {
            compares: vec![
                format!("create_revision(/jobs/all/{job}) == 0   (key absent)"),
                "mod_revision(/config/v2.0/ports/p1) == 41".into(),
            ],
            success: vec![
                format!("put /jobs/all/{job}"),
                format!("put /jobs/ready/{job} = heat_worker"),
            ],
            failure: vec![format!("get /jobs/all/{job}")],
        },
        value: json!(["heat_worker", {"id": job}, 0]),
    }
}

#[test]
fn enqueue_dry_run_table() {
    let (p, out) = table_printer();
    p.emit(&dry_run(vec![]), |d| {
        enqueue::dry_run_table(d, "modify port p1")
    })
    .unwrap();
    let want = "\
dry run: modify port p1
job id      modify:heat_worker:port:p1:4:abcde
stage       ready
read at     revision 42
depends on  -
transaction
  if
    create_revision(/jobs/all/modify:heat_worker:port:p1:4:abcde) == 0   (key absent)
    mod_revision(/config/v2.0/ports/p1) == 41
  then
    put /jobs/all/modify:heat_worker:port:p1:4:abcde
    put /jobs/ready/modify:heat_worker:port:p1:4:abcde = heat_worker
  else (read back, to say which compare failed)
    get /jobs/all/modify:heat_worker:port:p1:4:abcde
nothing written (--dry-run); -o json prints the /jobs/all value
";
    assert_eq!(out.text(), want);

    // Several dependencies: one a line, aligned under the first.
    let text = enqueue::dry_run_table(
        &dry_run(vec![
            "create:heat_worker:network:n1:1:aaaaa".into(),
            "create:heat_worker:subnet:s1:1:bbbbb".into(),
        ]),
        "modify port p1",
    );
    assert!(
        text.contains(
            "depends on  create:heat_worker:network:n1:1:aaaaa\n            create:heat_worker:subnet:s1:1:bbbbb\ntransaction\n"
        ),
        "{text}"
    );
}

#[test]
fn enqueue_written() {
    no_color();
    let w = Written {
        job_id: "modify:heat_worker:port:p1:4:abcde".into(),
        revision: 43,
        stage: QueueDir::Ready,
        keys: vec![
            "/jobs/all/modify:heat_worker:port:p1:4:abcde".into(),
            "/jobs/ready/modify:heat_worker:port:p1:4:abcde".into(),
        ],
        audit: Some("/esi-audit/2026-12-02T06:43:35.264938110Z-357b6".into()),
    };
    assert_eq!(
        enqueue::written(&w),
        "enqueued modify:heat_worker:port:p1:4:abcde\n  stage     ready\n  revision  43  (esi show --rev 42 for before)\n  keys      /jobs/all/modify:heat_worker:port:p1:4:abcde, /jobs/ready/modify:heat_worker:port:p1:4:abcde\n  audit     /esi-audit/2026-12-02T06:43:35.264938110Z-357b6\n"
    );
}

#[test]
fn config_contexts_table() {
    let rows = vec![
        ContextRow {
            name: "prod".into(),
            current: true,
            endpoints: vec!["https://etcd1:2379".into(), "https://etcd2:2379".into()],
            read_only: true,
            confirm: "always",
        },
        ContextRow {
            name: "lab".into(),
            current: false,
            endpoints: vec!["http://127.0.0.1:2379".into()],
            read_only: false,
            confirm: "never",
        },
    ];
    let (p, out) = table_printer();
    p.emit_list(&rows, config::contexts_table).unwrap();
    let want = "\
CURRENT  NAME  ENDPOINTS                              READ-ONLY  CONFIRM
*        prod  https://etcd1:2379,https://etcd2:2379  true       always
         lab   http://127.0.0.1:2379                  false      never
";
    assert_eq!(out.text(), want);
}

#[test]
fn config_settings_table() {
    no_color();
    let rows = [
        ["endpoints", "https://etcd1:2379", "context prod"].map(String::from),
        ["timeout", "5s", "default"].map(String::from),
    ];
    let want = "\
context: prod
config file: /home/u/.config/esi/config.toml
SETTING    VALUE               FROM
endpoints  https://etcd1:2379  context prod
timeout    5s                  default
";
    assert_eq!(
        config::settings_table(Some("prod"), Some("/home/u/.config/esi/config.toml"), &rows),
        want
    );
    assert!(config::settings_table(None, None, &rows)
        .starts_with("context: (none)\nconfig file: (none)\n"));
}

#[test]
fn json_output_is_the_pretty_json_of_the_data() {
    no_color();
    let reg = Registry::builtin();
    let view = small_view(&reg);
    let (p, out) = Printer::capture(OutputFormat::Json);
    p.emit(&view, |_| unreachable!("no human view in JSON"))
        .unwrap();
    let text = out.text();
    assert_eq!(text, serde_json::to_string_pretty(&view).unwrap() + "\n");
    assert!(text.starts_with("{\n  \"schema_version\": 1,\n"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v, serde_json::to_value(&view).unwrap());
    assert_eq!(v["verdict"]["code"], json!("stale"));
    assert_eq!(v["config"]["value"]["body"]["name"], json!("web"));

    // A list is one pretty array.
    let rows = vec![resource::LsRow::from_view(&view, &reg)];
    let (p, out) = Printer::capture(OutputFormat::Json);
    p.emit_list(&rows, |_| unreachable!()).unwrap();
    assert_eq!(
        out.text(),
        serde_json::to_string_pretty(&rows).unwrap() + "\n"
    );
    assert!(out.text().starts_with("[\n  {\n    \"id\": \"p1\",\n"));
}

#[test]
fn jsonl_and_yaml_output() {
    no_color();
    let rows = vec![json!({"id": "a", "n": 1}), json!({"id": "b", "n": 2})];
    let (p, out) = Printer::capture(OutputFormat::Jsonl);
    p.emit_list(&rows, |_| unreachable!()).unwrap();
    assert_eq!(
        out.text(),
        "{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\",\"n\":2}\n"
    );

    let (p, out) = Printer::capture(OutputFormat::Jsonl);
    p.emit(&rows[0], |_| unreachable!()).unwrap();
    assert_eq!(out.text(), "{\"id\":\"a\",\"n\":1}\n");

    let (p, out) = Printer::capture(OutputFormat::Yaml);
    p.emit(&rows[0], |_| unreachable!()).unwrap();
    assert_eq!(out.text(), "id: a\nn: 1\n");
}

#[test]
fn table_format_writes_the_human_view_as_is() {
    let (p, out) = table_printer();
    assert!(!OutputFormat::Table.is_machine());
    assert!(OutputFormat::Json.is_machine());
    p.emit(&json!({"ignored": true}), |_| "human\n".to_string())
        .unwrap();
    p.write(b"more\n").unwrap();
    assert_eq!(out.text(), "human\nmore\n");
}
