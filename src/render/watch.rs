//! The lines of `esi watch` (and `esi demo`): one serialisable line per event, and its
//! human form.

use colored::Colorize;
use serde::Serialize;

use crate::model::timeline::Entry;
use crate::model::verdict::Verdict;
use crate::render::status;

/// One JSONL line of `watch -o jsonl`: a tagged union (docs/json-output.md).
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line<'a> {
    /// The state when the watch starts (and after a gap).
    Snapshot {
        revision: i64,
        verdict: &'a Verdict,
        config_version: Option<i64>,
        state_version: Option<i64>,
    },
    Event(&'a Entry),
    Gap {
        from: i64,
        compact_revision: i64,
    },
    Reconnecting {
        from: i64,
        error: String,
    },
    /// How the watch ended (only with --until / --timeout).
    Result {
        condition: String,
        outcome: &'a str,
        revision: i64,
    },
}

/// The table form of one line (also used by `esi demo`).
pub fn human(line: &Line) -> String {
    match line {
        Line::Snapshot {
            revision, verdict, ..
        } => {
            format!(
                "{} {}  {}\n",
                format!("[rev {revision}]").dimmed(),
                "now".bold(),
                crate::render::verdict(verdict.code, &verdict.text)
            )
        }
        Line::Event(e) => format!(
            "{} {:<13} {:<6} {:>4}  {}\n",
            format!("[rev {}]", e.revision).dimmed(),
            e.family,
            format!("{:?}", e.event).to_lowercase(),
            e.version.map(|v| format!("v{v}")).unwrap_or_default(),
            status(&e.summary)
        ),
        Line::Gap {
            from,
            compact_revision,
        } => format!(
            "{} history from revision {from} to {} was compacted; re-reading the current state\n",
            "gap:".red().bold(),
            compact_revision - 1
        ),
        Line::Reconnecting { from, error } => format!(
            "{} {error}; resuming from revision {from}\n",
            "reconnecting:".yellow()
        ),
        Line::Result {
            condition,
            outcome,
            revision,
        } if condition.is_empty() => {
            format!("{} {outcome} at revision {revision}\n", "watch:".bold())
        }
        Line::Result {
            condition,
            outcome,
            revision,
        } => format!(
            "{} {condition}: {outcome} at revision {revision}\n",
            "until".bold()
        ),
    }
}
