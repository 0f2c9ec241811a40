//! `tokenward pin status|change|unblock`.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::context::so_source;
use super::output::{self, Block};
use super::{Context, NewPinArgs, SoPinArgs};
use crate::audit::{EventKind, Outcome};
use crate::error::{ExitCode, Result};
use crate::pin::SecretKind;
use crate::token::pin::{self as pin_ops, PinUser, RetryState};
use crate::token::TokenRef;

/// The `pin` commands.
#[derive(Debug, Subcommand)]
pub enum PinCommand {
    /// Show the retry state of the user and SO PINs.
    Status,
    /// Change the user PIN (old PIN, then the new one twice); --so changes the SO PIN.
    Change(ChangeArgs),
    /// Set a new user PIN with the SO PIN; this also unlocks a locked PIN.
    Unblock(UnblockArgs),
}

/// Options of `pin change`.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Change the security officer's PIN (the old one from --so-pin-*) instead of the user's.
    #[arg(long)]
    pub so: bool,
    #[command(flatten)]
    new_pin: NewPinArgs,
    #[command(flatten)]
    so_pin: SoPinArgs,
}

/// Options of `pin unblock`.
#[derive(Debug, Args)]
pub struct UnblockArgs {
    #[command(flatten)]
    new_pin: NewPinArgs,
    #[command(flatten)]
    so_pin: SoPinArgs,
}

/// `pin status` in JSON.
#[derive(Debug, Serialize)]
struct Status<'a> {
    token: super::objects::TokenSummary<'a>,
    user_pin_initialized: bool,
    user_pin: RetryState,
    so_pin: RetryState,
    min_pin_length: u64,
    max_pin_length: u64,
}

/// The result of a PIN change or unblock, in JSON.
#[derive(Debug, Serialize)]
struct Changed<'a> {
    token: super::objects::TokenSummary<'a>,
    changed: PinUser,
    before: RetryState,
    after: RetryState,
}

pub(super) fn run(ctx: &Context, cmd: &PinCommand) -> Result<ExitCode> {
    match cmd {
        PinCommand::Status => status(ctx),
        PinCommand::Change(args) => change(ctx, args),
        PinCommand::Unblock(args) => unblock(ctx, args),
    }
}

fn status(ctx: &Context) -> Result<ExitCode> {
    let token = ctx.token()?;
    let r = &token.report;
    let status = Status {
        token: super::objects::TokenSummary::of(&token),
        user_pin_initialized: r.flags.user_pin_initialized,
        user_pin: token.retry_state(PinUser::User),
        so_pin: token.retry_state(PinUser::So),
        min_pin_length: r.min_pin_length,
        max_pin_length: r.max_pin_length,
    };
    if ctx.json() {
        output::json(&status)?;
    } else {
        let mut b = Block::new(format!("Token \"{}\" (serial {})", r.label, r.serial));
        let user = if r.flags.user_pin_initialized {
            status.user_pin.describe().to_string()
        } else {
            "not set yet (an administrator sets it with `tokenward pin unblock`)".into()
        };
        b.field("User PIN", user)
            .field("SO PIN", status.so_pin.describe())
            .field(
                "PIN length",
                format!(
                    "{} to {} characters on this token",
                    r.min_pin_length, r.max_pin_length
                ),
            );
        if status.user_pin.to_be_changed {
            b.field(
                "Note",
                "the user PIN must be changed: run `tokenward pin change`",
            );
        }
        output::text(&b.render())?;
    }
    Ok(ExitCode::Success)
}

fn change(ctx: &Context, args: &ChangeArgs) -> Result<ExitCode> {
    let mut token = ctx.token()?;
    let who = if args.so { PinUser::So } else { PinUser::User };
    pin_ops::guard(&token, who, ctx.args.final_try)?;
    // Secrets in order: the current PIN, then the new one (one line each on stdin).
    let old = match who {
        PinUser::User => ctx.user_pin()?,
        PinUser::So => ctx.so_pin(&args.so_pin)?,
    };
    let kind = if args.so {
        SecretKind::SoPin
    } else {
        SecretKind::NewPin
    };
    let new = ctx.new_secret(kind, ctx.new_pin_source(&args.new_pin)?, &token)?;
    let before = token.retry_state(who);
    let event = match who {
        PinUser::User => EventKind::PinChanged,
        PinUser::So => EventKind::SoPinChanged,
    };
    if let Err(e) = pin_ops::change_pin(&mut token, who, &old, &new, ctx.args.final_try) {
        ctx.audit_failure(event, &token, &e);
        return Err(e);
    }
    token.refresh()?;
    ctx.audit(event, &token, Outcome::Success, None);
    report(
        ctx,
        &token,
        who,
        before,
        &format!(
            "The {} of token \"{}\" was changed.",
            who.noun(),
            token.report.label
        ),
    )
}

fn unblock(ctx: &Context, args: &UnblockArgs) -> Result<ExitCode> {
    let mut token = ctx.token()?;
    pin_ops::guard(&token, PinUser::So, ctx.args.final_try)?;
    // Secrets in order: the SO PIN, then the new user PIN.
    let so = so_source(&args.so_pin)?.read(SecretKind::SoPin)?;
    let new = ctx.new_secret(
        SecretKind::NewPin,
        ctx.new_pin_source(&args.new_pin)?,
        &token,
    )?;
    let before = token.retry_state(PinUser::User);
    if let Err(e) = pin_ops::unblock(&mut token, &so, &new, ctx.args.final_try) {
        ctx.audit_failure(EventKind::PinUnblocked, &token, &e);
        return Err(e);
    }
    token.refresh()?;
    ctx.audit(EventKind::PinUnblocked, &token, Outcome::Success, None);
    report(
        ctx,
        &token,
        PinUser::User,
        before,
        &format!(
            "A new user PIN was set on token \"{}\"; it is unlocked.",
            token.report.label
        ),
    )
}

fn report(
    ctx: &Context,
    token: &TokenRef,
    who: PinUser,
    before: RetryState,
    headline: &str,
) -> Result<ExitCode> {
    let after = token.retry_state(who);
    if ctx.json() {
        output::json(&Changed {
            token: super::objects::TokenSummary::of(token),
            changed: who,
            before,
            after,
        })?;
    } else {
        let mut b = Block::new(headline);
        b.field("Before", before.describe())
            .field("Now", after.describe());
        output::text(&b.render())?;
    }
    Ok(ExitCode::Success)
}
