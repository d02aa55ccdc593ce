//! The bundled sample dataset: a load-balancer deployment modeled on recorded ESI data.
//!
//! It is written through [`Store`] one txn per protocol step, in the real order (spec
//! §3.2–3.5), so revisions, history and watches look like a live deployment; tests load the
//! very same data into a real etcd. Everything is deterministic (no clock, no randomness).
//! Resource bodies and stack outputs live in `data/sample/deployment.json`; heat template
//! records in `data/templates/`.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

#[cfg(test)]
pub mod busy;
mod faults;
mod shapes;

pub use faults::{populate_faults, LEFTOVER};

use crate::error::{EsiError, Result};
use crate::model::jsondiff::canonical;
use crate::model::keys::WORKFLOW_KEY;
use crate::model::wire::{encode_config, encode_state, go_json, python_json};
use crate::store::{Compare, Op, Store, Txn};
use shapes::*;

macro_rules! template {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!("../../../data/templates/", $id, ".json")),
        )
    };
}
const TEMPLATE_FILES: [(&str, &str); 5] = [
    template!("port"),
    template!("network"),
    template!("subnet"),
    template!("vnf_instance"),
    template!("load_balancer"),
];
const DEPLOYMENT: &str = include_str!("../../../data/sample/deployment.json");

pub const TENANT: &str = "fe3a4a1a72c04479bb6c19c2c0ccba4c";
pub const VNF_TEMPLATE: &str = "f2123d79-e953-4b61-8aee-a217bee284af";
pub const VNF_PLAN: &str = "043fed11-ce3d-48fb-aa8d-13aad5804d83";
pub const LB_PLAN: &str = "5c2d0f4e-8a61-4b7d-9e3a-1f0b6c7d2a94";
pub const LB_CONF: &str = "9e4b7c21-3f5a-4d86-b0c2-7a1e5d3f8b60";
pub const NETWORKS: [&str; 3] = [
    "168c1535-9001-49c7-bb05-21844570a83c",
    "ce9a7a92-d11a-4fc6-8ae7-18061b62c98f",
    "4a8f2c6e-71d3-4b95-a0e8-3c5d9f1b7e42",
];
pub const SUBNETS: [&str; 3] = [
    "707847d0-89d9-4b98-93a2-8b376709c5f3",
    "6f5f33d6-2cfe-47c1-a91a-3f3d44972b1a",
    "b05e3d71-9c2a-4f68-8d14-6e7a2c9f0b35",
];
/// Management port: created, attached (v2), modified to v3; vmi UP then FAIL.
pub const PORT_MGMT: &str = "ddc14be4-3480-4e97-a978-817b18f9904c";
/// Service port: created (v1) only, never attached, so it has no monitoring target.
pub const PORT_SERVICE: &str = "23464cbc-d910-430a-93f7-3776ea07f992";
/// User port: v4 is a delete request whose logical_delete job is left in /jobs/ready.
pub const PORT_USER: &str = "db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc";
pub const VNF_INSTANCE: &str = "398d65ba-0060-456e-b415-5bc954450717";
pub const LOAD_BALANCER: &str = "b311c470-d878-4fea-8466-a4393938f2d4";

const HANDLER: &str = "heat_worker";
/// The working-key lease of the heat worker (spec §3.6).
const WORKING_TTL: Duration = Duration::from_secs(60);

/// What [`populate`] wrote, for callers that want to point at interesting resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleInfo {
    pub ports: Vec<String>,
    pub vnf_instance: String,
    pub networks: Vec<String>,
    pub subnets: Vec<String>,
    pub load_balancer: String,
    /// Marked for deletion, its logical_delete job still ready.
    pub deleting_port: String,
    /// Modified up to v3, monitoring FAIL.
    pub modified_port: String,
}

/// The heat template records (template id, decoded record), as bundled.
pub fn templates() -> Vec<(String, Value)> {
    TEMPLATE_FILES
        .iter()
        .map(|(id, text)| {
            let rec: Value =
                serde_json::from_str(text).expect("bundled heat template is valid JSON");
            (id.to_string(), rec)
        })
        .collect()
}

