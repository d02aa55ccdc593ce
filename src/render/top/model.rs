//! What one frame of `esi top` shows, as plain data built from the live view: the
//! queue per type (with verdicts and the finish rate), the window of in-flight jobs the
//! screen has room for, the latest failures and the engine. Built at most a few times a
//! second; the job list is walked only as far as the window needs.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::model::agreement::Code;
use crate::model::decode::Shape;
use crate::model::job::JobId;
use crate::model::keys::Family;
use crate::model::resource::{Record, Stage};
use crate::query::live::derive::Derived;
use crate::query::live::reflect::Reflector;
use crate::render::escape::terminal_safe;

/// One row of the queue table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueRow {
    pub rtype: String,
    /// waiting, ready, working, finished, unqueued, orphaned.
    pub stages: [i64; 6],
    pub finished_last_minute: usize,
    /// "in_sync 120, failed 3"
    pub verdicts: String,
}

/// One in-flight job.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobLine {
    pub id: String,
    pub stage: String,
    pub action: String,
    pub rtype: String,
    pub rid: String,
    pub version: i64,
    /// Working: the reservation (first 8) and the lease TTL left; waiting: what it waits on.
    pub detail: String,
}

/// One of the latest failures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailLine {
    pub rtype: String,
    pub rid: String,
    pub worker_state: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopView {
    pub target: String,
    pub revision: i64,
    pub queue: Vec<QueueRow>,
    /// The in-flight jobs matching the filter, newest first: `jobs_from` is the index of
    /// `jobs[0]` among them, `jobs_total` how many match.
    pub jobs: Vec<JobLine>,
    pub jobs_from: usize,
    pub jobs_total: usize,
    pub failures: Vec<FailLine>,
    pub manager: String,
    pub stuck: usize,
    pub blocked: usize,
    /// The last watch event (reconnect, gap), with its time.
    pub note: Option<String>,
}

pub const STAGES: [Stage; 6] = [
    Stage::Waiting,
    Stage::Ready,
    Stage::Working,
    Stage::Finished,
    Stage::Unqueued,
    Stage::Orphaned,
];

/// Does a job match the `/` filter: a type name (exact) or a piece of the id.
pub fn matches(filter: &str, id: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    let t = JobId::parse(id)
        .map(|j| j.resource_type)
        .unwrap_or_default();
    t == filter || id.contains(filter)
}

/// Build the frame: the window `[from, from + rows)` of matching jobs.
pub fn build(
    r: &mut Reflector,
    d: &Derived,
    target: &str,
    filter: &str,
    from: usize,
    rows: usize,
) -> TopView {
    let now = Instant::now();
    let rate = r.live.finished_recently(now);
    let mut queue: BTreeMap<String, QueueRow> = BTreeMap::new();
    for ((stage, t, _), n) in r.live.stage_counts() {
        let row = queue.entry(t.clone()).or_default();
        if let Some(i) = STAGES.iter().position(|s| s == stage) {
            row.stages[i] += n;
        }
    }
    let mut verdicts: BTreeMap<&str, Vec<(Code, i64)>> = BTreeMap::new();
    for ((t, c), n) in r.live.verdict_counts() {
        verdicts.entry(t).or_default().push((*c, *n));
    }
    for (t, vs) in &verdicts {
        let row = queue.entry(t.to_string()).or_default();
        // Problems first, then the rest: what an operator looks for.
        let mut vs = vs.clone();
        vs.sort_by_key(|(c, n)| (*c == Code::InSync, std::cmp::Reverse(*n)));
        row.verdicts = vs
            .iter()
            .map(|(c, n)| format!("{} {n}", c.name()))
            .collect::<Vec<_>>()
            .join(", ");
    }
    for (t, row) in queue.iter_mut() {
        row.rtype = t.clone();
        row.finished_last_minute = rate.get(t).copied().unwrap_or(0);
    }
    let (jobs, total) = window(r, filter, from, rows);
    // Types with jobs or problems first: the table has room for a few.
    let mut queue: Vec<QueueRow> = queue.into_values().collect();
    queue.sort_by_key(|q| {
        let quiet = q.stages.iter().all(|n| *n == 0)
            && q.verdicts.split(", ").all(|v| v.starts_with("in_sync"));
        (quiet, q.rtype.clone())
    });
    TopView {
        target: target.to_string(),
        revision: r.live.revision,
        queue,
        jobs,
        jobs_from: from,
        jobs_total: total,
        failures: failures(r, 5),
        manager: manager(r),
        stuck: d.stuck.len(),
        blocked: d.blocked.values().sum(),
        note: r.last_note.as_ref().map(|n| {
            let t = humantime::format_rfc3339_seconds(n.at);
            format!("{t} {}", n.text)
        }),
    }
}

