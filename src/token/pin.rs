//! PIN operations on a token: retry state, guarded login, C_SetPIN, C_InitPIN (unblock) and
//! C_InitToken.
//!
//! Two guards run before any PIN is sent: a locked PIN is never tried again (the user is told
//! to unblock it), and a PIN at its final try is only sent when the caller says so
//! (`--final-try`), because one more mistake locks the token.

use cryptoki::error::RvError;
use cryptoki::session::{Session, UserType};
use serde::Serialize;

use super::select::TokenRef;
use super::slots::TokenFlags;
use crate::error::{Error, InputError, Internal, Result};
use crate::pin::Pin;

/// Whose PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PinUser {
    /// The normal user.
    User,
    /// The security officer.
    So,
}

impl PinUser {
    /// `user` or `so`: how the catalogue's messages choose their words for this PIN.
    pub fn id(self) -> &'static str {
        match self {
            PinUser::User => "user",
            PinUser::So => "so",
        }
    }

    /// "PIN" or "SO PIN".
    pub fn noun(self) -> &'static str {
        match self {
            PinUser::User => "PIN",
            PinUser::So => "SO PIN",
        }
    }

    fn user_type(self) -> UserType {
        match self {
            PinUser::User => UserType::User,
            PinUser::So => UserType::So,
        }
    }
}

/// How much a token tells about a PIN's tries through its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TriesReported {
    /// Wrong attempts, the final try and the lock (CKF_*_PIN_COUNT_LOW, FINAL_TRY, LOCKED).
    All,
    /// Only the final try and the lock: no flag after the first wrong attempts.
    FinalTryOnly,
    /// Nothing: the flags never change (docs/module-quirks.md: OpenSC's SO PIN of an OpenPGP
    /// card).
    Nothing,
}

/// What the token says about one PIN's tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RetryState {
    /// A wrong PIN was entered since the last right one (CKF_*_PIN_COUNT_LOW).
    pub count_low: bool,
    /// One try left (CKF_*_PIN_FINAL_TRY).
    pub final_try: bool,
    /// Locked (CKF_*_PIN_LOCKED).
    pub locked: bool,
    /// The PIN must be changed before use (CKF_*_PIN_TO_BE_CHANGED).
    pub to_be_changed: bool,
    /// Tries left, when the flags tell (1 at final try, 0 when locked).
    pub tries_left: Option<u8>,
    /// How much this token reports: with `final_try_only` or `nothing`, no flag set does not
    /// mean no wrong attempts.
    pub reported: TriesReported,
}

impl RetryState {
    /// Read one PIN's state from the token flags.
    pub fn from_flags(flags: &TokenFlags, who: PinUser) -> Self {
        let (count_low, final_try, locked, to_be_changed) = match who {
            PinUser::User => (
                flags.user_pin_count_low,
                flags.user_pin_final_try,
                flags.user_pin_locked,
                flags.user_pin_to_be_changed,
            ),
            PinUser::So => (
                flags.so_pin_count_low,
                flags.so_pin_final_try,
                flags.so_pin_locked,
                flags.so_pin_to_be_changed,
            ),
        };
        RetryState {
            count_low,
            final_try,
            locked,
            to_be_changed,
            tries_left: if locked {
                Some(0)
            } else if final_try {
                Some(1)
            } else {
                None
            },
            reported: TriesReported::All,
        }
    }

    /// One PIN's state on this token, with what the token is known to report
    /// ([`crate::token::quirks::tries_reported`]).
    pub fn of(report: &super::slots::TokenReport, who: PinUser) -> Self {
        RetryState {
            reported: super::quirks::tries_reported(report, who),
            ..Self::from_flags(&report.flags, who)
        }
    }

    /// No flag says anything about wrong attempts.
    pub fn silent(&self) -> bool {
        !(self.count_low || self.final_try || self.locked)
    }

