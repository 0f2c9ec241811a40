//! Certificate path validation (`certs verify`, `verify --ca`) on the paths of
//! `fixtures/generate-paths.sh`, each also checked with `openssl verify -x509_strict`.

mod common;

use std::path::PathBuf;

use common::{path, Hsm, Run};

fn p(name: &str) -> PathBuf {
    common::fixture(&format!("paths/{name}.pem"))
}

/// `tokenward certs verify CERT --ca root.pem --chain …` with the JSON result.
fn verify(hsm: &Hsm, cert: &str, chain: &[&str], extra: &[&str]) -> Run {
    let (cert, root) = (p(cert), p("root"));
    let chain: Vec<PathBuf> = chain.iter().map(|c| p(c)).collect();
    let mut args = vec![
        "certs",
        "verify",
        path(&cert),
        "--ca",
        path(&root),
        "--json",
    ];
    for c in &chain {
        args.extend(["--chain", path(c)]);
    }
    args.extend_from_slice(extra);
    hsm.run(&args)
}

/// What `openssl verify -x509_strict -partial_chain` says: true when it accepts.
fn openssl_accepts(hsm: &Hsm, cert: &str, chain: &[&str]) -> bool {
    let (cert, root) = (p(cert), p("root"));
    let chain: Vec<PathBuf> = chain.iter().map(|c| p(c)).collect();
    let mut args = vec![
        "verify",
        "-x509_strict",
        "-partial_chain",
        "-CAfile",
        path(&root),
    ];
    for c in &chain {
        args.extend(["-untrusted", path(c)]);
    }
    args.push(path(&cert));
    hsm.run_peer("openssl", &args).code == 0
}

#[test]
fn valid_and_invalid_paths_agree_with_openssl() {
    let hsm = Hsm::new();
    let cases: &[(&str, &[&str], bool)] = &[
        ("signer", &["ca"], true),
        // An end entity cannot issue certificates (the critical finding).
        ("ee-issued", &["ca", "signer"], false),
        // pathlen 0 on ca: no CA below it.
        ("deep-signer", &["ca", "sub-ca"], false),
        // Name constraints on the subject DN and on email addresses.
        ("nc-good", &["nc-ca"], true),
        ("nc-bad-dn", &["nc-ca"], false),
        ("nc-bad-email", &["nc-ca"], false),
        // An unknown critical extension; keyCertSign on a certificate that is not a CA.
        ("critical-unknown", &["ca"], false),
        ("keycertsign-ee", &["ca"], false),
        ("expired", &["ca"], false),
    ];
    for (cert, chain, valid) in cases {
        let out = verify(&hsm, cert, chain, &[]);
        assert_eq!(
            openssl_accepts(&hsm, cert, chain),
            *valid,
            "openssl disagrees with the fixture's intent on {cert}"
        );
        if *valid {
            let v = out.ok().json();
            assert_eq!(v["valid"], true);
            assert_eq!(v["path"]["revocation_checked"], false);
        } else {
            let v = out.code(7).json();
            assert_eq!(v["error"]["kind"], "verification_failed", "{cert}: {v}");
        }
    }
}

#[test]
fn rules_beyond_what_this_openssl_checks() {
    let hsm = Hsm::new();
    // RFC 5280 requires the authority key identifier (OpenSSL 3.0's strict mode does not).
    let v = verify(&hsm, "no-aki", &["ca"], &[]).code(7).json();
    assert_eq!(v["error"]["reason"], "path_invalid");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("authority key identifier"));
    // The signer's own key usage must allow signing.
    let v = verify(&hsm, "encrypt-only", &["ca"], &[]).code(7).json();
    assert_eq!(v["error"]["reason"], "signer_may_not_sign");
    // A CA with an empty subject, and a CA without a subject key identifier.
    for (signer, ca) in [
        ("empty-ca-signer", "empty-ca"),
        ("no-ski-signer", "no-ski-ca"),
    ] {
        let v = verify(&hsm, signer, &[ca], &[]).code(7).json();
        assert_eq!(v["error"]["reason"], "path_invalid", "{signer}: {v}");
    }
    // A root whose basicConstraints is not critical.
    let (weak, weak_root) = (p("weak-signer"), p("weak-root"));
    hsm.run(&["certs", "verify", path(&weak), "--ca", path(&weak_root)])
        .code(7);
}

