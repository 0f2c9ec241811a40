//! `export-config --for openssl|gnutls|nss|java|ssh`: what another program needs to use a key
//! where it is, on the token, through PKCS#11. Nothing secret is written: no PIN, no key.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::text::{escaped, shell_word};

crate::names::named_enum! {
    /// The programs tokenward writes configuration for.
    pub enum Program: "program" {
        /// OpenSSL 3 (pkcs11 engine from libp11, and the pkcs11-provider).
        Openssl = "openssl",
        /// GnuTLS tools and programs (through p11-kit).
        Gnutls = "gnutls",
        /// NSS: Firefox, Thunderbird, certutil.
        Nss = "nss",
        /// Java's SunPKCS11 provider (keytool, jarsigner, Java programs).
        Java = "java",
        /// OpenSSH (ssh, ssh-agent, ssh-keygen).
        Ssh = "ssh",
    }
}

impl Program {
    /// The program's name for people.
    pub fn display_name(self) -> &'static str {
        match self {
            Program::Openssl => "OpenSSL",
            Program::Gnutls => "GnuTLS",
            Program::Nss => "NSS (Firefox, Thunderbird)",
            Program::Java => "Java",
            Program::Ssh => "OpenSSH",
        }
    }
}

/// The key to point programs at.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct KeyLocation {
    /// The PKCS#11 module.
    pub module: PathBuf,
    /// The token's label.
    pub token_label: String,
    /// The token's serial.
    pub token_serial: String,
    /// The slot id (used only where a program cannot select by token).
    pub slot_id: u64,
    /// The private key's label.
    pub key_label: String,
    /// The private key's URI (RFC 7512), without the module.
    pub key_uri: String,
    /// The certificate's URI, if the key has one on the token.
    pub cert_uri: Option<String>,
}

/// One file to write.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ConfigFile {
    /// File name inside the output directory.
    pub name: String,
    /// What it is for, in a few words.
    pub purpose: String,
    /// Its contents.
    #[serde(skip)]
    pub contents: String,
}

/// The configuration for one program.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProgramConfig {
    /// Which program.
    pub program: Program,
    /// The key's URI with the module path (RFC 7512 `module-path`).
    pub uri: String,
    /// Files to write.
    pub files: Vec<ConfigFile>,
    /// Steps for a person, in order; `{dir}` stands for the output directory.
    pub steps: Vec<String>,
}

/// Where libp11's OpenSSL engine is installed (Debian: libengine-pkcs11-openssl).
pub fn openssl_engine() -> PathBuf {
    first_existing(&[
        "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so",
        "/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so",
        "/usr/lib64/engines-3/pkcs11.so",
        "/usr/lib/engines-3/pkcs11.so",
        "/opt/homebrew/lib/engines-3/pkcs11.dylib",
        "/usr/local/lib/engines-3/pkcs11.dylib",
    ])
}

/// Where the OpenSSL 3 pkcs11-provider is installed.
pub fn openssl_provider() -> PathBuf {
    first_existing(&[
        "/usr/lib/x86_64-linux-gnu/ossl-modules/pkcs11.so",
        "/usr/lib/aarch64-linux-gnu/ossl-modules/pkcs11.so",
        "/usr/lib64/ossl-modules/pkcs11.so",
        "/opt/homebrew/lib/ossl-modules/pkcs11.dylib",
    ])
}

fn first_existing(paths: &[&str]) -> PathBuf {
    paths
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from(paths[0]))
}

fn with_module(uri: &str, module: &Path) -> String {
    match crate::uri::Pkcs11Uri::parse(uri) {
        Ok(mut u) => {
            u.module_path = Some(module.to_string_lossy().into_owned());
            u.to_string()
        }
        Err(_) => uri.to_string(),
    }
}

/// A name made of letters, digits and dashes.
fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "token".into()
    } else {
        s
    }
}

