//! Keys on the token: generation, the public half as SPKI, import from PKCS#12 or PEM, encrypted
//! export of extractable keys, and configuration that lets other programs use a key in place.
//!
//! Private keys are created sensitive and, unless asked, not extractable. Everything that
//! writes more than one object removes what it wrote when a later step fails.

pub mod csr;
pub mod export;
pub mod export_config;
pub mod generate;
pub mod import;
pub mod journal;
pub mod kdf_cost;
pub mod material;
pub mod national_id;
pub mod nss;
pub mod public;

use cryptoki::mechanism::MechanismType;
use cryptoki::object::Attribute;

crate::names::named_enum! {
    /// The key types `keys generate --type` offers.
    pub enum KeySpec: "key type" {
        /// RSA, 2048-bit modulus.
        Rsa2048 = "rsa2048",
        /// RSA, 3072-bit modulus.
        Rsa3072 = "rsa3072",
        /// RSA, 4096-bit modulus.
        Rsa4096 = "rsa4096",
        /// ECDSA on NIST P-256.
        P256 = "p256",
        /// ECDSA on NIST P-384.
        P384 = "p384",
        /// EdDSA on Curve25519.
        Ed25519 = "ed25519",
    }
}

/// DER of the named-curve OID of P-256.
pub const P256_PARAMS: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/// DER of the named-curve OID of P-384.
pub const P384_PARAMS: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
/// DER of the OID of Ed25519 (RFC 8410), as CKA_EC_PARAMS.
pub const ED25519_PARAMS: &[u8] = &[0x06, 0x03, 0x2b, 0x65, 0x70];

impl KeySpec {
    /// The generation mechanism the token must offer.
    pub fn mechanism(self) -> MechanismType {
        match self {
            KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
                MechanismType::RSA_PKCS_KEY_PAIR_GEN
            }
            KeySpec::P256 | KeySpec::P384 => MechanismType::ECC_KEY_PAIR_GEN,
            KeySpec::Ed25519 => MechanismType::ECC_EDWARDS_KEY_PAIR_GEN,
        }
    }

    /// RSA modulus size in bits, or the curve size.
    pub fn bits(self) -> u64 {
        match self {
            KeySpec::Rsa2048 => 2048,
            KeySpec::Rsa3072 => 3072,
            KeySpec::Rsa4096 => 4096,
            KeySpec::P256 | KeySpec::Ed25519 => 256,
            KeySpec::P384 => 384,
        }
    }
}

/// What a key pair may do, set explicitly on both halves (modules' defaults vary): sign and
/// verify; RSA also decrypts and encrypts (S/MIME, TLS 1.2 key transport); EC also derives
/// (ECDH). Nothing wraps or unwraps other keys.
pub fn usage_attributes(rsa: bool, ec: bool) -> (Vec<Attribute>, Vec<Attribute>) {
    let public = vec![
        Attribute::Verify(true),
        Attribute::Encrypt(rsa),
        Attribute::Wrap(false),
    ];
    let mut private = vec![
        Attribute::Sign(true),
        Attribute::Decrypt(rsa),
        Attribute::Unwrap(false),
    ];
    if ec {
        private.push(Attribute::Derive(true));
    }
    (public, private)
}
