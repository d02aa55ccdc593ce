//! The Printer: plain serialisable data in, the human view, JSON, JSONL or YAML out, into
//! any writer. Output format and colour choice are decided here once per run.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::{EsiError, Result};
use crate::render::escape::{json_safe, terminal_safe};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum OutputFormat {
    /// Human view: tables and sections, coloured on a terminal; table cells longer than
    /// 120 characters are cut (…).
    #[default]
    Table,
    /// The human view with every cell whole.
    Wide,
    /// One pretty JSON document (lists as an array). A documented, versioned contract.
    Json,
    /// One compact JSON object per line (lists: one line per item; streams: per event).
    Jsonl,
    /// The JSON document as YAML.
    Yaml,
}

impl OutputFormat {
    pub fn is_machine(self) -> bool {
        !matches!(self, OutputFormat::Table | OutputFormat::Wide)
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

/// Renders plain data as the human view, JSON, JSONL or YAML into one writer: stdout in
/// a run, a buffer in tests ([`Printer::capture`]). Every write is flushed at once, so a
/// stream's events reach a pipe as they happen.
pub struct Printer {
    pub format: OutputFormat,
    pub color: bool,
    out: Mutex<Box<dyn Write + Send>>,
}

/// What a capturing Printer has written (tests read it back).
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("capture lock")).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("capture lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Printer {
    /// A Printer on stdout.
    pub fn new(format: OutputFormat, color: bool) -> Printer {
        crate::render::style::set_wide(format == OutputFormat::Wide);
        Printer::to_writer(format, color, Box::new(std::io::stdout()))
    }

    pub fn to_writer(format: OutputFormat, color: bool, out: Box<dyn Write + Send>) -> Printer {
        Printer {
            format,
            color,
            out: Mutex::new(out),
        }
    }

    /// A Printer into a buffer, and the handle to read it.
    pub fn capture(format: OutputFormat) -> (Printer, Captured) {
        let c = Captured::default();
        (Printer::to_writer(format, false, Box::new(c.clone())), c)
    }

    /// Write and flush. A closed pipe (`esi ls | head`) surfaces as an io error of kind
    /// BrokenPipe, which `main` turns into a quiet success.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        let mut out = self.out.lock().expect("printer lock");
        out.write_all(bytes)?;
        out.flush()?;
        Ok(())
    }

    /// Write a human view made outside [`Printer::emit`] (terminal-safe, as every view).
    pub fn write_human(&self, text: &str) -> Result<()> {
        self.write(terminal_safe(text).as_bytes())
    }

    /// Write one document: `human` renders the table form.
    pub fn emit<T: Serialize>(&self, data: &T, human: impl FnOnce(&T) -> String) -> Result<()> {
        let text = match self.format {
            OutputFormat::Table | OutputFormat::Wide => terminal_safe(&human(data)).into_owned(),
            OutputFormat::Json => to_json_pretty(data)? + "\n",
            OutputFormat::Jsonl => to_json_line(data)? + "\n",
            OutputFormat::Yaml => to_yaml(data)?,
        };
        self.write(text.as_bytes())
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
                self.write(buf.as_bytes())
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
            OutputFormat::Table | OutputFormat::Wide => terminal_safe(&human(data)).into_owned(),
            _ => to_json_line(data)? + "\n",
        };
        self.write(text.as_bytes())
    }
}

pub fn to_json_pretty<T: Serialize>(data: &T) -> Result<String> {
    serde_json::to_string_pretty(data)
        .map(json_safe)
        .map_err(|e| EsiError::Other(e.into()))
}

pub fn to_json_line<T: Serialize>(data: &T) -> Result<String> {
    serde_json::to_string(data)
        .map(json_safe)
        .map_err(|e| EsiError::Other(e.into()))
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
