//! `tokenward keys …` and `export-config` against real SoftHSM2 tokens, checked with
//! pkcs11-tool, p11tool, openssl (and its pkcs11 engine), ssh-keygen, keytool and NSS.

mod common;

use common::{fixture, path, Hsm, Run, SOFTHSM, USER_PIN};

/// `openssl ARGS` in the test's environment, asserting success.
fn openssl(hsm: &Hsm, args: &[&str]) -> Run {
    hsm.run_peer("openssl", args).ok()
}

/// The DER SPKI of a PEM or DER public or private key file, by openssl.
fn spki_by_openssl(hsm: &Hsm, file: &str, public: bool) -> Vec<u8> {
    let out = hsm.path("spki-by-openssl.der");
    let mut args = vec![
        "pkey",
        "-in",
        file,
        "-pubout",
        "-outform",
        "DER",
        "-out",
        path(&out),
    ];
    if public {
        args.insert(1, "-pubin");
    }
    openssl(hsm, &args);
    std::fs::read(out).unwrap()
}

/// The public key tokenward exports, as DER.
fn exported_spki(hsm: &Hsm, key: &str) -> Vec<u8> {
    let out = hsm.path(&format!("{key}.spki.der"));
    hsm.tw(&[
        "keys",
        "export-public",
        "--key",
        key,
        "--der",
        "--force",
        "--out",
        path(&out),
    ])
    .ok();
    std::fs::read(out).unwrap()
}

#[test]
fn generated_keys_stay_on_the_token_and_peers_see_the_same_public_key() {
    let hsm = Hsm::with_tokens(&["gen"]);
    for ty in ["p256", "rsa2048", "ed25519", "p384"] {
        let label = format!("k-{ty}");
        let out = hsm
            .tw(&[
                "keys", "generate", "--type", ty, "--label", &label, "--json",
            ])
            .ok()
            .json();
        assert_eq!(out["key"]["label"], label.as_str());
        assert_eq!(out["key"]["extractable"], false);
        assert_eq!(out["key"]["id"].as_str().unwrap().len(), 32);

        // pkcs11-tool reads the same public key from the token. (OpenSC 0.23 cannot export
        // Ed25519 and P-384 keys, so those are compared with the EC_POINT pkcs11-tool lists.)
        let point_len = match ty {
            "ed25519" => 32,
            "p384" => 97,
            _ => 0,
        };
        if point_len > 0 {
            let listing = hsm
                .pkcs11_tool(&["--list-objects", "--type", "pubkey", "--label", &label])
                .ok()
                .stdout;
            // The EC_POINT line of this key's block (pkcs11-tool lists every public key).
            let block = listing
                .split("Public Key Object")
                .find(|b| b.contains(&format!("label:      {label}\n")))
                .unwrap();
            let point = block
                .lines()
                .find_map(|l| l.trim().strip_prefix("EC_POINT:"))
                .unwrap()
                .trim()
                .to_string();
            let spki = exported_spki(&hsm, &label);
            let tail = &spki[spki.len() - point_len..];
            assert_eq!(
                point,
                format!("04{point_len:02x}{}", hex::encode(tail)),
                "{ty}"
            );
            continue;
        }
        let p11 = hsm.path(&format!("{ty}.p11"));
        hsm.pkcs11_tool(&[
            "--read-object",
            "--type",
            "pubkey",
            "--label",
            &label,
            "-o",
            path(&p11),
        ])
        .ok();
        assert_eq!(
            exported_spki(&hsm, &label),
            std::fs::read(&p11).unwrap(),
            "{ty}"
        );
    }
    // The private keys are sensitive and never extractable, as pkcs11-tool reports them.
    let listing = hsm
        .pkcs11_tool(&[
            "--login",
            "--pin",
            USER_PIN,
            "--list-objects",
            "--type",
            "privkey",
        ])
        .ok()
        .stdout;
    assert_eq!(listing.matches("never extractable").count(), 4, "{listing}");
    assert!(listing.matches("sensitive").count() >= 4, "{listing}");
    // Usage is set, not left to the module's defaults: nothing unwraps other keys.
    assert!(!listing.contains("unwrap"), "{listing}");
    assert_eq!(
        listing.matches("Usage:      sign, derive").count(),
        2,
        "{listing}"
    );

    // PEM output is what openssl reads.
    let pem = hsm
        .tw(&["keys", "export-public", "--key", "k-p256"])
        .ok()
        .stdout;
    assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"), "{pem}");
    let pem_file = hsm.write("p256.pub.pem", &pem);
    assert_eq!(
        spki_by_openssl(&hsm, path(&pem_file), true),
        exported_spki(&hsm, "k-p256")
    );
}

