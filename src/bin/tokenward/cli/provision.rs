//! `tokenward provision MANIFEST`: many tokens from one manifest, with a progress bar and a
//! table of what was done on each.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use clap::Args;

use super::output::{self, Table};
use super::Context;
use tokenward::error::{ExitCode, ProvisionError, Result};
use tokenward::fl;
use tokenward::ops::provision::{self as ops, Progress, ProvisionRequest, StationEvent};
use tokenward::provision::manifest::Manifest;
use tokenward::provision::report::{ProvisionReport, Status, TokenResult};

/// Options of `tokenward provision`.
#[derive(Debug, Args)]
pub struct ProvisionArgs {
    /// The manifest: [defaults] and one [[token]] entry per token (docs/guide-admin.md).
    #[arg(value_name = "MANIFEST")]
    pub manifest: PathBuf,
    /// Second pass: put the issued certificates in this folder on the tokens that hold their
    /// keys (matched by public key).
    #[arg(long, value_name = "DIR")]
    pub certs: Option<PathBuf>,
    /// The age identity file that opens earlier runs' PIN sheets, to finish tokens whose
    /// generated PINs only a sheet holds.
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,
    /// Stop at the first token that fails (else the run goes on with the next token).
    #[arg(long)]
    pub stop_on_error: bool,
    /// Print the report as CSV instead of a table.
    #[arg(long)]
    pub csv: bool,
    /// Station mode: wait for tokens to be plugged in and provision each as it comes (the
    /// next [[token]] entry, or the defaults), one line per token; Ctrl-C ends it.
    #[arg(long, conflicts_with = "certs")]
    pub station: bool,
    /// In station mode: stop after this many tokens (default: the manifest's entries).
    #[arg(long, value_name = "N", requires = "station")]
    pub count: Option<usize>,
}

