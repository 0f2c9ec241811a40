//! Languages: the catalogues (`i18n/`) hold the same messages in English, Russian and Spanish,
//! every message is used, JSON and exit codes do not change with the language, and prompts on a
//! real pseudo-terminal speak the person's language and name the secret and the token.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{fixture, path, Hsm, Run, USER_PIN};

const LANGUAGES: &[&str] = &["en-US", "ru", "es-MX"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The message ids of one catalogue; an id written twice (one silently hides the other) fails.
fn ids(lang: &str) -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(root().join("i18n").join(lang).join("tokenward.ftl")).unwrap();
    let all: Vec<String> = text
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect();
    let mut unique = BTreeSet::new();
    let twice: Vec<&String> = all
        .iter()
        .filter(|id| !unique.insert(id.to_string()))
        .collect();
    assert!(twice.is_empty(), "{lang}: written twice: {twice:?}");
    unique
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_message_is_in_every_catalogue_and_every_one_is_used() {
    let english = ids("en-US");
    assert!(!english.is_empty());
    for lang in &LANGUAGES[1..] {
        let other = ids(lang);
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in English {extra:?}"
        );
    }
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let source: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let mut used: BTreeSet<String> = regex::Regex::new(r#"fl!\(\s*(?:[a-z_]+,\s*)?"([a-z0-9-]+)""#)
        .unwrap()
        .captures_iter(&source)
        .map(|c| c[1].to_string())
        .collect();
    // A message may also be used inside another (`{ pin-noun }`), taking its arguments along.
    let catalogue = std::fs::read_to_string(root().join("i18n/en-US/tokenward.ftl")).unwrap();
    used.extend(
        regex::Regex::new(r"\{\s*([a-z][a-z0-9-]*)\s*\}")
            .unwrap()
            .captures_iter(&catalogue)
            .map(|c| c[1].to_string()),
    );
    // doctor's findings are looked up by their stable ids: `finding-card-held(-fix)`.
    let doctor = std::fs::read_to_string(root().join("src/ops/doctor.rs")).unwrap();
    for id in regex::Regex::new(r#""([a-z]+(?:_[a-z0-9]+)+)""#)
        .unwrap()
        .captures_iter(&doctor)
    {
        let key = format!("finding-{}", id[1].replace('_', "-"));
        for key in [format!("{key}-fix"), key] {
            if english.contains(&key) {
                used.insert(key);
            }
        }
    }
    // PKCS#11 return codes by their ids: `ckr-pin-incorrect(-fix)`.
    let ckr = std::fs::read_to_string(root().join("src/error/ckr.rs")).unwrap();
    for id in regex::Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9]+)*)""#)
        .unwrap()
        .captures_iter(&ckr)
    {
        used.insert(format!("ckr-{}", &id[1]));
        used.insert(format!("ckr-{}-fix", &id[1]));
    }
    // Catalogued errors by group and kind: `err-input-file-exists`, `hint-input-file-exists`
    // (the library's own test holds each to a variant that exists).
    // Other words likewise: `catalogued!(Step, "export-config", "step")` reads
    // `step-export-config-…`, and warnings (src/warning.rs) `warn-warning-…`.
    let mut starts: Vec<String> = vec!["warn-warning-".into()];
    for c in regex::Regex::new(r#"catalogued!\(\w+, "([a-z-]+)"(?:, "([a-z]+)")?\)"#)
        .unwrap()
        .captures_iter(&source)
    {
        match c.get(2) {
            Some(prefix) => starts.push(format!("{}-{}-", prefix.as_str(), &c[1])),
            None => {
                starts.push(format!("err-{}-", &c[1]));
                starts.push(format!("hint-{}-", &c[1]));
            }
        }
    }
    assert!(starts.len() >= 20, "{starts:?}");
    for id in &english {
        if starts.iter().any(|s| id.starts_with(s.as_str())) {
            used.insert(id.clone());
        }
    }
    let unused: Vec<&String> = english.difference(&used).collect();
    let unknown: Vec<&String> = used.difference(&english).collect();
    assert!(
        unknown.is_empty(),
        "messages the code uses that the catalogue lacks: {unknown:?}"
    );
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// A command's arguments and its extra environment.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

#[test]
fn json_and_exit_codes_are_the_same_in_every_language() {
    let cases: &[Case] = &[
        (&["tokens", "--json"], &[]),
        (&["pin", "status", "--json"], &[]),
        (&["certs", "list", "--json"], &[]),
        (
            &["objects", "--login", "--pin-env", "W", "--json"],
            &[("W", "wrong-pin-1")],
        ),
        (&["--token", "nope", "tokens", "--json"], &[]),
        (
            &[
                "pin",
                "change",
                "--pin-env",
                "P",
                "--new-pin-env",
                "N",
                "--json",
            ],
            &[("P", USER_PIN), ("N", "short1")],
        ),
        (&["doctor", "--json"], &[]),
    ];
    let languages: &[(&str, Option<&str>)] = &[
        ("C.UTF-8", None),
        ("ru_RU.UTF-8", None),
        ("es_MX.UTF-8", None),
        ("C.UTF-8", Some("ru")),
    ];
    // One token per language, the same commands in the same order: every output alike.
    let outputs: Vec<Vec<(i32, String)>> = languages
        .iter()
        .map(|(lang, flag)| {
            let hsm = Hsm::with_tokens(&["lang"]);
            // A fixed id: the outputs of the four tokens are compared byte for byte.
            hsm.tw(&[
                "keys",
                "import",
                path(&fixture("modern-p256.p12")),
                "--password-file",
                path(&fixture("password.txt")),
                "--label",
                "leaf",
                "--id",
                "01",
            ])
            .ok();
            let serial = hsm.serial_of("lang");
            cases
                .iter()
                .map(|(args, env)| {
                    let mut cmd = hsm.tokenward();
                    cmd.env_remove("LC_ALL").env("LANG", lang);
                    if let Some(flag) = flag {
                        cmd.args(["--lang", flag]);
                    }
                    cmd.args(*args);
                    for (k, v) in *env {
                        cmd.env(k, v);
                    }
                    let run = Run::from(cmd.output().unwrap());
                    let mut stdout = run
                        .stdout
                        .replace(&serial, "[SERIAL]")
                        .replace(hsm.dir.path().to_str().unwrap(), "[TMP]");
                    for (re, with) in [
                        (r#""slot_id": \d+"#, r#""slot_id": [SLOT]"#),
                        (r"slot ID 0x[0-9a-f]+", "slot ID [SLOT]"),
                        (r"slot-id=\d+", "slot-id=[SLOT]"),
                        (r#""days_left": -?\d+"#, r#""days_left": [N]"#),
                    ] {
                        stdout = regex::Regex::new(re)
                            .unwrap()
                            .replace_all(&stdout, with)
                            .into_owned();
                    }
                    (run.code, stdout)
                })
                .collect()
        })
        .collect();
    for (i, case) in cases.iter().enumerate() {
        for (l, lang) in languages.iter().enumerate().skip(1) {
            assert_eq!(
                outputs[l][i], outputs[0][i],
                "{:?} under {lang:?}: the JSON or the exit code differs from English",
                case.0
            );
        }
    }
}

#[test]
fn prompts_in_russian_name_the_secret_and_the_token() {
    let hsm = Hsm::with_tokens(&["Бухгалтерия 07"]);
    let serial = hsm.serial_of("Бухгалтерия 07");
    let mut term = hsm.on_terminal("ru_RU.UTF-8", "pin change");
    term.answer("Текущий PIN-код", USER_PIN);
    term.answer("Новый PIN-код", "NewPin5678");
    term.answer("Повторите", "NewPin5678");
    let run = term.finish();
    assert_eq!(run.code, 0, "{}", run.all_output());
    let screen = run.all_output();
    assert!(
        screen.contains(&format!(
            "Текущий PIN-код пользователя токена «Бухгалтерия 07» (серийный номер {serial}):"
        )),
        "{screen}"
    );
    assert!(
        screen.contains("Новый PIN-код пользователя (не меньше 8 латинских букв и цифр):"),
        "{screen}"
    );
    assert!(
        screen.contains("Повторите новый PIN-код пользователя:"),
        "{screen}"
    );
    // The new PIN is the one on the token now.
    let check = hsm.pkcs11_tool(&["--login", "--pin", "NewPin5678", "--list-objects"]);
    assert_eq!(check.code, 0, "{}", check.all_output());
}

#[test]
fn a_confirmation_takes_yes_in_the_persons_language() {
    for (lang, yes) in [
        ("ru_RU.UTF-8", "да"),
        ("es_MX.UTF-8", "sí"),
        ("ru_RU.UTF-8", "yes"),
    ] {
        let hsm = Hsm::with_tokens(&["confirm"]);
        hsm.import_p12("modern-p256.p12", "leaf");
        let mut term = hsm.on_terminal(lang, "certs delete leaf --pin-env TW_PIN");
        let question = if lang.starts_with("ru") {
            "Ключ останется. Для подтверждения введите «да»: "
        } else {
            "Su clave se queda. Escriba sí para confirmar: "
        };
        term.answer(question, yes);
        let run = term.finish();
        assert_eq!(run.code, 0, "{lang} {yes}: {}", run.all_output());
        let left = hsm.run(&["certs", "list", "--json"]).ok().json();
        assert_eq!(left["certificates"], serde_json::json!([]), "{lang} {yes}");
    }
}

/// `stty -a` shows `echo` and `icanon` (not `-echo`, `-icanon`): the terminal is as it was.
fn terminal_restored(screen: &str) -> bool {
    let words: Vec<&str> = screen.split_whitespace().collect();
    words.contains(&"echo") && words.contains(&"icanon") && words.contains(&"isig")
}

#[test]
fn ctrl_c_at_a_prompt_cancels_in_russian_and_restores_the_terminal_under_dash() {
    let hsm = Hsm::with_tokens(&["Бухгалтерия 07"]);
    // `sh` is dash on Debian: no shell of ours puts the terminal back.
    let mut term = hsm.shell_on_terminal(
        "ru_RU.UTF-8",
        &format!(
            "{} pin change; echo \"rc=$?\"; stty -a",
            env!("CARGO_BIN_EXE_tokenward")
        ),
    );
    term.expect("Текущий PIN-код пользователя");
    term.send("abc\x03");
    term.expect("отменено; ничего не изменилось");
    term.expect("rc=130");
    term.expect("isig");
    let run = term.finish();
    let after = run.stdout.split("rc=130").nth(1).unwrap_or_default();
    assert!(terminal_restored(after), "{}", run.stdout);
    // Nothing was sent: the token's PIN is the same and no wrong try is counted.
    let status = hsm.run(&["pin", "status", "--json"]).ok().json();
    assert_eq!(status["user_pin"]["count_low"], false, "{status}");
    assert!(hsm
        .pkcs11_tool(&["--login", "--pin", USER_PIN, "--list-objects"])
        .code
        .eq(&0));
}

#[test]
fn a_cyrillic_login_pin_typed_at_the_prompt_is_not_sent() {
    let hsm = Hsm::with_tokens(&["Бухгалтерия 07"]);
    let mut term = hsm.on_terminal("ru_RU.UTF-8", "objects --login");
    // "user-pin-1234" typed with the keyboard on the Russian layout.
    term.answer("Текущий PIN-код пользователя", "гыук-зшт-1234");
    term.expect("русская буква");
    let run = term.finish();
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("На токен ничего не отправлено, попытка не потрачена"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("гыук"),
        "the PIN was echoed: {}",
        run.stdout
    );
    let status = hsm.run(&["pin", "status", "--json"]).ok().json();
    assert_eq!(status["user_pin"]["count_low"], false, "{status}");
}

#[test]
fn pin_stdin_on_a_terminal_asks_with_a_hidden_prompt() {
    let hsm = Hsm::with_tokens(&["tty"]);
    let mut term = hsm.on_terminal("C.UTF-8", "objects --login --pin-stdin");
    term.answer("PIN:", USER_PIN);
    let run = term.finish();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains(USER_PIN), "echoed: {}", run.stdout);
}

#[test]
fn slow_start_shows_a_spinner_and_what_was_typed_meanwhile_is_not_taken_as_the_pin() {
    let hsm = Hsm::with_tokens(&["slow"]);
    let mut term = hsm.shell_on_terminal(
        "ru_RU.UTF-8",
        &format!(
            "TOKENWARD_MODULE={} P11FAULT_TARGET={} P11FAULT_STATE={} P11FAULT_INIT_DELAY_MS=4000 {} objects --login",
            common::fault_module().display(),
            *common::SOFTHSM,
            hsm.path("p11fault-state").display(),
            env!("CARGO_BIN_EXE_tokenward")
        ),
    );
    term.expect("Поиск токенов");
    // Typed while the module starts: dropped, not taken as the answer to the question.
    term.send("typed-too-early\n");
    term.answer("Текущий PIN-код пользователя", USER_PIN);
    let run = term.finish();
    // Exit 0: the PIN sent was the one typed at the question (the early line would be wrong).
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("неверный"), "{}", run.stdout);
}

#[test]
fn slow_key_generation_shows_what_is_happening() {
    let hsm = Hsm::with_tokens(&["slow"]);
    hsm.write("pin.txt", USER_PIN);
    let mut term = hsm.shell_on_terminal(
        "C.UTF-8",
        &format!(
            "TOKENWARD_MODULE={} P11FAULT_TARGET={} P11FAULT_STATE={} P11FAULT_GENERATE_DELAY_MS=3000 {} keys generate --type p256 --label slow --extractable --pin-file {}",
            common::fault_module().display(),
            *common::SOFTHSM,
            hsm.path("p11fault-state").display(),
            env!("CARGO_BIN_EXE_tokenward"),
            hsm.path("pin.txt").display()
        ),
    );
    term.expect("Making the p256 key on the token");
    let run = term.finish();
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Without a terminal (a script, --json) nothing but the result is printed.
    let quiet = hsm
        .tw(&[
            "keys", "generate", "--type", "p256", "--label", "quiet", "--json",
        ])
        .ok();
    assert!(!quiet.stderr.contains("Making"), "{}", quiet.stderr);
}

/// Words that are English and not Spanish.
const ENGLISH_ONLY: &[&str] = &[
    "the",
    "is",
    "was",
    "with",
    "for",
    "this",
    "that",
    "of",
    "and",
    "to",
    "found",
    "not",
    "run",
    "wrong",
    "left",
    "tries",
    "must",
    "your",
    "it",
    "be",
    "by",
    "or",
    "on",
    "been",
    "are",
    "you",
    "there",
    "then",
    "cannot",
    "when",
    "free",
    "total",
    "reported",
    "characters",
    "yes",
    "blank",
    "ready",
    "locked",
    "login",
    "required",
    "attempts",
    "serial",
    "slot",
];

/// English in a screen, once what is not ours to translate is taken out (URIs, paths, commands
/// in backticks, flags, quoted names, serials and other long hex — a serial may begin with
/// "be" —, and the words the token and its module report about themselves, `own`): in Russian, three Latin words in a row; in Spanish, a run of Latin
/// words with a word that is only English.
fn english_sentences(screen: &str, own: &[&str], latin_script: bool) -> Vec<String> {
    let mut text = screen.to_string();
    for word in own {
        text = text.replace(word, " ");
    }
    let not_ours = regex::Regex::new(
        r#"pkcs11:\S+|/\S+|`[^`]*`|--[a-z-]+|"[^"]*"|«[^»]*»|0x[0-9a-f]+|\b[0-9a-f]{12,}\b|SHA-256 [0-9a-f]+…|tokenward(?: [a-z][a-z0-9.-]*)*"#,
    )
    .unwrap();
    let text = not_ours.replace_all(&text, " ");
    let runs = regex::Regex::new(r"\p{Latin}{2,}(?:[ ,;:()]+\p{Latin}{2,})+").unwrap();
    runs.find_iter(&text)
        .map(|m| m.as_str().to_string())
        .filter(|run| {
            let words: Vec<String> = run
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if latin_script {
                words.iter().any(|w| ENGLISH_ONLY.contains(&w.as_str()))
            } else {
                words.len() >= 3
            }
        })
        .collect()
}

#[test]
fn russian_and_spanish_screens_hold_no_english_sentence() {
    // The detector finds English where there is some.
    let english = Hsm::with_tokens(&["en"])
        .run(&["pin", "status"])
        .ok()
        .stdout;
    assert!(!english_sentences(&english, &[], false).is_empty());
    assert!(!english_sentences(&english, &[], true).is_empty());
    // …and not in a serial that happens to start with letters ("be" is an English word).
    assert!(english_sentences(
        "token «x» (número de serie be14694d865f1de2): listo",
        &[],
        true
    )
    .is_empty());
    for lang in ["ru_RU.UTF-8", "es_MX.UTF-8"] {
        let hsm = Hsm::with_tokens(&["Бухгалтерия 07"]);
        hsm.import_p12("modern-p256.p12", "leaf");
        let subject = hsm.run(&["certs", "list", "--json"]).ok().json()["certificates"][0]["info"]
            ["subject_cn"]
            .as_str()
            .unwrap()
            .to_string();
        let issuer = hsm.run(&["certs", "list", "--json"]).ok().json()["certificates"][0]["info"]
            ["issuer_cn"]
            .as_str()
            .unwrap()
            .to_string();
        let own = [
            "SoftHSM project",
            "SoftHSM v2",
            "SoftHSM slot ID",
            subject.as_str(),
            issuer.as_str(),
        ];
        let two_tries = [("P11FAULT_USER_TRIES", "2")];
        let env = [("LANG", lang), ("LC_ALL", lang)];
        let text = hsm.path("note.txt");
        std::fs::write(&text, "not a signature").unwrap();
        let runs = vec![
            hsm.run_env(&["tokens"], &env),
            hsm.run_env(&["pin", "status"], &env),
            hsm.run_env(&["certs", "list"], &env),
            hsm.run_env(&["certs", "list", "--login", "--pin-env", "W"], &{
                let mut e = env.to_vec();
                e.push(("W", "wrong-pin-1"));
                e
            }),
            hsm.run_env(
                &["pin", "change", "--pin-env", "P", "--new-pin-env", "N"],
                &[
                    ("LANG", lang),
                    ("LC_ALL", lang),
                    ("P", USER_PIN),
                    ("N", "ab1"),
                ],
            ),
            hsm.run_env(&["--token", "nope", "certs", "list"], &env),
            hsm.run_faulty_env(&[("P11FAULT_TOKEN_ABSENT", "1")], &["certs", "list"], &env),
            // Two wrong PINs lock it (the second at the final try); then it is not sent.
            hsm.run_faulty_env(
                &two_tries,
                &["objects", "--login", "--final-try", "--pin-env", "W"],
                &{
                    let mut e = env.to_vec();
                    e.push(("W", "wrong-pin-1"));
                    e
                },
            ),
            hsm.run_faulty_env(
                &two_tries,
                &["objects", "--login", "--final-try", "--pin-env", "W"],
                &{
                    let mut e = env.to_vec();
                    e.push(("W", "wrong-pin-1"));
                    e
                },
            ),
            hsm.run_faulty_env(&two_tries, &["objects", "--login", "--pin-env", "W"], &{
                let mut e = env.to_vec();
                e.push(("W", USER_PIN));
                e
            }),
            // Command lines clap refuses.
            hsm.run_env(&["tokens", "--bogus"], &env),
            hsm.run_env(&["sign", "--format", "foo", "x"], &env),
            hsm.run_env(&["tokns"], &env),
            hsm.run_env(&["keys", "generate"], &env),
            // Rarer errors, each from another family of the catalogue.
            hsm.run_env(&["verify", path(&text), path(&text)], &env),
            hsm.run_env(&["keys", "csr", "--subject", "CN=x, C=Russia"], &env),
            hsm.run_env(&["--token", "pkcs11:bogus", "tokens"], &env),
            hsm.run_env(&["keys", "generate", "--type", "p256", "--label", ""], &env),
        ];
        let expected = [0, 0, 0, 4, 6, 3, 3, 4, 4, 5, 2, 2, 2, 2, 2, 2, 2, 2];
        // doctor's exit code depends on this computer's smart-card service; its words do not.
        let doctor = hsm.run_env(&["doctor"], &env);
        let found = english_sentences(&doctor.all_output(), &own, lang.starts_with("es"));
        assert!(
            found.is_empty(),
            "{lang}: English words {found:?} in:\n{}",
            doctor.all_output()
        );
        for (run, code) in runs.iter().zip(expected) {
            assert_eq!(run.code, code, "{lang}: {}", run.all_output());
            let found = english_sentences(&run.all_output(), &own, lang.starts_with("es"));
            assert!(
                found.is_empty(),
                "{lang}: English words {found:?} in:\n{}",
                run.all_output()
            );
        }
    }
}

#[test]
fn help_speaks_the_persons_language_and_english_stays_as_written() {
    let hsm = Hsm::with_tokens(&[]);
    let help = |lang: &str, args: &[&str]| {
        hsm.run_env(args, &[("LANG", lang), ("LC_ALL", lang)])
            .ok()
            .stdout
    };
    let ru = help("ru_RU.UTF-8", &["pin", "change", "--help"]);
    assert!(ru.contains("Сменить PIN-код пользователя"), "{ru}");
    assert!(ru.contains("Параметры:") && ru.contains("Запуск:"), "{ru}");
    assert!(ru.contains("Примеры:"), "{ru}");
    let es = help("es_MX.UTF-8", &["pin", "change", "--help"]);
    assert!(es.contains("Cambiar el NIP"), "{es}");
    assert!(es.contains("Opciones:") && es.contains("Uso:"), "{es}");
    let en = help("C.UTF-8", &["pin", "change", "--help"]);
    assert!(en.contains("Change the user PIN"), "{en}");
    assert!(en.contains("Usage:") && en.contains("Examples:"), "{en}");
    // --lang wins over the environment, for the help too.
    let flag = help("C.UTF-8", &["--lang", "ru", "--help"]);
    assert!(flag.contains("Команды:"), "{flag}");
    // No English sentence in the Russian help of the program and of its main commands.
    for args in [
        &["--help"][..],
        &["pin", "change", "--help"],
        &["certs", "list", "--help"],
        &["sign", "--help"],
        &["tokens", "--help"],
    ] {
        let text = help("ru_RU.UTF-8", args);
        let programs = ["OpenSSL", "GnuTLS", "NSS", "Java", "OpenSSH", "Google"];
        let found = english_sentences(&text, &programs, false);
        assert!(found.is_empty(), "{args:?}: {found:?}\n{text}");
    }
}
