//! Completion scripts generated from the clap definition (committed under completions/,
//! kept in step by a test). The definition is passed in, so this file needs nothing of
//! the dispatcher; the live candidates behind `COMPLETE=<shell> esi` are in
//! [`super::candidates`].

/// The script for one shell, exactly as committed under completions/.
pub fn script(shell: clap_complete::Shell, mut cmd: clap::Command) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "esi", &mut buf);
    if shell == clap_complete::Shell::Bash {
        return subcommands_first(&String::from_utf8_lossy(&buf)).into_bytes();
    }
    buf
}

/// clap's bash script offers every flag with the subcommands at `esi <TAB>`, and bash
/// sorts `-` first: 40 flags before the first subcommand. Offer flags once a `-` is
/// typed, as git and kubectl do.
fn subcommands_first(script: &str) -> String {
    const ALL: &str = r#"COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )"#;
    const SPLIT: &str = r#"if [[ ${cur} == -* ]]; then COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") ); else COMPREPLY=( $(compgen -W "$(printf '%s
' ${opts} | grep -v -e '^-' -e '^<' -e '^\[')" -- "${cur}") ); fi"#;
    script.replace(ALL, SPLIT)
}

/// The committed file name of each shell's script.
pub const FILES: [(clap_complete::Shell, &str); 5] = [
    (clap_complete::Shell::Bash, "esi.bash"),
    (clap_complete::Shell::Zsh, "_esi"),
    (clap_complete::Shell::Fish, "esi.fish"),
    (clap_complete::Shell::PowerShell, "_esi.ps1"),
    (clap_complete::Shell::Elvish, "esi.elv"),
];
