//! Sentences the command line shows that more than one command uses.

use tokenward::error::Candidates;
use tokenward::ops::Destruction;

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
                    o.label, o.id, o.detail, o.uri
                ));
            }
        }
    }
    out
}

/// The question asked before something is destroyed.
pub fn destruction_question(what: &Destruction) -> String {
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
