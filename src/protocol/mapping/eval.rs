//! The evaluator: one mapping (string forms §5.3, object forms §5.4) against a config.
//! One file, since the forms recurse into each other.

use serde_json::{Map, Value};

use super::hops::{hop_id, parse_path, walk, Hop};
use super::types::*;

pub(super) fn eval_inner(m: &Value, name: &str, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    match m {
        Value::String(s) => eval_str(s, m, ctx),
        Value::Object(o) => eval_obj(o, m, name, ctx),
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

fn eval_str(s: &str, m: &Value, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    let mut chars = s.chars();
    let (Some(form), arg) = (chars.next(), chars.as_str()) else {
        return Err(MappingError::UnknownForm { mapping: show(m) });
    };
    match form {
        'P' | 'C' | 'F' => eval_part(form, arg, m, ctx),
        'V' => Ok(Evaluated::value(Value::from(ctx.version))),
        'O' => {
            let (f, key) = arg
                .split_once(':')
                .ok_or_else(|| malformed("O", m, "expected `Ofield:key`"))?;
            Ok(Evaluated::value(field(&field(ctx.cfg, f), key)))
        }
        'M' => {
            let parts: Vec<&str> = arg.split(':').collect();
            let [t, f, key] = parts[..] else {
                return Err(malformed("M", m, "expected `Mtype:field:output_key`"));
            };
            if t.is_empty() || f.is_empty() || key.is_empty() {
                return Err(malformed("M", m, "empty type, field or output_key"));
            }
            // Only the id is needed: the worker resolves the output from the stack (§5.3).
            let id = hop_id(ctx.cfg, f).map_err(|problem| MappingError::BrokenReference {
                hop: format!("{t}+{f}"),
                resource_type: t.to_string(),
                problem,
            })?;
            let r = ResourceRef::new(t, id);
            Ok(output_key(key, r.clone(), vec![r]))
        }
        'A' => {
            let mut out = String::new();
            let mut resources = Vec::new();
            // No escaping exists: every `&` separates parts (§5.3).
            for part in arg.split('&') {
                let mut pc = part.chars();
                let r = match pc.next() {
                    Some(f @ ('P' | 'C' | 'F')) => eval_part(f, pc.as_str(), m, ctx)?,
                    _ => {
                        return Err(malformed(
                            "A",
                            m,
                            format!("part {part:?} is not a P, C or F form"),
                        ))
                    }
                };
                out.push_str(&py_str(&r.value));
                resources.extend(r.resources);
            }
            Ok(Evaluated {
                ptype: ParamType::Value,
                value: Value::String(out),
                resources,
            })
        }
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

/// The forms allowed both standalone and as `A` parts.
fn eval_part(form: char, arg: &str, m: &Value, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    match form {
        'P' => Ok(Evaluated::value(field(ctx.cfg, arg))),
        // The literal stays a string even when it looks like a number (`C13` → "13").
        'C' => Ok(Evaluated::value(Value::String(arg.to_string()))),
        _ => {
            let segs: Vec<&str> = arg.split(':').collect();
            let Some((last, hops)) = segs
                .split_last()
                .filter(|(l, h)| !h.is_empty() && !l.is_empty())
            else {
                return Err(malformed(
                    "F",
                    m,
                    "expected `Ftype+field{:type+field}:final_field`",
                ));
            };
            let hops = hops
                .iter()
                .map(|h| match h.split_once('+') {
                    Some((t, f)) if !t.is_empty() && !f.is_empty() => Ok(Hop::Explicit {
                        id: f.to_string(),
                        rtype: t.to_string(),
                    }),
                    _ => Err(malformed("F", m, format!("hop {h:?} is not `type+field`"))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            let w = walk(&hops, ctx, true)?;
            Ok(Evaluated {
                ptype: ParamType::Value,
                value: field(&w.cur, last),
                resources: w.resources,
            })
        }
    }
}

/// Python `str()` of a value, as the legacy engine concatenated `A` parts.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        // Numbers print as their JSON text (Python agrees for ints and usual floats);
        // arrays/objects as compact JSON (Python's repr differs; never observed).
        other => other.to_string(),
    }
}

fn output_key(key: &str, r: ResourceRef, resources: Vec<ResourceRef>) -> Evaluated {
    let mut value = Map::new();
    value.insert("output_key".into(), Value::String(key.to_string()));
    value.insert("resource_type".into(), Value::String(r.resource_type));
    value.insert("resource_id".into(), Value::String(r.resource_id));
    Evaluated {
        ptype: ParamType::OutputKey,
        value: Value::Object(value),
        resources,
    }
}

/// The form an object mapping dispatches to, in the §5.4 priority order.
fn dispatch_key(o: &Map<String, Value>) -> Option<&'static str> {
    [
        "constant",
        "version",
        "if_mapping",
        "for_field",
        "output_key",
        "field",
    ]
    .into_iter()
    .find(|k| o.contains_key(*k))
}

/// Whether a mapping yields `output_key` items (decides `list` vs `value` for for_field).
fn yields_output_key(m: &Value) -> bool {
    match m {
        Value::Object(o) => dispatch_key(o) == Some("output_key"),
        Value::String(s) => s.starts_with('M'),
        _ => false,
    }
}

fn eval_obj(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    match dispatch_key(o) {
        // Returned unchanged: `{"constant": 3}` stays a number, unlike `C3`.
        Some("constant") => Ok(Evaluated::value(o["constant"].clone())),
        Some("version") => Ok(Evaluated::value(Value::from(ctx.version))),
        Some("if_mapping") => eval_if(o, m, name, ctx),
        Some("for_field") => eval_for(o, m, name, ctx),
        Some("output_key") => {
            let Value::String(key) = &o["output_key"] else {
                return Err(malformed("output_key", m, "`output_key` must be a string"));
            };
            let hops = parse_path(m, o.get("path"))?;
            if hops.is_empty() {
                return Err(malformed("output_key", m, "`path` must not be empty"));
            }
            let w = walk(&hops, ctx, false)?;
            let last = w.resources.last().cloned().expect("non-empty path");
            Ok(output_key(key, last, w.resources))
        }
        Some("field") => {
            let Value::String(f) = &o["field"] else {
                return Err(malformed("field", m, "`field` must be a string"));
            };
            if !o.contains_key("path") {
                return Ok(Evaluated::value(field(ctx.cfg, f)));
            }
            let hops = parse_path(m, o.get("path"))?;
            match walk(&hops, ctx, true) {
                Ok(w) => Ok(Evaluated {
                    ptype: ParamType::Value,
                    value: field(&w.cur, f),
                    resources: w.resources,
                }),
                // §5.4.8: an empty string, not null, and no references.
                Err(MappingError::BrokenReference { .. })
                    if o.get("ignore_missing") == Some(&Value::Bool(true)) =>
                {
                    Ok(Evaluated::value(Value::String(String::new())))
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(MappingError::UnknownForm { mapping: show(m) }),
    }
}

fn eval_if(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    let cond = o["if_mapping"]
        .as_object()
        .ok_or_else(|| malformed("if_mapping", m, "`if_mapping` must be an object"))?;
    let (op, operands) = ["equal", "regexp"]
        .into_iter()
        .find_map(|op| cond.get(op).map(|v| (op, v)))
        .ok_or_else(|| malformed("if_mapping", m, "condition must be `equal` or `regexp`"))?;
    let [a, b] = operands.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err(malformed(
            "if_mapping",
            m,
            format!("`{op}` needs exactly two operands"),
        ));
    };
    // Operands contribute values only, never resources (§5.4.7).
    let a = eval_inner(a, name, ctx)?.value;
    let b = eval_inner(b, name, ctx)?.value;
    let holds = if op == "equal" {
        a == b
    } else {
        let Value::String(pattern) = &b else {
            return Err(MappingError::BadRegexp {
                pattern: show(&b),
                error: "pattern is not a string".into(),
            });
        };
        // Python re.match: anchored at the start only.
        let re =
            regex::Regex::new(&format!("^(?:{pattern})")).map_err(|e| MappingError::BadRegexp {
                pattern: pattern.clone(),
                error: e.to_string(),
            })?;
        a.as_str().is_some_and(|s| re.is_match(s))
    };
    let branch = if holds {
        "then_mapping"
    } else {
        "else_mapping"
    };
    let chosen = o
        .get(branch)
        .ok_or_else(|| malformed("if_mapping", m, format!("`{branch}` is missing")))?;
    eval_inner(chosen, name, ctx)
}

fn eval_for(
    o: &Map<String, Value>,
    m: &Value,
    name: &str,
    ctx: &Ctx,
) -> Result<Evaluated, MappingError> {
    let inner = o
        .get("for_mapping")
        .ok_or_else(|| malformed("for_field", m, "`for_mapping` is missing"))?;
    let (list, mut resources) = match &o["for_field"] {
        Value::String(f) => (field(ctx.cfg, f), Vec::new()),
        fm @ Value::Object(_) => {
            let r = eval_inner(fm, name, ctx)?;
            (r.value, r.resources)
        }
        _ => {
            return Err(malformed(
                "for_field",
                m,
                "`for_field` must be a field name or a mapping",
            ))
        }
    };
    let items = match list {
        // Nothing to iterate: an absent/null list behaves as empty.
        Value::Null => Vec::new(),
        Value::Array(a) => a,
        other => {
            return Err(MappingError::NotAList {
                for_field: show(&o["for_field"]),
                found: show(&other),
            })
        }
    };
    let as_list = yields_output_key(inner);
    let mut values = Vec::with_capacity(items.len());
    for e in &items {
        // The element is the new cfg; field reads on a non-object yield null (as on `{}`),
        // while `{"id": ""}` hops see the element itself.
        let ectx = Ctx {
            cfg: e,
            rtype: ctx.rtype,
            version: ctx.version,
            resolver: ctx.resolver,
        };
        let r = eval_inner(inner, name, &ectx)?;
        resources.extend(r.resources);
        values.push(if as_list {
            let item = Param {
                param: name.to_string(),
                ptype: r.ptype,
                value: r.value,
                resources: Vec::new(),
            };
            serde_json::to_value(item).expect("param serializes")
        } else {
            r.value
        });
    }
    let ptype = if as_list {
        ParamType::List
    } else {
        ParamType::Value
    };
    Ok(Evaluated {
        ptype,
        value: Value::Array(values),
        resources,
    })
}
