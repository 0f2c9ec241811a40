//! Modules, slots, tokens and objects, and initialising a token.

use serde::Serialize;

use super::{Ask, TokenSummary};
use crate::audit::EventKind;
use crate::error::{Error, InputError, Result};
use crate::keys::journal::{self, PendingImport};
use crate::pin::Pin;
use crate::token::discovery::{Candidate, Origin};
use crate::token::pin::{self as pin_ops, PinUser};
use crate::token::select::all_slots;
use crate::token::TokenSelector;
use crate::token::{
    list_objects, LibraryInfo, Module, ObjectReport, SlotReport, TokenRef, TokenReport,
};
use crate::Workspace;

/// One module in `modules`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ModuleReport {
    /// The module file.
    pub path: String,
    /// How it was found.
    pub origin: Origin,
    /// The file exists.
    pub present: bool,
    /// The module loaded and C_Initialize succeeded.
    pub loaded: bool,
    /// C_GetInfo, when loaded.
    pub library: Option<LibraryInfo>,
    /// Number of slots, when loaded.
    pub slots: Option<usize>,
    /// Number of slots with a token, when loaded.
    pub tokens: Option<usize>,
    /// Why it did not load (an error kind, see docs/json.md).
    pub error_kind: Option<&'static str>,
    /// Why it did not load, in words.
    pub error: Option<String>,
}

/// The result of `modules`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ModuleList {
    /// Every candidate, loaded or not.
    pub modules: Vec<ModuleReport>,
    /// A module was named (flag, environment, config) rather than discovered.
    #[serde(skip)]
    pub named: bool,
}

impl ModuleList {
    /// The failure that makes the listing unusable: a named module that did not load, or no
    /// module loading at all.
    pub fn failure(&self) -> Option<Error> {
        if self.named {
            // Load it again for the error itself (modules load once per process).
            let r = self.modules.iter().find(|r| !r.loaded)?;
            return Module::load(std::path::Path::new(&r.path)).err();
        }
        self.modules
            .iter()
            .all(|r| !r.loaded)
            .then_some(Error::NoModule {
                searched: self.modules.len(),
            })
    }
}

/// `modules`: every module candidate and whether it loads; with `all` the vendor paths that
/// were looked at and are absent too.
pub fn modules(ws: &Workspace, all: bool) -> ModuleList {
    let choice = ws.module_choice();
    let mut candidates = ws
        .discovery()
        .candidates(choice.explicit.as_deref(), choice.configured.as_deref());
    let named = candidates
        .iter()
        .any(|c| matches!(c.origin, Origin::Flag | Origin::Env | Origin::Config));
    if all && !named {
        for (vendor, path) in &ws.discovery().well_known {
            if !candidates.iter().any(|c| &c.path == path) {
                candidates.push(Candidate {
                    path: path.clone(),
                    origin: Origin::WellKnown((*vendor).into()),
                });
            }
        }
    }
    ModuleList {
        modules: candidates.into_iter().map(probe).collect(),
        named,
    }
}

fn probe(candidate: Candidate) -> ModuleReport {
    let present = candidate.path.exists();
    let mut report = ModuleReport {
        path: candidate.path.display().to_string(),
        origin: candidate.origin,
        present,
        loaded: false,
        library: None,
        slots: None,
        tokens: None,
        error_kind: None,
        error: None,
    };
    match Module::load(&candidate.path) {
        Ok(module) => {
            report.loaded = true;
            report.library = Some(module.info().clone());
            report.slots =
                crate::trace::pkcs11("C_GetSlotList", None, || module.ctx().get_all_slots())
                    .ok()
                    .map(|s| s.len());
            report.tokens = crate::trace::pkcs11("C_GetSlotList", None, || {
                module.ctx().get_slots_with_token()
            })
            .ok()
            .map(|s| s.len());
        }
        Err(e) => {
            report.error_kind = Some(e.kind());
            report.error = Some(e.message());
        }
    }
    report
}

