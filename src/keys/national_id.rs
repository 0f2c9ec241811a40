//! The national identifiers a CA checks before it issues a certificate: the Russian INN (10 or
//! 12 digits), OGRN (13), OGRNIP (15) and SNILS (11), each with its check digits, and the
//! Mexican RFC (12 or 13 characters with a date) and CURP (18, with its check digit). A request
//! with a mistyped one is refused before the token signs it, naming the field.

use crate::error::{RequestError, Result};

/// Check `value` when `name` (as typed: `INN`, `snils`, …) is a national identifier.
///
/// # Errors
/// [`RequestError::BadNationalId`] naming the field and what is wrong.
pub fn check(name: &str, value: &str) -> Result<()> {
    let name = name.trim().to_ascii_uppercase();
    let why = match name.as_str() {
        "INN" => digits(value, &[10, 12]).or_else(|| inn(value)),
        "INNLE" => digits(value, &[10]).or_else(|| inn(value)),
        "OGRN" => digits(value, &[13]).or_else(|| modulo_check(value, 11)),
        "OGRNIP" => digits(value, &[15]).or_else(|| modulo_check(value, 13)),
        "SNILS" => digits(value, &[11]).or_else(|| snils(value)),
        "RFC" => rfc(value),
        "CURP" => curp(value),
        _ => None,
    };
    match why {
        None => Ok(()),
        Some(why) => Err(RequestError::BadNationalId {
            attribute: name,
            value: value.to_string(),
            why: why.into(),
        }
        .into()),
    }
}

/// `Some("length")` or `Some("digits")` unless `value` is all digits of one of `lengths`.
fn digits(value: &str, lengths: &[usize]) -> Option<&'static str> {
    if !value.chars().all(|c| c.is_ascii_digit()) {
        Some("digits")
    } else if !lengths.contains(&value.len()) {
        Some("length")
    } else {
        None
    }
}

fn values(value: &str) -> Vec<u64> {
    value.bytes().map(|b| u64::from(b - b'0')).collect()
}

/// The INN's check digits (one for 10 digits, two for 12).
fn inn(value: &str) -> Option<&'static str> {
    let d = values(value);
    let check = |weights: &[u64], at: usize| {
        weights.iter().zip(&d).map(|(w, x)| w * x).sum::<u64>() % 11 % 10 == d[at]
    };
    let ok = match d.len() {
        10 => check(&[2, 4, 10, 3, 5, 9, 4, 6, 8], 9),
        _ => {
            check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 10)
                && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], 11)
        }
    };
    (!ok).then_some("checksum")
}

/// OGRN and OGRNIP: the number without its last digit, modulo 11 (13 for OGRNIP), then 10.
fn modulo_check(value: &str, modulus: u64) -> Option<&'static str> {
    let (body, last) = value.split_at(value.len() - 1);
    let body: u64 = body.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (body % modulus % 10 != last).then_some("checksum")
}

/// SNILS: the first nine digits weighted 9…1; the sum (0 for 100 and 101, else modulo 101)
/// is the last two digits.
fn snils(value: &str) -> Option<&'static str> {
    let d = values(value);
    let sum: u64 = (0..9).map(|i| d[i] * (9 - i as u64)).sum();
    let check = match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => match sum % 101 {
            100 => 0,
            r => r,
        },
    };
    (check != d[9] * 10 + d[10]).then_some("checksum")
}

/// Letters (with Ñ and &), a date YYMMDD, and the three characters of the homoclave.
fn rfc(value: &str) -> Option<&'static str> {
    let chars: Vec<char> = value.chars().collect();
    let letters = match chars.len() {
        12 => 3,
        13 => 4,
        _ => return Some("length"),
    };
    let letter = |c: &char| c.is_ascii_uppercase() || *c == 'Ñ' || *c == '&';
    if !chars[..letters].iter().all(letter)
        || !date(&chars[letters..letters + 6])
        || !chars[letters + 6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Some("format");
    }
    None
}

/// A YYMMDD date with a month 01-12 and a day 01-31.
fn date(c: &[char]) -> bool {
    let n = |a: usize| {
        c[a].to_digit(10)
            .zip(c[a + 1].to_digit(10))
            .map(|(x, y)| x * 10 + y)
    };
    c.iter().all(char::is_ascii_digit)
        && n(2).is_some_and(|m| (1..=12).contains(&m))
        && n(4).is_some_and(|d| (1..=31).contains(&d))
}

/// Four letters, a date, H or M, the state, three consonants, a character and the check digit.
fn curp(value: &str) -> Option<&'static str> {
    const TABLE: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let chars: Vec<char> = value.chars().collect();
    if chars.len() != 18 {
        return Some("length");
    }
    let upper = |c: &char| c.is_ascii_uppercase() || *c == 'Ñ';
    if !chars[..4].iter().all(upper)
        || !date(&chars[4..10])
        || !matches!(chars[10], 'H' | 'M' | 'X')
        || !chars[11..16].iter().all(upper)
        || !chars[17].is_ascii_digit()
    {
        return Some("format");
    }
    let index = |c: char| TABLE.chars().position(|t| t == c).map(|i| i as u32);
    let mut sum = 0u32;
    for (i, c) in chars[..17].iter().enumerate() {
        match index(*c) {
            Some(v) => sum += v * (18 - i as u32),
            None => return Some("format"),
        }
    }
    ((10 - sum % 10) % 10 != chars[17].to_digit(10)?).then_some("checksum")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(name: &str, value: &str) -> Option<String> {
        match check(name, value) {
            Ok(()) => None,
            Err(crate::Error::Request(RequestError::BadNationalId { why, .. })) => Some(why),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn good_identifiers_pass_and_a_mistyped_digit_is_caught() {
        for (name, good, bad) in [
            ("INN", "500100732259", "500100732258"),
            ("INN", "7707083893", "7707083894"),
            ("INNLE", "7707083893", "7707083890"),
            ("OGRN", "1027700132195", "1027700132194"),
            ("OGRNIP", "304500116000157", "304500116000158"),
            ("SNILS", "11223344595", "11223344596"),
            ("CURP", "PEJJ800101HDFRNN05", "PEJJ800101HDFRNN09"),
        ] {
            assert_eq!(why(name, good), None, "{name} {good}");
            assert_eq!(why(name, bad).as_deref(), Some("checksum"), "{name} {bad}");
        }
        assert_eq!(why("INN", "77012345").as_deref(), Some("length"));
        assert_eq!(why("inn", "77O1234567").as_deref(), Some("digits"));
        assert_eq!(why("SNILS", "112-233-445 95").as_deref(), Some("digits"));
        assert_eq!(why("RFC", "PEJJ800101AB1"), None);
        assert_eq!(why("RFC", "ABC010203XY9"), None);
        assert_eq!(why("RFC", "PEJJ801301AB1").as_deref(), Some("format"));
        assert_eq!(why("RFC", "PEJJ8001").as_deref(), Some("length"));
        assert_eq!(why("CURP", "PEJJ800101ZDFRNN05").as_deref(), Some("format"));
        assert_eq!(why("CN", "anything at all"), None);
    }
}
