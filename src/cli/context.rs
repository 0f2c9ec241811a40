//! Resolving what the user typed into what the command works on: the configuration, the
//! modules, the token, the PINs and the audit log. Everything that touches the outside world
//! after parsing starts here.

use std::cell::OnceCell;
use std::path::PathBuf;

use cryptoki::session::Session;

use super::{GlobalArgs, NewPinArgs, SoPinArgs};
use crate::audit::{AuditLog, EventKind, Outcome};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::pin::{Pin, PinPolicy, PinSource, SecretKind};
use crate::token::pin::{self as pin_ops, PinUser};
use crate::token::{self, Discovery, Module, ModuleChoice, TokenRef, TokenSelector};

/// How many times a prompt asks for a new secret before giving up.
const NEW_SECRET_TRIES: usize = 3;

/// The resolved global options.
#[derive(Debug)]
pub struct Context {
    /// The options as typed.
    pub args: GlobalArgs,
    selector: Option<TokenSelector>,
    discovery: Discovery,
    config_path: Option<PathBuf>,
    config: Config,
    modules: OnceCell<Vec<Module>>,
}

impl Context {
    /// Load the configuration and parse the token selector (`--token`, else the config's).
    pub fn new(args: GlobalArgs) -> Result<Self> {
        let config_path = Config::path(args.config.as_deref());
        let config = match &config_path {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        let selector = args
            .token
            .as_deref()
            .or(config.token.as_deref())
            .map(TokenSelector::parse)
            .transpose()?;
        if let Some(TokenSelector::Uri(uri)) = &selector {
            for warning in uri.warnings() {
                eprintln!("tokenward: warning: {warning}");
            }
        }
        Ok(Context {
            args,
            selector,
            discovery: Discovery::system(),
            config_path,
            config,
            modules: OnceCell::new(),
        })
    }

    /// Is JSON output asked for?
    pub fn json(&self) -> bool {
        self.args.json
    }

    /// The token selector, if one was given (or configured).
    pub fn selector(&self) -> Option<&TokenSelector> {
        self.selector.as_ref()
    }

    /// Where discovery looks.
    pub fn discovery(&self) -> &Discovery {
        &self.discovery
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Change the configuration and save it.
    pub fn update_config(&self, change: impl FnOnce(&mut Config)) -> Result<PathBuf> {
        let path = self.config_path.clone().ok_or_else(|| {
            Error::Usage("no configuration directory is known; give --config FILE".into())
        })?;
        let mut config = Config::load(&path)?;
        change(&mut config);
        config.save(&path)?;
        Ok(path)
    }

    /// The PIN policy with the config's tightenings.
    pub fn policy(&self) -> Result<PinPolicy> {
        self.config.pin_policy().map_err(Error::Usage)
    }

    /// Which modules to use, from `--module`, a URI's `module-path`, the environment, the
    /// config.
    pub fn module_choice(&self) -> ModuleChoice {
        token::module_choice(
            self.args.module.as_deref(),
            self.selector(),
            self.config.module.clone(),
        )
    }

    /// The loaded modules (loaded once).
    pub fn modules(&self) -> Result<&[Module]> {
        if let Some(m) = self.modules.get() {
            return Ok(m);
        }
        let loaded = token::load_modules(&self.discovery, &self.module_choice())?;
        Ok(self.modules.get_or_init(|| loaded))
    }

    /// The selected (initialised) token.
    pub fn token(&self) -> Result<TokenRef> {
        token::select_token(self.modules()?, self.selector())
    }

    /// The user PIN, from the flags, else the URI's pin-source or pin-value, else a prompt.
    pub fn user_pin(&self) -> Result<Pin> {
        let a = &self.args;
        let source = PinSource::from_flags(
            SecretKind::UserPin,
            a.pin_file.as_deref(),
            a.pin_env.as_deref(),
            a.pin_stdin,
        )?;
        if source == PinSource::Prompt {
            if let Some(TokenSelector::Uri(uri)) = self.selector() {
                if let Some(value) = &uri.pin_value {
                    return Ok(value.clone());
                }
                if let Some(src) = &uri.pin_source {
                    return PinSource::from_uri_value(src).read(SecretKind::UserPin);
                }
            }
        }
        source.read(SecretKind::UserPin)
    }

    /// The SO PIN from `--so-pin-*` or a prompt.
    pub fn so_pin(&self, args: &SoPinArgs) -> Result<Pin> {
        so_source(args)?.read(SecretKind::SoPin)
    }

    /// A new secret that must pass the PIN policy and the token's length limits. A prompt
    /// asks twice and tries again (up to three times) on a mismatch or a policy violation;
    /// other sources give it once. Nothing here touches the token.
    pub fn new_secret(&self, kind: SecretKind, source: PinSource, token: &TokenRef) -> Result<Pin> {
        let policy = self.policy()?;
        let limits = (
            Some(token.report.min_pin_length),
            Some(token.report.max_pin_length),
        );
        ask_new(kind, source, |pin| {
            policy.check(pin, limits.0, limits.1).map_err(Error::Policy)
        })
    }

    /// A new password (for an exported key): at least [`MIN_PASSWORD_LEN`] characters,
    /// entered twice at a prompt.
    pub fn new_password(&self, source: PinSource) -> Result<Pin> {
        ask_new(SecretKind::Password, source, |p| {
            if p.expose().chars().count() < MIN_PASSWORD_LEN {
                Err(Error::Usage(format!(
                    "the password is too short: use at least {MIN_PASSWORD_LEN} characters"
                )))
            } else {
                Ok(())
            }
        })
    }

    /// Where the new PIN comes from.
    pub fn new_pin_source(&self, args: &NewPinArgs) -> Result<PinSource> {
        PinSource::from_flags(
            SecretKind::NewPin,
            args.new_pin_file.as_deref(),
            args.new_pin_env.as_deref(),
            args.new_pin_stdin,
        )
    }

    /// Read the user PIN and log in, with the locked and final-try guards; a failure is
    /// written to the audit log.
    pub fn login_user(&self, token: &mut TokenRef, session: &Session) -> Result<()> {
        self.login_user_keeping_pin(token, session).map(drop)
    }

    /// [`Context::login_user`], returning the PIN for a [`crate::sign::Signer`] that may have
    /// to log in again.
    pub fn login_user_keeping_pin(&self, token: &mut TokenRef, session: &Session) -> Result<Pin> {
        pin_ops::guard(token, PinUser::User, self.args.final_try)?;
        let pin = self.user_pin()?;
        let result = pin_ops::login(token, session, PinUser::User, &pin, self.args.final_try);
        if let Err(e) = &result {
            self.audit_failure(EventKind::LoginFailed, token, e);
        }
        result.map(|()| pin)
    }

    /// The audit log, if a location is known.
    pub fn audit_log(&self) -> Option<AuditLog> {
        AuditLog::new(
            self.args
                .audit_log
                .as_deref()
                .or(self.config.audit_log.as_deref()),
        )
    }

    /// Record a security event; a log that cannot be written is reported, not fatal (the
    /// operation has already happened on the token).
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
                eprintln!("tokenward: warning: {e}");
            }
        }
    }

    /// Record a failed event with the error's kind as detail.
    pub fn audit_failure(&self, event: EventKind, token: &TokenRef, err: &Error) {
        self.audit(event, token, Outcome::Failure, Some(err.kind().to_string()));
    }
}

