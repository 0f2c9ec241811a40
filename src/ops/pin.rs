//! PINs: the retry state, changing the user or SO PIN, and the SO setting a new user PIN.

use serde::Serialize;

use super::{Ask, TokenSummary};
use crate::audit::EventKind;
use crate::error::{Error, Result};
use crate::pin::Pin;
use crate::recovery::key::RecoveryKey;
use crate::token::pin::{self as pin_ops, PinUser, RetryState};
use crate::token::TokenRef;
use crate::Workspace;

/// The result of `pin status`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PinStatus {
    /// The token.
    pub token: TokenSummary,
    /// The user PIN has been set.
    pub user_pin_initialized: bool,
    /// The user PIN's state.
    pub user_pin: RetryState,
    /// The SO PIN's state.
    pub so_pin: RetryState,
    /// The shortest PIN the token takes.
    pub min_pin_length: u64,
    /// The longest PIN the token takes.
    pub max_pin_length: u64,
    /// The rule new PINs follow on this token.
    pub pin_rule: PinRule,
}

/// The rule new PINs follow on a token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PinRule {
    /// The PIN profile set for this token model in the configuration (`digits-6-8`), or
    /// `null` for the standard rule.
    pub profile: Option<String>,
    /// The rule in words.
    pub description: String,
    /// The rule in the person's language (not in the JSON, which keeps `description`).
    #[serde(skip)]
    pub words: String,
    /// Why the rule cannot be met within the token's PIN lengths, or `null` when it can.
    #[serde(serialize_with = "crate::error::catalogue::display_option")]
    #[schemars(with = "Option<String>")]
    pub impossible: Option<crate::pin::Impossible>,
}

impl PinRule {
    /// The rule for `token`.
    ///
    /// # Errors
    /// An invalid config.
    pub fn of(ws: &Workspace, token: &TokenRef) -> Result<Self> {
        let policy = ws.policy_for(token)?;
        Ok(PinRule {
            profile: policy.profile.map(str::to_string),
            description: policy.describe(),
            words: policy.words(),
            impossible: policy
                .impossible_on(token.report.min_pin_length, token.report.max_pin_length),
        })
    }

    /// For the audit log: the profile used, if any.
    fn audit_note(&self) -> String {
        self.profile
            .as_ref()
            .map(|p| format!(" (PIN profile {p})"))
            .unwrap_or_default()
    }
}

/// `pin status`: what the token says about its PINs. Needs no PIN.
///
/// # Errors
/// No token; the module's.
pub fn status(ws: &Workspace) -> Result<PinStatus> {
    let token = ws.token()?;
    let r = &token.report;
    Ok(PinStatus {
        token: TokenSummary::of(&token),
        user_pin_initialized: r.flags.user_pin_initialized,
        user_pin: token.retry_state(PinUser::User),
        so_pin: token.retry_state(PinUser::So),
        min_pin_length: r.min_pin_length,
        max_pin_length: r.max_pin_length,
        pin_rule: PinRule::of(ws, &token)?,
    })
}

/// The result of a PIN change or unblock.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PinChanged {
    /// The token.
    pub token: TokenSummary,
    /// Whose PIN was set.
    pub changed: PinUser,
    /// Its state before.
    pub before: RetryState,
    /// Its state now.
    pub after: RetryState,
    /// Recovery objects removed because they held the old SO PIN (0 for the user PIN, and
    /// when the recovery was sealed again).
    pub recovery_removed: usize,
    /// The recovery data was sealed again with the new SO PIN (the recovery key was given):
    /// the mailed key keeps working.
    pub recovery_resealed: bool,
}

fn remove_stale_recovery(ws: &Workspace, token: &mut TokenRef, new_so: &Pin) -> Result<usize> {
    let found = crate::recovery::status(token)?.len();
    if found == 0 {
        return Ok(0);
    }
    let session = crate::recovery::so_session(token, new_so, false)?;
    let removed = crate::recovery::remove_all(&session);
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    let removed = removed?;
    ws.audit(
        EventKind::RecoveryRevoked,
        token,
        crate::audit::Outcome::Success,
        Some(format!("{removed} removed: the SO PIN changed")),
    );
    ws.warn(crate::warning::Warning::RecoveryRemoved {
        token: token.report.label.clone(),
    });
    Ok(removed)
}

