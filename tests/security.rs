//! The security audit's findings, each as a test that fails on the code the audit read:
//! generated files that could be turned into code, what a terminal shows, secrets in a
//! mistyped URI, hostile input files, and the audit log's gaps.

mod common;

use std::os::unix::ffi::OsStrExt;

use common::{fixture, path, Hsm, SO_PIN, USER_PIN};

/// A key on the token whose label was written by another tool, with a newline and a line of
/// OpenSSL configuration in it.
fn token_with_hostile_label(label: &str) -> Hsm {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        USER_PIN,
        "--keypairgen",
        "--key-type",
        "EC:prime256v1",
        "--id",
        "05",
        "--label",
        label,
    ])
    .ok();
    hsm
}

#[test]
fn export_config_cannot_be_turned_into_code_by_a_label() {
    let evil = "x\ndynamic_path = /tmp/evil.so\n";
    let hsm = token_with_hostile_label(evil);
    let out = hsm.path("openssl");
    hsm.tw(&[
        "export-config",
        "--for",
        "openssl",
        "--key",
        "05",
        "--out",
        path(&out),
    ])
    .ok();
    let cnf = std::fs::read_to_string(out.join("openssl-engine.cnf")).unwrap();
    assert!(
        !cnf.lines()
            .any(|l| l.trim() == "dynamic_path = /tmp/evil.so"),
        "{cnf}"
    );
    assert_eq!(
        cnf.lines()
            .filter(|l| l.starts_with("dynamic_path"))
            .count(),
        1,
        "{cnf}"
    );
    // The Java, p11-kit and shell files too: one line per setting, whatever the label.
    for program in ["java", "gnutls", "nss"] {
        let dir = hsm.path(program);
        hsm.tw(&[
            "export-config",
            "--for",
            program,
            "--key",
            "05",
            "--out",
            path(&dir),
        ])
        .ok();
        for f in std::fs::read_dir(&dir).unwrap().flatten() {
            let text = std::fs::read_to_string(f.path()).unwrap();
            assert!(
                !text.contains("\ndynamic_path"),
                "{}: {text}",
                f.path().display()
            );
        }
    }
}

#[test]
fn the_nss_script_quotes_a_token_label_safely() {
    let marker = std::env::temp_dir().join(format!("tw-pwned-{}", std::process::id()));
    let _ = std::fs::remove_file(&marker);
    // A token label that breaks out of single quotes and runs a command.
    let label = format!("a'$(touch {})'", marker.display());
    let hsm = Hsm::new();
    hsm.add_token(&label[..label.len().min(32)]);
    let token_label = &label[..label.len().min(32)];
    hsm.import_p12("modern-p256.p12", "leaf");
    let _ = token_label;
    let dir = hsm.path("nss");
    hsm.tw(&[
        "export-config",
        "--for",
        "nss",
        "--key",
        "leaf",
        "--out",
        path(&dir),
    ])
    .ok();
    let db = hsm.path("nssdb");
    let run = hsm.run_peer("sh", &[path(&dir.join("nss-add-module.sh")), path(&db)]);
    assert!(
        !marker.exists(),
        "the label ran a command: {}",
        run.all_output()
    );
}

#[test]
fn labels_with_control_characters_are_refused_naming_the_character() {
    let hsm = Hsm::with_tokens(&["sec"]);
    // From the command line…
    let v = hsm
        .tw(&[
            "keys", "generate", "--type", "p256", "--label", "a\nb", "--json",
        ])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "control_character");
    assert!(v["error"]["message"].as_str().unwrap().contains("U+000A"));
    // …and from a PKCS#12 file's friendly name.
    let p12 = hsm.path("evil.p12");
    hsm.run_peer(
        "openssl",
        &[
            "pkcs12",
            "-export",
            "-inkey",
            path(&fixture("leaf-p384.key")),
            "-in",
            path(&fixture("leaf-p384.pem")),
            "-name",
            "evil\u{1b}[2Jname",
            "-passout",
            "pass:pw",
            "-out",
            path(&p12),
        ],
    )
    .ok();
    let pw = hsm.write("pw", "pw");
    let v = hsm
        .tw(&[
            "keys",
            "import",
            path(&p12),
            "--password-file",
            path(&pw),
            "--json",
        ])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "control_character");
    assert!(v["error"]["message"].as_str().unwrap().contains("U+001B"));
    // Nothing was written.
    let objects = hsm.tw(&["objects", "--login", "--json"]).ok().json();
    assert!(objects["objects"].as_array().unwrap().is_empty());
}

