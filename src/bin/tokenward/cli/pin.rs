//! `tokenward pin status|change|unblock`.

use clap::{Args, Subcommand};

use super::output::{self, Block};
use super::recovery::RecoveryKeyArgs;
use super::{Context, FinalTryArg, LoginArgs, NewPinArgs, SoPinArgs};
use tokenward::error::{ExitCode, InputError, Result};
use tokenward::ops::pin::{self as ops, PinChanged};
use tokenward::token::pin::PinUser;

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
    /// With --so: the recovery key from the mail, so that PIN recovery is sealed again with the
    /// new SO PIN and the mailed key keeps working (without it, recovery is removed).
    #[command(flatten)]
    recovery_key: RecoveryKeyArgs,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

/// Options of `pin unblock`.
#[derive(Debug, Args)]
pub struct UnblockArgs {
    #[command(flatten)]
    new_pin: NewPinArgs,
    #[command(flatten)]
    so_pin: SoPinArgs,
    #[command(flatten)]
    pub final_try: FinalTryArg,
}

pub(super) fn run(ctx: &Context, cmd: &PinCommand) -> Result<ExitCode> {
    match cmd {
        PinCommand::Status => status(ctx),
        PinCommand::Change(args) => change(ctx, args),
        PinCommand::Unblock(args) => unblock(ctx, args),
    }
}

fn status(ctx: &Context) -> Result<ExitCode> {
    let status = ops::status(ctx)?;
    if ctx.json() {
        return output::json(&status);
    }
    let t = &status.token;
    let mut b = Block::new(format!("Token \"{}\" (serial {})", t.label, t.serial));
    let user = if status.user_pin_initialized {
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
                status.min_pin_length, status.max_pin_length
            ),
        );
    b.field("PIN rule", status.pin_rule.description.clone());
    if let Some(why) = &status.pin_rule.impossible {
        b.field(
            "PIN rule problem",
            format!("{why}: no new PIN can follow the rule on this token; an administrator can set a PIN profile for this token model (docs/admins.md)"),
        );
    }
    if status.user_pin.to_be_changed {
        b.field(
            "Note",
            "the user PIN must be changed: run `tokenward pin change`",
        );
    }
    output::text(&b.render())
}

fn change(ctx: &Context, args: &ChangeArgs) -> Result<ExitCode> {
    // Secrets in order: the current PIN, then the new one (one line each on stdin).
    let (who, answers) = if args.so {
        let a = ctx
            .answers(&args.pin)?
            .so_pin(&args.so_pin)?
            .new_so_pin(&args.new_pin)?;
        (PinUser::So, a)
    } else {
        let a = ctx.answers(&args.pin)?.new_user_pin(&args.new_pin)?;
        (PinUser::User, a)
    };
    if args.recovery_key.given() && !args.so {
        return Err(InputError::Conflict {
            given: "--recovery-key-file/-env/-stdin",
            with: "changing the user PIN (they keep recovery working across an SO PIN change: add --so)",
        }
        .into());
    }
    let read_key = args.recovery_key.reader()?;
    let keep = args
        .recovery_key
        .given()
        .then_some(&read_key as &dyn Fn() -> _);
    let done = ops::change(ctx, who, &answers, keep)?;
    let headline = format!(
        "The {} of token \"{}\" was changed.",
        who.noun(),
        done.token.label
    );
    report(ctx, &done, &headline)
}

fn unblock(ctx: &Context, args: &UnblockArgs) -> Result<ExitCode> {
    // Secrets in order: the SO PIN, then the new user PIN.
    let answers = ctx
        .answers_without_login(&args.final_try)
        .so_pin(&args.so_pin)?
        .new_user_pin(&args.new_pin)?;
    let done = ops::unblock(ctx, &answers)?;
    let headline = format!(
        "A new user PIN was set on token \"{}\"; it is unlocked.",
        done.token.label
    );
    report(ctx, &done, &headline)
}

fn report(ctx: &Context, done: &PinChanged, headline: &str) -> Result<ExitCode> {
    if ctx.json() {
        return output::json(done);
    }
    let mut b = Block::new(headline);
    b.field("Before", done.before.describe())
        .field("Now", done.after.describe());
    if done.before.to_be_changed && !done.after.to_be_changed {
        b.field("Factory PIN", "gone: only the new PIN opens the token now");
    } else if done.after.to_be_changed {
        b.field(
            "Factory PIN",
            "the token still asks for the PIN to be changed",
        );
    }
    if done.recovery_resealed {
        b.field(
            "PIN recovery",
            "sealed again with the new SO PIN; the recovery key in the mail still works",
        );
    } else if done.recovery_removed > 0 {
        b.field(
            "PIN recovery",
            "removed (it held the old SO PIN); set it up again with `tokenward recovery enroll`",
        );
    }
    output::text(&b.render())
}
