//! Structural JSON diff: a path-aware list of changes (for `diff -o json`) and the
//! bookkeeping paths hidden by default.

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// JSON pointer of the changed node, e.g. `/body/admin_state_up`.
    pub path: String,
    pub op: Op,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Added,
    Removed,
    Changed,
}

pub fn diff(a: &Value, b: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk("", a, b, &mut out);
    out
}

fn esc(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

fn walk(path: &str, a: &Value, b: &Value, out: &mut Vec<Change>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, av) in x {
                let p = format!("{path}/{}", esc(k));
                match y.get(k) {
                    Some(bv) => walk(&p, av, bv, out),
                    None => out.push(Change {
                        path: p,
                        op: Op::Removed,
                        from: Some(av.clone()),
                        to: None,
                    }),
                }
            }
            for (k, bv) in y {
                if !x.contains_key(k) {
                    out.push(Change {
                        path: format!("{path}/{}", esc(k)),
                        op: Op::Added,
                        from: None,
                        to: Some(bv.clone()),
                    });
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (av, bv)) in x.iter().zip(y).enumerate() {
                walk(&format!("{path}/{i}"), av, bv, out);
            }
        }
        _ if a == b => {}
        _ => out.push(Change {
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            op: Op::Changed,
            from: Some(a.clone()),
            to: Some(b.clone()),
        }),
    }
}

/// Fields that change on every version and say nothing about intent: Gohan's status
/// bookkeeping inside config bodies and the version counters themselves.
pub const NOISE: &[&str] = &[
    "/version",
    "/body/status",
    "/body/orchestration_state",
    "/body/operational_state",
    "/resource_input/status",
    "/resource_input/orchestration_state",
    "/resource_input/operational_state",
    "/status",
    "/orchestration_state",
    "/operational_state",
];

/// Remove noise paths from a value (so the text diff hides them too).
pub fn strip_noise(v: &mut Value) {
    for p in NOISE {
        let (parent, leaf) = p.rsplit_once('/').expect("pointer");
        let target = if parent.is_empty() {
            Some(&mut *v)
        } else {
            v.pointer_mut(parent)
        };
        if let Some(Value::Object(m)) = target {
            m.remove(leaf);
        }
    }
}

/// Sort object keys recursively so writers' key orders do not show up as changes.
pub fn canonical(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), canonical(&m[k])))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_and_ops() {
        let a = json!({"body": {"admin_state_up": true, "name": "x", "a/b": 1}, "version": 3});
        let b = json!({"body": {"admin_state_up": false, "name": "x", "new": [1]}, "version": 4});
        let d = diff(&a, &b);
        assert!(d.contains(&Change {
            path: "/body/admin_state_up".into(),
            op: Op::Changed,
            from: Some(json!(true)),
            to: Some(json!(false))
        }));
        assert!(d.contains(&Change {
            path: "/body/a~1b".into(),
            op: Op::Removed,
            from: Some(json!(1)),
            to: None
        }));
        assert!(d.contains(&Change {
            path: "/body/new".into(),
            op: Op::Added,
            from: None,
            to: Some(json!([1]))
        }));
        assert_eq!(d.len(), 4);
        let mut a2 = a.clone();
        strip_noise(&mut a2);
        assert!(a2.get("version").is_none());
    }
}
