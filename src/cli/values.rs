//! Value parsers shared by every subcommand's flags, so that one mistake gets one
//! usage error everywhere: revisions, resource and job ids, keys.

/// Longest resource or job id accepted (UUIDs are 36 bytes, job ids about 100): a longer
/// one is a mistake, and would make a request etcd rejects for its size.
pub const MAX_ID: usize = 512;
/// Longest etcd key accepted.
pub const MAX_KEY: usize = 4096;

/// `--rev N`: a revision is a whole number of 1 or more (0 and negatives are not "latest").
pub fn revision(s: &str) -> Result<i64, String> {
    match s.trim().parse::<i64>() {
        Ok(n) if n >= 1 => Ok(n),
        Ok(n) => Err(format!(
            "revision {n} does not exist: revisions start at 1 (leave the flag out for the latest)"
        )),
        Err(_) => Err(format!(
            "`{s}` is not a revision (a whole number, 1 or more)"
        )),
    }
}

/// A resource id or job id: not empty, not absurdly long, no control characters.
pub fn id(s: &str) -> Result<String, String> {
    text(s, "an id", MAX_ID)
}

/// A job id suffix: letters and digits, 1 to 16 of them.
pub fn suffix(s: &str) -> Result<String, String> {
    if s.is_empty() || s.len() > 16 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "`{s}` is not a job id suffix (1 to 16 letters and digits)"
        ));
    }
    Ok(s.to_string())
}

/// An etcd key.
pub fn key(s: &str) -> Result<String, String> {
    text(s, "a key", MAX_KEY)
}

fn text(s: &str, what: &str, max: usize) -> Result<String, String> {
    if s.is_empty() {
        return Err(format!("{what} cannot be empty"));
    }
    if s.len() > max {
        return Err(format!(
            "{what} of {} bytes is too long (at most {max})",
            s.len()
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(format!("{what} cannot contain control characters"));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_start_at_one() {
        assert_eq!(revision("1"), Ok(1));
        assert_eq!(revision(" 42 "), Ok(42));
        assert!(revision("0").unwrap_err().contains("start at 1"));
        assert!(revision("-3").unwrap_err().contains("start at 1"));
        assert!(revision("x").unwrap_err().contains("not a revision"));
    }

    #[test]
    fn ids_and_keys_are_checked() {
        assert_eq!(id("ddc14be4").unwrap(), "ddc14be4");
        assert!(id("").unwrap_err().contains("empty"));
        assert!(id(&"a".repeat(MAX_ID + 1))
            .unwrap_err()
            .contains("too long"));
        assert!(id("a\nb").unwrap_err().contains("control"));
        assert!(key("").unwrap_err().contains("empty"));
        assert_eq!(key("/config/").unwrap(), "/config/");
    }
}
