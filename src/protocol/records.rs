//! The values the engine writes, in the recorded shapes (spec §1.5–1.9, §4.2, seeds):
//! Python-style JSON for the job manager's and the heat worker's records, Go-compact
//! sorted JSON for the collector's monitoring record.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::engine::heat::{StackAction, StackOutcome, StackOutput, StackRequest};
use crate::model::wire::{encode_state, python_json};

/// Outputs as Heat lists them, in the recorded key order (`output_value, description,
/// output_key`).
pub fn outputs_value(outputs: &[StackOutput]) -> Value {
    Value::Array(
        outputs
            .iter()
            .map(|o| {
                let mut m = Map::new();
                m.insert("output_value".into(), o.value.clone());
                m.insert("description".into(), Value::String(o.description.clone()));
                m.insert("output_key".into(), Value::String(o.key.clone()));
                Value::Object(m)
            })
            .collect(),
    )
}

/// The outputs the records carry after the job: none after a delete; on failure, what
/// the stack had before (a failed create has none).
pub fn final_outputs(req: &StackRequest, outcome: &StackOutcome, previous: &Value) -> Value {
    match (outcome.failed, req.action) {
        (false, StackAction::Delete) => json!([]),
        (false, _) => outputs_value(&outcome.outputs),
        (true, StackAction::Create) => json!([]),
        (true, _) => previous.clone(),
    }
}

/// `/esi-worker/heat_stacks/…` (spec §1.7): `stack_id` is the stack name, `""` once
/// deleted.
pub fn heat_stack(req: &StackRequest, outcome: &StackOutcome, outputs: &Value) -> String {
    let deleted = !outcome.failed && req.action == StackAction::Delete;
    let v = json!({
        "id": format!("{}:{}", req.resource_type, req.resource_id),
        "stack_id": if deleted { String::new() } else { req.stack_name.clone() },
        "tenant_id": req.tenant_id,
        "stack_status": outcome.status,
        "status_reason": outcome.reason,
        "output": outputs,
    });
    python_json(&v)
}

/// `/esi-worker/job_state/…` once Heat finished (outputs not encoded here, spec §1.8).
pub fn job_state_done(outcome: &StackOutcome, outputs: &Value) -> String {
    python_json(&json!({"heat_outputs": outputs, "orchestration_state": outcome.status}))
}

/// `CREATE_COMPLETED` / `MODIFY_FAILED` / …
pub fn worker_state(action: StackAction, failed: bool) -> String {
    format!(
        "{}_{}",
        action.worker_word(),
        if failed { "FAILED" } else { "COMPLETED" }
    )
}

/// `/state/…` written by the worker: `heat_outputs` double-encoded, `version` = the job's
/// config version, `error` "" on success and the failure reason otherwise.
pub fn state(req: &StackRequest, outcome: &StackOutcome, outputs: &Value) -> String {
    let v = json!({
        "error": if outcome.failed { outcome.reason.clone() } else { String::new() },
        "state": {
            "heat_outputs": outputs,
            "orchestration_state": outcome.status,
            "worker_state": worker_state(req.action, outcome.failed),
        },
        "version": req.version,
    });
    encode_state(&v)
}

/// State of a job the manager gave up on (its worker was lost more than --max-retries
/// times): no stack outcome is known, so only the worker state and the error.
pub fn abandoned_state(action: StackAction, version: i64, error: &str) -> String {
    encode_state(
        &json!({"error": error, "state": {"worker_state": worker_state(action, true)}, "version": version}),
    )
}

/// `/state/…` of a non-workable resource, written by the job manager (spec §3.4).
pub fn read_complete(version: i64) -> String {
    encode_state(
        &json!({"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": version}),
    )
}

/// `/esi-worker/config/…` (spec §1.5): body decoded, `deleted` mirrors
/// `marked_for_deletion`.
pub fn worker_config(body: &Value, deleted: bool, version: i64) -> String {
    python_json(&json!({"body": body, "deleted": deleted, "version": version}))
}

