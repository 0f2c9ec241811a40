//! `tokenward check`, `sign` and `verify` against real SoftHSM2 tokens, checked both ways
//! with openssl (cms, dgst, pkeyutl) and pkcs11-tool.

mod common;

use common::{fixture, path, Hsm, Run, SOFTHSM, USER_PIN};

/// A token with the RSA and P-256 leaf keys and certificates (and the intermediate CA).
fn token_with_leaves() -> Hsm {
    let hsm = Hsm::with_tokens(&["sign"]);
    hsm.import_p12("modern-rsa.p12", "rsa");
    hsm.import_p12("modern-p256.p12", "ec");
    hsm
}

/// `openssl cms -verify` of a detached DER signature up to the fixtures' root: passes?
fn openssl_cms_verifies(hsm: &Hsm, content: &str, sig: &str) -> bool {
    let v = hsm.run_peer(
        "openssl",
        &[
            "cms",
            "-verify",
            "-binary",
            "-content",
            content,
            "-inform",
            "DER",
            "-in",
            sig,
            "-CAfile",
            path(&fixture("root.pem")),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
    );
    let ok = v.stderr.contains("Verification successful");
    if !ok {
        eprintln!("openssl cms -verify: {}", v.all_output());
    }
    ok
}

fn document(hsm: &Hsm, name: &str) -> std::path::PathBuf {
    hsm.write(name, std::fs::read(fixture("document.txt")).unwrap())
}

#[test]
fn check_signs_and_verifies_every_mechanism() {
    let hsm = token_with_leaves();
    let out = hsm.tw(&["check", "--cert", "rsa", "--json"]).ok().json();
    assert_eq!(out["ok"], true);
    let report = &out["report"];
    assert_eq!(report["verified_against"], "certificate");
    let names: Vec<&str> = report["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["passed"], true, "{m}");
            m["mechanism"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "rsa_pkcs1_sha256",
            "rsa_pkcs1_sha384",
            "rsa_pkcs1_sha512",
            "rsa_pss_sha256",
            "rsa_pss_sha384",
            "rsa_pss_sha512"
        ]
    );
    let out = hsm.tw(&["check", "--cert", "ec"]).ok();
    assert!(out.stdout.contains("ecdsa-sha256  pass"), "{}", out.stdout);
    assert!(
        out.stdout.contains("The token signs correctly"),
        "{}",
        out.stdout
    );

    // A key without a certificate is checked against its own public key.
    hsm.tw(&["keys", "generate", "--type", "ed25519", "--label", "ed"])
        .ok();
    let out = hsm.tw(&["check", "--key", "ed", "--json"]).ok().json();
    assert_eq!(out["report"]["verified_against"], "token_public_key");
    assert_eq!(out["report"]["mechanisms"][0]["mechanism"], "ed25519");
    assert_eq!(out["report"]["mechanisms"][0]["passed"], true);
}

#[test]
fn check_says_when_certificate_and_key_cannot_be_used() {
    let hsm = Hsm::with_tokens(&["chk"]);
    // Expired certificate, and one whose key usage forbids signing.
    hsm.import_pem("expired", "old");
    hsm.import_pem("encrypt-only", "enc");
    let out = hsm.tw(&["check", "--cert", "old", "--json"]).code(7).json();
    assert_eq!(out["ok"], false);
    assert!(out["report"]["problems"]
        .as_array()
        .unwrap()
        .contains(&"certificate_expired".into()));
    let text = hsm.tw(&["check", "--cert", "old"]).code(7).stdout;
    assert!(text.contains("the certificate has expired"), "{text}");
    let out = hsm.tw(&["check", "--cert", "enc", "--json"]).code(7).json();
    assert!(out["report"]["problems"]
        .as_array()
        .unwrap()
        .contains(&"certificate_forbids_signing".into()));

    // A certificate that shares the key's CKA_ID but not its public key.
    hsm.tw(&[
        "keys", "generate", "--type", "p256", "--label", "k", "--id", "c0ffee",
    ])
    .ok();
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        USER_PIN,
        "--write-object",
        path(&fixture("leaf-p256.der")),
        "--type",
        "cert",
        "--id",
        "c0ffee",
        "--label",
        "wrong-cert",
    ])
    .ok();
    let out = hsm.tw(&["check", "--key", "k", "--json"]).code(7).json();
    let problems = out["report"]["problems"].as_array().unwrap().clone();
    assert!(
        problems.contains(&"certificate_key_mismatch".into()),
        "{problems:?}"
    );
    let text = hsm.tw(&["check", "--key", "k"]).code(7).stdout;
    assert!(text.contains("do not belong together"), "{text}");
}

