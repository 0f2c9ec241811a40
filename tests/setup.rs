//! `tokenward setup`: the accountant's journey, on a real pseudo-terminal and with `--no-input`,
//! checked afterwards with the peers (pkcs11-tool logs in with the new PIN, modutil lists the
//! module in a Firefox profile the test made, OpenSSL signs through the written configuration).

mod common;

use std::path::PathBuf;

use common::{fault_module, fixture, path, Hsm, Run, SOFTHSM, USER_PIN};

const NEW_PIN: &str = "Buh2026pin";

/// A token whose user PIN is the factory one (p11-fault), holding the P-256 leaf and its key.
fn factory_token() -> (Hsm, [(&'static str, String); 3]) {
    let hsm = Hsm::with_tokens(&["Бухгалтерия"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    let faults = [
        ("P11FAULT_TARGET", SOFTHSM.to_string()),
        (
            "P11FAULT_STATE",
            hsm.path("p11fault-state").display().to_string(),
        ),
        ("P11FAULT_USER_PIN_TO_BE_CHANGED", "1".to_string()),
    ];
    (hsm, faults)
}

/// A Firefox profile as Firefox leaves it: `profiles.ini` naming it, an NSS database in it.
fn firefox_profile(hsm: &Hsm) -> PathBuf {
    let root = hsm.path("home/.mozilla/firefox");
    let profile = root.join("abcd1234.default-release");
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::write(
        root.join("profiles.ini"),
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd1234.default-release\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n",
    )
    .unwrap();
    hsm.run_peer(
        "certutil",
        &[
            "-N",
            "-d",
            &format!("sql:{}", profile.display()),
            "--empty-password",
        ],
    )
    .ok();
    profile
}

/// The modules an NSS database in `dir` lists (`modutil -list`).
fn nss_modules(hsm: &Hsm, dir: &std::path::Path) -> String {
    hsm.run_peer(
        "modutil",
        &["-list", "-dbdir", &format!("sql:{}", dir.display())],
    )
    .ok()
    .stdout
}

fn peer_login_ok(hsm: &Hsm, pin: &str) -> bool {
    hsm.pkcs11_tool(&[
        "--login",
        "--pin",
        pin,
        "--list-objects",
        "--type",
        "privkey",
    ])
    .code
        == 0
}

fn setup_no_input(
    hsm: &Hsm,
    faults: &[(&str, String)],
    args: &[&str],
    env: &[(&str, &str)],
) -> Run {
    let mut cmd = hsm.tokenward();
    cmd.env("TOKENWARD_MODULE", fault_module());
    for (k, v) in faults {
        cmd.env(k, v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(["setup", "--no-input", "--json"]).args(args);
    Run::from(cmd.output().unwrap())
}

#[test]
fn a_script_sets_up_a_factory_token_for_firefox_and_openssl_and_the_peers_agree() {
    let (hsm, faults) = factory_token();
    let profile = firefox_profile(&hsm);
    let run = setup_no_input(
        &hsm,
        &faults,
        &[
            "--pin-env",
            "OLD",
            "--new-pin-env",
            "NEW",
            "--programs",
            "firefox,openssl",
        ],
        &[("OLD", USER_PIN), ("NEW", NEW_PIN)],
    );
    assert_eq!(run.code, 0, "{}", run.all_output());
    let report = run.json();
    common::assert_schema("setup", &report);
    let steps = report["steps"].as_array().unwrap();
    common::assert_setup_steps(
        &report,
        &[
            ("check_computer", "done"),
            ("choose_token", "skipped"),
            ("choose_certificate", "done"),
            ("set_pin", "done"),
            ("programs", "done"),
            ("check_signing", "done"),
        ],
    );
    assert_eq!(steps[3]["reason"], "factory_pin");
    assert_eq!(report["certificate"]["label"], "leaf");
    // The peers see what was done: the new PIN opens the token, the old one does not.
    assert!(peer_login_ok(&hsm, NEW_PIN));
    assert!(!peer_login_ok(&hsm, USER_PIN));
    // Firefox's profile lists the module.
    let listed = nss_modules(&hsm, &profile);
    assert!(listed.contains("tokenward Бухгалтерия"), "{}", listed);
    assert!(listed.contains("libp11_fault"), "{}", listed);
    // OpenSSL signs through the configuration written for it, with the new PIN.
    let dir = PathBuf::from(report["programs"][1]["places"][0].as_str().unwrap());
    // The engine takes the key's URI without the module path (the configuration names it).
    let uri = report["uri"].as_str().unwrap().split('?').next().unwrap();
    let sig = hsm.path("doc.sig");
    let signed = Run::from(
        hsm.peer("openssl")
            .env("OPENSSL_CONF", dir.join("openssl-engine.cnf"))
            .args(["dgst", "-sha256", "-engine", "pkcs11", "-keyform", "engine"])
            .args(["-passin", &format!("pass:{NEW_PIN}"), "-sign", uri])
            .args(["-out", path(&sig)])
            .arg(fixture("document.txt"))
            .output()
            .unwrap(),
    );
    assert_eq!(signed.code, 0, "{}", signed.stderr);
    // A second run finds it done: the PIN is one's own, the default kept, Firefox registered.
    let again = setup_no_input(
        &hsm,
        &faults,
        &["--pin-env", "NEW", "--programs", "firefox,chromium"],
        &[("NEW", NEW_PIN)],
    );
    assert_eq!(again.code, 0, "{}", again.all_output());
    let again = again.json();
    // Chromium's shared database was made and lists the module.
    let shared = hsm.path("home/.pki/nssdb");
    let listed = nss_modules(&hsm, &shared);
    assert!(listed.contains("tokenward Бухгалтерия"), "{}", listed);
    assert_eq!(again["programs"][1]["already"], false);
    assert_eq!(again["steps"][2]["reason"], "already_default");
    assert_eq!(again["steps"][3]["status"], "skipped");
    assert_eq!(again["steps"][3]["reason"], "own_pin");
    assert_eq!(again["programs"][0]["already"], true);
}

#[test]
fn failures_stop_at_their_step_with_the_usual_exit_codes_and_change_nothing() {
    // No token at all: step 1 fails, exit 3.
    let empty = Hsm::with_tokens(&[]);
    let run = Run::from(
        empty
            .tokenward()
            .env("TOKENWARD_MODULE", *SOFTHSM)
            .args(["setup", "--no-input", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 3, "{}", run.all_output());
    let report = run.json();
    common::assert_schema("setup", &report);
    assert_eq!(report["steps"][0]["step"], "check_computer");
    assert_eq!(report["steps"][0]["status"], "failed");
    assert_eq!(report["steps"][0]["error"]["kind"], "no_token");
    assert_eq!(report["steps"].as_array().unwrap().len(), 1);

    // A module that does not exist.
    let run = Run::from(
        empty
            .tokenward()
            .args(["--module", "/no/such/module.so", "setup", "--no-input"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 3, "{}", run.all_output());
    assert!(run.stderr.contains("/no/such/module.so"), "{}", run.stderr);

    // Only an expired certificate: step 3 says why.
    let expired = Hsm::with_tokens(&["old"]);
    expired.import_pem("expired", "old-cert");
    let run = expired.run(&["setup", "--no-input", "--json"]);
    assert_eq!(run.code, 1, "{}", run.all_output());
    let report = run.json();
    assert_eq!(report["steps"][2]["status"], "failed");
    assert_eq!(
        report["steps"][2]["error"]["reason"],
        "no_usable_certificate"
    );
    assert!(
        report["steps"][2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{report:#}"
    );

    // A wrong current PIN: step 4 fails with exit 4 before any new PIN is asked; the factory
    // PIN still opens the token.
    let (hsm, faults) = factory_token();
    let run = setup_no_input(
        &hsm,
        &faults,
        &["--pin-env", "OLD", "--new-pin-env", "NEW"],
        &[("OLD", "wrong-pin-9"), ("NEW", NEW_PIN)],
    );
    assert_eq!(run.code, 4, "{}", run.all_output());
    let report = run.json();
    assert_eq!(report["steps"][3]["step"], "set_pin");
    assert_eq!(report["steps"][3]["error"]["kind"], "wrong_pin");
    assert!(peer_login_ok(&hsm, USER_PIN));
    assert!(!peer_login_ok(&hsm, NEW_PIN));

    // A new PIN with Cyrillic letters breaks the rule: exit 6, nothing changed.
    let run = setup_no_input(
        &hsm,
        &faults,
        &["--pin-env", "OLD", "--new-pin-env", "NEW"],
        &[("OLD", USER_PIN), ("NEW", "Пароль2026")],
    );
    assert_eq!(run.code, 6, "{}", run.all_output());
    assert!(peer_login_ok(&hsm, USER_PIN));
}

/// `tokenward setup` on a terminal over the factory-PIN token, in `lang`.
fn on_terminal(hsm: &Hsm, faults: &[(&str, String)], lang: &str) -> common::Terminal {
    let env: String = faults.iter().map(|(k, v)| format!("{k}='{v}' ")).collect();
    hsm.shell_on_terminal(
        lang,
        &format!(
            "{env}TOKENWARD_MODULE='{}' {} setup",
            fault_module().display(),
            env!("CARGO_BIN_EXE_tokenward")
        ),
    )
}

#[test]
fn the_whole_journey_on_a_terminal_in_russian() {
    let (hsm, faults) = factory_token();
    hsm.import_pem("leaf-rsa2048", "second");
    let profile = firefox_profile(&hsm);
    let mut term = on_terminal(&hsm, &faults, "ru_RU.UTF-8");
    term.expect("[1/6] Проверка компьютера");
    term.expect("[3/6]");
    term.expect("Каким сертификатом вы подписываете?");
    // Down to the second certificate, and back up to the first: Enter takes it.
    term.send("\x1b[B");
    term.send("\x1b[A\r");
    term.expect("[4/6]");
    term.answer("Заводской PIN-код пользователя", USER_PIN);
    term.answer("Новый PIN-код пользователя", NEW_PIN);
    term.answer("Повторите новый PIN-код пользователя", NEW_PIN);
    term.expect("Какие программы должны пользоваться токеном?");
    // Mark Firefox (1) and OpenSSL (3), then Enter.
    term.send("1");
    term.send("3");
    term.send("\r");
    term.expect("[6/6]");
    term.expect("Итог");
    term.expect("Перезапустите");
    let out = term.finish();
    assert!(
        !out.all_output().contains("заводской PIN-код, который"),
        "{}",
        out.all_output()
    );
    assert_eq!(out.code, 0, "{}", out.all_output());
    assert!(peer_login_ok(&hsm, NEW_PIN), "{}", out.all_output());
    let listed = nss_modules(&hsm, &profile);
    assert!(listed.contains("tokenward"), "{}", listed);
    // The default certificate is the one chosen.
    let shown = hsm.run(&["certs", "show", "--json"]).ok().json();
    assert_eq!(shown["label"], "leaf", "{shown:#}");
}

#[test]
fn ctrl_c_at_the_pin_step_says_what_was_done_and_changes_nothing_more() {
    for (lang, question, said) in [
        ("C.UTF-8", "Factory user PIN", "steps done before: 1, 2, 3"),
        (
            "es_MX.UTF-8",
            "NIP de fábrica del token",
            "pasos ya hechos: 1, 2, 3",
        ),
    ] {
        let (hsm, faults) = factory_token();
        let mut term = on_terminal(&hsm, &faults, lang);
        term.expect(question);
        term.send("\x03");
        let out = term.finish();
        assert_eq!(out.code, 130, "{lang}: {}", out.all_output());
        assert!(
            out.all_output().contains(said),
            "{lang}: {}",
            out.all_output()
        );
        assert!(peer_login_ok(&hsm, USER_PIN), "{lang}");
    }
}

#[test]
fn with_two_tokens_the_person_picks_one_with_the_arrow_keys() {
    let hsm = Hsm::with_tokens(&["Первый", "Второй"]);
    // The second token gets the certificate with its key.
    let imported = Run::from(
        hsm.tokenward()
            .args(["--token", "Второй", "keys", "import"])
            .arg(fixture("modern-p256.p12"))
            .args(["--password-file", path(&fixture("password.txt"))])
            .args(["--label", "leaf", "--pin-env", "TW_PIN"])
            .env("TW_PIN", USER_PIN)
            .output()
            .unwrap(),
    );
    assert_eq!(imported.code, 0, "{}", imported.all_output());
    let mut term = hsm.on_terminal("C.UTF-8", "setup --skip-pin");
    term.expect("Which token do you want to set up?");
    term.expect("Ctrl-C to leave");
    // The tokens are listed in slot order: go down to «Второй» when it is the second.
    let second = term.screen().contains("2. \"Второй\"");
    term.send(if second { "\x1b[B\r" } else { "\r" });
    term.expect("chosen: Второй");
    term.expect("Which programs should use the token?");
    term.expect("Enter when done");
    term.send("\r");
    term.answer("Current user PIN of token \"Второй\"", USER_PIN);
    term.expect("Summary");
    let out = term.finish();
    assert_eq!(out.code, 0, "{}", out.all_output());
    assert!(
        out.all_output().contains("no program chosen"),
        "{}",
        out.all_output()
    );
}

#[test]
fn a_script_names_the_certificate_as_every_selector_does_and_two_named_is_no_choice() {
    let hsm = Hsm::with_tokens(&["two"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    hsm.import_pem("leaf-rsa2048", "second");
    let setup = |cert: &str| {
        hsm.run_env(
            &[
                "setup",
                "--no-input",
                "--json",
                "--skip-pin",
                "--cert",
                cert,
                "--pin-env",
                "P",
            ],
            &[("P", USER_PIN)],
        )
    };
    // Both common names say "Ivanov Ivan": a part of them names both.
    let run = setup("ivanov");
    assert_eq!(run.code, 2, "{}", run.all_output());
    let report = run.json();
    assert_eq!(
        report["steps"][2]["error"]["kind"], "ambiguous_object",
        "{report:#}"
    );
    assert_eq!(
        report["steps"][2]["error"]["candidates"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // The label in another case names one.
    let run = setup("SECOND");
    assert_eq!(run.code, 0, "{}", run.all_output());
    assert_eq!(run.json()["certificate"]["label"], "second");
}
