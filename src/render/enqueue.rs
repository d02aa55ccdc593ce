//! The human views of a queue write: the dry-run plan (job, dependencies, the txn) and
//! the report after a real write.

use colored::Colorize;

use crate::protocol::plan::{DryRun, Written};

/// After a real write.
pub fn written(w: &Written) -> String {
    let audit = match &w.audit {
        Some(k) => format!("  audit     {k}\n"),
        None => String::new(),
    };
    format!(
        "{} {}\n  stage     {}\n  revision  {}  (esi show --rev {} for before)\n  keys      {}\n{audit}",
        "enqueued".green().bold(),
        w.job_id,
        w.stage.name(),
        w.revision,
        w.revision - 1,
        w.keys.join(", ")
    )
}

pub fn dry_run_table(d: &DryRun, what: &str) -> String {
    let mut o = format!("{} {what}\n", "dry run:".bold());
    o.push_str(&format!("job id      {}\n", d.job_id));
    o.push_str(&format!("stage       {}\n", d.stage.name()));
    o.push_str(&format!("read at     revision {}\n", d.read_revision));
    if d.dependencies.is_empty() {
        o.push_str("depends on  -\n");
    } else {
        o.push_str(&format!(
            "depends on  {}\n",
            d.dependencies.join("\n            ")
        ));
    }
    o.push_str(&format!("{}\n", "transaction".bold()));
    o.push_str("  if\n");
    for c in &d.txn.compares {
        o.push_str(&format!("    {c}\n"));
    }
    o.push_str("  then\n");
    for s in &d.txn.success {
        o.push_str(&format!("    {s}\n"));
    }
    o.push_str("  else (read back, to say which compare failed)\n");
    for s in &d.txn.failure {
        o.push_str(&format!("    {s}\n"));
    }
    o.push_str(&format!(
        "{}\n",
        "nothing written (--dry-run); -o json prints the /jobs/all value".dimmed()
    ));
    o
}
