//! Watch conditions (`esi watch --until`): what each one means over a resource view,
//! and how a set of them decides a watch (a failure ends it whatever was asked).

use serde_json::Value;

use super::registry::ResourceType;
use super::resource::ResourceView;
use super::verdict::Code;
use crate::error::{EsiError, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    InSync,
    Complete,
    Failed,
    Deleted,
    Version(i64),
    Monitoring(String),
    /// Any other verdict code, by name (`degraded`, `stale`, `deleting`, …).
    Verdict(Code),
}

impl Cond {
    pub fn parse(s: &str) -> Result<Cond> {
        Ok(match s {
            "in-sync" | "in_sync" | "insync" => Cond::InSync,
            "complete" | "completed" => Cond::Complete,
            "failed" | "fail" => Cond::Failed,
            "deleted" => Cond::Deleted,
            _ => match s.split_once('=') {
                Some(("version", n)) => Cond::Version(
                    n.parse().map_err(|_| EsiError::Usage(format!("--until {s}: version must be a number")))?,
                ),
                Some(("monitoring", v)) if !v.is_empty() => Cond::Monitoring(v.to_string()),
                _ => match Code::parse(s) {
                    Some(Code::InSync) => Cond::InSync,
                    Some(Code::Failed) => Cond::Failed,
                    Some(c) => Cond::Verdict(c),
                    None => {
                        return Err(EsiError::Usage(format!(
                            "--until {s}: expected in-sync, complete, failed, deleted, version=N, monitoring=STATUS or a verdict code (degraded, stale, …)"
                        )))
                    }
                },
            },
        })
    }

    pub fn is_failure(&self) -> bool {
        *self == Cond::Failed
    }

    pub fn holds(&self, v: &ResourceView, t: &ResourceType) -> bool {
        let ws = v
            .state
            .get(&["state", "worker_state"])
            .and_then(Value::as_str);
        match self {
            Cond::InSync => v.verdict.code == Code::InSync,
            Cond::Complete => {
                let cv = v.config.esi_version();
                cv.is_some()
                    && v.state.esi_version() == cv
                    && ws.is_some_and(|w| w.ends_with("_COMPLETED") || w == "READ_COMPLETE")
                    && v.active_job().is_none()
            }
            Cond::Failed => v.verdict.code == Code::Failed,
            Cond::Deleted => !v.config.present,
            Cond::Version(n) => v.state.esi_version().is_some_and(|sv| sv >= *n),
            Cond::Verdict(c) => v.verdict.code == *c,
            Cond::Monitoring(want) => {
                let field = t.monitoring_field.as_deref();
                match field.and_then(|f| v.monitoring.get(&[f])) {
                    Some(Value::String(s)) => s == want,
                    Some(Value::Object(m)) => {
                        !m.is_empty() && m.values().all(|x| x.as_str() == Some(want))
                    }
                    _ => false,
                }
            }
        }
    }
}

/// How a watch ends once its conditions decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Reached,
    Failed,
}

/// `None` while the watch goes on (always, without conditions).
pub fn decide(conds: &[Cond], v: &ResourceView, t: &ResourceType) -> Option<Decision> {
    decide_seen(conds, v, t, true)
}

