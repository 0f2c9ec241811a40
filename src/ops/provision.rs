//! `provision`: many tokens from one manifest. Everything that can be checked is checked
//! before the first token is touched (the manifest, the PIN files, which tokens are there and
//! which may be erased); then each token in turn is initialised (label, SO PIN, user PIN), gets
//! its key and its certificate request. A token that fails says what was done on it, the key
//! made in the failed step is removed again, and the run goes on with the next token. The
//! report, written after every step, lets a re-run skip what is done and finish the rest.

use std::path::{Path, PathBuf};

use cryptoki::object::{Attribute, ObjectClass};
use cryptoki::session::Session;

use super::TokenSummary;
use crate::audit::EventKind;
use crate::cert;
use crate::error::{Error, ProvisionError, Result};
use crate::files::{Access, OutputFile};
use crate::keys::csr::{parse_subject, CsrRequest};
use crate::keys::generate::{self, KeyRequest};
use crate::keys::public::PublicKey;
use crate::pin::{Pin, SecretKind};
use crate::provision::manifest::{fill, Entry, Manifest, PinSpec, Target};
use crate::provision::report::{ProvisionReport, Status, Step, TokenResult};
use crate::provision::sheet::{self, PinSheet, SheetPin};
use crate::provision::{allowed_lengths, generate_pin};
use crate::sign::Signer;
use crate::token::certs::read_keys;
use crate::token::pin::{self as pin_ops, PinUser};
use crate::token::select::present_tokens;
use crate::token::TokenRef;
use crate::warning::Warning;
use crate::Workspace;

/// What `provision` is asked to do.
#[derive(Debug, Clone)]
pub struct ProvisionRequest {
    /// Stop at the first token that fails (else go on with the next).
    pub stop_on_error: bool,
    /// The age identity file that opens earlier runs' PIN sheets (to finish tokens whose
    /// generated PINs only a sheet holds).
    pub identity: Option<PathBuf>,
}

/// What happens during a run, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// Token `number` of `total` is being worked on.
    Started {
        /// The entry's number.
        number: usize,
        /// Entries in the run.
        total: usize,
        /// The token's label.
        label: &'a str,
    },
    /// A token is finished (done, failed, or done earlier).
    Finished(&'a TokenResult),
}

/// The steps `entry` needs.
fn planned(entry: &Entry, manifest: &Manifest) -> Vec<Step> {
    let mut steps = vec![Step::Initialised];
    if entry.key.is_some() {
        steps.push(Step::KeyGenerated);
        if entry.subject.is_some() && manifest.csr_dir.is_some() {
            steps.push(Step::CsrWritten);
        }
    }
    steps
}

/// The tokens plugged in now.
fn present(ws: &Workspace) -> Result<Vec<TokenRef>> {
    present_tokens(ws.modules()?)
}

/// A blank token no entry of this run holds yet.
fn unclaimed_blank(t: &TokenRef, claimed: &[String]) -> bool {
    !t.report.flags.token_initialized && !claimed.contains(&t.report.serial)
}

fn by_serial<'a>(tokens: &'a [TokenRef], serial: &str) -> Option<&'a TokenRef> {
    tokens.iter().find(|t| t.report.serial == serial)
}

/// The report to continue: the earlier run's entry by entry (same number and label), else
/// fresh.
fn starting_report(manifest: &Manifest) -> Result<ProvisionReport> {
    let earlier = ProvisionReport::load(&manifest.report, &manifest.path)?;
    let tokens = manifest
        .entries
        .iter()
        .map(|e| {
            let plan = planned(e, manifest);
            let before = earlier.as_ref().and_then(|r| {
                r.tokens
                    .iter()
                    .find(|t| t.number == e.number && (t.label == e.label || t.serial.is_some()))
            });
            match before {
                Some(t) => {
                    let mut t = t.clone();
                    t.planned = plan;
                    t.error = None;
                    t.problem = None;
                    t.rolled_back.clear();
                    t.status = Status::NotStarted;
                    t
                }
                None => TokenResult::new(e.number, e.line, &e.label, plan),
            }
        })
        .collect();
    Ok(ProvisionReport {
        manifest: manifest.path.clone(),
        report: manifest.report.clone(),
        pin_sheet: None,
        tokens,
    })
}

