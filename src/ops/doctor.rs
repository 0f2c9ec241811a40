//! `doctor`: everything between a plugged-in token and a working signature, checked in order,
//! each problem with its severity and the exact next step on this system.

use serde::Serialize;

use crate::error::{Error, PcscError};
use crate::readers::holders;
use crate::readers::serving::{module_slots, served_by};
use crate::readers::{self, ReaderStatus};
use crate::token::certs::read_certificates;
use crate::token::select::all_slots;
use crate::token::{SlotReport, TokenRef, TokenReport};
use crate::Workspace;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Nothing can be signed until it is fixed; `doctor` exits 1.
    Blocker,
    /// Works now, but needs attention.
    Warning,
    /// What was checked and found in order.
    Ok,
}

/// One finding.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// A stable snake_case id (docs/json.md lists them).
    pub id: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// What it is about: a reader, a module, a token or a certificate; `null` for the computer.
    pub subject: Option<String>,
    /// What was found, in words.
    pub message: String,
    /// The next step, or `null` when there is nothing to do.
    pub fix: Option<String>,
    /// The subject, message and fix in the person's language (not in the JSON).
    #[serde(skip)]
    pub words: Words,
}

/// A finding in the person's language: the catalogue's `finding-ID` and `finding-ID-fix`
/// with the finding's details, else the English words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// What it is about.
    pub subject: Option<String>,
    /// What was found.
    pub message: String,
    /// The next step.
    pub fix: Option<String>,
}

/// What a finding is about.
#[derive(Clone)]
enum About {
    Reader(String),
    Token { label: String, serial: String },
    Slot(String),
    SlotId(u64),
    Certificate(String),
    Module(String),
}

impl About {
    fn english(&self) -> String {
        match self {
            About::Reader(name) => format!("reader \"{name}\""),
            About::Token { label, serial } => format!("token \"{label}\" (serial {serial})"),
            About::Slot(d) => format!("slot \"{d}\""),
            About::SlotId(id) => format!("slot {id}"),
            About::Certificate(cn) => format!("certificate \"{cn}\""),
            About::Module(path) => path.clone(),
        }
    }

    fn words(&self) -> String {
        match self {
            About::Reader(name) => crate::fl!("about-reader", name = name.as_str()),
            About::Token { label, serial } => crate::fl!(
                "about-token",
                label = label.as_str(),
                serial = serial.as_str()
            ),
            About::Slot(d) => crate::fl!("about-slot", description = d.as_str()),
            About::SlotId(id) => crate::fl!("about-slot-id", id = id.to_string()),
            About::Certificate(cn) => crate::fl!("about-certificate", name = cn.as_str()),
            About::Module(path) => path.clone(),
        }
    }
}

/// A catalogue message looked up by a finding's id, with its details; `None` when the
/// catalogue has none.
fn catalogue(id: &str, args: &[(&str, String)]) -> Option<String> {
    let loader = &*crate::i18n::LANGUAGE_LOADER;
    if !loader.has(id) {
        return None;
    }
    let args: std::collections::HashMap<&str, fluent::FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            // Numbers as numbers: the plural forms choose by them.
            let value = match v.parse::<i64>() {
                Ok(n) => fluent::FluentValue::from(n),
                Err(_) => fluent::FluentValue::from(v.as_str()),
            };
            (*k, value)
        })
        .collect();
    Some(loader.get_args_concrete(id, args))
}

/// The result of `doctor`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// A finding blocks use: the command exits 1.
    pub blocked: bool,
    /// Every finding, blockers first.
    pub findings: Vec<Finding>,
}

struct Findings(Vec<Finding>);

impl Findings {
    /// A finding; its words in the person's language come from the catalogue by its id.
    fn add(
        &mut self,
        id: &'static str,
        severity: Severity,
        about: Option<About>,
        message: String,
        fix: Option<String>,
    ) -> &mut Finding {
        self.add_with(id, severity, about, (message, fix), &[])
    }

    /// [`Findings::add`] with the details the catalogue's words take.
    fn add_with(
        &mut self,
        id: &'static str,
        severity: Severity,
        about: Option<About>,
        (message, fix): (String, Option<String>),
        args: &[(&str, String)],
    ) -> &mut Finding {
        let key = format!("finding-{}", id.replace('_', "-"));
        let words = Words {
            subject: about.as_ref().map(About::words),
            message: catalogue(&key, args).unwrap_or_else(|| message.clone()),
            fix: fix
                .as_ref()
                .map(|f| catalogue(&format!("{key}-fix"), args).unwrap_or_else(|| f.clone())),
        };
        self.0.push(Finding {
            id,
            severity,
            subject: about.as_ref().map(About::english),
            message,
            fix,
            words,
        });
        self.0.last_mut().expect("just pushed")
    }

