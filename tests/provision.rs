//! `tokenward provision`: many SoftHSM2 tokens from one manifest, checked with pkcs11-tool,
//! openssl and Debian's `age`; faults from p11-fault; refusals that touch no token.

mod common;

use common::{path, Hsm, Run, SO_PIN, USER_PIN};
use serde_json::Value;

/// A new age key pair in the test directory: (identity file, recipient).
fn age_key(hsm: &Hsm) -> (std::path::PathBuf, String) {
    let key = hsm.path("admin.key");
    hsm.run_peer("age-keygen", &["-o", path(&key)]).ok();
    let text = std::fs::read_to_string(&key).unwrap();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .expect("age-keygen writes the public key")
        .to_string();
    (key, recipient)
}

/// The manifest head for generated PINs, keys and requests.
fn defaults(recipient: &str) -> String {
    format!(
        "[defaults]\nkey = \"p256\"\nso_pin = {{ generate = 16 }}\nuser_pin = {{ generate = 10 }}\n\
         csr_dir = \"csr\"\npin_sheet = {{ age_recipient = \"{recipient}\" }}\n\
         label = \"Staff {{n:02}}\"\nsubject = \"CN={{label}},O=Romashka,C=RU\"\n"
    )
}

fn blanks(n: usize) -> String {
    "\n[[token]]\nblank = true\n".repeat(n)
}

/// Lines of the decrypted PIN sheet: (serial, label, SO PIN, user PIN).
fn sheet(hsm: &Hsm, key: &std::path::Path, file: &str) -> Vec<[String; 4]> {
    let out = hsm
        .run_peer("age", &["-d", "-i", path(key), path(&hsm.path(file))])
        .ok();
    out.stdout
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<String> = l.split(',').map(str::to_string).collect();
            [f[0].clone(), f[1].clone(), f[2].clone(), f[3].clone()]
        })
        .collect()
}

/// pkcs11-tool logs in as SO with `pin` and sets the same SO PIN again (a read-write SO
/// session, which `-O` cannot open; `--pin` is the old PIN of `--change-pin`).
fn so_pin_works(hsm: &Hsm, label: &str, pin: &str) -> Run {
    hsm.pkcs11_tool(&[
        "--token-label",
        label,
        "--change-pin",
        "--login",
        "--login-type",
        "so",
        "--so-pin",
        pin,
        "--pin",
        pin,
        "--new-pin",
        pin,
    ])
}

fn tokens(report: &Value) -> &Vec<Value> {
    report["tokens"].as_array().expect("tokens")
}

fn provision(hsm: &Hsm, args: &[&str]) -> Run {
    let mut all = vec!["--json", "provision"];
    all.extend_from_slice(args);
    hsm.run(&all)
}

