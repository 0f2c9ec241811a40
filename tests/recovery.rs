//! `tokenward recovery …` against a real OpenID Connect provider (oidc-provider, on loopback)
//! and its Gmail API stand-in, with the test playing the user's browser (tests/oidc/).

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{fault_module, Hsm, Run, SOFTHSM, SO_PIN, USER_PIN};
use serde_json::Value;

const OIDC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oidc");

/// A running provider; killed when dropped.
struct Provider {
    child: Child,
    issuer: String,
    gmail: String,
}

impl Provider {
    /// Start the provider. A start that hangs (seen about once in twenty runs of this file on
    /// a loaded machine: node alive, stuck before its ready line) is killed and tried again,
    /// at most three times, 60 s each; the last one's stderr is in the panic.
    fn start(extra: &[&str]) -> Self {
        let mut logs = Vec::new();
        for attempt in 1..=3 {
            match Self::try_start(extra, attempt) {
                Ok(p) => return p,
                Err(log) => logs.push(log),
            }
        }
        panic!(
            "the provider did not start in three tries of 60 s; its stderr each time:\n{}",
            logs.join("\n---\n")
        );
    }

    fn try_start(extra: &[&str], attempt: u32) -> Result<Self, String> {
        let log = std::env::temp_dir().join(format!(
            "tokenward-provider-{}-{:?}-{attempt}.log",
            std::process::id(),
            std::thread::current().id()
        ));
        let mut child = Command::new("node")
            .arg(format!("{OIDC}/provider.mjs"))
            .args(["--port", "0", "--max-seconds", "300", "--exit-on-stdin-eof"])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("node is installed and tests/oidc has its node_modules (npm ci --prefix tests/oidc)");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let ready = rx.recv_timeout(Duration::from_secs(60));
        let stderr = || std::fs::read_to_string(&log).unwrap_or_default();
        let Ok(line) = ready else {
            let _ = child.kill();
            let _ = child.wait();
            let text = stderr();
            let _ = std::fs::remove_file(&log);
            return Err(text);
        };
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("not a ready line: {line:?}\n{}", stderr()));
        };
        let _ = std::fs::remove_file(&log);
        Ok(Provider {
            child,
            issuer: v["issuer"].as_str().unwrap().into(),
            gmail: v["gmail_base"].as_str().unwrap().into(),
        })
    }

    /// The delivered mails (the test hook).
    fn messages(&self) -> Vec<Value> {
        let out = Command::new("curl")
            .args([
                "-s",
                "--max-time",
                "10",
                &format!("{}/_test/messages", self.gmail),
            ])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    /// Make the next send fail with `status`.
    fn fail_next_mail(&self, status: u16) {
        let out = Command::new("curl")
            .args([
                "-s",
                "--max-time",
                "10",
                "-X",
                "POST",
                "-H",
                "content-type: application/json",
            ])
            .args(["-d", &format!("{{\"status\":{status}}}")])
            .arg(format!("{}/_test/fail-next", self.gmail))
            .output()
            .unwrap();
        assert!(out.status.success());
    }

    /// A config file pointing tokenward at this provider.
    fn config(&self, hsm: &Hsm, timeout: u64) -> PathBuf {
        hsm.write(
            "config.toml",
            format!(
                "[recovery]\nissuer = \"{}\"\nclient_id = \"tokenward-test\"\nclient_secret = \"tokenward-test-secret\"\ngmail_base = \"{}\"\nsign_in_timeout_seconds = {timeout}\n",
                self.issuer, self.gmail
            ),
        )
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The run failed with `identity_not_proven` (exit 7) and a message saying `says`.
fn not_proven(run: Run, says: &str) -> Value {
    let out = run.code(7).json();
    assert_eq!(out["error"]["kind"], "identity_not_proven", "{out}");
    let message = out["error"]["message"].as_str().unwrap();
    assert!(message.contains(says), "{message}");
    out
}

/// `key` with one character changed: its checksum no longer matches.
fn typo_of(key: &str) -> String {
    let mut chars: Vec<char> = key.chars().collect();
    chars[7] = if chars[7] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

/// The last audit entry for `event`.
fn last_audit(s: &Setup, event: &str) -> Value {
    let log = std::fs::read_to_string(&s.audit).unwrap();
    log.lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["event"] == event)
        .unwrap_or_else(|| panic!("no {event} in the audit log:\n{log}"))
}

/// The recovery key in a mail body.
fn key_in(mail: &Value) -> String {
    let body = mail["body"].as_str().unwrap();
    body.split_whitespace()
        .find(|w| w.len() == 65 && w.matches('-').count() == 10)
        .unwrap_or_else(|| panic!("no recovery key in:\n{body}"))
        .to_string()
}

/// The test browser, killed if it runs longer than 120 s (its own requests time out after
/// 10 s; this bounds a node that hangs).
fn browser_command() -> Command {
    let mut cmd = Command::new("timeout");
    cmd.args(["--kill-after=5", "120", "node"])
        .arg(format!("{OIDC}/browser.mjs"));
    cmd
}

/// Run tokenward (`cmd`), play the browser with `browser` arguments once it shows the sign-in
/// address, and wait for it. Returns tokenward's result and the browser's JSON line.
fn with_browser(cmd: Command, browser: &[&str]) -> (Run, Option<Value>) {
    with_others_then_browser(cmd, |_| {}, browser)
}

/// As [`with_browser`], with `others` run first with the sign-in address: other programs on
/// the machine reaching the listener before the user's browser does.
fn with_others_then_browser(
    mut cmd: Command,
    others: impl FnOnce(&str),
    browser: &[&str],
) -> (Run, Option<Value>) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tokenward");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            all.push_str(&line);
            all.push('\n');
            if line.trim_start().starts_with("http://127.0.0.1") && line.contains("/auth?") {
                let _ = tx.send(line.trim().to_string());
            }
        }
        all
    });
    let stdout = child.stdout.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stdout), &mut s);
        s
    });
    let mut browser_json = None;
    if let Ok(url) = rx.recv_timeout(Duration::from_secs(120)) {
        others(&url);
        if !browser.is_empty() {
            let out = browser_command()
                .args(["--url", &url, "--quiet"])
                .args(browser)
                .output()
                .unwrap();
            browser_json = serde_json::from_slice(&out.stdout).ok();
        }
    }
    let deadline = Instant::now() + Duration::from_secs(180);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("tokenward did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = reader.join().unwrap();
    let stdout = out_reader.join().unwrap();
    (
        Run {
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
        },
        browser_json,
    )
}

