//! `keys import`: a private key (from PKCS#12, or a PEM/DER key file) and its certificate put
//! on the token as one unit: the key sensitive and never extractable, its public key object and
//! its certificate under the same CKA_ID. A failure part-way removes what was written.

use cryptoki::object::{Attribute, ObjectHandle};
use cryptoki::session::Session;
use p12_keystore::Pkcs12Archive;
use zeroize::Zeroizing;

use super::generate::{check_free, random_bytes, RANDOM_ID_LEN};
use super::journal::{self, Journal};
use super::material::PrivateKey;
use crate::cert::{self, CertInfo};
use crate::error::{Error, Existing, KeyError, Result};
use crate::pin::Pin;
use crate::token::certs::{ca_id, cert_template, read_certificates};
use crate::token::TokenRef;

/// A certificate read from the input.
#[derive(Debug, Clone)]
pub struct InputCert {
    /// DER.
    pub der: Vec<u8>,
    /// Parsed.
    pub info: CertInfo,
}

/// What the input files hold, checked and ready to write.
#[derive(Debug)]
pub struct KeyBundle {
    /// The private key.
    pub key: PrivateKey,
    /// Its certificate, if the input had one.
    pub cert: Option<InputCert>,
    /// Issuer certificates that came with it.
    pub chain: Vec<InputCert>,
    /// A name the input suggests (PKCS#12 friendly name, else the certificate's CN).
    pub suggested_label: Option<String>,
}

/// Does `data` look like a PKCS#12 file (a DER SEQUENCE holding PKCS#7 data)? Checked before a
/// password is asked for.
pub fn looks_like_pkcs12(data: &[u8]) -> bool {
    const PKCS7_DATA: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01,
    ];
    data.first() == Some(&0x30)
        && data
            .windows(PKCS7_DATA.len())
            .take(64)
            .any(|w| w == PKCS7_DATA)
}

/// Read a PKCS#12 file. Both PBES2/AES files and the legacy 3DES/RC2 ones are accepted.
///
/// # Errors
/// A wrong password, no key or several keys in the file, an unreadable certificate.
pub fn from_pkcs12(data: &[u8], password: &Pin) -> Result<KeyBundle> {
    super::kdf_cost::check(data)?;
    let archive = Pkcs12Archive::from_pkcs12(data, password.expose()).map_err(|e| match e {
        p12_keystore::error::Error::MacError(_) | p12_keystore::error::Error::UnpadError => {
            Error::WrongPassword("PKCS#12 file")
        }
        other => KeyError::Pkcs12Unreadable {
            reason: other.to_string(),
        }
        .into(),
    })?;
    let mut keys = archive.keys.into_iter();
    let Some(bag) = keys.next() else {
        return Err(KeyError::Pkcs12WithoutKey.into());
    };
    if keys.next().is_some() {
        return Err(KeyError::Pkcs12SeveralKeys.into());
    }
    let der = Zeroizing::new(bag.key.as_der().to_vec());
    let key = PrivateKey::from_pkcs8(&der)?;
    let mut certs = Vec::new();
    for c in archive.certs {
        let der = c.cert.as_der().to_vec();
        let info = cert::parse(&der).map_err(cert_unreadable)?;
        certs.push(InputCert { der, info });
    }
    let mut bundle = with_certs(key, certs)?;
    if bag.friendly_name.is_some() {
        bundle.suggested_label = bag.friendly_name;
    }
    Ok(bundle)
}

/// Read a key file (PEM or DER) and an optional certificate file (PEM, DER, or a PEM bundle;
/// the key file itself may also carry the certificates).
///
/// # Errors
/// See [`PrivateKey::from_file_data`]; a certificate of another key.
pub fn from_key_files(
    key_data: &[u8],
    cert_data: Option<&[u8]>,
    password: &dyn Fn() -> Result<Pin>,
) -> Result<KeyBundle> {
    let key = PrivateKey::from_file_data(key_data, Some(password))?;
    let mut ders = Vec::new();
    if key_data.windows(17).any(|w| w == b"BEGIN CERTIFICATE") {
        ders.extend(cert::split_pem_or_der(key_data).map_err(cert_unreadable)?);
    }
    if let Some(data) = cert_data {
        ders.extend(cert::split_pem_or_der(data).map_err(cert_unreadable)?);
    }
    let mut certs = Vec::new();
    for der in ders {
        let info = cert::parse(&der).map_err(cert_unreadable)?;
        certs.push(InputCert { der, info });
    }
    with_certs(key, certs)
}

fn cert_unreadable(reason: String) -> Error {
    KeyError::CertificateUnreadable { reason }.into()
}

/// Sort certificates into the key's own and its issuers; a certificate file whose
/// certificates all belong to other keys is refused.
fn with_certs(key: PrivateKey, certs: Vec<InputCert>) -> Result<KeyBundle> {
    let material = key.public.material();
    let (mine, others): (Vec<InputCert>, Vec<InputCert>) = certs
        .into_iter()
        .partition(|c| c.info.public_key == material);
    if mine.is_empty() {
        if let Some(leaf) = others.iter().find(|c| !c.info.is_ca) {
            return Err(Error::KeyMismatch {
                subject: leaf.info.subject_cn.clone(),
            });
        }
    }
    let cert = mine.into_iter().next();
    let suggested_label = cert
        .as_ref()
        .map(|c| crate::text::label_from(&c.info.subject_cn));
    Ok(KeyBundle {
        key,
        chain: others.into_iter().filter(|c| c.info.is_ca).collect(),
        cert,
        suggested_label,
    })
}