#[test]
fn ten_tokens_from_one_manifest_are_initialised_with_keys_requests_and_a_sealed_pin_sheet() {
    let hsm = Hsm::new();
    let (key, recipient) = age_key(&hsm);
    let mut manifest = defaults(&recipient);
    manifest.push_str(&blanks(6));
    manifest.push_str(
        "\n[[token]]\nblank = true\nlabel = \"Бухгалтерия 07\"\n\
         subject = \"CN=Иванов Иван,O=ООО Ромашка,C=RU,INN=7701234560\"\n",
    );
    manifest.push_str(&blanks(3));
    let file = hsm.write("staff.toml", manifest);
    let run = provision(&hsm, &[path(&file)]).ok();
    let report = run.json();
    common::assert_schema("provision", &report);
    let list = tokens(&report);
    assert_eq!(list.len(), 10);
    assert!(list.iter().all(|t| t["status"] == "done"), "{}", run.stdout);

    // pkcs11-tool sees every label, initialised with a user PIN.
    let listed = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    for n in [1, 2, 3, 4, 5, 6, 8, 9, 10] {
        assert!(listed.contains(&format!("Staff {n:02}")), "{listed}");
    }
    assert!(listed.contains("Бухгалтерия 07"), "{listed}");
    assert_eq!(listed.matches("PIN initialized").count(), 10, "{listed}");

    // Each request verifies with openssl and carries its subject.
    for t in list {
        let csr = t["csr"].as_str().unwrap();
        let verified = hsm.run_peer("openssl", &["req", "-verify", "-noout", "-in", csr]);
        assert!(
            verified.all_output().contains("verify OK"),
            "{}",
            verified.all_output()
        );
    }
    let accounting = &list[6];
    let subject = hsm
        .run_peer(
            "openssl",
            &[
                "req",
                "-noout",
                "-subject",
                "-nameopt",
                "utf8",
                "-in",
                accounting["csr"].as_str().unwrap(),
            ],
        )
        .ok()
        .stdout;
    assert!(subject.contains("CN=Иванов Иван"), "{subject}");

    // `age -d` opens the sheet; every PIN logs in with pkcs11-tool, the SO PIN as SO.
    let lines = sheet(&hsm, &key, "staff.pins.age");
    assert_eq!(lines.len(), 10);
    let output =
        run.all_output() + &std::fs::read_to_string(hsm.path("staff.report.json")).unwrap();
    for [serial, label, so, user] in &lines {
        assert!(list
            .iter()
            .any(|t| t["serial"] == serial.as_str() && t["label"] == label.as_str()));
        assert!(!output.contains(user.as_str()) && !output.contains(so.as_str()));
        let objects = hsm
            .pkcs11_tool(&["--token-label", label, "--login", "--pin", user, "-O"])
            .ok()
            .stdout;
        assert!(objects.contains("Private Key Object; EC"), "{objects}");
        so_pin_works(&hsm, label, so).ok();
    }
    let audit = std::fs::read_to_string(hsm.path("state/tokenward/audit.log")).unwrap();
    assert_eq!(audit.matches("provisioned from").count(), 10, "{audit}");
    assert_eq!(audit.matches("key_generated").count(), 10, "{audit}");
    assert!(lines
        .iter()
        .all(|[_, _, so, user]| !audit.contains(so.as_str()) && !audit.contains(user.as_str())));

    // Run again: nothing is touched, nothing is generated.
    let again = provision(&hsm, &[path(&file)]).ok().json();
    assert!(tokens(&again).iter().all(|t| t["status"] == "already_done"));
    assert!(again["pin_sheet"].is_null());
    assert!(!hsm.path("staff-2.pins.age").exists());
}

