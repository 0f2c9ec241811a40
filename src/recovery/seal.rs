//! The sealed blob: the SO PIN encrypted with AES-256-GCM under a key derived (HKDF-SHA256,
//! random salt) from the recovery key, with the token serial and the enrolled email bound in as
//! associated data, so that a blob copied to another token, or edited to name another address,
//! does not open.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::hkdf::{Salt, HKDF_SHA256};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::RecoveryKey;
use crate::error::{Error, Internal, RecoveryError, Result};
use crate::keys::generate::random_bytes;
use crate::pin::Pin;

/// The blob format version.
pub const VERSION: u32 = 2;

/// The length every sealed SO PIN is padded to (a length byte, the PIN, zeros), so the public
/// blob does not tell how long the SO PIN is. PKCS#11 PINs here are at most this long.
pub const PADDED_LEN: usize = 128;
const HKDF_INFO: &[u8] = b"tokenward recovery v1: SO PIN sealing key";

/// What is stored on the token (as JSON in a public CKO_DATA object). Nothing in it is secret
/// without the recovery key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blob {
    /// Format version.
    pub version: u32,
    /// The token it belongs to.
    pub token_serial: String,
    /// The Google account (lower case) whose mailbox holds the key.
    pub email: String,
    /// The OpenID provider that proved the account.
    pub issuer: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// Which recovery key seals it ([`RecoveryKey::fingerprint`]).
    pub key_fingerprint: String,
    /// HKDF salt (hex).
    pub salt: String,
    /// AES-GCM nonce (hex).
    pub nonce: String,
    /// Ciphertext and tag (hex).
    pub sealed: String,
    /// The language of the person who enrolled (`en`, `ru`, `es`): recovery mails are written
    /// in it. Not sealed: it says nothing about the SO PIN (absent in older blobs: English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The associated data: what the blob is bound to. Version 2 adds the issuer (a blob enrolled
/// at one provider does not open after a sign-in at another) and the version itself.
fn aad(version: u32, serial: &str, email: &str, issuer: &str) -> Vec<u8> {
    let mut a = match version {
        1 => b"tokenward-recovery-v1\0".to_vec(),
        _ => format!("tokenward-recovery-v{version}\0").into_bytes(),
    };
    a.extend_from_slice(serial.as_bytes());
    a.push(0);
    a.extend_from_slice(email.to_lowercase().as_bytes());
    if version >= 2 {
        a.push(0);
        a.extend_from_slice(normal_issuer(issuer).as_bytes());
    }
    a
}

/// An issuer as compared and bound: without a trailing slash.
pub fn normal_issuer(issuer: &str) -> &str {
    issuer.trim_end_matches('/')
}

fn sealing_key(key: &RecoveryKey, salt: &[u8]) -> Result<LessSafeKey> {
    let prk = Salt::new(HKDF_SHA256, salt).extract(key.bytes());
    let okm = prk
        .expand(&[HKDF_INFO], &AES_256_GCM)
        .map_err(|_| Internal::Crypto {
            what: "key derivation",
        })?;
    Ok(LessSafeKey::new(UnboundKey::from(okm)))
}