/// What was written.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Imported {
    /// The label given to the key, its public key and its certificate.
    pub label: String,
    /// CKA_ID in hex.
    pub id: String,
    /// "RSA 2048", "EC P-256", …
    pub key_type: String,
    /// The certificate's subject, if one was imported.
    pub certificate: Option<String>,
    /// How many issuer certificates were added (ones already present are skipped).
    pub chain_added: usize,
    /// This run finished an import that had been interrupted.
    pub resumed: bool,
    #[serde(skip)]
    /// The private key object.
    pub private: Option<ObjectHandle>,
}

/// Write the bundle to the token. The session must be read-write and logged in.
///
/// The writes are journalled (see [`super::journal`]): the journal first, then the issuers,
/// the public key and the certificate, the private key last, then the journal goes. An import
/// that was interrupted is finished by running it again with the same key file: what is
/// already there is kept, what is missing is written, under the label and id it began with.
///
/// # Errors
/// The label, id or key is taken, or a write failed (what this run wrote is removed again).
pub fn write(
    token: &TokenRef,
    session: &Session,
    bundle: &KeyBundle,
    label: &str,
    id: Option<Vec<u8>>,
) -> Result<Imported> {
    let (existing_certs, keys) = read_certificates(session, &token.report)?;
    let fingerprint = journal::fingerprint(&bundle.key.public)?;
    let resumed = journal::read(session)?
        .into_iter()
        .find(|(_, j)| j.public_key_sha256 == fingerprint);
    let material = bundle.key.public.material();
    let (label, id) = match &resumed {
        Some((_, j)) => (j.label.clone(), hex::decode(&j.id).unwrap_or_default()),
        None => {
            check_free(session, label, id.as_deref())?;
            if let Some(k) = keys.iter().find(|k| k.same_public_key(&material)) {
                return Err(Error::ObjectExists(Existing::Key {
                    label: k.label.clone(),
                    id: hex::encode(&k.id),
                }));
            }
            let id = match id {
                Some(id) => id,
                None => random_bytes(RANDOM_ID_LEN)?,
            };
            (label.to_string(), id)
        }
    };
    let label = label.as_str();
    let present = |private: bool| {
        keys.iter()
            .any(|k| k.private == private && k.id == id && k.same_public_key(&material))
    };
    let common = [
        Attribute::Token(true),
        Attribute::Label(label.as_bytes().to_vec()),
        Attribute::Id(id.clone()),
    ];
    let mut private_t = bundle.key.template(&common);
    private_t.extend([
        Attribute::Private(true),
        Attribute::Sensitive(true),
        Attribute::Extractable(false),
    ]);
    let (public_usage, private_usage) = bundle.key.public.usage();
    private_t.extend(private_usage);
    let mut public_t = bundle.key.public_template(&common);
    public_t.push(Attribute::Private(false));
    public_t.extend(public_usage);

    let mut written: Vec<ObjectHandle> = Vec::new();
    let result = (|| -> Result<(Option<ObjectHandle>, usize)> {
        let journal_object = match &resumed {
            Some((h, _)) => *h,
            None => {
                let h = journal::begin(session, &Journal::new(&bundle.key.public, label, &id)?)?;
                written.push(h);
                h
            }
        };
        let mut added = 0;
        for c in &bundle.chain {
            if existing_certs.iter().any(|e| e.der == c.der) {
                continue;
            }
            written.push(crate::trace::pkcs11("C_CreateObject", None, || {
                session.create_object(&cert_template(
                    &c.info.subject_cn,
                    &ca_id(&c.info),
                    &c.der,
                    &c.info,
                ))
            })?);
            added += 1;
        }
        if !present(false) {
            written.push(crate::trace::pkcs11("C_CreateObject", None, || {
                session.create_object(&public_t)
            })?);
        }
        if let Some(c) = &bundle.cert {
            if !existing_certs.iter().any(|e| e.der == c.der) {
                written.push(crate::trace::pkcs11("C_CreateObject", None, || {
                    session.create_object(&cert_template(label, &id, &c.der, &c.info))
                })?);
            }
        }
        let private = if present(true) {
            None
        } else {
            let h =
                crate::trace::pkcs11("C_CreateObject", None, || session.create_object(&private_t))?;
            written.push(h);
            Some(h)
        };
        crate::trace::pkcs11("C_DestroyObject", None, || {
            session.destroy_object(journal_object)
        })?;
        written.retain(|h| *h != journal_object);
        Ok((private, added))
    })();
    super::material::wipe(&mut private_t);
    match result {
        Ok((private, chain_added)) => Ok(Imported {
            label: label.to_string(),
            id: hex::encode(&id),
            key_type: bundle.key.public.describe(),
            certificate: bundle.cert.as_ref().map(|c| c.info.subject.clone()),
            chain_added,
            resumed: resumed.is_some(),
            private,
        }),
        Err(cause) => Err(roll_back(session, &written, cause)),
    }
}

/// Remove the objects written so far and wrap the cause in a message that says so.
pub fn roll_back(session: &Session, written: &[ObjectHandle], cause: Error) -> Error {
    let removed = written
        .iter()
        .rev()
        .filter(|h| {
            crate::trace::pkcs11("C_DestroyObject", None, || session.destroy_object(**h)).is_ok()
        })
        .count();
    Error::RolledBack {
        cause: Box::new(cause),
        written: written.len(),
        removed,
    }
}
