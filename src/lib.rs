//! tokenward: a credential manager for hardware tokens (USB tokens and smart cards) driven
//! through their vendors' PKCS#11 modules.
//!
//! The library holds everything a script or another program could want; the `tokenward`
//! binary only parses the command line and renders what the library returns. A program opens a
//! [`Workspace`] (the configuration, the modules, the token selector, the audit log) and calls
//! the operations in [`ops`], answering their questions for PINs through an [`ops::Ask`] such
//! as [`ops::Sources`]. The [`sign::Signer`] signs many times over one login, from any thread.
//!
//! ```
//! # fn main() -> tokenward::Result<()> {
//! # // A throwaway SoftHSM2 token with a key on it, as the tests make them.
//! # let dir = tempfile::tempdir().unwrap();
//! # let tokens = dir.path().join("tokens");
//! # std::fs::create_dir(&tokens).unwrap();
//! # let conf = dir.path().join("softhsm2.conf");
//! # std::fs::write(&conf, include_str!("../softhsm/softhsm2.conf.template")
//! #     .replace("@TOKENDIR@", tokens.to_str().unwrap())).unwrap();
//! # std::env::set_var("SOFTHSM2_CONF", &conf);
//! # let made = std::process::Command::new("softhsm2-util")
//! #     .args(["--init-token", "--free", "--label", "Accounting", "--so-pin", "so-pin-1234", "--pin", "user-pin-1234"])
//! #     .output().unwrap();
//! # assert!(made.status.success());
//! # std::env::set_var("TOKEN_PIN", "user-pin-1234");
//! # let module = std::path::PathBuf::from("/usr/lib/softhsm/libsofthsm2.so");
//! # let (config, audit_log) = (dir.path().join("config.toml"), dir.path().join("audit.log"));
//! # std::fs::write(&config, "# a named configuration file must exist\n").unwrap();
//! use tokenward::keys::{generate::KeyRequest, KeySpec};
//! use tokenward::ops::{self, Sources};
//! use tokenward::pin::PinSource;
//! use tokenward::sign::Signer;
//! use tokenward::token::find::ObjectSelector;
//! use tokenward::{Options, Workspace};
//!
//! let ws = Workspace::open(Options {
//!     module: Some(module),
//!     config: Some(config),
//!     audit_log: Some(audit_log),
//!     ..Options::default()
//! })?;
//! // Which tokens are plugged in.
//! for slot in ops::tokens::slots(&ws, true)?.slots {
//!     let token = slot.token.expect("a slot with a token");
//!     println!("{} (serial {})", token.label, token.serial);
//! }
//! // The PIN from an environment variable (a file, standard input or a prompt work too);
//! // the workspace never sends a locked PIN, nor one at its final try unless told.
//! let ask = Sources {
//!     user: PinSource::Env("TOKEN_PIN".into()),
//!     ..Sources::default()
//! };
//! let request = KeyRequest {
//!     spec: KeySpec::P256,
//!     label: "signing".into(),
//!     id: None,
//!     extractable: false,
//! };
//! ops::keys::generate(&ws, &request, &ask)?;
//! // Sign with the key through the pooled Signer.
//! let key = ObjectSelector::parse("signing")?;
//! let signature = ws.with_key(false, Some(&key), &ask, |k| {
//!     let signer = Signer::from_session(k.token, k.session, k.key, k.keys, None)?;
//!     signer.sign_default(b"payment order 42")
//! })?;
//! assert!(!signature.is_empty());
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]
#![warn(clippy::missing_errors_doc)]
#![forbid(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod audit;
pub mod cert;
pub mod config;
pub mod error;
pub mod files;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod i18n;
pub mod keys;
pub mod names;
pub mod ops;
pub mod pin;
pub mod process;
pub mod provision;
pub mod readers;
pub mod recovery;
pub mod sign;
pub mod state;
pub mod terminal;
pub mod text;
pub mod token;
pub mod trace;
pub mod uri;
pub mod warning;
pub mod when;
pub mod workspace;

pub use error::{Error, ExitCode, Result};
pub use uri::Pkcs11Uri;
pub use workspace::{Options, Workspace};
