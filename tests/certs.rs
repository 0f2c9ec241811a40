//! `tokenward certs …` against real SoftHSM2 tokens, checked with pkcs11-tool, p11tool and
//! openssl.

mod common;

use common::{fixture, path, Hsm, USER_PIN};
use serde_json::Value;

/// Put a fixture's private and public key on the token with pkcs11-tool.
fn put_key(hsm: &Hsm, name: &str, id: &str) {
    let key = fixture(&format!("{name}.key"));
    let pubkey = hsm.path(&format!("{name}.pub.pem"));
    let out = std::process::Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&key)
        .arg("-out")
        .arg(&pubkey)
        .output()
        .unwrap();
    assert!(out.status.success());
    for (file, ty) in [
        (key.to_str().unwrap(), "privkey"),
        (pubkey.to_str().unwrap(), "pubkey"),
    ] {
        hsm.pkcs11_tool(&[
            "--login",
            "--pin",
            USER_PIN,
            "--write-object",
            file,
            "--type",
            ty,
            "--id",
            id,
            "--label",
            name,
        ])
        .ok();
    }
}

/// Write a certificate object with pkcs11-tool.
fn put_cert(hsm: &Hsm, name: &str, id: &str) {
    let der = fixture(&format!("{name}.der"));
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        USER_PIN,
        "--write-object",
        der.to_str().unwrap(),
        "--type",
        "cert",
        "--id",
        id,
        "--label",
        name,
    ])
    .ok();
}

fn certs_json(hsm: &Hsm, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["certs", "list", "--json", "--login"];
    args.extend_from_slice(extra);
    hsm.tw(&args).ok().json()["certificates"]
        .as_array()
        .unwrap()
        .clone()
}

fn find<'a>(certs: &'a [Value], cn: &str) -> &'a Value {
    certs
        .iter()
        .find(|c| c["info"]["subject_cn"] == cn)
        .unwrap_or_else(|| panic!("{cn} not listed: {certs:#?}"))
}

