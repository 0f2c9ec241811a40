//! Bad input from the user: files, flags and answers that cannot be used as given. Checked
//! before the token is touched wherever the input allows it.

use std::path::PathBuf;

/// What is wrong with what the user gave.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr, serde::Serialize, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum InputError {
    /// The output file exists and `--force` was not given.
    FileExists {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// The folder an output file goes into does not exist.
    NoSuchFolder {
        /// The output file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// An input path that is not a regular file (a FIFO, a device, a folder).
    NotARegularFile {
        /// The path.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// An input file larger than tokenward reads.
    FileTooLarge {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
        /// The limit.
        max: u64,
    },
    /// A file that would be read whole into memory (a raw Ed25519 signature covers the whole
    /// file, not a digest of it) is larger than tokenward reads whole.
    WholeFileTooLarge {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
        /// The limit.
        max: u64,
    },
    /// A label or name holds a control character or a bidirectional override.
    ControlCharacter {
        /// What ("label").
        what: &'static str,
        /// Where, counting characters from 1.
        position: usize,
        /// Which, as U+XXXX.
        character: String,
    },
    /// A path that is not UTF-8 (tokenward names every file it writes in its output).
    PathNotUtf8 {
        /// The path.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// An id given on the command line is not hex.
    NotHex {
        /// The flag (`--id`).
        flag: &'static str,
        /// What was typed.
        value: String,
    },
    /// A text file is not UTF-8.
    NotText {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// A certificate file could not be read as certificates.
    BadCertificateFile {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
        /// Why, from the parser.
        reason: String,
    },
    /// A certificate file holds no certificate.
    NoCertificateInFile {
        /// The flag that named it.
        flag: &'static str,
    },
    /// A key file is neither PKCS#12 nor a private key.
    NotAKeyFile {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// A signature file is not CMS and nothing says how to check it raw.
    NotCms {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// A PEM file is broken.
    BadPem {
        /// The file.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
        /// Why, from the parser.
        reason: String,
    },
    /// A signature file in PEM that does not decode.
    SignatureBrokenPem {
        /// The decoder's words.
        reason: String,
    },
    /// A signature file that is not CMS.
    SignatureNotCms {
        /// The parser's words.
        reason: String,
    },
    /// A CMS file that holds something other than SignedData.
    CmsNotSignedData {
        /// Its content type OID.
        content_type: String,
    },
    /// A damaged CMS signature.
    CmsDamaged {
        /// The parser's words.
        reason: String,
    },
    /// Two options that do not go together.
    Conflict {
        /// The option given.
        given: &'static str,
        /// What it conflicts with: a flag, or the id of a situation the catalogue words
        /// (`pkcs12-file`, `format-pkcs12`, `user-pin-change`).
        with: &'static str,
    },
    /// DER holds one certificate, and a chain was asked for.
    DerHoldsOne,
    /// Several files without `--batch`.
    SeveralFiles,
    /// A directory without `--batch`.
    IsDirectory {
        /// The directory.
        #[serde(serialize_with = "super::catalogue::path")]
        path: PathBuf,
    },
    /// `--out` with several files.
    OutWithSeveral,
    /// No trusted CA given.
    NoTrustAnchor,
    /// `--ca` without the signer's certificate.
    CaWithoutCert,
    /// A mechanism name tokenward does not know.
    UnknownMechanism {
        /// What was typed.
        name: String,
        /// The names tokenward knows.
        known: Vec<&'static str>,
    },
    /// A value that is not one of those offered.
    UnknownName(#[from] crate::names::UnknownName),
    /// A confirmation is needed and there is no terminal.
    NoTerminalToConfirm,
    /// The user did not confirm.
    NotConfirmed,
    /// The answer to a question could not be read.
    AnswerUnreadable {
        /// Why.
        reason: String,
    },
    /// `certs select` without a certificate.
    CertificateNotNamed,
    /// The chosen certificate cannot be parsed.
    CertificateUnreadable {
        /// Why, from the parser.
        reason: String,
    },
    /// No key on the token belongs to a certificate being imported.
    NoKeyForCertificate {
        /// The token's label.
        token: String,
        /// The certificate's common name.
        subject: String,
    },
    /// A CMS signature needs the signer's certificate and none is on the token.
    NoCertificateForCms {
        /// The key's label.
        key: String,
    },
    /// Issuer certificates given (`sign --chain`) for a raw signature, which carries none.
    ChainForRaw,
    /// None of the certificates given with `sign --chain` issued the signer's certificate.
    NoIssuerInChainFile {
        /// The signer's certificate's subject.
        subject: String,
        /// Its issuer, the certificate that was looked for.
        issuer: String,
    },
    /// A label is empty.
    LabelEmpty {
        /// "token", "key".
        what: &'static str,
    },
    /// A key id this token does not take (an OpenPGP card has only 01, 02 and 03).
    IdNotAllowed {
        /// The id given, in hex.
        id: String,
        /// The ids it takes, in hex, comma-separated.
        allowed: String,
    },
    /// Every key id the token takes is in use.
    NoFreeKeySlot {
        /// The ids it takes, in hex, comma-separated.
        allowed: String,
    },
    /// A token label is too long.
    LabelTooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// A key or certificate label longer than tokens take.
    ObjectLabelTooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// No blank token to initialise.
    NoBlankToken,
    /// Several blank tokens and none named.
    SeveralBlankTokens {
        /// How many.
        count: usize,
    },
    /// Re-initialising without `--force`.
    AlreadyInitialised {
        /// Its label.
        label: String,
        /// Its serial.
        serial: String,
    },
    /// Re-initialising needs the label typed again.
    LabelNotConfirmed {
        /// The token's label.
        label: String,
    },
    /// The label typed again differs.
    LabelMismatch {
        /// The token's label.
        label: String,
    },
    /// Not an email address.
    NotAnEmail {
        /// What was typed.
        given: String,
    },
}

super::catalogue::catalogued!(InputError, "input");
