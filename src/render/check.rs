//! The human view of `esi check`: one line per check (status, name, count, summary),
//! its first offenders and the command that goes further; then the root causes.

use colored::Colorize;

use crate::query::check::{CheckReport, Status};

fn status(s: Status) -> String {
    let l = format!("{:<4}", s.label());
    match s {
        Status::Ok => l.green().to_string(),
        Status::Warn => l.yellow().bold().to_string(),
        Status::Fail => l.red().bold().to_string(),
    }
}

pub fn report(r: &CheckReport) -> String {
    let mut o = format!("esi check at revision {}\n", r.revision);
    let width = r.checks.iter().map(|c| c.name.len()).max().unwrap_or(10);
    for c in &r.checks {
        o.push_str(&format!(
            "{}  {:<width$}  {:>6}  {}\n",
            status(c.status),
            c.name,
            c.count,
            c.summary
        ));
        if c.status != Status::Ok {
            if !c.offenders.is_empty() {
                let more = c.count.saturating_sub(c.offenders.len());
                let tail = if more > 0 {
                    format!(" … {more} more")
                } else {
                    String::new()
                };
                o.push_str(&format!("      {}{tail}\n", c.offenders.join(" ")));
            }
            if let Some(h) = &c.hint {
                o.push_str(&format!("      → {}\n", h.dimmed()));
            }
        }
    }
    if !r.root_causes.is_empty() {
        o.push_str(&format!("\n{}\n", "Root causes".bold()));
        for rc in &r.root_causes {
            let what = match &rc.job {
                Some(j) => j.clone(),
                None => format!("{} {}", rc.resource_type, rc.resource_id),
            };
            o.push_str(&format!(
                "  {what}  {}  blocks {} jobs\n",
                rc.why, rc.blocks
            ));
            if !rc.blocked.is_empty() {
                o.push_str(&format!("      {}\n", rc.blocked.join(" ")));
            }
            o.push_str(&format!("      → {}\n", rc.hint.dimmed()));
        }
    }
    let n = |s: Status| r.checks.iter().filter(|c| c.status == s).count();
    o.push_str(&format!(
        "\nresult: {} ({} failing, {} warning, {} ok)\n",
        status(r.status).trim_end(),
        n(Status::Fail),
        n(Status::Warn),
        n(Status::Ok)
    ));
    o
}
