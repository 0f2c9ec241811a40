//! The fault module as tokenward sees it: through cryptoki, with the exact return values.
//!
//! The module reads its configuration once per process, so each test re-runs itself in a
//! child process of this test binary with its own environment (`in_child`).

mod common;

use std::fmt::Debug;
use std::thread;

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::slot::{Slot, TokenInfo};
use cryptoki::types::AuthPin;

use common::{assert_success, fault_module, Hsm, LABEL, SOFTHSM, SO_PIN, USER_PIN, WRONG_PIN};

/// Set in the child process: run the scenario instead of spawning.
const CHILD: &str = "P11FAULT_TEST_CHILD";
/// Printed by a child that ran its scenario to the end (a mistyped test name runs nothing).
const DONE: &str = "p11-fault child scenario done";

/// Runs `scenario` in a new process of this test binary (test `test`, which must be the
/// calling test's name) with `env` set, after `setup` has prepared a fresh SoftHSM2 with
/// the token `LABEL`.
fn in_child(test: &str, env: &[(&str, &str)], setup: impl FnOnce(&Hsm), scenario: impl FnOnce()) {
    if std::env::var_os(CHILD).is_some() {
        scenario();
        println!("{DONE}");
        return;
    }
    let hsm = Hsm::with_token();
    setup(&hsm);
    let out = hsm
        .command(std::env::current_exe().unwrap(), env)
        .env(CHILD, "1")
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .output()
        .unwrap();
    assert_success(&format!("child {test}"), &out);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(DONE),
        "child ran no scenario: is {test} the test's name?"
    );
}

fn no_setup(_: &Hsm) {}

fn pkcs11() -> Pkcs11 {
    let p = Pkcs11::new(fault_module()).unwrap();
    p.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    p
}

fn token_slot(p: &Pkcs11) -> Slot {
    p.get_slots_with_token()
        .unwrap()
        .into_iter()
        .find(|&s| p.get_token_info(s).is_ok_and(|t| t.label().trim() == LABEL))
        .expect("the test token")
}

fn info(p: &Pkcs11) -> TokenInfo {
    p.get_token_info(token_slot(p)).unwrap()
}

fn pin(s: &str) -> AuthPin {
    AuthPin::from(s.to_string())
}

/// The CK_RV of a failed call.
#[track_caller]
fn rv<T: Debug>(result: cryptoki::error::Result<T>) -> RvError {
    match result {
        Err(Error::Pkcs11(rv, _)) => rv,
        other => panic!("expected a PKCS#11 error, got {other:?}"),
    }
}

fn user_session(p: &Pkcs11) -> Session {
    let s = p.open_rw_session(token_slot(p)).unwrap();
    s.login(UserType::User, Some(&pin(USER_PIN))).unwrap();
    s
}

fn data_object(label: &str, token: bool) -> Vec<Attribute> {
    vec![
        Attribute::Class(ObjectClass::DATA),
        Attribute::Token(token),
        Attribute::Label(label.as_bytes().to_vec()),
        Attribute::Value(b"value".to_vec()),
    ]
}

fn find(s: &Session, label: &str) -> Vec<ObjectHandle> {
    s.find_objects(&[Attribute::Label(label.as_bytes().to_vec())])
        .unwrap()
}

const P256: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];

fn generate_p256(
    s: &Session,
    label: &str,
) -> cryptoki::error::Result<(ObjectHandle, ObjectHandle)> {
    s.generate_key_pair(
        &Mechanism::EccKeyPairGen,
        &[
            Attribute::Token(true),
            Attribute::EcParams(P256.to_vec()),
            Attribute::Verify(true),
            Attribute::Label(label.as_bytes().to_vec()),
        ],
        &[
            Attribute::Token(true),
            Attribute::Private(true),
            Attribute::Sign(true),
            Attribute::Label(label.as_bytes().to_vec()),
        ],
    )
}

/// Makes an EC key `k` straight in SoftHSM2 (not through the fault module).
fn make_signing_key(hsm: &Hsm) {
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
    assert_success("keypairgen", &out);
}

/// Makes a token data object `stored` straight in SoftHSM2.
fn make_data_object(hsm: &Hsm) {
    let file = hsm.path("data.bin");
    std::fs::write(&file, b"data").unwrap();
    let out = hsm
        .command("pkcs11-tool", &[])
        .args(["--module", *SOFTHSM, "--token-label", LABEL, "--login"])
        .args(["--pin", USER_PIN, "--write-object"])
        .arg(&file)
        .args(["--type", "data", "--label", "stored"])
        .output()
        .unwrap();
    assert_success("write-object", &out);
}

