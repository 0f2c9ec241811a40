//! Opening sessions and logging in.

use cryptoki::session::{Session, UserType};

use super::select::TokenRef;
use crate::error::Result;
use crate::pin::Pin;

impl TokenRef {
    /// Open a read-only session.
    pub fn open_ro(&self) -> Result<Session> {
        Ok(self.module.ctx().open_ro_session(self.slot)?)
    }

    /// Open a read-write session.
    pub fn open_rw(&self) -> Result<Session> {
        Ok(self.module.ctx().open_rw_session(self.slot)?)
    }
}

/// Log the session's application in as the user. Already being logged in is fine.
pub fn login_user(session: &Session, pin: &Pin) -> Result<()> {
    login(session, UserType::User, pin)
}

/// Log in as `user`; CKR_USER_ALREADY_LOGGED_IN counts as success.
pub fn login(session: &Session, user: UserType, pin: &Pin) -> Result<()> {
    match session.login(user, Some(&pin.auth_pin())) {
        Ok(()) => Ok(()),
        Err(cryptoki::error::Error::Pkcs11(cryptoki::error::RvError::UserAlreadyLoggedIn, _)) => {
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}
