//! Completion candidates from the registry, the config file and the live cluster: resource
//! types, resource ids, job ids, context names. Plain functions, compiled without the
//! `dynamic-completion` feature so they are tested in every build; the feature only adds
//! the clap_complete glue (completions.rs).
//!
//! Completion runs while an operator waits at a prompt: reads are keys-only, limited to
//! [`LIMIT`] keys, bounded by [`TIMEOUT`] end to end, and every failure yields nothing.

use std::ffi::OsString;
use std::sync::Arc;
use std::time::Duration;

use clap::{ArgMatches, CommandFactory, FromArgMatches};

use crate::cli::args::GlobalArgs;
use crate::cli::profile::{self, ConfigFile};
use crate::cli::{context, Cli};
use crate::error::{EsiError, Result};
use crate::model::keys::{Family, QueueDir};
use crate::model::registry::Registry;
use crate::store::etcd::EtcdStore;
use crate::store::{Range, Store};

/// At most this many keys per completion read.
pub const LIMIT: i64 = 200;
/// The whole lookup (connect + read) gives up after this long.
pub const TIMEOUT: Duration = Duration::from_millis(300);

/// What an argument holds, i.e. which candidates it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A resource type (schema id).
    Type,
    /// `esi watch <target>`: a resource type or `jobs`.
    WatchTarget,
    /// A resource id of the type given earlier on the line (`rtype` or `target`).
    Id,
    /// `--latest <TYPE> <ID>`: value 0 a type, value 1 an id of that type.
    Latest,
    /// A job id in /jobs/all.
    JobId,
    /// A context of the config file.
    Context,
}

/// Resource types starting with `prefix` (schema ids; plurals are accepted when typed but
/// offering both would double every list).
pub fn type_names(registry: &Registry, prefix: &str) -> Vec<String> {
    registry
        .iter()
        .map(|t| t.id.clone())
        .filter(|id| id.starts_with(prefix))
        .collect()
}

/// Context names of the config file starting with `prefix`.
pub fn context_names(file: &ConfigFile, prefix: &str) -> Vec<String> {
    file.contexts
        .keys()
        .filter(|n| n.starts_with(prefix))
        .cloned()
        .collect()
}

/// Ids of resources of `rtype` (id or plural) whose id starts with `prefix`: one keys-only
/// read of `/config<prefix>/<id prefix>`, at most [`LIMIT`] keys.
pub async fn complete_ids(
    store: &dyn Store,
    registry: &Registry,
    rtype: &str,
    prefix: &str,
) -> Result<Vec<String>> {
    let t = registry.resolve(rtype)?;
    let dir = Family::Config.type_prefix(t);
    let range = Range::prefix(format!("{dir}{prefix}"))
        .keys_only()
        .limit(LIMIT);
    let (_, res) = store.range(&range, None).await?;
    Ok(res
        .kvs
        .iter()
        .filter_map(|kv| kv.key.strip_prefix(&dir))
        // Deeper keys (a child's prefix under the parent's) are not ids of this type.
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .map(String::from)
        .collect())
}

/// Job ids in /jobs/all starting with `prefix`, at most [`LIMIT`].
pub async fn complete_job_ids(store: &dyn Store, prefix: &str) -> Result<Vec<String>> {
    let dir = QueueDir::All.prefix();
    let range = Range::prefix(format!("{dir}{prefix}"))
        .keys_only()
        .limit(LIMIT);
    let (_, res) = store.range(&range, None).await?;
    Ok(res
        .kvs
        .iter()
        .filter_map(|kv| kv.key.strip_prefix(&dir).map(String::from))
        .collect())
}

/// The command line being completed, parsed as far as it goes: the global flags (so
/// `esi --context prod show port <TAB>` asks prod) and the innermost subcommand's values.
pub struct Line {
    pub global: GlobalArgs,
    matches: ArgMatches,
}

impl Line {
    /// `words`: the whole line, program name first, cut after the word being completed.
    pub fn parse(words: &[OsString]) -> Option<Line> {
        let matches = Cli::command()
            .ignore_errors(true)
            .try_get_matches_from(words)
            .ok()?;
        let global = GlobalArgs::from_arg_matches(&matches).ok()?;
        let mut m = &matches;
        while let Some((_, sub)) = m.subcommand() {
            m = sub;
        }
        Some(Line {
            global,
            matches: m.clone(),
        })
    }

