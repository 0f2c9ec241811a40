//! `tokenward recovery enroll|recover|status|revoke`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::context::so_source;
use super::objects::TokenSummary;
use super::output::{self, Block, Table};
use super::{Context, NewPinArgs, SoPinArgs};
use crate::audit::{EventKind, Outcome};
use crate::error::{Error, ExitCode, Result};
use crate::pin::{PinSource, SecretKind};
use crate::recovery::key::RecoveryKey;
use crate::recovery::{self, RecoveryConfig};

/// The `recovery` commands.
#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Link a Google account: a recovery key is mailed to it (needs the SO PIN).
    Enroll(EnrollArgs),
    /// Forgot the PIN? Sign in with the linked account, type the recovery key, set a new PIN.
    Recover(RecoverArgs),
    /// Is recovery set up on this token, for which address, since when?
    Status,
    /// Remove recovery from the token (needs the SO PIN).
    Revoke(RevokeArgs),
}

/// Options of `recovery enroll`.
#[derive(Debug, Args)]
pub struct EnrollArgs {
    /// The Google account (Gmail address) that receives the recovery key.
    #[arg(long)]
    pub email: String,
    /// Only print the sign-in address; do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
    /// Where the SO PIN comes from.
    #[command(flatten)]
    pub so_pin: SoPinArgs,
}

/// Options of `recovery recover`.
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Only print the sign-in address; do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
    /// Read the recovery key from this file.
    #[arg(long, value_name = "FILE")]
    pub recovery_key_file: Option<PathBuf>,
    /// Read the recovery key from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub recovery_key_env: Option<String>,
    /// Read the recovery key from the next line of standard input.
    #[arg(long)]
    pub recovery_key_stdin: bool,
    /// Where the new PIN comes from (else a prompt, twice).
    #[command(flatten)]
    pub new_pin: NewPinArgs,
}

/// Options of `recovery revoke`.
#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Where the SO PIN comes from.
    #[command(flatten)]
    pub so_pin: SoPinArgs,
}

pub(super) fn run(ctx: &Context, cmd: &RecoveryCommand) -> Result<ExitCode> {
    match cmd {
        RecoveryCommand::Enroll(a) => enroll(ctx, a),
        RecoveryCommand::Recover(a) => recover(ctx, a),
        RecoveryCommand::Status => status(ctx),
        RecoveryCommand::Revoke(a) => revoke(ctx, a),
    }
}

fn config(ctx: &Context) -> RecoveryConfig {
    ctx.config().recovery.clone().unwrap_or_default()
}

