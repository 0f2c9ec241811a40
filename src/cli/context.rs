//! Resolving what the user typed into what the command works on: the modules, the token and
//! the PIN. Everything that touches the outside world after parsing starts here.

use std::cell::OnceCell;

use super::GlobalArgs;
use crate::error::Result;
use crate::pin::{Pin, PinSource, SecretKind};
use crate::token::{self, Discovery, Module, ModuleChoice, TokenRef, TokenSelector};

/// The resolved global options.
#[derive(Debug)]
pub struct Context {
    /// The options as typed.
    pub args: GlobalArgs,
    selector: Option<TokenSelector>,
    discovery: Discovery,
    modules: OnceCell<Vec<Module>>,
}

impl Context {
    /// Parse the token selector (warning about a URI that carries a PIN).
    pub fn new(args: GlobalArgs) -> Result<Self> {
        let selector = args
            .token
            .as_deref()
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
            modules: OnceCell::new(),
        })
    }

    /// Is JSON output asked for?
    pub fn json(&self) -> bool {
        self.args.json
    }

    /// The token selector, if one was given.
    pub fn selector(&self) -> Option<&TokenSelector> {
        self.selector.as_ref()
    }

    /// Where discovery looks.
    pub fn discovery(&self) -> &Discovery {
        &self.discovery
    }

    /// Which modules to use, from `--module`, a URI's `module-path`, the environment.
    pub fn module_choice(&self) -> ModuleChoice {
        token::module_choice(self.args.module.as_deref(), self.selector(), None)
    }

    /// The loaded modules (loaded once).
    pub fn modules(&self) -> Result<&[Module]> {
        if let Some(m) = self.modules.get() {
            return Ok(m);
        }
        let loaded = token::load_modules(&self.discovery, &self.module_choice())?;
        Ok(self.modules.get_or_init(|| loaded))
    }

    /// The selected token.
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
}
