//! Card readers as the smart-card service (PC/SC) sees them: which readers there are, whether a
//! card is in each, its ATR and name, whether the reader has a PIN pad, and whether another
//! program holds the card; and, in [`watch`], readers and cards as they come and go.
//!
//! PKCS#11 modules for smart cards and most USB tokens sit on top of PC/SC, so this is where
//! "the computer does not see my token" is diagnosed.

pub mod atr;
pub mod holders;
pub mod serving;
pub mod watch;

use std::ffi::{CStr, CString};
use std::time::Duration;

use pcsc::{Context, Protocols, ReaderState, Scope, ShareMode, State};
use serde::Serialize;

use crate::error::{PcscError, Result};

/// One reader, as PC/SC reports it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq, Eq)]
pub struct ReaderStatus {
    /// The reader's name (PKCS#11 modules use it as the slot description).
    pub name: String,
    /// A card is in the reader (or the token is plugged in).
    pub card_present: bool,
    /// The card's answer to reset, upper-case hex with spaces, when a card is present.
    pub atr: Option<String>,
    /// The card's name from pcsc-tools' ATR list, where it is installed and knows the ATR.
    pub card_name: Option<String>,
    /// The reader has a PIN pad (it offers PIN verification on its own keypad); `null` when
    /// the reader could not be asked.
    pub pin_pad: Option<bool>,
    /// Another program holds the card exclusively, so no other program can use it now.
    pub held_exclusively: bool,
    /// Some program has the card open (shared).
    pub in_use: bool,
    /// The card is present but does not answer (mute or inserted the wrong way round).
    pub mute: bool,
}

/// Open a PC/SC context, telling "not installed" from "not running".
///
/// # Errors
/// [`PcscError`] when the service is absent or fails.
pub fn connect() -> Result<Context> {
    crate::trace::pcsc("SCardEstablishContext", || Context::establish(Scope::User))
        .map_err(|e| service_error(e).into())
}

/// The PC/SC error in the user's terms.
pub fn service_error(e: pcsc::Error) -> PcscError {
    match e {
        pcsc::Error::NoService | pcsc::Error::ServiceStopped | pcsc::Error::CommError => {
            if pcscd_installed() {
                PcscError::NotRunning
            } else {
                PcscError::NotInstalled
            }
        }
        other => PcscError::Failed {
            detail: other.to_string(),
        },
    }
}

/// Whether pcsc-lite's daemon is installed (the places distributions put it).
pub fn pcscd_installed() -> bool {
    ["/usr/sbin/pcscd", "/usr/bin/pcscd", "/usr/local/sbin/pcscd"]
        .iter()
        .any(|p| std::path::Path::new(p).exists())
}

/// The reader names PC/SC knows now (none is not an error).
///
/// # Errors
/// [`PcscError::Failed`] when PC/SC fails otherwise.
pub fn reader_names(ctx: &Context) -> Result<Vec<CString>> {
    match crate::trace::pcsc("SCardListReaders", || ctx.list_readers_owned()) {
        Ok(names) => Ok(names),
        Err(pcsc::Error::NoReadersAvailable) => Ok(Vec::new()),
        Err(e) => Err(service_error(e).into()),
    }
}

/// The state of every reader now.
///
/// # Errors
/// [`PcscError`] when the service fails.
pub fn statuses(ctx: &Context) -> Result<Vec<ReaderStatus>> {
    let names = reader_names(ctx)?;
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    crate::trace::pcsc("SCardGetStatusChange", || {
        ctx.get_status_change(Duration::ZERO, &mut states)
    })
    .map_err(service_error)?;
    let names_list = atr::CardNames::system();
    Ok(states
        .iter()
        .map(|s| status_of(ctx, s, &names_list))
        .collect())
}

fn status_of(ctx: &Context, state: &ReaderState, names: &atr::CardNames) -> ReaderStatus {
    let event = state.event_state();
    let card_present = event.contains(State::PRESENT);
    let atr = (card_present && !state.atr().is_empty()).then(|| atr::format(state.atr()));
    ReaderStatus {
        name: state.name().to_string_lossy().into_owned(),
        card_present,
        card_name: atr.as_deref().and_then(|a| names.name(a)),
        atr,
        pin_pad: pin_pad(ctx, state.name()),
        held_exclusively: event.contains(State::EXCLUSIVE),
        in_use: event.contains(State::INUSE),
        mute: event.contains(State::MUTE),
    }
}

/// PC/SC part 10: the features a reader offers (CM_IOCTL_GET_FEATURE_REQUEST).
const GET_FEATURE_REQUEST: u64 = 3400;
/// The features that mean "the reader verifies PINs on its own keypad".
const FEATURE_VERIFY_PIN_START: u8 = 0x01;
const FEATURE_VERIFY_PIN_DIRECT: u8 = 0x06;

fn pin_pad(ctx: &Context, reader: &CStr) -> Option<bool> {
    let card = crate::trace::pcsc("SCardConnect", || {
        ctx.connect(reader, ShareMode::Direct, Protocols::UNDEFINED)
    })
    .ok()?;
    let mut buf = [0u8; 256];
    let answer = crate::trace::pcsc("SCardControl", || {
        card.control(pcsc::ctl_code(GET_FEATURE_REQUEST), &[], &mut buf)
    })
    .ok()?;
    // A list of TLVs: tag (feature), length 4, control code.
    Some(
        answer
            .chunks(6)
            .any(|tlv| matches!(tlv[0], FEATURE_VERIFY_PIN_START | FEATURE_VERIFY_PIN_DIRECT)),
    )
}
