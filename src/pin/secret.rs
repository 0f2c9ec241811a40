//! The PIN type: zeroized on drop, redacted in every printout.

use std::fmt;

use cryptoki::types::AuthPin;
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroize;

/// A PIN (or SO PIN, or password). The bytes are wiped when it is dropped, and `Debug` and
/// `Display` print `<redacted>`, so a PIN cannot leak through a log line or an error.
#[derive(Clone)]
pub struct Pin(SecretString);

impl Pin {
    /// Take ownership of `text` and wipe the original buffer.
    ///
    /// The secret is copied into an allocation of exactly its length first: converting a
    /// `String` with spare capacity into a boxed `str` reallocates and would leave an unwiped
    /// copy behind.
    pub fn new(mut text: String) -> Self {
        let pin = Pin(exact_secret(&text));
        text.zeroize();
        pin
    }

    /// A PIN copied from borrowed text (the caller wipes its own buffer).
    pub fn copy_of(text: &str) -> Self {
        Pin(exact_secret(text))
    }

    /// The PIN's characters. Keep the borrow short and never copy it into a plain `String`.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// The PIN as cryptoki's `AuthPin`, for C_Login and friends.
    pub fn auth_pin(&self) -> AuthPin {
        exact_secret(self.expose())
    }

    /// Number of characters.
    pub fn char_len(&self) -> usize {
        self.expose().chars().count()
    }

    /// Is the PIN empty?
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

fn exact_secret(text: &str) -> SecretString {
    let mut exact = String::with_capacity(text.len());
    exact.push_str(text);
    debug_assert_eq!(exact.capacity(), exact.len());
    SecretString::from(exact)
}

impl PartialEq for Pin {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.expose().as_bytes(), other.expose().as_bytes());
        // Length is not secret here; compare the bytes without an early exit.
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(<redacted>)")
    }
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_pin() {
        let pin = Pin::new("Secret1234".to_string());
        assert_eq!(format!("{pin:?}"), "Pin(<redacted>)");
        assert_eq!(format!("{pin}"), "<redacted>");
        assert!(!format!("{:?}", Some(&pin)).contains("Secret1234"));
        assert_eq!(pin.expose(), "Secret1234");
        assert_eq!(pin.char_len(), 10);
    }

    #[test]
    fn equality_compares_the_secret() {
        assert_eq!(Pin::new("abc12345".into()), Pin::new("abc12345".into()));
        assert_ne!(Pin::new("abc12345".into()), Pin::new("abc12346".into()));
        assert_ne!(Pin::new("abc".into()), Pin::new("abc1".into()));
    }
}
