//! Recovery with a Google account (Gmail) as the second authenticator: a user who forgot the
//! PIN gets back in through the account they linked. See docs/recovery.md for what the user
//! sees and the threat model.
//!
//! - `enroll`: SO PIN (checked by a real SO login) → sign-in proving the email → a fresh
//!   256-bit recovery key seals the SO PIN → the key is mailed to that address from the user's
//!   own account → only then is the sealed blob written to the token (so a failed mail leaves
//!   nothing that no mailbox can open) → the key is wiped.
//! - `recover`: blob → a live sign-in proving the same verified email → the recovery key from
//!   the mail (checksum first) → unseal → SO login → new user PIN (C_InitPIN) → a new key and
//!   blob, written and read back before the old blob goes, mailed with a notice.

pub mod http;
pub mod key;
pub mod mail;
pub mod oauth;
pub mod seal;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::error::{Error, NotEnrolled, RecoveryError, Result};
use crate::pin::Pin;
use crate::token::pin::{self as pin_ops, PinUser};
use crate::token::TokenRef;
use crate::warning::Warning;
use key::RecoveryKey;
use seal::Blob;
use store::StoredBlob;

/// Google's OpenID issuer.
pub const GOOGLE_ISSUER: &str = "https://accounts.google.com";
/// Google's Gmail API base.
pub const GMAIL_BASE: &str = "https://gmail.googleapis.com/gmail";
/// Default time allowed for the sign-in in the browser.
pub const SIGN_IN_TIMEOUT: u64 = 300;

/// `[recovery]` in the configuration: Google's values unless set.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecoveryConfig {
    /// OpenID Connect issuer (endpoints by discovery).
    pub issuer: String,
    /// OAuth client id of an installed-app ("Desktop app") client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Its client secret (for installed apps this is not a secret, as Google says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// Gmail API base URL.
    pub gmail_base: String,
    /// Seconds the browser sign-in may take.
    pub sign_in_timeout_seconds: u64,
    /// The provider's name in messages ("Google" for Google's issuer, else the issuer's host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
}

impl RecoveryConfig {
    /// The provider's name for people: `provider_name`, else "Google" for Google's issuer,
    /// else the issuer's host.
    pub fn provider(&self) -> String {
        if let Some(name) = &self.provider_name {
            return name.clone();
        }
        if self.issuer.trim_end_matches('/') == GOOGLE_ISSUER.trim_end_matches('/') {
            return "Google".into();
        }
        self.issuer
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|h| !h.is_empty())
            .unwrap_or(&self.issuer)
            .to_string()
    }
}

impl Default for RecoveryConfig {
    fn default() -> Self {
        RecoveryConfig {
            issuer: GOOGLE_ISSUER.into(),
            client_id: None,
            client_secret: None,
            gmail_base: GMAIL_BASE.into(),
            sign_in_timeout_seconds: SIGN_IN_TIMEOUT,
            provider_name: None,
        }
    }
}

/// What an enrolment or recovery left on the token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Enrolled {
    /// The token.
    pub token_serial: String,
    /// The account whose mailbox holds the key.
    pub email: String,
    /// Which key (a fingerprint, not the key).
    pub key_fingerprint: String,
    /// When.
    pub created: String,
}

impl From<&Blob> for Enrolled {
    fn from(b: &Blob) -> Self {
        Enrolled {
            token_serial: b.token_serial.clone(),
            email: b.email.clone(),
            key_fingerprint: b.key_fingerprint.clone(),
            created: b.created.clone(),
        }
    }
}

/// What a recovery mail says and why it was sent.
#[derive(Clone, Copy)]
enum MailReason {
    /// Recovery was set up.
    Enrolled,
    /// The PIN was reset and a new key replaces the old one.
    Rotated,
}

/// Where the key goes in the mail's words: the key itself never passes through the catalogue.
const KEY_MARK: &str = "\u{1}KEY\u{1}";

/// The subject and text of the mail that carries a recovery key, in `language`.
fn key_mail(
    key: &RecoveryKey,
    token: &TokenRef,
    reason: MailReason,
    language: Option<&str>,
) -> (String, zeroize::Zeroizing<String>) {
    let words = crate::i18n::loader_for(language);
    let (subject, reason) = match reason {
        MailReason::Enrolled => (
            i18n_embed_fl::fl!(words, "mail-key-subject"),
            i18n_embed_fl::fl!(words, "mail-reason-enrolled"),
        ),
        MailReason::Rotated => (
            i18n_embed_fl::fl!(words, "mail-rotated-subject"),
            i18n_embed_fl::fl!(words, "mail-reason-rotated"),
        ),
    };
    let text = i18n_embed_fl::fl!(
        words,
        "mail-key-body",
        reason = reason,
        token = token.report.label.as_str(),
        serial = token.report.serial.as_str(),
        key = KEY_MARK
    );
    let body = zeroize::Zeroizing::new(format!(
        "{}\n",
        text.replace(KEY_MARK, key.to_text().as_str())
    ));
    (subject, body)
}