    /// The state in plain words.
    pub fn describe(&self) -> &'static str {
        if self.locked {
            "locked"
        } else if self.final_try {
            "one try left: the next wrong PIN locks it"
        } else if self.count_low {
            "a wrong PIN was entered since the last right one (the token does not say how many tries are left)"
        } else {
            match self.reported {
                TriesReported::All => "no wrong attempts",
                TriesReported::FinalTryOnly => {
                    "not reported (this token warns only when one try is left)"
                }
                TriesReported::Nothing => "not reported by this token",
            }
        }
    }
}

impl TokenRef {
    /// The retry state of the user or SO PIN, as of the last token info read.
    pub fn retry_state(&self, who: PinUser) -> RetryState {
        RetryState::of(&self.report, who)
    }
}

/// Refuse to send a PIN that is locked, or at its final try without `allow_final_try`.
///
/// # Errors
/// [`crate::Error::PinLocked`], [`crate::Error::FinalTry`].
pub fn guard(token: &TokenRef, who: PinUser, allow_final_try: bool) -> Result<()> {
    let state = token.retry_state(who);
    if state.locked {
        return Err(Error::PinLocked { who });
    }
    if state.final_try && !allow_final_try {
        return Err(Error::FinalTry { who });
    }
    Ok(())
}

/// Log in as `who` after the guards; a wrong PIN comes back with the state before and after.
///
/// # Errors
/// See [`guard`]; [`crate::Error::WrongPin`] with the state before and after.
pub fn login(
    token: &mut TokenRef,
    session: &Session,
    who: PinUser,
    pin: &Pin,
    allow_final_try: bool,
) -> Result<()> {
    guard(token, who, allow_final_try)?;
    let before = token.retry_state(who);
    match crate::trace::pkcs11("C_Login", None, || {
        session.login(who.user_type(), Some(&pin.auth_pin()))
    }) {
        Ok(()) => Ok(()),
        Err(cryptoki::error::Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
        Err(e) => Err(pin_failure(token, who, before, e)),
    }
}

/// Log in as `who` on a reader with a PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH): no PIN is
/// sent, the person types it on the keypad. The guards apply as for [`login`].
///
/// # Errors
/// As [`login`].
pub fn login_on_pin_pad(
    token: &mut TokenRef,
    session: &Session,
    who: PinUser,
    allow_final_try: bool,
) -> Result<()> {
    guard(token, who, allow_final_try)?;
    let before = token.retry_state(who);
    match crate::trace::pkcs11("C_Login", None, || session.login(who.user_type(), None)) {
        Ok(()) => Ok(()),
        Err(cryptoki::error::Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
        Err(e) => Err(pin_failure(token, who, before, e)),
    }
}

/// Turn a failed PIN call into [`Error::WrongPin`] / [`Error::PinLocked`] with fresh state.
fn pin_failure(
    token: &mut TokenRef,
    who: PinUser,
    before: RetryState,
    err: cryptoki::error::Error,
) -> Error {
    match err {
        cryptoki::error::Error::Pkcs11(RvError::PinIncorrect, _) => {
            let after = match token.refresh() {
                Ok(report) => RetryState::of(report, who),
                Err(_) => before,
            };
            Error::WrongPin { who, before, after }
        }
        cryptoki::error::Error::Pkcs11(RvError::PinLocked, _) => Error::PinLocked { who },
        other => other.into(),
    }
}

fn writable(token: &TokenRef) -> Result<()> {
    if token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    Ok(())
}

/// Change the user's or the SO's PIN (C_SetPIN), checking the old one.
///
/// # Errors
/// A write-protected token; see [`login`].
pub fn change_pin(
    token: &mut TokenRef,
    who: PinUser,
    old: &Pin,
    new: &Pin,
    allow_final_try: bool,
) -> Result<()> {
    writable(token)?;
    guard(token, who, allow_final_try)?;
    let session = token.open_rw()?;
    let before = token.retry_state(who);
    if who == PinUser::So {
        login(token, &session, PinUser::So, old, allow_final_try)?;
    }
    crate::trace::pkcs11("C_SetPIN", None, || {
        session.set_pin(&old.auth_pin(), &new.auth_pin())
    })
    .map_err(|e| pin_failure(token, who, before, e))?;
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    Ok(())
}

/// The SO sets a new user PIN (C_InitPIN); this also clears a locked user PIN.
///
/// # Errors
/// A write-protected token; see [`login`]; the module's errors.
pub fn unblock(
    token: &mut TokenRef,
    so_pin: &Pin,
    new_user_pin: &Pin,
    allow_final_try: bool,
) -> Result<()> {
    writable(token)?;
    let session = token.open_rw()?;
    login(token, &session, PinUser::So, so_pin, allow_final_try)?;
    let result = crate::trace::pkcs11("C_InitPIN", None, || {
        session.init_pin(&new_user_pin.auth_pin())
    });
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    result?;
    Ok(())
}

/// Check a label before C_InitToken: not empty, at most 32 bytes of UTF-8 (PKCS#11 truncates
/// silently otherwise).
///
/// # Errors
/// An empty label, or one over 32 bytes.
pub fn check_label(label: &str) -> Result<()> {
    if label.trim().is_empty() {
        return Err(InputError::LabelEmpty { what: "token" }.into());
    }
    crate::text::check_printable("label", label)?;
    if label.len() > 32 {
        return Err(InputError::LabelTooLong {
            bytes: label.len(),
            max: 32,
        }
        .into());
    }
    Ok(())
}

/// Initialise the token (C_InitToken with the SO PIN), then set the user PIN (C_InitPIN).
/// Returns the token as found again afterwards: modules may move it to another slot id
/// (SoftHSM2 does), so it is found by serial, or for a blank token by its new label.
///
/// # Errors
/// See [`check_label`]; a wrong SO PIN; the token cannot be found again.
pub fn init_token(token: &TokenRef, so_pin: &Pin, label: &str, user_pin: &Pin) -> Result<TokenRef> {
    check_label(label)?;
    writable(token)?;
    let was_initialised = token.report.flags.token_initialized;
    if was_initialised {
        guard(token, PinUser::So, false)?;
    }
    let known: Vec<String> = super::select::all_slots(std::slice::from_ref(&token.module))?
        .into_iter()
        .filter_map(|(_, _, s)| {
            s.token
                .filter(|t| t.flags.token_initialized)
                .map(|t| t.serial)
        })
        .collect();
    let mut probe = token.clone();
    let before = probe.retry_state(PinUser::So);
    super::module::note_change();
    token
        .module
        .ctx()
        .init_token(token.slot, &so_pin.auth_pin(), label)
        .map_err(|e| pin_failure(&mut probe, PinUser::So, before, e))?;
    let mut fresh = refind(token, was_initialised, &known, label)?;
    let session = fresh.open_rw()?;
    login(&mut fresh, &session, PinUser::So, so_pin, false)?;
    let result = crate::trace::pkcs11("C_InitPIN", None, || session.init_pin(&user_pin.auth_pin()));
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    drop(session);
    result?;
    fresh.refresh()?;
    Ok(fresh)
}

fn refind(
    old: &TokenRef,
    was_initialised: bool,
    known: &[String],
    label: &str,
) -> Result<TokenRef> {
    let slots = super::select::all_slots(std::slice::from_ref(&old.module))?;
    let found = slots.into_iter().find_map(|(module, slot, s)| {
        let t = s.token?;
        let same = if was_initialised {
            t.serial == old.report.serial
        } else {
            t.flags.token_initialized && t.label == label.trim_end() && !known.contains(&t.serial)
        };
        same.then_some(TokenRef {
            module,
            slot,
            report: t,
        })
    });
    found.ok_or_else(|| {
        Internal::TokenLost {
            label: label.to_string(),
        }
        .into()
    })
}