/// Check the run against the tokens plugged in, before any is touched: every named token is
/// there, a token that is not blank is erased only when its entry says so, generated PIN
/// lengths fit each token, and tokens to finish can be logged in to.
fn check_tokens(
    ws: &Workspace,
    manifest: &Manifest,
    report: &ProvisionReport,
    tokens: &[TokenRef],
    req: &ProvisionRequest,
) -> Result<()> {
    let at = |entry: &Entry, e: Error| Error::InManifest {
        file: manifest.path.clone(),
        line: entry.line,
        cause: Box::new(e),
    };
    let base = ws
        .config()
        .pin_policy()
        .map_err(|reason| Error::ConfigInvalid { reason })?;
    for (entry, result) in manifest.entries.iter().zip(&report.tokens) {
        if result.complete() {
            continue;
        }
        let serial = result
            .serial
            .clone()
            .filter(|_| result.has(Step::Initialised))
            .or(match &entry.target {
                Target::Serial(s) => Some(s.clone()),
                Target::Blank => None,
            });
        let token = match &serial {
            Some(s) => Some(by_serial(tokens, s).ok_or_else(|| {
                at(
                    entry,
                    ProvisionError::TokenAbsent { serial: s.clone() }.into(),
                )
            })?),
            None => None,
        };
        if let Some(t) = token {
            if t.report.flags.token_initialized
                && !entry.reinitialise
                && !result.has(Step::Initialised)
            {
                return Err(at(
                    entry,
                    ProvisionError::NotBlank {
                        serial: t.report.serial.clone(),
                        label: t.report.label.clone(),
                    }
                    .into(),
                ));
            }
        }
        let policy = match token {
            Some(t) => ws.policy_for(t)?,
            None => base,
        };
        let (tmin, tmax) = token.map_or((0, 0), |t| {
            (t.report.min_pin_length, t.report.max_pin_length)
        });
        for (spec, field) in [(&entry.so_pin, "so_pin"), (&entry.user_pin, "user_pin")] {
            if let PinSpec::Generate(n) = spec {
                let (min, max) = allowed_lengths(&policy, tmin, tmax);
                if *n < min || *n > max {
                    return Err(at(
                        entry,
                        ProvisionError::GeneratedLength {
                            field,
                            length: *n,
                            min,
                            max,
                        }
                        .into(),
                    ));
                }
            }
        }
        // Initialised (or maybe, when a run was killed during it) and not finished.
        let needs_login =
            (result.has(Step::Initialised) || result.pin_sheet.is_some()) && !result.complete();
        if needs_login && matches!(entry.user_pin, PinSpec::Generate(_)) && req.identity.is_none() {
            return Err(at(
                entry,
                ProvisionError::PinsInSheet {
                    sheet: result.pin_sheet.clone().unwrap_or_default(),
                }
                .into(),
            ));
        }
    }
    Ok(())
}

/// The state a run carries from token to token: the report, the PIN sheet, the serials taken.
struct Batch<'m> {
    manifest: &'m Manifest,
    report: ProvisionReport,
    sheet: Option<PinSheet>,
    claimed: Vec<String>,
    identity: Option<PathBuf>,
}

impl<'m> Batch<'m> {
    fn new(
        manifest: &'m Manifest,
        report: ProvisionReport,
        req: &ProvisionRequest,
    ) -> Result<Self> {
        let sheet = manifest
            .pin_sheet
            .as_ref()
            .map(|spec| PinSheet::open(spec, &manifest.path))
            .transpose()?;
        let claimed = report
            .tokens
            .iter()
            .filter_map(|t| t.serial.clone())
            .filter(|s| !s.is_empty())
            .collect();
        Ok(Batch {
            manifest,
            report,
            sheet,
            claimed,
            identity: req.identity.clone(),
        })
    }