/// A token with files for its secrets, a provider and a config.
struct Setup {
    hsm: Hsm,
    provider: Provider,
    config: PathBuf,
    so_pin: PathBuf,
    audit: PathBuf,
}

impl Setup {
    fn new(timeout: u64) -> Self {
        Self::with_provider(Provider::start(&[]), timeout)
    }

    fn with_provider(provider: Provider, timeout: u64) -> Self {
        let hsm = Hsm::with_tokens(&["rec"]);
        let config = provider.config(&hsm, timeout);
        let so_pin = hsm.write("so-pin", SO_PIN);
        let audit = hsm.path("audit.log");
        Setup {
            hsm,
            provider,
            config,
            so_pin,
            audit,
        }
    }

    /// `pin change --so --json` from the SO PIN to `NewSoPin13579`, with `extra` options.
    fn change_so_pin(&self, extra: &[&str]) -> Run {
        let new_so = self.hsm.write("new-so", "NewSoPin13579");
        let mut cmd = self.tokenward(&["pin", "change", "--so", "--json"]);
        cmd.arg("--so-pin-file")
            .arg(&self.so_pin)
            .arg("--new-pin-file")
            .arg(new_so)
            .args(extra);
        Run::from(cmd.output().unwrap())
    }

    /// A token with recovery set up for alice, and the mailed key.
    fn enrolled() -> (Self, String) {
        let s = Self::new(60);
        s.enroll("alice@example.test", &["--login", "alice"]).0.ok();
        let key = key_in(&s.provider.messages()[0]);
        (s, key)
    }

    fn tokenward(&self, args: &[&str]) -> Command {
        let mut cmd = self.hsm.tokenward();
        cmd.arg("--config")
            .arg(&self.config)
            .arg("--audit-log")
            .arg(&self.audit)
            .args(args);
        cmd
    }

    fn enroll(&self, email: &str, browser: &[&str]) -> (Run, Option<Value>) {
        with_browser(self.enroll_cmd(email), browser)
    }

    /// `recovery enroll` for `email`, the SO PIN from a file.
    fn enroll_cmd(&self, email: &str) -> Command {
        self.tokenward(&[
            "recovery",
            "enroll",
            "--email",
            email,
            "--no-browser",
            "--json",
            "--so-pin-file",
            self.so_pin.to_str().unwrap(),
        ])
    }

    /// `recovery recover` with the key and the new PIN from files (global options first).
    fn recover_cmd(&self, key: &str, new_pin: &str, global: &[&str]) -> Command {
        let key_file = self.hsm.write("key.txt", key);
        let pin_file = self.hsm.write("new-pin.txt", new_pin);
        let mut cmd = self.tokenward(global);
        cmd.args(["recovery", "recover", "--no-browser", "--json"])
            .arg("--recovery-key-file")
            .arg(key_file)
            .arg("--new-pin-file")
            .arg(pin_file);
        cmd
    }

    fn recover(&self, key: &str, new_pin: &str, browser: &[&str]) -> (Run, Option<Value>) {
        with_browser(self.recover_cmd(key, new_pin, &[]), browser)
    }

    fn status(&self) -> Value {
        Run::from(
            self.tokenward(&["recovery", "status", "--json"])
                .output()
                .unwrap(),
        )
        .ok()
        .json()
    }

    /// Does the user PIN `pin` log in?
    fn pin_works(&self, pin: &str) -> bool {
        self.hsm
            .run_env(&["objects", "--login", "--pin-env", "P"], &[("P", pin)])
            .code
            == 0
    }
}

