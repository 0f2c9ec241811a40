//! PINs against real SoftHSM2 tokens (and the fault-injecting module for the retry counter):
//! change, unblock, init, the policy, PIN sources, the audit log, the config file, and that a
//! PIN never appears in anything tokenward prints or writes.

mod common;

use common::{Hsm, Run, SOFTHSM, SO_PIN, USER_PIN};

const NEW_PIN: &str = "NewPin2468";

/// pkcs11-tool can log in with this PIN.
fn peer_login_ok(hsm: &Hsm, label: &str, pin: &str) -> bool {
    hsm.pkcs11_tool(&["--token-label", label, "--login", "--pin", pin, "--test"])
        .code
        == 0
}

#[test]
fn pin_change_is_seen_by_pkcs11_tool() {
    let hsm = Hsm::with_tokens(&["chg"]);
    let out = hsm
        .run_stdin(
            &["pin", "change", "--pin-stdin", "--new-pin-stdin"],
            &format!("{USER_PIN}\n{NEW_PIN}\n"),
        )
        .ok();
    assert!(
        out.stdout.contains("The PIN of token \"chg\" was changed."),
        "{}",
        out.stdout
    );
    assert!(peer_login_ok(&hsm, "chg", NEW_PIN));
    assert!(!peer_login_ok(&hsm, "chg", USER_PIN));
}

#[test]
fn a_wrong_old_pin_exits_4_shows_the_state_and_changes_nothing() {
    let hsm = Hsm::with_tokens(&["wrong"]);
    let out = hsm
        .run_stdin(
            &["pin", "change", "--pin-stdin", "--new-pin-stdin"],
            &format!("Wrong1234\n{NEW_PIN}\n"),
        )
        .code(4);
    assert!(out.stderr.contains("wrong PIN"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Before this attempt: no wrong attempts"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("now: a wrong PIN was entered"),
        "{}",
        out.stderr
    );
    assert!(peer_login_ok(&hsm, "wrong", USER_PIN));
}

#[test]
fn every_policy_rule_is_checked_before_the_token_is_touched() {
    let hsm = Hsm::with_tokens(&["pol"]);
    let cases: &[(&str, &str)] = &[
        ("abc1234", "too short: 7 characters"),
        ("abcdefgh", "at least one digit"),
        ("12345678", "at least one Latin letter"),
        (
            "Pass\u{0430}word1",
            "character 5 of the new user PIN is a Cyrillic letter",
        ),
        (
            "Contraseña1",
            "character 9 of the new user PIN is a letter with an accent",
        ),
        ("pass word1", "character 5 of the new user PIN is a space"),
        ("pass-word1", "punctuation mark or symbol"),
    ];
    for (new, needle) in cases {
        let out = hsm
            .run_stdin(
                &["pin", "change", "--pin-stdin", "--new-pin-stdin"],
                &format!("{USER_PIN}\n{new}\n"),
            )
            .code(6);
        assert!(out.stderr.contains(needle), "{new:?}: {}", out.stderr);
        assert!(out.stderr.contains("nothing was changed"), "{}", out.stderr);
        assert!(
            !out.stderr.contains(new),
            "the PIN itself is never echoed: {}",
            out.stderr
        );
    }
    assert!(
        peer_login_ok(&hsm, "pol", USER_PIN),
        "nothing changed on the token"
    );
    // The token's own maximum length (the fault module reports 4..10).
    let out = hsm
        .tokenward_faulty(&[("P11FAULT_PIN_LEN", "4,10")])
        .args(["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"])
        .env("OLD", USER_PIN)
        .env("NEW", "abcdefgh12345")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stderr).contains("this token allows at most 10"));
    assert!(peer_login_ok(&hsm, "pol", USER_PIN));
}

