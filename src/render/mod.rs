//! Rendering: commands hand plain serialisable data to the [`Printer`], which writes it
//! as a table/human view, JSON, JSONL or YAML. Human messages go to stderr.

pub mod resource;

use std::io::Write;

use colored::Colorize;
use serde::Serialize;

use crate::error::{EsiError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum OutputFormat {
    /// Human view: tables and sections, coloured on a terminal.
    #[default]
    Table,
    /// One pretty JSON document (lists as an array). A documented, versioned contract.
    Json,
    /// One compact JSON object per line (lists: one line per item; streams: per event).
    Jsonl,
    /// The JSON document as YAML.
    Yaml,
}

impl OutputFormat {
    pub fn is_machine(self) -> bool {
        self != OutputFormat::Table
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Decide colouring once: `--color`, then `NO_COLOR`, then whether stdout is a terminal.
pub fn init_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    colored::control::set_override(on);
    on
}

pub struct Printer {
    pub format: OutputFormat,
    pub color: bool,
}

impl Printer {
    pub fn new(format: OutputFormat, color: bool) -> Printer {
        Printer { format, color }
    }

    /// Write one document: `human` renders the table form.
    pub fn emit<T: Serialize>(&self, data: &T, human: impl FnOnce(&T) -> String) -> Result<()> {
        let text = match self.format {
            OutputFormat::Table => human(data),
            OutputFormat::Json => to_json_pretty(data)? + "\n",
            OutputFormat::Jsonl => to_json_line(data)? + "\n",
            OutputFormat::Yaml => to_yaml(data)?,
        };
        write_stdout(text.as_bytes())
    }

    /// Write a list: JSON array, one JSONL line per item, a YAML sequence or the table.
    pub fn emit_list<T: Serialize>(
        &self,
        items: &[T],
        human: impl FnOnce(&[T]) -> String,
    ) -> Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                let mut buf = String::new();
                for i in items {
                    buf.push_str(&to_json_line(i)?);
                    buf.push('\n');
                }
                write_stdout(buf.as_bytes())
            }
            _ => self.emit(&items, |i| human(i)),
        }
    }

    /// Write one event of a stream and flush at once (even into a pipe).
    pub fn emit_event<T: Serialize>(
        &self,
        data: &T,
        human: impl FnOnce(&T) -> String,
    ) -> Result<()> {
        let text = match self.format {
            OutputFormat::Table => human(data),
            _ => to_json_line(data)? + "\n",
        };
        write_stdout(text.as_bytes())
    }
}

pub fn to_json_pretty<T: Serialize>(data: &T) -> Result<String> {
    serde_json::to_string_pretty(data).map_err(|e| EsiError::Other(e.into()))
}

pub fn to_json_line<T: Serialize>(data: &T) -> Result<String> {
    serde_json::to_string(data).map_err(|e| EsiError::Other(e.into()))
}

fn to_yaml<T: Serialize>(data: &T) -> Result<String> {
    serde_yaml_ng::to_string(data).map_err(|e| EsiError::Other(e.into()))
}

/// Write and flush stdout. A closed pipe (`esi ls | head`) surfaces as an io error of
/// kind BrokenPipe, which `main` turns into a quiet success.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// `warning: …` on stderr.
pub fn warn(msg: &str) {
    eprintln!("{} {msg}", "warning:".yellow().bold());
}

/// An informational line on stderr (never mixed into machine output).
pub fn note(msg: &str) {
    eprintln!("{msg}");
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

/// A table cell coloured like [`status`] (comfy-table measures widths without escapes).
pub fn cell(s: &str) -> comfy_table::Cell {
    use comfy_table::Color;
    let c = comfy_table::Cell::new(s);
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

/// A borderless table in the style of kubectl; cells are coloured with [`cell`].
pub fn table(header: &[&str]) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::NOTHING);
    if colored::control::SHOULD_COLORIZE.should_colorize() {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    t.set_header(
        header
            .iter()
            .map(|h| comfy_table::Cell::new(h).add_attribute(comfy_table::Attribute::Bold)),
    );
    t
}

/// A JSON value in one short line (strings unquoted).
pub fn short(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// Strip the padding comfy-table leaves at line ends.
pub fn table_string(t: &comfy_table::Table) -> String {
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
    eprintln!("{} {e}", "error:".red().bold());
}
