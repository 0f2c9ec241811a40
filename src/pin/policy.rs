//! The PIN policy: at least 8 characters, only Latin letters A-Z/a-z and digits 0-9, at least
//! one letter and one digit, and within the token's own minimum and maximum length.
//!
//! It is checked before the token is touched. A violation names the rule and, for a bad
//! character, its position and what kind of character it is — never the character itself, so
//! the message cannot leak the PIN. Cyrillic letters that look Latin ("а", "о", "с") and
//! accented letters are the common mistakes; the message says so.

use std::fmt;

use serde::Deserialize;

use super::Pin;

/// The base policy's shortest PIN.
pub const BASE_MIN_LENGTH: usize = 8;

/// The rules a new PIN must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinPolicy {
    /// Shortest allowed PIN, in characters.
    pub min_length: usize,
    /// Longest allowed PIN, in characters (`None`: no limit of our own).
    pub max_length: Option<usize>,
    /// Require an upper-case letter (an admin's tightening).
    pub require_upper: bool,
    /// Require a lower-case letter (an admin's tightening).
    pub require_lower: bool,
    /// Digits only, no letter needed (a PIN profile for tokens that take nothing else).
    pub digits_only: bool,
    /// The PIN profile in force (set for a token model in the configuration), if any.
    pub profile: Option<&'static str>,
}

/// The first letter of `pin` that is not a Latin one (a keyboard on the wrong layout), with its
/// 1-based position and what it is.
pub fn first_non_latin_letter(pin: &Pin) -> Option<(usize, &'static str)> {
    pin.expose()
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_alphabetic() && !c.is_ascii_alphabetic())
        .map(|(i, c)| {
            let what = match CharKind::of(c) {
                CharKind::Cyrillic => "a Cyrillic letter",
                CharKind::Accented => "a letter with an accent",
                _ => "a letter that is not Latin",
            };
            (i + 1, what)
        })
}

/// The PIN profiles an admin may set for a token model that cannot take the standard rule.
pub const PROFILES: &[&str] = &["digits-6-8"];

/// Tightenings an admin may configure (`[policy]` in the config file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOverrides {
    /// A longer minimum length (at least 8).
    pub min_length: Option<usize>,
    /// A maximum length.
    pub max_length: Option<usize>,
    /// Require an upper-case letter.
    pub require_upper: Option<bool>,
    /// Require a lower-case letter.
    pub require_lower: Option<bool>,
}

/// Which rule a PIN broke.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolicyViolation {
    /// Shorter than the minimum.
    TooShort {
        /// The minimum.
        min: usize,
        /// The PIN's length.
        got: usize,
        /// The minimum comes from the token, not tokenward's policy.
        token: bool,
    },
    /// Longer than the maximum.
    TooLong {
        /// The maximum.
        max: usize,
        /// The PIN's length.
        got: usize,
        /// The maximum comes from the token.
        token: bool,
    },
    /// A character outside A-Z, a-z, 0-9.
    BadCharacter {
        /// 1-based position.
        position: usize,
        /// What kind of character it is.
        kind: CharKind,
    },
    /// No letter.
    NoLetter,
    /// No digit.
    NoDigit,
    /// No upper-case letter (admin rule).
    NoUpper,
    /// No lower-case letter (admin rule).
    NoLower,
}

/// The kind of a character the policy does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharKind {
    /// A Cyrillic letter (often one that looks Latin).
    Cyrillic,
    /// A Latin letter with an accent or other mark (é, ñ, ü…).
    Accented,
    /// A space or other blank.
    Space,
    /// Punctuation or a symbol.
    Symbol,
    /// A letter of another alphabet.
    OtherLetter,
    /// A digit that is not 0-9 (for example Arabic-Indic digits).
    OtherDigit,
    /// A control character.
    Control,
    /// A letter where the PIN profile takes digits only.
    Letter,
}

