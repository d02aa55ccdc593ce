//! The human views of a bulk replay or enqueue: the plan (one row per resource: replay,
//! enqueue or skip, and why) and the run's summary.

use colored::Colorize;

use crate::model::text::short_job;
use crate::protocol::bulk::{BulkPlan, Summary};
use crate::render::style::{cell, plain};
use crate::render::{table, table_string};

pub fn plan_table(p: &BulkPlan) -> String {
    let n = p.writes();
    let mut o = format!(
        "plan at revision {}: {n} to {} ({}), {} skipped\n",
        p.revision,
        p.kind,
        if n == 0 { "none".into() } else { p.per_type() },
        p.items.len() - n
    );
    if p.items.is_empty() {
        o.push_str("no resource matches the selection\n");
        return o;
    }
    let mut t = table(&["TYPE", "ID", "VERDICT", "DECISION", "JOB", "REASON"]);
    for i in &p.items {
        let decision = if i.write.is_some() {
            i.decision.green().to_string()
        } else {
            i.decision.dimmed().to_string()
        };
        t.add_row(vec![
            plain(&i.resource_type),
            cell(&i.resource_id),
            plain(i.verdict.name()),
            plain(decision),
            cell(
                &i.job_id
                    .as_deref()
                    .map(short_job)
                    .unwrap_or_else(|| "-".into()),
            ),
            cell(&i.reason),
        ]);
    }
    o.push_str(&table_string(&t));
    o
}

fn done_word(kind: &str) -> &'static str {
    match kind {
        "enqueue" => "enqueued",
        _ => "replayed",
    }
}

pub fn summary_text(s: &Summary) -> String {
    let mut o = format!(
        "{} {} of {} planned jobs (plan at revision {})\n",
        if s.complete() {
            done_word(s.kind).green().bold()
        } else {
            "partial:".yellow().bold()
        },
        s.written,
        s.planned,
        s.revision
    );
    o.push_str(&format!("  skipped at plan      {}\n", s.skipped));
    if s.raced > 0 {
        o.push_str(&format!(
            "  another job in flight {}  (got there first; not {} twice)\n",
            s.raced,
            done_word(s.kind)
        ));
    }
    if s.changed > 0 {
        o.push_str(&format!(
            "  config changed       {}  (not written)\n",
            s.changed
        ));
    }
    if s.not_started > 0 {
        o.push_str(&format!("  not started          {}\n", s.not_started));
    }
    if s.interrupted {
        o.push_str("  interrupted after the transaction in progress\n");
    }
    if let Some(e) = &s.error {
        o.push_str(&format!("  stopped by           {e}\n"));
    }
    if !s.complete() {
        o.push_str("  rerun the same command to do the rest: what is in flight now is skipped\n");
    }
    o
}
