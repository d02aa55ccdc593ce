//! Human views of resources: `show` sections and `ls` rows.

use colored::Colorize;
use serde_json::Value;

use super::{cell, plain, short, status, table, table_string};
use crate::model::keys::Family;
use crate::model::registry::Registry;
use crate::model::resource::{Record, ResourceView};
use crate::model::verdict;

fn meta(r: &Record) -> String {
    match (r.mod_revision, r.create_revision, r.version) {
        (Some(m), Some(c), Some(v)) => format!("mod rev {m}, created rev {c}, key version {v}")
            .dimmed()
            .to_string(),
        _ => String::new(),
    }
}

fn title(f: Family, r: &Record) -> String {
    let name = format!("{:<13}", f.name()).bold().to_string();
    if !r.present {
        return format!("{name} {}  {}\n", r.key.dimmed(), "(absent)".dimmed());
    }
    let esi_v = r
        .esi_version()
        .map(|v| format!("v{v}  "))
        .unwrap_or_default();
    format!("{name} {}  {esi_v}{}\n", r.key, meta(r))
}

fn fields(out: &mut String, v: &Value, indent: &str, skip: &[&str]) {
    if let Some(m) = v.as_object() {
        let width = m.keys().map(|k| k.len()).max().unwrap_or(0).min(40);
        for (k, val) in m {
            if skip.contains(&k.as_str()) {
                continue;
            }
            let shown = short(val);
            let shown = if k.ends_with("state") || k.ends_with("status") {
                status(&shown)
            } else {
                shown
            };
            out.push_str(&format!("{indent}{k:<width$}  {shown}\n"));
        }
    }
}

fn outputs_table(out: &mut String, outputs: &Value, indent: &str) {
    let Some(list) = outputs.as_array() else {
        out.push_str(&format!("{indent}outputs: {}\n", short(outputs)));
        return;
    };
    if list.is_empty() {
        out.push_str(&format!("{indent}outputs: []\n"));
        return;
    }
    let mut t = table(&["OUTPUT_KEY", "OUTPUT_VALUE", "DESCRIPTION"]);
    for o in list {
        t.add_row(vec![
            o.get("output_key").map(short).unwrap_or_default(),
            o.get("output_value").map(short).unwrap_or_default(),
            o.get("description").map(short).unwrap_or_default(),
        ]);
    }
    for line in table_string(&t).lines() {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

fn raw_or(out: &mut String, r: &Record) -> bool {
    if let Some(raw) = &r.raw {
        out.push_str(&format!("    {} {}\n", "raw:".red(), raw));
        return true;
    }
    false
}

/// `esi show` in table mode: header and verdict, one section per family, the jobs.
pub fn show(v: &ResourceView, reg: &Registry) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "{} {}  {}\n",
        v.resource.rtype.bold(),
        v.resource.id.bold(),
        format!("@ revision {}", v.revision).dimmed()
    ));
    o.push_str(&format!(
        "verdict: {}\n",
        super::verdict(v.verdict.code, &v.verdict.text)
    ));
    for r in v.verdict.reasons.iter().skip(1) {
        o.push_str(&format!("  - {r}\n"));
    }
    o.push('\n');
    let sections: [(Family, &Record, Section); 6] = [
        (Family::Config, &v.config, config_section),
        (
            Family::WorkerConfig,
            &v.worker_config,
            worker_config_section,
        ),
        (Family::HeatStack, &v.heat_stack, heat_stack_section),
        (Family::JobState, &v.job_state, job_state_section),
        (Family::State, &v.state, state_section),
        (Family::Monitoring, &v.monitoring, monitoring_section),
    ];
    for (family, record, section) in sections {
        o.push_str(&title(family, record));
        if !raw_or(&mut o, record) && record.present {
            section(&mut o, v, reg);
        }
    }
    o.push('\n');
    jobs_section(&mut o, v);
    o
}

/// The body of one family's section, when the record is present and decoded.
type Section = fn(&mut String, &ResourceView, &Registry);

fn config_section(o: &mut String, v: &ResourceView, _: &Registry) {
    let Some(val) = &v.config.value else { return };
    let marked = val
        .get("marked_for_deletion")
        .map(short)
        .unwrap_or_default();
    let marked = if marked == "true" {
        marked.red().bold().to_string()
    } else {
        marked
    };
    o.push_str(&format!("    marked_for_deletion  {marked}\n"));
    if let Some(body) = val.get("body") {
        o.push_str("    body:\n");
        fields(o, body, "      ", &[]);
    }
    fields(o, val, "    ", &["body", "marked_for_deletion", "version"]);
}

/// The esi-worker's config copy: only whether it matches /config.
fn worker_config_section(o: &mut String, v: &ResourceView, _: &Registry) {
    let same_body = v.worker_config.get(&["body"]) == v.config.get(&["body"]);
    let same_v = v.worker_config.esi_version() == v.config.esi_version();
    let deleted = v
        .worker_config
        .get(&["deleted"])
        .map(short)
        .unwrap_or_default();
    let note = if same_body && same_v {
        "matches /config".green().to_string()
    } else {
        "differs from /config".yellow().to_string()
    };
    o.push_str(&format!("    deleted {deleted}; {note}\n"));
}