/// The result of `tokens`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SlotList {
    /// Every slot (matching the selector), with its token if one is present.
    pub slots: Vec<SlotReport>,
    /// The serial of the default token the configuration names (`tokens select`), when it
    /// is present.
    pub default_token: Option<String>,
}

/// `tokens`: every slot of the loaded modules (only those whose token `--token` names, and
/// with `present` only those holding a token), the default token marked.
///
/// # Errors
/// No module; a selector that matches nothing ([`Error::TokenNotFound`] with the
/// candidates). No token at all is [`SlotList::failure`].
pub fn slots(ws: &Workspace, present: bool) -> Result<SlotList> {
    let modules = ws.modules()?;
    let all = all_slots(modules)?;
    let named = |sel: &TokenSelector| -> Vec<SlotReport> {
        sel.best(&all, |(module, _, slot)| {
            Some((module, slot, slot.token.as_ref()?))
        })
        .into_iter()
        .map(|(_, _, slot)| slot.clone())
        .collect()
    };
    // `--token` narrows the listing; the configured default token is only marked.
    let typed = ws.options().token.is_some();
    let mut slots = match ws.selector() {
        Some(sel) if typed => named(sel),
        _ => all.iter().map(|(_, _, slot)| slot.clone()).collect(),
    };
    if present {
        slots.retain(|s| s.token.is_some());
    }
    if typed && slots.is_empty() {
        // The selection code words the failure, with the candidates.
        return Err(ws.token().err().unwrap_or(Error::NoToken));
    }
    let default_token = ws
        .default_token()
        .and_then(|text| TokenSelector::parse(text).ok())
        .and_then(|sel| match named(&sel).as_slice() {
            [one] => one.token.as_ref().map(|t| t.serial.clone()),
            _ => None,
        });
    Ok(SlotList {
        slots,
        default_token,
    })
}

/// The result of `tokens select`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TokenSelected {
    /// The token that is now the default.
    pub token: TokenSummary,
    /// What was saved as `token` in the state file (its serial, or its URI when another
    /// token present shares the serial).
    pub saved_as: String,
    /// The file written: the per-user state file (`tokenward::state`), not the
    /// administrator's configuration (the field keeps its name).
    pub config: String,
}

/// `tokens select`: make the token `selector` names the default for every command (saved as
/// `token` in the configuration; `--token` still wins).
///
/// # Errors
/// No token, none or several matching; the configuration cannot be written.
pub fn select(ws: &Workspace, selector: &TokenSelector) -> Result<TokenSelected> {
    let modules = ws.modules()?;
    let token = crate::token::select_token(modules, Some(selector))?;
    let shared_serial = all_slots(modules)?
        .iter()
        .filter_map(|(_, _, s)| s.token.as_ref())
        .filter(|t| t.serial == token.report.serial)
        .count()
        > 1;
    let saved_as = if shared_serial || token.report.serial.is_empty() {
        token.report.uri.clone()
    } else {
        token.report.serial.clone()
    };
    let config = ws.update_state(|state| state.token = Some(saved_as.clone()))?;
    Ok(TokenSelected {
        token: TokenSummary::of(&token),
        saved_as,
        config: config.display().to_string(),
    })
}

impl SlotList {
    /// [`Error::NoToken`] (or [`Error::CardNotRecognised`] when a card is in a reader that no
    /// module recognises) when no slot holds a token: the listing is shown, and the command
    /// still fails.
    pub fn failure(&self, ws: &Workspace) -> Option<Error> {
        self.slots
            .iter()
            .all(|s| s.token.is_none())
            .then(|| crate::readers::serving::no_token(ws.modules().unwrap_or(&[])))
    }
}

/// The result of `objects`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ObjectList {
    /// The token.
    pub token: TokenSummary,
    /// A login was made, so private objects are listed too.
    pub logged_in: bool,
    /// Every object.
    pub objects: Vec<ObjectReport>,
    /// Key imports that were interrupted (run the same `keys import` again to finish one).
    pub pending_imports: Vec<PendingImport>,
}

