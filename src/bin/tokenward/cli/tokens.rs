//! `tokenward tokens`: every token, led by its label and serial, its state in plain words;
//! `tokens select`: make one the default.

use clap::{Args, Subcommand};

use super::output::{self, Block};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::tokens as ops;
use tokenward::token::slots::describe_memory;
use tokenward::token::{SlotReport, TokenReport, TokenSelector};

/// Options of `tokenward tokens`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TokensArgs {
    /// Show only slots that hold a token.
    #[arg(long)]
    pub present: bool,
    /// What to do (without one: list the tokens).
    #[command(subcommand)]
    pub action: Option<TokensAction>,
}

/// `tokens` subcommands.
#[derive(Debug, Subcommand)]
pub enum TokensAction {
    /// Make a token the default for every command (saved in the configuration; --token
    /// still wins).
    Select(TokenSelectArgs),
}

/// Options of `tokens select`.
#[derive(Debug, Args)]
pub struct TokenSelectArgs {
    /// The token: its label, its serial or the serial's first characters (4 or more), or a
    /// PKCS#11 URI.
    #[arg(value_name = "SELECTOR")]
    pub selector: String,
}

pub(super) fn run(ctx: &Context, args: &TokensArgs) -> Result<ExitCode> {
    if let Some(TokensAction::Select(a)) = &args.action {
        return select(ctx, a);
    }
    let list = ops::slots(ctx, args.present)?;
    let failure = list.failure(ctx);
    match (ctx.json(), failure) {
        (true, Some(e)) => Err(e),
        (true, None) => output::json(&list),
        (false, failure) => {
            let rule_problem = |t: &TokenReport| {
                ctx.config()
                    .pin_policy_for(&t.model, &t.manufacturer)
                    .ok()
                    .and_then(|p| p.impossible_on(t.min_pin_length, t.max_pin_length))
                    .map(|why| why.words())
            };
            let shown = Shown {
                verbose: ctx.verbose(),
                default: list.default_token.as_deref(),
                rule_problem: &rule_problem,
            };
            output::text(&render(&list.slots, &shown))?;
            failure.map_or(Ok(ExitCode::Success), Err)
        }
    }
}

fn select(ctx: &Context, args: &TokenSelectArgs) -> Result<ExitCode> {
    let selected = ops::select(ctx, &TokenSelector::parse(&args.selector)?)?;
    if ctx.json() {
        return output::json(&selected);
    }
    output::text(&format!(
        "{}\n",
        fl!(
            "tokens-selected",
            label = selected.token.label.as_str(),
            serial = selected.token.serial.as_str(),
            config = selected.config.as_str()
        )
    ))?;
    Ok(ExitCode::Success)
}

/// How the listing is shown.
struct Shown<'a> {
    /// `--verbose`: URIs and memory even when not reported.
    verbose: bool,
    /// The serial of the default token.
    default: Option<&'a str>,
    /// Why the PIN rule cannot be followed on a token, if it cannot.
    rule_problem: &'a dyn Fn(&TokenReport) -> Option<String>,
}

fn render(slots: &[SlotReport], shown: &Shown) -> String {
    if slots.is_empty() {
        return format!("{}\n", fl!("tokens-no-slots"));
    }
    let mut out = String::new();
    for (i, slot) in slots.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let same_card = |s: &SlotReport| {
            s.module == slot.module
                && s.description == slot.description
                && !s.description.is_empty()
                && s.token.as_ref().map(|t| &t.serial) == slot.token.as_ref().map(|t| &t.serial)
                && s.token.is_some()
        };
        let first_of_card = i == 0 || !same_card(&slots[i - 1]);
        let shown_as = slots[i..].iter().take_while(|s| same_card(s)).count();
        if first_of_card && shown_as > 1 {
            out.push_str(&fl!(
                "tokens-one-card",
                reader = slot.description.as_str(),
                count = shown_as
            ));
            out.push('\n');
        }
        out.push_str(&slot_block(slot, shown).render());
    }
    out
}

/// One slot: a token led by its label and serial, a blank token, or an empty slot.
fn slot_block(slot: &SlotReport, shown: &Shown) -> Block {
    let mut block = match (&slot.token, &slot.token_error) {
        (Some(t), _) if !t.flags.token_initialized => {
            let model = format!("{} {}", t.manufacturer, t.model);
            let mut b = Block::new(fl!("tokens-heading-blank", model = model.trim()));
            b.field(&fl!("field-state"), super::words::token_states(&t.state))
                .field(&fl!("field-next"), fl!("tokens-blank-next"));
            b
        }
        (Some(t), _) => token_block(t, shown),
        (None, Some(err)) => {
            let mut b = Block::new(fl!("tokens-heading-unreadable"));
            b.field(
                &fl!("field-token"),
                fl!("tokens-unreadable", error = err.to_string()),
            );
            b
        }
        (None, None) => {
            let mut b = Block::new(fl!("tokens-heading-empty"));
            b.field(&fl!("field-token"), fl!("tokens-none"));
            b
        }
    };
    let where_ = if slot.description.is_empty() {
        fl!("tokens-slot-silent", id = slot.slot_id.to_string())
    } else {
        fl!(
            "tokens-slot",
            id = slot.slot_id.to_string(),
            description = slot.description.as_str()
        )
    };
    block
        .field(&fl!("field-slot"), where_)
        .field(&fl!("field-module"), slot.module.clone());
    if let (true, Some(t)) = (shown.verbose, &slot.token) {
        block.field(&fl!("field-uri"), t.uri.clone());
    }
    block
}

fn token_block(t: &TokenReport, shown: &Shown) -> Block {
    let (label, serial) = (t.label.as_str(), t.serial.as_str());
    let heading = if shown.default == Some(serial) {
        fl!("tokens-heading-default", label = label, serial = serial)
    } else {
        fl!("tokens-heading", label = label, serial = serial)
    };
    let mut block = Block::new(heading);
    block
        .field(&fl!("field-state"), super::words::token_states(&t.state))
        .field(&fl!("field-manufacturer"), t.manufacturer.clone())
        .field(&fl!("field-model"), t.model.clone())
        .field(
            &fl!("field-versions"),
            fl!(
                "tokens-versions",
                hardware = t.hardware_version.to_string(),
                firmware = t.firmware_version.to_string()
            ),
        )
        .field(
            &fl!("field-pin-length"),
            fl!(
                "tokens-pin-length",
                min = t.min_pin_length.to_string(),
                max = t.max_pin_length.to_string()
            ),
        );
    let memory = [
        (
            fl!("field-public-memory"),
            t.free_public_memory,
            t.total_public_memory,
        ),
        (
            fl!("field-private-memory"),
            t.free_private_memory,
            t.total_private_memory,
        ),
    ];
    for (field, free, total) in memory {
        if shown.verbose || free.is_some() || total.is_some() {
            block.field(&field, describe_memory(free, total));
        }
    }
    if let Some(why) = (shown.rule_problem)(t) {
        block.field(
            &fl!("field-pin-rule"),
            fl!("tokens-rule-impossible", why = why),
        );
    }
    if t.flags.user_pin_to_be_changed {
        block.field(&fl!("field-next"), fl!("tokens-next-factory"));
    }
    block
}