/// Seal the recovery data again with the new SO PIN, and record it.
fn reseal_recovery(
    ws: &Workspace,
    token: &mut TokenRef,
    prepared: &crate::recovery::Reseal,
    new_so: &Pin,
) -> Result<()> {
    let session = crate::recovery::so_session(token, new_so, false)?;
    let done = crate::recovery::reseal(token, &session, prepared, new_so);
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    let done = done?;
    ws.audit(
        EventKind::RecoveryEnrolled,
        token,
        crate::audit::Outcome::Success,
        Some(format!(
            "{} key {} (sealed again: the SO PIN changed)",
            done.email, done.key_fingerprint
        )),
    );
    Ok(())
}

/// The policy and the token's length limits, as a check for [`Ask::new_pin`].
///
/// # Errors
/// The configuration's policy is invalid.
pub fn new_pin_check(ws: &Workspace, token: &TokenRef, who: PinUser) -> Result<NewPinRule> {
    let policy = ws.policy_for(token)?;
    let (min, max) = (token.report.min_pin_length, token.report.max_pin_length);
    Ok(NewPinRule {
        words: rule_words(&policy),
        check: Box::new(move |pin: &Pin| {
            policy
                .check(pin, Some(min), Some(max))
                .map_err(|violation| Error::Policy { who, violation })
        }),
    })
}

/// The rule a new PIN follows: its words for the prompt, and the check.
pub struct NewPinRule {
    /// The rule in the person's language ("at least 8 Latin letters and digits").
    pub words: String,
    check: Box<PinCheck>,
}

/// A check of a new PIN.
type PinCheck = dyn Fn(&Pin) -> Result<()>;

impl NewPinRule {
    /// Check a new PIN against the rule and the token's limits.
    ///
    /// # Errors
    /// [`Error::Policy`].
    pub fn check(&self, pin: &Pin) -> Result<()> {
        (self.check)(pin)
    }
}

impl std::fmt::Debug for NewPinRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPinRule")
            .field("words", &self.words)
            .finish_non_exhaustive()
    }
}

/// The rule in the person's language, for prompts.
fn rule_words(policy: &crate::pin::PinPolicy) -> String {
    let min = policy.min_length;
    match (policy.digits_only, policy.max_length) {
        (true, Some(max)) => crate::fl!("rule-digits", min = min, max = max),
        (true, None) | (false, None) => crate::fl!("rule-standard", min = min),
        (false, Some(max)) => crate::fl!("rule-standard-max", min = min, max = max),
    }
}