#[test]
fn a_terminal_is_shown_names_on_one_line_and_no_escape_sequence() {
    let hsm = token_with_hostile_label("k\u{1b}[2J\nChecked   trusted\u{202e}x");
    for args in [&["objects", "--login"][..], &["certs", "list"][..]] {
        let out = hsm.tw(args);
        let all = out.all_output();
        assert!(!all.contains('\u{1b}'), "{all}");
        assert!(!all.contains('\u{202e}'), "{all}");
        assert!(!all.contains("\nChecked   trusted"), "{all}");
    }
    let out = hsm.tw(&["objects", "--login"]).ok();
    assert!(
        out.stdout.contains("\\u{1b}[2J\\u{a}Checked"),
        "{}",
        out.stdout
    );
    // JSON keeps the label as it is.
    let v = hsm.tw(&["objects", "--login", "--json"]).ok().json();
    assert!(v["objects"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["label"].as_str().unwrap().contains('\u{1b}')));
}

#[test]
fn a_mistyped_pin_value_in_a_selector_is_never_echoed() {
    let hsm = Hsm::with_tokens(&["sec"]);
    for selector in [
        "pkcs11:token=nope;pin-valu=SECRET1234",
        "pkcs11:token=nope;PIN-VALUE=SECRET1234",
        "pkcs11:token=nope;pin-valueSECRET1234",
        "pkcs11:token=nope; pin-value=SECRET1234",
        "pkcs11:pin-value SECRET1234",
        "nope pin-value=SECRET1234",
    ] {
        for json in [false, true] {
            let mut args = vec!["--token", selector, "tokens"];
            if json {
                args.push("--json");
            }
            let out = hsm.run(&args);
            assert_ne!(out.code, 0, "{selector}");
            assert!(
                !out.all_output().contains("SECRET1234"),
                "{selector}: {}",
                out.all_output()
            );
        }
        let out = hsm.run(&["certs", "show", selector]);
        assert!(
            !out.all_output().contains("SECRET1234"),
            "{}",
            out.all_output()
        );
    }
}

#[test]
fn secret_files_must_be_small_regular_files() {
    let hsm = Hsm::with_tokens(&["sec"]);
    let big = hsm.write("big.pin", vec![b'a'; 100_000]);
    let v = hsm
        .run(&["objects", "--login", "--pin-file", path(&big), "--json"])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "file_too_large");
    // A FIFO would wait forever for a writer: refused at once.
    let fifo = hsm.path("pin.fifo");
    let made = hsm.run_peer("mkfifo", &[path(&fifo)]);
    assert_eq!(made.code, 0);
    let v = hsm
        .run(&["objects", "--login", "--pin-file", path(&fifo), "--json"])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "not_a_regular_file");
}

#[test]
fn an_output_path_that_is_not_utf8_is_refused_before_the_export() {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    let bad = std::ffi::OsStr::from_bytes(b"/tmp/tw-\xff.pem");
    let out = hsm
        .tokenward()
        .args(["keys", "export-public", "--key", "leaf", "--json", "--out"])
        .arg(bad)
        .args(["--pin-env", "P"])
        .env("P", USER_PIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["reason"], "path_not_utf8");
}

