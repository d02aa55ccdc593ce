//! `esi watch <type> <id>` / `esi watch jobs`: the current state, then every change as it
//! happens, one line per event, flushed per event; `--until` conditions with exit codes
//! runbooks can rely on.

use std::time::Duration;


use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::exit;
use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::model::registry::ResourceType;
use crate::model::resource::ResourceView;
use crate::model::timeline::{self};
use crate::model::cond::{self, Cond, Decision};
use crate::render::watch::{human, Line};
use crate::query::resource as query;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Conditions (--until, repeatable; any one ends the watch):
  in-sync        the verdict is IN SYNC (state at config version, stack and monitoring agree)
  complete       state version == config version with a *_COMPLETED/READ_COMPLETE worker
                 state, and no job in flight (monitoring not considered)
  failed         a failure: state error, *_FAILED status (exit 1)
  deleted        /config is absent (true at once if it never existed)
  version=N      the worker has realised config version N or later (state version >= N)
  monitoring=S   the monitoring status is S (every member of an object status)
While waiting for any success condition, a failure ends the watch early with exit 1.

Exit status: 0 condition reached (or already true), 1 failure reached, 7 --timeout
expired, 130 interrupted, 4 etcd unreachable at start.

Examples:
  esi watch vnf_instance 398d65ba-0060-456e-b415-5bc954450717
  esi watch port ddc14be4-3480-4e97-a978-817b18f9904c --until complete --timeout 5m
  esi watch port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc --until deleted -o jsonl
  esi watch jobs --type port")]
pub struct Args {
    /// A resource type, or `jobs` to follow the whole queue
    pub target: String,
    /// Resource id (not with `jobs`)
    pub id: Option<String>,
    /// Stop when this condition holds (see below)
    #[arg(long, value_name = "COND")]
    pub until: Vec<String>,
    /// Give up after this long (e.g. 30s, 5m): exit 7
    #[arg(long, value_parser = humantime::parse_duration)]
    pub timeout: Option<Duration>,
    /// Replay changes from this revision first (like `etcdctl watch --rev`)
    #[arg(long)]
    pub rev: Option<i64>,
    /// With `jobs`: only jobs of this resource type
    #[arg(long = "type")]
    pub jtype: Option<String>,
    /// Ask etcd for progress after this much silence (dead-connection detection)
    #[arg(long, default_value = "10s", value_parser = humantime::parse_duration, hide = true)]
    pub progress_interval: Duration,
}

pub async fn run(ctx: &Context, a: Args) -> Result<Outcome> {
    let conds: Vec<Cond> = a
        .until
        .iter()
        .map(|s| Cond::parse(s))
        .collect::<Result<_>>()?;
    let liveness = Liveness {
        idle: a.progress_interval,
        deadline: a.progress_interval.min(Duration::from_secs(5)),
    };
    let deadline = a.timeout.map(|d| tokio::time::Instant::now() + d);
    let work = async {
        if a.target == "jobs" {
            if a.id.is_some() {
                return Err(EsiError::Usage(
                    "`esi watch jobs` takes no id (use --type)".into(),
                ));
            }
            watch_jobs(ctx, &a, liveness).await
        } else {
            let id = a.id.clone().ok_or_else(|| {
                EsiError::Usage(format!("esi watch {} needs a resource id", a.target))
            })?;
            let t = ctx.registry.resolve(&a.target)?.clone();
            let until = a.until.join(",");
            watch_resource(ctx, &t, &id, &conds, &until, liveness, a.rev).await
        }
    };
    match deadline {
        None => work.await,
        Some(d) => match tokio::time::timeout_at(d, work).await {
            Ok(r) => r,
            Err(_) => {
                let rev = ctx.store().probe().await.map(|s| s.revision).unwrap_or(0);
                finish(ctx, &a.until.join(","), exit::TIMEOUT, rev)
            }
        },
    }
}

fn spinner(ctx: &Context, conds: &[Cond]) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if conds.is_empty() || ctx.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    pb.enable_steady_tick(Duration::from_millis(120));
    Some(pb)
}

/// Check the conditions: Some(exit code) when the watch should end.
/// The closing `result` line, in the words the conditions were given in, and the exit
/// code it stands for.
fn finish(ctx: &Context, until: &str, code: i32, revision: i64) -> Result<Outcome> {
    let outcome = match code {
        exit::OK => "reached",
        exit::TIMEOUT => "timeout",
        _ => "failed",
    };
    ctx.out.emit_event(
        &Line::Result {
            condition: until.to_string(),
            outcome,
            revision,
        },
        human,
    )?;
    Ok(Outcome(code))
}

