//! `tokenward readers` and `tokenward watch`: card readers, their cards, and the cards as they
//! come and go.

use std::time::{Duration, Instant};

use clap::Args;

use super::output::{self, Block};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::ops::readers::{self as ops, ReaderReport, ServedBy};
use tokenward::readers::watch::{Change, Event, Watcher};

/// Options of `tokenward readers`.
#[derive(Debug, Args)]
pub struct ReadersArgs {}

pub(super) fn readers(ctx: &Context, _args: &ReadersArgs) -> Result<ExitCode> {
    let list = ops::readers(ctx)?;
    if ctx.json() {
        return output::json(&list);
    }
    output::text(&render(&list.readers))
}

fn render(readers: &[ReaderReport]) -> String {
    if readers.is_empty() {
        return "No card reader: the smart-card service runs but sees no reader. Plug in the reader or the token; `tokenward doctor` checks the rest.\n".into();
    }
    let mut out = String::new();
    for (i, r) in readers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let s = &r.status;
        let mut block = Block::new(format!("Reader: {}", s.name));
        let card = match (s.card_present, s.mute) {
            (false, _) => "none (insert a card or plug in the token)".to_string(),
            (true, true) => "present but not answering (take it out and insert it again)".into(),
            (true, false) => s
                .card_name
                .clone()
                .unwrap_or_else(|| "present (not in pcsc-tools' list)".into()),
        };
        block.field("Card", card);
        if let Some(atr) = &s.atr {
            block.field("ATR", atr.clone());
        }
        if s.card_present {
            let served = if s.held_exclusively && r.served_by.is_empty() {
                "not known while another program holds the card".to_string()
            } else if r.served_by.is_empty() {
                "no PKCS#11 module on this computer recognises this card".to_string()
            } else {
                served_by_words(&r.served_by)
            };
            block.field("Served by", served);
            let holder = if s.held_exclusively {
                "another program holds it exclusively (`tokenward doctor` names it)"
            } else if s.in_use {
                "open in another program (shared)"
            } else {
                "free"
            };
            block.field("In use", holder);
        }
        block.field(
            "PIN pad",
            match s.pin_pad {
                Some(true) => "yes: type PINs on the reader's keypad",
                Some(false) => "no",
                None => "not reported",
            },
        );
        out.push_str(&block.render());
    }
    out
}

/// The modules and the tokens they show, one module after the other: `MODULE: "A", "B"`.
fn served_by_words(served: &[ServedBy]) -> String {
    let mut modules: Vec<&str> = served.iter().map(|b| b.module.as_str()).collect();
    modules.dedup();
    modules
        .iter()
        .map(|m| {
            let labels: Vec<String> = served
                .iter()
                .filter(|b| b.module == *m)
                .map(|b| format!("\"{}\"", b.token.as_deref().unwrap_or("")))
                .collect();
            format!("{m}: {}", labels.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Options of `tokenward watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Stop after this many changes (the readers present at the start count).
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Stop after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
}

pub(super) fn watch(ctx: &Context, args: &WatchArgs) -> Result<ExitCode> {
    let mut watcher = Watcher::new()?;
    let end = args
        .timeout
        .map(|s| Instant::now() + Duration::from_secs(s));
    let mut seen = 0usize;
    loop {
        if args.count.is_some_and(|n| seen >= n) {
            return Ok(ExitCode::Success);
        }
        let wait = match end {
            Some(end) => match end.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => left.min(Duration::from_secs(1)),
                _ => return Ok(ExitCode::Success),
            },
            None => Duration::from_secs(1),
        };
        for event in watcher.next(wait)? {
            if args.count.is_some_and(|n| seen >= n) {
                break;
            }
            seen += 1;
            if ctx.json() {
                output::json_line(&event)?;
            } else {
                output::text(&line(&event))?;
            }
        }
    }
}

fn line(e: &Event) -> String {
    let what = match e.event {
        Change::ReaderAdded => "reader connected".to_string(),
        Change::ReaderRemoved => "reader disconnected".into(),
        Change::CardInserted => match &e.card_name {
            Some(name) => format!("card inserted: {name}"),
            None => "card inserted".into(),
        },
        Change::CardRemoved => "card removed".into(),
    };
    let time = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[hour]:[minute]:[second] UTC"
        ))
        .unwrap_or_default();
    format!("{time}  {}: {what}\n", e.reader)
}
