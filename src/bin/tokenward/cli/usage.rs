//! A command line clap refused, in the person's language. In English clap's own words stay (the
//! JSON error keeps them in every language); in another language the common refusals are said
//! from the catalogue (`usage-*`), with clap's usage line and the way to `--help`.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use tokenward::fl;

/// What to print for `e` in the chosen language, or `None` to let clap print its own.
pub fn localized(e: &clap::Error) -> Option<String> {
    if tokenward::i18n::current_language() == "en" {
        return None;
    }
    let arg = || context(e, ContextKind::InvalidArg);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => fl!("usage-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => fl!(
            "usage-unknown-command",
            command = context(e, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            fl!(
                "usage-invalid-value",
                value = context(e, ContextKind::InvalidValue),
                arg = arg(),
                valid = if valid.is_empty() {
                    "none".into()
                } else {
                    valid
                }
            )
        }
        ErrorKind::MissingRequiredArgument => fl!("usage-missing-argument", arg = arg()),
        ErrorKind::MissingSubcommand => fl!("usage-missing-command"),
        ErrorKind::ArgumentConflict => fl!(
            "usage-conflict",
            arg = arg(),
            prior = context(e, ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            fl!("usage-wrong-number", arg = arg())
        }
        ErrorKind::ValueValidation => fl!(
            "usage-invalid-value",
            value = context(e, ContextKind::InvalidValue),
            arg = arg(),
            valid = "none"
        ),
        ErrorKind::NoEquals => fl!("usage-no-equals", arg = arg()),
        _ => return None,
    };
    let mut out = format!("tokenward: {}: {problem}\n", fl!("error-label"));
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(|k| context(e, k))
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        out.push_str(&format!(
            "tokenward: {}\n",
            fl!("usage-did-you-mean", suggestion = s)
        ));
    }
    if let Some(usage) = e
        .to_string()
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
    {
        out.push_str(&format!(
            "\n{}: {usage}\n",
            tokenward::i18n::help_text("help-heading-usage").unwrap_or_else(|| "Usage".into())
        ));
    }
    out.push_str(&format!("\n{}\n", fl!("usage-more")));
    Some(out)
}

/// A context value of `e` as text ("" when clap gave none).
fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}
