//! The facade for programs: one [`Workspace`] holds what every operation shares (the
//! configuration, the modules, the token selector, the audit log) and the rules every
//! operation obeys (the guarded login, the write-protect check, the audit events).
//!
//! A program builds a workspace from [`Options`] (the command line does the same from its
//! flags), then calls the operations in [`crate::ops`]; each takes the workspace, a typed
//! request and, where a secret is needed, a closure that supplies it.

use std::cell::{OnceCell, RefCell};
use std::path::{Path, PathBuf};

use cryptoki::session::Session;

use crate::audit::{AuditLog, EventKind, Outcome};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ops::Ask;
use crate::pin::{Pin, PinPolicy, PinSource, SecretKind};
use crate::state::State;
use crate::token::certs::{read_certificates, KeyObject, TokenCert};
use crate::token::find::{certs_of_key, fingerprint_of, select_key, ObjectSelector};
use crate::token::narrow::{read_for, Objects};
use crate::token::pin::{self as pin_ops, PinUser};
use crate::token::{self, Calls, Discovery, Module, ModuleChoice, TokenRef, TokenSelector};
use crate::warning::Warning;

/// What a program (or the command line) asks of a workspace.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The PKCS#11 module to use (else `TOKENWARD_MODULE`, the config, then discovery).
    pub module: Option<PathBuf>,
    /// The token: a PKCS#11 URI, a label or a serial (else the config's).
    pub token: Option<String>,
    /// The configuration file, which must exist (else `TOKENWARD_CONFIG`, which must too, else
    /// the XDG config directory, where it may be absent).
    pub config: Option<PathBuf>,
    /// The audit log (else the config's, else the XDG state directory).
    pub audit_log: Option<PathBuf>,
    /// How the program calls the modules: [`Calls::OneAtATime`] is the promise that it calls
    /// them from one thread at a time (a [`crate::sign::Signer`] shared across threads takes
    /// turns then), which spares the module its locking.
    pub calls: Calls,
}

/// The shared state of every operation. Not `Sync`: one workspace per thread of control
/// (the [`crate::sign::Signer`] is the type to share across threads).
#[derive(Debug)]
pub struct Workspace {
    options: Options,
    selector: Option<TokenSelector>,
    discovery: Discovery,
    config_path: Option<PathBuf>,
    config: Config,
    state_path: Option<PathBuf>,
    state: State,
    modules: OnceCell<Vec<Module>>,
    /// The token chosen during the run (a guided setup), over `selector`.
    chosen: OnceCell<TokenSelector>,
    warnings: RefCell<Vec<Warning>>,
    on_slow: std::cell::Cell<Option<SlowHook>>,
}

/// Work that can take seconds, for a caller to show (a command line shows a spinner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Slow {
    /// The PKCS#11 modules start (seconds with a reader attached).
    StartingModules,
    /// A key pair is being made on the token (RSA-4096 takes long on a card).
    GeneratingKey(crate::keys::KeySpec),
    /// The password of an exported key file is being stretched (PBKDF2 or scrypt).
    DerivingKey,
}

/// Called when slow work starts; what it returns is dropped when the work is done.
pub type SlowHook = fn(Slow) -> Box<dyn std::any::Any>;

impl Workspace {
    /// Load the configuration and parse the token selector (`options.token`, else the
    /// config's). Nothing is loaded from PKCS#11 yet.
    ///
    /// # Errors
    /// An unreadable or invalid configuration file; a token selector that does not parse.
    pub fn open(options: Options) -> Result<Self> {
        // A file the person named must exist; the default location may be absent.
        let named = Config::named(options.config.as_deref());
        let config_path = named.clone().or_else(Config::default_path);
        let config = match (&named, &config_path) {
            (Some(p), _) => Config::load_named(p)?,
            (None, Some(p)) => Config::load(p)?,
            (None, None) => Config::default(),
        };
        let state_path = State::path();
        let state = match &state_path {
            Some(p) => State::load(p)?,
            None => State::default(),
        };
        // --token, else the person's own choice, else the administrator's default.
        let selector = options
            .token
            .as_deref()
            .or(state.token.as_deref())
            .or(config.token.as_deref())
            .map(TokenSelector::parse)
            .transpose()?;
        let mut warnings = Vec::new();
        if let Some(TokenSelector::Uri(uri)) = &selector {
            warnings.extend(uri.warnings().iter().map(Warning::from));
        }
        Ok(Workspace {
            options,
            selector,
            discovery: Discovery::system(),
            config_path,
            config,
            state_path,
            state,
            modules: OnceCell::new(),
            chosen: OnceCell::new(),
            warnings: RefCell::new(warnings),
            on_slow: std::cell::Cell::new(None),
        })
    }

