//! `tokenward modules`, `tokens` and `objects` against real SoftHSM2 tokens, checked against
//! what pkcs11-tool (OpenSC) and p11tool (GnuTLS) say about the same tokens.

mod common;

use common::{Hsm, SOFTHSM, USER_PIN};
use serde_json::Value;

fn tokens_json(hsm: &Hsm) -> Vec<Value> {
    let out = hsm.run(&["tokens", "--json"]).ok();
    out.json()["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["token"].as_object().map(|t| Value::Object(t.clone())))
        .collect()
}

fn initialised(tokens: &[Value]) -> Vec<&Value> {
    tokens
        .iter()
        .filter(|t| t["flags"]["token_initialized"] == true)
        .collect()
}

/// pkcs11-tool -L: (label, serial, flags line) per initialised token.
fn pkcs11_tool_tokens(hsm: &Hsm) -> Vec<(String, String, String)> {
    let out = hsm.pkcs11_tool(&["-L"]).ok();
    let mut found = Vec::new();
    let (mut label, mut flags) = (String::new(), String::new());
    for line in out.stdout.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match key.trim() {
            "token label" => label = value,
            "token flags" => flags = value,
            "serial num" => found.push((label.clone(), value, flags.clone())),
            _ => {}
        }
    }
    found
}

#[test]
fn tokens_agree_with_pkcs11_tool_and_p11tool() {
    let hsm = Hsm::with_tokens(&["alpha", "beta"]);
    let ours = tokens_json(&hsm);
    let ours = initialised(&ours);
    assert_eq!(ours.len(), 2);
    let peers = pkcs11_tool_tokens(&hsm);
    assert_eq!(peers.len(), 2, "{peers:?}");
    for (label, serial, flags) in &peers {
        let t = ours
            .iter()
            .find(|t| t["serial"] == serial.as_str())
            .unwrap_or_else(|| panic!("pkcs11-tool lists serial {serial}, tokenward does not"));
        assert_eq!(t["label"], label.as_str());
        assert_eq!(
            t["flags"]["user_pin_initialized"],
            flags.contains("PIN initialized")
        );
        assert_eq!(
            t["flags"]["login_required"],
            flags.contains("login required")
        );
        assert_eq!(t["flags"]["rng"], flags.contains("rng"));
        assert_eq!(t["manufacturer"], "SoftHSM project");
        assert_eq!(t["model"], "SoftHSM v2");
    }
    // p11tool prints each token's URI; ours are the same URIs.
    let urls = hsm.p11tool(&["--list-token-urls"]).ok();
    for t in &ours {
        let uri = t["uri"].as_str().unwrap();
        assert!(
            urls.stdout.lines().any(|l| l.trim() == uri),
            "p11tool does not list {uri}:\n{}",
            urls.stdout
        );
    }
}

