//! The parts of a check report every check builds: the status, one check line, and the
//! thresholds that are a matter of taste.

use std::collections::HashMap;

use serde::Serialize;

/// Lease id → seconds left (`None`: expired).
pub type Ttls = HashMap<i64, Option<i64>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Fail => "FAIL",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: String,
    pub status: Status,
    /// How many offenders (or items counted).
    pub count: usize,
    pub summary: String,
    /// The first few offenders: ids an operator can paste.
    pub offenders: Vec<String>,
    /// The esi command that goes further.
    pub hint: Option<String>,
}

impl Check {
    pub fn new(name: &str, status: Status, count: usize, summary: String) -> Check {
        Check {
            name: name.into(),
            status,
            count,
            summary,
            offenders: vec![],
            hint: None,
        }
    }

    /// A problem check: `bad` when anything was found, else OK.
    pub fn found(name: &str, bad: Status, items: Vec<String>, show: usize, what: &str) -> Check {
        let status = if items.is_empty() { Status::Ok } else { bad };
        let summary = if items.is_empty() {
            format!("none ({what})")
        } else {
            format!("{} {what}", items.len())
        };
        Check {
            count: items.len(),
            offenders: items.into_iter().take(show).collect(),
            ..Check::new(name, status, 0, summary)
        }
    }

    pub fn hint(mut self, h: impl Into<String>) -> Check {
        if self.status != Status::Ok || self.name == "queue.stages" {
            self.hint = Some(h.into());
        }
        self
    }
}

/// Thresholds that are a matter of taste (flags with documented defaults).
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Resource type ids to check (empty: every type).
    pub types: Vec<String>,
    /// Failed resources of a type up to this many are WARN, more FAIL.
    pub max_failed: usize,
    /// Stale resources of a type up to this many are WARN, more FAIL.
    pub max_stale: usize,
    /// etcd's backend quota (etcd's --quota-backend-bytes; default 2 GiB).
    pub db_quota: i64,
    pub db_warn_pct: f64,
    pub db_fail_pct: f64,
    /// Offenders listed per check.
    pub show: usize,
}
