//! The journal of a key import: a small public data object written before the first object
//! of an import and removed after the last. The private key is written last, so a kill at any
//! point leaves the journal and some public objects, never a private key without its public
//! key and certificate; `objects` and `certs list` show such an interrupted import, and the
//! same `keys import` run again finishes it.

use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::keys::public::PublicKey;
use crate::token::certs::read_certificates;
use crate::token::TokenReport;

/// CKA_APPLICATION of journal objects.
pub const APPLICATION: &[u8] = b"tokenward-import";
/// CKA_LABEL of journal objects.
pub const LABEL: &str = "tokenward import in progress";

/// What an import is writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Journal {
    /// The label the key, its public key and its certificate get.
    pub label: String,
    /// The CKA_ID they share, hex.
    pub id: String,
    /// SHA-256 of the key's SubjectPublicKeyInfo, hex: which key file finishes it.
    pub public_key_sha256: String,
}

impl Journal {
    /// The journal of importing `public` as `label` with `id`.
    ///
    /// # Errors
    /// The public key cannot be encoded.
    pub fn new(public: &PublicKey, label: &str, id: &[u8]) -> Result<Self> {
        Ok(Journal {
            label: label.to_string(),
            id: hex::encode(id),
            public_key_sha256: fingerprint(public)?,
        })
    }
}

/// SHA-256 of a public key's SubjectPublicKeyInfo, hex.
///
/// # Errors
/// The public key cannot be encoded.
pub fn fingerprint(public: &PublicKey) -> Result<String> {
    Ok(hex::encode(ring::digest::digest(
        &ring::digest::SHA256,
        &public.spki_der()?,
    )))
}

/// Write the journal; returns its object.
///
/// # Errors
/// The module's errors.
pub fn begin(session: &Session, journal: &Journal) -> Result<ObjectHandle> {
    let value = serde_json::to_vec(journal).unwrap_or_default();
    Ok(crate::trace::pkcs11("C_CreateObject", None, || {
        session.create_object(&[
            Attribute::Class(ObjectClass::DATA),
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::Modifiable(true),
            Attribute::Label(LABEL.as_bytes().to_vec()),
            Attribute::Application(APPLICATION.to_vec()),
            Attribute::Value(value),
        ])
    })?)
}

/// Every journal on the token.
///
/// # Errors
/// The module's errors.
pub fn read(session: &Session) -> Result<Vec<(ObjectHandle, Journal)>> {
    let handles = crate::trace::pkcs11("C_FindObjects", None, || {
        session.find_objects(&[
            Attribute::Class(ObjectClass::DATA),
            Attribute::Application(APPLICATION.to_vec()),
        ])
    })?;
    let mut out = Vec::new();
    for h in handles {
        let value = crate::trace::pkcs11("C_GetAttributeValue", None, || {
            session.get_attributes(h, &[AttributeType::Value])
        })?
        .into_iter()
        .find_map(|a| match a {
            Attribute::Value(v) => Some(v),
            _ => None,
        })
        .unwrap_or_default();
        if let Ok(j) = serde_json::from_slice::<Journal>(&value) {
            out.push((h, j));
        }
    }
    Ok(out)
}

/// An import that was interrupted: its journal, and which of its objects are on the token.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PendingImport {
    /// What the import was writing.
    pub journal: Journal,
    /// Its public key is on the token.
    pub public_key: bool,
    /// Its certificate is on the token.
    pub certificate: bool,
    /// Its private key is on the token (seen only after a login).
    pub private_key: bool,
}

/// The interrupted imports on the token.
///
/// # Errors
/// The module's errors.
pub fn pending(session: &Session, token: &TokenReport) -> Result<Vec<PendingImport>> {
    let journals = read(session)?;
    if journals.is_empty() {
        return Ok(Vec::new());
    }
    let (certs, keys) = read_certificates(session, token)?;
    Ok(journals
        .into_iter()
        .map(|(_, journal)| {
            let id = hex::decode(&journal.id).unwrap_or_default();
            PendingImport {
                public_key: keys.iter().any(|k| !k.private && k.id == id),
                private_key: keys.iter().any(|k| k.private && k.id == id),
                certificate: certs.iter().any(|c| c.id == id),
                journal,
            }
        })
        .collect())
}