#[test]
fn a_wrong_so_pin_and_a_failed_export_write_are_audit_events() {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.run_env(
        &[
            "pin",
            "unblock",
            "--so-pin-env",
            "SO",
            "--new-pin-env",
            "NEW",
        ],
        &[("SO", "wrong-so-pin-0"), ("NEW", "NewPin5678")],
    )
    .code(4);
    hsm.tw(&[
        "keys",
        "generate",
        "--type",
        "p256",
        "--label",
        "x",
        "--extractable",
    ])
    .ok();
    // The target is a folder: the rename fails after the key left the token.
    let target = hsm.path("a-folder.p8");
    std::fs::create_dir(&target).unwrap();
    hsm.run_env(
        &[
            "keys",
            "export-private",
            "--key",
            "x",
            "--out",
            path(&target),
            "--force",
            "--pin-env",
            "P",
            "--new-password-env",
            "P",
        ],
        &[("P", USER_PIN)],
    )
    .code(1);
    let log = std::fs::read_to_string(hsm.path("state/tokenward/audit.log")).unwrap();
    let events: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        events.iter().any(|e| e["event"] == "pin_unblocked"
            && e["outcome"] == "failure"
            && e["detail"] == "wrong_pin"),
        "{log}"
    );
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "key_exported" && e["outcome"] == "failure"),
        "{log}"
    );
    // And the SO PIN still works: one wrong attempt is not a lock.
    hsm.run_env(
        &[
            "pin",
            "unblock",
            "--so-pin-env",
            "SO",
            "--new-pin-env",
            "NEW",
        ],
        &[("SO", SO_PIN), ("NEW", "NewPin5678")],
    )
    .ok();
}

#[test]
fn planted_certificates_neither_break_signing_nor_take_the_signers_place() {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    // A copy of the user's certificate with bytes after it, and a certificate for the user's
    // public key under another name, issued by nobody on the token: both written without a PIN.
    let leaf_der = std::fs::read(fixture("leaf-p256.der")).unwrap();
    let mut padded = leaf_der.clone();
    padded.extend_from_slice(b"trailing junk");
    let padded_file = hsm.write("padded.der", &padded);
    let public = hsm.path("leaf.pub.pem");
    hsm.run_peer(
        "openssl",
        &[
            "pkey",
            "-in",
            path(&fixture("leaf-p256.key")),
            "-pubout",
            "-out",
            path(&public),
        ],
    )
    .ok();
    let mallory = hsm.path("mallory.pem");
    hsm.run_peer(
        "openssl",
        &[
            "x509",
            "-new",
            "-force_pubkey",
            path(&public),
            "-subj",
            "/CN=Mallory",
            "-key",
            path(&fixture("expired.key")),
            "-days",
            "30",
            "-out",
            path(&mallory),
        ],
    )
    .ok();
    let mallory_der = hsm.path("mallory.der");
    hsm.run_peer(
        "openssl",
        &[
            "x509",
            "-in",
            path(&mallory),
            "-outform",
            "DER",
            "-out",
            path(&mallory_der),
        ],
    )
    .ok();
    for (file, id, label) in [
        (&padded_file, "77", "copy"),
        (&mallory_der, "99", "Mallory"),
    ] {
        hsm.pkcs11_tool(&[
            "--write-object",
            path(file),
            "--type",
            "cert",
            "--id",
            id,
            "--label",
            label,
        ])
        .ok();
    }
    // Signing by the key's label, and with no selector at all, uses the real certificate.
    // Without a selector every certificate is read, and the others that claim the key are
    // warned about; a key named exactly is read with what shares its CKA_ID only (a one-shot
    // command does not parse every certificate on the token), so the planted ones are not seen.
    let doc = hsm.write("doc.txt", "payment order 1\n");
    for (args, warned) in [(&["--key", "leaf"][..], false), (&[][..], true)] {
        let mut all = vec!["sign", path(&doc), "--force"];
        all.extend_from_slice(args);
        let out = hsm.tw(&all).ok();
        assert_eq!(
            out.stderr
                .contains("certificates on the token claim the key"),
            warned,
            "{}",
            out.stderr
        );
        let sig = format!("{}.p7s", path(&doc));
        let v = hsm.run(&["verify", path(&doc), &sig, "--json"]).ok().json();
        assert!(v["signer"].as_str().unwrap().contains("Ivanov Ivan"), "{v}");
    }
    // The padded copy lists as the same certificate, without its junk.
    let exported = hsm.path("copy.der");
    hsm.run(&["certs", "export", "77", "--der", "--out", path(&exported)])
        .ok();
    assert_eq!(std::fs::read(exported).unwrap(), leaf_der);
}

