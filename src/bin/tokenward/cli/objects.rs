//! `tokenward objects`: every object on the token.

use clap::Args;

use super::output::{self, Table};
use super::{Context, LoginArgs};
use tokenward::error::{ExitCode, Result};
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
        out.push_str(&format!("Token \"{label}\" holds no objects"));
        out.push_str(if logged_in {
            ".\n"
        } else {
            " that can be seen without a login (try --login).\n"
        });
        return out;
    }
    let mut table = Table::new(&["KIND", "LABEL", "ID", "KEY", "FLAGS"]);
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
            Some(e) => format!("unreadable ({e})"),
            None => o.class.replace('_', " "),
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
        out.push_str("\nPrivate objects are hidden until you log in (add --login).\n");
    }
    out
}