#[test]
fn generate_refuses_a_taken_label_or_id_and_a_full_token_changes_nothing() {
    let hsm = Hsm::with_tokens(&["gen"]);
    hsm.tw(&[
        "keys", "generate", "--type", "p256", "--label", "one", "--id", "a1b2",
    ])
    .ok();
    let out = hsm
        .tw(&[
            "keys", "generate", "--type", "p256", "--label", "one", "--json",
        ])
        .code(2);
    assert_eq!(out.json()["error"]["kind"], "object_exists");
    let out = hsm
        .tw(&[
            "keys", "generate", "--type", "p256", "--label", "two", "--id", "a1:b2",
        ])
        .code(2);
    assert!(
        out.stderr.contains("id a1b2 is already on the token"),
        "{}",
        out.stderr
    );
    let out = hsm
        .tw(&[
            "keys", "generate", "--type", "p256", "--label", "two", "--id", "xyz",
        ])
        .code(2);
    assert!(out.stderr.contains("not hex"), "{}", out.stderr);
    let out = hsm
        .tw(&["keys", "generate", "--type", "rsa1024", "--label", "two"])
        .code(2);
    assert!(out.stderr.contains("rsa2048"), "{}", out.stderr);

    let full = hsm.tw_faulty(
        &[("P11FAULT_DEVICE_MEMORY", "1")],
        &["keys", "generate", "--type", "p256", "--label", "two"],
    );
    assert_ne!(full.code, 0);
    assert!(full.stderr.contains("CKR_DEVICE_MEMORY"), "{}", full.stderr);
    let objects = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout;
    assert!(!objects.contains("label:      two"), "{objects}");
    assert_eq!(objects.matches("label:      one").count(), 2, "{objects}");
}

#[test]
fn a_key_type_the_token_lacks_is_refused_with_what_it_has() {
    let hsm = Hsm::with_tokens(&["gen"]);
    // CKM_EC_EDWARDS_KEY_PAIR_GEN (0x1055) hidden by the fault module.
    let out = hsm
        .tw_faulty(
            &[("P11FAULT_HIDE_MECHANISMS", "0x1055")],
            &[
                "keys", "generate", "--type", "ed25519", "--label", "ed", "--json",
            ],
        )
        .code(2);
    let err = &out.json()["error"];
    assert_eq!(err["kind"], "mechanism_unsupported");
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("ed25519 key generation"), "{message}");
    assert!(
        message.contains("rsa2048, rsa3072, rsa4096, p256, p384"),
        "{message}"
    );
    assert!(!objects(&hsm).contains("label:      ed"));
}

#[test]
fn pkcs12_and_pem_imports_bind_key_and_certificate_and_keep_the_key_inside() {
    let hsm = Hsm::with_tokens(&["imp"]);
    let pass = fixture("password.txt");
    // Modern PKCS#12 (PBES2/AES).
    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("modern-p256.p12")),
            "--password-file",
            path(&pass),
            "--json",
        ])
        .ok();
    let secret = std::fs::read_to_string(&pass).unwrap();
    assert!(
        !out.all_output().contains(&secret),
        "the PKCS#12 password leaked"
    );
    let out = out.json();
    let id = out["imported"]["id"].as_str().unwrap().to_string();
    assert_eq!(out["imported"]["key_type"], "EC P-256");
    // The public key on the token is the one in the source key file.
    assert_eq!(
        exported_spki(&hsm, &id),
        spki_by_openssl(&hsm, path(&fixture("leaf-p256.key")), false)
    );
    // pkcs11-tool sees private key, public key and certificate under one id.
    let objects = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout;
    assert_eq!(
        objects.matches(&format!("ID:         {id}")).count(),
        3,
        "{objects}"
    );
    // Stored sensitive and not extractable (an imported key is never "never extractable").
    assert!(objects.contains("Access:     sensitive\n"), "{objects}");
    assert!(!objects.contains("extractable"), "{objects}");
    // certs list matches them by public key.
    let certs = hsm.tw(&["certs", "list", "--login", "--json"]).ok().json();
    let leaf = certs["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(leaf["key"]["match"], "by_public_key");

    // Legacy PKCS#12 (3DES/RC2).
    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("legacy-rsa.p12")),
            "--password-file",
            path(&pass),
            "--label",
            "legacy",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(out["imported"]["key_type"], "RSA 2048");
    assert_eq!(
        exported_spki(&hsm, "legacy"),
        spki_by_openssl(&hsm, path(&fixture("leaf-rsa2048.key")), false)
    );

    // PEM key with a separate certificate file (Ed25519).
    hsm.import_pem("leaf-ed25519", "ed");
    assert_eq!(
        exported_spki(&hsm, "ed"),
        spki_by_openssl(&hsm, path(&fixture("leaf-ed25519.key")), false)
    );
    // Importing the same key again is refused.
    let again = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("leaf-ed25519.key")),
            "--label",
            "ed-2",
        ])
        .code(2);
    assert!(
        again.stderr.contains("already on the token"),
        "{}",
        again.stderr
    );
}