#[test]
fn a_device_error_on_the_fourth_token_is_reported_and_a_rerun_finishes_only_it() {
    let hsm = Hsm::new();
    let (key, recipient) = age_key(&hsm);
    let file = hsm.write("staff.toml", defaults(&recipient) + &blanks(10));
    // The fourth key generation of the run fails with a device error.
    let faults = [("P11FAULT_GENERATE_FAIL_NTH", "4")];
    let run = hsm
        .run_faulty(&faults, &["--json", "provision", path(&file)])
        .code(1);
    let report = run.json();
    common::assert_schema("provision", &report);
    let list = tokens(&report);
    let fourth = &list[3];
    assert_eq!(fourth["status"], "failed", "{}", run.stdout);
    assert_eq!(fourth["steps"], serde_json::json!(["initialised"]));
    assert_eq!(fourth["error"]["ckr"], "CKR_DEVICE_ERROR");
    assert!(run.stderr.is_empty() || !run.stderr.contains("panicked"));
    for (i, t) in list.iter().enumerate().filter(|(i, _)| *i != 3) {
        assert_eq!(t["status"], "done", "token {}: {}", i + 1, run.stdout);
    }
    // The token is initialised, without a key.
    let serial = fourth["serial"].as_str().unwrap().to_string();
    let lines = sheet(&hsm, &key, "staff.pins.age");
    let [_, label, _, user] = lines.iter().find(|l| l[0] == serial).unwrap().clone();
    let objects = hsm
        .pkcs11_tool(&["--token-label", &label, "--login", "--pin", &user, "-O"])
        .ok()
        .stdout;
    assert!(!objects.contains("Key Object"), "{objects}");

    // Without the age identity the PINs are out of reach: refused before anything is done.
    let refused = provision(&hsm, &[path(&file)]).code(2);
    assert_eq!(refused.json()["error"]["reason"], "pins_in_sheet");
    // With it, only the fourth is finished.
    let rerun = provision(&hsm, &["--identity", path(&key), path(&file)])
        .ok()
        .json();
    let list = tokens(&rerun);
    assert_eq!(list[3]["status"], "done");
    assert_eq!(
        list.iter()
            .filter(|t| t["status"] == "already_done")
            .count(),
        9
    );
    let csr = list[3]["csr"].as_str().unwrap();
    let verified = hsm.run_peer("openssl", &["req", "-verify", "-noout", "-in", csr]);
    assert!(verified.all_output().contains("verify OK"));
    let objects = hsm
        .pkcs11_tool(&["--token-label", &label, "--login", "--pin", &user, "-O"])
        .ok()
        .stdout;
    assert_eq!(
        objects.matches("Private Key Object").count(),
        1,
        "{objects}"
    );
}

/// Provision with `manifest`; it must be refused with exit 2 and `words` in the message, and
/// no token, report or sheet may change.
fn refused(hsm: &Hsm, manifest: &str, words: &[&str]) -> Value {
    let before = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    let file = hsm.write("bad.toml", manifest);
    let run = provision(hsm, &[path(&file)]).code(2);
    let message = run.json()["error"]["message"].as_str().unwrap().to_string();
    for w in words {
        assert!(message.contains(w), "{w:?} not in {message:?}");
    }
    assert_eq!(hsm.pkcs11_tool(&["-L"]).ok().stdout, before);
    assert!(!hsm.path("bad.report.json").exists());
    assert!(!hsm.path("bad.pins.age").exists());
    run.json()
}

#[test]
fn manifests_with_mistakes_are_refused_with_their_line_before_any_token_is_touched() {
    let hsm = Hsm::with_tokens(&["Existing"]);
    let serial = hsm.serial_of("Existing");
    let (_, recipient) = age_key(&hsm);
    let head = defaults(&recipient);
    let head_lines = head.lines().count();

    // A misspelt key: named as the manifest's, not the configuration's.
    let e = refused(
        &hsm,
        &format!("{head}\n[[token]]\nblank = true\nlable = \"Staff\"\n"),
        &[&format!("line {}", head_lines + 4), "lable"],
    );
    assert_eq!(e["error"]["reason"], "syntax");
    // A PIN file that is not there.
    let e = refused(
        &hsm,
        &format!("{head}\n[[token]]\nblank = true\nuser_pin = {{ file = \"missing.pin\" }}\n"),
        &["missing.pin", &format!("line {}", head_lines + 2)],
    );
    assert_eq!(e["error"]["exit_code"], 2);
    // A label over 32 bytes (16 Cyrillic letters are 32 bytes; 17 are 34).
    let e = refused(
        &hsm,
        &format!(
            "{head}\n[[token]]\nblank = true\nlabel = \"{}\"\n",
            "Ж".repeat(17)
        ),
        &["34", "32", &format!("line {}", head_lines + 2)],
    );
    assert_eq!(e["error"]["reason"], "label_too_long");
    // An initialised token named without reinitialise.
    let e = refused(
        &hsm,
        &format!("{head}\n[[token]]\nserial = \"{serial}\"\n"),
        &["Existing", &serial],
    );
    assert_eq!(e["error"]["reason"], "not_blank");
    // Generated PINs with nowhere to go.
    refused(
        &hsm,
        "[defaults]\nso_pin = { generate = 16 }\nuser_pin = { generate = 10 }\nlabel = \"S{n}\"\n\n[[token]]\nblank = true\n",
        &["nowhere"],
    );
    // A generated PIN shorter than the policy allows.
    let e = refused(
        &hsm,
        &format!(
            "{}\n[[token]]\nblank = true\n",
            head.replace("generate = 10", "generate = 6")
        ),
        &["6"],
    );
    assert_eq!(e["error"]["reason"], "generated_length");
    // The Russian words come from the catalogue; the JSON kind does not change.
    let file = hsm.write(
        "typo.toml",
        format!("{head}\n[[token]]\nserial = \"{serial}\"\n"),
    );
    let ru = hsm.run(&["--lang", "ru", "provision", path(&file)]).code(2);
    assert!(ru.stderr.contains("уже инициализирован"), "{}", ru.stderr);
}

