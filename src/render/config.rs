//! The human views of `esi config`: the contexts of the config file, and the effective
//! settings with where each came from.

use serde::Serialize;

use crate::render::{table, table_string};

/// One context of the config file (`esi config get-contexts`).
#[derive(Serialize)]
pub struct ContextRow {
    pub name: String,
    pub current: bool,
    pub endpoints: Vec<String>,
    pub read_only: bool,
    pub confirm: &'static str,
}

pub fn contexts_table(rows: &[ContextRow]) -> String {
    let mut t = table(&["CURRENT", "NAME", "ENDPOINTS", "READ-ONLY", "CONFIRM"]);
    for r in rows {
        t.add_row(vec![
            if r.current { "*" } else { "" }.to_string(),
            r.name.clone(),
            r.endpoints.join(","),
            r.read_only.to_string(),
            r.confirm.to_string(),
        ]);
    }
    table_string(&t)
}

/// `esi config current`: rows of setting, value, source.
pub fn settings_table(context: Option<&str>, file: Option<&str>, rows: &[[String; 3]]) -> String {
    let mut t = table(&["SETTING", "VALUE", "FROM"]);
    for r in rows {
        t.add_row(r.to_vec());
    }
    format!(
        "context: {}\nconfig file: {}\n{}",
        context.unwrap_or("(none)"),
        file.unwrap_or("(none)"),
        table_string(&t)
    )
}
