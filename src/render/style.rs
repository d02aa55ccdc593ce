//! Styling shared by every view: status colours, table cells, verdict colours, the
//! kubectl-like table, and the stderr lines (warning, note, error).

use colored::Colorize;

use crate::render::escape::{field, terminal_safe};

/// `warning: …` on stderr.
pub fn warn(msg: &str) {
    eprintln!("{} {}", "warning:".yellow().bold(), terminal_safe(msg));
}

/// An informational line on stderr (never mixed into machine output).
pub fn note(msg: &str) {
    eprintln!("{}", terminal_safe(msg));
}

/// Colour a status word: COMPLETE green, IN_PROGRESS yellow, FAIL/ERROR red.
pub fn status(s: &str) -> String {
    if s.contains("FAIL") || s.contains("ERROR") {
        s.red().bold().to_string()
    } else if s.contains("IN_PROGRESS") || s.starts_with("PENDING") || s == "INIT" {
        s.yellow().to_string()
    } else if s.contains("COMPLETE") || s == "UP" || s == "ACTIVE" {
        s.green().to_string()
    } else {
        s.to_string()
    }
}

/// Longest table cell in the table view: more is cut (`-o wide` keeps it whole), so a
/// huge stored value costs neither the terminal nor the table layout.
pub const MAX_CELL: usize = 120;

static WIDE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `-o wide`: cells are never cut. Set once per run, with the output format.
pub fn set_wide(wide: bool) {
    WIDE.store(wide, std::sync::atomic::Ordering::Relaxed);
}

/// A stored value as one table cell: escaped, and cut to [`MAX_CELL`] characters unless
/// `-o wide`.
pub fn cell_text(s: &str) -> String {
    let s = field(s);
    if WIDE.load(std::sync::atomic::Ordering::Relaxed) || s.len() <= MAX_CELL {
        return s.into_owned();
    }
    match s.char_indices().nth(MAX_CELL - 1) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.into_owned(),
    }
}

/// A plain table cell of any value, escaped like every stored string in a table.
pub fn plain(s: impl ToString) -> comfy_table::Cell {
    comfy_table::Cell::new(cell_text(&s.to_string()))
}

/// A table cell coloured like [`status`] (comfy-table measures widths without escapes).
pub fn cell(s: &str) -> comfy_table::Cell {
    use comfy_table::Color;
    let c = comfy_table::Cell::new(cell_text(s));
    if s.contains("FAIL")
        || s.contains("ERROR")
        || s.starts_with("STUCK")
        || s.starts_with("INCONSISTENT")
    {
        c.fg(Color::Red)
    } else if s.contains("IN_PROGRESS")
        || s.starts_with("PENDING")
        || s.starts_with("WORKING")
        || s.starts_with("DELETING")
        || s == "ready"
        || s == "waiting"
        || s == "working"
    {
        c.fg(Color::Yellow)
    } else if s.contains("COMPLETE") || s.contains("=UP") || s == "UP" || s.starts_with("IN SYNC") {
        c.fg(Color::Green)
    } else if s.starts_with("STALE") || s.starts_with("DEGRADED") {
        c.fg(Color::Magenta)
    } else {
        c
    }
}

/// Colour a verdict by its code.
pub fn verdict(code: crate::model::verdict::Code, text: &str) -> String {
    use crate::model::verdict::Code::*;
    match code {
        InSync => text.green().bold().to_string(),
        Pending | Working | Deleting => text.yellow().bold().to_string(),
        Degraded | Stale => text.magenta().bold().to_string(),
        Failed | Stuck | Inconsistent | Unreadable | Orphaned => text.red().bold().to_string(),
        Deleted | NotFound => text.dimmed().to_string(),
    }
}

/// The width of the terminal stdout is, if it is one.
fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    comfy_table::Table::new().width().filter(|w| *w >= 40)
}

/// A borderless table in the style of kubectl; cells are coloured with [`cell`].
pub fn table(header: &[&str]) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::NOTHING);
    if colored::control::SHOULD_COLORIZE.should_colorize() {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    // On a terminal (and not -o wide), long columns wrap to its width; elsewhere (pipes,
    // files, captures) rows stay whole, one line each.
    match terminal_width() {
        Some(w) if !WIDE.load(std::sync::atomic::Ordering::Relaxed) => {
            t.set_width(w);
            t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        }
        _ => {
            t.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
        }
    }
    t.set_header(
        header
            .iter()
            .map(|h| comfy_table::Cell::new(h).add_attribute(comfy_table::Attribute::Bold)),
    );
    // Ids and keys are pasted, so they never wrap; no header wraps either: the text
    // columns give way.
    use comfy_table::{ColumnConstraint, Width};
    for (i, h) in header.iter().enumerate() {
        let pasted = *h == "ID" || h.ends_with(" ID") || *h == "KEY" || *h == "JOB ID";
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(if pasted {
                ColumnConstraint::ContentWidth
            } else {
                ColumnConstraint::LowerBoundary(Width::Fixed(h.len() as u16))
            });
        }
    }
    t
}

/// Strip the padding comfy-table leaves at line ends.
pub fn table_string(t: &comfy_table::Table) -> String {
    // A terminal too narrow for the columns that must not wrap: rows stay whole and run
    // past its edge (`-o json` or a wider terminal read better than ids cut in pieces).
    let fits = match t.width() {
        Some(w)
            if !matches!(
                t.content_arrangement(),
                comfy_table::ContentArrangement::Disabled
            ) =>
        {
            use comfy_table::{ColumnConstraint, Width};
            let content = t.column_max_content_widths();
            let need: u32 = t
                .column_iter()
                .zip(content)
                .map(|(c, max)| {
                    let min = match c.constraint() {
                        Some(ColumnConstraint::ContentWidth) => max,
                        Some(ColumnConstraint::LowerBoundary(Width::Fixed(n))) => (*n).min(max),
                        _ => 1,
                    };
                    (min + c.padding_width()) as u32
                })
                .sum();
            need <= w as u32
        }
        _ => true,
    };
    let narrow;
    let t = if fits {
        t
    } else {
        narrow = {
            let mut c = t.clone();
            c.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
            c
        };
        &narrow
    };
    // NOTHING preset keeps one space of cell padding on the left: drop it.
    let mut s: String = t
        .to_string()
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end().to_string() + "\n")
        .collect();
    if s.is_empty() {
        s.push('\n');
    }
    s
}

/// `error: …` on stderr.
pub fn error(e: &crate::error::EsiError) {
    eprintln!(
        "{} {}",
        "error:".red().bold(),
        terminal_safe(&e.to_string())
    );
}
