//! Sentences the command line shows that more than one command uses.

use tokenward::error::Candidates;
use tokenward::ops::Destruction;
use tokenward::text::escaped;

/// The tokens or objects a selector could have meant, one per line (two for an object: its
/// URI under it), under the error.
pub fn candidates(c: Candidates<'_>) -> String {
    let mut out = String::new();
    match c {
        Candidates::Tokens(tokens) => {
            out.push_str("The tokens present:\n");
            for t in tokens {
                out.push_str(&format!(
                    "  {:<32} serial {:<16} {}\n",
                    t.label, t.serial, t.uri
                ));
            }
        }
        Candidates::Objects(objects) => {
            out.push_str("On the token:\n");
            for o in objects {
                out.push_str(&format!(
                    "  {:<24} id {:<10} {}\n      {}\n",
                    escaped(&o.label),
                    o.id,
                    escaped(&o.detail),
                    escaped(&o.uri)
                ));
            }
        }
    }
    out
}

/// The question asked before something is destroyed (names escaped: one line).
pub fn destruction_question(what: &Destruction) -> String {
    escaped(&question(what)).into_owned()
}

fn question(what: &Destruction) -> String {
    match what {
        Destruction::Certificate { name, token } => format!(
            "Delete the certificate \"{name}\" from token \"{token}\"? Its key stays. Type yes to confirm: "
        ),
        Destruction::Key {
            label,
            token,
            cert,
            cert_stays,
        } => {
            let cert_words = match (cert, cert_stays) {
                (Some(_), true) => " (its certificate stays; add --with-cert to remove it too)".to_string(),
                (Some(c), false) => format!(" and its certificate \"{c}\""),
                (None, _) => String::new(),
            };
            format!(
                "Delete the key \"{label}\"{cert_words} from token \"{token}\"? Anything signed or encrypted for it can no longer be used with it. Type yes to confirm: "
            )
        }
        Destruction::Recovery { token } => format!(
            "Remove PIN recovery from token \"{token}\"? A forgotten PIN can then be reset only with the SO PIN. Type yes to confirm: "
        ),
        _ => "Delete it? Type yes to confirm: ".to_string(),
    }
}

/// A token state id in words.
pub fn token_state(id: &str) -> &str {
    match id {
        "not_initialized" => "not initialised (run `tokenward token init`)",
        "user_pin_locked" => "user PIN locked",
        "user_pin_final_try" => "user PIN: final try",
        "user_pin_count_low" => "user PIN: a wrong PIN was entered",
        "so_pin_locked" => "SO PIN locked",
        "so_pin_final_try" => "SO PIN: final try",
        "so_pin_count_low" => "SO PIN: a wrong PIN was entered",
        "user_pin_not_set" => "user PIN not set",
        "user_pin_to_be_changed" => "user PIN must be changed (factory PIN)",
        "so_pin_to_be_changed" => "SO PIN must be changed",
        "write_protected" => "write-protected",
        "pin_pad" => "PIN entered on the reader's keypad",
        "ready" => "ready",
        "login_required" => "login required",
        other => other,
    }
}

/// A token's state ids in words, joined.
pub fn token_states(ids: &[String]) -> String {
    ids.iter()
        .map(|s| token_state(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A key usage or extended key usage id in words.
pub fn usage(id: &str) -> String {
    match id {
        "digital_signature" => "digital signature",
        "non_repudiation" => "non-repudiation",
        "key_encipherment" => "key encipherment",
        "data_encipherment" => "data encipherment",
        "key_agreement" => "key agreement",
        "key_cert_sign" => "certificate signing",
        "crl_sign" => "CRL signing",
        "encipher_only" => "encipher only",
        "decipher_only" => "decipher only",
        "any" => "any",
        "server_auth" => "TLS server",
        "client_auth" => "TLS client",
        "code_signing" => "code signing",
        "email_protection" => "email protection",
        "time_stamping" => "time stamping",
        "ocsp_signing" => "OCSP signing",
        "smart_card_logon" => "smart card logon",
        "cryptopro_user" => "CryptoPro user",
        oid => return format!("OID {oid}"),
    }
    .to_string()
}

/// What a signing check verified against, in words.
pub fn verified_against(id: &str) -> &str {
    match id {
        "token_public_key" => "token public key",
        other => other,
    }
}

/// Interrupted key imports, one paragraph each, for the end of a listing.
pub fn pending_imports(pending: &[tokenward::keys::journal::PendingImport]) -> String {
    let mut out = String::new();
    for p in pending {
        let has = |yes: bool| if yes { "is there" } else { "is missing" };
        out.push_str(&format!(
            "\nAn import of the key \"{}\" (id {}) was interrupted: its public key {}, its certificate {}, its private key {} (log in to see it). Run the same `tokenward keys import` again to finish it.\n",
            escaped(&p.journal.label),
            p.journal.id,
            has(p.public_key),
            has(p.certificate),
            has(p.private_key),
        ));
    }
    out
}
