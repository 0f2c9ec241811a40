//! What particular modules and tokens do differently (docs/module-quirks.md), in one place.

use super::pin::{PinUser, TriesReported};
use super::slots::TokenReport;

/// OpenSC's PKCS#15 emulation of an OpenPGP card names itself so in C_GetTokenInfo.
const OPENPGP_MANUFACTURER: &str = "OpenPGP project";

/// The key ids (CKA_ID) of an OpenPGP card: signature, decryption, authentication.
const OPENPGP_IDS: &[&[u8]] = &[&[0x01], &[0x02], &[0x03]];

/// Is this OpenSC's view of an OpenPGP card?
pub fn is_openpgp_card(token: &TokenReport) -> bool {
    token.manufacturer == OPENPGP_MANUFACTURER
}

/// The only key ids this token takes, best first for a new signing key, or `None` when it
/// takes any. An OpenPGP card has three key slots: 03 (authentication) signs with the user
/// PIN; 01 (signature) asks for the PIN before every signature; 02 cannot sign at all. The
/// "(sig)" token of the pair OpenSC shows holds the signature key.
pub fn dictated_ids(token: &TokenReport) -> Option<Vec<&'static [u8]>> {
    ids_for(&token.manufacturer, &token.label)
}

fn ids_for(manufacturer: &str, label: &str) -> Option<Vec<&'static [u8]>> {
    if manufacturer != OPENPGP_MANUFACTURER {
        return None;
    }
    Some(if label.ends_with("(sig))") {
        vec![OPENPGP_IDS[0]]
    } else {
        vec![OPENPGP_IDS[2], OPENPGP_IDS[0], OPENPGP_IDS[1]]
    })
}

/// How much the token's flags tell about a PIN's tries. OpenSC raises no SO flag for an
/// OpenPGP card (its admin PIN), and for the user PIN only FINAL_TRY and LOCKED.
pub fn tries_reported(token: &TokenReport, who: PinUser) -> TriesReported {
    match (is_openpgp_card(token), who) {
        (false, _) => TriesReported::All,
        (true, PinUser::User) => TriesReported::FinalTryOnly,
        (true, PinUser::So) => TriesReported::Nothing,
    }
}

/// OpenSC answers C_InitPIN on an OpenPGP card with CKR_FUNCTION_NOT_SUPPORTED unless its
/// configuration sets `user_pin_unblock_style = init_pin_in_so_session`: say that instead.
pub fn explain_unblock(token: &TokenReport, e: crate::error::Error) -> crate::error::Error {
    use cryptoki::error::RvError;
    match e {
        crate::error::Error::Pkcs11 {
            rv: RvError::FunctionNotSupported,
            ..
        } if is_openpgp_card(token) => crate::error::Error::NeedsModuleSetting {
            what: "setting the user PIN with the SO PIN",
            setting: "user_pin_unblock_style = init_pin_in_so_session",
            place: "add `pkcs11 { user_pin_unblock_style = init_pin_in_so_session; }` inside `app default { … }` of /etc/opensc/opensc.conf (or of the file OPENSC_CONF names), then run the command again",
        },
        other => other,
    }
}

/// The name a card gives the key with this id whatever label it was given, if it does.
pub fn key_label(token: &TokenReport, id: &[u8]) -> Option<&'static str> {
    if !is_openpgp_card(token) {
        return None;
    }
    match id {
        [0x01] => Some("Signature key"),
        [0x02] => Some("Encryption key"),
        [0x03] => Some("Authentication key"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_openpgp_cards_dictate_ids_and_the_sig_token_holds_01() {
        assert_eq!(ids_for("SoftHSM project", "OpenPGP card (User PIN)"), None);
        assert_eq!(
            ids_for(OPENPGP_MANUFACTURER, "OpenPGP card (User PIN)"),
            Some(vec![&[3u8][..], &[1u8][..], &[2u8][..]])
        );
        assert_eq!(
            ids_for(OPENPGP_MANUFACTURER, "OpenPGP card (User PIN (sig))"),
            Some(vec![&[1u8][..]])
        );
    }
}
