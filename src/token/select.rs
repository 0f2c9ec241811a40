//! Choosing the token a command works on: by URI, label or serial; optional when only one
//! token is present; an ambiguous or unmatched selector lists the candidates with their URIs.

use std::path::{Path, PathBuf};

use cryptoki::slot::Slot;

use super::discovery::{Discovery, Origin};
use super::module::{Calls, Module};
use super::slots::{list_slots, SlotReport, TokenReport};
use crate::error::{Candidate, Error, Result};
use crate::uri::Pkcs11Uri;

/// The shortest serial prefix that selects a token (shorter ones name too many by chance).
pub const MIN_SERIAL_PREFIX: usize = 4;

/// What the user typed after `--token`.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenSelector {
    /// A PKCS#11 URI.
    Uri(Box<Pkcs11Uri>),
    /// A label or a serial number (compared with trailing spaces trimmed).
    Text(String),
}

impl TokenSelector {
    /// Parse a selector: text starting with `pkcs11:` is a URI, anything else a label or serial.
    ///
    /// # Errors
    /// A URI that does not parse.
    pub fn parse(text: &str) -> Result<Self> {
        if Pkcs11Uri::looks_like(text) {
            Ok(TokenSelector::Uri(Box::new(Pkcs11Uri::parse(text)?)))
        } else {
            Ok(TokenSelector::Text(text.to_string()))
        }
    }

    /// How well this selector names the token: `Some(0)` exactly (the label or serial as
    /// shown, or every attribute of a URI), `Some(1)` loosely (the label in another case, or
    /// a prefix of the serial of at least [`MIN_SERIAL_PREFIX`] characters), else `None`.
    /// Only the best level present counts: an exact match hides loose ones.
    pub fn level(&self, module: &Module, slot: &SlotReport, token: &TokenReport) -> Option<u8> {
        match self {
            TokenSelector::Text(text) => {
                let want = text.trim_end_matches(' ');
                if token.label == want || token.serial == want {
                    return Some(0);
                }
                let prefix = want.chars().count() >= MIN_SERIAL_PREFIX
                    && token
                        .serial
                        .to_lowercase()
                        .starts_with(&want.to_lowercase());
                let label = !want.is_empty() && token.label.to_lowercase() == want.to_lowercase();
                (prefix || label).then_some(1)
            }
            TokenSelector::Uri(uri) => {
                let lib = module.info();
                (uri.matches_token(&token.fields())
                    && uri.matches_library(&lib.manufacturer, &lib.description, lib.version)
                    && uri.matches_slot(slot.slot_id, &slot.description, &slot.manufacturer))
                .then_some(0)
            }
        }
    }

    /// The items this selector names best (see [`TokenSelector::level`]).
    pub fn best<'a, T>(
        &self,
        items: &'a [T],
        of: impl Fn(&'a T) -> Option<(&'a Module, &'a SlotReport, &'a TokenReport)>,
    ) -> Vec<&'a T> {
        let levels: Vec<Option<u8>> = items
            .iter()
            .map(|i| of(i).and_then(|(m, s, t)| self.level(m, s, t)))
            .collect();
        let Some(best) = levels.iter().flatten().min().copied() else {
            return Vec::new();
        };
        items
            .iter()
            .zip(levels)
            .filter(|(_, l)| *l == Some(best))
            .map(|(i, _)| i)
            .collect()
    }

    /// The module path a URI names with `module-path`, if any.
    pub fn module_path(&self) -> Option<PathBuf> {
        match self {
            TokenSelector::Uri(uri) => uri.module_path.as_ref().map(PathBuf::from),
            TokenSelector::Text(_) => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            TokenSelector::Uri(uri) => crate::text::redacted_selector(&uri.to_string()),
            TokenSelector::Text(t) => crate::text::redacted_selector(t),
        }
    }
}

/// A token found in a slot of a loaded module.
#[derive(Debug, Clone)]
pub struct TokenRef {
    /// The module serving it.
    pub module: Module,
    /// The slot it is in (valid for this process only).
    pub slot: Slot,
    /// Its description.
    pub report: TokenReport,
}

impl TokenRef {
    /// Read C_GetTokenInfo again (after a login attempt, say) and update the report.
    ///
    /// # Errors
    /// The module's errors (the token removed).
    pub fn refresh(&mut self) -> Result<&TokenReport> {
        let info = crate::trace::pkcs11("C_GetTokenInfo", Some(self.slot), || {
            self.module.ctx().get_token_info(self.slot)
        })?;
        self.report = TokenReport::from_raw(&info);
        Ok(&self.report)
    }

    /// The candidate line shown when a selector is ambiguous.
    pub fn candidate(&self) -> Candidate {
        Candidate {
            label: self.report.label.clone(),
            serial: self.report.serial.clone(),
            uri: self.report.uri.clone(),
        }
    }
}