#[test]
fn a_named_token_is_erased_only_with_reinitialise_and_its_current_so_pin() {
    let hsm = Hsm::with_tokens(&["Old"]);
    let serial = hsm.serial_of("Old");
    hsm.tw(&["keys", "generate", "--type", "p256", "--label", "old key"])
        .ok();
    hsm.write("current-so.pin", format!("{SO_PIN}\n"));
    hsm.write("user.pin", "Staff2026pin\n");
    let manifest = format!(
        "[defaults]\nkey = \"none\"\nso_pin = {{ env = \"NEW_SO\" }}\nuser_pin = {{ file = \"user.pin\" }}\n\n\
         [[token]]\nserial = \"{serial}\"\nreinitialise = true\nlabel = \"Fresh\"\ncurrent_so_pin = {{ file = \"current-so.pin\" }}\n"
    );
    let file = hsm.write("staff.toml", manifest);
    let run = hsm
        .run_env(
            &["--json", "provision", path(&file)],
            &[("NEW_SO", "NewSoPin2026")],
        )
        .ok();
    assert_eq!(tokens(&run.json())[0]["status"], "done");
    assert!(run.json()["pin_sheet"].is_null(), "no PIN was generated");
    let listed = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    assert!(
        listed.contains("Fresh") && !listed.contains("Old "),
        "{listed}"
    );
    // The old key is gone; the new user PIN and the new SO PIN log in; the old SO PIN does not.
    let objects = hsm
        .pkcs11_tool(&[
            "--token-label",
            "Fresh",
            "--login",
            "--pin",
            "Staff2026pin",
            "-O",
        ])
        .ok()
        .stdout;
    assert!(!objects.contains("old key"), "{objects}");
    so_pin_works(&hsm, "Fresh", "NewSoPin2026").ok();
    assert_ne!(so_pin_works(&hsm, "Fresh", SO_PIN).code, 0);
    let _ = USER_PIN;
}

