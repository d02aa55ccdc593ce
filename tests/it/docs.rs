//! Documentation generated from the code and kept honest: man pages (clap_mangen), the
//! Markdown command reference and the exit code table; env.md must name every variable
//! the CLI reads, and every command must show examples in its --help.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Arg, ArgAction, CommandFactory};
use esi::cli::Cli;

use crate::generated::{check_dir, check_file, repo_path};

const GENERATED_NOTE: &str = "<!-- Generated from the code by tests/it/docs.rs: do not edit. \
Regenerate with `ESI_UPDATE_GENERATED=1 cargo test --test it generated_`. -->";

fn built() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// Every command, depth first, with its full name (`esi snapshot save`).
fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
    out.push((path.to_string(), cmd.clone()));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        walk(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

fn commands() -> Vec<(String, clap::Command)> {
    let mut v = Vec::new();
    walk(&built(), "esi", &mut v);
    v
}

#[test]
fn generated_man_pages_match_the_code() {
    let dir = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(Cli::command(), dir.path()).unwrap();
    let files: BTreeMap<String, Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    assert!(
        files.contains_key("esi.1") && files.contains_key("esi-show.1"),
        "{:?}",
        files.keys()
    );
    assert!(
        files.contains_key("esi-snapshot-save.1"),
        "{:?}",
        files.keys()
    );
    check_dir("docs/man", &files);
}

#[test]
fn generated_reference_md_matches_the_code() {
    check_file("docs/reference.md", reference().as_bytes());
}

#[test]
fn generated_exit_codes_md_matches_the_code() {
    check_file("docs/exit-codes.md", exit_codes().as_bytes());
}

fn anchor(name: &str) -> String {
    name.replace(' ', "-")
}

fn plain(s: Option<&clap::builder::StyledStr>) -> String {
    s.map(|s| s.to_string())
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

fn is_generated(a: &Arg) -> bool {
    matches!(a.get_id().as_str(), "help" | "version")
}

fn takes_value(a: &Arg) -> bool {
    !matches!(
        a.get_action(),
        ArgAction::SetTrue
            | ArgAction::SetFalse
            | ArgAction::Count
            | ArgAction::Help
            | ArgAction::HelpShort
            | ArgAction::HelpLong
            | ArgAction::Version
    )
}

/// `-o, --output <OUTPUT>` / `<RTYPE>` / `--latest <TYPE> <ID>`
fn synopsis(a: &Arg) -> String {
    let names: Vec<String> = a
        .get_value_names()
        .map(|v| v.iter().map(|n| format!("<{n}>")).collect())
        .unwrap_or_else(|| vec![format!("<{}>", a.get_id().as_str().to_uppercase())]);
    let values = names.join(" ");
    let many = a
        .get_num_args()
        .is_some_and(|r| r.max_values() > names.len());
    let values = if many { format!("{values}...") } else { values };
    if a.is_positional() {
        return values;
    }
    let mut flag = Vec::new();
    if let Some(s) = a.get_short() {
        flag.push(format!("-{s}"));
    }
    if let Some(l) = a.get_long() {
        flag.push(format!("--{l}"));
    }
    let flag = flag.join(", ");
    if takes_value(a) {
        format!("{flag} {values}")
    } else {
        flag
    }
}

fn describe_arg(a: &Arg) -> String {
    let mut text = plain(a.get_long_help().or(a.get_help())).replace('\n', " ");
    // One sentence per fact: "help. Values: … Default: … Env: …"
    if !text.is_empty() && !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| format!("`{}`", v.get_name()))
        .collect();
    if takes_value(a) && !values.is_empty() {
        let _ = write!(text, " Values: {}.", values.join(", "));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value(a) && !defaults.is_empty() {
        let _ = write!(text, " Default: `{}`.", defaults.join(","));
    }
    if let Some(env) = a.get_env() {
        let _ = write!(text, " Env: `{}`.", env.to_string_lossy());
    }
    text.trim().replace('|', "\\|")
}

fn arg_table(out: &mut String, title: &str, args: &[&Arg]) {
    if args.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{title}**\n\n| | |\n|---|---|");
    for a in args {
        let _ = writeln!(out, "| `{}` | {} |", synopsis(a), describe_arg(a));
    }
    out.push('\n');
}

/// The Markdown reference: every command, its usage, arguments, options (with values,
/// defaults and environment variables) and its examples.
fn reference() -> String {
    let cmds = commands();
    let mut out = String::new();
    let _ = writeln!(out, "# esi command reference\n\n{GENERATED_NOTE}\n");
    let _ = writeln!(
        out,
        "Also as man pages in [docs/man](man/) and in `esi <command> --help`. Environment \
         variables and contexts: [env.md](env.md); exit codes: [exit-codes.md](exit-codes.md).\n"
    );
    for (name, cmd) in &cmds {
        let depth = name.matches(' ').count();
        let _ = writeln!(
            out,
            "{}- [{name}](#{}) — {}",
            "  ".repeat(depth),
            anchor(name),
            plain(cmd.get_about())
        );
    }
    out.push('\n');
    for (name, cmd) in &cmds {
        let _ = writeln!(out, "## {name}\n");
        let about = plain(cmd.get_long_about().or(cmd.get_about()));
        if !about.is_empty() {
            let _ = writeln!(out, "{about}\n");
        }
        let usage = cmd.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage: ").trim();
        let _ = writeln!(out, "```text\n{usage}\n```\n");
        let subs: Vec<&clap::Command> = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
            .collect();
        if !subs.is_empty() {
            let _ = writeln!(out, "**Commands**\n\n| | |\n|---|---|");
            for s in subs {
                let full = format!("{name} {}", s.get_name());
                let _ = writeln!(
                    out,
                    "| [`{}`](#{}) | {} |",
                    s.get_name(),
                    anchor(&full),
                    plain(s.get_about())
                );
            }
            out.push('\n');
        }
        let top = name == "esi";
        let args: Vec<&Arg> = cmd
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !is_generated(a))
            // Global options are documented once, under `esi`.
            .filter(|a| top || !a.is_global_set())
            .collect();
        arg_table(
            &mut out,
            "Arguments",
            &args
                .iter()
                .copied()
                .filter(|a| a.is_positional())
                .collect::<Vec<_>>(),
        );
        let mut headings: Vec<Option<&str>> = Vec::new();
        for a in args.iter().filter(|a| !a.is_positional()) {
            if !headings.contains(&a.get_help_heading()) {
                headings.push(a.get_help_heading());
            }
        }
        for h in headings {
            let group: Vec<&Arg> = args
                .iter()
                .copied()
                .filter(|a| !a.is_positional() && a.get_help_heading() == h)
                .collect();
            let title = match h {
                Some(h) => format!("{h} options"),
                None => "Options".to_string(),
            };
            arg_table(&mut out, &title, &group);
        }
        if !top {
            let _ = writeln!(out, "Global options: see [esi](#esi).\n");
        }
        let after = plain(cmd.get_after_long_help().or(cmd.get_after_help()));
        if !after.is_empty() {
            let _ = writeln!(out, "```text\n{after}\n```\n");
        }
    }
    out.trim_end().to_string() + "\n"
}

fn exit_codes() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Exit codes\n\n{GENERATED_NOTE}\n");
    let _ = writeln!(
        out,
        "The contract runbook scripts rely on (`src/exit.rs`). Anything not listed here is a \
         bug.\n\n| Code | Name | Meaning |\n|---:|---|---|"
    );
    for (code, name, meaning) in esi::exit::TABLE {
        let _ = writeln!(
            out,
            "| {code} | `{name}` | {} |",
            meaning.replace('|', "\\|")
        );
    }
    let _ = writeln!(
        out,
        "\nIn a script, branch on the exit code rather than on messages (their wording may \
         change):\n\n```sh\nesi watch port \"$id\" --until in-sync --timeout 5m\ncase $? in\n  \
         0) echo \"in sync\" ;;\n  1) echo \"failed\" ;;\n  7) echo \"still converging after 5m\" ;;\n  \
         *) echo \"esi error\" ;;\nesac\n```"
    );
    out
}