impl CharKind {
    fn of(c: char) -> Self {
        match c {
            '\u{0400}'..='\u{052F}' => CharKind::Cyrillic,
            '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' if c.is_alphabetic() => {
                CharKind::Accented
            }
            c if c.is_whitespace() => CharKind::Space,
            c if c.is_control() => CharKind::Control,
            c if c.is_alphabetic() => CharKind::OtherLetter,
            c if c.is_numeric() => CharKind::OtherDigit,
            _ => CharKind::Symbol,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            CharKind::Cyrillic => "a Cyrillic letter (Cyrillic а, о, с, е, р look like Latin letters but are not); switch the keyboard to the English (Latin) layout",
            CharKind::Accented => "a letter with an accent (such as é, ñ, ü); use plain Latin letters A-Z, a-z",
            CharKind::Space => "a space; spaces are not allowed",
            CharKind::Symbol => "a punctuation mark or symbol; only letters A-Z, a-z and digits 0-9 are allowed",
            CharKind::OtherLetter => "a letter that is not Latin; use A-Z, a-z",
            CharKind::OtherDigit => "a digit that is not 0-9",
            CharKind::Control => "an invisible control character",
            CharKind::Letter => "a letter; this token's PIN takes digits 0-9 only",
        }
    }
}

impl PolicyViolation {
    /// The violation in words, naming the PIN (`"the new user PIN"`).
    pub fn describe(&self, pin: &str) -> String {
        match self {
            PolicyViolation::TooShort { min, got, token } => format!(
                "{pin} is too short: {got} characters, {} needs at least {min}",
                if *token { "this token" } else { "the policy" }
            ),
            PolicyViolation::TooLong { max, got, token } => format!(
                "{pin} is too long: {got} characters, {} allows at most {max}",
                if *token { "this token" } else { "the policy" }
            ),
            PolicyViolation::BadCharacter { position, kind } => {
                format!("character {position} of {pin} is {}", kind.describe())
            }
            PolicyViolation::NoLetter => {
                format!("{pin} needs at least one Latin letter (A-Z or a-z)")
            }
            PolicyViolation::NoDigit => format!("{pin} needs at least one digit (0-9)"),
            PolicyViolation::NoUpper => format!("{pin} needs at least one capital letter (A-Z)"),
            PolicyViolation::NoLower => format!("{pin} needs at least one small letter (a-z)"),
        }
    }
}

impl fmt::Display for PolicyViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("the PIN"))
    }
}

impl Default for PinPolicy {
    fn default() -> Self {
        PinPolicy::base()
    }
}

impl PinPolicy {
    /// The base policy: 8 or more Latin letters and digits, at least one of each.
    pub fn base() -> Self {
        PinPolicy {
            min_length: BASE_MIN_LENGTH,
            max_length: None,
            require_upper: false,
            require_lower: false,
            digits_only: false,
            profile: None,
        }
    }

    /// A named PIN profile ([`PROFILES`]): `digits-6-8` is 6 to 8 digits (PIV cards, PIN pads).
    ///
    /// # Errors
    /// An unknown profile name (the known ones in words).
    pub fn profile(name: &str) -> Result<Self, String> {
        match name {
            "digits-6-8" => Ok(PinPolicy {
                min_length: 6,
                max_length: Some(8),
                require_upper: false,
                require_lower: false,
                digits_only: true,
                profile: Some("digits-6-8"),
            }),
            other => Err(format!(
                "unknown PIN profile {other:?}; known: {}",
                PROFILES.join(", ")
            )),
        }
    }

    /// The rule in words, for `pin status` and `tokens`.
    pub fn describe(&self) -> String {
        let range = match self.max_length {
            Some(max) => format!("{} to {max}", self.min_length),
            None => format!("at least {}", self.min_length),
        };
        match self.profile {
            Some(name) => format!(
                "profile {name} (set for this token model by the administrator): {range} digits"
            ),
            None => format!("{range} characters, Latin letters and digits, at least one of each"),
        }
    }

    /// [`PinPolicy::describe`] in the person's language.
    pub fn words(&self) -> String {
        let bounded = if self.max_length.is_some() {
            "yes"
        } else {
            "no"
        };
        let min = self.min_length.to_string();
        let max = self.max_length.map(|m| m.to_string()).unwrap_or_default();
        match self.profile {
            Some(name) => crate::fl!(
                "rule-description-profile",
                bounded = bounded,
                name = name,
                min = min,
                max = max
            ),
            None => crate::fl!("rule-description", bounded = bounded, min = min, max = max),
        }
    }

