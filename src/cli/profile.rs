//! Profiles: named contexts in `config.toml` (connection, default output, safety), and
//! the precedence that merges them with flags and the environment:
//! flag > ESI_* > ETCDCTL_* > context > default (docs/env.md).
//!
//! The file lives at `$ESI_CONFIG`, else `$XDG_CONFIG_HOME/esi/config.toml`, else
//! `$HOME/.config/esi/config.toml`; a missing file is an empty configuration.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::cli::args::GlobalArgs;
use crate::error::{EsiError, Result};
use crate::render::OutputFormat;
use crate::store::etcd::EtcdConfig;

pub const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:2379";
pub const DEFAULT_DIAL_TIMEOUT: Duration = Duration::from_secs(2);
pub const DEFAULT_COMMAND_TIMEOUT: Duration = Duration::from_secs(5);
/// With `confirm = "always"`, a script's `--yes` counts only when this variable names the
/// context (an exported "1" would silently cover every production context).
pub const CONFIRM_ALWAYS_OK: &str = "ESI_CONFIRM_ALWAYS_OK";

/// When a write asks for confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confirm {
    /// Ask on a terminal; without one, `--yes` is required (the default).
    #[default]
    Tty,
    /// Ask on a terminal even with `--yes`; a script needs `--yes` and
    /// ESI_CONFIRM_ALWAYS_OK=<context>.
    Always,
    /// Never ask (sandboxes): writes go through as with `--yes`.
    Never,
}

impl Confirm {
    pub fn name(self) -> &'static str {
        match self {
            Confirm::Tty => "tty",
            Confirm::Always => "always",
            Confirm::Never => "never",
        }
    }
}

/// The whole file. Unknown keys are errors: a misspelt `read_only` must not silently
/// leave a production context writable.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(
        rename = "current-context",
        alias = "current_context",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub current_context: Option<String>,
    #[serde(default)]
    pub contexts: BTreeMap<String, Profile>,
}

/// One named context.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cacert: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<PathBuf>,
    /// `name` or `name:password`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// e.g. "2s"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command_timeout: Option<String>,
    /// table, json, jsonl or yaml
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    #[serde(default)]
    pub confirm: Confirm,
    /// `false`: write no audit records to this cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<bool>,
    /// Where audit records go (default /esi-audit/).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_prefix: Option<String>,
}

pub const REDACTED: &str = "<redacted>";

impl Profile {
    /// Passwords (and the password half of `user:password`) replaced for display.
    pub fn redacted(&self) -> Profile {
        let mut p = self.clone();
        if p.password.is_some() {
            p.password = Some(REDACTED.into());
        }
        if let Some(u) = &p.user {
            if let Some((name, _)) = u.split_once(':') {
                p.user = Some(format!("{name}:{REDACTED}"));
            }
        }
        p
    }
}

/// Where the configuration file is (it may not exist).
pub fn config_path() -> Option<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(p) = var("ESI_CONFIG") {
        return Some(PathBuf::from(p));
    }
    // XDG says relative values are invalid and must be ignored.
    if let Some(x) = var("XDG_CONFIG_HOME").map(PathBuf::from) {
        if x.is_absolute() {
            return Some(x.join("esi").join("config.toml"));
        }
    }
    var("HOME").map(|h| {
        PathBuf::from(h)
            .join(".config")
            .join("esi")
            .join("config.toml")
    })
}

impl ConfigFile {
    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile> {
        let file: ConfigFile = toml::from_str(text)
            .map_err(|e| EsiError::InvalidData(format!("{}: {e}", path.display())))?;
        // `endpoints = []` would silently mean the default endpoint: say so instead. (The
        // parsed field cannot tell an empty list from a missing one.)
        if let Ok(t) = toml::from_str::<toml::Table>(text) {
            let contexts = t.get("contexts").and_then(toml::Value::as_table);
            for (name, c) in contexts.into_iter().flatten() {
                let eps = c.get("endpoints").and_then(toml::Value::as_array);
                if eps.is_some_and(|e| {
                    e.iter()
                        .all(|v| v.as_str().is_none_or(|s| s.trim().is_empty()))
                }) {
                    return Err(EsiError::InvalidData(format!(
                        "{} context `{name}`: endpoints is empty (give at least one endpoint, or leave the key out)",
                        path.display()
                    )));
                }
            }
        }
        for (name, p) in &file.contexts {
            p.check(name, path)?;
        }
        Ok(file)
    }

