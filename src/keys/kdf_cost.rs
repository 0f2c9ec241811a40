//! Key files may not choose their own cost. Before a password is tried, every key derivation a
//! file asks for (PBKDF2 iterations, scrypt's N·r·p, PKCS#12's PBE and MAC iterations) is
//! checked against a limit, found by walking the file's DER (and the DER inside its OCTET
//! STRINGs, where PKCS#12 keeps its bags).

use crate::error::{KeyError, Result};

/// The most iterations a key file may ask for (about ten seconds here; files from OpenSSL,
/// Java or tokenward use at most a few hundred thousand).
pub const MAX_ITERATIONS: u64 = 10_000_000;

/// The most memory scrypt may take for a key file, 128·r·(N + p) bytes: 64 MiB, twice
/// OpenSSL's default limit.
pub const MAX_SCRYPT_BYTES: u64 = 64 << 20;

const PBKDF2: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c];
const SCRYPT: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x04, 0x0b];
/// 1.2.840.113549.1.12.1 (pkcs-12PbeIds), without its last arc.
const PKCS12_PBE: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
/// 1.2.840.113549.1.5 (PKCS#5 PBES1 ids), without the last arc.
const PBES1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];

/// Refuse `der` if anything in it asks for a ruinous derivation.
///
/// # Errors
/// [`KeyError::KdfTooCostly`].
pub fn check(der: &[u8]) -> Result<()> {
    walk(der, 0)
}

/// One DER element: (tag, content, rest).
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n].iter().fold(0usize, |a, b| (a << 8) | *b as usize);
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

fn elements(mut input: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    while let Some((tag, content, rest)) = element(input) {
        out.push((tag, content));
        input = rest;
    }
    out
}

fn integer(content: &[u8]) -> u64 {
    if content.len() > 8 {
        return u64::MAX;
    }
    content.iter().fold(0u64, |a, b| (a << 8) | *b as u64)
}

fn too_costly(asked: String, limit: String) -> crate::Error {
    KeyError::KdfTooCostly { asked, limit }.into()
}

fn walk(der: &[u8], depth: usize) -> Result<()> {
    if depth > 24 {
        return Ok(());
    }
    for (tag, content) in elements(der) {
        let constructed = tag & 0x20 != 0;
        if tag == 0x30 {
            check_algorithm(content)?;
            check_mac_data(content)?;
        }
        if constructed {
            walk(content, depth + 1)?;
        } else if tag == 0x04 {
            // PKCS#12 keeps DER inside OCTET STRINGs.
            walk(content, depth + 1)?;
        }
    }
    Ok(())
}

/// An AlgorithmIdentifier naming a derivation, with its parameters.
fn check_algorithm(seq: &[u8]) -> Result<()> {
    let items = elements(seq);
    let [(0x06, oid), (0x30, params), ..] = items.as_slice() else {
        return Ok(());
    };
    let params = elements(params);
    let int_at = |i: usize| match params.get(i) {
        Some((0x02, c)) => Some(integer(c)),
        _ => None,
    };
    let is_pbe = (oid.len() == PKCS12_PBE.len() + 1 && oid.starts_with(PKCS12_PBE))
        || (oid.len() == PBES1.len() + 1 && oid.starts_with(PBES1) && oid[PBES1.len()] < 12);
    if *oid == PBKDF2 || is_pbe {
        if let Some(iterations) = int_at(1) {
            if iterations > MAX_ITERATIONS {
                return Err(too_costly(
                    format!("a key derivation with {iterations} iterations"),
                    format!("{MAX_ITERATIONS} iterations"),
                ));
            }
        }
    }
    if *oid == SCRYPT {
        let (n, r, p) = (int_at(1), int_at(2), int_at(3));
        if let (Some(n), Some(r), Some(p)) = (n, r, p) {
            let bytes = n
                .checked_add(p)
                .and_then(|x| x.checked_mul(r))
                .and_then(|x| x.checked_mul(128));
            if bytes.is_none_or(|b| b > MAX_SCRYPT_BYTES) {
                return Err(too_costly(
                    format!("scrypt with N={n}, r={r}, p={p}"),
                    format!("{} MiB of memory", MAX_SCRYPT_BYTES >> 20),
                ));
            }
        }
    }
    Ok(())
}

/// PKCS#12 MacData: SEQUENCE { DigestInfo, OCTET STRING salt, INTEGER iterations }.
fn check_mac_data(seq: &[u8]) -> Result<()> {
    let items = elements(seq);
    if let [(0x30, _), (0x04, _), (0x02, iterations)] = items.as_slice() {
        let iterations = integer(iterations);
        if iterations > MAX_ITERATIONS {
            return Err(too_costly(
                format!("a PKCS#12 MAC with {iterations} iterations"),
                format!("{MAX_ITERATIONS} iterations"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn der(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(len as u8);
        } else {
            let bytes: Vec<u8> = len
                .to_be_bytes()
                .into_iter()
                .skip_while(|b| *b == 0)
                .collect();
            out.push(0x80 | bytes.len() as u8);
            out.extend(bytes);
        }
        out.extend_from_slice(content);
        out
    }

    /// A PKCS#12 file whose MAC asks for 2^31 iterations (today's code would run them before
    /// telling a wrong password from a right one) is refused at once, by the import too.
    #[test]
    fn a_pkcs12_file_cannot_ask_for_a_ruinous_mac() {
        let p12 = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/modern-p256.p12"
        ))
        .unwrap();
        check(&p12).unwrap();
        let (_, body, _) = element(&p12).unwrap();
        let items = elements(body);
        let [(0x02, version), (0x30, auth_safe), (0x30, mac_data)] = items.as_slice() else {
            panic!("not a PFX with a MAC");
        };
        let mac = elements(mac_data);
        let [(0x30, digest_info), (0x04, salt), (0x02, _)] = mac.as_slice() else {
            panic!("not MacData");
        };
        let costly_mac = der(
            0x30,
            &[
                der(0x30, digest_info),
                der(0x04, salt),
                der(0x02, &[0x7f, 0xff, 0xff, 0xff]),
            ]
            .concat(),
        );
        let costly = der(
            0x30,
            &[der(0x02, version), der(0x30, auth_safe), costly_mac].concat(),
        );
        let err = check(&costly).unwrap_err();
        assert_eq!(err.reason(), Some("kdf_too_costly"));
        let started = std::time::Instant::now();
        let err =
            crate::keys::import::from_pkcs12(&costly, &crate::pin::Pin::copy_of("x")).unwrap_err();
        assert_eq!(err.reason(), Some("kdf_too_costly"));
        assert!(started.elapsed().as_secs() < 5);
    }
}
