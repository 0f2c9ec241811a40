//! Choosing a certificate or key: `--cert SEL` / `--key SEL`, where SEL is a PKCS#11 URI, a
//! label, a CKA_ID in hex or a SHA-256 fingerprint prefix; with none, the token's default
//! certificate (`certs select`), else the only certificate that has its key on the token.

use super::certs::{KeyObject, MatchKind, TokenCert};
use crate::cert::Validity;
use crate::error::{CandidateKind, Error, ObjectCandidate, Result};
use crate::uri::{ObjectType, Pkcs11Uri};

/// What the user typed to name an object.
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectSelector {
    /// A PKCS#11 URI.
    Uri(Box<Pkcs11Uri>),
    /// A label, a CKA_ID in hex, or a fingerprint prefix.
    Text(String),
}

/// A selector's text as hex digits, if it is an id: colons dropped, lower case, and a "…"
/// (an id copied from a table, its first digits) dropped.
pub(crate) fn hexish(text: &str) -> String {
    text.trim_end_matches('…')
        .chars()
        .filter(|c| *c != ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

impl ObjectSelector {
    /// Parse a selector.
    ///
    /// # Errors
    /// A URI that does not parse.
    pub fn parse(text: &str) -> Result<Self> {
        if Pkcs11Uri::looks_like(text) {
            Ok(ObjectSelector::Uri(Box::new(Pkcs11Uri::parse(text)?)))
        } else {
            Ok(ObjectSelector::Text(text.to_string()))
        }
    }

    fn describe(&self) -> String {
        match self {
            ObjectSelector::Uri(u) => crate::text::redacted_selector(&u.to_string()),
            ObjectSelector::Text(t) => crate::text::redacted_selector(t),
        }
    }

    /// How well this selector names an object, best first: 0 the exact label, the whole
    /// CKA_ID or a URI that matches; 1 a prefix of the CKA_ID (two hex digits or more) or of
    /// the SHA-256 fingerprint (four or more); 2 the label in another case; 3 a part of the
    /// label, in any case. `None`: it does not name it.
    fn level(
        &self,
        label: &str,
        id: &[u8],
        ty: ObjectType,
        fingerprint: Option<&str>,
    ) -> Option<u8> {
        match self {
            ObjectSelector::Uri(uri) => uri.matches_object(label, id, Some(ty)).then_some(0),
            ObjectSelector::Text(text) => {
                let hexish = hexish(text);
                let is_hex = !hexish.is_empty() && hexish.chars().all(|c| c.is_ascii_hexdigit());
                let id_hex = hex::encode(id);
                let (label, text) = (label.trim_end(), text.trim_end());
                if label == text || (is_hex && id_hex == hexish) {
                    Some(0)
                } else if (is_hex && hexish.len() >= 2 && id_hex.starts_with(&hexish))
                    || (is_hex
                        && hexish.len() >= 4
                        && fingerprint.is_some_and(|f| f.starts_with(&hexish)))
                {
                    Some(1)
                } else if !text.is_empty() && label.to_lowercase() == text.to_lowercase() {
                    Some(2)
                } else if text.chars().count() >= 2
                    && label.to_lowercase().contains(&text.to_lowercase())
                {
                    Some(3)
                } else {
                    None
                }
            }
        }
    }

    /// A certificate is named as any object, or by its subject's common name (the name
    /// `certs list` leads with), which counts as the label in another case when whole and as
    /// a part of the label when part.
    fn cert_level(&self, c: &TokenCert) -> Option<u8> {
        let info = c.info.as_ref().ok();
        let fp = info.map(|i| i.fingerprint_sha256.as_str());
        let by_object = self.level(&c.label, &c.id, ObjectType::Cert, fp);
        let by_name = match self {
            ObjectSelector::Text(_) => info
                .and_then(|i| self.level(&i.subject_cn, &[], ObjectType::Cert, None))
                .map(|level| level.max(2)),
            ObjectSelector::Uri(_) => None,
        };
        by_object.into_iter().chain(by_name).min()
    }

    fn key_level(&self, k: &KeyObject) -> Option<u8> {
        let ty = if k.private {
            ObjectType::Private
        } else {
            ObjectType::Public
        };
        self.level(&k.label, &k.id, ty, None)
    }

    /// Does this selector name this certificate (at all)?
    pub fn matches_cert(&self, c: &TokenCert) -> bool {
        self.cert_level(c).is_some()
    }

    /// Does this selector name this key (at all)?
    pub fn matches_key(&self, k: &KeyObject) -> bool {
        self.key_level(k).is_some()
    }

    /// The certificates this selector names best: the exact ones, else the prefixes, else
    /// the label in another case, else a part of the label.
    pub fn best_certs<'a>(
        &self,
        certs: impl IntoIterator<Item = &'a TokenCert>,
    ) -> Vec<&'a TokenCert> {
        best(certs, |c| self.cert_level(c))
    }

    /// The items this selector names best (as [`ObjectSelector::best_certs`]), each seen as
    /// its label, CKA_ID, object type and SHA-256 fingerprint: for lists of entries rather
    /// than the token's own objects.
    pub fn best_by<'a, T>(
        &self,
        items: impl IntoIterator<Item = &'a T>,
        seen: impl Fn(&T) -> (String, Vec<u8>, ObjectType, Option<String>),
    ) -> Vec<&'a T> {
        best(items, |t| {
            let (label, id, ty, fingerprint) = seen(t);
            self.level(&label, &id, ty, fingerprint.as_deref())
        })
    }

    /// The keys this selector names best (as [`ObjectSelector::best_certs`]).
    pub fn best_keys<'a>(
        &self,
        keys: impl IntoIterator<Item = &'a KeyObject>,
    ) -> Vec<&'a KeyObject> {
        best(keys, |k| self.key_level(k))
    }
}

