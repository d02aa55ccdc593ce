//! `esi watch <type> <id>` / `esi watch jobs`: the current state, then every change as it
//! happens, one line per event, flushed per event; `--until` conditions with exit codes
//! runbooks can rely on.

use std::time::Duration;

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::error::{EsiError, Result};
use crate::exit;
use crate::model::cond::{self, Cond, Decision};
use crate::model::keys::Family;
use crate::model::registry::ResourceType;
use crate::model::resource::ResourceView;
use crate::model::timeline::{self};
use crate::query::resource as query;
use crate::render::watch::{human, Line};
use crate::store::follow::{Follower, Item, Liveness, Spec};
use crate::store::keyhistory::history;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Conditions (--until, repeatable; any one ends the watch):
  in-sync        the verdict is IN SYNC (state at config version, stack and monitoring agree)
  complete       state version == config version with a *_COMPLETED/READ_COMPLETE worker
                 state, and no job in flight (monitoring not considered)
  failed         a failure: state error, *_FAILED status (exit 1)
  deleted        /config is absent after the resource existed (a resource absent at the
                 start counts as deleted only if its /config has a delete in the retained
                 history; otherwise the watch waits for it to appear, and be deleted)
  version=N      the worker has realised config version N or later (state version >= N)
  monitoring=S   the monitoring status is S (every member of an object status)
  <verdict>      any other verdict code: degraded, stale, deleting, pending, working, …
                 (in-sync, in_sync and IN SYNC are one spelling family)
While waiting for any success condition, a failure ends the watch early with exit 1.

A resource with no key yet is waited for (said once on stderr); --must-exist exits 3
instead. So is etcd when it answers but cannot serve reads (a member cut off from its
quorum): said once, and bounded by --timeout, which then exits 4.

Exit status: 0 condition reached (or already true), 1 failure reached, 7 --timeout
expired, 130 interrupted, 3 not found (--must-exist), 4 etcd unreachable (at start, or
still, or without quorum, when --timeout expires).

Examples:
  esi watch vnf_instance 398d65ba-0060-456e-b415-5bc954450717
  esi watch port ddc14be4-3480-4e97-a978-817b18f9904c --until complete --timeout 5m
  esi watch port db3bff62-cf93-48ce-8d6b-cfb2f7fd7dfc --until deleted -o jsonl
  esi watch jobs --type port")]
pub struct Args {
    /// A resource type, or `jobs` to follow the whole queue
    pub target: String,
    /// Resource id (not with `jobs`)
    #[arg(value_parser = crate::cli::values::id)]
    pub id: Option<String>,
    /// Stop when this condition holds (see below)
    #[arg(long, value_name = "COND")]
    pub until: Vec<String>,
    /// Give up after this long (e.g. 30s, 5m): exit 7
    #[arg(long, value_parser = humantime::parse_duration)]
    pub timeout: Option<Duration>,
    /// Replay changes from this revision first (like `etcdctl watch --rev`)
    #[arg(long, visible_alias = "revision", value_parser = crate::cli::values::revision)]
    pub rev: Option<i64>,
    /// With `jobs`: only jobs of this resource type
    #[arg(long = "type")]
    pub jtype: Option<String>,
    /// Fail at once (exit 3) when the resource has no key now, instead of waiting for it
    /// to appear
    #[arg(long)]
    pub must_exist: bool,
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
    // The last revision the watch reached, for the timeout's report.
    let last = std::sync::atomic::AtomicI64::new(0);
    // Set while etcd answers but cannot serve reads (a member without quorum).
    let down = std::sync::atomic::AtomicBool::new(false);
    if let Some(r) = a.rev {
        // etcd would accept a watch from the future and wait in silence: the one rule for
        // a revision beyond the head applies here too.
        crate::store::check_revision(r, ctx.store().probe().await?.revision)?;
    }
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
            let id = patiently(ctx, &down, || ctx.resource_id(&t, &id, None)).await?;
            let w = Watch {
                t: &t,
                id: &id,
                conds: &conds,
                until: a.until.join(","),
                liveness,
                from_rev: a.rev,
                must_exist: a.must_exist,
                last: &last,
                down: &down,
            };
            watch_resource(ctx, w).await
        }
    };
    match deadline {
        None => work.await,
        Some(d) => {
            match tokio::time::timeout_at(d, work).await {
                Ok(r) => r,
                Err(_) => {
                    let seen = last.load(std::sync::atomic::Ordering::Relaxed);
                    if down.load(std::sync::atomic::Ordering::Relaxed) {
                        return Err(EsiError::Unreachable {
                            endpoints: ctx.store().describe(),
                            detail: "--timeout expired while etcd answered but could not serve the watch's reads (no quorum?)".into(),
                        });
                    }
                    // A watch that lost etcd did not time out waiting for the condition: say
                    // so with the unreachable code, and how far it got.
                    let rev = ctx.store().probe().await.inspect_err(|_| {
                    ctx.warn(&format!("--timeout expired while etcd was unreachable (last revision seen: {seen})"));
                })?;
                    finish(
                        ctx,
                        &a.until.join(","),
                        exit::TIMEOUT,
                        rev.revision.max(seen),
                    )
                }
            }
        }
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

fn decide(conds: &[Cond], v: &ResourceView, t: &ResourceType, existed: bool) -> Option<i32> {
    cond::decide_seen(conds, v, t, existed).map(|d| match d {
        Decision::Reached => exit::OK,
        Decision::Failed => exit::DIFFERS,
    })
}

/// One resource watch: what to follow and when to stop.
struct Watch<'a> {
    t: &'a ResourceType,
    id: &'a str,
    conds: &'a [Cond],
    until: String,
    liveness: Liveness,
    from_rev: Option<i64>,
    must_exist: bool,
    last: &'a std::sync::atomic::AtomicI64,
    down: &'a std::sync::atomic::AtomicBool,
}