/// Where to find modules, as resolved from flags, the environment and the config.
#[derive(Debug, Clone, Default)]
pub struct ModuleChoice {
    /// `--module`, or the `module-path` of a `--token` URI.
    pub explicit: Option<PathBuf>,
    /// The configured default module.
    pub configured: Option<PathBuf>,
}

/// Load the modules to search for tokens, initialised for `calls`. A module the user named
/// must load (its error is returned); discovered modules that fail to load are skipped, and if
/// none loads the first failure is returned.
///
/// # Errors
/// No module found, or the one named fails to load.
pub fn load_modules(
    discovery: &Discovery,
    choice: &ModuleChoice,
    calls: Calls,
) -> Result<Vec<Module>> {
    let candidates = discovery.candidates(choice.explicit.as_deref(), choice.configured.as_deref());
    if candidates.is_empty() {
        return Err(Error::NoModule {
            searched: discovery.searched(),
        });
    }
    let named = candidates
        .iter()
        .any(|c| matches!(c.origin, Origin::Flag | Origin::Env | Origin::Config));
    let mut modules = Vec::new();
    let mut first_error = None;
    for candidate in &candidates {
        match Module::load_for(&candidate.path, calls) {
            Ok(m) => modules.push(m),
            Err(e) if named => return Err(e),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (modules.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(modules),
    }
}

/// Every slot of every module, with its token.
///
/// # Errors
/// The module's errors.
pub fn all_slots(modules: &[Module]) -> Result<Vec<(Module, Slot, SlotReport)>> {
    let mut out = Vec::new();
    for module in modules {
        for (slot, report) in list_slots(module)? {
            out.push((module.clone(), slot, report));
        }
    }
    Ok(out)
}

/// Every token plugged in, in every module's slots.
///
/// # Errors
/// The module's errors.
pub fn present_tokens(modules: &[Module]) -> Result<Vec<TokenRef>> {
    Ok(all_slots(modules)?
        .into_iter()
        .filter_map(|(module, slot, s)| {
            s.token.map(|report| TokenRef {
                module,
                slot,
                report,
            })
        })
        .collect())
}

/// Pick one initialised token. With no selector, exactly one must be present.
/// Uninitialised tokens (SoftHSM2 always offers one, blank cards are others) are left out:
/// only `token init` works on them, through [`select_any_token`].
///
/// # Errors
/// No token, none matching the selector, or several and no selector.
pub fn select_token(modules: &[Module], selector: Option<&TokenSelector>) -> Result<TokenRef> {
    select(modules, selector, true)
}

/// Pick one token, initialised or not.
///
/// # Errors
/// See [`select_token`].
pub fn select_any_token(modules: &[Module], selector: Option<&TokenSelector>) -> Result<TokenRef> {
    select(modules, selector, false)
}

fn select(
    modules: &[Module],
    selector: Option<&TokenSelector>,
    initialised_only: bool,
) -> Result<TokenRef> {
    let present: Vec<(Module, Slot, SlotReport)> = all_slots(modules)?
        .into_iter()
        .filter(|(_, _, s)| {
            s.token
                .as_ref()
                .is_some_and(|t| t.flags.token_initialized || !initialised_only)
        })
        .collect();
    let entries: Vec<(TokenRef, SlotReport)> = present
        .into_iter()
        .map(|(module, slot, report)| {
            let token = TokenRef {
                module,
                slot,
                report: report.token.clone().expect("filtered on token presence"),
            };
            (token, report)
        })
        .collect();
    let tokens: Vec<&TokenRef> = entries.iter().map(|(t, _)| t).collect();
    if tokens.is_empty() {
        return Err(crate::readers::serving::no_token(modules));
    }
    let matching: Vec<&TokenRef> = match selector {
        None => tokens.clone(),
        Some(sel) => sel
            .best(&entries, |(t, slot)| Some((&t.module, slot, &t.report)))
            .into_iter()
            .map(|(t, _)| t)
            .collect(),
    };
    match matching.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::TokenNotFound {
            selector: selector.map(TokenSelector::describe).unwrap_or_default(),
            candidates: tokens.iter().map(|t| t.candidate()).collect(),
            default: false,
        }),
        many => Err(Error::AmbiguousToken {
            selector: selector.map(TokenSelector::describe),
            candidates: many.iter().map(|t| t.candidate()).collect(),
        }),
    }
}

/// Resolve the module choice: `--module` wins, then a URI's `module-path`.
pub fn module_choice(
    flag: Option<&Path>,
    selector: Option<&TokenSelector>,
    configured: Option<PathBuf>,
) -> ModuleChoice {
    ModuleChoice {
        explicit: flag
            .map(Path::to_path_buf)
            .or_else(|| selector.and_then(TokenSelector::module_path)),
        configured,
    }
}
