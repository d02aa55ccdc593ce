//! `esi top`'s loop: the live view ([`Reflector`]) fed by its watch, the keys from the
//! terminal, and a redraw at most every 100 ms when something changed. The terminal is
//! restored on every way out: `q`, an error, SIGINT/SIGTERM, and a panic (ratatui's hook).

pub mod keys;

use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyEventKind};
use futures_util::StreamExt;
use ratatui::DefaultTerminal;

use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::profile::{self, Gate};
use crate::cli::signals;
use crate::error::{EsiError, Result};
use crate::model::job::JobId;
use crate::model::text::short_job;
use crate::protocol::replay::{replay_plan, ReplayOptions, Source};
use crate::query::live::derive::Derived;
use crate::query::live::reflect::{Items, Reflector, Step};
use crate::render::top::model::{self, TopView};
use crate::render::top::{draw, job_rows, Mode, Ui};
use crate::store::follow::Liveness;
use keys::{on_key, window_start, Action};

/// Redraws at most this often.
const FRAME: Duration = Duration::from_millis(100);
/// Stuck and blocked are recomputed this often (they walk the whole queue: about 0.2 s
/// with 100k jobs in flight).
const DERIVE_EVERY: Duration = Duration::from_secs(5);

/// The audit reason of a replay made from the dashboard.
pub const REPLAY_REASON: &str = "replayed from esi top";

pub async fn run(ctx: &Context) -> Result<Outcome> {
    use std::io::IsTerminal;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(EsiError::Usage(
            "esi top needs a terminal on stdin and stdout; for scripts use `esi check -o json`, `esi jobs --watch` or `esi exporter`".into(),
        ));
    }
    // The first read before the screen switches: its errors print as usual.
    let reg = Arc::new(ctx.registry.clone());
    let (refl, items) = Reflector::start(ctx.store.clone(), reg, Liveness::default()).await?;
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    let mut term = ratatui::try_init()
        .map_err(|e| EsiError::Other(anyhow::anyhow!("cannot set up the terminal: {e}")))?;
    let mut app = App {
        ctx,
        refl,
        ui: Ui {
            color,
            ..Default::default()
        },
        from: 0,
        view: TopView::default(),
        derived: Derived::default(),
        derived_at: None,
    };
    let r = app.run(&mut term, items).await;
    ratatui::restore();
    r.map(|()| Outcome::OK)
}

struct App<'a> {
    ctx: &'a Context,
    refl: Reflector,
    ui: Ui,
    /// The first job row on screen.
    from: usize,
    view: TopView,
    derived: Derived,
    derived_at: Option<Instant>,
}

