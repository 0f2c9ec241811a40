//! The JSON Schemas in `docs/schemas/` are the ones the result types make, and what the
//! commands really print validates against them. After an intended change to a result type:
//! `SNAPSHOTS=overwrite cargo test --test schemas`.

mod common;

use std::path::Path;

use common::{fixture, path, Hsm, Run};
use tokenward::ops::schema;

fn schema_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schemas")
}

#[test]
fn the_schemas_in_docs_are_current() {
    let overwrite = std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite");
    let mut stale = Vec::new();
    for (command, s) in schema::all() {
        let text = serde_json::to_string_pretty(&s).unwrap() + "\n";
        let file = schema_dir().join(schema::file_name(command));
        if overwrite {
            std::fs::create_dir_all(schema_dir()).unwrap();
            std::fs::write(&file, &text).unwrap();
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
            stale.push(file.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas (SNAPSHOTS=overwrite cargo test --test schemas):\n{}",
        stale.join("\n")
    );
}

fn validate(command: &str, run: &Run) {
    common::assert_schema(command, &run.json());
}

#[test]
fn real_outputs_validate_against_the_schemas() {
    let hsm = Hsm::with_tokens(&["Schemas"]);
    let p12 = fixture("modern-rsa.p12");
    let pw = fixture("password.txt");
    let imported = hsm.tw(&[
        "keys",
        "import",
        path(&p12),
        "--password-file",
        path(&pw),
        "--id",
        "01",
        "--json",
    ]);
    validate("keys import", &imported.ok());
    validate("modules", &hsm.run(&["modules", "--json"]).ok());
    validate("tokens", &hsm.run(&["tokens", "--json"]).ok());
    validate("objects", &hsm.tw(&["objects", "--login", "--json"]).ok());
    validate("mechanisms", &hsm.run(&["mechanisms", "--json"]).ok());
    validate("pin status", &hsm.run(&["pin", "status", "--json"]).ok());
    validate(
        "certs list",
        &hsm.tw(&["certs", "list", "--login", "--json"]).ok(),
    );
    validate(
        "certs show",
        &hsm.run(&["certs", "show", "01", "--json"]).ok(),
    );
    validate(
        "certs select",
        &hsm.run(&["certs", "select", "01", "--json"]).ok(),
    );
    validate(
        "certs export",
        &hsm.run(&["certs", "export", "--chain", "--json"]).ok(),
    );
    validate(
        "certs import",
        &hsm.tw(&[
            "certs",
            "import",
            path(&fixture("intermediate.pem")),
            "--ca",
            "--json",
        ])
        .ok(),
    );
    validate(
        "keys generate",
        &hsm.tw(&[
            "keys", "generate", "--type", "p256", "--label", "new", "--json",
        ])
        .ok(),
    );
    validate(
        "keys export-public",
        &hsm.tw(&["keys", "export-public", "--key", "new", "--json"])
            .ok(),
    );
    let csr = hsm.path("new.csr");
    validate(
        "keys csr",
        &hsm.tw(&[
            "keys",
            "csr",
            "--key",
            "new",
            "--subject",
            "CN=New",
            "--out",
            path(&csr),
            "--json",
        ])
        .ok(),
    );
    validate(
        "export-config",
        &hsm.tw(&["export-config", "--for", "java", "--key", "01", "--json"])
            .ok(),
    );
    validate("check", &hsm.tw(&["check", "--cert", "01", "--json"]).ok());
    let doc = hsm.write("doc.txt", "payment order 7\n");
    validate(
        "sign",
        &hsm.tw(&["sign", path(&doc), "--key", "01", "--json"]).ok(),
    );
    let sig = format!("{}.p7s", path(&doc));
    validate(
        "verify",
        &hsm.run(&["verify", path(&doc), &sig, "--json"]).ok(),
    );
    validate(
        "keys delete",
        &hsm.tw(&["keys", "delete", "--key", "new", "--yes", "--json"])
            .ok(),
    );
    validate(
        "recovery status",
        &hsm.run(&["recovery", "status", "--json"]).ok(),
    );
    // Failures: the error document, whatever failed.
    validate(
        "error",
        &hsm.run(&["--token", "nope", "tokens", "--json"]).code(3),
    );
    validate(
        "error",
        &hsm.run(&["certs", "show", "nothing", "--json"]).code(2),
    );
    validate(
        "error",
        &hsm.run(&["certs", "list", "--bogus", "--json"]).code(2),
    );
    validate(
        "error",
        &hsm.run_env(
            &["objects", "--login", "--pin-env", "W", "--json"],
            &[("W", "wrong-pin-0")],
        )
        .code(4),
    );
}

#[test]
fn a_document_that_breaks_its_schema_is_caught() {
    let validator = jsonschema::validator_for(&common::schema_of("pin status")).unwrap();
    let good = serde_json::json!({
        "token": {"label": "t", "serial": "1", "uri": "pkcs11:serial=1"},
        "user_pin_initialized": true,
        "user_pin": {"count_low": false, "final_try": false, "locked": false, "to_be_changed": false, "tries_left": null, "reported": "all"},
        "so_pin": {"count_low": false, "final_try": false, "locked": false, "to_be_changed": false, "tries_left": null, "reported": "all"},
        "min_pin_length": 4,
        "max_pin_length": 255,
        "pin_rule": {"profile": null, "description": "8 or more", "impossible": null}
    });
    assert!(validator.is_valid(&good));
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("so_pin");
    assert!(!validator.is_valid(&missing));
    let mut wrong_type = good;
    wrong_type["min_pin_length"] = serde_json::json!("four");
    assert!(!validator.is_valid(&wrong_type));
}