/// `objects`: every object on the token (private ones too with `login`).
///
/// # Errors
/// No token; a wrong PIN; the module's.
pub fn objects(ws: &Workspace, login: bool, ask: &dyn Ask) -> Result<ObjectList> {
    let mut token = ws.token()?;
    let session = token.open_ro()?;
    if login {
        ws.login(&mut token, &session, PinUser::User, ask)?;
    }
    Ok(ObjectList {
        token: TokenSummary::of(&token),
        logged_in: login,
        objects: list_objects(&session, &token.report)?,
        pending_imports: journal::pending(&session, &token.report)?,
    })
}

/// The token `token init` works on: the selected one (blank or not), else the one blank
/// token present.
///
/// # Errors
/// No blank token, or several, when none is selected.
pub fn token_to_initialise(ws: &Workspace) -> Result<TokenRef> {
    if ws.selector().is_some() {
        return ws.any_token();
    }
    let mut blank: Vec<TokenRef> = crate::token::select::present_tokens(ws.modules()?)?
        .into_iter()
        .filter(|t| !t.report.flags.token_initialized)
        .collect();
    match blank.len() {
        1 => Ok(blank.remove(0)),
        0 => Err(InputError::NoBlankToken.into()),
        count => Err(InputError::SeveralBlankTokens { count }.into()),
    }
}

/// What `token init` asks for.
#[derive(Debug, Clone)]
pub struct InitRequest {
    /// The new label (at most 32 bytes).
    pub label: String,
    /// Re-initialising an initialised token is allowed (it destroys every object).
    pub force: bool,
    /// With `force`: the current label, typed again.
    pub confirm_label: Option<String>,
}

/// The result of `token init`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Initialised {
    /// The token had been initialised before.
    pub reinitialised: bool,
    /// The token as found again afterwards.
    pub token: TokenReport,
}

/// `token init`: label, SO PIN and user PIN. On an initialised token it needs `force` and
/// the current label typed again, and asks for the current SO PIN; on a blank one it asks
/// for a new SO PIN. Both PINs are asked (and checked against the policy) before the token is
/// touched.
///
/// # Errors
/// A bad label, no token to initialise, a missing confirmation, a PIN against the policy, a
/// wrong SO PIN.
pub fn init(
    ws: &Workspace,
    token: &TokenRef,
    req: &InitRequest,
    ask: &dyn Ask,
) -> Result<Initialised> {
    pin_ops::check_label(&req.label)?;
    let reinit = token.report.flags.token_initialized;
    if reinit {
        confirm_destruction(token, req)?;
    }
    let so_check = super::pin::new_pin_check(ws, token, PinUser::So)?;
    let user_check = super::pin::new_pin_check(ws, token, PinUser::User)?;
    let so: Pin = if reinit {
        ask.pin(PinUser::So, token)?
    } else {
        ask.new_pin(PinUser::So, token, &so_check)?
    };
    let user = ask.new_pin(PinUser::User, token, &user_check)?;
    let fresh = match pin_ops::init_token(token, &so, &req.label, &user) {
        Ok(t) => t,
        Err(e) => {
            ws.audit_failure(EventKind::TokenInitialized, token, &e);
            return Err(e);
        }
    };
    ws.audit(
        EventKind::TokenInitialized,
        &fresh,
        crate::audit::Outcome::Success,
        reinit.then(|| format!("re-initialised; previous label {:?}", token.report.label)),
    );
    Ok(Initialised {
        reinitialised: reinit,
        token: fresh.report,
    })
}

fn confirm_destruction(token: &TokenRef, req: &InitRequest) -> Result<()> {
    let label = &token.report.label;
    if !req.force {
        return Err(InputError::AlreadyInitialised {
            label: label.clone(),
            serial: token.report.serial.clone(),
        }
        .into());
    }
    let typed = req
        .confirm_label
        .as_deref()
        .ok_or_else(|| InputError::LabelNotConfirmed {
            label: label.clone(),
        })?;
    if typed.trim_end() != label.as_str() {
        return Err(InputError::LabelMismatch {
            label: label.clone(),
        }
        .into());
    }
    Ok(())
}