impl App<'_> {
    async fn run(&mut self, term: &mut DefaultTerminal, mut items: Items) -> Result<()> {
        let mut keys = EventStream::new();
        let mut tick = tokio::time::interval(FRAME);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let stop = signals::terminated();
        tokio::pin!(stop);
        let mut dirty = true;
        let mut last_second = Instant::now();
        loop {
            tokio::select! {
                item = items.recv() => {
                    let item = item.ok_or_else(|| EsiError::Store("the watch ended".into()))?;
                    if !matches!(self.refl.handle(item?).await?, Step::Applied(_)) {
                        // A message may have reached the screen from below: paint it all.
                        term.clear().map_err(term_error)?;
                    }
                    dirty = true;
                }
                ev = keys.next() => match ev {
                    None => return Ok(()),
                    Some(Err(e)) => return Err(term_error(e)),
                    Some(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                        let page = self.view.jobs.len().max(1);
                        let action = on_key(&mut self.ui, k, self.view.jobs_total, page);
                        if self.act(action).await? {
                            return Ok(());
                        }
                        dirty = true;
                    }
                    Some(Ok(_)) => dirty = true,
                },
                _ = tick.tick() => {
                    // TTLs count down on screen: redraw once a second even when idle.
                    if last_second.elapsed() >= Duration::from_secs(1) {
                        last_second = Instant::now();
                        let _ = self.refl.refresh_ttls_if_due().await;
                        dirty = true;
                    }
                    if dirty {
                        self.frame(term)?;
                        dirty = false;
                    }
                }
                _ = &mut stop => return Ok(()),
            }
        }
    }

    fn frame(&mut self, term: &mut DefaultTerminal) -> Result<()> {
        if self.derived_at.is_none_or(|t| t.elapsed() >= DERIVE_EVERY) {
            self.derived = self.refl.live.derive(&self.refl.ttl);
            self.derived_at = Some(Instant::now());
        }
        let size = term.size().map_err(term_error)?;
        let rows = job_rows(size.height, self.view.queue.len());
        self.ui.selected = self.ui.selected.min(self.view.jobs_total.saturating_sub(1));
        self.from = window_start(self.ui.selected, self.from, rows);
        let target = self.ctx.store().describe();
        self.view = model::build(
            &mut self.refl,
            &self.derived,
            &target,
            &self.ui.filter,
            self.from,
            rows,
        );
        if self.view.jobs_total > 0 && self.ui.selected >= self.view.jobs_total {
            self.ui.selected = self.view.jobs_total - 1;
        }
        term.draw(|f| draw(f, &self.view, &self.ui))
            .map_err(term_error)?;
        Ok(())
    }

    fn selected_job(&self) -> Option<String> {
        let i = self.ui.selected.checked_sub(self.view.jobs_from)?;
        self.view.jobs.get(i).map(|j| j.id.clone())
    }

    /// Do what a key asked; true to quit.
    async fn act(&mut self, a: Action) -> Result<bool> {
        match a {
            Action::None => {}
            Action::Quit => return Ok(true),
            Action::Show => {
                if let Some(job) = self.selected_job() {
                    self.show(&job).await;
                }
            }
            Action::AskReplay => {
                if let Some(job) = self.selected_job() {
                    match self.gate() {
                        Ok(()) => self.ui.mode = Mode::Confirm { job },
                        Err(why) => self.ui.status = Some(why),
                    }
                }
            }
            Action::Replay(job) => {
                self.ui.status = Some(match self.replay(&job).await {
                    Ok(s) => s,
                    Err(e) => {
                        let why = e.to_string();
                        let first = why.lines().next().unwrap_or_default().to_string();
                        format!("replay of {} not written: {first}", short_job(&job))
                    }
                });
            }
        }
        Ok(false)
    }

    async fn show(&mut self, job: &str) {
        let ctx = self.ctx;
        let Some(j) = JobId::parse(job) else {
            self.ui.status = Some(format!("{job}: not a job id of the ESI grammar"));
            return;
        };
        let read = async {
            let t = ctx.registry.resolve(&j.resource_type)?;
            crate::query::resource::read_resource(
                ctx.store(),
                &ctx.registry,
                t,
                &j.resource_id,
                None,
            )
            .await
        };
        match read.await {
            Ok(mut v) => {
                if !ctx.show_secrets {
                    v.redact();
                }
                // The screen styles itself: the text view is rendered without colour.
                let was = colored::control::SHOULD_COLORIZE.should_colorize();
                colored::control::set_override(false);
                let text = crate::render::resource::show(&v, &ctx.registry);
                colored::control::set_override(was);
                let title = format!("{} {}", j.resource_type, j.resource_id);
                self.ui.mode = Mode::Show {
                    title,
                    text: crate::render::escape::terminal_safe(&text).into_owned(),
                    scroll: 0,
                };
            }
            Err(e) => self.ui.status = Some(format!("show {}: {e}", j.resource_id)),
        }
    }

    /// The write gate of `esi replay`, answered inside the screen: read-only and offline
    /// refuse; everything else is asked (the dashboard always asks).
    fn gate(&self) -> std::result::Result<(), String> {
        let ctx = self.ctx;
        ctx.refuse_offline("writes").map_err(|e| e.to_string())?;
        let always_ok = std::env::var(profile::CONFIRM_ALWAYS_OK).ok();
        let gate = profile::write_gate(
            ctx.read_only,
            ctx.confirm,
            ctx.context.as_deref(),
            ctx.yes,
            true,
            always_ok.as_deref(),
        );
        match gate {
            Gate::Refuse(why) => Err(format!("replay refused: {why}")),
            Gate::Write | Gate::Prompt => Ok(()),
        }
    }

    async fn replay(&mut self, job: &str) -> Result<String> {
        self.gate().map_err(EsiError::Refused)?;
        let ctx = self.ctx;
        // Notices would print under the screen: the outcome line says what matters.
        let quiet = |_n: crate::protocol::plan::Notice<'_>| {};
        let opts = ReplayOptions {
            force: false,
            dry_run: false,
            suffix: None,
        };
        let plan = replay_plan(ctx.store(), &ctx.registry, Source::Job(job), opts, &quiet).await?;
        let w = crate::cli::write::commit(ctx, &plan, Some(REPLAY_REASON)).await?;
        // One status line of 80 columns: the short id; the record is in `esi audit`.
        let audit = if w.audit.is_some() { ", audited" } else { "" };
        Ok(format!(
            "replayed as {} ({}) at revision {}{audit}",
            short_job(&w.job_id),
            w.stage.name(),
            w.revision
        ))
    }
}

fn term_error(e: std::io::Error) -> EsiError {
    EsiError::Other(anyhow::anyhow!("terminal: {e}"))
}