/// Every object on the token, as pkcs11-tool lists them.
fn objects(hsm: &Hsm) -> String {
    hsm.pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout
}

#[test]
fn bad_imports_say_why_and_leave_the_token_as_it_was() {
    let hsm = Hsm::with_tokens(&["imp"]);
    let before = objects(&hsm);
    let wrong = hsm.write("wrong.txt", "not-the-password");
    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("modern-rsa.p12")),
            "--password-file",
            path(&wrong),
            "--json",
        ])
        .code(4);
    assert_eq!(out.json()["error"]["kind"], "wrong_password");
    assert!(!out.all_output().contains("not-the-password"));

    let pass = fixture("password.txt");
    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("cert-only.p12")),
            "--password-file",
            path(&pass),
        ])
        .code(2);
    assert!(
        out.stderr.contains("holds no private key"),
        "{}",
        out.stderr
    );

    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("leaf-p384.key")),
            "--cert",
            path(&fixture("leaf-p256.pem")),
        ])
        .code(2);
    assert!(
        out.stderr.contains("does not belong to this key"),
        "{}",
        out.stderr
    );

    let out = hsm
        .tw(&["keys", "import", path(&fixture("not-a-cert.der"))])
        .code(2);
    assert!(out.stderr.contains("PKCS#12"), "{}", out.stderr);

    let missing = hsm.path("missing.p12");
    hsm.tw(&["keys", "import", path(&missing)]).code(2);

    // A key of a type tokenward does not put on tokens (X25519).
    let x25519 = hsm.path("x25519.key");
    openssl(
        &hsm,
        &["genpkey", "-algorithm", "X25519", "-out", path(&x25519)],
    );
    let out = hsm.tw(&["keys", "import", path(&x25519)]).code(2);
    assert!(
        out.stderr.contains("not one tokenward imports"),
        "{}",
        out.stderr
    );

    // A label already on the token.
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "taken"])
        .ok();
    let with_key = objects(&hsm);
    let out = hsm
        .tw(&[
            "keys",
            "import",
            path(&fixture("leaf-p256.key")),
            "--label",
            "taken",
            "--json",
        ])
        .code(2);
    assert_eq!(out.json()["error"]["kind"], "object_exists");
    assert_eq!(objects(&hsm), with_key);
    hsm.tw(&["keys", "delete", "--key", "taken", "--yes"]).ok();

    // The token fills up after the key halves are written: both are removed again.
    let full = hsm.tw_faulty(
        &[("P11FAULT_CREATE_FAIL_AFTER", "2")],
        &[
            "keys",
            "import",
            path(&fixture("modern-rsa.p12")),
            "--password-file",
            path(&pass),
        ],
    );
    assert_ne!(full.code, 0);
    assert!(full.stderr.contains("CKR_DEVICE_MEMORY"), "{}", full.stderr);
    assert!(full.stderr.contains("removed again"), "{}", full.stderr);
    assert_eq!(objects(&hsm), before);
}