#[test]
fn an_interrupted_import_is_shown_and_finished_by_running_it_again() {
    let import = [
        "keys",
        "import",
        "P12",
        "--password-file",
        "PW",
        "--label",
        "leaf",
        "--id",
        "42",
    ];
    for kill_after in 1..=3 {
        let hsm = Hsm::with_tokens(&["sec"]);
        let (p12, pw) = (fixture("modern-p256.p12"), fixture("password.txt"));
        let args: Vec<&str> = import
            .iter()
            .map(|a| match *a {
                "P12" => path(&p12),
                "PW" => path(&pw),
                other => other,
            })
            .collect();
        let killed = hsm.tw_faulty(
            &[("P11FAULT_ABORT_AFTER_CREATE", &kill_after.to_string())],
            &args,
        );
        assert_ne!(
            killed.code, 0,
            "the import was not killed after {kill_after}"
        );
        // Never a private key without its public key and certificate…
        let privkeys = hsm.pkcs11_tool(&["--login", "--pin", USER_PIN, "-O", "--type", "privkey"]);
        assert!(
            !privkeys.stdout.contains("Private Key Object"),
            "after {kill_after}: {}",
            privkeys.stdout
        );
        // …and the interruption is shown.
        let v = hsm.tw(&["objects", "--login", "--json"]).ok().json();
        assert_eq!(v["pending_imports"].as_array().unwrap().len(), 1, "{v}");
        assert_eq!(v["pending_imports"][0]["journal"]["id"], "42");
        let text = hsm.tw(&["certs", "list", "--login"]).ok().stdout;
        assert!(text.contains("was interrupted"), "{text}");
        // The same command finishes it.
        let done = hsm.tw(&args).ok();
        assert!(
            done.stdout.contains("Interrupted key import finished"),
            "{}",
            done.stdout
        );
        let v = hsm.tw(&["objects", "--login", "--json"]).ok().json();
        assert!(v["pending_imports"].as_array().unwrap().is_empty(), "{v}");
        let all = hsm
            .pkcs11_tool(&["--login", "--pin", USER_PIN, "-O"])
            .stdout;
        for kind in [
            "Private Key Object",
            "Public Key Object",
            "Certificate Object",
        ] {
            assert!(
                all.contains(kind),
                "{kind} missing after {kill_after}:\n{all}"
            );
        }
        // It signs.
        let doc = hsm.write("doc.txt", "after the interruption\n");
        hsm.tw(&["sign", path(&doc), "--key", "42"]).ok();
    }
}