fn signing_key(s: &Session) -> ObjectHandle {
    s.find_objects(&[
        Attribute::Class(ObjectClass::PRIVATE_KEY),
        Attribute::Label(b"k".to_vec()),
    ])
    .unwrap()[0]
}

const DIGEST: [u8; 32] = [7; 32];

#[test]
fn token_info_shows_count_low_then_final_try_then_locked() {
    in_child(
        "token_info_shows_count_low_then_final_try_then_locked",
        &[],
        no_setup,
        || {
            let p = pkcs11();
            let t = info(&p);
            assert!(!t.user_pin_count_low() && !t.user_pin_final_try() && !t.user_pin_locked());
            {
                let s = p.open_ro_session(token_slot(&p)).unwrap();
                for expect in [
                    (true, false, false),
                    (true, true, false),
                    (true, false, true),
                ] {
                    let e = rv(s.login(UserType::User, Some(&pin(WRONG_PIN))));
                    assert_eq!(e, RvError::PinIncorrect);
                    let t = info(&p);
                    let flags = (
                        t.user_pin_count_low(),
                        t.user_pin_final_try(),
                        t.user_pin_locked(),
                    );
                    assert_eq!(flags, expect);
                    assert!(!t.so_pin_count_low(), "the SO PIN is not touched");
                }
                let e = rv(s.login(UserType::User, Some(&pin(USER_PIN))));
                assert_eq!(e, RvError::PinLocked, "locked refuses the right PIN");
                // A context-specific login uses the user PIN too.
                let e = rv(s.login(UserType::ContextSpecific, Some(&pin(USER_PIN))));
                assert_eq!(e, RvError::PinLocked);
            }
            // SoftHSM2 refuses an SO login while a read-only session is open: closed above.
            let so = p.open_rw_session(token_slot(&p)).unwrap();
            so.login(UserType::So, Some(&pin(SO_PIN))).unwrap();
            so.init_pin(&pin(USER_PIN)).unwrap();
            so.logout().unwrap();
            let t = info(&p);
            assert!(!t.user_pin_count_low() && !t.user_pin_final_try() && !t.user_pin_locked());
            so.login(UserType::User, Some(&pin(USER_PIN))).unwrap();
        },
    );
}

#[test]
fn so_pin_change_with_a_wrong_old_pin_counts_against_the_so() {
    in_child(
        "so_pin_change_with_a_wrong_old_pin_counts_against_the_so",
        &[("P11FAULT_SO_TRIES", "2")],
        no_setup,
        || {
            let p = pkcs11();
            let s = p.open_rw_session(token_slot(&p)).unwrap();
            s.login(UserType::So, Some(&pin(SO_PIN))).unwrap();
            let e = rv(s.set_pin(&pin(WRONG_PIN), &pin("abcdefgh")));
            assert_eq!(e, RvError::PinIncorrect);
            let t = info(&p);
            assert!(t.so_pin_count_low() && t.so_pin_final_try());
            assert!(!t.user_pin_count_low());
            let e = rv(s.set_pin(&pin(WRONG_PIN), &pin("abcdefgh")));
            assert_eq!(e, RvError::PinIncorrect);
            assert!(info(&p).so_pin_locked());
            let e = rv(s.set_pin(&pin(SO_PIN), &pin("abcdefgh")));
            assert_eq!(e, RvError::PinLocked);
        },
    );
}

#[test]
fn init_token_counts_the_so_pin_and_success_resets_both() {
    in_child(
        "init_token_counts_the_so_pin_and_success_resets_both",
        &[],
        no_setup,
        || {
            let p = pkcs11();
            let slot = token_slot(&p);
            {
                let s = p.open_ro_session(slot).unwrap();
                rv(s.login(UserType::User, Some(&pin(WRONG_PIN))));
            }
            let e = rv(p.init_token(slot, &pin(WRONG_PIN), LABEL));
            assert_eq!(e, RvError::PinIncorrect);
            let t = info(&p);
            assert!(t.so_pin_count_low() && t.user_pin_count_low());
            p.init_token(slot, &pin(SO_PIN), LABEL).unwrap();
            let t = info(&p);
            assert!(!t.so_pin_count_low() && !t.user_pin_count_low());
        },
    );
}

