//! The examples at the end of every command's `--help`, in one place.

/// Each command path (as typed after `tokenward`) with its examples.
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "tokenward tokens                       what is plugged in",
            "tokenward doctor                       what is wrong, and what to do",
            "tokenward certs list                   the certificates on the token",
            "tokenward sign contract.pdf            sign a file with the default certificate",
        ],
    ),
    (
        "setup",
        &[
            "tokenward setup                        step by step, with questions",
            "tokenward --lang ru setup",
            "tokenward setup --no-input --json --pin-file pin.txt --new-pin-file new.pin --programs firefox,openssl",
        ],
    ),
    (
        "modules",
        &[
            "tokenward modules",
            "tokenward modules --all --json",
            "tokenward --module /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so modules",
        ],
    ),
    (
        "doctor",
        &["tokenward doctor", "tokenward --token \"Accounting 07\" doctor --json"],
    ),
    (
        "readers",
        &[
            "tokenward readers",
            "tokenward --module /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so readers --json",
        ],
    ),
    (
        "watch",
        &[
            "tokenward watch                        until Ctrl-C",
            "tokenward watch --json --count 1       wait for the next card or reader change",
            "tokenward watch --timeout 60",
        ],
    ),
    (
        "tokens",
        &["tokenward tokens", "tokenward tokens --present --json"],
    ),
    (
        "tokens select",
        &[
            "tokenward tokens select \"Accounting 07\"",
            "tokenward tokens select 4a19                 the serial's first characters",
        ],
    ),
    (
        "objects",
        &["tokenward objects", "tokenward objects --login --pin-file pin.txt"],
    ),
    (
        "mechanisms",
        &["tokenward mechanisms", "tokenward mechanisms --used --json"],
    ),
    ("pin", &["tokenward pin status", "tokenward pin change"]),
    (
        "pin status",
        &["tokenward pin status", "tokenward --token \"Accounting 07\" pin status --json"],
    ),
    (
        "pin change",
        &[
            "tokenward pin change",
            "tokenward pin change --pin-stdin --new-pin-stdin < pins.txt",
            "tokenward pin change --so --so-pin-file so.pin --new-pin-file new-so.pin",
        ],
    ),
    (
        "pin unblock",
        &[
            "tokenward pin unblock",
            "tokenward pin unblock --so-pin-file so.pin --new-pin-env NEW_PIN",
        ],
    ),
    ("token", &["tokenward token init --label \"Accounting 07\""]),
    (
        "token init",
        &[
            "tokenward token init --label \"Accounting 07\"",
            "tokenward --token SERIAL token init --label \"Staff 12\" --force --confirm-label \"Staff 11\"",
        ],
    ),
    (
        "provision",
        &[
            "tokenward provision staff.toml",
            "tokenward provision staff.toml --identity admin.key --json",
            "tokenward provision --station --count 30 staff.toml",
            "tokenward provision staff.toml --certs issued/",
        ],
    ),
    ("certs", &["tokenward certs list", "tokenward certs show"]),
    (
        "certs list",
        &[
            "tokenward certs list",
            "tokenward certs list --valid --for signing",
            "tokenward certs list --search ivanov --login --json",
        ],
    ),
    (
        "certs show",
        &["tokenward certs show", "tokenward certs show a1b2 --login"],
    ),
    (
        "certs select",
        &["tokenward certs select a1b2", "tokenward certs select \"Ivanov Ivan\""],
    ),
    (
        "certs export",
        &[
            "tokenward certs export --out me.pem",
            "tokenward certs export a1b2 --chain --out chain.pem",
            "tokenward certs export --der --out me.cer",
        ],
    ),
    (
        "certs import",
        &[
            "tokenward certs import issued.pem",
            "tokenward certs import ca.pem --ca",
        ],
    ),
    (
        "certs delete",
        &["tokenward certs delete a1b2", "tokenward certs delete old-cert --yes"],
    ),
    (
        "certs verify",
        &[
            "tokenward certs verify signer.pem --ca root.pem",
            "tokenward certs verify signer.pem --ca root.pem --chain intermediate.pem --at 2026-03-01T12:00:00Z --json",
        ],
    ),
    (
        "keys",
        &[
            "tokenward keys generate --type p256 --label signing",
            "tokenward keys csr --key signing --subject \"CN=Ivanov Ivan, C=RU\"",
        ],
    ),
    (
        "keys generate",
        &[
            "tokenward keys generate --type p256 --label signing",
            "tokenward keys generate --type rsa3072 --label archive --id 01",
        ],
    ),
    (
        "keys csr",
        &[
            "tokenward keys csr --key signing --subject \"CN=Ivanov Ivan, O=Romashka LLC, C=RU, INN=500100732259\" --out request.csr",
            "tokenward keys csr --template request.toml --out request.csr",
        ],
    ),
    (
        "keys import",
        &[
            "tokenward keys import ivanov.p12",
            "tokenward keys import key.pem --cert cert.pem --label signing",
            "tokenward keys import efirma.key --cert efirma.cer --password-stdin",
        ],
    ),
    (
        "keys export-public",
        &[
            "tokenward keys export-public --out public.pem",
            "tokenward keys export-public --key signing --der --out public.der",
        ],
    ),
    (
        "keys export-private",
        &[
            "tokenward keys export-private --key backup --out backup.p8",
            "tokenward keys export-private --key backup --format pkcs12 --out backup.p12",
        ],
    ),
    (
        "keys delete",
        &["tokenward keys delete --key old", "tokenward keys delete --key old --with-cert --yes"],
    ),
    (
        "export-config",
        &[
            "tokenward export-config --for openssl --out ~/.config/tokenward/openssl",
            "tokenward export-config --for nss",
            "tokenward export-config --for ssh --key signing",
        ],
    ),
    ("check", &["tokenward check", "tokenward check --cert a1b2 --json"]),
    (
        "sign",
        &[
            "tokenward sign contract.pdf",
            "tokenward sign --batch invoices/ --pin-file pin.txt",
            "tokenward sign report.xml --format raw --mechanism ecdsa-sha256",
        ],
    ),
    (
        "verify",
        &[
            "tokenward verify contract.pdf contract.pdf.p7s",
            "tokenward verify contract.pdf contract.pdf.p7s --ca root.pem",
            "tokenward verify data.bin data.bin.sig --pubkey public.pem",
        ],
    ),
    (
        "recovery",
        &["tokenward recovery status", "tokenward recovery recover"],
    ),
    (
        "recovery enroll",
        &["tokenward recovery enroll --email ivanov@gmail.com"],
    ),
    (
        "recovery recover",
        &["tokenward recovery recover", "tokenward recovery recover --no-browser"],
    ),
    ("recovery status", &["tokenward recovery status --json"]),
    (
        "recovery revoke",
        &["tokenward recovery revoke", "tokenward recovery revoke --so-pin-file so.pin --yes"],
    ),
];

