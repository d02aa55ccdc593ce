//! The assembled view of one resource across every family, at one revision: the data
//! behind `esi show`, `esi ls` rows and `watch` predicates. Built from key-values by
//! pure functions; I/O lives in `crate::query`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::agreement::Verdict;
use super::decode::{decode, Decoded, Shape};
use super::job::{JobId, JobValue};
use super::keys::{Family, QueueDir};
use super::kv::Kv;
use super::redact;

/// Version of the `show -o json` document (docs/json-output.md). Bump on breaking change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct ResourceIdent {
    #[serde(rename = "type")]
    pub rtype: String,
    pub id: String,
    pub plural: String,
    pub prefix: String,
}

/// One key of one family: present or not, its etcd metadata and decoded value.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Record {
    pub key: String,
    pub present: bool,
    pub create_revision: Option<i64>,
    pub mod_revision: Option<i64>,
    /// etcd's per-key version (number of puts since creation), not the ESI version.
    pub version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lease: Option<i64>,
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Record {
    pub fn absent(key: String) -> Record {
        Record {
            key,
            ..Default::default()
        }
    }

    pub fn from_kv(shape: Shape, kv: &Kv) -> Record {
        let Decoded {
            value,
            raw,
            warnings,
        } = decode(shape, &kv.key, &kv.value);
        Record {
            key: kv.key.clone(),
            present: true,
            create_revision: Some(kv.create_revision),
            mod_revision: Some(kv.mod_revision),
            version: Some(kv.version),
            lease: (kv.lease != 0).then_some(kv.lease),
            value,
            raw,
            warnings,
        }
    }

    /// A field of the decoded value, by path.
    pub fn get(&self, path: &[&str]) -> Option<&Value> {
        let mut v = self.value.as_ref()?;
        for p in path {
            v = v.get(*p)?;
        }
        Some(v)
    }

    pub fn esi_version(&self) -> Option<i64> {
        self.get(&["version"]).and_then(Value::as_i64)
    }

    pub fn redact(&mut self) {
        if let Some(v) = self.value.as_mut() {
            redact::redact(v);
        }
        if let Some(r) = self.raw.as_mut() {
            *r = redact::redact_text(r);
        }
        for w in &mut self.warnings {
            *w = redact::redact_text(w);
        }
    }
}

