//! [`Signer`]: one login, a pool of sessions, signing from many threads at once.
//!
//! ```no_run
//! use std::sync::Arc;
//! # fn demo(signer: tokenward::sign::Signer) -> tokenward::Result<()> {
//! let signer = Arc::new(signer); // Send + Sync
//! let workers: Vec<_> = (0..2)
//!     .map(|i| {
//!         let signer = Arc::clone(&signer);
//!         std::thread::spawn(move || signer.sign_default(format!("document {i}").as_bytes()))
//!     })
//!     .collect();
//! for w in workers {
//!     let _signature = w.join().unwrap()?;
//! }
//! # Ok(()) }
//! ```
//!
//! Each call takes a session from the pool (opening one when all are busy, so the pool grows
//! to one session per signing thread) and gives it back. Login state belongs to the
//! application, so every session of the pool is logged in once the first one is. A session the
//! token closed under us (CKR_SESSION_HANDLE_INVALID, CKR_SESSION_CLOSED) is replaced and the
//! signature tried once more; a removed token is reported as [`Error::TokenRemoved`].

use std::sync::Mutex;

use cryptoki::error::RvError;
use cryptoki::object::{Attribute, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::Slot;
use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};

use super::mechanism::{sign_content, SignMechanism};
use super::Content;
use crate::error::{Error, KeyError, Result};
use crate::keys::public::PublicKey;
use crate::pin::Pin;
use crate::token::certs::KeyObject;
use crate::token::{Module, TokenRef};

/// A private key on the token, ready to sign from any thread.
pub struct Signer {
    module: Module,
    slot: Slot,
    key_id: Vec<u8>,
    key_label: String,
    handle: Mutex<ObjectHandle>,
    public: PublicKey,
    raw_public: Vec<u8>,
    mechanism: SignMechanism,
    /// The mechanisms that fit the key, worked out once (not per signature).
    fitting: Vec<SignMechanism>,
    pin: Option<Pin>,
    pool: Mutex<Vec<Session>>,
    last_error: Mutex<Option<Error>>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("key", &self.key_label)
            .field("public", &self.public.describe())
            .field("mechanism", &self.mechanism)
            .finish_non_exhaustive()
    }
}

/// A failure a fresh, logged-in session may cure: the session was closed under us, or every
/// session was and the login (and with it the private key's handle) went with them.
fn is_session_gone(e: &Error) -> bool {
    matches!(
        e,
        Error::Pkcs11 {
            rv: RvError::SessionHandleInvalid
                | RvError::SessionClosed
                | RvError::UserNotLoggedIn
                | RvError::KeyHandleInvalid
                | RvError::ObjectHandleInvalid,
            ..
        }
    )
}

/// A failure that looks like a card reset (the card answered CKR_GENERAL_ERROR or
/// CKR_DEVICE_ERROR on the old session and is usually back a moment later): worth one retry in
/// a new session after a pause.
fn is_card_reset(e: &Error) -> bool {
    matches!(
        e,
        Error::Pkcs11 {
            rv: RvError::GeneralError | RvError::DeviceError,
            ..
        }
    )
}

/// How long a reset card gets to come back before the one retry.
const RESET_PAUSE: std::time::Duration = std::time::Duration::from_secs(1);

fn removed(e: Error) -> Error {
    match e {
        Error::Pkcs11 {
            rv:
                rv @ (RvError::DeviceRemoved
                | RvError::TokenNotPresent
                | RvError::SlotIdInvalid
                | RvError::TokenNotRecognized),
            ..
        } => Error::TokenRemoved { rv: Some(rv) },
        other => other,
    }
}

/// A key the signer can use: private, allowed to sign, not asking for the PIN every time.
fn usable(key: &KeyObject) -> Result<()> {
    if !key.private {
        return Err(KeyError::NotPrivate {
            label: key.label.clone(),
        }
        .into());
    }
    if !key.sign {
        return Err(KeyError::SignForbidden {
            label: key.label.clone(),
        }
        .into());
    }
    if key.always_authenticate {
        return Err(KeyError::AlwaysAuthenticate {
            label: key.label.clone(),
        }
        .into());
    }
    Ok(())
}