#[test]
fn bad_pin_sources_fail_with_exit_2_and_a_clear_message() {
    let hsm = Hsm::with_tokens(&["src"]);
    let empty = hsm.write("empty.pin", "");
    let out = hsm
        .run(&[
            "pin",
            "change",
            "--pin-file",
            empty.to_str().unwrap(),
            "--new-pin-env",
            "X",
        ])
        .code(2);
    assert!(out.stderr.contains("is empty"), "{}", out.stderr);
    let out = hsm
        .run(&[
            "pin",
            "change",
            "--pin-file",
            "/nonexistent/pin",
            "--new-pin-env",
            "X",
        ])
        .code(2);
    assert!(
        out.stderr.contains("cannot read /nonexistent/pin"),
        "{}",
        out.stderr
    );
    let dir = hsm.path("home");
    let out = hsm
        .run(&[
            "pin",
            "change",
            "--pin-file",
            dir.to_str().unwrap(),
            "--new-pin-env",
            "X",
        ])
        .code(2);
    assert!(
        out.stderr.contains("is not a regular file"),
        "{}",
        out.stderr
    );
    let out = hsm
        .run(&[
            "pin",
            "change",
            "--pin-env",
            "TOKENWARD_TEST_UNSET",
            "--new-pin-env",
            "X",
        ])
        .code(2);
    assert!(
        out.stderr.contains("TOKENWARD_TEST_UNSET") && out.stderr.contains("not set"),
        "{}",
        out.stderr
    );
    let out = hsm
        .run_stdin(&["pin", "change", "--pin-stdin", "--new-pin-stdin"], "")
        .code(2);
    assert!(
        out.stderr.contains("standard input ended"),
        "{}",
        out.stderr
    );
    let out = hsm.run(&["pin", "change"]).code(2);
    assert!(
        out.stderr.contains("no terminal") && out.stderr.contains("--pin-file"),
        "{}",
        out.stderr
    );
    let out = hsm
        .run(&["pin", "change", "--pin-env", "A", "--pin-stdin"])
        .code(2);
    assert!(out.stderr.contains("only one way"), "{}", out.stderr);
    assert!(peer_login_ok(&hsm, "src", USER_PIN));
}

#[test]
fn final_try_needs_confirmation_and_a_locked_pin_is_not_sent() {
    let hsm = Hsm::with_tokens(&["lock"]);
    let wrong_login = || {
        hsm.tokenward_faulty(&[])
            .args(["objects", "--login", "--pin-env", "P"])
            .env("P", "Wrong9999")
            .output()
            .unwrap()
    };
    assert_eq!(wrong_login().status.code(), Some(4));
    let out = wrong_login();
    assert_eq!(out.status.code(), Some(4));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("now: one try left"), "{text}");

    // At the final try, nothing is sent without --final-try: the token stays at one try.
    let change = |extra: &[&str], old: &str| {
        let mut cmd = hsm.tokenward_faulty(&[]);
        cmd.args(["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"])
            .args(extra);
        cmd.env("OLD", old).env("NEW", NEW_PIN).output().unwrap()
    };
    let out = change(&[], USER_PIN);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--final-try"));
    let status = hsm
        .run_faulty(&[], &["pin", "status", "--json"])
        .ok()
        .json();
    assert_eq!(status["user_pin"]["final_try"], true);
    assert_eq!(status["user_pin"]["tries_left"], 1);

    // The last wrong attempt, confirmed, locks it.
    let out = change(&["--final-try"], "Wrong9999");
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("now: locked"));
    // Locked: even the right PIN is not sent, and the message says what to do.
    let out = change(&["--final-try"], USER_PIN);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tokenward pin unblock"));

    // The SO unblocks it with a new user PIN; the user logs in with it.
    let out = hsm
        .tokenward_faulty(&[])
        .args([
            "pin",
            "unblock",
            "--so-pin-env",
            "SO",
            "--new-pin-env",
            "NEW",
            "--json",
        ])
        .env("SO", SO_PIN)
        .env("NEW", NEW_PIN)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["before"]["locked"], true);
    assert_eq!(json["after"]["locked"], false);
    let out = hsm
        .tokenward_faulty(&[])
        .args(["objects", "--login", "--pin-env", "P"])
        .env("P", NEW_PIN)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unblock_sets_a_pin_pkcs11_tool_accepts() {
    let hsm = Hsm::with_tokens(&["unb"]);
    hsm.run_stdin(
        &["pin", "unblock", "--so-pin-stdin", "--new-pin-stdin"],
        &format!("{SO_PIN}\n{NEW_PIN}\n"),
    )
    .ok();
    assert!(peer_login_ok(&hsm, "unb", NEW_PIN));
    let out = hsm
        .run_stdin(
            &["pin", "unblock", "--so-pin-stdin", "--new-pin-stdin"],
            "WrongSo123\nAnother123\n",
        )
        .code(4);
    assert!(out.stderr.contains("wrong SO PIN"), "{}", out.stderr);
    assert!(peer_login_ok(&hsm, "unb", NEW_PIN), "nothing changed");
}