#[test]
fn enroll_then_recover_with_the_mailed_key() {
    let s = Setup::new(60);
    let (run, _) = s.enroll("Alice@Example.test", &["--login", "alice"]);
    let run = run.ok();
    let out = run.json();
    assert_eq!(out["enrolled"]["email"], "alice@example.test");
    let first_fingerprint = out["enrolled"]["key_fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let mails = s.provider.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["to"], "alice@example.test");
    assert_eq!(mails[0]["from"], "alice@example.test");
    let key = key_in(&mails[0]);
    // The key is only in the mailbox: never in tokenward's output or the audit log.
    assert!(!run.all_output().contains(&key));
    let status = s.status();
    assert_eq!(status["enrolled"], true);
    assert_eq!(status["recovery"][0]["email"], "alice@example.test");
    // The blob on the token is a public data object pkcs11-tool sees without a login.
    let objects = s
        .hsm
        .pkcs11_tool(&["--list-objects", "--type", "data"])
        .ok()
        .stdout;
    assert!(objects.contains("tokenward-recovery"), "{objects}");
    assert!(!objects.contains(SO_PIN));

    // Forgot the PIN: recover with the key, typed in lower case with spaces.
    let typed = key.to_lowercase().replace('-', " ");
    let (run, _) = s.recover(&typed, "NewPin2468", &["--login", "alice"]);
    let run = run.ok();
    let out = run.json();
    assert_eq!(out["pin_reset"], true);
    assert_eq!(out["rotated"], true);
    assert!(s.pin_works("NewPin2468"));
    assert!(!s.pin_works(USER_PIN));
    let mails = s.provider.messages();
    assert_eq!(mails.len(), 2);
    assert!(mails[1]["subject"]
        .as_str()
        .unwrap()
        .contains("PIN was reset"));
    let new_key = key_in(&mails[1]);
    assert_ne!(new_key, key);
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
    // The old key no longer opens anything; the new one does.
    let (run, _) = s.recover(&key, "NewPin1357", &["--login", "alice"]);
    assert_eq!(run.code(4).json()["error"]["kind"], "recovery_key_wrong");
    assert!(s.pin_works("NewPin2468"));
    // The failure is in the audit log with who signed in and the key tried.
    let failure = last_audit(&s, "recovery_used");
    assert_eq!(failure["outcome"], "failure", "{failure}");
    let detail = failure["detail"].as_str().unwrap();
    assert!(detail.starts_with("recovery_key_wrong"), "{detail}");
    assert!(
        detail.contains("signed in as alice@example.test"),
        "{detail}"
    );
    assert!(
        detail.contains(&format!("key {first_fingerprint}")),
        "{detail}"
    );
    let (run, _) = s.recover(&new_key, "NewPin1357", &["--login", "alice"]);
    run.ok();
    assert!(s.pin_works("NewPin1357"));

    // Audit: enrolled and used, and no secret in it.
    let log = std::fs::read_to_string(&s.audit).unwrap();
    assert!(log.contains("\"recovery_enrolled\""), "{log}");
    assert_eq!(log.matches("\"recovery_used\"").count(), 3, "{log}");
    for secret in [
        key.as_str(),
        new_key.as_str(),
        SO_PIN,
        "NewPin2468",
        "NewPin1357",
    ] {
        assert!(!log.contains(secret), "{secret} leaked into the audit log");
    }
}

#[test]
fn enrolment_refuses_the_wrong_account_and_changes_nothing() {
    let s = Setup::new(60);
    let no_blob = |s: &Setup| assert_eq!(s.status()["enrolled"], false);
    // Another Google account than the one named.
    let (run, _) = s.enroll("alice@example.test", &["--login", "bob"]);
    let out = run.code(7).json();
    assert_eq!(out["error"]["kind"], "identity_not_proven");
    // Nothing was set up, and the words do not say it was.
    assert_eq!(
        out["error"]["message"],
        "the sign-in did not prove the account: you signed in as bob@example.test, but asked to set up recovery for alice@example.test; nothing was set up"
    );
    no_blob(&s);
    let failure = last_audit(&s, "recovery_enrolled");
    assert_eq!(failure["outcome"], "failure", "{failure}");
    assert!(failure["detail"]
        .as_str()
        .unwrap()
        .contains("signed in as bob@example.test"));
    // An address the provider has not verified.
    let (run, _) = s.enroll("eve@example.test", &["--login", "eve"]);
    not_proven(run, "not verified");
    no_blob(&s);
    // Consent denied.
    let (run, _) = s.enroll(
        "alice@example.test",
        &["--login", "alice", "--consent", "no"],
    );
    assert_eq!(run.code(2).json()["error"]["kind"], "sign_in_denied");
    no_blob(&s);
    // The mail endpoint fails: no blob that no mailbox can open.
    s.provider.fail_next_mail(500);
    let (run, _) = s.enroll("alice@example.test", &["--login", "alice"]);
    let out = run.code(1).json();
    assert_eq!(out["error"]["kind"], "mail_failed");
    // A sentence, with the service's own words quoted.
    assert_eq!(
        out["error"]["message"],
        "the recovery mail could not be sent: the mail service refused it with HTTP 500 Internal Server Error, saying \"Internal error encountered\""
    );
    assert!(out["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("nothing was stored"));
    no_blob(&s);
    assert!(s.provider.messages().is_empty());
    // Refused for want of permission: retrying the same way cannot help, signing in again can.
    s.provider.fail_next_mail(403);
    let (run, _) = s.enroll("alice@example.test", &["--login", "alice"]);
    let out = run.code(1).json();
    let hint = out["error"]["hint"].as_str().unwrap();
    assert!(hint.contains("allow tokenward to send mail"), "{hint}");
    assert!(!hint.contains("once the mail service answers"), "{hint}");
    no_blob(&s);
    // A wrong SO PIN: refused by the token before any sign-in.
    let wrong = s.hsm.write("wrong-so", "wrong-so-pin");
    let cmd = s.tokenward(&[
        "recovery",
        "enroll",
        "--email",
        "alice@example.test",
        "--no-browser",
        "--json",
        "--so-pin-file",
        wrong.to_str().unwrap(),
    ]);
    let (run, _) = with_browser(cmd, &[]);
    assert!(!run.stderr.contains("/auth?"));
    assert_eq!(run.code(4).json()["error"]["kind"], "wrong_pin");
    no_blob(&s);
    // Not an email address.
    s.tokenward(&["recovery", "enroll", "--email", "alice"])
        .output()
        .map(Run::from)
        .unwrap()
        .code(2);
}

#[test]
fn a_sign_in_window_that_expires_says_so() {
    let s = Setup::new(2);
    let (run, _) = s.enroll("alice@example.test", &[]);
    let out = run.code(1).json();
    assert_eq!(out["error"]["kind"], "sign_in_timeout");
    assert!(out["error"]["message"]
        .as_str()
        .unwrap()
        .contains("2 seconds"));
    assert_eq!(s.status()["enrolled"], false);
}

#[test]
fn an_expired_id_token_is_refused() {
    // The ID token lives 1 s; tokenward runs 10 minutes in the future (libfaketime).
    let s = Setup::with_provider(Provider::start(&["--id-token-ttl", "1"]), 60);
    let mut cmd = Command::new("faketime");
    cmd.args(["-f", "+10m", env!("CARGO_BIN_EXE_tokenward")])
        .env("SOFTHSM2_CONF", &s.hsm.conf)
        .env("TOKENWARD_MODULE", *SOFTHSM)
        .env("HOME", s.hsm.path("home"))
        .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
        .args(["--config", s.config.to_str().unwrap()])
        .args([
            "recovery",
            "enroll",
            "--email",
            "alice@example.test",
            "--no-browser",
            "--json",
        ])
        .args(["--so-pin-file", s.so_pin.to_str().unwrap()]);
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    let all = run.all_output();
    let out = run.code(7).json();
    let message = out["error"]["message"].as_str().unwrap();
    assert!(message.contains("ID token is not valid"), "{all}");
    assert_eq!(s.status()["enrolled"], false);
}

#[test]
fn forged_id_tokens_and_a_wrong_nonce_are_refused() {
    for (knob, says) in [("forge", "ID token is not valid"), ("nonce", "nonce")] {
        let s = Setup::with_provider(Provider::start(&["--tamper-id-token", knob]), 60);
        let (run, _) = s.enroll("alice@example.test", &["--login", "alice"]);
        let all = run.all_output();
        let out = run.code(7).json();
        assert_eq!(out["error"]["kind"], "identity_not_proven", "{knob}");
        let message = out["error"]["message"].as_str().unwrap().to_lowercase();
        assert!(message.contains(&says.to_lowercase()), "{knob}: {all}");
        assert_eq!(s.status()["enrolled"], false);
        assert!(s.provider.messages().is_empty());
    }
}

#[test]
fn recovery_refuses_mistyped_and_wrong_keys_and_blobs_of_other_tokens() {
    let (s, key) = Setup::enrolled();
    // One character changed: the checksum catches it before anything is tried.
    let typo = typo_of(&key);
    let (run, _) = s.recover(&typo, "NewPin2468", &["--login", "alice"]);
    assert_eq!(run.code(2).json()["error"]["kind"], "recovery_key_mistyped");
    assert!(s.pin_works(USER_PIN));
    // A well-formed key that is not this token's.
    let other = "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA";
    let (run, _) = s.recover(other, "NewPin2468", &["--login", "alice"]);
    let kind = run.code(2).json()["error"]["kind"].clone();
    assert_eq!(kind, "recovery_key_mistyped"); // its checksum is wrong too
                                               // Signing in as someone else is refused before the key is asked for.
    let (run, _) = s.recover(&key, "NewPin2468", &["--login", "bob"]);
    let out = run.code(7).json();
    assert_eq!(out["error"]["kind"], "identity_not_proven");
    assert_eq!(
        out["error"]["message"],
        "the sign-in did not prove the account: you signed in as bob@example.test, but recovery on this token is set up for alice@example.test"
    );
    assert!(s.pin_works(USER_PIN));
    let failure = last_audit(&s, "recovery_used");
    assert_eq!(failure["outcome"], "failure", "{failure}");
    let detail = failure["detail"].as_str().unwrap();
    assert!(detail.contains("signed in as bob@example.test"), "{detail}");
    assert!(!detail.contains("key "), "no key was asked for: {detail}");

    // The blob copied onto another token: refused, that token unchanged.
    let blob = s.hsm.path("blob.json");
    s.hsm
        .pkcs11_tool(&[
            "--read-object",
            "--type",
            "data",
            "--application-label",
            "tokenward-recovery",
            "-o",
            blob.to_str().unwrap(),
        ])
        .ok();
    s.hsm.add_token("other");
    s.hsm
        .pkcs11_tool(&[
            "--token-label",
            "other",
            "--login",
            "--pin",
            USER_PIN,
            "--write-object",
            blob.to_str().unwrap(),
            "--type",
            "data",
            "--application-label",
            "tokenward-recovery",
            "--label",
            "tokenward recovery",
        ])
        .ok();
    let cmd = s.recover_cmd(&key, "NewPin2468", &["--token", "other"]);
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    let out = run.code(2).json();
    assert!(
        out["error"]["message"]
            .as_str()
            .unwrap()
            .contains("another token"),
        "{out}"
    );
    // Nothing enrolled at all.
    let (run, _) = {
        let hsm2 = Setup::with_provider(Provider::start(&[]), 60);
        let r = hsm2.recover(&key, "NewPin2468", &[]);
        (r.0, ())
    };
    assert_eq!(run.code(2).json()["error"]["kind"], "not_enrolled");
}

#[test]
fn a_recovery_killed_between_writing_the_new_blob_and_removing_the_old_locks_nobody_out() {
    let (s, key) = Setup::enrolled();
    // The process dies right after the new blob is written (first C_CreateObject).
    let mut cmd = s.recover_cmd(&key, "NewPin2468", &[]);
    cmd.env("TOKENWARD_MODULE", fault_module())
        .env("P11FAULT_TARGET", *SOFTHSM)
        .env("P11FAULT_ABORT_AFTER_CREATE", "1");
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("aborting the process"),
        "{}",
        run.stderr
    );
    // Both blobs are there; the PIN was already reset; no new key was mailed.
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 2);
    assert!(s.pin_works("NewPin2468"));
    assert_eq!(s.provider.messages().len(), 1);
    // The old key (the only one any mailbox holds) still works, and cleans up.
    let (run, _) = s.recover(&key, "NewPin1357", &["--login", "alice"]);
    run.ok();
    assert!(s.pin_works("NewPin1357"));
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
    assert_eq!(s.provider.messages().len(), 2);
}

#[test]
fn revoke_needs_the_so_pin_and_ends_recovery() {
    let (s, key) = Setup::enrolled();
    let so = s.so_pin.to_str().unwrap();
    // Without a terminal and without --yes, nothing is removed.
    let out = Run::from(
        s.tokenward(&["recovery", "revoke", "--so-pin-file", so])
            .output()
            .unwrap(),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(s.status()["enrolled"], true);
    let out = Run::from(
        s.tokenward(&["recovery", "revoke", "--yes", "--json", "--so-pin-file", so])
            .output()
            .unwrap(),
    )
    .ok();
    assert_eq!(out.json()["removed"], 1);
    assert_eq!(s.status()["enrolled"], false);
    let (run, _) = s.recover(&key, "NewPin2468", &[]);
    assert_eq!(run.code(2).json()["error"]["kind"], "not_enrolled");
    let log = std::fs::read_to_string(&s.audit).unwrap();
    assert!(log.contains("\"recovery_revoked\""), "{log}");
    let _ = *SOFTHSM;
}

#[test]
fn a_stale_sealed_so_pin_never_locks_the_so_pin() {
    let (s, key) = Setup::enrolled();
    // Another tool changes the SO PIN: the sealed copy is now stale. Everything goes through
    // the fault module, which keeps real SO retry counters (3 tries).
    let faulty = |mut cmd: Command| {
        cmd.env("TOKENWARD_MODULE", fault_module())
            .env("P11FAULT_TARGET", *SOFTHSM)
            .env("P11FAULT_STATE", s.hsm.path("p11fault-state"));
        cmd
    };
    let changed = s.hsm.run_peer(
        "pkcs11-tool",
        &[
            "--module",
            fault_module().to_str().unwrap(),
            "--login",
            "--login-type",
            "so",
            "--so-pin",
            SO_PIN,
            "--change-pin",
            "--new-pin",
            "NewSoPin24680",
        ],
    );
    assert_eq!(changed.code, 0, "{}", changed.all_output());
    // The first recovery spends one SO try and says the copy is out of date…
    let (run, _) = with_browser(
        faulty(s.recover_cmd(&key, "NewPin2468", &[])),
        &["--login", "alice"],
    );
    let v = run.code(4).json();
    assert_eq!(v["error"]["reason"], "stale_so_pin", "{v}");
    // …and every later one refuses before sending anything.
    for _ in 0..3 {
        let (run, _) = with_browser(
            faulty(s.recover_cmd(&key, "NewPin2468", &[])),
            &["--login", "alice"],
        );
        let v = run.code(4).json();
        assert_eq!(v["error"]["reason"], "so_pin_doubtful", "{v}");
    }
    // The SO PIN is not locked: the new one still sets a user PIN.
    let so = s.hsm.write("new-so", "NewSoPin24680");
    let out = Run::from(
        faulty(s.hsm.tokenward())
            .args([
                "pin",
                "unblock",
                "--so-pin-file",
                so.to_str().unwrap(),
                "--new-pin-env",
                "N",
            ])
            .env("N", "AfterAll1357")
            .output()
            .unwrap(),
    );
    assert_eq!(out.code, 0, "{}", out.all_output());
}

#[test]
fn changing_the_so_pin_with_tokenward_removes_the_stale_recovery() {
    let s = Setup::new(60);
    s.enroll("alice@example.test", &["--login", "alice"]).0.ok();
    assert_eq!(s.status()["enrolled"], true);
    let out = s.change_so_pin(&[]).ok();
    assert_eq!(out.json()["recovery_removed"], 1);
    assert!(out.stderr.contains("recovery enroll"), "{}", out.stderr);
    assert_eq!(s.status()["enrolled"], false);
    assert!(s.status()["recovery"].as_array().unwrap().is_empty());
}

#[test]
fn a_reset_that_happened_is_reported_as_done_even_when_the_token_is_full() {
    let (s, key) = Setup::enrolled();
    // The token takes no new object: the new recovery data cannot be stored after the reset.
    let mut cmd = s.recover_cmd(&key, "NewPin2468", &[]);
    cmd.env("TOKENWARD_MODULE", fault_module())
        .env("P11FAULT_TARGET", *SOFTHSM)
        .env("P11FAULT_DEVICE_MEMORY", "1");
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    let v = run.ok().json();
    assert_eq!(v["pin_reset"], true);
    assert_eq!(v["rotated"], false);
    assert!(
        v["warning"]
            .as_str()
            .unwrap()
            .contains("old recovery key still works"),
        "{v}"
    );
    assert!(s.pin_works("NewPin2468"));
    // The reset notice was mailed all the same, and the audit log says the PIN was reset.
    let mails = s.provider.messages();
    assert_eq!(mails.len(), 2, "{mails:?}");
    assert!(
        mails[1].to_string().contains("PIN was reset"),
        "{}",
        mails[1]
    );
    let log = std::fs::read_to_string(&s.audit).unwrap();
    assert!(
        log.lines()
            .any(|l| l.contains("\"recovery_used\"") && l.contains("\"success\"")),
        "{log}"
    );
    // The old key still works.
    let (run, _) = s.recover(&key, "NewPin1357", &["--login", "alice"]);
    run.ok();
    assert!(s.pin_works("NewPin1357"));
}

#[test]
fn the_browser_gets_no_secret_and_messages_name_the_configured_provider() {
    let s = Setup::new(60);
    let mut config = std::fs::read_to_string(&s.config).unwrap();
    config.push_str("provider_name = \"Example Mail\"\n");
    std::fs::write(&s.config, config).unwrap();
    // A browser opener that writes down the environment it was given.
    let bin = s.hsm.path("bin");
    std::fs::create_dir(&bin).unwrap();
    let dump = s.hsm.path("opener-env.txt");
    let opener = bin.join("xdg-open");
    std::fs::write(&opener, format!("#!/bin/sh\nenv > {}\n", dump.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = s.tokenward(&[
        "recovery",
        "enroll",
        "--email",
        "alice@example.test",
        "--json",
        "--so-pin-env",
        "TW_SO_SECRET",
    ]);
    cmd.env("TW_SO_SECRET", SO_PIN)
        .env("DISPLAY", ":99")
        .env("PATH", path);
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    let run = run.ok();
    assert!(
        run.stderr
            .contains("Sign in with your Example Mail account"),
        "{}",
        run.stderr
    );
    // The opener ran, without the variable that held the SO PIN.
    let mut env = String::new();
    for _ in 0..100 {
        env = std::fs::read_to_string(&dump).unwrap_or_default();
        if !env.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(env.contains("DISPLAY=:99"), "the opener did not run: {env}");
    assert!(!env.contains("TW_SO_SECRET"), "{env}");
    assert!(!env.contains(SO_PIN), "{env}");
}

#[test]
fn a_blob_enrolled_at_one_provider_is_refused_after_a_sign_in_at_another() {
    let (s, key) = Setup::enrolled();
    // The configuration now names another (real, running) provider.
    let other = Provider::start(&[]);
    let config = other.config(&s.hsm, 60);
    let out = Run::from(
        s.hsm
            .tokenward()
            .arg("--config")
            .arg(&config)
            .args([
                "recovery",
                "recover",
                "--no-browser",
                "--json",
                "--recovery-key-env",
                "K",
            ])
            .args(["--new-pin-env", "N"])
            .env("K", &key)
            .env("N", "NewPin2468")
            .output()
            .unwrap(),
    );
    let v = out.code(2).json();
    assert_eq!(v["error"]["reason"], "other_issuer", "{v}");
    // Nothing was tried: the old PIN still works.
    assert!(s.pin_works(USER_PIN));
}

/// The listener's port, from the sign-in address's `redirect_uri`.
fn listener_port(url: &str) -> u16 {
    let redirect = url
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("redirect_uri="))
        .expect("the sign-in address has a redirect_uri");
    let decoded = redirect.replace("%3A", ":").replace("%2F", "/");
    decoded
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap_or_else(|_| panic!("a loopback redirect: {decoded}"))
}

/// One raw request to the listener; the status line of the answer.
fn poke(port: u16, target: &str) -> String {
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    c.write_all(format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes())
        .unwrap();
    let mut answer = String::new();
    let _ = c.read_to_string(&mut answer);
    answer.lines().next().unwrap_or_default().to_string()
}

#[test]
fn answers_that_are_not_ours_neither_end_nor_stall_the_sign_in() {
    let s = Setup::new(120);
    let mut silent = Vec::new();
    let mut statuses = Vec::new();
    let mut forged_browser = None;
    let (run, _) = with_others_then_browser(
        s.tokenward(&[
            "recovery",
            "enroll",
            "--email",
            "alice@example.test",
            "--no-browser",
            "--json",
            "--so-pin-file",
            s.so_pin.to_str().unwrap(),
        ]),
        |url| {
            let port = listener_port(url);
            // A connection that dribbles a request a byte a second (a per-read time-out alone
            // would wait for it for ever); it stops once tokenward hangs up.
            let mut dribbler = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
            std::thread::spawn(move || {
                use std::io::Write;
                for _ in 0..300 {
                    if dribbler.write_all(b"G").is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            });
            // Connections that say nothing, held open for the whole sign-in.
            for _ in 0..3 {
                silent.push(std::net::TcpStream::connect(("127.0.0.1", port)).unwrap());
            }
            // Another program cancels, or sends a code, with a state that is not ours.
            statuses.push(poke(port, "/?error=access_denied&state=not-ours"));
            statuses.push(poke(port, "/?code=forged&state=not-ours"));
            statuses.push(poke(port, "/?error=access_denied"));
            // A real code from the provider, delivered with a tampered state.
            let out = browser_command()
                .args(["--url", url, "--quiet", "--login", "bob", "--tamper-state"])
                .output()
                .unwrap();
            forged_browser = serde_json::from_slice::<Value>(&out.stdout).ok();
        },
        &["--login", "alice"],
    );
    let all = run.all_output();
    let out = run.ok().json();
    assert_eq!(out["enrolled"]["email"], "alice@example.test", "{all}");
    for status in &statuses {
        assert!(status.contains(" 400 "), "ignored with 400: {status}");
    }
    let forged = forged_browser.expect("the tampering browser ran");
    assert_eq!(forged["delivered_status"], 400, "{forged}");
    assert_eq!(s.status()["enrolled"], true);
    drop(silent);
}

#[test]
fn a_provider_that_gives_the_address_only_at_userinfo_works_with_the_same_rules() {
    // OpenID Connect Core §5.4: with an access token issued, the ID token carries no email.
    let s = Setup::with_provider(Provider::start(&["--userinfo-only"]), 60);
    let (run, _) = s.enroll("alice@example.test", &["--login", "alice"]);
    let all = run.all_output();
    let out = run.ok().json();
    assert_eq!(out["enrolled"]["email"], "alice@example.test", "{all}");
    // The same verified-address rule: eve's address is not verified.
    let (run, _) = s.enroll("eve@example.test", &["--login", "eve"]);
    not_proven(run, "not verified");
    // And the right account: bob is not alice.
    let (run, _) = s.enroll("alice@example.test", &["--login", "bob"]);
    not_proven(run, "bob@example.test");
    // Recovery with the mailed key works over userinfo too.
    let key = key_in(&s.provider.messages()[0]);
    let (run, _) = s.recover(&key, "Other1357x", &["--login", "alice"]);
    let all = run.all_output();
    run.ok();
    assert!(s.pin_works("Other1357x"), "{all}");
}

#[test]
fn a_userinfo_answer_about_another_subject_is_refused() {
    let s = Setup::with_provider(
        Provider::start(&["--userinfo-only", "--tamper-userinfo", "sub"]),
        60,
    );
    let (run, _) = s.enroll("alice@example.test", &["--login", "alice"]);
    let all = run.all_output();
    let out = run.code(7).json();
    assert_eq!(out["error"]["reason"], "user_info_other_subject", "{all}");
    assert!(out["error"]["message"]
        .as_str()
        .unwrap()
        .contains("another account"));
    assert_eq!(s.status()["enrolled"], false);
    assert!(s.provider.messages().is_empty());
}

#[test]
fn changing_the_so_pin_with_the_recovery_key_keeps_recovery_working() {
    let (s, key) = Setup::enrolled();
    let key_file = s.hsm.write("key-for-so.txt", &key);
    let change = |key_file: &std::path::Path| {
        s.change_so_pin(&["--recovery-key-file", key_file.to_str().unwrap()])
    };
    // A mistyped key: refused before the SO PIN changes.
    let typo = s.hsm.write("typo-key.txt", typo_of(&key));
    let refused = change(&typo);
    assert_eq!(refused.code, 2, "{}", refused.all_output());
    let so_login = |pin: &str| {
        let run = s.hsm.pkcs11_tool(&[
            "--session-rw",
            "--login",
            "--login-type",
            "so",
            "--so-pin",
            pin,
            "--list-objects",
        ]);
        run.code == 0
    };
    assert!(
        so_login(SO_PIN),
        "the SO PIN is unchanged after a refused key"
    );
    // The key given to a user PIN change: refused as a usage error.
    let misuse = Run::from(
        s.tokenward(&[
            "pin",
            "change",
            "--recovery-key-file",
            key_file.to_str().unwrap(),
        ])
        .output()
        .unwrap(),
    );
    assert_eq!(misuse.code, 2, "{}", misuse.all_output());
    // The right key: the SO PIN changes and the recovery data is sealed again.
    let out = change(&key_file).ok();
    let v = out.json();
    assert_eq!(v["recovery_resealed"], true, "{v}");
    assert_eq!(v["recovery_removed"], 0, "{v}");
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
    // The mailed key still recovers, and the SO PIN it unseals is the new one (no SO try spent).
    let (run, _) = s.recover(&key, "NewPin2468", &["--login", "alice"]);
    let all = run.all_output();
    run.ok();
    assert!(s.pin_works("NewPin2468"), "{all}");
    // The recovery logged in with the new SO PIN (the unsealed copy): it is the one in force.
    assert!(so_login("NewSoPin13579"));
    let log = std::fs::read_to_string(&s.audit).unwrap();
    assert!(log.contains("sealed again"), "{log}");
}

/// `recovery recover` through the fault module with one `P11FAULT_*` kill point set.
fn recover_killed(s: &Setup, key: &str, new_pin: &str, knob: &str) -> Run {
    let mut cmd = s.recover_cmd(key, new_pin, &[]);
    cmd.env("TOKENWARD_MODULE", fault_module())
        .env("P11FAULT_TARGET", *SOFTHSM)
        .env(knob, "1");
    let (run, _) = with_browser(cmd, &["--login", "alice"]);
    assert_ne!(run.code, 0, "{}", run.all_output());
    assert!(
        run.stderr.contains("aborting the process"),
        "{}",
        run.stderr
    );
    run
}

#[test]
fn a_recovery_killed_right_after_the_reset_locks_nobody_out() {
    let (s, key) = Setup::enrolled();
    recover_killed(&s, &key, "NewPin2468", "P11FAULT_ABORT_AFTER_INIT_PIN");
    // The PIN was reset; the old recovery data and key are untouched; nothing was mailed.
    assert!(s.pin_works("NewPin2468"));
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
    assert_eq!(s.provider.messages().len(), 1);
    // The key in the mailbox still recovers, and rotates.
    let (run, _) = s.recover(&key, "NewPin1357", &["--login", "alice"]);
    run.ok();
    assert!(s.pin_works("NewPin1357"));
    assert_eq!(s.provider.messages().len(), 2);
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
}

#[test]
fn a_recovery_killed_after_mailing_the_new_key_locks_nobody_out() {
    let (s, key) = Setup::enrolled();
    // Killed just before the old recovery data is removed (the new key is already mailed).
    recover_killed(&s, &key, "NewPin2468", "P11FAULT_ABORT_BEFORE_DESTROY");
    assert!(s.pin_works("NewPin2468"));
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 2);
    let mails = s.provider.messages();
    assert_eq!(mails.len(), 2);
    let new_key = key_in(&mails[1]);
    // The newest key in the mailbox recovers and cleans up.
    let (run, _) = s.recover(&new_key, "NewPin1357", &["--login", "alice"]);
    run.ok();
    assert!(s.pin_works("NewPin1357"));
    assert_eq!(s.status()["recovery"].as_array().unwrap().len(), 1);
}

#[test]
fn the_recovery_mail_speaks_the_language_of_the_person_who_enrolled() {
    /// Run `cmd` in `lang` with the test browser; the page the browser was shown.
    fn in_language(mut cmd: Command, lang: &str) -> String {
        cmd.env("LANG", lang).env("LC_ALL", lang);
        let (run, browser) = with_browser(cmd, &["--login", "alice"]);
        run.ok();
        browser.expect("the browser's report")["body"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
    let s = Setup::new(60);
    // The page the browser shows after the sign-in is in the person's language.
    let page = in_language(s.enroll_cmd("alice@example.test"), "ru_RU.UTF-8");
    assert!(page.contains("Вход выполнен"), "{page}");
    assert!(page.contains("lang=ru"), "{page}");
    let mails = s.provider.messages();
    assert_eq!(mails[0]["subject"], "Ваш ключ восстановления tokenward");
    let body = mails[0]["body"].as_str().unwrap();
    assert!(body.contains("Сохраните это письмо"), "{body}");
    let key = key_in(&mails[0]);

    // Recovered by someone whose computer speaks Spanish: the page is in Spanish, the mail
    // still in the enrolling person's Russian.
    let page = in_language(s.recover_cmd(&key, "NewPin2468", &[]), "es_MX.UTF-8");
    assert!(page.contains("Listo, ya entró"), "{page}");
    let mails = s.provider.messages();
    assert_eq!(mails.len(), 2);
    assert_eq!(
        mails[1]["subject"],
        "PIN-код вашего токена сброшен; ваш новый ключ восстановления tokenward"
    );
    assert!(mails[1]["body"]
        .as_str()
        .unwrap()
        .contains("Старый ключ восстановления больше не действует"));
    assert_ne!(key_in(&mails[1]), key);
}
