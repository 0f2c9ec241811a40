//! Certificate objects that are not valid X.509 (written with cryptoki directly: the peer
//! tools refuse to write them) are listed as unreadable, never a crash.
//!
//! This file holds one test: it loads SoftHSM2 in this process, which reads SOFTHSM2_CONF once.

mod common;

use common::{Hsm, SOFTHSM, USER_PIN};
use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::object::{Attribute, CertificateType, ObjectClass};
use cryptoki::session::UserType;
use cryptoki::types::AuthPin;

#[test]
fn malformed_certificate_objects_are_listed_as_unreadable() {
    let hsm = Hsm::with_tokens(&["broken"]);
    std::env::set_var("SOFTHSM2_CONF", &hsm.conf);
    let ctx = Pkcs11::new(*SOFTHSM).unwrap();
    ctx.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = ctx.get_slots_with_initialized_token().unwrap()[0];
    let session = ctx.open_rw_session(slot).unwrap();
    session
        .login(UserType::User, Some(&AuthPin::new(USER_PIN.into())))
        .unwrap();
    let cert = |label: &str, ty: CertificateType, value: Vec<u8>| {
        let mut template = vec![
            Attribute::Class(ObjectClass::CERTIFICATE),
            Attribute::CertificateType(ty),
            Attribute::Token(true),
            Attribute::Label(label.as_bytes().to_vec()),
            Attribute::Id(vec![0x42]),
            Attribute::Value(value),
        ];
        template.push(Attribute::Subject(vec![0x30, 0x00]));
        session
            .create_object(&template)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
    };
    cert(
        "garbage",
        CertificateType::X_509,
        b"this is not DER".to_vec(),
    );
    cert("empty", CertificateType::X_509, Vec::new());
    // SoftHSM2 refuses certificate types other than X.509 (CKR_ATTRIBUTE_VALUE_INVALID), so
    // the "not X.509" branch cannot be reached through it.
    session.logout().unwrap();
    drop(session);

    let out = hsm.run(&["certs", "list"]).ok();
    assert_eq!(
        out.stdout.matches("unreadable certificate").count(),
        2,
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("not a valid X.509 certificate"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("holds no certificate data"),
        "{}",
        out.stdout
    );
    let json = hsm.run(&["certs", "list", "--json"]).ok().json();
    let certs = json["certificates"].as_array().unwrap();
    assert!(certs
        .iter()
        .all(|c| c["readable"] == false && c["error"].is_string()));
    // Showing one explains it too.
    let out = hsm.run(&["certs", "show", "garbage"]).ok();
    assert!(
        out.stdout.contains("unreadable certificate"),
        "{}",
        out.stdout
    );
}