    /// Provision the token of `entry` (report line `index`); the failure is recorded too.
    fn run_one(&mut self, ws: &Workspace, entry: &Entry, index: usize) -> Result<()> {
        let mut run = TokenRun {
            ws,
            manifest: self.manifest,
            entry,
            report: &mut self.report,
            index,
            sheet: self.sheet.as_mut(),
            identity: self.identity.as_deref(),
            user_pin: None,
        };
        let outcome = run.provision(&mut self.claimed);
        match &outcome {
            Ok(()) => self.report.tokens[index].status = Status::Done,
            Err(e) => self.report.tokens[index].failed(e),
        }
        self.report.save()?;
        outcome
    }

    fn finish(mut self, ws: &Workspace) -> Result<ProvisionReport> {
        if let Some(sheet) = self
            .sheet
            .as_ref()
            .filter(|s| !s.encrypted() && s.path().exists())
        {
            ws.warn(Warning::PlainPinSheet {
                path: sheet.path().display().to_string(),
            });
        }
        if self.manifest.user_pin_must_change
            && self
                .report
                .tokens
                .iter()
                .any(|t| t.user_pin_must_change == Some(false))
        {
            ws.warn(Warning::PinMustChangeUnsupported);
        }
        self.report.pin_sheet = self
            .sheet
            .as_ref()
            .map(|s| s.path().to_path_buf())
            .filter(|p| p.exists());
        self.report.save()?;
        Ok(self.report)
    }
}

/// `provision MANIFEST`: provision every token of `manifest` (see the module's words).
/// `progress` hears of each token as it starts and ends; once `stop` says so (Ctrl-C), the
/// token being worked on is finished and the rest are left "not started".
///
/// # Errors
/// Before any token is touched: a named token that is absent or not blank without
/// `reinitialise`, a generated PIN length a token cannot take, a token to finish whose PINs
/// are only in a PIN sheet (without `identity`), an unreadable report. Tokens that fail are
/// not errors: the report says which failed and how far each got.
pub fn provision(
    ws: &Workspace,
    manifest: &Manifest,
    req: &ProvisionRequest,
    progress: &dyn Fn(Progress<'_>),
    stop: &dyn Fn() -> bool,
) -> Result<ProvisionReport> {
    let report = starting_report(manifest)?;
    let tokens = present(ws)?;
    check_tokens(ws, manifest, &report, &tokens, req)?;
    let mut batch = Batch::new(manifest, report, req)?;
    let total = manifest.entries.len();
    for (i, entry) in manifest.entries.iter().enumerate() {
        if stop() {
            break;
        }
        if batch.report.tokens[i].complete() {
            batch.report.tokens[i].status = Status::AlreadyDone;
            progress(Progress::Finished(&batch.report.tokens[i]));
            continue;
        }
        progress(Progress::Started {
            number: entry.number,
            total,
            label: &entry.label,
        });
        let failed = batch.run_one(ws, entry, i).is_err();
        progress(Progress::Finished(&batch.report.tokens[i]));
        if failed && req.stop_on_error {
            break;
        }
    }
    batch.finish(ws)
}

/// What a station run tells its caller.
#[derive(Debug, Clone, Copy)]
pub enum StationEvent<'a> {
    /// No token to work on is plugged in; waiting (said once per wait).
    Waiting {
        /// Tokens still to do.
        left: usize,
    },
    /// A token is being worked on.
    Started {
        /// Its label.
        label: &'a str,
    },
    /// A token is finished (done or failed).
    Finished {
        /// Its result.
        result: &'a TokenResult,
        /// Tokens still to do.
        left: usize,
    },
}

