//! The real smart-card tier: tokenward against a virtual OpenPGP card in vsmartcard's vpcd reader
//! under the system's pcscd, through OpenSC's `opensc-pkcs11.so` (see testkit/src/cards.rs).
//! The tests run one at a time (pcscd serves one socket per machine); each starts and stops its
//! own pcscd and card.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::card::CardWorld;
use common::Run;
use serde_json::Value;

const SERIAL: &str = "fffe00001234";

#[test]
fn readers_name_the_card_its_module_and_the_empty_reader() {
    let w = CardWorld::start();
    let doc = w.run(&["readers", "--json"]).ok().json();
    common::assert_schema("readers", &doc);
    let readers = doc["readers"].as_array().unwrap();
    assert_eq!(readers.len(), 2, "vpcd gives two readers: {doc}");
    let with_card = &readers[0];
    assert_eq!(with_card["card_present"], true);
    assert_eq!(with_card["card_name"], "OpenPGP Card V3");
    assert_eq!(
        with_card["atr"],
        "3B DA 18 FF 81 B1 FE 75 1F 03 00 31 F5 73 C0 01 60 00 90 00 1C"
    );
    assert_eq!(with_card["held_exclusively"], false);
    let served: Vec<&Value> = with_card["served_by"].as_array().unwrap().iter().collect();
    assert_eq!(served.len(), 2, "one card, two OpenSC tokens: {doc}");
    assert!(served.iter().all(|s| s["serial"] == SERIAL));
    assert_eq!(readers[1]["card_present"], false);
    assert_eq!(readers[1]["served_by"], serde_json::json!([]));

    let text = w.run(&["readers"]).ok().stdout;
    assert!(text.contains("OpenPGP Card V3"), "{text}");
    assert!(text.contains("\"OpenPGP card (User PIN)\""), "{text}");
    assert!(text.contains("none (insert a card"), "{text}");

    // The support trace names the PC/SC calls and OpenSC's PKCS#11 calls on standard error.
    let traced = Run::from(
        w.tokenward()
            .args(["readers"])
            .env("TOKENWARD_LOG", "debug")
            .output()
            .unwrap(),
    )
    .ok();
    for call in [
        "pcsc SCardEstablishContext -> SCARD_S_SUCCESS",
        "pcsc SCardListReaders -> SCARD_S_SUCCESS",
        "pcsc SCardGetStatusChange",
        "pkcs11 C_GetSlotList -> CKR_OK",
        "opensc-pkcs11.so",
    ] {
        assert!(traced.stderr.contains(call), "{call}:\n{}", traced.stderr);
    }
    assert_eq!(
        traced.stdout, text,
        "the trace leaves standard output alone"
    );
}

