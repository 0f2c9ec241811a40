//! Opening sessions. Logging in goes through [`crate::Workspace::login`] (with the locked
//! and final-try guards) or [`crate::token::pin::login`].

use cryptoki::session::Session;

use super::select::TokenRef;
use crate::error::Result;

impl TokenRef {
    /// Open a read-only session.
    ///
    /// # Errors
    /// The module's errors.
    pub fn open_ro(&self) -> Result<Session> {
        Ok(crate::trace::pkcs11(
            "C_OpenSession",
            Some(self.slot),
            || self.module.ctx().open_ro_session(self.slot),
        )?)
    }

    /// Open a read-write session.
    ///
    /// # Errors
    /// The module's errors (a write-protected token).
    pub fn open_rw(&self) -> Result<Session> {
        super::module::note_change();
        Ok(crate::trace::pkcs11(
            "C_OpenSession",
            Some(self.slot),
            || self.module.ctx().open_rw_session(self.slot),
        )?)
    }
}