/// `provision --station MANIFEST`: wait for tokens to be plugged in and provision each as it
/// comes: a token named by a pending entry's serial gets that entry, a blank token the next
/// pending `blank = true` entry, then (up to `count`) entries made from the defaults. Ends
/// after the manifest's tokens (or `count` tokens), or when `stop` says so; the modules are
/// started afresh while waiting, so tokens plugged in meanwhile are seen.
///
/// # Errors
/// Nothing to do (no entries and no count); an unreadable report; a module that stops
/// loading. Tokens that fail are in the report.
pub fn station(
    ws: &Workspace,
    manifest: &Manifest,
    req: &ProvisionRequest,
    count: Option<usize>,
    events: &dyn Fn(StationEvent<'_>),
    stop: &dyn Fn() -> bool,
) -> Result<ProvisionReport> {
    let mut entries = manifest.entries.clone();
    let report = starting_report(manifest)?;
    let pending = report.tokens.iter().filter(|t| !t.complete()).count();
    let limit = count.unwrap_or(pending);
    if limit == 0 {
        return Err(ProvisionError::NoTokensListed.into());
    }
    // Tokens past the manifest's entries get entries made from the defaults: check them now.
    let extra = count.is_some_and(|c| c > manifest.entries.len());
    if extra {
        manifest.station_entry(manifest.entries.len() + 1)?;
    }
    let mut batch = Batch::new(manifest, report, req)?;
    let mut handled: Vec<usize> = Vec::new();
    let mut waiting = false;
    while handled.len() < limit && !stop() {
        let tokens = present(ws)?;
        match next_entry(&mut entries, &mut batch, &handled, &tokens, manifest, extra)? {
            Some(i) => {
                waiting = false;
                events(StationEvent::Started {
                    label: &entries[i].label,
                });
                let _ = batch.run_one(ws, &entries[i], i);
                handled.push(i);
                events(StationEvent::Finished {
                    result: &batch.report.tokens[i],
                    left: limit - handled.len(),
                });
                if batch.report.tokens[i].status == Status::Failed && req.stop_on_error {
                    break;
                }
            }
            None => {
                if !waiting {
                    events(StationEvent::Waiting {
                        left: limit - handled.len(),
                    });
                    waiting = true;
                }
                for _ in 0..10 {
                    if stop() {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                // Start the modules again: some see a token plugged in only then.
                for module in ws.modules()? {
                    module.restart()?;
                }
            }
        }
    }
    batch.finish(ws)
}

/// The entry for a token plugged in now, if any: a pending entry naming a present serial,
/// else a blank token for the next pending blank entry (made from the defaults past the
/// manifest's entries when `extra`).
fn next_entry(
    entries: &mut Vec<Entry>,
    batch: &mut Batch<'_>,
    handled: &[usize],
    tokens: &[TokenRef],
    manifest: &Manifest,
    extra: bool,
) -> Result<Option<usize>> {
    let open =
        |i: usize, batch: &Batch<'_>| !handled.contains(&i) && !batch.report.tokens[i].complete();
    for (i, e) in entries.iter().enumerate() {
        if let Target::Serial(s) = &e.target {
            if open(i, batch) && by_serial(tokens, s).is_some() {
                return Ok(Some(i));
            }
        }
    }
    let blank = tokens.iter().any(|t| unclaimed_blank(t, &batch.claimed));
    if !blank {
        return Ok(None);
    }
    if let Some(i) =
        (0..entries.len()).find(|&i| entries[i].target == Target::Blank && open(i, batch))
    {
        return Ok(Some(i));
    }
    if extra {
        let entry = manifest.station_entry(entries.len() + 1)?;
        batch.report.tokens.push(TokenResult::new(
            entry.number,
            entry.line,
            &entry.label,
            planned(&entry, manifest),
        ));
        entries.push(entry);
        return Ok(Some(entries.len() - 1));
    }
    Ok(None)
}

/// One token's provisioning.
struct TokenRun<'a, 'r> {
    ws: &'a Workspace,
    manifest: &'a Manifest,
    entry: &'a Entry,
    report: &'r mut ProvisionReport,
    index: usize,
    sheet: Option<&'r mut PinSheet>,
    identity: Option<&'a Path>,
    /// The user PIN set in this run, once set.
    user_pin: Option<Pin>,
}

impl TokenRun<'_, '_> {
    fn result(&mut self) -> &mut TokenResult {
        &mut self.report.tokens[self.index]
    }

    /// Record `step` and save the report.
    fn done(&mut self, step: Step) -> Result<()> {
        self.result().done(step);
        self.report.save()
    }

    fn provision(&mut self, claimed: &mut Vec<String>) -> Result<()> {
        let mut token = self.find_token(claimed)?;
        if !self.report.tokens[self.index].has(Step::Initialised) {
            token = self.initialise(&token)?;
            claimed.push(token.report.serial.clone());
        }
        if self.entry.key.is_some() && !self.report.tokens[self.index].complete() {
            self.key_and_request(&mut token)?;
        }
        Ok(())
    }

    /// The entry's token: the one an earlier run initialised, the named one, or the next
    /// blank one nobody claimed.
    fn find_token(&mut self, claimed: &[String]) -> Result<TokenRef> {
        let tokens = present(self.ws)?;
        if let Some(t) = self.initialised_before_a_crash(&tokens, claimed) {
            self.result().serial = Some(t.report.serial.clone());
            self.done(Step::Initialised)?;
            return Ok(t);
        }
        let result = &self.report.tokens[self.index];
        if let Some(serial) = result
            .serial
            .as_ref()
            .filter(|_| result.has(Step::Initialised))
        {
            return by_serial(&tokens, serial).cloned().ok_or_else(|| {
                ProvisionError::TokenAbsent {
                    serial: serial.clone(),
                }
                .into()
            });
        }
        match &self.entry.target {
            Target::Serial(s) => by_serial(&tokens, s)
                .cloned()
                .ok_or_else(|| ProvisionError::TokenAbsent { serial: s.clone() }.into()),
            Target::Blank => tokens
                .into_iter()
                .find(|t| unclaimed_blank(t, claimed))
                .ok_or_else(|| ProvisionError::NoBlankToken.into()),
        }
    }

    /// The token an earlier run was initialising when it stopped (killed after C_InitToken,
    /// before the report said so): by its serial, or, for a token that had none while blank,
    /// by the label it was given, among the tokens no other entry holds.
    fn initialised_before_a_crash(
        &self,
        tokens: &[TokenRef],
        claimed: &[String],
    ) -> Option<TokenRef> {
        let result = &self.report.tokens[self.index];
        if result.has(Step::Initialised) {
            return None;
        }
        let serial = result.serial.as_ref()?;
        let done =
            |t: &&TokenRef| t.report.flags.token_initialized && t.report.label == result.label;
        if !serial.is_empty() {
            return by_serial(tokens, serial).filter(done).cloned();
        }
        let mut found = tokens
            .iter()
            .filter(done)
            .filter(|t| !claimed.contains(&t.report.serial));
        match (found.next(), found.next()) {
            (Some(t), None) => Some(t.clone()),
            _ => None,
        }
    }

    /// A new PIN for `who`: given in the manifest (and checked against the policy), or
    /// generated for this token.
    fn new_pin(&self, token: &TokenRef, who: PinUser) -> Result<Pin> {
        let (spec, field, kind) = match who {
            PinUser::So => (&self.entry.so_pin, "so_pin", SecretKind::SoPin),
            PinUser::User => (&self.entry.user_pin, "user_pin", SecretKind::NewPin),
        };
        if let Some(pin) = Manifest::given_pin(spec, kind)? {
            super::pin::new_pin_check(self.ws, token, who)?.check(&pin)?;
            return Ok(pin);
        }
        let PinSpec::Generate(n) = spec else {
            unreachable!("a PIN is given or generated")
        };
        let policy = self.ws.policy_for(token)?;
        generate_pin(
            field,
            *n,
            &policy,
            token.report.min_pin_length,
            token.report.max_pin_length,
        )
    }

    /// Label, SO PIN and user PIN; the generated PINs go to the sheet first.
    fn initialise(&mut self, token: &TokenRef) -> Result<TokenRef> {
        if token.report.flags.token_initialized && !self.entry.reinitialise {
            return Err(ProvisionError::NotBlank {
                serial: token.report.serial.clone(),
                label: token.report.label.clone(),
            }
            .into());
        }
        let serial = token.report.serial.clone();
        let label = fill(&self.entry.label, self.entry.number, &serial, "")?;
        pin_ops::check_label(&label)?;
        let so = self.new_pin(token, PinUser::So)?;
        let user = self.new_pin(token, PinUser::User)?;
        let current = match (
            &self.entry.current_so_pin,
            token.report.flags.token_initialized,
        ) {
            (Some(spec), true) => Manifest::given_pin(spec, SecretKind::SoPin)?,
            _ => None,
        };
        let generated = |spec: &PinSpec, pin| match spec {
            PinSpec::Generate(_) => SheetPin::Generated(pin),
            _ => SheetPin::Given,
        };
        let line = match self.sheet.as_deref_mut() {
            Some(sheet) => {
                let so_pin = generated(&self.entry.so_pin, &so);
                let user_pin = generated(&self.entry.user_pin, &user);
                let written = matches!(so_pin, SheetPin::Generated(_))
                    || matches!(user_pin, SheetPin::Generated(_));
                let line = sheet.add(&serial, &label, so_pin, user_pin)?;
                written.then(|| (line, sheet.path().to_path_buf()))
            }
            None => None,
        };
        self.result().label = label.clone();
        self.result().serial = Some(serial);
        if let Some((_, path)) = &line {
            self.result().pin_sheet = Some(path.clone());
        }
        self.report.save()?;
        let fresh = self.ws.audited(
            EventKind::TokenInitialized,
            token,
            || match &current {
                // Re-initialising takes the current SO PIN; the new one is set afterwards.
                Some(old) => {
                    let mut fresh = pin_ops::init_token(token, old, &label, &user)?;
                    pin_ops::change_pin(&mut fresh, PinUser::So, old, &so, false)?;
                    Ok(fresh)
                }
                None => pin_ops::init_token(token, &so, &label, &user),
            },
            |_| format!("provisioned from {}", self.manifest.path.display()),
        )?;
        if let (Some((line, _)), Some(sheet)) = (&line, self.sheet.as_deref_mut()) {
            sheet.set_serial(*line, &fresh.report.serial)?;
        }
        self.result().serial = Some(fresh.report.serial.clone());
        if self.manifest.user_pin_must_change {
            // PKCS#11 has no call that marks a PIN to be changed; no module we know offers
            // one of its own through the standard interface.
            self.result().user_pin_must_change = Some(false);
        }
        self.user_pin = Some(user);
        self.done(Step::Initialised)?;
        Ok(fresh)
    }

    /// The user PIN: from this run, else the manifest or an earlier run's sheet.
    fn user_pin(&self, token: &TokenRef) -> Result<Pin> {
        match &self.user_pin {
            Some(p) => Ok(p.clone()),
            None => earlier_user_pin(
                self.entry,
                &self.report.tokens[self.index],
                self.identity,
                token,
            ),
        }
    }

    /// The key pair and its certificate request; a key made here is removed again when the
    /// request fails.
    fn key_and_request(&mut self, token: &mut TokenRef) -> Result<()> {
        let spec = self.entry.key.expect("a key is planned");
        let pin = self.user_pin(token)?;
        let session = token.open_rw()?;
        pin_ops::login(token, &session, PinUser::User, &pin, false)?;
        let mut made_here = false;
        let id = match &self.report.tokens[self.index].key_id {
            Some(id) if self.report.tokens[self.index].has(Step::KeyGenerated) => {
                hex::decode(id).unwrap_or_default()
            }
            _ => {
                let req = KeyRequest {
                    spec,
                    label: self.entry.key_label.clone(),
                    id: None,
                    extractable: false,
                };
                let made = self.ws.audited(
                    EventKind::KeyGenerated,
                    token,
                    || generate::generate(token, &session, &req),
                    |m| format!("{spec} \"{}\" id {}", req.label, hex::encode(&m.id)),
                )?;
                self.result().key_id = Some(hex::encode(&made.id));
                self.done(Step::KeyGenerated)?;
                made_here = true;
                made.id
            }
        };
        if self.report.tokens[self.index].has(Step::CsrWritten)
            || !self.report.tokens[self.index]
                .planned
                .contains(&Step::CsrWritten)
        {
            return Ok(());
        }
        match self.request(token, session, &id, &pin) {
            Ok(path) => {
                self.result().csr = Some(path);
                self.done(Step::CsrWritten)
            }
            Err(e) => {
                // Only a key made in this run is removed; one from an earlier run stays.
                if made_here && remove_pair(token, &pin, &id).is_ok() {
                    let result = self.result();
                    result.steps.retain(|s| *s != Step::KeyGenerated);
                    result.key_id = None;
                    result.rolled_back.push("key_pair".into());
                }
                Err(e)
            }
        }
    }

    /// Write the certificate request for the key `id`, signed on the token.
    fn request(&self, token: &TokenRef, session: Session, id: &[u8], pin: &Pin) -> Result<PathBuf> {
        let subject = self.entry.subject.as_deref().expect("a request is planned");
        let subject = fill(
            subject,
            self.entry.number,
            &token.report.serial,
            &token.report.label,
        )?;
        let request = CsrRequest {
            subject: parse_subject(&subject)?,
            key_usage: vec!["digital_signature".into(), "non_repudiation".into()],
            ..CsrRequest::default()
        };
        let dir = self
            .manifest
            .csr_dir
            .as_ref()
            .expect("a request is planned");
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "write",
            path: dir.clone(),
            source,
        })?;
        let out = OutputFile::new(
            &dir.join(format!("{}.csr", token.report.serial)),
            true,
            Access::Public,
        )?;
        let keys = read_keys(&session, &token.report)?;
        let key = keys
            .iter()
            .find(|k| k.private && k.id == id)
            .ok_or(crate::error::Internal::NewKeyInvisible)?;
        let public = PublicKey::of(key, &keys)?;
        // With the PIN, the signer logs in again if the token was reset meanwhile.
        let signer = Signer::with_public(token, session, key, public, Some(pin.clone()))?;
        let der = request
            .sign(&signer)
            .map_err(|e| signer.take_error().unwrap_or(e))?;
        out.write(cert::pem("CERTIFICATE REQUEST", &der).as_bytes())?;
        Ok(out.path().to_path_buf())
    }
}

/// The user PIN of a token an earlier run (or step) set: given in the manifest, or generated
/// and read back from that run's PIN sheet with the age `identity`.
///
/// # Errors
/// [`ProvisionError::PinsInSheet`] without an identity or when the sheet has no line for the
/// token; a sheet that does not open.
fn earlier_user_pin(
    entry: &Entry,
    result: &TokenResult,
    identity: Option<&Path>,
    token: &TokenRef,
) -> Result<Pin> {
    if let Some(p) = Manifest::given_pin(&entry.user_pin, SecretKind::UserPin)? {
        return Ok(p);
    }
    let sheet_path = result.pin_sheet.clone().unwrap_or_default();
    let missing = || ProvisionError::PinsInSheet {
        sheet: sheet_path.clone(),
    };
    let identity = identity.ok_or_else(missing)?;
    sheet::read_entry(
        &sheet_path,
        identity,
        &token.report.serial,
        &token.report.label,
    )?
    .and_then(|e| e.user_pin)
    .ok_or_else(|| missing().into())
}

/// Remove the key pair `id` made in a failed step, found again by its CKA_ID in a new session
/// (the failed one's handles may be gone with it).
fn remove_pair(token: &mut TokenRef, pin: &Pin, id: &[u8]) -> Result<()> {
    let session = token.open_rw()?;
    pin_ops::login(token, &session, PinUser::User, pin, false)?;
    for class in [ObjectClass::PRIVATE_KEY, ObjectClass::PUBLIC_KEY] {
        let template = [Attribute::Class(class), Attribute::Id(id.to_vec())];
        for h in crate::trace::pkcs11("C_FindObjects", None, || session.find_objects(&template))? {
            crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(h))?;
        }
    }
    Ok(())
}

