//! Words for people in the person's language: Fluent catalogues (`i18n/<language>/tokenward.ftl`,
//! embedded) for English, Russian and Spanish (Mexico), the way rage and age-plugin-yubikey do
//! it. JSON and exit codes never change with the language; only what a person reads does.
//!
//! The language comes from [`select`]: the `--lang` value, else `LC_ALL`, `LC_MESSAGES`, `LANG`,
//! `LANGUAGE`; a language without a catalogue falls back to English.

mod catalogue;

use std::sync::{LazyLock, OnceLock};

use i18n_embed::fluent::{fluent_language_loader, FluentLanguageLoader};
use i18n_embed::unic_langid::LanguageIdentifier;
use i18n_embed::{DefaultLocalizer, LanguageLoader, Localizer};
use rust_embed::RustEmbed;

pub use catalogue::{Catalogue, Text, TEXTS};

#[derive(RustEmbed)]
#[folder = "i18n"]
struct Localizations;

/// The catalogue the person reads; English until [`select`] picks another language. Messages
/// are parsed when first used (see [`Catalogue`]).
pub static LANGUAGE_LOADER: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(None));
/// The English catalogue, whatever language the person reads: the words of the JSON error, the
/// logs and the audit.
pub static ENGLISH: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::new(None));

/// The help of the command line in other languages (`i18n/<language>/tokenward-help.ftl`, one
/// message per command and option), read only when help is shown. English help lives in the
/// doc comments of the command line, so the English file is empty and a missing message means
/// "keep the English".
static HELP_LOADER: OnceLock<FluentLanguageLoader> = OnceLock::new();

fn help_loader() -> &'static FluentLanguageLoader {
    HELP_LOADER.get_or_init(|| {
        let loader = FluentLanguageLoader::new("tokenward-help", english_id());
        loader
            .load_fallback_language(&Localizations)
            .expect("the English help catalogue is embedded");
        load_into(&loader, &LANGUAGE_LOADER.language());
        loader
    })
}

/// Load `language` into a `FluentLanguageLoader` (English is there already).
fn load_into(loader: &FluentLanguageLoader, language: &LanguageIdentifier) {
    if loader.current_languages().first() != Some(language) {
        let _ = loader.load_languages(&Localizations, std::slice::from_ref(language));
    }
    // New bundles start with isolation marks on again.
    loader.set_use_isolating(false);
}

fn english_id() -> LanguageIdentifier {
    TEXTS[0].language.parse().expect("en-US is a language")
}

/// The help text `id` in the chosen language, when its catalogue has one.
pub fn help_text(id: &str) -> Option<String> {
    let help = help_loader();
    help.has(id).then(|| help.get(id))
}

/// A message from the catalogue, with `name = value` arguments.
#[macro_export]
macro_rules! fl {
    ($message_id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $message_id)
    }};
    ($message_id:literal, $($args:expr),* $(,)?) => {{
        i18n_embed_fl::fl!($crate::i18n::LANGUAGE_LOADER, $message_id, $($args),*)
    }};
}

/// The [`Localizer`] of this library, for programs that embed it and choose the language
/// themselves (a `FluentLanguageLoader` over the same catalogues, in the language chosen now).
pub fn localizer() -> Box<dyn Localizer> {
    static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
        let loader: FluentLanguageLoader = fluent_language_loader!();
        loader
            .load_fallback_language(&Localizations)
            .expect("the English catalogue is embedded");
        load_into(&loader, &LANGUAGE_LOADER.language());
        loader
    });
    Box::from(DefaultLocalizer::new(&*LOADER, &Localizations))
}

/// The languages with a catalogue, as `--lang` takes them.
pub const LANGUAGES: &[&str] = &["en", "ru", "es"];

/// The language a locale value names: `ru_RU.UTF-8` → `ru-RU`; `C`, `POSIX` and empty values
/// name none.
pub fn parse_locale(value: &str) -> Option<LanguageIdentifier> {
    let base = value.split(['.', '@']).next().unwrap_or("").trim();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    base.replace('_', "-").parse().ok()
}