#[test]
fn issued_certificates_go_to_the_token_that_holds_their_key() {
    let hsm = Hsm::new();
    let (key, recipient) = age_key(&hsm);
    let file = hsm.write("staff.toml", defaults(&recipient) + &blanks(2));
    let report = provision(&hsm, &[path(&file)]).ok().json();
    // A CA issues a certificate for each request.
    let ca_key = hsm.path("ca.key");
    let ca = hsm.path("ca.pem");
    hsm.run_peer(
        "openssl",
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            path(&ca_key),
            "-out",
            path(&ca),
            "-subj",
            "/CN=Test CA",
            "-days",
            "30",
        ],
    )
    .ok();
    let issued = hsm.path("issued");
    std::fs::create_dir(&issued).unwrap();
    for t in tokens(&report) {
        let out = issued.join(format!("{}.pem", t["serial"].as_str().unwrap()));
        hsm.run_peer(
            "openssl",
            &[
                "x509",
                "-req",
                "-in",
                t["csr"].as_str().unwrap(),
                "-CA",
                path(&ca),
                "-CAkey",
                path(&ca_key),
                "-CAcreateserial",
                "-days",
                "30",
                "-out",
                path(&out),
            ],
        )
        .ok();
    }
    let placed = provision(
        &hsm,
        &[
            "--certs",
            path(&issued),
            "--identity",
            path(&key),
            path(&file),
        ],
    )
    .ok()
    .json();
    common::assert_schema("provision-certs", &placed);
    let certs = placed["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 2);
    for c in certs {
        let serial = c["token"]["serial"].as_str().unwrap();
        assert!(c["file"].as_str().unwrap().contains(serial), "{c}");
        assert_eq!(c["status"], "imported");
        let label = c["token"]["label"].as_str().unwrap();
        let objects = hsm
            .pkcs11_tool(&["--token-label", label, "--type", "cert", "-O"])
            .ok()
            .stdout;
        assert!(objects.contains("Certificate Object"), "{objects}");
    }
    // A certificate for a key on none of the tokens is named, with exit 2.
    std::fs::copy(&ca, issued.join("stray.pem")).unwrap();
    let run = provision(&hsm, &["--certs", path(&issued), path(&file)]).code(2);
    let stray = run.json()["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["file"].as_str().unwrap().ends_with("stray.pem"))
        .cloned()
        .unwrap();
    assert_eq!(stray["status"], "no_token");
    assert!(stray["token"].is_null());
}

#[test]
fn a_key_whose_request_cannot_be_signed_is_removed_again() {
    let hsm = Hsm::new();
    let (key, recipient) = age_key(&hsm);
    let file = hsm.write("staff.toml", defaults(&recipient) + &blanks(1));
    // Every signature fails: the request cannot be made, the key made for it goes again.
    let faults = [
        ("P11FAULT_SIGN_FAIL_AFTER", "0"),
        ("P11FAULT_SIGN_FAIL_RV", "CKR_DEVICE_ERROR"),
    ];
    let run = hsm
        .run_faulty(
            &faults,
            &["--json", "provision", "--stop-on-error", path(&file)],
        )
        .code(1);
    let report = run.json();
    let token = &tokens(&report)[0];
    assert_eq!(token["status"], "failed");
    assert_eq!(token["steps"], serde_json::json!(["initialised"]));
    assert_eq!(token["rolled_back"], serde_json::json!(["key_pair"]));
    assert!(token["key_id"].is_null());
    let [_, label, _, user] = sheet(&hsm, &key, "staff.pins.age").remove(0);
    let objects = hsm
        .pkcs11_tool(&["--token-label", &label, "--login", "--pin", &user, "-O"])
        .ok()
        .stdout;
    assert!(!objects.contains("Key Object"), "{objects}");
    // The table says the same in words.
    let text = hsm
        .run_faulty(
            &faults,
            &["provision", "--identity", path(&key), path(&file)],
        )
        .code(1);
    assert!(text.stdout.contains("removed again"), "{}", text.stdout);
    assert!(text.stderr.contains("1 token failed"), "{}", text.stderr);
}

/// A running `tokenward provision --station`, killed when dropped (also when a test fails).
struct Station {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Station {
    fn start(mut cmd: std::process::Command) -> Self {
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start the station");
        let (tx, rx) = std::sync::mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Station {
            child,
            lines: rx,
            seen: Vec::new(),
        }
    }

    /// Wait (up to a minute, for a loaded machine) for a line holding `text`.
    fn expect(&mut self, text: &str) -> String {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = end.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => panic!("no line with {text:?}; seen:\n{}", self.seen.join("\n")),
            }
        }
    }

    /// Wait (up to a minute) for the process to end; its exit code and the rest of its
    /// standard output.
    fn finish(mut self) -> (i32, String) {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::time::Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                let rest: Vec<String> = self.lines.try_iter().collect();
                return (status.code().unwrap_or(-1), rest.join("\n"));
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the station did not end; seen:\n{}", self.seen.join("\n"));
    }
}

