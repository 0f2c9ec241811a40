//! `tokenward generate --out DIR`: shell completions (bash, zsh, fish) and man pages, made
//! from the same clap model the program parses with, so they never drift from it.

use std::path::PathBuf;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::examples::with_examples;
use super::Cli;
use tokenward::error::{Error, ExitCode, Result};
use tokenward::files::{write_atomic, Access};

/// Options of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The folder to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// The full clap model, examples included.
pub fn command() -> clap::Command {
    with_examples(Cli::command())
}

pub(super) fn run(args: &GenerateArgs) -> Result<ExitCode> {
    let io = |source| Error::Io {
        action: "create",
        path: args.out.clone(),
        source,
    };
    std::fs::create_dir_all(args.out.join("man")).map_err(io)?;
    std::fs::create_dir_all(args.out.join("completions")).map_err(io)?;
    let mut cmd = command();
    cmd.build();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "tokenward", &mut buf);
        let name = match shell {
            Shell::Zsh => "_tokenward".to_string(),
            other => format!("tokenward.{other}"),
        };
        write_atomic(
            &args.out.join("completions").join(name),
            &buf,
            Access::Public,
        )?;
    }
    man_pages(&cmd, "tokenward", &args.out.join("man"))?;
    eprintln!("Wrote completions and man pages to {}.", args.out.display());
    Ok(ExitCode::Success)
}

/// One man page per command, `tokenward-certs-list.1` style.
fn man_pages(cmd: &clap::Command, name: &str, dir: &std::path::Path) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().display_name(name.to_string()))
        .render(&mut buf)
        .map_err(|source| Error::Io {
            action: "write",
            path: dir.join(format!("{name}.1")),
            source,
        })?;
    write_atomic(&dir.join(format!("{name}.1")), &buf, Access::Public)?;
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
