//! Sentences the command line shows that more than one command uses.

use tokenward::error::Candidates;
use tokenward::fl;
use tokenward::ops::Destruction;
use tokenward::text::escaped;

/// The tokens or objects a selector could have meant, numbered, one line each (with
/// `verbose` each URI under its line), under the error.
pub fn candidates(c: Candidates<'_>, verbose: bool) -> String {
    let mut out = String::new();
    let uri_line = |uri: &str, out: &mut String| {
        if verbose {
            out.push_str(&format!("       {}\n", escaped(uri)));
        }
    };
    match c {
        Candidates::Tokens(tokens) => {
            out.push_str(&format!("{}\n", fl!("candidates-tokens")));
            for (n, t) in tokens.iter().enumerate() {
                out.push_str(&format!(
                    "  {:>2}. {:<32} {} {}\n",
                    n + 1,
                    t.label,
                    fl!("candidates-serial"),
                    t.serial,
                ));
                uri_line(&t.uri, &mut out);
            }
        }
        Candidates::Objects(objects) => {
            out.push_str(&format!("{}\n", fl!("candidates-objects")));
            for (n, o) in objects.iter().enumerate() {
                out.push_str(&format!(
                    "  {:>2}. {:<24} ID {:<10} {}\n",
                    n + 1,
                    escaped(&o.label),
                    o.id,
                    escaped(&o.words()),
                ));
                uri_line(&o.uri, &mut out);
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
        Destruction::Certificate { name, token } => fl!(
            "confirm-delete-certificate",
            name = name.as_str(),
            token = token.as_str()
        ),
        Destruction::Key {
            label,
            token,
            cert,
            cert_stays,
        } => fl!(
            "confirm-delete-key",
            cert = match (cert, cert_stays) {
                (Some(_), true) => "stays",
                (Some(_), false) => "goes",
                (None, _) => "none",
            },
            label = label.as_str(),
            certificate = cert.as_deref().unwrap_or_default(),
            token = token.as_str()
        ),
        Destruction::Recovery { token } => {
            fl!("confirm-remove-recovery", token = token.as_str())
        }
        _ => fl!("confirm-delete"),
    }
}

/// A token state id in words.
pub fn token_state(id: &str) -> String {
    match id {
        "not_initialized" => fl!("state-not-initialized"),
        "user_pin_locked" => fl!("state-user-pin-locked"),
        "user_pin_final_try" => fl!("state-user-pin-final-try"),
        "user_pin_count_low" => fl!("state-user-pin-count-low"),
        "so_pin_locked" => fl!("state-so-pin-locked"),
        "so_pin_final_try" => fl!("state-so-pin-final-try"),
        "so_pin_count_low" => fl!("state-so-pin-count-low"),
        "user_pin_not_set" => fl!("state-user-pin-not-set"),
        "user_pin_to_be_changed" => fl!("state-user-pin-to-be-changed"),
        "so_pin_to_be_changed" => fl!("state-so-pin-to-be-changed"),
        "write_protected" => fl!("state-write-protected"),
        "pin_pad" => fl!("state-pin-pad"),
        "ready" => fl!("state-ready"),
        "login_required" => fl!("state-login-required"),
        other => other.to_string(),
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
        "digital_signature" => fl!("usage-digital-signature"),
        "non_repudiation" => fl!("usage-non-repudiation"),
        "key_encipherment" => fl!("usage-key-encipherment"),
        "data_encipherment" => fl!("usage-data-encipherment"),
        "key_agreement" => fl!("usage-key-agreement"),
        "key_cert_sign" => fl!("usage-key-cert-sign"),
        "crl_sign" => fl!("usage-crl-sign"),
        "encipher_only" => fl!("usage-encipher-only"),
        "decipher_only" => fl!("usage-decipher-only"),
        "any" => fl!("usage-any"),
        "server_auth" => fl!("usage-server-auth"),
        "client_auth" => fl!("usage-client-auth"),
        "code_signing" => fl!("usage-code-signing"),
        "email_protection" => fl!("usage-email-protection"),
        "time_stamping" => fl!("usage-time-stamping"),
        "ocsp_signing" => fl!("usage-ocsp-signing"),
        "smart_card_logon" => fl!("usage-smart-card-logon"),
        "cryptopro_user" => fl!("usage-cryptopro-user"),
        oid => format!("OID {oid}"),
    }
}

/// Interrupted key imports, one paragraph each, for the end of a listing.
pub fn pending_imports(pending: &[tokenward::keys::journal::PendingImport]) -> String {
    let mut out = String::new();
    let has = |yes: bool| if yes { "yes" } else { "no" };
    for p in pending {
        out.push('\n');
        out.push_str(&fl!(
            "key-import-interrupted",
            label = escaped(&p.journal.label).into_owned(),
            id = p.journal.id.as_str(),
            public = has(p.public_key),
            certificate = has(p.certificate),
            private = has(p.private_key)
        ));
        out.push('\n');
    }
    out
}
