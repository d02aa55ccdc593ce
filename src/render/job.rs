//! The human view of one job (`esi job show`): header, params, dependencies, staleness.

use colored::Colorize;
use serde_json::Value;

use crate::model::text::short;
use crate::query::job::JobShow;
use crate::render::diff::paint;
use crate::render::jobs::short_job;
use crate::render::{cell, plain, status, table, table_string};

pub fn human(v: &JobShow) -> String {
    let mut o = String::new();
    header(&mut o, v);
    params(&mut o, v);
    dependencies(&mut o, v);
    staleness(&mut o, v);
    o
}

fn header(o: &mut String, v: &JobShow) {
    o.push_str(&format!("{}\n", v.id.bold()));
    let kv = |o: &mut String, k: &str, val: String| o.push_str(&format!("  {:<11} {val}\n", k));
    kv(o, "action", v.action.clone());
    kv(
        o,
        "resource",
        format!("{} {}  v{}", v.resource_type, v.resource_id, v.version),
    );
    kv(o, "handler", v.handler.clone());
    let stage = match (v.source, v.deleted_revision) {
        ("history", Some(d)) => format!(
            "{} (gone from /jobs/all at revision {d}; last value put at revision {})",
            v.stage.name(),
            v.put_revision.unwrap_or(0)
        ),
        ("history", None) => format!(
            "{} (value from history, revision {})",
            v.stage.name(),
            v.put_revision.unwrap_or(0)
        ),
        _ => v.stage.name().to_string(),
    };
    kv(o, "stage", status(&stage));
    if let Some(w) = &v.worker {
        let ttl = v
            .lease_ttl
            .map(|t| format!(", lease {t}s left"))
            .unwrap_or_default();
        kv(o, "worker", format!("{w}{ttl}"));
    }
    let opt = |x: &Option<Value>| x.as_ref().map(short).unwrap_or_else(|| "-".into());
    kv(
        o,
        "retry",
        v.retry.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
    );
    kv(o, "on_failure", opt(&v.on_failure));
    kv(
        o,
        "is_first",
        format!("{}   is_last {}", opt(&v.is_first), opt(&v.is_last)),
    );
    if let Some(c) = v.compacted_before {
        kv(
            o,
            "history",
            format!("history before revision {c} was compacted"),
        );
    }
}

fn params(o: &mut String, v: &JobShow) {
    o.push_str(&format!("\n{}\n", "params".bold()));
    if v.params.is_empty() {
        o.push_str("  none\n");
    }
    let mut t = table(&["PARAM", "TYPE", "VALUE", "RESOURCES"]);
    for p in &v.params {
        let res: Vec<String> = p
            .resources
            .iter()
            .map(|r| {
                format!(
                    "{}/{}{}",
                    r.resource_type,
                    r.resource_id,
                    if r.count > 1 {
                        format!(" ×{}", r.count)
                    } else {
                        String::new()
                    }
                )
            })
            .collect();
        let mut shown = p.display.clone();
        if shown.chars().count() > 70 {
            shown = shown.chars().take(69).collect::<String>() + "…";
        }
        t.add_row(vec![
            p.param.clone(),
            p.ptype.clone(),
            shown,
            if res.is_empty() {
                "-".into()
            } else {
                res.join(", ")
            },
        ]);
    }
    if !v.params.is_empty() {
        for line in table_string(&t).lines() {
            o.push_str(&format!("  {line}\n"));
        }
    }
}

fn dependencies(o: &mut String, v: &JobShow) {
    o.push_str(&format!("\n{}\n", "dependencies".bold()));
    if v.dependencies.is_empty() {
        o.push_str("  none\n");
    } else {
        let mut t = table(&["ID", "STAGE", ""]);
        for d in &v.dependencies {
            t.add_row(vec![plain(&d.id), cell(&d.stage), plain(short_job(&d.id))]);
        }
        for line in table_string(&t).lines() {
            o.push_str(&format!("  {line}\n"));
        }
    }
}

fn staleness(o: &mut String, v: &JobShow) {
    let s = &v.staleness;
    let status = match s.status {
        "current" => "CURRENT".green().bold().to_string(),
        "stale" => "STALE".magenta().bold().to_string(),
        _ => "CONFIG MISSING".red().bold().to_string(),
    };
    o.push_str(&format!(
        "\n{} {status}: {}\n",
        "staleness".bold(),
        s.reason
    ));
    if !s.changed_fields.is_empty() {
        o.push_str(&format!(
            "  changed fields: {}\n",
            s.changed_fields.join(" ")
        ));
    }
    if let Some(d) = &s.diff {
        o.push_str(&paint(d, "  "));
    }
}