#[test]
fn cms_signatures_verify_with_openssl_and_tokenward() {
    let hsm = token_with_leaves();
    for key in ["rsa", "ec"] {
        let doc = document(&hsm, &format!("{key}.txt"));
        let out = hsm
            .tw(&["sign", path(&doc), "--key", key, "--json"])
            .ok()
            .json();
        let sig = out["signed"][0]["signature"].as_str().unwrap().to_string();
        assert!(sig.ends_with(".p7s"));
        // OpenSSL verifies it, with the chain the signature carries up to the root.
        assert!(openssl_cms_verifies(&hsm, path(&doc), &sig), "{key}");
        // tokenward verifies it too, with the chain.
        let ok = hsm
            .run(&[
                "verify",
                path(&doc),
                &sig,
                "--ca",
                path(&fixture("root.pem")),
                "--json",
            ])
            .ok()
            .json();
        assert_eq!(ok["valid"], true);
        assert!(ok["signer"].as_str().unwrap().contains("Ivanov Ivan"));
        assert_eq!(ok["chain"].as_array().unwrap().len(), 3);
        // Names in the one order shown everywhere: the signer as `certs list --full` has it.
        assert!(
            ok["signer"] == ok["chain"][0]
                && ok["chain"][0]
                    .as_str()
                    .unwrap()
                    .starts_with("CN=Ivanov Ivan")
                && ok["chain"][2].as_str().unwrap().ends_with("C=RU"),
            "{ok:#}"
        );
        assert!(ok["signing_time"].as_str().unwrap().starts_with("20"));

        // One flipped bit in the signature, another file, an untrusted CA: all rejected.
        let mut bytes = std::fs::read(&sig).unwrap();
        let n = bytes.len() - 5;
        bytes[n] ^= 0x01;
        let flipped = hsm.write(&format!("{key}-flipped.p7s"), bytes);
        let out = hsm
            .run(&["verify", path(&doc), path(&flipped), "--json"])
            .code(7);
        assert_eq!(out.json()["error"]["kind"], "verification_failed");
        let other = hsm.write(&format!("{key}-other.txt"), "another file");
        let out = hsm.run(&["verify", path(&other), &sig]).code(7);
        assert!(out.stderr.contains("digest differs"), "{}", out.stderr);
        let out = hsm
            .run(&[
                "verify",
                path(&doc),
                &sig,
                "--ca",
                path(&fixture("self-signed.pem")),
            ])
            .code(7);
        assert!(
            out.stderr
                .contains("unable to get local issuer certificate"),
            "{}",
            out.stderr
        );
    }
    // Ed25519 CMS (RFC 8419) verifies with tokenward (OpenSSL 3.0 cannot; docs/module-quirks.md).
    hsm.import_pem("leaf-ed25519", "ed");
    let doc = document(&hsm, "ed.txt");
    hsm.tw(&["sign", path(&doc), "--key", "ed"]).ok();
    hsm.run(&["verify", path(&doc), &format!("{}.p7s", path(&doc))])
        .ok();
}

/// The subjects of the certificates a DER CMS signature carries, as openssl prints them.
fn certificates_in(hsm: &Hsm, sig: &str) -> Vec<String> {
    let out = hsm
        .run_peer(
            "openssl",
            &[
                "pkcs7",
                "-inform",
                "DER",
                "-in",
                sig,
                "-print_certs",
                "-noout",
            ],
        )
        .ok();
    out.stdout
        .lines()
        .filter(|l| l.starts_with("subject="))
        .map(str::to_string)
        .collect()
}

#[test]
fn chain_takes_the_issuers_from_a_file_when_the_token_lacks_them() {
    let hsm = token_with_leaves();
    // The intermediate leaves the token (pkcs11-tool, not ours): a token holding only the
    // signer's certificate, as many do.
    hsm.run_peer(
        "pkcs11-tool",
        &[
            "--module",
            *SOFTHSM,
            "--login",
            "--pin",
            USER_PIN,
            "--delete-object",
            "--type",
            "cert",
            "--label",
            "Tokenward Test Intermediate",
        ],
    )
    .ok();
    let doc = document(&hsm, "doc.txt");
    let sig = format!("{}.p7s", path(&doc));
    let signed = |args: &[&str]| {
        traced(
            &hsm,
            &[&["sign", path(&doc), "--key", "rsa", "--force"], args].concat(),
        )
    };
    // From the token alone: only the signer's certificate, which openssl cannot take to the
    // root.
    let alone = signed(&[]).ok();
    assert_eq!(certificates_in(&hsm, &sig).len(), 1);
    assert!(!openssl_cms_verifies(&hsm, path(&doc), &sig));
    // With the intermediate and the root in a file, among a certificate that issued nothing:
    // the chain goes in, in order, and the token is not searched for issuers.
    let bundle = hsm.write(
        "issuers.pem",
        [
            std::fs::read_to_string(fixture("leaf-p256.pem")).unwrap(),
            std::fs::read_to_string(fixture("root.pem")).unwrap(),
            std::fs::read_to_string(fixture("intermediate.pem")).unwrap(),
        ]
        .concat(),
    );
    let given = signed(&["--chain", path(&bundle)]).ok();
    let certs = certificates_in(&hsm, &sig);
    assert_eq!(certs.len(), 3, "{certs:?}");
    assert!(certs[0].contains("Ivanov Ivan (RSA"), "{certs:?}");
    assert!(certs[1].contains("Intermediate"), "{certs:?}");
    assert!(certs[2].contains("Root"), "{certs:?}");
    assert!(openssl_cms_verifies(&hsm, path(&doc), &sig));
    assert!(
        calls(&given.stderr, "C_FindObjects") < calls(&alone.stderr, "C_FindObjects"),
        "{}\n---\n{}",
        given.stderr,
        alone.stderr
    );
    // DER works too (one certificate a file, the flag repeated).
    hsm.tw(&[
        "sign",
        path(&doc),
        "--key",
        "rsa",
        "--force",
        "--chain",
        path(&fixture("intermediate.der")),
        "--chain",
        path(&fixture("root.der")),
    ])
    .ok();
    assert_eq!(certificates_in(&hsm, &sig).len(), 3);

    // Refusals: exit 2, said plainly, no signature written.
    std::fs::remove_file(&sig).unwrap();
    let (other, junk, intermediate) = (
        fixture("leaf-p256.pem"),
        fixture("not-a-cert.der"),
        fixture("intermediate.pem"),
    );
    let refusals: [(&[&str], &[&str]); 4] = [
        (
            &["--chain", path(&other)],
            &[
                "none of the certificates given with --chain issued",
                "Tokenward Test Intermediate",
                "leave --chain out",
            ],
        ),
        (&["--chain", path(&junk)], &["not-a-cert.der"]),
        (
            &["--format", "raw", "--chain", path(&intermediate)],
            &["a raw signature carries no certificates"],
        ),
        (
            &["--no-chain", "--chain", path(&intermediate)],
            &["--no-chain"],
        ),
    ];
    for (flags, said) in refusals {
        let mut args = vec!["sign", path(&doc), "--key", "rsa"];
        args.extend_from_slice(flags);
        let out = hsm.tw(&args).code(2);
        for words in said {
            assert!(out.stderr.contains(words), "{flags:?}: {}", out.stderr);
        }
    }
    assert!(!std::path::Path::new(&sig).exists());
    assert!(!hsm.path("doc.txt.sig").exists());
    // In JSON, the refusal's kind.
    let out = hsm
        .tw(&[
            "sign",
            path(&doc),
            "--key",
            "rsa",
            "--chain",
            path(&other),
            "--json",
        ])
        .code(2);
    assert_eq!(
        out.json()["error"]["reason"],
        "no_issuer_in_chain_file",
        "{}",
        out.stdout
    );
}

