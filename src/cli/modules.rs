//! `tokenward modules`: every PKCS#11 module found, whether it loaded, and why not.

use clap::Args;
use serde::Serialize;

use super::output::{self, Table};
use super::Context;
use crate::error::{ExitCode, Result};
use crate::token::{Candidate, LibraryInfo, Module, Origin};

/// Options of `tokenward modules`.
#[derive(Debug, Args)]
pub struct ModulesArgs {
    /// Also list the vendor install paths that were looked at and are absent.
    #[arg(long)]
    pub all: bool,
}

/// One module in the report.
#[derive(Debug, Serialize)]
pub struct ModuleReport {
    /// The module file.
    pub path: String,
    /// How it was found.
    pub origin: Origin,
    /// The file exists.
    pub present: bool,
    /// The module loaded and C_Initialize succeeded.
    pub loaded: bool,
    /// C_GetInfo, when loaded.
    pub library: Option<LibraryInfo>,
    /// Number of slots, when loaded.
    pub slots: Option<usize>,
    /// Number of slots with a token, when loaded.
    pub tokens: Option<usize>,
    /// Why it did not load (stable kind, see docs/json.md).
    pub error_kind: Option<&'static str>,
    /// Why it did not load, in words.
    pub error: Option<String>,
}

pub(super) fn run(ctx: &Context, args: &ModulesArgs) -> Result<ExitCode> {
    let choice = ctx.module_choice();
    let mut candidates = ctx
        .discovery()
        .candidates(choice.explicit.as_deref(), choice.configured.as_deref());
    let named = candidates
        .iter()
        .any(|c| matches!(c.origin, Origin::Flag | Origin::Env | Origin::Config));
    if args.all && !named {
        for (vendor, path) in &ctx.discovery().well_known {
            if !candidates.iter().any(|c| &c.path == path) {
                candidates.push(Candidate {
                    path: path.clone(),
                    origin: Origin::WellKnown((*vendor).into()),
                });
            }
        }
    }
    let reports: Vec<ModuleReport> = candidates.into_iter().map(probe).collect();
    let failed_named = named && reports.iter().any(|r| !r.loaded);
    if ctx.json() {
        output::json(&serde_json::json!({ "modules": reports }))?;
    } else {
        output::text(&render(&reports))?;
    }
    if failed_named {
        if let Some(err) = reports.iter().find_map(|r| r.error.as_deref()) {
            eprintln!("tokenward: error: {err}");
        }
        return Ok(ExitCode::NoToken);
    }
    if reports.iter().all(|r| !r.loaded) {
        eprintln!(
            "tokenward: no PKCS#11 module could be loaded; install your token's driver or name its module with --module PATH"
        );
        return Ok(ExitCode::NoToken);
    }
    Ok(ExitCode::Success)
}

fn probe(candidate: Candidate) -> ModuleReport {
    let present = candidate.path.exists();
    let mut report = ModuleReport {
        path: candidate.path.display().to_string(),
        origin: candidate.origin,
        present,
        loaded: false,
        library: None,
        slots: None,
        tokens: None,
        error_kind: None,
        error: None,
    };
    match Module::load(&candidate.path) {
        Ok(module) => {
            report.loaded = true;
            report.library = Some(module.info().clone());
            if let Ok(all) = module.ctx().get_all_slots() {
                report.slots = Some(all.len());
            }
            if let Ok(with) = module.ctx().get_slots_with_token() {
                report.tokens = Some(with.len());
            }
        }
        Err(e) => {
            report.error_kind = Some(e.kind());
            report.error = Some(e.to_string());
        }
    }
    report
}

fn render(reports: &[ModuleReport]) -> String {
    if reports.is_empty() {
        return "No PKCS#11 module found. Install your token's driver, or name its module with --module PATH.\n".into();
    }
    let mut table = Table::new(&["MODULE", "FOUND BY", "STATUS", "LIBRARY"]);
    for r in reports {
        let (status, library) = match (&r.library, &r.error) {
            (Some(lib), _) => (
                format!(
                    "loaded, {} token(s) in {} slot(s)",
                    r.tokens.unwrap_or(0),
                    r.slots.unwrap_or(0)
                ),
                format!(
                    "{} {} (Cryptoki {})",
                    lib.description, lib.library_version, lib.cryptoki_version
                ),
            ),
            (None, _) if !r.present => ("not installed".into(), String::new()),
            (None, _) => ("failed to load".into(), String::new()),
        };
        match &r.error {
            Some(err) if r.present => table.row_with_note(
                vec![r.path.clone(), r.origin.describe(), status, library],
                err.clone(),
            ),
            _ => table.row(vec![r.path.clone(), r.origin.describe(), status, library]),
        }
    }
    table.render()
}