/// Read a new secret from `source`; a prompt asks twice and tries again on a mismatch or a
/// failed check, up to [`NEW_SECRET_TRIES`] times.
fn ask_new(kind: SecretKind, source: PinSource, check: impl Fn(&Pin) -> Result<()>) -> Result<Pin> {
    if source != PinSource::Prompt {
        let pin = source.read(kind)?;
        check(&pin)?;
        return Ok(pin);
    }
    let noun = kind.noun();
    let asked = match kind {
        SecretKind::NewPin => "PIN",
        other => other.noun(),
    };
    let mut last = Error::Mismatch(noun);
    for _ in 0..NEW_SECRET_TRIES {
        let first = crate::pin::prompt(kind, &format!("New {asked}: "))?;
        if let Err(e) = check(&first) {
            eprintln!("tokenward: {e}");
            last = e;
            continue;
        }
        let second = crate::pin::prompt(kind, &format!("New {asked} again: "))?;
        if first == second {
            return Ok(first);
        }
        eprintln!("tokenward: the two entries did not match; try again");
        last = Error::Mismatch(noun);
    }
    Err(last)
}

/// The shortest password accepted for an exported key.
pub const MIN_PASSWORD_LEN: usize = 8;

/// Where the SO PIN comes from.
pub fn so_source(args: &SoPinArgs) -> Result<PinSource> {
    PinSource::from_flags(
        SecretKind::SoPin,
        args.so_pin_file.as_deref(),
        args.so_pin_env.as_deref(),
        args.so_pin_stdin,
    )
}
