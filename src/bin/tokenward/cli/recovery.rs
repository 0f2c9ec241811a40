//! `tokenward recovery enroll|recover|status|revoke`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::output::{self, Block, Table};
use super::{Context, FinalTryArg, NewPinArgs, SoPinArgs};
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::recovery as ops;
use tokenward::pin::{PinSource, SecretKind};
use tokenward::recovery::key::RecoveryKey;

/// The `recovery` commands.
#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Link a mail account (Google's unless configured): a recovery key is mailed to it (needs
    /// the SO PIN).
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
    /// The account (a Gmail address with Google) that receives the recovery key.
    #[arg(long)]
    pub email: String,
    /// Only print the sign-in address; do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
    /// Where the SO PIN comes from.
    #[command(flatten)]
    pub so_pin: SoPinArgs,
    #[command(flatten)]
    pub final_try: FinalTryArg,
}

/// Where a recovery key comes from.
#[derive(Debug, Args)]
pub struct RecoveryKeyArgs {
    /// Read the recovery key from this file.
    #[arg(long, value_name = "FILE")]
    pub recovery_key_file: Option<PathBuf>,
    /// Read the recovery key from this environment variable.
    #[arg(long, value_name = "VARIABLE")]
    pub recovery_key_env: Option<String>,
    /// Read the recovery key from the next line of standard input.
    #[arg(long)]
    pub recovery_key_stdin: bool,
}

impl RecoveryKeyArgs {
    /// Any of the options was given.
    pub fn given(&self) -> bool {
        self.recovery_key_file.is_some()
            || self.recovery_key_env.is_some()
            || self.recovery_key_stdin
    }

    /// A reader of the key (a prompt when no option was given).
    pub fn reader(&self) -> Result<impl Fn() -> Result<RecoveryKey>> {
        let source = PinSource::from_flags(
            SecretKind::RecoveryKey,
            self.recovery_key_file.as_deref(),
            self.recovery_key_env.as_deref(),
            self.recovery_key_stdin,
        )?;
        Ok(move || -> Result<RecoveryKey> {
            let text = source.read(SecretKind::RecoveryKey)?;
            RecoveryKey::parse(text.expose())
        })
    }
}

/// Options of `recovery recover`.
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Only print the sign-in address; do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
    /// Where the recovery key comes from (else a prompt).
    #[command(flatten)]
    pub key: RecoveryKeyArgs,
    /// Where the new PIN comes from (else a prompt, twice).
    #[command(flatten)]
    pub new_pin: NewPinArgs,
    #[command(flatten)]
    pub final_try: FinalTryArg,
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
    #[command(flatten)]
    pub final_try: FinalTryArg,
}

pub(super) fn run(ctx: &Context, cmd: &RecoveryCommand) -> Result<ExitCode> {
    match cmd {
        RecoveryCommand::Enroll(a) => enroll(ctx, a),
        RecoveryCommand::Recover(a) => recover(ctx, a),
        RecoveryCommand::Status => status(ctx),
        RecoveryCommand::Revoke(a) => revoke(ctx, a),
    }
}

/// Show the sign-in address (stderr: stdout stays clean for --json), and open the browser
/// where there is a desktop to open it on.
/// The browser never sees the variables tokenward read secrets from (`hidden`).
fn show_url(no_browser: bool, provider: String, hidden: Vec<String>) -> impl Fn(&str) {
    move |url: &str| {
        eprintln!(
            "{}\n\n  {url}\n",
            fl!("recovery-sign-in", provider = provider.as_str())
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
            let mut cmd = std::process::Command::new(opener);
            for name in &hidden {
                cmd.env_remove(name);
            }
            let _ = cmd
                .arg(url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
        }
    }
}

fn browser(ctx: &Context, no_browser: bool, hidden: Vec<String>) -> impl Fn(&str) {
    let provider = ctx.config().recovery.clone().unwrap_or_default().provider();
    show_url(no_browser, provider, hidden)
}

fn enroll(ctx: &Context, args: &EnrollArgs) -> Result<ExitCode> {
    let answers = ctx
        .answers_without_login(&args.final_try)
        .so_pin(&args.so_pin)?;
    let hidden = args.so_pin.so_pin_env.iter().cloned().collect();
    let done = ops::enroll(
        ctx,
        &args.email,
        &browser(ctx, args.no_browser, hidden),
        &answers,
    )?;
    if ctx.json() {
        return output::json(&done);
    }
    let words = fl!(
        "recovery-enrolled",
        token = done.token.label.as_str(),
        email = done.enrolled.email.as_str()
    );
    output::text(&format!("{words}\n"))
}

fn recover(ctx: &Context, args: &RecoverArgs) -> Result<ExitCode> {
    let read_key = args.key.reader()?;
    let answers = ctx
        .answers_without_login(&args.final_try)
        .new_user_pin(&args.new_pin)?;
    let hidden = [&args.new_pin.new_pin_env, &args.key.recovery_key_env]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let done = ops::recover(
        ctx,
        &browser(ctx, args.no_browser, hidden),
        &read_key,
        &answers,
    )?;
    if let Some(w) = &done.warning {
        eprintln!("tokenward: {}: {}", fl!("warning-label"), w.words());
    }
    if ctx.json() {
        return output::json(&done);
    }
    let then = if done.rotated {
        fl!(
            "recovery-key-rotated",
            email = done.enrolment.email.as_str()
        )
    } else {
        fl!("recovery-key-kept")
    };
    output::text(&format!(
        "{}\n{then}\n",
        fl!("recovery-pin-reset", token = done.token.label.as_str())
    ))
}

fn status(ctx: &Context) -> Result<ExitCode> {
    let status = ops::status(ctx)?;
    if ctx.json() {
        return output::json(&status);
    }
    let label = &status.token.label;
    if status.recovery.is_empty() {
        return output::text(&format!(
            "{}\n",
            fl!("recovery-status-none", token = label.as_str())
        ));
    }
    let mut b = Block::new(fl!("recovery-status-title", token = label.as_str()));
    b.field(
        &fl!("field-set-up"),
        fl!(
            "recovery-status-enrolled",
            enrolled = if status.enrolled { "yes" } else { "no" }
        ),
    );
    output::text(&b.render())?;
    let headings = [
        fl!("column-account"),
        fl!("column-since"),
        fl!("column-key"),
        fl!("column-for-this-token"),
    ];
    let mut table = Table::new(&headings.each_ref().map(String::as_str));
    for e in &status.recovery {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        if e.readable {
            table.row(vec![
                text(&e.email),
                text(&e.created),
                text(&e.key_fingerprint),
                fl!(
                    "recovery-for-this-token",
                    mine = if e.for_this_token { "yes" } else { "no" },
                    serial = text(&e.token_serial)
                ),
            ]);
        } else {
            table.row_with_note(
                vec![
                    fl!("recovery-unreadable"),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                text(&e.error),
            );
        }
    }
    output::text(&table.render())?;
    if status.recovery.len() > 1 {
        output::text(&format!("{}\n", fl!("recovery-several-entries")))?;
    }
    Ok(ExitCode::Success)
}

fn revoke(ctx: &Context, args: &RevokeArgs) -> Result<ExitCode> {
    let answers = ctx
        .answers_without_login(&args.final_try)
        .so_pin(&args.so_pin)?
        .yes(args.yes);
    let done = ops::revoke(ctx, &answers)?;
    if ctx.json() {
        return output::json(&done);
    }
    let words = fl!("recovery-revoked", token = done.token.label.as_str());
    output::text(&format!("{words}\n"))
}