impl Blob {
    /// Seal `so_pin` for `token_serial` and `email` under `key`.
    ///
    /// # Errors
    /// Key derivation or sealing failed.
    pub fn seal(
        key: &RecoveryKey,
        so_pin: &Pin,
        token_serial: &str,
        email: &str,
        issuer: &str,
    ) -> Result<Self> {
        let salt = random_bytes(16)?;
        let nonce_bytes = random_bytes(NONCE_LEN)?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&nonce_bytes);
        let pin = so_pin.expose().as_bytes();
        if pin.len() >= PADDED_LEN {
            return Err(Internal::Crypto {
                what: "sealing an SO PIN this long",
            }
            .into());
        }
        let mut buf = Zeroizing::new(vec![0u8; PADDED_LEN]);
        buf[0] = pin.len() as u8;
        buf[1..=pin.len()].copy_from_slice(pin);
        sealing_key(key, &salt)?
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(VERSION, token_serial, email, issuer)),
                &mut *buf,
            )
            .map_err(|_| Internal::Crypto { what: "sealing" })?;
        Ok(Blob {
            version: VERSION,
            token_serial: token_serial.to_string(),
            email: email.to_lowercase(),
            issuer: issuer.to_string(),
            created: time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            key_fingerprint: key.fingerprint(),
            salt: hex::encode(&salt),
            nonce: hex::encode(nonce),
            sealed: hex::encode(&*buf),
            language: None,
        })
    }

    /// This blob, its mails to be written in `language`.
    pub fn in_language(mut self, language: Option<String>) -> Self {
        self.language = language;
        self
    }

    /// Open the blob with `key`: the SO PIN. A wrong key (or a blob edited or moved to another
    /// token) is [`Error::RecoveryKeyWrong`].
    ///
    /// # Errors
    /// A version tokenward cannot read, damaged data, or [`crate::Error::RecoveryKeyWrong`].
    pub fn unseal(&self, key: &RecoveryKey, token_serial: &str) -> Result<Pin> {
        if !(1..=VERSION).contains(&self.version) {
            return Err(RecoveryError::BlobVersion {
                version: self.version,
            }
            .into());
        }
        let bad = || Error::from(RecoveryError::BlobDamaged { reason: None });
        let salt = hex::decode(&self.salt).map_err(|_| bad())?;
        let nonce: [u8; NONCE_LEN] = hex::decode(&self.nonce)
            .ok()
            .and_then(|n| n.try_into().ok())
            .ok_or_else(bad)?;
        let mut buf = Zeroizing::new(hex::decode(&self.sealed).map_err(|_| bad())?);
        let plain = sealing_key(key, &salt)?
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(self.version, token_serial, &self.email, &self.issuer)),
                &mut buf,
            )
            .map_err(|_| Error::RecoveryKeyWrong)?;
        let pin = match self.version {
            1 => &plain[..],
            _ => {
                let len = *plain.first().ok_or_else(bad)? as usize;
                plain.get(1..=len).ok_or_else(bad)?
            }
        };
        let text = std::str::from_utf8(pin).map_err(|_| bad())?;
        Ok(Pin::copy_of(text))
    }

    /// The JSON stored on the token.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Read the JSON stored on the token.
    ///
    /// # Errors
    /// The bytes are not recovery data.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        serde_json::from_slice(bytes).map_err(|e| {
            RecoveryError::BlobDamaged {
                reason: Some(e.to_string()),
            }
            .into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_and_opens_only_with_the_key_for_the_same_token_and_email() {
        let key = RecoveryKey::generate().unwrap();
        let pin = Pin::copy_of("So-Pin-2468");
        let blob = Blob::seal(
            &key,
            &pin,
            "serial-1",
            "Alice@Example.test",
            "https://issuer",
        )
        .unwrap();
        assert_eq!(blob.email, "alice@example.test");
        assert_eq!(blob.key_fingerprint, key.fingerprint());
        assert!(!blob.sealed.contains(&hex::encode("So-Pin-2468")));
        let json = blob.to_bytes();
        assert!(!String::from_utf8_lossy(&json).contains("So-Pin-2468"));
        let back = Blob::from_bytes(&json).unwrap();
        assert_eq!(
            back.unseal(&key, "serial-1").unwrap().expose(),
            "So-Pin-2468"
        );
        // Another key, another token, an edited email: refused.
        let other = RecoveryKey::generate().unwrap();
        assert!(matches!(
            back.unseal(&other, "serial-1"),
            Err(Error::RecoveryKeyWrong)
        ));
        assert!(matches!(
            back.unseal(&key, "serial-2"),
            Err(Error::RecoveryKeyWrong)
        ));
        let mut edited = back.clone();
        edited.email = "eve@example.test".into();
        assert!(matches!(
            edited.unseal(&key, "serial-1"),
            Err(Error::RecoveryKeyWrong)
        ));
    }

    /// The issuer and the version are bound in, and the sealed SO PIN does not tell its length.
    #[test]
    fn the_issuer_is_bound_and_the_length_hidden() {
        let key = RecoveryKey::generate().unwrap();
        let short = Blob::seal(
            &key,
            &Pin::copy_of("12345678"),
            "s",
            "a@b.test",
            "https://one/",
        )
        .unwrap();
        let long = Blob::seal(
            &key,
            &Pin::copy_of("a-much-longer-so-pin-of-forty-characters"),
            "s",
            "a@b.test",
            "https://one",
        )
        .unwrap();
        assert_eq!(short.sealed.len(), long.sealed.len());
        assert_eq!(short.version, 2);
        assert_eq!(short.unseal(&key, "s").unwrap().expose(), "12345678");
        // A blob whose issuer was edited (to pass the configured-issuer check) does not open.
        let mut moved = short.clone();
        moved.issuer = "https://two".into();
        assert!(matches!(
            moved.unseal(&key, "s"),
            Err(Error::RecoveryKeyWrong)
        ));
        // Nor does one whose version was lowered to drop the issuer from the binding.
        let mut downgraded = short.clone();
        downgraded.version = 1;
        assert!(matches!(
            downgraded.unseal(&key, "s"),
            Err(Error::RecoveryKeyWrong)
        ));
    }
}