impl Signer {
    /// A signer for `key`, taking `session` (already logged in) as the first of its pool. With
    /// `pin`, the signer logs in again if the token forgets the login (all sessions closed);
    /// the PIN is kept in a zeroizing buffer.
    ///
    /// # Errors
    /// A public key, a key that may not sign or asks for the PIN before every signature, an unknown public half.
    pub fn from_session(
        token: &TokenRef,
        session: Session,
        key: &KeyObject,
        keys: &[KeyObject],
        pin: Option<Pin>,
    ) -> Result<Self> {
        usable(key)?;
        Self::with_public(token, session, key, PublicKey::of(key, keys)?, pin)
    }

    /// A signer for `key` whose public half the caller found (for example with
    /// [`PublicKey::of_pair`], from the key's certificate); otherwise as
    /// [`Signer::from_session`].
    ///
    /// # Errors
    /// As [`Signer::from_session`].
    pub fn with_public(
        token: &TokenRef,
        session: Session,
        key: &KeyObject,
        public: PublicKey,
        pin: Option<Pin>,
    ) -> Result<Self> {
        usable(key)?;
        let mechanism = SignMechanism::default_for(&public)?;
        let fitting = SignMechanism::ALL
            .into_iter()
            .filter(|m| m.fits(&public))
            .collect();
        Ok(Signer {
            fitting,
            module: token.module.clone(),
            slot: token.slot,
            key_id: key.id.clone(),
            key_label: key.label.clone(),
            handle: Mutex::new(key.handle),
            raw_public: public.raw()?,
            public,
            mechanism,
            pin,
            pool: Mutex::new(vec![session]),
            last_error: Mutex::new(None),
        })
    }

    /// The key's public half.
    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    /// The mechanism [`Signer::sign_default`] uses.
    pub fn mechanism(&self) -> SignMechanism {
        self.mechanism
    }

    /// How many sessions the pool holds now.
    pub fn sessions(&self) -> usize {
        self.pool.lock().map(|p| p.len()).unwrap_or(0)
    }

    fn checkout(&self) -> Result<Session> {
        if let Some(s) = self.pool.lock().ok().and_then(|mut p| p.pop()) {
            return Ok(s);
        }
        crate::trace::pkcs11("C_OpenSession", Some(self.slot), || {
            self.module.ctx().open_ro_session(self.slot)
        })
        .map_err(|e| removed(e.into()))
    }

    fn checkin(&self, session: Session) {
        if let Ok(mut pool) = self.pool.lock() {
            pool.push(session);
        }
    }

    fn handle(&self) -> ObjectHandle {
        *self.handle.lock().expect("signer handle lock")
    }