#[test]
fn no_chain_leaves_the_issuers_out_of_a_cms_signature() {
    let hsm = token_with_leaves();
    let doc = document(&hsm, "doc.txt");
    let with = format!("{}.p7s", path(&doc));
    hsm.tw(&["sign", path(&doc), "--key", "rsa"]).ok();
    let full = certificates_in(&hsm, &with);
    assert_eq!(full.len(), 2, "{full:?}");
    assert!(full[1].contains("Intermediate"), "{full:?}");
    let bare = hsm.path("bare.p7s");
    hsm.tw(&[
        "sign",
        path(&doc),
        "--key",
        "rsa",
        "--no-chain",
        "--out",
        path(&bare),
    ])
    .ok();
    let only = certificates_in(&hsm, path(&bare));
    assert_eq!(only.len(), 1, "{only:?}");
    assert!(only[0].contains("Ivanov Ivan"), "{only:?}");
    // Still a valid signature by the certificate it carries (openssl, the chain not checked).
    let v = hsm.run_peer(
        "openssl",
        &[
            "cms",
            "-verify",
            "-binary",
            "-noverify",
            "-content",
            path(&doc),
            "-inform",
            "DER",
            "-in",
            path(&bare),
            "-out",
            "/dev/null",
        ],
    );
    assert!(
        v.stderr.contains("Verification successful"),
        "{}",
        v.all_output()
    );
}

#[test]
fn tokenward_verifies_what_openssl_and_pkcs11_tool_signed() {
    let hsm = token_with_leaves();
    let doc = document(&hsm, "doc.txt");
    // openssl cms -sign with signed attributes and its chain.
    let sig = hsm.path("openssl.p7s");
    hsm.run_peer(
        "openssl",
        &[
            "cms",
            "-sign",
            "-binary",
            "-in",
            path(&doc),
            "-signer",
            path(&fixture("leaf-p256.pem")),
            "-inkey",
            path(&fixture("leaf-p256.key")),
            "-certfile",
            path(&fixture("intermediate.pem")),
            "-outform",
            "DER",
            "-out",
            path(&sig),
        ],
    )
    .ok();
    hsm.run(&[
        "verify",
        path(&doc),
        path(&sig),
        "--ca",
        path(&fixture("root.pem")),
    ])
    .ok();
    // openssl cms -sign without attributes or certificates: the certificate is given.
    let bare = hsm.path("bare.p7s");
    hsm.run_peer(
        "openssl",
        &[
            "cms",
            "-sign",
            "-binary",
            "-in",
            path(&doc),
            "-signer",
            path(&fixture("leaf-rsa2048.pem")),
            "-inkey",
            path(&fixture("leaf-rsa2048.key")),
            "-nocerts",
            "-noattr",
            "-outform",
            "DER",
            "-out",
            path(&bare),
        ],
    )
    .ok();
    hsm.run(&["verify", path(&doc), path(&bare)]).code(7);
    hsm.run(&[
        "verify",
        path(&doc),
        path(&bare),
        "--cert",
        path(&fixture("leaf-rsa2048.pem")),
    ])
    .ok();

    // pkcs11-tool --sign, RSA (token hashes) and ECDSA (r‖s over a SHA-256 digest).
    let ids = hsm.tw(&["certs", "list", "--login", "--json"]).ok().json();
    let id_of = |label: &str| common::cert_id(&ids, label);
    let rsa_sig = hsm.path("p11-rsa.sig");
    hsm.pkcs11_tool_sign(["--id", &id_of("rsa")], path(&doc), path(&rsa_sig))
        .ok();
    hsm.run(&[
        "verify",
        path(&doc),
        path(&rsa_sig),
        "--cert",
        path(&fixture("leaf-rsa2048.pem")),
    ])
    .ok();
    let digest = hsm.path("doc.sha256");
    hsm.run_peer(
        "openssl",
        &[
            "dgst",
            "-sha256",
            "-binary",
            "-out",
            path(&digest),
            path(&doc),
        ],
    )
    .ok();
    let ec_sig = hsm.path("p11-ec.sig");
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        USER_PIN,
        "--sign",
        "-m",
        "ECDSA",
        "--id",
        &id_of("ec"),
        "-i",
        path(&digest),
        "-o",
        path(&ec_sig),
    ])
    .ok();
    hsm.run(&[
        "verify",
        path(&doc),
        path(&ec_sig),
        "--cert",
        path(&fixture("leaf-p256.pem")),
    ])
    .ok();
    // The other key's certificate does not verify it.
    let out = hsm
        .run(&[
            "verify",
            path(&doc),
            path(&ec_sig),
            "--cert",
            path(&fixture("leaf-p384.pem")),
        ])
        .code(7);
    assert!(out.stderr.contains("verification failed"), "{}", out.stderr);
}

