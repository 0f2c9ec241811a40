//! `setup`: the accountant's whole journey in one run — check the computer, choose the token
//! and the certificate, set one's own PIN, make the programs use the token, check that signing
//! works. Each step is one of the library's own operations; the choices come from a [`Guide`]
//! (arrow-key pickers on a terminal, flags in a script), and every step ends in the report as
//! done, skipped (with why) or failed (with the error), so a run that stops says how far it got.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::certs::{self, CertEntry, CertFilter};
use super::doctor::{self, Severity};
use super::{Ask, TokenSummary};
use crate::error::{Error, ErrorBody, Result};
use crate::keys::export_config::Program;
use crate::keys::nss;
use crate::pin::Pin;
use crate::token::find::ObjectSelector;
use crate::token::pin::PinUser;
use crate::token::{TokenRef, TokenSelector};
use crate::workspace::Workspace;

crate::names::named_enum! {
    /// A step of `setup`, in order.
    pub enum StepId: "setup step" {
        /// 1. The doctor's blockers, or a wait for the token.
        CheckComputer = "check_computer",
        /// 2. Which token (skipped when there is one).
        ChooseToken = "choose_token",
        /// 3. Which certificate becomes the default.
        ChooseCertificate = "choose_certificate",
        /// 4. One's own PIN instead of the factory one.
        SetPin = "set_pin",
        /// 5. The programs that use the token.
        Programs = "programs",
        /// 6. A signature made and verified with the chosen certificate's key.
        CheckSigning = "check_signing",
    }
}

crate::names::named_enum! {
    /// The programs `setup` configures.
    pub enum SetupProgram: "program" {
        /// Firefox and Thunderbird: the module registered in each profile.
        Firefox = "firefox",
        /// Chromium and Chrome: the module registered in ~/.pki/nssdb.
        Chromium = "chromium",
        /// Programs built on OpenSSL: configuration files.
        Openssl = "openssl",
        /// Java: the SunPKCS11 configuration.
        Java = "java",
        /// SSH: the PKCS11Provider line.
        Ssh = "ssh",
        /// Any other program: the URI and the module to paste.
        Other = "other",
    }
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// It was done (or found done already, see `reason`).
    Done,
    /// It was not needed or not wanted (see `reason`).
    Skipped,
    /// It failed: the run stopped here (see `error`).
    Failed,
}

/// One step's outcome.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepReport {
    /// Which step.
    pub step: StepId,
    /// How it ended.
    pub status: StepStatus,
    /// Why, as a stable id: `one_token`, `chosen`, `already_default`, `factory_pin`,
    /// `own_pin`, `asked`, `not_asked`, `configured`, `none_chosen`, `ok`, `blocker`,
    /// `no_usable_certificate`, `cancelled`, or an error's kind.
    pub reason: Option<String>,
    /// What it chose or wrote, in English (a certificate, programs, files).
    pub details: Vec<String>,
    /// The error that stopped the run here.
    pub error: Option<ErrorBody>,
}

/// What one program got.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProgramDone {
    /// Which program.
    pub program: SetupProgram,
    /// Where its configuration went (profiles, folders), or what to paste.
    pub places: Vec<String>,
    /// It was configured already (nothing was written).
    pub already: bool,
    /// The program must be restarted to see the token.
    pub restart: bool,
}

/// The result of `setup`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SetupReport {
    /// The token set up, once chosen.
    pub token: Option<TokenSummary>,
    /// The default certificate, once chosen.
    pub certificate: Option<CertEntry>,
    /// Every step reached, in order.
    pub steps: Vec<StepReport>,
    /// What each chosen program got.
    pub programs: Vec<ProgramDone>,
    /// The key's URI with the module path, for programs set up by hand.
    pub uri: Option<String>,
    /// The token's PKCS#11 module.
    pub module: Option<PathBuf>,
    /// PIN recovery is configured but not set up on this token: the next step.
    pub recovery_available: bool,
}

/// The choices of a setup: a person at a terminal, or flags.
pub trait Guide {
    /// A step begins (show its number and what it is for).
    fn step(&self, step: StepId);
    /// A step ended.
    fn ended(&self, report: &StepReport);
    /// The doctor's blockers were found; or there is no token and none may be waited for.
    /// Return `true` to wait for a token to be plugged in (the guide polls with
    /// [`Guide::wait`]).
    fn may_wait_for_token(&self) -> bool;
    /// Wait a moment for the token (a terminal: Ctrl-C leaves).
    ///
    /// # Errors
    /// The person left ([`Error::Cancelled`]).
    fn wait(&self) -> Result<()>;
    /// Which of these tokens.
    ///
    /// # Errors
    /// The person left, or the flags name none of them.
    fn token(&self, candidates: &[crate::error::Candidate]) -> Result<usize>;
    /// Which certificate, from those listed (usable ones first); `current` is the default's.
    ///
    /// # Errors
    /// The person left, or the flags name none of them.
    fn certificate(&self, usable: &[CertEntry], current: Option<usize>) -> Result<usize>;
    /// Change the PIN now? `factory` says the token still has its factory PIN.
    ///
    /// # Errors
    /// The person left.
    fn change_pin(&self, factory: bool) -> Result<bool>;
    /// Which programs to configure (none: skip the step).
    ///
    /// # Errors
    /// The person left.
    fn programs(&self) -> Result<Vec<SetupProgram>>;
}

