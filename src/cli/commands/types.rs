//! `esi types`: every resource type esi knows (built in, and from --schema), like
//! `kubectl api-resources`: its plural and key prefix, monitoring field, whether it has a
//! heat template (is workable) and its parent.

use crate::cli::args::GlobalArgs;
use crate::cli::outcome::Outcome;
use crate::error::Result;
use crate::model::registry::Registry;
use crate::render::types::{types_table, TypeRow};
use crate::render::{init_color, Printer};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  esi types
  esi types -o json | jq -r '.[] | select(.heat_template) | .type'")]
pub struct Args {}

/// No store is opened: the types are esi's own (and the --schema file's).
pub fn run(g: &GlobalArgs, _a: Args) -> Result<Outcome> {
    let registry = Registry::with_user_file(g.schema.as_deref())?;
    let out = Printer::new(g.output.unwrap_or_default(), init_color(g.color));
    let rows: Vec<TypeRow> = registry
        .iter()
        .map(|t| TypeRow {
            rtype: t.id.clone(),
            plural: t.plural.clone(),
            prefix: t.prefix.clone(),
            monitoring_field: t.monitoring_field.clone(),
            heat_template: t.template_path.is_some(),
            parent: t.parent.clone(),
        })
        .collect();
    out.emit_list(&rows, types_table)?;
    Ok(Outcome::OK)
}