#[test]
fn so_pin_change() {
    let hsm = Hsm::with_tokens(&["so"]);
    hsm.run_stdin(
        &["pin", "change", "--so", "--so-pin-stdin", "--new-pin-stdin"],
        &format!("{SO_PIN}\nNewSoPin123\n"),
    )
    .ok();
    hsm.run_stdin(
        &["pin", "unblock", "--so-pin-stdin", "--new-pin-stdin"],
        &format!("NewSoPin123\n{NEW_PIN}\n"),
    )
    .ok();
    assert!(peer_login_ok(&hsm, "so", NEW_PIN));
}

#[test]
fn token_init_on_a_blank_token_and_re_init_only_with_force() {
    let hsm = Hsm::new();
    let out = hsm
        .run_stdin(
            &[
                "token",
                "init",
                "--label",
                "Бухгалтерия",
                "--so-pin-stdin",
                "--new-pin-stdin",
                "--json",
            ],
            &format!("SoPin12345\n{NEW_PIN}\n"),
        )
        .ok();
    let json = out.json();
    assert_eq!(json["reinitialised"], false);
    assert_eq!(json["token"]["label"], "Бухгалтерия");
    let listed = hsm.pkcs11_tool(&["-L"]).ok();
    assert!(
        listed.stdout.contains("token label        : Бухгалтерия"),
        "{}",
        listed.stdout
    );
    assert!(
        listed.stdout.contains("PIN initialized"),
        "{}",
        listed.stdout
    );
    assert!(peer_login_ok(&hsm, "Бухгалтерия", NEW_PIN));

    // Put a key on it; re-initialising must be asked for twice, then destroys it.
    hsm.pkcs11_tool(&[
        "--token-label",
        "Бухгалтерия",
        "--login",
        "--pin",
        NEW_PIN,
        "--keypairgen",
        "--key-type",
        "EC:prime256v1",
        "--label",
        "k",
    ])
    .ok();
    let base = [
        "token",
        "init",
        "--label",
        "Fresh",
        "--token",
        "Бухгалтерия",
        "--so-pin-env",
        "SO",
        "--new-pin-env",
        "NEW",
    ];
    let env = [("SO", "SoPin12345"), ("NEW", NEW_PIN)];
    let out = hsm.run_env(&base, &env).code(2);
    assert!(
        out.stderr.contains("DESTROYS every key") && out.stderr.contains("--force"),
        "{}",
        out.stderr
    );
    let mut forced = base.to_vec();
    forced.push("--force");
    let out = hsm.run_env(&forced, &env).code(2);
    assert!(out.stderr.contains("--confirm-label"), "{}", out.stderr);
    let mut wrong = forced.clone();
    wrong.extend(["--confirm-label", "Other"]);
    let out = hsm.run_env(&wrong, &env).code(2);
    assert!(out.stderr.contains("does not match"), "{}", out.stderr);
    assert!(
        peer_login_ok(&hsm, "Бухгалтерия", NEW_PIN),
        "nothing changed"
    );
    let mut right = forced.clone();
    right.extend(["--confirm-label", "Бухгалтерия"]);
    let out = hsm.run_env(&right, &env).ok();
    assert!(
        out.stdout.contains("Token initialised as \"Fresh\"."),
        "{}",
        out.stdout
    );
    let objects = hsm
        .pkcs11_tool(&["--token-label", "Fresh", "--login", "--pin", NEW_PIN, "-O"])
        .ok();
    assert!(
        !objects.stdout.contains("Private Key Object"),
        "{}",
        objects.stdout
    );
}