    /// Why this rule cannot be met within the token's PIN lengths, if it cannot.
    pub fn impossible_on(&self, token_min: u64, token_max: u64) -> Option<Impossible> {
        let max = usize::try_from(token_max).unwrap_or(usize::MAX);
        let min = usize::try_from(token_min).unwrap_or(0);
        if token_max > 0 && max < self.min_length {
            return Some(Impossible::TokenMaxBelowRule {
                token_max: max,
                rule_min: self.min_length,
            });
        }
        match self.max_length {
            Some(rule_max) if min > rule_max => Some(Impossible::TokenMinAboveRule {
                token_min: min,
                rule_max,
            }),
            _ => None,
        }
    }

    /// The base policy tightened by an admin's overrides. An override that would loosen the
    /// base policy is an error that says so.
    ///
    /// # Errors
    /// A tightening that would loosen the policy (the reason in words).
    pub fn tightened(overrides: &PolicyOverrides) -> Result<Self, String> {
        let mut policy = PinPolicy::base();
        if let Some(min) = overrides.min_length {
            if min < BASE_MIN_LENGTH {
                return Err(format!(
                    "policy.min_length = {min} would loosen the PIN policy; it can only be raised above {BASE_MIN_LENGTH}"
                ));
            }
            policy.min_length = min;
        }
        if let Some(max) = overrides.max_length {
            if max < policy.min_length {
                return Err(format!(
                    "policy.max_length = {max} is below the minimum length {}",
                    policy.min_length
                ));
            }
            policy.max_length = Some(max);
        }
        policy.require_upper = overrides.require_upper.unwrap_or(false);
        policy.require_lower = overrides.require_lower.unwrap_or(false);
        Ok(policy)
    }

    /// Check a PIN against the policy and the token's own length limits (`token_min`,
    /// `token_max` from C_GetTokenInfo; 0 or absurd values are ignored).
    ///
    /// # Errors
    /// The rule the PIN breaks, with the position and kind of character (never the character).
    pub fn check(
        &self,
        pin: &Pin,
        token_min: Option<u64>,
        token_max: Option<u64>,
    ) -> Result<(), PolicyViolation> {
        let text = pin.expose();
        for (i, c) in text.chars().enumerate() {
            if !c.is_ascii_alphanumeric() {
                return Err(PolicyViolation::BadCharacter {
                    position: i + 1,
                    kind: CharKind::of(c),
                });
            }
            if self.digits_only && !c.is_ascii_digit() {
                return Err(PolicyViolation::BadCharacter {
                    position: i + 1,
                    kind: CharKind::Letter,
                });
            }
        }
        let len = text.len();
        let token_min = token_min.filter(|&m| m > 0).map(|m| m as usize);
        let token_max = token_max
            .filter(|&m| m > 0 && m < u64::from(u32::MAX))
            .map(|m| m as usize);
        if len < self.min_length {
            return Err(PolicyViolation::TooShort {
                min: self.min_length,
                got: len,
                token: false,
            });
        }
        if let Some(min) = token_min.filter(|&m| len < m) {
            return Err(PolicyViolation::TooShort {
                min,
                got: len,
                token: true,
            });
        }
        if let Some(max) = self.max_length.filter(|&m| len > m) {
            return Err(PolicyViolation::TooLong {
                max,
                got: len,
                token: false,
            });
        }
        if let Some(max) = token_max.filter(|&m| len > m) {
            return Err(PolicyViolation::TooLong {
                max,
                got: len,
                token: true,
            });
        }
        if self.digits_only {
            return Ok(());
        }
        if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
            return Err(PolicyViolation::NoLetter);
        }
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return Err(PolicyViolation::NoDigit);
        }
        if self.require_upper && !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(PolicyViolation::NoUpper);
        }
        if self.require_lower && !text.bytes().any(|b| b.is_ascii_lowercase()) {
            return Err(PolicyViolation::NoLower);
        }
        Ok(())
    }
}

/// Why a PIN rule cannot be met within a token's PIN lengths (`why-pin-rule-KIND`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Impossible {
    /// The token's longest PIN is shorter than the rule's shortest.
    TokenMaxBelowRule {
        /// The token's maximum length.
        token_max: usize,
        /// The rule's minimum length.
        rule_min: usize,
    },
    /// The token's shortest PIN is longer than the rule's longest.
    TokenMinAboveRule {
        /// The token's minimum length.
        token_min: usize,
        /// The rule's maximum length.
        rule_max: usize,
    },
}