/// Where `setup` writes configuration files (export-config's): `dir/<program>`.
pub fn config_dir(ws: &Workspace) -> Option<PathBuf> {
    ws.state_dir().map(|d| d.join("programs"))
}

/// A step's report.
fn ended(step: StepId, status: StepStatus, reason: &str, details: Vec<String>) -> StepReport {
    StepReport {
        step,
        status,
        reason: Some(reason.into()),
        details,
        error: None,
    }
}

/// The journey, step by step; `home` is where the programs' profiles are looked for.
///
/// A step that fails ends the run: the report then ends with it, and the error is returned
/// with the report so far (`Err((report, error))`).
///
/// # Errors
/// The failing step's error, with the report up to it.
pub fn setup(
    ws: &Workspace,
    guide: &dyn Guide,
    ask: &dyn Ask,
    home: &Path,
) -> std::result::Result<SetupReport, Box<(SetupReport, Error)>> {
    let mut report = SetupReport {
        token: None,
        certificate: None,
        steps: Vec::new(),
        programs: Vec::new(),
        uri: None,
        module: None,
        recovery_available: false,
    };
    let remembering = Remembering::new(ask);
    let steps: [(StepId, StepFn); 6] = [
        (StepId::CheckComputer, check_computer),
        (StepId::ChooseToken, choose_token),
        (StepId::ChooseCertificate, choose_certificate),
        (StepId::SetPin, set_pin),
        (StepId::Programs, programs),
        (StepId::CheckSigning, check_signing),
    ];
    for (id, run) in steps {
        guide.step(id);
        let mut ctx = StepCtx {
            ws,
            guide,
            ask: &remembering,
            home,
            report: &mut report,
        };
        match run(&mut ctx) {
            Ok(done) => {
                guide.ended(&done);
                report.steps.push(done);
            }
            Err(e) => {
                let failed = StepReport {
                    step: id,
                    status: StepStatus::Failed,
                    reason: Some(e.kind().to_string()),
                    details: Vec::new(),
                    error: Some(e.document().error),
                };
                guide.ended(&failed);
                report.steps.push(failed);
                return Err(Box::new((report, e)));
            }
        }
    }
    report.recovery_available = ws.config().recovery.is_some()
        && super::recovery::status(ws).is_ok_and(|s| s.recovery.is_empty());
    Ok(report)
}

type StepFn = fn(&mut StepCtx<'_>) -> Result<StepReport>;

struct StepCtx<'a> {
    ws: &'a Workspace,
    guide: &'a dyn Guide,
    ask: &'a Remembering<'a>,
    home: &'a Path,
    report: &'a mut SetupReport,
}

/// Step 1: the doctor's blockers stop the run with their fix; no token is waited for.
fn check_computer(c: &mut StepCtx<'_>) -> Result<StepReport> {
    loop {
        let found = doctor::doctor(c.ws);
        let blockers: Vec<_> = found
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker)
            .collect();
        let no_token = blockers.iter().any(|f| f.id == "no_token");
        if blockers.is_empty() {
            return Ok(ended(
                StepId::CheckComputer,
                StepStatus::Done,
                "ok",
                Vec::new(),
            ));
        }
        if no_token && blockers.len() == 1 && c.guide.may_wait_for_token() {
            // The modules stay started: a token plugged into a reader shows in their slots.
            c.guide.wait()?;
            continue;
        }
        // The first blocker says what stands in the way, as the commands say it.
        return Err(match c.ws.token() {
            Err(e) => e,
            Ok(_) => Error::Setup(crate::error::SetupError::Blocked {
                finding: blockers[0].id.to_string(),
                message: blockers[0].message.clone(),
                words: blockers[0].words.message.clone(),
                fix: blockers[0].fix.clone(),
                fix_words: blockers[0].words.fix.clone(),
            }),
        });
    }
}