pub(super) fn run(ctx: &Context, args: &ProvisionArgs) -> Result<ExitCode> {
    let manifest = Manifest::load(&args.manifest)?;
    if manifest.entries.is_empty() && args.count.is_none() {
        return Err(ProvisionError::NoTokensListed.into());
    }
    let req = ProvisionRequest {
        stop_on_error: args.stop_on_error,
        identity: args.identity.clone(),
    };
    if let Some(dir) = &args.certs {
        return certs(ctx, &manifest, dir, &req);
    }
    let stop = super::interrupted()?;
    let stopped = || stop.load(Ordering::Relaxed);
    if args.station {
        let report = station(ctx, &manifest, &req, args.count, &stopped)?;
        return finish(ctx, args, &report, stopped());
    }
    let bar = output::progress_bar(
        !ctx.json() && !args.csv,
        manifest.entries.len(),
        &fl!("provision-progress"),
    );
    let report = ops::provision(
        ctx,
        &manifest,
        &req,
        &|event| {
            if let Some(bar) = &bar {
                match event {
                    Progress::Started { label, .. } => bar.set_message(label.to_string()),
                    Progress::Finished(_) => bar.inc(1),
                }
            }
        },
        &stopped,
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    finish(ctx, args, &report, stopped())
}

/// A station run: one line per token as it is finished (a JSON line with --json).
fn station(
    ctx: &Context,
    manifest: &Manifest,
    req: &ProvisionRequest,
    count: Option<usize>,
    stopped: &dyn Fn() -> bool,
) -> Result<ProvisionReport> {
    let json = ctx.json();
    ops::station(
        ctx,
        manifest,
        req,
        count,
        &|event| {
            let line = match event {
                StationEvent::Waiting { left } if !json => {
                    fl!("provision-station-waiting", left = left)
                }
                StationEvent::Started { label } if !json => {
                    fl!("provision-station-working", label = label)
                }
                StationEvent::Finished { result, .. } if json => {
                    let _ = output::json_line(result);
                    return;
                }
                StationEvent::Finished { result, .. } => {
                    let mut line = fl!(
                        "provision-station-result",
                        label = result.label.as_str(),
                        serial = result.serial.clone().unwrap_or_default(),
                        status = <&str>::from(result.status),
                        done = match steps(result) {
                            s if s.is_empty() => "none".to_string(),
                            s => s,
                        }
                    );
                    if let Some(problem) = &result.problem {
                        line.push_str(&format!("\n  {problem}"));
                    }
                    line
                }
                _ => return,
            };
            let _ = output::text(&format!("{line}\n"));
        },
        stopped,
    )
}

/// Print the report (table, CSV or JSON; a station run with --json has printed its lines)
/// and choose the exit code: 1 when a token failed, 130 when Ctrl-C ended the run early.
fn finish(
    ctx: &Context,
    args: &ProvisionArgs,
    report: &ProvisionReport,
    stopped: bool,
) -> Result<ExitCode> {
    let failed = report.count(Status::Failed);
    if args.csv {
        output::text(&report.csv())?;
    } else if ctx.json() {
        if !args.station {
            output::json(report)?;
        }
    } else {
        output::text(&render(report))?;
    }
    if failed == 0 {
        let unfinished = report.count(Status::NotStarted) > 0;
        return Ok(if stopped && unfinished {
            ExitCode::Cancelled
        } else {
            ExitCode::Success
        });
    }
    let err = tokenward::Error::from(ProvisionError::TokensFailed {
        failed,
        done: report.count(Status::Done) + report.count(Status::AlreadyDone),
        not_started: report.count(Status::NotStarted),
    });
    if ctx.json() || args.csv {
        // The report is the output; the exit code says that some failed.
        return Ok(err.exit_code());
    }
    Err(err)
}

/// The table, the failures in words, the summary, where the PINs and the report are.
fn render(report: &ProvisionReport) -> String {
    let headings = [
        fl!("column-label"),
        fl!("column-serial"),
        fl!("column-result"),
        fl!("column-done"),
    ];
    let mut table = Table::new(&["#", &headings[0], &headings[1], &headings[2], &headings[3]]);
    for t in &report.tokens {
        table.row(vec![
            t.number.to_string(),
            t.label.clone(),
            t.serial.clone().unwrap_or_default(),
            fl!("provision-status", status = <&str>::from(t.status)),
            steps(t),
        ]);
    }
    let mut out = table.render();
    for t in report.tokens.iter().filter(|t| t.status == Status::Failed) {
        out.push_str(&format!(
            "\n{}\n",
            fl!(
                "provision-failure",
                number = t.number,
                label = t.label.as_str(),
                problem = t.problem.clone().unwrap_or_default()
            )
        ));
        for what in &t.rolled_back {
            out.push_str(&format!(
                "  {}\n",
                fl!("provision-rolled-back", what = what.as_str())
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        fl!(
            "provision-summary",
            done = report.count(Status::Done),
            already = report.count(Status::AlreadyDone),
            failed = report.count(Status::Failed),
            not_started = report.count(Status::NotStarted)
        )
    ));
    if let Some(sheet) = &report.pin_sheet {
        let path = sheet.display().to_string();
        let encrypted = path.ends_with(".age");
        out.push_str(&format!(
            "{}\n",
            fl!(
                "provision-pin-sheet",
                path = path.as_str(),
                encrypted = if encrypted { "yes" } else { "no" }
            )
        ));
    }
    out.push_str(&format!(
        "{}\n",
        fl!(
            "provision-report-file",
            path = report.report.display().to_string()
        )
    ));
    out
}

/// What was done on a token, in words ("initialised, key generated, request written").
fn steps(t: &TokenResult) -> String {
    t.steps
        .iter()
        .map(|s| fl!("provision-step", step = <&str>::from(*s)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn certs(
    ctx: &Context,
    manifest: &Manifest,
    dir: &std::path::Path,
    req: &ProvisionRequest,
) -> Result<ExitCode> {
    let placed = ops::import_certs(ctx, manifest, dir, req)?;
    let unplaced = placed.certificates.iter().find(|c| c.token.is_none());
    if ctx.json() {
        output::json(&placed)?;
    } else {
        let mut out = String::new();
        for c in &placed.certificates {
            let file = c.file.display().to_string();
            out.push_str(&match &c.token {
                Some(t) => fl!(
                    "provision-cert-placed",
                    file = file.as_str(),
                    label = t.label.as_str(),
                    serial = t.serial.as_str(),
                    status = c.status.as_str()
                ),
                None => fl!("provision-cert-unplaced", file = file.as_str()),
            });
            out.push('\n');
        }
        output::text(&out)?;
    }
    match unplaced {
        Some(c) => {
            let err = tokenward::Error::from(ProvisionError::CertMatchesNoToken {
                file: c.file.clone(),
            });
            if ctx.json() {
                Ok(err.exit_code())
            } else {
                Err(err)
            }
        }
        None => Ok(ExitCode::Success),
    }
}
