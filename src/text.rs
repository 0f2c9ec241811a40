//! Text that comes from outside (labels, names in certificates, file names, selectors typed by
//! someone) made safe for where it goes: a terminal, a generated configuration file, a shell
//! command, an error message.

use std::borrow::Cow;
use std::fmt::Write;

use crate::error::{InputError, Result};

/// Is `c` a character that can change what a terminal shows or where a line ends: a C0 or C1
/// control (newline, escape, …), DEL, or a bidirectional override or isolate?
pub fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hazard (see [`is_hazard`]) written as `\u{…}`, so that it shows on one
/// line as what it is: a name with a newline cannot fake another line, an escape sequence
/// cannot recolour or move the cursor, an override cannot reorder what follows.
pub fn escaped(text: &str) -> Cow<'_, str> {
    escape_except(text, &[])
}

/// Like [`escaped`], but `keep` (for example `'\n'` in a whole screen) passes unchanged.
pub fn escape_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| is_hazard(c) && !keep.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hazard(c) && !keep.contains(&c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Refuse a `what` (a label, a name) that holds a hazard, naming the character and where it is.
///
/// # Errors
/// [`InputError::ControlCharacter`].
pub fn check_printable(what: &'static str, text: &str) -> Result<()> {
    match text.chars().enumerate().find(|(_, c)| is_hazard(*c)) {
        Some((i, c)) => Err(InputError::ControlCharacter {
            what,
            position: i + 1,
            character: format!("U+{:04X}", c as u32),
        }
        .into()),
        None => Ok(()),
    }
}

/// The longest object label tokenward writes, in bytes: most tokens take 32 to 64 (a Cyrillic
/// letter takes 2); a longer one would be cut or refused by the card, or break other programs.
pub const MAX_OBJECT_LABEL: usize = 64;

/// Refuse a label typed for a key or certificate that holds a hazard or is longer than
/// [`MAX_OBJECT_LABEL`] bytes, before the token is touched.
///
/// # Errors
/// [`InputError::ControlCharacter`], [`InputError::ObjectLabelTooLong`].
pub fn check_object_label(label: &str) -> Result<()> {
    check_printable("label", label)?;
    if label.len() > MAX_OBJECT_LABEL {
        return Err(InputError::ObjectLabelTooLong {
            bytes: label.len(),
            max: MAX_OBJECT_LABEL,
        }
        .into());
    }
    Ok(())
}

/// A label derived from a certificate (its common name), cut at a character boundary to
/// [`MAX_OBJECT_LABEL`] bytes so that every token takes it.
pub fn label_from(name: &str) -> String {
    let mut end = name.len().min(MAX_OBJECT_LABEL);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name[..end].trim_end().to_string()
}

/// `text` as one POSIX shell word: single-quoted, an embedded quote written `'\''`, hazards
/// escaped (see [`escaped`]).
pub fn shell_word(text: &str) -> String {
    format!("'{}'", escaped(text).replace('\'', r"'\''"))
}

/// A selector someone typed, safe to echo: from the first attribute whose name begins with
/// `pin` (a `pin-value`, however it is misspelt in case, spacing or position; only an exact
/// `pin-source` is kept) everything is cut, and hazards are escaped.
pub fn redacted_selector(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let cut = (0..bytes.len()).find(|&i| {
        let starts_attribute =
            i == 0 || matches!(bytes[i - 1], b';' | b'?' | b'&' | b':' | b' ' | b'\t');
        starts_attribute && lower[i..].starts_with("pin") && !lower[i..].starts_with("pin-source=")
    });
    match cut {
        Some(at) => format!("{}pin-value=(hidden)", escaped(&text[..at])),
        None => escaped(text).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazards_are_escaped_and_plain_text_is_kept() {
        assert_eq!(escaped("Иванов Иван"), "Иванов Иван");
        assert_eq!(escaped("a\nb\u{1b}[31m"), "a\\u{a}b\\u{1b}[31m");
        assert_eq!(escaped("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_except("a\nb\tc", &['\n']), "a\nb\\u{9}c");
    }

    #[test]
    fn labels_from_long_common_names_are_cut_at_a_letter_within_the_limit() {
        let cyrillic = "Общество с ограниченной ответственностью Ромашка";
        let label = label_from(cyrillic);
        assert!(label.len() <= MAX_OBJECT_LABEL, "{}", label.len());
        assert!(cyrillic.starts_with(&label));
        assert!(label.len() > MAX_OBJECT_LABEL - 4, "{label}");
        check_object_label(&label).unwrap();
        assert_eq!(label_from("Ivanov Ivan"), "Ivanov Ivan");
    }

    #[test]
    fn a_label_with_a_control_character_is_refused_by_position() {
        let e = check_printable("label", "ab\ncd").unwrap_err();
        assert!(e.to_string().contains("character 3"), "{e}");
        assert!(e.to_string().contains("U+000A"), "{e}");
        check_printable("label", "Бухгалтерия 07").unwrap();
    }

    #[test]
    fn shell_words_cannot_break_out() {
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("a\nrm -rf ~"), r"'a\u{a}rm -rf ~'");
    }

    #[test]
    fn a_mistyped_pin_value_is_never_echoed() {
        for typed in [
            "pkcs11:token=x;pin-value=1234",
            "pkcs11:token=x?PIN-VALUE=1234",
            "pkcs11:token=x;pin-value1234",
            "pkcs11:token=x; pin-value = 1234",
            "pkcs11:pin-value=1234;token=x",
            "pkcs11:token=x;pin-valu=1234",
            "x pin-value=1234",
        ] {
            let shown = redacted_selector(typed);
            assert!(!shown.contains("1234"), "{typed} -> {shown}");
        }
        assert_eq!(redacted_selector("Accounting 07"), "Accounting 07");
        assert_eq!(
            redacted_selector("pkcs11:token=x?pin-source=file:/p"),
            "pkcs11:token=x?pin-source=file:/p"
        );
    }
}
