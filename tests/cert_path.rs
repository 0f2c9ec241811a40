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
