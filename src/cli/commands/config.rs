//! `esi config view|use-context|get-contexts|current`: the profiles of the config file
//! (see [`crate::cli::profile`]). None of these talk to etcd.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cli::args::GlobalArgs;
use crate::cli::outcome::Outcome;
use crate::cli::profile::{self, ConfigFile, Profile, Source};
use crate::error::{EsiError, Result};
use crate::render::config::{contexts_table, settings_table, ContextRow};
use crate::render::{self, Printer};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the config file (passwords redacted unless --show-secrets)
    #[command(after_help = "\
Examples:
  esi config view
  esi config view -o json | jq '.contexts | keys'
  ESI_CONFIG=./ci-config.toml esi config view")]
    View,
    /// Make NAME the current-context (rewrites only that line of the file)
    #[command(after_help = "\
Examples:
  esi config use-context staging
  esi --context prod show port <id>      # one command on another context instead")]
    UseContext {
        /// A context defined in the config file
        name: String,
    },
    /// List the contexts (* marks the one in use)
    #[command(after_help = "\
Examples:
  esi config get-contexts
  esi config get-contexts -o jsonl")]
    GetContexts,
    /// The settings this invocation would use and where each comes from
    #[command(after_help = "\
Precedence: flag > ESI_* > ETCDCTL_* > context > default. read_only is sticky: a context's
read_only = true cannot be undone by a flag.

Examples:
  esi config current
  esi --context prod config current -o json
  ETCDCTL_ENDPOINTS=http://10.0.0.1:2379 esi config current   # shows who wins")]
    Current,
}

pub fn run(g: &GlobalArgs, c: Command) -> Result<Outcome> {
    let color = render::init_color(g.color);
    let out = Printer::new(g.output.unwrap_or_default(), color);
    let (path, file) = ConfigFile::load_default()?;
    match c {
        Command::View => view(g, &out, path, &file),
        Command::UseContext { name } => {
            let path = path.ok_or_else(|| {
                EsiError::Usage("no config file location: set ESI_CONFIG or HOME".into())
            })?;
            profile::set_current_context(&path, &name)?;
            if !g.quiet {
                render::note(&format!(
                    "switched to context `{name}` ({})",
                    path.display()
                ));
            }
            Ok(Outcome::OK)
        }
        Command::GetContexts => get_contexts(g, &out, &file),
        Command::Current => current(g, &out, path, &file),
    }
}

#[derive(Serialize)]
struct ViewDoc {
    path: Option<String>,
    exists: bool,
    #[serde(rename = "current-context")]
    current_context: Option<String>,
    contexts: BTreeMap<String, Profile>,
}

fn view(
    g: &GlobalArgs,
    out: &Printer,
    path: Option<std::path::PathBuf>,
    file: &ConfigFile,
) -> Result<Outcome> {
    let shown = ConfigFile {
        current_context: file.current_context.clone(),
        contexts: file
            .contexts
            .iter()
            .map(|(n, p)| {
                let p = if g.show_secrets {
                    p.clone()
                } else {
                    p.redacted()
                };
                (n.clone(), p)
            })
            .collect(),
    };
    let doc = ViewDoc {
        exists: path.as_ref().is_some_and(|p| p.exists()),
        path: path.as_ref().map(|p| p.display().to_string()),
        current_context: shown.current_context.clone(),
        contexts: shown.contexts.clone(),
    };
    out.emit(&doc, |d| {
        // The table form is the file itself (TOML), as an operator would write it.
        let head = match (&d.path, d.exists) {
            (Some(p), true) => format!("# {p}\n"),
            (Some(p), false) => format!("# {p} (does not exist: no contexts)\n"),
            (None, _) => "# no config file location (set ESI_CONFIG or HOME)\n".into(),
        };
        head + &toml::to_string_pretty(&shown).unwrap_or_default()
    })?;
    Ok(Outcome::OK)
}