#[test]
fn extractable_keys_export_only_encrypted_and_others_point_to_export_config() {
    let hsm = Hsm::with_tokens(&["exp"]);
    let audit = hsm.path("audit.log");
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "kept"])
        .ok();
    let out = hsm
        .tw(&[
            "keys",
            "export-private",
            "--key",
            "kept",
            "--out",
            path(&hsm.path("x.pem")),
            "--new-password-env",
            "TW_PIN",
            "--json",
        ])
        .code(2);
    assert_eq!(out.json()["error"]["kind"], "key_not_extractable");
    assert!(out.json()["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("export-config"));
    assert!(!hsm.path("x.pem").exists());

    for ty in ["p256", "rsa2048"] {
        hsm.tw(&[
            "keys",
            "generate",
            "--type",
            ty,
            "--label",
            ty,
            "--extractable",
        ])
        .ok();
    }
    let secret = "Export-Pass-2468";
    let pw = hsm.write("pw.txt", secret);
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend([
            "--new-password-file",
            path(&pw),
            "--audit-log",
            path(&audit),
        ]);
        hsm.tw(&all)
    };
    for ty in ["p256", "rsa2048"] {
        // PKCS#8, PBKDF2 (default) and scrypt: openssl opens both with the password.
        for kdf in ["pbkdf2", "scrypt"] {
            let file = hsm.path(&format!("{ty}-{kdf}.pem"));
            let out = run(&[
                "keys",
                "export-private",
                "--key",
                ty,
                "--kdf",
                kdf,
                "--out",
                path(&file),
            ])
            .ok();
            assert!(!out.all_output().contains(secret));
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
                "{text}"
            );
            let plain = hsm.path(&format!("{ty}-{kdf}.plain.pem"));
            openssl(
                &hsm,
                &[
                    "pkcs8",
                    "-in",
                    path(&file),
                    "-passin",
                    &format!("file:{}", path(&pw)),
                    "-out",
                    path(&plain),
                ],
            );
            assert_eq!(
                spki_by_openssl(&hsm, path(&plain), false),
                exported_spki(&hsm, ty)
            );
        }
        // PKCS#12 with AES.
        let p12 = hsm.path(&format!("{ty}.p12"));
        run(&[
            "keys",
            "export-private",
            "--key",
            ty,
            "--format",
            "pkcs12",
            "--out",
            path(&p12),
        ])
        .ok();
        let info = openssl(
            &hsm,
            &[
                "pkcs12",
                "-in",
                path(&p12),
                "-passin",
                &format!("file:{}", path(&pw)),
                "-info",
                "-nodes",
                "-out",
                path(&hsm.path("p12.out.pem")),
            ],
        );
        assert!(info.stderr.contains("AES-256-CBC"), "{}", info.stderr);
        assert_eq!(
            spki_by_openssl(&hsm, path(&hsm.path("p12.out.pem")), false),
            exported_spki(&hsm, ty)
        );
    }
    // An existing file is not replaced without --force; a short password is refused.
    let file = hsm.path("p256-pbkdf2.pem");
    run(&[
        "keys",
        "export-private",
        "--key",
        "p256",
        "--out",
        path(&file),
    ])
    .code(2);
    let short = hsm.write("short.txt", "abc");
    let out = hsm
        .tw(&[
            "keys",
            "export-private",
            "--key",
            "p256",
            "--out",
            path(&hsm.path("s.pem")),
            "--new-password-file",
            path(&short),
        ])
        .code(2);
    assert!(out.stderr.contains("too short"), "{}", out.stderr);
    // An encrypted PKCS#8 file imports again (onto another token) with its password.
    hsm.add_token("second");
    let out = hsm
        .tw(&[
            "--token",
            "second",
            "keys",
            "import",
            path(&hsm.path("p256-scrypt.pem")),
            "--password-file",
            path(&pw),
            "--label",
            "back",
            "--json",
        ])
        .ok();
    assert_eq!(out.json()["imported"]["key_type"], "EC P-256");
    assert!(!out.all_output().contains(secret));
    // Every export is in the audit log, without the password.
    let log = std::fs::read_to_string(&audit).unwrap();
    assert_eq!(log.matches("\"key_exported\"").count(), 6, "{log}");
    assert!(!log.contains(secret));
}

#[test]
fn delete_removes_both_halves_after_confirmation() {
    let hsm = Hsm::with_tokens(&["del"]);
    hsm.import_p12("modern-p256.p12", "gone");
    // Without a terminal and without --yes nothing is deleted.
    let out = hsm.tw(&["keys", "delete", "--key", "gone"]).code(2);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert_eq!(objects(&hsm).matches("label:      gone").count(), 3);
    hsm.tw(&["keys", "delete", "--key", "gone", "--yes"]).ok();
    let left = objects(&hsm);
    assert_eq!(
        left.matches("label:      gone").count(),
        1,
        "the certificate stays: {left}"
    );
    assert!(left.contains("Certificate Object"), "{left}");
    hsm.tw(&["keys", "delete", "--key", "gone", "--yes"])
        .code(2);
}