#[test]
fn token_init_refuses_a_label_over_32_bytes_before_touching_anything() {
    let hsm = Hsm::new();
    let long = "Ж".repeat(17); // 34 bytes
    let out = hsm
        .run_env(
            &[
                "token",
                "init",
                "--label",
                &long,
                "--so-pin-env",
                "SO",
                "--new-pin-env",
                "NEW",
            ],
            &[("SO", "SoPin12345"), ("NEW", NEW_PIN)],
        )
        .code(2);
    assert!(out.stderr.contains("34 bytes"), "{}", out.stderr);
    assert!(!hsm
        .pkcs11_tool(&["-L"])
        .ok()
        .stdout
        .contains("token initialized"));
}

#[test]
fn write_protected_and_uninitialised_user_pin_are_explained() {
    let hsm = Hsm::with_tokens(&["wp"]);
    let out = hsm
        .tokenward_faulty(&[("P11FAULT_WRITE_PROTECTED", "1")])
        .args(["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"])
        .env("OLD", USER_PIN)
        .env("NEW", NEW_PIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("write-protected"));
    assert!(peer_login_ok(&hsm, "wp", USER_PIN));

    // A token initialised without a user PIN (pkcs11-tool --init-token alone).
    let blank = Hsm::new();
    blank
        .pkcs11_tool(&["--init-token", "--label", "nouser", "--so-pin", SO_PIN])
        .ok();
    let out = blank.run(&["pin", "status"]).ok();
    assert!(out.stdout.contains("not set yet"), "{}", out.stdout);
    let out = blank.run_env(
        &["objects", "--login", "--pin-env", "P"],
        &[("P", USER_PIN)],
    );
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("user PIN not set"), "{}", out.stderr);
}

#[test]
fn no_pin_ever_appears_in_output_json_or_the_audit_log() {
    let hsm = Hsm::with_tokens(&["leak"]);
    let secrets = ["Leak1Secret", "Leak2Secret", "Leak3Wrong0", "Leak4Reset0"];
    let audit = hsm.path("audit.log");
    let audit = audit.to_str().unwrap();
    let mut runs = Vec::new();
    for json in [false, true] {
        let mut extra = vec!["--audit-log", audit];
        if json {
            extra.push("--json");
        }
        let input = [
            // wrong old PIN, then right ones, then a policy violation, then unblock
            format!("{}\n{}\n", secrets[2], secrets[0]),
            format!("{USER_PIN}\n{}\n", secrets[0]),
            format!("{}\n{}\n", secrets[0], secrets[1]),
            format!("{}\nbad pin {}\n", secrets[1], secrets[2]),
        ];
        for stdin in &input {
            let mut args = vec!["pin", "change", "--pin-stdin", "--new-pin-stdin"];
            args.extend(&extra);
            runs.push(hsm.run_stdin(&args, stdin));
        }
        let mut args = vec!["pin", "unblock", "--so-pin-stdin", "--new-pin-stdin"];
        args.extend(&extra);
        runs.push(hsm.run_stdin(&args, &format!("{SO_PIN}\n{}\n", secrets[3])));
        let mut args = vec!["objects", "--login", "--pin-stdin"];
        args.extend(&extra);
        runs.push(hsm.run_stdin(&args, &format!("{}\n", secrets[2])));
        runs.push(hsm.run_stdin(&args, &format!("{}\n", secrets[3])));
        // back to the harness PIN for the second round
        let mut args = vec![
            "pin",
            "unblock",
            "--so-pin-env",
            "SO",
            "--new-pin-env",
            "NEWPIN",
        ];
        args.extend(&extra);
        let mut cmd = hsm.tokenward();
        cmd.args(&args)
            .env("SO", SO_PIN)
            .env("NEWPIN", "Harness1234");
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        runs.push(hsm.run_stdin(
            &[
                "pin",
                "change",
                "--pin-stdin",
                "--new-pin-stdin",
                "--audit-log",
                audit,
            ],
            "Harness1234\nLeak1Secret\n",
        ));
    }
    assert!(
        runs.iter().any(|r| r.code == 0)
            && runs.iter().any(|r| r.code == 4)
            && runs.iter().any(|r| r.code == 6)
    );
    let log = std::fs::read_to_string(audit).unwrap();
    assert!(log.lines().count() >= 8, "{log}");
    for secret in secrets.iter().chain([&USER_PIN, &SO_PIN]) {
        for r in &runs {
            assert!(
                !r.all_output().contains(secret),
                "{secret} leaked:\n{}",
                r.all_output()
            );
        }
        assert!(!log.contains(secret), "{secret} in the audit log:\n{log}");
    }
}

