//! `esi demo`: the whole flow on the embedded store, no server. Loads the bundled sample,
//! runs the engine in-process (job manager + worker, simulated Heat with a small latency),
//! writes a new config version of a port as Gohan would (the manager builds a modify
//! job), lets the sample's pending logical_delete run, streams what happens like
//! `esi watch`, then shows both ports.

use std::sync::Arc;
use std::time::Duration;

use colored::Colorize;
use serde::Serialize;
use serde_json::{json, Value};

use crate::cli::args::GlobalArgs;
use crate::cli::commands::engine::spawn_in_process;
use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::engine::heat::sim::SimConfig;
use crate::engine::manager::ManagerConfig;
use crate::engine::runner::EngineConfig;
use crate::engine::worker::WorkerConfig;
use crate::error::{EsiError, Result};
use crate::model::keys::Family;
use crate::model::resource::ResourceView;
use crate::model::timeline;
use crate::model::wire::encode_config;
use crate::protocol::build::{BuildOptions, ConfigRecord};
use crate::query::resource as query;
use crate::render::resource as view;
use crate::render::watch::{self, Line};
use crate::store::follow::{Follower, Item, Liveness};
use crate::store::sample;
use crate::store::{Op, Range, Txn};

#[derive(Debug, clap::Args)]
#[command(after_help = "\
What it does, on an in-memory store loaded with the bundled load-balancer sample:
  1. starts the engine in-process (job manager + worker, simulated Heat);
  2. writes config v4 of port ddc14be4-3480-4e97-a978-817b18f9904c (admin_state_up
     false), as Gohan would: the manager builds a modify job, the worker runs it;
  3. the sample's pending logical_delete of port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc
     (already ready) runs too;
  4. every change is printed as `esi watch` prints it, then `esi show` of both ports.

Examples:
  esi demo
  esi demo --latency 1s
  esi demo -o jsonl")]
pub struct Args {
    /// Simulated duration of each stack operation (makes the run watchable)
    #[arg(long, default_value = "800ms", value_parser = humantime::parse_duration)]
    pub latency: Duration,
    /// Give up after this long
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration)]
    pub timeout: Duration,
}

/// One line of the demo stream: a narration step or a change (as `esi watch`).
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum DemoLine<'a> {
    Step {
        text: String,
    },
    #[serde(untagged)]
    Watch(&'a Line<'a>),
}

fn human(l: &DemoLine) -> String {
    match l {
        DemoLine::Step { text } => format!("{} {}\n", "==>".cyan().bold(), text.bold()),
        // Two ports change at once: each event line names its resource.
        DemoLine::Watch(Line::Event(e)) => format!(
            "{:<13} {}",
            resource_of(&e.key),
            watch::human(&Line::Event(e))
        ),
        DemoLine::Watch(w) => watch::human(w),
    }
}

/// `port:ddc14be4` for a family key or a job key.
fn resource_of(key: &str) -> String {
    if let Some(job) = key
        .strip_prefix("/jobs/")
        .and_then(|k| k.split_once('/'))
        .map(|(_, id)| id)
    {
        if let Some(j) = crate::model::job::JobId::parse(job) {
            return format!(
                "{}:{}",
                j.resource_type,
                j.resource_id.chars().take(8).collect::<String>()
            );
        }
    }
    let mut parts = key.rsplit('/');
    let id: String = parts.next().unwrap_or_default().chars().take(8).collect();
    let plural = parts.next().unwrap_or_default();
    format!("{}:{id}", plural.strip_suffix('s').unwrap_or(plural))
}

