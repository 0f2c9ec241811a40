//! `tokenward modules`: every PKCS#11 module found, whether it loaded, and why not.

use clap::Args;

use super::output::{self, Table};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::ops::tokens::{self as ops, ModuleReport};

/// Options of `tokenward modules`.
#[derive(Debug, Args)]
pub struct ModulesArgs {
    /// Also list the vendor install paths that were looked at and are absent.
    #[arg(long)]
    pub all: bool,
}

pub(super) fn run(ctx: &Context, args: &ModulesArgs) -> Result<ExitCode> {
    let list = ops::modules(ctx, args.all);
    match (ctx.json(), list.failure()) {
        (true, Some(e)) => Err(e),
        (true, None) => output::json(&list),
        (false, failure) => {
            output::text(&render(&list.modules))?;
            failure.map_or(Ok(ExitCode::Success), Err)
        }
    }
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
                    lib.description, lib.library_version, lib.api_version
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