/// Step 2: one token is taken as it is; of several, the guide chooses.
fn choose_token(c: &mut StepCtx<'_>) -> Result<StepReport> {
    let (token, reason) = match c.ws.token() {
        Ok(t) => (
            t,
            if c.ws.selector().is_some() {
                "chosen"
            } else {
                "one_token"
            },
        ),
        Err(Error::AmbiguousToken { candidates, .. }) => {
            let i = c.guide.token(&candidates)?;
            let chosen = TokenSelector::parse(&candidates[i].uri)?;
            c.ws.choose_token(chosen);
            (c.ws.token()?, "chosen")
        }
        Err(e) => return Err(e),
    };
    let summary = TokenSummary::of(&token);
    let details = vec![format!("{} (serial {})", summary.label, summary.serial)];
    c.report.token = Some(summary);
    c.report.module = Some(token.module.path().to_path_buf());
    let status = if reason == "one_token" {
        StepStatus::Skipped
    } else {
        StepStatus::Done
    };
    Ok(ended(StepId::ChooseToken, status, reason, details))
}

/// Step 3: the usable certificates (valid, with their key, not a CA's, a key tokenward can
/// use), the current default first; the chosen one becomes the default.
fn choose_certificate(c: &mut StepCtx<'_>) -> Result<StepReport> {
    let list = certs::list(c.ws, false, &CertFilter::default(), c.ask)?;
    let usable: Vec<CertEntry> = list
        .certificates
        .iter()
        .filter(|e| usable(e))
        .cloned()
        .collect();
    if usable.is_empty() {
        return Err(Error::Setup(
            crate::error::SetupError::NoUsableCertificate {
                token: list.token.label.clone(),
                why: why_unusable(&list.certificates),
            },
        ));
    }
    let current = usable.iter().position(|e| e.default);
    let i = if usable.len() == 1 {
        0
    } else {
        c.guide.certificate(&usable, current)?
    };
    let chosen = &usable[i];
    let name = chosen.name().to_string();
    let reason = if Some(i) == current {
        "already_default"
    } else {
        let fingerprint = chosen
            .info
            .as_ref()
            .map(|i| i.fingerprint_sha256.clone())
            .unwrap_or_default();
        certs::select(c.ws, Some(&ObjectSelector::Text(fingerprint)), false, c.ask)?;
        "chosen"
    };
    let mut entry = chosen.clone();
    entry.default = true;
    c.report.certificate = Some(entry);
    Ok(ended(
        StepId::ChooseCertificate,
        StepStatus::Done,
        reason,
        vec![name],
    ))
}

/// Can a person sign with it? Valid, with its private key, not a CA, a key tokenward uses.
fn usable(e: &CertEntry) -> bool {
    e.info.as_ref().is_some_and(|i| {
        i.validity == crate::cert::Validity::Valid && i.key_usable && !i.is_ca && i.can_sign
    }) && e.key.kind != crate::token::certs::MatchKind::None
}

/// Why none of `certs` can be used, as a stable id.
fn why_unusable(certs: &[CertEntry]) -> String {
    let infos: Vec<_> = certs.iter().filter_map(|e| e.info.as_ref()).collect();
    if certs.is_empty() {
        "no_certificate"
    } else if !infos.is_empty() && infos.iter().all(|i| !i.key_usable) {
        "list_only"
    } else if infos
        .iter()
        .all(|i| i.validity != crate::cert::Validity::Valid)
    {
        "expired"
    } else if certs
        .iter()
        .all(|e| e.key.kind == crate::token::certs::MatchKind::None)
    {
        "no_key"
    } else {
        "not_for_signing"
    }
    .into()
}

/// Step 4: the factory PIN is replaced (current PIN, then the new one twice under the rule);
/// one's own PIN is kept unless the person asks.
fn set_pin(c: &mut StepCtx<'_>) -> Result<StepReport> {
    let token = c.ws.token()?;
    let factory = token.retry_state(PinUser::User).to_be_changed;
    if !c.guide.change_pin(factory)? {
        let reason = if factory { "not_asked" } else { "own_pin" };
        return Ok(ended(
            StepId::SetPin,
            StepStatus::Skipped,
            reason,
            Vec::new(),
        ));
    }
    super::pin::change(c.ws, PinUser::User, c.ask, None)?;
    let reason = if factory { "factory_pin" } else { "asked" };
    Ok(ended(StepId::SetPin, StepStatus::Done, reason, Vec::new()))
}