impl Drop for Station {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Factory tokens made in a SoftHSM2 directory of their own, to be "plugged in" to `hsm` by
/// moving their folders into its token directory: (serial, folder) each.
fn factory_tokens(labels: &[&str]) -> (Hsm, Vec<(String, std::path::PathBuf)>) {
    let stage = Hsm::with_tokens(labels);
    let dirs: Vec<std::path::PathBuf> = std::fs::read_dir(stage.path("tokens"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let tokens = labels
        .iter()
        .map(|l| {
            let serial = stage.serial_of(l);
            // SoftHSM2 names a token's folder after its serial (the last 16 hex digits).
            let tail = format!("{}-{}", &serial[..4], &serial[4..]);
            let dir = dirs
                .iter()
                .find(|d| d.to_string_lossy().ends_with(&tail))
                .unwrap_or_else(|| panic!("no folder for {serial} in {dirs:?}"))
                .clone();
            (serial, dir)
        })
        .collect();
    (stage, tokens)
}

fn plug_in(hsm: &Hsm, dir: &std::path::Path) {
    std::fs::rename(dir, hsm.path("tokens").join(dir.file_name().unwrap())).unwrap();
}

#[test]
fn a_station_provisions_tokens_as_they_are_plugged_in_one_after_another() {
    let hsm = Hsm::new();
    let (_stage, factory) = factory_tokens(&["Factory A", "Factory B"]);
    hsm.write("so.pin", format!("{SO_PIN}\n"));
    hsm.write("user.pin", "Staff2026pin\n");
    let mut manifest = String::from(
        "[defaults]\nkey = \"p256\"\nso_pin = { env = \"NEW_SO\" }\nuser_pin = { file = \"user.pin\" }\n\
         current_so_pin = { file = \"so.pin\" }\n",
    );
    for (i, (serial, _)) in factory.iter().enumerate() {
        manifest.push_str(&format!(
            "\n[[token]]\nserial = \"{serial}\"\nreinitialise = true\nlabel = \"Staff {}\"\n",
            i + 1
        ));
    }
    let file = hsm.write("station.toml", manifest);
    let mut cmd = hsm.tokenward();
    cmd.args(["provision", "--station", path(&file)])
        .env("NEW_SO", "NewSoPin2026");
    let mut station = Station::start(cmd);
    station.expect("Plug in the next token (2 to go)");
    plug_in(&hsm, &factory[0].1);
    let first = station.expect("\"Staff 1\" (serial");
    assert!(
        first.contains(&factory[0].0) && first.contains("done"),
        "{first}"
    );
    station.expect("Plug in the next token (1 to go)");
    plug_in(&hsm, &factory[1].1);
    let second = station.expect("\"Staff 2\" (serial");
    assert!(
        second.contains(&factory[1].0) && second.contains("done"),
        "{second}"
    );
    let (code, rest) = station.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("2 done"), "{rest}");
    let listed = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    assert!(
        listed.contains("Staff 1") && listed.contains("Staff 2"),
        "{listed}"
    );
    let objects = hsm
        .pkcs11_tool(&[
            "--token-label",
            "Staff 2",
            "--login",
            "--pin",
            "Staff2026pin",
            "-O",
        ])
        .ok()
        .stdout;
    assert!(objects.contains("Private Key Object; EC"), "{objects}");
}

#[test]
fn ctrl_c_ends_a_station_with_its_report_and_nothing_half_done() {
    let hsm = Hsm::new();
    let (_stage, factory) = factory_tokens(&["Factory A"]);
    hsm.write("so.pin", format!("{SO_PIN}\n"));
    let manifest = format!(
        "[defaults]\nkey = \"none\"\nso_pin = {{ env = \"NEW_SO\" }}\nuser_pin = {{ env = \"NEW_SO\" }}\n\
         current_so_pin = {{ file = \"so.pin\" }}\n\n[[token]]\nserial = \"{}\"\nreinitialise = true\nlabel = \"Staff 1\"\n",
        factory[0].0
    );
    let file = hsm.write("station.toml", manifest);
    let mut cmd = hsm.tokenward();
    cmd.args(["provision", "--station", path(&file)])
        .env("NEW_SO", "NewSoPin2026");
    let mut station = Station::start(cmd);
    station.expect("waiting");
    let pid = rustix::process::Pid::from_child(&station.child);
    rustix::process::kill_process(pid, rustix::process::Signal::INT).unwrap();
    let (code, rest) = station.finish();
    assert_eq!(code, 130, "{rest}");
    assert!(rest.contains("1 not started"), "{rest}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(hsm.path("station.report.json")).unwrap())
            .unwrap();
    assert_eq!(tokens(&report)[0]["status"], "not_started");
}

#[test]
fn a_run_killed_right_after_setting_a_pin_is_finished_by_the_next_run() {
    let hsm = Hsm::new();
    let (key, recipient) = age_key(&hsm);
    let file = hsm.write("staff.toml", defaults(&recipient) + &blanks(2));
    // The process dies right after the first token's user PIN is set, before the report
    // records it.
    let killed = hsm.run_faulty(
        &[("P11FAULT_ABORT_AFTER_INIT_PIN", "1")],
        &["--json", "provision", path(&file)],
    );
    assert_ne!(killed.code, 0);
    assert!(hsm.pkcs11_tool(&["-L"]).ok().stdout.contains("Staff 01"));
    // Its PINs are in the first run's sheet, so the identity is needed to finish it.
    assert_eq!(
        provision(&hsm, &[path(&file)]).code(2).json()["error"]["reason"],
        "pins_in_sheet"
    );
    let done = provision(&hsm, &["--identity", path(&key), path(&file)])
        .ok()
        .json();
    let list = tokens(&done);
    assert!(list.iter().all(|t| t["status"] == "done"), "{done}");
    // The first token kept the PINs of the killed run; the second got its own sheet.
    let [_, label, _, user] = sheet(&hsm, &key, "staff.pins.age").remove(0);
    assert_eq!(label, "Staff 01");
    let objects = hsm
        .pkcs11_tool(&["--token-label", "Staff 01", "--login", "--pin", &user, "-O"])
        .ok()
        .stdout;
    assert!(objects.contains("Private Key Object; EC"), "{objects}");
    assert_eq!(sheet(&hsm, &key, "staff-2.pins.age")[0][1], "Staff 02");
    assert_eq!(
        hsm.pkcs11_tool(&["-L"])
            .ok()
            .stdout
            .matches("PIN initialized")
            .count(),
        2
    );
}

#[test]
fn a_plain_pin_sheet_is_private_and_warned_about_and_the_report_comes_as_csv() {
    use std::os::unix::fs::PermissionsExt;
    let hsm = Hsm::new();
    let manifest = "[defaults]\nkey = \"none\"\nso_pin = { generate = 12 }\nuser_pin = { generate = 8 }\n\
                    user_pin_must_change = true\npin_sheet = { file = \"pins.csv\" }\nlabel = \"Desk {n}\"\n\n\
                    [[token]]\nblank = true\n\n[[token]]\nblank = true\n";
    let file = hsm.write("desk.toml", manifest);
    let run = hsm.run(&["provision", "--csv", path(&file)]).ok();
    let mut csv = csv_rows(&run.stdout);
    assert_eq!(csv.remove(0)[..4], ["number", "label", "serial", "status"]);
    assert_eq!(csv.len(), 2);
    assert!(
        csv.iter().all(|r| r[3] == "done" && r[4] == "initialised"),
        "{csv:?}"
    );
    assert!(
        run.stderr.contains("plain text") && run.stderr.contains("pins.csv"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("pin change"), "{}", run.stderr);
    let sheet = hsm.path("pins.csv");
    assert_eq!(
        std::fs::metadata(&sheet).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::fs::read_to_string(&sheet).unwrap();
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        assert!(!run.stdout.contains(f[3]) && !run.stderr.contains(f[3]));
        hsm.pkcs11_tool(&["--token-label", f[1], "--login", "--pin", f[3], "-O"])
            .ok();
    }
    // A plain sheet that is not text (damaged, or not tokenward's): refused before any
    // token is touched, as a file to fix, not as a configuration.
    let broken = hsm.write("broken.csv", [0xffu8, 0xfe, b'\n']);
    let second = hsm.write(
        "desk2.toml",
        manifest.replace("pins.csv", path(&broken)).as_str(),
    );
    let before = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    let refused = hsm.run(&["provision", path(&second)]).code(2);
    assert!(
        refused
            .stderr
            .contains("broken.csv is not a UTF-8 text file")
            && refused.stderr.contains("save it as UTF-8 text"),
        "{}",
        refused.stderr
    );
    assert_eq!(hsm.pkcs11_tool(&["-L"]).ok().stdout, before);
    // A misspelt section is refused with its line.
    let bad = hsm.write("bad.toml", "[defualts]\nkey = \"none\"\n");
    let refused = hsm.run(&["provision", path(&bad)]).code(2);
    assert!(
        refused.stderr.contains("line 1") && refused.stderr.contains("defualts"),
        "{}",
        refused.stderr
    );
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn a_station_with_count_takes_blank_tokens_with_the_defaults_and_prints_json_lines() {
    let hsm = Hsm::new();
    let manifest = "[defaults]\nkey = \"p256\"\nso_pin = { env = \"NEW_SO\" }\nuser_pin = { env = \"NEW_USER\" }\n\
                    label = \"Staff {n:02}\"\n";
    let file = hsm.write("defaults.toml", manifest);
    // SoftHSM2 always shows a blank token, and another once one is initialised.
    let run = hsm
        .run_env(
            &[
                "--json",
                "provision",
                "--station",
                "--count",
                "2",
                path(&file),
            ],
            &[("NEW_SO", "NewSoPin2026"), ("NEW_USER", "NewUser2026")],
        )
        .ok();
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    for (i, line) in lines.iter().enumerate() {
        common::assert_schema("provision-station", line);
        assert_eq!(line["status"], "done");
        assert_eq!(line["label"], format!("Staff {:02}", i + 1));
        assert_eq!(
            line["steps"],
            serde_json::json!(["initialised", "key_generated"])
        );
    }
    let objects = hsm
        .pkcs11_tool(&[
            "--token-label",
            "Staff 02",
            "--login",
            "--pin",
            "NewUser2026",
            "-O",
        ])
        .ok()
        .stdout;
    assert!(objects.contains("Private Key Object; EC"), "{objects}");
}

#[test]
fn stop_on_error_leaves_the_tokens_after_a_failure_untouched() {
    let hsm = Hsm::new();
    let (_, recipient) = age_key(&hsm);
    let file = hsm.write("staff.toml", defaults(&recipient) + &blanks(3));
    let run = hsm
        .run_faulty(
            &[("P11FAULT_GENERATE_FAIL_NTH", "2")],
            &["--json", "provision", "--stop-on-error", path(&file)],
        )
        .code(1);
    let report = run.json();
    let status: Vec<&str> = tokens(&report)
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["done", "failed", "not_started"]);
    assert!(tokens(&report)[2]["serial"].is_null());
    // Two tokens were initialised; SoftHSM2's next blank one was not touched.
    let listed = hsm.pkcs11_tool(&["-L"]).ok().stdout;
    assert_eq!(listed.matches("PIN initialized").count(), 2, "{listed}");
    assert!(!listed.contains("Staff 03"), "{listed}");
}
