//! `esi snapshot save|load`: offline snapshots with full MVCC history.

use std::path::PathBuf;

use crate::cli::args::GlobalArgs;
use crate::cli::context::Context;
use crate::cli::outcome::Outcome;
use crate::cli::{context, progress, safety};
use crate::error::{EsiError, Result};
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
  esi snapshot load dump.v2.zlib --history --yes")]
    Load {
        /// Snapshot file: esi snapshot, `etcdctl get --prefix \"\" -w json`, or a zlib v2 dump
        file: PathBuf,
        /// Replay the recorded history event by event (keeps per-key version counts)
        #[arg(long)]
        history: bool,
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
                "saved {} keys and {} events (revisions {}..{}) to {}",
                snap.base.len(),
                snap.events.len(),
                snap.compact_revision,
                snap.revision,
                file.display()
            ));
            Ok(Outcome::OK)
        }
        Command::Load { file, history } => {
            if g.store.is_some() {
                return Err(EsiError::Usage(
                    "snapshot load writes into etcd; drop --store".into(),
                ));
            }
            let snap = snapshot::load_file(&file)?;
            safety::confirm_write(
                &ctx,
                &format!(
                    "load {} ({} keys) into {}",
                    file.display(),
                    snap.revision(),
                    ctx.store().describe()
                ),
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
            let restored = snapshot::restore(&snap, &counting, history).await;
            bar.finish_and_clear();
            let (n, rev) = restored?;
            ctx.note(&format!("wrote {n} keys; etcd is now at revision {rev}"));
            let _ = context::etcd_config;
            Ok(Outcome::OK)
        }
    }
}