#[test]
fn the_audit_log_records_security_events_by_serial() {
    let hsm = Hsm::with_tokens(&["aud"]);
    let serial = hsm.serial_of("aud");
    hsm.run_stdin(
        &["pin", "change", "--pin-stdin", "--new-pin-stdin"],
        &format!("{USER_PIN}\n{NEW_PIN}\n"),
    )
    .ok();
    hsm.run_stdin(&["objects", "--login", "--pin-stdin"], "Wrong1234\n")
        .code(4);
    hsm.run_stdin(
        &["pin", "unblock", "--so-pin-stdin", "--new-pin-stdin"],
        &format!("{SO_PIN}\nAnother123\n"),
    )
    .ok();
    // Default location: $XDG_STATE_HOME/tokenward/audit.log.
    let text = std::fs::read_to_string(hsm.path("state/tokenward/audit.log")).unwrap();
    let entries: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let events: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e["event"].as_str().unwrap(), e["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(
        events,
        [
            ("pin_changed", "success"),
            ("login_failed", "failure"),
            ("pin_unblocked", "success")
        ]
    );
    assert!(entries
        .iter()
        .all(|e| e["token_serial"] == serial.as_str() && e["token_label"] == "aud"));
}

#[test]
fn the_config_file_sets_module_token_and_a_tighter_policy() {
    let hsm = Hsm::with_tokens(&["one", "two"]);
    let config = hsm.write(
        "tw.toml",
        format!(
            "module = \"{}\"\ntoken = \"two\"\n[policy]\nmin_length = 12\n",
            *SOFTHSM
        ),
    );
    let cfg = config.to_str().unwrap();
    let out = hsm
        .tokenward()
        .env_remove("TOKENWARD_MODULE")
        .args(["--config", cfg, "pin", "status", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["token"]["label"], "two");
    // 10 characters pass the base policy but not this config's.
    let out = hsm
        .run_stdin(
            &[
                "--config",
                cfg,
                "pin",
                "change",
                "--pin-stdin",
                "--new-pin-stdin",
            ],
            &format!("{USER_PIN}\n{NEW_PIN}\n"),
        )
        .code(6);
    assert!(out.stderr.contains("at least 12"), "{}", out.stderr);
    // TOKENWARD_CONFIG works too, and a loosening policy is refused.
    let loose = hsm.write("loose.toml", "[policy]\nmin_length = 4\n");
    let out = hsm
        .run_env(
            &["tokens"],
            &[("TOKENWARD_CONFIG", loose.to_str().unwrap())],
        )
        .code(2);
    assert!(out.stderr.contains("loosen"), "{}", out.stderr);
}

#[test]
fn a_new_pin_is_asked_twice_and_again_on_a_mismatch() {
    let hsm = Hsm::with_tokens(&["tty"]);
    let mut term = hsm.on_terminal("C.UTF-8", "pin change");
    term.answer("Current user PIN", USER_PIN);
    term.answer("New user PIN", NEW_PIN);
    term.answer("Repeat the new user PIN:", "NewPin0000");
    term.answer("New user PIN", NEW_PIN);
    term.answer("Repeat the new user PIN:", NEW_PIN);
    let out = term.finish();
    assert_eq!(out.code, 0, "{}", out.all_output());
    assert!(
        out.stdout.contains("Repeat the new user PIN:"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("the two entries are not the same; type the new one again"),
        "{}",
        out.stdout
    );
    assert!(peer_login_ok(&hsm, "tty", NEW_PIN));

    // Three mismatches: nothing changes, exit 2.
    let mut term = hsm.on_terminal("C.UTF-8", "pin change");
    term.answer("Current user PIN", NEW_PIN);
    for wrong in ["Abcd12346", "Abcd12347", "Abcd12348"] {
        term.answer("New user PIN", "Abcd12345");
        term.answer("Repeat the new user PIN:", wrong);
    }
    let out = term.finish();
    assert_eq!(out.code, 2, "{}", out.all_output());
    assert!(
        out.stdout.contains("nothing was changed on the token"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("try again"), "{}", out.stdout);
    assert!(peer_login_ok(&hsm, "tty", NEW_PIN));
}

#[test]
fn a_factory_pin_is_named_at_every_login_until_it_is_changed() {
    let hsm = Hsm::with_tokens(&["factory"]);
    let factory = [("P11FAULT_USER_PIN_TO_BE_CHANGED", "1")];
    let tokens = hsm.run_faulty(&factory, &["tokens"]).ok().stdout;
    assert!(tokens.contains("factory PIN"), "{tokens}");
    assert!(tokens.contains("`tokenward pin change`"), "{tokens}");
    let login = hsm.tw_faulty(&factory, &["objects", "--login"]).ok();
    assert!(
        login.stderr.contains("still has its factory PIN"),
        "{}",
        login.stderr
    );
    let changed = Run::from(
        hsm.tokenward_faulty(&factory)
            .args(["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"])
            .env("OLD", USER_PIN)
            .env("NEW", "NewPin5678")
            .output()
            .unwrap(),
    )
    .ok();
    assert!(
        changed.stdout.contains("Factory PIN  gone"),
        "{}",
        changed.stdout
    );
    let login = Run::from(
        hsm.tokenward_faulty(&factory)
            .args(["objects", "--login", "--pin-env", "P"])
            .env("P", "NewPin5678")
            .output()
            .unwrap(),
    )
    .ok();
    assert!(!login.stderr.contains("factory PIN"), "{}", login.stderr);
    let tokens = hsm.run_faulty(&factory, &["tokens"]).ok().stdout;
    assert!(!tokens.contains("factory PIN"), "{tokens}");
}

#[test]
fn on_a_pin_pad_reader_the_pin_is_typed_on_the_keypad() {
    let hsm = Hsm::with_tokens(&["pad"]);
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "k"])
        .ok();
    // No PIN source and no terminal: only the keypad can give the PIN.
    let good = [("P11FAULT_PIN_PAD", USER_PIN)];
    let run = hsm.run_faulty(&good, &["objects", "--login"]).ok();
    assert!(
        run.stderr.contains("on the reader's keypad"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("private key"), "{}", run.stdout);
    let doc = hsm.write("doc.txt", "doc\n");
    hsm.run_faulty(&good, &["sign", doc.to_str().unwrap(), "--format", "raw"])
        .ok();
    let typo = [("P11FAULT_PIN_PAD", "typed-wrong-1")];
    let run = hsm.run_faulty(&typo, &["objects", "--login"]).code(4);
    assert!(run.stderr.contains("wrong PIN"), "{}", run.stderr);
}

#[test]
fn a_token_that_cannot_take_the_pin_rule_says_so_and_an_admin_profile_relaxes_it_explicitly() {
    let hsm = Hsm::with_tokens(&["short"]);
    // The token takes PINs of 4 to 6 characters: the standard rule (8 or more) cannot be met.
    let short = [("P11FAULT_PIN_LEN", "4,6")];
    let status = hsm
        .run_faulty(&short, &["pin", "status", "--json"])
        .ok()
        .json();
    assert_eq!(status["pin_rule"]["profile"], serde_json::Value::Null);
    assert!(
        status["pin_rule"]["impossible"]
            .as_str()
            .unwrap()
            .contains("at most 6"),
        "{status}"
    );
    let text = hsm.run_faulty(&short, &["tokens"]).ok().stdout;
    assert!(text.contains("cannot be followed on this token"), "{text}");
    let doctor = hsm.run_faulty(&short, &["doctor", "--json"]).json();
    let ids: Vec<&str> = doctor["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"pin_policy_impossible"), "{doctor}");

    // The administrator sets a digits-only profile for this model, explicitly.
    let audit = hsm.path("audit.log");
    let config = hsm.write(
        "config.toml",
        format!(
            "audit_log = {:?}\n[[pin_profile]]\nmodel = \"SoftHSM v2\"\nrule = \"digits-6-8\"\n",
            audit.to_str().unwrap()
        ),
    );
    let with_profile = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = hsm.tokenward_faulty(&short);
        cmd.arg("--config").arg(&config).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run::from(cmd.output().unwrap())
    };
    let status = with_profile(&["pin", "status", "--json"], &[]).ok().json();
    assert_eq!(status["pin_rule"]["profile"], "digits-6-8", "{status}");
    assert_eq!(status["pin_rule"]["impossible"], serde_json::Value::Null);
    let text = with_profile(&["pin", "status"], &[]).ok().stdout;
    assert!(text.contains("profile digits-6-8"), "{text}");
    let refused = with_profile(
        &["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"],
        &[("OLD", USER_PIN), ("NEW", "12ab56")],
    )
    .code(6);
    assert!(
        refused
            .stderr
            .contains("character 3 of the new user PIN is a letter"),
        "{}",
        refused.stderr
    );
    with_profile(
        &["pin", "change", "--pin-env", "OLD", "--new-pin-env", "NEW"],
        &[("OLD", USER_PIN), ("NEW", "123456")],
    )
    .ok();
    let log = std::fs::read_to_string(&audit).unwrap();
    assert!(log.contains("PIN profile digits-6-8"), "{log}");
    assert!(peer_login_ok(&hsm, "short", "123456"));
}

#[test]
fn a_pin_typed_on_the_russian_layout_is_not_sent_and_costs_no_try() {
    let hsm = Hsm::with_tokens(&["layout"]);
    // "user-pin-1234" typed with the keyboard on the Russian layout.
    let typed = "гыук-зшт-1234";
    let run = hsm
        .run_faulty_env(
            &[],
            &["objects", "--login", "--pin-env", "P", "--json"],
            &[("P", typed)],
        )
        .code(2);
    let err = &run.json()["error"];
    assert_eq!(err["reason"], "non_latin_login", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Nothing was sent to the token and no try was used"),
        "{err}"
    );
    assert!(!run.all_output().contains(typed), "the PIN is never echoed");
    let status = hsm
        .run_faulty(&[], &["pin", "status", "--json"])
        .ok()
        .json();
    assert_eq!(
        status["user_pin"]["count_low"], false,
        "no try was used: {status}"
    );
    // Sent as typed on purpose, it is a wrong PIN like any other, with the layout reminder.
    let run = hsm
        .run_faulty_env(
            &[],
            &[
                "objects",
                "--login",
                "--pin-as-typed",
                "--pin-env",
                "P",
                "--json",
            ],
            &[("P", typed)],
        )
        .code(4);
    assert!(
        run.json()["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("keyboard layout"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_pin_file_with_a_blank_line_or_trailing_spaces_is_warned_about_before_it_is_sent() {
    let hsm = Hsm::with_tokens(&["blanks"]);
    let clean = hsm.write("clean.pin", format!("{USER_PIN}\n"));
    let run = hsm
        .run(&["objects", "--login", "--pin-file", clean.to_str().unwrap()])
        .ok();
    assert!(
        !run.stderr.contains("warning"),
        "one newline is fine: {}",
        run.stderr
    );
    let blank = hsm.write("blank.pin", format!("{USER_PIN}\n\n"));
    let run = hsm
        .run(&["objects", "--login", "--pin-file", blank.to_str().unwrap()])
        .code(4);
    assert!(
        run.stderr.contains("ends with a space or a blank line"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(USER_PIN), "{}", run.stderr);
}

#[test]
fn a_wrong_current_pin_is_found_before_the_new_pin_is_asked_for() {
    let hsm = Hsm::with_tokens(&["tty"]);
    let mut term = hsm.on_terminal("C.UTF-8", "pin change");
    term.answer("Current user PIN", "wrong-pin-1");
    let out = term.finish();
    assert_eq!(out.code, 4, "{}", out.stdout);
    assert!(out.stdout.contains("wrong PIN"), "{}", out.stdout);
    assert!(!out.stdout.contains("New user PIN"), "{}", out.stdout);
    assert!(peer_login_ok(&hsm, "tty", USER_PIN));
    // The SO PIN too, before the new user PIN of an unblock.
    let mut term = hsm.on_terminal("C.UTF-8", "pin unblock");
    term.answer("SO PIN of token", "wrong-so-pin");
    let out = term.finish();
    assert_eq!(out.code, 4, "{}", out.stdout);
    assert!(!out.stdout.contains("New user PIN"), "{}", out.stdout);
}
