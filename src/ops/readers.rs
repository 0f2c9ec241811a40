//! `readers` and `watch`: card readers as PC/SC sees them, and which PKCS#11 module serves the
//! card in each.

use serde::Serialize;

use crate::error::Result;
pub use crate::readers::serving::ServedBy;
use crate::readers::serving::{module_slots, served_by};
use crate::readers::{self, ReaderStatus};
use crate::Workspace;

/// One reader in `readers`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ReaderReport {
    /// What PC/SC says.
    #[serde(flatten)]
    pub status: ReaderStatus,
    /// The module slots named after this reader that hold a token: the modules that recognise
    /// the card. Empty when no module found on this computer does.
    pub served_by: Vec<ServedBy>,
}

impl ReaderReport {
    /// A card is in the reader and no module recognises it.
    pub fn unrecognised(&self) -> bool {
        self.status.card_present && !self.status.mute && self.served_by.is_empty()
    }
}

/// The result of `readers`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ReaderList {
    /// Every reader PC/SC knows.
    pub readers: Vec<ReaderReport>,
}

/// `readers`: every PC/SC reader, its card, and the modules that serve it.
///
/// # Errors
/// [`crate::error::PcscError`] when the smart-card service cannot be used.
pub fn readers(ws: &Workspace) -> Result<ReaderList> {
    let ctx = readers::connect()?;
    let statuses = readers::statuses(&ctx)?;
    let slots = module_slots(ws.modules().unwrap_or(&[]));
    Ok(ReaderList {
        readers: statuses
            .into_iter()
            .map(|status| ReaderReport {
                served_by: served_by(&status.name, &slots),
                status,
            })
            .collect(),
    })
}
