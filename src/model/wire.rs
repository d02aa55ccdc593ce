//! Wire encoders: the exact JSON text each ESI component writes, so that esi's own
//! writes are byte-identical to the recorded system's — Python `json.dumps` defaults
//! (job manager, heat worker), Go `json.Marshal` (Gohan's config, the collector).

use std::io;

use serde::Serialize;
use serde_json::Value;

use super::jsondiff::canonical;

/// Encode a decoded config record as Gohan writes it: Go-compact JSON, keys sorted, `body`
/// re-encoded as a JSON string, and `<`, `>`, `&` escaped as \u003c \u003e \u0026.
pub fn encode_config(record: &Value) -> String {
    let mut rec = canonical(record);
    if let Some(body) = rec.get_mut("body") {
        if !body.is_string() {
            *body = Value::String(go_json(body));
        }
    }
    go_json(&rec)
}

/// Encode a decoded state record as the Python worker writes it: ", " and ": " separators,
/// `state.heat_outputs` encoded as a JSON string in the same Python style.
pub fn encode_state(record: &Value) -> String {
    let mut rec = record.clone();
    if let Some(outputs) = rec.pointer_mut("/state/heat_outputs") {
        if !outputs.is_string() {
            *outputs = Value::String(python_json(outputs));
        }
    }
    python_json(&rec)
}

/// Python `json.dumps` with default settings: ", " / ": " separators, insertion order,
/// `ensure_ascii` (everything outside printable ASCII escaped as lowercase \uXXXX).
pub fn python_json(v: &Value) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    v.serialize(&mut ser).expect("a Value always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's compact output with Python's separators and `ensure_ascii`; control
/// characters are already escaped like Python does (\n, \u001f, ...).
struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        w.write_all(if first { b"" } else { b", " })
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        w.write_all(if first { b"" } else { b", " })
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        s: &str,
    ) -> io::Result<()> {
        for c in s.chars() {
            if (' '..='~').contains(&c) {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

/// Go `json.Marshal` of a map: compact, keys sorted, HTML-escaped. The escaped characters
/// can only occur inside strings, so escaping serde's output text is safe.
pub fn go_json(v: &Value) -> String {
    let text = serde_json::to_string(&canonical(v)).expect("a Value always serialises");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}
