//! `tokenward readers` and `tokenward watch`: card readers, their cards, and the cards as they
//! come and go.

use std::time::{Duration, Instant};

use clap::Args;

use super::output::{self, Block};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
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
        return format!("{}\n", fl!("readers-none"));
    }
    let mut out = String::new();
    for (i, r) in readers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let s = &r.status;
        let mut block = Block::new(fl!("readers-heading", name = s.name.as_str()));
        let card = match (s.card_present, s.mute) {
            (false, _) => fl!("readers-no-card"),
            (true, true) => fl!("readers-card-mute"),
            (true, false) => s
                .card_name
                .clone()
                .unwrap_or_else(|| fl!("readers-card-unknown")),
        };
        block.field(&fl!("field-card"), card);
        if let Some(atr) = &s.atr {
            block.field("ATR", atr.clone());
        }
        if s.card_present {
            let served = if s.held_exclusively && r.served_by.is_empty() {
                fl!("readers-served-unknown")
            } else if r.served_by.is_empty() {
                fl!("readers-served-none")
            } else {
                served_by_words(&r.served_by)
            };
            block.field(&fl!("field-served-by"), served);
            let holder = if s.held_exclusively {
                fl!("readers-held")
            } else if s.in_use {
                fl!("readers-shared")
            } else {
                fl!("readers-free")
            };
            block.field(&fl!("field-in-use"), holder);
        }
        block.field(
            &fl!("field-pin-pad"),
            match s.pin_pad {
                Some(true) => fl!("readers-pin-pad"),
                Some(false) => fl!("key-no"),
                None => fl!("memory-not-reported"),
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
        Change::ReaderAdded => fl!("watch-reader-added"),
        Change::ReaderRemoved => fl!("watch-reader-removed"),
        Change::CardInserted => match &e.card_name {
            Some(name) => fl!("watch-card-inserted-named", name = name.as_str()),
            None => fl!("watch-card-inserted"),
        },
        Change::CardRemoved => fl!("watch-card-removed"),
    };
    let time = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[hour]:[minute]:[second] UTC"
        ))
        .unwrap_or_default();
    format!("{time}  {}: {what}\n", e.reader)
}