    /// Call `hook` whenever slow work starts (see [`SlowHook`]).
    pub fn on_slow_work(&self, hook: SlowHook) {
        self.on_slow.set(Some(hook));
    }

    /// Tell the caller that `what` starts; it is over when the result is dropped.
    pub fn slow(&self, what: Slow) -> Option<Box<dyn std::any::Any>> {
        self.on_slow.get().map(|hook| hook(what))
    }

    /// The options the workspace was opened with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Warnings gathered since the last call (a URI with a PIN in it, an audit log that could
    /// not be written), for the caller to show.
    pub fn take_warnings(&self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings.borrow_mut())
    }

    /// Take back the warnings that no longer hold (the factory PIN, once changed).
    pub fn withdraw(&self, gone: impl Fn(&Warning) -> bool) {
        self.warnings.borrow_mut().retain(|w| !gone(w));
    }

    /// Add a warning for the caller to show.
    pub fn warn(&self, warning: Warning) {
        self.warnings.borrow_mut().push(warning);
    }

    /// Use `selector` for the token from now on (the token a guided setup chose); once.
    pub fn choose_token(&self, selector: TokenSelector) {
        let _ = self.chosen.set(selector);
    }

    /// The folder of the configuration file, where tokenward keeps what it writes for other
    /// programs; `None` when no configuration location is known.
    pub fn state_dir(&self) -> Option<PathBuf> {
        self.config_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// The token selector, if one was given (or configured).
    pub fn selector(&self) -> Option<&TokenSelector> {
        self.chosen.get().or(self.selector.as_ref())
    }

    /// Where discovery looks.
    pub fn discovery(&self) -> &Discovery {
        &self.discovery
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The default token's selector text: the person's choice (`tokens select`, in the state
    /// file), else the administrator's (the configuration).
    pub fn default_token(&self) -> Option<&str> {
        self.state.token.as_deref().or(self.config.token.as_deref())
    }

    /// Where the configuration is saved, if a location is known.
    pub fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }

    /// The PIN policy with the config's tightenings.
    ///
    /// # Errors
    /// The configuration's policy section is invalid.
    pub fn policy(&self) -> Result<PinPolicy> {
        self.config
            .pin_policy()
            .map_err(|reason| Error::ConfigInvalid { reason })
    }

    /// The PIN rule for `token`: the profile its model has in the config, else the standard
    /// policy ([`Workspace::policy`]).
    ///
    /// # Errors
    /// An invalid config.
    pub fn policy_for(&self, token: &TokenRef) -> Result<PinPolicy> {
        self.config
            .pin_policy_for(&token.report.model, &token.report.manufacturer)
            .map_err(|reason| Error::ConfigInvalid { reason })
    }

    /// Which modules to use, from the options, a URI's `module-path`, the environment, the
    /// config.
    pub fn module_choice(&self) -> ModuleChoice {
        token::module_choice(
            self.options.module.as_deref(),
            self.selector(),
            self.config.module.clone(),
        )
    }

    /// The loaded modules (loaded once).
    ///
    /// # Errors
    /// No module found, or the one named fails to load.
    pub fn modules(&self) -> Result<&[Module]> {
        if let Some(m) = self.modules.get() {
            return Ok(m);
        }
        let shown = self.slow(Slow::StartingModules);
        let loaded =
            token::load_modules(&self.discovery, &self.module_choice(), self.options.calls);
        drop(shown);
        let loaded = loaded?;
        Ok(self.modules.get_or_init(|| loaded))
    }

    /// The selected (initialised) token.
    ///
    /// # Errors
    /// No module, no token, no match for the selector, or several tokens and no selector.
    pub fn token(&self) -> Result<TokenRef> {
        token::select_token(self.modules()?, self.selector()).map_err(|e| self.of_default(e))
    }

    /// A token not found by a selector the person did not type now (the default) says so.
    fn of_default(&self, e: Error) -> Error {
        let typed = self.options.token.is_some() || self.chosen.get().is_some();
        match e {
            Error::TokenNotFound {
                selector,
                candidates,
                ..
            } if !typed => Error::TokenNotFound {
                selector,
                candidates,
                default: true,
            },
            other => other,
        }
    }

    /// The selected token for a command that uses a key: as [`Workspace::token`], except that
    /// when one card shows as several tokens with one serial (OpenSC's OpenPGP card), the one
    /// that shows the key (`selector`, else any key) before a login is chosen.
    ///
    /// # Errors
    /// As [`Workspace::token`], when no single token of the card shows the key.
    pub fn token_for_key(&self, selector: Option<&ObjectSelector>) -> Result<TokenRef> {
        let err = match self.token() {
            Err(e @ Error::AmbiguousToken { .. }) => e,
            other => return other,
        };
        let Error::AmbiguousToken { candidates, .. } = &err else {
            return Err(err);
        };
        let serial = &candidates[0].serial;
        if candidates.iter().any(|c| &c.serial != serial) {
            return Err(err);
        }
        let shows_key = |t: &TokenRef| -> bool {
            let Ok(session) = t.open_ro() else {
                return false;
            };
            let Ok((certs, keys)) = read_certificates(&session, &t.report) else {
                return false;
            };
            match selector {
                Some(sel) => {
                    keys.iter().any(|k| sel.matches_key(k))
                        || certs.iter().any(|c| sel.matches_cert(c))
                }
                None => !keys.is_empty(),
            }
        };
        let mut holding: Vec<TokenRef> = token::select::present_tokens(self.modules()?)?
            .into_iter()
            .filter(|t| t.report.serial == *serial && t.report.flags.token_initialized)
            .filter(|t| shows_key(t))
            .collect();
        match holding.len() {
            1 => Ok(holding.remove(0)),
            _ => Err(err),
        }
    }

    /// The selected token, blank or not.
    ///
    /// # Errors
    /// As [`Workspace::token`].
    pub fn any_token(&self) -> Result<TokenRef> {
        token::select_any_token(self.modules()?, self.selector()).map_err(|e| self.of_default(e))
    }

    /// The PIN carried by a `--token` URI (`pin-value`, or `pin-source` read now), if any.
    ///
    /// # Errors
    /// The `pin-source` cannot be read.
    pub fn uri_pin(&self) -> Option<Result<Pin>> {
        let Some(TokenSelector::Uri(uri)) = self.selector() else {
            return None;
        };
        if let Some(value) = &uri.pin_value {
            return Some(Ok(value.clone()));
        }
        uri.pin_source
            .as_ref()
            .map(|src| PinSource::from_uri_value(src).read(SecretKind::UserPin))
    }

    /// The default certificate's SHA-256 fingerprint for this token: the person's own choice
    /// (the state file), else the administrator's (the configuration).
    pub fn default_cert(&self, token: &TokenRef) -> Option<&str> {
        self.state.default_cert(&token.report.serial).or_else(|| {
            self.config
                .token(&token.report.serial)
                .and_then(|t| t.default_cert.as_deref())
        })
    }

    /// The certificates and keys to choose from on `token` for `selector`: those it names
    /// exactly (see [`read_for`]), or, when it names nothing, those sharing the default
    /// certificate's CKA_ID, which `certs select` keeps beside its fingerprint (a one-shot
    /// command then reads a few objects, not every object on the token). `chosen` says what a
    /// read would choose (`None`: nothing; else the fingerprint of the certificate chosen, if
    /// any). The default's id is a hint only: what is chosen there must be the certificate
    /// with the default's fingerprint, else everything is read.
    ///
    /// # Errors
    /// The module's errors.
    pub fn objects_for(
        &self,
        session: &Session,
        token: &TokenRef,
        selector: Option<&ObjectSelector>,
        chosen: impl Fn(&[TokenCert], &[KeyObject]) -> Option<Option<String>>,
    ) -> Result<Objects> {
        let default = self.default_cert(token);
        let hint = self.default_hint(token, selector);
        read_for(
            session,
            &token.report,
            selector.or(hint.as_ref()),
            |c, k| match chosen(c, k) {
                Some(fp) => hint.is_none() || (fp.is_some() && fp.as_deref() == default),
                None => false,
            },
        )
    }

    /// Where to look first for the default certificate when `selector` names nothing.
    fn default_hint(
        &self,
        token: &TokenRef,
        selector: Option<&ObjectSelector>,
    ) -> Option<ObjectSelector> {
        if selector.is_some() {
            return None;
        }
        // The hint kept with the default in use: the person's, else the administrator's.
        let serial = &token.report.serial;
        let settings = match self.state.tokens.get(serial) {
            Some(s) if s.default_cert.is_some() => s,
            _ => self.config.token(serial)?,
        };
        settings.default_cert.as_ref()?;
        let id = hex::decode(settings.default_cert_id.as_deref()?)
            .ok()
            .filter(|id| !id.is_empty())?;
        let uri = crate::uri::Pkcs11Uri {
            id: Some(id),
            ..Default::default()
        };
        Some(ObjectSelector::Uri(Box::new(uri)))
    }

    /// Record a choice of the person's (`tokens select`, `certs select`) in the state file,
    /// under a lock; returns where.
    ///
    /// # Errors
    /// No state location is known; the file cannot be read or written.
    pub fn update_state(&self, change: impl FnOnce(&mut State)) -> Result<PathBuf> {
        let path = self.state_path.clone().ok_or(Error::NoConfigLocation)?;
        State::update(&path, change)?;
        Ok(path)
    }

    /// Refuse to change a write-protected token.
    ///
    /// # Errors
    /// [`Error::WriteProtected`].
    pub fn writable(&self, token: &TokenRef) -> Result<()> {
        if token.report.flags.write_protected {
            return Err(Error::WriteProtected);
        }
        Ok(())
    }

    /// Log in as `who`: the locked and final-try guards run before `ask` is asked for the PIN, and a
    /// failure is written to the audit log. Returns the PIN, for a
    /// [`crate::sign::Signer`] that may have to log in again.
    ///
    /// # Errors
    /// [`Error::PinLocked`], [`Error::FinalTry`], [`Error::WrongPin`], the PIN source's error,
    /// or the module's.
    pub fn login(
        &self,
        token: &mut TokenRef,
        session: &Session,
        who: PinUser,
        ask: &dyn Ask,
    ) -> Result<Pin> {
        pin_ops::guard(token, who, ask.final_try())?;
        let (pin, result) = if token.report.flags.protected_authentication_path {
            // A PIN pad: the PIN is typed on the reader and never passes through here.
            ask.on_pin_pad(who, token);
            let result = pin_ops::login_on_pin_pad(token, session, who, ask.final_try());
            (Pin::new(String::new()), result)
        } else {
            let pin = ask.pin(who, token)?;
            // A PIN typed on the wrong keyboard layout is not sent: it would cost a try.
            if let (Some((position, what)), false) =
                (crate::pin::first_non_latin_letter(&pin), ask.pin_as_typed())
            {
                return Err(crate::error::SecretError::NonLatinLogin {
                    secret: match who {
                        PinUser::User => SecretKind::UserPin,
                        PinUser::So => SecretKind::SoPin,
                    },
                    what,
                    position,
                }
                .into());
            }
            let result = pin_ops::login(token, session, who, &pin, ask.final_try());
            (pin, result)
        };
        if let Err(e) = &result {
            self.audit_failure(EventKind::LoginFailed, token, e);
        }
        if result.is_ok() && token.retry_state(who).to_be_changed && who == PinUser::User {
            self.warn(Warning::FactoryPin {
                token: token.report.label.clone(),
            });
        }
        result.map(|()| pin)
    }

    /// The selected token with a session (read-write when `rw`, after the write-protect
    /// check), logged in as the user.
    ///
    /// # Errors
    /// As [`Workspace::token`] and [`Workspace::login`].
    pub fn open_logged_in(&self, rw: bool, ask: &dyn Ask) -> Result<(TokenRef, Session, Pin)> {
        self.log_in_on(self.token()?, rw, ask)
    }

    /// [`Workspace::open_logged_in`] on this token.
    fn log_in_on(
        &self,
        mut token: TokenRef,
        rw: bool,
        ask: &dyn Ask,
    ) -> Result<(TokenRef, Session, Pin)> {
        let session = if rw {
            self.writable(&token)?;
            token.open_rw()?
        } else {
            token.open_ro()?
        };
        let pin = self.login(&mut token, &session, PinUser::User, ask)?;
        Ok((token, session, pin))
    }

    /// The selected token with a read-write session for changing objects on it: logged in as
    /// the SO when the caller gave the SO PIN for it ([`Ask::writes_as_so`]), else as the user.
    ///
    /// # Errors
    /// As [`Workspace::open_logged_in`].
    pub fn open_for_writing(&self, ask: &dyn Ask) -> Result<(TokenRef, Session, PinUser)> {
        if !ask.writes_as_so() {
            let (token, session, _) = self.open_logged_in(true, ask)?;
            return Ok((token, session, PinUser::User));
        }
        let mut token = self.token()?;
        self.writable(&token)?;
        let session = token.open_rw()?;
        self.login(&mut token, &session, PinUser::So, ask)?;
        Ok((token, session, PinUser::So))
    }

    /// Log in and choose the key named by `selector` (default: the default certificate's
    /// key), then run `then` with it.
    ///
    /// # Errors
    /// As [`Workspace::open_logged_in`]; the selector matches no key or several; `then`'s.
    pub fn with_key<T>(
        &self,
        rw: bool,
        selector: Option<&ObjectSelector>,
        ask: &dyn Ask,
        then: impl FnOnce(KeyUse<'_>) -> Result<T>,
    ) -> Result<T> {
        let (token, session, pin) = self.log_in_on(self.token_for_key(selector)?, rw, ask)?;
        let default = self.default_cert(&token);
        let objects = self.objects_for(&session, &token, selector, |c, k| {
            select_key(c, k, selector, default)
                .ok()
                .map(|(_, cert)| fingerprint_of(cert))
        })?;
        let (certs, keys) = (&objects.certs, &objects.keys);
        let (key, cert) = select_key(certs, keys, selector, default)?;
        let claiming = certs_of_key(certs, key);
        if let (Some(chosen), true) = (cert, claiming.len() > 1) {
            self.warn(Warning::SeveralCertificatesClaim {
                count: claiming.len(),
                key: key.label.clone(),
                chosen: chosen.label.clone(),
                id: hex::encode(&chosen.id),
            });
        }
        then(KeyUse {
            token: &token,
            session,
            pin,
            key,
            cert,
            certs,
            keys,
            narrowed: objects.narrowed,
        })
    }

    /// The public key object a selector names without a login (public data needs no PIN):
    /// the one public key object it matches, or the one its certificate is paired with; with
    /// no selector, the default certificate's, else the only public key object. `None` when the
    /// token shows no such object before a login (then the caller logs in).
    ///
    /// # Errors
    /// The token cannot be read.
    pub fn public_key_object(
        &self,
        selector: Option<&ObjectSelector>,
    ) -> Result<Option<(TokenRef, KeyObject, Option<TokenCert>)>> {
        let token = self.token_for_key(selector)?;
        let session = token.open_ro()?;
        let default = self.default_cert(&token);
        let objects = self.objects_for(&session, &token, selector, |c, k| {
            public_pair(c, k, selector, default).map(|(_, cert)| fingerprint_of(cert))
        })?;
        let chosen = public_pair(&objects.certs, &objects.keys, selector, default);
        Ok(chosen
            .map(|(k, c)| (k.clone(), c.cloned()))
            .map(|(k, c)| (token, k, c)))
    }

    /// The audit log, if a location is known.
    pub fn audit_log(&self) -> Option<AuditLog> {
        AuditLog::new(
            self.options
                .audit_log
                .as_deref()
                .or(self.config.audit_log.as_deref()),
        )
    }

    /// Record a security event; a log that cannot be written becomes a warning, not a failure
    /// (the operation has already happened on the token).
    pub fn audit(
        &self,
        event: EventKind,
        token: &TokenRef,
        outcome: Outcome,
        detail: Option<String>,
    ) {
        if let Some(log) = self.audit_log() {
            if let Err(e) = log.record(
                event,
                &token.report.serial,
                &token.report.label,
                outcome,
                detail,
            ) {
                self.warn(Warning::AuditUnwritable { cause: e.into() });
            }
        }
    }

    /// Record a failed event with the error's kind as detail.
    pub fn audit_failure(&self, event: EventKind, token: &TokenRef, err: &Error) {
        self.audit(event, token, Outcome::Failure, Some(err.kind().to_string()));
    }

    /// Run `op` and record its outcome as `event`: the detail of a success comes from
    /// `detail`, a failure records the error's kind.
    ///
    /// # Errors
    /// `op`'s.
    pub fn audited<T>(
        &self,
        event: EventKind,
        token: &TokenRef,
        op: impl FnOnce() -> Result<T>,
        detail: impl FnOnce(&T) -> String,
    ) -> Result<T> {
        self.audited_with(event, token, op, detail, |e| e.kind().to_string())
    }

    /// As [`Workspace::audited`], with the detail of a failure from `failure`.
    ///
    /// # Errors
    /// `op`'s.
    pub fn audited_with<T>(
        &self,
        event: EventKind,
        token: &TokenRef,
        op: impl FnOnce() -> Result<T>,
        detail: impl FnOnce(&T) -> String,
        failure: impl FnOnce(&Error) -> String,
    ) -> Result<T> {
        match op() {
            Ok(v) => {
                self.audit(event, token, Outcome::Success, Some(detail(&v)));
                Ok(v)
            }
            Err(e) => {
                self.audit(event, token, Outcome::Failure, Some(failure(&e)));
                Err(e)
            }
        }
    }
}

/// A chosen key with everything around it: the token, a logged-in session, the PIN that
/// logged it in, and the certificates and keys on the token.
pub struct KeyUse<'a> {
    /// The token.
    pub token: &'a TokenRef,
    /// A session, logged in as the user.
    pub session: Session,
    /// The PIN that logged it in.
    pub pin: Pin,
    /// The private key chosen.
    pub key: &'a KeyObject,
    /// Its certificate, when one is on the token.
    pub cert: Option<&'a TokenCert>,
    /// Every certificate on the token (only those the selector names, when
    /// `objects.narrowed`: use [`KeyUse::chain`] for issuers).
    pub certs: &'a [TokenCert],
    /// Every key on the token (only those the selector names, when `objects.narrowed`).
    pub keys: &'a [KeyObject],
    /// Only the objects the selector names were read (issuers are then looked up).
    pub narrowed: bool,
}

impl KeyUse<'_> {
    /// The issuers of `leaf` on the token, nearest first (for a CMS signature's chain).
    ///
    /// # Errors
    /// The module's errors.
    pub fn chain(&self, leaf: &TokenCert) -> Result<Vec<TokenCert>> {
        crate::token::narrow::chain_of(
            &self.session,
            &self.token.report,
            leaf,
            self.certs,
            self.keys,
            self.narrowed,
        )
    }
}