/// The subject and text of the mail that says the PIN was reset, in `language`.
fn reset_notice(language: Option<&str>) -> (String, String) {
    let words = crate::i18n::loader_for(language);
    (
        i18n_embed_fl::fl!(words, "mail-reset-subject"),
        format!("{}\n", i18n_embed_fl::fl!(words, "mail-reason-reset")),
    )
}

/// The SO logged in on a read-write session.
/// After the reset: a new key sealed, written and read back, mailed, and the old blobs
/// removed. A new blob that cannot be stored keeps the old key (and a plain reset notice is
/// mailed); a new key that cannot be mailed is removed again (the old key's mail is still
/// there). Every failure here is a warning: the PIN was reset.
fn rotate(
    token: &TokenRef,
    session: &cryptoki::session::Session,
    config: &RecoveryConfig,
    signed: &oauth::SignedIn,
    so_pin: &Pin,
    email: &str,
    old: &Blob,
) -> Recovered {
    let serial = &token.report.serial;
    let kept = |warning: Warning| Recovered {
        enrolment: Enrolled::from(old),
        rotated: false,
        warning: Some(warning),
    };
    let new_key = match RecoveryKey::generate() {
        Ok(k) => k,
        Err(e) => return kept(Warning::RecoveryKeyNotMade { cause: e.into() }),
    };
    let stored = Blob::seal(&new_key, so_pin, serial, email, &config.issuer)
        .map(|b| b.in_language(old.language.clone()))
        .and_then(|b| store::write_checked(session, &b).map(|h| (b, h)));
    let (new_blob, new_handle) = match stored {
        Ok(x) => x,
        Err(e) => {
            let (subject, text) = reset_notice(old.language.as_deref());
            let notice = mail::send(
                &config.gmail_base,
                &signed.access_token,
                email,
                &subject,
                &text,
            );
            return kept(Warning::RecoveryNotStored {
                cause: e.into(),
                notice: notice.err().map(Into::into),
            });
        }
    };
    let (subject, text) = key_mail(
        &new_key,
        token,
        MailReason::Rotated,
        old.language.as_deref(),
    );
    let sent = mail::send(
        &config.gmail_base,
        &signed.access_token,
        email,
        &subject,
        &text,
    );
    drop(new_key);
    match sent {
        Ok(()) => {
            // Every other recovery object goes (read again in this session: handles from
            // another session are not guaranteed to stay valid).
            let mut left = 0;
            for other in store::read_blobs(session).unwrap_or_default() {
                if other.handle != new_handle
                    && crate::trace::pkcs11("C_DestroyObject", None, || {
                        session.destroy_object(other.handle)
                    })
                    .is_err()
                {
                    left += 1;
                }
            }
            Recovered {
                enrolment: Enrolled::from(&new_blob),
                rotated: true,
                warning: (left > 0).then_some(Warning::OldRecoveryLeft { count: left }),
            }
        }
        Err(e) => {
            // Nobody has the new key: remove it, keep the old one (its mail is still there).
            let _ = crate::trace::pkcs11("C_DestroyObject", None, || {
                session.destroy_object(new_handle)
            });
            kept(Warning::RecoveryNotMailed { cause: e.into() })
        }
    }
}

/// Refuse to send a sealed SO PIN when the token reports any wrong SO PIN attempt (or a
/// final try, or a lock).
fn refuse_doubtful_so_pin(token: &mut TokenRef) -> Result<()> {
    token.refresh()?;
    let so = token.retry_state(PinUser::So);
    if so.count_low || so.final_try || so.locked {
        return Err(RecoveryError::SoPinDoubtful.into());
    }
    Ok(())
}

/// Remove every recovery object with an SO session already open (after the SO PIN changed,
/// the sealed copy is stale). Returns how many were removed.
///
/// # Errors
/// The module's errors.
pub fn remove_all(session: &cryptoki::session::Session) -> Result<usize> {
    let blobs = store::read_blobs(session)?;
    for b in &blobs {
        crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(b.handle))?;
    }
    Ok(blobs.len())
}

/// A recovery key checked against the token's recovery data before an SO PIN change: the
/// blob it opens holds the current SO PIN, so it can be sealed again with the new one.
pub struct Reseal {
    key: RecoveryKey,
    blob: Blob,
}

impl std::fmt::Debug for Reseal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reseal")
            .field("key", &self.key.fingerprint())
            .field("email", &self.blob.email)
            .finish()
    }
}

