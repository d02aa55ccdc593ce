//! Which resource types' jobs can reference a type (spec §2.6 reverse clause, §5.3–5.4):
//! a job's `resources` are the hops its template's mappings take, and a hop lands on a
//! type either through the relations table (a string hop from the current type) or by
//! naming the type (`M`/`F` strings, `{"type": T}` hops). So the types that can reference
//! `T` follow from the relations table and the type names the templates spell out; the
//! enqueue scan reads only those types' jobs.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::registry::Registry;

/// The job types whose params can reference a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referrers {
    /// Any type (the target, or a type with a relation path to it, is named in a template).
    All,
    /// Only these (registered) types.
    Types(BTreeSet<String>),
}

/// Every type name a mapping names explicitly, over-approximated: the `M` type, each `F`
/// hop's type (also inside `A` parts), and every string `type` member of an object
/// (hops `{"id", "type"}`; a `type` member that is not a hop only widens the set).
pub fn named_types(m: &Value, out: &mut BTreeSet<String>) {
    match m {
        Value::String(s) => named_in_string(s, out),
        Value::Array(a) => a.iter().for_each(|v| named_types(v, out)),
        Value::Object(o) => {
            if let Some(Value::String(t)) = o.get("type") {
                out.insert(t.clone());
            }
            o.values().for_each(|v| named_types(v, out));
        }
        _ => {}
    }
}

fn named_in_string(s: &str, out: &mut BTreeSet<String>) {
    let mut parts: Vec<&str> = vec![s];
    if let Some(rest) = s.strip_prefix('A') {
        parts = rest.split('&').collect();
    }
    for p in parts {
        if let Some(rest) = p.strip_prefix('M') {
            if let Some((t, _)) = rest.split_once(':') {
                out.insert(t.to_string());
            }
        } else if let Some(rest) = p.strip_prefix('F') {
            for hop in rest.split(':') {
                if let Some((t, _)) = hop.split_once('+') {
                    out.insert(t.to_string());
                }
            }
        }
    }
}

/// The types whose jobs can reference one of `targets`, given the types the templates
/// name (`named`, from [`named_types`] over every template). A named type can be reached
/// from any type in one hop, and from it whatever its relations lead to; so a target
/// reachable from a named type makes every type a referrer. Otherwise the referrers are
/// the types with a relation path (one hop or more) to a target.
pub fn referrers(reg: &Registry, named: &BTreeSet<String>, targets: &[&str]) -> Referrers {
    // Reverse relation edges: target type → types with a field pointing at it.
    let mut back: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for t in reg.iter() {
        for target in t.relations.values() {
            back.entry(target.as_str())
                .or_default()
                .insert(t.id.as_str());
        }
    }
    let mut out: BTreeSet<String> = BTreeSet::new();
    for target in targets {
        // Every type with a relation path of length ≥ 0 to the target.
        let mut seen: BTreeSet<&str> = BTreeSet::from([*target]);
        let mut todo: Vec<&str> = vec![target];
        while let Some(t) = todo.pop() {
            for &from in back.get(t).into_iter().flatten() {
                if seen.insert(from) {
                    todo.push(from);
                }
            }
        }
        if seen.iter().any(|t| named.contains(*t)) {
            return Referrers::All;
        }
        // The target itself refers to itself only through a relation cycle.
        let cyclic = back
            .get(target)
            .is_some_and(|b| b.iter().any(|f| reaches(&back, f, target) || *f == *target));
        for t in seen {
            if t != *target || cyclic {
                out.insert(t.to_string());
            }
        }
    }
    Referrers::Types(out)
}

/// Whether `to` has a reverse-edge path to `from`'s ancestors that returns to `to`
/// (i.e. `to` reaches itself through relations via `from`).
fn reaches(back: &HashMap<&str, BTreeSet<&str>>, from: &str, to: &str) -> bool {
    let mut seen: BTreeSet<&str> = BTreeSet::from([from]);
    let mut todo = vec![from];
    while let Some(t) = todo.pop() {
        for &f in back.get(t).into_iter().flatten() {
            if f == to {
                return true;
            }
            if seen.insert(f) {
                todo.push(f);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reg() -> Registry {
        Registry::builtin()
    }

    #[test]
    fn names_from_every_form() {
        let mut s = BTreeSet::new();
        named_types(
            &json!({
                "a": "Mnetwork:network_id:id",
                "b": "Fese_physical_port+ese_physical_port_id:ese_device+ese_device_id:ip",
                "c": "ACFILTER_&Fqos_option+qos_option_id:name",
                "d": {"for_field": "fixed_ips", "for_mapping": {"output_key": "id", "path": [{"id": "subnet_id", "type": "subnet"}]}},
                "e": "Pname", "f": "Cliteral:with+colon"
            }),
            &mut s,
        );
        let v: Vec<&str> = s.iter().map(String::as_str).collect();
        assert_eq!(
            v,
            [
                "ese_device",
                "ese_physical_port",
                "network",
                "qos_option",
                "subnet"
            ]
        );
    }

    #[test]
    fn relation_paths_give_the_referrers() {
        let r = reg();
        // port is the target of vnf_interface.port_id and the two logical links.
        let Referrers::Types(t) = referrers(&r, &BTreeSet::new(), &["port"]) else {
            panic!("expected a type set")
        };
        assert!(t.contains("vnf_interface") && t.contains("hosting_logical_link"));
        assert!(!t.contains("port") && !t.contains("network"));
        // network is reached from port (one hop) and from whatever reaches port.
        let Referrers::Types(n) = referrers(&r, &BTreeSet::new(), &["network"]) else {
            panic!("expected a type set")
        };
        assert!(n.contains("port") && n.contains("subnet") && n.contains("vnf_interface"));
    }

    #[test]
    fn a_named_type_upstream_makes_everyone_a_referrer() {
        let r = reg();
        let named = BTreeSet::from(["vnf_interface".to_string()]);
        assert_eq!(referrers(&r, &named, &["port"]), Referrers::All);
        let named = BTreeSet::from(["subnet".to_string()]);
        assert_ne!(referrers(&r, &named, &["port"]), Referrers::All);
    }

    #[test]
    fn a_relation_cycle_keeps_the_target() {
        let r = reg();
        // billing_resource.parent_billing_id → billing_resource.
        let Referrers::Types(t) = referrers(&r, &BTreeSet::new(), &["billing_resource"]) else {
            panic!("expected a type set")
        };
        assert!(t.contains("billing_resource"));
    }
}
