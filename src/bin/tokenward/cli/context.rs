//! Resolving what the user typed into what the command works on: the library's
//! [`Workspace`] from the global options, and [`Answers`], the command line's way of giving
//! the library the secrets and confirmations it asks for (flags, standard input, a prompt).

use std::io::IsTerminal;

use super::{FinalTryArg, GlobalArgs, LoginArgs, NewPinArgs, SoPinArgs};
use tokenward::error::{InputError, Result};
use tokenward::ops::pin::NewPinRule;
use tokenward::ops::{Ask, Destruction, Sources};
use tokenward::pin::{Pin, PinSource, SecretKind};
use tokenward::terminal::{self, Echo};
use tokenward::token::pin::PinUser;
use tokenward::token::Calls;
use tokenward::token::TokenRef;
use tokenward::workspace::Slow;
use tokenward::{Options, Workspace};

/// The resolved global options: the library's [`Workspace`] and the output mode.
#[derive(Debug)]
pub struct Context {
    /// The options as typed.
    pub args: GlobalArgs,
    ws: Workspace,
}

impl std::ops::Deref for Context {
    type Target = Workspace;
    fn deref(&self) -> &Workspace {
        &self.ws
    }
}

impl Context {
    /// Open the workspace from the global options, for a command that calls the modules as
    /// `calls` says.
    pub fn new(args: GlobalArgs, calls: Calls) -> Result<Self> {
        let ws = Workspace::open(Options {
            module: args.module.clone(),
            token: args.token.clone(),
            config: args.config.clone(),
            audit_log: args.audit_log.clone(),
            calls,
        })?;
        // Starting modules can take seconds with a reader attached, an RSA-4096 key on a card
        // or a key file's password derivation too: say so at once. What is typed meanwhile is
        // dropped when a question is asked (tokenward::terminal).
        if !args.json && std::io::stderr().is_terminal() {
            ws.on_slow_work(Spinner::start);
        }
        let ctx = Context { args, ws };
        ctx.show_warnings();
        Ok(ctx)
    }

    /// Print the warnings the workspace gathered.
    pub fn show_warnings(&self) {
        for warning in self.ws.take_warnings() {
            eprintln!(
                "tokenward: {}: {}",
                tokenward::fl!("warning-label"),
                warning.words()
            );
        }
    }

    /// Is JSON output asked for?
    pub fn json(&self) -> bool {
        self.args.json
    }

    /// Are technical details (URIs, slot ids) asked for?
    pub fn verbose(&self) -> bool {
        self.args.verbose
    }

    /// Answers for a command that logs in with the user PIN from `login`.
    pub fn answers(&self, login: &LoginArgs) -> Result<Answers<'_>> {
        Answers::new(self).login(login)
    }

    /// Answers for a command that asks only for other secrets (SO PIN, new PINs).
    pub fn answers_without_login(&self, final_try: &FinalTryArg) -> Answers<'_> {
        let mut a = Answers::new(self);
        a.sources.final_try = final_try.final_try;
        a
    }
}

/// A spinner on standard error while slow work runs; cleared when dropped.
struct Spinner(indicatif::ProgressBar);

impl Spinner {
    fn start(what: Slow) -> Box<dyn std::any::Any> {
        let message = match what {
            Slow::GeneratingKey(spec) => {
                tokenward::fl!("spinner-generating-key", kind = spec.to_string())
            }
            Slow::DerivingKey => tokenward::fl!("spinner-deriving-key"),
            _ => tokenward::fl!("spinner-looking-for-tokens"),
        };
        let bar = indicatif::ProgressBar::new_spinner().with_message(message);
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        Box::new(Spinner(bar))
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

/// Where each secret a command may need comes from, checked when the command starts (two
/// sources for one secret is an error before anything else happens): the library's
/// [`Sources`], with the `--token` URI's PIN and a confirmation asked on the terminal.
#[derive(Debug)]
pub struct Answers<'a> {
    ctx: &'a Context,
    sources: Sources,
}

impl<'a> Answers<'a> {
    /// Every secret from a prompt until set.
    pub fn new(ctx: &'a Context) -> Self {
        Answers {
            ctx,
            sources: Sources::default(),
        }
    }

    /// The user PIN from `--pin-*`, and `--final-try`.
    pub fn login(mut self, a: &LoginArgs) -> Result<Self> {
        self.sources.user = PinSource::from_flags(
            SecretKind::UserPin,
            a.pin_file.as_deref(),
            a.pin_env.as_deref(),
            a.pin_stdin,
        )?;
        self.sources.final_try = a.final_try;
        self.sources.as_typed = a.pin_as_typed;
        Ok(self)
    }

