//! The command line: plain clap structs (what the user typed), a [`Context`] that resolves
//! them (modules, token, PIN sources), and one file per command group that renders results.

mod certs;
mod context;
mod doctor;
pub mod examples;
pub mod generate;
pub mod help;
mod keys;
mod mechanisms;
mod modules;
mod objects;
pub mod output;
mod pin;
mod provision;
mod readers;
mod recovery;
mod setup;
mod sign;
mod token;
mod tokens;
pub mod usage;
pub mod words;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use context::Context;

use tokenward::error::{ExitCode, Result};
use tokenward::names::Named;
use tokenward::token::find::ObjectSelector;
use tokenward::token::Calls;

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
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print machine-readable JSON instead of tables (docs/json.md).
    #[arg(long, global = true)]
    pub json: bool,
    /// PKCS#11 module to use (else TOKENWARD_MODULE, the config, then discovery).
    #[arg(long, global = true, value_name = "PATH")]
    pub module: Option<PathBuf>,
    /// Token to use: a PKCS#11 URI, a label or a serial (needed only with several tokens).
    #[arg(long, global = true, value_name = "SELECTOR")]
    pub token: Option<String>,
    /// Configuration file (else TOKENWARD_CONFIG, else the XDG config directory).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Audit log file (else the config's audit_log, else the XDG state directory).
    #[arg(long, global = true, value_name = "FILE")]
    pub audit_log: Option<PathBuf>,
    /// Language of what people read: en, ru or es (else LC_ALL, LC_MESSAGES, LANG, LANGUAGE).
    /// JSON and exit codes are the same in every language.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Show technical details: URIs of tokens and of the objects a selector could mean, memory
    /// a token does not report, and a trace of every PKCS#11 and PC/SC call on standard error
    /// for support (never a PIN or key; TOKENWARD_LOG=debug does the same, TOKENWARD_LOG_FILE
    /// writes the trace to a file).
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
}

/// Where the user PIN comes from (`--pin-*`), for commands that log in; else the `--token`
/// URI's pin-source, else a hidden prompt.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "PIN")]
pub struct LoginArgs {
    /// Read the PIN from this file (one trailing newline is ignored).
    #[arg(long, value_name = "FILE")]
    pub pin_file: Option<PathBuf>,
    /// Read the PIN from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub pin_env: Option<String>,
    /// Read the PIN from the first line of standard input.
    #[arg(long)]
    pub pin_stdin: bool,
    /// Send a PIN even when the token says one try is left (a wrong one then locks it).
    #[arg(long)]
    pub final_try: bool,
    /// Send a PIN with non-Latin letters as typed (for PINs set so by other programs); without
    /// it such a PIN is taken for a keyboard on the wrong layout and not sent.
    #[arg(long)]
    pub pin_as_typed: bool,
}