fn decide(conds: &[Cond], v: &ResourceView, t: &ResourceType) -> Option<i32> {
    cond::decide(conds, v, t).map(|d| match d {
        Decision::Reached => exit::OK,
        Decision::Failed => exit::DIFFERS,
    })
}

async fn watch_resource(
    ctx: &Context,
    t: &ResourceType,
    id: &str,
    conds: &[Cond],
    until: &str,
    liveness: Liveness,
    from_rev: Option<i64>,
) -> Result<Outcome> {
    // With --rev R: the state just before R, then every change from R on. If R is
    // compacted, start from now; the follower then reports the gap.
    let at = from_rev.map(|r| (r - 1).max(1));
    let mut view = match query::read_resource(ctx.store(), &ctx.registry, t, id, at).await {
        Err(EsiError::Compacted { .. }) => {
            query::read_resource(ctx.store(), &ctx.registry, t, id, None).await?
        }
        other => other?,
    };
    if conds.iter().all(|c| *c != Cond::Deleted) {
        query::require_found(&view)?;
    }
    fn snapshot(v: &ResourceView) -> Line<'_> {
        Line::Snapshot {
            revision: v.revision,
            verdict: &v.verdict,
            config_version: v.config.esi_version(),
            state_version: v.state.esi_version(),
        }
    }
    ctx.out.emit_event(&snapshot(&view), human)?;
    if let Some(code) = decide(conds, &view, t) {
        return finish(ctx, until, code, view.revision);
    }
    let pb = spinner(ctx, conds);
    let specs = query::resource_specs(&ctx.registry, t, id, &[], true);
    let mut f = Follower::new(
        ctx.store.clone(),
        specs,
        from_rev.unwrap_or(view.revision + 1),
        liveness,
    );
    loop {
        let item = f.next().await?;
        let rev = match item {
            Item::Events { revision, events } => {
                for ev in &events {
                    let e = timeline::entry(&ctx.registry, revision, ev, !ctx.show_secrets);
                    if let Some(pb) = &pb {
                        pb.suspend(|| ctx.out.emit_event(&Line::Event(&e), human))?;
                    } else {
                        ctx.out.emit_event(&Line::Event(&e), human)?;
                    }
                }
                revision
            }
            Item::Gap {
                from,
                compact_revision,
            } => {
                ctx.out.emit_event(
                    &Line::Gap {
                        from,
                        compact_revision,
                    },
                    human,
                )?;
                view = query::read_resource(ctx.store(), &ctx.registry, t, id, None).await?;
                ctx.out.emit_event(&snapshot(&view), human)?;
                f.reset(view.revision + 1);
                view.revision
            }
            Item::Reconnecting { from, error } => {
                ctx.out
                    .emit_event(&Line::Reconnecting { from, error }, human)?;
                continue;
            }
        };
        if conds.is_empty() {
            continue;
        }
        view = query::read_resource(ctx.store(), &ctx.registry, t, id, Some(rev)).await?;
        if let Some(pb) = &pb {
            pb.set_message(view.verdict.text.clone());
        }
        if let Some(code) = decide(conds, &view, t) {
            if let Some(pb) = &pb {
                pb.finish_and_clear();
            }
            return finish(ctx, until, code, rev);
        }
    }
}

async fn watch_jobs(ctx: &Context, a: &Args, liveness: Liveness) -> Result<Outcome> {
    let from = match a.rev {
        Some(r) => r,
        None => ctx.store().probe().await?.revision + 1,
    };
    let mut specs = vec![Spec::prefix("/jobs/")];
    if let Some(tn) = &a.jtype {
        let t = ctx.registry.resolve(tn)?;
        specs = crate::model::keys::QueueDir::ALL
            .iter()
            .flat_map(|d| {
                crate::model::job::JobId::type_prefixes(ctx.registry.handlers(), &t.id)
                    .into_iter()
                    .map(move |p| Spec::prefix(format!("{}{p}", d.prefix())))
            })
            .collect();
    }
    ctx.note(&format!("watching the job queue from revision {from}"));
    let mut f = Follower::new(ctx.store.clone(), specs, from, liveness);
    loop {
        match f.next().await? {
            Item::Events { revision, events } => {
                for ev in &events {
                    let e = timeline::entry(&ctx.registry, revision, ev, !ctx.show_secrets);
                    ctx.out.emit_event(&Line::Event(&e), human)?;
                }
            }
            Item::Gap {
                from,
                compact_revision,
            } => {
                ctx.out.emit_event(
                    &Line::Gap {
                        from,
                        compact_revision,
                    },
                    human,
                )?;
                let now = ctx.store().probe().await?.revision;
                f.reset(now + 1);
            }
            Item::Reconnecting { from, error } => ctx
                .out
                .emit_event(&Line::Reconnecting { from, error }, human)?,
        }
    }
}