fn get_contexts(g: &GlobalArgs, out: &Printer, file: &ConfigFile) -> Result<Outcome> {
    // The one in use honours --context / ESI_CONTEXT (validated like everywhere else).
    let active = file.select(g.context.as_deref())?.map(|(n, _)| n);
    let rows: Vec<ContextRow> = file
        .contexts
        .iter()
        .map(|(n, p)| ContextRow {
            name: n.clone(),
            current: active.as_deref() == Some(n),
            endpoints: p.endpoints.clone(),
            read_only: p.read_only,
            confirm: p.confirm.name(),
        })
        .collect();
    if rows.is_empty() && !out.format.is_machine() {
        if !g.quiet {
            render::note("no contexts defined (see docs/env.md)");
        }
        return Ok(Outcome::OK);
    }
    out.emit_list(&rows, contexts_table)?;

    Ok(Outcome::OK)
}

#[derive(Serialize)]
struct CurrentDoc {
    context: Option<String>,
    config_file: Option<String>,
    settings: BTreeMap<&'static str, profile::Sourced<serde_json::Value>>,
}

fn current(
    g: &GlobalArgs,
    out: &Printer,
    path: Option<std::path::PathBuf>,
    file: &ConfigFile,
) -> Result<Outcome> {
    let s = profile::resolve(g, file, path, &|k| std::env::var(k).ok())?;
    let e = &s.etcd;
    let secret = |v: &Option<String>| match v {
        None => serde_json::Value::Null,
        Some(_) if !g.show_secrets => profile::REDACTED.into(),
        Some(v) => v.clone().into(),
    };
    let user = match (&e.user, g.show_secrets) {
        (Some(u), false) => u
            .split_once(':')
            .map(|(n, _)| format!("{n}:{}", profile::REDACTED))
            .unwrap_or_else(|| u.clone())
            .into(),
        (u, _) => serde_json::to_value(u).unwrap_or_default(),
    };
    let path_val = |p: &Option<std::path::PathBuf>| serde_json::to_value(p).unwrap_or_default();
    let mut values: Vec<(&'static str, serde_json::Value)> = vec![
        (
            "endpoints",
            e.endpoints
                .iter()
                .map(|ep| match g.show_secrets {
                    true => ep.clone(),
                    false => crate::model::redact::redact_text(ep),
                })
                .collect::<Vec<_>>()
                .into(),
        ),
        ("cacert", path_val(&e.cacert)),
        ("cert", path_val(&e.cert)),
        ("key", path_val(&e.key)),
        ("user", user),
        ("password", secret(&e.password)),
        (
            "dial_timeout",
            humantime::format_duration(e.dial_timeout)
                .to_string()
                .into(),
        ),
        (
            "command_timeout",
            humantime::format_duration(e.command_timeout)
                .to_string()
                .into(),
        ),
        ("output", format!("{:?}", s.output).to_lowercase().into()),
        ("read_only", s.read_only.into()),
        ("confirm", s.confirm.name().into()),
    ];
    let settings = values
        .drain(..)
        .map(|(k, v)| {
            let source = s.sources.get(k).cloned().unwrap_or(Source::Default);
            (k, profile::Sourced { value: v, source })
        })
        .collect();
    let doc = CurrentDoc {
        context: s.context.clone(),
        config_file: s.config_file.as_ref().map(|p| p.display().to_string()),
        settings,
    };
    out.emit(&doc, |d| {
        let rows: Vec<[String; 3]> = d
            .settings
            .iter()
            .map(|(k, v)| [k.to_string(), render::short(&v.value), v.source.to_string()])
            .collect();
        settings_table(d.context.as_deref(), d.config_file.as_deref(), &rows)
    })?;

    for var in &s.shadowed {
        if !g.quiet {
            render::warn(&format!(
                "{var} overrides context `{}`",
                s.context.as_deref().unwrap_or_default()
            ));
        }
    }
    Ok(Outcome::OK)
}
