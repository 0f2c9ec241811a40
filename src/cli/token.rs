//! `tokenward token init`.

use std::io::{BufRead, IsTerminal, Write};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::context::so_source;
use super::output::{self, Block};
use super::{Context, NewPinArgs, SoPinArgs};
use crate::audit::{EventKind, Outcome};
use crate::error::{Error, ExitCode, Result};
use crate::pin::SecretKind;
use crate::token::pin::{self as pin_ops};
use crate::token::{select_any_token, TokenRef, TokenReport};

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

#[derive(Serialize)]
struct Initialised<'a> {
    reinitialised: bool,
    token: &'a TokenReport,
}

/// The `token` command.
pub(super) fn run(ctx: &Context, cmd: &TokenCommand) -> Result<ExitCode> {
    match cmd {
        TokenCommand::Init(args) => init(ctx, args),
    }
}

fn init(ctx: &Context, args: &InitArgs) -> Result<ExitCode> {
    pin_ops::check_label(&args.label)?;
    let token = choose(ctx)?;
    let reinit = token.report.flags.token_initialized;
    if reinit {
        confirm_destruction(&token, args)?;
    }
    // Secrets in order: the SO PIN (new for a blank token, the current one otherwise), then
    // the user PIN. All checked before the token is touched.
    let so_src = so_source(&args.so_pin)?;
    let so = if reinit {
        so_src.read(SecretKind::SoPin)?
    } else {
        ctx.new_secret(SecretKind::SoPin, so_src, &token)?
    };
    let user = ctx.new_secret(
        SecretKind::NewPin,
        ctx.new_pin_source(&args.user_pin)?,
        &token,
    )?;
    let fresh = match pin_ops::init_token(&token, &so, &args.label, &user) {
        Ok(t) => t,
        Err(e) => {
            ctx.audit_failure(EventKind::TokenInitialized, &token, &e);
            return Err(e);
        }
    };
    ctx.audit(
        EventKind::TokenInitialized,
        &fresh,
        Outcome::Success,
        reinit.then(|| format!("re-initialised; previous label {:?}", token.report.label)),
    );
    if ctx.json() {
        output::json(&Initialised {
            reinitialised: reinit,
            token: &fresh.report,
        })?;
    } else {
        let mut b = Block::new(format!("Token initialised as \"{}\".", fresh.report.label));
        b.field("Serial", fresh.report.serial.clone())
            .field("State", fresh.report.state.join(", "))
            .field("URI", fresh.report.uri.clone());
        output::text(&b.render())?;
    }
    Ok(ExitCode::Success)
}

/// `--token` picks any token, blank or not; without it, the one blank token present.
fn choose(ctx: &Context) -> Result<TokenRef> {
    if ctx.selector().is_some() {
        return select_any_token(ctx.modules()?, ctx.selector());
    }
    let blank: Vec<TokenRef> = crate::token::select::all_slots(ctx.modules()?)?
        .into_iter()
        .filter_map(|(module, slot, s)| {
            s.token
                .filter(|t| !t.flags.token_initialized)
                .map(|report| TokenRef {
                    module,
                    slot,
                    report,
                })
        })
        .collect();
    match blank.len() {
        1 => Ok(blank.into_iter().next().expect("one")),
        0 => Err(Error::Usage(
            "no blank token is present; to re-initialise a token (destroying its keys) name it with --token and add --force".into(),
        )),
        n => Err(Error::Usage(format!(
            "{n} blank tokens are present; name the one to initialise with --token (a URI with slot-id, from `tokenward tokens`)"
        ))),
    }
}

fn confirm_destruction(token: &TokenRef, args: &InitArgs) -> Result<()> {
    let label = &token.report.label;
    if !args.force {
        return Err(Error::Usage(format!(
            "token \"{label}\" (serial {}) is already initialised; initialising it again DESTROYS every key and certificate on it. If that is what you want, add --force",
            token.report.serial
        )));
    }
    let typed = match &args.confirm_label {
        Some(l) => l.clone(),
        None if std::io::stdin().is_terminal() => {
            eprint!("This destroys every key and certificate on token \"{label}\". Type its label to confirm: ");
            let _ = std::io::stderr().flush();
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| Error::Usage(format!("cannot read the confirmation: {e}")))?;
            line.trim_end_matches(['\n', '\r']).to_string()
        }
        None => {
            return Err(Error::Usage(format!(
            "re-initialising needs the current label typed again: add --confirm-label \"{label}\""
        )))
        }
    };
    if typed.trim_end() != label.as_str() {
        return Err(Error::Usage(format!(
            "the label typed does not match the token's label \"{label}\"; nothing was changed"
        )));
    }
    Ok(())
}
