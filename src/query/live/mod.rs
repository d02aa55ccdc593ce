//! The live picture of the whole fleet behind `esi top` and `esi exporter`: one pinned
//! read, then every watch event applied in revision order (a reflector, as kube-runtime
//! has one). It holds the queue as `esi check` reads it, each resource's family records
//! (so its verdict is recomputed when any of its keys or jobs changes, with the same rules
//! as `ls` and `check`), the election key, and counters kept incrementally (jobs per
//! stage, verdicts per type). The costlier numbers (stuck, blocked) are derived on demand
//! ([`derive`]); the I/O (load, watch, lease TTLs) is in [`reflect`].

pub mod derive;
pub mod reflect;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::model::agreement::Code;
use crate::model::job::JobId;
use crate::model::keys::{classify, Family, KeyKind, QueueDir};
use crate::model::kv::{EventKind, Kv, WatchEvent};
use crate::model::registry::Registry;
use crate::model::resource::{JobEntry, ResourceView, Stage};
use crate::model::roots::Node;
use crate::query::check::read::blocking_of;
use crate::query::check::Queue;

/// (type, id) of a resource.
pub type Rid = (String, String);

/// How far back the finish rate looks.
pub const RATE_WINDOW: Duration = Duration::from_secs(60);

/// A resource as the live view keeps it: its records (the listed families) and verdict.
#[derive(Debug, Default)]
struct Res {
    fams: [Option<Kv>; 6],
    code: Option<Code>,
    text: String,
}

/// A resource's verdict and the record revisions that order "latest failures".
#[derive(Debug, Clone)]
pub struct ResourceBrief {
    pub rtype: String,
    pub id: String,
    pub code: Code,
    pub text: String,
    /// The newest mod revision of its records.
    pub changed: i64,
}

pub struct Live {
    reg: Arc<Registry>,
    /// Every event up to this revision is applied.
    pub revision: i64,
    pub queue: Queue,
    /// Job id → the revision it entered the queue (its first key's create revision).
    created: HashMap<String, i64>,
    /// Every queued job, newest first.
    newest: BTreeSet<(Reverse<i64>, String)>,
    resources: HashMap<Rid, Res>,
    jobs_of: HashMap<Rid, BTreeSet<String>>,
    /// Dependency → waiting jobs that list it among their pending dependencies.
    dependents: HashMap<String, Vec<String>>,
    /// (stage, type, action) → jobs.
    stages: BTreeMap<(Stage, String, String), i64>,
    /// (type, verdict) → resources.
    verdicts: BTreeMap<(String, Code), i64>,
    /// `/job_manager_id`.
    pub manager: Option<Kv>,
    finishes: VecDeque<(Instant, String)>,
    /// Type → jobs seen reaching the finished stage (a counter: never goes down).
    finished_total: BTreeMap<String, u64>,
    dirty: HashSet<Rid>,
}

impl Live {
    pub fn new(reg: Arc<Registry>, revision: i64) -> Live {
        Live {
            reg,
            revision,
            queue: Queue::default(),
            created: HashMap::new(),
            newest: BTreeSet::new(),
            resources: HashMap::new(),
            jobs_of: HashMap::new(),
            dependents: HashMap::new(),
            stages: BTreeMap::new(),
            verdicts: BTreeMap::new(),
            manager: None,
            finishes: VecDeque::new(),
            finished_total: BTreeMap::new(),
            dirty: HashSet::new(),
        }
    }

    pub fn shared_registry(&self) -> Arc<Registry> {
        self.reg.clone()
    }

    /// Apply the events of one revision (in order), then recompute the verdicts they
    /// touched.
    pub fn apply(&mut self, revision: i64, events: &[WatchEvent], now: Instant) {
        for e in events {
            let kv = (e.kind == EventKind::Put).then_some(&e.kv);
            self.apply_key(&e.kv.key, kv, now);
        }
        self.revision = self.revision.max(revision);
        self.settle();
    }

    /// One key's new value (`None`: deleted).
    pub(crate) fn apply_key(&mut self, key: &str, kv: Option<&Kv>, now: Instant) {
        match classify(&self.reg, key) {
            KeyKind::Job { dir, job_id } => self.job_key(dir, &job_id, kv, now),
            KeyKind::Resource { family, rtype, id } if family != Family::WorkerConfig => {
                let slot = Family::ALL
                    .iter()
                    .position(|f| *f == family)
                    .expect("family");
                let rid = (rtype, id);
                self.resources.entry(rid.clone()).or_default().fams[slot] = kv.cloned();
                self.dirty.insert(rid);
            }
            KeyKind::JobManagerId => self.manager = kv.cloned(),
            _ => {}
        }
    }