/// The key URI `export-config` reports.
fn config(hsm: &Hsm, program: &str, key: &str, dir: &std::path::Path) -> serde_json::Value {
    hsm.tw(&[
        "export-config",
        "--for",
        program,
        "--key",
        key,
        "--out",
        path(dir),
        "--json",
    ])
    .ok()
    .json()
}

#[test]
fn export_config_works_with_openssl_gnutls_and_ssh() {
    let hsm = Hsm::with_tokens(&["cfg"]);
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "ec"])
        .ok();
    hsm.tw(&["keys", "generate", "--type", "rsa2048", "--label", "rsa"])
        .ok();
    let document = fixture("document.txt");
    for key in ["ec", "rsa"] {
        let dir = hsm.path(&format!("openssl-{key}"));
        let cfg = config(&hsm, "openssl", key, &dir);
        let uri = cfg["key"]["key_uri"].as_str().unwrap();
        assert!(cfg["uri"].as_str().unwrap().contains("module-path="));
        // OpenSSL with the engine signs through the written configuration.
        let sig = hsm.path(&format!("{key}.sig"));
        let signed = Run::from(
            hsm.peer("openssl")
                .env("OPENSSL_CONF", dir.join("openssl-engine.cnf"))
                .args(["dgst", "-sha256", "-engine", "pkcs11", "-keyform", "engine"])
                .args([
                    "-passin",
                    &format!("pass:{USER_PIN}"),
                    "-sign",
                    uri,
                    "-out",
                    path(&sig),
                ])
                .arg(&document)
                .output()
                .unwrap(),
        );
        assert_eq!(signed.code, 0, "{}", signed.stderr);
        let spki = hsm.write(&format!("{key}.spki.der"), exported_spki(&hsm, key));
        let verified = openssl(
            &hsm,
            &[
                "dgst",
                "-sha256",
                "-keyform",
                "DER",
                "-verify",
                path(&spki),
                "-signature",
                path(&sig),
                path(&document),
            ],
        );
        assert!(verified.stdout.contains("Verified OK"));
    }
    // GnuTLS's p11tool finds the key by the URI.
    let dir = hsm.path("gnutls");
    let cfg = config(&hsm, "gnutls", "ec", &dir);
    let uri = cfg["key"]["key_uri"].as_str().unwrap();
    assert!(dir.join("cfg.module").exists());
    let listed = hsm
        .p11tool(&[
            "--login",
            &format!("--set-pin={USER_PIN}"),
            "--list-privkeys",
            uri,
        ])
        .ok();
    assert!(listed.stdout.contains("Label: ec"), "{}", listed.stdout);
    assert!(!listed.stdout.contains("Label: rsa"), "{}", listed.stdout);

    // ssh-keygen -D with the module lists the public keys.
    let dir = hsm.path("ssh");
    config(&hsm, "ssh", "ec", &dir);
    let line = std::fs::read_to_string(dir.join("ssh_config")).unwrap();
    assert!(
        line.contains(&format!("PKCS11Provider {}", *SOFTHSM)),
        "{line}"
    );
    let keys = hsm.run_peer("ssh-keygen", &["-D", *SOFTHSM]).ok().stdout;
    let ec_pub = hsm.write(
        "ec.spki.pem",
        hsm.tw(&["keys", "export-public", "--key", "ec"])
            .ok()
            .stdout,
    );
    let ssh_pub = hsm
        .run_peer("ssh-keygen", &["-i", "-m", "PKCS8", "-f", path(&ec_pub)])
        .ok()
        .stdout;
    let blob = ssh_pub.split_whitespace().nth(1).unwrap();
    assert!(keys.contains(blob), "{keys}\n{ssh_pub}");
}

