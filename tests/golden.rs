//! Golden tests: what a person (or a script) sees, pinned in `tests/snapshots/`. Serials,
//! temporary paths, days left, times and durations are redacted; everything else must match
//! to the byte. After an intended change: `SNAPSHOTS=overwrite cargo test --test golden`, then
//! read the diff.

mod common;

use std::path::{Path, PathBuf};

use common::{fixture, path, Hsm, Run};

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// Replace what changes from run to run.
struct Redactions {
    literal: Vec<(String, &'static str)>,
}

impl Redactions {
    fn new(hsm: &Hsm) -> Self {
        Redactions {
            literal: vec![(hsm.dir.path().display().to_string(), "[TMP]")],
        }
    }

    fn with(mut self, value: String, var: &'static str) -> Self {
        self.literal.push((value, var));
        self
    }

    fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (value, var) in &self.literal {
            out = out.replace(value.as_str(), var);
        }
        let rules = [
            (r"\d+ days left", "[N] days left"),
            (r"\(\d+ days?\)", "([N] days)"),
            (r"EXPIRED \d+ days ago", "EXPIRED [N] days ago"),
            (r#""days_left": -?\d+"#, r#""days_left": [N]"#),
            (r"\d+\.\d+ ms", "[MS] ms"),
            (r#""sign_ms": [0-9.e-]+"#, r#""sign_ms": [MS]"#),
            (r#""seconds": [0-9.e-]+"#, r#""seconds": [S]"#),
            (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]"),
            (r"\d{4}-\d\d-\d\d \d\d:\d\d MSK", "[LOCAL TIME]"),
            (r"\b\d{4}-\d\d-\d\d\b", "[DATE]"),
            (r"in \d+\.\d\d s", "in [S] s"),
            (r"Slot \d+:", "Slot [SLOT]:"),
            (r"(Слот|Ranura) \d+:", "$1 [SLOT]:"),
            (r"\((id|номер) \d+\)", "($1 [SLOT])"),
            (r"\d+ (дней|дня|день|días|día)", "[N] [DAYS]"),
            (r"slot ID 0x[0-9a-f]+", "slot ID [SLOT]"),
            (r#""slot_id": \d+"#, r#""slot_id": [SLOT]"#),
            (r"slot-id=\d+", "slot-id=[SLOT]"),
            (r"slot = \d+", "slot = [SLOT]"),
            (r"slotListIndex = \d+", "slotListIndex = [SLOT]"),
        ];
        for (re, with) in rules {
            out = regex::Regex::new(re)
                .unwrap()
                .replace_all(&out, with)
                .into_owned();
        }
        out
    }
}

fn check(name: &str, run: &Run, red: &Redactions) {
    let actual = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        run.code,
        red.apply(&run.stdout),
        red.apply(&run.stderr)
    );
    let file = snapshot_dir().join(format!("{name}.txt"));
    snapbox::assert_data_eq!(actual, snapbox::Data::read_from(&file, None).raw());
}

/// A token with two certificates and their keys (fixed ids), as the screens show it.
fn token() -> (Hsm, Redactions) {
    let hsm = Hsm::with_tokens(&["Accounting"]);
    let serial = hsm.serial_of("Accounting");
    for (file, label, id) in [
        ("modern-rsa.p12", "rsa", "01"),
        ("modern-p256.p12", "p256", "02"),
    ] {
        hsm.tw(&[
            "keys",
            "import",
            path(&fixture(file)),
            "--password-file",
            path(&fixture("password.txt")),
            "--label",
            label,
            "--id",
            id,
        ])
        .ok();
    }
    let red = Redactions::new(&hsm).with(serial, "[SERIAL]");
    (hsm, red)
}

/// The command paths under `args`, read from the "Commands:" section of its help.
fn subcommands(hsm: &Hsm, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--help");
    let help = hsm.run(&all).ok().stdout;
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_help_screen() {
    let hsm = Hsm::new();
    let red = Redactions::new(&hsm);
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(cmd) = queue.pop() {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let mut with_help = args.clone();
        with_help.push("--help");
        let run = hsm.run(&with_help).ok();
        let name = if cmd.is_empty() {
            "tokenward".to_string()
        } else {
            format!("tokenward-{}", cmd.join("-"))
        };
        check(&format!("help/{name}"), &run, &red);
        seen += 1;
        for sub in subcommands(&hsm, &args) {
            let mut next = cmd.clone();
            next.push(sub);
            queue.push(next);
        }
    }
    assert!(seen >= 30, "only {seen} help screens were found");
}

#[test]
fn main_screens_human_and_json() {
    let (hsm, red) = token();
    let doc = hsm.write("invoice.txt", "invoice 42\n");
    let screens: &[(&str, &[&str])] = &[
        ("tokens", &["tokens"]),
        ("pin-status", &["pin", "status"]),
        ("certs-list", &["certs", "list"]),
        ("certs-show", &["certs", "show", "01"]),
        (
            "keys-export-public",
            &["keys", "export-public", "--key", "02"],
        ),
        (
            "export-config-openssl",
            &["export-config", "--for", "openssl", "--key", "02"],
        ),
        ("check", &["check", "--cert", "02"]),
        ("mechanisms-used", &["mechanisms", "--used"]),
    ];
    for (name, args) in screens {
        let needs_pin = matches!(args[0], "keys" | "export-config" | "check");
        let run = |extra: &[&str]| {
            let mut all = args.to_vec();
            all.extend_from_slice(extra);
            if needs_pin {
                hsm.tw(&all)
            } else {
                hsm.run(&all)
            }
        };
        check(&format!("screens/{name}"), &run(&[]).ok(), &red);
        check(
            &format!("screens/{name}.json"),
            &run(&["--json"]).ok(),
            &red,
        );
    }
    // Objects and the certificate list after a login.
    check(
        "screens/objects-login",
        &hsm.tw(&["objects", "--login"]).ok(),
        &red,
    );
    check(
        "screens/certs-list-login.json",
        &hsm.tw(&["certs", "list", "--login", "--json"]).ok(),
        &red,
    );
    // Sign and verify a file.
    let sig = format!("{}.p7s", path(&doc));
    check(
        "screens/sign",
        &hsm.tw(&["sign", path(&doc), "--key", "02"]).ok(),
        &red,
    );
    check(
        "screens/verify",
        &hsm.run(&["verify", path(&doc), &sig]).ok(),
        &red,
    );
    check(
        "screens/verify.json",
        &hsm.run(&["verify", path(&doc), &sig, "--json"]).ok(),
        &red,
    );
}

#[test]
fn changing_screens_human_and_json() {
    // Each command runs twice (text, then JSON) on its own fresh token.
    let cases: &[(&str, &[&str])] = &[
        (
            "keys-generate",
            &[
                "keys", "generate", "--type", "p256", "--label", "new", "--id", "0a",
            ],
        ),
        (
            "keys-import",
            &[
                "keys", "import", "KEY", "--cert", "CERT", "--label", "imported", "--id", "0b",
            ],
        ),
        ("keys-delete", &["keys", "delete", "--key", "02", "--yes"]),
        ("certs-import", &["certs", "import", "INTERMEDIATE", "--ca"]),
        ("certs-select", &["certs", "select", "02"]),
        ("certs-delete", &["certs", "delete", "02", "--yes"]),
        ("pin-change", &["pin", "change", "--new-pin-env", "NEW"]),
        (
            "pin-unblock",
            &[
                "pin",
                "unblock",
                "--so-pin-env",
                "SO",
                "--new-pin-env",
                "NEW",
            ],
        ),
        (
            "sign-batch",
            &["sign", "--batch", "DOCS", "--key", "02", "--format", "raw"],
        ),
        ("objects", &["objects"]),
        ("modules", &["modules"]),
    ];
    for (name, args) in cases {
        for json in [false, true] {
            let (hsm, red) = token();
            let docs = hsm.path("docs");
            std::fs::create_dir(&docs).unwrap();
            for i in 0..3 {
                std::fs::write(docs.join(format!("order-{i}.txt")), format!("order {i}\n"))
                    .unwrap();
            }
            let key = fixture("leaf-p384.key");
            let cert = fixture("leaf-p384.pem");
            let ca = fixture("intermediate.pem");
            let mut all: Vec<&str> = args
                .iter()
                .map(|a| match *a {
                    "KEY" => path(&key),
                    "CERT" => path(&cert),
                    "INTERMEDIATE" => path(&ca),
                    "DOCS" => path(&docs),
                    other => other,
                })
                .collect();
            if json {
                all.push("--json");
            }
            let sub = args.get(1).copied().unwrap_or("");
            let needs_pin = !matches!(args[0], "objects" | "modules" | "certs")
                || matches!(sub, "import" | "delete");
            let env = [("NEW", "NewPin5678"), ("SO", common::SO_PIN)];
            let run = if needs_pin && sub != "unblock" {
                let mut with_pin = all.clone();
                with_pin.extend(["--pin-env", "TW_PIN"]);
                hsm.run_env(&with_pin, &[env[0], env[1], ("TW_PIN", common::USER_PIN)])
            } else {
                hsm.run_env(&all, &env)
            };
            let suffix = if json { ".json" } else { "" };
            check(&format!("changes/{name}{suffix}"), &run.ok(), &red);
        }
    }
}

#[test]
fn main_error_screens_human_and_json() {
    let (hsm, red) = token();
    let doc = hsm.write("invoice.txt", "invoice 42\n");
    hsm.write("invoice.txt.p7s", "already here");
    let errors: &[(&str, &[&str], i32)] = &[
        ("no-such-token", &["--token", "nope", "tokens"], 3),
        (
            "no-module",
            &["--module", "/nonexistent/libnothing.so", "tokens"],
            3,
        ),
        (
            "missing-file",
            &["certs", "import", "/nonexistent/cert.pem"],
            2,
        ),
        ("unknown-option", &["certs", "list", "--bogus"], 2),
        ("no-such-cert", &["certs", "show", "nothing-like-this"], 2),
        ("signature-exists", &["sign", path(&doc), "--key", "02"], 2),
        (
            "wrong-pin",
            &["objects", "--login", "--pin-env", "WRONG"],
            4,
        ),
    ];
    for (name, args, code) in errors {
        for json in [false, true] {
            let mut all = args.to_vec();
            if json {
                all.push("--json");
            }
            let run = if args.contains(&"sign") {
                hsm.tw(&all)
            } else {
                hsm.run_env(&all, &[("WRONG", "not-the-pin-0")])
            };
            let run = run.code(*code);
            if json {
                let v = run.json();
                assert_eq!(v["error"]["exit_code"], *code, "{name}: {v}");
                check(&format!("errors/{name}.json"), &run, &red);
            } else {
                check(&format!("errors/{name}"), &run, &red);
            }
        }
    }
    // Nothing above changed the token: the SO PIN still works and the objects are there.
    let out = hsm.pkcs11_tool(&["-O"]);
    assert!(out.stdout.contains("Certificate Object"), "{}", out.stdout);
}

#[test]
fn screens_errors_and_help_in_russian_and_spanish() {
    let (hsm, red) = token();
    let screens: &[(&str, &[&str], i32)] = &[
        ("tokens", &["tokens"], 0),
        ("pin-status", &["pin", "status"], 0),
        ("certs-list", &["certs", "list"], 0),
        ("no-such-token", &["--token", "nope", "tokens"], 3),
        (
            "no-module",
            &["--module", "/nonexistent/libnothing.so", "tokens"],
            3,
        ),
        (
            "wrong-pin",
            &["objects", "--login", "--pin-env", "WRONG"],
            4,
        ),
        (
            "policy",
            &[
                "pin",
                "change",
                "--pin-env",
                "TW_PIN",
                "--new-pin-env",
                "NEW",
            ],
            6,
        ),
        ("certs-show", &["certs", "show", "01"], 0),
        ("objects", &["objects"], 0),
        ("modules", &["modules"], 0),
        (
            "check",
            &["check", "--cert", "02", "--pin-env", "TW_PIN"],
            0,
        ),
        ("help", &["--help"], 0),
        ("help-pin-change", &["pin", "change", "--help"], 0),
        ("ambiguous-cert", &["certs", "select", "ivanov"], 2),
        ("mechanisms-used", &["mechanisms", "--used"], 0),
    ];
    for lang in ["ru_RU.UTF-8", "es_MX.UTF-8"] {
        let short = &lang[..2];
        for (name, args, code) in screens {
            let env = [
                ("LANG", lang),
                ("LC_ALL", lang),
                ("WRONG", "not-the-pin-0"),
                ("TW_PIN", common::USER_PIN),
                ("NEW", "short1"),
            ];
            let run = hsm.run_env(args, &env).code(*code);
            check(&format!("{short}/{name}"), &run, &red);
        }
    }
}