fn window(r: &Reflector, filter: &str, from: usize, rows: usize) -> (Vec<JobLine>, usize) {
    let mut out = Vec::new();
    let mut total = 0;
    for id in r.live.newest().filter(|id| matches(filter, id)) {
        if total >= from && out.len() < rows {
            out.push(line(r, id));
        }
        total += 1;
    }
    (out, total)
}

fn line(r: &Reflector, id: &str) -> JobLine {
    let j = JobId::parse(id);
    let stage = r.live.stage(id);
    let detail = match stage {
        Stage::Working => match r.live.queue.working.get(id) {
            Some((worker, lease)) => {
                let w: String = worker.chars().take(8).collect();
                match (*lease, r.ttl_left(*lease)) {
                    (0, _) => format!("{w} no lease"),
                    (_, Some(t)) => format!("{w} ttl {t}s"),
                    (_, None) => format!("{w} lease expired"),
                }
            }
            None => String::new(),
        },
        Stage::Waiting => match r.live.node(id).map(|n| n.pending.as_slice()) {
            Some([]) | None => "waits on nothing".into(),
            Some([one]) => format!("on {}", crate::model::text::short_job(one)),
            Some([one, rest @ ..]) => {
                format!("on {} +{}", crate::model::text::short_job(one), rest.len())
            }
        },
        _ => String::new(),
    };
    JobLine {
        id: id.to_string(),
        stage: stage.name().to_string(),
        action: j.as_ref().map(|j| j.action.clone()).unwrap_or_default(),
        rtype: j
            .as_ref()
            .map(|j| j.resource_type.clone())
            .unwrap_or_default(),
        rid: j
            .as_ref()
            .map(|j| j.resource_id.clone())
            .unwrap_or_else(|| id.into()),
        version: j.map(|j| j.version).unwrap_or(0),
        detail: terminal_safe(&detail).into_owned(),
    }
}

fn failures(r: &Reflector, n: usize) -> Vec<FailLine> {
    r.live
        .with_verdict(Code::Failed)
        .into_iter()
        .take(n)
        .map(|b| {
            let rid = (b.rtype.clone(), b.id.clone());
            let field = |fam: Family, path: &[&str]| {
                let kv = r.live.record(&rid, fam)?;
                let rec = Record::from_kv(Shape::Family(fam), kv);
                rec.get(path).map(crate::render::short)
            };
            let worker_state = field(Family::State, &["state", "worker_state"]).unwrap_or_default();
            let reason = field(Family::State, &["error"])
                .filter(|e| !e.is_empty())
                .or_else(|| field(Family::HeatStack, &["status_reason"]))
                .unwrap_or(b.text);
            FailLine {
                rtype: b.rtype,
                rid: b.id,
                worker_state: terminal_safe(&worker_state).into_owned(),
                // The reason quotes a state's error text: redacted like every output.
                reason: terminal_safe(&crate::model::redact::redact_text(&reason)).into_owned(),
            }
        })
        .collect()
}

fn manager(r: &Reflector) -> String {
    match &r.live.manager {
        None => "no job manager".into(),
        Some(kv) => {
            let id: String = kv.value_str().chars().take(12).collect();
            let id = terminal_safe(&id).into_owned();
            match (kv.lease, r.ttl_left(kv.lease)) {
                (0, _) => format!("manager {id} (no lease)"),
                (_, Some(t)) => format!("manager {id} ttl {t}s"),
                (_, None) => format!("manager {id} lease expired"),
            }
        }
    }
}