#[test]
fn no_core_dump_while_a_pin_is_held() {
    let hsm = Hsm::with_tokens(&["sec"]);
    // tokenward waits for the PIN on standard input: look at its limits meanwhile.
    let mut child = hsm
        .tokenward()
        .args(["objects", "--login", "--pin-stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let limits_file = format!("/proc/{}/limits", child.id());
    let mut limits = String::new();
    for _ in 0..200 {
        limits = std::fs::read_to_string(&limits_file).unwrap_or_default();
        let core = limits.lines().find(|l| l.starts_with("Max core file size"));
        let fields: Vec<&str> = core.unwrap_or_default().split_whitespace().collect();
        if fields.get(4..6) == Some(&["0", "0"][..]) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap_or_default()
        .to_string();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{limits}");
}

/// Peak memory (KiB) of `tokenward ARGS…`, by GNU time.
fn peak_kib(hsm: &Hsm, args: &[&str]) -> u64 {
    let mut cmd = hsm.peer("/usr/bin/time");
    cmd.env("TOKENWARD_MODULE", *common::SOFTHSM)
        .env("TW_PIN", USER_PIN)
        .args(["-f", "peak %M", env!("CARGO_BIN_EXE_tokenward")])
        .args(args);
    let out = common::Run::from(cmd.output().unwrap()).ok();
    out.stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak "))
        .and_then(|k| k.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in {}", out.stderr))
}

#[test]
fn files_are_signed_and_verified_while_read_in_small_memory() {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.import_p12("modern-rsa.p12", "rsa");
    hsm.import_p12("modern-p256.p12", "ec");
    // 128 MiB (sparse): reading it whole would take more than that.
    let big = hsm.path("big.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(128 << 20)
        .unwrap();
    let limit_kib = 64 << 10;
    for (key, format, ext) in [
        ("rsa", "raw", "sig"),
        ("ec", "raw", "sig"),
        ("rsa", "cms", "p7s"),
    ] {
        let peak = peak_kib(
            &hsm,
            &[
                "sign",
                path(&big),
                "--key",
                key,
                "--format",
                format,
                "--force",
                "--pin-env",
                "TW_PIN",
            ],
        );
        assert!(peak < limit_kib, "sign {key} {format}: {peak} KiB");
        let sig = format!("{}.{ext}", path(&big));
        if format == "cms" {
            let peak = peak_kib(&hsm, &["verify", path(&big), &sig]);
            assert!(peak < limit_kib, "verify cms: {peak} KiB");
            hsm.run_peer(
                "openssl",
                &[
                    "cms",
                    "-verify",
                    "-binary",
                    "-inform",
                    "DER",
                    "-in",
                    &sig,
                    "-content",
                    path(&big),
                    "-noverify",
                    "-out",
                    "/dev/null",
                ],
            )
            .ok();
        } else {
            // The raw signature is the one a one-shot C_Sign makes: OpenSSL checks it.
            let public = hsm.path(&format!("{key}.pub"));
            hsm.tw(&[
                "keys",
                "export-public",
                "--key",
                key,
                "--out",
                path(&public),
                "--force",
            ])
            .ok();
            let v = hsm.run_peer(
                "openssl",
                &[
                    "dgst",
                    "-sha256",
                    "-verify",
                    path(&public),
                    "-signature",
                    &sig,
                    path(&big),
                ],
            );
            assert!(
                v.stdout.contains("Verified OK"),
                "{key}: {}",
                v.all_output()
            );
        }
    }
}

#[test]
fn no_secret_of_any_command_appears_in_output_json_or_the_audit_log() {
    let hsm = Hsm::with_tokens(&["sec"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    hsm.tw(&[
        "keys",
        "generate",
        "--type",
        "p256",
        "--label",
        "ext",
        "--extractable",
    ])
    .ok();
    let wrong = "WrongLeak9Pin";
    let password = "LeakPass9word";
    let audit = hsm.path("audit.log");
    let doc = hsm.write("doc.txt", "x\n");
    let (p12, p12pw) = (fixture("modern-rsa.p12"), fixture("password.txt"));
    let csr = hsm.path("x.csr");
    let export = hsm.path("x.p8");
    let cert_out = hsm.path("c.pem");
    let inter = fixture("intermediate.pem");
    let trace = hsm.path("trace.log");
    let commands: Vec<Vec<&str>> = vec![
        vec!["objects", "--login"],
        vec!["certs", "list", "--login"],
        vec!["certs", "show", "leaf", "--login"],
        vec!["certs", "select", "leaf", "--login"],
        vec!["certs", "import", path(&inter), "--ca"],
        vec![
            "certs",
            "export",
            "leaf",
            "--out",
            path(&cert_out),
            "--force",
        ],
        vec!["keys", "export-public", "--key", "leaf"],
        vec![
            "keys",
            "csr",
            "--key",
            "leaf",
            "--subject",
            "CN=x",
            "--out",
            path(&csr),
            "--force",
        ],
        vec!["keys", "generate", "--type", "p256", "--label", "g"],
        vec![
            "keys",
            "import",
            path(&p12),
            "--password-file",
            path(&p12pw),
            "--label",
            "i",
        ],
        vec![
            "keys",
            "export-private",
            "--key",
            "ext",
            "--out",
            path(&export),
            "--force",
            "--new-password-env",
            "NEWPW",
        ],
        vec!["keys", "delete", "--key", "g", "--yes"],
        vec!["export-config", "--for", "openssl", "--key", "leaf"],
        vec!["check", "--cert", "leaf"],
        vec!["sign", path(&doc), "--key", "leaf", "--force"],
        vec!["pin", "change", "--new-pin-env", "NEWPIN"],
    ];
    let mut outputs = Vec::new();
    for pin in [wrong, USER_PIN] {
        for json in [false, true] {
            for cmd in &commands {
                if cmd[0] == "certs" && cmd[1] == "export" {
                    // Public: it takes no PIN at all.
                    let mut args = cmd.clone();
                    args.extend(["--audit-log", path(&audit)]);
                    outputs.push(hsm.run(&args).all_output());
                    continue;
                }
                let mut args = cmd.clone();
                args.extend(["--pin-env", "P", "--audit-log", path(&audit)]);
                // The support trace too: on standard error with --verbose, and to a file.
                if json {
                    args.push("--json");
                } else {
                    args.push("--verbose");
                }
                let pin_now = if cmd[1] == "change" { wrong } else { pin };
                let trace_file = if json { path(&trace) } else { "" };
                let run = hsm.run_env(
                    &args,
                    &[
                        ("P", pin_now),
                        ("NEWPW", password),
                        ("NEWPIN", "NewLeak9Pin"),
                        ("TOKENWARD_LOG_FILE", trace_file),
                    ],
                );
                outputs.push(run.all_output());
            }
        }
    }
    let log = std::fs::read_to_string(&audit).unwrap_or_default();
    assert!(log.lines().count() > 10, "{log}");
    let traced = std::fs::read_to_string(&trace).unwrap();
    assert!(
        traced.contains("pkcs11 C_Login -> CKR_PIN_INCORRECT")
            && traced.contains("pkcs11 C_Login -> CKR_OK")
            && traced.contains("pkcs11 C_Sign -> CKR_OK"),
        "{traced}"
    );
    assert!(
        outputs
            .iter()
            .any(|o| o.contains("tokenward: trace: pkcs11 C_Login -> ")),
        "the --verbose trace is on standard error"
    );
    for secret in [wrong, password, USER_PIN, "NewLeak9Pin", "fixture-pass-1"] {
        assert!(!log.contains(secret), "{secret} in the audit log");
        assert!(!traced.contains(secret), "{secret} in the trace");
        for out in &outputs {
            assert!(!out.contains(secret), "{secret} leaked:\n{out}");
        }
    }
}

#[test]
fn the_trace_file_is_private_and_never_written_through_a_planted_link() {
    use std::os::unix::fs::PermissionsExt;
    let hsm = Hsm::with_tokens(&["tr"]);
    let trace = hsm.path("trace.log");
    let run = hsm.run_env(&["tokens"], &[("TOKENWARD_LOG_FILE", path(&trace))]);
    run.ok();
    let mode = std::fs::metadata(&trace).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&trace).unwrap();
    assert!(text.contains("pkcs11 C_GetTokenInfo slot 0x"), "{text}");
    // A link planted where the trace goes is refused, and its target is left alone.
    let target = hsm.write("elsewhere.txt", "untouched\n");
    let link = hsm.path("planted.log");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = hsm
        .run_env(
            &["tokens", "--json"],
            &[("TOKENWARD_LOG_FILE", path(&link))],
        )
        .code(1);
    assert_eq!(out.json()["error"]["kind"], "io", "{}", out.stdout);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "untouched\n");
}

#[test]
fn a_misspelt_or_missing_configuration_is_an_error_not_a_looser_policy() {
    let hsm = Hsm::with_tokens(&["cfg"]);
    // A misspelt section would have left the stricter policy off: refused, with its line.
    let typo = hsm.write(
        "typo.toml",
        "module = \"/x.so\"\n\n[polcy]\nmin_length = 12\n",
    );
    let out = hsm
        .run(&["--config", path(&typo), "tokens", "--json"])
        .code(2);
    let error = &out.json()["error"];
    assert_eq!(error["kind"], "config_invalid", "{error:#}");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("line 3") && message.contains("polcy"),
        "{message}"
    );
    // A file named by --config or TOKENWARD_CONFIG that is not there is not an empty one.
    let missing = hsm.path("missing.toml");
    let out = hsm.run(&["--config", path(&missing), "tokens"]).code(2);
    assert!(out.stderr.contains("missing.toml"), "{}", out.stderr);
    let out = hsm
        .run_env(&["tokens"], &[("TOKENWARD_CONFIG", path(&missing))])
        .code(2);
    assert!(out.stderr.contains("missing.toml"), "{}", out.stderr);
    assert!(!missing.exists(), "nothing was created");
    // The default location may be absent: tokens works without any file.
    hsm.run(&["tokens"]).ok();
}