impl std::fmt::Debug for KeyUse<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyUse")
            .field("token", &self.token.report.serial)
            .field("key", &self.key.label)
            .finish_non_exhaustive()
    }
}

/// The public key object (and its certificate) a selector names without a login: the one
/// public key object it matches, or the one its certificate is paired with; with no selector,
/// the default certificate's (`default`: a fingerprint prefix), else the only public key object.
fn public_pair<'a>(
    certs: &'a [TokenCert],
    keys: &'a [KeyObject],
    selector: Option<&ObjectSelector>,
    default: Option<&str>,
) -> Option<(&'a KeyObject, Option<&'a TokenCert>)> {
    let public: Vec<&KeyObject> = keys.iter().filter(|k| !k.private).collect();
    // Without a login the certificates are paired with public key objects: the same
    // CKA_ID and the same public key.
    let same = |c: &TokenCert, k: &KeyObject| {
        c.id == k.id
            && c.info
                .as_ref()
                .is_ok_and(|i| k.same_public_key(&i.public_key))
    };
    let paired = |c: &TokenCert| public.iter().find(|k| same(c, k)).copied();
    let cert_of = |k: &KeyObject| certs.iter().find(|c| same(c, k));
    let chosen: Option<(&KeyObject, Option<&TokenCert>)> = match selector {
        Some(sel) => {
            let keys: Vec<&KeyObject> = sel.best_keys(public.iter().copied());
            let named: Vec<&TokenCert> = sel.best_certs(certs);
            match (keys.as_slice(), named.as_slice()) {
                ([k], _) => Some((*k, cert_of(k))),
                ([], [c]) => paired(c).map(|k| (k, Some(*c))),
                _ => None,
            }
        }
        None => match default {
            Some(fp) => certs
                .iter()
                .find(|c| {
                    c.info
                        .as_ref()
                        .is_ok_and(|i| i.fingerprint_sha256.starts_with(fp))
                })
                .and_then(|c| paired(c).map(|k| (k, Some(c)))),
            None => match public.as_slice() {
                [one] => Some((*one, cert_of(one))),
                _ => None,
            },
        },
    };
    chosen
}