/// Step 5: each chosen program gets the token: NSS profiles registered with modutil, files
/// written for the others, the URI for "another program".
fn programs(c: &mut StepCtx<'_>) -> Result<StepReport> {
    let chosen = c.guide.programs()?;
    if chosen.is_empty() {
        return Ok(ended(
            StepId::Programs,
            StepStatus::Skipped,
            "none_chosen",
            Vec::new(),
        ));
    }
    let token = c.ws.token()?;
    let module = token.module.path().to_path_buf();
    let name = format!("tokenward {}", token.report.label);
    let key = c
        .report
        .certificate
        .as_ref()
        .map(|e| ObjectSelector::Text(e.id.clone()));
    let mut details = Vec::new();
    for program in chosen {
        let done = match program {
            SetupProgram::Firefox | SetupProgram::Chromium => {
                let dbs = if program == SetupProgram::Firefox {
                    nss::mozilla_profiles(c.home)
                } else {
                    vec![nss::shared_db(c.home)]
                };
                if dbs.is_empty() {
                    return Err(Error::Setup(crate::error::SetupError::NoProfile {
                        program: program.to_string(),
                    }));
                }
                let mut already = true;
                for db in &dbs {
                    already &= nss::register(&db.dir, &name, &module)?;
                }
                ProgramDone {
                    program,
                    places: dbs.iter().map(|d| d.dir.display().to_string()).collect(),
                    already,
                    restart: !already,
                }
            }
            SetupProgram::Openssl | SetupProgram::Java | SetupProgram::Ssh => {
                let for_program = match program {
                    SetupProgram::Openssl => Program::Openssl,
                    SetupProgram::Java => Program::Java,
                    _ => Program::Ssh,
                };
                let dir = config_dir(c.ws)
                    .ok_or(Error::NoConfigLocation)?
                    .join(program.name());
                let made = super::keys::export_config(
                    c.ws,
                    for_program,
                    key.as_ref(),
                    Some(&dir),
                    true,
                    c.ask,
                )?;
                c.report.uri = Some(made.uri.clone());
                ProgramDone {
                    program,
                    places: vec![dir.display().to_string()],
                    already: false,
                    restart: false,
                }
            }
            SetupProgram::Other => {
                let made = super::keys::export_config(
                    c.ws,
                    Program::Gnutls,
                    key.as_ref(),
                    None,
                    false,
                    c.ask,
                )?;
                c.report.uri = Some(made.uri.clone());
                ProgramDone {
                    program,
                    places: vec![made.uri, module.display().to_string()],
                    already: false,
                    restart: false,
                }
            }
        };
        details.push(program.to_string());
        c.report.programs.push(done);
    }
    Ok(ended(
        StepId::Programs,
        StepStatus::Done,
        "configured",
        details,
    ))
}

/// Step 6: `check` on the chosen certificate's key.
fn check_signing(c: &mut StepCtx<'_>) -> Result<StepReport> {
    let key = c
        .report
        .certificate
        .as_ref()
        .map(|e| ObjectSelector::Text(e.id.clone()));
    let checked = super::sign::check(c.ws, key.as_ref(), c.ask)?;
    if !checked.ok {
        return Err(Error::Setup(crate::error::SetupError::SigningFailed));
    }
    Ok(ended(
        StepId::CheckSigning,
        StepStatus::Done,
        "ok",
        Vec::new(),
    ))
}

/// An [`Ask`] that asks for the user PIN once per run: after a PIN change the new PIN is the
/// one the next login uses.
struct Remembering<'a> {
    inner: &'a dyn Ask,
    pin: std::cell::RefCell<Option<Pin>>,
}

impl<'a> Remembering<'a> {
    fn new(inner: &'a dyn Ask) -> Self {
        Remembering {
            inner,
            pin: std::cell::RefCell::new(None),
        }
    }
}

impl Ask for Remembering<'_> {
    fn pin(&self, who: PinUser, token: &TokenRef) -> Result<Pin> {
        if who == PinUser::User {
            if let Some(pin) = self.pin.borrow().as_ref() {
                return Ok(pin.clone());
            }
        }
        let pin = self.inner.pin(who, token)?;
        if who == PinUser::User {
            *self.pin.borrow_mut() = Some(pin.clone());
        }
        Ok(pin)
    }

    fn new_pin(
        &self,
        who: PinUser,
        token: &TokenRef,
        rule: &super::pin::NewPinRule,
    ) -> Result<Pin> {
        let pin = self.inner.new_pin(who, token, rule)?;
        if who == PinUser::User {
            *self.pin.borrow_mut() = Some(pin.clone());
        }
        Ok(pin)
    }

    fn file_password(&self, file: &Path) -> Result<Pin> {
        self.inner.file_password(file)
    }

    fn new_password(&self, check: &dyn Fn(&Pin) -> Result<()>) -> Result<Pin> {
        self.inner.new_password(check)
    }

    fn confirm(&self, what: &super::Destruction) -> Result<()> {
        self.inner.confirm(what)
    }

    fn final_try(&self) -> bool {
        self.inner.final_try()
    }

    fn pin_as_typed(&self) -> bool {
        self.inner.pin_as_typed()
    }

    fn on_pin_pad(&self, who: PinUser, token: &TokenRef) {
        self.inner.on_pin_pad(who, token);
    }
}