/// Where a job is in the queue (spec §3.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Waiting,
    Ready,
    Working,
    Finished,
    /// Only in `/jobs/all`: transient for milliseconds, otherwise stuck.
    Unqueued,
    /// A stage key without a `/jobs/all` entry (leftover during cleanup).
    Orphaned,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Waiting => "waiting",
            Stage::Ready => "ready",
            Stage::Working => "working",
            Stage::Finished => "finished",
            Stage::Unqueued => "unqueued",
            Stage::Orphaned => "orphaned",
        }
    }

    /// Classify from the set of directories holding the id.
    pub fn classify(dirs: &[QueueDir]) -> Stage {
        let has = |d| dirs.contains(&d);
        if !has(QueueDir::All) {
            return Stage::Orphaned;
        }
        if has(QueueDir::Finished) {
            Stage::Finished
        } else if has(QueueDir::Working) {
            Stage::Working
        } else if has(QueueDir::Ready) {
            Stage::Ready
        } else if has(QueueDir::Waiting) {
            Stage::Waiting
        } else {
            Stage::Unqueued
        }
    }

    pub fn is_active(self) -> bool {
        !matches!(self, Stage::Finished)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct JobEntry {
    pub id: String,
    pub stage: Stage,
    pub action: String,
    pub handler: String,
    pub resource_type: String,
    pub resource_id: String,
    pub version: i64,
    /// Retry counter (third element of the job array); null when the value is missing.
    pub retry: Option<i64>,
    /// Reservation UUID in `/jobs/working/<id>`.
    pub worker: Option<String>,
    pub lease: Option<i64>,
    /// Seconds left on the working lease (null at an old revision or when expired).
    pub lease_ttl: Option<i64>,
    pub dependency: Vec<String>,
    /// Dependencies still present in `/jobs/all` (not finished).
    pub pending_dependencies: Vec<String>,
    /// The directories holding the id, with their key metadata.
    pub keys: BTreeMap<&'static str, KeyMeta>,
    /// Decoded `/jobs/all` value `[handler, job, retry]`, if present.
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyMeta {
    pub key: String,
    pub create_revision: i64,
    pub mod_revision: i64,
}

impl JobEntry {
    /// Group queue key-values (any directories) into one entry per job id.
    /// Like [`JobEntry::group`] for stage keys read without `/jobs/all`: each job is
    /// assumed to have its `/jobs/all` entry (a listing does not read it).
    pub fn group_stages(kvs: impl IntoIterator<Item = (QueueDir, Kv)>) -> Vec<JobEntry> {
        let mut v = JobEntry::group(kvs);
        for j in &mut v {
            let mut dirs: Vec<QueueDir> = j
                .keys
                .keys()
                .filter_map(|k| QueueDir::ALL.into_iter().find(|d| d.name() == *k))
                .collect();
            dirs.push(QueueDir::All);
            j.stage = Stage::classify(&dirs);
        }
        v
    }

    pub fn group(kvs: impl IntoIterator<Item = (QueueDir, Kv)>) -> Vec<JobEntry> {
        let mut by_id: BTreeMap<String, Vec<(QueueDir, Kv)>> = BTreeMap::new();
        for (dir, kv) in kvs {
            let id = kv
                .key
                .strip_prefix(&dir.prefix())
                .unwrap_or(&kv.key)
                .to_string();
            by_id.entry(id).or_default().push((dir, kv));
        }
        by_id
            .into_iter()
            .map(|(id, kvs)| JobEntry::build(id, kvs))
            .collect()
    }

    fn build(id: String, kvs: Vec<(QueueDir, Kv)>) -> JobEntry {
        let parsed = JobId::parse(&id);
        let dirs: Vec<QueueDir> = kvs.iter().map(|(d, _)| *d).collect();
        let mut e = JobEntry {
            stage: Stage::classify(&dirs),
            action: parsed
                .as_ref()
                .map(|p| p.action.clone())
                .unwrap_or_default(),
            handler: parsed
                .as_ref()
                .map(|p| p.handler.clone())
                .unwrap_or_default(),
            resource_type: parsed
                .as_ref()
                .map(|p| p.resource_type.clone())
                .unwrap_or_default(),
            resource_id: parsed
                .as_ref()
                .map(|p| p.resource_id.clone())
                .unwrap_or_default(),
            version: parsed.as_ref().map(|p| p.version).unwrap_or(0),
            id,
            retry: None,
            worker: None,
            lease: None,
            lease_ttl: None,
            dependency: vec![],
            pending_dependencies: vec![],
            keys: BTreeMap::new(),
            value: None,
            raw: None,
            warnings: vec![],
        };
        if parsed.is_none() {
            e.warnings.push(format!(
                "job id `{}` does not follow <action>:<handler>:<type>:<id>:<version>:<suffix>",
                e.id
            ));
        }
        for (dir, kv) in kvs {
            e.keys.insert(
                dir.name(),
                KeyMeta {
                    key: kv.key.clone(),
                    create_revision: kv.create_revision,
                    mod_revision: kv.mod_revision,
                },
            );
            match dir {
                QueueDir::All => {
                    let d = decode(Shape::JobAll, &kv.key, &kv.value);
                    e.warnings.extend(d.warnings);
                    e.raw = d.raw;
                    if let Some(v) = d.value {
                        if let Some((retry, deps)) = crate::model::job::retry_and_dependency(&v) {
                            e.retry = Some(retry);
                            e.dependency = deps;
                        }
                        e.value = Some(v);
                    }
                }
                QueueDir::Working => {
                    e.worker = Some(kv.value_str().into_owned());
                    e.lease = (kv.lease != 0).then_some(kv.lease);
                }
                _ => {}
            }
        }
        e
    }

    pub fn job_value(&self) -> Option<JobValue> {
        self.value
            .as_ref()
            .and_then(|v| JobValue::from_value(v).ok())
    }

    /// `modify v4`
    pub fn label(&self) -> String {
        format!("{} v{}", self.action, self.version)
    }
}

/// Everything about one resource at one revision.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceView {
    pub schema_version: u32,
    pub resource: ResourceIdent,
    pub revision: i64,
    pub config: Record,
    pub worker_config: Record,
    pub heat_stack: Record,
    pub job_state: Record,
    pub state: Record,
    pub monitoring: Record,
    pub jobs: Vec<JobEntry>,
    pub verdict: Verdict,
}

impl ResourceView {
    pub fn records(&self) -> [(Family, &Record); 6] {
        [
            (Family::Config, &self.config),
            (Family::WorkerConfig, &self.worker_config),
            (Family::HeatStack, &self.heat_stack),
            (Family::JobState, &self.job_state),
            (Family::State, &self.state),
            (Family::Monitoring, &self.monitoring),
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.records().iter().all(|(_, r)| !r.present) && self.jobs.is_empty()
    }

    pub fn warnings(&self) -> Vec<String> {
        let mut w: Vec<String> = self
            .records()
            .iter()
            .flat_map(|(_, r)| r.warnings.clone())
            .collect();
        w.extend(self.jobs.iter().flat_map(|j| j.warnings.clone()));
        w
    }

    pub fn redact(&mut self) {
        for r in self.records_mut() {
            r.redact();
        }
        for j in &mut self.jobs {
            if let Some(v) = j.value.as_mut() {
                redact::redact(v);
            }
            if let Some(r) = j.raw.as_mut() {
                *r = redact::redact_text(r);
            }
            for w in &mut j.warnings {
                *w = redact::redact_text(w);
            }
        }
        // The verdict quotes values (a state's error text): redacted like them.
        self.verdict.text = redact::redact_text(&self.verdict.text);
        for r in &mut self.verdict.reasons {
            *r = redact::redact_text(r);
        }
    }

    fn records_mut(&mut self) -> [&mut Record; 6] {
        [
            &mut self.config,
            &mut self.worker_config,
            &mut self.heat_stack,
            &mut self.job_state,
            &mut self.state,
            &mut self.monitoring,
        ]
    }

    /// The newest active job (by version), if any.
    pub fn active_job(&self) -> Option<&JobEntry> {
        self.jobs
            .iter()
            .filter(|j| j.stage.is_active())
            .max_by_key(|j| (j.version, j.stage))
    }
}