/// The languages asked for, best first: `flag` (`--lang`), then `LC_ALL`, `LC_MESSAGES`, `LANG`,
/// then each of `LANGUAGE` (a colon-separated list); `lookup` reads the environment.
pub fn requested(
    flag: Option<&str>,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Vec<LanguageIdentifier> {
    if let Some(lang) = flag.and_then(parse_locale) {
        return vec![lang];
    }
    // The first of LC_ALL, LC_MESSAGES, LANG that is set decides (as for any POSIX program).
    let posix = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|var| lookup(var).filter(|v| !v.is_empty()));
    let mut out: Vec<LanguageIdentifier> = posix
        .as_deref()
        .and_then(parse_locale)
        .into_iter()
        .collect();
    if out.is_empty() {
        if let Some(list) = lookup("LANGUAGE") {
            out.extend(list.split(':').filter_map(parse_locale));
        }
    }
    out
}

/// The catalogue that serves `want`: the same language, whatever region it is written for.
fn catalogue_for(want: &LanguageIdentifier) -> Option<Text> {
    TEXTS.iter().copied().find(|t| {
        t.language
            .parse::<LanguageIdentifier>()
            .is_ok_and(|have| have.language == want.language)
    })
}

/// Choose the language for this process: the first requested one with a catalogue (a
/// language matches whatever region it is written for: `es-ES` gets Mexican Spanish), else
/// English. Returns the one chosen.
pub fn select(flag: Option<&str>) -> LanguageIdentifier {
    let requested = requested(flag, &|var| std::env::var(var).ok());
    select_from(&requested)
}

/// [`select`] from an explicit list.
pub fn select_from(requested: &[LanguageIdentifier]) -> LanguageIdentifier {
    let text = requested.iter().find_map(catalogue_for);
    LANGUAGE_LOADER.switch(text);
    let chosen = LANGUAGE_LOADER.language();
    // The help catalogue only once it has been read (help was shown).
    if let Some(help) = HELP_LOADER.get() {
        load_into(help, &chosen);
    }
    chosen
}

/// The language tokenward speaks now, as kept with a recovery enrolment: `en`, `ru` or `es`.
pub fn current_language() -> String {
    LANGUAGE_LOADER.language().language.as_str().to_string()
}

/// A catalogue in `language` (`ru`, `es`, …; English when `None` or without a catalogue), apart
/// from the one the person reads now: a recovery mail is written in the language of the person
/// who enrolled, whoever recovers.
pub fn loader_for(language: Option<&str>) -> Catalogue {
    Catalogue::new(
        language
            .and_then(parse_locale)
            .as_ref()
            .and_then(catalogue_for),
    )
}

/// Is this answer a yes? "yes"/"y" in every language, «да»/«д» and «sí»/«si»/«s» too.
pub fn is_yes(answer: &str) -> bool {
    let a = answer.trim().to_lowercase();
    matches!(a.as_str(), "yes" | "y" | "да" | "д" | "sí" | "si" | "s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_parse_and_the_environment_order_holds() {
        assert_eq!(parse_locale("ru_RU.UTF-8"), "ru-RU".parse().ok());
        assert_eq!(parse_locale("es_MX"), "es-MX".parse().ok());
        assert_eq!(parse_locale("C.UTF-8"), None);
        assert_eq!(parse_locale("POSIX"), None);
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let ru: LanguageIdentifier = "ru-RU".parse().unwrap();
        let es: LanguageIdentifier = "es-ES".parse().unwrap();
        assert_eq!(
            requested(Some("es_ES"), &env(&[("LC_ALL", "ru_RU.UTF-8")])),
            vec![es.clone()]
        );
        assert_eq!(
            requested(
                None,
                &env(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "ru_RU.UTF-8")])
            ),
            vec![ru.clone()]
        );
        assert_eq!(
            requested(
                None,
                &env(&[("LC_MESSAGES", "es_ES.UTF-8"), ("LANG", "ru_RU.UTF-8")])
            ),
            vec![es.clone()]
        );
        assert_eq!(
            requested(None, &env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "ru:es")])),
            vec![
                "ru".parse::<LanguageIdentifier>().unwrap(),
                "es".parse().unwrap()
            ]
        );
        assert!(requested(None, &env(&[])).is_empty());
    }

    #[test]
    fn yes_is_yes_in_every_language_and_nothing_else_is() {
        for yes in [
            "yes", "YES", "y", "да", "Да", "д", "sí", "Sí", "si", "s", " yes\n",
        ] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in ["", "no", "нет", "n", "yes please", "ok", "1"] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
