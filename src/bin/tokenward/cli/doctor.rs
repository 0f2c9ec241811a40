//! `tokenward doctor`: what stands between the token and a working signature, and what to do.

use clap::Args;

use super::output;
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::ops::doctor::{self as ops, Finding, Severity};

/// Options of `tokenward doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {}

pub(super) fn run(ctx: &Context, _args: &DoctorArgs) -> Result<ExitCode> {
    let report = ops::doctor(ctx);
    if ctx.json() {
        output::json(&report)?;
    } else {
        output::text(&render(&report.findings))?;
    }
    Ok(if report.blocked {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    let groups = [
        (Severity::Blocker, tokenward::fl!("doctor-blockers")),
        (Severity::Warning, tokenward::fl!("doctor-warnings")),
        (Severity::Ok, tokenward::fl!("doctor-ok")),
    ];
    for (severity, heading) in groups {
        let these: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if these.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{heading}:\n"));
        for f in these {
            let words = &f.words;
            let subject = words
                .subject
                .as_deref()
                .map(|s| format!("{s}: "))
                .unwrap_or_default();
            out.push_str(&format!("  - {subject}{}\n", words.message));
            if let Some(fix) = &words.fix {
                out.push_str(&format!("    {}: {fix}\n", tokenward::fl!("doctor-fix")));
            }
        }
    }
    if !findings.iter().any(|f| f.severity != Severity::Ok) {
        out.push_str(&format!("\n{}\n", tokenward::fl!("doctor-all-fine")));
    }
    out
}