#[test]
fn raw_signatures_verify_with_openssl() {
    let hsm = token_with_leaves();
    hsm.tw(&["keys", "generate", "--type", "ed25519", "--label", "ed"])
        .ok();
    for (key, mechanism, pem) in [
        ("rsa", "rsa-pkcs1-sha256", "leaf-rsa2048.pem"),
        ("rsa", "rsa-pss-sha256", "leaf-rsa2048.pem"),
        ("ec", "ecdsa-sha256", "leaf-p256.pem"),
    ] {
        let doc = document(&hsm, &format!("{mechanism}.txt"));
        hsm.tw(&[
            "sign",
            path(&doc),
            "--key",
            key,
            "--format",
            "raw",
            "--mechanism",
            mechanism,
        ])
        .ok();
        let sig = format!("{}.sig", path(&doc));
        let pubkey = hsm.path(&format!("{key}.pub.pem"));
        hsm.run_peer(
            "openssl",
            &[
                "x509",
                "-in",
                path(&fixture(pem)),
                "-pubkey",
                "-noout",
                "-out",
                path(&pubkey),
            ],
        )
        .ok();
        let mut args = vec![
            "dgst",
            "-sha256",
            "-verify",
            path(&pubkey),
            "-signature",
            &sig,
        ];
        if mechanism.contains("pss") {
            args.extend([
                "-sigopt",
                "rsa_padding_mode:pss",
                "-sigopt",
                "rsa_pss_saltlen:32",
            ]);
        }
        args.push(path(&doc));
        let v = hsm.run_peer("openssl", &args);
        assert!(
            v.stdout.contains("Verified OK"),
            "{mechanism}: {}",
            v.all_output()
        );
        hsm.run(&[
            "verify",
            path(&doc),
            &sig,
            "--cert",
            path(&fixture(pem)),
            "--mechanism",
            mechanism,
        ])
        .ok();
    }
    // Ed25519 raw: openssl pkeyutl over the whole message.
    let doc = document(&hsm, "ed.txt");
    hsm.tw(&["sign", path(&doc), "--key", "ed", "--format", "raw"])
        .ok();
    let pubkey = hsm.path("ed.pub.pem");
    hsm.tw(&[
        "keys",
        "export-public",
        "--key",
        "ed",
        "--out",
        path(&pubkey),
    ])
    .ok();
    let v = hsm.run_peer(
        "openssl",
        &[
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            path(&pubkey),
            "-rawin",
            "-in",
            path(&doc),
            "-sigfile",
            &format!("{}.sig", path(&doc)),
        ],
    );
    assert!(
        v.stdout.contains("Signature Verified Successfully"),
        "{}",
        v.all_output()
    );
    hsm.run(&[
        "verify",
        path(&doc),
        &format!("{}.sig", path(&doc)),
        "--pubkey",
        path(&pubkey),
    ])
    .ok();
}

#[test]
fn batch_signs_a_directory_over_one_login_and_survives_a_closed_session() {
    let hsm = token_with_leaves();
    let dir = hsm.path("docs");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..12 {
        std::fs::write(
            dir.join(format!("invoice-{i:02}.xml")),
            format!("<invoice n=\"{i}\"/>"),
        )
        .unwrap();
    }
    // Every third C_SignInit finds its session gone: the Signer reopens and retries once (one
    // thread, so that a retry never lands on a failing third call itself).
    let out = hsm
        .tw_faulty(
            &[("P11FAULT_SESSION_INVALID_EVERY", "3")],
            &[
                "sign",
                "--batch",
                "--threads",
                "1",
                path(&dir),
                "--key",
                "ec",
                "--json",
            ],
        )
        .ok();
    let signed = out.json()["signed"].as_array().unwrap().len();
    assert_eq!(signed, 12);
    for i in 0..12 {
        let doc = dir.join(format!("invoice-{i:02}.xml"));
        let sig = dir.join(format!("invoice-{i:02}.xml.p7s"));
        hsm.run(&["verify", path(&doc), path(&sig)]).ok();
    }
    assert!(openssl_cms_verifies(
        &hsm,
        path(&dir.join("invoice-07.xml")),
        path(&dir.join("invoice-07.xml.p7s"))
    ));
    // Two threads, two sessions from the pool: the same result; the module locks itself.
    let out = traced(
        &hsm,
        &[
            "sign",
            "--batch",
            "--threads",
            "2",
            "--force",
            path(&dir),
            "--key",
            "ec",
            "--json",
        ],
    )
    .ok();
    assert_eq!(out.json()["signed"].as_array().unwrap().len(), 12);
    assert!(
        out.stderr
            .contains("(called from several threads at once: it locks)"),
        "{}",
        out.stderr
    );
    for i in 0..12 {
        let doc = dir.join(format!("invoice-{i:02}.xml"));
        let sig = dir.join(format!("invoice-{i:02}.xml.p7s"));
        hsm.run(&["verify", path(&doc), path(&sig)]).ok();
    }
    // Signing again needs --force; nothing is signed without it.
    let out = hsm
        .tw(&["sign", "--batch", path(&dir), "--key", "ec"])
        .code(2);
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    // Several files need --batch.
    let a = dir.join("invoice-00.xml");
    let b = dir.join("invoice-01.xml");
    hsm.tw(&["sign", path(&a), path(&b), "--key", "ec"]).code(2);
}

