//! Errors whose words the catalogue holds by kind: `err-GROUP-KIND` says what happened and, where
//! there is something to do, `hint-GROUP-KIND` says what, with the variant's fields (serialised
//! with serde) as the message's arguments. Their English `Display` and `hint()` come from the
//! English catalogue, so the English words exist once; [`Error::problem`](super::Error::problem)
//! and [`Error::advice`](super::Error::advice) take the same message in the person's language.
//!
//! An argument is a field's value: text (with control characters and bidirectional overrides
//! escaped, so a file name cannot rewrite the terminal; also as `NAME_id`, lower case with `-`
//! between words, for selectors), a number, `yes`/`no`, `none` for an absent value, a list
//! joined with ", ".

use fluent::{FluentArgs, FluentValue};
use serde_json::Value;

use crate::i18n::{Catalogue, ENGLISH, LANGUAGE_LOADER};

/// An error enum whose variants have their words in the catalogue.
pub trait Catalogued: serde::Serialize {
    /// The catalogue group (`input` for `err-input-file-exists`).
    const GROUP: &'static str;
    /// What the words are (`err` for errors, `warn` for warnings).
    const PREFIX: &'static str = "err";
    /// The variant's kind, as in the JSON error (`file_exists`).
    fn kind(&self) -> &'static str;
}

/// The message id of `err` under `prefix` (`err` or `hint`).
fn id<E: Catalogued>(prefix: &str, err: &E) -> String {
    format!("{prefix}-{}-{}", E::GROUP, err.kind().replace('_', "-"))
}

/// The words of `err` under `prefix` from `loader`, when the catalogue has them.
fn words<E: Catalogued>(loader: &Catalogue, prefix: &str, err: &E) -> Option<String> {
    let id = id(prefix, err);
    if !loader.has(&id) {
        return None;
    }
    let args = arguments(serde_json::to_value(err).unwrap_or(Value::Null));
    Some(loader.get_args_fluent(&id, Some(&args)))
}

/// What happened, in English (the `Display` of a catalogued error).
pub fn english<E: Catalogued>(err: &E) -> String {
    words(&ENGLISH, E::PREFIX, err).unwrap_or_else(|| err.kind().replace('_', " "))
}

/// What to do, in English (the `hint()` of a catalogued error).
pub fn english_hint<E: Catalogued>(err: &E) -> Option<String> {
    words(&ENGLISH, "hint", err)
}

/// What happened, in the person's language.
pub fn problem<E: Catalogued>(err: &E) -> String {
    words(&LANGUAGE_LOADER, E::PREFIX, err).unwrap_or_else(|| english(err))
}

/// What to do, in the person's language.
pub fn advice<E: Catalogued>(err: &E) -> Option<String> {
    words(&LANGUAGE_LOADER, "hint", err)
}

/// The fields of a serialised variant (`{"kind": {fields}}`, `{"kind": value}` or `"kind"`) as
/// arguments; a variant that holds one value gives it as `value`.
fn arguments(variant: Value) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    let Value::Object(outer) = variant else {
        return args;
    };
    for (_, inner) in outer {
        match inner {
            Value::Object(fields) => {
                for (name, value) in fields {
                    // Text also as a selector value (`$what_id`), for catalogues that choose
                    // their words by it.
                    if let Value::String(text) = &value {
                        args.set(format!("{name}_id"), FluentValue::from(id_of(text)));
                    }
                    args.set(name, argument(value));
                }
            }
            value => args.set("value", argument(value)),
        }
    }
    args
}

fn argument(value: Value) -> FluentValue<'static> {
    match value {
        Value::String(s) => FluentValue::from(crate::text::escaped(&s).into_owned()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => FluentValue::from(i),
            None => FluentValue::from(n.as_f64().unwrap_or_default()),
        },
        Value::Bool(b) => FluentValue::from(if b { "yes" } else { "no" }),
        Value::Null => FluentValue::from("none"),
        Value::Array(items) => FluentValue::from(
            items
                .into_iter()
                .map(|v| match argument(v) {
                    FluentValue::String(s) => s.into_owned(),
                    FluentValue::Number(n) => n.as_string().into_owned(),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Object(_) => FluentValue::from(value.to_string()),
    }
}

/// `text` as a selector value: lower case, words joined by `-` ("key type" → `key-type`).
pub fn id_of(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A path as an argument: as `Display` shows it (a name that is not UTF-8 still has words).
pub fn path<S: serde::Serializer>(path: &std::path::Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.display().to_string())
}

/// A value as an argument: its `Display` words (an error's English message).
pub fn display<T: std::fmt::Display, S: serde::Serializer>(
    value: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(&value.to_string())
}

/// An optional value as an argument: its `Display` words, or `none`.
pub fn display_option<T: std::fmt::Display, S: serde::Serializer>(
    value: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&v.to_string()),
        None => s.serialize_none(),
    }
}

/// A list of words as their English strings (a JSON field that stays English).
pub fn english_list<T: std::fmt::Display, S: serde::Serializer>(
    items: &[T],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(items.iter().map(ToString::to_string))
}

