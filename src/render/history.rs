//! The human view of a resource's timeline (`esi history`).

use crate::query::history::HistoryDoc;
use crate::render::{cell, plain, table, table_string};

pub fn human(d: &HistoryDoc) -> String {
    let mut t = table(&["REV", "FAMILY", "EVENT", "VERSION", "SUMMARY"]);
    for e in &d.events {
        t.add_row(vec![
            plain(e.revision),
            plain(&e.family),
            plain(format!("{:?}", e.event).to_lowercase()),
            plain(e.version.map(|v| format!("v{v}")).unwrap_or("-".into())),
            cell(&e.summary),
        ]);
    }
    let mut s = String::new();
    if let Some(c) = d.compact_revision {
        s.push_str(&format!("(history before revision {c} was compacted)\n"));
    }
    s + &table_string(&t)
}