    /// A fresh session, logged in again if the token forgot the login, and the key found
    /// again by its CKA_ID (a handle may not survive).
    fn reopen(&self) -> Result<Session> {
        let session = self
            .module
            .ctx()
            .open_ro_session(self.slot)
            .map_err(|e| removed(e.into()))?;
        if let Some(pin) = &self.pin {
            match crate::trace::pkcs11("C_Login", None, || {
                session.login(UserType::User, Some(&pin.auth_pin()))
            }) {
                Ok(()) | Err(cryptoki::error::Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => {}
                Err(e) => return Err(removed(e.into())),
            }
        }
        let found = crate::trace::pkcs11("C_FindObjects", None, || {
            session.find_objects(&[
                Attribute::Class(ObjectClass::PRIVATE_KEY),
                Attribute::Id(self.key_id.clone()),
            ])
        })
        .map_err(|e| removed(e.into()))?;
        match found.as_slice() {
            [h] => *self.handle.lock().expect("signer handle lock") = *h,
            _ => return Err(Error::TokenRemoved { rv: None }),
        }
        Ok(session)
    }

    /// Sign `data` with `mechanism` (ECDSA signatures come back DER-encoded).
    ///
    /// # Errors
    /// A mechanism the key cannot do; the token removed; the module's errors.
    pub fn sign(&self, mechanism: SignMechanism, data: &[u8]) -> Result<Vec<u8>> {
        self.sign_content(mechanism, &Content::Bytes(data))
    }

    /// Sign `content` (bytes, or a file read piece by piece: see
    /// [`crate::sign::mechanism::sign_content`]).
    ///
    /// # Errors
    /// See [`Signer::sign`]; the file's.
    pub fn sign_content(&self, mechanism: SignMechanism, content: &Content<'_>) -> Result<Vec<u8>> {
        if !self.fitting.contains(&mechanism) {
            return Err(KeyError::MechanismMismatch {
                key: self.public.describe(),
                mechanism: mechanism.to_string(),
            }
            .into());
        }
        // A module called one thread at a time is called by one signing thread at a time.
        let _turn = self.module.turn();
        let session = self.checkout()?;
        match sign_content(&session, self.handle(), mechanism, content) {
            Ok(sig) => {
                self.checkin(session);
                Ok(sig)
            }
            Err(e) if is_session_gone(&e) || is_card_reset(&e) => {
                if is_card_reset(&e) {
                    std::thread::sleep(RESET_PAUSE);
                }
                // Open the new session before the old one is closed: the login belongs to the
                // application and ends when its last session closes.
                let fresh = self.reopen()?;
                drop(session);
                let result =
                    sign_content(&fresh, self.handle(), mechanism, content).map_err(removed);
                if result.is_ok() {
                    self.checkin(fresh);
                }
                result
            }
            Err(e) => {
                let e = removed(e);
                // A session whose multi-part signature broke off may still hold the
                // operation: it is closed rather than pooled.
                let broken_off = matches!(content, Content::File(_));
                if !matches!(e, Error::TokenRemoved { .. }) && !broken_off {
                    self.checkin(session);
                }
                Err(e)
            }
        }
    }

    /// Sign with the key's usual mechanism.
    ///
    /// # Errors
    /// See [`Signer::sign`].
    pub fn sign_default(&self, data: &[u8]) -> Result<Vec<u8>> {
        self.sign(self.mechanism, data)
    }

    /// The token error behind the last failed rcgen or `signature::Signer` signature, if any.
    pub fn take_error(&self) -> Option<Error> {
        self.last_error.lock().ok().and_then(|mut e| e.take())
    }
}

/// A signature made by a [`Signer`] (ECDSA as DER), for the `signature` crate's traits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSignature(pub Vec<u8>);

impl TryFrom<&[u8]> for TokenSignature {
    type Error = signature::Error;

    fn try_from(bytes: &[u8]) -> std::result::Result<Self, Self::Error> {
        Ok(TokenSignature(bytes.to_vec()))
    }
}

impl From<TokenSignature> for Vec<u8> {
    fn from(s: TokenSignature) -> Vec<u8> {
        s.0
    }
}

impl signature::SignatureEncoding for TokenSignature {
    type Repr = Vec<u8>;
}

impl signature::Signer<TokenSignature> for Signer {
    fn try_sign(&self, msg: &[u8]) -> std::result::Result<TokenSignature, signature::Error> {
        // The token's error is kept for take_error(): signature::Error carries no source
        // without the crate's std feature.
        self.sign_default(msg).map(TokenSignature).map_err(|e| {
            if let Ok(mut slot) = self.last_error.lock() {
                *slot = Some(e);
            }
            signature::Error::new()
        })
    }
}

impl signature::Keypair for Signer {
    type VerifyingKey = PublicKey;

    fn verifying_key(&self) -> PublicKey {
        self.public.clone()
    }
}

impl PublicKeyData for Signer {
    fn der_bytes(&self) -> &[u8] {
        &self.raw_public
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        match self.mechanism {
            SignMechanism::EcdsaSha256 => &rcgen::PKCS_ECDSA_P256_SHA256,
            SignMechanism::EcdsaSha384 => &rcgen::PKCS_ECDSA_P384_SHA384,
            SignMechanism::Ed25519 => &rcgen::PKCS_ED25519,
            SignMechanism::RsaPkcs1Sha384 => &rcgen::PKCS_RSA_SHA384,
            SignMechanism::RsaPkcs1Sha512 => &rcgen::PKCS_RSA_SHA512,
            _ => &rcgen::PKCS_RSA_SHA256,
        }
    }
}

impl SigningKey for Signer {
    fn sign(&self, msg: &[u8]) -> std::result::Result<Vec<u8>, rcgen::Error> {
        self.sign_default(msg).map_err(|e| {
            if let Ok(mut slot) = self.last_error.lock() {
                *slot = Some(e);
            }
            rcgen::Error::RemoteKeyError
        })
    }
}
