//! The fault module as OpenSC's `pkcs11-tool` sees it: a client nobody here wrote, one
//! process per command, as tokenward's CLI tests will run it.

mod common;

use std::fs;

use common::{Hsm, LABEL, SOFTHSM, SO_PIN, USER_PIN, WRONG_PIN};

/// The `token flags` line pkcs11-tool -L prints for the token labelled `label`.
fn flags_of(hsm: &Hsm, env: &[(&str, &str)], label: &str) -> String {
    let text = hsm.tool(env, &["-L"]).success();
    let mut current = None;
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        match key.trim() {
            "token label" => current = Some(value.trim().to_string()),
            "token flags" if current.as_deref() == Some(label) => return value.trim().into(),
            _ => {}
        }
    }
    panic!("no token {label} in:\n{text}");
}

fn flags(hsm: &Hsm, env: &[(&str, &str)]) -> String {
    flags_of(hsm, env, LABEL)
}

/// Logs in as the user with `pin` and lists objects.
fn user_login(hsm: &Hsm, env: &[(&str, &str)], pin: &str) -> common::Tool {
    hsm.tool(
        env,
        &["--token-label", LABEL, "--login", "--pin", pin, "-O"],
    )
}

/// Logs in as SO with `so_pin` and sets the user PIN to `USER_PIN` (C_InitPIN).
fn so_init_pin(hsm: &Hsm, env: &[(&str, &str)], so_pin: &str) -> common::Tool {
    hsm.tool(
        env,
        &[
            "--token-label",
            LABEL,
            "--login",
            "--login-type",
            "so",
            "--so-pin",
            so_pin,
            "--init-pin",
            "--new-pin",
            USER_PIN,
        ],
    )
}

const COUNT_LOW: &str = "user PIN count low";
const FINAL_TRY: &str = "final user PIN try";
const LOCKED: &str = "user PIN locked";

#[test]
fn wrong_user_pins_count_down_to_a_lock_across_processes() {
    let hsm = Hsm::with_token();
    let f = flags(&hsm, &[]);
    assert!(
        !f.contains(COUNT_LOW) && !f.contains(FINAL_TRY) && !f.contains(LOCKED),
        "{f}"
    );

    // Each pkcs11-tool run is a new process: only the state file carries the count.
    user_login(&hsm, &[], WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &[]);
    assert!(f.contains(COUNT_LOW) && !f.contains(FINAL_TRY), "{f}");

    user_login(&hsm, &[], WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &[]);
    assert!(
        f.contains(COUNT_LOW) && f.contains(FINAL_TRY) && !f.contains(LOCKED),
        "{f}"
    );

    user_login(&hsm, &[], WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &[]);
    assert!(f.contains(LOCKED) && !f.contains(FINAL_TRY), "{f}");

    // Locked: even the right PIN is refused, and a wrong one no longer reaches the token.
    user_login(&hsm, &[], USER_PIN).failure("CKR_PIN_LOCKED");
    user_login(&hsm, &[], WRONG_PIN).failure("CKR_PIN_LOCKED");

    // The SO sets a new user PIN: unlocked, all tries back.
    so_init_pin(&hsm, &[], SO_PIN).success();
    let f = flags(&hsm, &[]);
    assert!(
        !f.contains(COUNT_LOW) && !f.contains(FINAL_TRY) && !f.contains(LOCKED),
        "{f}"
    );
    user_login(&hsm, &[], USER_PIN).success();
}

