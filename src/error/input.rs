//! Bad input from the user: files, flags and answers that cannot be used as given. Checked
//! before the token is touched wherever the input allows it.

use std::path::PathBuf;

/// What is wrong with what the user gave.
#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum InputError {
    /// The output file exists and `--force` was not given.
    #[error("{} already exists", path.display())]
    FileExists {
        /// The file.
        path: PathBuf,
    },
    /// The folder an output file goes into does not exist.
    #[error("the folder of {} does not exist", path.display())]
    NoSuchFolder {
        /// The output file.
        path: PathBuf,
    },
    /// An input path that is not a regular file (a FIFO, a device, a folder).
    #[error("{} is not a regular file", path.display())]
    NotARegularFile {
        /// The path.
        path: PathBuf,
    },
    /// An input file larger than tokenward reads.
    #[error("{} is larger than {max} bytes", path.display())]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        max: u64,
    },
    /// A label or name holds a control character or a bidirectional override.
    #[error("the {what} holds a control character ({character}) at character {position}")]
    ControlCharacter {
        /// What ("label").
        what: &'static str,
        /// Where, counting characters from 1.
        position: usize,
        /// Which, as U+XXXX.
        character: String,
    },
    /// A path that is not UTF-8 (tokenward names every file it writes in its output).
    #[error("the path {} is not UTF-8", path.display())]
    PathNotUtf8 {
        /// The path.
        path: PathBuf,
    },
    /// An id given on the command line is not hex.
    #[error("{flag} {value:?} is not hex")]
    NotHex {
        /// The flag (`--id`).
        flag: &'static str,
        /// What was typed.
        value: String,
    },
    /// A text file is not UTF-8.
    #[error("{} is not a UTF-8 text file", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// A certificate file could not be read as certificates.
    #[error("{}: {reason}", path.display())]
    BadCertificateFile {
        /// The file.
        path: PathBuf,
        /// Why, from the parser.
        reason: String,
    },
    /// A certificate file holds no certificate.
    #[error("the {flag} file holds no certificate")]
    NoCertificateInFile {
        /// The flag that named it.
        flag: &'static str,
    },
    /// A key file is neither PKCS#12 nor a private key.
    #[error("{} is neither a PKCS#12 file (.p12/.pfx) nor a private key file (PEM or DER PKCS#8)", path.display())]
    NotAKeyFile {
        /// The file.
        path: PathBuf,
    },
    /// A signature file is not CMS and nothing says how to check it raw.
    #[error("{} is not a CMS signature", path.display())]
    NotCms {
        /// The file.
        path: PathBuf,
    },
    /// A PEM file is broken.
    #[error("{}: broken PEM ({reason})", path.display())]
    BadPem {
        /// The file.
        path: PathBuf,
        /// Why, from the parser.
        reason: String,
    },
    /// A signature file in PEM that does not decode.
    #[error("the signature file is broken PEM ({reason})")]
    SignatureBrokenPem {
        /// The decoder's words.
        reason: String,
    },
    /// A signature file that is not CMS.
    #[error("the signature file is not a CMS/PKCS#7 signature ({reason})")]
    SignatureNotCms {
        /// The parser's words.
        reason: String,
    },
    /// A CMS file that holds something other than SignedData.
    #[error("the CMS file holds {content_type} content, not a signature")]
    CmsNotSignedData {
        /// Its content type OID.
        content_type: String,
    },
    /// A damaged CMS signature.
    #[error("the CMS signature is damaged ({reason})")]
    CmsDamaged {
        /// The parser's words.
        reason: String,
    },
    /// Two options that do not go together.
    #[error("{given} does not go with {with}")]
    Conflict {
        /// The option given.
        given: &'static str,
        /// What it conflicts with.
        with: &'static str,
    },
    /// DER holds one certificate, and a chain was asked for.
    #[error("DER holds one certificate")]
    DerHoldsOne,
    /// Several files without `--batch`.
    #[error("several files given")]
    SeveralFiles,
    /// A directory without `--batch`.
    #[error("{} is a directory", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// `--out` with several files.
    #[error("--out names one signature file")]
    OutWithSeveral,
    /// No trusted CA given.
    #[error("no trusted CA certificate was given")]
    NoTrustAnchor,
    /// `--ca` without the signer's certificate.
    #[error("--ca checks the signer's certificate chain")]
    CaWithoutCert,
    /// A mechanism name tokenward does not know.
    #[error("unknown mechanism {name:?}")]
    UnknownMechanism {
        /// What was typed.
        name: String,
        /// The names tokenward knows.
        known: Vec<&'static str>,
    },
    /// A value that is not one of those offered.
    #[error(transparent)]
    UnknownName(#[from] crate::names::UnknownName),
    /// A confirmation is needed and there is no terminal.
    #[error("this deletes data and there is no terminal to confirm on")]
    NoTerminalToConfirm,
    /// The user did not confirm.
    #[error("not confirmed; nothing was deleted")]
    NotConfirmed,
    /// The answer to a question could not be read.
    #[error("cannot read the answer: {reason}")]
    AnswerUnreadable {
        /// Why.
        reason: String,
    },
    /// `certs select` without a certificate.
    #[error("name the certificate to make the default")]
    CertificateNotNamed,
    /// The chosen certificate cannot be parsed.
    #[error("that certificate is unreadable ({reason})")]
    CertificateUnreadable {
        /// Why, from the parser.
        reason: String,
    },
    /// No key on the token belongs to a certificate being imported.
    #[error("no key on token \"{token}\" belongs to the certificate \"{subject}\"")]
    NoKeyForCertificate {
        /// The token's label.
        token: String,
        /// The certificate's common name.
        subject: String,
    },
    /// A CMS signature needs the signer's certificate and none is on the token.
    #[error("a CMS signature carries the signer's certificate, and no certificate on the token belongs to the key \"{key}\"")]
    NoCertificateForCms {
        /// The key's label.
        key: String,
    },
    /// A label is empty.
    #[error("the {what} label cannot be empty")]
    LabelEmpty {
        /// "token", "key".
        what: &'static str,
    },
    /// A key id this token does not take (an OpenPGP card has only 01, 02 and 03).
    #[error("this token takes only the key ids {allowed}, not {id}")]
    IdNotAllowed {
        /// The id given, in hex.
        id: String,
        /// The ids it takes, in hex, comma-separated.
        allowed: String,
    },
    /// Every key id the token takes is in use.
    #[error("every key slot of this token is in use (ids {allowed})")]
    NoFreeKeySlot {
        /// The ids it takes, in hex, comma-separated.
        allowed: String,
    },
    /// A token label is too long.
    #[error("the token label is {bytes} bytes long; PKCS#11 allows {max} bytes (a Cyrillic letter takes 2)")]
    LabelTooLong {
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// No blank token to initialise.
    #[error("no blank token is present")]
    NoBlankToken,
    /// Several blank tokens and none named.
    #[error("{count} blank tokens are present")]
    SeveralBlankTokens {
        /// How many.
        count: usize,
    },
    /// Re-initialising without `--force`.
    #[error("token \"{label}\" (serial {serial}) is already initialised; initialising it again DESTROYS every key and certificate on it")]
    AlreadyInitialised {
        /// Its label.
        label: String,
        /// Its serial.
        serial: String,
    },
    /// Re-initialising needs the label typed again.
    #[error("re-initialising needs the current label typed again")]
    LabelNotConfirmed {
        /// The token's label.
        label: String,
    },
    /// The label typed again differs.
    #[error("the label typed does not match the token's label \"{label}\"; nothing was changed")]
    LabelMismatch {
        /// The token's label.
        label: String,
    },
    /// Not an email address.
    #[error("{given:?} is not an email address")]
    NotAnEmail {
        /// What was typed.
        given: String,
    },
}

impl InputError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        use InputError::*;
        Some(match self {
            FileExists { .. } => "add --force to replace it".into(),
            NoSuchFolder { .. } => "create the folder first, or give another path".into(),
            ControlCharacter { what, .. } => format!("give the {what} without it (with --label, where the {what} came from a file)"),
            PathNotUtf8 { .. } => "choose a file name in UTF-8".into(),
            NotARegularFile { .. } => "give the path of an ordinary file".into(),
            FileTooLarge { .. } => "check that this is the right file".into(),
            NotHex { flag, .. } => format!("give the id as hex digits, for example {flag} 01a2"),
            NotText { .. } => "save it as UTF-8 text".into(),
            NoCertificateInFile { .. } | BadCertificateFile { .. } => {
                "give a certificate in PEM or DER form".into()
            }
            NotAKeyFile { .. } => return None,
            SignatureNotCms { .. } => "for a raw signature give --cert or --pubkey".into(),
            SignatureBrokenPem { .. } | CmsNotSignedData { .. } | CmsDamaged { .. } => return None,
            NotCms { .. } => {
                "for a raw signature give the signer's --cert or --pubkey".into()
            }
            BadPem { .. } => return None,
            Conflict { .. } => return None,
            DerHoldsOne => "for a chain use PEM (drop --der)".into(),
            SeveralFiles => "add --batch to sign them all over one login".into(),
            IsDirectory { .. } => "add --batch to sign the files in it".into(),
            OutWithSeveral => "with several files each signature goes next to its file".into(),
            CaWithoutCert => "give the signer's --cert".into(),
            NoTrustAnchor => "give the CA certificates you trust with --ca FILE (repeatable)".into(),
            UnknownMechanism { known, .. } => format!("tokenward knows {}", known.join(", ")),
            UnknownName(_) => return None,
            NoTerminalToConfirm => "add --yes".into(),
            NotConfirmed | AnswerUnreadable { .. } => return None,
            CertificateNotNamed => "give its label, id, fingerprint prefix or URI (see `tokenward certs list`)".into(),
            CertificateUnreadable { .. } => "it cannot be the default; choose another".into(),
            NoKeyForCertificate { .. } => "import its key first (for example with its PKCS#12 file), or add --ca for a CA certificate. Nothing was imported".into(),
            NoCertificateForCms { .. } => "import it (`tokenward certs import`) or use --format raw".into(),
            LabelEmpty { .. } => "give a label with --label".into(),
            IdNotAllowed { allowed, .. } => format!("give one of {allowed} with --id, or leave --id out to use a free one"),
            NoFreeKeySlot { .. } => "delete a key you no longer need (`tokenward keys delete`) or give its id with --id to replace it".into(),
            LabelTooLong { .. } => "shorten it".into(),
            NoBlankToken => "to re-initialise a token (destroying its keys) name it with --token and add --force".into(),
            SeveralBlankTokens { .. } => "name the one to initialise with --token (a URI with slot-id, from `tokenward tokens`)".into(),
            AlreadyInitialised { .. } => "if that is what you want, add --force".into(),
            LabelNotConfirmed { label } => format!("add --confirm-label {label:?}"),
            LabelMismatch { .. } => return None,
            NotAnEmail { .. } => "give the Gmail address that should receive the recovery key".into(),
        })
    }
}
