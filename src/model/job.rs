//! Job ids (`<action>:<handler>:<type>:<id>:<version>:<suffix>`) and job values
//! (`[handler, job, retry]`), spec §2.1–2.3.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::keys::{QueueDir, ACTIONS};
use super::registry::Registry;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct JobId {
    pub action: String,
    pub handler: String,
    pub resource_type: String,
    pub resource_id: String,
    pub version: i64,
    pub suffix: String,
}

/// A job id's parts borrowed from the id: [`JobId::parse`] without its allocations, for
/// passes over every key of a large queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobRef<'a> {
    pub action: &'a str,
    pub handler: &'a str,
    pub resource_type: &'a str,
    pub resource_id: &'a str,
    pub version: i64,
    pub suffix: &'a str,
}

impl<'a> JobRef<'a> {
    /// Parse from the left for action and handler, from the right for suffix and version
    /// (resource ids contain no `:`).
    pub fn parse(s: &'a str) -> Option<JobRef<'a>> {
        let mut left = s.splitn(3, ':');
        let action = left.next()?;
        let handler = left.next()?;
        let rest = left.next()?;
        let mut right = rest.rsplitn(3, ':');
        let suffix = right.next()?;
        let version = right.next()?.parse().ok()?;
        let middle = right.next()?;
        let (rtype, id) = middle.split_once(':')?;
        if action.is_empty() || handler.is_empty() || rtype.is_empty() || id.is_empty() {
            return None;
        }
        Some(JobRef {
            action,
            handler,
            resource_type: rtype,
            resource_id: id,
            version,
            suffix,
        })
    }
}

impl JobId {
    /// Parse from the left for action and handler, from the right for suffix and version
    /// (resource ids contain no `:`).
    pub fn parse(s: &str) -> Option<JobId> {
        let j = JobRef::parse(s)?;
        Some(JobId {
            action: j.action.into(),
            handler: j.handler.into(),
            resource_type: j.resource_type.into(),
            resource_id: j.resource_id.into(),
            version: j.version,
            suffix: j.suffix.into(),
        })
    }

    /// `port:<id>:<version>` (spec §2.1).
    pub fn job_name(&self) -> String {
        format!(
            "{}:{}:{}",
            self.resource_type, self.resource_id, self.version
        )
    }

    /// Key prefixes under which a resource's jobs live, one per (action, handler):
    /// `<action>:<handler>:<type>:<id>:` — found without scanning the queue.
    pub fn resource_prefixes(handlers: &[String], rtype: &str, id: &str) -> Vec<String> {
        let mut v = Vec::new();
        for a in ACTIONS {
            for h in handlers {
                v.push(format!("{a}:{h}:{rtype}:{id}:"));
            }
        }
        v
    }

    /// `<action>:<handler>:<type>:` — every job of a type for one action/handler.
    pub fn type_prefixes(handlers: &[String], rtype: &str) -> Vec<String> {
        let mut v = Vec::new();
        for a in ACTIONS {
            for h in handlers {
                v.push(format!("{a}:{h}:{rtype}:"));
            }
        }
        v
    }

    /// A fresh random 5-character suffix `[0-9a-z]{5}`.
    pub fn random_suffix() -> String {
        use rand::Rng;
        const CHARS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut rng = rand::rng();
        (0..5)
            .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
            .collect()
    }
}

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}:{}:{}:{}",
            self.action,
            self.handler,
            self.resource_type,
            self.resource_id,
            self.version,
            self.suffix
        )
    }
}

/// The decoded `/jobs/all/<id>` value: `[handler, job, retry]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobValue {
    pub handler: String,
    /// The job object, every field kept (unknown ones too).
    pub job: Value,
    pub retry: i64,
}

impl JobValue {
    /// Whether `v` is a `[handler, job, retry]` array, without copying it.
    pub fn check(v: &Value) -> Result<(), String> {
        Self::parts(v).map(|_| ())
    }

    pub fn from_value(v: &Value) -> Result<JobValue, String> {
        let (handler, job, retry) = Self::parts(v)?;
        Ok(JobValue {
            handler: handler.into(),
            job: job.clone(),
            retry,
        })
    }

    /// The three elements of a well-formed `[handler, job, retry]` value, borrowed.
    fn parts(v: &Value) -> Result<(&str, &Value, i64), String> {
        let arr = v
            .as_array()
            .ok_or("expected a JSON array [handler, job, retry]")?;
        let [handler, job, retry] = arr.as_slice() else {
            return Err(format!(
                "expected 3 elements [handler, job, retry], found {}",
                arr.len()
            ));
        };
        let handler = handler
            .as_str()
            .ok_or("element 0 (handler) is not a string")?;
        if !job.is_object() {
            return Err("element 1 (job) is not an object".into());
        }
        let retry = retry
            .as_i64()
            .ok_or("element 2 (retry count) is not an integer")?;
        Ok((handler, job, retry))
    }

