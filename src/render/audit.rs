//! The human view of the audit trail (`esi audit`, and the records in `esi show`).

use crate::model::text::short_job;
use crate::query::audit::AuditEntry;
use crate::render::style::{cell, plain};
use crate::render::{table, table_string};

/// What a record wrote, in a few words: the job, else the resources, else the keys.
fn what(e: &AuditEntry) -> String {
    let r = &e.record;
    if let Some(j) = &r.job_id {
        return short_job(j);
    }
    if !r.resources.is_empty() {
        return r
            .resources
            .iter()
            .map(|(t, i)| format!("{t} {i}"))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let n = r.keys_total.unwrap_or(r.keys.len());
    format!("{n} keys")
}

/// The time without its nanoseconds (the key keeps them).
fn when(t: &str) -> String {
    match t.split_once('.') {
        Some((s, _)) => format!("{s}Z"),
        None => t.to_string(),
    }
}

pub fn table_view(entries: &[AuditEntry]) -> String {
    if entries.is_empty() {
        return "no audit records\n".into();
    }
    let mut t = table(&["TIME", "ACTOR", "KIND", "WHAT", "REVISION", "REASON"]);
    for e in entries {
        t.add_row(vec![
            plain(when(&e.record.time)),
            cell(&e.record.actor),
            plain(&e.record.kind),
            cell(&what(e)),
            plain(e.revision),
            cell(e.record.reason.as_deref().unwrap_or("-")),
        ]);
    }
    table_string(&t)
}

/// The lines `esi show` adds for the records that touched the resource.
pub fn show_lines(entries: &[AuditEntry]) -> String {
    let mut o = String::new();
    for e in entries {
        o.push_str(&format!(
            "  {}  {}  {} {}{}\n",
            when(&e.record.time),
            e.record.actor,
            e.record.kind,
            what(e),
            e.record
                .reason
                .as_deref()
                .map(|r| format!("  ({r})"))
                .unwrap_or_default()
        ));
    }
    o
}