/// Show the sign-in address (stderr: stdout stays clean for --json), and open the browser
/// where there is a desktop to open it on.
fn show_url(no_browser: bool) -> impl Fn(&str) {
    move |url: &str| {
        eprintln!(
            "Sign in with your Google account in the browser to continue. If no browser window opened, open this address:\n\n  {url}\n"
        );
        let desktop = std::env::var_os("DISPLAY").is_some()
            || std::env::var_os("WAYLAND_DISPLAY").is_some()
            || cfg!(any(target_os = "macos", target_os = "windows"));
        if !no_browser && desktop {
            let opener = if cfg!(target_os = "macos") {
                "open"
            } else if cfg!(target_os = "windows") {
                "explorer"
            } else {
                "xdg-open"
            };
            let _ = std::process::Command::new(opener)
                .arg(url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
        }
    }
}

fn enroll(ctx: &Context, args: &EnrollArgs) -> Result<ExitCode> {
    let email = args.email.trim().to_lowercase();
    if !email.contains('@') || email.contains(char::is_whitespace) {
        return Err(Error::Usage(format!(
            "{:?} is not an email address; give the Gmail address that should receive the recovery key",
            args.email
        )));
    }
    let config = config(ctx);
    let mut token = ctx.token()?;
    crate::token::pin::guard(&token, crate::token::pin::PinUser::So, ctx.args.final_try)?;
    let so = so_source(&args.so_pin)?.read(SecretKind::SoPin)?;
    let result = recovery::enroll(
        &mut token,
        &so,
        &email,
        &config,
        ctx.args.final_try,
        &show_url(args.no_browser),
    );
    drop(so);
    match result {
        Ok(done) => {
            ctx.audit(
                EventKind::RecoveryEnrolled,
                &token,
                Outcome::Success,
                Some(format!("{} key {}", done.email, done.key_fingerprint)),
            );
            if ctx.json() {
                output::json(&serde_json::json!({
                    "token": TokenSummary::of(&token),
                    "enrolled": done,
                }))?;
            } else {
                output::text(&format!(
                    "Recovery is set up for token \"{}\". A recovery key was mailed to {} from that account; keep that mail.\nIf the PIN is ever forgotten: tokenward recovery recover\n",
                    token.report.label, done.email
                ))?;
            }
            Ok(ExitCode::Success)
        }
        Err(e) => {
            ctx.audit_failure(EventKind::RecoveryEnrolled, &token, &e);
            Err(e)
        }
    }
}

fn recover(ctx: &Context, args: &RecoverArgs) -> Result<ExitCode> {
    let config = config(ctx);
    let mut token = ctx.token()?;
    let key_source = PinSource::from_flags(
        SecretKind::RecoveryKey,
        args.recovery_key_file.as_deref(),
        args.recovery_key_env.as_deref(),
        args.recovery_key_stdin,
    )?;
    let pin_source = ctx.new_pin_source(&args.new_pin)?;
    let read_key = || -> Result<RecoveryKey> {
        let text = key_source.read(SecretKind::RecoveryKey)?;
        RecoveryKey::parse(text.expose())
    };
    let new_pin =
        |t: &crate::token::TokenRef| ctx.new_secret(SecretKind::NewPin, pin_source.clone(), t);
    let result = recovery::recover(
        &mut token,
        &config,
        ctx.args.final_try,
        &show_url(args.no_browser),
        &read_key,
        &new_pin,
    );
    match result {
        Ok(done) => {
            ctx.audit(
                EventKind::RecoveryUsed,
                &token,
                Outcome::Success,
                Some(format!(
                    "{}; key {}{}",
                    done.enrolment.email,
                    done.enrolment.key_fingerprint,
                    if done.rotated {
                        " (new)"
                    } else {
                        " (not rotated)"
                    }
                )),
            );
            if let Some(w) = &done.warning {
                eprintln!("tokenward: warning: {w}");
            }
            if ctx.json() {
                output::json(&serde_json::json!({
                    "token": TokenSummary::of(&token),
                    "pin_reset": true,
                    "rotated": done.rotated,
                    "enrolment": done.enrolment,
                    "warning": done.warning,
                }))?;
            } else {
                output::text(&format!(
                    "The PIN of token \"{}\" was reset; use your new PIN from now on.\n{}\n",
                    token.report.label,
                    if done.rotated {
                        format!(
                            "Your old recovery key no longer works: a new one was mailed to {}.",
                            done.enrolment.email
                        )
                    } else {
                        "Your recovery key could not be replaced, so the old one still works."
                            .to_string()
                    }
                ))?;
            }
            Ok(ExitCode::Success)
        }
        Err(e) => {
            ctx.audit_failure(EventKind::RecoveryUsed, &token, &e);
            Err(e)
        }
    }
}

fn status(ctx: &Context) -> Result<ExitCode> {
    let token = ctx.token()?;
    let blobs = recovery::status(&token)?;
    let entries: Vec<serde_json::Value> = blobs
        .iter()
        .map(|s| match &s.blob {
            Ok(b) => serde_json::json!({
                "email": b.email, "created": b.created, "issuer": b.issuer,
                "key_fingerprint": b.key_fingerprint,
                "for_this_token": b.token_serial == token.report.serial,
                "token_serial": b.token_serial, "readable": true, "error": null,
            }),
            Err(e) => serde_json::json!({"readable": false, "error": e}),
        })
        .collect();
    let usable = blobs.iter().any(|s| {
        s.blob
            .as_ref()
            .is_ok_and(|b| b.token_serial == token.report.serial)
    });
    if ctx.json() {
        output::json(&serde_json::json!({
            "token": TokenSummary::of(&token),
            "enrolled": usable,
            "recovery": entries,
        }))?;
        return Ok(ExitCode::Success);
    }
    if blobs.is_empty() {
        output::text(&format!(
            "Recovery is not set up on token \"{}\". Set it up with: tokenward recovery enroll --email ADDRESS\n",
            token.report.label
        ))?;
        return Ok(ExitCode::Success);
    }
    let mut b = Block::new(format!("Recovery on token \"{}\"", token.report.label));
    b.field(
        "Set up",
        if usable {
            "yes"
        } else {
            "no (the data on it belongs to another token)"
        },
    );
    output::text(&b.render())?;
    let mut table = Table::new(&["ACCOUNT", "SINCE", "KEY", "FOR THIS TOKEN"]);
    for s in &blobs {
        match &s.blob {
            Ok(bl) => table.row(vec![
                bl.email.clone(),
                bl.created.clone(),
                bl.key_fingerprint.clone(),
                if bl.token_serial == token.report.serial {
                    "yes".into()
                } else {
                    format!("no (serial {})", bl.token_serial)
                },
            ]),
            Err(e) => table.row_with_note(
                vec![
                    "unreadable".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                e.clone(),
            ),
        }
    }
    output::text(&table.render())?;
    if blobs.len() > 1 {
        output::text("Several entries: an earlier run was interrupted. The next recovery keeps only the newest key.\n")?;
    }
    Ok(ExitCode::Success)
}

fn revoke(ctx: &Context, args: &RevokeArgs) -> Result<ExitCode> {
    let mut token = ctx.token()?;
    crate::token::pin::guard(&token, crate::token::pin::PinUser::So, ctx.args.final_try)?;
    let so = so_source(&args.so_pin)?.read(SecretKind::SoPin)?;
    if !args.yes {
        super::certs::confirm(&format!(
            "Remove PIN recovery from token \"{}\"? A forgotten PIN can then be reset only with the SO PIN. Type yes to confirm: ",
            token.report.label
        ))?;
    }
    match recovery::revoke(&mut token, &so, ctx.args.final_try) {
        Ok(n) => {
            ctx.audit(
                EventKind::RecoveryRevoked,
                &token,
                Outcome::Success,
                Some(format!("{n} removed")),
            );
            if ctx.json() {
                output::json(
                    &serde_json::json!({"token": TokenSummary::of(&token), "removed": n}),
                )?;
            } else {
                output::text(&format!(
                    "Recovery was removed from token \"{}\". The recovery mail's key no longer works; you may delete that mail.\n",
                    token.report.label
                ))?;
            }
            Ok(ExitCode::Success)
        }
        Err(e) => {
            ctx.audit_failure(EventKind::RecoveryRevoked, &token, &e);
            Err(e)
        }
    }
}