#[test]
fn signing_failures_are_clear_and_leave_no_signature() {
    let hsm = token_with_leaves();
    let doc = document(&hsm, "doc.txt");
    let sig = hsm.path("doc.txt.p7s");
    // A file that does not exist.
    let missing = hsm.path("missing.txt");
    let out = hsm.tw(&["sign", path(&missing), "--key", "ec"]).code(2);
    assert!(out.stderr.contains("missing.txt"), "{}", out.stderr);
    // A mechanism the key cannot use: the message names what it can.
    let out = hsm
        .tw(&[
            "sign",
            path(&doc),
            "--key",
            "ec",
            "--format",
            "raw",
            "--mechanism",
            "rsa-pss-sha256",
            "--json",
        ])
        .code(2);
    let err = &out.json()["error"];
    assert_eq!(err["kind"], "mechanism_unsupported");
    assert!(
        err["message"].as_str().unwrap().contains("ecdsa-sha256"),
        "{err}"
    );
    // A wrong PIN: nothing signed.
    let out = hsm.run_env(
        &["sign", path(&doc), "--key", "ec", "--pin-env", "BAD"],
        &[("BAD", "wrong-pin-0000")],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(!sig.exists());
    // A key the token does not let sign (p11tool marks it for decryption only).
    hsm.p11tool(&[
        "--login",
        &format!("--set-pin={USER_PIN}"),
        "--generate-privkey=rsa",
        "--bits=2048",
        "--label=derive-only",
        "--mark-decrypt",
        "pkcs11:token=sign",
    ])
    .ok();
    let out = hsm
        .tw(&[
            "sign",
            path(&doc),
            "--key",
            "derive-only",
            "--format",
            "raw",
        ])
        .code(2);
    assert!(out.stderr.contains("not allowed to sign"), "{}", out.stderr);
    // The token is pulled out after two signatures.
    let dir = hsm.path("many");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..4 {
        std::fs::write(dir.join(format!("f{i}")), "x").unwrap();
    }
    let out = hsm
        .tw_faulty(
            &[("P11FAULT_SIGN_FAIL_AFTER", "2")],
            &[
                "sign",
                "--batch",
                path(&dir),
                "--key",
                "ec",
                "--format",
                "raw",
            ],
        )
        .code(3);
    assert!(
        out.stderr.contains("the token was removed"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("2 signed, 0 skipped, "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(" not started"), "{}", out.stderr);
    // Run again with the token back: the two good signatures are kept, the others made.
    let again = hsm
        .tw(&[
            "sign",
            "--batch",
            path(&dir),
            "--key",
            "ec",
            "--format",
            "raw",
            "--skip-existing",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(again["skipped"].as_array().unwrap().len(), 2, "{again}");
    assert_eq!(again["signed"].as_array().unwrap().len(), 2, "{again}");
    // A signature file that is not a signature.
    let junk = hsm.write("junk.p7s", "not a signature");
    let out = hsm.run(&["verify", path(&doc), path(&junk)]).code(2);
    assert!(out.stderr.contains("not a CMS signature"), "{}", out.stderr);
}

#[test]
fn the_parallel_example_signs_with_the_pooled_signer() {
    let hsm = token_with_leaves();
    let example = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples/sign_parallel");
    assert!(
        example.exists(),
        "cargo test builds the examples: {}",
        example.display()
    );
    let pin = hsm.write("pin.txt", USER_PIN);
    let files: Vec<std::path::PathBuf> = (0..8)
        .map(|i| hsm.write(&format!("p{i}.txt"), format!("payment order {i}")))
        .collect();
    let sign = |mode: &[&str]| {
        let mut cmd = hsm.peer(path(&example));
        cmd.env("TOKENWARD_MODULE", *SOFTHSM)
            .env("TOKENWARD_PIN_FILE", &pin)
            .args(mode)
            .args(["rsa", "2"])
            .args(&files);
        Run::from(cmd.output().unwrap()).ok().stdout
    };
    // A module initialised without locking: the two threads take turns, every signature
    // still checks out (the example verifies each).
    let taking_turns = sign(&["--one-at-a-time"]);
    assert!(
        taking_turns.contains("signed and verified 8 files on 2 threads")
            && taking_turns.contains("the module called OneAtATime"),
        "{taking_turns}"
    );
    let out = sign(&[]);
    assert!(
        out.contains("signed and verified 8 files on 2 threads")
            && out.contains("the module called Concurrent"),
        "{out}"
    );
    let pubkey = hsm.path("rsa.pub.pem");
    hsm.tw(&[
        "keys",
        "export-public",
        "--key",
        "rsa",
        "--out",
        path(&pubkey),
    ])
    .ok();
    let v = hsm.run_peer(
        "openssl",
        &[
            "dgst",
            "-sha256",
            "-verify",
            path(&pubkey),
            "-signature",
            &format!("{}.sig", path(&files[5])),
            path(&files[5]),
        ],
    );
    assert!(v.stdout.contains("Verified OK"), "{}", v.all_output());
}

#[test]
fn a_card_reset_in_the_middle_of_a_batch_is_retried_once() {
    let hsm = token_with_leaves();
    let dir = hsm.path("batch");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..5 {
        std::fs::write(dir.join(format!("order-{i}.txt")), format!("order {i}\n")).unwrap();
    }
    // The third signature meets CKR_GENERAL_ERROR and the session is gone; the card answers
    // again in a new session.
    let reset = [
        ("P11FAULT_SIGN_FAIL_AFTER", "2"),
        ("P11FAULT_SIGN_FAIL_ONCE", "1"),
        ("P11FAULT_SIGN_FAIL_RV", "CKR_GENERAL_ERROR"),
    ];
    let out = hsm
        .tw_faulty(
            &reset,
            &[
                "sign",
                "--batch",
                path(&dir),
                "--key",
                "ec",
                "--format",
                "raw",
                "--json",
            ],
        )
        .ok();
    let signed = out.json()["signed"].as_array().unwrap().len();
    assert_eq!(signed, 5, "{}", out.stdout);
    // Every signature, the one made after the reset included, verifies.
    for i in 0..5 {
        let doc = dir.join(format!("order-{i}.txt"));
        let sig = dir.join(format!("order-{i}.txt.sig"));
        hsm.run(&[
            "verify",
            path(&doc),
            path(&sig),
            "--cert",
            path(&fixture("leaf-p256.pem")),
        ])
        .ok();
    }
}

#[test]
fn an_e_firma_key_and_cer_from_sat_import_and_sign_for_openssl() {
    // SAT's pair: a DER certificate and a DER PKCS#8 key under PBES2 / 3DES / PBKDF2-SHA1.
    let hsm = Hsm::with_tokens(&["efirma"]);
    let (key, cer, password) = (
        fixture("efirma.key"),
        fixture("efirma.cer"),
        fixture("password.txt"),
    );
    let (key, cer, password) = (path(&key), path(&cer), path(&password));

    // Without a password source and without a terminal: says how to give it, touches nothing.
    let before = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "-O"])
        .ok()
        .stdout;
    let asked = hsm.tw(&["keys", "import", key, "--cert", cer]).code(2);
    assert!(
        asked.stderr.contains("--password-file"),
        "{}",
        asked.all_output()
    );
    // A wrong password is the wrong-secret exit code, and nothing is written.
    let wrong = hsm.write("wrong.txt", "not-the-password");
    let refused = hsm
        .tw(&[
            "keys",
            "import",
            key,
            "--cert",
            cer,
            "--password-file",
            path(&wrong),
            "--json",
        ])
        .code(4);
    assert_eq!(refused.json()["error"]["kind"], "wrong_password");
    let after = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "-O"])
        .ok()
        .stdout;
    assert_eq!(before, after);

    let out = hsm
        .tw(&[
            "keys",
            "import",
            key,
            "--cert",
            cer,
            "--password-file",
            password,
            "--json",
        ])
        .ok()
        .json();
    let label = out["imported"]["label"].as_str().unwrap().to_string();
    assert_eq!(label, "JOSÉ HERNÁNDEZ GARCÍA");
    // pkcs11-tool sees the private key and the certificate.
    let objects = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "-O"])
        .ok()
        .stdout;
    assert!(objects.contains("Private Key Object; RSA"), "{objects}");
    assert!(objects.contains("Certificate Object"), "{objects}");

    // With SAT's intermediate on the token, a CMS signature verifies with openssl to the root.
    hsm.tw(&[
        "certs",
        "import",
        path(&fixture("intermediate.pem")),
        "--ca",
    ])
    .ok();
    let doc = document(&hsm, "factura.xml");
    let signed = hsm
        .tw(&["sign", path(&doc), "--key", &label, "--json"])
        .ok()
        .json();
    let sig = signed["signed"][0]["signature"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(openssl_cms_verifies(&hsm, path(&doc), &sig));
}

