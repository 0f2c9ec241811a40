//! `tokenward setup`: the guided journey. The steps are the library's (`ops::setup`); here are
//! the person's choices — arrow-key pickers and hidden prompts on the terminal, or the flags
//! with `--no-input` — and the words for each step and the summary.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use super::context::Answers;
use super::{named, output, Context, LoginArgs, NewPinArgs};
use tokenward::error::{Candidate, Error, ExitCode, ObjectCandidate, Result};
use tokenward::fl;
use tokenward::ops::certs::CertEntry;
use tokenward::ops::setup::{
    self as ops, Guide, SetupProgram, SetupReport, StepId, StepReport, StepStatus,
};
use tokenward::terminal;
use tokenward::text::escaped;
use tokenward::token::find::ObjectSelector;
use tokenward::uri::ObjectType;

/// Options of `tokenward setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Ask nothing: every choice from the flags (for scripts and support staff).
    #[arg(long)]
    pub no_input: bool,
    /// The certificate to make the default: label, id, fingerprint prefix or URI.
    #[arg(long, value_name = "SELECTOR")]
    pub cert: Option<String>,
    /// The programs to set up, comma-separated (`other`: the URI and module to paste).
    #[arg(long, value_delimiter = ',', value_parser = named::<SetupProgram>(), value_name = "PROGRAMS")]
    pub programs: Vec<SetupProgram>,
    /// Keep the PIN as it is, even the factory one.
    #[arg(long)]
    pub skip_pin: bool,
    /// Change the PIN even when it is one's own already.
    #[arg(long, conflicts_with = "skip_pin")]
    pub change_pin: bool,
    /// Where the current PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
    /// Where the new PIN comes from.
    #[command(flatten)]
    pub new_pin: NewPinArgs,
}

pub(super) fn run(ctx: &Context, args: &SetupArgs) -> Result<ExitCode> {
    let answers: Answers = ctx.answers(&args.pin)?.new_user_pin(&args.new_pin)?;
    let interactive = !args.no_input && !ctx.json() && std::io::stderr().is_terminal();
    let guide = Person {
        args,
        interactive,
        quiet: ctx.json(),
        waiting: std::cell::Cell::new(false),
    };
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    match ops::setup(ctx, &guide, &answers, &home) {
        Ok(report) => {
            if ctx.json() {
                return output::json(&report);
            }
            output::text(&summary(&report))?;
            Ok(ExitCode::Success)
        }
        Err(failed) => {
            let (report, error) = *failed;
            if ctx.json() {
                output::json(&report)?;
                return Ok(error.exit_code());
            }
            output::text(&summary(&report))?;
            if matches!(error, Error::Cancelled) {
                let done = steps_done(&report);
                eprintln!(
                    "tokenward: {}",
                    fl!("setup-cancelled", done = done.as_str())
                );
                return Ok(ExitCode::Cancelled);
            }
            Err(error)
        }
    }
}

/// The numbers of the steps done, or "none".
fn steps_done(report: &SetupReport) -> String {
    let done: Vec<String> = report
        .steps
        .iter()
        .filter(|s| s.status != StepStatus::Failed)
        .map(|s| number(s.step).to_string())
        .collect();
    if done.is_empty() {
        "none".into()
    } else {
        done.join(", ")
    }
}

fn number(step: StepId) -> usize {
    StepId::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1
}

use tokenward::names::Named;

/// The person at the terminal, or the flags.
struct Person<'a> {
    args: &'a SetupArgs,
    interactive: bool,
    quiet: bool,
    waiting: std::cell::Cell<bool>,
}

impl Person<'_> {
    fn say(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}