/// Build the configuration for `program`. Every value placed in a file is escaped for it:
/// labels, names and paths lose their control characters (written `\u{…}`, so a label with a
/// newline cannot add a line to a configuration), and shell words are single-quoted.
pub fn build(program: Program, key: &KeyLocation) -> ProgramConfig {
    let raw_module = key.module.display().to_string();
    let module = escaped(&raw_module).into_owned();
    let uri = with_module(&key.key_uri, &key.module);
    let token_slug = slug(&key.token_label);
    let safe = KeyLocation {
        token_label: escaped(&key.token_label).into_owned(),
        key_label: escaped(&key.key_label).into_owned(),
        key_uri: escaped(&key.key_uri).into_owned(),
        ..key.clone()
    };
    let key = &safe;
    let (files, steps) = match program {
        Program::Openssl => {
            let engine = openssl_engine();
            let provider = openssl_provider();
            let engine_cnf = format!(
                "# OpenSSL configuration for the key \"{key_label}\" on token \"{token}\" (written by tokenward).\n\
                 # Use: OPENSSL_CONF=openssl-engine.cnf openssl pkeyutl -engine pkcs11 -keyform engine -inkey '{key_uri}' ...\n\
                 openssl_conf = openssl_init\n\n\
                 [openssl_init]\nengines = engine_section\n\n\
                 [engine_section]\npkcs11 = pkcs11_section\n\n\
                 [pkcs11_section]\nengine_id = pkcs11\ndynamic_path = {engine}\nMODULE_PATH = {module}\ninit = 0\n",
                key_label = key.key_label,
                token = key.token_label,
                key_uri = key.key_uri,
                engine = engine.display(),
            );
            let provider_cnf = format!(
                "# OpenSSL 3 configuration for the pkcs11-provider (written by tokenward).\n\
                 # Use: OPENSSL_CONF=openssl-provider.cnf openssl pkeyutl -sign -inkey '{key_uri}' ...\n\
                 openssl_conf = openssl_init\n\n\
                 [openssl_init]\nproviders = provider_section\n\n\
                 [provider_section]\ndefault = default_section\npkcs11 = pkcs11_section\n\n\
                 [default_section]\nactivate = 1\n\n\
                 [pkcs11_section]\nmodule = {provider}\npkcs11-module-path = {module}\nactivate = 1\n",
                key_uri = key.key_uri,
                provider = provider.display(),
            );
            (
                vec![
                    file("openssl-engine.cnf", "OpenSSL with libp11's pkcs11 engine", engine_cnf),
                    file("openssl-provider.cnf", "OpenSSL 3 with the pkcs11-provider", provider_cnf),
                ],
                vec![
                    format!("Engine (libp11, Debian package libengine-pkcs11-openssl{}): OPENSSL_CONF={{dir}}/openssl-engine.cnf openssl pkeyutl -engine pkcs11 -keyform engine -inkey '{}' -sign -in DIGEST -out SIG", if engine.exists() { "" } else { ", not installed here" }, key.key_uri),
                    format!("Provider (pkcs11-provider{}): OPENSSL_CONF={{dir}}/openssl-provider.cnf openssl pkeyutl -sign -inkey '{}' -in DIGEST -out SIG", if provider.exists() { "" } else { ", not installed here" }, key.key_uri),
                    "Either asks for the PIN when it needs it; add ;pin-source=file:/path to the URI only in scripts whose PIN file is protected.".into(),
                ],
            )
        }
        Program::Gnutls => {
            let module_file = format!(
                "# p11-kit module for token \"{}\" (written by tokenward)\nmodule: {module}\n",
                key.token_label
            );
            (
                vec![file(
                    &format!("{token_slug}.module"),
                    "p11-kit module registration, read by GnuTLS programs",
                    module_file,
                )],
                vec![
                    format!("Register the module once: copy {{dir}}/{token_slug}.module to ~/.config/pkcs11/modules/ (for you) or /etc/pkcs11/modules/ (for everyone)."),
                    format!("GnuTLS programs then take the key by its URI: '{}'", key.key_uri),
                    format!("Check: p11tool --provider {module} --login --list-privkeys '{}'", key.key_uri),
                ],
            )
        }
        Program::Nss => {
            let script = format!(
                "#!/bin/sh\n# Add the token's PKCS#11 module to an NSS database (written by tokenward).\n\
                 # Default database: Firefox/Chromium's shared one; pass another directory as $1.\n\
                 set -e\nDB=\"${{1:-$HOME/.pki/nssdb}}\"\nmkdir -p \"$DB\"\n\
                 [ -f \"$DB/cert9.db\" ] || certutil -N -d \"sql:$DB\" --empty-password\n\
                 modutil -dbdir \"sql:$DB\" -add {name} -libfile {library} -force\n\
                 modutil -dbdir \"sql:$DB\" -list {name}\n",
                name = shell_word(&format!("tokenward {}", key.token_label)),
                library = shell_word(&raw_module),
            );
            (
                vec![file("nss-add-module.sh", "registers the module with an NSS database", script)],
                vec![
                    "Run: sh {dir}/nss-add-module.sh (or give an NSS database directory; for a Firefox profile, close Firefox first).".into(),
                    format!("NSS names the key by token and certificate label: \"{}:{}\"; check with certutil -d sql:$HOME/.pki/nssdb -L -h '{}'", key.token_label, key.key_label, key.token_label),
                ],
            )
        }
        Program::Java => {
            let cfg = format!(
                "# SunPKCS11 configuration for token \"{token}\" (written by tokenward)\n\
                 name = tokenward-{token_slug}\nlibrary = {module}\nslot = {slot}\n",
                token = key.token_label,
                slot = key.slot_id,
            );
            (
                vec![file("sunpkcs11.cfg", "Java SunPKCS11 provider configuration", cfg)],
                vec![
                    "List the key: keytool -list -keystore NONE -storetype PKCS11 -providerClass sun.security.pkcs11.SunPKCS11 -providerArg {dir}/sunpkcs11.cfg".into(),
                    "Java sees a key only together with its certificate on the token (a PrivateKeyEntry); import the certificate first if `tokenward certs list` does not show it.".into(),
                    "The slot number is the module's; if the token moves to another reader, run export-config again.".into(),
                ],
            )
        }
        Program::Ssh => {
            let conf = format!(
                "# OpenSSH client configuration (written by tokenward): add to ~/.ssh/config\nHost *\n    PKCS11Provider {module}\n"
            );
            (
                vec![file("ssh_config", "the PKCS11Provider line for ~/.ssh/config", conf)],
                vec![
                    format!("See the public key to put in the server's authorized_keys: ssh-keygen -D {module}"),
                    format!("Use it once: ssh -I {module} user@host; or always: add {{dir}}/ssh_config to ~/.ssh/config; or load it into the agent: ssh-add -s {module}"),
                ],
            )
        }
    };
    ProgramConfig {
        program,
        uri,
        files,
        steps,
    }
}

fn file(name: &str, purpose: &str, contents: String) -> ConfigFile {
    ConfigFile {
        name: name.into(),
        purpose: purpose.into(),
        contents,
    }
}