/// Writes the deployment, tracking mod revisions so that CAS steps are real guarded txns.
struct Writer<'a> {
    store: &'a dyn Store,
    data: Value,
    revs: HashMap<String, i64>,
    /// Latest config body per `type/id`, what the job manager's `load()` would read.
    latest: HashMap<String, Value>,
    /// parameter_mappings per template id (= resource type for the sample's types).
    mappings: HashMap<String, Value>,
    counter: u64,
}

/// splitmix64: deterministic, well-spread ids from a counter.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Writer<'_> {
    async fn txn(&mut self, compares: Vec<Compare>, ops: Vec<Op>) -> Result<i64> {
        let first = ops.first().map(|o| o.key().to_string()).unwrap_or_default();
        let touched: Vec<(String, bool)> = ops
            .iter()
            .map(|o| (o.key().to_string(), matches!(o, Op::Put { .. })))
            .collect();
        let res = self
            .store
            .txn(Txn {
                compares,
                success: ops,
                failure: vec![],
            })
            .await?;
        if !res.succeeded {
            return Err(EsiError::Conflict(format!(
                "sample data: the guarded write of {first} lost \
                 (populate needs a store without the sample's keys)"
            )));
        }
        for (k, put) in touched {
            if put {
                self.revs.insert(k, res.revision);
            } else {
                self.revs.remove(&k);
            }
        }
        Ok(res.revision)
    }

    async fn put(&mut self, key: &str, value: String) -> Result<i64> {
        self.txn(vec![], vec![Op::put(key, value)]).await
    }

    /// etcd v2 `create` (prevExist=false).
    async fn create(&mut self, key: &str, value: String) -> Result<i64> {
        self.txn(vec![Compare::Absent(key.into())], vec![Op::put(key, value)])
            .await
    }

    /// The guard of etcd v2 `compareAndSwap`/`compareAndDelete`: unchanged since our write (§3.8).
    fn unchanged(&self, key: &str) -> Vec<Compare> {
        vec![Compare::ModRevision(
            key.into(),
            self.revs.get(key).copied().unwrap_or(0),
        )]
    }

    async fn cas(&mut self, key: &str, value: String) -> Result<i64> {
        self.txn(self.unchanged(key), vec![Op::put(key, value)])
            .await
    }

    async fn delete(&mut self, key: &str) -> Result<i64> {
        self.txn(vec![], vec![Op::delete(key)]).await
    }

    async fn cad(&mut self, key: &str) -> Result<i64> {
        self.txn(self.unchanged(key), vec![Op::delete(key)]).await
    }

    fn next(&mut self) -> u64 {
        self.counter += 1;
        mix(self.counter)
    }

    /// A job id suffix: 5 base-36 characters like the job manager's random ones.
    fn suffix(&mut self) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut x = self.next();
        (0..5)
            .map(|_| {
                let c = DIGITS[(x % 36) as usize] as char;
                x /= 36;
                c
            })
            .collect()
    }

    /// A reservation UUID (v4-shaped) for /jobs/working.
    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }

    /// The body of `t/id` at `version`: the v1 body plus the patches up to that version.
    fn body(&self, t: &str, id: &str, version: usize) -> Value {
        let list = self.data["bodies"][format!("{t}/{id}")]
            .as_array()
            .unwrap_or_else(|| panic!("sample: no body for {t}/{id}"));
        let mut body = list[0].clone();
        for patch in list.iter().take(version).skip(1) {
            for (k, v) in patch.as_object().expect("patch is an object") {
                body[k.as_str()] = v.clone();
            }
        }
        body
    }

    fn lookup(&self, t: &str, id: &str, field: &str) -> Value {
        self.latest
            .get(&format!("{t}/{id}"))
            .and_then(|b| b.get(field))
            .cloned()
            .unwrap_or_else(|| panic!("sample: {t} {id} must exist before it is referenced"))
    }

    /// Evaluate one mapping (spec §5) into (type, value, resources). Only the forms of the
    /// bundled templates are supported; written apart from `engine::mapping` so that each
    /// checks the other (see the tests).
    fn eval(
        &self,
        name: &str,
        m: &Value,
        cfg: &Value,
        version: i64,
    ) -> (&'static str, Value, Refs) {
        let field = |f: &str| cfg.get(f).cloned().unwrap_or(Value::Null);
        if let Some(s) = m.as_str() {
            let (form, arg) = s.split_at(1);
            return match form {
                "P" => ("value", field(arg), vec![]),
                "C" => ("value", json!(arg), vec![]),
                "V" => ("value", json!(version), vec![]),
                "M" => {
                    let parts: Vec<&str> = arg.split(':').collect();
                    let id = str_of(cfg, parts[1]).to_string();
                    (
                        "output_key",
                        output_key(parts[2], parts[0], &id),
                        vec![(parts[0].into(), id)],
                    )
                }
                "F" => {
                    // One hop: F<type>+<field>:<final field>.
                    let (hop, last) = arg.split_once(':').expect("F hop");
                    let (t, f) = hop.split_once('+').expect("F hop");
                    let id = str_of(cfg, f).to_string();
                    ("value", self.lookup(t, &id, last), vec![(t.into(), id)])
                }
                _ => panic!("sample: unsupported mapping {s}"),
            };
        }
        if let Some(c) = m.get("constant") {
            return ("value", c.clone(), vec![]);
        }
        if m.get("version").is_some() {
            return ("value", json!(version), vec![]);
        }
        if let Some(cond) = m.get("if_mapping") {
            let ops = &cond["equal"];
            let value = |i: usize| self.eval(name, &ops[i], cfg, version).1;
            let equal = value(0) == value(1);
            let branch = if equal {
                "then_mapping"
            } else {
                "else_mapping"
            };
            return self.eval(name, &m[branch], cfg, version);
        }
        if let Some(list) = m.get("for_field").and_then(Value::as_str) {
            let (mut items, mut refs) = (vec![], vec![]);
            for item in cfg[list].as_array().into_iter().flatten() {
                let (ptype, value, r) = self.eval(name, &m["for_mapping"], item, version);
                items.push(if ptype == "output_key" {
                    param(name, ptype, value, vec![])
                } else {
                    value
                });
                refs.extend(r);
            }
            let ptype = if m["for_mapping"].get("output_key").is_some() {
                "list"
            } else {
                "value"
            };
            return (ptype, Value::Array(items), refs);
        }
        // {field|output_key, path}: string hops are `<type>_id` fields in the sample's templates.
        let (mut cur, mut refs) = (cfg.clone(), Refs::new());
        for hop in m["path"].as_array().into_iter().flatten() {
            let (t, f) = match hop.as_str() {
                Some(f) => (f.trim_end_matches("_id").to_string(), f),
                None => (str_of(hop, "type").to_string(), str_of(hop, "id")),
            };
            let id = str_of(&cur, f).to_string();
            refs.push((t.clone(), id.clone()));
            cur = self
                .latest
                .get(&format!("{t}/{id}"))
                .cloned()
                .unwrap_or_default();
        }
        match (m.get("output_key").and_then(Value::as_str), refs.last()) {
            (Some(k), Some((t, id))) => ("output_key", output_key(k, t, id), refs.clone()),
            _ => {
                let value = cur.get(str_of(m, "field")).cloned().unwrap_or(Value::Null);
                ("value", value, refs)
            }
        }
    }

    /// Stack outputs after the job (spec §4.2): none after a delete; an unmonitored port's
    /// template renders no monitoring outputs.
    fn outputs(&self, t: &str, id: &str, body: &Value, marked: bool) -> Value {
        if marked {
            return json!([]);
        }
        let all = self.data["outputs"][format!("{t}/{id}")]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let monitored = t != "port" || port_monitored(body);
        Value::Array(
            all.into_iter()
                .filter(|o| monitored || !str_of(o, "output_key").starts_with("monitoring_"))
                .collect(),
        )
    }

    /// Non-workable resource (spec §3.4): config (Gohan) → state READ_COMPLETE (job manager)
    /// → the job manager's copy. No job.
    async fn non_workable(&mut self, t: &str, id: &str) -> Result<()> {
        let body = self.body(t, id, 1);
        let rec = json!({"body": body, "marked_for_deletion": false, "version": 1});
        self.put(&key("/config", t, id), encode_config(&rec))
            .await?;
        self.latest.insert(format!("{t}/{id}"), body.clone());
        let state = json!({"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": 1});
        self.put(&key("/state", t, id), encode_state(&state))
            .await?;
        let copy = json!({"body": canonical(&body), "deleted": false, "version": 1});
        self.create(&key("/esi-worker/config", t, id), python_json(&copy))
            .await?;
        Ok(())
    }

    /// One job through the queue protocol (spec §3.2). With `run == false` the job is left in
    /// /jobs/ready (no worker has taken it yet).
    async fn job(
        &mut self,
        t: &str,
        id: &str,
        version: i64,
        action: &str,
        suffix: &str,
        run: bool,
    ) -> Result<()> {
        let (verb, _, _) = verbs(action);
        // Gohan writes the config.
        let mut body = self.body(t, id, version as usize);
        body["status"] = json!(format!("PENDING_{verb}"));
        body["orchestration_state"] = json!(format!("{verb}_IN_PROGRESS"));
        let marked = action == "logical_delete";
        let rec = json!({"body": body, "marked_for_deletion": marked, "version": version});
        self.put(&key("/config", t, id), encode_config(&rec))
            .await?;
        self.latest.insert(format!("{t}/{id}"), body.clone());

        // The job manager builds the job (resource_input is the decoded, hence sorted, body).
        let mappings = self.mappings[t].clone();
        let params: Vec<Value> = (mappings.as_object().into_iter().flatten())
            .map(|(pname, m)| {
                let (ptype, value, mut refs) = self.eval(pname, m, &body, version);
                if action != "create" {
                    refs.extend_from_within(..); // legacy L ++ L of modify/logical_delete (§2.5)
                }
                param(pname, ptype, value, refs)
            })
            .collect();
        let suffix = if suffix.is_empty() {
            self.suffix()
        } else {
            suffix.to_string()
        };
        let job_id = format!("{action}:{HANDLER}:{t}:{id}:{version}:{suffix}");
        let mut job = json!({
            "id": job_id, "job_name": format!("{t}:{id}:{version}"), "action": action,
            "handler": HANDLER, "resource_type": t, "resource_id": id, "version": version,
            "resource_input": canonical(&body), "params": params, "dependency": [],
            "is_first": true, "is_last": true, "on_failure": "fail",
        });
        let mut request_job = job.clone();
        for f in ["id", "dependency"] {
            request_job.as_object_mut().expect("job").remove(f);
        }
        let request = json!({"action": action, "dependencies": [], "jobs": [request_job]});
        self.put(WORKFLOW_KEY, python_json(&canonical(&request)))
            .await?;
        let copy =
            python_json(&json!({"body": canonical(&body), "deleted": marked, "version": version}));
        let copy_key = key("/esi-worker/config", t, id);
        if self.revs.contains_key(&copy_key) {
            self.cas(&copy_key, copy).await?;
        } else {
            self.create(&copy_key, copy).await?;
        }
        let all = format!("/jobs/all/{job_id}");
        let ready = format!("/jobs/ready/{job_id}");
        let value = python_json(&json!([HANDLER, job.take(), 0]));
        self.txn(
            vec![Compare::Absent(all.clone())],
            vec![
                Op::put(all.as_str(), value),
                Op::put(ready.as_str(), HANDLER),
            ],
        )
        .await?;
        self.delete(WORKFLOW_KEY).await?;
        if run {
            self.run_job(t, id, version, &job_id, &body, action).await?;
        }
        Ok(())
    }

    /// The heat worker reserves the job and runs the stack operation; then the clean-up
    /// by worker and job manager (spec §3.3–3.5).
    async fn run_job(
        &mut self,
        t: &str,
        id: &str,
        version: i64,
        job_id: &str,
        body: &Value,
        action: &str,
    ) -> Result<()> {
        let (verb, reason, worker_state) = verbs(action);
        let marked = action == "logical_delete";
        let ready = format!("/jobs/ready/{job_id}");
        let all = format!("/jobs/all/{job_id}");
        // The heat worker reserves the job and runs the stack operation.
        let working = format!("/jobs/working/{job_id}");
        let lease = self.store.lease_grant(WORKING_TTL).await?;
        let reservation = self.uuid();
        self.txn(
            vec![Compare::Absent(working.clone())],
            vec![
                Op::put_with_lease(working.as_str(), reservation, lease),
                Op::delete(ready.as_str()),
            ],
        )
        .await?;
        let job_state = key("/esi-worker/job_state", t, id);
        self.put(&job_state, "{}".into()).await?;
        let outputs = self.outputs(t, id, body, marked);
        let stack_status = format!("{verb}_COMPLETE");
        let stack = json!({
            "id": format!("{t}:{id}"),
            "stack_id": if marked { String::new() } else { format!("{t}_{id}") },
            "tenant_id": body["tenant_id"], "stack_status": stack_status,
            "status_reason": reason, "output": outputs,
        });
        self.put(&key("/esi-worker/heat_stacks", t, id), python_json(&stack))
            .await?;
        let done = json!({"heat_outputs": outputs, "orchestration_state": stack_status});
        self.cas(&job_state, python_json(&done)).await?;
        let state = json!({
            "error": "",
            "state": {"heat_outputs": outputs, "orchestration_state": stack_status, "worker_state": worker_state},
            "version": version,
        });
        self.put(&key("/state", t, id), encode_state(&state))
            .await?;
        let finished = format!("/jobs/finished/{job_id}");
        self.create(&finished, String::new()).await?;

        // Clean-up by worker and job manager.
        self.delete(&working).await?;
        self.store.lease_revoke(lease).await?;
        self.delete(&all).await?;
        self.cad(&job_state).await?;
        self.delete(&finished).await?;
        Ok(())
    }
}

