//! The command line: plain clap structs (what the user typed), a [`Context`] that resolves
//! them (modules, token, PIN sources), and one file per command group that renders results.

mod context;
mod modules;
mod objects;
pub mod output;
mod tokens;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use context::Context;

use crate::error::{ExitCode, Result};

/// tokenward: see your hardware tokens, their certificates and keys, and manage their PINs.
#[derive(Debug, Parser)]
#[command(name = "tokenward", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Print machine-readable JSON instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// PKCS#11 module to use (else TOKENWARD_MODULE, the config, then discovery).
    #[arg(long, global = true, value_name = "PATH")]
    pub module: Option<PathBuf>,
    /// Token to use: a PKCS#11 URI, a label or a serial (needed only with several tokens).
    #[arg(long, global = true, value_name = "SELECTOR")]
    pub token: Option<String>,
    /// Read the PIN from this file (one trailing newline is ignored).
    #[arg(long, global = true, value_name = "FILE")]
    pub pin_file: Option<PathBuf>,
    /// Read the PIN from this environment variable.
    #[arg(long, global = true, value_name = "VARIABLE")]
    pub pin_env: Option<String>,
    /// Read the PIN from the first line of standard input.
    #[arg(long, global = true)]
    pub pin_stdin: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// PKCS#11 modules found on this computer: loaded, or why not.
    Modules(modules::ModulesArgs),
    /// Slots and tokens, their state in plain words, and their URIs.
    Tokens(tokens::TokensArgs),
    /// Every object on the token: class, label, id, key type, flags and URI.
    Objects(objects::ObjectsArgs),
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Context::new(cli.global)?;
    match cli.command {
        Command::Modules(args) => modules::run(&ctx, &args),
        Command::Tokens(args) => tokens::run(&ctx, &args),
        Command::Objects(args) => objects::run(&ctx, &args),
    }
}