/// `--out FILE` and `--force` of a command that writes one file (else standard output).
#[derive(Debug, Clone, Default, Args)]
pub struct OutputArgs {
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

impl OutputArgs {
    /// The output file, checked before the token is touched (`None`: standard output).
    pub fn file(&self) -> Result<Option<tokenward::files::OutputFile>> {
        self.out
            .as_deref()
            .map(|p| {
                tokenward::files::OutputFile::new(p, self.force, tokenward::files::Access::Public)
            })
            .transpose()
    }
}

/// `--final-try` for commands that send only the SO PIN.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "PIN")]
pub struct FinalTryArg {
    /// Send the SO PIN even when the token says one try is left (a wrong one then locks it).
    #[arg(long)]
    pub final_try: bool,
}

/// Where a new PIN comes from (`--new-pin-*`); a prompt asks twice.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "PIN")]
pub struct NewPinArgs {
    /// Read the new PIN from this file (one trailing newline is ignored).
    #[arg(long, value_name = "FILE")]
    pub new_pin_file: Option<PathBuf>,
    /// Read the new PIN from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub new_pin_env: Option<String>,
    /// Read the new PIN from the next line of standard input.
    #[arg(long)]
    pub new_pin_stdin: bool,
}

/// Where the SO PIN comes from (`--so-pin-*`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "PIN")]
pub struct SoPinArgs {
    /// Read the SO PIN from this file (one trailing newline is ignored).
    #[arg(long, value_name = "FILE")]
    pub so_pin_file: Option<PathBuf>,
    /// Read the SO PIN from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub so_pin_env: Option<String>,
    /// Read the SO PIN from the next line of standard input.
    #[arg(long)]
    pub so_pin_stdin: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up the token step by step: check the computer, choose the certificate, set your own
    /// PIN, make your programs use it, check that it signs.
    Setup(setup::SetupArgs),
    /// PKCS#11 modules found on this computer: loaded, or why not.
    Modules(modules::ModulesArgs),
    /// Check the computer, readers, cards, drivers, tokens, PINs and certificates, and say
    /// what to do about each problem.
    Doctor(doctor::DoctorArgs),
    /// Card readers: is a card in, which card, which module serves it, is it held.
    Readers(readers::ReadersArgs),
    /// Readers and cards as they are plugged in and out (Ctrl-C ends it).
    Watch(readers::WatchArgs),
    /// Tokens, each with its label, serial and state in plain words; `tokens select` makes
    /// one the default.
    Tokens(tokens::TokensArgs),
    /// Every object on the token: class, label, id, key type, flags and URI.
    Objects(objects::ObjectsArgs),
    /// The token's mechanisms with key sizes and flags (as `pkcs11-tool -M`), and which
    /// tokenward uses.
    Mechanisms(mechanisms::MechanismsArgs),
    /// PIN retry state; change the user or SO PIN; unblock the user PIN with the SO PIN.
    #[command(subcommand)]
    Pin(pin::PinCommand),
    /// Initialise a token (label, SO PIN, user PIN).
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// Provision many tokens from a manifest: label, PINs (generated ones only into an
    /// encrypted PIN sheet), key and certificate request for each; safe to run again.
    Provision(provision::ProvisionArgs),
    /// Certificates: list, show, select the default, export, import, delete.
    #[command(subcommand)]
    Certs(certs::CertsCommand),
    /// Keys: generate on the token, import, export the public key or an extractable private
    /// key (encrypted), delete.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Configuration that lets OpenSSL, GnuTLS, NSS, Java or OpenSSH use a key on the token.
    ExportConfig(keys::ExportConfigArgs),
    /// Check that the token signs: every mechanism, each signature verified on this computer.
    Check(sign::CheckArgs),
    /// Sign files: a detached CMS (.p7s) or raw (.sig) signature made on the token.
    Sign(sign::SignArgs),
    /// Check a signature (CMS, or raw with --cert/--pubkey), and with --ca the signer's chain.
    Verify(sign::VerifyArgs),
    /// PIN recovery through a Google account: enroll, recover, status, revoke.
    #[command(subcommand)]
    Recovery(recovery::RecoveryCommand),
    /// Write shell completions and man pages (for packagers).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// Ctrl-C (and SIGTERM) no longer end the process at once: the flag is set, and a long run
/// (a batch, provisioning) finishes what it has in hand and ends with its report. A question
/// on the terminal still reads Ctrl-C as a key (tokenward::terminal).
pub(crate) fn interrupted() -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, std::sync::Arc::clone(&flag))
            .map_err(|e| tokenward::error::Internal::Signal(e.to_string()))?;
    }
    Ok(flag)
}

/// An object selector as typed, parsed (`None` when nothing was typed).
pub(crate) fn selector(text: Option<&str>) -> Result<Option<ObjectSelector>> {
    text.map(ObjectSelector::parse).transpose()
}

/// A value parser for one of the library's [`Named`] enums: offers its ids, yields the variant.
pub(crate) fn named<T: Named + Send + Sync>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::NAMES).try_map(|s| tokenward::names::parse::<T>(&s))
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // Only signing several files calls a module from several threads at once.
    let calls = match &cli.command {
        Command::Sign(args) if args.in_parallel() => Calls::Concurrent,
        _ => Calls::OneAtATime,
    };
    let ctx = Context::new(cli.global, calls)?;
    let result = match cli.command {
        Command::Setup(args) => setup::run(&ctx, &args),
        Command::Modules(args) => modules::run(&ctx, &args),
        Command::Doctor(args) => doctor::run(&ctx, &args),
        Command::Readers(args) => readers::readers(&ctx, &args),
        Command::Watch(args) => readers::watch(&ctx, &args),
        Command::Tokens(args) => tokens::run(&ctx, &args),
        Command::Objects(args) => objects::run(&ctx, &args),
        Command::Mechanisms(args) => mechanisms::run(&ctx, &args),
        Command::Pin(cmd) => pin::run(&ctx, &cmd),
        Command::Token(cmd) => token::run(&ctx, &cmd),
        Command::Provision(args) => provision::run(&ctx, &args),
        Command::Certs(cmd) => certs::run(&ctx, &cmd),
        Command::Keys(cmd) => keys::run(&ctx, &cmd),
        Command::ExportConfig(args) => keys::export_config(&ctx, &args),
        Command::Check(args) => sign::check(&ctx, &args),
        Command::Sign(args) => sign::sign(&ctx, &args),
        Command::Verify(args) => sign::verify(&ctx, &args),
        Command::Recovery(cmd) => recovery::run(&ctx, &cmd),
        Command::Generate(args) => generate::run(&args),
    };
    // Warnings the operation gathered (an audit log that could not be written, several
    // certificates claiming one key) come after its output.
    ctx.show_warnings();
    result
}
