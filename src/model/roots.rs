//! Root causes of a blocked queue (spec §2.6, §3.3): which stuck jobs and failed
//! resources the waiting jobs wait on, transitively. Pure: built from what `esi check`
//! read at one revision.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// A job in flight, as far as blocking goes.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// (type, id) of the job's resource.
    pub resource: (String, String),
    /// Dependencies still in `/jobs/all` (waiting jobs only).
    pub pending: Vec<String>,
    /// Resources the job's params reference (waiting jobs only).
    pub referenced: Vec<(String, String)>,
    pub waiting: bool,
}

/// Something that holds other jobs up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// A job in flight that will not progress by itself, and why.
    Job { id: String, why: String },
    /// A resource whose last job failed, with its verdict text.
    Resource {
        rtype: String,
        id: String,
        why: String,
    },
}

/// Every waiting job each root holds up, directly or through other waiting jobs, in id
/// order. Roots that hold nothing up are kept (with an empty list): a failure is a
/// cause even before anything waits on it.
pub fn blocked(jobs: &BTreeMap<String, Node>, roots: &[Root]) -> Vec<Vec<String>> {
    // dependents[d] = waiting jobs with d among their pending dependencies.
    let mut dependents: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut referencing: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    let mut of_resource: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for (id, n) in jobs {
        of_resource
            .entry((n.resource.0.as_str(), n.resource.1.as_str()))
            .or_default()
            .push(id);
        if !n.waiting {
            continue;
        }
        for d in &n.pending {
            dependents.entry(d.as_str()).or_default().push(id);
        }
        for (t, i) in &n.referenced {
            referencing
                .entry((t.as_str(), i.as_str()))
                .or_default()
                .push(id);
        }
    }
    roots
        .iter()
        .map(|root| {
            let (seeds, own): (Vec<&str>, Option<&str>) = match root {
                Root::Job { id, .. } => (vec![id.as_str()], Some(id.as_str())),
                Root::Resource { rtype, id, .. } => {
                    let key = (rtype.as_str(), id.as_str());
                    let mut s = of_resource.get(&key).cloned().unwrap_or_default();
                    s.extend(referencing.get(&key).into_iter().flatten());
                    (s, None)
                }
            };
            let mut seen: HashSet<&str> = HashSet::new();
            let mut queue: VecDeque<&str> = seeds.into_iter().collect();
            while let Some(j) = queue.pop_front() {
                if !seen.insert(j) {
                    continue;
                }
                for w in dependents.get(j).into_iter().flatten() {
                    queue.push_back(w);
                }
            }
            let mut out: Vec<String> = seen
                .into_iter()
                .filter(|j| Some(*j) != own && jobs.get(*j).is_some_and(|n| n.waiting))
                .map(String::from)
                .collect();
            out.sort();
            out
        })
        .collect()
}

/// The job a waiting job ultimately waits for: follow the first pending dependency until
/// a job with none (or a cycle, which then is the answer). `None` if `job` waits on
/// nothing.
pub fn ultimate<'a>(jobs: &'a BTreeMap<String, Node>, job: &'a str) -> Option<&'a str> {
    let mut at = job;
    let mut seen = HashSet::new();
    while let Some(next) = jobs.get(at).and_then(|n| n.pending.first()) {
        if !seen.insert(at) || !jobs.contains_key(next.as_str()) {
            return Some(next);
        }
        at = next;
    }
    (at != job).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(t: &str, id: &str, pending: &[&str], refs: &[(&str, &str)]) -> Node {
        Node {
            resource: (t.into(), id.into()),
            pending: pending.iter().map(|s| s.to_string()).collect(),
            referenced: refs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            waiting: !pending.is_empty() || !refs.is_empty(),
        }
    }

    /// network job n (stuck) ← subnet job s ← port jobs p1, p2; p3 references a failed
    /// network f without waiting on a job of it.
    fn three_levels() -> BTreeMap<String, Node> {
        let mut m = BTreeMap::new();
        m.insert("n".into(), node("network", "N", &[], &[]));
        m.insert("s".into(), node("subnet", "S", &["n"], &[("network", "N")]));
        m.insert("p1".into(), node("port", "P1", &["s"], &[("subnet", "S")]));
        m.insert("p2".into(), node("port", "P2", &["s"], &[]));
        m.insert("p3".into(), node("port", "P3", &[], &[("network", "F")]));
        m
    }

    #[test]
    fn a_stuck_job_blocks_its_waiters_transitively() {
        let jobs = three_levels();
        let roots = [
            Root::Job {
                id: "n".into(),
                why: "unqueued".into(),
            },
            Root::Resource {
                rtype: "network".into(),
                id: "F".into(),
                why: "FAILED".into(),
            },
        ];
        let b = blocked(&jobs, &roots);
        assert_eq!(b[0], vec!["p1", "p2", "s"]);
        assert_eq!(
            b[1],
            vec!["p3"],
            "a reference to a failed resource blocks too"
        );
        assert_eq!(ultimate(&jobs, "p1"), Some("n"));
        assert_eq!(ultimate(&jobs, "n"), None);
    }

    #[test]
    fn cycles_end() {
        let mut m = BTreeMap::new();
        m.insert("a".into(), node("port", "A", &["b"], &[]));
        m.insert("b".into(), node("port", "B", &["a"], &[]));
        let roots = [Root::Job {
            id: "a".into(),
            why: "cycle".into(),
        }];
        assert_eq!(blocked(&m, &roots)[0], vec!["b"]);
        assert!(ultimate(&m, "a").is_some());
    }
}
