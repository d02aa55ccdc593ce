//! The human views of the queue (`esi jobs`): the job table (plain aligned text: 100k
//! rows), stage counts, and short job names.

use colored::Colorize;

use crate::error::Result;
pub use crate::model::text::short_job;
use crate::query::counts::Counts;
use crate::query::jobs::JobRow;
use crate::render::style::cell_text;
use crate::render::{table, table_string, to_json_pretty};

/// A page of a JSON array, formatted like serde's pretty printer (two-space indent).
pub fn json_items(batch: &[JobRow], first: bool) -> Result<String> {
    let mut buf = String::new();
    for (i, r) in batch.iter().enumerate() {
        buf.push_str(if first && i == 0 { "[\n" } else { ",\n" });
        let item = to_json_pretty(r)?;
        let lines: Vec<String> = item.lines().map(|l| format!("  {l}")).collect();
        buf.push_str(&lines.join("\n"));
    }
    Ok(buf)
}

const HEADER: [&str; 7] = [
    "ID",
    "STAGE",
    "RETRY",
    "WORKER",
    "TTL",
    "WAITING ON",
    "NOTE",
];

pub fn table_cells(r: &JobRow) -> [String; 7] {
    let dash = || "-".to_string();
    let worker = r
        .worker
        .as_deref()
        .map(|w| w.chars().take(8).collect())
        .unwrap_or_else(dash);
    let waiting = if r.pending_dependencies.is_empty() {
        dash()
    } else {
        r.pending_dependencies
            .iter()
            .map(|d| short_job(d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Stored strings, one cell each: escaped so that none can forge a row or drive the
    // terminal.
    let f = |s: &str| cell_text(s);
    [
        f(&r.id),
        r.stage.name().to_string(),
        r.retry.map(|x| x.to_string()).unwrap_or_else(dash),
        f(&worker),
        r.lease_ttl.map(|s| format!("{s}s")).unwrap_or_else(dash),
        f(&waiting),
        r.stuck
            .as_ref()
            .map(|s| f(&format!("STUCK: {s}")))
            .unwrap_or_default(),
    ]
}

/// A plain aligned table (comfy-table needs ~4 KB per row: too much for 100k jobs),
/// coloured like `render::cell` for the stage and stuck notes.
pub fn jobs_table(rows: &[[String; 7]]) -> String {
    let mut width = HEADER.map(|h| h.len());
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 7], header: bool| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let last = i == cells.len() - 1;
            let pad = if last {
                String::new()
            } else {
                " ".repeat(width[i] - c.chars().count() + 2)
            };
            let text = if header {
                c.bold().to_string()
            } else if i == 1 {
                match *c {
                    "ready" | "waiting" | "working" => c.yellow().to_string(),
                    "unqueued" | "orphaned" => c.red().to_string(),
                    _ => c.to_string(),
                }
            } else if last && !c.is_empty() {
                c.red().to_string()
            } else {
                c.to_string()
            };
            out.push_str(&text);
            out.push_str(&pad);
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    };
    let mut o = line(HEADER, true);
    for r in rows {
        o.push_str(&line(
            [&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]],
            false,
        ));
    }
    o
}

pub fn counts_table(c: &Counts) -> String {
    let mut t = table(&["DIRECTORY", "KEYS"]);
    for (name, n) in [
        ("all", c.all),
        ("waiting", c.waiting),
        ("ready", c.ready),
        ("working", c.working),
        ("finished", c.finished),
    ] {
        t.add_row(vec![format!("/jobs/{name}/"), n.to_string()]);
    }
    format!(
        "{}at revision {} (key counts; a job is in /jobs/all and one stage directory)\n",
        table_string(&t),
        c.revision
    )
}