/// Check, before the SO PIN changes, that `key` opens this token's recovery data and that it
/// holds `current_so` (the SO PIN about to be replaced). Nothing is changed.
///
/// # Errors
/// No recovery data for this token, a key that opens none of it
/// ([`Error::RecoveryKeyWrong`]), or recovery data that is already stale.
pub fn prepare_reseal(token: &TokenRef, key: RecoveryKey, current_so: &Pin) -> Result<Reseal> {
    let serial = &token.report.serial;
    let blob = status(token)?
        .into_iter()
        .filter_map(|s| s.blob.ok())
        .find(|b| &b.token_serial == serial && b.key_fingerprint == key.fingerprint())
        .ok_or_else(|| -> Error {
            NotEnrolled::NoRecovery {
                token: token.report.label.clone(),
            }
            .into()
        })?;
    let sealed = blob.unseal(&key, serial)?;
    if &sealed != current_so {
        return Err(RecoveryError::StaleSoPin.into());
    }
    Ok(Reseal { key, blob })
}

/// After the SO PIN changed to `new_so`: seal it with the same key and address, store it, and
/// remove every older recovery object, in an SO session logged in with `new_so`. The mailed
/// key keeps working. Returns the enrolment now in force.
///
/// # Errors
/// The module's errors; nothing old is removed before the new object was read back.
pub fn reseal(
    token: &TokenRef,
    session: &cryptoki::session::Session,
    prepared: &Reseal,
    new_so: &Pin,
) -> Result<Enrolled> {
    let old = store::read_blobs(session)?;
    let blob = Blob::seal(
        &prepared.key,
        new_so,
        &token.report.serial,
        &prepared.blob.email,
        &prepared.blob.issuer,
    )?
    .in_language(prepared.blob.language.clone());
    let handle = store::write_checked(session, &blob)?;
    for o in old.iter().filter(|o| o.handle != handle) {
        crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(o.handle))?;
    }
    Ok(Enrolled::from(&blob))
}

/// A read-write session logged in as the SO (refused on a write-protected token).
///
/// # Errors
/// Write-protected, or the SO login's failures.
pub fn so_session(
    token: &mut TokenRef,
    so_pin: &Pin,
    final_try: bool,
) -> Result<cryptoki::session::Session> {
    if token.report.flags.write_protected {
        return Err(Error::WriteProtected);
    }
    let session = token.open_rw()?;
    pin_ops::login(token, &session, PinUser::So, so_pin, final_try)?;
    Ok(session)
}

/// What a recovery or an enrolment got to, success or not: the address that signed in and the
/// fingerprint of the recovery key tried or made. The audit log names them for failures as it
/// does for successes.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The verified address that signed in (or the other account that did, when refused).
    pub signed_in: Option<String>,
    /// The fingerprint of the recovery key typed (recover) or made (enrol).
    pub key: Option<String>,
}

impl Attempt {
    /// Note who the sign-in proved, or which other account signed in.
    fn saw(&mut self, signed: &Result<oauth::SignedIn>) {
        self.signed_in = match signed {
            Ok(s) => Some(s.email.clone()),
            Err(Error::IdentityNotProven(crate::error::IdentityFailure::WrongAccount {
                email,
                ..
            })) => Some(email.clone()),
            Err(_) => None,
        };
    }

    /// For the audit log: `signed in as A; key F`, whatever is known.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.signed_in {
            parts.push(format!("signed in as {a}"));
        }
        if let Some(k) = &self.key {
            parts.push(format!("key {k}"));
        }
        parts.join("; ")
    }
}

/// Set up recovery for `email`. `show_url` shows the sign-in address; `attempt` records who
/// signed in and the key made.
///
/// # Errors
/// The SO PIN's failures, the sign-in's, the mail's, or the token's when the data is stored.
pub fn enroll(
    token: &mut TokenRef,
    so_pin: &Pin,
    email: &str,
    config: &RecoveryConfig,
    final_try: bool,
    show_url: &dyn Fn(&str),
    attempt: &mut Attempt,
) -> Result<Enrolled> {
    // The SO PIN is checked by a real login before anything else happens.
    let session = so_session(token, so_pin, final_try)?;
    let signed = oauth::sign_in(config, Some(email), false, show_url);
    attempt.saw(&signed);
    let signed = signed?;
    let key = RecoveryKey::generate()?;
    attempt.key = Some(key.fingerprint());
    // The mails of this enrolment speak the language of the person enrolling now.
    let blob = Blob::seal(
        &key,
        so_pin,
        &token.report.serial,
        &signed.email,
        &config.issuer,
    )?
    .in_language(Some(crate::i18n::current_language()));
    let (subject, text) = key_mail(&key, token, MailReason::Enrolled, blob.language.as_deref());
    mail::send(
        &config.gmail_base,
        &signed.access_token,
        &signed.email,
        &subject,
        &text,
    )
    .map_err(|e| match e {
        Error::MailFailed { detail, status, .. } => Error::MailFailed {
            detail,
            status,
            nothing_stored: true,
        },
        other => other,
    })?;
    drop(key);
    let old = store::read_blobs(&session)?;
    store::write_checked(&session, &blob)
        .map_err(|e| RecoveryError::NotStoredAfterMail { cause: Box::new(e) })?;
    // A new enrolment replaces the old one.
    for o in old {
        let _ = crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(o.handle));
    }
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    Ok(Enrolled::from(&blob))
}