    fn stage_of(&self, id: &str) -> Option<Stage> {
        self.queue
            .dirs
            .get(id)
            .map(|d| Stage::classify(d.as_slice()))
    }

    fn job_key(&mut self, dir: QueueDir, id: &str, kv: Option<&Kv>, now: Instant) {
        let before = self.stage_of(id);
        let parsed = JobId::parse(id);
        let rid: Rid = parsed
            .as_ref()
            .map(|j| (j.resource_type.clone(), j.resource_id.clone()))
            .unwrap_or_default();
        match kv {
            Some(kv) => {
                let dirs = self.queue.dirs.entry(id.to_string()).or_default();
                if !dirs.contains(&dir) {
                    dirs.push(dir);
                }
                if !self.created.contains_key(id) {
                    self.created.insert(id.to_string(), kv.create_revision);
                    self.newest
                        .insert((Reverse(kv.create_revision), id.to_string()));
                    self.jobs_of
                        .entry(rid.clone())
                        .or_default()
                        .insert(id.to_string());
                }
                match dir {
                    QueueDir::Working => {
                        let r = (kv.value_str().into_owned(), kv.lease);
                        self.queue.working.insert(id.to_string(), r);
                    }
                    QueueDir::All if !kv.value.is_empty() => self.node_put(id, &rid, &kv.value),
                    QueueDir::All => {
                        let node = self.queue.nodes.entry(id.to_string()).or_default();
                        node.resource = rid.clone();
                    }
                    _ => {}
                }
            }
            None => {
                if let Some(dirs) = self.queue.dirs.get_mut(id) {
                    dirs.retain(|d| *d != dir);
                    if dirs.is_empty() {
                        self.queue.dirs.remove(id);
                        self.forget(id, &rid);
                    }
                }
                match dir {
                    QueueDir::Working => {
                        self.queue.working.remove(id);
                    }
                    QueueDir::All => self.node_gone(id),
                    _ => {}
                }
            }
        }
        let after = self.stage_of(id);
        if let Some(n) = self.queue.nodes.get_mut(id) {
            n.waiting = after == Some(Stage::Waiting);
        }
        if before != after {
            let (t, a) = parsed
                .map(|j| (j.resource_type, j.action))
                .unwrap_or_else(|| ("?".into(), "?".into()));
            if let Some(b) = before {
                self.count(b, &t, &a, -1);
            }
            if let Some(s) = after {
                self.count(s, &t, &a, 1);
                if s == Stage::Finished {
                    self.finishes.push_back((now, t.clone()));
                    *self.finished_total.entry(t.clone()).or_default() += 1;
                }
            }
        }
        self.dirty.insert(rid);
    }

    fn count(&mut self, s: Stage, t: &str, a: &str, by: i64) {
        let k = (s, t.to_string(), a.to_string());
        let n = self.stages.entry(k.clone()).or_default();
        *n += by;
        if *n <= 0 {
            self.stages.remove(&k);
        }
    }

    fn forget(&mut self, id: &str, rid: &Rid) {
        if let Some(c) = self.created.remove(id) {
            self.newest.remove(&(Reverse(c), id.to_string()));
        }
        if let Some(s) = self.jobs_of.get_mut(rid) {
            s.remove(id);
            if s.is_empty() {
                self.jobs_of.remove(rid);
            }
        }
    }

    /// A `/jobs/all` value: the job's blocking node (dependencies still queued).
    fn node_put(&mut self, id: &str, rid: &Rid, value: &[u8]) {
        // An unreadable value is reported as `esi check` reports it, and blocks nothing.
        let (deps, refs) = match blocking_of(value) {
            Ok(r) => r,
            Err(why) => {
                self.queue.unreadable.push((QueueDir::All.key(id), why));
                Default::default()
            }
        };
        let pending: Vec<String> = deps
            .into_iter()
            .filter(|d| d == id || self.queue.nodes.contains_key(d))
            .collect();
        for d in &pending {
            self.dependents
                .entry(d.clone())
                .or_default()
                .push(id.to_string());
        }
        let node = self.queue.nodes.entry(id.to_string()).or_default();
        node.resource = rid.clone();
        node.pending = pending;
        node.referenced = refs;
    }

    /// A job left `/jobs/all`: it is no longer anyone's pending dependency.
    fn node_gone(&mut self, id: &str) {
        self.queue.nodes.remove(id);
        for w in self.dependents.remove(id).unwrap_or_default() {
            if let Some(n) = self.queue.nodes.get_mut(&w) {
                n.pending.retain(|d| d != id);
            }
        }
    }

