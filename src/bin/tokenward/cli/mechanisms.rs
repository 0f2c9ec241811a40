//! `tokenward mechanisms`: what the token can do, and which of it tokenward uses.

use clap::Args;

use super::output::{self, Table};
use super::Context;
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::mechanisms::{self as ops, MechanismEntry};

/// Options of `tokenward mechanisms`.
#[derive(Debug, Args)]
pub struct MechanismsArgs {
    /// Only the mechanisms tokenward uses.
    #[arg(long)]
    pub used: bool,
}

pub(super) fn run(ctx: &Context, args: &MechanismsArgs) -> Result<ExitCode> {
    let mut list = ops::mechanisms(ctx)?;
    let total = list.mechanisms.len();
    if args.used {
        list.mechanisms.retain(|m| !m.used_by_tokenward.is_empty());
    }
    if ctx.json() {
        return output::json(&list);
    }
    let token = list.token.label.as_str();
    let heading = if args.used {
        fl!(
            "mechanisms-heading-used",
            token = token,
            count = list.mechanisms.len(),
            total = total
        )
    } else {
        fl!("mechanisms-heading", token = token, count = total)
    };
    let mut out = format!("{heading}\n");
    let headings = [
        fl!("column-mechanism"),
        fl!("column-key-sizes"),
        fl!("column-flags"),
    ];
    let mut table = Table::new(&["", &headings[0], &headings[1], &headings[2]]);
    for m in &list.mechanisms {
        let note = uses_words(m);
        let cells = vec![
            String::new(),
            m.name.trim_start_matches("CKM_").to_string(),
            sizes(m),
            m.flags.join(","),
        ];
        match note {
            Some(note) => table.row_with_note(cells, note),
            None => table.row(cells),
        }
    }
    out.push_str(&table.render());
    output::text(&out)
}

fn sizes(m: &MechanismEntry) -> String {
    match (m.min_key_size, m.max_key_size) {
        (None, None) => String::new(),
        (min, max) => format!(
            "{}–{}",
            min.map_or_else(String::new, |v| v.to_string()),
            max.map_or_else(String::new, |v| v.to_string())
        ),
    }
}

/// "tokenward uses it for: sign --mechanism rsa-pkcs1-sha256, keys generate --type rsa2048".
fn uses_words(m: &MechanismEntry) -> Option<String> {
    if let Some(e) = &m.info_error {
        return Some(fl!("mechanisms-no-info", error = e.as_str()));
    }
    if m.used_by_tokenward.is_empty() {
        return None;
    }
    // Grouped by command: "sign --mechanism ecdsa-sha256/ecdsa-sha384".
    let mut uses: Vec<(&str, Vec<&str>)> = Vec::new();
    for u in &m.used_by_tokenward {
        let (command, value) = match u.split_once(':') {
            Some(("sign", name)) => ("sign --mechanism", name),
            Some(("generate", name)) => ("keys generate --type", name),
            _ => ("keys export-private", ""),
        };
        match uses.iter_mut().find(|(c, _)| *c == command) {
            Some((_, values)) => values.push(value),
            None => uses.push((command, vec![value])),
        }
    }
    let uses: Vec<String> = uses
        .into_iter()
        .map(|(command, values)| {
            format!("{command} {}", values.join("/"))
                .trim_end()
                .to_string()
        })
        .collect();
    Some(fl!("mechanisms-used-for", uses = uses.join(", ")))
}
