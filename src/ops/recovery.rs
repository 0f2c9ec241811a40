//! PIN recovery as operations: enrol, recover, status and revoke, each with its audit event
//! (the recovery workflow itself is [`crate::recovery`]).

use serde::Serialize;

use super::{Ask, Destruction, TokenSummary};
use crate::audit::EventKind;
use crate::error::{Error, InputError, Result};
use crate::recovery::key::RecoveryKey;
use crate::recovery::{self, Enrolled, RecoveryConfig};
use crate::token::pin::{self as pin_ops, PinUser};
use crate::Workspace;

fn config(ws: &Workspace) -> RecoveryConfig {
    ws.config().recovery.clone().unwrap_or_default()
}

/// The result of `recovery enroll`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Enrolment {
    /// The token.
    pub token: TokenSummary,
    /// What was set up.
    pub enrolled: Enrolled,
}

/// `recovery enroll`: after an SO login, a sign-in with `email`'s account (`show_url` shows
/// the address to open), a recovery key mailed from it, and the sealed SO PIN stored on the
/// token.
///
/// # Errors
/// Not an email address; the SO PIN locked, at its final try or wrong; the sign-in's and the
/// mail's failures.
pub fn enroll(
    ws: &Workspace,
    email: &str,
    show_url: &dyn Fn(&str),
    ask: &dyn Ask,
) -> Result<Enrolment> {
    let email = email.trim().to_lowercase();
    if !email.contains('@') || email.contains(char::is_whitespace) {
        return Err(InputError::NotAnEmail { given: email }.into());
    }
    let config = config(ws);
    let mut token = ws.token()?;
    let final_try = ask.final_try();
    pin_ops::guard(&token, PinUser::So, final_try)?;
    let so = ask.pin(PinUser::So, &token)?;
    let mut attempt = recovery::Attempt::default();
    let result = recovery::enroll(
        &mut token,
        &so,
        &email,
        &config,
        final_try,
        show_url,
        &mut attempt,
    );
    drop(so);
    let enrolled = ws.audited_with(
        EventKind::RecoveryEnrolled,
        &token,
        || result,
        |done| format!("{} key {}", done.email, done.key_fingerprint),
        |e| failure_detail(e, &attempt),
    )?;
    Ok(Enrolment {
        token: TokenSummary::of(&token),
        enrolled,
    })
}

/// The result of `recovery recover`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Recovery {
    /// The token.
    pub token: TokenSummary,
    /// Always true: the user PIN was reset.
    pub pin_reset: bool,
    /// A new recovery key replaced the old one.
    pub rotated: bool,
    /// The enrolment now in force.
    pub enrolment: Enrolled,
    /// Why the key was not replaced, if it was not.
    #[serde(serialize_with = "crate::error::catalogue::display_option")]
    #[schemars(with = "Option<String>")]
    pub warning: Option<crate::warning::Warning>,
}

/// `recovery recover`: a live sign-in with the enrolled account, the recovery key from `ask`
/// ([`Ask::file_password`] is not used; the key comes from `read_key`), a new user PIN.
///
/// # Errors
/// Not enrolled, a sign-in for another account, a mistyped or wrong key, a new PIN against
/// the policy.
pub fn recover(
    ws: &Workspace,
    show_url: &dyn Fn(&str),
    read_key: &dyn Fn() -> Result<RecoveryKey>,
    ask: &dyn Ask,
) -> Result<Recovery> {
    let config = config(ws);
    let mut token = ws.token()?;
    let check = super::pin::new_pin_check(ws, &token, PinUser::User)?;
    let new_pin = |t: &crate::token::TokenRef| ask.new_pin(PinUser::User, t, &check);
    let mut attempt = recovery::Attempt::default();
    let result = recovery::recover(
        &mut token,
        &config,
        ask.final_try(),
        show_url,
        read_key,
        &new_pin,
        &mut attempt,
    );
    let done = ws.audited_with(
        EventKind::RecoveryUsed,
        &token,
        || result,
        |done| {
            format!(
                "{}; key {}{}",
                done.enrolment.email,
                done.enrolment.key_fingerprint,
                if done.rotated {
                    " (new)"
                } else {
                    " (not rotated)"
                }
            )
        },
        |e| failure_detail(e, &attempt),
    )?;
    Ok(Recovery {
        token: TokenSummary::of(&token),
        pin_reset: true,
        rotated: done.rotated,
        enrolment: done.enrolment,
        warning: done.warning,
    })
}

