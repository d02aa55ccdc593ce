//! The audit trail's data: one record per write esi makes, put in the same etcd
//! transaction as the write (docs/json-output.md, `esi audit`). Keys sort by time:
//! `<prefix><RFC 3339 UTC, nanoseconds>-<tag>`.

use serde::{Deserialize, Serialize};

use crate::model::redact::{is_secret_name, REDACTED};

/// Where records go unless a flag or context says otherwise.
pub const DEFAULT_PREFIX: &str = "/esi-audit/";

/// Version of the record's shape (bumped on an incompatible change).
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub schema: u32,
    /// RFC 3339, UTC.
    pub time: String,
    /// `--actor`, else `user@host`.
    pub actor: String,
    /// `--reason` (required for bulk writes).
    #[serde(default)]
    pub reason: Option<String>,
    /// enqueue, replay, bulk-replay, snapshot-load.
    pub kind: String,
    /// The command line, secrets redacted.
    pub command: String,
    pub esi_version: String,
    /// One id per bulk run: every record of one `esi replay jobs` shares it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// The job written, for queue writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// `[type, id]` of each resource the write concerns.
    #[serde(default)]
    pub resources: Vec<(String, String)>,
    /// Every key the transaction puts or deletes (besides the record itself); for a
    /// snapshot load, the first [`MAX_KEYS`] of them.
    pub keys: Vec<String>,
    /// How many keys the write put in all, when `keys` lists only the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys_total: Option<usize>,
}

/// Keys listed in one record (a record must stay far below etcd's request size limit).
pub const MAX_KEYS: usize = 200;

impl AuditRecord {
    /// Does the record concern resource (rtype, id)?
    pub fn touches(&self, rtype: &str, id: &str) -> bool {
        self.resources.iter().any(|(t, i)| t == rtype && i == id)
    }
}

/// The record's key: time-ordered under `prefix` (which ends in `/`).
pub fn key(prefix: &str, time: &str, tag: &str) -> String {
    format!("{prefix}{time}-{tag}")
}

/// A command line for the record: each argument shell-quoted when needed, values of
/// secret-named flags (`--password x`, `--password=x`) and the password half of
/// `--user name:password` replaced.
pub fn redact_argv(args: &[String]) -> String {
    let mut out: Vec<String> = Vec::with_capacity(args.len());
    let mut hide_next: Option<&str> = None;
    for a in args {
        if let Some(flag) = hide_next.take() {
            out.push(quote(&hidden(flag, a)));
            continue;
        }
        if let Some((flag, value)) = a.split_once('=').filter(|(f, _)| f.starts_with("--")) {
            out.push(quote(&format!("{flag}={}", hidden(flag, value))));
            continue;
        }
        if a.starts_with("--") && (is_secret_name(a) || a == "--user") {
            hide_next = Some(a);
        }
        out.push(quote(&crate::model::redact::redact_text(a)));
    }
    out.join(" ")
}

fn hidden(flag: &str, value: &str) -> String {
    if flag == "--user" {
        return match value.split_once(':') {
            Some((name, _)) => format!("{name}:{REDACTED}"),
            None => value.to_string(),
        };
    }
    if is_secret_name(flag) {
        return REDACTED.to_string();
    }
    crate::model::redact::redact_text(value)
}

fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+%<>".contains(&b));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn secrets_on_the_command_line_are_redacted() {
        let line = redact_argv(&argv(&[
            "esi",
            "--password",
            "hunter2",
            "--user=root:s3cret",
            "--endpoints",
            "http://u:pw@10.0.0.1:2379",
            "replay",
            "jobs",
            "--reason",
            "heat was down",
        ]));
        assert!(
            !line.contains("hunter2") && !line.contains("s3cret"),
            "{line}"
        );
        assert!(!line.contains(":pw@"), "{line}");
        assert!(line.contains("--user=root:<redacted>"), "{line}");
        assert!(line.contains("'heat was down'"), "{line}");
        assert!(
            line.starts_with("esi --password '<redacted>'")
                || line.starts_with("esi --password <redacted>"),
            "{line}"
        );
    }

    #[test]
    fn keys_sort_by_time() {
        let a = key(DEFAULT_PREFIX, "2026-12-02T06:00:00.000000001Z", "b");
        let b = key(DEFAULT_PREFIX, "2026-12-02T06:00:00.000000002Z", "a");
        assert!(a < b);
    }

    #[test]
    fn records_round_trip() {
        let r = AuditRecord {
            schema: SCHEMA,
            time: "t".into(),
            actor: "ops@host".into(),
            reason: Some("why".into()),
            kind: "replay".into(),
            command: "esi replay".into(),
            esi_version: "0.1.0".into(),
            batch: None,
            job_id: Some("j".into()),
            resources: vec![("port".into(), "p".into())],
            keys: vec!["/jobs/all/j".into()],
            keys_total: None,
        };
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<AuditRecord>(&text).unwrap(), r);
        assert!(r.touches("port", "p") && !r.touches("port", "q"));
    }
}