/// `pin change`: the user's (or with `who` SO, the SO's) PIN, old then new from `ask`. For
/// the SO PIN, `recovery_key` (read before anything changes) lets the recovery data be sealed
/// again with the new SO PIN instead of removed.
///
/// # Errors
/// Locked or final try (before anything is asked), a new PIN against the policy, a wrong old
/// PIN, a write-protected token; with a recovery key, one that opens none of the token's
/// recovery data or data that holds another SO PIN (nothing is changed then).
pub fn change(
    ws: &Workspace,
    who: PinUser,
    ask: &dyn Ask,
    recovery_key: Option<&dyn Fn() -> Result<RecoveryKey>>,
) -> Result<PinChanged> {
    let mut token = ws.token()?;
    ws.writable(&token)?;
    // Logged in first: a wrong current PIN is said before the new one is asked for.
    let event = match who {
        PinUser::User => EventKind::PinChanged,
        PinUser::So => EventKind::SoPinChanged,
    };
    let old = current_pin(ws, &mut token, who, ask, event)?;
    let reseal = match (who, recovery_key) {
        (PinUser::So, Some(read)) => Some(crate::recovery::prepare_reseal(&token, read()?, &old)?),
        _ => None,
    };
    let new = ask.new_pin(who, &token, &new_pin_check(ws, &token, who)?)?;
    let rule = PinRule::of(ws, &token)?;
    let before = token.retry_state(who);
    let final_try = ask.final_try();
    ws.audited(
        event,
        &token.clone(),
        || pin_ops::change_pin(&mut token, who, &old, &new, final_try),
        |()| format!("{}{}", who.noun(), rule.audit_note()),
    )?;
    token.refresh()?;
    // A recovery enrolment seals the SO PIN: once it changed, the copy is stale and would
    // only spend SO tries. It goes, and the person is told to enrol again.
    let (recovery_removed, recovery_resealed) = match (who, reseal) {
        (PinUser::So, Some(prepared)) => match reseal_recovery(ws, &mut token, &prepared, &new) {
            Ok(()) => (0, true),
            Err(e) => {
                ws.warn(crate::warning::Warning::ResealFailed { cause: e.into() });
                (remove_stale_recovery(ws, &mut token, &new)?, false)
            }
        },
        (PinUser::So, None) => (remove_stale_recovery(ws, &mut token, &new)?, false),
        (PinUser::User, _) => {
            // The login before the change warned of the factory PIN: it is gone now.
            ws.withdraw(|w| matches!(w, crate::warning::Warning::FactoryPin { .. }));
            (0, false)
        }
    };
    Ok(PinChanged {
        recovery_removed,
        recovery_resealed,
        token: TokenSummary::of(&token),
        changed: who,
        before,
        after: token.retry_state(who),
    })
}

/// The current PIN of `who`, checked by logging in with it (the guards, the layout check and
/// the audit of a failure as for every login), so that a wrong one is found before a new PIN
/// is asked for. On a PIN pad there is nothing to check here: the keypad asks.
fn current_pin(
    ws: &Workspace,
    token: &mut TokenRef,
    who: PinUser,
    ask: &dyn Ask,
    event: EventKind,
) -> Result<Pin> {
    if token.report.flags.protected_authentication_path {
        pin_ops::guard(token, who, ask.final_try())?;
        return ask.pin(who, token);
    }
    let session = token.open_rw()?;
    let pin = ws.login(token, &session, who, ask).inspect_err(|e| {
        // The operation failed too: the audit log says which one a wrong PIN stopped.
        if matches!(e, Error::WrongPin { .. } | Error::PinLocked { .. }) {
            ws.audit_failure(event, token, e);
        }
    })?;
    let _ = crate::trace::pkcs11("C_Logout", None, || session.logout());
    Ok(pin)
}

/// `pin unblock`: the SO sets a new user PIN (this also unlocks a locked one).
///
/// # Errors
/// The SO PIN locked or at its final try, wrong, or the new PIN against the policy.
pub fn unblock(ws: &Workspace, ask: &dyn Ask) -> Result<PinChanged> {
    let mut token = ws.token()?;
    ws.writable(&token)?;
    let final_try = ask.final_try();
    let so = current_pin(ws, &mut token, PinUser::So, ask, EventKind::PinUnblocked)?;
    let new = ask.new_pin(
        PinUser::User,
        &token,
        &new_pin_check(ws, &token, PinUser::User)?,
    )?;
    let rule = PinRule::of(ws, &token)?;
    let before = token.retry_state(PinUser::User);
    ws.audited(
        EventKind::PinUnblocked,
        &token.clone(),
        || {
            let report = token.report.clone();
            pin_ops::unblock(&mut token, &so, &new, final_try)
                .map_err(|e| crate::token::quirks::explain_unblock(&report, e))
        },
        |()| format!("user PIN set by the SO{}", rule.audit_note()),
    )?;
    token.refresh()?;
    Ok(PinChanged {
        recovery_removed: 0,
        recovery_resealed: false,
        token: TokenSummary::of(&token),
        changed: PinUser::User,
        before,
        after: token.retry_state(PinUser::User),
    })
}