/// [`decide`], where `existed` says whether the resource existed at some point of the
/// watch: `deleted` of a resource that never existed does not hold.
pub fn decide_seen(
    conds: &[Cond],
    v: &ResourceView,
    t: &ResourceType,
    existed: bool,
) -> Option<Decision> {
    if conds.is_empty() {
        return None;
    }
    // A failure ends the watch whatever was asked: explicitly (`failed`) or early while
    // waiting for a success condition.
    if v.verdict.code == Code::Failed {
        return Some(Decision::Failed);
    }
    conds
        .iter()
        .find(|c| !c.is_failure() && (existed || **c != Cond::Deleted) && c.holds(v, t))
        .map(|_| Decision::Reached)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::model::job::JobId;
    use crate::model::keys::{Family, QueueDir};
    use crate::model::kv::Kv;
    use crate::model::registry::Registry;
    use crate::model::resource::JobEntry;
    use crate::model::wire::{encode_config, encode_state, python_json};

    const PORT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";

    /// Key-values → view, as `query::resource::read_resource` assembles it (no I/O).
    fn view(reg: &Registry, t: &ResourceType, kvs: &[(String, String)]) -> ResourceView {
        let kv = |i: usize, key: &str, value: &str| Kv {
            key: key.to_string(),
            value: value.as_bytes().to_vec(),
            create_revision: i as i64 + 1,
            mod_revision: i as i64 + 1,
            version: 1,
            lease: 0,
        };
        let prefixes = JobId::resource_prefixes(reg.handlers(), &t.id, PORT);
        let mut families: [Option<Kv>; 6] = Default::default();
        let mut jobs = Vec::new();
        for (i, (key, value)) in kvs.iter().enumerate() {
            if let Some(slot) = Family::ALL.iter().position(|f| f.key(t, PORT) == *key) {
                families[slot] = Some(kv(i, key, value));
            } else if let Some(dir) = QueueDir::ALL.into_iter().find(|d| {
                prefixes
                    .iter()
                    .any(|p| key.starts_with(&format!("{}{p}", d.prefix())))
            }) {
                jobs.push((dir, kv(i, key, value)));
            }
        }
        ResourceView::assemble(t, PORT, kvs.len() as i64, families, JobEntry::group(jobs))
    }

    fn key(f: Family) -> String {
        format!("{}/v2.0/ports/{PORT}", f.root())
    }

    fn config(v: i64, marked: bool) -> (String, String) {
        let body = json!({"id": PORT, "name": "p", "admin_state_up": true});
        let rec = json!({"body": body, "marked_for_deletion": marked, "version": v});
        (key(Family::Config), encode_config(&rec))
    }

    fn outputs() -> Value {
        json!([{"output_key": "id", "output_value": "f68d0924", "description": "d"}])
    }

    fn stack(status: &str) -> (String, String) {
        let rec = json!({"stack_status": status, "status_reason": "", "output": outputs()});
        (key(Family::HeatStack), python_json(&rec))
    }

    fn state(v: i64, ws: &str, orch: &str, error: &str) -> (String, String) {
        let rec = json!({"error": error,
                         "state": {"heat_outputs": outputs(), "orchestration_state": orch, "worker_state": ws},
                         "version": v});
        (key(Family::State), encode_state(&rec))
    }

    fn monitoring(v: Value) -> (String, String) {
        (key(Family::Monitoring), v.to_string())
    }

    /// Port in sync at v3, monitoring `vmi` = `vmi`.
    fn synced(vmi: &str) -> Vec<(String, String)> {
        vec![
            config(3, false),
            stack("UPDATE_COMPLETE"),
            state(3, "MODIFY_COMPLETED", "UPDATE_COMPLETE", ""),
            monitoring(json!({"version": 3, "vmi": vmi})),
        ]
    }

    fn ready_job(v: i64) -> Vec<(String, String)> {
        let id = format!("modify:heat_worker:port:{PORT}:{v}:abcde");
        let job = json!({"id": id, "params": [], "dependency": []});
        vec![
            (
                QueueDir::All.key(&id),
                python_json(&json!(["heat_worker", job, 0])),
            ),
            (QueueDir::Ready.key(&id), "heat_worker".to_string()),
        ]
    }

    struct Fixture {
        reg: Registry,
    }

    impl Fixture {
        fn new() -> Fixture {
            Fixture {
                reg: Registry::builtin(),
            }
        }
        fn t(&self) -> &ResourceType {
            self.reg.get("port").expect("port type")
        }
        fn view(&self, kvs: Vec<(String, String)>) -> ResourceView {
            view(&self.reg, self.t(), &kvs)
        }
    }

    #[test]
    fn parse_accepts_every_documented_spelling() {
        for (s, want) in [
            ("in-sync", Cond::InSync),
            ("in_sync", Cond::InSync),
            ("insync", Cond::InSync),
            ("complete", Cond::Complete),
            ("completed", Cond::Complete),
            ("failed", Cond::Failed),
            ("fail", Cond::Failed),
            ("deleted", Cond::Deleted),
            ("version=4", Cond::Version(4)),
            ("version=0", Cond::Version(0)),
            ("monitoring=UP", Cond::Monitoring("UP".into())),
            ("monitoring=FAIL", Cond::Monitoring("FAIL".into())),
            // One spelling family with the verdict codes of `-o json` and `ls --verdict`.
            ("IN-SYNC", Cond::InSync),
            ("in sync", Cond::InSync),
            ("degraded", Cond::Verdict(Code::Degraded)),
            ("STALE", Cond::Verdict(Code::Stale)),
            ("not_found", Cond::Verdict(Code::NotFound)),
        ] {
            assert_eq!(Cond::parse(s).unwrap(), want, "{s}");
        }
    }

    #[test]
    fn parse_rejects_bad_spellings_with_a_usage_error_naming_them() {
        for s in [
            "",
            "bogus",
            "version",
            "version=",
            "version=x",
            "version=4.5",
            "monitoring=",
            "monitoring",
            "state=UP",
        ] {
            match Cond::parse(s) {
                Err(EsiError::Usage(msg)) => {
                    assert!(msg.starts_with(&format!("--until {s}:")), "{s:?}: {msg}")
                }
                other => panic!("{s:?}: expected a usage error, got {other:?}"),
            }
        }
        match Cond::parse("version=x") {
            Err(EsiError::Usage(msg)) => assert!(msg.contains("version must be a number"), "{msg}"),
            other => panic!("{other:?}"),
        }
        match Cond::parse("bogus") {
            Err(EsiError::Usage(msg)) => assert!(
                msg.contains("in-sync, complete, failed, deleted, version=N, monitoring=STATUS or a verdict code"),
                "{msg}"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_failed_is_a_failure_condition() {
        assert!(Cond::Failed.is_failure());
        for c in [
            Cond::InSync,
            Cond::Complete,
            Cond::Deleted,
            Cond::Version(1),
            Cond::Monitoring("UP".into()),
        ] {
            assert!(!c.is_failure(), "{c:?}");
        }
    }

    #[test]
    fn in_sync_holds_on_the_in_sync_verdict_only() {
        let f = Fixture::new();
        let t = f.t();
        let ok = f.view(synced("UP"));
        assert_eq!(ok.verdict.code, Code::InSync);
        assert!(Cond::InSync.holds(&ok, t));
        let degraded = f.view(synced("FAIL"));
        assert_eq!(degraded.verdict.code, Code::Degraded);
        assert!(!Cond::InSync.holds(&degraded, t));
        let stale = f.view(vec![config(1, false)]);
        assert!(!Cond::InSync.holds(&stale, t));
    }

    #[test]
    fn complete_needs_state_at_config_version_completed_and_no_active_job() {
        let f = Fixture::new();
        let t = f.t();
        // In sync, and also when only monitoring is unhappy: the job is done.
        assert!(Cond::Complete.holds(&f.view(synced("UP")), t));
        assert!(Cond::Complete.holds(&f.view(synced("FAIL")), t));
        // Non-workable resources complete with READ_COMPLETE.
        let read = f.view(vec![
            config(1, false),
            (
                key(Family::State),
                encode_state(
                    &json!({"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": 1}),
                ),
            ),
        ]);
        assert!(Cond::Complete.holds(&read, t));
        // State behind the config.
        let mut behind = synced("UP");
        behind[0] = config(4, false);
        assert!(!Cond::Complete.holds(&f.view(behind), t));
        // Right version, but the worker reports a failure.
        let mut failed = synced("UP");
        failed[2] = state(3, "MODIFY_FAILED", "UPDATE_FAILED", "boom");
        assert!(!Cond::Complete.holds(&f.view(failed), t));
        // Right version and completed, but a job for the resource is still queued.
        let mut queued = synced("UP");
        queued.extend(ready_job(3));
        let queued = f.view(queued);
        assert!(queued.active_job().is_some());
        assert!(!Cond::Complete.holds(&queued, t));
        // No config at all.
        let gone = f.view(vec![state(3, "MODIFY_COMPLETED", "UPDATE_COMPLETE", "")]);
        assert!(!Cond::Complete.holds(&gone, t));
    }

    #[test]
    fn failed_holds_on_the_failed_verdict() {
        let f = Fixture::new();
        let t = f.t();
        let mut failed = synced("UP");
        failed[2] = state(3, "MODIFY_FAILED", "UPDATE_FAILED", "boom");
        let failed = f.view(failed);
        assert_eq!(failed.verdict.code, Code::Failed);
        assert!(Cond::Failed.holds(&failed, t));
        assert!(!Cond::Failed.holds(&f.view(synced("UP")), t));
        assert!(!Cond::Failed.holds(&f.view(synced("FAIL")), t));
    }

    #[test]
    fn deleted_holds_once_the_config_is_gone() {
        let f = Fixture::new();
        let t = f.t();
        assert!(!Cond::Deleted.holds(&f.view(synced("UP")), t));
        // Delete requested is not deleted yet.
        assert!(!Cond::Deleted.holds(&f.view(vec![config(4, true)]), t));
        let leftovers = f.view(vec![state(4, "DELETE_COMPLETED", "DELETE_COMPLETE", "")]);
        assert!(Cond::Deleted.holds(&leftovers, t));
        assert!(Cond::Deleted.holds(&f.view(vec![]), t));
    }

    #[test]
    fn version_holds_when_the_state_reached_it() {
        let f = Fixture::new();
        let t = f.t();
        let v = f.view(synced("UP"));
        assert!(Cond::Version(2).holds(&v, t));
        assert!(Cond::Version(3).holds(&v, t));
        assert!(!Cond::Version(4).holds(&v, t));
        // The config's version does not count, only the state's.
        let no_state = f.view(vec![config(5, false)]);
        assert!(!Cond::Version(1).holds(&no_state, t));
    }

    #[test]
    fn monitoring_holds_on_the_type_field() {
        let f = Fixture::new();
        let t = f.t();
        let up = f.view(synced("UP"));
        assert!(Cond::Monitoring("UP".into()).holds(&up, t));
        assert!(!Cond::Monitoring("FAIL".into()).holds(&up, t));
        assert!(Cond::Monitoring("FAIL".into()).holds(&f.view(synced("FAIL")), t));

        let with = |m: Value| {
            let mut kvs = synced("UP");
            kvs[3] = monitoring(m);
            f.view(kvs)
        };
        // An object: every member must have the status.
        let all_up = with(json!({"version": 3, "vmi": {"a": "UP", "b": "UP"}}));
        assert!(Cond::Monitoring("UP".into()).holds(&all_up, t));
        let one_down = with(json!({"version": 3, "vmi": {"a": "UP", "b": "FAIL"}}));
        assert!(!Cond::Monitoring("UP".into()).holds(&one_down, t));
        let empty = with(json!({"version": 3, "vmi": {}}));
        assert!(!Cond::Monitoring("UP".into()).holds(&empty, t));
        // Another field than the type's, or no monitoring record: never.
        let other = with(json!({"version": 3, "server": "UP"}));
        assert!(!Cond::Monitoring("UP".into()).holds(&other, t));
        let none = f.view(synced("UP")[..3].to_vec());
        assert!(!Cond::Monitoring("UP".into()).holds(&none, t));
    }

    #[test]
    fn decide_without_conditions_never_ends() {
        let f = Fixture::new();
        let t = f.t();
        let mut failed = synced("UP");
        failed[2] = state(3, "MODIFY_FAILED", "UPDATE_FAILED", "boom");
        assert_eq!(decide(&[], &f.view(synced("UP")), t), None);
        assert_eq!(decide(&[], &f.view(failed), t), None);
    }

    #[test]
    fn decide_a_failure_ends_the_watch_whatever_was_asked() {
        let f = Fixture::new();
        let t = f.t();
        let mut failed = synced("UP");
        failed[2] = state(3, "MODIFY_FAILED", "UPDATE_FAILED", "boom");
        let failed = f.view(failed);
        assert_eq!(failed.verdict.code, Code::Failed);
        assert_eq!(
            decide(&[Cond::Complete], &failed, t),
            Some(Decision::Failed)
        );
        assert_eq!(
            decide(&[Cond::InSync, Cond::Version(9)], &failed, t),
            Some(Decision::Failed)
        );
        assert_eq!(decide(&[Cond::Failed], &failed, t), Some(Decision::Failed));
        // Version 3 holds here, but the failure still wins.
        assert_eq!(
            decide(&[Cond::Version(3)], &failed, t),
            Some(Decision::Failed)
        );
    }

    #[test]
    fn decide_success_is_reached_when_any_success_condition_holds() {
        let f = Fixture::new();
        let t = f.t();
        let ok = f.view(synced("UP"));
        assert_eq!(decide(&[Cond::Complete], &ok, t), Some(Decision::Reached));
        assert_eq!(decide(&[Cond::InSync], &ok, t), Some(Decision::Reached));
        assert_eq!(
            decide(&[Cond::Version(9), Cond::Monitoring("UP".into())], &ok, t),
            Some(Decision::Reached)
        );
        // Nothing holds yet: keep watching.
        assert_eq!(decide(&[Cond::Version(9)], &ok, t), None);
        assert_eq!(decide(&[Cond::Deleted], &ok, t), None);
        // `failed` alone is not a success, and it does not hold here.
        assert_eq!(decide(&[Cond::Failed], &ok, t), None);
        // Pending: not complete yet.
        let mut pending = synced("UP");
        pending[0] = config(4, false);
        pending.extend(ready_job(4));
        let pending = f.view(pending);
        assert_eq!(pending.verdict.code, Code::Pending);
        assert_eq!(decide(&[Cond::Complete, Cond::InSync], &pending, t), None);
        assert_eq!(
            decide(&[Cond::Version(3)], &pending, t),
            Some(Decision::Reached)
        );
    }
}