#[test]
fn a_correct_pin_gives_all_tries_back() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_USER_TRIES", "2")];
    user_login(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    assert!(flags(&hsm, &env).contains(FINAL_TRY));
    user_login(&hsm, &env, USER_PIN).success();
    assert!(!flags(&hsm, &env).contains(COUNT_LOW));
    user_login(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    assert!(!flags(&hsm, &env).contains(LOCKED), "one miss of two again");
}

#[test]
fn without_a_state_file_each_process_starts_afresh() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_STATE", ""), ("P11FAULT_USER_TRIES", "1")];
    user_login(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    user_login(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &env);
    assert!(f.contains(FINAL_TRY) && !f.contains(LOCKED), "{f}");
    assert!(!hsm.state().exists());
}

#[test]
fn counters_are_kept_per_token_serial() {
    let hsm = Hsm::with_token();
    hsm.init_token("other");
    let env = [("P11FAULT_USER_TRIES", "1")];
    user_login(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    assert!(flags_of(&hsm, &env, LABEL).contains(LOCKED));
    assert!(!flags_of(&hsm, &env, "other").contains(COUNT_LOW));
    hsm.tool(
        &env,
        &["--token-label", "other", "--login", "--pin", USER_PIN, "-O"],
    )
    .success();

    let state = fs::read_to_string(hsm.state()).unwrap();
    let serial = hsm.serial(LABEL);
    assert!(
        state.lines().any(|l| l == format!("{serial} 0 3")),
        "{serial} locked in:\n{state}"
    );
    assert!(!state.contains(USER_PIN) && !state.contains(WRONG_PIN));
}

#[test]
fn wrong_so_pins_lock_the_so_pin() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_SO_TRIES", "2")];
    so_init_pin(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &env);
    assert!(
        f.contains("SO PIN count low") && f.contains("final SO PIN try"),
        "{f}"
    );
    assert!(!f.contains(COUNT_LOW), "the user PIN is not touched: {f}");
    so_init_pin(&hsm, &env, WRONG_PIN).failure("CKR_PIN_INCORRECT");
    assert!(flags(&hsm, &env).contains("SO PIN locked"));
    so_init_pin(&hsm, &env, SO_PIN).failure("CKR_PIN_LOCKED");
    user_login(&hsm, &env, USER_PIN).success();
}

#[test]
fn changing_the_pin_with_a_wrong_old_pin_counts() {
    let hsm = Hsm::with_token();
    let change = |old: &str, new: &str| {
        hsm.tool(
            &[],
            &[
                "--token-label",
                LABEL,
                "--change-pin",
                "--pin",
                old,
                "--new-pin",
                new,
            ],
        )
    };
    change(WRONG_PIN, "22222222").failure("CKR_PIN_INCORRECT");
    assert!(flags(&hsm, &[]).contains(COUNT_LOW));
    change(USER_PIN, "22222222").success();
    assert!(!flags(&hsm, &[]).contains(COUNT_LOW));
    user_login(&hsm, &[], "22222222").success();
}

#[test]
fn reinitialising_the_token_counts_the_so_pin_and_resets_both() {
    let hsm = Hsm::with_token();
    let init = |so_pin: &str| {
        hsm.tool(
            &[],
            &[
                "--token-label",
                LABEL,
                "--init-token",
                "--label",
                LABEL,
                "--so-pin",
                so_pin,
            ],
        )
    };
    user_login(&hsm, &[], WRONG_PIN).failure("CKR_PIN_INCORRECT");
    init(WRONG_PIN).failure("CKR_PIN_INCORRECT");
    let f = flags(&hsm, &[]);
    assert!(
        f.contains(COUNT_LOW) && f.contains("SO PIN count low"),
        "{f}"
    );
    init(SO_PIN).success();
    let f = flags(&hsm, &[]);
    assert!(!f.contains("count low"), "{f}");
}

#[test]
fn init_rv_makes_c_initialize_fail() {
    let hsm = Hsm::with_token();
    hsm.tool(&[("P11FAULT_INIT_RV", "0x5")], &["-L"])
        .failure("CKR_GENERAL_ERROR");
    hsm.tool(&[("P11FAULT_INIT_RV", "CKR_DEVICE_ERROR")], &["-L"])
        .failure("CKR_DEVICE_ERROR");
}

#[test]
fn no_slots() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_NO_SLOTS", "1")];
    let text = hsm.tool(&env, &["-L"]).text;
    assert!(text.contains("No slots"), "{text}");
    assert!(!text.contains(LABEL), "{text}");
    assert!(!user_login(&hsm, &env, USER_PIN).ok);
}

#[test]
fn token_absent() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_TOKEN_ABSENT", "1")];
    let text = hsm.tool(&env, &["-L"]).text;
    assert!(text.contains("(empty)"), "{text}");
    assert!(!text.contains(LABEL), "{text}");
    assert!(!user_login(&hsm, &env, USER_PIN).ok);
}