#[test]
fn export_config_works_with_java_and_nss() {
    let hsm = Hsm::with_tokens(&["cfg"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    // Java's keytool sees the key entry through the SunPKCS11 configuration.
    let dir = hsm.path("java");
    config(&hsm, "java", "leaf", &dir);
    let cfg = dir.join("sunpkcs11.cfg");
    let listed = hsm.run_peer(
        "keytool",
        &[
            "-list",
            "-keystore",
            "NONE",
            "-storetype",
            "PKCS11",
            "-providerClass",
            "sun.security.pkcs11.SunPKCS11",
            "-providerArg",
            path(&cfg),
            "-storepass",
            USER_PIN,
        ],
    );
    assert_eq!(listed.code, 0, "{}", listed.all_output());
    assert!(
        listed.stdout.contains("PrivateKeyEntry"),
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains("leaf"), "{}", listed.stdout);

    // NSS: the written script registers the module; certutil then lists the token's certificate.
    let dir = hsm.path("nss");
    config(&hsm, "nss", "leaf", &dir);
    let db = hsm.path("nssdb");
    hsm.run_peer("sh", &[path(&dir.join("nss-add-module.sh")), path(&db)])
        .ok();
    let pin = hsm.write("nss-pin.txt", USER_PIN);
    let certs = hsm
        .run_peer(
            "certutil",
            &[
                "-L",
                "-d",
                &format!("sql:{}", path(&db)),
                "-h",
                "cfg",
                "-f",
                path(&pin),
            ],
        )
        .ok();
    assert!(certs.stdout.contains("cfg:leaf"), "{}", certs.stdout);
}

#[test]
fn certificate_requests_are_signed_on_the_token_and_openssl_verifies_them() {
    let hsm = Hsm::with_tokens(&["csr"]);
    let subject = "CN=Ivanov Ivan, O=Romashka LLC, C=RU, INN=500100732259, SNILS=11223344595";
    for ty in ["rsa2048", "p256", "p384", "ed25519"] {
        hsm.tw(&["keys", "generate", "--type", ty, "--label", ty])
            .ok();
        let file = hsm.path(&format!("{ty}.csr"));
        let out = hsm
            .tw(&[
                "keys",
                "csr",
                "--key",
                ty,
                "--subject",
                subject,
                "--san",
                "email:ivanov@example.ru",
                "--key-usage",
                "digital_signature",
                "--key-usage",
                "non_repudiation",
                "--extended-key-usage",
                "client_auth",
                "--out",
                path(&file),
                "--json",
            ])
            .ok()
            .json();
        assert_eq!(out["written"], path(&file));
        let text = openssl(
            &hsm,
            &["req", "-in", path(&file), "-verify", "-noout", "-text"],
        );
        assert!(
            text.all_output().contains("self-signature verify OK"),
            "{ty}: {}",
            text.all_output()
        );
        let t = &text.stdout;
        assert!(
            t.contains("CN = Ivanov Ivan, O = Romashka LLC, C = RU"),
            "{t}"
        );
        assert!(t.contains("INN = 500100732259"), "{t}");
        assert!(t.contains("email:ivanov@example.ru"), "{t}");
        assert!(t.contains("Digital Signature, Non Repudiation"), "{t}");
        assert!(t.contains("TLS Web Client Authentication"), "{t}");
        // The request carries the token's public key.
        let spki = hsm.path(&format!("{ty}.csr.spki.der"));
        openssl(
            &hsm,
            &[
                "req",
                "-in",
                path(&file),
                "-pubkey",
                "-noout",
                "-out",
                path(&spki),
            ],
        );
        assert_eq!(
            spki_by_openssl(&hsm, path(&spki), true),
            exported_spki(&hsm, ty),
            "{ty}"
        );
    }
    // A TOML template (Mexican attributes), DER output.
    let template = hsm.write(
        "req.toml",
        "san = [\"email:juan@example.mx\"]\n[subject]\nCN = \"Juan Pérez\"\nRFC = \"PEJJ800101AB1\"\nCURP = \"PEJJ800101HDFRNN05\"\nC = \"MX\"\n",
    );
    let der = hsm.path("mx.csr.der");
    hsm.tw(&[
        "keys",
        "csr",
        "--key",
        "p256",
        "--template",
        path(&template),
        "--der",
        "--out",
        path(&der),
    ])
    .ok();
    let text = openssl(
        &hsm,
        &[
            "req",
            "-inform",
            "DER",
            "-in",
            path(&der),
            "-verify",
            "-noout",
            "-text",
        ],
    );
    assert!(
        text.stdout.contains("x500UniqueIdentifier = PEJJ800101AB1"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("serialNumber = PEJJ800101HDFRNN05"),
        "{}",
        text.stdout
    );
}

#[test]
fn bad_certificate_requests_fail_before_the_token_and_token_failures_write_nothing() {
    let hsm = Hsm::with_tokens(&["csr"]);
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "k"])
        .ok();
    for (subject, says) in [
        ("CN=x, C=Russia", "two-letter code"),
        ("CN", "not NAME=VALUE"),
        ("XX=1", "unknown subject attribute"),
    ] {
        // No PIN source: the request is refused before any PIN is asked for.
        let out = hsm
            .run(&["keys", "csr", "--key", "k", "--subject", subject])
            .code(2);
        assert!(out.stderr.contains(says), "{subject}: {}", out.stderr);
    }
    let out = hsm.run(&["keys", "csr", "--key", "k"]).code(2);
    assert!(out.stderr.contains("needs a subject"), "{}", out.stderr);
    let out = hsm
        .run(&[
            "keys",
            "csr",
            "--key",
            "k",
            "--subject",
            "CN=x",
            "--san",
            "mail:x",
        ])
        .code(2);
    assert!(
        out.stderr.contains("unknown alternative name kind"),
        "{}",
        out.stderr
    );

    // The token fails to sign: a clear error, no file.
    let file = hsm.path("k.csr");
    let out = hsm.tw_faulty(
        &[
            ("P11FAULT_SIGN_FAIL_AFTER", "0"),
            ("P11FAULT_SIGN_FAIL_RV", "CKR_DEVICE_ERROR"),
        ],
        &[
            "keys",
            "csr",
            "--key",
            "k",
            "--subject",
            "CN=x",
            "--out",
            path(&file),
        ],
    );
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("CKR_DEVICE_ERROR"), "{}", out.stderr);
    assert!(!file.exists());
}

