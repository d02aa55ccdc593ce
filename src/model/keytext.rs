//! Keys as text, without loss. etcd keys are bytes; esi carries them as `String`s so
//! every rule can work on text. A key that is UTF-8 (every key ESI writes) is its own
//! text. Any other byte sequence gets a reversible form: each byte that is not part of
//! valid UTF-8 becomes [`MARK`] and two hex digits, and a literal `MARK` is doubled.
//! The map is one-to-one, so two keys never collapse into one, and the store boundaries
//! (etcd requests, backups, snapshot files) turn the text back into the exact bytes.
//! Views show the escaped bytes as `\xHH` (see `render::escape`).

use std::borrow::Cow;

/// U+10FFFF: a noncharacter, never in an ESI key; it opens an escape.
pub const MARK: char = '\u{10FFFF}';

fn hex(n: u8) -> char {
    char::from_digit(u32::from(n), 16).expect("a nibble")
}

/// The text form of a key's bytes (borrowed when the bytes are plain UTF-8).
pub fn from_bytes(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.contains(MARK) {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            out.push(c);
            if c == MARK {
                out.push(MARK);
            }
        }
        for b in chunk.invalid() {
            out.push(MARK);
            out.push(hex(b >> 4));
            out.push(hex(b & 0xf));
        }
    }
    Cow::Owned(out)
}

/// Whether `text` is plain UTF-8 text (no escaped bytes), i.e. its own bytes.
pub fn is_plain(text: &str) -> bool {
    !text.contains(MARK)
}

/// The escape at the start of `rest` (which follows a `MARK`): the byte it stands for
/// (`None` for a doubled `MARK`) and its length after the `MARK`. `None` if malformed.
pub fn escape_at(rest: &str) -> Option<(Option<u8>, usize)> {
    if rest.starts_with(MARK) {
        return Some((None, MARK.len_utf8()));
    }
    let digits = rest.get(..2)?;
    u8::from_str_radix(digits, 16)
        .ok()
        .filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|b| (Some(b), 2))
}

/// The exact key bytes a text form stands for (borrowed for plain text). A stray
/// `MARK` that opens no escape is kept as its UTF-8 bytes.
pub fn to_bytes(text: &str) -> Cow<'_, [u8]> {
    if is_plain(text) {
        return Cow::Borrowed(text.as_bytes());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        i += c.len_utf8();
        if c != MARK {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            continue;
        }
        match escape_at(&text[i..]) {
            Some((Some(b), n)) => {
                out.push(b);
                i += n;
            }
            // A doubled MARK, or a stray one: the character itself.
            other => {
                out.extend_from_slice(MARK.encode_utf8(&mut [0; 4]).as_bytes());
                i += other.map_or(0, |(_, n)| n);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_keys_are_their_own_text() {
        assert!(matches!(
            from_bytes(b"/config/port/a"),
            Cow::Borrowed("/config/port/a")
        ));
        assert!(matches!(to_bytes("/config/port/a"), Cow::Borrowed(_)));
    }

    #[test]
    fn other_bytes_round_trip_and_stay_distinct() {
        let keys: [&[u8]; 5] = [
            b"/a\xff",
            b"/a\xfe",
            "/a\u{fffd}".as_bytes(),
            "/a\u{10ffff}ff".as_bytes(),
            b"/a\xf4\x8f\xbf",
        ];
        let texts: Vec<String> = keys.iter().map(|k| from_bytes(k).into_owned()).collect();
        for (k, t) in keys.iter().zip(&texts) {
            assert_eq!(to_bytes(t).as_ref(), *k, "{t:?}");
        }
        let distinct: std::collections::BTreeSet<_> = texts.iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }
}