/// The recovery objects on the token (no login needed).
///
/// # Errors
/// The module's errors.
pub fn status(token: &TokenRef) -> Result<Vec<StoredBlob>> {
    let session = token.open_ro()?;
    store::read_blobs(&session)
}

/// Remove every recovery object (after an SO login). Returns how many were removed.
///
/// # Errors
/// The SO PIN's failures; nothing to revoke.
pub fn revoke(token: &mut TokenRef, so_pin: &Pin, final_try: bool) -> Result<usize> {
    let session = so_session(token, so_pin, final_try)?;
    let blobs = store::read_blobs(&session)?;
    if blobs.is_empty() {
        return Err(NotEnrolled::NothingToRevoke {
            token: token.report.label.clone(),
        }
        .into());
    }
    for b in &blobs {
        crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(b.handle))?;
    }
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    Ok(blobs.len())
}

/// What a recovery did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Recovered {
    /// The new enrolment (the rotated key), or the old one if the new key could not be mailed.
    pub enrolment: Enrolled,
    /// The recovery key was replaced by a new one (mailed).
    pub rotated: bool,
    /// Why it was not, if it was not.
    #[serde(serialize_with = "crate::error::catalogue::display_option")]
    #[schemars(with = "Option<String>")]
    pub warning: Option<Warning>,
}

/// Recover a forgotten PIN. `read_key` asks for the recovery key from the mail; `new_pin`
/// for the new user PIN (policy-checked, entered twice) and is called only after the key has
/// opened the blob; `attempt` records who signed in and the key tried.
///
/// # Errors
/// Not enrolled, the sign-in's failures, a mistyped or wrong key, a stale SO PIN, the new PIN's.
pub fn recover(
    token: &mut TokenRef,
    config: &RecoveryConfig,
    final_try: bool,
    show_url: &dyn Fn(&str),
    read_key: &dyn Fn() -> Result<RecoveryKey>,
    new_pin: &dyn Fn(&TokenRef) -> Result<Pin>,
    attempt: &mut Attempt,
) -> Result<Recovered> {
    let serial = token.report.serial.clone();
    let blobs: Vec<Blob> = status(token)?
        .into_iter()
        .filter_map(|s| s.blob.ok())
        .collect();
    if blobs.is_empty() {
        return Err(NotEnrolled::NoRecovery {
            token: token.report.label.clone(),
        }
        .into());
    }
    let mine: Vec<&Blob> = blobs.iter().filter(|b| b.token_serial == serial).collect();
    let Some(first) = mine.first() else {
        return Err(NotEnrolled::OtherToken {
            token: token.report.label.clone(),
            serial: blobs[0].token_serial.clone(),
        }
        .into());
    };
    let email = first.email.clone();
    // The blob belongs to the provider it was enrolled at: a sign-in elsewhere proves nothing.
    if seal::normal_issuer(&first.issuer) != seal::normal_issuer(&config.issuer) {
        return Err(RecoveryError::OtherIssuer {
            enrolled: first.issuer.clone(),
            configured: config.issuer.clone(),
        }
        .into());
    }
    // A sealed SO PIN that may be stale is never sent: each try would bring the SO PIN closer
    // to locking, and only re-initialising the token (which destroys its keys) unlocks it.
    refuse_doubtful_so_pin(token)?;
    // A live sign-in must prove the same verified address.
    let signed = oauth::sign_in(config, Some(&email), true, show_url);
    attempt.saw(&signed);
    let signed = signed?;
    let key = read_key()?;
    attempt.key = Some(key.fingerprint());
    let blob = mine
        .iter()
        .find(|b| b.key_fingerprint == key.fingerprint())
        .copied()
        .unwrap_or(mine[0]);
    let so_pin = blob.unseal(&key, &serial)?;
    drop(key);
    refuse_doubtful_so_pin(token)?;
    let session = so_session(token, &so_pin, final_try).map_err(|e| match e {
        Error::WrongPin { .. } => RecoveryError::StaleSoPin.into(),
        other => other,
    })?;
    let pin = new_pin(token)?;
    crate::trace::pkcs11("C_InitPIN", None, || session.init_pin(&pin.auth_pin()))?;
    drop(pin);

    // From here on the PIN *was* reset: whatever fails below is a warning, never a failure
    // that would make the person think nothing happened.
    let result = rotate(token, &session, config, &signed, &so_pin, &email, blob);

    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    Ok(result)
}
