//! `tokenward tokens`: every slot, with or without a token, the token's state in plain words
//! and its URI.

use clap::Args;

use super::output::{self, Block};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::ops::tokens as ops;
use tokenward::token::slots::describe_memory;
use tokenward::token::{SlotReport, TokenReport};

/// Options of `tokenward tokens`.
#[derive(Debug, Args)]
pub struct TokensArgs {
    /// Show only slots that hold a token.
    #[arg(long)]
    pub present: bool,
}

pub(super) fn run(ctx: &Context, args: &TokensArgs) -> Result<ExitCode> {
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
            };
            output::text(&render(&list.slots, &rule_problem))?;
            failure.map_or(Ok(ExitCode::Success), Err)
        }
    }
}

fn render(slots: &[SlotReport], rule_problem: &dyn Fn(&TokenReport) -> Option<String>) -> String {
    if slots.is_empty() {
        return "No slots: the module sees no reader or token. Plug in your token or insert the card; if it is plugged in, check its driver with `tokenward modules`.\n".into();
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
            out.push_str(&format!(
                "One card in reader \"{}\", shown as {shown_as} tokens with the same serial: choose one by its label.\n",
                slot.description
            ));
        }
        let heading = if slot.description.is_empty() {
            format!(
                "Slot {}: (no description: the slot does not answer)",
                slot.slot_id
            )
        } else {
            format!("Slot {}: {}", slot.slot_id, slot.description)
        };
        let mut block = Block::new(heading);
        match (&slot.token, &slot.token_error) {
            (Some(t), _) if !t.flags.token_initialized => {
                block
                    .field("Token", "blank (not initialised)")
                    .field("State", super::words::token_states(&t.state))
                    .field("Model", format!("{} {}", t.manufacturer, t.model));
            }
            (Some(t), _) => {
                block
                    .field("Token", format!("\"{}\"", t.label))
                    .field("State", super::words::token_states(&t.state))
                    .field("Serial", t.serial.clone())
                    .field("Manufacturer", t.manufacturer.clone())
                    .field("Model", t.model.clone())
                    .field(
                        "Versions",
                        format!(
                            "hardware {}, firmware {}",
                            t.hardware_version, t.firmware_version
                        ),
                    )
                    .field(
                        "PIN length",
                        format!("{} to {} characters", t.min_pin_length, t.max_pin_length),
                    )
                    .field(
                        "Public memory",
                        describe_memory(t.free_public_memory, t.total_public_memory),
                    )
                    .field(
                        "Private memory",
                        describe_memory(t.free_private_memory, t.total_private_memory),
                    )
                    .field("URI", t.uri.clone());
                if let Some(why) = rule_problem(t) {
                    block.field(
                        "PIN rule",
                        format!("cannot be followed on this token: {why}; an administrator can set a PIN profile for this model (docs/admins.md)"),
                    );
                }
                if t.flags.user_pin_to_be_changed {
                    block.field(
                        "Next",
                        "set your own PIN instead of the factory one: `tokenward pin change`",
                    );
                }
            }
            (None, Some(err)) => {
                block.field("Token", format!("present but unreadable: {err}"));
            }
            (None, None) => {
                block.field("Token", "none (plug in a token or insert a card)");
            }
        }
        block.field("Module", slot.module.clone());
        out.push_str(&block.render());
    }
    out
}