#[test]
fn threads_share_one_counter() {
    in_child(
        "threads_share_one_counter",
        &[("P11FAULT_USER_TRIES", "9")],
        no_setup,
        || {
            let p = pkcs11();
            let slot = token_slot(&p);
            thread::scope(|scope| {
                for _ in 0..4 {
                    let p = p.clone();
                    scope.spawn(move || {
                        let s = p.open_ro_session(slot).unwrap();
                        for _ in 0..2 {
                            let e = rv(s.login(UserType::User, Some(&pin(WRONG_PIN))));
                            assert_eq!(e, RvError::PinIncorrect);
                        }
                    });
                }
            });
            let t = info(&p);
            assert!(
                t.user_pin_final_try() && !t.user_pin_locked(),
                "8 of 9 tries used"
            );
            let s = p.open_ro_session(slot).unwrap();
            rv(s.login(UserType::User, Some(&pin(WRONG_PIN))));
            assert!(info(&p).user_pin_locked());
        },
    );
}

#[test]
fn initialize_returns_the_configured_rv() {
    in_child(
        "initialize_returns_the_configured_rv",
        &[("P11FAULT_INIT_RV", "0x30")],
        no_setup,
        || {
            let p = Pkcs11::new(fault_module()).unwrap();
            let e = rv(p.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)));
            assert_eq!(e, RvError::DeviceError);
        },
    );
}

#[test]
fn no_slots_at_all() {
    in_child(
        "no_slots_at_all",
        &[("P11FAULT_NO_SLOTS", "1")],
        no_setup,
        || {
            let p = pkcs11();
            assert!(p.get_all_slots().unwrap().is_empty());
            assert!(p.get_slots_with_token().unwrap().is_empty());
            let slot = Slot::try_from(1u64).unwrap();
            assert_eq!(rv(p.get_slot_info(slot)), RvError::SlotIdInvalid);
            assert_eq!(rv(p.get_token_info(slot)), RvError::SlotIdInvalid);
            assert_eq!(rv(p.open_ro_session(slot)), RvError::SlotIdInvalid);
        },
    );
}

#[test]
fn slots_without_a_token() {
    in_child(
        "slots_without_a_token",
        &[("P11FAULT_TOKEN_ABSENT", "1")],
        no_setup,
        || {
            let p = pkcs11();
            let slots = p.get_all_slots().unwrap();
            assert!(!slots.is_empty());
            assert!(p.get_slots_with_token().unwrap().is_empty());
            for slot in slots {
                let s = p.get_slot_info(slot).unwrap();
                assert!(!s.token_present() && s.removable_device());
                assert_eq!(rv(p.get_token_info(slot)), RvError::TokenNotPresent);
                assert_eq!(rv(p.open_ro_session(slot)), RvError::TokenNotPresent);
                assert_eq!(rv(p.get_mechanism_list(slot)), RvError::TokenNotPresent);
            }
        },
    );
}

#[test]
fn write_protected_token_refuses_changes_but_not_session_objects() {
    in_child(
        "write_protected_token_refuses_changes_but_not_session_objects",
        &[("P11FAULT_WRITE_PROTECTED", "1")],
        make_data_object,
        || {
            let p = pkcs11();
            let slot = token_slot(&p);
            assert!(info(&p).write_protected());
            assert_eq!(rv(p.open_rw_session(slot)), RvError::TokenWriteProtected);

            let s = p.open_ro_session(slot).unwrap();
            s.login(UserType::User, Some(&pin(USER_PIN))).unwrap();
            let stored = find(&s, "stored")[0];
            let wp = RvError::TokenWriteProtected;
            assert_eq!(rv(s.create_object(&data_object("new", true))), wp);
            assert_eq!(rv(s.destroy_object(stored)), wp);
            assert_eq!(
                rv(s.update_attributes(stored, &[Attribute::Label(b"x".to_vec())])),
                wp
            );
            assert_eq!(rv(generate_p256(&s, "k")), wp);
            assert_eq!(rv(s.set_pin(&pin(USER_PIN), &pin("abcdefgh"))), wp);
            assert_eq!(rv(s.init_pin(&pin("abcdefgh"))), wp);
            assert!(!info(&p).user_pin_count_low(), "nothing was counted");

            // Session objects live in the session, not on the token.
            let temp = s.create_object(&data_object("temp", false)).unwrap();
            s.update_attributes(temp, &[Attribute::Label(b"temp2".to_vec())])
                .unwrap();
            s.destroy_object(temp).unwrap();

            drop(s);
            assert_eq!(rv(p.init_token(slot, &pin(SO_PIN), LABEL)), wp);
        },
    );
}

#[test]
fn a_full_token_refuses_new_objects() {
    in_child(
        "a_full_token_refuses_new_objects",
        &[("P11FAULT_DEVICE_MEMORY", "1")],
        no_setup,
        || {
            let p = pkcs11();
            let t = info(&p);
            assert_eq!(t.free_public_memory(), Some(0));
            assert_eq!(t.free_private_memory(), Some(0));
            let s = user_session(&p);
            let full = RvError::DeviceMemory;
            assert_eq!(rv(s.create_object(&data_object("d", true))), full);
            assert_eq!(rv(generate_p256(&s, "k")), full);
            assert!(find(&s, "d").is_empty() && find(&s, "k").is_empty());
        },
    );
}

