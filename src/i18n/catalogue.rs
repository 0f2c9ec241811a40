//! A catalogue read one message at a time: a command prints a handful of messages out of
//! hundreds, so parsing the whole Fluent file at every start (about a millisecond and a half)
//! would be start-up work that does not depend on the command. A message is found in the text
//! when first asked for (a substring search for the line that starts it) and parsed then, with
//! the messages it refers to.
//!
//! The methods are those of `i18n_embed`'s `FluentLanguageLoader` that `i18n_embed_fl::fl!`
//! calls, so the macro (and its compile-time check of ids and arguments) works on it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use i18n_embed::unic_langid::LanguageIdentifier;

/// One language's catalogue text, embedded.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    /// The catalogue's folder name (`en-US`).
    pub language: &'static str,
    /// The Fluent source.
    pub source: &'static str,
}

/// The catalogues tokenward has: English first (the fallback, which holds every message).
pub const TEXTS: &[Text] = &[
    Text {
        language: "en-US",
        source: include_str!("../../i18n/en-US/tokenward.ftl"),
    },
    Text {
        language: "ru",
        source: include_str!("../../i18n/ru/tokenward.ftl"),
    },
    Text {
        language: "es-MX",
        source: include_str!("../../i18n/es-MX/tokenward.ftl"),
    },
];

/// Messages in one language, then English for what that language lacks.
pub struct Catalogue {
    inner: Mutex<Languages>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("language", &self.language())
            .finish_non_exhaustive()
    }
}

struct Languages {
    /// The chosen language's bundle, when it is not English.
    own: Option<Bundle>,
    english: Bundle,
}

impl Catalogue {
    /// The catalogue of `text` (English when it is English), falling back to English.
    pub fn new(text: Option<Text>) -> Catalogue {
        let catalogue = Catalogue {
            inner: Mutex::new(Languages {
                own: None,
                english: Bundle::new(TEXTS[0]),
            }),
        };
        catalogue.switch(text);
        catalogue
    }

    /// Speak `text` from now on (English parts already read are kept).
    pub fn switch(&self, text: Option<Text>) {
        let mut inner = self.lock();
        let want = text.filter(|t| t.language != TEXTS[0].language);
        if inner.own.as_ref().map(|b| b.text.language) != want.map(|t| t.language) {
            inner.own = want.map(Bundle::new);
        }
    }

    /// The language it speaks.
    pub fn language(&self) -> LanguageIdentifier {
        let inner = self.lock();
        inner.own.as_ref().unwrap_or(&inner.english).id.clone()
    }

    /// Is there a message `id`, in this language or in English?
    pub fn has(&self, id: &str) -> bool {
        let inner = self.lock();
        inner
            .own
            .iter()
            .chain(std::iter::once(&inner.english))
            .any(|b| entry(b.text.source, id).is_some())
    }

    /// The message `id`.
    pub fn get(&self, id: &str) -> String {
        self.get_args_fluent(id, None)
    }