/// tokenward with these arguments and the user PIN, its PKCS#11 calls traced to stderr.
fn traced(hsm: &Hsm, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--pin-env", "TW_PIN"]);
    hsm.run_env(&all, &[("TW_PIN", USER_PIN), ("TOKENWARD_LOG", "debug")])
}

/// The PKCS#11 calls of a traced run, by name.
fn calls(stderr: &str, name: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.contains(&format!("pkcs11 {name} ")))
        .count()
}

/// A token with the key and certificate "rsa" (and its intermediate) among forty other
/// certificates under other labels and ids.
fn token_with_many_certificates() -> Hsm {
    let hsm = Hsm::with_tokens(&["many"]);
    hsm.import_p12("modern-rsa.p12", "rsa");
    for i in 0..40 {
        let der = if i % 2 == 0 {
            "expired.der"
        } else {
            "leaf-p384.der"
        };
        hsm.pkcs11_tool(&[
            "--write-object",
            path(&common::fixture(der)),
            "--type",
            "cert",
            "--id",
            &format!("{:04x}", 0x1000 + i),
            "--label",
            &format!("other {i}"),
        ])
        .ok();
    }
    hsm
}

#[test]
fn a_key_named_exactly_is_found_without_reading_every_certificate() {
    let hsm = token_with_many_certificates();
    let doc = hsm.write("doc.txt", "payment order 7\n");
    let signing =
        |args: &[&str]| traced(&hsm, &[&["sign", path(&doc), "--force"], args].concat()).ok();
    // By its exact label: a handful of objects read, the chain found by subject; one file
    // is signed on one thread, so the module is spared its locking.
    let exact = signing(&["--key", "rsa"]);
    assert!(
        exact
            .stderr
            .contains("(called from one thread at a time: no locking)"),
        "{}",
        exact.stderr
    );
    assert!(
        calls(&exact.stderr, "C_GetAttributeValue") < 15,
        "{}",
        exact.stderr
    );
    let sig = format!("{}.p7s", path(&doc));
    let chain = certificates_in(&hsm, &sig).join("\n");
    assert!(
        chain.contains("Intermediate") && chain.contains("Ivanov"),
        "{chain}"
    );
    hsm.run(&[
        "verify",
        path(&doc),
        &sig,
        "--ca",
        path(&common::fixture("root.pem")),
    ])
    .ok();
    // By a part of its label: every object is read, and the same key signs.
    let part = signing(&["--key", "rs", "--format", "raw"]);
    assert!(
        calls(&part.stderr, "C_GetAttributeValue") > 40,
        "{}",
        part.stderr
    );
    assert!(part.stdout.contains("\"rsa\""), "{}", part.stdout);
}

