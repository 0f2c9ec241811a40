//! Readers and cards as they come and go: PC/SC status changes, with the plug-and-play
//! notification for readers that are plugged in or out.

use std::ffi::CString;
use std::time::Duration;

use pcsc::{Context, ReaderState, State, PNP_NOTIFICATION};
use serde::Serialize;

use super::{atr, reader_names, service_error};
use crate::error::Result;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A reader was plugged in (or was there when watching began, with a card or not).
    ReaderAdded,
    /// A reader was unplugged.
    ReaderRemoved,
    /// A card was inserted (or a token plugged in).
    CardInserted,
    /// A card was removed.
    CardRemoved,
}

/// One change, as `watch` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Event {
    /// What happened.
    pub event: Change,
    /// The reader's name.
    pub reader: String,
    /// The card's ATR (upper-case hex) for `card_inserted`, else `null`.
    pub atr: Option<String>,
    /// The card's name from pcsc-tools' list for `card_inserted`, when known, else `null`.
    pub card_name: Option<String>,
}

/// Follows the readers of one PC/SC context.
pub struct Watcher {
    ctx: Context,
    /// The readers' states as last seen; the plug-and-play entry comes first.
    states: Vec<ReaderState>,
    names: atr::CardNames,
}

impl Watcher {
    /// Start watching; the readers present now are reported by the first [`Watcher::next`] as
    /// `reader_added` (and `card_inserted` where a card is in).
    ///
    /// # Errors
    /// [`crate::error::PcscError`] when the service cannot be used.
    pub fn new() -> Result<Self> {
        let ctx = super::connect()?;
        Ok(Watcher {
            ctx,
            states: vec![ReaderState::new(PNP_NOTIFICATION(), State::UNAWARE)],
            names: atr::CardNames::system(),
        })
    }

    /// A handle that ends a [`Watcher::next`] in progress from another thread.
    pub fn canceller(&self) -> impl Fn() + Send + Sync + 'static {
        // The context is reference-counted: this is the watcher's own, so cancelling it wakes
        // the wait.
        let ctx = self.ctx.clone();
        move || {
            let _ = ctx.cancel();
        }
    }

    /// The changes since the last call, waiting up to `timeout` for at least one; empty when
    /// the time ran out or the wait was cancelled.
    ///
    /// # Errors
    /// [`crate::error::PcscError`] when the service fails or stops.
    pub fn next(&mut self, timeout: Duration) -> Result<Vec<Event>> {
        let mut events = self.sync_readers()?;
        if !events.is_empty() {
            return Ok(events);
        }
        for s in &mut self.states {
            s.sync_current_state();
        }
        match crate::trace::pcsc("SCardGetStatusChange", || {
            self.ctx.get_status_change(timeout, &mut self.states)
        }) {
            Ok(()) => {}
            Err(pcsc::Error::Timeout | pcsc::Error::Cancelled) => return Ok(Vec::new()),
            Err(e) => return Err(service_error(e).into()),
        }
        events.extend(self.sync_readers()?);
        for s in self.states.iter_mut().skip(1) {
            let before = s.current_state().contains(State::PRESENT);
            let now = s.event_state().contains(State::PRESENT);
            if before == now || s.event_state().contains(State::UNKNOWN) {
                continue;
            }
            events.push(card_event(s, now, &self.names));
            s.sync_current_state();
        }
        Ok(events)
    }

    /// Add readers that appeared, drop those that went away.
    fn sync_readers(&mut self) -> Result<Vec<Event>> {
        let names = reader_names(&self.ctx)?;
        let mut events = Vec::new();
        let mut kept = vec![self.states.remove(0)];
        for s in self.states.drain(..) {
            if names.iter().any(|n| n.as_c_str() == s.name()) {
                kept.push(s);
            } else {
                events.push(Event {
                    event: Change::ReaderRemoved,
                    reader: s.name().to_string_lossy().into_owned(),
                    atr: None,
                    card_name: None,
                });
            }
        }
        self.states = kept;
        let new: Vec<CString> = names
            .into_iter()
            .filter(|n| !self.states.iter().any(|s| s.name() == n.as_c_str()))
            .collect();
        if new.is_empty() {
            return Ok(events);
        }
        let mut added: Vec<ReaderState> = new
            .into_iter()
            .map(|n| ReaderState::new(n, State::UNAWARE))
            .collect();
        crate::trace::pcsc("SCardGetStatusChange", || {
            self.ctx.get_status_change(Duration::ZERO, &mut added)
        })
        .map_err(service_error)?;
        for mut s in added {
            events.push(Event {
                event: Change::ReaderAdded,
                reader: s.name().to_string_lossy().into_owned(),
                atr: None,
                card_name: None,
            });
            if s.event_state().contains(State::PRESENT) {
                events.push(card_event(&s, true, &self.names));
            }
            s.sync_current_state();
            self.states.push(s);
        }
        Ok(events)
    }
}

fn card_event(s: &ReaderState, present: bool, names: &atr::CardNames) -> Event {
    let atr = (present && !s.atr().is_empty()).then(|| atr::format(s.atr()));
    Event {
        event: if present {
            Change::CardInserted
        } else {
            Change::CardRemoved
        },
        reader: s.name().to_string_lossy().into_owned(),
        card_name: atr.as_deref().and_then(|a| names.name(a)),
        atr,
    }
}