fn heat_stack_section(o: &mut String, v: &ResourceView, _: &Registry) {
    let Some(val) = &v.heat_stack.value else {
        return;
    };
    fields(o, val, "    ", &["output"]);
    if let Some(out) = val.get("output") {
        outputs_table(o, out, "    ");
    }
}

fn job_state_section(o: &mut String, v: &ResourceView, _: &Registry) {
    let Some(val) = &v.job_state.value else {
        return;
    };
    if val.as_object().is_some_and(|m| m.is_empty()) {
        o.push_str("    {} (job started, Heat not finished)\n");
    }
    fields(o, val, "    ", &["heat_outputs"]);
}

fn state_section(o: &mut String, v: &ResourceView, _: &Registry) {
    let Some(val) = &v.state.value else { return };
    let err = val.get("error").map(short).unwrap_or_default();
    if !err.is_empty() && err != "null" {
        o.push_str(&format!("    error  {}\n", err.red().bold()));
    } else {
        o.push_str("    error  \"\"\n");
    }
    if let Some(st) = val.get("state") {
        fields(o, st, "    ", &["heat_outputs"]);
        if let Some(out) = st.get("heat_outputs") {
            outputs_table(o, out, "    ");
        }
    }
    fields(o, val, "    ", &["error", "state", "version"]);
}

fn monitoring_section(o: &mut String, v: &ResourceView, reg: &Registry) {
    if let Some(t) = reg.get(&v.resource.rtype) {
        if let Some(m) = verdict::monitoring_summary(v, t) {
            o.push_str(&format!("    {}\n", status(&m)));
        }
    }
}

fn jobs_section(o: &mut String, v: &ResourceView) {
    if v.jobs.is_empty() {
        o.push_str(&format!(
            "{}  {}\n",
            "jobs".bold(),
            "(none in the queue)".dimmed()
        ));
        return;
    }
    o.push_str(&format!("{}\n", "jobs".bold()));
    let mut t = table(&[
        "STAGE",
        "JOB",
        "RETRY",
        "WORKER",
        "LEASE_TTL",
        "PENDING_DEPS",
    ]);
    let dash = || "-".to_string();
    for j in &v.jobs {
        let pending = if j.pending_dependencies.is_empty() {
            dash()
        } else {
            j.pending_dependencies.join(",")
        };
        t.add_row(vec![
            cell(j.stage.name()),
            plain(&j.id),
            plain(j.retry.map(|r| r.to_string()).unwrap_or_else(dash)),
            plain(j.worker.clone().unwrap_or_else(dash)),
            plain(j.lease_ttl.map(|t| format!("{t}s")).unwrap_or_else(dash)),
            plain(pending),
        ]);
    }
    for line in table_string(&t).lines() {
        o.push_str("  ");
        o.push_str(line);
        o.push('\n');
    }
}

/// One `esi ls` row, also the JSON item of `ls -o json`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LsRow {
    pub id: String,
    pub name: Option<String>,
    pub config_version: Option<i64>,
    pub marked_for_deletion: Option<bool>,
    pub state_version: Option<i64>,
    pub worker_state: Option<String>,
    pub orchestration_state: Option<String>,
    pub monitoring: Option<String>,
    pub job: Option<String>,
    pub verdict: verdict::Code,
    pub verdict_text: String,
}

impl LsRow {
    pub fn from_view(v: &ResourceView, reg: &Registry) -> LsRow {
        let s = |r: &Record, p: &[&str]| r.get(p).and_then(Value::as_str).map(String::from);
        LsRow {
            id: v.resource.id.clone(),
            name: s(&v.config, &["body", "name"]),
            config_version: v.config.esi_version(),
            marked_for_deletion: v
                .config
                .get(&["marked_for_deletion"])
                .and_then(Value::as_bool),
            state_version: v.state.esi_version(),
            worker_state: s(&v.state, &["state", "worker_state"]),
            orchestration_state: s(&v.state, &["state", "orchestration_state"]),
            monitoring: reg
                .get(&v.resource.rtype)
                .and_then(|t| verdict::monitoring_summary(v, t)),
            job: v
                .active_job()
                .map(|j| format!("{} {}", j.stage.name(), j.label())),
            verdict: v.verdict.code,
            verdict_text: v.verdict.text.clone(),
        }
    }
}

pub fn ls(rows: &[LsRow]) -> String {
    let mut t = table(&[
        "ID",
        "NAME",
        "CONFIG",
        "STATE",
        "WORKER_STATE",
        "ORCHESTRATION",
        "MONITORING",
        "JOB",
        "VERDICT",
    ]);
    let dash = || "-".to_string();
    for r in rows {
        let v = |x: Option<i64>| x.map(|v| format!("v{v}")).unwrap_or_else(dash);
        t.add_row(vec![
            plain(&r.id),
            plain(r.name.clone().unwrap_or_else(dash)),
            plain(
                v(r.config_version)
                    + if r.marked_for_deletion == Some(true) {
                        " (del)"
                    } else {
                        ""
                    },
            ),
            plain(v(r.state_version)),
            cell(r.worker_state.as_deref().unwrap_or("-")),
            cell(r.orchestration_state.as_deref().unwrap_or("-")),
            cell(r.monitoring.as_deref().unwrap_or("-")),
            cell(r.job.as_deref().unwrap_or("-")),
            cell(&r.verdict_text),
        ]);
    }
    table_string(&t)
}