    /// A finding that is an error: its words are the error's own, in the person's language.
    fn add_error(&mut self, id: &'static str, severity: Severity, e: &Error) {
        let f = self.add(id, severity, None, e.to_string(), e.hint());
        f.words.message = e.problem();
        f.words.fix = e.advice();
    }
}

/// How many days before a certificate's end `doctor` warns.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// `doctor`: the smart-card service, readers, cards, modules, tokens, PINs and certificates.
pub fn doctor(ws: &Workspace) -> Report {
    let mut f = Findings(Vec::new());
    let modules_report = super::tokens::modules(ws, false);
    for m in modules_report
        .modules
        .iter()
        .filter(|m| m.present && !m.loaded)
    {
        let error = m.error.clone().unwrap_or_default();
        f.add_with(
            "module_failed",
            Severity::Warning,
            Some(About::Module(m.path.clone())),
            (
                format!("the PKCS#11 module does not load: {error}"),
                Some(
                    "reinstall the token's driver, or remove the module from the configuration"
                        .into(),
                ),
            ),
            &[("error", error.clone())],
        );
    }
    let modules = ws.modules().unwrap_or(&[]);
    if modules.is_empty() {
        let e = ws
            .modules()
            .err()
            .unwrap_or(Error::NoModule { searched: 0 });
        f.add_error("no_module", Severity::Blocker, &e);
    }
    let full = all_slots(modules).unwrap_or_default();
    let slots: Vec<SlotReport> = if full.is_empty() {
        module_slots(modules)
    } else {
        full.iter().map(|(_, _, r)| r.clone()).collect()
    };
    // The tokens the selector names best, by the rule every command selects with.
    let chosen: Option<Vec<(&str, u64)>> = ws.selector().map(|sel| {
        sel.best(&slots, |s| {
            let module = modules
                .iter()
                .find(|m| m.path().display().to_string() == s.module)?;
            Some((module, s, s.token.as_ref()?))
        })
        .into_iter()
        .map(|s| (s.module.as_str(), s.slot_id))
        .collect()
    });
    let selected = |_: &TokenReport, slot: &SlotReport| {
        chosen
            .as_ref()
            .is_none_or(|c| c.contains(&(slot.module.as_str(), slot.slot_id)))
    };
    let usable: Vec<(&SlotReport, &TokenReport)> = slots
        .iter()
        .filter_map(|s| s.token.as_ref().map(|t| (s, t)))
        .filter(|(s, t)| selected(t, s) && t.flags.token_initialized && !t.flags.user_pin_locked)
        .collect();
    let any_token = !usable.is_empty();
    let card_level = if any_token {
        Severity::Warning
    } else {
        Severity::Blocker
    };

    let readers = check_pcsc(&mut f, any_token);
    let holders = holders::running();
    for r in &readers {
        check_reader(&mut f, r, &slots, &holders, card_level);
    }
    // A held card also makes its slots fail; the card_held finding says it once.
    let held = readers.iter().any(|r| r.held_exclusively);
    for slot in slots.iter().filter(|s| s.token_error.is_some() && !held) {
        let error = slot.token_error.clone().unwrap_or_default();
        let fix = holder_fix(&holders);
        let found = f.add_with(
            "token_unreadable",
            card_level,
            Some(slot_subject(slot)),
            (format!("the token does not answer: {error}"), Some(fix)),
            &[("error", error.clone())],
        );
        found.words.fix = Some(holder_fix_words(&holders));
    }
    for (module, slot_handle, slot) in &full {
        if let Some(t) = &slot.token {
            if selected(t, slot) {
                let token = TokenRef {
                    module: module.clone(),
                    slot: *slot_handle,
                    report: t.clone(),
                };
                check_token(&mut f, ws, slot, &token, any_token);
            }
        }
    }
    if !any_token && !f.0.iter().any(|x| x.severity == Severity::Blocker) {
        f.add(
            "no_token",
            Severity::Blocker,
            None,
            "no token is plugged in".into(),
            Some("plug in your token or insert the card".into()),
        );
    }
    f.0.sort_by_key(|x| x.severity);
    Report {
        blocked: f.0.iter().any(|x| x.severity == Severity::Blocker),
        findings: f.0,
    }
}

