//! The language's entry points: evaluate one mapping, select a template (§5.2), build a
//! job's params (§2.5).

use serde_json::{Map, Value};

use super::eval::eval_inner;
use super::types::*;

/// Evaluate one mapping; errors name the param and the mapping.
pub fn eval(mapping: &Value, param_name: &str, ctx: &Ctx) -> Result<Evaluated, MappingError> {
    eval_inner(mapping, param_name, ctx).map_err(|e| MappingError::Param {
        param: param_name.to_string(),
        mapping: show(mapping),
        cause: Box::new(e),
    })
}

/// §5.2: evaluate a type's template_path (None = the type has no template_path) → Ok(None) when
/// non-workable (no template_path, or it evaluates to null), else the template id.
pub fn select_template(
    template_path: Option<&Value>,
    ctx: &Ctx,
) -> Result<Option<String>, MappingError> {
    let Some(tp) = template_path else {
        return Ok(None);
    };
    let wrap = |e| MappingError::TemplatePath {
        rtype: ctx.rtype.to_string(),
        mapping: show(tp),
        cause: Box::new(e),
    };
    match eval_inner(tp, "template_path", ctx).map_err(wrap)?.value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(wrap(MappingError::BadTemplateId {
            value: show(&other),
        })),
    }
}

/// Evaluate every entry of a template's parameter_mappings into params, sorted by name.
/// `double_resources` reproduces the legacy `L ++ L` of modify/logical_delete jobs (§2.5).
pub fn build_params(
    template_id: &str,
    mappings: &Map<String, Value>,
    ctx: &Ctx,
    double_resources: bool,
) -> Result<Vec<Param>, MappingError> {
    let mut names: Vec<&String> = mappings.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let m = &mappings[name.as_str()];
            let mut p = eval_inner(m, name, ctx)
                .map_err(|e| MappingError::Template {
                    template: template_id.to_string(),
                    param: name.clone(),
                    mapping: show(m),
                    cause: Box::new(e),
                })?
                .into_param(name);
            if double_resources {
                p.resources.extend_from_within(..);
            }
            Ok(p)
        })
        .collect()
}
