//! The one unified-diff printer (`esi diff`, `job show`'s staleness): two JSON values as
//! pretty JSON with sorted keys, diffed line by line; and its colouring.

use colored::Colorize;
use serde_json::Value;

use crate::model::jsondiff::canonical;
use crate::query::versions::DiffDoc;

/// A unified diff of `a` → `b` (plain text), `radius` lines of context.
pub fn unified(a: &Value, b: &Value, la: &str, lb: &str, radius: usize) -> String {
    let ta = serde_json::to_string_pretty(&canonical(a)).unwrap_or_default() + "\n";
    let tb = serde_json::to_string_pretty(&canonical(b)).unwrap_or_default() + "\n";
    similar::TextDiff::from_lines(&ta, &tb)
        .unified_diff()
        .context_radius(radius)
        .header(la, lb)
        .to_string()
}

/// Colour a unified diff: headers bold, additions green, removals red, hunks cyan; every
/// line gets `indent` in front.
pub fn paint(diff: &str, indent: &str) -> String {
    diff.lines()
        .map(|l| {
            let s = if l.starts_with("+++") || l.starts_with("---") {
                l.bold().to_string()
            } else if l.starts_with('+') {
                l.green().to_string()
            } else if l.starts_with('-') {
                l.red().to_string()
            } else if l.starts_with("@@") {
                l.cyan().to_string()
            } else {
                l.to_string()
            };
            format!("{indent}{s}\n")
        })
        .collect()
}

/// The human view of `esi diff`.
pub fn human(d: &DiffDoc) -> String {
    if d.identical {
        return format!("identical: {} and {}\n", d.from.label, d.to.label);
    }
    let mut out = paint(
        &unified(&d.from.value, &d.to.value, &d.from.label, &d.to.label, 3),
        "",
    );
    if !d.redacted_changes.is_empty() {
        out.push_str(&format!(
            "secret values differ (redacted; --show-secrets to see them): {}\n",
            d.redacted_changes.join(", ")
        ));
    }
    out
}