    /// The file at `path`; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<ConfigFile> {
        match crate::files::read_regular(path, "config file", crate::files::MAX_CONFIG_BYTES) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    EsiError::InvalidData(format!("{} is not UTF-8 text", path.display()))
                })?;
                ConfigFile::parse(&text, path)
            }
            Err(EsiError::NotFound(_)) => Ok(ConfigFile::default()),
            Err(e) => Err(e),
        }
    }

    /// The file at [`config_path`], with its path.
    pub fn load_default() -> Result<(Option<PathBuf>, ConfigFile)> {
        match config_path() {
            Some(p) => ConfigFile::load(&p).map(|f| (Some(p), f)),
            None => Ok((None, ConfigFile::default())),
        }
    }

    /// The context to use: `--context`/ESI_CONTEXT, else `current-context`, else none.
    pub fn select(&self, requested: Option<&str>) -> Result<Option<(String, Profile)>> {
        let name = match requested.filter(|n| !n.is_empty()) {
            Some(n) => n,
            None => match &self.current_context {
                Some(n) if !n.is_empty() => n,
                _ => return Ok(None),
            },
        };
        match self.contexts.get(name) {
            Some(p) => Ok(Some((name.to_string(), p.clone()))),
            None => Err(self.unknown(name)),
        }
    }

    pub fn unknown(&self, name: &str) -> EsiError {
        let hint = crate::model::suggest::closest(name, self.contexts.keys().map(String::as_str))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        let known = if self.contexts.is_empty() {
            "no contexts are defined (see docs/env.md)".to_string()
        } else {
            format!(
                "known: {}",
                self.contexts.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        };
        EsiError::Usage(format!("unknown context `{name}`{hint}; {known}"))
    }
}

impl Profile {
    /// Reject values that would only fail later, naming the file and context.
    fn check(&self, name: &str, path: &Path) -> Result<()> {
        let bad = |what: String| {
            EsiError::InvalidData(format!("{} context `{name}`: {what}", path.display()))
        };
        for (field, v) in [
            ("dial_timeout", &self.dial_timeout),
            ("command_timeout", &self.command_timeout),
        ] {
            if let Some(s) = v {
                humantime::parse_duration(s).map_err(|e| bad(format!("{field} = {s:?}: {e}")))?;
            }
        }
        if let Some(o) = &self.output {
            parse_output(o).map_err(bad)?;
        }
        Ok(())
    }
}

fn parse_output(s: &str) -> std::result::Result<OutputFormat, String> {
    <OutputFormat as clap::ValueEnum>::from_str(s, true)
        .map_err(|_| format!("output = {s:?}: expected table, wide, json, jsonl or yaml"))
}