/// The items at the best level any of them reaches.
fn best<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    level: impl Fn(&T) -> Option<u8>,
) -> Vec<&'a T> {
    let scored: Vec<(u8, &T)> = items
        .into_iter()
        .filter_map(|t| level(t).map(|l| (l, t)))
        .collect();
    let top = scored.iter().map(|(l, _)| *l).min();
    scored
        .into_iter()
        .filter(|(l, _)| Some(*l) == top)
        .map(|(_, t)| t)
        .collect()
}

/// The candidate line for a certificate.
pub fn cert_candidate(c: &TokenCert) -> ObjectCandidate {
    ObjectCandidate {
        label: c.label.clone(),
        id: hex::encode(&c.id),
        detail: match &c.info {
            Ok(i) => format!(
                "{} (fingerprint {})",
                i.subject_cn,
                &i.fingerprint_sha256[..16]
            ),
            Err(e) => format!("unreadable: {e}"),
        },
        uri: c.uri.clone(),
        kind: match &c.info {
            Ok(i) => CandidateKind::Certificate {
                name: i.subject_cn.clone(),
                fingerprint: i.fingerprint_sha256[..16].to_string(),
            },
            Err(_) => CandidateKind::UnreadableCertificate,
        },
    }
}

/// Pick one certificate: by selector; else the configured default (a fingerprint); else the
/// only valid certificate whose key is on the token; else the only certificate.
///
/// # Errors
/// No certificate matches, or several do.
pub fn select_cert<'a>(
    certs: &'a [TokenCert],
    selector: Option<&ObjectSelector>,
    default_fingerprint: Option<&str>,
) -> Result<&'a TokenCert> {
    if certs.is_empty() {
        return Err(Error::ObjectNotFound {
            what: "certificate",
            selector: selector.map(ObjectSelector::describe).unwrap_or_default(),
            candidates: Vec::new(),
        });
    }
    let by_default = default_fingerprint.and_then(|fp| {
        certs
            .iter()
            .find(|c| c.info.as_ref().is_ok_and(|i| i.fingerprint_sha256 == fp))
    });
    let matching: Vec<&TokenCert> = match (selector, by_default) {
        (Some(sel), _) => sel.best_certs(certs),
        (None, Some(c)) => vec![c],
        (None, None) => {
            let usable: Vec<&TokenCert> = certs
                .iter()
                .filter(|c| {
                    c.key.kind == MatchKind::ByPublicKey
                        && c.info
                            .as_ref()
                            .is_ok_and(|i| i.validity == Validity::Valid && !i.is_ca)
                })
                .collect();
            if usable.len() == 1 {
                usable
            } else {
                certs.iter().collect()
            }
        }
    };
    one(matching, "certificate", selector, || {
        certs.iter().map(cert_candidate).collect()
    })
}