#[test]
fn import_reads_the_file_password_then_the_pin_from_standard_input() {
    let hsm = Hsm::with_tokens(&["stdin"]);
    let password = std::fs::read_to_string(fixture("password.txt")).unwrap();
    let out = hsm
        .run_stdin(
            &[
                "keys",
                "import",
                path(&fixture("modern-p256.p12")),
                "--password-stdin",
                "--pin-stdin",
                "--label",
                "piped",
                "--json",
            ],
            &format!("{password}\n{USER_PIN}\n"),
        )
        .ok();
    assert_eq!(out.json()["imported"]["label"], "piped");
    assert!(!out.all_output().contains(&password));
}

#[test]
fn public_keys_export_without_a_pin_when_the_token_shows_them() {
    let hsm = Hsm::with_tokens(&["pub"]);
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "open"])
        .ok();
    // No PIN source and no terminal: a prompt would fail, so success means none was asked.
    let out = hsm.path("open.pem");
    let run = hsm
        .run(&[
            "keys",
            "export-public",
            "--key",
            "open",
            "--out",
            path(&out),
            "--json",
        ])
        .ok();
    assert_eq!(run.json()["key"]["label"], "open");
    assert!(
        run.json()["key"]["uri"]
            .as_str()
            .unwrap()
            .contains("type=private"),
        "the key's URI is the private key's: {}",
        run.stdout
    );
    assert_eq!(
        spki_by_openssl(&hsm, path(&out), true),
        exported_spki(&hsm, "open"),
        "the same key as after a login"
    );
    // export-config writes its files from the public half too, without a PIN.
    let dir = hsm.path("cfg-open");
    let cfg = hsm
        .run(&[
            "export-config",
            "--for",
            "openssl",
            "--key",
            "open",
            "--out",
            path(&dir),
            "--json",
        ])
        .ok()
        .json();
    assert!(
        cfg["uri"].as_str().unwrap().contains("type=private"),
        "{cfg}"
    );
    let with_login = config(&hsm, "openssl", "open", &hsm.path("cfg-login"));
    assert_eq!(
        cfg["key"], with_login["key"],
        "the same key as after a login"
    );
    assert_eq!(cfg["uri"], with_login["uri"]);
}

/// A private key and its certificate written by pkcs11-tool, with no public key object (how
/// many issuers write keys; SoftHSM2 keeps no public point on EC private keys).
fn key_and_cert_without_public_object(hsm: &Hsm) {
    let key = hsm.path("leaf.key.der");
    let cert = hsm.path("leaf.cer");
    openssl(
        hsm,
        &[
            "pkey",
            "-in",
            path(&fixture("leaf-p384.key")),
            "-outform",
            "DER",
            "-out",
            path(&key),
        ],
    );
    openssl(
        hsm,
        &[
            "x509",
            "-in",
            path(&fixture("leaf-p384.pem")),
            "-outform",
            "DER",
            "-out",
            path(&cert),
        ],
    );
    for (file, ty) in [(&key, "privkey"), (&cert, "cert")] {
        hsm.pkcs11_tool(&[
            "--login",
            "--pin",
            USER_PIN,
            "--write-object",
            path(file),
            "--type",
            ty,
            "--id",
            "01",
            "--label",
            "leaf",
        ])
        .ok();
    }
    let listing = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout;
    assert!(!listing.contains("Public Key Object"), "{listing}");
}

