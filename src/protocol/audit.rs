//! Writing the audit trail: who writes, why, and the record each write carries inside
//! its own transaction (so there is never a write without its record, nor a record
//! without its write).

use std::time::SystemTime;

use crate::error::{EsiError, Result};
use crate::model::audit::{self, AuditRecord, MAX_KEYS, SCHEMA};
use crate::model::job::JobId;
use crate::store::{Op, Txn};

/// Who is writing and why; `None` prefix: auditing is off (`--no-audit`, or a context
/// with `audit = false`).
#[derive(Debug, Clone)]
pub struct Auditor {
    pub prefix: Option<String>,
    pub actor: String,
    pub reason: Option<String>,
    /// The command line, secrets redacted.
    pub command: String,
    /// Shared by every record of one bulk run.
    pub batch: Option<String>,
}

impl Auditor {
    /// The record for a write of `keys` (kind: enqueue, replay, bulk-replay,
    /// snapshot-load), as the op that puts it; `None` when auditing is off.
    pub fn op(&self, kind: &str, job_id: Option<&str>, keys: &[String]) -> Option<(String, Op)> {
        let prefix = self.prefix.as_deref()?;
        let now = SystemTime::now();
        let time = humantime::format_rfc3339_nanos(now).to_string();
        let resources = job_id
            .and_then(JobId::parse)
            .map(|j| vec![(j.resource_type, j.resource_id)])
            .unwrap_or_default();
        let rec = AuditRecord {
            schema: SCHEMA,
            time: time.clone(),
            actor: self.actor.clone(),
            reason: self.reason.clone(),
            kind: kind.to_string(),
            command: self.command.clone(),
            esi_version: env!("CARGO_PKG_VERSION").to_string(),
            batch: self.batch.clone(),
            job_id: job_id.map(String::from),
            resources,
            keys: keys.iter().take(MAX_KEYS).cloned().collect(),
            keys_total: (keys.len() > MAX_KEYS).then_some(keys.len()),
        };
        let key = audit::key(prefix, &time, &JobId::random_suffix());
        let value = serde_json::to_vec(&rec).expect("a record serialises");
        Some((key.clone(), Op::put(key, value)))
    }

    /// Put the record of `txn`'s success branch into it; returns the record's key.
    pub fn attach(&self, txn: &mut Txn, kind: &str, job_id: Option<&str>) -> Option<String> {
        let keys: Vec<String> = txn
            .success
            .iter()
            .filter(|o| !matches!(o, Op::Get(_)))
            .map(|o| o.key().to_string())
            .collect();
        let (key, op) = self.op(kind, job_id, &keys)?;
        txn.success.push(op);
        Some(key)
    }
}

/// The audit prefix: `off` (`--no-audit`, a context's `audit = false`) gives none; else
/// the prefix given (flag over context) or the default. It must start and end with `/`.
pub fn prefix(off: bool, given: Option<String>) -> Result<Option<String>> {
    if off {
        return Ok(None);
    }
    let p = given.unwrap_or_else(|| audit::DEFAULT_PREFIX.to_string());
    if !p.starts_with('/') || !p.ends_with('/') || p == "/" {
        return Err(EsiError::Usage(format!(
            "audit prefix `{p}`: give a key prefix that starts and ends with `/`, e.g. /esi-audit/"
        )));
    }
    Ok(Some(p))
}

/// `user@host` from the environment (no lookup that could fail or hang).
pub fn default_actor() -> String {
    let user = ["USER", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .or_else(user_of_uid)
        .unwrap_or_else(|| "unknown".into());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".into());
    format!("{user}@{host}")
}

/// The login name of this process's uid, from /proc and /etc/passwd (no USER set, as
/// under cron or systemd).
fn user_of_uid() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() > 2 && f[2] == uid).then(|| f[0].to_string())
    })
}