    fn value(&self, id: &str) -> Option<String> {
        self.matches
            .try_get_one::<String>(id)
            .ok()
            .flatten()
            .cloned()
    }

    fn values(&self, id: &str) -> Vec<String> {
        self.matches
            .try_get_many::<String>(id)
            .ok()
            .flatten()
            .map(|v| v.cloned().collect())
            .unwrap_or_default()
    }

    /// The resource type named earlier on the line.
    pub fn rtype(&self) -> Option<String> {
        self.value("rtype")
            .or_else(|| self.value("target"))
            .filter(|t| t != "jobs")
    }
}

/// Candidates for one argument. `index` is the position of the value within the
/// argument (for `--latest TYPE ID`). Never fails, never takes longer than [`TIMEOUT`]
/// (plus building a runtime).
pub fn candidates(kind: Kind, words: &[OsString], index: usize, current: &str) -> Vec<String> {
    let Some(line) = Line::parse(words) else {
        return Vec::new();
    };
    let registry = match Registry::with_user_file(line.global.schema.as_deref()) {
        Ok(r) => r,
        Err(_) => Registry::builtin(),
    };
    let mut out = match (kind, index) {
        (Kind::Type, _) | (Kind::Latest, 0) => type_names(&registry, current),
        (Kind::WatchTarget, _) => {
            let mut v = type_names(&registry, current);
            if "jobs".starts_with(current) {
                v.insert(0, "jobs".into());
            }
            v
        }
        (Kind::Context, _) => ConfigFile::load_default()
            .map(|(_, f)| context_names(&f, current))
            .unwrap_or_default(),
        (Kind::Id, _) | (Kind::Latest, _) => {
            let rtype = if kind == Kind::Latest {
                line.values("latest").first().cloned()
            } else {
                line.rtype()
            };
            let Some(rtype) = rtype else {
                return Vec::new();
            };
            live(&line.global, |store| async move {
                complete_ids(store.as_ref(), &registry, &rtype, current).await
            })
        }
        (Kind::JobId, _) => live(&line.global, |store| async move {
            complete_job_ids(store.as_ref(), current).await
        }),
    };
    out.sort();
    out.dedup();
    out
}

/// Run one lookup against the store the line names, bounded by [`TIMEOUT`]; errors and
/// timeouts give no candidates.
fn live<F, Fut>(g: &GlobalArgs, f: F) -> Vec<String>
where
    F: FnOnce(Arc<dyn Store>) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<String>>>,
{
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let work = async {
        let store: Arc<dyn Store> = if g.store.as_deref() == Some("sample") {
            context::open_store(g).await?
        } else if let Some(file) = g.store.clone() {
            // Parsing a large snapshot is synchronous: off the runtime, so the timeout holds.
            let load = tokio::task::spawn_blocking(move || {
                crate::store::snapshot::load_file(std::path::Path::new(&file))
            });
            Arc::new(load.await.map_err(|e| EsiError::Other(e.into()))??)
        } else {
            let mut cfg = profile::settings(g)?.etcd;
            cfg.dial_timeout = cfg.dial_timeout.min(TIMEOUT);
            cfg.command_timeout = cfg.command_timeout.min(TIMEOUT);
            // No probe: the read itself fails fast, and one round trip is cheaper.
            Arc::new(EtcdStore::connect(cfg).await?)
        };
        f(store).await
    };
    let found = rt.block_on(async {
        tokio::time::timeout(TIMEOUT, work)
            .await
            .ok()
            .and_then(|r| r.ok())
            .unwrap_or_default()
    });
    // Do not wait for the client's background tasks: the shell is waiting.
    rt.shutdown_background();
    found
}

/// The words of the line being completed, from a `COMPLETE=<shell> esi -- <words>`
/// invocation: everything after `--`, cut after the word being completed when the shell
/// says which one it is (bash's `_CLAP_COMPLETE_INDEX`).
pub fn words_from_args(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    let mut words = match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].to_vec(),
        None => args,
    };
    if let Some(i) = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        words.truncate(i + 1);
    }
    words
}