fn check_pcsc(f: &mut Findings, any_token: bool) -> Vec<ReaderStatus> {
    let level = if any_token {
        Severity::Warning
    } else {
        Severity::Blocker
    };
    let found = readers::connect().and_then(|ctx| readers::statuses(&ctx));
    match found {
        Ok(readers) => {
            f.add(
                "pcsc_running",
                Severity::Ok,
                None,
                "the smart-card service (pcscd) is running".into(),
                None,
            );
            if readers.is_empty() {
                f.add(
                    "no_reader",
                    level,
                    None,
                    "the smart-card service sees no card reader or USB token".into(),
                    Some("plug in the token (or the card reader); if it is plugged in, try another USB port".into()),
                );
            }
            readers
        }
        Err(Error::Pcsc(e)) => {
            let id = match e {
                PcscError::NotInstalled => "pcsc_not_installed",
                PcscError::NotRunning => "pcsc_not_running",
                _ => "pcsc_failed",
            };
            f.add_error(id, level, &Error::Pcsc(e));
            Vec::new()
        }
        Err(e) => {
            f.add_error("pcsc_failed", level, &e);
            Vec::new()
        }
    }
}

fn check_reader(
    f: &mut Findings,
    r: &ReaderStatus,
    slots: &[SlotReport],
    holders: &[holders::Holder],
    level: Severity,
) {
    let subject = || Some(About::Reader(r.name.clone()));
    if !r.card_present {
        f.add(
            "reader_empty",
            Severity::Ok,
            subject(),
            "no card in this reader".into(),
            None,
        );
        return;
    }
    if r.mute {
        f.add(
            "card_mute",
            level,
            subject(),
            "a card is in the reader but does not answer".into(),
            Some("take the card out and insert it again, chip first and facing up".into()),
        );
        return;
    }
    if r.held_exclusively {
        let held = f.add(
            "card_held",
            level,
            subject(),
            "another program holds the card, so no other program can use it".into(),
            Some(holder_fix(holders)),
        );
        held.words.fix = Some(holder_fix_words(holders));
    }
    let served = served_by(&r.name, slots);
    if served.is_empty() && !r.held_exclusively {
        let name = r
            .card_name
            .clone()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        f.add_with(
            "card_not_recognised",
            level,
            subject(),
            (
                format!("a card{name} is in the reader, but no PKCS#11 module on this computer recognises it"),
                Some("install the driver (PKCS#11 module) of the card's issuer, or name it with --module PATH".into()),
            ),
            &[
                ("name", r.card_name.clone().unwrap_or_default()),
                ("named", named(r)),
            ],
        );
    } else if !served.is_empty() {
        f.add_with(
            "card_recognised",
            Severity::Ok,
            subject(),
            (
                format!(
                    "{} is read by {}",
                    r.card_name.as_deref().unwrap_or("the card"),
                    served[0].module
                ),
                None,
            ),
            &[
                ("name", r.card_name.clone().unwrap_or_default()),
                ("named", named(r)),
                ("module", served[0].module.clone()),
            ],
        );
    }
}

fn holder_fix(holders: &[holders::Holder]) -> String {
    holders::release_hint(holders.first())
}

/// Whether the card's name is known (`yes`/`no`, for the catalogue).
fn named(r: &ReaderStatus) -> String {
    if r.card_name.is_some() { "yes" } else { "no" }.into()
}

fn holder_fix_words(holders: &[holders::Holder]) -> String {
    match holders.first() {
        Some(_) => holder_fix(holders),
        None => crate::fl!("hint-card-held"),
    }
}

fn slot_subject(slot: &SlotReport) -> About {
    match &slot.token {
        Some(t) => About::Token {
            label: t.label.clone(),
            serial: t.serial.clone(),
        },
        None if slot.description.is_empty() => About::SlotId(slot.slot_id),
        None => About::Slot(slot.description.clone()),
    }
}

