//! Properties of the value decoders, job ids and values, key classification, the
//! key-text form, terminal escaping, redaction and the wire encoders.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

use esi::model::decode::{decode, Shape};
use esi::model::job::{JobId, JobValue};
use esi::model::keys::{classify, Family, KeyKind, ACTIONS};
use esi::model::registry::Registry;
use esi::model::resource::Record;
use esi::model::{keytext, redact, wire};
use esi::render::escape::{field, json_safe, terminal_safe};
use esi::store::Kv;

use super::gen::{self, apply, edits, hostile_string, json, real_kv};
use super::{check, ensure};

fn registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(Registry::builtin)
}

/// Decode `value` as the family its key names; every warning must name the key.
fn decodes(key: &str, value: &[u8]) -> Result<(), TestCaseError> {
    let shape = Shape::of(&classify(registry(), key));
    let d = decode(shape, key, value);
    ensure(d.warnings.iter().all(|w| w.contains(key)), || {
        format!("a warning does not name {key:?}: {:?}", d.warnings)
    })?;
    ensure(d.raw.is_none() || d.value.is_none(), || {
        "a value both decoded and raw".into()
    })?;
    let kv = Kv {
        key: key.to_string(),
        value: value.to_vec(),
        ..Kv::default()
    };
    let mut rec = Record::from_kv(shape, &kv);
    rec.redact();
    if let Some(mut v) = d.value {
        redact::redact(&mut v);
    }
    Ok(())
}

fn key_of_any_family() -> BoxedStrategy<String> {
    prop_oneof![
        3 => real_kv().prop_map(|kv| kv.key),
        1 => hostile_string(),
        1 => (hostile_string(), hostile_string()).prop_map(|(a, b)| format!("/config/v2.0/ports/{a}{b}")),
    ]
    .boxed()
}

#[test]
fn decoders_take_any_bytes() {
    check(
        "decoders_take_any_bytes",
        1,
        (key_of_any_family(), gen::bytes()),
        |(k, v)| decodes(&k, &v),
    );
}

#[test]
fn decoders_take_mutated_real_values() {
    check(
        "decoders_take_mutated_real_values",
        1,
        (real_kv(), edits()),
        |(kv, e)| decodes(&kv.key, &apply(kv.value.clone(), &e)),
    );
}

#[test]
fn decoders_take_mutated_structure() {
    let s = (real_kv(), any::<Index>(), json());
    check("decoders_take_mutated_structure", 1, s, |(kv, at, with)| {
        let Ok(mut v) = serde_json::from_slice::<Value>(&kv.value) else {
            return Ok(());
        };
        gen::unwrap_nested(&mut v);
        gen::replace_node(&mut v, at, with);
        gen::reencode(&mut v);
        decodes(&kv.key, v.to_string().as_bytes())
    });
}

#[test]
fn configs_round_trip_through_their_encoder() {
    let body = prop::collection::vec((hostile_string(), json()), 0..6);
    let s = (any::<i64>(), body, any::<bool>());
    check(
        "configs_round_trip_through_their_encoder",
        1,
        s,
        |(version, body, deleted)| {
            let body: serde_json::Map<String, Value> = body.into_iter().collect();
            let record = json!({"version": version, "body": body, "logical_delete": deleted});
            let key = "/config/v2.0/ports/p";
            let d = decode(
                Shape::Family(Family::Config),
                key,
                wire::encode_config(&record).as_bytes(),
            );
            ensure(d.value.as_ref() == Some(&record), || {
                format!("{record} came back as {:?}", d.value)
            })
        },
    );
}

#[test]
fn states_round_trip_through_their_encoder() {
    let output = (hostile_string(), json(), hostile_string())
        .prop_map(|(k, v, d)| json!({"output_key": k, "output_value": v, "description": d}));
    let s = (
        any::<i64>(),
        prop::collection::vec(output, 0..4),
        hostile_string(),
    );
    check(
        "states_round_trip_through_their_encoder",
        1,
        s,
        |(version, outputs, error)| {
            let record = json!({"version": version, "error": error,
                            "state": {"heat_outputs": outputs, "worker_state": "COMPLETE"}});
            let key = "/state/v2.0/ports/p";
            let d = decode(
                Shape::Family(Family::State),
                key,
                wire::encode_state(&record).as_bytes(),
            );
            ensure(d.value.as_ref() == Some(&record), || {
                format!("{record} came back as {:?}", d.value)
            })
        },
    );
}

#[test]
fn job_ids_parse_anything_and_round_trip() {
    let part = "[a-z_]{1,12}";
    let id = hostile_string().prop_map(|s| format!("i{}", s.replace(':', "")));
    let s = (
        hostile_string(),
        prop::sample::select(&ACTIONS[..]),
        part,
        part,
        id,
        any::<i64>(),
        "[a-z0-9]{5}",
    );
    check(
        "job_ids_parse_anything_and_round_trip",
        1,
        s,
        |(any_text, a, h, t, id, v, suffix)| {
            let _ = JobId::parse(&any_text);
            let text = format!("{a}:{h}:{t}:{id}:{v}:{suffix}");
            let parsed = JobId::parse(&text);
            ensure(
                parsed.as_ref().map(|j| j.to_string()) == Some(text.clone()),
                || format!("{text:?} parsed as {parsed:?}"),
            )
        },
    );
}