crate::error::catalogue::catalogued!(Impossible, "pin-rule", "why");

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(s: &str) -> Result<(), PolicyViolation> {
        PinPolicy::base().check(&Pin::new(s.to_string()), Some(4), Some(255))
    }

    #[test]
    fn boundary_cases() {
        assert_eq!(check("abcdef12"), Ok(()));
        assert_eq!(
            check("abcde12"),
            Err(PolicyViolation::TooShort {
                min: 8,
                got: 7,
                token: false
            })
        );
        assert_eq!(check("abcdefgh"), Err(PolicyViolation::NoDigit));
        assert_eq!(check("12345678"), Err(PolicyViolation::NoLetter));
        assert_eq!(
            check(""),
            Err(PolicyViolation::TooShort {
                min: 8,
                got: 0,
                token: false
            })
        );
        let long = format!("a1{}", "b".repeat(254));
        assert_eq!(
            check(&long),
            Err(PolicyViolation::TooLong {
                max: 255,
                got: 256,
                token: true
            })
        );
        let policy = PinPolicy::base();
        let pin = Pin::new("abcdefg1".into());
        assert_eq!(
            policy.check(&pin, Some(10), None),
            Err(PolicyViolation::TooShort {
                min: 10,
                got: 8,
                token: true
            })
        );
    }

    #[test]
    fn bad_characters_are_named_by_kind_and_position_never_shown() {
        // Cyrillic "а" in position 3.
        let err = check("ab\u{0430}def12").unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::BadCharacter {
                position: 3,
                kind: CharKind::Cyrillic
            }
        );
        let text = err.to_string();
        assert!(
            text.contains("character 3") && text.contains("Cyrillic"),
            "{text}"
        );
        // The message lists look-alike examples, but never the character typed.
        let text = check("ab\u{0436}def12").unwrap_err().to_string();
        assert!(!text.contains('\u{0436}'), "{text}");
        let err = check("contraseñ4").unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::BadCharacter {
                position: 9,
                kind: CharKind::Accented
            }
        );
        assert!(err.to_string().contains("accent"));
        let err = check("abcd 1234").unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::BadCharacter {
                position: 5,
                kind: CharKind::Space
            }
        );
        let err = check("abcd-1234").unwrap_err();
        assert_eq!(
            err,
            PolicyViolation::BadCharacter {
                position: 5,
                kind: CharKind::Symbol
            }
        );
    }

    #[test]
    fn overrides_tighten_but_never_loosen() {
        let tight = PinPolicy::tightened(&PolicyOverrides {
            min_length: Some(12),
            require_upper: Some(true),
            ..Default::default()
        })
        .unwrap();
        let pin = Pin::new("abcdefghij12".into());
        assert_eq!(tight.check(&pin, None, None), Err(PolicyViolation::NoUpper));
        let err = PinPolicy::tightened(&PolicyOverrides {
            min_length: Some(6),
            ..Default::default()
        })
        .unwrap_err();
        assert!(err.contains("loosen"), "{err}");
    }

    proptest! {
        #[test]
        fn valid_pins_pass(pin in "[A-Za-z0-9]{8,64}".prop_filter("letter and digit", |s| {
            s.bytes().any(|b| b.is_ascii_alphabetic()) && s.bytes().any(|b| b.is_ascii_digit())
        })) {
            prop_assert_eq!(check(&pin), Ok(()));
        }

        #[test]
        fn any_non_latin_character_is_refused_at_its_position(
            prefix in "[a-z0-9]{0,10}",
            bad in "[^A-Za-z0-9]",
            suffix in "[a-z0-9]{0,10}",
        ) {
            let pin = format!("{prefix}{bad}{suffix}");
            let position = prefix.chars().count() + 1;
            match check(&pin) {
                Err(PolicyViolation::BadCharacter { position: p, .. }) => prop_assert_eq!(p, position),
                other => prop_assert!(false, "{:?}", other),
            }
        }

        #[test]
        fn the_verdict_matches_the_rules(pin in "\\PC{0,20}") {
            let ok = pin.chars().count() >= 8
                && pin.chars().all(|c| c.is_ascii_alphanumeric())
                && pin.chars().any(|c| c.is_ascii_alphabetic())
                && pin.chars().any(|c| c.is_ascii_digit());
            prop_assert_eq!(check(&pin).is_ok(), ok);
        }
    }
}