#[test]
fn certificates_written_by_pkcs11_tool_are_listed_with_their_keys() {
    let hsm = Hsm::with_tokens(&["list"]);
    put_key(&hsm, "leaf-p256", "a1");
    put_cert(&hsm, "leaf-p256", "a1");
    put_key(&hsm, "leaf-rsa2048", "b2");
    put_cert(&hsm, "leaf-rsa2048", "b2");
    put_cert(&hsm, "expired", "e1");
    put_cert(&hsm, "encrypt-only", "c3");
    let certs = certs_json(&hsm, &[]);
    assert_eq!(certs.len(), 4);
    let p256 = find(&certs, "Ivanov Ivan (P-256)");
    assert_eq!(p256["label"], "leaf-p256");
    assert_eq!(p256["id"], "a1");
    assert_eq!(p256["key"]["match"], "by_public_key");
    assert_eq!(p256["key"]["private_key_seen"], true);
    assert_eq!(p256["info"]["validity"], "valid");
    assert_eq!(
        p256["info"]["key_usage"],
        serde_json::json!(["digital_signature", "non_repudiation"])
    );
    let expired = find(&certs, "Expired signer");
    assert_eq!(expired["info"]["validity"], "expired");
    assert_eq!(expired["key"]["match"], "none");
    // Valid certificates with a key come first.
    assert_eq!(certs[0]["key"]["match"], "by_public_key");
    assert_eq!(certs[1]["key"]["match"], "by_public_key");
    assert_eq!(certs.last().unwrap()["info"]["validity"], "expired");
    // Without a login the private keys are hidden; the public key objects still match.
    let out = hsm.run(&["certs", "list", "--json"]).ok().json();
    let p256 = find(
        out["certificates"].as_array().unwrap(),
        "Ivanov Ivan (P-256)",
    )
    .clone();
    assert_eq!(p256["key"]["match"], "by_public_key");
    assert_eq!(p256["key"]["private_key_seen"], false);
    // Human output.
    let out = &hsm.tw(&["certs", "list", "--login"]).ok();
    assert!(
        out.stdout.contains("Ivanov Ivan (P-256)") && out.stdout.contains(" days)"),
        "{}",
        out.stdout
    );
    // The expired fixture ended on 2016-01-01 00:00 UTC: in Moscow time (the tests' TZ) that
    // is 03:00 the same day.
    assert!(out.stdout.contains("EXPIRED 2016-01-01"), "{}", out.stdout);
    let out = &hsm.tw(&["certs", "show", "expired"]).ok();
    assert!(
        out.stdout.contains("2016-01-01 03:00 MSK"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_key_that_only_shares_the_id_is_reported_as_such() {
    let hsm = Hsm::with_tokens(&["idonly"]);
    // The private key of another certificate, under the certificate's id (no public object).
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        USER_PIN,
        "--write-object",
        fixture("mismatched.key").to_str().unwrap(),
        "--type",
        "privkey",
        "--id",
        "77",
        "--label",
        "other",
    ])
    .ok();
    put_cert(&hsm, "leaf-p256", "77");
    let certs = certs_json(&hsm, &[]);
    assert_eq!(certs[0]["key"]["match"], "by_id_only");
}

#[test]
fn filters_and_search() {
    let hsm = Hsm::with_tokens(&["filter"]);
    put_key(&hsm, "leaf-p256", "a1");
    put_cert(&hsm, "leaf-p256", "a1");
    put_cert(&hsm, "expired", "e1");
    put_cert(&hsm, "encrypt-only", "c3");
    put_cert(&hsm, "russian", "d4");
    put_cert(&hsm, "sat", "d5");
    assert_eq!(certs_json(&hsm, &[]).len(), 5);
    let valid = certs_json(&hsm, &["--valid"]);
    assert!(valid.iter().all(|c| c["info"]["validity"] == "valid") && valid.len() == 4);
    let signing = certs_json(&hsm, &["--for", "signing"]);
    assert!(!signing
        .iter()
        .any(|c| c["info"]["subject_cn"] == "Encryption only"));
    assert_eq!(signing.len(), 4);
    let inn = certs_json(&hsm, &["--search", "771234567890"]);
    assert_eq!(inn.len(), 1);
    assert_eq!(inn[0]["info"]["subject_cn"], "Иванов Иван Иванович");
    let ids = inn[0]["info"]["national_ids"].as_array().unwrap();
    assert!(ids
        .iter()
        .any(|n| n["kind"] == "snils" && n["value"] == "11223344595"));
    let curp = certs_json(&hsm, &["--search", "hegj820506hdfrrn09"]);
    assert_eq!(curp.len(), 1);
    // Case and accents do not matter: "Hernandez" finds "HERNÁNDEZ", «иванов» finds «Иванов».
    let plain = certs_json(&hsm, &["--search", "Jose Hernandez"]);
    assert_eq!(plain.len(), 1, "{plain:?}");
    assert_eq!(plain[0]["info"]["subject_cn"], "JOSÉ HERNÁNDEZ GARCÍA");
    assert_eq!(certs_json(&hsm, &["--search", "иванов"]).len(), 1);
    assert_eq!(curp[0]["info"]["national_ids"][0]["kind"], "rfc");
    let out = &hsm.tw(&["certs", "list", "--login", "--full"]).ok();
    assert!(out.stdout.contains("INN=771234567890"), "{}", out.stdout);
    assert!(out.stdout.contains("SNILS 11223344595"), "{}", out.stdout);
}

#[test]
fn gost_certificates_are_list_only_and_unreadable_ones_do_not_crash() {
    let hsm = Hsm::with_tokens(&["gost"]);
    put_cert(&hsm, "gost", "01");
    let certs = certs_json(&hsm, &[]);
    assert_eq!(certs[0]["info"]["key_usable"], false);
    assert_eq!(
        certs[0]["info"]["key_algorithm"],
        "GOST R 34.10-2012 (256 bit)"
    );
    let out = &hsm.tw(&["certs", "list", "--login"]).ok();
    assert!(
        out.stdout
            .contains("list only (GOST R 34.10-2012 (256 bit))"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Петров Пётр (ГОСТ)"), "{}", out.stdout);
}

#[test]
fn import_binds_the_certificate_to_its_key_and_peers_see_it() {
    let hsm = Hsm::with_tokens(&["imp"]);
    put_key(&hsm, "leaf-rsa2048", "b2");
    let out = &hsm
        .tw(&[
            "certs",
            "import",
            fixture("leaf-rsa2048.pem").to_str().unwrap(),
        ])
        .ok();
    assert!(
        out.stdout.contains("Imported \"Ivanov Ivan (RSA 2048)\""),
        "{}",
        out.stdout
    );
    let o = hsm.pkcs11_tool(&["-O", "--type", "cert"]).ok();
    assert!(
        o.stdout.contains("label:      Ivanov Ivan (RSA 2048)"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("ID:         b2"), "{}", o.stdout);
    let p = hsm.p11tool(&["--list-all-certs", "pkcs11:token=imp"]).ok();
    assert!(
        p.stdout.contains("Label: Ivanov Ivan (RSA 2048)"),
        "{}",
        p.stdout
    );
    assert!(p.stdout.contains("ID: b2"), "{}", p.stdout);
    // The same again is a no-op that says so.
    let out = &hsm
        .tw(&[
            "certs",
            "import",
            fixture("leaf-rsa2048.der").to_str().unwrap(),
            "--json",
        ])
        .ok();
    assert_eq!(out.json()["certificates"][0]["status"], "already_present");
    assert_eq!(certs_json(&hsm, &[]).len(), 1);
    // A bundle: the leaf (its key is here) brings its CA certificates along.
    put_key(&hsm, "leaf-p256", "a1");
    let out = &hsm
        .tw(&[
            "certs",
            "import",
            fixture("bundle.pem").to_str().unwrap(),
            "--json",
        ])
        .ok();
    let imported = out.json()["certificates"].as_array().unwrap().clone();
    assert_eq!(imported.len(), 3);
    assert_eq!(imported[0]["id"], "a1");
    assert_eq!(certs_json(&hsm, &[]).len(), 4);
}

#[test]
fn import_refuses_what_it_cannot_bind_and_bad_files() {
    let hsm = Hsm::with_tokens(&["bad"]);
    let out = &hsm
        .tw(&[
            "certs",
            "import",
            fixture("leaf-p256.pem").to_str().unwrap(),
        ])
        .code(2);
    assert!(
        out.stderr.contains("no key on token \"bad\" belongs to"),
        "{}",
        out.stderr
    );
    // With --ca it goes on the token anyway.
    hsm.tw(&[
        "certs",
        "import",
        fixture("root.pem").to_str().unwrap(),
        "--ca",
    ])
    .ok();
    for (file, needle) in [
        ("not-a-cert.der", "not a valid X.509 certificate"),
        ("broken-base64.pem", "damaged"),
        ("empty.pem", "empty"),
        ("truncated.der", "not a valid X.509 certificate"),
    ] {
        let out = &hsm
            .tw(&["certs", "import", fixture(file).to_str().unwrap(), "--ca"])
            .code(2);
        assert!(out.stderr.contains(needle), "{file}: {}", out.stderr);
    }
    let out = &hsm.tw(&["certs", "import", "/nonexistent.pem"]).code(2);
    assert!(
        out.stderr.contains("cannot read /nonexistent.pem"),
        "{}",
        out.stderr
    );
    assert_eq!(
        certs_json(&hsm, &[]).len(),
        1,
        "only the root went on the token"
    );
    // A write-protected token.
    let out = hsm
        .tokenward_faulty(&[("P11FAULT_WRITE_PROTECTED", "1")])
        .args([
            "certs",
            "import",
            fixture("intermediate.pem").to_str().unwrap(),
            "--ca",
            "--pin-env",
            "P",
        ])
        .env("P", USER_PIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("write-protected"));
    assert_eq!(certs_json(&hsm, &[]).len(), 1);
}

#[test]
fn export_matches_openssl_and_the_chain_verifies() {
    let hsm = Hsm::with_tokens(&["exp"]);
    put_key(&hsm, "leaf-p256", "a1");
    hsm.tw(&["certs", "import", fixture("bundle.pem").to_str().unwrap()])
        .ok();
    let pem = hsm.path("leaf.pem");
    hsm.run(&["certs", "export", "a1", "--out", pem.to_str().unwrap()])
        .ok();
    let fp = hsm
        .run_peer(
            "openssl",
            &[
                "x509",
                "-in",
                pem.to_str().unwrap(),
                "-noout",
                "-fingerprint",
                "-sha256",
            ],
        )
        .ok();
    let theirs = fp
        .stdout
        .trim()
        .rsplit('=')
        .next()
        .unwrap()
        .replace(':', "")
        .to_lowercase();
    let ours = find(&certs_json(&hsm, &[]), "Ivanov Ivan (P-256)")["info"]["fingerprint_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(theirs, ours);
    // Refuses to overwrite, then DER.
    hsm.run(&["certs", "export", "a1", "--out", pem.to_str().unwrap()])
        .code(2);
    let der = hsm.path("leaf.der");
    hsm.run(&[
        "certs",
        "export",
        &ours[..12],
        "--der",
        "--out",
        der.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        std::fs::read(der).unwrap(),
        std::fs::read(fixture("leaf-p256.der")).unwrap()
    );
    // The chain, leaf first; openssl accepts it with the intermediate trusted.
    let chain = &hsm.run(&["certs", "export", "a1", "--chain"]).ok();
    assert_eq!(chain.stdout.matches("BEGIN CERTIFICATE").count(), 3);
    let (_, issuers) = chain
        .stdout
        .split_once("-----END CERTIFICATE-----\n")
        .unwrap();
    let issuers_file = hsm.write("issuers.pem", issuers);
    hsm.run_peer(
        "openssl",
        &[
            "verify",
            "-partial_chain",
            "-CAfile",
            issuers_file.to_str().unwrap(),
            pem.to_str().unwrap(),
        ],
    )
    .ok();
    hsm.run(&["certs", "export", "a1", "--chain", "--der"])
        .code(2);
}

#[test]
fn select_makes_a_default_that_later_commands_use() {
    let hsm = Hsm::with_tokens(&["sel"]);
    put_key(&hsm, "leaf-p256", "a1");
    put_cert(&hsm, "leaf-p256", "a1");
    put_key(&hsm, "leaf-rsa2048", "b2");
    put_cert(&hsm, "leaf-rsa2048", "b2");
    // Two usable certificates: without a default the choice is ambiguous and listed.
    let out = &hsm.tw(&["certs", "show"]).code(2);
    assert!(
        out.stderr.contains("2 certificates match"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("leaf-p256") && out.stderr.contains("leaf-rsa2048"),
        "{}",
        out.stderr
    );
    hsm.tw(&["certs", "select", "leaf-rsa2048"]).ok();
    let certs = certs_json(&hsm, &[]);
    assert_eq!(find(&certs, "Ivanov Ivan (RSA 2048)")["default"], true);
    assert_eq!(find(&certs, "Ivanov Ivan (P-256)")["default"], false);
    let shown = &hsm.tw(&["certs", "show", "--json"]).ok().json();
    assert_eq!(shown["id"], "b2");
    // The choice is the person's: it goes to the state file, not the admin's configuration.
    let state = std::fs::read_to_string(hsm.path("state/tokenward/state.toml")).unwrap();
    assert!(state.contains(&hsm.serial_of("sel")), "{state}");
    assert!(!hsm.path("config/tokenward/config.toml").exists());
    // A selector that matches nothing lists what is there.
    let out = &hsm.tw(&["certs", "show", "nothing-like-this"]).code(2);
    assert!(
        out.stderr
            .contains("no certificate matches \"nothing-like-this\""),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("leaf-p256"), "{}", out.stderr);
}

#[test]
fn several_candidates_are_a_short_numbered_list_of_those_that_could_sign() {
    let hsm = Hsm::with_tokens(&["cand"]);
    put_key(&hsm, "leaf-p256", "a1");
    put_cert(&hsm, "leaf-p256", "a1");
    put_key(&hsm, "leaf-rsa2048", "b2");
    put_cert(&hsm, "leaf-rsa2048", "b2");
    put_cert(&hsm, "intermediate", "c3");
    let doc = hsm.write("doc.txt", "text");
    let doc = doc.to_str().unwrap();
    let out = &hsm.tw(&["sign", doc, "--format", "raw"]).code(2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    let numbered: Vec<&&str> = lines
        .iter()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(numbered.len(), 2, "{}", out.stderr);
    assert!(
        numbered[0].trim_start().starts_with("1. "),
        "{}",
        out.stderr
    );
    assert!(
        numbered[1].trim_start().starts_with("2. "),
        "{}",
        out.stderr
    );
    // The CA certificate (no key here) cannot sign: not offered.
    assert!(!out.stderr.contains("intermediate"), "{}", out.stderr);
    // URIs only with --verbose; the hint names the flag and `certs select`.
    assert!(!out.stderr.contains("pkcs11:"), "{}", out.stderr);
    assert!(out.stderr.contains("--cert "), "{}", out.stderr);
    assert!(
        out.stderr.contains("tokenward certs select "),
        "{}",
        out.stderr
    );
    let out = &hsm
        .tw(&["--verbose", "sign", doc, "--format", "raw"])
        .code(2);
    assert!(out.stderr.contains("pkcs11:"), "{}", out.stderr);
    let json = hsm
        .tw(&["sign", doc, "--format", "raw", "--json"])
        .code(2)
        .json();
    assert_eq!(json["error"]["candidates"].as_array().unwrap().len(), 2);
    assert!(json["error"]["candidates"][0]["uri"]
        .as_str()
        .unwrap()
        .starts_with("pkcs11:"));
    // A key named by a selector that matches nothing: the hint names --key.
    let out = &hsm
        .tw(&["keys", "export-public", "--key", "zz-nothing"])
        .code(2);
    assert!(out.stderr.contains("--key "), "{}", out.stderr);
}

#[test]
fn delete_asks_first() {
    let hsm = Hsm::with_tokens(&["del"]);
    put_cert(&hsm, "expired", "e1");
    let out = &hsm.tw(&["certs", "delete", "e1"]).code(2);
    assert!(out.stderr.contains("--yes"), "{}", out.stderr);
    assert_eq!(certs_json(&hsm, &[]).len(), 1);
    hsm.tw(&["certs", "delete", "e1", "--yes"]).ok();
    assert_eq!(certs_json(&hsm, &[]).len(), 0);
    let o = hsm.pkcs11_tool(&["-O", "--type", "cert"]).ok();
    assert!(!o.stdout.contains("Certificate Object"), "{}", o.stdout);
}

#[test]
fn selectors_take_an_id_prefix_another_case_and_a_unique_part_of_the_label() {
    let hsm = Hsm::with_tokens(&["sel"]);
    hsm.import_p12("modern-p256.p12", "Ivanov Signing");
    hsm.import_pem("leaf-rsa2048", "Petrov Auth");
    let list = hsm.run(&["certs", "list", "--json"]).ok().json();
    let id_of = |label: &str| common::cert_id(&list, label);
    let selected = |sel: &str| {
        hsm.run(&["certs", "select", sel, "--json"]).ok().json()["default_cert"]["label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // The first characters of the ID column, as people copy them.
    let ivanov = id_of("Ivanov Signing");
    let petrov = id_of("Petrov Auth");
    let prefix_len = (2..ivanov.len())
        .find(|n| !petrov.starts_with(&ivanov[..*n]))
        .unwrap()
        .max(4);
    assert_eq!(selected(&ivanov[..prefix_len]), "Ivanov Signing");
    // The label in another case, then a unique part of it.
    assert_eq!(selected("petrov auth"), "Petrov Auth");
    assert_eq!(selected("signing"), "Ivanov Signing");
    assert_eq!(selected("Petrov"), "Petrov Auth");
    // The name certs list leads with (the subject's common name) names its certificate too.
    assert_eq!(selected("ivanov ivan (p-256)"), "Ivanov Signing");
    assert_eq!(selected("Ivanov Ivan (RSA 2048)"), "Petrov Auth");
    // A part both labels share names both: the candidates are listed, nothing is chosen.
    let err = hsm.run(&["certs", "select", "ov", "--json"]).code(2).json();
    assert_eq!(err["error"]["kind"], "ambiguous_object", "{err:#}");
    assert_eq!(err["error"]["candidates"].as_array().unwrap().len(), 2);
    let default = hsm.run(&["certs", "show", "--json"]).ok().json();
    assert_eq!(default["label"], "Petrov Auth");
    // A key is chosen the same way for signing.
    let doc = hsm.write("doc.txt", b"text");
    let signed = hsm
        .tw(&["sign", common::path(&doc), "--key", "ivanov", "--json"])
        .ok()
        .json();
    assert!(signed.to_string().contains("Ivanov"), "{signed:#}");
}

#[test]
fn expired_and_not_yet_valid_certificates_import_with_a_warning_that_says_so() {
    let hsm = Hsm::with_tokens(&["dates"]);
    // keys import with the certificate: it goes on the token, and the person is told.
    let out = &hsm
        .tw(&[
            "keys",
            "import",
            fixture("expired.key").to_str().unwrap(),
            "--cert",
            fixture("expired.pem").to_str().unwrap(),
        ])
        .ok();
    assert!(
        out.stderr
            .contains("warning: the certificate \"Expired signer\" expired on ")
            && out.stderr.contains("MSK: it was put on the token"),
        "{}",
        out.stderr
    );
    assert_eq!(
        find(&certs_json(&hsm, &[]), "Expired signer")["info"]["validity"],
        "expired"
    );
    // certs import of a certificate whose key is already here, in Spanish.
    put_key(&hsm, "not-yet-valid", "c3");
    let out = hsm
        .run_env(
            &[
                "certs",
                "import",
                fixture("not-yet-valid.pem").to_str().unwrap(),
                "--json",
                "--pin-env",
                "TW_PIN",
            ],
            &[
                ("TW_PIN", USER_PIN),
                ("LANG", "es_MX.UTF-8"),
                ("LC_ALL", ""),
            ],
        )
        .ok();
    assert_eq!(out.json()["certificates"][0]["status"], "imported");
    assert!(
        out.stderr.contains("es válido solo a partir del "),
        "{}",
        out.stderr
    );
    // Again: nothing is imported, so nothing is said.
    let out = hsm
        .tw(&[
            "certs",
            "import",
            fixture("not-yet-valid.pem").to_str().unwrap(),
        ])
        .ok();
    assert!(!out.stderr.contains("valid only from"), "{}", out.stderr);
    // A certificate that is valid now says nothing.
    put_key(&hsm, "leaf-rsa2048", "b2");
    let out = hsm
        .tw(&[
            "certs",
            "import",
            fixture("leaf-rsa2048.pem").to_str().unwrap(),
        ])
        .ok();
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
}

#[test]
fn a_long_id_is_shown_by_its_first_digits_which_select_it_as_copied() {
    let hsm = Hsm::with_tokens(&["ids"]);
    hsm.tw(&[
        "certs",
        "import",
        "--ca",
        fixture("intermediate.pem").to_str().unwrap(),
    ])
    .ok();
    let full = certs_json(&hsm, &[])[0]["id"].as_str().unwrap().to_string();
    assert_eq!(full.len(), 40, "a CA's key identifier: {full}");
    let shown = format!("{}…", &full[..8]);
    let table = hsm.run(&["certs", "list"]).ok().stdout;
    assert!(table.contains(&shown) && !table.contains(&full), "{table}");
    assert!(
        table.lines().all(|l| l.chars().count() <= 80),
        "wider than 80 columns:\n{table}"
    );
    let verbose = hsm.run(&["certs", "list", "--verbose"]).ok().stdout;
    assert!(verbose.contains(&full), "{verbose}");
    let chosen = hsm.run(&["certs", "select", &shown, "--json"]).ok().json();
    assert_eq!(chosen["default_cert"]["id"], full.as_str(), "{chosen:#}");
}

#[test]
fn twenty_certs_select_at_once_keep_every_choice_in_the_state_file_not_the_admins() {
    let labels: Vec<String> = (0..20).map(|n| format!("par{n:02}")).collect();
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let hsm = Hsm::with_tokens(&refs);
    let der = fixture("leaf-p256.der");
    for label in &labels {
        hsm.pkcs11_tool(&[
            "--token-label",
            label,
            "--login",
            "--pin",
            USER_PIN,
            "--write-object",
            der.to_str().unwrap(),
            "--type",
            "cert",
            "--id",
            "01",
            "--label",
            "signing",
        ])
        .ok();
    }
    let config = hsm.write(
        "config.toml",
        "# Managed by IT: do not remove this line.\n[policy]\nmin_length = 10 # accounting\n",
    );
    let children: Vec<std::process::Child> = labels
        .iter()
        .map(|label| {
            hsm.tokenward()
                .args(["--config", path(&config), "--token", label])
                .args(["certs", "select", "01"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let admins = std::fs::read_to_string(&config).unwrap();
    assert_eq!(
        admins,
        "# Managed by IT: do not remove this line.\n[policy]\nmin_length = 10 # accounting\n",
        "the administrator's file is not touched"
    );
    let saved = std::fs::read_to_string(hsm.path("state/tokenward/state.toml")).unwrap();
    let parsed: toml::Table = saved.parse().unwrap();
    let tokens = parsed["tokens"].as_table().unwrap();
    assert_eq!(tokens.len(), 20, "a choice was lost:\n{saved}");
    assert!(tokens
        .values()
        .all(|t| t["default_cert"].as_str().is_some_and(|f| f.len() == 64)));
}
