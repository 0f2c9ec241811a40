//! What `verify` checked, one finding each, in words from the catalogue
//! (`checked-verify-KIND`): English in JSON, the person's language on the terminal.

/// One thing `verify` checked.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Checked {
    /// The file's digest is the one the signature signed.
    DigestMatches {
        /// The digest's name.
        digest: &'static str,
    },
    /// A CMS signature verifies with the signer's key.
    SignerKey {
        /// The signer's subject.
        signer: String,
    },
    /// A raw signature verifies with the key given.
    RawSignature {
        /// The mechanism.
        mechanism: String,
        /// The key, in words.
        key: String,
    },
    /// The certificate path to a trusted CA is valid.
    Path {
        /// At what time.
        at: String,
        /// The chain, signer first, joined with arrows.
        chain: String,
    },
    /// The certificate path was not checked (no `--ca`).
    PathNotChecked,
}

crate::error::catalogue::catalogued!(Checked, "verify", "checked");
