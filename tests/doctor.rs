//! `tokenward doctor` on SoftHSM2 tokens (through the fault module where a real token's states
//! are needed): PINs, certificates, the clock. The smart-card side (pcscd, readers, cards held
//! by other programs) is in tests/cards.rs.

mod common;

use common::{path, Hsm, Run};

/// doctor under libfaketime, at this absolute time (`@YYYY-MM-DD hh:mm:ss`).
fn doctor_at(hsm: &Hsm, when: &str) -> Run {
    Run::from(
        hsm.peer("faketime")
            .args([
                "-f",
                when,
                env!("CARGO_BIN_EXE_tokenward"),
                "doctor",
                "--json",
            ])
            .env("TOKENWARD_MODULE", *common::SOFTHSM)
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
            .output()
            .expect("run faketime (Debian package faketime)"),
    )
}

#[test]
fn certificates_expired_expiring_and_a_clock_before_them_are_named() {
    let hsm = Hsm::with_tokens(&["certs"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    hsm.import_pem("expired", "old");
    let doc = hsm.run(&["doctor", "--json"]).json();
    common::assert_schema("doctor", &doc);
    assert!(
        common::has_finding(&doc, "cert_expired", "warning"),
        "{doc:#}"
    );
    assert!(
        !common::has_finding(&doc, "cert_expiring", "warning"),
        "{doc:#}"
    );
    // An expired certificate needs attention, but the token can still be used.
    assert_eq!(doc["blocked"], false, "{doc:#}");

    // Ten days before the leaf's end (2045-12-31): expiring.
    let doc = doctor_at(&hsm, "@2045-12-21 12:00:00").json();
    assert!(
        common::has_finding(&doc, "cert_expiring", "warning"),
        "{doc:#}"
    );
    // A computer clock years before the certificates were issued.
    let doc = doctor_at(&hsm, "@2010-06-01 12:00:00").json();
    assert!(
        common::has_finding(&doc, "clock_before_cert", "warning"),
        "{doc:#}"
    );
    let text = hsm.run(&["doctor"]).stdout;
    assert!(text.contains("Needs attention:"), "{text}");
    assert!(text.contains("expired"), "{text}");
}

#[test]
fn a_locked_pin_blocks_and_a_factory_pin_is_named() {
    let hsm = Hsm::with_tokens(&["pins"]);
    let factory = [("P11FAULT_USER_PIN_TO_BE_CHANGED", "1")];
    let doc = hsm.run_faulty(&factory, &["doctor", "--json"]).json();
    assert!(
        common::has_finding(&doc, "factory_pin", "warning"),
        "{doc:#}"
    );
    let fix = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "factory_pin")
        .unwrap()["fix"]
        .clone();
    assert!(
        fix.as_str().unwrap().contains("tokenward pin change"),
        "{fix}"
    );

    // Three wrong PINs lock it (the fault module counts like a real token).
    for _ in 0..3 {
        let _ = Run::from(
            hsm.tokenward_faulty(&[])
                .args(["objects", "--login", "--final-try", "--pin-env", "W"])
                .env("W", "wrong-pin-1")
                .output()
                .unwrap(),
        );
    }
    let run = hsm.run_faulty(&[], &["doctor", "--json"]).code(1);
    let doc = run.json();
    assert!(
        common::has_finding(&doc, "user_pin_locked", "blocker"),
        "{doc:#}"
    );
    assert_eq!(doc["blocked"], true);
    assert_eq!(
        doc["findings"][0]["severity"], "blocker",
        "blockers first: {doc:#}"
    );
    let text = hsm.run_faulty(&[], &["doctor"]).code(1).stdout;
    assert!(text.starts_with("Stops you now:"), "{text}");
    assert!(text.contains("pin unblock"), "{text}");
}

#[test]
fn a_module_that_does_not_load_is_a_blocker_with_its_reason() {
    let hsm = Hsm::new();
    let not_a_module = hsm.write("libnothing.so", "not a library");
    let run = hsm
        .run(&["--module", path(&not_a_module), "doctor", "--json"])
        .code(1);
    let doc = run.json();
    assert!(common::has_finding(&doc, "no_module", "blocker"), "{doc:#}");
    let message = doc["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("libnothing.so"), "{doc:#}");
}
