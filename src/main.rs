//! The `tokenward` command: parse, run, map errors to the documented exit codes.

use std::io::Write;

use clap::Parser;

use tokenward::cli::{run, Cli};
use tokenward::{Error, ExitCode};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let json = cli.global.json;
    let code = match run(cli) {
        Ok(code) => code,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::Success
        }
        Err(err) => report(&err, json),
    };
    std::process::ExitCode::from(code as u8)
}

fn report(err: &Error, json: bool) -> ExitCode {
    let code = err.exit_code();
    if json {
        let value = serde_json::json!({
            "error": {
                "kind": err.kind(),
                "message": err.to_string(),
                "ckr": err.ckr(),
                "exit_code": code as u8,
            }
        });
        let _ = writeln!(std::io::stdout(), "{value:#}");
    }
    let _ = writeln!(std::io::stderr(), "tokenward: error: {err}");
    code
}
