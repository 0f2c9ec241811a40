//! `tokenward objects`: every object on the token.

use clap::Args;

use super::output::{self, Table};
use super::{Context, LoginArgs};
use tokenward::error::{ExitCode, Result};
use tokenward::fl;
use tokenward::ops::tokens as ops;
use tokenward::token::ObjectReport;

/// Options of `tokenward objects`.
#[derive(Debug, Args)]
pub struct ObjectsArgs {
    /// Log in first, to see private objects too (asks for the PIN).
    #[arg(long)]
    pub login: bool,
    /// Where the PIN comes from.
    #[command(flatten)]
    pub pin: LoginArgs,
}

pub(super) fn run(ctx: &Context, args: &ObjectsArgs) -> Result<ExitCode> {
    let list = ops::objects(ctx, args.login, &ctx.answers(&args.pin)?)?;
    if ctx.json() {
        return output::json(&list);
    }
    let mut text = render(&list.token.label, list.logged_in, &list.objects);
    text.push_str(&super::words::pending_imports(&list.pending_imports));
    output::text(&text)
}

fn render(label: &str, logged_in: bool, objects: &[ObjectReport]) -> String {
    let mut out = String::new();
    if objects.is_empty() {
        let words = if logged_in {
            fl!("objects-none", token = label)
        } else {
            fl!("objects-none-public", token = label)
        };
        out.push_str(&format!("{words}\n"));
        return out;
    }
    let headings = [
        fl!("column-kind"),
        fl!("column-label"),
        fl!("column-id"),
        fl!("column-key"),
        fl!("column-flags"),
    ];
    let mut table = Table::new(&[
        &headings[0],
        &headings[1],
        &headings[2],
        &headings[3],
        &headings[4],
    ]);
    for o in objects {
        let key = match (&o.key_type, o.key_bits, &o.curve) {
            (Some(t), _, Some(c)) => format!("{} {c}", t.to_uppercase()),
            (Some(t), Some(b), None) => format!("{} {b}", t.to_uppercase()),
            (Some(t), None, None) => t.to_uppercase(),
            (None, ..) => match o.certificate_type.as_deref() {
                Some("x_509") => "X.509".into(),
                other => other.unwrap_or_default().to_uppercase(),
            },
        };
        let kind = match &o.error {
            Some(e) => fl!("objects-unreadable", error = e.as_str()),
            None => class_words(&o.class),
        };
        table.row_with_note(
            vec![
                kind,
                o.label.clone(),
                o.id.clone(),
                key,
                o.flags.words().join(","),
            ],
            o.uri.clone(),
        );
    }
    out.push_str(&table.render());
    if !logged_in {
        out.push_str(&format!("\n{}\n", fl!("objects-private-hidden")));
    }
    out
}

/// A PKCS#11 object class in the person's language.
fn class_words(class: &str) -> String {
    match class {
        "certificate" => fl!("class-certificate"),
        "public_key" => fl!("class-public-key"),
        "private_key" => fl!("class-private-key"),
        "secret_key" => fl!("class-secret-key"),
        "data" => fl!("class-data"),
        other => other.replace('_', " "),
    }
}