#[test]
fn the_default_certificate_is_looked_for_by_its_id_and_a_stale_hint_reads_everything() {
    let hsm = token_with_many_certificates();
    hsm.tw(&["certs", "select", "rsa"]).ok();
    let state_path = hsm.path("state/tokenward/state.toml");
    let state = std::fs::read_to_string(&state_path).unwrap();
    let id = hsm.tw(&["certs", "show", "rsa", "--json"]).ok().json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        state.contains(&format!("default_cert_id = \"{id}\"")),
        "{state}"
    );
    let doc = hsm.write("doc.txt", "payment order 8\n");
    let sign = || traced(&hsm, &["sign", path(&doc), "--force", "--json"]).ok();
    let signed_by = |run: &testkit::Run| -> String {
        let sig = format!("{}.p7s", path(&doc));
        assert!(openssl_cms_verifies(&hsm, path(&doc), &sig));
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["key"]["label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // No selector: the objects of the default's id are read, not the forty others.
    let hinted = sign();
    assert!(
        calls(&hinted.stderr, "C_GetAttributeValue") < 15,
        "{}",
        hinted.stderr
    );
    assert_eq!(signed_by(&hinted), "rsa");
    // A hint that names another certificate (or nothing) is not trusted: everything is read
    // and the fingerprint still decides.
    for stale in ["1000", "ffff"] {
        let changed = state.replace(
            &format!("default_cert_id = \"{id}\""),
            &format!("default_cert_id = \"{stale}\""),
        );
        std::fs::write(&state_path, changed).unwrap();
        let full = sign();
        assert!(
            calls(&full.stderr, "C_GetAttributeValue") > 40,
            "{}",
            full.stderr
        );
        assert_eq!(signed_by(&full), "rsa");
    }
}

#[test]
fn a_batch_run_again_keeps_valid_signatures_and_remakes_the_others() {
    let hsm = token_with_leaves();
    let dir = hsm.path("docs");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..4 {
        std::fs::write(dir.join(format!("d{i}.txt")), format!("document {i}\n")).unwrap();
    }
    hsm.tw(&["sign", "--batch", path(&dir), "--key", "rsa"])
        .ok();
    let sig = |i: usize| dir.join(format!("d{i}.txt.p7s"));
    let kept = std::fs::read(sig(0)).unwrap();
    // One signature damaged, one gone, one for other content: made again; one kept as is.
    std::fs::write(sig(1), b"not a signature").unwrap();
    std::fs::remove_file(sig(2)).unwrap();
    std::fs::copy(sig(0), sig(3)).unwrap();
    let run = hsm
        .tw(&[
            "sign",
            "--batch",
            path(&dir),
            "--key",
            "rsa",
            "--skip-existing",
            "--json",
        ])
        .ok()
        .json();
    let names = |field: &str| -> Vec<String> {
        run[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(names("skipped"), ["d0.txt"]);
    assert_eq!(names("signed"), ["d1.txt", "d2.txt", "d3.txt"]);
    assert_eq!(std::fs::read(sig(0)).unwrap(), kept);
    for i in 0..4 {
        let doc = dir.join(format!("d{i}.txt"));
        hsm.run(&["verify", path(&doc), path(&sig(i))]).ok();
    }
    // The words say it too; --force and --skip-existing do not go together.
    let text = hsm
        .tw(&[
            "sign",
            "--batch",
            path(&dir),
            "--key",
            "rsa",
            "--skip-existing",
        ])
        .ok();
    assert!(
        text.stdout
            .contains("4 signatures were already there and valid"),
        "{}",
        text.stdout
    );
    hsm.tw(&["sign", "--batch", path(&dir), "--force", "--skip-existing"])
        .code(2);
}

#[test]
fn ctrl_c_ends_a_batch_with_what_was_done_and_complete_signatures() {
    let hsm = token_with_leaves();
    let dir = hsm.path("slow");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..10 {
        std::fs::write(dir.join(format!("f{i}")), format!("file {i}\n")).unwrap();
    }
    // Each signature takes 300 ms on this "card"; one thread signs in order.
    let child = hsm
        .tokenward_faulty(&[("P11FAULT_SIGN_DELAY_MS", "300")])
        .args([
            "sign",
            "--batch",
            path(&dir),
            "--key",
            "ec",
            "--format",
            "raw",
        ])
        .args(["--threads", "1", "--pin-env", "TW_PIN"])
        .env("TW_PIN", USER_PIN)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Killed if the test fails before it is waited for.
    struct Kill(Option<std::process::Child>);
    impl Drop for Kill {
        fn drop(&mut self) {
            if let Some(c) = self.0.as_mut() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
    let mut guard = Kill(Some(child));
    // Ctrl-C once the first signature is there (up to a minute on a loaded machine).
    let first = dir.join("f0.sig");
    let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !first.exists() && std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(first.exists(), "no signature within a minute");
    let pid = rustix::process::Pid::from_child(guard.0.as_ref().unwrap());
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let out = Run::from(guard.0.take().unwrap().wait_with_output().unwrap());
    assert_eq!(out.code, 130, "{}", out.stderr);
    assert!(out.stderr.contains(" not started"), "{}", out.stderr);
    assert!(!out.stderr.contains(" 0 not started"), "{}", out.stderr);
    // Every signature written is whole and verifies; the rest are absent, no temporary left.
    let mut made = 0;
    for i in 0..10 {
        let sig = dir.join(format!("f{i}.sig"));
        if sig.exists() {
            made += 1;
            hsm.run(&[
                "verify",
                path(&dir.join(format!("f{i}"))),
                path(&sig),
                "--cert",
                path(&fixture("leaf-p256.pem")),
            ])
            .ok();
        }
    }
    assert!((1..10).contains(&made), "{made} signed");
    assert!(
        out.stderr
            .contains(&format!("{made} signed, 0 skipped, 0 failed")),
        "{}",
        out.stderr
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_administrators_default_certificate_signs_and_its_id_is_looked_in_first() {
    let hsm = token_with_many_certificates();
    let shown = hsm.tw(&["certs", "show", "rsa", "--json"]).ok().json();
    let serial = shown["token"]["serial"].as_str().unwrap().to_string();
    let fp = shown["info"]["fingerprint_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let id = shown["id"].as_str().unwrap().to_string();
    let config = hsm.path("config/tokenward/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let doc = hsm.write("doc.txt", "payment order 9\n");
    // Sign with the administrator's settings for this token, traced.
    let sign_with = |settings: &str| {
        std::fs::write(&config, format!("[tokens.\"{serial}\"]\n{settings}")).unwrap();
        traced(
            &hsm,
            &["sign", path(&doc), "--format", "raw", "--force", "--json"],
        )
    };
    let signs_reading = |settings: &str| {
        let run = sign_with(settings).ok();
        assert_eq!(run.json()["key"]["label"], "rsa", "{}", run.stdout);
        calls(&run.stderr, "C_GetAttributeValue")
    };
    // The fingerprint with the CKA_ID beside it: the key of that certificate signs, and only
    // the objects under that id are read.
    let hinted = signs_reading(&format!(
        "default_cert = \"{fp}\"\ndefault_cert_id = \"{id}\"\n"
    ));
    assert!(hinted < 15, "{hinted} reads");
    // The fingerprint alone: every certificate is read, the same key signs.
    let full = signs_reading(&format!("default_cert = \"{fp}\"\n"));
    assert!(full > 40, "{full} reads");
    // A prefix could never match: refused with its line (exit 2), nothing signed.
    std::fs::remove_file(format!("{}.sig", path(&doc))).unwrap();
    let refused = sign_with(&format!("default_cert = \"{}\"\n", &fp[..8])).code(2);
    assert!(
        refused.stderr.contains("line 2") && refused.stderr.contains("SHA-256"),
        "{}",
        refused.stderr
    );
    assert!(!std::path::Path::new(&format!("{}.sig", path(&doc))).exists());
}

#[test]
fn a_file_too_large_to_sign_whole_with_ed25519_is_refused_and_cms_signs_it() {
    let hsm = Hsm::with_tokens(&["ed"]);
    hsm.import_pem("leaf-ed25519", "ed");
    // One byte over the limit, sparse: nothing of it is in memory or on disk.
    let big = hsm.path("big.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(tokenward::sign::content::MAX_WHOLE + 1)
        .unwrap();
    let raw_sig = format!("{}.sig", path(&big));
    let refused = hsm
        .tw(&[
            "sign",
            path(&big),
            "--key",
            "ed",
            "--format",
            "raw",
            "--json",
        ])
        .code(2)
        .json();
    assert_eq!(
        refused["error"]["reason"], "whole_file_too_large",
        "{refused:#}"
    );
    assert!(
        refused["error"]["hint"].as_str().unwrap().contains("CMS"),
        "{refused:#}"
    );
    assert!(!std::path::Path::new(&raw_sig).exists());
    // CMS hashes the file as it reads it: signed and verified.
    hsm.tw(&["sign", path(&big), "--key", "ed"]).ok();
    hsm.run(&["verify", path(&big), &format!("{}.p7s", path(&big))])
        .ok();
    // A raw Ed25519 signature of it cannot be checked either: the same refusal, not a
    // verdict on the signature.
    let small = hsm.write("small.txt", "x");
    hsm.tw(&["sign", path(&small), "--key", "ed", "--format", "raw"])
        .ok();
    let out = hsm
        .run(&[
            "verify",
            path(&big),
            &format!("{}.sig", path(&small)),
            "--cert",
            path(&fixture("leaf-ed25519.pem")),
            "--json",
        ])
        .code(2)
        .json();
    assert_eq!(out["error"]["reason"], "whole_file_too_large", "{out:#}");
}

#[test]
fn certs_show_and_select_read_what_they_name_and_pair_it_with_every_key() {
    let hsm = token_with_many_certificates();
    let certs = |command: &str, selector: &str| {
        let run = hsm
            .run_env(
                &["certs", command, selector, "--json"],
                &[("TOKENWARD_LOG", "debug")],
            )
            .ok();
        let reads = calls(&run.stderr, "C_GetAttributeValue");
        (run.json(), reads)
    };
    let show = |selector: &str| certs("show", selector);
    // `certs select` chooses the same way, and keeps what a full read would.
    let (exact, reads) = certs("select", "rsa");
    assert!(reads < 15, "{reads} reads");
    let (full, reads) = certs("select", "rs");
    assert!(reads > 40, "{reads} reads");
    assert_eq!(exact, full);
    assert_eq!(exact["default_cert"]["key"]["label"], "rsa", "{exact:#}");
    // Named exactly: a handful of objects read, the same answer as a full read (a prefix).
    let (exact, reads) = show("rsa");
    assert!(reads < 15, "{reads} reads");
    let (full, reads) = show("rs");
    assert!(reads > 40, "{reads} reads");
    assert_eq!(exact, full);
    assert_eq!(exact["key"]["label"], "rsa", "{exact:#}");
    // The same certificate under another CKA_ID and label: only it is read by name, and it is
    // still paired with the key that holds its public key, as a full read pairs it.
    let der = hsm.path("leaf.der");
    hsm.run(&["certs", "export", "rsa", "--der", "--out", path(&der)])
        .ok();
    hsm.pkcs11_tool(&[
        "--write-object",
        path(&der),
        "--type",
        "cert",
        "--id",
        "99",
        "--label",
        "copy",
    ])
    .ok();
    let (copy, reads) = show("copy");
    assert!(reads < 15, "{reads} reads");
    assert_eq!(copy["key"]["match"], "by_public_key", "{copy:#}");
    assert_eq!(copy["key"]["label"], "rsa", "{copy:#}");
    assert_eq!(copy["id"], "99", "{copy:#}");
    let (chosen, reads) = certs("select", "copy");
    assert!(reads < 15, "{reads} reads");
    assert_eq!(chosen["default_cert"]["id"], "99", "{chosen:#}");
    assert_eq!(
        chosen["default_cert"]["key"]["match"], "by_public_key",
        "{chosen:#}"
    );
}
