//! `tokenward modules`: every PKCS#11 module found, whether it loaded, and why not.

use clap::Args;

use super::output::{self, Table};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
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
        return format!("{}\n", fl!("modules-none"));
    }
    let headings = [
        fl!("column-module"),
        fl!("column-found-by"),
        fl!("column-status"),
        fl!("column-library"),
    ];
    let mut table = Table::new(&[&headings[0], &headings[1], &headings[2], &headings[3]]);
    for r in reports {
        let (status, library) = match (&r.library, &r.error) {
            (Some(lib), _) => (
                fl!(
                    "modules-loaded",
                    tokens = r.tokens.unwrap_or(0),
                    slots = r.slots.unwrap_or(0)
                ),
                format!(
                    "{} {} (Cryptoki {})",
                    lib.description, lib.library_version, lib.api_version
                ),
            ),
            (None, _) if !r.present => (fl!("modules-not-installed"), String::new()),
            (None, _) => (fl!("modules-failed"), String::new()),
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