/// One recovery object on the token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecoveryEntry {
    /// It parsed.
    pub readable: bool,
    /// Why it did not.
    pub error: Option<String>,
    /// The enrolled account.
    pub email: Option<String>,
    /// When it was made.
    pub created: Option<String>,
    /// The sign-in provider.
    pub issuer: Option<String>,
    /// Which key opens it.
    pub key_fingerprint: Option<String>,
    /// The token serial it was made for.
    pub token_serial: Option<String>,
    /// It was made for this token.
    pub for_this_token: bool,
}

/// The result of `recovery status`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecoveryStatus {
    /// The token.
    pub token: TokenSummary,
    /// Recovery can reset this token's PIN.
    pub enrolled: bool,
    /// Every recovery object found.
    pub recovery: Vec<RecoveryEntry>,
}

/// `recovery status`: what recovery data the token holds. Needs no PIN.
///
/// # Errors
/// No token; the module's.
pub fn status(ws: &Workspace) -> Result<RecoveryStatus> {
    let token = ws.token()?;
    let serial = &token.report.serial;
    let recovery: Vec<RecoveryEntry> = recovery::status(&token)?
        .into_iter()
        .map(|s| match s.blob {
            Ok(b) => RecoveryEntry {
                readable: true,
                error: None,
                for_this_token: &b.token_serial == serial,
                email: Some(b.email),
                created: Some(b.created),
                issuer: Some(b.issuer),
                key_fingerprint: Some(b.key_fingerprint),
                token_serial: Some(b.token_serial),
            },
            Err(e) => RecoveryEntry {
                readable: false,
                error: Some(e),
                email: None,
                created: None,
                issuer: None,
                key_fingerprint: None,
                token_serial: None,
                for_this_token: false,
            },
        })
        .collect();
    Ok(RecoveryStatus {
        token: TokenSummary::of(&token),
        enrolled: recovery.iter().any(|e| e.for_this_token),
        recovery,
    })
}

/// The result of `recovery revoke`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Revoked {
    /// The token.
    pub token: TokenSummary,
    /// How many recovery objects were removed.
    pub removed: usize,
}

/// `recovery revoke`: remove every recovery object, after an SO login and `ask` confirming.
///
/// # Errors
/// Nothing to revoke; not confirmed; the SO PIN's failures.
pub fn revoke(ws: &Workspace, ask: &dyn Ask) -> Result<Revoked> {
    let mut token = ws.token()?;
    let final_try = ask.final_try();
    pin_ops::guard(&token, PinUser::So, final_try)?;
    let so = ask.pin(PinUser::So, &token)?;
    ask.confirm(&Destruction::Recovery {
        token: token.report.label.clone(),
    })?;
    let result = recovery::revoke(&mut token, &so, final_try);
    let removed = ws.audited(
        EventKind::RecoveryRevoked,
        &token,
        || result,
        |n| format!("{n} removed"),
    )?;
    Ok(Revoked {
        token: TokenSummary::of(&token),
        removed,
    })
}

/// A failed enrolment's or recovery's audit detail: the error's kind, who signed in and the key
/// tried, as far as it got.
fn failure_detail(e: &Error, attempt: &recovery::Attempt) -> String {
    let reason = e.reason().map(|r| format!(" ({r})")).unwrap_or_default();
    match attempt.describe() {
        d if d.is_empty() => format!("{}{reason}", e.kind()),
        d => format!("{}{reason}; {d}", e.kind()),
    }
}
