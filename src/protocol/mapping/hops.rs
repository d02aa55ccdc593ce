//! Paths through related resources: parsing `path`, and walking its hops to the config
//! at the end.

use std::borrow::Cow;

use serde_json::Value;

use super::types::*;

pub(super) enum Hop {
    /// String path hop: target type from the relations table of the current type.
    Relation(String),
    /// `{"id": field, "type": T}` or an `F` hop `T+field`; `id == ""` = the current value.
    Explicit { id: String, rtype: String },
}

pub(super) fn parse_path(m: &Value, path: Option<&Value>) -> Result<Vec<Hop>, MappingError> {
    let Some(Value::Array(path)) = path else {
        return Err(malformed("path", m, "`path` must be a list of hops"));
    };
    path.iter()
        .map(|h| match h {
            Value::String(s) => Ok(Hop::Relation(s.clone())),
            Value::Object(o) => match (o.get("id"), o.get("type")) {
                (Some(Value::String(id)), Some(Value::String(t))) => Ok(Hop::Explicit {
                    id: id.clone(),
                    rtype: t.clone(),
                }),
                _ => Err(malformed(
                    "path",
                    m,
                    format!("hop {} needs string `id` and `type`", show(h)),
                )),
            },
            _ => Err(malformed(
                "path",
                m,
                format!("hop {} is neither a name nor an object", show(h)),
            )),
        })
        .collect()
}

/// The id a hop follows: `cur[name]`, or `cur` itself for `""`.
pub(super) fn hop_id(cur: &Value, name: &str) -> Result<String, Broken> {
    let v = if name.is_empty() {
        Some(cur)
    } else {
        cur.get(name)
    };
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        None | Some(Value::Null) => Err(Broken::IdAbsent),
        Some(other) => Err(Broken::IdNotString(show(other))),
    }
}

pub(super) struct Walked<'a> {
    /// The last loaded config (or the start object when the last hop was not loaded).
    pub(super) cur: Cow<'a, Value>,
    pub(super) resources: Vec<ResourceRef>,
}

/// Follow `hops` from `ctx.cfg`, recording one reference per hop. The last config is loaded
/// only when `load_last` (an output_key path needs just the last id).
pub(super) fn walk<'a>(
    hops: &[Hop],
    ctx: &Ctx<'a>,
    load_last: bool,
) -> Result<Walked<'a>, MappingError> {
    let mut cur: Cow<'a, Value> = Cow::Borrowed(ctx.cfg);
    let mut cur_type = ctx.rtype.to_string();
    let mut resources = Vec::with_capacity(hops.len());
    for (i, hop) in hops.iter().enumerate() {
        let (field_name, rtype, label) = match hop {
            Hop::Relation(f) => {
                let t = ctx.resolver.relation(&cur_type, f).ok_or_else(|| {
                    MappingError::UnknownRelation {
                        rtype: cur_type.clone(),
                        field: f.clone(),
                    }
                })?;
                (f.as_str(), t.clone(), format!("{f} → {t}"))
            }
            Hop::Explicit { id, rtype } => (id.as_str(), rtype.clone(), format!("{rtype}+{id}")),
        };
        let broken = |problem| MappingError::BrokenReference {
            hop: label.clone(),
            resource_type: rtype.clone(),
            problem,
        };
        let id = hop_id(&cur, field_name).map_err(broken)?;
        resources.push(ResourceRef::new(rtype.clone(), id.clone()));
        if load_last || i + 1 < hops.len() {
            let loaded = ctx
                .resolver
                .load(&rtype, &id)
                .ok_or_else(|| broken(Broken::ConfigMissing(rtype.clone(), id)))?;
            cur = Cow::Owned(loaded);
        }
        cur_type = rtype;
    }
    Ok(Walked { cur, resources })
}