impl Guide for Person<'_> {
    fn step(&self, step: StepId) {
        self.say(&format!(
            "\n[{}/{}] {}\n      {}",
            number(step),
            StepId::ALL.len(),
            fl!("setup-step", step = step.name()),
            fl!("setup-step-why", step = step.name())
        ));
    }

    fn ended(&self, report: &StepReport) {
        let mark = match report.status {
            StepStatus::Done => "✓",
            StepStatus::Skipped => "–",
            StepStatus::Failed => "✗",
        };
        if report.status == StepStatus::Failed {
            return;
        }
        let reason = report.reason.as_deref().unwrap_or("ok");
        let details = escaped(&report.details.join(", ")).into_owned();
        self.say(&format!(
            "      {mark} {}",
            fl!("setup-outcome", reason = reason, details = details)
        ));
    }

    fn may_wait_for_token(&self) -> bool {
        self.interactive
    }

    fn wait(&self) -> Result<()> {
        if !self.waiting.replace(true) {
            self.say(&format!("      {}", fl!("setup-waiting")));
        }
        terminal::wait_for_key(std::time::Duration::from_secs(1)).map(drop)
    }

    fn token(&self, candidates: &[Candidate]) -> Result<usize> {
        let items: Vec<String> = candidates
            .iter()
            .map(|c| {
                escaped(&fl!(
                    "setup-token-item",
                    label = c.label.as_str(),
                    serial = c.serial.as_str()
                ))
                .into_owned()
            })
            .collect();
        if self.interactive {
            if let Some(i) = terminal::choose(
                &fl!("setup-choose-token"),
                &items,
                &fl!("setup-pick-hint"),
                0,
            )? {
                return Ok(i);
            }
        }
        Err(Error::AmbiguousToken {
            selector: None,
            candidates: candidates.to_vec(),
        })
    }

    fn certificate(&self, usable: &[CertEntry], current: Option<usize>) -> Result<usize> {
        if let Some(text) = &self.args.cert {
            // Chosen as every selector chooses: by its label, else by its common name.
            let sel = ObjectSelector::parse(text)?;
            let seen = |name: fn(&CertEntry) -> String| {
                move |e: &CertEntry| {
                    (
                        name(e),
                        hex::decode(&e.id).unwrap_or_default(),
                        ObjectType::Cert,
                        e.info.as_ref().map(|i| i.fingerprint_sha256.clone()),
                    )
                }
            };
            let mut named = sel.best_by(usable, seen(|e| e.label.clone()));
            if named.is_empty() {
                named = sel.best_by(usable, seen(|e| e.name().to_string()));
            }
            return match named.as_slice() {
                [one] => Ok(usable
                    .iter()
                    .position(|e| std::ptr::eq(e, *one))
                    .expect("one of them")),
                [] => Err(Error::ObjectNotFound {
                    what: "certificate",
                    selector: text.clone(),
                    candidates: Vec::new(),
                }),
                many => Err(Error::AmbiguousObject {
                    what: "certificate",
                    selector: Some(text.clone()),
                    candidates: many
                        .iter()
                        .map(|e| ObjectCandidate {
                            label: e.label.clone(),
                            id: e.id.clone(),
                            detail: e.name().to_string(),
                            uri: e.uri.clone(),
                            kind: Default::default(),
                        })
                        .collect(),
                }),
            };
        }
        if self.interactive {
            let items: Vec<String> = usable.iter().map(cert_item).collect();
            if let Some(i) = terminal::choose(
                &fl!("setup-choose-certificate"),
                &items,
                &fl!("setup-pick-hint"),
                current.unwrap_or(0),
            )? {
                return Ok(i);
            }
        }
        Ok(current.unwrap_or(0))
    }

    fn change_pin(&self, factory: bool) -> Result<bool> {
        if self.args.skip_pin {
            return Ok(false);
        }
        let new_given = self.args.new_pin.new_pin_file.is_some()
            || self.args.new_pin.new_pin_env.is_some()
            || self.args.new_pin.new_pin_stdin;
        if self.args.change_pin || factory || new_given {
            if factory {
                self.say(&format!("      {}", fl!("setup-factory-pin")));
            }
            return Ok(true);
        }
        if !self.interactive {
            return Ok(false);
        }
        let answer = terminal::ask(
            &format!("      {} ", fl!("setup-change-own-pin")),
            terminal::Echo::Shown,
        )?;
        Ok(answer.is_some_and(|a| tokenward::i18n::is_yes(&a)))
    }

    fn programs(&self) -> Result<Vec<SetupProgram>> {
        if !self.args.programs.is_empty() || !self.interactive {
            return Ok(self.args.programs.clone());
        }
        let items: Vec<String> = SetupProgram::ALL
            .iter()
            .map(|p| fl!("setup-program", program = p.name()))
            .collect();
        let chosen = terminal::choose_many(
            &fl!("setup-choose-programs"),
            &items,
            &fl!("setup-pick-many-hint"),
            &[],
        )?
        .unwrap_or_default();
        Ok(chosen.into_iter().map(|i| SetupProgram::ALL[i]).collect())
    }
}

/// A certificate in one line: who it is for, the issuer, days left, national ids.
fn cert_item(e: &CertEntry) -> String {
    let Some(i) = &e.info else {
        return escaped(&e.label).into_owned();
    };
    let ids: Vec<String> = i
        .national_ids
        .iter()
        .map(|n| format!("{} {}", n.kind, n.value))
        .collect();
    escaped(&fl!(
        "setup-cert-item",
        name = i.subject_cn.as_str(),
        issuer = i.issuer_cn.as_str(),
        days = i.days_left,
        ids = if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        },
        default = if e.default { "yes" } else { "no" }
    ))
    .into_owned()
}

/// What was done, what was skipped and why, where the files are, and the next step.
fn summary(report: &SetupReport) -> String {
    let mut out = format!("\n{}\n", fl!("setup-summary"));
    for s in &report.steps {
        let status = match s.status {
            StepStatus::Done => "done",
            StepStatus::Skipped => "skipped",
            StepStatus::Failed => "failed",
        };
        out.push_str(&format!(
            "  {}. {}: {}\n",
            number(s.step),
            fl!("setup-step", step = s.step.name()),
            fl!(
                "setup-status",
                status = status,
                reason = s.reason.as_deref().unwrap_or("ok")
            )
        ));
    }
    for p in &report.programs {
        out.push_str(&format!(
            "  {}\n",
            fl!(
                "setup-program-done",
                program = p.program.name(),
                already = if p.already { "yes" } else { "no" }
            )
        ));
        for place in &p.places {
            out.push_str(&format!("      {}\n", escaped(place)));
        }
        if p.restart {
            out.push_str(&format!(
                "      {}\n",
                fl!("setup-restart", program = p.program.name())
            ));
        }
    }
    if report.steps.len() == StepId::ALL.len() {
        out.push_str(&format!("\n{}\n", fl!("setup-next-sign")));
        if report.recovery_available {
            out.push_str(&format!("{}\n", fl!("setup-next-recovery")));
        }
    }
    out
}