#[test]
fn an_anchor_need_not_be_self_signed_and_every_issuer_is_tried() {
    let hsm = Hsm::new();
    // Trusting the intermediate alone.
    let (signer, ca) = (p("signer"), p("ca"));
    hsm.run(&["certs", "verify", path(&signer), "--ca", path(&ca)])
        .ok();
    // A CA with the same subject and another key comes first in the pool.
    let v = verify(&hsm, "signer", &["ca-twin", "ca"], &[]).ok().json();
    assert_eq!(v["path"]["chain"].as_array().unwrap().len(), 3, "{v}");
}

#[test]
fn time_is_checked_where_asked_and_not_after_is_inclusive() {
    let hsm = Hsm::new();
    verify(&hsm, "expired", &["ca"], &[]).code(7);
    verify(&hsm, "expired", &["ca"], &["--at", "2025-03-01T00:00:00Z"]).ok();
    verify(
        &hsm,
        "expired",
        &["ca"],
        &["--at", "2025-06-01T00:00:00.25Z"],
    )
    .ok();
    verify(&hsm, "expired", &["ca"], &["--at", "2025-06-01T00:00:01Z"]).code(7);
    // Unreadable input is exit 2, not "invalid".
    let junk = hsm.write("junk.pem", "not a certificate");
    let root = p("root");
    hsm.run(&["certs", "verify", path(&junk), "--ca", path(&root)])
        .code(2);
}

#[test]
fn verify_ca_no_longer_trusts_a_signature_by_an_end_entitys_subordinate() {
    let hsm = Hsm::new();
    let doc = hsm.write("order.txt", "pay 1,000,000 to Mallory\n");
    let sig = hsm.path("order.txt.p7s");
    let (cert, key, ca, signer) = (
        p("ee-issued"),
        common::fixture("paths/ee-issued.key"),
        p("ca"),
        p("signer"),
    );
    let bundle = hsm.write(
        "bundle.pem",
        [std::fs::read(&ca).unwrap(), std::fs::read(&signer).unwrap()].concat(),
    );
    hsm.run_peer(
        "openssl",
        &[
            "cms",
            "-sign",
            "-binary",
            "-in",
            path(&doc),
            "-signer",
            path(&cert),
            "-inkey",
            path(&key),
            "-certfile",
            path(&bundle),
            "-outform",
            "DER",
            "-out",
            path(&sig),
        ],
    )
    .ok();
    let root = p("root");
    let v = hsm
        .run(&[
            "verify",
            path(&doc),
            path(&sig),
            "--ca",
            path(&root),
            "--json",
        ])
        .code(7)
        .json();
    assert_eq!(v["error"]["kind"], "verification_failed");
    // The signature itself is fine: without --ca it verifies (and says the path was not checked).
    let v = hsm
        .run(&["verify", path(&doc), path(&sig), "--json"])
        .ok()
        .json();
    assert!(v["checked"].to_string().contains("not checked"));
}