#[test]
fn creates_fail_after_the_first_n() {
    in_child(
        "creates_fail_after_the_first_n",
        &[("P11FAULT_CREATE_FAIL_AFTER", "1")],
        no_setup,
        || {
            let p = pkcs11();
            let s = user_session(&p);
            s.create_object(&data_object("d", true)).unwrap();
            let full = RvError::DeviceMemory;
            assert_eq!(rv(s.create_object(&data_object("d", true))), full);
            assert_eq!(rv(s.create_object(&data_object("d", true))), full);
            assert_eq!(find(&s, "d").len(), 1, "the first object, and only it");
        },
    );
}

#[test]
fn signing_fails_after_n_signatures_and_ends_the_operation() {
    in_child(
        "signing_fails_after_n_signatures_and_ends_the_operation",
        &[("P11FAULT_SIGN_FAIL_AFTER", "2")],
        make_signing_key,
        || {
            let p = pkcs11();
            let s = user_session(&p);
            let key = signing_key(&s);
            for _ in 0..2 {
                assert_eq!(s.sign(&Mechanism::Ecdsa, key, &DIGEST).unwrap().len(), 64);
            }
            // Failing again (not CKR_OPERATION_ACTIVE) shows the failed call ended the
            // operation, as PKCS#11 says any failed C_Sign does.
            for _ in 0..2 {
                let e = rv(s.sign(&Mechanism::Ecdsa, key, &DIGEST));
                assert_eq!(e, RvError::DeviceRemoved);
            }
        },
    );
}

#[test]
fn sign_fail_rv_chooses_the_error() {
    in_child(
        "sign_fail_rv_chooses_the_error",
        &[
            ("P11FAULT_SIGN_FAIL_AFTER", "0"),
            ("P11FAULT_SIGN_FAIL_RV", "CKR_DEVICE_ERROR"),
        ],
        make_signing_key,
        || {
            let p = pkcs11();
            let s = user_session(&p);
            let e = rv(s.sign(&Mechanism::Ecdsa, signing_key(&s), &DIGEST));
            assert_eq!(e, RvError::DeviceError);
        },
    );
}

#[test]
fn every_nth_sign_init_loses_its_session() {
    in_child(
        "every_nth_sign_init_loses_its_session",
        &[("P11FAULT_SESSION_INVALID_EVERY", "3")],
        make_signing_key,
        || {
            let p = pkcs11();
            let keep = p.open_ro_session(token_slot(&p)).unwrap(); // keeps the login alive
            let s = user_session(&p);
            let key = signing_key(&s);
            s.sign(&Mechanism::Ecdsa, key, &DIGEST).unwrap();
            s.sign(&Mechanism::Ecdsa, key, &DIGEST).unwrap();
            let e = rv(s.sign(&Mechanism::Ecdsa, key, &DIGEST));
            assert_eq!(e, RvError::SessionHandleInvalid);
            // The session really is gone.
            assert_eq!(rv(s.get_session_info()), RvError::SessionHandleInvalid);

            // A new session works (the login is per application, held by `keep`) until
            // the 6th C_SignInit.
            let again = p.open_ro_session(token_slot(&p)).unwrap();
            again.sign(&Mechanism::Ecdsa, key, &DIGEST).unwrap();
            again.sign(&Mechanism::Ecdsa, key, &DIGEST).unwrap();
            let e = rv(again.sign(&Mechanism::Ecdsa, key, &DIGEST));
            assert_eq!(e, RvError::SessionHandleInvalid);
            drop(keep);
        },
    );
}

#[test]
fn pin_length_is_reported_and_enforced_on_new_pins() {
    in_child(
        "pin_length_is_reported_and_enforced_on_new_pins",
        &[("P11FAULT_PIN_LEN", "6,8")],
        no_setup,
        || {
            let p = pkcs11();
            let t = info(&p);
            assert_eq!((t.min_pin_length(), t.max_pin_length()), (6, 8));
            let s = user_session(&p);
            let range = RvError::PinLenRange;
            assert_eq!(rv(s.set_pin(&pin(USER_PIN), &pin("12345"))), range);
            assert_eq!(rv(s.set_pin(&pin(USER_PIN), &pin("123456789"))), range);
            assert!(!info(&p).user_pin_count_low(), "not a wrong PIN");
            s.set_pin(&pin(USER_PIN), &pin("abcdef12")).unwrap();
        },
    );
}