/// Answer a `COMPLETE=<shell> esi -- <words>` request and exit; return at once on a
/// normal run. Call first thing in `main`, before anything writes to stdout.
#[cfg(feature = "dynamic-completion")]
pub fn complete_env() {
    clap_complete::CompleteEnv::with_factory(dynamic::command).complete();
}

#[cfg(feature = "dynamic-completion")]
mod dynamic {
    use std::ffi::OsStr;

    use clap::CommandFactory;
    use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, ValueCompleter};

    use super::{self as candidates, Kind};
    use crate::cli::Cli;

    struct Completer(Kind);

    impl ValueCompleter for Completer {
        fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
            self.complete_at(0, current)
        }
        fn complete_at(&self, index: usize, current: &OsStr) -> Vec<CompletionCandidate> {
            let Some(current) = current.to_str() else {
                return Vec::new();
            };
            let words = candidates::words_from_args(std::env::args_os());
            candidates::candidates(self.0, &words, index, current)
                .into_iter()
                .map(CompletionCandidate::new)
                .collect()
        }
    }

    /// Which candidates an argument gets, by its id: the subcommands name their
    /// arguments consistently, so new commands are covered without touching this table.
    fn kind(cmd: &str, arg: &str) -> Option<Kind> {
        Some(match (cmd, arg) {
            ("watch", "target") => Kind::WatchTarget,
            (_, "rtype") => Kind::Type,
            (_, "id") => Kind::Id,
            (_, "latest") => Kind::Latest,
            (_, "job_id") => Kind::JobId,
            (_, "context") | ("use-context", "name") => Kind::Context,
            _ => return None,
        })
    }

    fn augment(cmd: clap::Command) -> clap::Command {
        let name = cmd.get_name().to_string();
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        let mut cmd = cmd;
        for id in ids {
            if let Some(k) = kind(&name, &id) {
                cmd = cmd.mut_arg(&id, |a| a.add(ArgValueCompleter::new(Completer(k))));
            }
        }
        cmd.mut_subcommands(augment)
    }

    /// The clap definition with completers attached. Only completion sees them, so the
    /// committed static scripts and the docs are the same with or without the feature.
    pub fn command() -> clap::Command {
        augment(Cli::command())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<OsString> {
        s.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn the_line_names_the_type_and_the_connection() {
        let l = Line::parse(&words("esi --endpoints http://x:1 show ports dd")).unwrap();
        assert_eq!(l.rtype().as_deref(), Some("ports"));
        assert_eq!(l.global.endpoints, ["http://x:1"]);
        let l = Line::parse(&words("esi watch jobs ")).unwrap();
        assert_eq!(l.rtype(), None);
        let l = Line::parse(&words("esi replay job --latest port dd")).unwrap();
        assert_eq!(l.values("latest"), ["port", "dd"]);
        // Incomplete lines still parse.
        assert!(Line::parse(&words("esi show")).is_some());
        assert!(Line::parse(&words("esi --endpoints")).is_some());
    }

    #[test]
    fn types_and_watch_targets_need_no_cluster() {
        let v = candidates(Kind::Type, &words("esi show po"), 0, "po");
        assert!(v.contains(&"port".to_string()), "{v:?}");
        assert!(v.iter().all(|t| t.starts_with("po")));
        let v = candidates(Kind::WatchTarget, &words("esi watch j"), 0, "j");
        assert_eq!(v.first().map(String::as_str), Some("jobs"));
        let v = candidates(
            Kind::Latest,
            &words("esi replay job --latest vnf"),
            0,
            "vnf",
        );
        assert!(v.contains(&"vnf_instance".to_string()), "{v:?}");
    }

    #[test]
    fn the_sample_store_completes_ids_offline() {
        let v = candidates(Kind::Id, &words("esi --store sample show port dd"), 0, "dd");
        assert_eq!(v, [crate::store::sample::PORT_MGMT]);
    }

    #[test]
    fn an_unreachable_cluster_gives_nothing_quickly() {
        // A port nothing listens on: connection refused or timeout, never a hang.
        let started = std::time::Instant::now();
        let line = "esi --endpoints http://127.0.0.1:9 show port ";
        assert!(candidates(Kind::Id, &words(line), 0, "").is_empty());
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
