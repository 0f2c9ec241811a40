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

/// What a configuration file is for (`purpose-export-config-KIND` in the catalogue).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Purpose {
    /// OpenSSL with libp11's engine.
    OpensslEngine,
    /// OpenSSL 3 with the pkcs11-provider.
    OpensslProvider,
    /// A p11-kit module registration.
    P11kitModule,
    /// The script that registers the module with NSS.
    NssScript,
    /// Java's SunPKCS11 configuration.
    SunPkcs11,
    /// The PKCS11Provider line for ssh.
    SshConfig,
}

crate::error::catalogue::catalogued!(Purpose, "export-config", "purpose");

/// What a person does next with the configuration (`step-export-config-KIND`); `dir` is the
/// folder the files are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantNames)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Step {
    /// Sign with OpenSSL's pkcs11 engine.
    OpensslEngine {
        /// Is the engine installed here?
        installed: bool,
        /// The folder.
        dir: String,
        /// The key's URI.
        uri: String,
    },
    /// Sign with OpenSSL 3's pkcs11-provider.
    OpensslProvider {
        /// Is the provider installed here?
        installed: bool,
        /// The folder.
        dir: String,
        /// The key's URI.
        uri: String,
    },
    /// OpenSSL asks for the PIN; a PIN file only in protected scripts.
    OpensslPin,
    /// Register the p11-kit module.
    GnutlsRegister {
        /// The folder.
        dir: String,
        /// The module file's name.
        file: String,
    },
    /// GnuTLS programs take the key by URI.
    GnutlsUri {
        /// The key's URI.
        uri: String,
    },
    /// Check with p11tool.
    GnutlsCheck {
        /// The module.
        module: String,
        /// The key's URI.
        uri: String,
    },
    /// Run the NSS script.
    NssRun {
        /// The folder.
        dir: String,
    },
    /// How NSS names the key.
    NssNames {
        /// The token's label.
        token: String,
        /// The key's label.
        key: String,
    },
    /// List the key with keytool.
    JavaList {
        /// The folder.
        dir: String,
    },
    /// Java needs the certificate on the token.
    JavaCertificate,
    /// The slot number can change.
    JavaSlot,
    /// The public key for authorized_keys.
    SshPublic {
        /// The module.
        module: String,
    },
    /// How to use the module with ssh.
    SshUse {
        /// The module.
        module: String,
        /// The folder.
        dir: String,
    },
}

crate::error::catalogue::catalogued!(Step, "export-config", "step");

/// One file to write.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ConfigFile {
    /// File name inside the output directory.
    pub name: String,
    /// What it is for, in a few words.
    #[serde(serialize_with = "crate::error::catalogue::display")]
    #[schemars(with = "String")]
    pub purpose: Purpose,
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
    /// Steps for a person, in order.
    #[serde(serialize_with = "crate::error::catalogue::english_list")]
    #[schemars(with = "Vec<String>")]
    pub steps: Vec<Step>,
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

/// Build the configuration for `program`, its files to go into `dir`. Every value placed in a file is escaped for it:
/// labels, names and paths lose their control characters (written `\u{…}`, so a label with a
/// newline cannot add a line to a configuration), and shell words are single-quoted.
pub fn build(program: Program, key: &KeyLocation, dir: &str) -> ProgramConfig {
    let dir = dir.to_string();
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
                    file("openssl-engine.cnf", Purpose::OpensslEngine, engine_cnf),
                    file(
                        "openssl-provider.cnf",
                        Purpose::OpensslProvider,
                        provider_cnf,
                    ),
                ],
                vec![
                    Step::OpensslEngine {
                        installed: engine.exists(),
                        dir: dir.clone(),
                        uri: key.key_uri.clone(),
                    },
                    Step::OpensslProvider {
                        installed: provider.exists(),
                        dir,
                        uri: key.key_uri.clone(),
                    },
                    Step::OpensslPin,
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
                    Purpose::P11kitModule,
                    module_file,
                )],
                vec![
                    Step::GnutlsRegister {
                        dir,
                        file: format!("{token_slug}.module"),
                    },
                    Step::GnutlsUri {
                        uri: key.key_uri.clone(),
                    },
                    Step::GnutlsCheck {
                        module: module.clone(),
                        uri: key.key_uri.clone(),
                    },
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
                vec![file("nss-add-module.sh", Purpose::NssScript, script)],
                vec![
                    Step::NssRun { dir },
                    Step::NssNames {
                        token: key.token_label.clone(),
                        key: key.key_label.clone(),
                    },
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
                vec![file("sunpkcs11.cfg", Purpose::SunPkcs11, cfg)],
                vec![
                    Step::JavaList { dir },
                    Step::JavaCertificate,
                    Step::JavaSlot,
                ],
            )
        }
        Program::Ssh => {
            let conf = format!(
                "# OpenSSH client configuration (written by tokenward): add to ~/.ssh/config\nHost *\n    PKCS11Provider {module}\n"
            );
            (
                vec![file("ssh_config", Purpose::SshConfig, conf)],
                vec![
                    Step::SshPublic {
                        module: module.clone(),
                    },
                    Step::SshUse {
                        module: module.clone(),
                        dir,
                    },
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

fn file(name: &str, purpose: Purpose, contents: String) -> ConfigFile {
    ConfigFile {
        name: name.into(),
        purpose,
        contents,
    }
}