#[test]
fn tokens_agree_with_pkcs11_tool() {
    let w = CardWorld::start();
    let doc = w.run(&["tokens", "--present", "--json"]).ok().json();
    let ours: Vec<(String, String)> = doc["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["token"]["label"].as_str().unwrap().to_string(),
                s["token"]["serial"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let peer = w.pkcs11_tool(&["--list-token-slots"]).ok().stdout;
    let labels: Vec<String> = peer
        .lines()
        .filter_map(|l| l.trim().strip_prefix("token label        : "))
        .map(|l| l.trim().to_string())
        .collect();
    let serials: Vec<String> = peer
        .lines()
        .filter_map(|l| l.trim().strip_prefix("serial num         : "))
        .map(|l| l.trim().to_string())
        .collect();
    let theirs: Vec<(String, String)> = labels.into_iter().zip(serials).collect();
    assert_eq!(ours, theirs, "pkcs11-tool -L says:\n{peer}");
    assert_eq!(ours.len(), 2);

    // One card, two tokens, one serial: shown as one card, and a serial alone asks for a label.
    let text = w.run(&["tokens"]).ok().stdout;
    assert!(text.contains("One card in reader"), "{text}");
    let err = w
        .run(&["--token", SERIAL, "pin", "status", "--json"])
        .code(2)
        .json();
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("one card (serial fffe00001234)"),
        "{err}"
    );
    assert!(
        err["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("--token \"OpenPGP card"),
        "{err}"
    );
    assert_eq!(err["error"]["candidates"].as_array().unwrap().len(), 2);
    w.run(&["--token", "OpenPGP card (User PIN)", "pin", "status"])
        .ok();
}

#[test]
fn objects_agree_with_pkcs11_tool() {
    let w = CardWorld::start();
    generate_card_key(&w);
    let ours = w
        .tw(&["--token", USER_TOKEN, "objects", "--login", "--json"])
        .ok()
        .json();
    let mut ours: Vec<(String, String)> = ours["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["class"] == "private_key" || o["class"] == "public_key")
        .map(|o| {
            (
                o["class"].as_str().unwrap().to_string(),
                o["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    ours.sort();
    let peer = w
        .pkcs11_tool(&[
            "--token-label",
            USER_TOKEN,
            "--login",
            "--pin",
            common::card::CARD_USER_PIN,
            "--list-objects",
        ])
        .ok()
        .stdout;
    let mut theirs = Vec::new();
    let mut class = None;
    for line in peer.lines() {
        if line.starts_with("Private Key Object") {
            class = Some("private_key");
        } else if line.starts_with("Public Key Object") {
            class = Some("public_key");
        } else if !line.starts_with(' ') {
            class = None;
        }
        if let (Some(c), Some(id)) = (class, line.trim().strip_prefix("ID:")) {
            theirs.push((c.to_string(), id.trim().to_string()));
        }
    }
    theirs.sort();
    assert_eq!(ours, theirs, "pkcs11-tool -O says:\n{peer}");
    assert_eq!(ours.len(), 2, "the new pair: {ours:?}");
}

#[test]
fn watch_sees_the_card_removed_and_inserted_again() {
    let mut w = CardWorld::start();
    let mut child = w
        .tokenward()
        .args(["watch", "--json", "--count", "5", "--timeout", "120"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = || -> Value {
        let event = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
        common::assert_schema("watch", &event);
        event
    };
    // What is there when watching starts: two readers, a card in the first.
    let mut start: Vec<Value> = (0..3).map(|_| next()).collect();
    start.sort_by_key(|e| e["event"].as_str().unwrap().to_string());
    assert_eq!(start[0]["event"], "card_inserted");
    assert_eq!(start[0]["card_name"], "OpenPGP Card V3");
    assert_eq!(start[1]["event"], "reader_added");
    w.card.remove();
    let removed = next();
    assert_eq!(removed["event"], "card_removed", "{removed}");
    assert_eq!(removed["reader"], start[0]["reader"]);
    w.card.insert();
    let inserted = next();
    assert_eq!(inserted["event"], "card_inserted", "{inserted}");
    let status = child.wait().unwrap();
    assert!(status.success(), "watch ends by itself after --count 5");
}

#[test]
fn watch_ends_at_its_time_out() {
    let w = CardWorld::start();
    let run = w.run(&["watch", "--timeout", "2"]).ok();
    // The readers present at the start, as lines for people, then nothing: the time ran out.
    assert!(
        run.stdout.contains("card inserted: OpenPGP Card V3"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
}

#[test]
fn without_the_smart_card_service_readers_says_how_to_start_it() {
    let mut w = CardWorld::start();
    w.pcsc.stop_service();
    let run = w.run(&["readers", "--json"]).code(3);
    let err = &run.json()["error"];
    assert_eq!(err["kind"], "pcsc");
    assert_eq!(err["reason"], "not_running");
    assert!(err["hint"].as_str().unwrap().contains("pcscd"), "{err}");
    let text = w.run(&["readers"]).code(3).stderr;
    assert!(
        text.contains("the smart-card service (pcscd) is not running"),
        "{text}"
    );
}

#[test]
fn doctor_finds_a_ready_card_in_order() {
    let w = CardWorld::start();
    let run = w.run(&["doctor", "--json"]).ok();
    let doc = run.json();
    common::assert_schema("doctor", &doc);
    assert_eq!(doc["blocked"], false, "{doc:#}");
    assert!(common::has_finding(&doc, "pcsc_running", "ok"), "{doc:#}");
    assert!(
        common::has_finding(&doc, "card_recognised", "ok"),
        "{doc:#}"
    );
    assert!(common::has_finding(&doc, "token_ready", "ok"), "{doc:#}");
    let text = w.run(&["doctor"]).ok().stdout;
    assert!(text.contains("Everything checked is in order."), "{text}");
}

#[test]
fn doctor_names_gpg_when_it_holds_the_card() {
    let w = CardWorld::start();
    let _gpg = w.gpg_holds_card();
    let run = w.run(&["doctor", "--json"]).code(1);
    let doc = run.json();
    common::assert_schema("doctor", &doc);
    assert_eq!(doc["blocked"], true);
    let held = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "card_held")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(held["severity"], "blocker");
    assert!(
        held["fix"]
            .as_str()
            .unwrap()
            .contains("gpgconf --kill scdaemon"),
        "{held}"
    );
    // The other commands say the same instead of "damaged token" or "no token".
    let err = w.run(&["tokens", "--json"]).code(3).json();
    assert_eq!(err["error"]["kind"], "card_held", "{err}");
    assert!(err["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("gpgconf --kill scdaemon"));
    let text = w.run(&["tokens"]).code(3).stdout;
    assert!(
        text.contains("does not answer"),
        "the listing goes on: {text}"
    );
}

#[test]
fn doctor_without_the_smart_card_service_gives_the_command_that_starts_it() {
    let mut w = CardWorld::start();
    w.pcsc.stop_service();
    let doc = w.run(&["doctor", "--json"]).code(1).json();
    assert!(
        common::has_finding(&doc, "pcsc_not_running", "blocker"),
        "{doc:#}"
    );
    let text = w.run(&["doctor"]).code(1).stdout;
    assert!(text.contains("Stops you now:"), "{text}");
    assert!(text.contains("pcscd"), "{text}");
}

#[test]
fn doctor_with_the_card_removed_asks_for_it() {
    let w = CardWorld::empty();
    let doc = w.run(&["doctor", "--json"]).code(1).json();
    assert!(common::has_finding(&doc, "reader_empty", "ok"), "{doc:#}");
    assert!(common::has_finding(&doc, "no_token", "blocker"), "{doc:#}");
    let err = w.run(&["tokens", "--json"]).code(3).json();
    assert_eq!(err["error"]["kind"], "no_token");
}

#[test]
fn an_unrecognised_card_is_not_called_no_token() {
    let w = CardWorld::empty();
    let mut other = w.pcsc.unrecognised_card();
    other.insert();
    let doc = w.run(&["doctor", "--json"]).code(1).json();
    assert!(
        common::has_finding(&doc, "card_not_recognised", "blocker"),
        "{doc:#}"
    );
    let err = w.run(&["tokens", "--json"]).code(3).json();
    assert_eq!(err["error"]["kind"], "card_not_recognised", "{err}");
    let text = w.run(&["pin", "status"]).code(3).stderr;
    assert!(
        text.contains("no PKCS#11 module on this computer recognises it"),
        "{text}"
    );
    let readers = w.run(&["readers", "--json"]).ok().json();
    assert_eq!(
        readers["readers"][0]["card_name"],
        "vsmartcard - iso7816 (Other)"
    );
    assert_eq!(readers["readers"][0]["served_by"], serde_json::json!([]));
}

const USER_TOKEN: &str = "OpenPGP card (User PIN)";

fn public_objects(w: &CardWorld) -> String {
    w.run(&["--token", USER_TOKEN, "objects"]).ok().stdout
}

#[test]
fn keys_are_generated_on_the_card_with_the_admin_pin_and_peers_sign_with_them() {
    let w = CardWorld::start();
    // With the user PIN only, OpenSC refuses: tokenward says the SO (admin) PIN is needed,
    // not "try again", and the card stays as it was.
    let before = public_objects(&w);
    let err = w
        .tw(&[
            "--token", USER_TOKEN, "keys", "generate", "--type", "p256", "--label", "k", "--json",
        ])
        .code(2)
        .json();
    assert_eq!(err["error"]["kind"], "so_pin_needed", "{err}");
    assert!(err["error"]["hint"]
        .as_str()
        .unwrap()
        .contains("--so-pin-env"));
    assert_eq!(public_objects(&w), before);
    // An id the card cannot take is refused before anything is sent.
    let mut cmd = w.tokenward();
    cmd.args([
        "--token", USER_TOKEN, "keys", "generate", "--type", "p256", "--label", "k",
    ])
    .args(["--id", "0a0b", "--so-pin-env", "SO", "--json"])
    .env("SO", common::card::CARD_ADMIN_PIN);
    let err = common::Run::from(cmd.output().unwrap()).code(2).json();
    assert_eq!(err["error"]["reason"], "id_not_allowed", "{err}");
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("01, 02, 03"));

    let mut cmd = w.tokenward();
    cmd.args([
        "--token", USER_TOKEN, "keys", "generate", "--type", "p256", "--label", "k",
    ])
    .args(["--so-pin-env", "SO", "--json"])
    .env("SO", common::card::CARD_ADMIN_PIN);
    let run = common::Run::from(cmd.output().unwrap()).ok();
    let made = run.json();
    assert_eq!(
        made["key"]["id"], "03",
        "the authentication key signs with the user PIN"
    );
    assert_eq!(
        made["key"]["label"], "Authentication key",
        "the card names it"
    );
    assert!(
        run.stderr.contains("names its keys itself"),
        "{}",
        run.stderr
    );

    // The card's serial alone finds the token of the pair that holds the key.
    let by_serial = w
        .run(&[
            "--token",
            SERIAL,
            "keys",
            "export-public",
            "--key",
            "03",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(by_serial["key"]["id"], "03", "{by_serial}");
    // Public data needs no PIN; the label reported selects the key in the next program.
    let pubkey = w.home.path("card.pub.pem");
    w.run(&[
        "--token",
        USER_TOKEN,
        "keys",
        "export-public",
        "--key",
        "Authentication key",
        "--out",
        common::path(&pubkey),
    ])
    .ok();
    let doc = w.home.write("doc.txt", "invoice 42\n");
    let sig = w.home.path("doc.sig");
    w.pkcs11_tool(&[
        "--token-label",
        USER_TOKEN,
        "--login",
        "--pin",
        common::card::CARD_USER_PIN,
        "--sign",
        "--id",
        "03",
        "--mechanism",
        "ECDSA-SHA256",
        "--signature-format",
        "openssl",
        "--input-file",
        common::path(&doc),
        "--output-file",
        common::path(&sig),
    ])
    .ok();
    let verify = |sig: &std::path::Path| {
        w.home
            .run_peer(
                "openssl",
                &[
                    "dgst",
                    "-sha256",
                    "-verify",
                    common::path(&pubkey),
                    "-signature",
                    common::path(sig),
                    common::path(&doc),
                ],
            )
            .ok()
    };
    verify(&sig);
    let engine_sig = w.home.path("engine.sig");
    let uri = format!(
        "pkcs11:token=OpenPGP%20card%20(User%20PIN);id=%03;type=private;pin-value={}",
        common::card::CARD_USER_PIN
    );
    common::Run::from(
        w.home
            .command("openssl")
            .args([
                "dgst", "-sha256", "-engine", "pkcs11", "-keyform", "engine", "-sign", &uri,
            ])
            .args(["-out", common::path(&engine_sig), common::path(&doc)])
            .env("PKCS11_MODULE_PATH", common::card::OPENSC)
            .env("OPENSSL_CONF", "/dev/null")
            .output()
            .unwrap(),
    )
    .ok();
    verify(&engine_sig);
    // A certificate request signed on the card verifies.
    let csr = w.home.path("card.csr");
    w.tw(&[
        "--token",
        USER_TOKEN,
        "keys",
        "csr",
        "--key",
        "03",
        "--subject",
        "CN=Card Holder",
        "--out",
        common::path(&csr),
    ])
    .ok();
    w.home
        .run_peer(
            "openssl",
            &["req", "-in", common::path(&csr), "-verify", "-noout"],
        )
        .ok();
}

/// tokenward with the card's admin PIN in `SO` (and these arguments).
fn with_admin_pin(w: &CardWorld, args: &[&str]) -> common::Run {
    let mut cmd = w.tokenward();
    cmd.args(args)
        .args(["--so-pin-env", "SO"])
        .env("SO", common::card::CARD_ADMIN_PIN);
    common::Run::from(cmd.output().unwrap())
}

/// A P-256 key on the card, generated with the admin PIN (it lands on id 03).
fn generate_card_key(w: &CardWorld) {
    with_admin_pin(
        w,
        &[
            "--token", USER_TOKEN, "keys", "generate", "--type", "p256", "--label", "k",
        ],
    )
    .ok();
}

/// A self-signed certificate for the card's key 03, made by OpenSSL's pkcs11 engine.
fn certificate_by_openssl(w: &CardWorld) -> std::path::PathBuf {
    let out = w.home.path("card.pem");
    let uri = format!(
        "pkcs11:token=OpenPGP%20card%20(User%20PIN);id=%03;type=private;pin-value={}",
        common::card::CARD_USER_PIN
    );
    common::Run::from(
        w.home
            .command("openssl")
            .args([
                "req", "-new", "-x509", "-engine", "pkcs11", "-keyform", "engine",
            ])
            .args(["-key", &uri, "-subj", "/CN=Card Holder", "-days", "365"])
            .args(["-out", common::path(&out)])
            .env("PKCS11_MODULE_PATH", common::card::OPENSC)
            .env("OPENSSL_CONF", "/dev/null")
            .output()
            .unwrap(),
    )
    .ok();
    out
}

#[test]
fn certificates_go_on_and_off_the_card_with_the_admin_pin() {
    let w = CardWorld::start();
    generate_card_key(&w);
    let cert = certificate_by_openssl(&w);
    let certs_by_peer = || {
        w.pkcs11_tool(&[
            "--token-label",
            USER_TOKEN,
            "--list-objects",
            "--type",
            "cert",
        ])
        .ok()
        .stdout
    };
    let err = w
        .tw(&[
            "--token",
            USER_TOKEN,
            "certs",
            "import",
            common::path(&cert),
            "--json",
        ])
        .code(2)
        .json();
    assert_eq!(err["error"]["kind"], "so_pin_needed", "{err}");
    assert!(!certs_by_peer().contains("Certificate Object"));

    let done = with_admin_pin(
        &w,
        &[
            "--token",
            USER_TOKEN,
            "certs",
            "import",
            common::path(&cert),
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(done["certificates"][0]["id"], "03", "{done}");
    assert!(
        certs_by_peer().contains("Certificate Object"),
        "pkcs11-tool sees it"
    );
    // The user PIN alone cannot delete it either; the admin PIN can.
    let err = w
        .tw(&[
            "--token", USER_TOKEN, "certs", "delete", "03", "--yes", "--json",
        ])
        .code(2)
        .json();
    assert_eq!(err["error"]["kind"], "so_pin_needed", "{err}");
    assert!(certs_by_peer().contains("Certificate Object"));
    with_admin_pin(
        &w,
        &["--token", USER_TOKEN, "certs", "delete", "03", "--yes"],
    )
    .ok();
    assert!(
        !certs_by_peer().contains("Certificate Object"),
        "{}",
        certs_by_peer()
    );
}

/// Tries left of one PIN, as pkcs15-tool (OpenSC) lists them.
fn tries_by_pkcs15_tool(w: &CardWorld, pin: &str) -> u64 {
    let out = w.home.run_peer("pkcs15-tool", &["--list-pins"]).ok().stdout;
    let block = out
        .split("PIN [")
        .find(|b| b.starts_with(&format!("{pin}]")))
        .unwrap_or_else(|| panic!("no PIN {pin} in:\n{out}"));
    block
        .lines()
        .find_map(|l| l.trim().strip_prefix("Tries left     :"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn tries_the_card_does_not_report_are_not_invented() {
    let w = CardWorld::start();
    let status = w
        .run(&["--token", USER_TOKEN, "pin", "status", "--json"])
        .ok()
        .json();
    assert_eq!(status["user_pin"]["reported"], "final_try_only", "{status}");
    assert_eq!(status["so_pin"]["reported"], "nothing", "{status}");
    let text = w.run(&["--token", USER_TOKEN, "pin", "status"]).ok().stdout;
    assert!(text.contains("not reported by this token"), "{text}");
    assert!(!text.contains("no wrong attempts"), "{text}");

    // A wrong admin PIN: the card's flags do not move, and tokenward does not pretend.
    let mut cmd = w.tokenward();
    cmd.args([
        "--token", USER_TOKEN, "keys", "generate", "--type", "p256", "--label", "k",
    ])
    .args(["--so-pin-env", "SO"])
    .env("SO", "87654321");
    let run = common::Run::from(cmd.output().unwrap()).code(4);
    assert!(
        run.stderr
            .contains("does not report how many tries are left"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("no wrong attempts"), "{}", run.stderr);
    assert_eq!(tries_by_pkcs15_tool(&w, "Admin PIN"), 2);

    // Two wrong user PINs: one try left, as pkcs15-tool says; the next is not sent.
    let wrong = |w: &CardWorld| {
        let mut cmd = w.tokenward();
        cmd.args([
            "--token",
            USER_TOKEN,
            "certs",
            "list",
            "--login",
            "--pin-env",
            "W",
        ])
        .env("W", "000000");
        common::Run::from(cmd.output().unwrap())
    };
    wrong(&w).code(4);
    wrong(&w).code(4);
    let status = w
        .run(&["--token", USER_TOKEN, "pin", "status", "--json"])
        .ok()
        .json();
    assert_eq!(status["user_pin"]["tries_left"], 1, "{status}");
    assert_eq!(tries_by_pkcs15_tool(&w, "User PIN"), 1);
    let refused = wrong(&w).code(2).all_output();
    assert!(refused.contains("one try left"), "{refused}");
    assert_eq!(tries_by_pkcs15_tool(&w, "User PIN"), 1, "nothing was sent");
}

#[test]
fn pin_unblock_names_the_opensc_setting_it_needs_and_works_with_it() {
    let w = CardWorld::start();
    let unblock = |conf: Option<&std::path::Path>| {
        let mut cmd = w.tokenward();
        cmd.args(["--token", USER_TOKEN, "pin", "unblock", "--json"])
            .args(["--so-pin-env", "SO", "--new-pin-env", "NEW"])
            .env("SO", common::card::CARD_ADMIN_PIN)
            .env("NEW", "abcd1234");
        if let Some(conf) = conf {
            cmd.env("OPENSC_CONF", conf);
        }
        common::Run::from(cmd.output().unwrap())
    };
    let err = unblock(None).code(2).json();
    assert_eq!(err["error"]["kind"], "module_setting_needed", "{err}");
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("user_pin_unblock_style = init_pin_in_so_session"));
    // The old PIN still works: nothing was changed.
    w.tw(&["--token", USER_TOKEN, "objects", "--login"]).ok();

    let conf = w.home.write(
        "opensc.conf",
        "app default {\n  pkcs11 {\n    user_pin_unblock_style = init_pin_in_so_session;\n  }\n}\n",
    );
    unblock(Some(&conf)).ok();
    let mut cmd = w.tokenward();
    cmd.args([
        "--token",
        USER_TOKEN,
        "objects",
        "--login",
        "--pin-env",
        "P",
    ])
    .env("P", "abcd1234");
    common::Run::from(cmd.output().unwrap()).ok();
}

#[test]
fn setup_on_the_card_makes_its_certificate_the_default_and_signs_with_it() {
    let w = CardWorld::start();
    generate_card_key(&w);
    let cert = certificate_by_openssl(&w);
    with_admin_pin(
        &w,
        &[
            "--token",
            USER_TOKEN,
            "certs",
            "import",
            common::path(&cert),
        ],
    )
    .ok();
    let setup = |args: &[&str]| {
        let mut cmd = w.tokenward();
        cmd.args(args)
            .args(["setup", "--no-input", "--json", "--pin-env", "PIN"])
            .args(["--programs", "openssl"])
            .env("PIN", common::card::CARD_USER_PIN);
        common::Run::from(cmd.output().unwrap())
    };
    // One card shown as two tokens: a script must say which.
    let run = setup(&[]);
    assert_eq!(run.code, 2, "{}", run.all_output());
    let report = run.json();
    assert_eq!(report["steps"][1]["step"], "choose_token");
    assert_eq!(report["steps"][1]["error"]["kind"], "ambiguous_token");
    // With the user PIN's token: the card's own PIN is kept, its certificate becomes the
    // default, OpenSSL's configuration is written and the card signs.
    let run = setup(&["--token", USER_TOKEN]);
    assert_eq!(run.code, 0, "{}", run.all_output());
    let report = run.json();
    common::assert_setup_steps(
        &report,
        &[
            ("check_computer", "done"),
            ("choose_token", "done"),
            ("choose_certificate", "done"),
            ("set_pin", "skipped"),
            ("programs", "done"),
            ("check_signing", "done"),
        ],
    );
    assert_eq!(report["certificate"]["id"], "03", "{report:#}");
    let dir = std::path::PathBuf::from(report["programs"][0]["places"][0].as_str().unwrap());
    let cnf = std::fs::read_to_string(dir.join("openssl-engine.cnf")).unwrap();
    assert!(cnf.contains(common::card::OPENSC), "{cnf}");
    let shown = w
        .run(&["--token", USER_TOKEN, "certs", "show", "--json"])
        .ok()
        .json();
    assert_eq!(shown["id"], "03", "{shown:#}");
}

/// `tokenward ARGS` on OpenSC's module, on a pseudo-terminal in `lang`.
fn card_on_terminal(w: &CardWorld, lang: &str, args: &str) -> common::Terminal {
    w.home.shell_on_terminal(
        lang,
        &format!(
            "TOKENWARD_MODULE='{}' {} {args}",
            common::card::OPENSC,
            env!("CARGO_BIN_EXE_tokenward")
        ),
    )
}

#[test]
fn setup_waits_for_the_card_and_goes_on_when_it_is_inserted() {
    let mut w = CardWorld::empty();
    let mut term = card_on_terminal(
        &w,
        "C.UTF-8",
        &format!("--token '{USER_TOKEN}' setup --skip-pin"),
    );
    term.expect("Plug in your token or insert the card; waiting");
    w.card.insert();
    term.expect("[2/6] Choose the token");
    // A fresh card holds no certificate: the run stops at step 3 and says why.
    term.expect("no certificate on token");
    let out = term.finish();
    assert_eq!(out.code, 1, "{}", out.all_output());
    assert!(
        out.all_output().contains("the token holds no certificate"),
        "{}",
        out.all_output()
    );
}

#[test]
fn ctrl_c_while_setup_waits_for_the_card_leaves_with_nothing_done() {
    let w = CardWorld::empty();
    let mut term = card_on_terminal(&w, "ru_RU.UTF-8", "setup");
    term.expect("ожидание");
    term.send("\x03");
    let out = term.finish();
    assert_eq!(out.code, 130, "{}", out.all_output());
    assert!(
        out.all_output().contains("уже сделанные шаги: ни одного"),
        "{}",
        out.all_output()
    );
}
