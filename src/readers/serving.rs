//! Which PKCS#11 module serves the card in a reader: the module whose slot description names the
//! reader and holds a token there.

use serde::Serialize;

use crate::error::Error;
use crate::token::{list_slots, Module, SlotReport};

/// A token a module shows in a reader's slot.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema, PartialEq, Eq)]
pub struct ServedBy {
    /// The module file.
    pub module: String,
    /// The slot id (not stable).
    pub slot_id: u64,
    /// The token's label, `null` when the slot shows no token.
    pub token: Option<String>,
    /// The token's serial, `null` when the slot shows no token.
    pub serial: Option<String>,
}

/// Whether a module's slot description names this reader. PKCS#11 keeps 64 bytes of it, so a
/// long reader name may be cut short.
pub fn slot_names_reader(description: &str, reader: &str) -> bool {
    !description.is_empty()
        && (description == reader || (description.len() >= 32 && reader.starts_with(description)))
}

/// The slots of these modules that hold a token in this reader.
pub fn served_by(reader: &str, slots: &[SlotReport]) -> Vec<ServedBy> {
    slots
        .iter()
        .filter(|s| slot_names_reader(&s.description, reader) && s.token.is_some())
        .map(|s| ServedBy {
            module: s.module.clone(),
            slot_id: s.slot_id,
            token: s.token.as_ref().map(|t| t.label.clone()),
            serial: s.token.as_ref().map(|t| t.serial.clone()),
        })
        .collect()
}

/// Every slot of every module the workspace would use (modules that fail to load, or fail to
/// list, add nothing).
pub fn module_slots(modules: &[Module]) -> Vec<SlotReport> {
    modules
        .iter()
        .filter_map(|m| list_slots(m).ok())
        .flat_map(|slots| slots.into_iter().map(|(_, report)| report))
        .collect()
}

/// Why no token was found, as precisely as PC/SC can tell: a card in a reader that none of
/// these modules recognises is [`Error::CardNotRecognised`], a card another program holds
/// [`Error::CardHeld`], anything else [`Error::NoToken`].
pub fn no_token(modules: &[Module]) -> Error {
    let Ok(ctx) = super::connect() else {
        return Error::NoToken;
    };
    let Ok(statuses) = super::statuses(&ctx) else {
        return Error::NoToken;
    };
    if let Some(r) = statuses
        .iter()
        .find(|r| r.card_present && r.held_exclusively)
    {
        return Error::CardHeld {
            reader: r.name.clone(),
            holder: super::holders::running().first().copied(),
        };
    }
    let slots = module_slots(modules);
    statuses
        .into_iter()
        .find(|r| r.card_present && !r.mute && served_by(&r.name, &slots).is_empty())
        .map_or(Error::NoToken, |r| Error::CardNotRecognised {
            reader: r.name,
        })
}