    /// The message `id` with arguments.
    pub fn get_args_concrete<'a>(
        &self,
        id: &str,
        args: HashMap<&'a str, FluentValue<'a>>,
    ) -> String {
        self.get_args(id, args)
    }

    /// The message `id` with arguments of any string and value types.
    pub fn get_args<'a, S, V>(&self, id: &str, args: HashMap<S, V>) -> String
    where
        S: Into<Cow<'a, str>> + Clone,
        V: Into<FluentValue<'a>> + Clone,
    {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            fluent.set(k, v);
        }
        self.get_args_fluent(id, Some(&fluent))
    }

    /// The message `id` with Fluent arguments; a message no catalogue has says so (as
    /// `FluentLanguageLoader` does), which the catalogue tests rule out.
    pub fn get_args_fluent(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let mut inner = self.lock();
        let Languages { own, english } = &mut *inner;
        own.iter_mut()
            .chain(std::iter::once(english))
            .find_map(|b| b.format(id, args))
            .unwrap_or_else(|| format!("No localization for id: \"{id}\""))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Languages> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One language: its text and the messages parsed so far.
struct Bundle {
    text: Text,
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    loaded: HashSet<String>,
}

impl Bundle {
    fn new(text: Text) -> Bundle {
        let id: LanguageIdentifier = text.language.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
        // No Unicode isolation marks around arguments: a terminal would show them, and
        // tokenward escapes bidirectional controls in what it prints.
        bundle.set_use_isolating(false);
        Bundle {
            text,
            id,
            bundle,
            loaded: HashSet::new(),
        }
    }

    /// `id` formatted, when this language has it.
    fn format(&mut self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        if !self.load(id) {
            return None;
        }
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// Parse the entry `id` (a message, or a term as `-name`) and what it refers to into the
    /// bundle; false when this language has no such entry.
    fn load(&mut self, id: &str) -> bool {
        if self.loaded.contains(id) {
            return true;
        }
        let Some(source) = entry(self.text.source, id) else {
            return false;
        };
        self.loaded.insert(id.to_string());
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            // What parses is kept; the catalogue tests parse every file whole.
            Err((r, _)) => r,
        };
        let mut refs = Vec::new();
        for entry in resource.entries() {
            references(entry, &mut refs);
        }
        let _ = self.bundle.add_resource(resource);
        for r in refs {
            self.load(&r);
        }
        true
    }
}

/// The source of the entry `id` (a message, or a term as `-name`): from the line that starts
/// with `id =` to the next line that starts with a letter, `-` or `#` (indented lines, blank
/// lines and a select expression's closing `}` belong to it).
fn entry(source: &'static str, id: &str) -> Option<&'static str> {
    let bytes = source.as_bytes();
    let defines = |at: usize| {
        (at == 0 || bytes[at - 1] == b'\n') && matches!(bytes.get(at + id.len()), Some(b' ' | b'='))
    };
    let start = memchr::memmem::find_iter(bytes, id.as_bytes()).find(|&at| defines(at))?;
    let mut end = source.len();
    let mut line = start;
    while let Some(nl) = memchr::memchr(b'\n', &bytes[line..]) {
        line += nl + 1;
        if matches!(bytes.get(line), Some(c) if c.is_ascii_alphabetic() || *c == b'-' || *c == b'#')
        {
            end = line;
            break;
        }
    }
    Some(&source[start..end])
}

/// The messages and terms (`-name`) that `entry` refers to.
fn references(entry: &ast::Entry<&str>, out: &mut Vec<String>) {
    let patterns: Vec<&ast::Pattern<&str>> = match entry {
        ast::Entry::Message(m) => m
            .value
            .iter()
            .chain(m.attributes.iter().map(|a| &a.value))
            .collect(),
        ast::Entry::Term(t) => std::iter::once(&t.value)
            .chain(t.attributes.iter().map(|a| &a.value))
            .collect(),
        _ => Vec::new(),
    };
    for p in patterns {
        in_pattern(p, out);
    }
}

fn in_pattern(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            in_expression(expression, out);
        }
    }
}

fn in_expression(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            in_inline(selector, out);
            for v in variants {
                in_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => in_inline(inline, out),
    }
}

fn in_inline(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::MessageReference { id, .. } => out.push(id.name.to_string()),
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            out.push(format!("-{}", id.name));
            if let Some(args) = arguments {
                in_arguments(args, out);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => in_arguments(arguments, out),
        ast::InlineExpression::Placeable { expression } => in_expression(expression, out),
        _ => {}
    }
}

fn in_arguments(args: &ast::CallArguments<&str>, out: &mut Vec<String>) {
    for a in &args.positional {
        in_inline(a, out);
    }
    for n in &args.named {
        in_inline(&n.value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_of_every_catalogue_is_found_as_the_parser_reads_it() {
        for text in TEXTS {
            let whole = FluentResource::try_new(text.source.to_string())
                .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", text.language));
            let mut count = 0;
            for e in whole.entries() {
                let id = match e {
                    ast::Entry::Message(m) => m.id.name.to_string(),
                    ast::Entry::Term(t) => format!("-{}", t.id.name),
                    _ => continue,
                };
                count += 1;
                let source = entry(text.source, &id)
                    .unwrap_or_else(|| panic!("{}: {id} not found", text.language));
                // The entry alone parses into exactly that entry, whole.
                let one = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{}: {id}: {e:?}", text.language));
                let entries: Vec<_> = one.entries().collect();
                assert_eq!(entries.len(), 1, "{}: {id}", text.language);
                assert_eq!(entries[0], e, "{}: {id}", text.language);
            }
            assert!(count > 300, "{}: {count} entries", text.language);
        }
        // A prefix of an id is not that id.
        assert!(entry(TEXTS[0].source, "err-wrong").is_none());
    }

    #[test]
    fn a_message_comes_with_those_it_refers_to_and_english_fills_gaps() {
        let ru = Catalogue::new(Some(TEXTS[1]));
        // `err-wrong-pin-silent` refers to `pin-noun`.
        let text = ru.get("err-wrong-pin-silent");
        assert!(!text.contains('{'), "{text}");
        assert!(text.contains("PIN"), "{text}");
        let en = Catalogue::new(None);
        let mut args = HashMap::new();
        args.insert("before", FluentValue::from(3));
        args.insert("after", FluentValue::from(2));
        let text = en.get_args_concrete("err-wrong-pin", args);
        assert_eq!(
            text,
            "wrong PIN: the token refused it. Before this attempt: 3; now: 2"
        );
        assert!(en.has("err-wrong-pin") && !en.has("no-such-message"));
        assert_eq!(
            en.get("no-such-message"),
            "No localization for id: \"no-such-message\""
        );
        ru.switch(None);
        assert_eq!(ru.language().to_string(), "en-US");
    }
}
