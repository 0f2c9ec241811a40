//! `tokenward pin status|change|unblock`.

use clap::{Args, Subcommand};

use super::output::{self, Block};
use super::recovery::RecoveryKeyArgs;
use super::{Context, FinalTryArg, LoginArgs, NewPinArgs, SoPinArgs};
use tokenward::error::{ExitCode, InputError, Result};
use tokenward::fl;
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
    let mut b = Block::new(fl!(
        "pin-status-heading",
        token = t.label.as_str(),
        serial = t.serial.as_str()
    ));
    let user = if status.user_pin_initialized {
        status.user_pin.words()
    } else {
        fl!("pin-user-not-set")
    };
    b.field(&fl!("field-user-pin"), user)
        .field(&fl!("field-so-pin"), status.so_pin.words())
        .field(
            &fl!("field-pin-length"),
            fl!(
                "pin-length-on-token",
                min = status.min_pin_length.to_string(),
                max = status.max_pin_length.to_string()
            ),
        );
    b.field(&fl!("field-pin-rule"), status.pin_rule.words.clone());
    if let Some(why) = &status.pin_rule.impossible {
        b.field(
            &fl!("field-pin-rule-problem"),
            fl!("pin-rule-impossible", why = why.words()),
        );
    }
    if status.user_pin.to_be_changed {
        b.field(&fl!("field-note"), fl!("pin-must-change"));
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
            with: "user-pin-change",
        }
        .into());
    }
    let read_key = args.recovery_key.reader()?;
    let keep = args
        .recovery_key
        .given()
        .then_some(&read_key as &dyn Fn() -> _);
    let done = ops::change(ctx, who, &answers, keep)?;
    let headline = fl!(
        "pin-changed",
        who = who.id(),
        token = done.token.label.as_str()
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
    let headline = fl!("pin-unblocked", token = done.token.label.as_str());
    report(ctx, &done, &headline)
}

fn report(ctx: &Context, done: &PinChanged, headline: &str) -> Result<ExitCode> {
    if ctx.json() {
        return output::json(done);
    }
    let mut b = Block::new(headline);
    b.field(&fl!("field-before"), done.before.words())
        .field(&fl!("field-now"), done.after.words());
    if done.before.to_be_changed && !done.after.to_be_changed {
        b.field(&fl!("field-factory-pin"), fl!("pin-factory-gone"));
    } else if done.after.to_be_changed {
        b.field(&fl!("field-factory-pin"), fl!("pin-factory-still"));
    }
    if done.recovery_resealed {
        b.field(&fl!("field-pin-recovery"), fl!("pin-recovery-resealed"));
    } else if done.recovery_removed > 0 {
        b.field(&fl!("field-pin-recovery"), fl!("pin-recovery-removed"));
    }
    output::text(&b.render())
}
