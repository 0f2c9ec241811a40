//! The bodies of the fuzz targets (`fuzz/`), here so that `cargo test` can replay their
//! committed corpora (`fuzz/seeds/<target>/`, see `tests/fuzz_corpus.rs`) without libFuzzer.
//! Each takes arbitrary bytes and must not panic; some also check an invariant.
#![allow(missing_docs, clippy::missing_errors_doc)]

use crate::pin::Pin;

/// A fuzz target: arbitrary bytes in, a panic on a bug.
pub type Target = fn(&[u8]);

/// Every target, by the name of its corpus folder.
pub const ALL: &[(&str, Target)] = &[
    ("uri", uri),
    ("certs", certs),
    ("pkcs12", pkcs12),
    ("key_file", key_file),
    ("cms", cms),
    ("chain", chain),
    ("recovery_key", recovery_key),
    ("recovery_blob", recovery_blob),
    ("config", config),
    ("csr_template", csr_template),
];

/// RFC 7512 URIs: whatever parses prints a URI that parses back to the same value, except
/// what tokenward never prints (`pin-value`, and `slot-id`, which is not stable).
pub fn uri(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(uri) = crate::uri::Pkcs11Uri::parse(text) {
        let printed = uri.to_string();
        let again = crate::uri::Pkcs11Uri::parse(&printed).expect("a printed URI parses");
        let mut expected = uri;
        expected.pin_value = None;
        expected.slot_id = None;
        assert_eq!(again, expected, "{printed}");
    }
}

/// Certificates as a token object's value and as a file (PEM or DER): parsed and presented.
pub fn certs(data: &[u8]) {
    if let Ok(info) = crate::cert::parse(data) {
        let _ = serde_json::to_string(&info).expect("a parsed certificate serialises");
        assert_eq!(info.fingerprint_sha256.len(), 64);
    }
    if let Ok(ders) = crate::cert::split_pem_or_der(data) {
        for der in ders {
            let _ = crate::cert::parse(&der);
        }
    }
}

/// PKCS#12 files, with a password.
pub fn pkcs12(data: &[u8]) {
    if crate::keys::import::looks_like_pkcs12(data) {
        let _ = crate::keys::import::from_pkcs12(data, &Pin::copy_of("password"));
    }
}

/// Key files: PEM (plain, PKCS#1, SEC1, encrypted PKCS#8) and DER PKCS#8.
pub fn key_file(data: &[u8]) {
    let password = || Ok(Pin::copy_of("password"));
    let _ = crate::keys::material::PrivateKey::from_file_data(data, Some(&password));
    let _ = crate::keys::material::PrivateKey::from_pkcs8(data);
    let _ = crate::keys::material::PrivateKey::from_pkcs1(data);
    let _ = crate::keys::import::from_key_files(data, Some(data), &password);
}

/// CMS signature files: decoded, and verified over fixed content.
pub fn cms(data: &[u8]) {
    let _ = crate::sign::cms::decode(data);
    let content = crate::sign::Content::Bytes(b"payment order 42\n");
    let _ = crate::sign::cms::verify_detached(&content, data, &[]);
}

/// Certificate chains: the input as the leaf, as a pool and as the trusted CA.
pub fn chain(data: &[u8]) {
    let ders = crate::cert::split_pem_or_der(data).unwrap_or_else(|_| vec![data.to_vec()]);
    if let Some(leaf) = ders.first() {
        let _ = crate::cert::path::validate(leaf, &ders, &ders, None);
    }
}

/// The recovery key as typed from the mail.
pub fn recovery_key(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(key) = crate::recovery::key::RecoveryKey::parse(text) {
            // What parses prints as something that parses to the same key.
            let again = crate::recovery::key::RecoveryKey::parse(&key.to_text()).expect("reparses");
            assert_eq!(again.fingerprint(), key.fingerprint());
        }
    }
}

/// The recovery data on a token (anyone can write it: it is a public object).
pub fn recovery_blob(data: &[u8]) {
    if let Ok(blob) = crate::recovery::seal::Blob::from_bytes(data) {
        if let Ok(key) = crate::recovery::key::RecoveryKey::generate() {
            let _ = blob.unseal(&key, &blob.token_serial);
        }
    }
}

/// The configuration file.
pub fn config(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = crate::config::Config::parse(text);
    }
}

/// Certificate request templates.
pub fn csr_template(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(t) = crate::keys::csr::CsrTemplate::parse(text) {
            if let Ok(r) = t.request() {
                let _ = r.params();
            }
        }
        let _ = crate::keys::csr::parse_subject(text);
    }
}