    pub fn to_value(&self) -> Value {
        Value::Array(vec![
            Value::String(self.handler.clone()),
            self.job.clone(),
            Value::from(self.retry),
        ])
    }

    pub fn field_str(&self, name: &str) -> Option<&str> {
        self.job.get(name).and_then(Value::as_str)
    }

    pub fn dependency(&self) -> Vec<String> {
        dependency_of(&self.job)
    }

    /// Every `(resource_type, resource_id)` referenced by the params (de-duplicated:
    /// `resources` is a multiset in stored jobs, spec §2.5).
    pub fn referenced(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let params = self.job.get("params").and_then(Value::as_array);
        for p in params.into_iter().flatten() {
            for r in p
                .get("resources")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (Some(t), Some(i)) = (
                    r.get("resource_type").and_then(Value::as_str),
                    r.get("resource_id").and_then(Value::as_str),
                ) else {
                    continue;
                };
                let pair = (t.to_string(), i.to_string());
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
        out
    }
}

/// The `dependency` list of a job object (absent or malformed: none).
pub fn dependency_of(job: &Value) -> Vec<String> {
    job.get("dependency")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Retry count and dependencies of a well-formed `[handler, job, retry]` value, read in
/// place (listing views need nothing else, and a job's params can be kilobytes).
pub fn retry_and_dependency(v: &Value) -> Option<(i64, Vec<String>)> {
    let (_, job, retry) = JobValue::parts(v).ok()?;
    Some((retry, dependency_of(job)))
}

/// `/jobs/all/<action>:<handler>:<type>:<id>:` for every action × handler: the keys of
/// every job of one resource, found without a scan.
pub fn resource_job_prefixes(reg: &Registry, rtype: &str, id: &str) -> Vec<String> {
    JobId::resource_prefixes(reg.handlers(), rtype, id)
        .into_iter()
        .map(|p| QueueDir::All.key(&p))
        .collect()
}

/// `/jobs/all/<action>:<handler>:<type>:<id>:<version>:` for every action × handler.
pub fn version_job_prefixes(reg: &Registry, rtype: &str, id: &str, version: i64) -> Vec<String> {
    resource_job_prefixes(reg, rtype, id)
        .into_iter()
        .map(|p| format!("{p}{version}:"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_job_ids() {
        let id =
            JobId::parse("modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp")
                .unwrap();
        assert_eq!(id.action, "modify");
        assert_eq!(id.handler, "heat_worker");
        assert_eq!(id.resource_type, "port");
        assert_eq!(id.resource_id, "ddc14be4-3480-4e97-a978-817b18f9904c");
        assert_eq!(id.version, 3);
        assert_eq!(id.suffix, "28byp");
        assert_eq!(id.job_name(), "port:ddc14be4-3480-4e97-a978-817b18f9904c:3");
        assert_eq!(
            id.to_string(),
            "modify:heat_worker:port:ddc14be4-3480-4e97-a978-817b18f9904c:3:28byp"
        );
        let ld =
            JobId::parse("logical_delete:heat_worker:load_balancer_interface:x:12:abcde").unwrap();
        assert_eq!(ld.resource_type, "load_balancer_interface");
        assert_eq!(ld.version, 12);
        assert!(JobId::parse("modify:heat_worker:port:x:notanumber:abcde").is_none());
        assert!(JobId::parse("garbage").is_none());
    }

    #[test]
    fn suffix_shape() {
        let s = JobId::random_suffix();
        assert_eq!(s.len(), 5);
        assert!(s
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
    }

    #[test]
    fn job_value_shape_errors_are_specific() {
        let v: Value = serde_json::json!(["heat_worker", {"id": "x"}, 0]);
        assert_eq!(JobValue::from_value(&v).unwrap().retry, 0);
        let bad: Value = serde_json::json!(["heat_worker", {"id": "x"}]);
        assert!(JobValue::from_value(&bad)
            .unwrap_err()
            .contains("3 elements"));
        let bad: Value = serde_json::json!({"id": "x"});
        assert!(JobValue::from_value(&bad).unwrap_err().contains("array"));
    }

    #[test]
    fn referenced_is_deduplicated() {
        let v: Value = serde_json::json!(["heat_worker", {"params": [
            {"param": "a", "resources": [{"resource_type": "network", "resource_id": "n"}, {"resource_type": "network", "resource_id": "n"}]},
            {"param": "b", "resources": [{"resource_type": "subnet", "resource_id": "s"}]}
        ]}, 0]);
        let j = JobValue::from_value(&v).unwrap();
        assert_eq!(
            j.referenced(),
            vec![
                ("network".into(), "n".into()),
                ("subnet".into(), "s".into())
            ]
        );
    }
}