    /// The current SO PIN from `--so-pin-*`.
    pub fn so_pin(mut self, args: &SoPinArgs) -> Result<Self> {
        self.sources.so = so_source(args)?;
        Ok(self)
    }

    /// A new SO PIN from `--so-pin-*` (initialising a blank token).
    pub fn new_so_pin_from_so_flags(mut self, args: &SoPinArgs) -> Result<Self> {
        self.sources.new_so = so_source(args)?;
        Ok(self)
    }

    /// A new user PIN from `--new-pin-*`.
    pub fn new_user_pin(mut self, args: &NewPinArgs) -> Result<Self> {
        self.sources.new_user = new_pin_source(args)?;
        Ok(self)
    }

    /// A new SO PIN from `--new-pin-*` (`pin change --so`).
    pub fn new_so_pin(mut self, args: &NewPinArgs) -> Result<Self> {
        self.sources.new_so = new_pin_source(args)?;
        Ok(self)
    }

    /// A file's password from `--password-*`.
    pub fn password(mut self, source: PinSource) -> Self {
        self.sources.password = source;
        self
    }

    /// A new export password from `--new-password-*`.
    pub fn new_password_source(mut self, source: PinSource) -> Self {
        self.sources.new_password = source;
        self
    }

    /// `--yes`: destruction needs no confirmation.
    pub fn yes(mut self, yes: bool) -> Self {
        self.sources.confirmed = yes;
        self
    }
}

impl Ask for Answers<'_> {
    fn pin(&self, who: PinUser, token: &TokenRef) -> Result<Pin> {
        if who == PinUser::User && self.sources.user == PinSource::Prompt {
            if let Some(pin) = self.ctx.uri_pin() {
                return pin;
            }
        }
        self.sources.pin(who, token)
    }

    fn new_pin(&self, who: PinUser, token: &TokenRef, rule: &NewPinRule) -> Result<Pin> {
        self.sources.new_pin(who, token, rule)
    }

    fn file_password(&self, file: &std::path::Path) -> Result<Pin> {
        self.sources.file_password(file)
    }

    fn final_try(&self) -> bool {
        self.sources.final_try
    }

    fn writes_as_so(&self) -> bool {
        self.sources.writes_as_so()
    }

    fn pin_as_typed(&self) -> bool {
        self.sources.pin_as_typed()
    }

    fn on_pin_pad(&self, who: PinUser, token: &TokenRef) {
        eprintln!(
            "{}",
            tokenward::fl!(
                "pin-pad",
                who = who.id(),
                token = token.report.label.as_str()
            )
        );
    }

    fn new_password(&self, check: &dyn Fn(&Pin) -> Result<()>) -> Result<Pin> {
        self.sources.new_password(check)
    }

    fn confirm(&self, what: &Destruction) -> Result<()> {
        if self.sources.confirmed {
            return Ok(());
        }
        confirm(&super::words::destruction_question(what))
    }
}

/// Ask for "yes" on the terminal; without a terminal, say to use --yes.
pub fn confirm(question: &str) -> Result<()> {
    if !std::io::stdin().is_terminal() {
        return Err(InputError::NoTerminalToConfirm.into());
    }
    match terminal::ask(question, Echo::Shown)? {
        Some(answer) if tokenward::i18n::is_yes(&answer) => Ok(()),
        Some(_) => Err(InputError::NotConfirmed.into()),
        None => Err(InputError::NoTerminalToConfirm.into()),
    }
}

/// Read one line typed on the terminal (the label retyped to confirm a re-initialisation).
pub fn read_line(question: &str) -> Result<Option<String>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    Ok(terminal::ask(question, Echo::Shown)?.map(|line| line.to_string()))
}

fn so_source(args: &SoPinArgs) -> Result<PinSource> {
    PinSource::from_flags(
        SecretKind::SoPin,
        args.so_pin_file.as_deref(),
        args.so_pin_env.as_deref(),
        args.so_pin_stdin,
    )
}

fn new_pin_source(args: &NewPinArgs) -> Result<PinSource> {
    PinSource::from_flags(
        SecretKind::NewPin,
        args.new_pin_file.as_deref(),
        args.new_pin_env.as_deref(),
        args.new_pin_stdin,
    )
}
