//! The context built once per invocation from the global flags: the store client,
//! the registry, output settings and safety settings.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::GlobalArgs;
use crate::error::{EsiError, Result};
use crate::model::registry::Registry;
use crate::render::{self, OutputFormat, Printer};
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
}

/// ESI_* is handled by clap; fall back to the matching ETCDCTL_* variable.
fn etcdctl_env(name: &str) -> Option<String> {
    std::env::var(format!("ETCDCTL_{name}"))
        .ok()
        .filter(|v| !v.is_empty())
}

pub fn etcd_config(g: &GlobalArgs) -> Result<EtcdConfig> {
    let endpoints = if !g.endpoints.is_empty() {
        g.endpoints.clone()
    } else if let Some(e) = etcdctl_env("ENDPOINTS") {
        e.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        vec!["http://127.0.0.1:2379".to_string()]
    };
    let path = |v: &Option<std::path::PathBuf>, env: &str| {
        v.clone().or_else(|| etcdctl_env(env).map(Into::into))
    };
    let dur = |v: Option<Duration>, env: &str, default: Duration| -> Result<Duration> {
        match (v, etcdctl_env(env)) {
            (Some(d), _) => Ok(d),
            (None, Some(s)) => humantime::parse_duration(&s)
                .map_err(|e| EsiError::Usage(format!("ETCDCTL_{env}={s}: {e}"))),
            (None, None) => Ok(default),
        }
    };
    Ok(EtcdConfig {
        endpoints,
        cacert: path(&g.cacert, "CACERT"),
        cert: path(&g.cert, "CERT"),
        key: path(&g.key, "KEY"),
        user: g.user.clone().or_else(|| etcdctl_env("USER")),
        password: g.password.clone().or_else(|| etcdctl_env("PASSWORD")),
        dial_timeout: dur(g.dial_timeout, "DIAL_TIMEOUT", Duration::from_secs(2))?,
        command_timeout: dur(g.command_timeout, "COMMAND_TIMEOUT", Duration::from_secs(5))?,
    })
}

/// Open the store the flags name: a snapshot file (`--store`) or etcd (probed first, so
/// an unreachable cluster is reported before any work with its own exit code).
pub async fn open_store(g: &GlobalArgs) -> Result<Arc<dyn Store>> {
    if let Some(file) = &g.store {
        let store = if file == "sample" {
            let s = EmbeddedStore::new();
            crate::sample::populate(&s).await?;
            s
        } else {
            snapshot::load_file(Path::new(file))?
        };
        return Ok(Arc::new(store) as Arc<dyn Store>);
    }
    let store = EtcdStore::connect(etcd_config(g)?).await?;
    store.probe().await?;
    Ok(Arc::new(store))
}

impl Context {
    pub async fn build(g: &GlobalArgs) -> Result<Context> {
        let registry = Registry::with_user_file(g.schema.as_deref())?;
        let color = render::init_color(g.color);
        let store = open_store(g).await?;
        Ok(Context {
            store,
            registry,
            out: Printer::new(g.output.unwrap_or(OutputFormat::Table), color),
            show_secrets: g.show_secrets,
            read_only: g.read_only,
            yes: g.yes,
            quiet: g.quiet,
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

    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }
}
