//! The recovery key: 256 random bits, shown to people (in the recovery mail) as 11 groups of 5
//! base32 letters and digits, the last 2 characters' worth being a checksum that catches a typo
//! before anything is tried.

use std::fmt;

use ring::digest;
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use crate::error::{Internal, KeyTypo, Result};

/// Key bytes.
pub const KEY_LEN: usize = 32;
/// Checksum bytes appended before encoding.
const CHECK_LEN: usize = 2;
/// Characters per group.
const GROUP: usize = 5;

/// A recovery key. Wiped on drop; `Debug` shows only its fingerprint.
pub struct RecoveryKey(Zeroizing<[u8; KEY_LEN]>);

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RecoveryKey(<redacted>, fingerprint {})",
            self.fingerprint()
        )
    }
}

impl RecoveryKey {
    /// A fresh random key.
    ///
    /// # Errors
    /// The operating system's random generator failed.
    pub fn generate() -> Result<Self> {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        SystemRandom::new()
            .fill(k.as_mut())
            .map_err(|_| Internal::Random)?;
        Ok(RecoveryKey(k))
    }

    /// The key bytes.
    pub fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// A public fingerprint (first 8 bytes of SHA-256, hex): names which key sealed a blob,
    /// reveals nothing of the key.
    pub fn fingerprint(&self) -> String {
        let d = digest::digest(&digest::SHA256, self.0.as_ref());
        hex::encode(&d.as_ref()[..8])
    }

    /// The text form: `XXXXX-XXXXX-…` (55 characters in 11 groups, base32 with a checksum).
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut data = Zeroizing::new(Vec::with_capacity(KEY_LEN + CHECK_LEN));
        data.extend_from_slice(self.0.as_ref());
        data.extend_from_slice(&checksum(self.0.as_ref()));
        let plain = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(&data));
        let mut out = Zeroizing::new(String::with_capacity(plain.len() + plain.len() / GROUP));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// Read the text form. Case, spaces and dashes do not matter, and the digits people type
    /// for look-alike letters (0 for O, 1 for I, 8 for B) are taken as those letters. A typo is
    /// reported as [`crate::Error::RecoveryKeyMistyped`] before the key is used.
    ///
    /// # Errors
    /// Wrong length, a character no key uses, or a checksum that does not match.
    pub fn parse(text: &str) -> Result<Self> {
        let clean: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                })
                .collect(),
        );
        let expected = data_encoding::BASE32_NOPAD.encode_len(KEY_LEN + CHECK_LEN);
        if clean.len() != expected {
            return Err(KeyTypo::Length {
                expected,
                got: clean.len(),
            }
            .into());
        }
        let data = Zeroizing::new(
            data_encoding::BASE32_NOPAD
                .decode(clean.as_bytes())
                .map_err(|e| KeyTypo::Character {
                    position: e.position + 1,
                })?,
        );
        let (key, check) = data.split_at(KEY_LEN);
        if check != checksum(key) {
            return Err(KeyTypo::Checksum.into());
        }
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        k.copy_from_slice(key);
        Ok(RecoveryKey(k))
    }
}

fn checksum(key: &[u8]) -> [u8; CHECK_LEN] {
    let d = digest::digest(&digest::SHA256, key);
    [d.as_ref()[0], d.as_ref()[1]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_form_round_trips_and_catches_typos() {
        let k = RecoveryKey::generate().unwrap();
        let text = k.to_text();
        assert_eq!(text.len(), 55 + 10);
        assert_eq!(text.split('-').count(), 11);
        let back = RecoveryKey::parse(&text).unwrap();
        assert_eq!(back.bytes(), k.bytes());
        // Lower case, spaces instead of dashes: the same key.
        let relaxed = text.to_lowercase().replace('-', " ");
        assert_eq!(RecoveryKey::parse(&relaxed).unwrap().bytes(), k.bytes());
        // One character changed: caught by the checksum.
        let mut chars: Vec<char> = text.chars().collect();
        chars[3] = if chars[3] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert!(matches!(
            RecoveryKey::parse(&typo),
            Err(crate::Error::RecoveryKeyMistyped(_))
        ));
        // Too short, and an impossible character.
        assert!(matches!(
            RecoveryKey::parse(&text[..20]),
            Err(crate::Error::RecoveryKeyMistyped(_))
        ));
        assert!(format!("{k:?}").contains("redacted"));
        assert!(!format!("{k:?}").contains(&text[..5]));
    }

    proptest! {
        #[test]
        fn any_single_substitution_is_caught_or_harmless(pos in 0usize..55, c in "[A-Z2-7]") {
            let k = RecoveryKey::generate().unwrap();
            let plain: String = k.to_text().replace('-', "");
            let mut chars: Vec<char> = plain.chars().collect();
            let new = c.chars().next().unwrap();
            prop_assume!(chars[pos] != new);
            chars[pos] = new;
            let typo: String = chars.into_iter().collect();
            // Either the checksum catches it, or (1 in 65,536) it parses to another key: never
            // to the same key silently.
            match RecoveryKey::parse(&typo) {
                Err(crate::Error::RecoveryKeyMistyped(_)) => {}
                Ok(other) => prop_assert_ne!(other.bytes(), k.bytes()),
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
        }
    }
}
