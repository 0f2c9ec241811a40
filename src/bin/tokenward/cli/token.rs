//! `tokenward token init`.

use clap::{Args, Subcommand};

use super::context::{read_line, Answers};
use super::output::{self, Block};
use super::{Context, NewPinArgs, SoPinArgs};
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::tokens::{self as ops, InitRequest};
use tokenward::token::pin::check_label;

/// The `token` commands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Initialise a token: set its label, SO PIN and user PIN. On a token that is already
    /// initialised this DESTROYS every key and certificate on it (needs --force).
    Init(InitArgs),
}

/// Options of `token init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new label (at most 32 bytes).
    #[arg(long)]
    pub label: String,
    /// Re-initialise a token that is already initialised, destroying all its objects.
    #[arg(long)]
    pub force: bool,
    /// With --force: the token's current label, typed again to confirm (else asked).
    #[arg(long, value_name = "LABEL")]
    pub confirm_label: Option<String>,
    #[command(flatten)]
    so_pin: SoPinArgs,
    #[command(flatten)]
    user_pin: NewPinArgs,
}

/// The `token` command.
pub(super) fn run(ctx: &Context, cmd: &TokenCommand) -> Result<ExitCode> {
    match cmd {
        TokenCommand::Init(args) => init(ctx, args),
    }
}

fn init(ctx: &Context, args: &InitArgs) -> Result<ExitCode> {
    check_label(&args.label)?;
    let token = ops::token_to_initialise(ctx)?;
    let reinit = token.report.flags.token_initialized;
    let mut confirm_label = args.confirm_label.clone();
    if reinit && args.force && confirm_label.is_none() {
        confirm_label = read_line(&format!(
            "{} ",
            fl!("confirm-reinitialise", token = token.report.label.as_str())
        ))?;
    }
    let req = InitRequest {
        label: args.label.clone(),
        force: args.force,
        confirm_label,
    };
    // Secrets in order: the SO PIN (new for a blank token, the current one otherwise), then
    // the user PIN. All checked before the token is touched.
    let answers = Answers::new(ctx);
    let answers = if reinit {
        answers.so_pin(&args.so_pin)?
    } else {
        answers.new_so_pin_from_so_flags(&args.so_pin)?
    }
    .new_user_pin(&args.user_pin)?;
    let done = ops::init(ctx, &token, &req, &answers)?;
    if ctx.json() {
        return output::json(&done);
    }
    let t = &done.token;
    let mut b = Block::new(fl!("token-initialised", label = t.label.as_str()));
    b.field(&fl!("field-serial"), t.serial.clone())
        .field(&fl!("field-state"), super::words::token_states(&t.state))
        .field(&fl!("field-uri"), t.uri.clone());
    output::text(&b.render())
}