#[test]
fn write_protected() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_WRITE_PROTECTED", "1")];
    assert!(flags(&hsm, &env).contains("readonly"));
    // Reading still works.
    user_login(&hsm, &env, USER_PIN).success();
    // pkcs11-tool opens an R/W session for every change, which is refused.
    hsm.tool(
        &env,
        &[
            "--token-label",
            LABEL,
            "--login",
            "--pin",
            USER_PIN,
            "--keypairgen",
            "--key-type",
            "EC:prime256v1",
            "--label",
            "k",
        ],
    )
    .failure("CKR_TOKEN_WRITE_PROTECTED");
    hsm.tool(
        &env,
        &[
            "--token-label",
            LABEL,
            "--change-pin",
            "--pin",
            USER_PIN,
            "--new-pin",
            "22222222",
        ],
    )
    .failure("CKR_TOKEN_WRITE_PROTECTED");
    assert!(
        !flags(&hsm, &env).contains(COUNT_LOW),
        "nothing was counted"
    );
}

fn write_object(hsm: &Hsm, env: &[(&str, &str)], label: &str) -> common::Tool {
    let file = hsm.path("data.bin");
    fs::write(&file, b"some data").unwrap();
    hsm.tool(
        env,
        &[
            "--token-label",
            LABEL,
            "--login",
            "--pin",
            USER_PIN,
            "--write-object",
            file.to_str().unwrap(),
            "--type",
            "data",
            "--label",
            label,
        ],
    )
}

#[test]
fn device_memory() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_DEVICE_MEMORY", "1")];
    write_object(&hsm, &env, "d").failure("CKR_DEVICE_MEMORY");
    hsm.tool(
        &env,
        &[
            "--token-label",
            LABEL,
            "--login",
            "--pin",
            USER_PIN,
            "--keypairgen",
            "--key-type",
            "EC:prime256v1",
            "--label",
            "k",
        ],
    )
    .failure("CKR_DEVICE_MEMORY");
    write_object(&hsm, &[], "d").success();
}

#[test]
fn generate_fail_nth_fails_only_that_key_generation_of_the_process() {
    let hsm = Hsm::with_token();
    let keygen = |env: &[(&str, &str)], label: &str| {
        hsm.tool(
            env,
            &[
                "--token-label",
                LABEL,
                "--login",
                "--pin",
                USER_PIN,
                "--keypairgen",
                "--key-type",
                "EC:prime256v1",
                "--label",
                label,
            ],
        )
    };
    keygen(&[("P11FAULT_GENERATE_FAIL_NTH", "1")], "first").failure("CKR_DEVICE_ERROR");
    // The one generation of this process is not the second: it is forwarded.
    keygen(&[("P11FAULT_GENERATE_FAIL_NTH", "2")], "second").success();
    let objects = user_login(&hsm, &[], USER_PIN).success();
    assert!(
        !objects.contains("first") && objects.contains("second"),
        "{objects}"
    );
}

#[test]
fn create_fail_after_counts_creates_per_process() {
    let hsm = Hsm::with_token();
    write_object(&hsm, &[("P11FAULT_CREATE_FAIL_AFTER", "0")], "first")
        .failure("CKR_DEVICE_MEMORY");
    // A new process counts from zero again.
    write_object(&hsm, &[("P11FAULT_CREATE_FAIL_AFTER", "1")], "second").success();
    write_object(&hsm, &[("P11FAULT_CREATE_FAIL_AFTER", "1")], "third").success();
    let objects = user_login(&hsm, &[], USER_PIN).success();
    assert!(!objects.contains("first"), "{objects}");
    assert!(
        objects.contains("second") && objects.contains("third"),
        "{objects}"
    );
}

#[test]
fn pin_length_is_reported_and_enforced_on_new_pins() {
    let hsm = Hsm::with_token();
    let env = [("P11FAULT_PIN_LEN", "6,8")];
    let text = hsm.tool(&env, &["-L"]).success();
    assert!(
        text.lines()
            .any(|l| l.contains("pin min/max") && l.trim_end().ends_with("6/8")),
        "{text}"
    );
    hsm.tool(
        &env,
        &[
            "--token-label",
            LABEL,
            "--change-pin",
            "--pin",
            USER_PIN,
            "--new-pin",
            "123456789",
        ],
    )
    .failure("CKR_PIN_LEN_RANGE");
    user_login(&hsm, &env, USER_PIN).success();
}