/// Rewrite `current-context` in place, keeping the rest of the file (comments included)
/// as the operator wrote it; create the file if needed.
pub fn set_current_context(path: &Path, name: &str) -> Result<()> {
    let old = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    let file = ConfigFile::parse(&old, path)?;
    if !file.contexts.contains_key(name) {
        return Err(file.unknown(name));
    }
    let line = format!("current-context = {}", toml_string(name));
    let mut lines: Vec<String> = old.lines().map(String::from).collect();
    // Only top-level keys (before the first [table]) can be current-context.
    let top = lines
        .iter()
        .position(|l| l.trim_start().starts_with('['))
        .unwrap_or(lines.len());
    let existing = lines[..top].iter().position(|l| {
        let t = l.trim_start();
        ["current-context", "current_context", "\"current-context\""]
            .iter()
            .any(|k| {
                t.strip_prefix(k)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
    });
    match existing {
        Some(i) => lines[i] = line,
        None => lines.insert(0, line),
    }
    let mut text = lines.join("\n");
    text.push('\n');
    // Never write a file we cannot read back as meaning what we intended.
    let check = ConfigFile::parse(&text, path)?;
    if check.current_context.as_deref() != Some(name) {
        return Err(EsiError::InvalidData(format!(
            "{}: could not set current-context safely; edit the file by hand",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("toml.partial");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

fn toml_string(s: &str) -> String {
    // A TOML basic string is a JSON string for everything a context name holds.
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Where an effective value came from (shown by `esi config current`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "from", content = "name")]
pub enum Source {
    /// The command-line flag or its ESI_* variable (clap merges the two).
    Flag(String),
    /// The etcdctl variable, e.g. ETCDCTL_ENDPOINTS.
    Etcdctl(String),
    /// The selected context.
    Context(String),
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(n) => write!(f, "{n}"),
            Source::Etcdctl(n) => write!(f, "{n}"),
            Source::Context(n) => write!(f, "context {n}"),
            Source::Default => write!(f, "default"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// Everything the global flags, the environment and the selected context decide.
#[derive(Debug, Clone)]
pub struct Settings {
    pub context: Option<String>,
    pub config_file: Option<PathBuf>,
    pub etcd: EtcdConfig,
    pub output: OutputFormat,
    /// Sticky: a read-only context cannot be made writable by a flag (use another context).
    pub read_only: bool,
    pub confirm: Confirm,
    /// Where audit records go; `None`: auditing is off.
    pub audit_prefix: Option<String>,
    pub sources: BTreeMap<&'static str, Source>,
    /// ETCDCTL_* values that override the selected context (worth a warning: an etcdctl
    /// environment left in a shell would otherwise silently redirect `--context prod`).
    pub shadowed: Vec<String>,
}

/// Picks each setting through the precedence (flag/ESI_*, then ETCDCTL_*, then the
/// context, then the default), recording where each came from.
struct Picker<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
    ctx_name: Option<String>,
    sources: BTreeMap<&'static str, Source>,
    shadowed: Vec<String>,
}

impl Picker<'_> {
    fn context_source(&self) -> Source {
        Source::Context(self.ctx_name.clone().unwrap_or_default())
    }

    fn pick(
        &mut self,
        field: &'static str,
        flag: Option<String>,
        var: &str,
        ctx: Option<String>,
    ) -> Option<String> {
        let etcdctl = (self.env)(&format!("ETCDCTL_{var}")).filter(|v| !v.is_empty());
        let (v, src) = if let Some(v) = flag {
            let name = format!("--{} / ESI_{var}", field.replace('_', "-"));
            (Some(v), Source::Flag(name))
        } else if let Some(v) = etcdctl {
            if ctx.is_some() {
                self.shadowed.push(format!("ETCDCTL_{var}"));
            }
            (Some(v), Source::Etcdctl(format!("ETCDCTL_{var}")))
        } else if let Some(v) = ctx {
            (Some(v), self.context_source())
        } else {
            (None, Source::Default)
        };
        self.sources.insert(field, src);
        v
    }

    /// A duration setting; a bad value names where it came from.
    fn duration(&self, v: Option<String>, field: &str, default: Duration) -> Result<Duration> {
        match v {
            None => Ok(default),
            Some(s) => {
                let src = self
                    .sources
                    .get(field)
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                match humantime::parse_duration(&s) {
                    Err(e) => Err(EsiError::Usage(format!("{src}={s}: {e}"))),
                    // Zero would time out every request at once.
                    Ok(d) if d.is_zero() => Err(EsiError::Usage(format!(
                        "{src}={s}: a timeout must be longer than zero"
                    ))),
                    Ok(d) => Ok(d),
                }
            }
        }
    }
}

/// Merge flags (already merged with ESI_* by clap), ETCDCTL_* (`env`), the context and
/// the defaults. `env` is injected so the precedence is unit-testable.
pub fn resolve(
    g: &GlobalArgs,
    file: &ConfigFile,
    config_file: Option<PathBuf>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Settings> {
    let selected = file.select(g.context.as_deref())?;
    let ctx_name = selected.as_ref().map(|(n, _)| n.clone());
    let prof = selected.map(|(_, p)| p).unwrap_or_default();
    let mut p = Picker {
        env,
        ctx_name: ctx_name.clone(),
        sources: BTreeMap::new(),
        shadowed: Vec::new(),
    };
    let etcd = etcd_config(&mut p, g, &prof)?;
    let (output, src) = match (g.output, &prof.output) {
        (Some(o), _) => (o, Source::Flag("-o / ESI_OUTPUT".into())),
        (None, Some(s)) => (
            parse_output(s).map_err(EsiError::InvalidData)?,
            p.context_source(),
        ),
        (None, None) => (OutputFormat::Table, Source::Default),
    };
    p.sources.insert("output", src);
    let read_only = g.read_only || prof.read_only;
    let read_only_src = if g.read_only {
        Source::Flag("--read-only / ESI_READ_ONLY".into())
    } else if prof.read_only {
        p.context_source()
    } else {
        Source::Default
    };
    p.sources.insert("read_only", read_only_src);
    let confirm_src = if ctx_name.is_some() {
        p.context_source()
    } else {
        Source::Default
    };
    p.sources.insert("confirm", confirm_src);
    let audit_prefix = crate::protocol::audit::prefix(
        g.no_audit || prof.audit == Some(false),
        g.audit_prefix.clone().or_else(|| prof.audit_prefix.clone()),
    )?;
    Ok(Settings {
        audit_prefix,
        context: ctx_name,
        config_file,
        etcd,
        output,
        read_only,
        confirm: prof.confirm,
        sources: p.sources,
        shadowed: p.shadowed,
    })
}

/// The etcd connection settings.
fn etcd_config(p: &mut Picker, g: &GlobalArgs, prof: &Profile) -> Result<EtcdConfig> {
    let join = |v: &Vec<String>| (!v.is_empty()).then(|| v.join(","));
    let endpoints = p
        .pick(
            "endpoints",
            join(&g.endpoints),
            "ENDPOINTS",
            join(&prof.endpoints),
        )
        .map(|s| {
            s.split(',')
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty())
                .collect::<Vec<_>>()
        })
        .map(|v| match v.is_empty() {
            // Given but empty (`--endpoints ''`, ESI_ENDPOINTS=,,,): a mistake, not a
            // request for the default.
            true => Err(EsiError::Usage(format!(
                "{} is empty: give at least one endpoint (or leave it unset for {DEFAULT_ENDPOINT})",
                p.sources.get("endpoints").map(|s| s.to_string()).unwrap_or_default()
            ))),
            false => Ok(v),
        })
        .transpose()?
        .unwrap_or_else(|| vec![DEFAULT_ENDPOINT.to_string()]);
    let path = |p: &Option<PathBuf>| p.as_ref().map(|p| p.display().to_string());
    let cacert = p.pick("cacert", path(&g.cacert), "CACERT", path(&prof.cacert));
    let cert = p.pick("cert", path(&g.cert), "CERT", path(&prof.cert));
    let key = p.pick("key", path(&g.key), "KEY", path(&prof.key));
    let user = p.pick("user", g.user.clone(), "USER", prof.user.clone());
    let password = p.pick(
        "password",
        g.password.clone(),
        "PASSWORD",
        prof.password.clone(),
    );
    let human = |d: &Option<Duration>| d.map(|d| humantime::format_duration(d).to_string());
    let dial = p.pick(
        "dial_timeout",
        human(&g.dial_timeout),
        "DIAL_TIMEOUT",
        prof.dial_timeout.clone(),
    );
    let command = p.pick(
        "command_timeout",
        human(&g.command_timeout),
        "COMMAND_TIMEOUT",
        prof.command_timeout.clone(),
    );
    Ok(EtcdConfig {
        endpoints,
        cacert: cacert.map(PathBuf::from),
        cert: cert.map(PathBuf::from),
        key: key.map(PathBuf::from),
        user,
        password,
        dial_timeout: p.duration(dial, "dial_timeout", DEFAULT_DIAL_TIMEOUT)?,
        command_timeout: p.duration(command, "command_timeout", DEFAULT_COMMAND_TIMEOUT)?,
    })
}

/// Settings for this process: the default config file and the real environment.
pub fn settings(g: &GlobalArgs) -> Result<Settings> {
    let (path, file) = ConfigFile::load_default()?;
    resolve(g, &file, path, &|k| std::env::var(k).ok())
}

/// What a write may do, given the safety settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Write,
    Prompt,
    Refuse(String),
}

/// The write policy in one place (safety.rs asks; tests cover the table).
pub fn write_gate(
    read_only: bool,
    confirm: Confirm,
    context: Option<&str>,
    yes: bool,
    interactive: bool,
    always_ok: Option<&str>,
) -> Gate {
    if read_only {
        let why = match context {
            Some(c) => format!("--read-only / ESI_READ_ONLY / context `{c}`"),
            None => "--read-only / ESI_READ_ONLY".into(),
        };
        return Gate::Refuse(format!("read-only mode ({why}): not writing"));
    }
    match confirm {
        Confirm::Never => Gate::Write,
        Confirm::Tty if yes => Gate::Write,
        Confirm::Tty if interactive => Gate::Prompt,
        Confirm::Tty => {
            Gate::Refuse("no terminal to confirm this write; re-run with --yes to write:".into())
        }
        Confirm::Always => {
            let ctx = context.unwrap_or_default();
            if yes && always_ok == Some(ctx) {
                Gate::Write
            } else if interactive {
                Gate::Prompt
            } else {
                Gate::Refuse(format!(
                    "context `{ctx}` has confirm = \"always\": answer the prompt on a terminal, \
                     or pass --yes with {CONFIRM_ALWAYS_OK}={ctx} in a script; not writing:"
                ))
            }
        }
    }
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
