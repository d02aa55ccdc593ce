//! What reaches a terminal is text, never commands: stored strings may hold ESC, BEL,
//! CR, BS, NUL, C1 controls or bidi overrides, which could set the window title, draw
//! fake links, clear the screen or forge a row. Every human view and stderr line passes
//! through [`terminal_safe`]; table cells through [`field`]; JSON through [`json_safe`].

use std::borrow::Cow;

use crate::model::keytext::{self, MARK};

/// Bidi embedding/override/isolate characters: they reorder what follows on screen.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

fn push_escaped(out: &mut String, c: char) {
    if (c as u32) < 0x80 {
        out.push_str(&format!("\\x{:02x}", c as u32));
    } else {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    }
}

/// The length of an SGR colour sequence (`ESC [ digits ; … m`) at the start of `s`, the
/// only escape esi itself writes.
fn sgr_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("\u{1b}[")?;
    let n = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (rest.as_bytes().get(n) == Some(&b'm')).then_some(2 + n + 1)
}

fn escape(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && (c == '\n' || c == '\t'))) || is_bidi(c) || c == MARK
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c == '\u{1b}' && keep_lines {
            if let Some(n) = sgr_len(&s[i..]) {
                out.push_str(&s[i..i + n]);
                i += n;
                continue;
            }
        }
        if c == MARK {
            let (text, n) = mark_escape(&s[i + c.len_utf8()..]);
            out.push_str(&text);
            i += c.len_utf8() + n;
            continue;
        }
        if unsafe_char(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    Cow::Owned(out)
}

/// A `keytext` escape (after its `MARK`) as readable text, and its length.
fn mark_escape(rest: &str) -> (String, usize) {
    match keytext::escape_at(rest) {
        Some((Some(b), n)) => (format!("\\x{b:02x}"), n),
        other => ("\\u{10ffff}".to_string(), other.map_or(0, |(_, n)| n)),
    }
}

/// A whole human view or stderr line: newlines, tabs and esc's own colours pass, every
/// other control or bidi character is shown escaped (`\x1b`, `\u{202e}`).
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// One value inside a table row or a one-line field: newlines and tabs escaped too, so
/// a stored value cannot forge a row.
pub fn field(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// JSON text with C1 controls and bidi characters as `\uXXXX` (serde_json escapes only
/// C0). They can only stand inside strings, so replacing them keeps the JSON valid.
pub fn json_safe(s: String) -> String {
    if !s.chars().any(|c| is_c1(c) || is_bidi(c) || c == MARK) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        i += c.len_utf8();
        if c == MARK {
            // Inside a JSON string, so the backslash of `\xHH` is itself escaped.
            let (text, n) = mark_escape(&s[i..]);
            out.push_str(&text.replace('\\', "\\\\"));
            i += n;
        } else if is_c1(c) || is_bidi(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_colours_kept() {
        let hostile = "port\u{1b}]0;pwned\u{7}\r\u{8}\u{0}\u{9b}2J\u{202e}x";
        assert_eq!(
            terminal_safe(hostile),
            "port\\x1b]0;pwned\\x07\\x0d\\x08\\x00\\u{9b}2J\\u{202e}x"
        );
        let coloured = "\u{1b}[1;31mFAILED\u{1b}[0m\n";
        assert_eq!(terminal_safe(coloured), coloured);
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(field("a\nforged row"), "a\\x0aforged row");
        assert!(matches!(terminal_safe("fine"), Cow::Borrowed(_)));
    }

    #[test]
    fn key_bytes_read_as_hex_everywhere() {
        let key = keytext::from_bytes(b"/config/port/a\xff\x1b").into_owned();
        assert_eq!(terminal_safe(&key), "/config/port/a\\xff\\x1b");
        let json = json_safe(serde_json::to_string(&serde_json::json!({ "key": key })).unwrap());
        assert_eq!(json, r#"{"key":"/config/port/a\\xff\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["key"], "/config/port/a\\xff\u{1b}");
    }

    #[test]
    fn json_keeps_valid_and_escapes_c1_and_bidi() {
        let v = serde_json::json!({"name": "a\u{9b}b\u{202e}c"});
        let text = json_safe(serde_json::to_string(&v).unwrap());
        assert_eq!(text, r#"{"name":"a\u009bb\u202ec"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