/// Makes an EC key `k` (ID 01) straight in SoftHSM2 and returns the sign command's arguments.
fn signing_setup(hsm: &Hsm) -> Vec<String> {
    let out = hsm
        .command("pkcs11-tool", &[])
        .args(["--module", *SOFTHSM, "--token-label", LABEL, "--login"])
        .args([
            "--pin",
            USER_PIN,
            "--keypairgen",
            "--key-type",
            "EC:prime256v1",
        ])
        .args(["--id", "01", "--label", "k"])
        .output()
        .unwrap();
    common::assert_success("keypairgen", &out);
    let input = hsm.path("in.txt");
    fs::write(&input, b"data to sign").unwrap();
    [
        "--token-label",
        LABEL,
        "--login",
        "--pin",
        USER_PIN,
        "--sign",
        "--mechanism",
        "ECDSA",
        "--id",
        "01",
        "-i",
        input.to_str().unwrap(),
        "-o",
        hsm.path("sig.bin").to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn sign_fail_after_and_the_call_log() {
    let hsm = Hsm::with_token();
    let sign = signing_setup(&hsm);
    let sign: Vec<&str> = sign.iter().map(String::as_str).collect();
    hsm.tool(&[], &sign).success();

    let log = hsm.path("calls.log");
    let log_env = ("P11FAULT_LOG", log.to_str().unwrap());
    // pkcs11-tool falls back to C_SignUpdate when C_Sign fails, so read what C_Sign
    // returned from the call log.
    assert!(
        !hsm.tool(&[("P11FAULT_SIGN_FAIL_AFTER", "0"), log_env], &sign)
            .ok
    );
    let lines = fs::read_to_string(&log).unwrap();
    assert!(
        lines.lines().any(|l| l.ends_with(" C_Sign 0x32")),
        "{lines}"
    );

    fs::remove_file(&log).unwrap();
    let env = [
        ("P11FAULT_SIGN_FAIL_AFTER", "0"),
        ("P11FAULT_SIGN_FAIL_RV", "CKR_DEVICE_ERROR"),
        log_env,
    ];
    assert!(!hsm.tool(&env, &sign).ok);
    let lines = fs::read_to_string(&log).unwrap();
    assert!(
        lines.lines().any(|l| l.ends_with(" C_Sign 0x30")),
        "{lines}"
    );
    // One line per call, name and return value only: never a PIN.
    assert!(
        lines.lines().any(|l| l.ends_with(" C_Login 0x0")),
        "{lines}"
    );
    assert!(
        lines.lines().any(|l| l.ends_with(" C_FindObjects 0x0")),
        "{lines}"
    );
    assert!(!lines.contains(USER_PIN), "{lines}");
    for line in lines.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert!(fields[1].starts_with("C_"), "{line}");
    }
}

#[test]
fn session_invalid_every() {
    let hsm = Hsm::with_token();
    let sign = signing_setup(&hsm);
    let sign: Vec<&str> = sign.iter().map(String::as_str).collect();
    hsm.tool(&[("P11FAULT_SESSION_INVALID_EVERY", "1")], &sign)
        .failure("CKR_SESSION_HANDLE_INVALID");
    hsm.tool(&[("P11FAULT_SESSION_INVALID_EVERY", "2")], &sign)
        .success();
}

#[test]
fn an_invalid_variable_refuses_to_load_and_names_it() {
    let hsm = Hsm::with_token();
    let text = hsm.tool(&[("P11FAULT_NO_SLOTS", "maybe")], &["-L"]).text;
    assert!(text.contains("P11FAULT_NO_SLOTS"), "{text}");
    let tool = hsm.tool(&[("P11FAULT_TARGET", "/nonexistent/module.so")], &["-L"]);
    assert!(!tool.ok);
    assert!(
        tool.text.contains("/nonexistent/module.so"),
        "{}",
        tool.text
    );
}

#[test]
fn exports_c_get_function_list_and_not_c_get_interface() {
    // SAFETY: loading our own module runs no initialiser of note.
    let lib = unsafe { libloading::Library::new(common::fault_module()) }.unwrap();
    type GetFunctionList = unsafe extern "C" fn(*mut *mut cryptoki_sys::CK_FUNCTION_LIST) -> u64;
    // SAFETY: symbol lookups only; nothing is called.
    unsafe {
        assert!(lib.get::<GetFunctionList>(b"C_GetFunctionList\0").is_ok());
        assert!(lib.get::<GetFunctionList>(b"C_GetInterface\0").is_err());
        assert!(lib.get::<GetFunctionList>(b"C_GetInterfaceList\0").is_err());
        assert!(lib.get::<GetFunctionList>(b"C_Login\0").is_err());
    }
}
