//! `esi snapshot save|load`: offline snapshots with full MVCC history.

use std::path::PathBuf;

use crate::cli::{context, safety, Context, GlobalArgs, Outcome};
use crate::error::{EsiError, Result};
use crate::store::snapshot;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Save every key (with its revisions since the last compaction) to FILE
    #[command(after_help = "\
Examples:
  esi snapshot save before-incident.json
  esi --store before-incident.json show port <id>       # offline, no server")]
    Save {
        /// Output file (esi snapshot JSON)
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
            let snap = snapshot::save(ctx.store(), &prefix).await?;
            let tmp = file.with_extension("partial");
            let f = std::fs::File::create(&tmp)
                .map_err(|e| EsiError::Usage(format!("cannot create {}: {e}", tmp.display())))?;
            snap.write_to(std::io::BufWriter::new(f))?;
            std::fs::rename(&tmp, &file)?;
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
            let (n, rev) = snapshot::restore(&snap, ctx.store(), history).await?;
            ctx.note(&format!("wrote {n} keys; etcd is now at revision {rev}"));
            let _ = context::etcd_config;
            Ok(Outcome::OK)
        }
    }
}