/// `/monitoring/…` as a collector writes it: Go `json.Marshal` of a map (compact, keys
/// sorted), e.g. `{"version":3,"vmi":"UP"}`.
pub fn monitoring(field: &str, status: &Value, version: i64) -> String {
    let mut m: BTreeMap<&str, Value> = BTreeMap::new();
    m.insert(field, status.clone());
    m.insert("version", Value::from(version));
    serde_json::to_string(&m).expect("a map always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(action: StackAction) -> StackRequest {
        StackRequest {
            action,
            job_id: "j".into(),
            resource_type: "port".into(),
            resource_id: "p1".into(),
            version: 3,
            stack_name: "port_p1".into(),
            tenant_id: "t".into(),
            template_id: "port".into(),
            template: String::new(),
            params: Map::new(),
            timeout_mins: None,
        }
    }

    fn out() -> Vec<StackOutput> {
        vec![StackOutput {
            key: "id".into(),
            value: json!("x"),
            description: "A unique id.".into(),
        }]
    }

    #[test]
    fn update_records_have_the_seed_shapes() {
        let r = req(StackAction::Update);
        let o = StackOutcome::complete(StackAction::Update, out());
        let outputs = final_outputs(&r, &o, &json!([]));
        assert_eq!(
            heat_stack(&r, &o, &outputs),
            r#"{"id": "port:p1", "stack_id": "port_p1", "tenant_id": "t", "stack_status": "UPDATE_COMPLETE", "status_reason": "Stack successfully updated", "output": [{"output_value": "x", "description": "A unique id.", "output_key": "id"}]}"#
        );
        let st: Value = serde_json::from_str(&state(&r, &o, &outputs)).unwrap();
        assert_eq!(st["state"]["worker_state"], "MODIFY_COMPLETED");
        assert_eq!(st["state"]["orchestration_state"], "UPDATE_COMPLETE");
        assert_eq!(st["version"], 3);
        assert_eq!(st["error"], "");
        // Double-encoded, Python separators.
        assert_eq!(
            st["state"]["heat_outputs"],
            r#"[{"output_value": "x", "description": "A unique id.", "output_key": "id"}]"#
        );
        assert_eq!(
            job_state_done(&o, &outputs),
            r#"{"heat_outputs": [{"output_value": "x", "description": "A unique id.", "output_key": "id"}], "orchestration_state": "UPDATE_COMPLETE"}"#
        );
    }

    #[test]
    fn delete_and_failure_records() {
        let r = req(StackAction::Delete);
        let o = StackOutcome::complete(StackAction::Delete, vec![]);
        let outputs = final_outputs(&r, &o, &json!([{"output_key": "id"}]));
        let hs: Value = serde_json::from_str(&heat_stack(&r, &o, &outputs)).unwrap();
        assert_eq!(hs["stack_id"], "");
        assert_eq!(hs["status_reason"], "");
        assert_eq!(hs["output"], json!([]));
        let st: Value = serde_json::from_str(&state(&r, &o, &outputs)).unwrap();
        assert_eq!(st["state"]["heat_outputs"], "[]");
        assert_eq!(st["state"]["worker_state"], "DELETE_COMPLETED");

        let r = req(StackAction::Create);
        let o = StackOutcome::failed(StackAction::Create, "Resource CREATE failed: boom");
        let outputs = final_outputs(&r, &o, &json!([]));
        let st: Value = serde_json::from_str(&state(&r, &o, &outputs)).unwrap();
        assert_eq!(st["state"]["worker_state"], "CREATE_FAILED");
        assert_eq!(st["state"]["orchestration_state"], "CREATE_FAILED");
        assert_eq!(st["error"], "Resource CREATE failed: boom");
    }

    #[test]
    fn monitoring_is_go_compact_and_sorted() {
        assert_eq!(
            monitoring("vmi", &json!("UP"), 3),
            r#"{"version":3,"vmi":"UP"}"#
        );
        assert_eq!(
            monitoring("server", &json!("UP"), 2),
            r#"{"server":"UP","version":2}"#
        );
        assert_eq!(
            read_complete(1),
            r#"{"error": "", "state": {"worker_state": "READ_COMPLETE"}, "version": 1}"#
        );
    }
}