pub async fn run(g: &GlobalArgs, a: Args) -> Result<Outcome> {
    let mut g = g.clone();
    g.store = Some("sample".into());
    let ctx = Context::build(&g).await?;
    let step = |text: String| ctx.out.emit_event(&DemoLine::Step { text }, human);
    let start = ctx.store().probe().await?.revision;
    step(format!(
        "bundled load-balancer sample loaded into the embedded store (revision {start})"
    ))?;

    let port = ctx.registry.resolve("port")?.clone();
    let (modified, deleting) = (sample::PORT_MGMT, sample::PORT_USER);
    let mut specs = query::resource_specs(&ctx.registry, &port, modified, &[], true);
    specs.extend(query::resource_specs(
        &ctx.registry,
        &port,
        deleting,
        &[],
        true,
    ));
    let mut follower = Follower::new(ctx.store.clone(), specs, start + 1, Liveness::default());

    let cfg = EngineConfig {
        manager: Some(ManagerConfig {
            sweep: Duration::from_secs(1),
            build: BuildOptions::default(),
            ..Default::default()
        }),
        worker: Some(WorkerConfig {
            slots: 8,
            ..Default::default()
        }),
        sim: SimConfig {
            latency: a.latency,
            fail: vec![],
        },
    };
    step(format!("starting the engine in-process: job manager + worker, simulated Heat ({:?} per stack operation)", a.latency))?;
    let (handle, task) = spawn_in_process(ctx.store.clone(), Arc::new(ctx.registry.clone()), cfg);

    let version = write_modify(&ctx, &port, modified).await?;
    step(format!(
        "Gohan writes config v{version} of port {modified} (admin_state_up → false)"
    ))?;
    step(format!(
        "the pending logical_delete of port {deleting} is already ready"
    ))?;

    let deadline = tokio::time::Instant::now() + a.timeout;
    let streamed = async {
        loop {
            let revision = next_events(&ctx, &mut follower).await?;
            let (m, d) = (
                read(&ctx, &port, modified, revision).await?,
                read(&ctx, &port, deleting, revision).await?,
            );
            if done(&m, version, "MODIFY_COMPLETED") && done(&d, 4, "DELETE_COMPLETED") {
                return Ok::<(), EsiError>(());
            }
        }
    };
    let finished = tokio::time::timeout_at(deadline, streamed).await;
    handle.drain();
    let stopped = task.await.map_err(|e| EsiError::Other(e.into()))?;
    match finished {
        Err(_) => {
            return Err(EsiError::Timeout(format!(
                "the demo jobs did not finish within {:?}",
                a.timeout
            )))
        }
        Ok(r) => r?,
    }
    stopped?;
    // The last clean-up writes (job_state removed, finished key dropped) land after the
    // states: print them too.
    let last = ctx.store().probe().await?.revision;
    while follower.next <= last {
        let _ = tokio::time::timeout(Duration::from_millis(500), next_events(&ctx, &mut follower))
            .await;
    }
    step("engine stopped; both ports now:".into())?;
    for id in [modified, deleting] {
        let mut v = query::read_resource(ctx.store(), &ctx.registry, &port, id, None).await?;
        if !ctx.show_secrets {
            v.redact();
        }
        ctx.out.emit(&v, |v| view::show(v, &ctx.registry))?;
    }
    Ok(Outcome::OK)
}

/// Print the next batch of changes; returns its revision.
async fn next_events(ctx: &Context, f: &mut Follower) -> Result<i64> {
    loop {
        match f.next().await? {
            Item::Events { revision, events } => {
                for ev in &events {
                    let e = timeline::entry(&ctx.registry, revision, ev, !ctx.show_secrets);
                    ctx.out
                        .emit_event(&DemoLine::Watch(&Line::Event(&e)), human)?;
                }
                return Ok(revision);
            }
            Item::Gap {
                from,
                compact_revision,
            } => {
                ctx.out.emit_event(
                    &DemoLine::Watch(&Line::Gap {
                        from,
                        compact_revision,
                    }),
                    human,
                )?;
            }
            Item::Reconnecting { from, error } => {
                ctx.out
                    .emit_event(&DemoLine::Watch(&Line::Reconnecting { from, error }), human)?;
            }
        }
    }
}

async fn read(
    ctx: &Context,
    t: &crate::model::registry::ResourceType,
    id: &str,
    rev: i64,
) -> Result<ResourceView> {
    query::read_resource(ctx.store(), &ctx.registry, t, id, Some(rev)).await
}

fn done(v: &ResourceView, version: i64, worker_state: &str) -> bool {
    v.state.esi_version() == Some(version)
        && v.state
            .get(&["state", "worker_state"])
            .and_then(Value::as_str)
            == Some(worker_state)
        && v.active_job().is_none()
}

/// The next config version of the port, as Gohan writes it for an update.
async fn write_modify(
    ctx: &Context,
    t: &crate::model::registry::ResourceType,
    id: &str,
) -> Result<i64> {
    let key = Family::Config.key(t, id);
    let (_, res) = ctx.store().range(&Range::key(&key), None).await?;
    let kv = res
        .kvs
        .first()
        .ok_or_else(|| EsiError::NotFound(format!("{key} is not in the sample")))?;
    let cur = ConfigRecord::from_kv(kv)?;
    let mut body = cur.body.clone();
    body["admin_state_up"] = json!(false);
    body["status"] = json!("PENDING_UPDATE");
    body["orchestration_state"] = json!("UPDATE_IN_PROGRESS");
    let version = cur.version + 1;
    let rec = json!({"body": body, "marked_for_deletion": false, "version": version});
    let txn = Txn {
        compares: vec![crate::store::Compare::ModRevision(
            key.clone(),
            kv.mod_revision,
        )],
        success: vec![Op::put(&key, encode_config(&rec))],
        failure: vec![],
    };
    if !ctx.store().txn(txn).await?.succeeded {
        return Err(EsiError::Conflict(format!(
            "{key} changed while the demo wrote it"
        )));
    }
    Ok(version)
}