    /// Recompute the verdicts of the resources touched since the last call.
    pub fn settle(&mut self) {
        let dirty: Vec<Rid> = self.dirty.drain().collect();
        for rid in dirty {
            self.reverdict(rid);
        }
    }

    fn reverdict(&mut self, rid: Rid) {
        let old = self.resources.get(&rid).and_then(|r| r.code);
        if let Some(c) = old {
            self.tally(&rid.0, c, -1);
        }
        let reg = self.reg.clone();
        let Some(t) = reg.get(&rid.0) else {
            return;
        };
        let jobs = self.stage_kvs(&rid);
        let fams = self
            .resources
            .get(&rid)
            .map(|r| r.fams.clone())
            .unwrap_or_default();
        if jobs.is_empty() && fams.iter().all(Option::is_none) {
            self.resources.remove(&rid);
            return;
        }
        let jobs = JobEntry::group_stages(jobs);
        let view = ResourceView::assemble(t, &rid.1, self.revision, fams, jobs);
        let code = view.verdict.code;
        let res = self.resources.entry(rid.clone()).or_default();
        res.code = Some(code);
        res.text = view.verdict.text;
        self.tally(&rid.0, code, 1);
    }

    /// The resource's stage keys as a listing reads them (keys only, working with its
    /// reservation and lease), so verdicts are the ones `ls` and `check` give.
    fn stage_kvs(&self, rid: &Rid) -> Vec<(QueueDir, Kv)> {
        let mut out = Vec::new();
        for id in self.jobs_of.get(rid).into_iter().flatten() {
            for dir in self.queue.dirs.get(id).into_iter().flatten() {
                if *dir == QueueDir::All {
                    continue;
                }
                let (value, lease) = match (dir, self.queue.working.get(id)) {
                    (QueueDir::Working, Some((v, l))) => (v.clone().into_bytes(), *l),
                    _ => (Vec::new(), 0),
                };
                let kv = Kv {
                    key: dir.key(id),
                    value,
                    lease,
                    ..Default::default()
                };
                out.push((*dir, kv));
            }
        }
        out
    }

    fn tally(&mut self, t: &str, c: Code, by: i64) {
        let k = (t.to_string(), c);
        let n = self.verdicts.entry(k.clone()).or_default();
        *n += by;
        if *n <= 0 {
            self.verdicts.remove(&k);
        }
    }

    /// Jobs per (stage, type, action).
    pub fn stage_counts(&self) -> &BTreeMap<(Stage, String, String), i64> {
        &self.stages
    }

    /// Resources per (type, verdict).
    pub fn verdict_counts(&self) -> &BTreeMap<(String, Code), i64> {
        &self.verdicts
    }

    /// Jobs that reached the finished stage within [`RATE_WINDOW`], per type.
    pub fn finished_recently(&mut self, now: Instant) -> BTreeMap<String, usize> {
        while self
            .finishes
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) > RATE_WINDOW)
        {
            self.finishes.pop_front();
        }
        let mut m = BTreeMap::new();
        for (_, t) in &self.finishes {
            *m.entry(t.clone()).or_default() += 1;
        }
        m
    }

    /// Type → jobs seen reaching the finished stage since the view started.
    pub fn finished_total(&self) -> &BTreeMap<String, u64> {
        &self.finished_total
    }

    /// Queued jobs, newest first.
    pub fn newest(&self) -> impl Iterator<Item = &str> {
        self.newest.iter().map(|(_, id)| id.as_str())
    }

    pub fn stage(&self, id: &str) -> Stage {
        self.queue.stage(id)
    }

    /// Resources whose verdict is `code`, most recently changed first.
    pub fn with_verdict(&self, code: Code) -> Vec<ResourceBrief> {
        let mut v: Vec<ResourceBrief> = self
            .resources
            .iter()
            .filter(|(_, r)| r.code == Some(code))
            .map(|((t, id), r)| ResourceBrief {
                rtype: t.clone(),
                id: id.clone(),
                code,
                text: r.text.clone(),
                changed: r
                    .fams
                    .iter()
                    .flatten()
                    .map(|k| k.mod_revision)
                    .max()
                    .unwrap_or(0),
            })
            .collect();
        v.sort_by(|a, b| b.changed.cmp(&a.changed).then(a.id.cmp(&b.id)));
        v
    }

    /// A record of a resource, decoded, if present.
    pub fn record(&self, rid: &Rid, family: Family) -> Option<&Kv> {
        let slot = Family::ALL.iter().position(|f| *f == family)?;
        self.resources.get(rid)?.fams[slot].as_ref()
    }

    /// A job's blocking node.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.queue.nodes.get(id)
    }
}

#[cfg(test)]
mod tests;