/// The command with every subcommand's examples added to the end of its help.
pub fn with_examples(cmd: clap::Command) -> clap::Command {
    add(cmd, "")
}

fn add(mut cmd: clap::Command, path: &str) -> clap::Command {
    if let Some((_, lines)) = EXAMPLES.iter().find(|(p, _)| *p == path) {
        let text: String = lines
            .iter()
            .map(|l| format!("  {}\n", localized(l)))
            .collect();
        let heading = tokenward::i18n::help_text("help-heading-examples")
            .unwrap_or_else(|| "Examples".into());
        cmd = cmd.after_help(format!("{heading}:\n{text}"));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |c| add(c, &sub_path));
    }
    cmd
}

/// An example line whose words say what it does (after three spaces), and the catalogue key
/// of those words: `help-example-sign-contract-pdf`.
fn described(line: &str) -> Option<(&str, &str, String)> {
    let at = line.find("   ")?;
    let (command, words) = (&line[..at], line[at..].trim_start());
    let slug: Vec<String> = command
        .trim_start_matches("tokenward")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    Some((command, words, format!("help-example-{}", slug.join("-"))))
}

/// The example line with its words in the chosen language, aligned as in English.
fn localized(line: &str) -> String {
    match described(line) {
        Some((command, _, key)) => match tokenward::i18n::help_text(&key) {
            Some(words) => format!("{command:<38} {words}"),
            None => line.to_string(),
        },
        None => line.to_string(),
    }
}

/// The catalogue keys of the examples' words (for the test that every language has them).
#[cfg(test)]
pub fn word_keys() -> Vec<String> {
    EXAMPLES
        .iter()
        .flat_map(|(_, lines)| lines.iter())
        .filter_map(|l| described(l).map(|(_, _, key)| key))
        .collect()
}

/// Every command path that has examples (for the test that every command has some).
#[cfg(test)]
pub fn paths() -> impl Iterator<Item = &'static str> {
    EXAMPLES.iter().map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    fn all_paths(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for c in cmd.get_subcommands() {
            if c.get_name() == "help" || c.is_hide_set() {
                continue;
            }
            let p = if path.is_empty() {
                c.get_name().to_string()
            } else {
                format!("{path} {}", c.get_name())
            };
            all_paths(c, &p, out);
        }
    }

    #[test]
    fn every_command_has_examples_and_every_example_names_a_command() {
        let mut paths = Vec::new();
        all_paths(&crate::cli::Cli::command(), "", &mut paths);
        let known: Vec<&str> = super::paths().collect();
        for p in &paths {
            assert!(known.contains(&p.as_str()), "no examples for `{p}`");
        }
        for k in known {
            assert!(paths.iter().any(|p| p == k), "examples for unknown `{k}`");
        }
    }
}