#[test]
fn token_state_is_in_plain_words() {
    let hsm = Hsm::with_tokens(&["words"]);
    let out = hsm.run(&["tokens"]).ok();
    assert!(
        out.stdout.contains("Token \"words\", serial "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("ready, login required"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("PIN length    4 to 255 characters"),
        "{}",
        out.stdout
    );
    // SoftHSM2's spare slot is shown as not initialised, not as a broken token.
    assert!(
        out.stdout.contains("State   blank (not initialised)"),
        "{}",
        out.stdout
    );
    // A wrong PIN shows up as "count low" (SoftHSM2 never reports final try or locked).
    hsm.run(&["objects", "--login", "--pin-env", "WRONG"])
        .code(2);
    let out = hsm
        .tokenward()
        .args(["objects", "--login", "--pin-env", "WRONG"])
        .env("WRONG", "not-the-pin")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let t = &initialised(&tokens_json(&hsm))[0].clone();
    assert_eq!(t["flags"]["user_pin_count_low"], true);
    let out = hsm.run(&["tokens"]).ok();
    assert!(
        out.stdout.contains("user PIN: a wrong PIN was entered"),
        "{}",
        out.stdout
    );
}

#[test]
fn one_token_needs_no_selector_and_two_need_one() {
    let hsm = Hsm::with_tokens(&["only"]);
    let out = hsm.run(&["objects", "--json"]).ok();
    assert_eq!(out.json()["token"]["label"], "only");

    hsm.add_token("second");
    let out = hsm.run(&["objects"]).code(2);
    assert!(out.stderr.contains("2 tokens match"), "{}", out.stderr);
    assert!(
        out.stderr.contains(" 1. ") && out.stderr.contains(" 2. "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(". only ") && out.stderr.contains(". second "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tokens select"), "{}", out.stderr);
    let json = hsm.run(&["objects", "--json"]).code(2).json();
    assert_eq!(json["error"]["kind"], "ambiguous_token");
    assert_eq!(json["error"]["exit_code"], 2);

    // By label, by serial, by URI.
    let serial = hsm.serial_of("second");
    for sel in [
        "second".to_string(),
        serial.clone(),
        format!("pkcs11:serial={serial}"),
    ] {
        let out = hsm.run(&["objects", "--json", "--token", &sel]).ok();
        assert_eq!(
            out.json()["token"]["serial"],
            serial.as_str(),
            "selector {sel}"
        );
    }
    // A URI that matches both tokens is ambiguous too.
    let out = hsm
        .run(&["objects", "--token", "pkcs11:model=SoftHSM%20v2"])
        .code(2);
    assert!(out.stderr.contains("2 tokens match"), "{}", out.stderr);
    // Nothing matches: exit 3 and the candidates are listed.
    let out = hsm.run(&["objects", "--token", "nope"]).code(3);
    assert!(
        out.stderr.contains("no token matches \"nope\""),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(&serial), "{}", out.stderr);
}

#[test]
fn labels_with_trailing_spaces_and_cyrillic_are_shown_and_matched_trimmed() {
    let hsm = Hsm::with_tokens(&["Бухгалтерия  "]);
    let tokens = tokens_json(&hsm);
    let t = initialised(&tokens)[0];
    assert_eq!(t["label"], "Бухгалтерия");
    let out = hsm
        .run(&["objects", "--json", "--token", "Бухгалтерия"])
        .ok();
    assert_eq!(out.json()["token"]["label"], "Бухгалтерия");
    let out = hsm
        .run(&["objects", "--json", "--token", "Бухгалтерия   "])
        .ok();
    assert_eq!(out.json()["token"]["label"], "Бухгалтерия");
    let uri = t["uri"].as_str().unwrap();
    assert!(uri.contains("token=%D0%91"), "{uri}");
    hsm.run(&["objects", "--token", uri]).ok();
}

#[test]
fn objects_agree_with_pkcs11_tool_and_uris_work_in_p11tool() {
    let hsm = Hsm::with_tokens(&["objs"]);
    let pin = ["--login", "--pin", USER_PIN];
    let mut args = vec![
        "--keypairgen",
        "--key-type",
        "EC:prime256v1",
        "--id",
        "a1b2",
        "--label",
        "ec key",
    ];
    args.extend_from_slice(&pin);
    hsm.pkcs11_tool(&args).ok();
    let mut args = vec![
        "--keypairgen",
        "--key-type",
        "rsa:2048",
        "--id",
        "03",
        "--label",
        "rsa",
    ];
    args.extend_from_slice(&pin);
    hsm.pkcs11_tool(&args).ok();

    let json = hsm
        .tokenward()
        .args(["objects", "--json", "--login", "--pin-env", "PIN"])
        .env("PIN", USER_PIN)
        .output()
        .unwrap();
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let objects = json["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 4, "{objects:#?}");

    let peer = hsm.pkcs11_tool(&["-O", "--login", "--pin", USER_PIN]).ok();
    let peer_count = peer
        .stdout
        .lines()
        .filter(|l| l.contains(" Object;"))
        .count();
    assert_eq!(peer_count, objects.len(), "{}", peer.stdout);

    let ec_private = objects
        .iter()
        .find(|o| o["class"] == "private_key" && o["id"] == "a1b2")
        .expect("EC private key listed");
    assert_eq!(ec_private["label"], "ec key");
    assert_eq!(ec_private["key_type"], "ec");
    assert_eq!(ec_private["curve"], "P-256");
    assert_eq!(ec_private["flags"]["sensitive"], true);
    assert_eq!(ec_private["flags"]["sign"], true);
    assert_eq!(ec_private["flags"]["private"], true);
    let rsa_public = objects
        .iter()
        .find(|o| o["class"] == "public_key" && o["id"] == "03")
        .unwrap();
    assert_eq!(rsa_public["key_bits"], 2048);
    let rsa_private = objects
        .iter()
        .find(|o| o["class"] == "private_key" && o["id"] == "03")
        .unwrap();
    assert_eq!(
        rsa_private["key_bits"], 2048,
        "size from the modulus when CKA_MODULUS_BITS is absent"
    );
    assert!(
        peer.stdout.contains("label:      ec key"),
        "{}",
        peer.stdout
    );
    assert!(peer.stdout.contains("ID:         a1b2"), "{}", peer.stdout);

    // The object URI names exactly that object for p11tool.
    let uri = rsa_public["uri"].as_str().unwrap();
    let listed = hsm.p11tool(&["--list-all", uri]).ok();
    assert_eq!(
        listed.stdout.matches("Object ").count(),
        1,
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains("Label: rsa"), "{}", listed.stdout);

    // Without a login, private keys are hidden.
    let out = hsm.run(&["objects", "--json"]).ok();
    let public_only = out.json()["objects"].as_array().unwrap().len();
    assert_eq!(public_only, 2);
}

#[test]
fn missing_module_and_non_pkcs11_files_are_explained() {
    let hsm = Hsm::with_tokens(&["m"]);
    let out = hsm
        .run(&["--module", "/nonexistent/libnothing.so", "tokens"])
        .code(3);
    assert!(
        out.stderr
            .contains("/nonexistent/libnothing.so does not exist"),
        "{}",
        out.stderr
    );

    let text = hsm.write("not-a-library.so", "hello");
    let out = hsm
        .run(&["--module", text.to_str().unwrap(), "tokens"])
        .code(3);
    assert!(
        out.stderr.contains("is not a PKCS#11 library"),
        "{}",
        out.stderr
    );

    // A real shared library that is not a PKCS#11 module.
    let libz = [
        "/lib/x86_64-linux-gnu/libz.so.1",
        "/usr/lib/x86_64-linux-gnu/libz.so.1",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .expect("libz is installed");
    let out = hsm.run(&["--module", libz, "tokens", "--json"]).code(3);
    let err = &out.json()["error"];
    assert_eq!(err["kind"], "module_not_pkcs11");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("C_GetFunctionList"),
        "{err}"
    );

    // `modules` reports the same, with the reason.
    let out = hsm.run(&["--module", libz, "modules"]).code(3);
    assert!(out.stdout.contains("failed to load"), "{}", out.stdout);
    // With --json, a failure is the error document alone.
    let out = hsm.run(&["--module", libz, "modules", "--json"]).code(3);
    assert_eq!(out.json()["error"]["kind"], "module_not_pkcs11");
    assert!(out.json().get("modules").is_none());
}

#[test]
fn modules_reports_the_library() {
    let hsm = Hsm::with_tokens(&["lib"]);
    let out = hsm.run(&["modules", "--json"]).ok();
    let m = &out.json()["modules"][0];
    assert_eq!(m["path"], *SOFTHSM);
    assert_eq!(m["origin"]["kind"], "env");
    assert_eq!(m["loaded"], true);
    assert_eq!(m["library"]["manufacturer"], "SoftHSM");
    assert_eq!(m["library"]["cryptoki_version"], "2.40");
    assert_eq!(
        m["tokens"], 2,
        "one initialised token and SoftHSM2's spare slot"
    );
    let out = hsm.run(&["modules"]).ok();
    assert!(
        out.stdout.contains("loaded, 2 token(s) in 2 slot(s)"),
        "{}",
        out.stdout
    );
}

#[test]
fn discovery_reads_user_p11kit_module_files() {
    let hsm = Hsm::with_tokens(&["disc"]);
    let dir = hsm.path("config/pkcs11/modules");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.module"), format!("module: {}\n", *SOFTHSM)).unwrap();
    let out = hsm
        .tokenward()
        .env_remove("TOKENWARD_MODULE")
        .args(["modules", "--json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["modules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["loaded"] == true && m["library"]["manufacturer"] == "SoftHSM");
    assert!(found, "{json:#}");
}

#[test]
fn malformed_uri_selector_names_the_part() {
    let hsm = Hsm::with_tokens(&["u"]);
    let out = hsm
        .run(&["tokens", "--token", "pkcs11:token=a;token=b"])
        .code(2);
    assert!(
        out.stderr.contains("\"token\" appears twice"),
        "{}",
        out.stderr
    );
    let out = hsm
        .run(&["objects", "--token", "pkcs11:serial=%G1"])
        .code(2);
    assert!(out.stderr.contains("two hex digits"), "{}", out.stderr);
    let out = hsm.run(&["tokens", "--token", "pkcs11:tokne=u"]).code(3);
    assert!(
        out.stderr.contains("not one tokenward knows"),
        "{}",
        out.stderr
    );
}

#[test]
fn no_pin_and_no_terminal_fails_at_once_naming_the_flags() {
    let hsm = Hsm::with_tokens(&["p"]);
    let out = hsm.run(&["objects", "--login"]).code(2);
    assert!(out.stderr.contains("--pin-file"), "{}", out.stderr);
    let out = hsm
        .run_stdin(
            &["objects", "--login", "--pin-stdin", "--json"],
            &format!("{USER_PIN}\n"),
        )
        .ok();
    assert_eq!(out.json()["logged_in"], true);
}

#[test]
fn a_module_whose_initialisation_fails_is_explained() {
    let hsm = Hsm::with_tokens(&["f"]);
    let out = hsm
        .run_faulty(&[("P11FAULT_INIT_RV", "CKR_GENERAL_ERROR")], &["tokens"])
        .code(3);
    assert!(
        out.stderr
            .contains("failed to start (C_Initialize returned CKR_GENERAL_ERROR)"),
        "{}",
        out.stderr
    );
    let out = hsm
        .run_faulty(
            &[("P11FAULT_INIT_RV", "CKR_GENERAL_ERROR")],
            &["modules", "--json"],
        )
        .code(3);
    assert_eq!(out.json()["error"]["kind"], "module_init_failed");
}

#[test]
fn no_slots_and_empty_slots_say_to_plug_the_token_in() {
    let hsm = Hsm::with_tokens(&["e"]);
    let out = hsm
        .run_faulty(&[("P11FAULT_NO_SLOTS", "1")], &["tokens"])
        .code(3);
    assert!(out.stdout.contains("No slots"), "{}", out.stdout);
    assert!(out.stderr.contains("plug in your token"), "{}", out.stderr);
    let out = hsm
        .run_faulty(&[("P11FAULT_NO_SLOTS", "1")], &["objects", "--json"])
        .code(3);
    assert_eq!(out.json()["error"]["kind"], "no_token");

    let out = hsm
        .run_faulty(&[("P11FAULT_TOKEN_ABSENT", "1")], &["tokens", "--json"])
        .code(3);
    // A failure is the error document alone, never a success-shaped one.
    assert_eq!(out.json()["error"]["kind"], "no_token");
    assert!(out.json().get("slots").is_none());
    let out = hsm
        .run_faulty(&[("P11FAULT_TOKEN_ABSENT", "1")], &["tokens"])
        .code(3);
    assert!(
        out.stdout
            .contains("none (plug in a token or insert a card)"),
        "{}",
        out.stdout
    );
    let out = hsm
        .run_faulty(&[("P11FAULT_TOKEN_ABSENT", "1")], &["objects"])
        .code(3);
    assert!(out.stderr.contains("no token found"), "{}", out.stderr);
}

#[test]
fn final_try_and_locked_flags_are_shown_in_words() {
    let hsm = Hsm::with_tokens(&["lock"]);
    let wrong = |n: usize| {
        for _ in 0..n {
            let out = hsm
                .tokenward_faulty(&[])
                .args(["objects", "--login", "--final-try", "--pin-env", "P"])
                .env("P", "wrong-pin-0")
                .output()
                .unwrap();
            assert!(!out.status.success());
        }
    };
    wrong(2);
    let out = hsm.run_faulty(&[], &["tokens", "--present", "--json"]).ok();
    assert_eq!(
        out.json()["slots"][0]["token"]["flags"]["user_pin_final_try"],
        true
    );
    let out = hsm.run_faulty(&[], &["tokens", "--present"]).ok();
    assert!(out.stdout.contains("user PIN: final try"), "{}", out.stdout);
    wrong(1);
    let out = hsm.run_faulty(&[], &["tokens", "--present"]).ok();
    assert!(out.stdout.contains("user PIN locked"), "{}", out.stdout);
    let out = hsm
        .tokenward_faulty(&[])
        .args(["objects", "--login", "--pin-env", "P"])
        .env("P", USER_PIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "a locked PIN exits 5");
    assert!(String::from_utf8_lossy(&out.stderr).contains("tokenward pin unblock"));
}

#[test]
fn tokens_lead_with_label_and_serial_and_select_makes_a_default() {
    let hsm = Hsm::with_tokens(&["Accounting 07", "Payroll"]);
    let payroll = hsm.serial_of("Payroll");
    let out = hsm.run(&["tokens"]).ok();
    assert!(
        out.stdout
            .contains(&format!("Token \"Payroll\", serial {payroll}\n")),
        "{}",
        out.stdout
    );
    // A blank token sends a user to whoever issued it; URIs only with --verbose.
    assert!(
        out.stdout.contains("ask whoever issued it"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("pkcs11:"), "{}", out.stdout);
    assert!(hsm.run(&["-v", "tokens"]).ok().stdout.contains("pkcs11:"));

    // Several tokens and no selector: an error. The serial's first characters select.
    hsm.run(&["objects"]).code(2);
    let prefix = &payroll[..6];
    let out = hsm.run(&["objects", "--json", "--token", prefix]).ok();
    assert_eq!(out.json()["token"]["label"], "Payroll");
    // The label in another case selects too; too short a prefix does not.
    let out = hsm
        .run(&["objects", "--json", "--token", "accounting 07"])
        .ok();
    assert_eq!(out.json()["token"]["label"], "Accounting 07");
    hsm.run(&["objects", "--token", &payroll[..2]]).code(3);

    // `tokens select` saves the serial; later commands use it, `tokens` marks it and still
    // lists every token; --token still wins.
    let selected = hsm.run(&["tokens", "select", prefix, "--json"]).ok().json();
    assert_eq!(selected["token"]["serial"], payroll.as_str());
    assert_eq!(selected["saved_as"], payroll.as_str());
    let config = std::fs::read_to_string(hsm.path("state/tokenward/state.toml")).unwrap();
    assert!(
        config.contains(&format!("token = \"{payroll}\"")),
        "{config}"
    );
    let out = hsm.run(&["objects", "--json"]).ok();
    assert_eq!(out.json()["token"]["label"], "Payroll");
    let listing = hsm.run(&["tokens"]).ok().stdout;
    assert!(listing.contains("\"Payroll\", serial"), "{listing}");
    assert!(listing.contains("(the default)"), "{listing}");
    assert!(listing.contains("\"Accounting 07\""), "{listing}");
    let list = hsm.run(&["tokens", "--json"]).ok().json();
    assert_eq!(list["default_token"], payroll.as_str());
    let out = hsm
        .run(&["objects", "--json", "--token", "Accounting 07"])
        .ok();
    assert_eq!(out.json()["token"]["label"], "Accounting 07");
    // Nothing matching: exit 3, the configuration unchanged.
    hsm.run(&["tokens", "select", "no-such-token"]).code(3);
    let after = std::fs::read_to_string(hsm.path("state/tokenward/state.toml")).unwrap();
    assert_eq!(after, config);
}

#[test]
fn mechanisms_are_the_ones_pkcs11_tool_lists_with_their_sizes_and_what_tokenward_uses() {
    let hsm = Hsm::with_tokens(&["mech"]);
    let peer = hsm.pkcs11_tool(&["-M"]).ok().stdout;
    // pkcs11-tool: "  SHA256-RSA-PKCS, keySize={512,16384}, sign, verify" under a heading.
    let peer_names: Vec<String> = peer
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.trim().split(',').next().unwrap().to_string())
        .collect();
    let ours = hsm.run(&["mechanisms", "--json"]).ok().json();
    let list = ours["mechanisms"].as_array().unwrap();
    assert_eq!(list.len(), peer_names.len(), "{peer}\n{ours:#}");
    let by_name = |name: &str| {
        list.iter()
            .find(|m| m["name"] == name)
            .unwrap_or_else(|| panic!("{name} not listed: {ours:#}"))
    };
    // The same mechanisms in the same order, by the peer's spelling (it drops CKM_ and writes
    // dashes; it shows the numbers of those it cannot name, and an older name for one).
    for (m, peer_name) in list.iter().zip(&peer_names) {
        let ours = m["name"]
            .as_str()
            .unwrap()
            .trim_start_matches("CKM_")
            .replace('_', "-");
        let code =
            u64::from_str_radix(m["code"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap();
        let same = ours == *peer_name
            || *peer_name == format!("mechtype-0x{code:X}")
            || (ours == "EC-KEY-PAIR-GEN" && peer_name == "ECDSA-KEY-PAIR-GEN");
        assert!(same, "{ours} against the peer's {peer_name}:\n{peer}");
    }
    // Those cryptoki has no name for are listed too.
    by_name("CKM_MD5");
    by_name("CKM_DSA_SHA1");
    let keygen = by_name("CKM_RSA_PKCS_KEY_PAIR_GEN");
    let peer_line = peer
        .lines()
        .find(|l| l.trim().starts_with("RSA-PKCS-KEY-PAIR-GEN,"))
        .unwrap();
    assert!(
        peer_line.contains(&format!(
            "keySize={{{},{}}}",
            keygen["min_key_size"], keygen["max_key_size"]
        )),
        "{peer_line} / {keygen:#}"
    );
    assert!(
        keygen["flags"]
            .as_array()
            .unwrap()
            .contains(&"generate_key_pair".into()),
        "{keygen:#}"
    );
    assert_eq!(
        keygen["used_by_tokenward"],
        serde_json::json!(["generate:rsa2048", "generate:rsa3072", "generate:rsa4096"])
    );
    let rsa = by_name("CKM_SHA256_RSA_PKCS");
    assert_eq!(
        rsa["used_by_tokenward"],
        serde_json::json!(["sign:rsa-pkcs1-sha256"])
    );
    assert_eq!(
        by_name("CKM_SHA256")["used_by_tokenward"],
        serde_json::json!([])
    );
    // --used keeps only those; the table says what each is for.
    let used = hsm.run(&["mechanisms", "--used", "--json"]).ok().json();
    let used = used["mechanisms"].as_array().unwrap();
    assert!(!used.is_empty() && used.len() < list.len());
    assert!(used
        .iter()
        .all(|m| !m["used_by_tokenward"].as_array().unwrap().is_empty()));
    let text = hsm.run(&["mechanisms"]).ok().stdout;
    assert!(
        text.contains("SHA256-RSA-PKCS".replace('-', "_").as_str())
            && text.contains("tokenward uses it for: sign --mechanism rsa-pkcs1-sha256"),
        "{text}"
    );
}

#[test]
fn a_default_token_that_is_not_plugged_in_says_so_and_how_to_go_on() {
    let hsm = Hsm::with_tokens(&["Here"]);
    std::fs::create_dir_all(hsm.path("state/tokenward")).unwrap();
    std::fs::write(
        hsm.path("state/tokenward/state.toml"),
        "token = \"deadbeef00000000\"\n",
    )
    .unwrap();
    let out = hsm.run(&["certs", "list"]).code(3);
    assert!(
        out.stderr
            .contains("the default token \"deadbeef00000000\" is not plugged in")
            && out.stderr.contains("`tokenward tokens select`")
            && out.stderr.contains("1. Here"),
        "{}",
        out.stderr
    );
    let json = hsm.run(&["certs", "list", "--json"]).code(3).json();
    assert_eq!(json["error"]["kind"], "token_not_found");
    let ru = hsm
        .run_env(
            &["certs", "list"],
            &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "")],
        )
        .code(3);
    assert!(
        ru.stderr
            .contains("токен по умолчанию \"deadbeef00000000\" не подключён"),
        "{}",
        ru.stderr
    );
    // A token named now is not "the default": the usual words.
    let out = hsm.run(&["--token", "Elsewhere", "certs", "list"]).code(3);
    assert!(out.stderr.contains("no token matches"), "{}", out.stderr);
    hsm.run(&["--token", "Here", "certs", "list"]).ok();
}

#[test]
fn a_run_that_changed_no_token_leaves_without_the_modules_teardown() {
    let hsm = Hsm::with_tokens(&["leaving"]);
    let mark = hsm.path("exit-mark");
    let marked = [("P11FAULT_EXIT_MARK", common::path(&mark))];
    // Read-only runs: no module destructor runs at exit, and the output is all there.
    let listed = hsm.run_faulty(&marked, &["tokens", "--json"]).ok().json();
    assert_eq!(listed["slots"][0]["token"]["label"], "leaving", "{listed}");
    let missing = hsm
        .run_faulty(&marked, &["certs", "show", "no-such-certificate", "--json"])
        .code(2);
    assert_eq!(missing.json()["error"]["kind"], "object_not_found");
    assert!(
        !mark.exists(),
        "{}",
        std::fs::read_to_string(&mark).unwrap()
    );
    // A run that changes the token leaves through every destructor, in case a module
    // finishes its writing there.
    hsm.tw_faulty(
        &marked,
        &["keys", "generate", "--type", "p256", "--label", "made"],
    )
    .ok();
    assert_eq!(std::fs::read_to_string(&mark).unwrap(), "destructors ran\n");
}

#[test]
fn a_damaged_state_file_is_named_with_its_line_and_how_to_start_again() {
    let hsm = Hsm::with_tokens(&["choices"]);
    let state = hsm.path("state/tokenward/state.toml");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    std::fs::write(&state, "[tokens.abc]\ndefault_cert = 5\n").unwrap();
    let out = hsm.run(&["certs", "list"]).code(2);
    assert!(
        out.stderr
            .contains("the file where tokenward keeps your choices is not valid")
            && out.stderr.contains("state.toml: line 2")
            && out.stderr.contains("`tokenward certs select`"),
        "{}",
        out.stderr
    );
    let json = hsm.run(&["certs", "list", "--json"]).code(2).json();
    assert_eq!(json["error"]["kind"], "state_invalid", "{json:#}");
    let ru = hsm
        .run_env(
            &["certs", "list"],
            &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "")],
        )
        .code(2);
    assert!(
        ru.stderr.contains("хранит ваш выбор") && ru.stderr.contains("line 2"),
        "{}",
        ru.stderr
    );
    // Nothing was rewritten; removed, the choices start again from nothing.
    assert_eq!(
        std::fs::read_to_string(&state).unwrap(),
        "[tokens.abc]\ndefault_cert = 5\n"
    );
    std::fs::remove_file(&state).unwrap();
    hsm.run(&["certs", "list"]).ok();
}