#[test]
fn env_md_names_every_variable_the_cli_reads() {
    let text = std::fs::read_to_string(repo_path("docs/env.md")).unwrap();
    let mut missing = Vec::new();
    for (_, cmd) in commands() {
        for a in cmd.get_arguments() {
            if let Some(env) = a.get_env() {
                let env = env.to_string_lossy().into_owned();
                if !text.contains(&format!("`{env}`")) {
                    missing.push(env.clone());
                }
                // The connection flags also read etcdctl's variable.
                if a.get_help_heading() == Some("Connection")
                    && !matches!(env.as_str(), "ESI_STORE" | "ESI_CONTEXT")
                {
                    let etcdctl = env.replace("ESI_", "ETCDCTL_");
                    if !text.contains(&format!("`{etcdctl}`")) {
                        missing.push(etcdctl);
                    }
                }
            }
        }
    }
    for extra in [
        "ESI_CONFIG",
        "ESI_CONFIRM_ALWAYS_OK",
        "XDG_CONFIG_HOME",
        "NO_COLOR",
        "RUST_LOG",
        "COMPLETE",
    ] {
        if !text.contains(&format!("`{extra}`")) {
            missing.push(extra.into());
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "docs/env.md does not document: {missing:?}"
    );
}

#[test]
fn every_command_shows_examples_in_its_help() {
    let lacking: Vec<String> = commands()
        .into_iter()
        .filter(|(_, c)| !c.has_subcommands())
        .filter(|(_, c)| {
            !plain(c.get_after_long_help().or(c.get_after_help())).contains("Examples:")
        })
        .map(|(n, _)| n)
        .collect();
    assert!(
        lacking.is_empty(),
        "commands without `Examples:` in after_help: {lacking:?}"
    );
}
