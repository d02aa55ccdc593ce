//! The numbers of the live view that need the whole queue at once: stuck jobs (with the
//! same rules as `esi check`), working jobs whose lease expired, and the waiting jobs
//! each stuck job or failed resource holds up. Recomputed on demand (at most a few
//! times a second), never per event.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::agreement::Code;
use crate::model::job::JobId;
use crate::model::resource::Stage;
use crate::model::roots::{blocked, Root};
use crate::query::check::queue::stuck;
use crate::query::check::Ttls;

use super::Live;

/// A root cause as the live view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRoot {
    pub rtype: String,
    pub id: String,
    /// The stuck job, or none for a failed resource.
    pub job: Option<String>,
    pub why: String,
    pub blocks: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Stuck job id → why.
    pub stuck: BTreeMap<String, String>,
    pub lease_expired: usize,
    /// Waiting jobs held up by a stuck job or a failed resource, per type.
    pub blocked: BTreeMap<String, usize>,
    /// The roots, most blocking first.
    pub roots: Vec<LiveRoot>,
}

impl Live {
    /// Derive the whole-queue numbers with the lease TTLs last read.
    pub fn derive(&self, ttl: &Ttls) -> Derived {
        let stuck = stuck(&self.queue, ttl);
        let lease_expired = stuck
            .keys()
            .filter(|id| self.queue.stage(id) == Stage::Working)
            .count();
        let mut roots: Vec<Root> = stuck
            .iter()
            .filter(|(id, _)| self.queue.stage(id) != Stage::Orphaned)
            .map(|(id, why)| Root::Job {
                id: id.clone(),
                why: why.clone(),
            })
            .collect();
        roots.extend(
            self.with_verdict(Code::Failed)
                .into_iter()
                .map(|r| Root::Resource {
                    rtype: r.rtype,
                    id: r.id,
                    why: r.text,
                }),
        );
        // Nothing to hold anything up: skip the walk over every waiting job.
        let held = if roots.is_empty() {
            Vec::new()
        } else {
            blocked(&self.queue.nodes, &roots)
        };
        let mut all_blocked: BTreeSet<&str> = BTreeSet::new();
        for b in &held {
            all_blocked.extend(b.iter().map(String::as_str));
        }
        let mut per_type: BTreeMap<String, usize> = BTreeMap::new();
        for id in all_blocked {
            let t = JobId::parse(id)
                .map(|j| j.resource_type)
                .unwrap_or_default();
            *per_type.entry(t).or_default() += 1;
        }
        let mut out: Vec<LiveRoot> = roots
            .into_iter()
            .zip(&held)
            .map(|(r, b)| match r {
                Root::Job { id, why } => {
                    let (t, i) = JobId::parse(&id)
                        .map(|j| (j.resource_type, j.resource_id))
                        .unwrap_or_default();
                    LiveRoot {
                        rtype: t,
                        id: i,
                        job: Some(id),
                        why: format!("STUCK: {why}"),
                        blocks: b.len(),
                    }
                }
                Root::Resource { rtype, id, why } => LiveRoot {
                    rtype,
                    id,
                    job: None,
                    why,
                    blocks: b.len(),
                },
            })
            .collect();
        out.sort_by(|a, b| b.blocks.cmp(&a.blocks).then(a.id.cmp(&b.id)));
        Derived {
            stuck,
            lease_expired,
            blocked: per_type,
            roots: out,
        }
    }
}
