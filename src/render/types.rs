//! The human view of `esi types`.

use serde::Serialize;

use crate::render::{plain, table, table_string};

/// One row of `esi types` (also its JSON item).
#[derive(Debug, Serialize)]
pub struct TypeRow {
    #[serde(rename = "type")]
    pub rtype: String,
    pub plural: String,
    pub prefix: String,
    pub monitoring_field: Option<String>,
    /// It has a heat template path (jobs run Heat stacks); without one, READ_COMPLETE.
    pub heat_template: bool,
    pub parent: Option<String>,
}

pub fn types_table(rows: &[TypeRow]) -> String {
    let mut t = table(&[
        "TYPE",
        "PLURAL",
        "PREFIX",
        "MONITORING",
        "HEAT TEMPLATE",
        "PARENT",
    ]);
    let dash = || "-".to_string();
    for r in rows {
        t.add_row(vec![
            plain(&r.rtype),
            plain(&r.plural),
            plain(&r.prefix),
            plain(r.monitoring_field.clone().unwrap_or_else(dash)),
            plain(if r.heat_template { "yes" } else { "no" }),
            plain(r.parent.clone().unwrap_or_else(dash)),
        ]);
    }
    table_string(&t)
}
