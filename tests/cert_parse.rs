//! Parsing and presenting certificates from the fixtures, including the national attributes,
//! list-only algorithms, and broken input (the same path the `certs` fuzz target drives).

use tokenward::cert::{self, KeySupport, Validity};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_leaf_in_words() {
    let info = cert::parse(&fixture("leaf-p256.der")).unwrap();
    assert_eq!(info.subject_cn, "Ivanov Ivan (P-256)");
    assert_eq!(info.subject, "CN=Ivanov Ivan (P-256), O=Romashka LLC, C=RU");
    assert_eq!(info.issuer_cn, "Tokenward Test Intermediate");
    assert_eq!(info.validity, Validity::Valid);
    assert!(info.days_left > 1000);
    assert_eq!(info.key_usage, ["digital_signature", "non_repudiation"]);
    assert_eq!(info.extended_key_usage, ["client_auth", "email_protection"]);
    assert_eq!(
        info.subject_alt_names,
        ["email:ivanov@example.test", "dns:accounting.example.test"]
    );
    assert_eq!(info.key_algorithm, "EC P-256");
    assert_eq!(info.signature_algorithm, "ECDSA with SHA-256");
    assert!(info.can_sign && info.key_usable && !info.is_ca);
    assert_eq!(info.fingerprint_sha256.len(), 64);
    let rsa = cert::parse(&fixture("leaf-rsa2048.der")).unwrap();
    assert_eq!(rsa.key_algorithm, "RSA 2048");
    let ed = cert::parse(&fixture("leaf-ed25519.der")).unwrap();
    assert_eq!(ed.key_algorithm, "Ed25519");
    assert!(matches!(ed.public_key, cert::PublicKeyMaterial::Ed25519(ref k) if k.len() == 32));
}

#[test]
fn validity_and_key_usage_words() {
    assert_eq!(
        cert::parse(&fixture("expired.der")).unwrap().validity,
        Validity::Expired
    );
    assert!(cert::parse(&fixture("expired.der")).unwrap().days_left < 0);
    assert_eq!(
        cert::parse(&fixture("not-yet-valid.der")).unwrap().validity,
        Validity::NotYetValid
    );
    let enc = cert::parse(&fixture("encrypt-only.der")).unwrap();
    assert!(!enc.can_sign);
    assert_eq!(enc.key_usage, ["key_encipherment"]);
    let root = cert::parse(&fixture("root.der")).unwrap();
    assert!(root.is_ca);
    let inter = cert::parse(&fixture("intermediate.der")).unwrap();
    assert_eq!(inter.authority_key_id, root.subject_key_id);
}

#[test]
fn russian_and_mexican_identifiers_by_name() {
    let ru = cert::parse(&fixture("russian.der")).unwrap();
    assert_eq!(ru.subject_cn, "Иванов Иван Иванович");
    let ids: Vec<(&str, &str)> = ru
        .national_ids
        .iter()
        .map(|n| (n.kind, n.value.as_str()))
        .collect();
    for want in [
        ("inn", "771234567890"),
        ("inn_le", "7712345678"),
        ("ogrn", "1027700132195"),
        ("ogrnip", "304500116000157"),
        ("snils", "11223344595"),
    ] {
        assert!(ids.contains(&want), "{want:?} in {ids:?}");
    }
    assert!(
        ru.subject.contains("INN=771234567890") && ru.subject.contains("SNILS=11223344595"),
        "{}",
        ru.subject
    );
    assert!(
        !ru.subject.contains("1.2.643"),
        "no bare OIDs: {}",
        ru.subject
    );

    let mx = cert::parse(&fixture("sat.der")).unwrap();
    let ids: Vec<(&str, &str)> = mx
        .national_ids
        .iter()
        .map(|n| (n.kind, n.value.as_str()))
        .collect();
    assert_eq!(
        ids,
        [("rfc", "HEGJ820506M10"), ("curp", "HEGJ820506HDFRRN09")]
    );
    assert_eq!(mx.subject_cn, "JOSÉ HERNÁNDEZ GARCÍA");
}

#[test]
fn gost_is_named_and_list_only() {
    let gost = cert::parse(&fixture("gost.der")).unwrap();
    assert_eq!(gost.key_algorithm, "GOST R 34.10-2012 (256 bit)");
    assert!(gost.signature_algorithm.starts_with("GOST R 34.10-2012"));
    assert!(!gost.key_usable);
    assert_eq!(
        cert::names::key_algorithm("1.2.643.7.1.1.1.1").1,
        KeySupport::ListOnly
    );
    assert_eq!(gost.national_ids[0].kind, "inn");
}

#[test]
fn long_unicode_subjects_survive() {
    let u = cert::parse(&fixture("unicode.der")).unwrap();
    assert!(u.subject.chars().count() > 200, "{}", u.subject);
    assert!(
        u.subject.contains("会計事務所") && u.subject.contains("Ñandú"),
        "{}",
        u.subject
    );
    assert!(
        u.subject.contains("OU=Отдел   "),
        "trailing spaces are kept: {}",
        u.subject
    );
}

#[test]
fn broken_input_is_an_explanation_not_a_crash() {
    for bad in ["not-a-cert.der", "truncated.der", "empty.pem"] {
        let err = cert::parse(&fixture(bad)).unwrap_err();
        assert!(!err.is_empty(), "{bad}");
    }
    let info = cert::parse(&fixture("trailing-bytes.der")).unwrap();
    assert!(
        info.warnings[0].contains("extra bytes"),
        "{:?}",
        info.warnings
    );
    // Every prefix and a bit flip in each of the first bytes: never a panic.
    let der = fixture("leaf-p256.der");
    for len in 0..der.len() {
        let _ = cert::parse(&der[..len]);
    }
    for i in 0..der.len().min(400) {
        let mut d = der.clone();
        d[i] ^= 0x41;
        let _ = cert::parse(&d);
    }
}

#[test]
fn pem_bundles_split_and_broken_pem_is_explained() {
    assert_eq!(
        cert::split_pem_or_der(&fixture("bundle.pem"))
            .unwrap()
            .len(),
        3
    );
    let der = fixture("leaf-p256.der");
    assert_eq!(cert::split_pem_or_der(&der).unwrap(), vec![der.clone()]);
    let err = cert::split_pem_or_der(&fixture("broken-base64.pem")).unwrap_err();
    assert!(err.contains("damaged"), "{err}");
    assert!(cert::split_pem_or_der(&fixture("empty.pem"))
        .unwrap_err()
        .contains("empty"));
    let pem = cert::to_pem(&der);
    assert_eq!(cert::split_pem_or_der(pem.as_bytes()).unwrap(), vec![der]);
}
