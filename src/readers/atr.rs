//! Card names by ATR, from pcsc-tools' list (`smartcard_list.txt`), where it is installed.
//!
//! The list holds one ATR pattern per paragraph (upper-case hex bytes separated by spaces, where
//! `.` stands for any hex digit and `[…]` for a class of them), followed by lines indented with a
//! tab that describe the card.

use regex::Regex;

/// Where distributions install pcsc-tools' list.
pub const LIST_PATHS: &[&str] = &[
    "/usr/share/pcsc/smartcard_list.txt",
    "/usr/local/share/pcsc/smartcard_list.txt",
];

/// An ATR as pcsc-tools writes it: upper-case hex bytes separated by spaces.
pub fn format(atr: &[u8]) -> String {
    atr.iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ATR list (empty when pcsc-tools is not installed).
#[derive(Debug, Default)]
pub struct CardNames {
    text: String,
}

impl CardNames {
    /// The system's list.
    pub fn system() -> Self {
        LIST_PATHS
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .map(|text| CardNames { text })
            .unwrap_or_default()
    }

    /// A list from its text (for tests).
    pub fn from_text(text: &str) -> Self {
        CardNames { text: text.into() }
    }

    /// The first description of the first pattern that matches `atr` (as [`format()`] writes it).
    pub fn name(&self, atr: &str) -> Option<String> {
        let mut lines = self.text.lines().peekable();
        while let Some(line) = lines.next() {
            if line.is_empty() || line.starts_with('#') || line.starts_with('\t') {
                continue;
            }
            if matches(line.trim_end(), atr) {
                let described = lines.peek().filter(|l| l.starts_with('\t'))?;
                return Some(described.trim().to_string());
            }
        }
        None
    }
}

/// Whether the pattern matches the whole ATR. Literal patterns compare as text; the others are
/// compiled only when their literal beginning matches, so a lookup stays cheap.
fn matches(pattern: &str, atr: &str) -> bool {
    let literal_len = pattern.find(['.', '[']).unwrap_or(pattern.len());
    if literal_len == pattern.len() {
        return pattern == atr;
    }
    if !atr.starts_with(&pattern[..literal_len]) {
        return false;
    }
    Regex::new(&format!("^(?:{pattern})$"))
        .map(|re| re.is_match(atr))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# comment\n3B 02 14 50\n\tSchlumberger Multiflex 3k\n\n\
        3B DA 18 FF 81 B1 FE 75 1F 03 00 31 F5 73 C0 01 60 00 90 00 1C\n\tOpenPGP Card V3\n\n\
        3B 3B .. 00 80 6. A[FE] 03\n\tA pattern card\n\tsecond line\n";

    #[test]
    fn literal_and_pattern_atrs_are_named() {
        let names = CardNames::from_text(LIST);
        assert_eq!(
            names.name("3B DA 18 FF 81 B1 FE 75 1F 03 00 31 F5 73 C0 01 60 00 90 00 1C"),
            Some("OpenPGP Card V3".into())
        );
        assert_eq!(
            names.name("3B 3B 11 00 80 69 AE 03"),
            Some("A pattern card".into())
        );
        assert_eq!(names.name("3B 3B 11 00 80 69 AC 03"), None);
        assert_eq!(names.name("3B 02 14 51"), None);
        assert_eq!(format(&[0x3b, 0x02, 0x0a]), "3B 02 0A");
    }
}