fn check_token(
    f: &mut Findings,
    ws: &Workspace,
    slot: &SlotReport,
    token: &TokenRef,
    others: bool,
) {
    let t = &token.report;
    let subject = || Some(slot_subject(slot));
    let flags = &t.flags;
    // A problem of one token blocks use only when no other token can be used instead.
    let level = |usable_without_it: bool| {
        if usable_without_it {
            Severity::Warning
        } else {
            Severity::Blocker
        }
    };
    if !flags.token_initialized {
        f.add(
            "token_not_initialised",
            if others {
                Severity::Ok
            } else {
                Severity::Blocker
            },
            Some(About::Slot(slot.description.clone())),
            "the token is blank: it has no PIN, keys or certificates yet".into(),
            Some(
                "ask whoever issued it; an administrator prepares it with `tokenward token init`"
                    .into(),
            ),
        );
        return;
    }
    if flags.user_pin_locked {
        f.add(
            "user_pin_locked",
            level(others),
            subject(),
            "the user PIN is locked (too many wrong tries)".into(),
            Some(
                "ask your administrator to unblock it with `tokenward pin unblock` and the SO PIN"
                    .into(),
            ),
        );
    } else if flags.user_pin_final_try {
        f.add(
            "user_pin_final_try",
            Severity::Warning,
            subject(),
            "one more wrong user PIN locks the token".into(),
            Some("make sure of the PIN before you type it; your administrator can reset it".into()),
        );
    } else if flags.user_pin_count_low {
        f.add(
            "user_pin_count_low",
            Severity::Warning,
            subject(),
            "a wrong user PIN was typed since the last good one".into(),
            None,
        );
    }
    if flags.so_pin_locked {
        f.add(
            "so_pin_locked",
            Severity::Warning,
            subject(),
            "the SO PIN is locked: the user PIN can no longer be unblocked".into(),
            Some(
                "only the token's issuer (or re-initialising it, which destroys its keys) can help"
                    .into(),
            ),
        );
    } else if flags.so_pin_final_try {
        f.add(
            "so_pin_final_try",
            Severity::Warning,
            subject(),
            "one more wrong SO PIN locks it for good".into(),
            None,
        );
    }
    if flags.user_pin_to_be_changed {
        f.add(
            "factory_pin",
            Severity::Warning,
            subject(),
            "the token still has its factory PIN".into(),
            Some("set your own: `tokenward pin change`".into()),
        );
    }
    if let Ok(policy) = ws.policy_for(token) {
        if let Some(why) = policy.impossible_on(t.min_pin_length, t.max_pin_length) {
            f.add_with(
                "pin_policy_impossible",
                Severity::Warning,
                subject(),
                (why.to_string(), Some("an administrator may set a PIN profile for this token model in the configuration (docs/admins.md)".into())),
                &[("why", why.words())],
            );
        }
    }
    check_certificates(f, token, subject());
    let english = subject().map(|s| s.english());
    if f.0
        .iter()
        .all(|x| x.subject != english || x.severity == Severity::Ok)
    {
        f.add(
            "token_ready",
            Severity::Ok,
            subject(),
            "the token is ready".into(),
            None,
        );
    }
}

fn check_certificates(f: &mut Findings, token: &TokenRef, subject: Option<About>) {
    let Ok(session) = token.open_ro() else {
        return;
    };
    let Ok((certs, _)) = read_certificates(&session, &token.report) else {
        return;
    };
    for c in certs {
        let Ok(info) = &c.info else {
            let error = c.info.as_ref().err().cloned().unwrap_or_default();
            f.add_with(
                "cert_unreadable",
                Severity::Warning,
                subject.clone(),
                (
                    format!("the certificate \"{}\" cannot be read: {error}", c.label),
                    None,
                ),
                &[("label", c.label.clone()), ("error", error.clone())],
            );
            continue;
        };
        let cert = Some(About::Certificate(info.subject_cn.clone()));
        match info.validity {
            crate::cert::Validity::Expired => {
                f.add_with(
                    "cert_expired",
                    Severity::Warning,
                    cert,
                    (
                        format!("the certificate expired {} days ago", -info.days_left),
                        Some("ask your certification authority for a new certificate".into()),
                    ),
                    &[("days", (-info.days_left).to_string())],
                );
            }
            crate::cert::Validity::NotYetValid => {
                f.add_with(
                    "clock_before_cert",
                    Severity::Warning,
                    cert,
                    (
                        format!(
                            "the certificate is valid only from {}: this computer's clock may be wrong",
                            info.not_before
                        ),
                        Some("check the computer's date and time".into()),
                    ),
                    &[("date", crate::when::local(&info.not_before))],
                );
            }
            crate::cert::Validity::Valid if info.days_left <= EXPIRY_WARNING_DAYS => {
                f.add_with(
                    "cert_expiring",
                    Severity::Warning,
                    cert,
                    (
                        format!("the certificate expires in {} days", info.days_left),
                        Some("ask your certification authority to renew it in time".into()),
                    ),
                    &[("days", info.days_left.to_string())],
                );
            }
            crate::cert::Validity::Valid => {}
        }
    }
}