/// A certificate made in memory: `ca` says whether it is a CA; signed by `issuer` (itself
/// when `None`).
fn make_cert(
    subject: &str,
    key: &openssl::pkey::PKey<openssl::pkey::Private>,
    issuer: Option<(
        &openssl::x509::X509,
        &openssl::pkey::PKey<openssl::pkey::Private>,
    )>,
    ca: bool,
    serial: u32,
) -> openssl::x509::X509 {
    use openssl::asn1::{Asn1Integer, Asn1Time};
    use openssl::bn::BigNum;
    use openssl::hash::MessageDigest;
    use openssl::x509::extension::{
        AuthorityKeyIdentifier, BasicConstraints, KeyUsage, SubjectKeyIdentifier,
    };
    use openssl::x509::{X509Builder, X509NameBuilder};
    let mut name = X509NameBuilder::new().unwrap();
    name.append_entry_by_text("CN", subject).unwrap();
    let name = name.build();
    let mut b = X509Builder::new().unwrap();
    b.set_version(2).unwrap();
    b.set_serial_number(&Asn1Integer::from_bn(&BigNum::from_u32(serial).unwrap()).unwrap())
        .unwrap();
    b.set_subject_name(&name).unwrap();
    match issuer {
        Some((cert, _)) => b.set_issuer_name(cert.subject_name()).unwrap(),
        None => b.set_issuer_name(&name).unwrap(),
    }
    b.set_pubkey(key).unwrap();
    b.set_not_before(&Asn1Time::from_str("20250101000000Z").unwrap())
        .unwrap();
    b.set_not_after(&Asn1Time::from_str("20451231235959Z").unwrap())
        .unwrap();
    let bc = if ca {
        BasicConstraints::new().critical().ca().build()
    } else {
        BasicConstraints::new().critical().build()
    };
    b.append_extension(bc.unwrap()).unwrap();
    let ku = if ca {
        KeyUsage::new()
            .critical()
            .key_cert_sign()
            .crl_sign()
            .build()
    } else {
        KeyUsage::new().critical().digital_signature().build()
    };
    b.append_extension(ku.unwrap()).unwrap();
    let ski = SubjectKeyIdentifier::new()
        .build(&b.x509v3_context(issuer.map(|(c, _)| c.as_ref()), None))
        .unwrap();
    b.append_extension(ski).unwrap();
    if issuer.is_some() {
        let aki = AuthorityKeyIdentifier::new()
            .keyid(true)
            .build(&b.x509v3_context(issuer.map(|(c, _)| c.as_ref()), None))
            .unwrap();
        b.append_extension(aki).unwrap();
    }
    let signing_key = issuer.map(|(_, k)| k).unwrap_or(key);
    b.sign(signing_key, MessageDigest::sha256()).unwrap();
    b.build()
}

#[test]
fn a_hundred_intermediates_sharing_one_subject_are_tried_until_the_issuer() {
    use openssl::ec::{EcGroup, EcKey};
    use openssl::nid::Nid;
    use openssl::pkey::PKey;
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let new_key = || PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap();
    let root_key = new_key();
    let root = make_cert("Graph Root", &root_key, None, true, 1);
    let mut pool = Vec::new();
    for i in 0..100 {
        let k = new_key();
        pool.push(
            make_cert("Hub", &k, Some((&root, &root_key)), true, 100 + i)
                .to_der()
                .unwrap(),
        );
    }
    let hub_key = new_key();
    let hub = make_cert("Hub", &hub_key, Some((&root, &root_key)), true, 99);
    // The real issuer is the last candidate.
    pool.push(hub.to_der().unwrap());
    let leaf_key = new_key();
    let leaf = make_cert("Signer", &leaf_key, Some((&hub, &hub_key)), false, 7);
    let path = tokenward::cert::path::validate(
        &leaf.to_der().unwrap(),
        &pool,
        &[root.to_der().unwrap()],
        None,
    )
    .unwrap();
    assert_eq!(path.chain.len(), 3);
    // And a leaf whose issuer is not among them is refused, not searched for ever.
    let stranger_key = new_key();
    let stranger_ca = make_cert("Hub", &stranger_key, Some((&root, &root_key)), true, 98);
    let orphan = make_cert(
        "Orphan",
        &new_key(),
        Some((&stranger_ca, &stranger_key)),
        false,
        8,
    );
    assert!(tokenward::cert::path::validate(
        &orphan.to_der().unwrap(),
        &pool,
        &[root.to_der().unwrap()],
        None
    )
    .is_err());
}
