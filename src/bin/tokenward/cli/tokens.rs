//! `tokenward tokens`: every slot, with or without a token, the token's state in plain words
//! and its URI.

use clap::Args;

use super::output::{self, Block};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
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
                    .map(|why| why.words())
            };
            output::text(&render(&list.slots, &rule_problem))?;
            failure.map_or(Ok(ExitCode::Success), Err)
        }
    }
}

fn render(slots: &[SlotReport], rule_problem: &dyn Fn(&TokenReport) -> Option<String>) -> String {
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
        let heading = if slot.description.is_empty() {
            fl!("tokens-slot-silent", id = slot.slot_id.to_string())
        } else {
            fl!(
                "tokens-slot",
                id = slot.slot_id.to_string(),
                description = slot.description.as_str()
            )
        };
        let mut block = Block::new(heading);
        match (&slot.token, &slot.token_error) {
            (Some(t), _) if !t.flags.token_initialized => {
                block
                    .field(&fl!("field-token"), fl!("tokens-blank"))
                    .field(&fl!("field-state"), super::words::token_states(&t.state))
                    .field(
                        &fl!("field-model"),
                        format!("{} {}", t.manufacturer, t.model),
                    );
            }
            (Some(t), _) => {
                block
                    .field(&fl!("field-token"), format!("\"{}\"", t.label))
                    .field(&fl!("field-state"), super::words::token_states(&t.state))
                    .field(&fl!("field-serial"), t.serial.clone())
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
                    )
                    .field(
                        &fl!("field-public-memory"),
                        describe_memory(t.free_public_memory, t.total_public_memory),
                    )
                    .field(
                        &fl!("field-private-memory"),
                        describe_memory(t.free_private_memory, t.total_private_memory),
                    )
                    .field(&fl!("field-uri"), t.uri.clone());
                if let Some(why) = rule_problem(t) {
                    block.field(
                        &fl!("field-pin-rule"),
                        fl!("tokens-rule-impossible", why = why),
                    );
                }
                if t.flags.user_pin_to_be_changed {
                    block.field(&fl!("field-next"), fl!("tokens-next-factory"));
                }
            }
            (None, Some(err)) => {
                block.field(
                    &fl!("field-token"),
                    fl!("tokens-unreadable", error = err.to_string()),
                );
            }
            (None, None) => {
                block.field(&fl!("field-token"), fl!("tokens-none"));
            }
        }
        block.field(&fl!("field-module"), slot.module.clone());
        out.push_str(&block.render());
    }
    out
}
