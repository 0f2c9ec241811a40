//! Provisioning many tokens from one manifest (DESIGN.md capability 5): the manifest and its
//! checks, generated PINs, the PIN sheet they go to, and the report that makes a run safe to
//! repeat. The operation itself is [`crate::ops::provision`].

pub mod manifest;
pub mod report;
pub mod sheet;

use zeroize::Zeroizing;

use crate::error::{Error, Internal, ProvisionError, Result};
use crate::keys::generate::random_bytes;
use crate::pin::{Pin, PinPolicy};

/// Letters and digits that cannot be misread on a printed sheet (no 0/O, 1/l/I).
const LETTERS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS: &[u8] = b"23456789";

/// The lengths a generated PIN may have under `policy` and the token's limits.
pub fn allowed_lengths(policy: &PinPolicy, token_min: u64, token_max: u64) -> (usize, usize) {
    let token_max = if token_max > 0 && token_max < u64::from(u32::MAX) {
        token_max as usize
    } else {
        usize::MAX
    };
    let min = policy.min_length.max(token_min as usize);
    let max = policy
        .max_length
        .unwrap_or(usize::MAX)
        .min(token_max)
        .min(64);
    (min, max)
}

/// A new random PIN of `length` characters that `policy` accepts on a token with these
/// limits (digits only where the policy says so; otherwise letters and digits, with at least
/// one of each and the cases the policy asks for).
///
/// # Errors
/// [`ProvisionError::GeneratedLength`] when the length is not allowed; the random generator.
pub fn generate_pin(
    field: &'static str,
    length: usize,
    policy: &PinPolicy,
    token_min: u64,
    token_max: u64,
) -> Result<Pin> {
    let (min, max) = allowed_lengths(policy, token_min, token_max);
    if length < min || length > max {
        return Err(ProvisionError::GeneratedLength {
            field,
            length,
            min,
            max: max.min(64),
        }
        .into());
    }
    let alphabet: Zeroizing<Vec<u8>> = Zeroizing::new(if policy.digits_only {
        b"0123456789".to_vec()
    } else {
        [LETTERS, DIGITS].concat()
    });
    // Draws that fail the policy (no digit, say) are thrown away; 100 draws of 8 or more
    // characters all failing is beyond any real chance.
    for _ in 0..100 {
        let mut text = Zeroizing::new(String::with_capacity(length));
        while text.len() < length {
            let bytes = Zeroizing::new(random_bytes(length * 2)?);
            // Rejection sampling: no character is likelier than another.
            let limit = 256 - (256 % alphabet.len());
            for b in bytes.iter().filter(|b| usize::from(**b) < limit) {
                if text.len() == length {
                    break;
                }
                text.push(char::from(alphabet[usize::from(*b) % alphabet.len()]));
            }
        }
        let pin = Pin::copy_of(&text);
        if policy.check(&pin, Some(token_min), Some(token_max)).is_ok() {
            return Ok(pin);
        }
    }
    Err(Error::Internal(Internal::Random))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_pins_follow_the_policy_and_differ() {
        let policy = PinPolicy::base();
        let a = generate_pin("user_pin", 10, &policy, 4, 255).unwrap();
        let b = generate_pin("user_pin", 10, &policy, 4, 255).unwrap();
        assert_eq!(a.expose().len(), 10);
        assert!(policy.check(&a, Some(4), Some(255)).is_ok());
        assert_ne!(a.expose(), b.expose());
        let digits = PinPolicy::profile("digits-6-8").unwrap();
        let d = generate_pin("user_pin", 8, &digits, 4, 255).unwrap();
        assert!(d.expose().bytes().all(|c| c.is_ascii_digit()));
    }

    #[test]
    fn a_length_the_policy_refuses_is_refused_before_generating() {
        let e = generate_pin("so_pin", 6, &PinPolicy::base(), 4, 255).unwrap_err();
        assert_eq!(e.reason(), Some("generated_length"));
        let e = generate_pin("so_pin", 20, &PinPolicy::base(), 4, 16).unwrap_err();
        assert_eq!(e.reason(), Some("generated_length"));
    }
}