#[test]
fn a_key_without_a_public_object_uses_its_certificate() {
    let hsm = Hsm::with_tokens(&["issuer-style"]);
    key_and_cert_without_public_object(&hsm);
    let check = hsm.tw(&["check", "--json"]).ok().json();
    assert_eq!(
        check["report"]["verified_against"], "certificate",
        "{check}"
    );
    assert_eq!(check["ok"], true, "{check}");
    let exported = hsm
        .tw(&["keys", "export-public", "--key", "leaf"])
        .ok()
        .stdout;
    let by_openssl = openssl(
        &hsm,
        &[
            "x509",
            "-in",
            path(&fixture("leaf-p384.pem")),
            "-pubkey",
            "-noout",
        ],
    )
    .stdout;
    assert_eq!(
        exported, by_openssl,
        "export-public gives the certificate's key"
    );
    let doc = hsm.write("order.txt", "order 7\n");
    hsm.tw(&["sign", path(&doc), "--format", "raw"]).ok();
    hsm.run(&[
        "verify",
        path(&doc),
        &format!("{}.sig", path(&doc)),
        "--cert",
        path(&fixture("leaf-p384.pem")),
    ])
    .ok();
    let dir = hsm.path("cfg");
    std::fs::create_dir(&dir).unwrap();
    let cfg = config(&hsm, "openssl", "leaf", &dir);
    assert!(
        cfg["uri"].as_str().unwrap().contains("type=private"),
        "{cfg}"
    );
}

#[test]
fn a_request_with_a_mistyped_national_id_is_refused_before_the_token_signs() {
    let hsm = Hsm::with_tokens(&["ids"]);
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "k"])
        .ok();
    for (subject, field) in [
        ("CN=Ivanov Ivan, INN=500100732258", "INN"),
        ("CN=Ivanov Ivan, SNILS=11223344596", "SNILS"),
        ("CN=Ivanov Ivan, OGRN=102770013219", "OGRN"),
        ("CN=Juan Pérez, CURP=PEJJ800101HDFRNN09", "CURP"),
    ] {
        let out = hsm.tw(&["keys", "csr", "--key", "k", "--subject", subject, "--json"]);
        assert_eq!(out.code, 2, "{subject}: {}", out.all_output());
        let err = out.json();
        assert_eq!(err["error"]["reason"], "bad_national_id", "{err:#}");
        assert!(
            err["error"]["message"].as_str().unwrap().starts_with(field),
            "{err:#}"
        );
    }
    let ru = hsm.run_env(
        &[
            "keys",
            "csr",
            "--key",
            "k",
            "--subject",
            "CN=Иванов, INN=500100732258",
        ],
        &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "ru_RU.UTF-8")],
    );
    assert!(
        ru.stderr.contains("ИНН «500100732258» указан неверно"),
        "{}",
        ru.stderr
    );
    // The right ones make a request OpenSSL verifies.
    let csr = hsm.path("ok.csr");
    hsm.tw(&[
        "keys",
        "csr",
        "--key",
        "k",
        "--subject",
        "CN=Ivanov Ivan, C=RU, INN=500100732259, SNILS=11223344595, OGRN=1027700132195",
        "--out",
        common::path(&csr),
    ])
    .ok();
    let verified = hsm.run_peer(
        "openssl",
        &["req", "-in", common::path(&csr), "-verify", "-noout"],
    );
    assert_eq!(verified.code, 0, "{}", verified.all_output());
}

#[test]
fn a_label_longer_than_tokens_take_is_refused_before_the_token_is_touched() {
    let hsm = Hsm::with_tokens(&["labels"]);
    let before = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout;
    let long = "Б".repeat(33);
    for label in [long.as_str(), &"x".repeat(65)] {
        let out = hsm.tw(&[
            "keys", "generate", "--type", "p256", "--label", label, "--json",
        ]);
        assert_eq!(out.code, 2, "{}", out.all_output());
        let err = out.json();
        assert_eq!(err["error"]["reason"], "object_label_too_long", "{err:#}");
    }
    let out = hsm.tw(&[
        "certs",
        "import",
        common::path(&fixture("leaf-p256.pem")),
        "--label",
        &"y".repeat(100_000),
    ]);
    assert_eq!(out.code, 2, "{}", out.all_output());
    let after = hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .ok()
        .stdout;
    assert_eq!(before, after, "nothing reached the token");
    // 64 bytes is still a label.
    hsm.tw(&[
        "keys",
        "generate",
        "--type",
        "p256",
        "--label",
        &"z".repeat(64),
    ])
    .ok();
}