/// The result of `provision --certs DIR`.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct CertsPlaced {
    /// Each certificate file and where it went.
    pub certificates: Vec<CertPlaced>,
}

/// One certificate file of `--certs`.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct CertPlaced {
    /// The file.
    pub file: PathBuf,
    /// The token its key is on (`null`: none of the manifest's).
    pub token: Option<TokenSummary>,
    /// `imported`, `already_present` or `no_token`.
    pub status: String,
}

/// `provision MANIFEST --certs DIR`: put each issued certificate in `dir` on the manifest's
/// token that holds its key (matched by public key), and record it in the report.
///
/// # Errors
/// The folder or a certificate cannot be read (checked before any token is touched); the
/// report; a token's write.
pub fn import_certs(
    ws: &Workspace,
    manifest: &Manifest,
    dir: &Path,
    req: &ProvisionRequest,
) -> Result<CertsPlaced> {
    let mut report = starting_report(manifest)?;
    let read_dir = std::fs::read_dir(dir).map_err(|source| Error::Io {
        action: "read",
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = read_dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let parsed = files
        .iter()
        .map(|f| super::certs::CertFile::read(f))
        .collect::<Result<Vec<_>>>()?;
    let tokens = present(ws)?;
    let mut placed = Vec::new();
    for file in &parsed {
        let mut status = "no_token".to_string();
        let mut summary = None;
        for (i, result) in report.tokens.iter().enumerate() {
            let Some(token) = result.serial.as_ref().and_then(|s| by_serial(&tokens, s)) else {
                continue;
            };
            let mut token = token.clone();
            let session = token.open_rw()?;
            let (_, keys) = crate::token::certs::read_certificates(&session, &token.report)?;
            if !file.matches_a_key(&keys) {
                continue;
            }
            let entry = &manifest.entries[i];
            // Public objects need no login on most modules; log in when the PIN is at hand (a
            // PIN file that cannot be read is an error; a sheet that does not open is not).
            let pin = match Manifest::given_pin(&entry.user_pin, SecretKind::UserPin)? {
                Some(p) => Some(p),
                None => earlier_user_pin(entry, result, req.identity.as_deref(), &token).ok(),
            };
            if let Some(pin) = &pin {
                pin_ops::login(&mut token, &session, PinUser::User, pin, false)?;
            }
            let done = ws.audited(
                EventKind::CertImported,
                &token,
                || super::certs::import_on(&token, &session, file, None, false),
                |_| format!("from {}", file.path.display()),
            )?;
            let first = done.certificates.first();
            status = first.map_or("imported", |c| c.status).to_string();
            summary = Some(TokenSummary::of(&token));
            let r = &mut report.tokens[i];
            r.certificate_sha256 = first.map(|c| c.fingerprint_sha256.clone());
            r.done(Step::CertificateImported);
            r.planned.push(Step::CertificateImported);
            report.save()?;
            break;
        }
        placed.push(CertPlaced {
            file: file.path.clone(),
            token: summary,
            status,
        });
    }
    Ok(CertsPlaced {
        certificates: placed,
    })
}
