//! The context built once per invocation from the global flags: the store client,
//! the registry, output settings and safety settings.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use crate::cli::args::GlobalArgs;
use crate::cli::profile::{self, Confirm};
use crate::error::{EsiError, Result};
use crate::model::audit::redact_argv;
use crate::model::registry::Registry;
use crate::protocol::audit::{default_actor, Auditor};
use crate::protocol::plan::Notice;
use crate::render::{self, Printer};
use crate::store::embedded::EmbeddedStore;
use crate::store::etcd::{EtcdConfig, EtcdStore};
use crate::store::{snapshot, Store};

pub struct Context {
    pub store: Arc<dyn Store>,
    pub registry: Registry,
    pub out: Printer,
    pub show_secrets: bool,
    pub read_only: bool,
    pub yes: bool,
    pub quiet: bool,
    /// The selected context of the config file, and its confirmation policy.
    pub context: Option<String>,
    /// `--store` / ESI_STORE: an offline snapshot, where no write may go (it would vanish
    /// with the process).
    pub offline: Option<String>,
    /// `-v` count: more detail in confirmations.
    pub verbose: u8,
    pub confirm: Confirm,
    /// Who writes, with the command line; each write adds its reason.
    pub audit: Auditor,
}

/// The etcd connection settings: flag, ESI_*, ETCDCTL_*, context, default (see
/// [`crate::cli::profile::resolve`]).
pub fn etcd_config(g: &GlobalArgs) -> Result<EtcdConfig> {
    Ok(profile::settings(g)?.etcd)
}

/// Open the store the flags name: a snapshot file (`--store`) or etcd (probed first, so
/// an unreachable cluster is reported before any work with its own exit code).
pub async fn open_store(g: &GlobalArgs) -> Result<Arc<dyn Store>> {
    if let Some(file) = &g.store {
        if matches!(file.as_str(), "sample" | "sample-faults")
            && Path::new(file).exists()
            && !g.quiet
        {
            render::warn(&format!("--store {file} is the bundled sample; the file ./{file} is reached as --store ./{file}"));
        }
        let path = Path::new(file);
        let bundled = matches!(file.as_str(), "sample" | "sample-faults");
        if !bundled && crate::store::backup::is_backup(path) {
            return crate::store::backup::open(path, crate::files::max_input_bytes()?);
        }
        let store = if bundled {
            let s = EmbeddedStore::new();
            if file == "sample" {
                crate::store::sample::populate(&s).await?;
            } else {
                crate::store::sample::populate_faults(&s).await?;
            }
            s
        } else {
            snapshot::load_file(path)?
        };
        return Ok(Arc::new(store) as Arc<dyn Store>);
    }
    open_etcd(etcd_config(g)?, true).await
}

async fn open_etcd(cfg: EtcdConfig, probe: bool) -> Result<Arc<dyn Store>> {
    let store = EtcdStore::connect(cfg).await?;
    if probe {
        store.probe().await?;
    }
    Ok(Arc::new(store))
}

impl Context {
    pub async fn build(g: &GlobalArgs) -> Result<Context> {
        Context::open(g, true).await
    }

    /// For commands whose first request is a single read: that read is the probe (a
    /// refused or timed-out connection maps to "cannot reach etcd", exit 4, just the
    /// same), which saves a round trip on the hot path of `show`, `get`, `ls` and
    /// `history` (whose first request is the status that fixes its end revision).
    pub async fn build_for_read(g: &GlobalArgs) -> Result<Context> {
        Context::open(g, false).await
    }

    async fn open(g: &GlobalArgs, probe: bool) -> Result<Context> {
        let registry = Registry::with_user_file(g.schema.as_deref())?;
        let color = render::init_color(g.color);
        let settings = profile::settings(g)?;
        if !g.quiet && g.store.is_none() {
            for var in &settings.shadowed {
                render::warn(&format!(
                    "{var} overrides context `{}` (unset it to use the context's value)",
                    settings.context.as_deref().unwrap_or_default()
                ));
            }
        }
        let store = match &g.store {
            Some(_) => open_store(g).await?,
            None => open_etcd(settings.etcd.clone(), probe).await?,
        };
        Ok(Context {
            store,
            registry,
            out: Printer::new(settings.output, color),
            show_secrets: g.show_secrets,
            read_only: settings.read_only,
            yes: g.yes,
            quiet: g.quiet,
            context: settings.context,
            confirm: settings.confirm,
            offline: g.store.clone(),
            verbose: g.verbose,
            audit: Auditor {
                prefix: settings.audit_prefix,
                actor: g.actor.clone().unwrap_or_else(default_actor),
                reason: None,
                command: redact_argv(&std::env::args().collect::<Vec<_>>()),
                batch: None,
            },
        })
    }

    /// Refuse a write on an offline store: it would change a copy in memory, report
    /// success, and vanish.
    pub fn refuse_offline(&self, what: &str) -> Result<()> {
        match &self.offline {
            None => Ok(()),
            Some(name) => Err(EsiError::Refused(format!(
                "{what} go to etcd, not to the offline snapshot `{name}` (--store / ESI_STORE), where they would vanish with this process: nothing was written; drop --store (or unset ESI_STORE) to write to etcd"
            ))),
        }
    }

    /// A resource id as typed, or the one id a unique prefix of it stands for (said on
    /// stderr). Ambiguous prefixes are a usage error listing the candidates.
    pub async fn resource_id(
        &self,
        t: &crate::model::registry::ResourceType,
        input: &str,
        rev: Option<i64>,
    ) -> Result<String> {
        use crate::query::ids::{resolve_id, Resolved};
        Ok(match resolve_id(self.store(), t, input, rev).await? {
            Resolved::AsTyped => input.to_string(),
            Resolved::Prefix(id) => {
                self.note(&format!("{} {input}… is {id}", t.id));
                id
            }
        })
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// Human-only messages (stderr; silent with -q).
    pub fn note(&self, msg: &str) {
        if !self.quiet {
            render::note(msg);
        }
    }

    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            render::warn(msg);
        }
    }

    /// A notice from a protocol plan, said as a note or a warning.
    pub fn notice(&self, n: Notice) {
        match n {
            Notice::Note(m) => self.note(m),
            Notice::Warn(m) => self.warn(m),
        }
    }

    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }
}