#[test]
fn job_values_decode_anything_and_round_trip() {
    let jobs: Vec<Value> = gen::corpus()
        .iter()
        .filter(|kv| kv.key.starts_with("/jobs/all/"))
        .filter_map(|kv| serde_json::from_slice(&kv.value).ok())
        .collect();
    let real = prop::sample::select(jobs);
    let s = prop_oneof![
        json(),
        (real, any::<Index>(), json()).prop_map(|(mut v, at, w)| {
            gen::replace_node(&mut v, at, w);
            v
        })
    ];
    check("job_values_decode_anything_and_round_trip", 1, s, |v| {
        let parsed = JobValue::from_value(&v);
        ensure(JobValue::check(&v).is_ok() == parsed.is_ok(), || {
            "check and from_value disagree".into()
        })?;
        if let Ok(j) = parsed {
            let _ = (j.dependency(), j.referenced());
            ensure(j.to_value() == v, || {
                format!("{v} came back as {}", j.to_value())
            })?;
        }
        Ok(())
    });
}

#[test]
fn keys_classify_and_resource_keys_come_back() {
    let types: Vec<String> = registry().iter().map(|t| t.id.clone()).collect();
    // An id has no `/` and is not empty: make one from any string rather than reject.
    let id = hostile_string().prop_map(|s| format!("i{}", s.replace('/', "")));
    let s = (
        hostile_string(),
        prop::sample::select(types),
        prop::sample::select(&Family::ALL[..]),
        id,
    );
    check(
        "keys_classify_and_resource_keys_come_back",
        1,
        s,
        |(any_key, t, family, id)| {
            let _ = classify(registry(), &any_key);
            let rt = registry().get(&t).expect("a registered type");
            let key = family.key(rt, &id);
            let got = classify(registry(), &key);
            let want = KeyKind::Resource {
                family,
                rtype: t.clone(),
                id: id.clone(),
            };
            ensure(got == want, || format!("{key:?} classified as {got:?}"))
        },
    );
}

#[test]
fn key_text_is_one_to_one() {
    let s = (gen::bytes(), gen::bytes());
    check("key_text_is_one_to_one", 1, s, |(a, b)| {
        let (ta, tb) = (keytext::from_bytes(&a), keytext::from_bytes(&b));
        ensure(keytext::to_bytes(&ta).as_ref() == a.as_slice(), || {
            format!("{a:?} → {ta:?}")
        })?;
        ensure((ta == tb) == (a == b), || {
            format!("{a:?} and {b:?} share the text {ta:?}")
        })
    });
}

fn has_unsafe(s: &str, keep_lines: bool) -> bool {
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}');
    s.chars().any(|c| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t' | '\u{1b}')))
            || bidi(c)
            || c == keytext::MARK
    })
}

#[test]
fn no_control_or_bidi_reaches_a_terminal() {
    check(
        "no_control_or_bidi_reaches_a_terminal",
        1,
        hostile_string(),
        |s| {
            let cell = field(&s);
            ensure(!has_unsafe(&cell, false), || {
                format!("{s:?} → cell {cell:?}")
            })?;
            let line = terminal_safe(&s);
            ensure(!has_unsafe(&line, true), || {
                format!("{s:?} → line {line:?}")
            })?;
            // An ESC survives only as the start of one of esi's own colour codes.
            for (i, _) in line.match_indices('\u{1b}') {
                let rest = &line[i + 1..];
                let n = rest
                    .bytes()
                    .skip(1)
                    .take_while(|b| b.is_ascii_digit() || *b == b';')
                    .count();
                ensure(
                    rest.starts_with('[') && rest.as_bytes().get(1 + n) == Some(&b'm'),
                    || format!("{s:?}: a bare ESC in {line:?}"),
                )?;
            }
            let text = json_safe(serde_json::to_string(&json!({ "v": s })).unwrap());
            let back: Value = serde_json::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            ensure(s.contains(keytext::MARK) || back["v"] == s.as_str(), || {
                format!("{s:?} → {text}")
            })
        },
    );
}

#[test]
fn planted_secrets_are_redacted() {
    let secret_field = prop::sample::select(vec![
        "password",
        "admin_password",
        "token",
        "private_key",
        "db.password",
        "access_key",
        "authorization",
    ]);
    let s = (json(), any::<Index>(), secret_field, "[A-Za-z0-9]{12,20}");
    check(
        "planted_secrets_are_redacted",
        1,
        s,
        |(mut doc, at, name, secret)| {
            let planted = format!("S3cr3t{secret}");
            gen::replace_node(
                &mut doc,
                at,
                json!({ name: planted.clone(), "url": format!("postgres://u:{planted}@db/x") }),
            );
            redact::redact(&mut doc);
            let text = doc.to_string();
            ensure(!text.contains(&planted), || {
                format!("{planted} left in {text}")
            })?;
            let said = redact::redact_text(&format!(
                "cannot reach http://admin:{planted}@h:2379: Bearer {planted}"
            ));
            ensure(!said.contains(&planted), || {
                format!("{planted} left in {said}")
            })
        },
    );
}

#[test]
fn wire_encoders_parse_back() {
    check("wire_encoders_parse_back", 1, json(), |v| {
        for text in [wire::python_json(&v), wire::go_json(&v)] {
            let back: Value = serde_json::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            ensure(back == v, || format!("{v} encoded as {text}"))?;
        }
        Ok(())
    });
}