/// Pick one private key by selector.
///
/// # Errors
/// No private key matches, or several do.
pub fn select_private_key<'a>(
    keys: &'a [KeyObject],
    selector: &ObjectSelector,
) -> Result<&'a KeyObject> {
    let matching: Vec<&KeyObject> = selector.best_keys(keys.iter().filter(|k| k.private));
    let candidate = key_candidate;
    match matching.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::ObjectNotFound {
            what: "private key",
            selector: selector.describe(),
            candidates: keys.iter().filter(|k| k.private).map(candidate).collect(),
        }),
        many => Err(Error::AmbiguousObject {
            what: "private key",
            selector: Some(selector.describe()),
            candidates: many.iter().map(|k| candidate(k)).collect(),
        }),
    }
}

/// The candidate line for a key.
pub fn key_candidate(k: &KeyObject) -> ObjectCandidate {
    ObjectCandidate {
        label: k.label.clone(),
        id: hex::encode(&k.id),
        detail: if k.private {
            "private key"
        } else {
            "public key"
        }
        .into(),
        uri: k.uri.clone(),
        kind: if k.private {
            CandidateKind::PrivateKey
        } else {
            CandidateKind::PublicKey
        },
    }
}

fn one<'a>(
    matching: Vec<&'a TokenCert>,
    what: &'static str,
    selector: Option<&ObjectSelector>,
    all: impl FnOnce() -> Vec<ObjectCandidate>,
) -> Result<&'a TokenCert> {
    match matching.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::ObjectNotFound {
            what,
            selector: selector.map(ObjectSelector::describe).unwrap_or_default(),
            candidates: all(),
        }),
        many => Err(Error::AmbiguousObject {
            what,
            selector: selector.map(ObjectSelector::describe),
            candidates: many.iter().map(|c| cert_candidate(c)).collect(),
        }),
    }
}

/// The certificates on the token that claim `key` (by its public key), the most trustworthy
/// first. Certificate objects are public: anyone holding the token can add one without a
/// PIN, so one with the key's own CKA_ID and an issuer on the token whose signature verifies
/// comes before one that merely carries the same public key.
pub fn certs_of_key<'a>(certs: &'a [TokenCert], key: &KeyObject) -> Vec<&'a TokenCert> {
    let mut claiming: Vec<&TokenCert> = certs
        .iter()
        .filter(|c| c.key.handle == Some(key.handle))
        .collect();
    claiming.sort_by_key(|c| {
        let same_id = c.id == key.id;
        let verifies = issuer_verifies(c, certs);
        let valid = c.info.as_ref().is_ok_and(|i| i.validity == Validity::Valid);
        (!same_id, !verifies, !valid)
    });
    claiming
}

/// Does an issuer of `c` found on the token verify `c`'s signature?
fn issuer_verifies(c: &TokenCert, certs: &[TokenCert]) -> bool {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let Some(issuer) = super::certs::chain(c, certs).into_iter().next() else {
        return false;
    };
    match (
        X509Certificate::from_der(&c.der),
        X509Certificate::from_der(&issuer.der),
    ) {
        (Ok((_, cert)), Ok((_, issuer))) => {
            cert.verify_signature(Some(issuer.public_key())).is_ok()
        }
        _ => false,
    }
}

/// The SHA-256 fingerprint of `cert`, when there is one and it parses.
pub fn fingerprint_of(cert: Option<&TokenCert>) -> Option<String> {
    cert.and_then(|c| c.info.as_ref().ok())
        .map(|i| i.fingerprint_sha256.clone())
}

