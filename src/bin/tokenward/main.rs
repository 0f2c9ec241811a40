//! The `tokenward` command: parse, run, map errors to the documented exit codes.

// The one exception is the way out (`leave`): the library forbids `unsafe` altogether.
#![deny(unsafe_code)]

mod cli;

use std::io::Write;

use clap::FromArgMatches;

use cli::{run, Cli};
use tokenward::error::ErrorDocument;
use tokenward::text::{escape_except, escaped};
use tokenward::{Error, ExitCode};

fn main() -> std::process::ExitCode {
    tokenward::process::harden();
    let json = std::env::args_os().skip(1).any(|a| a == "--json");
    // The language is needed before parsing: --help speaks it.
    tokenward::i18n::select(lang_flag().as_deref());
    let parsed = parse().and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return std::process::ExitCode::from(parse_failure(e, json)),
    };
    tokenward::i18n::select(cli.global.lang.as_deref());
    let verbose = cli.global.verbose;
    if let Err(err) = start_trace(verbose) {
        return std::process::ExitCode::from(report(&err, json, verbose) as u8);
    }
    let code = match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::Success,
        Err(err) => report(&err, json, verbose),
    };
    leave(code)
}

/// Leave with `code`. A run that asked no module to change a token skips the modules'
/// exit-time teardown ([`tokenward::token::module::changed_tokens`]): freeing every object a
/// module loaded is a tenth of a signature's time on a token of 2,000 objects. A run that
/// changed a token lets every destructor run, in case a module finishes its writing there.
#[allow(unsafe_code)]
fn leave(code: ExitCode) -> std::process::ExitCode {
    if !tokenward::token::module::changed_tokens() {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // SAFETY: fflush(NULL) flushes every C stream (a module's log); _exit then ends the
        // process without atexit handlers or destructors. Every thread of the run has been
        // joined and every file of ours written and closed by the time `run` returns.
        unsafe {
            libc::fflush(std::ptr::null_mut());
            libc::_exit(code as i32)
        }
    }
    std::process::ExitCode::from(code as u8)
}

/// The command line, parsed with the bare clap model; the help's examples and its words in
/// the person's language are put in only when help is shown (they cost a few milliseconds at
/// every start otherwise).
fn parse() -> Result<clap::ArgMatches, clap::Error> {
    use clap::error::ErrorKind;
    use clap::CommandFactory;
    // The model is not dropped: taking apart hundreds of options is work at every exit.
    let cmd = Box::leak(Box::new(Cli::command()));
    match cmd.try_get_matches_from_mut(std::env::args_os()) {
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            cli::help::localized(cli::generate::command()).try_get_matches()
        }
        parsed => parsed,
    }
}

/// The support trace (tokenward::trace): to TOKENWARD_LOG_FILE when it is set, else to
/// standard error with `--verbose` or TOKENWARD_LOG=debug.
fn start_trace(verbose: bool) -> Result<(), Error> {
    if let Some(path) = std::env::var_os("TOKENWARD_LOG_FILE").filter(|p| !p.is_empty()) {
        let path = std::path::PathBuf::from(path);
        return tokenward::trace::to_file(&path).map_err(|source| Error::Io {
            action: "write",
            path,
            source,
        });
    }
    let debug = std::env::var("TOKENWARD_LOG")
        .is_ok_and(|v| v.eq_ignore_ascii_case("debug") || v.eq_ignore_ascii_case("trace"));
    if verbose || debug {
        tokenward::trace::to_stderr();
    }
    Ok(())
}

/// The value of `--lang` on the command line, read before clap parses it.
fn lang_flag() -> Option<String> {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        })
}

fn is_broken_pipe(err: &Error) -> bool {
    matches!(err, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Help and version go to stdout with exit 0; a command line clap refuses is exit 2, as the
/// JSON error document with `--json`.
fn parse_failure(e: clap::Error, json: bool) -> u8 {
    use clap::error::ErrorKind;
    let help = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    // A refusal in the person's language (clap speaks English only).
    let print = |e: &clap::Error| match cli::usage::localized(e).filter(|_| !help) {
        Some(words) => {
            let _ = std::io::stderr().write_all(escape_except(&words, &['\n']).as_bytes());
        }
        None => {
            let _ = e.print();
        }
    };
    if help || !json {
        print(&e);
        return e.exit_code() as u8;
    }
    let message = e.kind().as_str().map(str::to_string).unwrap_or_else(|| {
        e.to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_string()
    });
    let doc = ErrorDocument::usage(usage_reason(e.kind()), message);
    print_json(&doc);
    print(&e);
    ExitCode::Usage as u8
}

fn usage_reason(kind: clap::error::ErrorKind) -> &'static str {
    use clap::error::ErrorKind::*;
    match kind {
        InvalidValue => "invalid_value",
        UnknownArgument => "unknown_argument",
        InvalidSubcommand => "invalid_subcommand",
        MissingRequiredArgument => "missing_required_argument",
        MissingSubcommand | DisplayHelpOnMissingArgumentOrSubcommand => "missing_subcommand",
        ArgumentConflict => "argument_conflict",
        TooManyValues | TooFewValues | WrongNumberOfValues => "wrong_number_of_values",
        ValueValidation => "value_validation",
        _ => "other",
    }
}

fn report(err: &Error, json: bool, verbose: bool) -> ExitCode {
    let code = err.exit_code();
    if json {
        print_json(&err.document());
    }
    // What came from outside (names, labels, paths) is in the message: one line each, escaped.
    // In the person's language; the JSON above keeps the English words.
    let mut text = format!(
        "tokenward: {}: {}\n",
        tokenward::fl!("error-label"),
        escaped(&err.problem())
    );
    if let Some(c) = err.candidates() {
        text.push_str(&escape_except(&cli::words::candidates(c, verbose), &['\n']));
    }
    if let Some(hint) = err.advice() {
        text.push_str(&format!("tokenward: {}\n", escaped(&hint)));
    }
    let _ = std::io::stderr().write_all(text.as_bytes());
    code
}

fn print_json(doc: &ErrorDocument) {
    if let Ok(text) = serde_json::to_string_pretty(doc) {
        let _ = writeln!(std::io::stdout(), "{text}");
    }
}