async fn watch_resource(ctx: &Context, w: Watch<'_>) -> Result<Outcome> {
    let Watch {
        t,
        id,
        conds,
        until,
        liveness,
        from_rev,
        must_exist,
        last,
        down,
    } = w;
    let until = until.as_str();
    let (mut view, mut existed) = patiently(ctx, down, || {
        first_view(ctx, t, id, conds, from_rev, must_exist)
    })
    .await?;
    fn snapshot(v: &ResourceView) -> Line<'_> {
        Line::Snapshot {
            revision: v.revision,
            verdict: &v.verdict,
            config_version: v.config.esi_version(),
            state_version: v.state.esi_version(),
        }
    }
    ctx.out.emit_event(&snapshot(&view), human)?;
    last.store(view.revision, std::sync::atomic::Ordering::Relaxed);
    if let Some(code) = decide(conds, &view, t, existed) {
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
        last.store(rev, std::sync::atomic::Ordering::Relaxed);
        if conds.is_empty() {
            continue;
        }
        view = query::read_resource(ctx.store(), &ctx.registry, t, id, Some(rev)).await?;
        existed |= !view.is_empty();
        if let Some(pb) = &pb {
            pb.set_message(view.verdict.text.clone());
        }
        if let Some(code) = decide(conds, &view, t, existed) {
            if let Some(pb) = &pb {
                pb.finish_and_clear();
            }
            return finish(ctx, until, code, rev);
        }
    }
}

/// The view the watch starts from, and whether the resource exists (or existed). With
/// --rev R: the state just before R (the follower then replays every change from R); if
/// R is compacted, the state now (the follower then reports the gap).
/// Retry `f` while etcd cannot serve it: a member cut off from its quorum answers a
/// status request but not reads. Said once; the watch's --timeout bounds the wait.
async fn patiently<T, F, Fut>(
    ctx: &Context,
    down: &std::sync::atomic::AtomicBool,
    f: F,
) -> Result<T>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    use std::sync::atomic::Ordering;
    let mut said = false;
    loop {
        match f().await {
            Err(e @ (EsiError::Unreachable { .. } | EsiError::Timeout(_))) => {
                down.store(true, Ordering::Relaxed);
                if !said {
                    ctx.warn(&format!(
                        "{e}; the watch waits for etcd (--timeout bounds the wait)"
                    ));
                    said = true;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            r => {
                down.store(false, Ordering::Relaxed);
                return r;
            }
        }
    }
}

async fn first_view(
    ctx: &Context,
    t: &ResourceType,
    id: &str,
    conds: &[Cond],
    from_rev: Option<i64>,
    must_exist: bool,
) -> Result<(ResourceView, bool)> {
    let at = from_rev.map(|r| (r - 1).max(1));
    let view = match query::read_resource(ctx.store(), &ctx.registry, t, id, at).await {
        Err(EsiError::Compacted { .. }) => {
            query::read_resource(ctx.store(), &ctx.registry, t, id, None).await?
        }
        other => other?,
    };
    if !view.is_empty() {
        return Ok((view, true));
    }
    if must_exist {
        query::require_found(&view)?;
    }
    let existed = absent_at_start(ctx, t, id, &view, conds).await?;
    Ok((view, existed))
}

/// A resource with no key when the watch starts: say so once, and wait for it. `deleted`
/// then needs a delete to have happened: one in the retained history of its config key
/// counts (returns true: the resource existed); a resource that never existed there is
/// waited for — a mistyped id ends at --timeout, not with "reached".
async fn absent_at_start(
    ctx: &Context,
    t: &ResourceType,
    id: &str,
    view: &ResourceView,
    conds: &[Cond],
) -> Result<bool> {
    let key = Family::Config.key(t, id);
    if conds.contains(&Cond::Deleted) {
        let h = history(ctx.store(), &key, false, 1, view.revision).await?;
        if let Some(at) = h.deleted.get(&key) {
            ctx.note(&format!("{} {id} was deleted at revision {at}", t.id));
            return Ok(true);
        }
    }
    ctx.warn(&format!(
        "{} {id} does not exist at revision {} (no key in any family, and {key} has no delete in the retained history): waiting for it to appear (--must-exist fails instead)",
        t.id, view.revision
    ));
    Ok(false)
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