/// Is `c` the certificate [`certs_of_key`] prefers for its key (or not tied to a key)?
fn preferred_for_its_key(c: &TokenCert, certs: &[TokenCert], keys: &[KeyObject]) -> bool {
    let Some(key) = c
        .key
        .handle
        .and_then(|h| keys.iter().find(|k| k.handle == h))
    else {
        return true;
    };
    certs_of_key(certs, key)
        .first()
        .is_none_or(|best| std::ptr::eq(*best, c))
}

/// Pick a private key (and its certificate, if one is on the token): by selector, which may
/// name the key or its certificate; else the key of the default certificate; else the only
/// private key. Private keys are seen only after a login.
///
/// # Errors
/// No key matches, or several do.
pub fn select_key<'a>(
    certs: &'a [TokenCert],
    keys: &'a [KeyObject],
    selector: Option<&ObjectSelector>,
    default_fingerprint: Option<&str>,
) -> Result<(&'a KeyObject, Option<&'a TokenCert>)> {
    let cert_of = |k: &KeyObject| certs_of_key(certs, k).into_iter().next();
    let key_of = |c: &TokenCert| {
        c.key
            .handle
            .and_then(|h| keys.iter().find(|k| k.handle == h))
    };
    let private: Vec<&KeyObject> = keys.iter().filter(|k| k.private).collect();
    match selector {
        // A certificate named better than any key (its exact label, against a part of a
        // key's label) is the one meant.
        Some(sel)
            if sel
                .best_certs(certs)
                .first()
                .and_then(|c| sel.cert_level(c))
                .is_some_and(|cert| {
                    cert < private
                        .iter()
                        .filter_map(|k| sel.key_level(k))
                        .min()
                        .unwrap_or(u8::MAX)
                }) =>
        {
            let named = sel.best_certs(certs);
            match named.as_slice() {
                [c] => key_of(c)
                    .map(|k| (k, Some(*c)))
                    .ok_or_else(|| Error::ObjectNotFound {
                        what: "private key",
                        selector: format!("the key of certificate \"{}\"", c.label),
                        candidates: Vec::new(),
                    }),
                many => Err(Error::AmbiguousObject {
                    what: "certificate",
                    selector: Some(sel.describe()),
                    candidates: many.iter().map(|c| cert_candidate(c)).collect(),
                }),
            }
        }
        Some(sel) => match select_private_key(keys, sel) {
            Ok(k) => Ok((k, cert_of(k))),
            Err(not_found @ Error::ObjectNotFound { .. }) => {
                let named: Vec<&TokenCert> = sel.best_certs(certs);
                match named.as_slice() {
                    [c] => key_of(c).map(|k| (k, Some(*c))).ok_or(not_found),
                    _ => Err(not_found),
                }
            }
            Err(e) => Err(e),
        },
        None if private.is_empty() => Err(Error::ObjectNotFound {
            what: "private key",
            selector: String::new(),
            candidates: Vec::new(),
        }),
        None if certs.iter().all(|c| key_of(c).is_none()) => match private.as_slice() {
            [one] => Ok((*one, None)),
            many => Err(Error::AmbiguousObject {
                what: "private key",
                selector: None,
                candidates: many.iter().map(|k| key_candidate(k)).collect(),
            }),
        },
        None => {
            // A planted copy claiming a key does not make the choice ambiguous, and a
            // certificate without its key here (a CA's) is no candidate.
            let preferred: Vec<TokenCert> = certs
                .iter()
                .filter(|c| key_of(c).is_some() && preferred_for_its_key(c, certs, keys))
                .cloned()
                .collect();
            let chosen = select_cert(&preferred, None, default_fingerprint)?;
            let cert = certs
                .iter()
                .find(|c| c.handle == chosen.handle)
                .expect("chosen among them");
            let key = key_of(cert).ok_or_else(|| Error::ObjectNotFound {
                what: "private key",
                selector: format!("the key of certificate \"{}\"", cert.label),
                candidates: Vec::new(),
            })?;
            Ok((key, Some(cert)))
        }
    }
}
