//! One test per bug that was fixed, named for the bug, so that it stays fixed.

mod common;

use std::process::Stdio;

use common::{fixture, path, Hsm, USER_PIN};

fn token_with_key() -> Hsm {
    let hsm = Hsm::with_tokens(&["reg"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    hsm
}

#[test]
fn tokens_json_without_a_token_printed_a_success_shaped_document() {
    let hsm = Hsm::with_tokens(&["reg"]);
    let out = hsm
        .run_faulty(&[("P11FAULT_TOKEN_ABSENT", "1")], &["tokens", "--json"])
        .code(3);
    let v = out.json();
    assert_eq!(v["error"]["kind"], "no_token");
    assert!(v.get("slots").is_none(), "{v}");
}

#[test]
fn modules_json_dropped_origin_detail() {
    let hsm = Hsm::with_tokens(&["reg"]);
    let v = hsm.run(&["modules", "--json"]).ok().json();
    let origin = &v["modules"][0]["origin"];
    assert!(origin.get("detail").is_some(), "{v}");
    assert!(origin["detail"].is_null(), "{v}");
}

#[test]
fn a_closed_pipe_in_json_mode_exited_2() {
    let hsm = token_with_key();
    let mut child = hsm
        .tokenward()
        .args(["objects", "--login", "--pin-env", "P", "--json"])
        .env("P", USER_PIN)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the pipe before tokenward writes: like `| head -0`.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn certs_export_json_without_out_printed_pem() {
    let hsm = token_with_key();
    let v = hsm.run(&["certs", "export", "leaf", "--json"]).ok().json();
    assert!(v["pem"]
        .as_str()
        .unwrap()
        .starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(v["written"].is_null());
    assert_eq!(v["format"], "pem");
}

#[test]
fn token_init_offered_pin_flags_it_ignored() {
    let hsm = Hsm::new();
    let pin = hsm.write("pin", "12345678");
    let out = hsm
        .run(&["token", "init", "--label", "x", "--pin-file", path(&pin)])
        .code(2);
    assert!(out.stderr.contains("--pin-file"), "{}", out.stderr);
    // …and `tokens` offers no PIN flags at all.
    assert!(!hsm.run(&["tokens", "--help"]).ok().stdout.contains("--pin"));
}

#[test]
fn usage_errors_in_json_mode_printed_no_json() {
    let hsm = Hsm::new();
    let v = hsm
        .run(&["certs", "list", "--bogus", "--json"])
        .code(2)
        .json();
    assert_eq!(v["error"]["kind"], "usage");
    assert_eq!(v["error"]["reason"], "unknown_argument");
    assert_eq!(v["error"]["exit_code"], 2);
}

#[test]
fn candidates_came_in_the_order_the_module_returned_them() {
    let hsm = Hsm::with_tokens(&["reg"]);
    hsm.import_p12("modern-rsa.p12", "b-second");
    hsm.import_p12("modern-p256.p12", "a-first");
    for _ in 0..3 {
        let v = hsm
            .run(&["certs", "show", "nothing", "--json"])
            .code(2)
            .json();
        let labels: Vec<&str> = v["error"]["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["label"].as_str().unwrap())
            .collect();
        let mut sorted = labels.clone();
        sorted.sort();
        assert_eq!(labels, sorted);
    }
}

#[test]
fn certificate_import_delete_and_export_were_not_audited() {
    let hsm = Hsm::with_tokens(&["reg"]);
    hsm.import_p12("modern-p256.p12", "leaf");
    hsm.tw(&[
        "certs",
        "import",
        path(&fixture("intermediate.pem")),
        "--ca",
    ])
    .ok();
    let out = hsm.path("leaf.pem");
    hsm.run(&["certs", "export", "leaf", "--out", path(&out)])
        .ok();
    hsm.tw(&["certs", "delete", "leaf", "--yes"]).ok();
    let log = std::fs::read_to_string(hsm.path("state/tokenward/audit.log")).unwrap();
    for event in ["cert_imported", "cert_exported", "cert_deleted"] {
        assert!(
            log.contains(&format!("\"{event}\"")),
            "{event} missing:\n{log}"
        );
    }
}

#[test]
fn private_key_exports_were_world_readable() {
    use std::os::unix::fs::PermissionsExt;
    let hsm = Hsm::with_tokens(&["reg"]);
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
    let out = hsm.path("x.p8");
    hsm.run_env(
        &[
            "keys",
            "export-private",
            "--key",
            "x",
            "--out",
            path(&out),
            "--pin-env",
            "P",
            "--new-password-env",
            "P",
        ],
        &[("P", USER_PIN)],
    )
    .ok();
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn out_followed_a_planted_symlink() {
    let hsm = token_with_key();
    let victim = hsm.write("victim", "keep me");
    let planted = hsm.path("cert.pem");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    // Without --force the link counts as an existing file; with it, the link is replaced.
    hsm.run(&["certs", "export", "leaf", "--out", path(&planted)])
        .code(2);
    hsm.run(&[
        "certs",
        "export",
        "leaf",
        "--out",
        path(&planted),
        "--force",
    ])
    .ok();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(!std::fs::symlink_metadata(&planted).unwrap().is_symlink());
}

#[test]
fn a_device_as_input_file_was_read_without_end() {
    let hsm = token_with_key();
    let v = hsm
        .tw(&["certs", "import", "/dev/zero", "--json"])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "not_a_regular_file");
}

#[test]
fn a_missing_output_folder_was_found_only_after_the_pin() {
    let hsm = token_with_key();
    // No PIN source and no terminal: if the PIN were asked first, this would be secret_input.
    let v = hsm
        .run(&[
            "keys",
            "export-public",
            "--key",
            "leaf",
            "--out",
            "/nonexistent-folder/leaf.pem",
            "--json",
        ])
        .code(2)
        .json();
    assert_eq!(v["error"]["reason"], "no_such_folder");
}