/// Give `$ty` its catalogue group, its English `Display` and `hint()` from the catalogue (an
/// error); with a prefix, its `Display` and `words()` in the person's language (other words:
/// `catalogued!(Step, "export-config", "step")` reads `step-export-config-KIND`).
macro_rules! catalogued {
    // The catalogue group and prefix, and the English `Display`.
    (@words $ty:ty, $group:literal, $prefix:literal) => {
        impl $crate::error::catalogue::Catalogued for $ty {
            const GROUP: &'static str = $group;
            const PREFIX: &'static str = $prefix;
            fn kind(&self) -> &'static str {
                self.into()
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::error::catalogue::english(self))
            }
        }
    };
    ($ty:ty, $group:literal, $prefix:literal) => {
        $crate::error::catalogue::catalogued!(@words $ty, $group, $prefix);

        impl $ty {
            /// The words in the person's language (`Display`: in English).
            pub fn words(&self) -> String {
                $crate::error::catalogue::problem(self)
            }
        }
    };
    ($ty:ty, $group:literal) => {
        $crate::error::catalogue::catalogued!(@words $ty, $group, "err");

        impl $ty {
            /// What to do about it, in English (the person's language:
            /// [`crate::Error::advice`]).
            pub fn hint(&self) -> Option<String> {
                $crate::error::catalogue::english_hint(self)
            }
        }
    };
}
pub(crate) use catalogued;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_the_fields_and_text_cannot_steer_the_terminal() {
        let args = arguments(
            serde_json::json!({"file_exists": {"path": "a\u{1b}[2Jb\u{202e}c", "n": 3, "ok": true, "no": null, "list": ["x", 1]}}),
        );
        let get = |k: &str| match args.get(k) {
            Some(FluentValue::String(s)) => s.to_string(),
            Some(FluentValue::Number(n)) => n.as_string().to_string(),
            _ => "?".into(),
        };
        assert_eq!(get("path"), crate::text::escaped("a\u{1b}[2Jb\u{202e}c"));
        assert_ne!(get("path"), "a\u{1b}[2Jb\u{202e}c");
        assert_eq!(get("path_id"), "a-2jb-c");
        assert_eq!(get("n"), "3");
        assert_eq!(get("ok"), "yes");
        assert_eq!(get("no"), "none");
        assert_eq!(get("list"), "x, 1");
        let one = arguments(serde_json::json!({"mismatch": "pin"}));
        assert!(matches!(one.get("value"), Some(FluentValue::String(s)) if s == "pin"));
        assert_eq!(arguments(serde_json::json!("no_token")).iter().count(), 0);
    }
}

#[cfg(test)]
mod coverage {
    use std::collections::BTreeSet;

    use strum::VariantNames;

    use crate::error::*;
    use crate::uri::UriError;

    fn ids(lang: &str) -> BTreeSet<String> {
        let path = format!("{}/i18n/{lang}/tokenward.ftl", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .filter(|id| !id.is_empty() && !id.starts_with(['#', ' ', '*', '[']))
            .collect()
    }

    /// Every variant of every catalogued error has its words in every language, and every
    /// `err-GROUP-…`/`hint-GROUP-…` names a variant that exists.
    #[test]
    fn every_catalogued_variant_has_words_and_every_word_a_variant() {
        let groups: &[(&str, &[&str])] = &[
            (InputError::GROUP, InputError::VARIANTS),
            (KeyError::GROUP, KeyError::VARIANTS),
            (RequestError::GROUP, RequestError::VARIANTS),
            (VerifyError::GROUP, VerifyError::VARIANTS),
            (IdentityFailure::GROUP, IdentityFailure::VARIANTS),
            (KeyTypo::GROUP, KeyTypo::VARIANTS),
            (NotEnrolled::GROUP, NotEnrolled::VARIANTS),
            (RecoveryError::GROUP, RecoveryError::VARIANTS),
            (Internal::GROUP, Internal::VARIANTS),
            (Existing::GROUP, Existing::VARIANTS),
            (UriError::GROUP, UriError::VARIANTS),
            (SetupError::GROUP, SetupError::VARIANTS),
            (ProvisionError::GROUP, ProvisionError::VARIANTS),
        ];
        let others: &[(&str, (&str, &[&str]))] = &[
            ("warn", ("warning", crate::warning::Warning::VARIANTS)),
            (
                "checked",
                ("verify", crate::sign::checked::Checked::VARIANTS),
            ),
            (
                "step",
                ("export-config", crate::keys::export_config::Step::VARIANTS),
            ),
            (
                "purpose",
                (
                    "export-config",
                    crate::keys::export_config::Purpose::VARIANTS,
                ),
            ),
        ];
        use super::Catalogued;
        for lang in ["en-US", "ru", "es-MX"] {
            let have = ids(lang);
            for (prefix, (group, variants)) in groups
                .iter()
                .map(|g| ("err", g))
                .chain(others.iter().map(|(p, g)| (*p, g)))
            {
                let kinds: BTreeSet<String> =
                    variants.iter().map(|v| v.replace('_', "-")).collect();
                for kind in &kinds {
                    let id = format!("{prefix}-{group}-{kind}");
                    assert!(have.contains(&id), "{lang} lacks {id}");
                }
                let scanned: &[&str] = if prefix == "err" {
                    &["err", "hint"]
                } else {
                    &[prefix]
                };
                for prefix in scanned {
                    let start = format!("{prefix}-{group}-");
                    for id in have.iter().filter(|id| id.starts_with(&start)) {
                        let kind = &id[start.len()..];
                        // `recovery` and `recovery-key` share a start: a longer group's own.
                        let other_group = groups.iter().any(|(g, _)| {
                            g.len() > group.len() && id.starts_with(&format!("{prefix}-{g}-"))
                        });
                        assert!(
                            other_group || kinds.contains(kind),
                            "{lang}: {id} names no {group} error"
                        );
                    }
                }
            }
        }
    }
}