/// Write the sample deployment into a store that does not hold it yet. Final state:
/// everything in sync except port db3bff62 (v4 delete requested, logical_delete job ready)
/// and port ddc14be4 (in sync, monitoring `FAIL`).
pub async fn populate(store: &dyn Store) -> Result<SampleInfo> {
    let data: Value = serde_json::from_str(DEPLOYMENT).expect("bundled sample data is valid JSON");
    let mappings = templates()
        .into_iter()
        .map(|(id, rec)| (id, rec["body"]["parameter_mappings"].clone()))
        .collect();
    let (revs, latest) = (HashMap::new(), HashMap::new());
    let mut w = Writer {
        store,
        data,
        revs,
        latest,
        mappings,
        counter: 0,
    };
    for (id, rec) in templates() {
        // Guarded so that populating a store that already holds the sample fails first thing.
        let key = format!("/config/v2.0/heat_templates/{id}");
        w.create(&key, encode_config(&rec)).await?;
    }
    // The steps in time order (see the comment in deployment.json).
    for step in w.data["history"].as_array().cloned().unwrap_or_default() {
        let s = |i: usize| step[i].as_str().unwrap_or_default();
        let (t, id, version) = (s(1), s(2), step[3].as_i64().unwrap_or(1));
        match s(0) {
            "static" => w.non_workable(t, id).await?,
            "monitor" => {
                let value = go_json(&json!({ s(4): s(5), "version": version }));
                w.put(&key("/monitoring", t, id), value).await?;
            }
            run => w.job(t, id, version, s(4), s(5), run == "job").await?,
        }
    }
    Ok(SampleInfo {
        ports: vec![PORT_MGMT.into(), PORT_SERVICE.into(), PORT_USER.into()],
        vnf_instance: VNF_INSTANCE.into(),
        networks: NETWORKS.iter().map(|s| s.to_string()).collect(),
        subnets: SUBNETS.iter().map(|s| s.to_string()).collect(),
        load_balancer: LOAD_BALANCER.into(),
        deleting_port: PORT_USER.into(),
        modified_port: PORT_MGMT.into(),
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
