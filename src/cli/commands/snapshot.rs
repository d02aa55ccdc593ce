//! `esi snapshot save|load`: offline snapshots with full MVCC history.

use std::path::PathBuf;

use crate::cli::args::GlobalArgs;
use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::{context, progress, safety};
use crate::error::{EsiError, Result};
use crate::protocol::audit::Auditor;
use crate::store::{snapshot, Range, Store};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Save every key (with its revisions since the last compaction) to FILE
    #[command(after_help = "\
Examples:
  esi snapshot save before-incident.json
  esi --store before-incident.json show port <id>       # offline, no server")]
    Save {
        /// Output file (esi snapshot JSON), replaced atomically; - for stdout
        file: PathBuf,
        /// Only keys under this prefix
        #[arg(long, default_value = "/")]
        prefix: String,
    },
    /// Write a snapshot (any format --store reads) into etcd
    #[command(after_help = "\
Examples:
  esi --endpoints http://127.0.0.1:23790 snapshot load before-incident.json --yes
  esi snapshot load dump.v2.zlib --history --yes
  esi snapshot load before-incident.json --dry-run      # what, and into what

A target that already holds ESI keys (/config/, /jobs/, /esi-worker/, /state/,
/monitoring/) is refused unless --allow-existing: loading would mix two deployments.")]
    Load {
        /// Snapshot file: an etcd backup (`etcdctl snapshot save`), an esi snapshot,
        /// `etcdctl get --prefix "" -w json`, or a zlib v2 dump
        file: PathBuf,
        /// Replay the recorded history event by event (keeps per-key version counts)
        #[arg(long)]
        history: bool,
        /// Say what would be loaded, and into what; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Load even when the target already holds ESI keys (the two states then mix)
        #[arg(long)]
        allow_existing: bool,
        /// Why: kept in the load's audit record (`esi audit`)
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
}

pub async fn run(g: &GlobalArgs, c: Command) -> Result<Outcome> {
    let ctx = Context::build(g).await?;
    match c {
        Command::Save { file, prefix } => {
            let (_, counted) = ctx
                .store()
                .range(&Range::prefix(&prefix).count_only(), None)
                .await?;
            let bar = progress::bar(ctx.quiet, Some(counted.count.max(0) as u64), "saving");
            let counting = progress::Counting {
                inner: ctx.store(),
                bar: bar.clone(),
            };
            let snap = snapshot::save(&counting, &prefix).await;
            bar.finish_and_clear();
            let snap = snap?;
            crate::files::write_replacing(&file, |w| snap.write_to(w))?;
            ctx.note(&format!(
                "saved {} keys at revision {}, with {} changes of history since revision {}, to {}",
                counted.count,
                snap.revision,
                snap.events.len(),
                snap.compact_revision,
                file.display()
            ));
            Ok(Outcome::OK)
        }
        Command::Load {
            file,
            history,
            dry_run,
            allow_existing,
            reason,
        } => {
            if g.store.is_some() {
                return Err(EsiError::Usage(
                    "snapshot load writes into etcd; drop --store".into(),
                ));
            }
            let snap = snapshot::load_file(&file)?;
            // Keys are counted the same way here, in `save` and in the report: live keys.
            let (at, live) = snap.range(&Range::prefix("").count_only(), None).await?;
            let existing = esi_keys(ctx.store()).await?;
            if dry_run {
                ctx.note(&format!(
                    "would load {} ({} keys at its revision {at}{}) into {}, which holds {existing} ESI keys; nothing written (--dry-run)",
                    file.display(),
                    live.count,
                    if history { ", history replayed" } else { "" },
                    ctx.store().describe()
                ));
                return Ok(Outcome::OK);
            }
            // (Read-only is said first, by the write gate.)
            if existing > 0 && !allow_existing && !ctx.read_only {
                return Err(EsiError::Refused(format!(
                    "{} already holds {existing} ESI keys: loading {} would mix two states; --allow-existing loads anyway",
                    ctx.store().describe(),
                    file.display()
                )));
            }
            safety::confirm_write(
                &ctx,
                &format!(
                    "load {} ({} keys at its revision {at}) into {}",
                    file.display(),
                    live.count,
                    ctx.store().describe()
                ),
                "",
            )?;
            // With --history the number of writes is the number of events: show a spinner.
            let total = if history {
                None
            } else {
                let (_, r) = snap.range(&Range::prefix("").count_only(), None).await?;
                Some(r.count.max(0) as u64)
            };
            let bar = progress::bar(ctx.quiet, total, "loading");
            let counting = progress::Counting {
                inner: ctx.store(),
                bar: bar.clone(),
            };
            let auditor = Auditor {
                reason: reason.clone(),
                ..ctx.audit.clone()
            };
            let audit = |keys: &[String]| auditor.op("snapshot-load", None, keys).map(|(_, op)| op);
            let restored = snapshot::restore(&snap, &counting, history, &audit).await;
            bar.finish_and_clear();
            let (n, rev) = restored?;
            ctx.note(&format!("wrote {n} keys; etcd is now at revision {rev}"));
            let _ = context::etcd_config;
            Ok(Outcome::OK)
        }
    }
}

/// How many keys of ESI's families the store holds (count-only ranges, one round trip).
async fn esi_keys(store: &dyn Store) -> Result<i64> {
    let ranges: Vec<Range> = [
        "/config/",
        "/jobs/",
        "/esi-worker/",
        "/state/",
        "/monitoring/",
    ]
    .iter()
    .map(|p| Range::prefix(*p).count_only())
    .collect();
    let (_, res) = store.ranges(&ranges, None).await?;
    Ok(res.iter().map(|r| r.count).sum())
}
